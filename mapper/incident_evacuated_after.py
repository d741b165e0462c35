"""Sentences told right after a strike. An evacuation told right after a strike with no place of its own
("A drone attack set fire to an oil depot in X. About 1,000 residents of nearby houses were evacuated, he
said."): the people were moved from around the site just struck, on the strike's day. A flight home for people
stranded when a war stopped flights ("after regular flights to the Gulf were suspended because of the conflict"):
an evacuation, not a return. Damage "in the X district" told right after a strike on a city, the district placed
far from it, is that city's district (a city district of the same name elsewhere), not a second strike."""

from __future__ import annotations

import dataclasses
import re

from mapper.geo import haversine_km
from mapper.incident_merge import Candidate
from mapper.lexicon import Trigger
from mapper.model import Figure, IncidentType, Precision


def evacuated_after(art_id: str, i: int, trig: list[Trigger], out: list[Candidate],
                    figures: list[Figure]) -> list[Candidate]:
    """An evacuation in sentence ``i`` (which names no place) of a counted group, at the strike the sentence just
    before told (``out``: the events made so far; ``figures``: the sentence's counts)."""
    if not out or not any(t.type == "migration" and t.subtype == "evacuation" for t in trig):
        return []
    prev = out[-1]
    people = [f for f in figures if f.unit == "people"]
    if (prev.subtype != "strike" or prev.type is IncidentType.MIGRATION or not prev.locs or not people
            or i - max(prev.sents) != 1):
        return []
    return [Candidate(IncidentType.MIGRATION, "evacuation", [dataclasses.replace(loc) for loc in prev.locs],
                      prev.date, prev.date_src, people, prev.status, [],
                      ["migration evacuation from around the strike told just before"], art_id, {i})]


# "after regular flights to the Gulf were suspended because of the conflict between Israel and Iran"
_FLIGHTS_STOPPED = re.compile(r"\b(?:flights?|airspace|air\s+traffic)\b[^.;]{0,60}?\b(?:suspended|cancell?ed|closed|"
                              r"halted|grounded)\b[^.;]{0,20}?\b(?:because\s+of|due\s+to|amid|over|after)\s+"
                              r"(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:war|conflict|fighting|strikes|attacks|escalation|"
                              r"hostilities)\b", re.I)


def stranded_by_war(c: Candidate, text: str, s: int, e: int) -> None:
    """Make a return told in ``text[s:e]`` an evacuation when the sentence says a war stopped the flights."""
    if c.type is IncidentType.MIGRATION and c.subtype == "return" and _FLIGHTS_STOPPED.search(text, s, e):
        c.subtype = "evacuation"
        c.rules.append("evacuation: flown home when a war stopped the flights")


_FAR_KM = 30.0  # a district this far from the city struck just before is another city's district of that name


def district_of_the_city(made: list[Candidate], out: list[Candidate], i: int, trig: list[Trigger],
                         paragraph_goes_on: bool) -> list[Candidate]:
    """``made`` without a damage-only strike in sentence ``i`` at districts placed far from the city the strike
    just before was at ("Russian drones struck Kharkiv overnight. Buildings were damaged in the Kyivskyi
    district."): that sentence tells the strike before, which takes it."""
    if not out or not paragraph_goes_on or i - max(out[-1].sents) != 1 or out[-1].subtype != "strike":
        return made
    prev = out[-1]
    cities = [loc for loc in prev.locs if loc.precision is Precision.POINT]
    if not cities or not all(t.term.startswith("damag") for t in trig if t.type != "migration" and t.subtype):
        return made
    kept = []
    for c in made:
        if (c.type is prev.type and c.subtype == "strike" and c.locs
                and all(loc.name.lower().endswith(" district") and all(
                    haversine_km((loc.lat, loc.lon), (city.lat, city.lon)) > _FAR_KM for city in cities)
                        for loc in c.locs)):
            prev.sents.add(i)
            prev.figures += [f for f in c.figures if all((f.value, f.unit) != (g.value, g.unit) for g in prev.figures)]
            continue
        kept.append(c)
    return kept
