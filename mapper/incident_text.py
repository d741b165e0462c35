"""Sentence spans and wire datelines of an article text, as the incident rules read them."""

from __future__ import annotations

import re
from functools import lru_cache

from mapper.article_text import PAGE_FURNITURE
from mapper.furniture import furniture_or_caption
from mapper.lexicon import Trigger

_ABBREV = frozenset(["st", "mt", "ft", "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt",
                     "capt", "maj", "adm", "gov", "sen", "rep", "jr", "sr", "inc", "ltd", "co", "corp",
                     "no", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "jan", "feb", "mar", "apr",
                     "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx"])
# A full stop, ! or ? before a capital or digit; a blank line; a line break before a capital. The first
# character is matched on its own so that re skips ahead to the next candidate character quickly.
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|(?<=\n)\s*\n|(?<=\n)(?=[A-Z]))")
_LAST_WORD = re.compile(r"([\w.]+)$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a text, not broken after abbreviations ("St.", "U.S.") or initials ("A. Smith").

    >>> t = "Drones hit St. Petersburg. J. Smith said so. Then U.S. officials left."
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['Drones hit St. Petersburg.', 'J. Smith said so.', 'Then U.S. officials left.']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if text[m.start()] == ".":
            # The last 16 characters tell: a longer word is no abbreviation either way (and a search
            # from the sentence start would cost a pass over the sentence per full stop).
            word = _LAST_WORD.search(text, max(start, m.start() - 16), m.start())
            token = word.group(1).lower() if word else ""
            if token in _ABBREV or (len(token) == 1 and token.isalpha()):
                continue
        end = m.start() + 1 if text[m.start()] in ".!?" else m.start()
        _add_span(text, start, end, spans)
        start = m.end()
    _add_span(text, start, len(text), spans)
    return spans


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append ``(start, end)`` trimmed of white space, unless nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))

