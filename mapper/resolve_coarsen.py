"""Coarsening after the resolver's choice: a village the gazetteer lacks, or has only elsewhere, takes the
region or district the text puts it in; a town inside another town's region is in the region; a district that
most cities have is a part of the city named last. Each function takes the resolver's groups (one per name and
generic word) and changes them in place.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING

from mapper.geo import haversine_km
from mapper.model import Place, PlaceKind
from mapper.names import normalize, skeleton, strip_generic
from mapper.priors import city_units
from mapper.resolve_checks import MINOR_KINDS, OBSCURE_TOWN_POP, TOWN_POP

if TYPE_CHECKING:
    from mapper.resolve import _Group

_KNOWN_CITY_POP = 100_000  # a city this big, or a regional capital, is never coarsened into another region
_VILLAGE_REACH = 300  # characters
_NEAR_CITY_KM = 150.0  # a reading this near a city of another region named in between belongs with it

_Pair = tuple[int, int]  # the ids of a group and of a group the text puts it in


def coarsen_to_containers(glist: list[_Group], inside: Mapping[int, list[_Group]], near: Collection[_Pair] = (),
                          stated: Collection[_Pair] = (), listed: Collection[_Pair] = ()) -> None:
    """"Kamenka in the Orenburg region" with no Kamenka there: the region, at region precision. Not a
    common word ("Police in the Pokrovsk district said"): with no reading inside, it is the word.
    A region the text only puts the name near (``near``: pairs of group ids) takes the place of a name
    with no reading at all, not of one read elsewhere: "Champaign near the Indiana border" is in Illinois. A
    district stated so (``stated``: "Kulikovka in the Glushkovo district") takes even a name read only abroad, a region
    stated so a name read only as villages abroad ("near Koktash in the Batken region"), and
    a list's earlier names (``listed``: "Sosnovka and Kulikovka in") unless one reads as a known city."""
    for g in glist:
        if g.forced is not None or g.mentions[0].weak == "common-word":
            continue
        if g.choice is not None and g.choice.kind not in MINOR_KINDS:
            continue  # "the Americas in Alaska", "Indiana, Ill.": a region is never put inside another
        for container in inside.get(id(g), ()):
            c = container.choice
            if c is not None and c.kind is PlaceKind.POPULATED and g.mentions[0].generic == "district":
                # "the Adhamiyah district of Baghdad": a city district; a namesake outside the city is not it
                if not any(haversine_km((p.lat, p.lon), (c.lat, c.lon)) <= _CITY_PART_KM for p in g.candidates):
                    g.runners = [g.choice, *g.runners] if g.choice else g.runners
                    g.choice, g.confidence, g.method = c, 0.5, "coarsened:container"
                    break
                continue
            if c is None or c.kind not in (PlaceKind.REGION, PlaceKind.DISTRICT) or (
                    g.choice is not None and (id(g), id(container)) in near):
                continue
            if (id(g), id(container)) in listed and _known_city(g):
                continue  # "Kyiv and Lviv in the Donetsk region": the cities are no villages of it
            if not g.mentions[0].generic and g.candidates and all(p.country != c.country for p in g.candidates) \
                    and not ((id(g), id(container)) in stated
                             and (c.kind is PlaceKind.DISTRICT or not _known_city(g)
                                  and all(p.kind is PlaceKind.POPULATED for p in g.candidates))):
                continue  # "in Arlington, Nadia said": no reading of the name lies in that country
            # "Obolon in the Kyiv region": the oblast named after a city holds the city's own unit around it
            units = {(c.country, c.admin1), *city_units(container.candidates, {
                skeleton(x) for x in (container.mentions[0].name, container.mentions[0].text)})}
            same = g.choice is not None and (g.choice.country, g.choice.admin1) in units
            if not same and not any((p.country, p.admin1) in units for p in g.candidates):
                g.runners = [g.choice, *g.runners] if g.choice else g.runners
                g.choice, g.confidence, g.method = c, 0.5, "coarsened:container"
                break


_OUTSIDE_KM = 15.0  # a town this far from a city is no part of it
_CITY_PART_KM = 30.0  # a city district's point lies this close to the city's


