"""One sentence's candidate split into the reports it holds: a flow by period or by crossing, a drone event by each
site's day, harm or weapon, an operation by clause, and an event at one place by the day told."""

from __future__ import annotations

from collections.abc import Sequence

from mapper.figures import FigureSpan
from mapper.incident_clauses import by_clause_strike
from mapper.incident_crossings import by_crossing_clause
from mapper.incident_dates import SentenceDates, by_period
from mapper.incident_merge import Candidate
from mapper.incident_neighbours import by_day_told, by_site_day, by_site_harm, by_weapon
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
    elif len(made) == 1 and made[0].type is IncidentType.OPERATION and len(made[0].locs) > 1:
        made = by_clause_strike(made[0], res, figs, trig, text, (s, e))
    if len(made) == 1 and made[0].type is not IncidentType.MIGRATION and len(made[0].locs) == 1:
        made = by_day_told(made[0], dates_by[i], text, s)
    return made
