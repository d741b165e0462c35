"""Dates in news text: absolute and relative expressions resolved to FuzzyDate values with offsets."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from operator import itemgetter

from mapper.date_values import resolve_match
from mapper.model import DatePrecision, FuzzyDate
from mapper.prefilter import looking_ahead, lowered, required_words, word_automaton

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December" \
         r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:19|20)\d{2}"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_COUNT = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven)"
_PART = r"(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)"

_I = re.IGNORECASE
# Ordered longest first: at one position the first pattern that matches wins (see _scan).
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("mdy", re.compile(rf"\b(?=[A-Z\d])(?:(?P<wd>{_WEEKDAY}),?\s+)?(?P<m>{_MONTH})\s+(?P<d>{_DAY}),?\s+"
                       rf"(?P<y>{_YEAR})\b")),
    ("dmy", re.compile(rf"\b(?=[A-Z\d])(?:(?P<wd>{_WEEKDAY}),?\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH}),?\s+"
                       rf"(?P<y>{_YEAR})\b")),
    # "between October 1 and 11", "from 3 to 9 March", "October 1-11": a span of days in one month (or two:
    # "between September 24 and October 2")
    ("mdd", re.compile(rf"\b(?=[A-Za-z\d])(?:(?i:between)\s+(?:(?P<m>{_MONTH})\s+)?(?P<d1>{_DAY})\s+and|"
                       rf"(?:(?i:from)\s+)?(?:(?P<mb>{_MONTH})\s+)?(?P<b1>{_DAY})\s*(?:-|–|to|through|until))\s*"
                       rf"(?:(?P<m2>{_MONTH})\s+)?(?P<d2>{_DAY})(?(m)|(?(mb)|\s+(?P<ma>{_MONTH})))\b(?![,.]?\d|(?:\s+\w+)?\s+(?:people|residents|civilians|soldiers|drones|of)\b)"
                       rf"(?:,?\s+(?P<y>{_YEAR})\b)?")),
    ("md", re.compile(rf"\b(?=[A-Z\d])(?:(?P<wd>{_WEEKDAY}),?\s+)?(?P<m>{_MONTH})\s+(?P<d>{_DAY})\b(?![,.]?\d)")),
    ("dm", re.compile(rf"\b(?=[A-Z\d])(?:(?P<wd>{_WEEKDAY}),?\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})\b")),
    ("mmy", re.compile(rf"\b(?=[A-Z\d])(?P<m1>{_MONTH})\s*(?:and|-|–|to|through|or)\s*(?P<m2>{_MONTH}),?\s+"
                       rf"(?P<y>{_YEAR})\b")),
    # "in the last week of September", "the first week of March 2024": seven days of the month
    ("wk", re.compile(rf"\b(?i:the\s+(?P<nth>first|second|third|fourth|final|last)\s+week\s+of)\s+(?P<m>{_MONTH})"
                      rf"(?:,?\s+(?P<y>{_YEAR}))?\b")),
    # "in March of this year", "December last year": that month of the year named relative to publication
    ("mry", re.compile(rf"\b(?=[A-Z])(?P<m>{_MONTH}),?\s+(?i:(?:of\s+)?(?P<ry>this|last|next)\s+year)\b")),
    ("my", re.compile(rf"\b(?:(?P<part>(?i:{_PART}))[\s-]+)?(?P<m>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR})\b")),
    ("py", re.compile(rf"\b(?P<part>(?i:{_PART}))[\s-]*(?P<y>{_YEAR})\b")),
    # "in the first nine months of the year", "the first half of 2024", "in the first quarter": from January
    # to the part's end ("the first two months of the war" is none); "the second quarter", "the second half":
    # that part of the year alone
    # ("during the nine months", after the first: the same months)
    ("first", re.compile(rf"\b(?i:the\s+(?:(?:first\s+|(?=(?:{_COUNT}|[1-9]|1[01])\s+months\b(?![\s,]+(?:since|"
                         rf"after|before|ago|until|to|of|in\s+(?:jail|prison|detention|custody))\b)))"
                         rf"(?:(?P<n>{_COUNT}|[1-9]|1[01])\s+months|(?P<half>half)|"
                         rf"(?P<q>quarter))"
                         rf"|(?P<nth>second|third|fourth|final|last)\s+(?P<nthof>quarter|half))"
                         rf"(?:\s+of\s+(?:(?P<rel>this|the|last)\s+year|(?P<y>{_YEAR}))|(?![\s,]+of\b)))\b")),
    # "between March and May", "in January to March" without a year: the latest such months not after the
    # month of publication
    # (and "in January-June", the form of Russian and Central Asian statistics)
    ("mm", re.compile(rf"\b(?P<span>(?i:between|from|in)\s+(?P<m1>{_MONTH})"
                      rf"(?:\s+(?i:and|to|through|until)\s+|\s*[-–]\s*)"
                      rf"(?P<m2>{_MONTH}))(?![\w-]|,?\s+(?:{_DAY}\b(?![,.]\d|\s*(?:%|percent|per\s+cent))|{_YEAR}))")),
    # "in March" without a year: the latest March not after the month of publication
    ("m", re.compile(rf"\b(?i:in|during|since|until|by|from|of|early|late|mid|last)[\s-]+(?:(?i:early|late|mid)[\s-]+)?"
                     rf"(?P<span>(?P<m>{_MONTH}))(?![\w-]|,?\s+(?:{_DAY}\b(?![,.]\d|\s*(?:%|percent|per\s+cent))|{_YEAR}))")),
    ("y", re.compile(rf"\b(?i:in|since|by|during|until|of|from|before|after|through|year)\s+"
                     rf"(?P<span>(?P<y>{_YEAR}))\b(?!-\d)")),
    # "since the summer", "in the spring", "last winter" without a year: the latest such season (northern,
    # by months) begun by publication ("last": the one before the season of publication)
    ("season", re.compile(r"\b(?P<pre>(?i:in|during|since|until|by|from|over|through|last|this|early|late))\s+"
                          r"(?:(?i:the)\s+)?(?:(?i:early|late)\s+)?(?P<span>(?P<season>(?i:spring|summer|autumn|winter)))"
                          r"\b(?![\s-]+(?:of\s+)?\d)")),
    # "over the past week", "in the last 10 days": the stretch of time up to publication
    ("past", re.compile(rf"\b(?i:(?:over|in|during|within|for)\s+the\s+(?:past|last|previous)\s+"
                        rf"(?:(?P<n>[1-9]\d?|{_COUNT}|few|several|couple\s+of)\s+)?"
                        rf"(?P<unit>days|weeks?|months?|fortnight))\b")),
    # "two weeks ago", "three days ago", "a week ago": that long before publication
    ("ago", re.compile(rf"\b(?P<n>[1-9]\d?|{_COUNT}|an?)\s+(?P<unit>days?|weeks?|fortnight)\s+ago\b", _I)),
    ("rel", re.compile(r"\b(?P<rel>(?:earlier|later)\s+this\s+(?:year|month|week)|this\s+(?:year|month|week)"
                       r"|overnight|last\s+night|this\s+morning|earlier\s+today"
                       r"|(?:start|beginning)\s+of\s+(?:the|this)\s+year"
                       r"|(?:over|in|during)\s+the\s+(?:past|last)\s+(?:day|night|24\s+hours)|the\s+previous\s+night"
                       r"|(?:last|next)\s+(?:year|month|week)|the\s+previous\s+(?:year|month)|yesterday|today"
                       r"|(?:during|in)\s+the\s+night|(?:at|over|during)\s+the\s+weekend"
                       r"|(?:last|this\s+past)\s+(?:weekend)"
                       # an official's update that opens a sentence with the time of day ("At night, air defence
                       # shot down 7 UAVs", "In the evening, the enemy attacked ..."): that part of the day before
                       # publication, or of its day; "hit an enterprise in the morning." closing a sentence too;
                       # "The night was restless in the Nikopol district": the night before publication
                       r"|(?:(?<=^)|(?<=\n)|(?<=[.!?:\"“]\s)|(?<=:\s[\"“])|(?<=\n[\"“])|(?<=^[\"“]))(?-i:At\s+night|In\s+the\s+(?:morning|evening)"
                       r"|The\s+night(?=\s+(?:was|passed)\s))"
                       r"|(?-i:in\s+the\s+morning)(?=\.\s|\.$))\b", _I)),
    ("wd", re.compile(rf"\b(?:(?P<pre>on|last|this\s+past|early|late)\s+)?(?P<wd>{_WEEKDAY})\b", _I)),
]
_SINCE = re.compile(r"\b(?:since|from)\s+(?:the\s+)?$", _I)
# "since Moscow tightened migration rules last year": the date of a since-clause opens an interval too
# "since September 2022, when fighting killed about 100 people": a when-clause counting victims or people driven
# out, or telling a find ("when pieces of a drone were first found near X"), tells a dated event of its own
# ("since April 2024, when drones first flew 1,000 km" only opens a span)
_WHEN_AFTER = re.compile(r",\s+when\b[^.;]{0,80}?\b(?:\d[\d,.]*\s+(?:\w+\s+)?(?:people|residents|civilians|villagers|"
                         r"soldiers|servicemen|killed|dead|injured|wounded)|(?:was|were)\s+(?:first\s+)?(?:found|"
                         r"discovered)|attacks?\s+(?:damaged|destroyed|hit|struck)|(?:first\s+)?fired\s+[^.;]{0,60}?"
                         r"\bat\s+(?:an?|the)\s)\b", _I)
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?:[A-Za-z][\w'’-]*\s+){1,6}$", _I)
# "Since the mandatory evacuation of families was ordered on July 18, 21,400 people have left": a since-clause
# opening a sentence (or a clause after a comma) with a verb of its own opens a span however long it runs; inside
# a sentence a long one tells an event ("suspended since a drone was spotted over the runway on Monday")
_SINCE_OPENING = re.compile(r"(?:^|[.;:!?]\s+|\n\s*|,\s+(?:and\s+|but\s+)?)since\s+"
                            r"(?P<clause>(?:[A-Za-z][\w'’-]*\s+){1,14})$", _I)
_SINCE_INSIDE = re.compile(r"\bsince\s+(?P<clause>(?:[A-Za-z][\w'’-]*\s+){1,12})$", _I)
_DECIDED = re.compile(r"\b(?:announced|declared|ordered|introduced|imposed|launched)\b", _I)
_CLAUSE_VERB = re.compile(r"\b(?:(?:was|were|has|have|had)\s+(?:been\s+)?[a-z]+|[a-z]{3,}ed|began|begun|took|came|"
                          r"broke|fell|struck|hit|went)\b")


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date expression found in a text: ``text[start:end]`` resolves to ``date``.

    ``since`` marks an open interval ("since early 2024"): background rather than an event date.
    ``relative`` marks an expression resolved against the reference date ("on Monday", "June 19").
    """

    date: FuzzyDate
    start: int
    end: int
    since: bool = False
    relative: bool = False

    def shifted(self, by: int) -> DateSpan:
        """The same date with its offsets moved by ``by`` (from a sentence into its whole text)."""
        return DateSpan(self.date, self.start + by, self.end + by, self.since, self.relative)


