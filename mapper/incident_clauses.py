"""Operation strikes a sentence tells in clauses of their own, one town and one weapon each."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from mapper.figures import FigureSpan
from mapper.incident_merge import CLAUSE_SPLIT, Candidate
from mapper.incident_sentence import CLAUSE_BREAK
from mapper.lexicon import Trigger
from mapper.model import IncidentType, Precision, Resolution


def by_clause_strike(c: Candidate, res: Sequence[Resolution], figs: Sequence[FigureSpan], trig: Sequence[Trigger],
                     text: str, span: tuple[int, int]) -> list[Candidate]:
    """An operation strike at two or more towns, each told in a clause of its own with a weapon and a strike word
    of its own ("a woman was killed when the village of A came under shelling, and a guided aerial bomb damaged
    the hospital in B"): one strike per town, with the figures told in its clause; else ``[c]``.

    Towns listed in one clause ("shelling hit A and B") stay one strike, and so does a clause with no weapon of
    its own ("shelled A, and damaged houses in B")."""
    if c.type is not IncidentType.OPERATION or c.subtype != "strike" or len(c.locs) < 2 \
            or any(loc.precision is not Precision.POINT for loc in c.locs):
        return [c]
    cuts = [span[0]] + [m.start() for m in CLAUSE_BREAK.finditer(text, *span)] + [span[1]]
    if len(cuts) < 3:
        return [c]
    # (the last mention of each: "In the Kupiansk district, ... the hospital in Kupiansk" opens on its container)
    at = [max((r.mention.start for r in res if r.place is not None and r.place.place_id == loc.place_id
               and span[0] <= r.mention.start < span[1]), default=-1) for loc in c.locs]
    clause = [next((n for n in range(len(cuts) - 1) if cuts[n] <= a < cuts[n + 1]), -1) for a in at]
    if -1 in clause or len(set(clause)) != len(clause):
        return [c]
    for n in clause:
        inside = [t for t in trig if cuts[n] <= t.start < cuts[n + 1]]
        if not any(t.type == "operation" and not t.subtype for t in inside) \
                or not any(t.subtype == "strike" for t in inside):
            return [c]
    return [dataclasses.replace(c, locs=[loc], figures=[f.figure for f in figs if f.figure in c.figures
                                                         and cuts[n] <= f.start < cuts[n + 1]],
                                sources=list(c.sources), sents=set(c.sents), rules=[*c.rules, CLAUSE_SPLIT],
                                articles=set(c.articles), actors=list(c.actors), paras=set(c.paras))
            for loc, n in zip(c.locs, clause, strict=True)]
