"""Moves told by the transport people were put on, with a count or a carrier between ("put on two Somon Air
flights"), which the lexicon's terms in a row cannot see."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mapper.lexicon import Trigger

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
