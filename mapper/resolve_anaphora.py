"""Places a text names by reference rather than by name: "the regional centre" after the region it is the
seat of. A step after ``mapper.resolve``, as it adds mentions the recogniser did not find."""

from __future__ import annotations

import re
from collections.abc import Sequence

from mapper.gazetteer.base import Gazetteer
from mapper.gazetteer.display import seat_named
from mapper.model import Article, Mention, PlaceKind, Resolution
from mapper.names import GENERIC_WORDS, strip_generic

# "a fuel facility in the regional centre", the Oryol region named before: the region's seat (Oryol)
_REGIONAL_CENTRE = re.compile(r"\b(?:regional|oblast|region's|province's|provincial)\s+(?:centre|center|capital)\b",
                              re.I)


def regional_centres(article: Article, resolutions: Sequence[Resolution], gazetteer: Gazetteer) -> list[Resolution]:
    """"The regional centre" (capital), a region named before it in its paragraph: that region's seat, where
    the gazetteer has one called as the region is (a seat of another name, Yekaterinburg, stays unread)."""
    text, out = article.text, []
    for m in _REGIONAL_CENTRE.finditer(text):
        para = text.rfind("\n\n", 0, m.start())
        told = next((r for r in reversed(resolutions) if para < r.mention.start < m.start() and (
            r.place.kind is PlaceKind.REGION if r.place else GENERIC_WORDS.get(r.mention.generic) == "region")), None)
        if told is None:
            continue
        # "Oryol Region Governor Andrey Klychkov": a title, no place of its own, still names the region
        region = told.place or next((c for c in told.candidates if c.kind is PlaceKind.REGION), None)
        if region is None:
            continue
        names = dict.fromkeys([told.mention.name, strip_generic(region.name)[0]])
        for name in names:
            seat = seat_named(gazetteer, name, region, spelt=False)
            if seat is not None:  # named on maps as the text names the region ("Oryol", not "Orël")
                mention = Mention(article.id, m.start(), m.end(), m.group(0), name=name, reason="regional centre")
                out.append(Resolution(mention, seat, told.score, method="anaphor:regional centre"))
                break
    return out
