"""The day a wire dateline gives its report: "MOSCOW, Oct 26 (Reuters) -", "KURSK, November 18. /TASS/.",
"ASTANA, 12 November (Kazinform) -". An article read with no date of its own takes it, so that "on Sunday"
in its text is the Sunday before that day, not before the day the file was read."""

from __future__ import annotations

import datetime as dt
import re

from mapper.dates import find_dates
from mapper.model import DatePrecision

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?"
# a place in capitals (and its country), then the day, then the agency or the dash that ends the dateline
_WIRE_DATE = re.compile(r"\s*[A-Z][A-Z'.-]+(?:\s+[A-Z][A-Z'.-]+){0,3}(?:,\s+[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+)?)?,\s+"
                        rf"(?P<date>{_MONTH}\s+\d{{1,2}}(?:,\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)"
                        r"\.?\s*(?:\(|/|—|–|-)")


def dateline_date(text: str, near: dt.date | None) -> dt.date | None:
    """The day of ``text``'s opening wire dateline, its year the one that puts it on or before ``near`` (the
    date the caller would otherwise give the article) when the dateline gives none; None without a dateline
    day, or with no year to be had.

    >>> dateline_date("MOSCOW, Oct 26 (Reuters) - A drone ...", dt.date(2025, 11, 10))
    datetime.date(2025, 10, 26)
    >>> dateline_date("KURSK, November 18. /TASS/. Three people ...", None) is None
    True
    """
    m = _WIRE_DATE.match(text, 0, min(len(text), 120))
    if m is None:
        return None
    told = m.group("date")
    if near is None and not re.search(r"\d{4}", told):
        return None
    days = [d for d in find_dates(told, published=near) if d.date.precision is DatePrecision.DAY]
    return days[0].date.start if days else None