def regions_as_containers(glist: list[_Group], inside: Mapping[int, list[_Group]]) -> None:
    """"Horlivka in occupied Donetsk", "Shebekino in Belgorod": a town is not inside another town of its
    region, so the container named once is the region called the same (the oblast, not its capital)."""
    for g in glist:
        c = g.choice
        if c is None or c.kind is not PlaceKind.POPULATED or not c.admin1:
            continue
        for container in inside.get(id(g), ()):
            city = container.choice
            if container.forced is not None or len(container.mentions) != 1 or city is None \
                    or city.kind is not PlaceKind.POPULATED or (city.country, city.admin1) != (c.country, c.admin1) \
                    or haversine_km((c.lat, c.lon), (city.lat, city.lon)) <= _OUTSIDE_KM:
                continue
            region = next((p for p in container.candidates if p.kind is PlaceKind.REGION
                           and (p.country, p.admin1) == (c.country, c.admin1)), None)
            if region is not None:
                container.runners = [city, *(p for p in container.runners if p is not region)]
                container.choice, container.method = region, "context:container"


# "in the city's Kyivskyi district": a part of the city named last (Odesa), whatever other city has one so called
_CITY_OWNS = re.compile(r"\b(?:the|that)\s+(city|town)[’']s\s+$", re.I)
# "houses in the Shevchenkivskyi district of the city": the same, the district named first
_OF_THE_CITY = re.compile(r"\s+of\s+(?:the|that)\s+(city|town)\b", re.I)


def city_parts(glist: list[_Group], text: str) -> None:
    """"Drones hit a warehouse in the city's Kyivskyi district" after Odesa: a district that most cities of the
    region have (Kyivskyi, Shevchenkivskyi, Tsentralnyi) is a part of the city named last; a reading in another
    city gives way to that city. "The city" is the last town of 50,000 named, when villages came after it
    ("Kherson and 22 settlements, among them Antonivka ... the Dniprovskyi district of the city")."""
    cities = [(m.start, h.choice) for h in glist if h.choice is not None and h.choice.kind is PlaceKind.POPULATED
              for m in h.mentions if m.reason not in ("metonymy", "state act")]  # ("as Moscow pounded": a government)
    named = {(h.choice.country, h.choice.admin1) for h in glist if h.choice is not None
             and h.choice.kind is PlaceKind.REGION}
    for g in glist:
        c, m = g.choice, g.mentions[0]
        if c is None or g.forced is not None:
            continue
        owns = _CITY_OWNS.search(text, max(0, m.start - 20), m.start) or (
            _OF_THE_CITY.match(text, m.end) if m.generic == "district" else None)
        if not owns:
            _sentence_city_part(g, cities, named, text)
            continue
        before = [(at, p) for at, p in cities if at < m.start and p is not c]
        if owns.group(1).lower() == "city":
            before = [(at, p) for at, p in before if p.population >= TOWN_POP] or before
        if not before:
            continue
        city = max(before, key=lambda t: t[0])[1]
        if haversine_km((c.lat, c.lon), (city.lat, city.lon)) > _OUTSIDE_KM:
            g.runners = [c, *g.runners]
            g.choice, g.confidence, g.method = city, 0.5, "coarsened:container"


def _sentence_city_part(g: _Group, cities: list[tuple[int, Place]], named: Collection[tuple[str, str]],
                        text: str) -> None:
    """"In Zaporizhzhia itself, homes were damaged in the Shevchenkivskyi district": a district name several
    cities' districts share (readings in two regions or more), read in another region than the city named
    before it in its sentence and with no reading in that city's region, is a part of that city. Not when the
    text names the region of its reading ("the Ulan and Glubokoye districts of the East Kazakhstan region")."""
    c, m = g.choice, g.mentions[0]
    if c is None or m.generic != "district" or c.kind not in (PlaceKind.DISTRICT, PlaceKind.POPULATED) \
            or (c.country, c.admin1) in named:
        return
    regions = {(p.country, p.admin1) for p in (c, *g.candidates) if p.kind in (PlaceKind.DISTRICT, PlaceKind.POPULATED)}
    if len(regions) < 2:
        return  # "Drones hit Kharkiv and the Shostka district": a district only one region has is that one
    opening = max(text.rfind(". ", 0, m.start), text.rfind("\n", 0, m.start))
    before = [(at, p) for at, p in cities if opening < at < m.start and p.population >= TOWN_POP]
    if not before:
        return
    city = max(before, key=lambda t: t[0])[1]
    if city.country != c.country or (city.country, city.admin1) in regions:
        return
    if haversine_km((c.lat, c.lon), (city.lat, city.lon)) > _CITY_PART_KM:
        g.runners = [c, *g.runners]
        g.choice, g.confidence, g.method = city, 0.5, "coarsened:container"


def _known_city(g: _Group) -> bool:
    """The reading is a city of 100,000 or a regional capital called what the text wrote ("the western
    city of Lviv"): the text means it, whatever region or district it named before."""
    c = g.choice
    return (c is not None and c.kind is PlaceKind.POPULATED
            and (c.population >= _KNOWN_CITY_POP or c.feature_code in ("PPLA", "PPLC"))
            and skeleton(c.name) == skeleton(g.mentions[0].name))


