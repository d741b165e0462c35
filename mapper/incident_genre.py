"""Events an opinion piece alludes to: only those it dates to a day are news to map."""

from __future__ import annotations

import re

from mapper.incident_merge import Candidate
from mapper.model import DatePrecision

# "Opinion | The past month has shown ...", "COMMENTARY: ...", "Op-ed — ...": a piece marked as opinion at the top
_OPINION = re.compile(r"(?m)^[ \t]*(?:Opinion|OPINION|Commentary|COMMENTARY|Comment|COMMENT|Op-[Ee]d|OP-ED)"
                      r"[ \t]*(?:\||:|—|–)")
_HEAD = 400  # (the marker opens the piece, under its headline at most)


def opinion_piece(text: str) -> bool:
    """True when the text is marked as opinion or commentary at its top.

    >>> opinion_piece("Why drones keep falling\\n\\nOpinion | The past month has shown ...")
    True
    >>> opinion_piece("KYIV — In my opinion: no.")
    False
    """
    return _OPINION.search(text, 0, _HEAD) is not None


def dated_allusions(cands: list[Candidate], text: str) -> list[Candidate]:
    """The events of an opinion piece that its own sentences date to a day or a night ("the find near X on August
    3"); the ones it alludes to with a month or no date ("the drones that strayed into Polish airspace last month",
    what a proposal "is meant to answer") argue a case, they are no news. Other texts: ``cands`` as they are."""
    if not opinion_piece(text):
        return cands
    return [c for c in cands if c.date is not None and c.date_src == "sentence"
            and (c.date.end - c.date.start).days <= 1 and c.date.precision in (DatePrecision.DAY, DatePrecision.RANGE)]
