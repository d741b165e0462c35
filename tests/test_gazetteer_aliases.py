"""Names added or dropped by data/gazetteer/aliases.csv, curated broad areas, and acronym ranking."""

from __future__ import annotations

from pathlib import Path

import pytest

from mapper.errors import InputError
from mapper.gazetteer.aliases import ALIAS_COLUMNS, apply_aliases, read_aliases
from mapper.gazetteer.base import MAIN
from mapper.gazetteer.build import inputs_checksum
from mapper.gazetteer.entry import Entry
from mapper.model import Place, PlaceKind

ALIASES = Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "aliases.csv"


def first(gazetteer, name: str) -> Place:
    found = gazetteer.candidates(name, limit=1)
    assert found, name
    return found[0]


@pytest.mark.parametrize(("name", "place_id"), [
    ("America", "geonames:6252001"), ("US", "geonames:6252001"), ("DRC", "geonames:203312"),
    ("Democratic Republic of Congo", "geonames:203312"), ("DR Congo", "geonames:203312"),
    ("Zaire", "geonames:203312"), ("Republic of Congo", "geonames:2260494"),
    ("Congo-Brazzaville", "geonames:2260494"), ("NYC", "geonames:5128581"), ("Ill.", "geonames:4896861"),
])
def test_country_and_city_variants_resolve(gazetteer, name, place_id):
    assert first(gazetteer, name).place_id == place_id


@pytest.mark.parametrize(("name", "slug"), [
    ("West Africa", "west-africa"), ("Southeast Asia", "southeast-asia"), ("the Balkans", "balkans"),
    ("Horn of Africa", "horn-of-africa"), ("European Union", "european-union"), ("EU", "european-union"),
    ("Central Africa", "central-africa"), ("Pacific Ocean", "pacific-ocean"), ("Indian Ocean", "indian-ocean"),
    ("Sumatra", "sumatra-id"), ("Borneo", "borneo"), ("Darfur", "darfur-sd"), ("Latin America", "latin-america"),
])
def test_broad_areas_seas_and_islands(gazetteer, name, slug):
    assert first(gazetteer, name).place_id == f"curated:{slug}"


def test_derived_area_points_are_inside_their_region(gazetteer):
    west = gazetteer.get("curated:west-africa")
    assert 5 < west.lat < 25 and -17 < west.lon < 15 and west.kind is PlaceKind.AREA
    darfur = gazetteer.get("curated:darfur-sd")  # Sudan's west
    assert 9 < darfur.lat < 20 and 22 < darfur.lon < 27.5 and darfur.country == "SD"
    europe = gazetteer.get("curated:eastern-europe")  # Russia counted west of the Urals only
    assert europe.lon < 60


def test_an_acronym_means_the_place_written_so_not_a_namesake():
    from mapper.gazetteer import MemoryGazetteer

    eu_town = Place("geonames:3019329", "Eu", PlaceKind.POPULATED, 50.05, 1.42, "FR", feature_code="PPL",
                    population=8425)
    union = Place("curated:european-union", "European Union", PlaceKind.AREA, 49.8, 12.5, "")
    gaz = MemoryGazetteer([eu_town, union], aliases={"curated:european-union": ["EU"]})
    assert [p.place_id for p in gaz.candidates("EU")][0] == "curated:european-union"
    assert [p.place_id for p in gaz.candidates("Eu")][0] == "geonames:3019329"


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "aliases.csv"
    path.write_text(",".join(ALIAS_COLUMNS) + "\n" + body, encoding="utf-8")
    return path


def test_alias_rows_add_and_drop(tmp_path):
    place = Place("geonames:239880", "Central African Republic", PlaceKind.COUNTRY, 6.5, 20.4, "CF")
    entry = Entry(place, {place.name: MAIN, "Central Africa": 1})
    path = write(tmp_path, "geonames:239880,CAR,add,news\ngeonames:239880,Central Africa,drop,region name\n")
    apply_aliases([entry], read_aliases(path), path)
    assert set(entry.names) == {"Central African Republic", "CAR"}


