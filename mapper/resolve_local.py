"""Readings a name's surroundings add: namesakes past the candidate limit that lie in a region the
article names, and the whole name a compass word stands for ("Central and South America").

A common name (Fairfield, San Juan, Richmond) has dozens of places; the resolver weighs the first
``max_candidates`` in gazetteer order, so a small town of that name in the state or province the article
names ("... Fairfield, ... Texas") may never be weighed at all. Such a namesake is added to the name's
candidates; the usual scoring and coherence then decide.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from mapper.model import Mention, Place, PlaceKind
from mapper.names import normalize

if TYPE_CHECKING:
    from mapper.resolve import _Group

_WIDER = 60  # how far down the gazetteer's order a named region's namesake is looked for
_MAX_ADDED = 3  # namesakes added per name


def add_local_namesakes(groups: Sequence[_Group], fetch: Callable[[Mention, int], list[Place]], limit: int) -> None:
    """Add to each name whose candidates fill ``limit`` its namesakes further down that lie in a
    first-level region that another name of the article reads as first (the region itself, or one of its
    counties or districts) and are called by the name as written. ``fetch(mention, n)``: the name's first
    ``n`` candidates."""
    anchors: dict[tuple[str, str], set[int]] = {}
    for g in groups:
        first = g.candidates[0] if g.candidates else None
        if first is not None and first.kind in (PlaceKind.REGION, PlaceKind.DISTRICT) and first.admin1:
            anchors.setdefault((first.country, first.admin1), set()).add(id(g))
    if not anchors:
        return
    for g in groups:
        if g.forced is not None or len(g.candidates) < limit or g.candidates[0].feature_code == "PPLC":
            continue  # a nation's capital keeps its name before towns not weighed at first (Washington)
        have = {(p.country, p.admin1) for p in g.candidates}
        seen = {p.place_id for p in g.candidates}
        wanted = {unit for unit, owners in anchors.items() if unit not in have and owners - {id(g)}}
        if not wanted:
            continue
        m = g.mentions[0]
        names = {normalize(m.name), normalize(m.text)}  # the name itself, not a variant or an alias of it
        more = [p for p in fetch(m, _WIDER) if p.place_id not in seen and (p.country, p.admin1) in wanted
                and normalize(p.name) in names]
        g.candidates.extend(more[:_MAX_ADDED])


# "Central and South America", "North and South Korea", "East, West and Southern Africa": a compass word
# before a coordinated name shares that name's last word.
_COMPASS = r"(?:North|South|East|West|Central|Northern|Southern|Eastern|Western|Upper|Lower)"
_ELIDED = re.compile(rf"(?:\s*,\s*{_COMPASS})*(?:\s*,?\s+(?:and|or|&)\s+|\s*/\s*){_COMPASS}\s+([A-Z][\w'’-]+)\b")
_COMPASS_WORD = re.compile(rf"{_COMPASS}$")


def elided(m: Mention, text: str) -> Mention:
    """A bare compass word before a coordinated name as a mention of the whole name it stands for
    ("Central" of "Central and South America": Central America, reason ``elided``); others as they are."""
    if m.generic or not _COMPASS_WORD.fullmatch(m.text):
        return m
    hit = _ELIDED.match(text, m.end)
    if hit is None:
        return m
    return Mention(m.article_id, m.start, m.end, m.text, name=f"{m.text} {hit.group(1)}", literal=m.literal,
                   reason="elided", weak=m.weak)
