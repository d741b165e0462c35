"""Checks after the resolver's choice: support for a doubtful word.

A lone word that only small places are called (Ripley, TASS) needs support from the rest of the text
(coarsening to a region the text names is ``mapper.resolve_coarsen``). Each function takes the resolver's groups
(one per name and generic word) and changes them in place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from mapper.cues import COMMON_WORD_ZIPF, word_frequency
from mapper.geo import haversine_km
from mapper.model import Place, PlaceKind
from mapper.names import TURKIC_DIGRAPHS, normalize, skeleton, slavic_key
from mapper.resolve_named import seat_called

if TYPE_CHECKING:
    from mapper.resolve import _Group

_BROAD = {PlaceKind.COUNTRY, PlaceKind.CONTINENT, PlaceKind.AREA}  # as in mapper.resolve

# How big the biggest reading of a word must be for the word to count as a place name anyway.
# "cued": the word follows a locative word ("migrants from Petropavl"), so a city of 100,000 is enough.
_PROMINENT = {"common-word": 1_000_000, "acronym": 10**10, "allcaps": 10**10, "": 300_000, "name-part": 300_000,
              "cued": 100_000, "initial": 300_000}
_PLAIN = ("", "cued", "initial")  # readings with no doubt about the word itself
_RECOGNISED = {"gazetteer", "organisation", "metonymy", "metaphor", "state act"}
MINOR_KINDS = {PlaceKind.POPULATED, PlaceKind.DISTRICT, PlaceKind.FACILITY, PlaceKind.PHYSICAL}
_SUPPORT_KM = 300.0
_TWIN_KM = 25.0  # namesakes this close are one place to a reader (towns facing each other across a border)
_SLAVIC_COUNTRIES = frozenset({"UA", "RU", "BY"})  # names romanised from Russian or Ukrainian
_VARIANT_KM = 150.0
# "Gimhae" for Gimhae-si: a Korean or Japanese city's own unit, its name with the unit's suffix; "Bornholm"
# for Bornholm Kommune: a Nordic municipality is named after its town or island, not after a person
_CITY_UNIT = re.compile(r"-(?:si|shi|gun|gu|ku)$|\s(?:[Kk]ommuner?|Regionskommune)$")
_KNOWN_VARIANT_POP = 50_000
_KNOWN_ALIAS_POP = 100_000
_RARE_WORD_ZIPF = 2.5  # Termez, Izmail (0), Kharkov (2.4); not Hamas (3.6), Kiev (3.5) or Soul
_KNOWN_ALIAS_ZIPF = 3.0  # for a city of 100,000's other name: Turkestan (2.5) for Turkistan too
TOWN_POP = 50_000  # a town this big that the gazetteer has by the name written is no missing village
_SEATLESS_DISTRICTS = frozenset({"KG", "TJ", "UZ", "KZ", "TM"})
_OBSCURE_ZIPF = 2.0  # Aktau 1.2, Tuapse 1.3, Novorossiysk 1.5; not Osh (2.5), Kinney (2.9), Ripley (3.2)
OBSCURE_TOWN_POP = 20_000
_SECOND_CONFIDENCE = 0.5  # a reading chosen after the first was rejected (``bigger_namesakes``)


def has_support(g: _Group, others: list[_Group], *, near: float = _SUPPORT_KM, town: bool = False,
                small: bool = False) -> bool:
    """Its region or country is named, or another place lies within ``near`` km.

    ``town``: a town of the same first-level region counts too ("Drones hit Odesa and Izmail").
    ``small``: a named country supports even a village ("near Zhympity ... Kazakhstan's ministry").
    """
    c = g.choice
    assert c is not None
    for h in others:
        d = h.choice
        if h is g or d is None:
            continue
        if d.place_id == c.place_id and normalize(h.mentions[0].name) == normalize(d.name):
            return True  # "renamed Stepanakert ... as Khankendi": the text names the place by its own name too
        if d.kind in _BROAD:
            if d.country == c.country and (c.population >= 20_000 or small):
                return True
            continue
        if (d.kind in (PlaceKind.REGION, PlaceKind.DISTRICT) or (town and d.kind is PlaceKind.POPULATED)) \
                and d.country == c.country and d.admin1 == c.admin1:
            return True
        # A degree of latitude is at least 111 km apart, so most far pairs need no great-circle distance.
        if near and abs(c.lat - d.lat) * 111.0 <= near and haversine_km((c.lat, c.lon), (d.lat, d.lon)) <= near:
            return True
    return False


def _prominent(g: _Group, limit: int, *, by_kind: bool = True) -> bool:
    """Some reading of the name is a major place (Paris, Richmond), whichever one the text means.

    ``by_kind=False`` asks for people, not rank: a small parish called "Michael" is no reason to read
    "Michael Ouellette" as a place. The curated rivers, ranges and seas are all major features: a
    river's point (its mouth) may lie far from the towns of the text ("the left bank of the Dnieper").
    """
    return any((by_kind and p.kind not in MINOR_KINDS) or p.kind is PlaceKind.COUNTRY or p.population >= limit
               or (by_kind and p.kind is PlaceKind.PHYSICAL and p.place_id.startswith("curated:"))
               for p in g.candidates)


def _firm_of_town(g: _Group, others: list[_Group]) -> bool:
    """"the Nevinnomyssk Azot plant ... in the Stavropol region": a firm named after a town of 20,000 or more, a
    word English hardly uses, whose first-level region the text names (a country is not enough: Artem Timofeev)."""
    c = g.choice
    return c is not None and c.kind is PlaceKind.POPULATED and c.population >= OBSCURE_TOWN_POP \
        and word_frequency(g.mentions[0].name) < _OBSCURE_ZIPF and any(
            h.choice is not None and h.choice.kind is PlaceKind.REGION and h.choice.country == c.country
            and h.choice.admin1 == c.admin1 for h in others)


def _major(p: Place) -> bool:
    return (p.kind in (PlaceKind.COUNTRY, PlaceKind.REGION, PlaceKind.CONTINENT) or p.population >= 500_000
            or p.feature_code in ("OCN", "SEA"))  # "the Pacific", "the Atlantic"


def _major_called(p: Place, name: str) -> bool:
    """A major place, and a city only by its own name: "Sam" is an alias of Damascus, no reason to read it."""
    return _major(p) and (p.kind is not PlaceKind.POPULATED or normalize(p.name) == normalize(name))


def reject(g: _Group) -> None:
    """Set the group's reading aside as unsupported (kept among its runners)."""
    g.runners = [g.choice, *g.runners] if g.choice else g.runners
    g.choice, g.confidence, g.method = None, 0.0, "unsupported"


