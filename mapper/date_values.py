"""What a date phrase matched in news text means: the FuzzyDate of each kind of match (``mapper.dates`` finds
them), absolute days, day spans, months, seasons, weekdays and relative words read against publication."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from mapper.date_counts import COUNTS, ago, past
from mapper.model import DatePrecision, FuzzyDate

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_NON_DIGIT = re.compile(r"\D")


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(_NON_DIGIT.sub("", text))


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _safe_day(y: int, mo: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def resolve_match(kind: str, m: re.Match[str], published: dt.date | None, year: int | None) -> FuzzyDate | None:
    """The date a pattern of kind ``kind`` (see ``mapper.dates``) matched, read against the publication
    date (or ``year``); None for an impossible day or a relative date with nothing to read it against."""
    text = m.group("span") if "span" in m.re.groupindex else m.group(0)
    g = m.groupdict()
    if kind in {"iso", "mdy", "dmy"}:
        mo = int(g["m"]) if kind == "iso" else _month(g["m"])
        day = _safe_day(int(g["y"]), mo, _day(g["d"]))
        return FuzzyDate(day, day, DatePrecision.DAY, text) if day else None
    if kind == "mdd":
        return _day_span(g, text, published, year)
    if kind in {"md", "dm"}:
        return _month_day(_month(g["m"]), _day(g["d"]), text, published, year)
    if kind == "mmy":
        y = int(g["y"])
        m1, m2 = _month(g["m1"]), _month(g["m2"])
        if m2 < m1:
            return None
        return FuzzyDate(dt.date(y, m1, 1), _month_end(y, m2), DatePrecision.RANGE, text)
    if kind == "mry":
        return _month_of_year(_month(g["m"]), g["ry"].lower(), text, published, year)
    if kind == "my":
        y, mo = int(g["y"]), _month(g["m"])
        return FuzzyDate(dt.date(y, mo, 1), _month_end(y, mo), DatePrecision.MONTH, text)
    if kind == "mm":
        last = _month_alone(_month(g["m2"]), text, published, year)
        m1 = _month(g["m1"])
        if last is None or m1 > last.start.month:
            return None
        return FuzzyDate(dt.date(last.start.year, m1, 1), last.end, DatePrecision.RANGE, text)
    if kind == "m":
        return _month_alone(_month(g["m"]), text, published, year, m.group(0)[:4].lower() == "last")
    if kind == "first":
        return _first_part(g, text, published, year)
    if kind == "wk":
        return _week_of(_month(g["m"]), g["nth"].lower(), g["y"], text, published, year)
    if kind == "py":
        return _year_part(int(g["y"]), g["part"], text)
    if kind == "y":
        y = int(g["y"])
        return FuzzyDate(dt.date(y, 1, 1), dt.date(y, 12, 31), DatePrecision.YEAR, text)
    if kind == "season":
        return _season(g["season"].lower(), g["pre"].lower() == "last", text, published, year)
    if kind == "past":
        return past(g["n"], g["unit"].lower(), text, published)
    if kind == "ago":
        return ago(g["n"], g["unit"].lower(), text, published)
    if kind == "rel":
        return _relative(g["rel"].lower(), text, published, year)
    if kind == "wd":
        if published is None or (g.get("pre") is None and not text[:1].isupper()):
            return None
        back = (published.weekday() - _WEEKDAYS[g["wd"].lower()]) % 7
        pre = (g.get("pre") or "").lower()
        if pre in {"last", "this past"} and back == 0:
            back = 7
        day = published - dt.timedelta(days=back)
        return FuzzyDate(day, day, DatePrecision.DAY, text)
    return None


def _day_span(g: dict[str, str | None], text: str, published: dt.date | None, year: int | None) -> FuzzyDate | None:
    """Days ``d1`` (or ``b1``) to ``d2`` of one month, the year given or read as a day without one."""
    month = g["m2"] or g["m"] or g["mb"] or g["ma"]
    first, last = _day(g["d1"] or g["b1"] or ""), _day(g["d2"] or "")
    # the first day's month, when the span crosses one
    before = _month(g["m"] or g["mb"] or "") if g["m2"] and (g["m"] or g["mb"]) else 0
    if month is None or last <= first and not before or before and before >= _month(month):
        return None
    if g["y"]:
        end = _safe_day(int(g["y"]), _month(month), last)
        end_date = FuzzyDate(end, end, DatePrecision.DAY, text) if end else None
    else:
        end_date = _month_day(_month(month), last, text, published, year)
    start = _safe_day(end_date.start.year, before or end_date.start.month, first) if end_date else None
    return FuzzyDate(start, end_date.end, DatePrecision.RANGE, text) if start and end_date else None


def _week_of(mo: int, nth: str, y: str | None, text: str, published: dt.date | None,
             year: int | None) -> FuzzyDate | None:
    """The "first" to "fourth" week of a month (days 1-7, 8-14, ...) or its "last" seven days."""
    month = FuzzyDate(dt.date(int(y), mo, 1), _month_end(int(y), mo), DatePrecision.MONTH, text) if y \
        else _month_alone(mo, text, published, year)
    if month is None:
        return None
    if nth in ("last", "final"):
        start = month.end - dt.timedelta(days=6)
    else:
        start = month.start + dt.timedelta(days=7 * ("first", "second", "third", "fourth").index(nth))
    return FuzzyDate(start, min(start + dt.timedelta(days=6), month.end), DatePrecision.RANGE, text)


def _month_day(mo: int, d: int, text: str, published: dt.date | None, year: int | None) -> FuzzyDate | None:
    if published is not None:
        day = _safe_day(published.year, mo, d)
        # A day-month without a year is the latest one not far after publication.
        if day and day > published + dt.timedelta(days=31):
            day = _safe_day(published.year - 1, mo, d)
    elif year is not None:
        day = _safe_day(year, mo, d)
    else:
        return None
    return FuzzyDate(day, day, DatePrecision.DAY, text) if day else None


def _month_of_year(mo: int, which: str, text: str, published: dt.date | None, year: int | None) -> FuzzyDate | None:
    """"March of this year", "December last year": the month of the year publication's is, or the year before
    or after it."""
    base = published.year if published is not None else year
    if base is None:
        return None
    y = base + {"this": 0, "last": -1, "next": 1}[which]
    return FuzzyDate(dt.date(y, mo, 1), _month_end(y, mo), DatePrecision.MONTH, text)


def _month_alone(mo: int, text: str, published: dt.date | None, year: int | None,
                 last: bool = False) -> FuzzyDate | None:
    if published is not None:
        # "in November", told in March: last year's; so is "last June", told in June
        y = published.year - (mo > published.month or mo == published.month and last)
    elif year is not None:
        y = year
    else:
        return None
    return FuzzyDate(dt.date(y, mo, 1), _month_end(y, mo), DatePrecision.MONTH, text)


def _first_part(g: dict[str, str | None], text: str, published: dt.date | None, year: int | None) -> FuzzyDate | None:
    if g["y"]:
        y = int(g["y"])
    elif published is not None or year is not None:
        y = (published.year if published else year) - ((g["rel"] or "").lower() == "last")  # type: ignore[operator]
    else:
        return None
    first = 1
    if g["nth"]:
        length = 6 if g["nthof"].lower() == "half" else 3
        index = {"second": 2, "third": 3}.get(g["nth"].lower(), 12 // length)
        if index * length > 12:
            return None  # "the third half"
        first, months = (index - 1) * length + 1, index * length
    else:
        n = g["n"].lower() if g["n"] else ""
        months = 6 if g["half"] else 3 if g["q"] else COUNTS.get(n) or int(n)
    if not (g["y"] or g["rel"]) and published is not None and published.month <= months:
        y -= 1  # "in the first half", told in May: the part of the year is not over, so last year's
    return FuzzyDate(dt.date(y, first, 1), _month_end(y, months), DatePrecision.RANGE, text)


def _year_part(y: int, part: str, text: str) -> FuzzyDate:
    part = " ".join(part.lower().split())
    if part in {"early", "the beginning of", "the start of"}:
        return FuzzyDate(dt.date(y, 1, 1), dt.date(y, 4, 30), DatePrecision.RANGE, text)
    if part in {"late", "the end of"}:
        return FuzzyDate(dt.date(y, 9, 1), dt.date(y, 12, 31), DatePrecision.RANGE, text)
    return FuzzyDate(dt.date(y, 5, 1), dt.date(y, 8, 31), DatePrecision.RANGE, text)


_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


def _season(name: str, last: bool, text: str, published: dt.date | None, year: int | None) -> FuzzyDate | None:
    """The three months of a season: the latest begun by publication ("last": the latest over by then), or the
    default year's."""
    mo = _SEASON_START[name]
    if published is None and year is None:
        return None
    began = dt.date(published.year if published else year, mo, 1)  # type: ignore[arg-type]
    if published is not None and began > published:
        began = began.replace(year=began.year - 1)
    if published is not None and last and published <= _season_end(began):  # "last winter", told in January
        began = began.replace(year=began.year - 1)
    return FuzzyDate(began, _season_end(began), DatePrecision.RANGE, text)


