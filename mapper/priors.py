"""What a name's candidates score from the name alone: the same in every article, so kept.

A candidate's prior (kind, administrative rank, population, main name or alias) and what the name as
written says of it (its generic word, a region shared with its capital, a far smaller district abroad);
``mapper.resolve`` adds what the article says.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Collection, Sequence

from mapper.gazetteer.base import CITY_OVER_ALIAS_POP
from mapper.model import Mention, Place, PlaceKind
from mapper.names import normalize, skeleton, strip_generic

_KIND_PRIOR = {PlaceKind.COUNTRY: 1.1, PlaceKind.CONTINENT: 0.9, PlaceKind.REGION: 0.55, PlaceKind.AREA: 0.6,
               PlaceKind.PHYSICAL: 0.35, PlaceKind.DISTRICT: 0.2, PlaceKind.FACILITY: 0.3,
               PlaceKind.POPULATED: 0.0}
_CODE_PRIOR = {"PPLC": 0.5, "PPLA": 0.3, "PPLA2": 0.12, "PPLG": 0.3, "OCN": 0.8, "SEA": 0.5, "GULF": 0.3}
_GENERIC_KINDS = {
    "region": {PlaceKind.REGION},
    "district": {PlaceKind.DISTRICT},
    "populated place": {PlaceKind.POPULATED},
    "facility": {PlaceKind.FACILITY},
    "physical feature": {PlaceKind.PHYSICAL},
}
_SEAT_PENALTY = 0.5
_RENAMED_SEAT_BONUS = 0.4  # what the main name adds in _prior
# A bare name that a city of this size is called in one country means the city, not a district ten
# times smaller called so in another country, nor a place there known by the name only as an alias
# ("near Astrakhan, close to the border with Kazakhstan": not Kazakhstan's Astrakhan district).
_CITY_OVER_DISTRICT_POP = 100_000
# A country known by the name only as a foreign-language alias ("Uman" for Oman) comes after a city of
# CITY_OVER_ALIAS_POP whose own name it is (as in the gazetteer's own ranking).
_ALIAS_COUNTRY_PENALTY = 1.0
_FOREIGN_DISTRICT_PENALTY = 1.5  # more than a named country's bonus (1.0) and its support
# A bare name that is a town's own name and a region's only by an alias or a derived adjective stem
# ("Amursk", "Kirovsk": stems of Amurskaya and Kirovskaya oblast) means the town, from this size.
_TOWN_OVER_STEM_POP = 20_000
_STEM_REGION_PENALTY = 1.0
# A first-level unit abroad with fewer people (the sum of its places') than a city whose own name is the
# name as written is not what the bare name means: "Portland" is the city in Oregon, not the Jamaican
# parish; "St. Paul" the Minnesotan capital, not a parish of Antigua; "Gaza" the city, not the Mozambican
# province. A region's kind alone would otherwise rank it like a city of millions.
_SMALL_REGION_PENALTY = 1.0
# In an article with no home country, a town abroad under a third of the size of a city of
# _CITY_OVER_DISTRICT_POP called by the same name loses what its administrative rank would add ("Drones
# hit Chita": the Russian city of 350,000, not the Japanese seat of 85,000; Dimitrovgrad on the Volga, not
# the Bulgarian one). A home country decides instead (Paris, Illinois in a paper of the Midwest).
_SMALLER_NAMESAKE_RATIO = 3
SMALLER_NAMESAKE_PENALTY = 0.25
# "the Kyiv region", "Almaty oblast": where a city is a first-level unit of its own (Kyiv, Almaty, Osh,
# Minsk city) and an oblast around it is named after it, the name with a region word means the oblast.
# The city's own unit loses more than its main name and population add (a bare "Kyiv" stays the city).
_CITY_REGION_PENALTY = 0.8
# A hamlet whose own name is the old name of a town twenty times bigger in the same country, known by it as
# an alias ("captured Krasny Liman": Lyman, called Krasnyi Lyman until 2016, not a hamlet of 600 so called
# today) loses what its main name adds: Russian officials and old maps use the towns' former names.
# Only in the former Soviet states, whose towns were renamed wholesale (Soviet names, then decommunisation and
# Kazakh, Uzbek or Tajik forms): elsewhere GeoNames' aliases of a town are as often its neighbourhoods or
# the villages it absorbed (Manchester, Virginia, for Richmond), which the hamlet of the name does not lose to.
_OLD_NAME_TOWN_POP, _OLD_NAME_RATIO = 10_000, 20
_OLD_NAME_HAMLET_PENALTY = 0.4
_RENAMING_COUNTRIES = frozenset({"RU", "UA", "BY", "MD", "KZ", "UZ", "KG", "TJ", "TM", "AZ", "GE", "AM"})

_STATIC_PRIOR: dict[str, tuple[Place, float, float, float, str]] = {}


def _prior(place: Place, rank: int, written: Collection[str]) -> float:
    """``written``: the keys (``skeleton``) of the name as looked up and as written in the text."""
    static = _STATIC_PRIOR.get(place.place_id)
    if static is None or static[0] is not place:  # per place, once: population, kind, code, name key
        if len(_STATIC_PRIOR) >= 50_000:  # (it holds the places: a bound on memory)
            _STATIC_PRIOR.clear()
        pop = math.log10(place.population + 1) / 7.0 if place.population else 0.0
        static = _STATIC_PRIOR[place.place_id] = (place, 0.6 * min(pop, 1.0), _KIND_PRIOR.get(place.kind, 0.0),
                                                  _CODE_PRIOR.get(place.feature_code, 0.0), skeleton(place.name))
    _place, pop_prior, kind_prior, code_prior, key = static
    main = 0.4 if key in written else 0.0
    return 0.3 / (1 + rank) + pop_prior + kind_prior + code_prior + main


# What a name's candidates score from the name alone, by (name, text, generic word, candidates' ids);
# the candidates themselves are kept to tell a reused id from the same place.
_NAME_SCORES: dict[tuple[object, ...], tuple[Sequence[Place], list[float]]] = {}


def name_scores(m: Mention, candidates: Sequence[Place]) -> list[float]:
    """Each candidate's prior, with what the name as written says of it (its generic word, a region
    shared with its capital, a far smaller district abroad): the same in every article."""
    key = (m.name, m.text, m.generic, *map(id, candidates))
    hit = _NAME_SCORES.get(key)
    if hit is not None and all(map(operator.is_, hit[0], candidates)):
        return hit[1]
    # With no generic word of its own, "Mexico City" is still a city, whatever else "Mexico" is.
    generic, weight, miss = (m.generic, 1.2, -0.4) if m.generic else (strip_generic(m.text)[1], 0.3, -0.3)
    kinds = _GENERIC_KINDS.get(generic, ()) if generic else None
    # A bare name shared by a region and its capital (Osh, Kursk) means the city unless the text says
    # "region": the region keeps its reading through the generic word or a list's plural.
    # A city that has since been renamed counts too when it seats a district and is big ("Dnipropetrovsk",
    # "Kirovohrad": GeoNames codes Dnipro and Kropyvnytskyi PPLA2).
    seats = set() if generic else {(p.country, p.admin1) for p in candidates
                                   if p.kind is PlaceKind.POPULATED and (p.feature_code in ("PPLA", "PPLC") or (
                                       p.feature_code == "PPLA2" and p.population >= _CITY_OVER_DISTRICT_POP))}
    written = {skeleton(m.name), skeleton(m.text)}
    cities = {} if generic else {p.country: p.population for p in candidates
                                 if p.population >= _CITY_OVER_DISTRICT_POP and p.kind is PlaceKind.POPULATED
                                 and skeleton(p.name) in written}
    biggest = max(cities.values()) if cities else 0
    # ... where a district ten times smaller is called so (the Kazakh Astrakhan district and its seat
    # Astrakhanka, which GeoNames also calls Astrakhan)
    # or, where that city seats a region or a state, a town known by the name only as an alias (Osh, Moksha
    # for "town", of Krasnoslobodsk in Russia)
    seat = any(p.feature_code in ("PPLA", "PPLC") and p.population == biggest for p in candidates)
    # or a village a hundred times smaller known by the name only as an alias, wherever that city stands
    # (Novorossiysk, the Russian port, not a Kherson-region village GeoNames also calls so)
    small = {p.country for p in candidates if p.country not in cities and p.population * 10 < biggest and (
        (p.kind is PlaceKind.DISTRICT) == (skeleton(p.name) in written) and (seat or p.kind is PlaceKind.DISTRICT)
        or p.kind is PlaceKind.POPULATED and skeleton(p.name) not in written and p.population * 100 < biggest)
    } if cities else ()
    exact = normalize(m.name)
    towns = () if generic else {p.country for p in candidates if p.kind is PlaceKind.POPULATED
                                and p.population >= _TOWN_OVER_STEM_POP and normalize(p.name) == exact}
    units = city_units(candidates, written) if kinds and PlaceKind.REGION in kinds else ()
    own_cities: dict[str, int] = {}  # country -> its biggest city whose own name is the name as written
    for p in () if generic else candidates:
        if p.kind is PlaceKind.POPULATED and normalize(p.name) == exact:
            own_cities[p.country] = max(own_cities.get(p.country, 0), p.population)
    renamed = {} if generic else _renamed_towns(candidates, written)
    scores = []
    for rank, place in enumerate(candidates):
        score = _prior(place, rank, written)
        if renamed and place.kind is PlaceKind.POPULATED and skeleton(place.name) in written \
                and place.population * _OLD_NAME_RATIO < renamed.get(place.country, 0):
            score -= _OLD_NAME_HAMLET_PENALTY
        if units and place.kind is PlaceKind.REGION and (place.country, place.admin1) in units:
            score -= _CITY_REGION_PENALTY
        if seats and place.kind is PlaceKind.REGION and (place.country, place.admin1) in seats:
            score -= _SEAT_PENALTY
        elif (seats and not m.text.isupper() and place.kind is PlaceKind.POPULATED
              and place.feature_code.startswith("PPLA") and (place.country, place.admin1) in seats
              and skeleton(place.name) not in written and any(
                  r.kind is PlaceKind.REGION and (r.country, r.admin1) == (place.country, place.admin1)
                  for r in candidates)):
            score += _RENAMED_SEAT_BONUS  # the city renamed, its region not: the old name is still the city's
        if place.kind is PlaceKind.COUNTRY and not m.text.isupper() and normalize(place.name) != exact \
                and any(p.kind is PlaceKind.POPULATED and p.population >= CITY_OVER_ALIAS_POP
                        and normalize(p.name) == exact for p in candidates):
            score -= _ALIAS_COUNTRY_PENALTY  # "Drones hit Uman": the Ukrainian city, not Oman by an alias
        if small and place.country in small and place.population * 10 < biggest and (
                place.kind is PlaceKind.DISTRICT or skeleton(place.name) not in written):
            score -= _FOREIGN_DISTRICT_PENALTY  # Astrakhan: not the Kazakh district, nor Astrakhanka
        if towns and place.kind is PlaceKind.REGION and place.country in towns \
                and skeleton(strip_generic(place.name)[0]) not in written:
            score -= _STEM_REGION_PENALTY  # "Drones hit Amursk": the town, not the Amur region by a stem
        if own_cities and place.kind is PlaceKind.REGION and 0 < place.population < max(
                (pop for cc, pop in own_cities.items() if cc != place.country), default=0):
            score -= _SMALL_REGION_PENALTY  # "Portland": the city in Oregon, not the Jamaican parish
        if kinds is not None:
            score += weight if place.kind in kinds else miss
        scores.append(score)
    if len(_NAME_SCORES) >= 50_000:  # a bound on memory
        _NAME_SCORES.clear()
    _NAME_SCORES[key] = (tuple(candidates), scores)
    return scores


def _renamed_towns(candidates: Sequence[Place], written: Collection[str]) -> dict[str, int]:
    """Per former Soviet country, the biggest town of ``_OLD_NAME_TOWN_POP`` known by the name as written only
    as an alias."""
    out: dict[str, int] = {}
    for p in candidates:
        if p.kind is PlaceKind.POPULATED and p.population >= _OLD_NAME_TOWN_POP and p.country in _RENAMING_COUNTRIES \
                and skeleton(p.name) not in written:
            out[p.country] = max(out.get(p.country, 0), p.population)
    return out


def city_units(candidates: Sequence[Place], written: Collection[str]) -> set[tuple[str, str]]:
    """The first-level units (country, admin1) that are a city of the name as written, where the
    same country has another region of that name (the oblast around the city, named after it)."""
    seats = {(p.country, p.admin1) for p in candidates if p.kind is PlaceKind.POPULATED and p.admin1
             and (p.feature_code in ("PPLC", "PPLA") or p.population >= _CITY_OVER_DISTRICT_POP)
             and skeleton(p.name) in written}
    if not seats:
        return set()
    regions = [(p.country, p.admin1) for p in candidates if p.kind is PlaceKind.REGION and p.admin1]
    return {unit for unit in seats if unit in regions
            and any(cc == unit[0] and a1 != unit[1] for cc, a1 in regions)}


def smaller_namesakes(m: Mention, candidates: Sequence[Place]) -> list[bool]:
    """Which candidates are towns abroad under a third of the size of a city of
    ``_CITY_OVER_DISTRICT_POP`` that the name as written is the main name of, ranked before it."""
    if m.generic:
        return [False] * len(candidates)
    written = {skeleton(m.name), skeleton(m.text)}
    cities = {p.country: p.population for p in candidates if p.population >= _CITY_OVER_DISTRICT_POP
              and p.kind is PlaceKind.POPULATED and skeleton(p.name) in written}
    if not cities:
        return [False] * len(candidates)
    biggest = max(cities.values())
    # only those the gazetteer's ranking put before the city, lifted by their rank (Paris, Illinois
    # comes after Paris already)
    first = next(k for k, p in enumerate(candidates) if p.population == biggest and p.country in cities)
    return [k < first and p.kind is PlaceKind.POPULATED and p.country not in cities
            and p.population * _SMALLER_NAMESAKE_RATIO < biggest and skeleton(p.name) in written
            for k, p in enumerate(candidates)]
