"""A place named only as a country's side of a border ("evacuated from the Kyrgyz side"): the region of that
country the article named just before."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from mapper.model import PlaceKind, Resolution

# "more than 30,000 people were evacuated from the Kyrgyz side", "on the Tajik side of the border"
_THE_SIDE = re.compile(r"\b(?:from|on|in|to)\s+the\s+(?P<dem>[A-Z][a-z]+)\s+side\b")
_BACK = 2  # how many sentences back the region may be named


def side_told_before(text: str, span: tuple[int, int], sents: Sequence[tuple[int, int]], i: int,
                     resolutions: Sequence[Resolution]) -> list[Resolution]:
    """"the Kyrgyz side" in sentence ``i``, which names no place: the region of that country named last in this
    sentence or the ``_BACK`` sentences before ("... spread to villages in Kyrgyzstan's Batken region. More than
    30,000 people were evacuated from the Kyrgyz side": the Batken region), as a mention of it; [] when none."""
    m = _THE_SIDE.search(text, *span) if " side" in text[span[0]:span[1]] else None
    if m is None:
        return []
    dem = next((r for r in resolutions if r.mention.start == m.start("dem") and r.place is not None
                and r.place.kind is PlaceKind.COUNTRY), None)
    if dem is None:
        return []
    first = sents[max(0, i - _BACK)][0]
    region = next((r for r in sorted(resolutions, key=lambda r: r.mention.start, reverse=True)
                   if first <= r.mention.start < m.start() and r.mention.literal and r.place is not None
                   and r.place.kind is PlaceKind.REGION and r.place.country == dem.place.country), None)  # type: ignore[union-attr]
    if region is None:
        return []
    name = region.mention.name or region.mention.text
    name = name if name.lower().endswith(("region", "oblast", "province")) else f"{name} region"
    mention = dataclasses.replace(region.mention, start=m.start("dem"), end=m.end(), text=m.group(0).split(None, 2)[2],
                                  name=name, generic="region", literal=True, reason="the region")
    return [dataclasses.replace(region, mention=mention, method="anaphor:the side")]
