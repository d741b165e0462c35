"""Physical features named as such that the resolver's first choice reads as an administrative namesake: "the Red
Sea" (not Sudan's Red Sea state), "Novaya Zemlya, the Arctic archipelago" (not the district named after it)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mapper.model import Place, PlaceKind
from mapper.names import normalize

if TYPE_CHECKING:
    from mapper.resolve import _Group

# A name written with its own water word ("the Red Sea", "the Arabian Sea", "the Indian Ocean") is the water;
# a state or province named after it is written with its generic word ("Red Sea state"), which is then the span's.
_WATER_NAME = re.compile(r"\s(?:Sea|Ocean)$")
# "Novaya Zemlya, the Arctic archipelago in ...", "Hiiumaa, an island off Estonia": the apposition types the name.
_FEATURE_AFTER = re.compile(r",\s+(?:the|an?)\s+(?:[\w-]+\s+){0,2}?(?:archipelago|island|islands|peninsula|isthmus|"
                            r"strait|lake|river|sea|bay|gulf|cape|mountain|mountains|range|plateau|valley)\b")


def _feature_of_same_name(g: _Group) -> Place | None:
    key = normalize(g.mentions[0].name)
    return next((p for p in g.candidates if p.kind is PlaceKind.PHYSICAL and normalize(p.name) == key), None) \
        or next((p for p in g.candidates if p.kind is PlaceKind.PHYSICAL), None)


def water_and_feature_readings(glist: list[_Group], text: str) -> None:
    """Give the physical feature among the candidates to a name that its own water word or an apposition
    ("X, the Arctic archipelago") calls a feature, where the first choice is a place of another kind."""
    for g in glist:
        c = g.choice
        if c is None or g.forced is not None or c.kind is PlaceKind.PHYSICAL:
            continue
        typed = _WATER_NAME.search(g.mentions[0].text) is not None or any(
            _FEATURE_AFTER.match(text, m.end) for m in g.mentions)
        if not typed or (feature := _feature_of_same_name(g)) is None:
            continue
        g.runners = [c, *[p for p in g.runners if p is not feature]]
        g.choice, g.method = feature, "feature"
