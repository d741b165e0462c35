"""Two targets struck in one clause, each a thing at a place of its own ("struck a radar station near Yeysk in the
Krasnodar region and a fuel depot in the occupied town of Dovzhansk"): two strikes, not one at two towns."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from mapper.figures import FigureSpan
from mapper.incident_merge import CLAUSE_SPLIT, Candidate
from mapper.model import IncidentType, Precision, Resolution

# a target before its place: "a radar station near ", "an oil depot in the occupied town of " (lower-case words:
# "the Kursk region and the town of" is a list of places, no target)
_TARGET = r"(?:an?|the)\s+(?:[a-z][\w-]*\s+){1,4}(?:in|near|at|outside)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}$"
_FIRST = re.compile(r"\b" + _TARGET)
_NEXT = re.compile(r"^[^;.]{0,120}?\band\s+" + _TARGET)  # ("... in Russia's Krasnodar region and a fuel depot in ")
RULE = "one strike per target told at a place of its own"


def by_target(c: Candidate, res: Sequence[Resolution], figs: Sequence[FigureSpan], text: str,
              span: tuple[int, int]) -> list[Candidate]:
    """A strike at two or more towns where the sentence names a target at each ("a radar station near A and a
    fuel depot in B"): one strike per town, with the figures told after its name; else ``[c]``. Towns struck
    as such ("struck A and B") or listed after one target ("depots in A and B") stay one strike."""
    if c.subtype != "strike" or c.type not in (IncidentType.OPERATION, IncidentType.DRONE) or len(c.locs) < 2 \
            or any(loc.precision is not Precision.POINT for loc in c.locs):
        return [c]
    at = [min((r.mention.start for r in res if r.place is not None and r.place.place_id == loc.place_id
               and span[0] <= r.mention.start < span[1]), default=-1) for loc in c.locs]
    if -1 in at or len(set(at)) != len(at):
        return [c]
    order = sorted(range(len(at)), key=at.__getitem__)
    ends = {a: next(r.mention.end for r in res if r.mention.start == a) for a in at}
    first = at[order[0]]
    if not _FIRST.search(text, max(span[0], first - 80), first):
        return [c]
    for k, n in enumerate(order[1:]):
        if not _NEXT.search(text[ends[at[order[k]]]:at[n]]):
            return [c]
    cuts = [span[0]] + [at[n] for n in order[1:]] + [span[1]]
    out: dict[int, Candidate] = {}
    for k, n in enumerate(order):
        out[n] = dataclasses.replace(
            c, locs=[c.locs[n]], figures=[f.figure for f in figs if f.figure in c.figures
                                          and cuts[k] <= f.start < cuts[k + 1]],
            sources=list(c.sources), sents=set(c.sents), rules=[*c.rules, CLAUSE_SPLIT, RULE],
            articles=set(c.articles), actors=list(c.actors), paras=set(c.paras))
    return [out[n] for n in range(len(c.locs))]
