"""Workplaces in flows: a country named by its adjective as the workplaces people went to ("14,800 went to British
farms"), and an employer moving its own staff (no flow)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from mapper.model import PlaceKind, Resolution

# "went to British farms", "left for Russian construction sites", "moved to German hospitals": the country the
# workers went to, named by the adjective of the workplaces they went to (not who they are: "British nurses")
_MOVED_TO = re.compile(r"\b(?:went|gone|go|goes|going|moved|move|moving|headed|heading|travell?ed|sent|left|leaving|"
                       r"departed|recruited)\s+(?:to|for)\s+(?:work\s+(?:on|in|at)\s+)?(?:the\s+)?$", re.I)
_WORKPLACES = re.compile(r"\s+(?:[\w-]+\s+)?(?:farms?|orchards?|greenhouses?|fields|hospitals?|clinics?|care\s+homes?|"
                         r"factories|factory|plants|construction\s+sites?|building\s+sites?|shipyards?|warehouses?|"
                         r"employers?|companies|firms|hotels?|restaurants?|fisheries|mines?)\b", re.I)


def workplace_countries(resolutions: Iterable[Resolution], text: str) -> list[Resolution]:
    """The demonyms that name the country of the workplaces a move went to, as literal places."""
    out = []
    for r in resolutions:
        m = r.mention
        if r.place is None or m.literal or m.reason != "demonym" or r.place.kind is not PlaceKind.COUNTRY:
            continue
        if _WORKPLACES.match(text, m.end) and _MOVED_TO.search(text, max(0, m.start - 40), m.start):
            out.append(dataclasses.replace(r, mention=dataclasses.replace(m, literal=True)))
    return out


# "the company said it had moved about 60 workers to Dushanbe", "the contractor relocated 200 of its employees":
# an employer moving its own staff (away from danger, between sites): no mapped move, no one leaving to work
_STAFF_MOVED = re.compile(r"\b(?:company|firm|employer|contractor|operator|consortium)\s+(?:said\s+|says\s+)?"
                          r"(?:that\s+)?(?:it\s+)?(?:had\s+|has\s+|have\s+)?(?:moved|relocated|transferred|pulled\s+out|withdrawn|"
                          r"withdrew)\s+(?:about\s+|some\s+|around\s+|nearly\s+|more\s+than\s+)?\d[\d,]*\s+(?:of\s+its\s+)?"
                          r"(?:workers|employees|staff|personnel)\b", re.I)


def staff_moved(text: str, start: int, end: int) -> bool:
    """True when the sentence tells an employer moving its own workers: no migration flow."""
    low = text[start:end].lower()
    if ("precaution" in low or "safety" in low) and not any(ch.isdigit() for ch in low) \
            and _MOVED_FOR_SAFETY.search(text, start, end):
        return True  # "Chinese workers at a nearby mine were moved to Dushanbe as a precaution": no count, no flow
    return any(w in low for w in _EMPLOYERS) and _STAFF_MOVED.search(text, start, end) is not None


_MOVED_FOR_SAFETY = re.compile(r"\b(?:workers|employees|staff|personnel)\b[^.;]{0,60}?\b(?:were|was|have\s+been|had\s+"
                               r"been)\s+(?:moved|relocated|transferred|taken|pulled\s+out|withdrawn)\b[^.;]{0,60}?"
                               r"\b(?:as\s+a\s+precaution|for\s+(?:their\s+)?safety)", re.I)


# (one of which every _STAFF_MOVED match holds)
_EMPLOYERS = ("company", "firm", "employer", "contractor", "operator", "consortium")
