"""The persistent incident store: one SQLite file (WAL) keeping articles, resolutions, incidents,
analyst corrections and rejections across runs."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import json
import sqlite3
import time
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any

from mapper.codec import decode, encode, loads
from mapper.errors import InputError, MapperError, OutputError
from mapper.model import Article, Incident, Resolution, Source
from mapper.names import normalize, strip_generic
from mapper.store_merge import insert_incident, merge_stored
from mapper.store_results import ArticleResult, IngestCounts, content_hash, rekey, resolution_row, safe_text

#: Bumped whenever the tables change; a store written by a newer version is refused.
SCHEMA_VERSION = 1
#: Where ``mapper add`` keeps its store unless ``--store`` says otherwise.
DEFAULT_STORE = Path("outputs") / "store.sqlite"
#: Corrections keyed by (article id or ``ANY_ARTICLE``, normalised mention name) -> place id.
Corrections = Mapping[tuple[str, str], str]
ANY_ARTICLE = "*"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    article_id TEXT PRIMARY KEY, content_hash TEXT NOT NULL UNIQUE, title TEXT, published TEXT,
    url TEXT, source TEXT, path TEXT, added_at TEXT NOT NULL, data TEXT NOT NULL, text BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS resolutions (
    article_id TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE, seq INTEGER NOT NULL,
    name TEXT NOT NULL, place_id TEXT, data TEXT NOT NULL, PRIMARY KEY (article_id, seq));
CREATE INDEX IF NOT EXISTS resolutions_place ON resolutions(place_id);
CREATE TABLE IF NOT EXISTS incidents (
    incident_id TEXT PRIMARY KEY, type TEXT NOT NULL, place_id TEXT NOT NULL, date_start TEXT,
    date_end TEXT, lat REAL NOT NULL, lon REAL NOT NULL, name TEXT NOT NULL, subtype TEXT NOT NULL,
    date_precision TEXT, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS incident_counts (
    incident_id TEXT NOT NULL REFERENCES incidents(incident_id) ON DELETE CASCADE, type TEXT NOT NULL,
    count TEXT NOT NULL, PRIMARY KEY (incident_id, count));
CREATE INDEX IF NOT EXISTS incident_counts_key ON incident_counts(type, count);
CREATE INDEX IF NOT EXISTS incidents_date ON incidents(type, subtype, date_start);
CREATE INDEX IF NOT EXISTS incidents_name ON incidents(name) WHERE name != '';
CREATE TABLE IF NOT EXISTS incident_sources (
    incident_id TEXT NOT NULL REFERENCES incidents(incident_id) ON DELETE CASCADE,
    article_id TEXT NOT NULL, seq INTEGER NOT NULL, data TEXT NOT NULL,
    PRIMARY KEY (incident_id, article_id, seq));
CREATE INDEX IF NOT EXISTS incident_sources_article ON incident_sources(article_id);
CREATE TABLE IF NOT EXISTS corrections (
    article_id TEXT NOT NULL, name TEXT NOT NULL, place_id TEXT NOT NULL, added_at TEXT NOT NULL,
    PRIMARY KEY (article_id, name));
CREATE TABLE IF NOT EXISTS rejected (incident_id TEXT PRIMARY KEY, added_at TEXT NOT NULL);
"""


