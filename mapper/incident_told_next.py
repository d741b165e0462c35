"""A report's lede dated only by its statement, the event's own day told in the next sentence.

"Ukraine's navy said on Monday its sea drones had struck two tankers in the Black Sea ... The navy said the tankers
... were hit on Friday": Monday is when the navy spoke, Friday when the tankers were hit. "Fragments of a drone were
found in the Turtkul district, the ministry reported on July 8. According to the ministry, on July 7 at about 18:00
residents noticed fragments in a cotton field": July 8 is the report's day, July 7 the find's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from mapper.model import FuzzyDate

# the next sentence tells the struck object's day in the passive ("the tankers ... were hit on Friday")
_STRUCK_ON = re.compile(r"\b(?:were|was|had\s+been)\s+(?:hit|struck|attacked|damaged|targeted)\s+"
                        r"(?:[\w-]+\s+){0,2}?$", re.I)
# or tells a find on its day ("on July 7 at about 18:00 residents noticed fragments", "were found on July 7")
_FOUND_AFTER = re.compile(r"[^.;!?]{0,80}?\b(?:noticed|found|discovered|spotted)\b", re.I)
_FOUND_ON = re.compile(r"\b(?:were|was|had\s+been)\s+(?:found|discovered|spotted)\s+(?:[\w-]+\s+){0,2}?$", re.I)
_TOLD = (" hit", " struck", " noticed", " found", " discovered", " spotted")


def day_told_next(text: str, dates_by: Any, i: int, statement: FuzzyDate) -> FuzzyDate | None:
    """The event day the sentence after ``i`` gives a passive strike ("were hit on Friday") or a find ("on July 7
    residents noticed fragments"), when it is before the ``statement`` day that alone dates sentence ``i``; None
    otherwise."""
    sents: Sequence[tuple[int, int]] = dates_by.sents
    if i + 1 >= len(sents) or not any(w in text[sents[i + 1][0]:sents[i + 1][1]] for w in _TOLD):
        return None
    for d in dates_by.events(i + 1):
        if d.date.end < statement.start and (
                _STRUCK_ON.search(text, max(sents[i + 1][0], d.start - 40), d.start)
                or _FOUND_ON.search(text, max(sents[i + 1][0], d.start - 40), d.start)
                or _FOUND_AFTER.match(text, d.end, sents[i + 1][1])):
            return d.date
    return None
