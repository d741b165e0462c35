"""Airports and air bases from the PyPI package ``airportsdata`` (MIT; data from github.com/mwgg/Airports).

Loaded: every airport with an IATA code (the ones with scheduled flights) and every military field
(Air Base, Air Station, RAF ..., Airfield, Aerodrome), as facility places named by their full names,
with the forms news use derived from them ("Kastrup Airport", "Copenhagen Airport", "Saki airbase").
Never a bare city name, never an IATA or ICAO code: those collide with words.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from importlib import resources
from importlib.metadata import version

from mapper.gazetteer.base import DERIVED, MAIN
from mapper.gazetteer.entry import Entry
from mapper.geo import haversine_km
from mapper.model import Place, PlaceKind
from mapper.names import normalize

# A military field: these words in its name (the package's names are English).
_MILITARY = re.compile(r"\b(?:air ?base|air station|air force|naval air|army air|military|AB|RAF|CFB|RNAS|"
                       r"MCAS|NAS|JB|AFB)\b", re.I)
_FIELD = re.compile(r"\b(?:airfield|aerodrome|air field)\b", re.I)
# A name says what it is with one of these words; other names ("Kabwum", "Corn Island") are bare
# town or island names, so they are left out rather than shadow the place they are named after.
_GENERIC = re.compile(r"\b(?:airports?|airfield|aerodrome|air ?base|air station|airstrip|air field|airpark|"
                      r"field|base|station|air facility)$|^(?:RAF|CFB|RNAS|NAS|MCAS|JB)\s", re.I)
_INTL = re.compile(r"\bIntl\b\.?")
_INTERNATIONAL = re.compile(r"\s+International(?=\s+Airport$)", re.I)
_AIR_BASE = re.compile(r"\s+(?:Air ?Base)$", re.I)
# Words after a city name that do not make a name of their own: "London City Airport" is no "City Airport".
_NOT_A_NAME = {"international", "regional", "municipal", "county", "city", "metropolitan", "national", "airport",
               "air", "executive", "downtown", "central", "domestic", "new", "old", "north", "south", "east",
               "west", "intercontinental", "general", "memorial"}
_COMMON_ZIPF = 4.0  # as mapper.cues.COMMON_WORD_ZIPF: about once in 10,000 words


def selected(airports: dict[str, dict]) -> list[dict]:
    """The airports loaded: those with an IATA code, and military fields, named with a generic word."""
    out = []
    for a in airports.values():
        name = _INTL.sub("International", a["name"]).strip()
        if not (a["iata"] or _MILITARY.search(name) or _FIELD.search(name)) or "/" in name \
                or not _GENERIC.search(name):
            continue
        out.append({**a, "name": name})
    return out


def _code(name: str) -> str:
    return "AIRB" if _MILITARY.search(name) else "AIRF" if _FIELD.search(name) else "AIRP"


def main_airports(airports: Iterable[dict], centre: Callable[[str, str], Place | None],
                  metro: dict[tuple[str, str], str]) -> set[str]:
    """ICAO codes of the airports that are their city's main one, so that "<city> Airport" names them.

    A city's main airport (among its civil ones with an IATA code): the one whose code IATA gives the
    whole city (``iata_macs.csv``: OSL is Gardermoen; a city whose code is none of its airports', as
    MOW or STO, has none); else its only one; else one at most half as far from the city's centre
    as any other (Kastrup, not Roskilde, for Copenhagen); else its only one called "International".
    """
    by_city: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for a in airports:
        if a["iata"] and a["city"] and _code(a["name"]) == "AIRP":
            by_city[(a["country"], normalize(a["city"]))].append(a)
    out = set()
    for (country, city), group in by_city.items():
        if (country, city) in metro:
            group = [a for a in group if a["iata"] == metro[(country, city)]]
        elif len(group) > 1 and (c := centre(country, city)) is not None:
            far = sorted(group, key=lambda a: haversine_km((c.lat, c.lon), (a["lat"], a["lon"])))
            d0, d1 = (haversine_km((c.lat, c.lon), (a["lat"], a["lon"])) for a in far[:2])
            group = far[:1] if d0 * 2 <= d1 else [a for a in group if "international" in a["name"].lower()]
        if len(group) == 1:
            out.add(group[0]["icao"])
    return out


def _metro_codes() -> dict[tuple[str, str], str]:
    """IATA's code of each city that has several airports, by (country, normalised city name)."""
    import airportsdata

    path = resources.files(airportsdata) / "iata_macs.csv"
    with path.open(encoding="utf-8") as f:
        return {(r["Country"], normalize(r["City Name"])): r["City Code"] for r in csv.DictReader(f)}


def _own_name(word: str) -> bool:
    """Whether a word after the city's name names the airport on its own: "Kastrup", not "Army", "Bay", "A"."""
    from wordfreq import zipf_frequency

    return (word[:1].isupper() and word.replace("-", "").replace("'", "").isalpha()
            and normalize(word) not in _NOT_A_NAME and zipf_frequency(normalize(word), "en") < _COMMON_ZIPF)