IsCalled = Callable[[str, str], bool]


def _variant(g: _Group, is_called: IsCalled | None = None) -> bool:
    """"Brian" ~ Bryan, "Passover" ~ an alias of a hamlet: no reading is called what the text wrote.

    After a locative word ("in Mykolaiv"), a romanisation of a town's name is no variant when it has
    the same skeleton and the town 50,000 people (Mykolaiv for Mykolayiv, Izmail for Izmayil); nor is
    a curated place's alias or a capital's other name (``is_called``, the gazetteer's: the Urals,
    Nur-Sultan for Astana).
    """
    m = g.mentions[0]
    name = m.name
    if " " in name:
        return False
    key = normalize(name)
    if any(normalize(p.name) == key or normalize(_CITY_UNIT.sub("", p.name)) == key for p in g.candidates):
        return False  # (Bornholm for Bornholm Kommune: the unit's own name)
    if any((english := p.name.translate(TURKIC_DIGRAPHS)) != p.name and skeleton(english) == skeleton(name)
           for p in g.candidates):
        return False  # Turkmenbashi is Türkmenbaşy written in English, no variant
    c = g.choice
    if c is not None and is_called is not None and c.place_id.startswith(("curated:", "airportsdata:")):
        return not is_called(c.place_id, name)  # curated aliases are facts: the Urals, Olenya
    if (c is not None and c.feature_code == "PPLC" and m.weak in _PLAIN and is_called is not None
            and word_frequency(name) < COMMON_WORD_ZIPF):  # "the Godfather of Soul" is no Seoul
        return not is_called(c.place_id, name)  # a capital's other name: Nur-Sultan, Kiev, Rangoon
    if (c is not None and c.population >= _KNOWN_ALIAS_POP and m.weak in _PLAIN and is_called is not None
            and word_frequency(name) < _KNOWN_ALIAS_ZIPF and is_called(c.place_id, name)):
        return False  # a rare word that a city of 100,000 is also called: Termez for Tirmiz, not "Hamas"
    if (c is not None and m.weak == "cued" and is_called is not None and word_frequency(name) < _RARE_WORD_ZIPF
            and is_called(c.place_id, name)):
        return False  # "the road towards Murghab": a rare word after a locative that the reading is called
    if (c is not None and m.weak in _PLAIN and c.country in _SLAVIC_COUNTRIES
            and word_frequency(name) < _RARE_WORD_ZIPF and slavic_key(c.name) == slavic_key(name)):
        return False  # a town's name romanised from Russian: Gulyaipole for Hulyaypole, Evpatoria
    return (c is None or m.weak != "cued" or c.population < _KNOWN_VARIANT_POP
            or skeleton(c.name) != skeleton(name))