# Texts and sentences met again (a wire story in several feeds, a stock phrase) are read once: the
# results are immutable values.
@lru_cache(maxsize=256)
def sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans, a sentence that joins two reports with ", while" ("a missile strike on Dnipro
    killed four, the governor said, while drones hit the Odesa region") read as two."""
    out = []
    for s, e in split_sentences(text):
        if PAGE_FURNITURE.match(text, s, e) or (not out and e <= dateline_end(text)) \
                or furniture_or_caption(text, s, e):
            continue  # (a dateline on a line of its own, "Kyiv • UNN", is no sentence: the lede follows)
        if out and text[out[-1][1] - 1:out[-1][1]] == ":" and _LIST_ITEM.match(text, s):
            out[-1] = (out[-1][0], e)  # "destroyed 97 drones:\n— 31 over the Bryansk region, ...": the list is
            continue                   # the sentence's own end
        cut = _WHILE.search(text, s, e) if ", while " in text[s:e] else None
        if cut is not None and len(text[s:cut.start()].split()) >= 5 and len(text[cut.end():e].split()) >= 5:
            out += [(s, cut.start() + 1), (cut.end(), e)]
        else:
            out.append((s, e))
    return tuple(out)


_WHILE = re.compile(r", while ")
# a list item after a colon: "— 31 over the territory of the Bryansk region,", "• 12 in the Kursk region"
_LIST_ITEM = re.compile(r"\s*(?:—|–|-|•|\*)\s*\d")

# "ALMATY, Kazakhstan (AP) —", "KYIV, Ukraine, June 5 (Reuters) -": where the reporter files from, at
# the start of the text; a capitalised city needs an agency in brackets to count as one. The regional
# agencies' house styles too: "BISHKEK, Dec. 3 /24.kg/ -", "MOSCOW, October 2. /TASS/.", "TASHKENT,
# Uzbekistan, Nov. 4 (Trend):", "ASTANA. KAZINFORM –" and "Kyiv • UNN" (a line of its own).
_AGENCY = r"(?:\([A-Za-z/-]{2,12}\)|/[\w.-]{2,12}/)"
_DATELINE = re.compile(r"\A\s*(?:(?:[A-Z][A-Z'.-]+(?:(?:\s+|/)[A-Z][A-Z'.-]+){0,3}"  # ("BISHKEK/DUSHANBE, Dec 4 -")
                       r"|(?=[A-Z][\w'., -]{0,40}" + _AGENCY + r"))"
                       r"[\w'., -]{0,60}?(?:" + _AGENCY + r"\s*(?:—|–|--?|:|\.)|\s*(?:—|–|--?))"
                       r"|[A-Z][\w'-]+(?:[ -][A-Z][\w'-]+){0,2}\s+•\s+[A-Z][\w.-]{1,15}\.?)\s")


@lru_cache(maxsize=64)  # (asked for each sentence that quotes someone)
def dateline_end(text: str) -> int:
    """Where a wire dateline ("TASHKENT, Uzbekistan (AP) —") at the start of ``text`` ends; 0 for none.

    >>> dateline_end("BISHKEK, Kyrgyzstan — Officials said"), dateline_end("Kyiv said on Monday - not one")
    (22, 0)
    """
    m = _DATELINE.match(text, 0, 120)
    return m.end() if m else 0


_OUTLET = re.compile(r"\(([A-Za-z/-]{2,12})\)|/([\w.-]{2,12})/|•\s+([A-Z][\w.-]{1,15}?)\.?\s|"
                     r"\A\s*[A-Z]+\.\s+([A-Z]{3,})\b")


@lru_cache(maxsize=64)
def dateline_outlet(text: str) -> str:
    r"""The news agency a dateline names ("TASS", "24.kg", "UNN", "KAZINFORM"); "" for none.

    >>> dateline_outlet("BISHKEK, Dec. 3 /24.kg/ - A flight"), dateline_outlet("Kyiv • UNN\n\nDrones")
    ('24.kg', 'UNN')
    """
    end = dateline_end(text)
    m = _OUTLET.search(text, 0, end) if end else None
    return next((g for g in m.groups() if g), "") if m else ""


def dateline_spans(text: str) -> list[tuple[int, int]]:
    r"""The datelines heading the text or any of its paragraphs (a roundup's "MOSCOW (Reuters) -" too).

    >>> dateline_spans("BISHKEK — Drones were seen.\n\nMOSCOW (Reuters) - Drones struck a depot.")
    [(0, 10), (29, 48)]
    """
    out = []
    at = 0
    while at >= 0:
        start = at + 1 if at else 0
        while start < len(text) and text[start] in "\n\r":
            start += 1
        m = _DATELINE_HERE.match(text, start, start + 120)
        if m:
            out.append((start, m.end()))
        at = text.find("\n", start)
    return out


_DATELINE_HERE = re.compile(_DATELINE.pattern.removeprefix(r"\A"))


# "..., and Russian air defences are active almost every night": a coordinated clause of its own
_CLAUSE_JOIN = re.compile(r"(?:,\s+(?:and|while|but|whereas)|;)\s+")
_HABIT_TERM = re.compile(r"\b(?:every|each|daily)\b")


def habit_clause_start(text: str, start: int, general: list[tuple[str, int]]) -> int | None:
    """Where a trailing clause told as a habit begins, if every general cue of the sentence is a habit
    ("every night", "almost daily") in a clause joined after the first: only that clause is no event.

    >>> t = "Drones have struck refineries in the region, and air defences fire almost every night."
    >>> t[habit_clause_start(t, 0, [("every night", t.index("every"))]):]
    'and air defences fire almost every night.'
    >>> habit_clause_start("Drones fly every night over the city, and people hide.", 0, [("every night", 11)])
    """
    if not all(_HABIT_TERM.search(term) for term, _off in general):
        return None
    first = min(off for _term, off in general)
    joins = list(_CLAUSE_JOIN.finditer(text, start, first))
    if not joins:
        return None
    cut = joins[-1].start() + 1  # after the comma or semicolon
    while text[cut].isspace():
        cut += 1
    return cut


# "the Astrakhan region, where Ukrainian drones have attacked a gas plant": a perfect in a clause describing a
# place tells what has happened there, with no day of the article's news
_WHERE_PERFECT = re.compile(r",\s+where\s+[^.;]{0,80}?\b(?:have|has)\s+(?:(?:repeatedly|been|also)\s+)*[a-z]+", re.I)


def where_perfect(text: str, s: int, e: int, trig: list[Trigger]) -> bool:
    """True when the sentence's event is told in a perfect ", where" clause, not before it ("Fighting also
    continued near Siversk, where the command has concentrated two brigades" keeps the fighting's date)."""
    m = _WHERE_PERFECT.search(text, s, e) if text.find("where", s, e) >= 0 else None
    return m is not None and not any(t.subtype and t.start < m.start() for t in trig)
