"""Places a text names by reference rather than by name: "the regional centre" after the region it is the
seat of. A step after ``mapper.resolve``, as it adds mentions the recogniser did not find."""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources

from mapper.gazetteer.base import Gazetteer
from mapper.gazetteer.display import seat_named
from mapper.model import Article, Mention, Place, PlaceKind, Resolution
from mapper.names import GENERIC_WORDS, strip_generic
from mapper.prefilter import Gated, lowered

# "a fuel facility in the regional centre", the Oryol region named before: the region's seat (Oryol);
# "airports in the regional capital" after Tatarstan (Kazan); "the republic's capital"
_REGIONAL_CENTRE = Gated(re.compile(r"\b(?:regional|oblast|region's|province's|provincial|republic's)\s+"
                                    r"(?:centre|center|capital)\b", re.I))


@cache
def _seats() -> dict[str, str]:
    """Seat place id by region place id, for seats not called as their region (``mapper/data/region_seats.csv``:
    the Sverdlovsk region's is Yekaterinburg, West Kazakhstan's Oral)."""
    with resources.files("mapper").joinpath("data/region_seats.csv").open(encoding="utf-8") as f:
        return {r["region_id"]: r["seat_id"] for r in csv.DictReader(f)}


def region_seat(gazetteer: Gazetteer, region: Place, names: Sequence[str]) -> Place | None:
    """The region's seat: a town of the region marked its seat (PPLA) and called as one of ``names`` are
    ("Oryol" of the Oryol region, as maps name it or not: Orël), else the listed seat of another name."""
    for name in names:
        seat = seat_named(gazetteer, name, region, spelt=False)
        if seat is not None:
            return seat
    listed = _seats().get(region.place_id)
    seat = gazetteer.get(listed) if listed else None
    return seat if seat is not None and seat.country == region.country else None


def regional_centres(article: Article, resolutions: Sequence[Resolution], gazetteer: Gazetteer) -> list[Resolution]:
    """"The regional centre" (capital), a region named before it in its paragraph: that region's seat.
    Not after a town's name and a comma ("In Khanty-Mansiysk, the regional capital"), nor where its sentence
    names the seat ("In Uralsk, as the regional capital is still known"): the phrase describes a place read."""
    text, out = article.text, []
    for m in _REGIONAL_CENTRE.finditer(text, lowered(text)):
        para = text.rfind("\n\n", 0, m.start())
        told = next((r for r in reversed(resolutions) if para < r.mention.start < m.start() and (
            r.place.kind is PlaceKind.REGION if r.place else GENERIC_WORDS.get(r.mention.generic) == "region")), None)
        if told is None or _after_town(text, m.start(), resolutions):
            continue
        # "Oryol Region Governor Andrey Klychkov": a title, no place of its own, still names the region
        region = told.place or next((c for c in told.candidates if c.kind is PlaceKind.REGION), None)
        if region is None:
            continue
        names = list(dict.fromkeys([told.mention.name, strip_generic(region.name)[0]]))
        seat = region_seat(gazetteer, region, names)
        if seat is not None and not _named_in_sentence(text, m.start(), m.end(), seat, resolutions):
            name = next((n for n in names if seat_named(gazetteer, n, region, spelt=False) is seat), seat.name)
            mention = Mention(article.id, m.start(), m.end(), m.group(0), name=name, reason="regional centre")
            out.append(Resolution(mention, seat, told.score, method="anaphor:regional centre"))
    return out


def _named_in_sentence(text: str, start: int, end: int, place: Place, resolutions: Sequence[Resolution]) -> bool:
    """Whether the sentence around ``text[start:end]`` names ``place`` elsewhere."""
    first = max(text.rfind(c, 0, start) for c in (". ", "! ", "? ", "\n"))
    ends = [i for i in (text.find(c, end) for c in (". ", "! ", "? ", "\n")) if i >= 0]
    last = min(ends, default=len(text))
    return any(first < r.mention.start and r.mention.end <= last and not start <= r.mention.start < end
               and r.place is not None and r.place.place_id == place.place_id for r in resolutions)


def _after_town(text: str, start: int, resolutions: Sequence[Resolution]) -> bool:
    """Whether a town's name and a comma stand right before ``start`` ("Lugansk, the regional centre")."""
    before = _COMMA_BEFORE.search(text[max(0, start - 12):start])
    if before is None:
        return False
    end = max(0, start - 12) + before.start()
    return any(r.mention.end == end and r.place is not None and r.place.kind is PlaceKind.POPULATED
               for r in resolutions)


_COMMA_BEFORE = re.compile(r",\s*(?:the\s+|its\s+)?$", re.I)
