"""A town listed beside a city of its own country: "Flood warning issued for Kyzylorda and Aralsk"."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from mapper.cues import word_frequency
from mapper.model import Mention, PlaceKind
from mapper.names import normalize

if TYPE_CHECKING:
    from mapper.resolve import _Group

JOINT = re.compile(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_CITY_POP = 100_000  # the listed city: this big, or a country's or region's seat
_TOWN_POP = 5_000  # the town it supports
_RARE_ZIPF = 2.5  # a word English hardly uses (Aralsk, Balkhash, Zhosaly), no surname or common word


def _bigger_own(g: _Group, name: str) -> bool:
    """Another reading, at least as big, has the name as its own ("Kursk, Oryol and Slutsk": the Belarusian
    town, not Pavlovsk near St Petersburg, called Slutsk until 1944): the list lends the alias no support."""
    key, town = normalize(name), g.choice
    return town is not None and normalize(town.name) != key and any(
        p is not town and p.kind is PlaceKind.POPULATED and normalize(p.name) == key and p.population >= town.population
        for p in g.candidates)


def listed_towns(mentions: Sequence[Mention], group_of: Callable[[Mention], _Group], text: str) -> set[int]:
    """Groups whose reading is a town of ``_TOWN_POP`` listed right beside ("X and Y", "X, Y") a city of the
    same country (a seat or a city of ``_CITY_POP``), when the name is a word English hardly uses and no bigger
    reading has it as its own name: the list
    names towns of one country (warnings, routes, tallies by town), so the town needs no region named.
    Returns the groups' ids (support for ``drop_unsupported``)."""
    out: set[int] = set()
    ordered = sorted(mentions, key=lambda m: m.start)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if not JOINT.fullmatch(text, a.end, b.start):
            continue
        ga, gb = group_of(a), group_of(b)
        for town_g, town_m, city_g in ((gb, b, ga), (ga, a, gb)):
            town, city = town_g.choice, city_g.choice
            if town is None or city is None or town_g is city_g or town_m.generic:
                continue
            if town.kind is PlaceKind.POPULATED and town.population >= _TOWN_POP and city.country == town.country \
                    and city.kind is PlaceKind.POPULATED and (city.population >= _CITY_POP or city.feature_code in (
                        "PPLA", "PPLC")) and word_frequency(town_m.name) < _RARE_ZIPF \
                    and not _bigger_own(town_g, town_m.name):
                out.add(id(town_g))
    return out
