"""Rules the ho44 held-out batch (migration stories from Central Asia and Russia: departures after raids, queues
at border crossings, deportations, relocation after the call-up, holiday returns, labour recruitment, remittance
and census statistics) prompted: an airline counting its passengers, a crossing named after the country entered,
and a work permit that is lacking; the texts are written for these tests."""

from __future__ import annotations

from typing import Any

from test_incident_ho32 import _brief, _incidents

# --- class: an airline reporting the passengers it flew is a first-hand source (as an airport operator) ---


def test_an_airline_counting_its_passengers_confirms(gazetteer: Any) -> None:
    text = ("BISHKEK — Three extra flights from Moscow brought 380 Kyrgyz workers home to Osh on Friday, the airline "
            "Avia Traffic said.")
    assert _brief(_incidents(gazetteer, text, "2025-06-14")) == [
        ("migration", "return", "Moscow", "2025-06-13", "confirmed")]


# --- class: "entered <country> through <crossing>": the named crossing is where the people came in ---


def test_a_crossing_named_after_the_country_entered_is_the_way_in(gazetteer: Any) -> None:
    text = ("About 6,200 Russians entered Georgia through the Upper Lars checkpoint on Sunday, the Georgian interior "
            "ministry said.")
    incs = _incidents(gazetteer, text, "2022-09-27")
    assert len(incs) == 1 and incs[0].subtype == "relocation"
    assert {"Upper Lars", "Georgia"} <= {loc.name for loc in incs[0].locations}


# --- class: a labour word under "without" ("without a work permit") is a rule's condition, no one moved ---


def test_a_work_permit_lacking_is_no_labour_flow(gazetteer: Any) -> None:
    text = ("MOSCOW — From January, foreigners may stay in Russia no more than 90 days a year without a work permit, "
            "the interior ministry said.")
    assert _incidents(gazetteer, text, "2024-12-20") == []


# --- class (KNOWN_FAILURES, running totals with no place): a return counted by another state's body comes from
# that state ("... have returned home, according to Pakistan's interior ministry") ---


def test_a_return_counted_by_another_states_body_comes_from_that_state(gazetteer: Any) -> None:
    said_abroad = "More than 40,000 Tajik migrants have returned home since January, Russia's interior ministry said."
    said_home = "More than 40,000 Tajik migrants have returned home since January, Tajikistan's labour ministry said."
    abroad, home = _incidents(gazetteer, said_abroad, "2025-06-02"), _incidents(gazetteer, said_home, "2025-06-02")
    assert [[(loc.name, loc.role) for loc in i.locations] for i in abroad] == [
        [("Russia", "origin"), ("Tajikistan", "destination")]]
    assert [[(loc.name, loc.role) for loc in i.locations] for i in home] == [[("Tajikistan", "destination")]]
