"""Forms the g15 batch of the geoparse dev set (long features and analyses) prompted: "dam" and "municipality"
as generic words, chains of three hyphenated names, a national adjective in an apposition, "reaching X", twin
border towns, a sea called by its adjective, and "X, a village in the Y municipality". Real gazetteer, real
pipeline."""

from __future__ import annotations

from mapper.model import Article, PlaceKind
from mapper.pipeline import parse_article


def _res(gazetteer, text: str) -> dict[str, object]:
    """Mention text -> its last resolution (only the mentions kept as places)."""
    return {r.mention.text: r for r in parse_article(Article("t", text), gazetteer).resolutions
            if r.place is not None and r.mention.literal}


def test_dam_and_municipality_join_the_name(gazetteer) -> None:
    res = _res(gazetteer, "The water system failed when the Kakhovka dam collapsed in 2023.")
    assert res["Kakhovka dam"].place.kind is PlaceKind.FACILITY
    res = _res(gazetteer, "A drone crashed in a field in the Rēzekne municipality, the army said.")
    assert res["Rēzekne municipality"].place.country == "LV"


def test_a_chain_of_three_hyphenated_names_is_three_places(gazetteer) -> None:
    text = "The oil enters the Baku-Tbilisi-Ceyhan pipeline, which crosses Georgia and Turkey."
    res = {r.mention.text: r for r in parse_article(Article("t", text), gazetteer).resolutions if r.place}
    assert {"Baku", "Tbilisi", "Ceyhan"} <= set(res) and res["Ceyhan"].place.country == "TR"


def test_a_national_adjective_in_an_apposition_names_the_country(gazetteer) -> None:
    res = _res(gazetteer, "Kazakh traders drove to Aksu, a Chinese city on the old Silk Road, last week.")
    assert res["Aksu"].place.country == "CN"
    # the apposition's adjective outweighs the sentence's others (and the Chinese city's size)
    res = _res(gazetteer, "Chinese buyers met Turkish traders in Aksu, a Kazakh town on the Irtysh, last week.")
    assert res["Aksu"].place.country == "KZ"


def test_reaching_is_a_locative_word(gazetteer) -> None:
    res = _res(gazetteer, "Some oil goes north before reaching Ust-Luga.")
    assert res["Ust-Luga"].place.country == "RU"


def test_twin_border_towns_need_no_support(gazetteer) -> None:
    res = _res(gazetteer, "Freight moves the other way, from Khorgos on the border.")
    assert res["Khorgos"].place.country in ("KZ", "CN")


def test_a_sea_called_by_its_adjective(gazetteer) -> None:
    assert _res(gazetteer, "Tankers load at Ust-Luga on the Baltic.")["Baltic"].place.feature_code == "SEA"
    assert "Baltic" not in _res(gazetteer, "Kaliningrad is home to the Baltic Fleet at Baltiysk.")


def test_a_village_in_a_named_municipality(gazetteer) -> None:
    res = _res(gazetteer, "A drone crashed near Gaigalava, a village in the Rēzekne municipality, on Monday.")
    assert res["Gaigalava"].place.country == "LV" and res["Gaigalava"].method.startswith("coarsened")
