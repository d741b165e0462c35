"""A country named by its adjective as the workplace people moved to ("14,800 went to British farms")."""

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
        if _MOVED_TO.search(text, max(0, m.start - 40), m.start) and _WORKPLACES.match(text, m.end):
            out.append(dataclasses.replace(r, mention=dataclasses.replace(m, literal=True)))
    return out
