"""The night a night-time event took place when its sentence gives no day of its own: the last of a run of nights
told on a day, or a night in a report of the day before publication."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from mapper.dates import DateSpan
from mapper.incident_dates import NIGHT, STATEMENT
from mapper.incident_feed import headline_at, item_starts
from mapper.incident_merge import Candidate
from mapper.incident_sentence import PerSentence
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


_NIGHT_WORD = re.compile(r"\bnight\b|\bovernight\b", re.I)


def night_of_the_news(made: Sequence[Candidate], dates_by: PerSentence, i: int, published: dt.date | None) -> None:
    """Date by the night before the news day the events of a report published the day after it, told with a night
    and no day.

    "MOSCOW — ... the FSB said on Tuesday ... // Hours later, the HUR published a video of a raid near X
    overnight", published on Wednesday: the night before Tuesday, the day the lede reports, not the night before
    publication. Only when the lede's days (its first dated sentence of the first two) are all the day before
    publication, not its evening ("on Wednesday evening", "In the evening, the enemy attacked": the night after it),
    and the sentence has no other date.
    """
    own = dates_by[i] if published is not None and i else []
    if len(own) != 1 or (own[0].date.start, own[0].date.end) != (published - NIGHT, published) \
            or not _NIGHT_WORD.search(own[0].date.text):
        return
    text, sents = dates_by.text, tuple(dates_by.sents)
    if item_starts(text, sents):
        return  # (a feed's items are stories of their own: the first one's day is no other's)
    first = 1 if headline_at(text, sents, 0) else 0  # (a headline over its lede)
    lede = dates_by[first] or (dates_by[first + 1] if i > first + 1 else []) if i > first else []
    news = {d.date.start for d in lede if d.relative and not d.since and d.date.precision is DatePrecision.DAY}
    if news != {published - NIGHT} or any(d.date.end >= published for d in lede) \
            or any(_EVENING.match(text, d.end) or "evening" in d.date.text.lower() for d in lede):
        return
    day = published - NIGHT
    night = FuzzyDate(day - NIGHT, day, DatePrecision.RANGE, own[0].date.text)
    for c in made:
        if c.date == own[0].date and c.date_src == "sentence":
            c.date = night


_EVENING = re.compile(r"\s+(?:evening|night)\b", re.I)