def opens_interval(text: str, start: int) -> bool:
    """True when the date at ``start`` follows "since" or "from" ("since early 2024"), or ends a since-clause
    ("since Moscow tightened the rules last year"; longer when it opens a sentence and has a verb)."""
    if _SINCE.search(text, max(0, start - 12), start) or "since" in text[max(0, start - 60):start].lower() \
            and _SINCE_CLAUSE.search(text, max(0, start - 60), start):
        return True
    m = _SINCE_OPENING.search(text, max(0, start - 140), start) if "since" in text[max(0, start - 140):start].lower() \
        else None
    if m and _CLAUSE_VERB.search(m["clause"]):
        return True
    # "have entered Kazakhstan since President Putin announced a partial mobilisation on September 21": inside a
    # sentence, a since-clause telling a decision or a start opens a span (not "since a drone was spotted")
    m = _SINCE_INSIDE.search(text, max(0, start - 140), start) if m is None and "since" in text[
        max(0, start - 140):start].lower() else None
    return bool(m and _DECIDED.search(m["clause"]))


def when_told(text: str, d: DateSpan) -> bool:
    """The date opens an interval but a when-clause after it tells an event of that date ("since December 2022,
    when two attacks damaged bombers parked there")."""
    return opens_interval(text, d.start) and _WHEN_AFTER.match(text, d.end) is not None


