"""The Gazetteer protocol every implementation satisfies, and the shared candidate ranking."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol, runtime_checkable

from mapper.errors import InputError
from mapper.memo import Remembered
from mapper.model import Place, PlaceKind
from mapper.names import normalize, skeleton, strip_generic

#: (min_lat, min_lon, max_lat, max_lon)
BBox = tuple[float, float, float, float]
#: (lat, lon)
LatLon = tuple[float, float]

#: How a name row relates to its place: its main name, a source alias, or an alias we derived.
MAIN, ALIAS, DERIVED = 0, 1, 2


#: What a word opens in a name index (:func:`word_state`).
NAME, PREFIX = 2, 1


def word_state(word: str, is_name: Callable[[str], bool], has_prefix: Callable[[str], bool]) -> int:
    """``NAME`` when the word's key is a name, ``PREFIX`` when it only starts some, else 0."""
    key = skeleton(word)
    if not key:
        return 0
    return NAME if is_name(key) else PREFIX if has_prefix(key) else 0


@runtime_checkable
class NameIndex(Protocol):
    """Every name key (``mapper.names.skeleton``) the gazetteer knows, for recognition in text."""

    def __contains__(self, key: object) -> bool: ...

    def has_keys_with_prefix(self, prefix: str) -> bool: ...


class TrieIndex:
    """A NameIndex over a marisa-trie, without the trie's deprecated ``has_keys_with_prefix``.

    Prefix answers are remembered (up to ``_MAX_PREFIXES``): recognition asks the same few
    thousand prefixes (The, New, President...) in every article; so are answers to :meth:`is_name`
    and :meth:`word_state`.
    """

    __slots__ = ("trie", "_prefixes", "_names", "_words", "is_name", "word_state")
    _MAX_PREFIXES = 200_000

    def __init__(self, trie: Any) -> None:
        self.trie = trie
        self._prefixes: dict[str, bool] = {}
        self._names: Remembered[str, bool] = Remembered(trie.__contains__, self._MAX_PREFIXES)
        self._words: Remembered[str, int] = Remembered(
            lambda word: word_state(word, self.is_name, self.has_keys_with_prefix), self._MAX_PREFIXES)
        #: ``key in self``, remembered (a remembered answer is a plain dict look-up).
        self.is_name: Callable[[str], bool] = self._names.__getitem__
        #: What a word as written opens, remembered: ``NAME`` (its key is a name), ``PREFIX`` (only the
        #: start of some), or 0 (neither, or no key at all).
        self.word_state: Callable[[str], int] = self._words.__getitem__

    def __contains__(self, key: object) -> bool:
        return key in self.trie

    def has_keys_with_prefix(self, prefix: str) -> bool:
        """Whether some key starts with ``prefix``."""
        known = self._prefixes.get(prefix)
        if known is None:
            if len(self._prefixes) >= self._MAX_PREFIXES:
                self._prefixes.clear()
            known = self._prefixes[prefix] = next(iter(self.trie.iterkeys(prefix)), None) is not None
        return known

    def keys(self, prefix: str = "") -> list[str]:
        """Every key starting with ``prefix``."""
        return self.trie.keys(prefix)

    def __len__(self) -> int:
        return len(self.trie)


@runtime_checkable
class Gazetteer(Protocol):
    """Look places up by name and by id. Implementations: sqlite (shipped), memory, online fallback."""

    def candidates(self, name: str, *, country: str | None = None, kind: PlaceKind | None = None,
                   near: LatLon | None = None, bbox: BBox | None = None,
                   limit: int | None = None) -> list[Place]:
        """Places called ``name`` (any alias or variant), best prior first; ``[]`` when none."""
        ...

    def get(self, place_id: str) -> Place | None:
        """The place with this id, or ``None``."""
        ...

    def name_index(self) -> NameIndex:
        """The set of name keys, cheap to open, for the recogniser."""
        ...


@dataclass(frozen=True, slots=True)
class NameMatch:
    """One name row that matched a lookup key: the place, the surface name and its class."""

    place: Place
    name: str
    cls: int  # MAIN, ALIAS or DERIVED