def _season_end(began: dt.date) -> dt.date:
    return _month_end(began.year + (began.month == 12), (began.month + 1) % 12 + 1)


def _relative(rel: str, text: str, published: dt.date | None, year: int | None) -> FuzzyDate | None:
    rel = " ".join(rel.split())
    if rel.endswith("year"):
        if published is None and year is None:
            return None
        y = published.year if published else year
        assert y is not None
        if rel.startswith(("start", "beginning")):  # "since the start of the year": from January
            return FuzzyDate(dt.date(y, 1, 1), dt.date(y, 1, 31), DatePrecision.MONTH, text)
        if rel.startswith(("last", "the previous")):
            y -= 1
        elif rel.startswith("next"):  # a forecast's or a plan's year
            y += 1
        return FuzzyDate(dt.date(y, 1, 1), dt.date(y, 12, 31), DatePrecision.YEAR, text)
    if published is None:
        return None
    if rel.endswith("month"):
        first = published.replace(day=1)
        if rel.startswith(("last", "the previous")):
            first = (first - dt.timedelta(days=1)).replace(day=1)
        elif rel.startswith("next"):
            first = (first + dt.timedelta(days=31)).replace(day=1)
        return FuzzyDate(first, _month_end(first.year, first.month), DatePrecision.MONTH, text)
    if rel.endswith("weekend"):  # the Saturday and Sunday before publication
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7 or 7)
        return FuzzyDate(saturday, min(published, saturday + dt.timedelta(days=1)), DatePrecision.RANGE, text)
    if rel.endswith("week"):
        monday = published - dt.timedelta(days=published.weekday())
        if rel.startswith(("this", "earlier", "later")):  # this week, up to publication
            return FuzzyDate(monday, published, DatePrecision.RANGE, text)
        if rel.startswith("next"):
            return FuzzyDate(monday + dt.timedelta(days=7), monday + dt.timedelta(days=13), DatePrecision.RANGE, text)
        start = monday - dt.timedelta(days=7)  # last week: the Monday-to-Sunday week before publication's
        return FuzzyDate(start, start + dt.timedelta(days=6), DatePrecision.RANGE, text)
    if rel == "overnight" or rel.endswith("night") or rel.endswith((" past day", " last day", " hours")):
        # the night (or the day) before publication
        return FuzzyDate(published - dt.timedelta(days=1), published, DatePrecision.RANGE, text)
    day = published - dt.timedelta(days=1) if rel in ("yesterday", "in the evening") else published
    return FuzzyDate(day, day, DatePrecision.DAY, text)
