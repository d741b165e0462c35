"""Forms the g21 and g22 batches of the geoparse dev set prompted: a sentence's "The" before a gazetteer
alias that holds its article, cantons and forests named with their generic word, Nordic municipalities named
bare, and a place the text names by its old name and its new one. Real gazetteer, real pipeline."""

from __future__ import annotations

from mapper.model import Article, PlaceKind
from mapper.pipeline import parse_article


def _res(gazetteer, text: str) -> dict[str, object]:
    """Mention text -> its last resolution."""
    return {r.mention.text: r for r in parse_article(Article("t", text), gazetteer).resolutions}


def test_a_sentence_article_stays_out_of_a_name(gazetteer) -> None:
    res = _res(gazetteer, "Factories moved east after 1941. The Urals still make most of the tanks.")
    assert "The Urals" not in res and res["Urals"].place.name == "Ural Mountains"


def test_canton_and_forest_join_the_name(gazetteer) -> None:
    res = _res(gazetteer, "About 90 migrants camped in the Una-Sana canton, police said.")
    assert res["Una-Sana canton"].place.country == "BA"
    res = _res(gazetteer, "Soldiers patrol the Białowieża forest on the border with Belarus.")
    assert res["Białowieża forest"].place.country == "PL"


def test_a_nordic_municipality_is_read_by_its_bare_name(gazetteer) -> None:
    res = _res(gazetteer, "Police on Bornholm said two drones circled the harbour on Friday night.")
    place = res["Bornholm"].place
    assert place is not None and place.country == "DK" and place.kind is PlaceKind.DISTRICT


def test_a_place_named_by_both_its_names(gazetteer) -> None:
    text = ("Baku now calls Stepanakert by its Azerbaijani name, Khankendi, and has moved officials into the "
            "town and into Shusha.")
    res = _res(gazetteer, text)
    assert res["Stepanakert"].place is not None
    assert res["Stepanakert"].place.place_id == res["Khankendi"].place.place_id


def test_a_name_only_its_article_makes_is_a_curated_feature(gazetteer) -> None:
    res = _res(gazetteer, "Four boats crossed the Channel to Dover overnight.")
    assert res["Channel"].place.place_id == "curated:english-channel"
    # GeoNames' "The City", "The River" (aliases of US towns) are no readings
    res = _res(gazetteer, "The council met in the City hall by the River walk.")
    assert "City" not in res and "River" not in res


def test_an_area_adjective_is_no_province_unless_named_one(gazetteer) -> None:
    res = _res(gazetteer, "Arrivals on the Balkan route fell by a third.")
    assert res["Balkan"].place is None or not res["Balkan"].mention.literal
    res = _res(gazetteer, "In Balkan province, refinery staff in Turkmenbashi went unpaid.")
    assert res["Balkan province"].place.country == "TM"
