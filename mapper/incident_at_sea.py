"""Ships struck at sea: the sea as the site of a strike on vessels, and an earlier event told as a time reference.

"Sea drones had struck two tankers in the Black Sea near the Turkish coast" names no town: the sea is where the
tankers were hit. A sea is no site otherwise (drones "destroyed over the Black Sea" are tallied by region, and a
"Black Sea port of Tuapse" is the port's). ", a day after Kazakhstan complained of a drone attack on a terminal
near Novorossiysk": the clause dates this event by another one, whose places are not this event's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mapper.model import Resolution

_SEA_CODES = frozenset({"SEA", "GULF", "BAY", "STRT"})
# a vessel as what was struck (not the uncrewed boats that struck it, nor "ships oil across the Caspian"): the object
# of a strike verb, or the subject of its passive
_VESSEL = r"(?:tankers?|ships?|vessels?|frigates?|corvettes?|carriers?|ferr(?:y|ies)|warships?|submarines?)"
_STRUCK = (r"(?:struck|hit|attacked|damaged|targeted|sank|sunk)")
_VESSEL_STRUCK = re.compile(rf"\b{_STRUCK}\s+(?:[\w’'-]+\s+){{0,6}}?{_VESSEL}\b|\b{_VESSEL}\b[^.;]{{0,80}}?\b"
                            rf"(?:were|was|had\s+been|have\s+been|has\s+been)\s+{_STRUCK}\b", re.I)
_IN_THE = re.compile(r"\b(?:in|off)\s+the\s+(?:(?:western|eastern|northern|southern|central)\s+"
                     r"(?:part\s+of\s+the\s+)?)?$", re.I)
# "the Black Sea port of Novorossiysk", "the Black Sea Fleet", "the Black Sea coast": the sea qualifies a noun
_QUALIFIES = re.compile(r"\s+(?:port|ports|coast|coastline|fleet|region|resort|shore|terminal|city|town|basin)\b",
                        re.I)
# ", a day after Kazakhstan complained of ...", ", two weeks after drones hit ...": another event as a time mark
_TIME_MARK = re.compile(r",\s+(?:just\s+|only\s+)?(?:a|an|one|two|three|four|five|six|several|a\s+few)\s+"
                        r"(?:hours?|days?|weeks?)\s+(?:after|before)\b", re.I)


def sea_sites(text: str, s: int, e: int, places: Sequence[Resolution]) -> list[Resolution]:
    """The seas named "in the X Sea" in sentence ``text[s:e]`` when it tells a vessel struck; [] otherwise."""
    if "Sea" not in text[s:e] and "Gulf" not in text[s:e]:
        return []
    out = [r for r in places if r.place is not None and r.place.feature_code in _SEA_CODES and r.mention.literal
           and _IN_THE.search(text, max(s, r.mention.start - 40), r.mention.start)
           and not _QUALIFIES.match(text, r.mention.end)]
    return out if out and _VESSEL_STRUCK.search(text, s, e) else []


def time_mark(text: str, s: int, e: int) -> int | None:
    """Where a ", a day after ..." clause starts in ``text[s:e]``, or None."""
    if " after" not in text[s:e] and " before" not in text[s:e]:
        return None
    m = _TIME_MARK.search(text, s, e)
    return m.start() if m else None
