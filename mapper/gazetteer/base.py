"""The Gazetteer protocol every implementation satisfies, and the shared candidate ranking."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from mapper.model import Place, PlaceKind

#: (min_lat, min_lon, max_lat, max_lon)
BBox = tuple[float, float, float, float]
#: (lat, lon)
LatLon = tuple[float, float]


@runtime_checkable
class NameIndex(Protocol):
    """Every name key (``mapper.names.skeleton``) the gazetteer knows, for recognition in text."""

    def __contains__(self, key: object) -> bool: ...

    def has_keys_with_prefix(self, prefix: str) -> bool: ...


@runtime_checkable
class Gazetteer(Protocol):
    """Look places up by name and by id. Implementations: sqlite (shipped), memory, online fallback."""

    def candidates(self, name: str, *, country: str | None = None, kind: PlaceKind | None = None,
                   near: LatLon | None = None, bbox: BBox | None = None,
                   limit: int | None = None) -> list[Place]:
        """Places called ``name`` (any alias or variant), best prior first; ``[]`` when none."""
        ...

    def get(self, place_id: str) -> Place | None:
        """The place with this id, or ``None``."""
        ...

    def name_index(self) -> NameIndex:
        """The set of name keys, cheap to open, for the recogniser."""
        ...


def ranked(places: Iterable[Place]) -> list[Place]:
    """Placeholder order by population; the gazetteer build replaces this with the real prior."""
    return sorted(places, key=lambda p: -p.population)