def _one_place_called(g: _Group, name: str, is_called: IsCalled | None) -> bool:
    """The readings called ``name`` as written (by their own name or an alias) lie in one country, or all
    within a town's reach of each other (Khorgos and its Chinese twin across the border): no ambiguity."""
    key, slavic = normalize(name), slavic_key(name)
    called = [p for p in g.candidates
              if normalize(p.name) == key or (is_called is not None and is_called(p.place_id, name))
              or (p.country in _SLAVIC_COUNTRIES and slavic_key(p.name) == slavic)]
    return len({p.country for p in called}) == 1 or (bool(called) and all(
        haversine_km((p.lat, p.lon), (called[0].lat, called[0].lon)) <= _TWIN_KM for p in called))


def _romanised(g: _Group) -> bool:
    """The name is a romanisation of its reading's (same skeleton) and that reading a town of 50,000."""
    c = g.choice
    return c is not None and c.population >= _KNOWN_VARIANT_POP and skeleton(c.name) == skeleton(g.mentions[0].name)


def _rare_cued(g: _Group, named: Collection[str] = ()) -> bool:
    """A rare word after a locative word, all of whose readings lie in one country ("near Zhympity"), or
    in countries the text names ("Kazakh and Chinese customs at Khorgos": Khorgos and Khorgas)."""
    m = g.mentions[0]
    if m.weak != "cued" or word_frequency(m.name) >= _RARE_WORD_ZIPF:
        return False
    countries = {p.country for p in g.candidates}
    return len(countries) == 1 or countries <= set(named)


