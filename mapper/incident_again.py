"""Events a sentence tells again or beside a move: a follow-up that confirms the find told before, and the strike
of a move's reason clause told at a place of its own."""

from __future__ import annotations

import re

from mapper.dates import DateSpan
from mapper.incident_merge import Candidate
from mapper.incident_neighbours import coarser, spoken
from mapper.incident_rules import refers_back
from mapper.lexicon import Lexicon
from mapper.model import IncidentType, Location, Resolution


def reason_apart(made: list[Candidate], moved: list[Candidate], res: list[Resolution],
                 clauses: list[tuple[int, int, bool]]) -> list[Candidate]:
    """The strikes of a move's when/why clause that are events of their own: told at a place of that clause that is
    none of the move's ("evacuated residents of X after border guards exchanged fire near Y": a firing at Y); a
    reason at the place people left ("bused out after the city came under attack") is none."""
    ends = {loc.place_id for m in moved for loc in m.locs}
    there = {r.place.place_id for r in res if r.place is not None and any(a <= r.mention.start < b
                                                                          for a, b, _c in clauses)} - ends
    return [c for c in made if any(loc.place_id in there for loc in c.locs)]


def told_before(out: list[Candidate], made: list[Candidate], i: int, lex: Lexicon, span: tuple[str, int, int],
                res: list[Resolution], dates: list[DateSpan]) -> None:
    """Give drone events that tell again the one just before its place: "the regional headquarters said debris fell
    on the refinery's territory" (a facility with "the"), or "The Aktobe region police department confirmed that
    fragments of a drone had been found" (an undated sentence whose only place is the speaker's, one told
    up to three sentences after the find: its place and day too)."""
    text, s, e = span
    prev = out[-1] if out and 0 < i - max(out[-1].sents) <= 3 and out[-1].type is IncidentType.DRONE else None
    if prev is None:
        return
    back = i - max(prev.sents) <= 2 and refers_back(_unnamed(text, s, e), s, e)
    for c in made:
        if c.type is not IncidentType.DRONE:
            continue
        if back and (coarser(c.locs, prev.locs) or spoken(lex, text, s, e, c.locs, res)):
            c.locs, c.rules = list(prev.locs), c.rules + ["site: the facility named before"]
        elif not dates and c.subtype == prev.subtype and coarser(c.locs, prev.locs) and (
                spoken(lex, text, s, e, c.locs, res) or _authority_of(text, c.locs, res)):
            c.locs, c.date, c.date_src = list(prev.locs), prev.date, prev.date_src
            c.rules.append("site and date: the find told before, confirmed by the speaker")


# "did not mention the base", "without naming the plant", "made no mention of the refinery": a facility the
# speaker left out, so the tally told is not about it
_NOT_NAMED = re.compile(r"\b(?:(?:did|does|do)\s+not|didn['’]t|doesn['’]t|without)\s+(?:mention(?:ing)?|nam(?:e|ing)|"
                        r"identify(?:ing)?|refer(?:ring)?\s+to)\s+the\s+(?:[\w-]+\s+)?[\w-]+|"
                        r"\bmade\s+no\s+mention\s+of\s+the\s+(?:[\w-]+\s+)?[\w-]+", re.I)


def _unnamed(text: str, start: int, end: int) -> str:
    """``text`` with the span's facilities the speaker did not name blanked out (offsets kept)."""
    if "not" not in text[start:end] and "without" not in text[start:end] and "no mention" not in text[start:end]:
        return text
    return text[:start] + _NOT_NAMED.sub(lambda m: " " * len(m.group()), text[start:end]) + text[end:]


# "The Aktobe region police department confirmed ...": a place naming the authority that speaks
_AUTHORITY_SPEAKS = re.compile(r"(?:’s|'s)?\s+(?:[\w-]+\s+){0,2}?(?:police|department|akimat|administration|"
                               r"headquarters|service|office|governor)\s+(?:has\s+|had\s+)?"
                               r"(?:said|says|confirmed|confirms|reported|reports|told|announced)\b")


def _authority_of(text: str, locs: list[Location], res: list[Resolution]) -> bool:
    """True when every place of ``locs`` names the authority that speaks ("The X region police confirmed")."""
    ids = {loc.place_id for loc in locs}
    named = [r for r in res if r.place is not None and r.place.place_id in ids]
    return bool(named) and all(_AUTHORITY_SPEAKS.match(text, r.mention.end) for r in named)
