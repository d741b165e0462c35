"""Events a sentence dates only with a vague time word of its own ("recently"): no neighbour's day."""

from __future__ import annotations

import datetime as dt
import re

from mapper.model import DatePrecision, FuzzyDate
from mapper.prefilter import looking_ahead

# "Ukrainian forces recently counterattacked near X", "in recent days", "lately": some time before the report
RECENTLY = re.compile(r"\b(?:recently|lately|in\s+recent\s+(?:days|weeks))\b", re.I)
_WHO_HAD = re.compile(r"\b(?:who|which|that)\s+(?:had\s+|has\s+|have\s+)?$", re.I)


def recently(text: str, start: int, end: int, date: FuzzyDate | None, src: str,
             published: dt.date | None) -> tuple[FuzzyDate | None, str]:
    """The month of publication for an event a sentence says happened "recently", where its date was borrowed
    from a neighbour ("Geolocated footage published on November 4 shows ... // Ukrainian forces recently
    counterattacked near X": no day of the footage before); else ``(date, src)``.

    >>> recently("Forces recently advanced.", 0, 25, None, "nearby", dt.date(2025, 11, 5))[0].iso()
    '2025-11'
    """
    m = RECENTLY.search(text, start, end) if src in ("nearby", "lede") and published is not None else None
    if m is None or _WHO_HAD.search(text, max(start, m.start() - 20), m.start()):
        return date, src  # ("35 men who had recently received citizenship": their past, not the event's time)
    first = published.replace(day=1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return FuzzyDate(first, last, DatePrecision.MONTH, "publication month"), "published"

# Patterns searched over sentences and windows, behind a look-ahead at the letters their matches start with
# (prefilter.looking_ahead): the same matches, most positions rejected at one character
RECENTLY = looking_ahead(RECENTLY)
