"""News outlets' names and page furniture in an article's text.

Text pasted or scraped from a news site carries more than the report: the names of the outlets it
quotes ("told the Kyiv Independent", "according to Asia-Plus"), a wire story's sign-off ("(Reporting
by X in Almaty; Editing by Y in London)"), photo credits ("Photo: Reuters / Kyiv", "(AP Photo/Staff)"),
and lists of other stories ("Related:", "Most read", "Tags:") with their own places. By the gold
conventions a place inside an organisation's name is non-literal, and none of the furniture locates the
story: the recogniser marks such names non-literal (never mapped), and the incident rules read no event
from furniture or from a photo's caption, which restates the story beside a picture.
"""

from __future__ import annotations

import csv
import dataclasses
import re
from collections.abc import Sequence
from functools import cache, lru_cache
from importlib import resources

from mapper import textscan
from mapper.article_text import BYLINE
from mapper.model import Mention


@cache
def _outlet_names() -> list[str]:
    """The names of ``mapper/data/outlets.csv`` (outlets and agencies whose names hold a place), longest first."""
    with resources.files("mapper").joinpath("data/outlets.csv").open(encoding="utf-8") as f:
        return sorted((row["name"] for row in csv.DictReader(f)), key=len, reverse=True)


@cache
def _outlets() -> re.Pattern[str]:
    """The outlets' names as a pattern."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in _outlet_names()) + r")(?![\w-])")


# an automaton of the names tells cheaply whether a text holds any of them at all (one pass for all sets)
textscan.register("outlets", lambda: ((n, None) for n in _outlet_names()))


def outlet_spans(text: str) -> list[tuple[int, int]]:
    """Where the text names a news outlet or agency whose name holds a place ("The Moscow Times").

    >>> t = "a resident told the Kyiv Independent"; [t[a:b] for a, b in outlet_spans(t)]
    ['Kyiv Independent']
    """
    if not textscan.hits(text, "outlets"):  # most texts name no such outlet: no regex scan
        return []
    return [m.span() for m in _outlets().finditer(text)]


_LINE = re.compile(r"[^\n]+")
# The same head inside a line, after a sentence's end, with a colon or a bar: a feed's one-line summary that runs
# on into its list of other stories ("... officials said. Related: Power back in Dnipro | Blackouts in Sumy"). The
# sentence's end is matched, not looked behind for: the scan then tries the rest only after a full stop.
_INLINE_LIST_HEAD = re.compile(r"[.!?][\"”’)]?\s(?P<head>(?:Related(?:\s+(?:stories|articles|news|"
                               r"coverage|content|reading))?|See\s+also|Read\s+(?:more|also|next)|Also\s+read|"
                               r"More\s+(?:stories|news)|You\s+may\s+also\s+like|Recommended|Further\s+reading|"
                               r"Most\s+(?:read|popular|viewed)|Tags?|Topics|Keywords|Filed\s+under)\s*[:|]\s*\S)",
                               re.I)
# A wire story's sign-off: "(Reporting by Anna Petrova in Tbilisi; Editing by Clare Dunn in London)", on a line
# of its own or closing the last paragraph
_SIGN_OFF = re.compile(r"\s*(?:[—–-]{1,2}\s*)?\(?\s*(?:Additional\s+)?(?:[Rr]eporting|Writing|Editing|Edited|Compiled|"
                       r"Translated|Research)\s+by\b")
_SIGN_OFF_INLINE = re.compile(r"\((?:Additional\s+)?(?:[Rr]eporting|Writing|Editing|Compiled)\s+by\b[^()\n]{2,300}\)")
# "Associated Press writer Jim Heintz in Tallinn contributed to this report."
_CONTRIBUTED = re.compile(r"(?:^|(?<=[.!?]\s))[A-Z][^.!?\n]{0,160}\bcontributed\s+(?:reporting\b|to\s+this\s+"
                          r"(?:report|story|article)\b)[^.!?\n]{0,80}[.!?]?", re.M)
# A photo's credit, no caption: "Photo: Reuters / Kyiv", "Photo credit: Kun.uz", "(AP Photo/Staff)", "Photo by
# X/Getty Images", "Photo: Mangistau region press service": after the cue only names, of people, agencies or
# offices (no lower-case word of three letters or more but "of", "the", "via" and an office's words)
_CREDIT_CUE = re.compile(r"\s*\(?\s*(?:(?:Photo|Image|Picture)s?(?:\s+(?:credit|by|courtesy))?\s*:|Credit\s*:|"
                         r"(?:Photo|Image)s?\s+(?:by|courtesy\s+of)\s|[A-Z]{2,5}\s+Photo\s*/)")
_CAPTION_WORD = re.compile(r"\b(?!(?:the|of|and|via|for|courtesy|press|service|office|administration|akimat|"
                           r"ministry|department|region|district|city|oblast|hall|council|archive|file|handout|"
                           r"staff|pool|agency|military|police|channel|website|telegram)\b)[a-z][a-z’']{2,}\b")
# The head of a list of other stories, tags or a sign-up box: "Related:", "See also:", "Most read", "Tags:"
_LIST_HEAD = re.compile(r"\s*(?:Related(?:\s+(?:stories|articles|news|coverage|content|reading))?|See\s+also|"
                        r"Read\s+(?:more|also|next)|Also\s+read|More\s+(?:stories|news|on\s+this\s+story)|"
                        r"More\s+from\b[^:.!?\n]{1,40}|You\s+may\s+also\s+like|Recommended|Latest(?:\s+news)?|"
                        r"Editors?['’]?\s+picks|Further\s+reading|Most\s+(?:read|popular|viewed)|Top\s+stories|Trending|"
                        r"Tags?|Topics|Keywords|Filed\s+under|Watch|Listen)\s*(?::|\||$)", re.I)
_SIGN_UP = re.compile(r"\s*(?:(?:Sign\s+up|Subscribe|Get|Join|Receive)\b[^\n]{0,120}\b(?:newsletters?|inbox|digest|"
                      r"channel)\b|Follow\s+(?:us|[A-Z][\w.-]+)\s+on\s+(?:Telegram|Facebook|X|Twitter|Instagram|"
                      r"WhatsApp|YouTube)\b|Share\s+(?:this|on)\b|Read\s+the\s+full\s+(?:story|article)\b|"
                      r"(?:©|Copyright\s*(?:©|\(c\)|\d{4}))[^\n]{0,120}$|Advertisement\s*$|Image\s+source\s*,)", re.I)
# In a list: a bullet or a number, or a headline (no sentence's end, at most 20 words)
_LIST_ITEM = re.compile(r"\s*(?:[-•*–—]|\d{1,2}[.)])\s+\S")
# A caption's credit at the end of its line: "(AP Photo/Staff)", ". Photo: Reuters", ". REUTERS/Alina Smutko"
_CREDIT_END = re.compile(r"(?:\((?:[A-Z]{2,5}\s+)?(?:Photo|Image)s?\b[^()\n]{0,60}\)|(?<=[.!?]\s)(?:(?:Photo|Image)s?"
                         r"\s*:\s*[^.\n]{2,60}|[A-Z]{2,}/[A-Z][\w .-]{2,40}|[\w ]{0,30}Getty\s+Images))\s*$")
_IMAGE_CAPTION = re.compile(r"\s*Image\s+caption\s*[,:]")  # a page's caption read as text ("Image caption, ...")
_CAPTION_MAX = 300  # a caption is a line or two; a paragraph of a report that ends with a credit is longer


def _list_item(line: str) -> bool:
    return bool(_LIST_ITEM.match(line)) or (len(line.split()) <= 20 and not line.rstrip().endswith((".", "!", "?")))


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """The lines of a text that are page furniture: sign-offs, bylines, photo credits, lists of other
    stories and tags, newsletter sign-ups; and a sign-off or "X contributed to this report" inside a line.

    >>> t = "Drones hit Sumy.\\n\\nRelated:\\n- Power back in Dnipro\\n(Reporting by A in Kyiv)"
    >>> [t[a:b] for a, b in furniture_spans(t)]
    ['Related:', '- Power back in Dnipro', '(Reporting by A in Kyiv)']
    """
    out: list[tuple[int, int]] = []
    in_list = False
    for m in _LINE.finditer(text):
        line = m.group()
        if not line.strip():
            in_list = False
            continue
        head = _LIST_HEAD.match(line)
        credit = _CREDIT_CUE.match(line)
        if head or _SIGN_OFF.match(line) or BYLINE.match(line.strip()) or _SIGN_UP.match(line) \
                or (credit and not _CAPTION_WORD.search(line, credit.end())) or (in_list and _list_item(line)):
            out.append(m.span())
            in_list = in_list or bool(head)
        else:
            in_list = False
            if "by" in line:  # what every inline sign-off says
                out.extend((m.start() + s.start(), m.start() + s.end()) for s in _SIGN_OFF_INLINE.finditer(line, 1))
            if ":" in line or "|" in line:
                tail = _INLINE_LIST_HEAD.search(line)
                if tail:  # the rest of the line lists other stories
                    out.append((m.start() + tail.start("head"), m.end()))
    if "contributed" in text:
        out.extend(m.span() for m in _CONTRIBUTED.finditer(text))
    return out


def caption_spans(text: str) -> list[tuple[int, int]]:
    """Lines that are a photo's caption ("Firefighters at the warehouse in Kharkiv. (AP Photo/Staff)",
    "Photo: Migrants queue at the airport")."""
    out = []
    for m in _LINE.finditer(text):
        line = m.group()
        credit = _CREDIT_CUE.match(line)
        if len(line) <= _CAPTION_MAX and (_CREDIT_END.search(line) or _IMAGE_CAPTION.match(line)
                                          or (credit and _CAPTION_WORD.search(line, credit.end()))):
            out.append(m.span())
    return out


def _inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


def mark_furniture(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions inside an outlet's name or page furniture, made non-literal (reason "organisation" and
    "furniture")."""
    if not mentions:
        return mentions
    if " time" in text:
        mentions = [dataclasses.replace(m, literal=False, reason="furniture") if m.literal
                    and _CLOCK_BEFORE.search(text, max(0, m.start - 14), m.start) and text.startswith(" time", m.end)
                    else m for m in mentions]
    if "war" in text or "War" in text or "conflict" in text:
        mentions = [dataclasses.replace(m, literal=False, reason="metonymy") if m.literal and _war_pair(text, m)
                    else m for m in mentions]
    outlets = outlet_spans(text)
    furniture = furniture_spans(text)
    if not outlets and not furniture:
        return mentions
    out = []
    for m in mentions:
        if m.literal and _inside(outlets, m.start, m.end):
            m = dataclasses.replace(m, literal=False, reason="organisation")
        elif m.literal and m.reason not in ("person", "street") and _inside(furniture, m.start, m.end):
            m = dataclasses.replace(m, literal=False, reason="furniture")
        out.append(m)
    return out


