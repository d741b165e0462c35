"""A flow's count shared among its ends: several destinations (or origins) each with the count told beside it
("the United Kingdom took 2,900 workers and Germany 800"), or places ranked after the first with theirs
("followed by Turkey with 1,450"), read by ``mapper.incident_migration``."""

from __future__ import annotations

import re

from mapper.figures import FigureSpan
from mapper.incident_sentence import Sentence, location
from mapper.model import Location, Resolution

_FOLLOWED = re.compile(r",?\s+followed\s+by\s+", re.I)
_WITH = re.compile(r"\s+with\s+")


def by_rank(sent: Sentence, locs: list[Location]) -> list[tuple[list[Location], FigureSpan]]:
    """A flow's end with its count, then other places ranked after it with theirs ("Most of the permits went to
    citizens of China, who received 3,100, followed by Turkey with 1,450 and Uzbekistan with 1,200"): each place
    in the end's role with its own count; empty unless every place ranked after it has one."""
    text = sent.text
    m = _FOLLOWED.search(text, sent.start, sent.end) if text.find("followed", sent.start, sent.end) >= 0 else None
    if m is None:
        return []
    figs = [f for f in sent.told(sent.figures()) if f.is_count or not f.figure.unit]
    at = {r.place.place_id: r.mention.start for r in sent.places if r.place is not None and r.mention.start < m.start()}
    ends = [loc for loc in locs if loc.role in ("origin", "destination") and loc.place_id in at]
    head = max(ends, key=lambda loc: at[loc.place_id], default=None)
    first = [f for f in figs if f.start < m.start()]
    listed = [r for r in sent.places if r.place is not None and r.mention.start >= m.end()]
    if head is None or not first or not listed:
        return []
    out = [(locs, first[-1])]
    for r in listed:
        fig = next((f for f in figs if _WITH.fullmatch(text, r.mention.end, f.start)), None)
        if fig is None:
            return []
        out.append(([loc for loc in locs if loc is not head] + [location(r, head.role)], fig))
    return out


# "312 residents of Druzhkivka, including 64 children, left Pavlohrad": a kind of people among the count told, no
# count of an end of its own (unlike "including 5,100 to South Korea")
_AMONG = re.compile(r"\b(?:including|among\s+them|of\s+them|of\s+whom)\s+(?:about\s+|some\s+|at\s+least\s+)?$", re.I)
_KIND = re.compile(r"\b(?:children|minors|women|men|pensioners|teenagers|infants|babies|people\s+with\s+disabilities)$",
                   re.I)


def _a_kind_among(text: str, f: FigureSpan) -> bool:
    """True for a count of a kind of people told as part of the count before ("including 64 children")."""
    return bool(_KIND.search(f.figure.text)) and bool(_AMONG.search(text, max(0, f.start - 24), f.start))


def by_destination(sent: Sentence, places: list[Resolution], roles: dict[int, str],
                    end: str = "destination") -> list[tuple[int, FigureSpan]]:
    """Each destination (or origin, ``end``) with the count told just before it, when two or more have one each."""
    dests = sorted((k for k, role in roles.items() if role == end), key=lambda k: places[k].mention.start)
    if len(dests) < 2:
        return []
    figs = [f for f in sent.told(sent.figures())
            if (f.is_count or not f.figure.unit) and not _a_kind_among(sent.text, f)]
    out, after = [], sent.start
    for k in dests:
        before = [f for f in figs if after <= f.start < places[k].mention.start]
        if not before:
            return counts_after(sent, places, dests, figs)
        out.append((k, before[-1]))
        after = places[k].mention.end
    return out


def counts_after(sent: Sentence, places: list[Resolution], dests: list[int],
                  figs: list[FigureSpan]) -> list[tuple[int, FigureSpan]]:
    """Each destination with the first count told after it and before the next one ("the United Kingdom took
    2,900 workers and Germany 800"); empty unless every destination has one."""
    out = []
    for n, k in enumerate(dests):
        stop = places[dests[n + 1]].mention.start if n + 1 < len(dests) else sent.end
        after = [f for f in figs if places[k].mention.end <= f.start < stop]
        if not after:
            return []
        out.append((k, after[0]))
    return out
