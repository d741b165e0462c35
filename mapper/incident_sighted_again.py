"""A drone sighting told again by the site of the sighting just before, on a day of its own."""

from __future__ import annotations

import dataclasses
import re

from mapper.incident_merge import Candidate
from mapper.incident_sentence import PerSentence
from mapper.lexicon import Trigger
from mapper.model import DatePrecision, IncidentType

# "the airport", "the base", "the runways": the site of the sighting told before, named by its kind
_THE_SITE = re.compile(r"\bthe\s+(?:airport|air\s?base|airfield|base|runways?)\b", re.I)
_RULE = "drone sighting at the site told before, on a day of its own"


def sighted_again(out: list[Candidate], i: int, trig: list[Trigger], dates_by: PerSentence,
                  span: tuple[str, int, int]) -> list[Candidate]:
    """A sighting at the airport or base of the sighting told one or two sentences before, in a sentence that names
    no place but "the airport" and gives a day of its own ("Flights at X Airport were suspended late on Friday after
    drones were spotted. On Thursday evening, sightings had already forced the airport to halt traffic").

    Parameters
    ----------
    out
        The article's candidates so far (the sighting told before among them).
    i, trig, dates_by, span
        The sentence's index, its triggers, the article's sentence dates and (text, start, end).

    Returns
    -------
    list[Candidate]
        One sighting at the same sites, its date left for the sentence's own; ``[]`` for none.
    """
    if not out or not any(t.type == "drone" and t.subtype == "sighting" for t in trig):
        return []
    text, s, e = span
    site = _THE_SITE.search(text, s, e)
    if site is None:
        return []
    # the last sighting told at a site of that kind ("the base" after an airport's and a base's: the base)
    kinds = ("base",) if "base" in site.group().lower() else ("airport", "airfield")
    prev = next((c for c in reversed(out) if 0 < i - max(c.sents) <= 2 and c.type is IncidentType.DRONE
                 and c.subtype == "sighting" and any(k in loc.name.lower() for loc in c.locs for k in kinds)), None)
    days = [d.date for d in dates_by[i] if d.date.precision is DatePrecision.DAY and not d.since]
    if prev is None or prev.date is None or not days or prev.date.start <= days[0].start <= prev.date.end:
        return []
    return [Candidate(IncidentType.DRONE, "sighting", [dataclasses.replace(loc) for loc in prev.locs], None, "", [],
                      prev.status, [], [_RULE], prev.article_id, {i})]
