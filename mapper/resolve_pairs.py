"""A name listed beside a place of one country, read as that country's place that bears the name as its own:
"Latakia and Homs" is the Syrian city, not Libya's Al Khums (also written "Homs") in a story that names Tripoli."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from mapper.model import Mention, Place, PlaceKind
from mapper.names import normalize
from mapper.resolve_lists import JOINT

if TYPE_CHECKING:
    from mapper.resolve import _Group


def _own_namesake(g: _Group, name: str, country: str) -> Place | None:
    """A candidate of ``country`` called ``name`` as its own name, at least as big as the choice (which is
    not so called)."""
    key, c = normalize(name), g.choice
    if c is None or c.country == country or normalize(c.name) == key:
        return None
    return next((p for p in g.candidates if p.country == country and p.kind is PlaceKind.POPULATED
                 and normalize(p.name) == key and p.population >= c.population), None)


def listed_own_names(mentions: Sequence[Mention], group_of: Callable[[Mention], _Group], text: str) -> set[int]:
    """Give a name listed right beside ("X and Y", "X, Y") a town of another country that country's town of
    the name, when the first choice holds the name only as a variant and is no bigger. Returns the ids of the
    groups so read."""
    out: set[int] = set()
    ordered = sorted(mentions, key=lambda m: m.start)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if not JOINT.fullmatch(text, a.end, b.start):
            continue
        for this, other in ((b, a), (a, b)):
            g, beside = group_of(this), group_of(other).choice
            if g.forced is not None or beside is None or beside.kind is not PlaceKind.POPULATED or not beside.country:
                continue
            if (own := _own_namesake(g, this.name, beside.country)) is not None:
                g.runners = [g.choice, *[p for p in g.runners if p is not own]]
                g.choice, g.method = own, "listed"
                out.add(id(g))
    return out