# Pattern kinds whose dates are read against the day of publication (or the default year).
RELATIVE_KINDS = frozenset({"mry", "mdd", "md", "dm", "rel", "wd", "mm", "m", "first", "season", "ago", "wk"})


def find_dates(text: str, *, published: dt.date | None = None, year: int | None = None) -> list[DateSpan]:
    """Find and resolve the date expressions of a text, left to right, without overlaps.

    Parameters
    ----------
    text
        The text to search.
    published
        The article's publication date: relative expressions ("on Monday", "June 19", "last year")
        resolve against it. Without it, ``year`` dates a day or month given without a year, and
        expressions that need a day of reference (weekdays, "yesterday") are skipped.
    year
        Default year when there is no publication date.

    Returns
    -------
    list[DateSpan]
        The resolved dates, sorted by offset.

    >>> [d.date.iso() for d in find_dates("On June 19, debris fell.", published=dt.date(2025, 6, 20))]
    ['2025-06-19']
    >>> find_dates("On Monday it rained.")
    []
    """
    found: list[DateSpan] = []
    taken = bytearray(len(text))
    exact = lowered(text)  # None when substring tests on the lowered text would not be exact
    low = text.lower() if exact is None else exact
    # "in March", "yesterday", "on Monday", "the first half of this year" need no digit
    has_digit = _ANY_DIGIT.search(text) is not None
    has_month = _ANY_MONTH.search(text) is not None
    has_year = has_digit and _ANY_YEAR.search(text) is not None
    # cheap tests that the pattern can match at all, so most patterns skip most texts (one pass finds the words)
    present = set(map(_WORD, _GATE_WORDS.iter(low)))  # (pyahocorasick: (end, word) pairs)
    for kind, pattern, needles, words in _PLANS[has_month, has_digit, has_year]:
        if needles and present.isdisjoint(needles) or words and exact is not None and present.isdisjoint(words):
            continue
        for m in pattern.finditer(text):
            start, end = m.span("span") if "span" in pattern.groupindex else m.span()
            if any(taken[start:end]):
                continue
            date = resolve_match(kind, m, published, year)
            if date is None:
                continue
            # "since September 2022, when fighting killed 100": the when-clause's event is dated, no interval; and
            # "the toll from Wednesday's strike": a possessive date names the event, no interval's start
            since = opens_interval(text, start) and not _WHEN_AFTER.match(text, end) \
                and not text.startswith(("'s ", "’s "), end)
            if since:
                until = published if published and published >= date.start else date.end
                date = FuzzyDate(date.start, until, DatePrecision.RANGE, date.text)
            found.append(DateSpan(date, start, end, since, kind in RELATIVE_KINDS))
            taken[start:end] = b"\x01" * (end - start)
    found.sort(key=lambda d: d.start)
    return _nights_before(_days_joined(text, found), published) if len(found) > 1 else found


