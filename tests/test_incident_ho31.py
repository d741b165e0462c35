"""Rules the ho31 held-out batch prompted (texts written for these tests, in the batch's styles)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mapper.figures import find_figures
from mapper.incident_longform import series_since_then
from mapper.incidents import extract_incidents
from mapper.model import Article, Incident
from mapper.pipeline import capital_lookup, parse_article


def _incidents(gazetteer: Any, text: str, published: str = "2025-10-07") -> list[Incident]:
    art = Article("t", text, published=dt.date.fromisoformat(published))
    return extract_incidents([parse_article(art, gazetteer)], capital_of=capital_lookup(gazetteer))


def test_bare_counts_listed_with_an_origin_count_people() -> None:
    figs = find_figures("Volunteers took 88 residents out of Kupiansk, 41 from Izium and 23 from villages near "
                        "Balakliia.")
    assert [(f.figure.value, f.figure.unit) for f in figs] == [(88, "people"), (41, "people"), (23, "people")]


def test_a_daily_evacuation_by_town_is_one_flow_per_town(gazetteer: Any) -> None:
    text = ("Police evacuated 152 people from the Kharkiv region on Sunday, the regional administration said.\n\n"
            "The administration said 88 residents were evacuated from Kupiansk, 41 from Izium and 23 from villages "
            "around Balakliia.")
    found = sorted((i.locations[0].name, [f.value for f in i.figures]) for i in _incidents(gazetteer, text)
                   if i.subtype == "evacuation")
    assert found == [("Balakliia", [23.0]), ("Izium", [41.0]), ("Kupiansk", [88.0])]


def test_a_group_flown_home_with_the_verb_split_is_a_return(gazetteer: Any) -> None:
    text = "A government charter flew 132 Kyrgyz citizens home from Istanbul on Sunday, the Foreign Ministry said."
    found = _incidents(gazetteer, text)
    assert [(i.type.value, i.subtype, [f.value for f in i.figures]) for i in found] == [
        ("migration", "return", [132.0])]


def test_shelling_and_drone_attacks_are_no_pure_drone_strike(gazetteer: Any) -> None:
    text = ("Ukrainian forces carried out shelling and drone attacks on nine villages in the Kursk region on Saturday, "
            "wounding three people, the governor said.")
    assert not [i for i in _incidents(gazetteer, text, "2025-08-18") if i.type.value == "drone"]


def test_a_series_since_then_is_no_event(gazetteer: Any) -> None:
    text = "Since then, drone sightings over airports in Oslo and Stockholm have halted flights for hours."
    assert series_since_then(text, 0, len(text))
    assert not series_since_then("Since 2022, the plant made drones.", 0, 33)
    assert _incidents(gazetteer, text, "2025-10-14") == []


def test_pictures_that_confirm_a_claimed_strike_confirm_it(gazetteer: Any) -> None:
    text = ("Ukraine's General Staff said its drones struck the Millerovo air base on Tuesday night.\n\n"
            "Satellite images published on Friday confirm the damage to two hangars.")
    strikes = [i for i in _incidents(gazetteer, text, "2025-08-09") if i.subtype == "strike"]
    assert [i.status.value for i in strikes] == ["confirmed"]
    shown = text.replace("confirm the damage", "show damage")
    assert [i.status.value for i in _incidents(gazetteer, shown, "2025-08-09") if i.subtype == "strike"] == ["claimed"]
