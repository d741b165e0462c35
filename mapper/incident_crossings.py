"""Flows a sentence tells clause by clause, each with its own count at a place of its own ("At Torkham, 24,000
people crossed into Afghanistan ..., and about 9,000 left through Chaman"), and people going into the country
the lede names them by ("Tens of thousands of Afghans streamed to the border ... crossed into Afghanistan")."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from mapper.figures import FigureSpan
from mapper.incident_merge import Candidate
from mapper.incident_sentence import CLAUSE_BREAK, MOVING_UNITS, location
from mapper.model import IncidentType, PlaceKind, Precision, Resolution


def by_crossing_clause(c: Candidate, res: Sequence[Resolution], figs: Sequence[FigureSpan], text: str,
                       span: tuple[int, int]) -> list[Candidate]:
    """A flow with two or more counts, each told in a clause of its own that names one town or crossing of its
    own: one flow per clause, with that place and count beside the ends the clauses share (the country entered);
    else ``[c]``. A town named by no end of the flow takes the role the other clauses' towns have."""
    counts = {fig.value: fig for fig in c.figures if fig.unit in MOVING_UNITS}  # (a bare count is "people" there)
    own = [f for f in figs if f.figure.value in counts and f.figure.unit in MOVING_UNITS and f.figure.value >= 10]
    if c.type is not IncidentType.MIGRATION or len(own) < 2:
        return [c]
    cuts = [span[0]] + [m.start() for m in CLAUSE_BREAK.finditer(text, *span)] + [span[1]]
    pieces = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        counted = [f for f in own if a <= f.start < b]
        here = {r.place.place_id: r for r in res if r.place is not None and a <= r.mention.start < b
                and r.precision is Precision.POINT}
        if len(counted) > 1 or counted and len(here) != 1:
            return [c]
        if counted:
            pieces.append((counted[0], next(iter(here.values()))))
    if len(pieces) != len(own) or len({r.place.place_id for _f, r in pieces}) != len(pieces):  # type: ignore[union-attr]
        return [c]
    towns = {r.place.place_id for _f, r in pieces}  # type: ignore[union-attr]
    roles = {loc.place_id: loc.role for loc in c.locs if loc.place_id in towns}
    if not roles or len(set(roles.values())) != 1:
        return [c]
    role = next(iter(roles.values()))
    shared = [loc for loc in c.locs if loc.place_id not in towns and loc.precision is not Precision.POINT]
    rule = "one flow per clause with its own count and place"
    return [dataclasses.replace(c, locs=[location(r, roles.get(r.place.place_id, role))] + shared,  # type: ignore[union-attr]
                                figures=[counts[f.figure.value]], sources=list(c.sources), sents=set(c.sents),
                                rules=[*c.rules, rule], articles=set(c.articles), actors=list(c.actors),
                                paras=set(c.paras)) for f, r in pieces]


def into_the_ledes_country(made: Sequence[Candidate], lede: Sequence[Resolution], own: Sequence[Resolution]) -> None:
    """Make returns the relocations into a country whose people the lede names as the ones moving ("Tens of
    thousands of Afghans streamed to the border ... // 24,000 people crossed into Afghanistan"), when the
    sentence names no people of its own: they went home."""
    if own or not lede:
        return
    homes = {r.place.country for r in lede if r.place is not None and r.precision is Precision.COUNTRY
             and r.mention.text.endswith("s")}
    for c in made:
        if c.type is IncidentType.MIGRATION and c.subtype == "relocation" and any(
                loc.role == "destination" and loc.precision is Precision.COUNTRY and loc.country in homes
                for loc in c.locs):
            c.subtype = "return"
            c.rules.append("return: into the country of the people the lede names")


# "On the Pakistan border, 2,600 Afghans returned through Torkham": the country named as the border's side
_THE_X_BORDER = re.compile(r"\s+(?:border|frontier)\b")
_ON_THE = re.compile(r"\b(?:on|at|along|across|from)\s+the\s+$", re.I)


def border_left(made: Sequence[Candidate], text: str, span: tuple[int, int], places: Sequence[Resolution],
                demonyms: Sequence[Resolution]) -> None:
    """Give a return or relocation with no origin the country named as the side of the border it crossed ("On the
    Pakistan border, 2,600 Afghans returned through Torkham"): the country left, when it is not the home of the
    people the sentence names."""
    if " border" not in text[span[0]:span[1]] and " frontier" not in text[span[0]:span[1]]:
        return  # (one of which _THE_X_BORDER needs)
    homes = {r.place.country for r in demonyms if r.place is not None}
    sides = [r for r in places if r.place is not None and r.place.kind is PlaceKind.COUNTRY
             and span[0] <= r.mention.start < span[1] and r.place.country not in homes
             and _THE_X_BORDER.match(text, r.mention.end) and _ON_THE.search(text, max(0, r.mention.start - 12),
                                                                              r.mention.start)]
    if len(sides) != 1:
        return
    for c in made:
        if c.type is IncidentType.MIGRATION and c.subtype in ("return", "relocation") \
                and not any(loc.role == "origin" and loc.precision is Precision.COUNTRY for loc in c.locs) \
                and all(loc.place_id != sides[0].place.place_id for loc in c.locs):  # type: ignore[union-attr]
            c.locs = [location(sides[0], "origin"), *c.locs]
            c.rules.append("origin: the side of the border named")