def _days_joined(text: str, found: list[DateSpan]) -> list[DateSpan]:
    """"on Saturday and Sunday": two days in a row joined by "and" are one span, not two dates."""
    out: list[DateSpan] = []
    for d in found:
        prev = out[-1] if out else None
        if prev is not None and _AND.fullmatch(text, prev.end, d.start) and prev.relative and d.relative \
                and prev.date.precision is DatePrecision.DAY is d.date.precision and not (prev.since or d.since) \
                and d.date.start - prev.date.start == dt.timedelta(days=1):
            date = FuzzyDate(prev.date.start, d.date.end, DatePrecision.RANGE, text[prev.start:d.end])
            out[-1] = DateSpan(date, prev.start, d.end, False, True)
            continue
        out.append(d)
    return out


_AND = re.compile(r"\s+and\s+")


def _nights_before(found: list[DateSpan], published: dt.date | None = None) -> list[DateSpan]:
    """"On Monday, after overnight attacks": a night told beside a day the text names is the night
    before that day, not the night before publication ("overnight on Monday" in Monday's news: the night that
    ended on Monday, the one that begins on it is still to come)."""
    days = [d for d in found if d.relative and d.date.precision is DatePrecision.DAY and not d.since]
    if not days:
        return found
    out = []
    for d in found:
        if d.relative and d.date.precision is DatePrecision.RANGE and _NIGHT.search(d.date.text):
            near = min(days, key=lambda x: abs(x.start - d.start))
            day = near.date.start
            if near.start - d.end in range(1, 5) and near.date.text[:2].lower() == "on" \
                    and (published is None or day < published):
                day += dt.timedelta(days=1)  # "overnight on Monday": the night that begins on Monday
            d = DateSpan(FuzzyDate(day - dt.timedelta(days=1), day, DatePrecision.RANGE, d.date.text),
                         d.start, d.end, d.since, d.relative)
        out.append(d)
    return out


