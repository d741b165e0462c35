"""Official posts told item by item under place headings ("Belgorod district. In the village of ...", "Shebekino
district. Maslova Pristan: ...") and timelines told day by day under day headings ("Wednesday, 17 September.",
"Overnight into Friday."): each heading's item is a report of its own, never merged with another's."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from mapper.incident_merge import Candidate

# a line that opens with a district or community's name as a heading of its own: "Valuyki district. In the
# village of Urazovo ...", "Synelnykove district. A drone hit ..."
_PLACE_HEAD = re.compile(r"[ \t]*[\"“]?[A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+)?[ \t]+"
                         r"(?:district|community|hromada|municipal\s+district|urban\s+district|okrug)\.[ \t]+[A-Z\"“]")
# a timeline's line that opens with its day: "Monday, 15 September.", "Overnight into Friday.", "Wednesday: a drone
# attacked a bus in Lgov"
_DAY_HEAD = re.compile(r"(?:(?:Overnight|Late|Early)\s+(?:into|on)\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
                       r"(?:\s+(?:night|morning|evening))?(?:,?\s+\d{1,2}\s+[A-Z][a-z]+)?[.:]\s")


def heading_starts(text: str, sents: Sequence[tuple[int, int]]) -> tuple[int, ...]:
    """Indices of the sentences that open a heading's item (a place's or a day's); none unless the text has two
    headings of one kind."""
    if "\n" not in text:
        return ()
    lines = [0] + [m.end() for m in _NEWLINE.finditer(text)]
    offsets: tuple[int, ...] = ()
    places = any(w in text for w in ("district.", "community.", "hromada.", "okrug."))  # (cheap: most have none)
    for pattern in (_PLACE_HEAD, _DAY_HEAD) if places else (_DAY_HEAD,):
        found = tuple(o for o in lines if (pattern is _PLACE_HEAD or text.startswith(_DAY_WORDS, o))
                      and pattern.match(text, o))
        if len(found) >= 2:
            offsets += found
    if not offsets:
        return ()
    firsts = [s for s, _ in sents]
    return tuple(sorted({max(0, bisect.bisect_right(firsts, o) - 1) for o in offsets}))


_NEWLINE = re.compile(r"\n+")
_DAY_WORDS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Overnight", "Late", "Early")


_Group = Callable[[list[Candidate]], list[Candidate]]


def group_by_heading(text: str, sents: Sequence[tuple[int, int]], group: _Group) -> _Group:
    """``group`` wrapped so that the candidates under each place heading are grouped apart from the others'
    (those before the first heading, the post's introduction, stay with their own)."""
    starts = heading_starts(text, sents)
    if not starts:
        return group

    def by_heading(cands: list[Candidate]) -> list[Candidate]:
        parts: dict[int, list[Candidate]] = {}
        for c in cands:
            parts.setdefault(bisect.bisect_right(starts, min(c.sents)), []).append(c)
        return [g for _n, part in sorted(parts.items()) for g in group(part)]
    return by_heading