@pytest.mark.parametrize(("body", "message"), [
    ("nowhere:1,X,add,s\n", "line 2.*place_id"),
    ("geonames:1,,add,s\n", "line 2.*alias must not be empty"),
    ("geonames:1,X,remove,s\n", "line 2.*action must be one of add, drop"),
    ("geonames:1,X,add,\n", "line 2.*source"),
    ("geonames:1,X,add,s\ngeonames:1,X,add,s\n", "line 3.*twice"),
])
def test_bad_alias_rows_name_the_line(tmp_path, body, message):
    with pytest.raises(InputError, match=message):
        read_aliases(write(tmp_path, body))


def test_unknown_place_or_name_is_an_error(tmp_path):
    place = Place("geonames:1", "Somewhere", PlaceKind.POPULATED, 1.0, 1.0, "KZ")
    path = write(tmp_path, "")
    with pytest.raises(InputError, match="no place geonames:2"):
        apply_aliases([Entry(place, {place.name: MAIN})], [("geonames:2", "X", "add")], path)
    with pytest.raises(InputError, match="main name"):
        apply_aliases([Entry(place, {place.name: MAIN})], [("geonames:1", "Somewhere", "drop")], path)
    with pytest.raises(InputError, match="no such name"):
        apply_aliases([Entry(place, {place.name: MAIN})], [("geonames:1", "Elsewhere", "drop")], path)


def test_the_shipped_alias_file_is_valid_and_counted_in_the_checksum(tmp_path):
    from mapper.gazetteer.build import default_aliases

    assert default_aliases() == ALIASES and len(read_aliases(ALIASES)) >= 5
    curated = tmp_path / "curated.csv"
    curated.write_text("slug,name,aliases,kind,feature_code,country,admin1,lat,lon,source\n", encoding="utf-8")
    aliases = write(tmp_path, "")
    before = inputs_checksum(curated, aliases)
    write(tmp_path, "geonames:1,X,add,s\n")
    assert inputs_checksum(curated, aliases) != before
    assert inputs_checksum(curated, None) != inputs_checksum(curated, ALIASES) == inputs_checksum(curated)


@pytest.mark.parametrize(("name", "slug"), [("Pacific", "pacific-ocean"), ("the Atlantic", "atlantic-ocean"),
                                            ("North Sea", "north-sea")])
def test_oceans_and_seas_before_small_towns_named_after_them(gazetteer, name, slug):
    assert first(gazetteer, name).place_id == f"curated:{slug}"
    assert any(p.kind is PlaceKind.POPULATED for p in gazetteer.candidates(name))  # the towns still follow


@pytest.mark.parametrize(("name", "country", "slug"), [
    ("Nyanza Province", "KE", "nyanza-province-ke"), ("Rift Valley", "KE", "rift-valley-province-ke"),
    ("Kasai-Occidental", "CD", "kasai-occidental-cd"), ("Orientale", "CD", "orientale-cd"),
])
def test_former_provinces_news_still_name(gazetteer, name, country, slug):
    assert gazetteer.candidates(name, country=country, limit=1)[0].place_id == f"curated:{slug}"
    assert gazetteer.candidates("Bas-Congo", limit=1)[0].place_id == "geonames:2317277"  # Kongo Central


def test_bare_congo_names_either_republic_and_the_text_decides(gazetteer):
    from mapper.model import Article
    from mapper.pipeline import parse_article

    assert {p.country for p in gazetteer.candidates("Congo", limit=3)} >= {"CD", "CG"}
    for text, country in (("Fighting spread near Goma in eastern Congo, officials in Kinshasa said.", "CD"),
                          ("Floods hit the Republic of Congo. In Brazzaville the government of Congo asked for aid.",
                           "CG")):
        found = {r.mention.text: r.place for r in parse_article(Article("t", text), gazetteer).resolutions}
        assert found["Congo"].country == country, text
