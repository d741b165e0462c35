"""The shipped gazetteer: a read-only SQLite file and a memory-mapped marisa-trie of name keys."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from mapper.errors import GazetteerError
from mapper.gazetteer.base import ALIAS, MAIN, BBox, LatLon, NameMatch, TrieIndex, make_query, rank
from mapper.gazetteer.build import PLACE_COLUMNS, REBUILD_HINT, check_meta
from mapper.model import Place, PlaceKind
from mapper.names import normalize, skeleton


def place_from_row(row: Sequence[Any]) -> Place:
    """A Place from the columns of :data:`PLACE_COLUMNS`, in order."""
    (place_id, name, kind, lat, lon, country, admin1, admin2, admin1_name, fclass, fcode, population,
     source, derived) = row[:14]
    return Place(place_id=place_id, name=name, kind=PlaceKind(kind), lat=lat, lon=lon, country=country,
                 admin1=admin1, admin2=admin2, admin1_name=admin1_name, feature_class=fclass,
                 feature_code=fcode, population=population, source=source, derived=bool(derived))


def insert_places(db: sqlite3.Connection, places: Iterable[tuple[Place, Iterable[str]]]) -> None:
    """Insert (or replace) places with their names: the first name is the main one, others aliases."""
    for place, names in places:
        db.execute("DELETE FROM names WHERE place IN (SELECT id FROM places WHERE place_id = ?)",
                   (place.place_id,))
        db.execute("DELETE FROM places WHERE place_id = ?", (place.place_id,))
        cur = db.execute(f"INSERT INTO places ({','.join(PLACE_COLUMNS)}) VALUES ({','.join('?' * 14)})",
                         (place.place_id, place.name, place.kind.value, place.lat, place.lon, place.country,
                          place.admin1, place.admin2, place.admin1_name, place.feature_class,
                          place.feature_code, place.population, place.source, int(place.derived)))
        rows = {(skeleton(n), n): (MAIN if n == place.name else ALIAS) for n in [place.name, *names] if n}
        db.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?, ?)",
                       [(k, cur.lastrowid, n, c) for (k, n), c in rows.items() if k])


class SqliteGazetteer:
    """The gazetteer file built by :func:`mapper.gazetteer.build.build`, opened read-only.

    Parameters
    ----------
    path : the SQLite file. A missing, stale or corrupt file raises GazetteerError saying how to
        rebuild it.
    cache_size : how many distinct lookups to keep (LRU).
    """

    def __init__(self, path: Path | str, *, cache_size: int = 65536) -> None:
        self.path = Path(path)
        self._cache_size = cache_size
        if not self.path.is_file():
            raise GazetteerError(f"no gazetteer at {self.path}; {REBUILD_HINT}")
        try:
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self.meta = dict(self._db.execute("SELECT key, value FROM meta"))
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(f"gazetteer {self.path} is unreadable ({exc}); {REBUILD_HINT}") from None
        check_meta(self.meta, self.path)
        self.trie_path = self.path.with_name(self.meta.get("trie", ""))
        if not self.trie_path.is_file() or str(self.trie_path.stat().st_size) != self.meta.get("trie_size"):
            raise GazetteerError(f"name index {self.trie_path} of {self.path} is missing or does not "
                                 f"match; {REBUILD_HINT}")
        self._trie: Any = None
        # Map the name index now: a rebuild may delete this trie file later (mapped, it stays valid).
        try:
            self.name_index()
        except Exception as exc:  # marisa raises plain exceptions for an unreadable file
            raise GazetteerError(f"name index {self.trie_path} is unreadable ({exc}); {REBUILD_HINT}") from None
        self._countries: frozenset[str] | None = None
        self._place_cache: dict[int, Place] = {}
        self._lookup = lru_cache(maxsize=cache_size)(self._candidates)
        self._called = lru_cache(maxsize=cache_size)(self._is_called)

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path, "cache_size": self._cache_size}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["path"], cache_size=state["cache_size"])  # type: ignore[misc]

    def __repr__(self) -> str:
        return f"SqliteGazetteer({str(self.path)!r})"

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    def candidates(self, name: str, *, country: str | None = None, kind: PlaceKind | str | None = None,
                   near: LatLon | None = None, bbox: BBox | None = None,
                   limit: int | None = None) -> list[Place]:
        """Places called ``name`` (any alias, variant or generic form), best prior first.

        See :func:`mapper.gazetteer.base.rank` for the order; ``[]`` when none. InputError for
        an empty name, an unknown country code or kind, or bad coordinates.
        """
        key = (name, country, kind, tuple(near) if near else None, tuple(bbox) if bbox else None, limit)
        return list(self._lookup(*key))

    def _candidates(self, name: str, country: str | None, kind: PlaceKind | str | None,
                    near: LatLon | None, bbox: BBox | None, limit: int | None) -> tuple[Place, ...]:
        query = make_query(name, country=country, kind=kind, near=near, bbox=bbox, limit=limit,
                           known_countries=self.countries())
        found = [self._db.execute("SELECT place, name, cls FROM names WHERE key = ?", (k,)).fetchall()
                 for k in query.keys]
        places = self._places_by_rowid({r[0] for rows in found for r in rows})
        return tuple(rank(query, [[NameMatch(places[r[0]], r[1], r[2]) for r in rows] for rows in found]))

    def _places_by_rowid(self, rowids: set[int]) -> dict[int, Place]:
        # Places are immutable and read often (common names): keep them, up to a bound.
        cache = self._place_cache
        missing = [i for i in rowids if i not in cache]
        if missing:
            if len(cache) > 200_000:
                cache.clear()
            for i in range(0, len(missing), 500):
                chunk = missing[i:i + 500]
                for row in self._db.execute(f"SELECT id, {','.join(PLACE_COLUMNS)} FROM places WHERE id IN "
                                            f"({','.join('?' * len(chunk))})", chunk):
                    cache[row[0]] = place_from_row(row[1:])
        return {i: cache[i] for i in rowids}

    def get(self, place_id: str) -> Place | None:
        """The place with this id (``geonames:1526273``, ``curated:ualy``), or ``None``."""
        row = self._db.execute(f"SELECT {','.join(PLACE_COLUMNS)} FROM places WHERE place_id = ?",
                               (place_id,)).fetchone()
        return place_from_row(row) if row else None

    def names(self, place_id: str) -> list[str]:
        """Every name of a place, main name first."""
        return [r[0] for r in self._db.execute(
            "SELECT DISTINCT n.name FROM names n JOIN places p ON p.id = n.place WHERE p.place_id = ? "
            "ORDER BY n.cls, n.name", (place_id,))]

    def is_called(self, place_id: str, name: str) -> bool:
        """Whether the place has ``name`` (as ``normalize`` sees it) among its names and aliases."""
        return self._called(place_id, name)

    def _is_called(self, place_id: str, name: str) -> bool:
        key = normalize(name)
        return any(normalize(n) == key for (n,) in self._db.execute(
            "SELECT n.name FROM names n JOIN places p ON p.id = n.place WHERE n.key = ? AND p.place_id = ?",
            (skeleton(name), place_id)))

    def names_of(self, place_ids: Iterable[str]) -> dict[str, list[str]]:
        """Every name of each place, main name first, in one pass over the names table per 900 ids.

        The names table is keyed by name, not place: one scan serves many places (about 0.1 s), where
        ``names()`` for each would scan it each time.
        """
        ids = list(dict.fromkeys(place_ids))
        out: dict[str, list[tuple[int, str]]] = {pid: [] for pid in ids}
        for i in range(0, len(ids), 900):
            chunk = ids[i:i + 900]
            rows = self._db.execute(
                "SELECT p.place_id, n.name, n.cls FROM names n JOIN places p ON p.id = n.place WHERE n.place IN "
                f"(SELECT id FROM places WHERE place_id IN ({','.join('?' * len(chunk))}))", chunk)
            for pid, name, cls in rows:
                out[pid].append((cls, name))
        return {pid: list(dict.fromkeys(n for _, n in sorted(names))) for pid, names in out.items()}

    def name_index(self) -> Any:
        """The marisa-trie of every name key, memory-mapped (opens in milliseconds)."""
        if self._trie is None:
            import marisa_trie

            trie = marisa_trie.Trie()
            trie.mmap(str(self.trie_path))
            self._trie = TrieIndex(trie)
        return self._trie

    def countries(self) -> frozenset[str]:
        """ISO codes of every country in the gazetteer."""
        if self._countries is None:
            self._countries = frozenset(r[0] for r in self._db.execute(
                "SELECT country FROM places WHERE kind = 'country'"))
        return self._countries

    def country_outlines(self) -> dict[str, Any]:
        """Country outlines as a GeoJSON FeatureCollection (for an offline base layer)."""
        return {"type": "FeatureCollection",
                "features": [json.loads(g) for (g,) in self._db.execute(
                    "SELECT geojson FROM outlines ORDER BY country")]}

    def stats(self) -> dict[str, Any]:
        """Counts by kind and source, plus the stored metadata, for ``mapper gazetteer info``."""
        by_kind = dict(self._db.execute("SELECT kind, count(*) FROM places GROUP BY kind ORDER BY 2 DESC"))
        by_source = dict(self._db.execute(
            "SELECT CASE WHEN place_id LIKE 'curated:%' THEN 'curated.csv' ELSE source END AS s, count(*) "
            "FROM places GROUP BY s ORDER BY 2 DESC"))
        return {"path": str(self.path), "size_bytes": self.path.stat().st_size,
                "trie": str(self.trie_path), "trie_bytes": self.trie_path.stat().st_size,
                "by_kind": by_kind, "by_source": by_source, **self.meta}

    # -- online cache (used by mapper.gazetteer.online) --------------------------------------
    def cached_answer(self, query: str) -> list[Place] | None:
        """Places cached for an online query, ``None`` when the query was never asked."""
        row = self._db.execute("SELECT place_ids FROM online_cache WHERE query = ?", (query,)).fetchone()
        if row is None:
            return None
        places = (self.get(pid) for pid in json.loads(row[0]))
        return [p for p in places if p is not None]

    def cache_answer(self, query: str, places: Sequence[Place]) -> None:
        """Store an online answer (possibly empty) and its places, so later lookups find them offline."""
        try:
            with contextlib.closing(sqlite3.connect(self.path, timeout=30)) as db, db:
                insert_places(db, [(p, []) for p in places])
                db.execute("INSERT OR REPLACE INTO online_cache VALUES (?, ?, ?)",
                           (query, json.dumps([p.place_id for p in places]),
                            time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())))
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(f"cannot write the online cache into {self.path}: {exc}") from None
        self._lookup.cache_clear()
        self._called.cache_clear()