# "the villages of Murom and Novaya Tavolzhanka": the text itself calls the name (one of a list) a village
_VILLAGE_OF = re.compile(r"\b(?:villages?|hamlets?|auls?|kishlaks?|selo|khutors?)\s+of\s+(?:[A-Z][\w’'-]*"
                         r"(?:\s+[A-Z][\w’'-]*)*(?:,\s+|\s+and\s+))*$", re.I)


def coarsen_missing_villages(glist: list[_Group], text: str = "") -> None:
    """A village the gazetteer lacks, in a region the text names, resolves to that region (coarser)."""
    regions = [g for g in glist if g.choice is not None
               and g.choice.kind in (PlaceKind.REGION, PlaceKind.DISTRICT)]
    countries = [g for g in glist if g.choice is not None and g.choice.kind is PlaceKind.COUNTRY]
    for g in glist:
        m = g.mentions[0]
        if g.forced is not None or m.generic != "populated place":
            continue
        if g.choice is not None and strip_generic(m.text)[1] and skeleton(g.choice.name) == skeleton(m.text):
            continue  # the generic word is part of a name the gazetteer has: Mexico City, Platte City
        inside = g.choice is not None and any(
            r.choice.country == g.choice.country and r.choice.admin1 == g.choice.admin1 for r in regions)
        village = bool(text) and _VILLAGE_OF.search(text, max(0, m.start - 120), m.start) is not None
        if inside or (not village and (_known_city(g) or (g.choice is not None and g.choice.kind is PlaceKind.POPULATED
                                                          and g.choice.population >= TOWN_POP))):
            continue  # "... the Kyzylorda region. In the town of Balkhash": the town of 80,000, not the region
            # (but "the villages of Murom and ..." in the Belgorod region are no city of 100,000 far away)
        # The region must be named shortly before (the same or the previous sentence, roughly).
        before = [r for r in regions if any(0 < m.start - x.start < _VILLAGE_REACH for x in r.mentions)]
        if before:
            last = max(before, key=lambda r: max(x.start for x in r.mentions if x.start < m.start))
            container = last.choice
            since = max(x.start for x in last.mentions if x.start < m.start)
            if any(h.choice.country != container.country for h in countries
                   for x in h.mentions if since < x.start < m.start and x.reason != "demonym"):  # type: ignore[union-attr]
                continue  # "... in the Lublin province. In Romania, ... the port of Izmail": another country now
            c = g.choice
            if c is not None and any(
                    h.choice.kind is PlaceKind.POPULATED and h.choice.population >= TOWN_POP  # type: ignore[union-attr]
                    and h.choice.admin1 != container.admin1  # type: ignore[union-attr]
                    and haversine_km((c.lat, c.lon), (h.choice.lat, h.choice.lon)) < _NEAR_CITY_KM  # type: ignore
                    for h in glist if h.choice is not None for x in h.mentions if since < x.start < m.start):
                continue  # "in Krasnodar region ..., while the refinery near St Petersburg and the port of Ust-Luga":
                # the text has moved on to another region, whose city lies near the reading
            if c is not None and c.kind is PlaceKind.POPULATED and c.country == container.country and not village \
                    and c.population >= OBSCURE_TOWN_POP and skeleton(c.name) == skeleton(m.name):
                continue  # "off the Mangystau coast. Further east, the town of Aral": a town of that country, named
            if c is not None and c.country != container.country and normalize(c.name) == normalize(m.name) \
                    and all(p.country != container.country for p in g.candidates):
                continue  # "Weybridge, England ... the town of Pulawy": Puławy is in another country
            # "the Bryansk region near the village of Klimovo": a reading in that region is the village
            # (the demonym of "a Ukrainian sabotage group" had pulled it to Crimea's Klimovo)
            inner = [p for p in g.candidates if container.kind is PlaceKind.REGION and p.kind is PlaceKind.POPULATED
                     and (p.country, p.admin1) == (container.country, container.admin1)]
            if inner:
                g.runners = [p for p in [g.choice, *g.runners] if p is not None and p is not inner[0]]
                g.choice, g.confidence, g.method = inner[0], 0.5, "context:container"
                continue
            # "in the Sairam district ... the village of Karabulak": a namesake elsewhere in the country
            # (Almaty region's Karabulak) or abroad is not the district's village: the district, coarser.
            g.runners = ([g.choice] if g.choice else []) + g.runners
            g.choice, g.confidence, g.method = container, 0.5, "coarsened:container"
