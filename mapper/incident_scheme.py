"""Departures "under the programme": the labour scheme the article told before, so labour migration."""

from __future__ import annotations

import re
from collections.abc import Sequence

from mapper.incident_merge import Candidate
from mapper.model import IncidentType

# "9,800 Uzbek citizens have gone to Great Britain under the programme", "under the same scheme", "under this
# agreement": a scheme named before, by anaphor
_UNDER_THE_SCHEME = re.compile(r"\bunder\s+(?:the|this|that)\s+(?:same\s+|new\s+)?(?:programme|program|scheme|"
                               r"agreement|deal|quota)\b", re.I)


def under_the_scheme(text: str, start: int, end: int, made: Sequence[Candidate], earlier: Sequence[Candidate]) -> None:
    """Make labour migration the relocations a sentence tells "under the programme" when the article's flows told
    before are labour migration (the workers of the seasonal employment programme its lede names)."""
    if not any(c.type is IncidentType.MIGRATION and c.subtype == "relocation" for c in made) \
            or _UNDER_THE_SCHEME.search(text, start, end) is None \
            or not any(c.type is IncidentType.MIGRATION and c.subtype == "labour migration" for c in earlier):
        return
    for c in made:
        if c.type is IncidentType.MIGRATION and c.subtype == "relocation":
            c.subtype = "labour migration"
            c.rules.append("labour migration: under the scheme of the workers told before")