def derived_names(a: dict, main: bool) -> list[str]:
    """The forms news give an airport's name.

    >>> derived_names({"name": "Copenhagen Kastrup Airport", "city": "Copenhagen"}, True)
    ['Kastrup Airport', 'Copenhagen Airport']
    >>> derived_names({"name": "Saki Air Base", "city": "Saki"}, False)
    ['Saki airbase', 'Saki airfield']
    """
    name, city = a["name"], a["city"]
    out = []
    short = _INTERNATIONAL.sub("", name)
    if short != name:
        out.append(short)  # "Vilnius International Airport" -> "Vilnius Airport"
    head = _AIR_BASE.sub("", name)
    if head != name:
        out += [f"{head} airbase", f"{head} airfield"]
    elif name.lower().endswith(" airbase"):
        out.append(name[:-8] + " air base")
    words = short.split()
    if city and len(words) >= 3 and normalize(" ".join(words[:len(city.split())])) == normalize(city):
        rest = words[len(city.split()):]  # "Copenhagen Kastrup Airport" -> "Kastrup Airport"
        if _own_name(rest[0]):
            out.append(" ".join(rest))
    if main and city and _code(name) == "AIRP":
        out.append(f"{city} Airport")
    return [n for n in dict.fromkeys(out) if n != name]


class _Nearest:
    """The nearest populated place of a country, on a one-degree grid."""

    def __init__(self, places: Iterable[Entry]) -> None:
        self.cells: dict[tuple[str, int, int], list[Place]] = defaultdict(list)
        for e in places:
            p = e.place
            self.cells[(p.country, int(p.lat // 1), int(p.lon // 1))].append(p)

    def __call__(self, country: str, lat: float, lon: float) -> Place | None:
        i, j = int(lat // 1), int(lon // 1)
        near = [p for di in (-1, 0, 1) for dj in (-1, 0, 1) for p in self.cells.get((country, i + di, j + dj), ())]
        return min(near, key=lambda p: (p.lat - lat) ** 2 + (p.lon - lon) ** 2, default=None)


#: Places prominent enough to take an "<X> Airport" name from an airport far from them ...
_PROMINENT_POPULATION = 100_000
_AREAS = (PlaceKind.CONTINENT, PlaceKind.COUNTRY, PlaceKind.REGION, PlaceKind.AREA)
#: ... beyond this distance: "Cairo airport" is Egypt's, not Cairo, Illinois'.
_SHADOW_KM = 150.0
_AIRPORT_WORD = re.compile(r"\s+airport$", re.I)


def _prominence(p: Place) -> int:
    return 10**10 if p.kind is PlaceKind.CONTINENT else p.population


class _Shadows:
    """Prominent places by name (continents, countries, first-level regions, towns of 100,000; not counties:
    a text says "Hamilton County"), to tell
    when an airport's "<X> Airport" name would read a text's "X airport" as a field far from the X it means."""

    def __init__(self, places: Iterable[Entry]) -> None:
        self.by_name: dict[str, list[Place]] = defaultdict(list)
        for e in places:
            p = e.place
            if p.kind in _AREAS or (p.kind is PlaceKind.POPULATED and p.population >= _PROMINENT_POPULATION):
                for name, cls in e.names.items():
                    if cls == MAIN:  # not aliases: Chattogram's old name Islamabad shadows no airport
                        self.by_name[normalize(name)].append(p)

    def __call__(self, name: str, lat: float, lon: float, country: str) -> bool:
        """Whether ``name`` ("Bali Airport") is "X Airport" where a more populous X than any near the
        airport lies far from it abroad (Manchester's airport keeps its name, London, Ontario's does not)."""
        head = _AIRPORT_WORD.sub("", name)
        named = self.by_name.get(normalize(head), []) if head != name else []
        near, far = [], []
        for p in named:
            if haversine_km((p.lat, p.lon), (lat, lon)) <= _SHADOW_KM:
                near.append(p)
            elif p.country != country:  # at home, the airport's own region or a rival town: the text decides
                far.append(p)
        return bool(far) and max(map(_prominence, far)) > max(map(_prominence, near), default=-1)


def airport_entries(cities: Iterable[Entry], countries: set[str], places: Iterable[Entry] = ()) -> list[Entry]:
    """The airports and air bases of ``airportsdata`` as facility entries (id ``airportsdata:<ICAO>``), with
    the first-level subdivision of the nearest cities500 place of the same country.

    An airport called "<X> Airport" where X also names a prominent place (of ``places`` or ``cities``) far
    from it is left out ("Bali Airport" in Cameroon: news "Bali airport" is Denpasar's), and no derived
    "<X> Airport" name is given so ("Cairo Airport" for Cairo, Illinois).
    """
    import airportsdata

    release = version("airportsdata")
    cities = list(cities)
    shadowed = _Shadows([*cities, *places])
    airports = [a for a in selected(airportsdata.load()) if a["country"] in countries
                and not shadowed(a["name"], a["lat"], a["lon"], a["country"])]
    biggest: dict[tuple[str, str], Place] = {}
    for e in cities:
        key = (e.place.country, normalize(e.place.name))
        if key not in biggest or e.place.population > biggest[key].population:
            biggest[key] = e.place
    main = main_airports(airports, lambda country, city: biggest.get((country, city)), _metro_codes())
    nearest = _Nearest(cities)
    out = []
    for a in airports:
        near = nearest(a["country"], a["lat"], a["lon"])
        code = _code(a["name"])
        place = Place(place_id=f"airportsdata:{a['icao']}", name=a["name"], kind=PlaceKind.FACILITY,
                      lat=round(a["lat"], 5), lon=round(a["lon"], 5), country=a["country"],
                      admin1=near.admin1 if near else "", admin1_name=near.admin1_name if near else "",
                      feature_class="S", feature_code=code,
                      source=f"airportsdata {release} {a['icao']} (github.com/mwgg/Airports, MIT)")
        e = Entry(place, {place.name: MAIN})
        for name in derived_names(a, a["icao"] in main):
            if not shadowed(name, a["lat"], a["lon"], a["country"]):
                e.add(name, DERIVED)
        out.append(e)
    return out
