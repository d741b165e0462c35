"""Rules the ho34 and ho35 held-out batches prompted (texts written for these tests, in the batches' styles)."""

from __future__ import annotations

from typing import Any

from test_incident_ho32 import _brief, _incidents

from mapper.figures import find_figures


def test_a_downed_drone_found_is_debris(gazetteer: Any) -> None:
    text = "A downed drone was found on Tuesday in a field near Shalkar in the Aktobe region, police said."
    assert [i.subtype for i in _incidents(gazetteer, text, "2025-09-03")] == ["debris"]


def test_a_victim_hurt_slightly_is_counted() -> None:
    assert [(f.figure.value, f.figure.unit) for f in find_figures(
        "Fragments damaged a roof, and a woman was slightly injured.")] == [(1.0, "injured")]


def test_a_falling_drone_is_debris_apart_from_the_strike(gazetteer: Any) -> None:
    text = ("Ukrainian drones attacked the Volgograd oil refinery overnight into Sunday, starting a fire, the "
            "governor said. In the city's Krasnoarmeysky district, a falling drone broke the windows of two "
            "apartment blocks.")
    assert sorted(i.subtype for i in _incidents(gazetteer, text, "2025-10-19")) == ["debris", "strike"]


def test_a_drills_scenario_is_no_event(gazetteer: Any) -> None:
    text = ("About 2,500 troops began the CSTO exercise in the Khatlon region on Monday. Under the scenario, the "
            "forces will repel an incursion from Afghanistan, strike camps with drones and evacuate civilians from "
            "border villages. Russia's base in Dushanbe sent 900 troops.")
    assert _incidents(gazetteer, text, "2025-09-15") == []


def test_a_feed_headline_is_dated_by_its_lede(gazetteer: Any) -> None:
    text = ("Uzbekistan sends 1,200 workers to Germany\nMore than 1,200 Uzbek workers left for Germany in October "
            "under a labour agreement, the agency said.\n\nGovernor: drone attack sets fire to Tuapse port\nA "
            "Ukrainian drone attack overnight started a fire in the port of Tuapse, the Krasnodar governor said on "
            "Sunday.")
    strikes = [i for i in _incidents(gazetteer, text, "2025-11-03") if i.type.value == "drone"]
    assert [(i.locations[0].name, i.date.iso() if i.date else None) for i in strikes] == [
        ("Tuapse", "2025-11-01/2025-11-02")]


def test_a_bulletin_with_its_source_line_is_the_sources_claim(gazetteer: Any) -> None:
    text = ("On the night of 25 to 26 October, on-duty air defence systems intercepted and destroyed 62 Ukrainian "
            "UAVs over the territory of the Bryansk region.\n\n{}")
    ministry = "(Translated from the Russian Defence Ministry's Telegram channel.)"
    assert [i.status.value for i in _incidents(gazetteer, text.format(ministry), "2025-10-26")] == ["claimed"]
    police = "(Translated from the Bryansk regional police's website.)"
    assert [i.status.value for i in _incidents(gazetteer, text.format(police), "2025-10-26")] == ["confirmed"]


def test_airframe_parts_recovered_in_a_recap_of_finds(gazetteer: Any) -> None:
    text = ("The first came on March 28, 2024, when a shepherd found the remains of a drone near the village of "
            "Chapaev. In August 2024, police recovered an engine and a wing near Saykhin.")
    assert _brief(_incidents(gazetteer, text, "2025-12-01")) == [
        ("drone", "debris", "Chapaev", "2024-03-28", "confirmed"),
        ("drone", "debris", "Saykhin", "2024-08", "confirmed")]


def test_a_feed_items_dateline_dates_nothing(gazetteer: Any) -> None:
    text = ("Kyrgyz migrants return from Russia\nAbout 4,500 Kyrgyz migrants came home from Russia in May, the labour "
            "ministry said.\n\nDrones hit Saratov refinery, governor says\nSARATOV, June 8 — Ukrainian drones struck "
            "the Saratov oil refinery overnight, starting a fire, Governor Roman Busargin said.")
    strikes = [i for i in _incidents(gazetteer, text, "2025-06-08") if i.type.value == "drone"]
    assert [i.date.iso() if i.date else None for i in strikes] == ["2025-06-07/2025-06-08"]


def test_a_sighting_denied_in_the_next_sentence(gazetteer: Any) -> None:
    text = ("Residents of Saryagash said they saw a drone over the town on Sunday night. Kazakhstan's National "
            "Security Committee denied that any drone had crossed the border.")
    assert _brief(_incidents(gazetteer, text, "2025-06-10")) == [
        ("drone", "sighting", "Saryagash", "2025-06-08", "denied")]


def test_a_show_drone_falling_is_no_debris(gazetteer: Any) -> None:
    text = "The drone show over Tashkent on Independence Day used 1,500 drones; one fell into the Ankhor canal."
    assert _incidents(gazetteer, text, "2025-09-02") == []
