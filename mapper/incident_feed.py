"""Feed pages and live blogs: items of a headline line over a short summary, each item its own story."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from mapper.incident_merge import Candidate, absorb
from mapper.names import skeleton

_STOPS = ".!?\"”’')"


def _headline_line(line: str) -> bool:
    """A short line (20 words at most) that ends with no sentence's stop: a headline's form."""
    return bool(line) and line[-1] not in _STOPS and len(line.split()) <= 20


def lone_headline(text: str) -> bool:
    """True for an article that is one unpunctuated line, a headline with no body ("Explosions rock Engels as
    Ukrainian drones target air base"): a feed's item of the day."""
    body = text.strip()
    return "\n" not in body and _headline_line(body)


# "Kazakhstan to buy 200 drones", "Kazakh border service to close airspace over Baikonur": a headline's future, a plan
_HEADLINE_PLAN = re.compile(r"(?:[A-Z][\w’'.-]*|government|ministry|border|service|police|army|authorities|officials|"
                            r"agency|city|region|military|defen[cs]e|parliament|guards?|forces)(?:\s+(?:[A-Z][\w’'.-]*|"
                            r"government|ministry|border|service|police|army|authorities|officials|agency|city|region|"
                            r"military|defen[cs]e|parliament|guards?|forces)){0,4}\s+(?:to|set\s+to|plans\s+to)\s+[a-z]")


def headline_plan(text: str, at: int) -> bool:
    """True when ``at`` lies in a headline (a short unpunctuated line) worded as a plan: a subject, then "to" and a
    verb ("Kazakhstan to buy 200 drones for border service"): what is to happen, no event."""
    start = text.rfind("\n", 0, at) + 1
    end = len(text) if (end := text.find("\n", at)) < 0 else end
    while end > start and text[end - 1].isspace():
        end -= 1
    if end == start or text[end - 1] in _STOPS:
        return False  # (a line ending in a sentence's stop, most of a body's, is no headline: left uncopied)
    line = text[start:end]
    return _headline_line(line) and _HEADLINE_PLAN.match(line) is not None


def headline_at(text: str, sents: Sequence[tuple[int, int]], i: int) -> bool:
    """True for a sentence on a line of its own, unpunctuated, above a sentence of its own paragraph: a headline
    over its lede ("Governor: drone attack sets fire to Tuapse port" / "A Ukrainian drone attack overnight ...")."""
    s, e = sents[i]
    return (i + 1 < len(sents) and text[e - 1] not in ".!?:;,\"”’')" and (s == 0 or text[s - 1] == "\n")
            and text[e:sents[i + 1][0]].count("\n") == 1)


@lru_cache(maxsize=64)  # (asked by each flow that looks back)
def item_starts(text: str, sents: tuple[tuple[int, int], ...]) -> tuple[int, ...]:
    """The sentences that open an item of a feed page or live blog: a headline at the top of the text or after a
    blank line. Fewer than two items: no feed (none)."""
    starts = [i for i, (s, _) in enumerate(sents) if (s == 0 or text[:s].rstrip(" \t").endswith("\n\n"))
              and headline_at(text, sents, i)]
    return tuple(starts) if len(starts) >= 2 else ()


def other_item(starts: Sequence[int], j: int, i: int) -> bool:
    """True when sentences ``j`` and ``i`` belong to two items of a feed (``item_starts``)."""
    return bool(starts) and bisect.bisect_right(starts, j) != bisect.bisect_right(starts, i)


def group_by_item(text: str, sents: Sequence[tuple[int, int]], cands: list[Candidate],
                  group: Callable[[list[Candidate]], list[Candidate]]) -> list[Candidate]:
    """``group`` the candidates of each feed item apart (two items are two stories, however alike), after a
    headline's candidate joins the one its summary tells of the same type ("Migrants flee Afghanistan into
    Tajikistan's Khatlon region" / "About 300 people crossed ... to escape fighting": the summary's evacuation);
    an article that is no feed is grouped whole."""
    starts = item_starts(text, tuple(sents))
    if not starts:
        return group(cands)
    items: dict[int, list[Candidate]] = {}
    for c in cands:
        items.setdefault(bisect.bisect_right(starts, min(c.sents)), []).append(c)
    out: list[Candidate] = []
    for n, item in sorted(items.items()):
        head = starts[n - 1] if n else -1
        for h in [c for c in item if c.sents == {head}]:
            body = next((c for c in item if min(c.sents) > head and c.type is h.type and _shared_place(c, h)), None)
            if body is not None:
                absorb(body, h)
                item.remove(h)
        out += group(item)
    return out


def _shared_place(a: Candidate, b: Candidate) -> bool:
    """True when the two name a place alike (the same place, or one name inside the other: "Khatlon region")."""
    keys = [skeleton(loc.name) for loc in a.locs]
    return any(k and (k in skeleton(loc.name) or skeleton(loc.name) in k) for k in keys for loc in b.locs)
