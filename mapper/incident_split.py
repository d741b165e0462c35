"""One sentence's candidate split into the reports it holds: a flow by period or by crossing, a drone event by each
site's day, harm or weapon, an operation by clause, and an event at one place by the day told."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from mapper.figures import FigureSpan
from mapper.geo import haversine_km
from mapper.incident_clauses import by_clause_strike
from mapper.incident_crossings import by_crossing_clause
from mapper.incident_dates import SentenceDates, by_period
from mapper.incident_merge import SEPARATE_ATTACK, Candidate
from mapper.incident_neighbours import by_day_told, by_site_day, by_site_harm, by_weapon
from mapper.incident_targets import by_target
from mapper.lexicon import Trigger
from mapper.model import IncidentType, Resolution


def split_reports(made: list[Candidate], res: list[Resolution], figs: list[FigureSpan], trig: Sequence[Trigger],
                  dates_by: SentenceDates, i: int, text: str) -> list[Candidate]:
    """``made`` (the candidates of sentence ``i``) with a lone candidate split where the sentence tells several
    reports: "612,000 in 2024 and 540,000 in 2023" (periods), fragments "near X on March 3 and near Y on June 21"
    (each site's day), a strike at two towns each with its own toll or weapon, two strikes in two clauses."""
    s, e = dates_by.sents[i]
    if len(made) == 1 and made[0].type is IncidentType.MIGRATION and made[0].date_src == "sentence":
        made = by_period(made[0], figs, dates_by.events(i), s)
        made = by_crossing_clause(made[0], res, figs, text, (s, e)) if len(made) == 1 else made
    elif len(made) == 1 and made[0].type is IncidentType.DRONE and len(made[0].locs) > 1:
        made = by_site_day(made[0], res, dates_by[i])
        made = by_site_harm(made[0], res, figs, text, (s, e)) if len(made) == 1 else made
        made = by_weapon(made[0], res, figs, text, (s, e)) if len(made) == 1 else made
        made = by_far_clause(made[0], res, figs, trig, text, (s, e)) if len(made) == 1 else made
        made = by_target(made[0], res, figs, text, (s, e)) if len(made) == 1 else made
    elif len(made) == 1 and made[0].type is IncidentType.OPERATION and len(made[0].locs) > 1:
        made = by_clause_strike(made[0], res, figs, trig, text, (s, e))
        made = by_target(made[0], res, figs, text, (s, e)) if len(made) == 1 else made
    if len(made) == 1 and made[0].type is not IncidentType.MIGRATION and len(made[0].locs) == 1:
        made = by_day_told(made[0], dates_by[i], text, s)
    for c in made if _SEPARATE.match(text, s) else ():
        c.rules.append(SEPARATE_ATTACK)  # "In a separate strike the same night, drones hit ...": another attack
    return made


_SEPARATE = re.compile(r"\s*In\s+(?:a\s+separate|another)\s+(?:strike|attack|incident)\b")


_SEGMENT_BREAK = re.compile(r"[,;]")
_FAR_KM = 250.0  # sites this far apart, each with its own strike word, are two attacks


def by_far_clause(c: Candidate, res: list[Resolution], figs: list[FigureSpan], trig: Sequence[Trigger], text: str,
                  span: tuple[int, int]) -> list[Candidate]:
    """A drone strike at places far apart, each in a segment of its own (between commas) with its own strike word
    ("Russian drone attack kills two in Kharkiv, damages power plant in Odesa region"): one strike per place,
    with its segment's figures; else ``[c]``. A list of places ("struck Kharkiv, Odesa and Lviv") has no strike
    word between its names, so it stays one report."""
    if c.subtype != "strike" or len(c.locs) < 2:
        return [c]
    if any(haversine_km((a.lat, a.lon), (b.lat, b.lon)) < _FAR_KM
           for k, a in enumerate(c.locs) for b in c.locs[k + 1:]):
        return [c]
    cuts = [span[0]] + [m.end() for m in _SEGMENT_BREAK.finditer(text, *span)] + [span[1]]
    at = [next((r.mention.start for r in res if r.place is not None and r.place.place_id == loc.place_id), -1)
          for loc in c.locs]
    seg = [next((n for n in range(len(cuts) - 1) if cuts[n] <= a < cuts[n + 1]), -1) for a in at]
    if -1 in seg or len(set(seg)) != len(seg) or not all(
            any(t.type == "drone" and t.subtype == "strike" and cuts[n] <= t.start < cuts[n + 1] for t in trig)
            for n in seg):
        return [c]
    return [dataclasses.replace(c, locs=[loc], figures=[f.figure for f in figs if cuts[n] <= f.start < cuts[n + 1]
                                                        and f.figure in c.figures],
                                sources=list(c.sources), sents=set(c.sents),
                                rules=[*c.rules, "one strike per far place"],
                                articles=set(c.articles), actors=list(c.actors), paras=set(c.paras))
            for loc, n in zip(c.locs, seg, strict=True)]
