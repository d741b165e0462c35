"""The readings a resolution keeps besides its choice (``Resolution.candidates``)."""

from __future__ import annotations

from collections.abc import Sequence

from mapper.model import Place, PlaceKind


def runners_with_region(choice: Place | None, runners: Sequence[Place],
                        candidates: Sequence[Place]) -> tuple[Place, ...]:
    """The three next readings, and the region of the chosen place's name when it is further down ("Odesa" read as
    the city still names Odesa oblast: "the Odesa regional military administration ... drones launched at the
    region"); the choice itself is never changed."""
    top = tuple(runners[:3])
    if choice is None or choice.kind is PlaceKind.REGION or any(p.kind is PlaceKind.REGION for p in top):
        return top
    region = next((p for p in candidates if p.kind is PlaceKind.REGION and p.country == choice.country
                   and p.admin1 == choice.admin1), None)
    return (*top, region) if region is not None else top
