"""An in-memory gazetteer over a list of places: a real implementation for tests and small worlds."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from mapper.gazetteer.base import ALIAS, DERIVED, MAIN, BBox, LatLon, NameMatch, TrieIndex, make_query, rank
from mapper.model import Place, PlaceKind
from mapper.names import normalize, skeleton


class MemoryGazetteer:
    """Gazetteer over the given places, with the same lookup and ranking as the SQLite one.

    Parameters
    ----------
    places : the places; ids must be unique.
    aliases : extra names by place id (``{"geonames:608668": ["Uralsk", "Уральск"]}``).
    outlines : country outline Features by ISO code, for :meth:`country_outlines`.

    Regions and districts also get the derived names the build gives them ("Karakiyanskiy Rayon"
    is found as "Karakiyan").
    """

    def __init__(self, places: Iterable[Place], aliases: Mapping[str, Iterable[str]] | None = None,
                 outlines: Mapping[str, Any] | None = None) -> None:
        from mapper.gazetteer.entry import derived_names

        self._places: dict[str, Place] = {}
        self._names: dict[str, list[NameMatch]] = defaultdict(list)
        aliases = aliases or {}
        for place in places:
            if place.place_id in self._places:
                raise ValueError(f"duplicate place id {place.place_id!r}")
            self._places[place.place_id] = place
            names = {place.name: MAIN}
            for alias in aliases.get(place.place_id, ()):
                names.setdefault(alias, ALIAS)
            if place.kind in (PlaceKind.REGION, PlaceKind.DISTRICT):
                for name in list(names):
                    for d in derived_names(name):
                        names.setdefault(d, DERIVED)
            for name, cls in names.items():
                if skeleton(name):
                    self._names[skeleton(name)].append(NameMatch(place, name, cls))
        unknown = set(aliases) - set(self._places)
        if unknown:
            raise ValueError(f"aliases given for unknown place ids: {sorted(unknown)}")
        self._outlines = dict(outlines or {})
        self._trie: Any = None

    def __len__(self) -> int:
        return len(self._places)

    def __repr__(self) -> str:
        return f"MemoryGazetteer(<{len(self._places)} places>)"

    def candidates(self, name: str, *, country: str | None = None, kind: PlaceKind | str | None = None,
                   near: LatLon | None = None, bbox: BBox | None = None,
                   limit: int | None = None) -> list[Place]:
        """Places called ``name`` (any alias, variant or generic form), best prior first."""
        query = make_query(name, country=country, kind=kind, near=near, bbox=bbox, limit=limit,
                           known_countries=self.countries())
        return rank(query, [self._names.get(k, []) for k in query.keys])

    def get(self, place_id: str) -> Place | None:
        """The place with this id, or ``None``."""
        return self._places.get(place_id)

    def is_called(self, place_id: str, name: str) -> bool:
        """Whether the place has ``name`` (as ``normalize`` sees it) among its names and aliases."""
        key = normalize(name)
        return any(m.place.place_id == place_id and normalize(m.name) == key
                   for m in self._names.get(skeleton(name), ()))

    def name_index(self) -> Any:
        """A marisa-trie of every name key."""
        if self._trie is None:
            import marisa_trie

            self._trie = TrieIndex(marisa_trie.Trie(self._names))
        return self._trie

    def countries(self) -> frozenset[str]:
        """ISO codes of the countries among the places (empty: any well-formed code is accepted)."""
        return frozenset(p.country for p in self._places.values() if p.kind is PlaceKind.COUNTRY)

    def country_outlines(self) -> dict[str, Any]:
        """The outlines given, as a GeoJSON FeatureCollection."""
        return {"type": "FeatureCollection", "features": [self._outlines[k] for k in sorted(self._outlines)]}
