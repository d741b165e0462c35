"""Official posts told item by item under place headings ("Belgorod district. In the village of ...", "Shebekino
district. Maslova Pristan: ..."): each heading's item is a report of its own, never merged with another's."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from mapper.incident_merge import Candidate

# a paragraph that opens with a district or community's name as a heading of its own: "Valuyki district. In the
# village of Urazovo ...", "Synelnykove district. A drone hit ..."
_HEADING = re.compile(r"(?:\A|\n)[ \t]*[\"“]?[A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+)?[ \t]+"
                      r"(?:district|community|hromada|municipal\s+district|urban\s+district|okrug)\.[ \t]+[A-Z\"“]")


def heading_starts(text: str, sents: Sequence[tuple[int, int]]) -> tuple[int, ...]:
    """Indices of the sentences that open a heading's item; none unless the text has two such headings."""
    if text.count("district.") + text.count("community.") + text.count("hromada.") + text.count("okrug.") < 2:
        return ()  # (cheap: most articles have none)
    offsets = [m.start() + (m.group().startswith("\n")) for m in _HEADING.finditer(text)]
    if len(offsets) < 2:
        return ()
    firsts = [s for s, _ in sents]
    return tuple(sorted({max(0, bisect.bisect_right(firsts, o) - 1) for o in offsets}))


def group_by_heading(text: str, sents: Sequence[tuple[int, int]],
                     group: Callable[[list[Candidate]], list[Candidate]]) -> Callable[[list[Candidate]], list[Candidate]]:
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
