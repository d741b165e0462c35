"""Departures and returns told in one sentence, each with its own count ("In the first half of the year, 214,000
left for Russia, and 96,000 came home"): two flows of two kinds, not one."""

from __future__ import annotations

import dataclasses
import re

from mapper.incident_merge import Candidate
from mapper.incident_sentence import Sentence, counts
from mapper.model import IncidentType, Location, Precision

# ", and 96,000 came home", ", and about 40,000 have returned": the returns' own clause and count after the departures
_AND_RETURNS = re.compile(r",\s+and\s+(?:(?:some|about|around|nearly|almost|over|more\s+than|another)\s+)?"
                          r"\d[\d,.]*(?:\s+(?:million|thousand))?\s+(?:[\w-]+\s+){0,2}?(?:(?:came|went|headed|flew)\s+"
                          r"(?:home|back)|(?:have\s+|had\s+)?returned)\b", re.I)
_AWAY = ("relocation", "labour migration")


def home_of_workers(earlier: list[Candidate]) -> list[Location]:
    """The one country the article's labour flows told before leave from (the workers' home), as a destination."""
    homes = {loc.place_id: loc for c in earlier if c.subtype == "labour migration" for loc in c.locs
             if loc.role == "origin" and loc.precision is Precision.COUNTRY}
    return [dataclasses.replace(next(iter(homes.values())), role="destination")] if len(homes) == 1 else []


def two_kinds(sent: Sentence, cand: Candidate, earlier: list[Candidate]) -> list[Candidate]:
    """The sentence's return ``cand`` split in two when departures with their count come first and ", and N came
    home" after: the departures go where the sentence sends them (workers, when the flows told just before are
    labour migration), the returns come home to the workers' country told before, each with its clause's count.
    Anything else: ``[cand]``."""
    m = _AND_RETURNS.search(sent.text, sent.start, sent.end) if cand.subtype == "return" else None
    if m is None or not any(t.type == "migration" and t.subtype in _AWAY and t.start < m.start()
                            for t in sent.triggers):
        return [cand]
    away = [loc for loc in cand.locs if loc.role == "destination"]
    home = home_of_workers(earlier)
    told = sent.told(list(sent.figures()))
    before = counts([f for f in told if f.start < m.start()], IncidentType.MIGRATION)
    after = counts([f for f in told if f.start > m.start()], IncidentType.MIGRATION)
    if not away or not home or not before or not after:
        return [cand]
    labour = any(c.type is IncidentType.MIGRATION and c.subtype == "labour migration" and sent.i - max(c.sents) <= 2
                 for c in earlier)
    rule = "departures and returns told in one sentence, each with its count"
    go = dataclasses.replace(cand, subtype="labour migration" if labour else "relocation", locs=list(away),
                             figures=before, rules=[*cand.rules, rule],
                             sents=set(cand.sents), sources=list(cand.sources), actors=list(cand.actors),
                             paras=set(cand.paras), articles=set(cand.articles))
    back = dataclasses.replace(cand, locs=[dataclasses.replace(loc, role="origin") for loc in away] + home,
                               figures=after, rules=[*cand.rules, rule],
                               sents=set(cand.sents), sources=list(cand.sources), actors=list(cand.actors),
                               paras=set(cand.paras), articles=set(cand.articles))
    return [go, back]
