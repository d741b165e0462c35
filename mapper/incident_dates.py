"""The date of an event a sentence reports: its own dates, a neighbour's, the lede's or the publication's."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from mapper.dates import DateSpan, find_dates
from mapper.figure_groups import with_one_before
from mapper.figures import WORD_NUMBERS, FigureSpan, find_figures
from mapper.incident_feed import headline_at, lone_headline
from mapper.incident_merge import Candidate
from mapper.incident_sentence import PerSentence
from mapper.incident_text import dateline_end
from mapper.incident_told_next import day_told_next
from mapper.lexicon import Trigger
from mapper.model import DatePrecision, FuzzyDate
from mapper.prefilter import looking_ahead

# "than in the same period last year", "compared with about 9,000 in the same period last year"
_COMPARED = re.compile(r"\b(?:as\s+in|than\s+in|than|compared\s+(?:with|to)|versus|against|up\s+from|down\s+from)\s+"
                       r"(?:(?:about|some|nearly|almost|around|roughly|just\s+over|more\s+than)\s+)?"
                       r"(?:[\d.,]+(?:\s+(?:million|thousand|billion))?\s+(?:in|during|over)\s+(?:the\s+whole\s+of\s+|"
                       r"all\s+of\s+)?)?"
                       r"(?:the\s+same\s+(?:period|month|months|time|quarter)\s+(?:of\s+|in\s+)?)?$", re.I)
NIGHT = dt.timedelta(days=1)  # "overnight" spans two days: still one event's date

# "said on Tuesday", "told reporters on Monday", "said later on Sunday": when something was said
# (and "satellite images taken on Thursday": the day the pictures were taken, after the event they show)
STATEMENT = re.compile(r"\b(?:(?:said|says|told\s+\w+|announced|reported|added|stated|wrote|denied|dismissed|"
                       r"rejected)\s+(?:later\s+|earlier\s+|in\s+an?\s+(?:report|statement|post)\s+)?(?:on\s+)?|"
                       r"(?:images|imagery|photos|pictures|footage)\s+(?:taken|captured|dated)\s+)$", re.I)
# "the service on Tuesday denied reports that ...": the day of the statement, told before its verb
STATEMENT_AFTER = re.compile(r"\s+(?:said|denied|dismissed|rejected|refuted)\s+(?:reports|claims|that)\b", re.I)

# "to 512,000, down from the 548,000 it announced in July": the day or month of the figure compared with
_DOWN_FROM = re.compile(r"\b(?:up|down)\s+from\s+(?:the\s+)?[\d.,]+(?:\s+(?:million|thousand))?\s+(?:[a-z]+\s+){0,4}"
                        r"(?:in|on|during)\s+$", re.I)
# "compared with 29,400 in August and 27,800 in July": the later items of the comparison's list
_COMPARED_MORE = re.compile(r"\b(?:compared\s+(?:with|to)|than|up\s+from|down\s+from)\s+"
                            r"(?:[\d.,]+\s+in\s+\w+(?:\s+\d{4})?(?:,\s+|,?\s+and\s+))+[\d.,]+\s+in\s+$", re.I)


def forecast(text: str, dates: list[DateSpan], published: dt.date) -> bool:
    """Every date of the sentence but the day of a statement lies after publication, told relative to it
    ("next year"; a written date after it may be a wrong publication date)."""
    told = [d for d in dates if not d.since and not STATEMENT.search(text, max(0, d.start - 30), d.start)]
    return any(d.relative for d in told) and all(d.date.start > published for d in told)


@lru_cache(maxsize=4096)
def sentence_dates(sentence: str, published: dt.date | None, year: int | None) -> tuple[DateSpan, ...]:
    """The dates of one sentence (offsets in the sentence), read once per sentence text."""
    return tuple(find_dates(sentence, published=published, year=year))


@lru_cache(maxsize=4096)
def sentence_figures(sentence: str) -> tuple[FigureSpan, ...]:
    """The figures of one sentence (offsets in the sentence), read once per sentence text."""
    return tuple(with_one_before(sentence, find_figures(sentence)))


def undated(figs: list[FigureSpan], dates: list[DateSpan]) -> list[FigureSpan]:
    """Figures that are not the day of a date ("June 1 drone attacks" counts no drones)."""
    return [f for f in figs if not any(d.start <= f.start < d.end for d in dates)]


def event_dates(text: str, dates: list[DateSpan]) -> list[DateSpan]:
    """The dates that can date an event: no open intervals, and no day a statement was made ("the agency
    said on Tuesday", the day of a dateline: "URALSK, September 23 (Kazinform) -") when the sentence has another."""
    dates = [d for d in dates if not d.since]
    # "twice as many as in the same period last year", "compared with about 53,000 in the whole of 2024": the date
    # of a comparison dates nothing
    dates = [d for d in dates if not _COMPARED.search(text, max(0, d.start - 70), d.start)
             and not _COMPARED_MORE.search(text, max(0, d.start - 120), d.start)
             and not _DOWN_FROM.search(text, max(0, d.start - 70), d.start)
             and not (_YEAR.search(d.date.text) and _EVENT_DATED.search(text, max(0, d.start - 80), d.start))]
    line = text.rfind("\n", 0, dates[0].start) + 1 if dates else 0  # (a feed's item opens a line with its own)
    if dates and dates[0].start - line < 120 and len(dates) > 1:
        dates = [d for d in dates if d.start >= line + dateline_end(text[line:line + 120])] or dates
    if len(dates) > 1:  # "a man who had received citizenship last year was handed a call-up on 9 June": his past
        # and "612,000 came in 2024, down from 1.03 million in 2023": the baseline of a comparison
        dates = [d for d in dates if not _WHO_HAD.search(text, max(0, d.start - 60), d.start)
                 and not _BASELINE.search(text, max(0, d.start - 40), d.start)
                 and not _DOCUMENT_DATED.search(text, max(0, d.start - 60), d.start)] or dates
    told = _windows([d for d in dates if not STATEMENT.search(text, max(0, d.start - 30), d.start)
                     and not STATEMENT_AFTER.match(text, d.end)], text)
    # "for the fourth time this year": the year so far dates nothing better than the statement's day
    return told if any(d.date.precision is DatePrecision.DAY or not d.date.text.lower().startswith("this")
                       for d in told) else dates



class SentenceDates(PerSentence):
    """Each sentence's dates (found lazily) and its event dates (``event_dates``), each worked out once."""

    def __init__(self, sents: list[tuple[int, int]], finder: Callable[[str], Sequence[Any]], text: str) -> None:
        super().__init__(sents, finder, text)
        self.told: dict[int, list[DateSpan]] = {}

    def events(self, i: int) -> list[DateSpan]:
        """``event_dates`` of sentence ``i`` (a fresh list: callers may filter it in place)."""
        found = self.told.get(i)
        if found is None:
            found = self.told[i] = event_dates(self.text, self[i])
        return list(found)


# "between 23:00 on Wednesday and 07:00 Moscow time on Thursday": a window over two days told by its ends
_WINDOW_OPEN = re.compile(r"\bbetween\s+[\d:.]+\s*(?:[ap]\.?m\.?\s+)?(?:\w+\s+time\s+)?(?:on\s+)?$", re.I)
_WINDOW_CLOSE = re.compile(r"\s+and\s+[\d:.]+\s*(?:[ap]\.?m\.?\s+)?(?:\w+\s+time\s+)?(?:on\s+)?$", re.I)


def _windows(dates: list[DateSpan], text: str) -> list[DateSpan]:
    """Two days that open and close a "between <time> ... and <time> ..." window: one span over both."""
    if len(dates) < 2 or "between" not in text:
        return dates
    out = list(dates)
    for a, b in zip(dates, dates[1:], strict=False):
        if a.date.precision is DatePrecision.DAY and b.date.precision is DatePrecision.DAY \
                and b.date.start - a.date.start == NIGHT and b.start - a.end < 60 \
                and _WINDOW_OPEN.search(text, max(0, a.start - 50), a.start) \
                and _WINDOW_CLOSE.search(text, a.end, b.start) and a in out and b in out:
            span = FuzzyDate(a.date.start, b.date.end, DatePrecision.RANGE, text[a.start:b.end])
            out[out.index(a)] = dataclasses.replace(a, date=span, end=b.end)
            out.remove(b)
    return out


_BASELINE = re.compile(r"\b(?:down|up)\s+from\s+(?:about\s+|some\s+)?[\d.,]+(?:\s+(?:million|thousand|billion))?\s+"
                       r"in\s+$", re.I)
_WHO_HAD = re.compile(r"\b(?:who|which|that)\s+(?:had|has|have)\s+[^,.;:]*$", re.I)
# "left for Germany on Monday under a labour agreement signed last year": the date of a document (signed, adopted,
# passed) dates the document, not the event told beside it with a date of its own
_DOCUMENT_DATED = re.compile(r"\b(?:agreements?|deals?|laws?|treat(?:y|ies)|decrees?|memorand(?:um|a)|accords?|"
                             r"contracts?|rules|regulations?|resolutions?|protocols?|bills?|amendments?)\s+"
                             r"(?:(?:that|which)\s+(?:was|were)\s+)?(?:signed|adopted|passed|approved|ratified|"
                             r"concluded|enacted|introduced)\s+(?:in\s+|on\s+)?$", re.I)
RECENT_DAYS = 7  # a date ending this close before publication tells the week's news


def this_week(d: DateSpan, published: dt.date) -> bool:
    """True when ``d`` ends in the ``RECENT_DAYS`` before ``published`` (or on its day)."""
    return 0 <= (published - d.date.end).days <= RECENT_DAYS


# "fell after Moscow tightened the rules following the Crocus City Hall attack in March 2024": a past event
# named as a cause, with its own year, dates the cause, not what is told
_EVENT_DATED = re.compile(r"\b(?:following|after|since|before|because\s+of|amid)\s+(?:the\s+|a\s+)?"
                          r"(?:[\w’'-]+\s+){0,5}?(?:attacks?|invasion|war|referendum|elections?|mobili[sz]ation|"
                          r"earthquake|riots?|coup|clashes|shooting|massacre|uprising|protests?|crisis|pandemic)\s+"
                          r"(?:in|of|on)\s+$", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_BY_DAY = re.compile(r"\bby\s+$")
_CAUSE_CLAUSE = re.compile(r"\b(?:after|when|once|following)\s+[^,;.]*$")
_FUTURE = re.compile(r"\b(?:will|(?:is|are)\s+(?:due|expected|scheduled|set)\s+to|plans?\s+to)\s+[^.;!?]*$", re.I)


def date_for(text: str, dates_by: SentenceDates, i: int, trig: list[Trigger], published: dt.date | None,
              default_year: int | None) -> tuple[FuzzyDate | None, str]:
    """The sentence's date nearest the trigger, else the previous two sentences', else publication month."""
    own = dates_by.events(i)
    # ("Since the Crocus City Hall attack in March 2024, 1 million have left": the attack only starts the count)
    since_end = max((d.end for d in dates_by[i] if d.since), default=-1)
    opener = text[dates_by.sents[i][0]:since_end].lstrip().startswith("Since") if since_end >= 0 else False
    counted = all(t.type == "migration" for t in trig if t.subtype and t.subtype != "target"  # ("factories": a noun)
                  and not (opener and t.start < since_end))
    if published is not None and counted and all(
            STATEMENT.search(text, max(0, d.start - 30), d.start) for d in own):
        # "1,150 kandas have settled in the region since January, the department said on Monday": a count
        # over this year so far
        own = [d for d in dates_by[i] if d.since and published.year - d.date.start.year <= 1
               and d.date.end == published] or own
        if own and i and all(d.date.precision is DatePrecision.DAY for d in own) and any(
                d.date.precision is not DatePrecision.DAY and not d.since for d in dates_by.events(i - 1)):
            # "departures in the first half of the year ... Russia remained the main destination with 389,000
            # workers, the agency said on Thursday": the period of the count told before, not the day it was told
            own = []
    since = next((d.date for d in dates_by[i] if d.since), None) if counted and own else None
    if since and opener and all(_CAUSE_CLAUSE.search(text, max(trig[0].start, d.start - 100), d.start) for d in own):
        # "Since the start of July, 180,000 have crossed back, most of them deported after the deadline expired on
        # Sunday": a running total; the day is its cause's
        return since, "sentence"
    until = [d.date for d in own if _BY_DAY.search(text, max(0, d.start - 4), d.start)] if since else []
    if since and until and since.start < until[-1].end:  # "have left since Sunday reached 88,780 by Friday":
        return FuzzyDate(since.start, until[-1].end, DatePrecision.RANGE, since.text), "sentence"  # a running total
    if own:
        at = trig[0].start
        best = min(own, key=lambda d: abs(d.start - at))
        if STATEMENT.search(text, max(0, best.start - 30), best.start) and len(own) == 1:
            # ("the navy said on Monday its drones had struck two tankers ... The tankers were hit on Friday")
            return day_told_next(text, dates_by, i, best.date) or best.date, "sentence"
        return best.date, "sentence"
    # (a count of migrants: the period of the sentences before, not the day their figures were given: "9,400
    # permits in the first half of the year, while 6,800 left ..., the ministry said on Tuesday. Most went to ...")
    headline = headline_at(text, dates_by.sents, i)
    if headline and (lede := dates_by.events(i + 1)):
        return lede[0].date, "lede"  # a feed's headline is dated by its lede below, never by the item above
    said: FuzzyDate | None = None
    for j in () if headline else (i - 1, i - 2):  # (not a plan's date: "another group is due to leave in November")
        near = [d for d in dates_by.events(j) if not _FUTURE.search(text, max(0, d.start - 60), d.start)
                ] if j >= 0 else []
        if counted and near and all(STATEMENT.search(text, max(0, d.start - 30), d.start) for d in near):
            # ("2.1 million have returned since January, the IOM said on Thursday. ... 610,000 came from
            # Pakistan": the period counted, not the day it was told)
            since = [d.date for d in dates_by[j] if d.since and published is not None and d.date.end == published]
            said = said or (since[0] if since else near[-1].date)
        elif near:
            return near[-1].date, "nearby"
    if said is not None:
        return said, "nearby"
    # an undated sentence further on in a report whose lede gives the day ("overnight", "on Wednesday"):
    # the news of the day, not the month of publication
    # (the lede may follow a title line or two: "Kherson Regional Military Administration / Summary of the
    # situation over the past day / Over the past day, the enemy shelled ...")
    for k in range(0 if headline else min(i - 2, 3)):
        lede = [d for d in dates_by.events(k)
                if d.date.precision in (DatePrecision.DAY, DatePrecision.RANGE)
                and published is not None and abs((d.date.end - published).days) <= 2]
        if lede:
            return lede[0].date, "lede"
    if published is not None and len(dates_by.sents) == 1 and lone_headline(text):
        return FuzzyDate(published, published, DatePrecision.DAY, "headline"), "published"  # news of the day
    if published is not None:
        first = published.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return FuzzyDate(first, last, DatePrecision.MONTH, "publication month"), "published"
    if default_year is not None:
        return FuzzyDate(dt.date(default_year, 1, 1), dt.date(default_year, 12, 31), DatePrecision.YEAR,
                         "default year"), "published"
    return None, ""


# "The find came two days after ...", "The strike came a day after ...": the event in the clause is that
# long before the event told just before
# ("The incident comes weeks after ...": some weeks before it, a span)
_CAME_AFTER = re.compile(r"\s*(?:The|This|That|It)\s+(?:[\w-]+\s+){0,2}?"
                         r"(?:comes|came|happened|occurred|was\s+reported)\s+(?:just\s+|only\s+)?"
                         r"(?:(?P<n>a|one|two|three|four|five|six|\d)\s+)?(?P<unit>days?|weeks?)\s+after\b")

# "Two days later, ...", "The next day, ...", "A week later ...": a day counted from the event told before
_LATER = re.compile(r"\s*(?:(?P<n>A|One|Two|Three|Four|Five|Six|\d)\s+(?P<unit>days?|weeks?)\s+later|"
                    r"(?:The|On\s+the)\s+(?:next|following)\s+day)\b", re.I)


def days_before_the_last(text: str, s: int, e: int, out: Sequence[Candidate], i: int, date: FuzzyDate | None,
                          src: str) -> tuple[FuzzyDate | None, str]:
    """The day of an event told in a "came N days after" clause, or opening on "N days later" or "the next
    day", from the day of the event told before (for "The incident comes weeks after", the article's first
    event, its news, however far back)."""
    m = _CAME_AFTER.match(text, s, e) or _LATER.match(text, s, e)
    if m is None:
        return date, src
    last = out[-1] if out else None
    if last is not None and m.re is _CAME_AFTER and i - max(last.sents) > 3:
        last = out[0]
    anchor = last.date if last is not None and (i - max(last.sents) <= 3 or last is out[0]) else None
    if anchor is None and m.re is _CAME_AFTER and src == "nearby":
        anchor = date  # "Images taken on October 12 show jets at X. The deployment came days after drones struck Y":
        # the day of what the sentence before tells (no event of its own), not the strike's
    if anchor is None or (anchor.end - anchor.start).days > 1:
        return date, src  # (a day, or a night across two)
    if not m.group("n") and m.re is _CAME_AFTER:  # "weeks after": a span some days or weeks before
        far, near = (56, 7) if m.group("unit").startswith("week") else (14, 1)
        return FuzzyDate(anchor.start - dt.timedelta(days=far), anchor.start - dt.timedelta(days=near),
                         DatePrecision.RANGE, m.group(0).strip(" ,")), "sentence"
    word = (m.group("n") or "one").lower()
    n = int(word) if word.isdigit() else 1 if word == "a" else WORD_NUMBERS[word]
    n *= 7 if (m.group("unit") or "day").startswith("week") else 1
    later = m.re is _LATER  # "Two days later, another drone ...": after the event told before, not before it
    day = anchor.start + dt.timedelta(days=n) if later else anchor.start - dt.timedelta(days=n)
    return FuzzyDate(day, day, DatePrecision.DAY, m.group(0).strip(" ,")), "sentence"


def by_period(c: Candidate, figs: list[FigureSpan], dates: list[DateSpan], start: int) -> list[Candidate]:
    """A flow told period by period ("38,400 flew out in July, 29,100 in August and 17,800 in September",
    "62,000 arrived in 2023 and 28,000 in 2024"): one flow per period with its own count, when two or more
    dates each follow a count of the flow's own; else the flow as it is."""
    own = {f.value: f for f in c.figures}
    dates = sorted(dates, key=lambda d: d.start)
    if len(own) < 2 or len(dates) < 2:
        return [c]
    pairs, after = [], start
    for d in dates:
        before = [f for f in figs if after <= f.start < d.start and f.figure.value in own]
        if not before:
            return [c]
        pairs.append((own[before[-1].figure.value], d.date))
        after = d.end
    return [dataclasses.replace(c, locs=list(c.locs), figures=[fig], date=date, date_src="sentence",
                                sources=list(c.sources), rules=c.rules + ["one flow per period"], sents=set(c.sents),
                                articles=set(c.articles), actors=list(c.actors)) for fig, date in pairs]

# Patterns searched over sentences and windows, behind a look-ahead at the letters their matches start with
# (prefilter.looking_ahead): the same matches, most positions rejected at one character
STATEMENT, _COMPARED, _COMPARED_MORE, _DOWN_FROM, _FUTURE, _WHO_HAD = map(looking_ahead, (
    STATEMENT, _COMPARED, _COMPARED_MORE, _DOWN_FROM, _FUTURE, _WHO_HAD))
