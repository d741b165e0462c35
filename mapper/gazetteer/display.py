"""English display names for subdivisions whose GeoNames name is a local romanisation
("Mangghystaū oblysy" -> "Mangystau Region", "Ivanovskaya oblast'" -> "Ivanovo Oblast").

Only names the installed data already holds are used; ids, ranking and lookup never change.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from mapper.model import Incident, Place, PlaceKind, Resolution
from mapper.names import normalize, skeleton

# The English generic words of an English form among the aliases ("Karaganda Region", "Moscow Oblast").
_ENGLISH = ("Oblast", "Region", "Krai", "Province", "District", "Republic", "Governorate", "Okrug")
_ENGLISH_FORM = re.compile(r"^[A-Z][A-Za-z-]+(?: [A-Z][A-Za-z-]+)* (?:" + "|".join(_ENGLISH) + ")$")
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z-]+(?: [A-Z][A-Za-z-]+)*$")
# A local generic word at the end of a name -> the English word; "Region" where English usage says
# region for an oblast (Kazakhstan, Kyrgyzstan, Tajikistan, Uzbekistan, Turkmenistan, Belarus).
_LOCAL = {"oblast": "Oblast", "oblysy": "Region", "oblys": "Region", "voblasts": "Region", "voblasc": "Region",
          "viloyati": "Region", "kray": "Krai", "krai": "Krai", "rayon": "District", "raion": "District",
          "audany": "District", "tumani": "District"}
_ADJECTIVE = re.compile(r"(?:sk|ck|zk|ts)(?:aya|iy|ij|yy|yi|a|ogo)$|'skiy$", re.IGNORECASE)
# Words that mark a name as a local form (an English alias may then replace it).
_LOCAL_WORDS = frozenset(_LOCAL) | {"respublika", "respublikasi", "okrug", "shaary", "shahri", "qalasy",
                                    "avtonomnyy", "avtonomnaya", "gorodskoy", "gorodskaya"}
_REGION_COUNTRIES = frozenset({"KZ", "KG", "TJ", "UZ", "TM", "BY"})

#: (name, region place) -> the name of a populated place of that region spelt so, or None.
TownLookup = Callable[[str, Place], "str | None"]


def english_name(place: Place, names: Sequence[str], town_named: TownLookup | None = None) -> str:
    """The name to show for ``place``: an English form if the data has one, else its GeoNames name.

    ``names`` are all its names, main name first (``SqliteGazetteer.names``). In order: an alias
    already in English form ("Kharkiv Oblast"); for a name ending in a local generic word, the rest
    of it as a plain-Latin alias spells it ("Mangystau" for "Mangghystaū") or as a town of the
    region is called ("Ivanovo" for "Ivanovskaya"), with the English generic word.

    >>> p = Place("geonames:608879", "Mangghystaū oblysy", PlaceKind.REGION, 44.3, 52.5, "KZ", "09")
    >>> english_name(p, ["Mangghystaū oblysy", "Mangistauskaya Oblast’", "Mangystau", "Маңғыстау"])
    'Mangystau Region'
    >>> english_name(p, ["Mangghystaū oblysy", "Маңғыстау"])  # nothing English: the GeoNames name
    'Mangghystaū oblysy'
    >>> us = Place("geonames:5332921", "California", PlaceKind.REGION, 37.3, -119.7, "US", "CA")
    >>> english_name(us, ["California", "California Republic"])  # an English name stays as it is
    'California'
    >>> r = Place("geonames:555235", "Ivanovskaya oblast'", PlaceKind.REGION, 57.0, 41.5, "RU", "21")
    >>> seat = {"Иваново": "Ivanovo"}.get  # the region's seat, as town_lookup() finds it
    >>> english_name(r, ["Ivanovskaya oblast'", "Ivanovskaya", "Иваново"], lambda n, _: seat(n))
    'Ivanovo Oblast'
    """
    if place.kind not in (PlaceKind.REGION, PlaceKind.DISTRICT) or _ENGLISH_FORM.match(place.name):
        return place.name
    local = {normalize(w) for w in place.name.replace(",", " ").split()} & _LOCAL_WORDS
    # "California", "Jerusalem": English already, whatever the aliases; but GeoNames writes Central
    # Asia's provinces in national romanisation ("Toshkent", "Samarqand"), which English does not use.
    if not local and place.name.isascii() and place.country not in _REGION_COUNTRIES:
        return place.name
    english = [n for n in names[1:]  # an adjective is no English name ("Gomelskaya Oblast")
               if _ENGLISH_FORM.match(n) and not _ADJECTIVE.search(n.rsplit(" ", 1)[0])]
    if english:  # the one spelt like the name itself, if any: "Minsk Oblast" over a former name
        main = skeleton(place.name.replace(",", " ").split()[0])
        return min(english, key=lambda n: skeleton(n.split()[0]) != main)
    words = place.name.split()
    generic = _LOCAL.get(normalize(words[-1])) if len(words) > 1 else None
    if generic is None:
        return place.name
    if generic == "Oblast" and place.country in _REGION_COUNTRIES:
        generic = "Region"
    stem = " ".join(words[:-1])
    if not _ADJECTIVE.search(stem):  # "Ivanovskaya" is no name of its own: English says "Ivanovo Oblast"
        for name in names[1:]:
            if _LATIN_NAME.match(name) and skeleton(name) == skeleton(stem):
                return f"{name} {generic}"
    if town_named is not None and place.kind is PlaceKind.REGION:
        for name in dict.fromkeys(names):
            town = town_named(name, place)
            if town:
                return f"{town} {generic}"
    return place.name


def seat_named(gazetteer: Any, name: str, region: Place, *, spelt: bool = True) -> Place | None:
    """The seat of the region (PPLA, PPLC) called ``name`` ("Oryol" of the Oryol Oblast), if any; ``spelt``:
    only where its gazetteer name is spelt so too (not "Orël")."""
    key = skeleton(name)
    for c in gazetteer.candidates(name, country=region.country, kind=PlaceKind.POPULATED, limit=5):
        if c.admin1 == region.admin1 and c.feature_code in ("PPLA", "PPLC") and (not spelt or skeleton(c.name) == key):
            return c
    return None


def town_lookup(gazetteer: Any) -> TownLookup:
    """A :data:`TownLookup` over a gazetteer: the seat of the region (PPLA, PPLC) spelt as the name."""

    def town_named(name: str, region: Place) -> str | None:
        seat = seat_named(gazetteer, name, region)
        return seat.name if seat else None

    return town_named


class DisplayNames:
    """Display names of places and of their first-level subdivisions over one gazetteer, cached.

    Call :meth:`prefetch` with the places to be shown first: their names are then read in one pass.
    """

    def __init__(self, gazetteer: Any) -> None:
        self.gazetteer = gazetteer
        self._town = town_lookup(gazetteer)
        self._names: dict[str, list[str]] = {}
        self._shown: dict[str, tuple[str, str]] = {}  # place id -> (gazetteer name, display name)
        self._regions: dict[tuple[str, str], Place | None] = {}

    def prefetch(self, places: Iterable[Place]) -> None:
        """Read the names of these places and of their subdivisions, where a display name needs them."""
        places = list(places)
        regions = [self._region(p) for p in places if p.admin1_name]
        need = {q.place_id for q in (*places, *regions) if q is not None and _needs_names(q)} - set(self._names)
        if need:
            self._names.update(self._names_of(need))

    def _names_of(self, place_ids: Iterable[str]) -> dict[str, list[str]]:
        if hasattr(self.gazetteer, "names_of"):
            return self.gazetteer.names_of(place_ids)
        return {pid: [] for pid in place_ids}

    def _region(self, p: Place) -> Place | None:
        key = (p.country, p.admin1)
        if key not in self._regions:
            found = [c for c in self.gazetteer.candidates(p.admin1_name, country=p.country, kind=PlaceKind.REGION,
                                                          limit=5) if c.admin1 == p.admin1]
            self._regions[key] = found[0] if found else None
        return self._regions[key]

    def name(self, p: Place) -> str:
        """The place's display name."""
        if p.place_id not in self._shown:
            if _needs_names(p) and p.place_id not in self._names:
                self._names.update(self._names_of([p.place_id]))
            names = self._names.get(p.place_id) or [p.name]
            self._shown[p.place_id] = (p.name, english_name(p, names, self._town))
        return self._shown[p.place_id][1]

    def admin1(self, p: Place) -> str:
        """The display name of the place's first-level subdivision ("" when unknown); a region is its own."""
        if p.kind is PlaceKind.REGION and p.admin1 and not p.source.startswith("nominatim"):
            return self.name(p)
        if not p.admin1_name:
            return p.admin1_name
        region = self._region(p)
        return self.name(region) if region is not None else p.admin1_name

    def place(self, p: Place) -> Place:
        """The place with its display name and subdivision name (the same value when they do not change)."""
        name, admin1 = self.name(p), self.admin1(p)
        return p if (name, admin1) == (p.name, p.admin1_name) else dataclasses.replace(p, name=name,
                                                                                       admin1_name=admin1)

    def location_name(self, place_id: str, written: str) -> str:
        """An incident location's name: the display name where it carries the gazetteer's own."""
        if place_id not in self._shown:
            known = self.gazetteer.get(place_id)
            if known is None:
                return written
            self.name(known)
        original, display = self._shown[place_id]
        return display if written == original else written