def drop_unsupported(glist: list[_Group], is_called: IsCalled | None = None, *,
                     supported: Collection[int] = (), judge: Collection[int] | None = None) -> set[int]:
    """A lone word (Ripley, TASS, Eid) that only small places are called is not a toponym without support.

    ``is_called(place_id, name)``: whether a place has that name among its aliases (see ``_variant``).
    ``supported``: ids of the groups the text places otherwise (a town "at the front" of the war).
    ``judge``: ids of the groups to judge (default: all; the others still lend support).

    Returns the ids of the groups whose common-word mentions are no toponyms (the others stay).
    """
    weak_words: set[int] = set()
    named = {h.choice.country for h in glist if h.choice is not None and h.choice.kind is PlaceKind.COUNTRY}
    for g in glist if judge is None else [g for g in glist if id(g) in judge]:
        # "The Caspian Pipeline Consortium ... across the Caspian": the name's plain use is judged, not its part
        m = next((x for x in g.mentions if x.weak != "name-part"), g.mentions[0])
        c = g.choice
        if c is None or g.forced is not None or m.reason not in _RECOGNISED or g.method.startswith("coarsened"):
            continue
        if m.reason == "metonymy" and c.kind in MINOR_KINDS and c.feature_code not in ("PPLC", "PPLA"):
            reject(g)  # only governments act for a place ("Moscow denied"): "Baine said" is a person
            continue
        limit = _PROMINENT[m.weak]
        if m.weak == "name-part":  # Ohio Senate yes, Artem Timofeev no: only a major place heads a name
            if _variant(g, is_called) or not (_prominent(g, limit, by_kind=False) or _firm_of_town(g, glist)):
                reject(g)
            continue
        if m.generic or (" " in m.name.removeprefix("The ")
                         and not all(x.weak == "allcaps" for x in g.mentions)):
            continue  # a name of several words is no chance reading, unless only a headline's capitals make it one
        variant = _variant(g, is_called)
        if variant and m.weak == "common-word" and c.kind is not PlaceKind.COUNTRY:
            reject(g)  # "Jewish" is no alias of a Russian oblast, "Ten" no abbreviation of Tennessee
            continue
        if m.weak == "initial" and c.kind is not PlaceKind.COUNTRY and normalize(c.name) != normalize(m.name) \
                and not (is_called is not None and is_called(c.place_id, m.name)):
            reject(g)  # a sentence's "Lorry drivers" is no other spelling of Loṙi (a French hamlet is Lorry)
            continue
        # A bare word that only a district is called (Kinney for Kinney County) is a surname more often.
        bare_district = c.kind is PlaceKind.DISTRICT and skeleton(_CITY_UNIT.sub("", c.name)) != skeleton(m.name)
        town = seat_called(g, c, m.name, is_called, big=TOWN_POP) if bare_district and m.weak in _PLAIN \
            and word_frequency(m.name) < _RARE_WORD_ZIPF else None
        if town is not None:  # "Roads to Mamlyut": the district's seat is called so too (Mamlyutka)
            g.runners = [c, *(p for p in g.runners if p is not town)]
            g.choice = c = town
            bare_district, variant = False, _variant(g, is_called)
        elif bare_district and m.weak == "cued" and c.country in _SEATLESS_DISTRICTS \
                and word_frequency(m.name) < _OBSCURE_ZIPF and _one_place_called(g, m.name, is_called):
            bare_district = False  # "men from Kadamjay", "the Sokh exclave": a Central Asian district whose seat
            # the gazetteer lacks, after a locative word; a rare name only that district is called
        minor = c.kind in MINOR_KINDS and (variant or not _prominent(g, limit)) and not (
            # A word English hardly uses (Tuapse, Aktau, Kstovo) is no surname or common word: a town of
            # 20,000 called so is the likely reading even with no other place of the text nearby.
            m.weak in _PLAIN and c.population >= OBSCURE_TOWN_POP and not variant
            and word_frequency(m.name) < _OBSCURE_ZIPF) and not (
            # "a tanker burned at Ust-Luga", "drones attacked Sudzha": a name English hardly uses, after a
            # locative word, that places of one country alone are called (as written, not as spelling variants)
            m.weak == "cued" and not variant and word_frequency(m.name) < _OBSCURE_ZIPF
            and _one_place_called(g, m.name, is_called))
        # A spelling variant needs its region or country named, or a place close by after a locative
        # word ("near Huliaipole and Orikhiv"): a name farther off may be as spurious.
        reach = _SUPPORT_KM if not variant else _VARIANT_KM if m.weak == "cued" or _romanised(g) else 0.0
        if bare_district or (minor and id(g) not in supported and not has_support(
                g, glist, near=reach, town=_romanised(g),
                # a curated site (an oil field, an air base) is named for itself: its country suffices
                small=not variant and (_rare_cued(g, named) or c.kind is PlaceKind.FACILITY))):
            reject(g)
        elif id(g) not in supported and any(x.weak == "common-word" for x in g.mentions) \
                and not _major_called(c, m.name) and not any(
                _major(p) and normalize(p.name) == normalize(m.name) for p in g.candidates):
            # "Lincoln", "Hope": only a major place's name (Paris, Dublin) is read as one anyway; where
            # the text also uses it plainly ("in Hope"), only the doubtful mentions go.
            if all(x.weak == "common-word" for x in g.mentions):
                reject(g)
            else:
                weak_words.add(id(g))
    return weak_words


def bigger_namesakes(glist: list[_Group]) -> set[int]:
    """Give a name whose chosen reading was just rejected as unsupported its biggest town of the name as
    written that outranks the rejected one ("over Belgorod, Voronezh and Romny": the text's Russian
    neighbours make a Russian hamlet Romny the choice; Romny, a Ukrainian town of 38,000, is the name).
    Only for a name a locative word calls a place somewhere in the text ("Moore" of a list of persons, the
    "Independence Seaport Museum" stay dropped). Returns the ids of the groups given one,
    to be judged again (``drop_unsupported(..., judge=...)``)."""
    out: set[int] = set()
    for g in glist:
        if g.method != "unsupported" or not g.runners or g.forced is not None \
                or not any(m.weak == "cued" for m in g.mentions):
            continue
        rejected, key = g.runners[0], normalize(g.mentions[0].name)
        bigger = [p for p in g.runners[1:] if p.kind is PlaceKind.POPULATED and normalize(p.name) == key
                  and p.population > max(rejected.population, OBSCURE_TOWN_POP)]
        if bigger:
            g.choice = max(bigger, key=lambda p: p.population)
            g.runners = [p for p in g.runners if p is not g.choice]
            g.confidence, g.method = _SECOND_CONFIDENCE, "bigger-namesake"
            out.add(id(g))
    return out
