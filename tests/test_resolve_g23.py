"""Forms the g23 and g24 batches of the geoparse dev set prompted: Turkmen velayats, a river the gazetteer
lacks, a river's bank, a city's districts named before "of the city", Russian groups of forces named like
places, and the large reservoirs of Central Asia and Ukraine. Real gazetteer, real pipeline."""

from __future__ import annotations

from mapper.model import Article, PlaceKind
from mapper.pipeline import parse_article


def _res(gazetteer, text: str) -> dict[str, object]:
    """Mention text -> its last resolution."""
    return {r.mention.text: r for r in parse_article(Article("t", text), gazetteer).resolutions}


def test_velayat_joins_the_name(gazetteer) -> None:
    res = _res(gazetteer, "Wheat farmers in the Lebap velayat were told to sow cotton instead.")
    place = res["Lebap velayat"].place
    assert place is not None and place.kind is PlaceKind.REGION and place.country == "TM"


def test_a_missing_river_is_no_namesake_abroad(gazetteer) -> None:
    res = _res(gazetteer, "Meltwater in the Uba river flooded houses near Shemonaikha in East Kazakhstan.")
    assert res["Uba river"].place is None  # not Ubá in Brazil
    assert res["Shemonaikha"].place.country == "KZ"


def test_the_bank_of_a_river_whatever_follows(gazetteer) -> None:
    res = _res(gazetteer, "Guns on the left bank of the Dnipro pounded Bilozerka and Kherson overnight.")
    assert res["Dnipro"].place.kind is PlaceKind.PHYSICAL


def test_a_district_of_the_city_named_last(gazetteer) -> None:
    text = ("Drones struck Zaporizhzhia and the nearby villages of Kushuhum and Balabyne; a house burned in the "
            "Shevchenkivskyi district of the city.")
    place = _res(gazetteer, text)["Shevchenkivskyi district"].place
    assert place is not None and place.country == "UA" and place.admin1 == "26"  # not Kyiv's


def test_a_group_of_forces_is_no_place(gazetteer) -> None:
    res = _res(gazetteer, "Units of the Vostok group pushed towards Huliaipole, the ministry said.")
    assert "Vostok" not in res and res["Huliaipole"].place.country == "UA"


def test_reservoirs_by_their_local_names(gazetteer) -> None:
    res = _res(gazetteer, "Water in the Bahri Tojik fell to a ten-year low, and the Toktogul reservoir too.")
    assert res["Bahri Tojik"].place.place_id == "curated:kairakkum-reservoir-tj"
    assert res["Toktogul reservoir"].place.kind is PlaceKind.PHYSICAL