_NIGHT = re.compile(r"night", re.I)


_ANY_MONTH = re.compile(_MONTH)
_WORD = itemgetter(1)
_ANY_DIGIT = re.compile(r"\d")
_ANY_YEAR = re.compile(_YEAR)
# What each pattern needs: a month name, a digit (a day or a year), a year, one of some words.
_MONTH_KINDS = frozenset({"mry", "mdd", "mdy", "dmy", "md", "dm", "mmy", "my", "mm", "m", "wk"})
_DIGIT_KINDS = frozenset({"mdd", "iso", "mdy", "dmy", "md", "dm", "mmy", "my", "py", "y"})
_YEAR_KINDS = frozenset({"iso", "mdy", "dmy", "mmy", "my", "py", "y"})
_NEEDLES = {"mm": ("between", "from", "in "),
            "py": ("early", "mid", "late", "end of", "beginning", "start of", "middle"),
            "first": ("first", "second", "third", "fourth", "final", "last", "months"),
            "rel": ("year", "month", "week", "yesterday", "today", "night", "morning", "evening", "past day",
                    "last day", " hours"),
            "wd": ("day",), "iso": ("-",), "wk": ("week",), "mry": ("year",),
            "past": ("past ", "last ", "previous "), "ago": (" ago",),
            "season": ("spring", "summer", "autumn", "winter")}
# The words one of which every match holds (prefilter.required_words) where they tell more than the above
_WORDS = {kind: required_words(pattern) for kind, pattern in _PATTERNS if kind in ("wd", "rel", "first")}
_GATE_WORDS = word_automaton({w for table in (_NEEDLES, _WORDS) for words in table.values() for w in words})
# Each pattern behind a look-ahead at its first letters (unless behind one already): the same matches, sooner
_AHEAD = {kind: p if p.pattern.startswith(r"\b(?=") else looking_ahead(p) for kind, p in _PATTERNS}
# (has a month name, a digit, a year) -> the patterns that need no more than the text has, in order
_PLANS = {(month, digit, year): [(kind, _AHEAD[kind], _NEEDLES.get(kind, ()), _WORDS.get(kind, ()))
                                 for kind, _pattern in _PATTERNS
                                 if (month or kind not in _MONTH_KINDS) and (digit or kind not in _DIGIT_KINDS)
                                 and (year or kind not in _YEAR_KINDS)]
          for month in (False, True) for digit in (False, True) for year in (False, True)}