def _needs_names(p: Place) -> bool:
    """Only a subdivision not already named in English can get another display name."""
    return p.kind in (PlaceKind.REGION, PlaceKind.DISTRICT) and not _ENGLISH_FORM.match(p.name)


def for_display(incidents: Iterable[Incident], resolutions: Iterable[Resolution],
                gazetteer: Any) -> tuple[list[Incident], list[Resolution]]:
    """The incidents and resolutions with places (and their first-level subdivision) named for display.

    An incident location named as the article wrote it ("Mangistau Region") keeps that name; one that
    carries the gazetteer's name (a village coarsened to its region) gets the display name.
    """
    incidents, resolutions = list(incidents), list(resolutions)
    names = DisplayNames(gazetteer)
    located = (gazetteer.get(pid) for pid in {loc.place_id for inc in incidents for loc in inc.locations})
    names.prefetch([*(r.place for r in resolutions if r.place is not None), *filter(None, located)])
    out_res = [r if r.place is None or names.place(r.place) is r.place
               else dataclasses.replace(r, place=names.place(r.place)) for r in resolutions]
    out_inc = []
    for inc in incidents:
        locs = tuple(dataclasses.replace(loc, name=names.location_name(loc.place_id, loc.name))
                     for loc in inc.locations)
        out_inc.append(inc if locs == inc.locations else dataclasses.replace(inc, locations=locs))
    return out_inc, out_res


def admin1_names(incidents: Iterable[Incident], gazetteer: Any) -> dict[str, str]:
    """Place id -> display name of its first-level subdivision, for each incident location (the CSV's
    ``admin1`` column when no resolutions are at hand, as in ``mapper incidents --format csv``)."""
    names = DisplayNames(gazetteer)
    places = {pid: gazetteer.get(pid) for pid in {loc.place_id for inc in incidents for loc in inc.locations}}
    names.prefetch(p for p in places.values() if p is not None)
    return {pid: names.admin1(p) if p is not None else "" for pid, p in places.items()}
