"""Counted spans of time before publication: "over the past week", "in the last 10 days", "two weeks ago"."""

from __future__ import annotations

import datetime as dt

from mapper.model import DatePrecision, FuzzyDate

COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "eleven": 11}
PAST_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30}
SOME = {"few": 3, "several": 5, "couple of": 2}


def past(n: str | None, unit: str, text: str, published: dt.date | None) -> FuzzyDate | None:
    """"Over the past week", "in the last 10 days": from that long before publication up to it."""
    if published is None:
        return None
    if n is None and unit.endswith("s"):
        return None  # "in the past days": no length given
    key = " ".join((n or "").lower().split())
    count = 1 if n is None else SOME.get(key) or COUNTS.get(key) or int(key)
    days = count * PAST_DAYS[unit.rstrip("s")]
    return FuzzyDate(published - dt.timedelta(days=days), published, DatePrecision.RANGE, text)


def ago(n: str, unit: str, text: str, published: dt.date | None) -> FuzzyDate | None:
    """"Two weeks ago", "three days ago", "a week ago": the day that long before publication."""
    if published is None:
        return None
    key = n.lower()
    count = 1 if key in ("a", "an") else COUNTS.get(key) or int(key)
    day = published - dt.timedelta(days=count * PAST_DAYS[unit.rstrip("s")])
    return FuzzyDate(day, day, DatePrecision.DAY, text)
