"""Flows their own sentence tells as caused by fighting ("brought their citizens home from Lebanon and Israel as
the fighting in the region spread", or a group the next sentence calls "the evacuees"): evacuations, and their
origins war zones for the article's other flows."""

from __future__ import annotations

import re
from collections.abc import Sequence

from mapper.incident_merge import Candidate
from mapper.model import IncidentType
from mapper.prefilter import looking_ahead

# "as the fighting in the region spread", "since the fighting began", "amid the war", "because of the strikes"
_FOR_THE_FIGHTING = re.compile(r"\b(?:as|since|after|amid|because\s+of|due\s+to)\s+(?:the\s+)?(?:fighting|war|"
                               r"hostilities|bombing|air\s*strikes|strikes|shelling)\b(?!\s+(?:ended|stopped|ceased))",
                               re.I)
# "... arrived in Dnipro on Friday evening. The evacuees were placed in a transit centre": the group told before
_EVACUEES_NEXT = re.compile(r"\s*(?:The|These|Those|All)\s+(?:[\w-]+\s+){0,2}?evacuees\b")
_WORKERS = re.compile(r"\b(?:workers|labou?r\s+migrants|migrant|deport\w*|expelled)\b", re.I)


def fled_the_fighting(cands: Sequence[Candidate], text: str) -> None:
    """Make evacuations the returns and relocations of citizens (not workers, not the deported) whose own sentence
    says the fighting caused them, or whose next sentence calls them "the evacuees", with an origin to leave; the
    article's flows before ``evacuated_alike`` reads them."""
    for c in cands:
        src = c.sources[0] if c.sources else None
        if src is None or c.type is not IncidentType.MIGRATION or c.subtype not in ("return", "relocation") \
                or not any(loc.role == "origin" for loc in c.locs):
            continue
        if _FOR_THE_FIGHTING.search(text, src.start, src.end) and not _WORKERS.search(text, src.start, src.end):
            c.subtype = "evacuation"
            c.rules.append("evacuation: moved because of the fighting its sentence names")
        elif _EVACUEES_NEXT.match(text, src.end):
            c.subtype = "evacuation"  # "A bus carrying 86 people ... arrived in Dnipro. The evacuees were placed ..."
            c.rules.append("evacuation: the next sentence calls the group evacuees")

# Patterns searched over sentences and windows, behind a look-ahead at the letters their matches start with
# (prefilter.looking_ahead): the same matches, most positions rejected at one character
_FOR_THE_FIGHTING = looking_ahead(_FOR_THE_FIGHTING)
