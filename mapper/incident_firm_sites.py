"""A town named only inside the name of a plant's firm ("the Novomoskovsk Azot plant", "the Kstovo Lukoil refinery"):
the plant stands there, so a strike on it is placed at the town."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from mapper.model import PlaceKind, Resolution

# the firm's other words, then the works ("Azot plant", "Neftekhim refinery", "Khimprom chemical plant")
_WORKS_AFTER = re.compile(r"(?:\s+[A-Z][\w-]*){1,2}\s+(?:(?:chemical|fertili[sz]er|oil|gas|power|metallurgical)\s+)?"
                          r"(?:plant|refinery|factory|works|terminal|depot|combine)\b")


def firm_towns(resolutions: Iterable[Resolution], text: str) -> list[Resolution]:
    """The towns that head the name of a plant's firm, as literal places (the site of the plant)."""
    return [dataclasses.replace(r, mention=dataclasses.replace(r.mention, literal=True)) for r in resolutions
            if r.place is not None and not r.mention.literal and r.mention.reason == "organisation"
            and r.place.kind is PlaceKind.POPULATED and _WORKS_AFTER.match(text, r.mention.end)]