# "09:12 Kyiv time", "at 3 a.m. Moscow time": a time zone, no place of the story (live blogs, alerts)
_CLOCK_BEFORE = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?\s*)?\(?$", re.I)


# "the Russia-Ukraine war", "the Iran-Iraq War": two states named for the war between them (not "war in Ukraine")
_PAIR_WAR_AFTER = re.compile(r"[-–][A-Z][\w'’]*\s+(?i:war|conflict)\b")
_WAR_AFTER = re.compile(r"\s+(?i:war|conflict)\b")
_PAIR_BEFORE = re.compile(r"[A-Z][\w'’]*[-–]$")


def _war_pair(text: str, m: Mention) -> bool:
    """The first or second of two names joined by a hyphen before "war" or "conflict"."""
    return bool(_PAIR_WAR_AFTER.match(text, m.end)) or (
        bool(_PAIR_BEFORE.search(text, max(0, m.start - 30), m.start)) and bool(_WAR_AFTER.match(text, m.end)))


@lru_cache(maxsize=64)
def _unreported(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(furniture_spans(text) + caption_spans(text))


def furniture_or_caption(text: str, start: int, end: int) -> bool:
    """A sentence in page furniture or a photo's caption: it reports no event of its own."""
    return _inside(_unreported(text), start, end)
