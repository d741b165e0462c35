"""Where a drone shot down over a region came down, told in the next sentence ("Belarusian air defences shot down
two drones over the Gomel region. One of them fell in a forest near Rechitsa"): the interception's place."""

from __future__ import annotations

import re

from mapper.incident_merge import Candidate, dates_compatible
from mapper.model import IncidentType, Precision

# the sentence opens on the downed drone (or one of them) falling somewhere
_FELL = re.compile(r"\s*(?:(?:One|Two|Some|Most|Both|All|Parts?|The\s+wreckage)\s+of\s+(?:them|the\s+drones?)|"
                   r"It|The\s+drone|The\s+UAV)\s+(?:later\s+|then\s+)?(?:fell|crashed|came\s+down)\b")


def fell_there(made: list[Candidate], out: list[Candidate], text: str, s: int, i: int) -> None:
    """Place the interception told in the sentence before at a regional precision at the site its downed drone
    fell at, told by this sentence, and drop that fall as debris of its own."""
    if len(made) != 1 or made[0].type is not IncidentType.DRONE or made[0].subtype != "debris" \
            or not _FELL.match(text, s):
        return
    fall = made[0]
    prev = out[-1] if out and i - max(out[-1].sents) == 1 else None
    if prev is None or prev.type is not IncidentType.DRONE or prev.subtype != "interception" \
            or not prev.locs or any(loc.precision not in (Precision.REGION, Precision.COUNTRY) for loc in prev.locs) \
            or not fall.locs or not dates_compatible(prev.date, fall.date):
        return
    prev.locs = list(fall.locs)
    prev.sents |= fall.sents
    prev.rules.append("placed where the downed drone fell, told next")
    made.clear()
