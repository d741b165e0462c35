"""Moves told by the transport people were put on, with a count or a carrier between ("put on two Somon Air
flights"), which the lexicon's terms in a row cannot see."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mapper.lexicon import Trigger
from mapper.model import Resolution

# "were put on two Somon Air flights", "put aboard three chartered planes", "loaded onto 12 buses": the group
# carried away (the lexicon has the terms in a row: "put on a flight", "put on buses")
_PUT_ON = re.compile(r"\b(?:put|placed|loaded)\s+(?:on|onto|aboard)\s+(?:(?:a|an|two|three|four|five|six|seven|eight|"
                     r"nine|ten|several|\d+)\s+)?(?:(?:special|charter(?:ed)?|extra|additional|[A-Z][\w-]*)\s+){1,3}"
                     r"(?:flights?|planes?|aircraft|buses|bus|trains?)\b")


def put_on_transport(text: str, low: str) -> Iterator[Trigger]:
    """A relocation trigger for each "put on <count> <carrier> flights" (the move's kind is read as for the
    lexicon's "put on flights")."""
    if "put " not in low and "placed " not in low and "loaded " not in low:
        return
    for m in _PUT_ON.finditer(text):
        yield Trigger("migration", "relocation", m.group(0).lower(), m.start(), m.end())


# "a section of the road to Kerch was closed": a road named by where it leads, no end of anyone's journey
_ROAD_TO = re.compile(r"\b(?:road|highway|motorway|route)\s+(?:to|towards)\s+$", re.I)
_ROAD_STATE = re.compile(r"\s+(?:was|were|is|are|has|had|remains?|remained|stayed)\b")


def road_end(text: str, r: Resolution) -> bool:
    """True for a place named only as where a road leads, the road the subject of its own verb ("the road to
    Kerch was closed")."""
    m = r.mention
    return bool(_ROAD_TO.search(text, max(0, m.start - 24), m.start)) and bool(_ROAD_STATE.match(text, m.end))