def _guarded(method: Any) -> Any:
    """A damaged file can fail any query, not only the first: report it as the store's error."""

    @functools.wraps(method)
    def wrapper(self: Store, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            raise self._error(exc) from exc

    return wrapper



def correction_key(mention: str) -> str:
    """The key a correction is kept under: the mention's name as the resolver sees it, without a
    generic word ("Mangistau Region" -> "mangistau"), normalised."""
    return normalize(strip_generic(mention)[0])


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Store:
    """An incident store in one SQLite file; open it with ``Store(path)`` or as a context manager.

    Parameters
    ----------
    path
        The store file; created with its folder when missing.
    timeout
        Seconds to wait for another process writing the same store before failing.
    create
        With ``False``, a missing file is an error instead of a new empty store (for readers).
    """

    def __init__(self, path: str | Path = DEFAULT_STORE, *, timeout: float = 30.0, create: bool = True) -> None:
        self.path = Path(path)
        self.timeout, self.create = timeout, create
        if not create and not self.path.is_file():
            raise InputError(f"no store at {self.path}; create one with: mapper add INPUT --store {self.path}")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        except (sqlite3.DatabaseError, OSError) as exc:
            raise OutputError(f"cannot open store {self.path}: {exc}") from exc
        deadline = time.monotonic() + timeout
        while True:
            try:
                self._setup()
                return
            except sqlite3.DatabaseError as exc:
                # Two processes creating one store at once: switching to WAL can fail at once with
                # "locked" instead of waiting; wait and try again, up to the timeout.
                busy = "locked" in str(exc) or "busy" in str(exc)
                if not busy or time.monotonic() > deadline:
                    raise self._error(exc) from exc
            except MapperError as exc:
                if "is busy" not in str(exc) or time.monotonic() > deadline:
                    raise
            time.sleep(0.1)

    def _setup(self) -> None:
        # Version and tables in one statement, so one snapshot: read apart, another process creating the
        # store could commit between them (version 0 read before, its tables after: "other tables").
        version, tables = self._db.execute(
            "SELECT (SELECT user_version FROM pragma_user_version), EXISTS (SELECT 1 FROM sqlite_master)").fetchone()
        if version == 0:  # checked before WAL mode is set: that alone would write to the file
            if not self.create:
                raise InputError(f"{self.path} is not a mapper store (it is empty or holds something else); "
                                 f"create one with: mapper add INPUT --store <new file>")
            if tables:
                self._foreign()
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        if version != SCHEMA_VERSION:
            with self.transaction():  # readers of an up-to-date store never take the write lock
                self._migrate()

    def _foreign(self) -> None:
        raise InputError(f"{self.path} is not a mapper store: it is an SQLite file holding other tables; "
                         f"give --store a new file")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the file; later calls fail."""
        self._db.close()

    def _error(self, exc: sqlite3.Error) -> MapperError:
        text = str(exc)
        if "locked" in text or "busy" in text:
            return OutputError(f"store {self.path} is busy: another mapper process is writing to it "
                               f"(waited {self.timeout:g} s); try again when it has finished")
        if "not a database" in text or "malformed" in text:
            return InputError(f"{self.path} is not a mapper store (or is damaged): {text}")
        return OutputError(f"store {self.path}: {text}")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is committed, or none of it."""
        try:
            self._db.execute("BEGIN IMMEDIATE")  # take the write lock now, waiting up to `timeout`
        except sqlite3.Error as exc:
            raise self._error(exc) from exc
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        try:
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise self._error(exc) from exc

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise InputError(f"store {self.path} has schema version {version}; this mapper reads "
                             f"up to {SCHEMA_VERSION}: upgrade incident-mapper")
        if version == 0 and self._db.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone():
            self._foreign()  # (checked again under the write lock: another process may have created it meanwhile)
        if version < SCHEMA_VERSION:
            # One statement at a time: executescript() would commit the open transaction.
            for statement in filter(str.strip, _SCHEMA.split(";")):
                self._db.execute(statement)
            self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    # -- reading -------------------------------------------------------------------------------

    @_guarded
    def counts(self) -> dict[str, int]:
        """Row counts per table, e.g. ``{"articles": 3, "incidents": 2, ...}``."""
        tables = ("articles", "resolutions", "incidents", "incident_sources", "incident_counts", "corrections",
                  "rejected")
        return {t: self._db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    @_guarded
    def unseen(self, articles: Sequence[Article], *, pending_hashes: AbstractSet[str] = frozenset(),
               pending_ids: AbstractSet[str] = frozenset()) -> list[tuple[Article, str]]:
        """The articles whose text the store has not seen, with their content hashes.

        An article whose id is taken by different text gets the id ``<id>~<hash prefix>``.
        ``pending_hashes`` and ``pending_ids`` belong to articles on their way in, not yet committed.
        """
        hashes = [content_hash(a) for a in articles]
        known = self._in("SELECT content_hash FROM articles WHERE content_hash IN ({})", hashes)
        known |= {h for h in hashes if h in pending_hashes}
        taken = self._in("SELECT article_id FROM articles WHERE article_id IN ({})",
                         [a.id for a in articles])
        taken |= {a.id for a in articles if a.id in pending_ids}
        out, batch_hashes = [], set()
        for article, digest in zip(articles, hashes, strict=True):
            if digest in known or digest in batch_hashes:
                continue
            batch_hashes.add(digest)
            if article.id in taken:
                article = dataclasses.replace(article, id=f"{article.id}~{digest[:10]}")
            taken.add(article.id)
            out.append((article, digest))
        return out

    def _in(self, sql: str, values: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(values), 500):
            chunk = values[i:i + 500]
            rows = self._db.execute(sql.format(",".join("?" * len(chunk))), chunk)
            found.update(r[0] for r in rows)
        return found

    @_guarded
    def article(self, article_id: str) -> Article | None:
        """The stored article with this id (text included), or ``None``."""
        row = self._db.execute("SELECT data, text FROM articles WHERE article_id=?",
                               (article_id,)).fetchone()
        if row is None:
            return None
        meta = json.loads(row[0])
        meta["text"] = zlib.decompress(row[1]).decode("utf-8", "surrogatepass")
        return decode(Article, meta)

    @_guarded
    def article_ids(self) -> list[str]:
        """Ids of every stored article, in the order they were added."""
        return [r[0] for r in self._db.execute("SELECT article_id FROM articles ORDER BY rowid")]

    @_guarded
    def resolutions(self, article_id: str | None = None) -> list[Resolution]:
        """Stored resolutions, of one article or of all, in article then text order."""
        sql = "SELECT r.data FROM resolutions r JOIN articles a USING (article_id)"
        args: tuple[str, ...] = ()
        if article_id is not None:
            sql, args = sql + " WHERE r.article_id=?", (article_id,)
        rows = self._db.execute(sql + " ORDER BY a.rowid, r.seq", args)
        return [loads(Resolution, r[0]) for r in rows]

    @_guarded
    def incidents(self, *, include_rejected: bool = False) -> list[Incident]:
        """Stored incidents with all their sources, rejected ones left out unless asked for."""
        sql = "SELECT incident_id, data FROM incidents"
        if not include_rejected:
            sql += " WHERE incident_id NOT IN (SELECT incident_id FROM rejected)"
        return [self._incident(iid, data) for iid, data in self._db.execute(sql + " ORDER BY rowid")]

    def _incident(self, incident_id: str, data: str) -> Incident:
        sources = tuple(loads(Source, r[0]) for r in self._db.execute(
            "SELECT data FROM incident_sources WHERE incident_id=? ORDER BY rowid", (incident_id,)))
        return dataclasses.replace(loads(Incident, data), sources=sources)

    @_guarded
    def corrections(self) -> dict[tuple[str, str], str]:
        """Analyst corrections: (article id or ``"*"``, normalised name) -> place id."""
        return {(a, n): p for a, n, p in self._db.execute(
            "SELECT article_id, name, place_id FROM corrections")}

    @_guarded
    def rejected(self) -> set[str]:
        """Ids of incidents an analyst rejected."""
        return {r[0] for r in self._db.execute("SELECT incident_id FROM rejected")}

    # -- writing -------------------------------------------------------------------------------

    @_guarded
    def add_correction(self, mention: str, place_id: str, *, article_id: str | None = None) -> list[str]:
        """Record that ``mention`` (in one article, or in all) means ``place_id``.

        Returns
        -------
        list[str]
            Ids of stored articles whose resolutions mention that name and need re-parsing.
        """
        key = correction_key(mention)
        if not key:
            raise InputError(f"mention {mention!r} has no letters or digits to match on")
        if article_id is not None and self.article(article_id) is None:
            raise InputError(f"no article {article_id!r} in store {self.path}")
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO corrections VALUES (?,?,?,?)",
                       (article_id or ANY_ARTICLE, key, place_id, _now()))
        rows = self._db.execute("SELECT DISTINCT article_id, name FROM resolutions")
        return [a for a, n in rows if normalize(n) == key and article_id in (None, a)]

    @_guarded
    def similar_mentions(self, mention: str) -> list[str]:
        """Stored mention names sharing a word with ``mention``: what a correction that matched
        nothing may have meant ("Bolashak" for "Bolashak border station")."""
        words = set(correction_key(mention).split())
        names = {n for (n,) in self._db.execute("SELECT DISTINCT name FROM resolutions")}
        return sorted(n for n in names if words & set(normalize(n).split()))

    @_guarded
    def reject(self, incident_id: str) -> None:
        """Hide an incident from every output; it stays rejected across re-runs."""
        if not self._db.execute("SELECT 1 FROM incidents WHERE incident_id=?", (incident_id,)).fetchone():
            raise InputError(f"no incident {incident_id!r} in store {self.path}")
        with self.transaction() as db:
            db.execute("INSERT OR IGNORE INTO rejected VALUES (?,?)", (incident_id, _now()))

    @_guarded
    def add(self, results: Iterable[ArticleResult], *, replace: bool = False) -> IngestCounts:
        """Write a batch of results in one transaction; failed results are only counted.

        ``replace=True`` first drops what the store holds from those articles (after a correction).
        """
        counts = IngestCounts()
        with self.transaction():
            for result in results:
                if result.error:
                    counts.failed += 1
                    counts.errors.append((result.article.path or result.article.id, result.error))
                    continue
                if replace:
                    self._drop(result.article.id)
                self._add_one(result, counts)
        return counts

    def _drop(self, article_id: str) -> None:
        db = self._db
        ids = [r[0] for r in db.execute(
            "SELECT DISTINCT incident_id FROM incident_sources WHERE article_id=?", (article_id,))]
        db.execute("DELETE FROM incident_sources WHERE article_id=?", (article_id,))
        for iid in ids:
            if not db.execute("SELECT 1 FROM incident_sources WHERE incident_id=?", (iid,)).fetchone():
                db.execute("DELETE FROM incidents WHERE incident_id=?", (iid,))
        db.execute("DELETE FROM articles WHERE article_id=?", (article_id,))

    def _add_one(self, result: ArticleResult, counts: IngestCounts) -> None:
        db = self._db
        if db.execute("SELECT 1 FROM articles WHERE content_hash=?", (result.content_hash,)).fetchone():
            counts.skipped += 1  # seen since `unseen` looked: in this batch, or from another writer
            return
        if db.execute("SELECT 1 FROM articles WHERE article_id=?", (result.article.id,)).fetchone():
            result = rekey(result, f"{result.article.id}~{result.content_hash[:10]}")
        a = result.article
        meta = encode(dataclasses.replace(a, text=""))
        meta.pop("text")
        db.execute(
            "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?)",
            (a.id, result.content_hash, safe_text(a.title), a.published.isoformat() if a.published else None,
             safe_text(a.url), safe_text(a.source), safe_text(a.path), _now(), json.dumps(meta),
             zlib.compress(a.text.encode("utf-8", "surrogatepass"))))
        counts.added += 1
        rows = result.resolution_rows + tuple(resolution_row(r) for r in result.resolutions)
        db.executemany("INSERT INTO resolutions VALUES (?,?,?,?,?)",
                       [(a.id, i, *row) for i, row in enumerate(rows)])
        for incident in result.incidents:
            if merge_stored(db, incident):
                counts.incidents_merged += 1
            else:
                insert_incident(db, incident)
                counts.incidents_new += 1
