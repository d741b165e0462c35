"""Realistic Incident and Resolution values (facts of the seed, our own wording) for the output tests.

Imported by test_export.py, test_render_*.py and test_browser.py; holds no tests itself.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path

from mapper.model import (
    DatePrecision,
    Figure,
    FuzzyDate,
    Incident,
    IncidentType,
    Location,
    Mention,
    Place,
    PlaceKind,
    Precision,
    Resolution,
    Source,
    Status,
)

HOSTILE = 'Debris <script>window.__pwned = 1</script> & "quotes" found'
URL = "https://timesca.com/tag/ukraine/"


def _src(article: str, quote: str, title: str, published: dt.date, start: int = 0) -> Source:
    return Source(article_id=article, quote=quote, start=start, end=start + len(quote), title=title,
                  url=URL, published=published)


def _day(y: int, m: int, d: int) -> FuzzyDate:
    return FuzzyDate(dt.date(y, m, d), dt.date(y, m, d), DatePrecision.DAY, f"{d} {m} {y}")


def _loc(pid: str, name: str, lat: float, lon: float, prec: Precision, role: str = "site",
         country: str = "") -> Location:
    return Location(pid, name, lat, lon, prec, role, country)


def seed_incidents(hostile: bool = True) -> list[Incident]:
    """Nine incidents: five drone finds, three flows, one named operation with staging and targets."""
    pub2 = dt.date(2025, 6, 20)
    t2 = "Another suspected drone found in Mangistau"
    drones = [
        Incident("drone-bolashak", IncidentType.DRONE, "debris",
                 (_loc("geonames:1", "Bolashak", 42.15, 53.35, Precision.POINT, country="KZ"),),
                 (_src("seed-2", HOSTILE if hostile else "Drone debris was found near the border station.",
                       t2, pub2, 120),),
                 date=_day(2025, 6, 19), actors=("Kazakhstan Ministry of Defence",), confidence=0.9,
                 summary="Drone debris near the Bolashak border station"),
        Incident("drone-ualy", IncidentType.DRONE, "debris",
                 (_loc("geonames:2", "Ualy", 48.8125, 46.7636, Precision.POINT, country="KZ"),),
                 (_src("seed-2", "Fragments of a drone were found near the village.", t2, pub2, 900),),
                 date=_day(2025, 2, 18), confidence=0.8),
        Incident("drone-atameken", IncidentType.DRONE, "debris",
                 (_loc("geonames:3", "Atameken", 51.65, 50.29, Precision.POINT, country="KZ"),),
                 (_src("seed-2", "A second find was reported in March.", t2, pub2, 1100),),
                 date=_day(2025, 3, 18), confidence=0.7),
        Incident("drone-zhanibek", IncidentType.DRONE, "debris",
                 (_loc("geonames:4", "Zhanibek", 49.42278, 46.84626, Precision.POINT, country="KZ"),),
                 (_src("seed-2", "A third object came down a week later.", t2, pub2, 1300),),
                 date=_day(2025, 3, 25), confidence=0.7),
        Incident("drone-saratov", IncidentType.DRONE, "strike",
                 (_loc("geonames:5", "Saratov Oblast", 51.5, 46.5, Precision.REGION, country="RU"),),
                 (_src("seed-2", "The region has been struck by drones before.", t2, pub2, 1500),),
                 status=Status.CONFIRMED, confidence=0.6),
    ]
    flows = [
        Incident("flow-uz-ru", IncidentType.MIGRATION, "labour migration",
                 (_loc("geonames:1512440", "Uzbekistan", 41.66667, 63.83333, Precision.COUNTRY, "origin", "UZ"),
                  _loc("geonames:2017370", "Russia", 60.0, 100.0, Precision.COUNTRY, "destination", "RU")),
                 (_src("seed-1", "About 1.79 million Uzbek citizens were working in Russia.",
                       "Central Asian migrants coerced", dt.date(2025, 6, 21), 400),),
                 date=FuzzyDate(dt.date(2024, 9, 1), dt.date(2024, 9, 30), DatePrecision.MONTH, "September"),
                 figures=(Figure(1790000, "people", "1.79 million", approximate=True),), confidence=0.85),
        Incident("flow-children", IncidentType.MIGRATION, "relocation",
                 (_loc("geonames:706483", "Kharkiv", 49.98177, 36.25475, Precision.POINT, "origin", "UA"),
                  _loc("geonames:706448", "Kherson", 46.63695, 32.61458, Precision.POINT, "origin", "UA"),
                  _loc("geonames:1512569", "Tashkent", 41.26465, 69.21627, Precision.POINT, "destination", "UZ")),
                 (_src("seed-3", "Children from several Ukrainian cities arrived in Tashkent.",
                       "Ukrainian children arrive in Uzbekistan", dt.date(2025, 6, 7), 50),),
                 date=FuzzyDate(dt.date(2025, 6, 1), dt.date(2025, 6, 30), DatePrecision.MONTH, "June"),
                 figures=(Figure(50, "people", "50 children"),), confidence=0.8),
        Incident("flow-kz-ua", IncidentType.MIGRATION, "recruitment",
                 (_loc("geonames:1522867", "Kazakhstan", 48.0, 68.0, Precision.COUNTRY, "origin", "KZ"),
                  _loc("geonames:690791", "Ukraine", 49.0, 32.0, Precision.COUNTRY, "destination", "UA")),
                 (_src("seed-6", "661 citizens fought for Russia and at least 78 were killed.",
                       "Central Asia-born Russians sent to the front", dt.date(2025, 5, 21), 700),),
                 figures=(Figure(661, "people"), Figure(78, "killed")), status=Status.CLAIMED, confidence=0.5),
    ]
    sources = (_src("seed-4", "Drones launched from trucks hit several air bases.",
                    "Operation Spider Web rattles Russia", dt.date(2025, 6, 3), 10),
               _src("seed-5", "A region bordering Kazakhstan was cited as a staging point.",
                    "Russian region cited as staging point", dt.date(2025, 6, 2), 30))
    op = Incident("op-spiderweb", IncidentType.OPERATION, "named operation",
                  (_loc("geonames:1508291", "Chelyabinsk", 55.1611, 61.42877, Precision.POINT, "staging", "RU"),
                   _loc("curated:olenya", "Olenya air base", 68.15, 33.46, Precision.POINT, "target", "RU"),
                   _loc("curated:belaya", "Belaya air base", 52.915, 103.575, Precision.POINT, "target", "RU"),
                   _loc("curated:ivanovo", "Ivanovo Severny air base", 57.06, 40.98, Precision.POINT, "target", "RU"),
                   _loc("curated:dyagilevo", "Dyagilevo air base", 54.64, 39.57, Precision.POINT, "target", "RU"),
                   _loc("curated:ukrainka", "Ukrainka air base", 51.17, 128.44, Precision.POINT, "target", "RU")),
                  sources, date=_day(2025, 6, 1), actors=("Security Service of Ukraine",),
                  figures=(Figure(41, "aircraft", "41 aircraft"),), confidence=0.9,
                  name="Operation Spider Web", summary="Drones launched from trucks near five air bases")
    return drones + flows + [op]


def seed_resolutions() -> list[Resolution]:
    """Resolved mentions, one of them non-literal (metonymy) and one unresolved."""
    text = "Drone debris fell in Karakiyan district near Bolashak; Moscow denied it. Zzyzx too."
    places = {
        "Karakiyan district": Place("geonames:609123", "Karakiyan District", PlaceKind.DISTRICT, 43.0, 53.5,
                                    "KZ", "09", admin1_name="Mangistau"),
        "Bolashak": Place("geonames:1", "Bolashak", PlaceKind.FACILITY, 42.15, 53.35, "KZ", "09",
                          admin1_name="Mangistau", feature_code="RSTN"),
        "Moscow": Place("geonames:524901", "Moscow", PlaceKind.POPULATED, 55.75204, 37.61781, "RU", "48",
                        admin1_name="Moscow", feature_code="PPLC", population=10381222),
        "Zzyzx": None,
    }
    out = []
    for name, place in places.items():
        start = text.index(name)
        m = Mention("seed-2", start, start + len(name), name, literal=name != "Moscow",
                    generic="district" if "district" in name else "")
        out.append(Resolution(m, place, score=0.0 if place is None else 0.87, method="test"))
    return out


@functools.lru_cache(maxsize=1)
def country_outlines() -> dict:
    """Country outlines from the installed countryinfo package, as the gazetteer will expose them."""
    import countryinfo

    feats = []
    for path in sorted((Path(countryinfo.__file__).parent / "data").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for f in (data.get("geoJSON") or {}).get("features", []):
            feats.append({"type": "Feature", "geometry": f["geometry"],
                          "properties": {"name": data.get("name"), "iso": (data.get("ISO") or {}).get("alpha2")}})
    return {"type": "FeatureCollection", "features": feats}