@dataclass(frozen=True, slots=True)
class Query:
    """A checked lookup: the keys to try and how to rank what they find."""

    text: str
    keys: tuple[str, ...]  # skeleton of the full name, then of the name without its generic word
    norms: tuple[str, ...]  # normalize() of the same two forms
    generic: PlaceKind | None  # kind named by a generic word ("Karakiyan district" -> DISTRICT)
    written: int  # how many leading forms keep the generic word (the last one drops it when there is one)
    country: str | None
    kind: PlaceKind | None
    near: LatLon | None
    bbox: BBox | None
    limit: int | None


# A country known by a name only through an alias comes after a city of this size whose own name it is.
CITY_OVER_ALIAS_POP = 50_000
_ALIAS_COUNTRY_COST = 4.0
_KIND_WEIGHT = {PlaceKind.CONTINENT: 4.0, PlaceKind.COUNTRY: 4.0, PlaceKind.REGION: 2.5,
                PlaceKind.AREA: 1.5, PlaceKind.DISTRICT: 0.5, PlaceKind.FACILITY: 1.0,
                PlaceKind.PHYSICAL: 1.0, PlaceKind.POPULATED: 0.0}
# Oceans, seas and gulfs have no population to rank them by, yet they are what their bare name means
# ("the Pacific", "North Sea") before a small town named after them; so are the large islands (the
# gazetteer's islands are the 50 largest and a few others news name): Luzon before a village of 3,000,
# yet New Britain, Connecticut (73,000) before the island of Papua New Guinea.
_CODE_WEIGHT = {"PPLC": 1.5, "PPLA": 0.8, "PPLA2": 0.3, "OCN": 3.0, "SEA": 1.5, "GULF": 1.0, "ISL": 0.6}
_MATCH_WEIGHT = {MAIN: 3.0, ALIAS: 2.0, DERIVED: 1.0}
_CC = re.compile(r"^[A-Za-z]{2}$")


def parse_kind(kind: PlaceKind | str | None) -> PlaceKind | None:
    """A PlaceKind from its value or name (``"district"``, ``"populated place"``, ``"POPULATED"``).

    >>> parse_kind("populated_place")
    <PlaceKind.POPULATED: 'populated place'>
    """
    if kind is None or isinstance(kind, PlaceKind):
        return kind
    text = str(kind).strip().lower().replace("_", " ").replace("-", " ")
    for member in PlaceKind:
        if text in (member.value, member.name.lower()):
            return member
    valid = ", ".join(m.value for m in PlaceKind)
    raise InputError(f"unknown place kind {kind!r}; expected one of: {valid}")


def check_country(country: str | None, known: Collection[str] = ()) -> str | None:
    """Upper-cased ISO 3166-1 alpha-2 code; InputError for a malformed or (given ``known``) unknown one."""
    if country is None or country == "":
        return None
    if not isinstance(country, str) or not _CC.match(country.strip()):
        raise InputError(f"country must be a two-letter ISO 3166-1 code such as 'KZ', got {country!r}")
    code = country.strip().upper()
    if known and code not in known:
        raise InputError(f"unknown country code {country!r}")
    return code


def check_latlon(point: LatLon | None, what: str = "near") -> LatLon | None:
    """A (lat, lon) pair in range, or InputError."""
    if point is None:
        return None
    try:
        lat, lon = (float(v) for v in point)
    except (TypeError, ValueError):
        raise InputError(f"{what} must be a (lat, lon) pair of numbers, got {point!r}") from None
    if not (math.isfinite(lat) and -90 <= lat <= 90 and math.isfinite(lon) and -180 <= lon <= 180):
        raise InputError(f"{what}: latitude must be in [-90, 90] and longitude in [-180, 180], "
                         f"got {lat}, {lon}")
    return lat, lon


def make_query(name: str, *, country: str | None = None, kind: PlaceKind | str | None = None,
               near: LatLon | None = None, bbox: BBox | None = None, limit: int | None = None,
               known_countries: Collection[str] = ()) -> Query:
    """Check a lookup's arguments and work out its keys; InputError for broken input.

    ``"the village of Ualy"`` is looked up as ``Ualy`` preferring populated places, and also as
    written (so ``Kansas City`` still finds the city).
    """
    if not isinstance(name, str) or not normalize(name):
        raise InputError(f"place name must be a non-empty string with letters or digits, got {name!r}")
    if bbox is not None:
        if len(bbox) != 4:
            raise InputError(f"bbox must be (min_lat, min_lon, max_lat, max_lon), got {bbox!r}")
        check_latlon(bbox[:2], "bbox")
        check_latlon(bbox[2:], "bbox")
        bbox = tuple(float(v) for v in bbox)  # type: ignore[assignment]
    if limit is not None and (not isinstance(limit, int) or limit < 1):
        raise InputError(f"limit must be a positive integer, got {limit!r}")
    keys, norms, generic = _forms(name)
    return Query(text=name, keys=keys, norms=norms, generic=generic,
                 written=len(keys) - 1 if generic and len(keys) > 1 else len(keys),
                 country=check_country(country, known_countries), kind=parse_kind(kind),
                 near=check_latlon(near), bbox=bbox, limit=limit)


