"""A report's lede dated only by its statement, the event's own day told in the next sentence.

"Ukraine's navy said on Monday its sea drones had struck two tankers in the Black Sea ... The navy said the tankers
... were hit on Friday": Monday is when the navy spoke, Friday when the tankers were hit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from mapper.model import FuzzyDate

# the next sentence tells the struck object's day in the passive ("the tankers ... were hit on Friday")
_STRUCK_ON = re.compile(r"\b(?:were|was|had\s+been)\s+(?:hit|struck|attacked|damaged|targeted)\s+"
                        r"(?:[\w-]+\s+){0,2}?$", re.I)


def day_told_next(text: str, dates_by: Any, i: int, statement: FuzzyDate) -> FuzzyDate | None:
    """The event day the sentence after ``i`` gives a passive strike ("were hit on Friday"), when it is before the
    ``statement`` day that alone dates sentence ``i``; None otherwise."""
    sents: Sequence[tuple[int, int]] = dates_by.sents
    if i + 1 >= len(sents) or " hit" not in text[sents[i + 1][0]:sents[i + 1][1]] and \
            " struck" not in text[sents[i + 1][0]:sents[i + 1][1]]:
        return None
    for d in dates_by.events(i + 1):
        if _STRUCK_ON.search(text, max(sents[i + 1][0], d.start - 40), d.start) and d.date.end < statement.start:
            return d.date
    return None
