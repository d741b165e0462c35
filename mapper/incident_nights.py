"""The night a repeated night-time event took place when the sentence gives only the day it was told."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from mapper.dates import DateSpan
from mapper.incident_dates import STATEMENT
from mapper.incident_merge import Candidate
from mapper.model import DatePrecision, FuzzyDate, Resolution

# "drones had been seen over the base for a second night in a row", "for the third consecutive night",
# "a second straight night", "for the fourth night running": the latest of a run of nights
NIGHT_IN_A_ROW = re.compile(r"\b(?:a|the)\s+(?:second|third|fourth|fifth|sixth|seventh|\d+(?:st|nd|rd|th))\s+"
                            r"(?:(?:consecutive|straight|successive)\s+night|night\s+(?:in\s+a\s+row|running))\b",
                            re.I)
_CLAUSE_END = re.compile(r"[,;:]")


def run_of_nights(text: str, start: int, end: int, made: Sequence[Candidate], places: Sequence[Resolution],
                  dates: Sequence[DateSpan]) -> None:
    """Date by the evening before the statement the events a sentence tells as the latest of a run of nights.

    "The minister said on Tuesday that drones had been seen over the base for a second night in a row": the
    latest night is Monday's (dated by its evening, as "on Monday night" is), not Tuesday. Only when the
    sentence's one date is the day of the statement, and only the events whose place is named in the clause of
    the run ("..., hours after Brussels Airport suspended traffic": another event, on the statement's day).
    """
    m = NIGHT_IN_A_ROW.search(text, start, end) if "night" in text[start:end].lower() else None
    if m is None or len(dates) != 1 or dates[0].date.precision is not DatePrecision.DAY \
            or not STATEMENT.search(text, max(0, dates[0].start - 30), dates[0].start):
        return
    told = dates[0].date
    opens = max((c.end() for c in _CLAUSE_END.finditer(text, start, m.start())), default=start)
    closes = next((c.start() for c in _CLAUSE_END.finditer(text, m.end(), end)), end)
    inside = {r.place.place_id for r in places if r.place is not None and opens <= r.mention.start < closes}
    day = told.start - dt.timedelta(days=1)
    night = FuzzyDate(day, day, DatePrecision.DAY, "the night before " + told.text)
    for c in made:
        if c.date == told and any(loc.place_id in inside for loc in c.locs):
            c.date, c.date_src = night, "sentence"