_POSSESSIVE = re.compile(r"['’ʼ]s?$")
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
_COUNTY_ABBREVIATION = re.compile(r"\s+Co\.$")


@lru_cache(maxsize=100_000)
def _forms(name: str) -> tuple[tuple[str, ...], tuple[str, ...], PlaceKind | None]:
    """The forms of a query: as written, then without possessive, article and generic word."""
    text = _COUNTY_ABBREVIATION.sub(" County", name.strip())  # "Platte Co." is Platte County
    bare = _ARTICLE.sub("", _POSSESSIVE.sub("", text)) or text
    base, generic = strip_generic(bare)
    forms: list[str] = []
    for form in (text, bare, base):
        if form and skeleton(form) and form not in forms:
            forms.append(form)
    return (tuple(skeleton(f) for f in forms), tuple(normalize(f) for f in forms),
            PlaceKind(generic) if generic else None)


def prior(place: Place, cls: int | None) -> float:
    """Score of a place for a bare name, without context: match class, kind, rank, population.

    ``cls`` is how the name matched (MAIN, ALIAS, DERIVED), ``None`` for a transliteration
    variant only (same skeleton, different spelling), which adds nothing.
    """
    score = (_MATCH_WEIGHT[cls] if cls is not None else 0.0) + _KIND_WEIGHT[place.kind]
    score += _CODE_WEIGHT.get(place.feature_code, 0.0)
    if place.population > 0:
        # A subdivision's population (the sum of its places') only orders subdivisions among
        # themselves; it must not lift "Chelyabinsk" the region above Chelyabinsk the city.
        weight = 0.1 if place.kind in (PlaceKind.REGION, PlaceKind.DISTRICT) else 0.4
        score += weight * math.log10(place.population + 1)
    return score


