"""A sentence that tells what "one of the drones" did, with no day of its own: the drones of the report's lede
("Russian air defences destroyed 149 Ukrainian drones overnight ... debris from one of the drones fell near
Zelenograd"), so the lede's night dates it, not the day of the item told just before it."""

from __future__ import annotations

import re
from typing import Any

from mapper.incident_merge import Candidate
from mapper.model import FuzzyDate, IncidentType

_ONE_OF_THE_DRONES = re.compile(r"\b(?:one|some|two|three|several|parts?)\s+of\s+the\s+(?:downed\s+|intercepted\s+)?"
                                r"(?:drones|UAVs|unmanned\s+aerial\s+vehicles)\b", re.I)
_LEDE = 1  # the lede: the first sentence


def of_the_ledes_drones(text: str, span: tuple[int, int], out: list[Candidate], dates_by: Any, date: FuzzyDate | None,
                        src: str) -> tuple[FuzzyDate | None, str]:
    """The date of the lede's drone event (else of the lede's first sentence) for a sentence dated only by a
    neighbour ("nearby") that tells of "one of the drones"; else ``(date, src)``."""
    if src != "nearby" or "of the" not in text[span[0]:span[1]] or not _ONE_OF_THE_DRONES.search(text, *span):
        return date, src
    lede = next((c.date for c in out if c.type is IncidentType.DRONE and min(c.sents) < _LEDE and c.date is not None),
                None)
    told = dates_by.events(0) if lede is None else []
    return (lede or told[0].date, src) if lede or told else (date, src)
