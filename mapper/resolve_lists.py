"""A town listed beside a city of its own country: "Flood warning issued for Kyzylorda and Aralsk"."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from mapper.cues import word_frequency
from mapper.geo import haversine_km
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


# "Nikopol, Marhanets and the Chervonohryhorivka and Pokrovske hromadas": a list's joints, "the" allowed
_LIST_JOINT = re.compile(r",\s+(?:and\s+|or\s+)?(?:the\s+)?|\s+(?:and|or)\s+(?:the\s+)?")
_SMALL_POP = 50_000  # a town read by its size alone, no bigger than this, may give way to a namesake
_AREA_KM = 60.0  # the namesake lies this near every other name of the list
_FAR_KM = 100.0  # the reading lies farther than this from all of them


def list_neighbours(mentions: Sequence[Mention], group_of: Callable[[Mention], _Group], text: str) -> None:
    """A small town read by its size alone ("prior") that lies far from every other name of its list of three or
    more, where a namesake of the same country lies near all of them, is that namesake: "hitting Nikopol,
    Marhanets and the Chervonohryhorivka and Pokrovske hromadas" is the Pokrovske by Nikopol, not the bigger one
    150 km east. Changes the groups in place."""
    ordered = sorted((m for m in mentions if m.reason != "demonym"), key=lambda m: m.start)
    runs: list[list[Mention]] = []
    for a, b in zip(ordered, ordered[1:], strict=False):
        if not _LIST_JOINT.fullmatch(text, a.end, b.start):
            continue
        if runs and runs[-1][-1] is a:
            runs[-1].append(b)
        else:
            runs.append([a, b])
    for run in (r for r in runs if len(r) >= 3):
        groups = list({id(g): g for g in map(group_of, run)}.values())
        for g in groups:
            c = g.choice
            if c is None or g.forced is not None or g.method != "prior" or c.kind is not PlaceKind.POPULATED \
                    or c.population >= _SMALL_POP:
                continue
            others = [h.choice for h in groups if h is not g and h.choice is not None
                      and h.choice.kind in (PlaceKind.POPULATED, PlaceKind.DISTRICT)]
            if len(others) < 2 or any(haversine_km((c.lat, c.lon), (o.lat, o.lon)) <= _FAR_KM for o in others):
                continue
            near = [p for p in g.candidates if p is not c and p.kind is PlaceKind.POPULATED and p.country == c.country
                    and all(haversine_km((p.lat, p.lon), (o.lat, o.lon)) <= _AREA_KM for o in others)]
            if near:
                g.runners = [c, *(p for p in g.runners if p is not near[0])]
                g.choice, g.method = near[0], "context:list"