def rank(query: Query, matches_by_form: list[list[NameMatch]]) -> list[Place]:
    """Filter and order the places found for each form of the query; the shared ranking.

    ``matches_by_form[i]`` holds the rows found under ``query.keys[i]``. With ``near`` the
    result is sorted by distance; otherwise by the prior, preferring the kind a generic word
    named ("Mangistau Region") unless the full name matched a place exactly.
    """
    best: dict[str, tuple[float, Place]] = {}
    by_main: set[str] = set()  # ids found under their main name
    full: set[str] = set()  # ids found under the name as written
    acronym = _acronym(query.text)
    # a word cut short with its full stop ("Va.", "Phila.") is an abbreviation: only names written so count
    abbreviation = query.text.endswith(".") and " " not in query.text.strip()
    exact_full = False
    for form, matches in enumerate(matches_by_form):
        for m in matches:
            if not _keep(query, m.place):
                continue
            # Exact normalised matches keep their class; a skeleton-only match (W.Va. ~ Wa) counts
            # for nothing beyond the place itself. A match of the generic-less form costs a little.
            cls = m.cls if normalize(m.name) == query.norms[form] else None
            if acronym and m.name.replace(".", "").replace(" ", "") != acronym:
                cls = None  # "EU" names the European Union, not the town of Eu
            if cls is None and abbreviation:
                continue  # "Va." is Virginia, not West Virginia (W.Va.) nor Wa; "Phila." not Port-Vila (Fila)
            if form < query.written:
                full.add(m.place.place_id)
                exact_full = exact_full or (cls is not None and cls <= ALIAS)
            score = prior(m.place, cls) - (0.25 if form else 0.0)
            if cls is not None and cls > MAIN and skeleton(m.place.name) == query.keys[form]:
                score += 0.5  # a spelling of the place's own name, not an old name of another (Sloviansk)
            if cls == MAIN:
                by_main.add(m.place.place_id)
            old = best.get(m.place.place_id)
            if old is None or score > old[0]:
                best[m.place.place_id] = (score, m.place)
    if any(p.kind is PlaceKind.POPULATED and p.population >= CITY_OVER_ALIAS_POP and pid in by_main
           for pid, (_, p) in best.items()):
        # "Uman" is the Ukrainian city's own name and only an alias of Oman: the city goes first
        best = {pid: (sc - _ALIAS_COUNTRY_COST if p.kind is PlaceKind.COUNTRY and pid not in by_main else sc, p)
                for pid, (sc, p) in best.items()}
    # A first-level unit abroad with fewer people than a city whose own name it is (Portland, Jamaica;
    # Gaza, Mozambique) comes right after that city, not before it as its kind alone would rank it.
    own = {} if query.generic else _own_cities(best, by_main, query.norms[0])
    if own:
        best = {pid: (_below_bigger_city(sc, p, own), p) for pid, (sc, p) in best.items()}
    # A name that exactly names a place as written ("Jefferson County", "Kansas City") means that
    # place: what only its generic-less form finds comes after, and the generic is no preference.
    prefer = None if exact_full else query.generic
    seats = {(p.country, p.admin1) for _, p in best.values()
             if p.kind is PlaceKind.POPULATED and p.feature_code in ("PPLC", "PPLA")}

    def city_like(p: Place) -> bool:
        # Kyiv, Moscow, Almaty are also first-level subdivisions holding the city of that name;
        # "Kyiv region" means the oblast around it, so such a city-region comes after it.
        return p.kind is PlaceKind.REGION and (p.country, p.admin1) in seats

    if query.near is not None:
        from geopy.distance import great_circle

        def key(item: tuple[float, Place]) -> tuple:
            return (great_circle(query.near, (item[1].lat, item[1].lon)).km, -item[0], item[1].place_id)
    else:
        def key(item: tuple[float, Place]) -> tuple:
            p = item[1]
            # For a bare name, the city goes before the region it is the seat of (Rafah).
            penalty = 1.0 if prefer is None and city_like(p) else 0.0
            return (exact_full and p.place_id not in full, prefer is not None and p.kind != prefer,
                    prefer is PlaceKind.REGION and city_like(p), penalty - item[0], p.place_id)
    places = [p for _, p in sorted(best.values(), key=key)]
    return places[:query.limit] if query.limit else places


def _own_cities(best: dict[str, tuple[float, Place]], by_main: set[str], norm: str) -> dict[str, tuple[int, float]]:
    """Per country, the population and score of its biggest city found under its own name as written."""
    out: dict[str, tuple[int, float]] = {}
    for pid, (score, p) in best.items():
        if p.kind is PlaceKind.POPULATED and pid in by_main and normalize(p.name) == norm \
                and p.population > out.get(p.country, (-1, 0.0))[0]:
            out[p.country] = (p.population, score)
    return out


def _below_bigger_city(score: float, place: Place, own: dict[str, tuple[int, float]]) -> float:
    """A region's score, lowered below that of a bigger city abroad whose own name the query is."""
    if place.kind is not PlaceKind.REGION or not place.population:
        return score
    bigger = [sc for cc, (n, sc) in own.items() if cc != place.country and n > place.population]
    return min(score, max(bigger) - 0.01) if bigger else score


def _acronym(text: str) -> str | None:
    """The letters of a query written as an all-capital acronym ("EU", "U.S.", "DRC"), else None.

    >>> _acronym("U.S."), _acronym("EU"), _acronym("Eu"), _acronym("KANSAS")
    ('US', 'EU', None, None)
    """
    letters = text.strip().replace(".", "").replace(" ", "")
    return letters if 2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper() else None


def _keep(query: Query, place: Place) -> bool:
    if query.country and place.country != query.country:
        return False
    if query.kind and place.kind != query.kind:
        return False
    if query.bbox:
        s, w, n, e = query.bbox
        if not (s <= place.lat <= n and (w <= place.lon <= e if w <= e else place.lon >= w or place.lon <= e)):
            return False
    return True


def ranked(places: Iterable[Place]) -> list[Place]:
    """Places in prior order for a bare name, as if each matched by its main name."""
    return sorted(places, key=lambda p: (-prior(p, MAIN), p.place_id))
