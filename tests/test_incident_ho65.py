"""Rules prompted by the held-out incident batches ho65-ho68 (the Black Sea and Crimea, strikes deep in Russia, people
on the move in Europe and the Caucasus, Central Asian security news), checked on texts written for these tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mapper.dates import find_dates
from mapper.figures import find_figures
from mapper.incidents import extract_incidents
from mapper.model import Article, Incident
from mapper.pipeline import parse_article


def _incidents(text: str, gazetteer: Any, published: str = "2025-10-14") -> list[Incident]:
    art = Article("t", text, published=dt.date.fromisoformat(published))
    return extract_incidents([parse_article(art, gazetteer)])


def _places(inc: Incident) -> list[str]:
    return [loc.name for loc in inc.locations]


def test_sea_drones_destroyed_as_n_of_them_are_counted() -> None:
    text = "The fleet repelled an attack by uncrewed boats on the port, destroying three of them near the pier."
    assert [(f.figure.value, f.figure.unit) for f in find_figures(text)] == [(3.0, "drones")]
    assert find_figures("The council heard from the residents, and three of them spoke.") == []


def test_a_since_clause_telling_an_announcement_opens_a_span() -> None:
    text = "About 90,000 people have crossed since the government announced the new rules on March 3, it said."
    assert [d.since for d in find_dates(text, published=dt.date(2025, 4, 1))] == [True]
    event = "Flights stopped since a drone was spotted near the runway on March 3, it said."
    assert [d.since for d in find_dates(event, published=dt.date(2025, 4, 1))] == [False]


def test_a_front_line_that_stabilised_sends_no_one_to_it(gazetteer: Any) -> None:
    text = ("Refugees are going home from Poland in growing numbers, the agency said on Monday, as the front line has "
            "stabilised.")
    assert [i.subtype for i in _incidents(text, gazetteer) if i.subtype == "recruitment"] == []


def test_a_group_the_next_sentence_calls_evacuees_was_evacuated(gazetteer: Any) -> None:
    text = ("A bus carrying 74 people from villages of the Pokrovske community arrived in Dnipro on Monday, the "
            "regional administration said. The evacuees were placed in a transit centre.")
    got = [i for i in _incidents(text, gazetteer) if i.type.value == "migration"]
    assert [i.subtype for i in got] == ["evacuation"]
    plain = text.replace("The evacuees were", "They were")
    assert [i.subtype for i in _incidents(plain, gazetteer) if i.type.value == "migration"] == ["relocation"]


def test_residents_moved_to_temporary_accommodation_after_a_strike_were_evacuated(gazetteer: Any) -> None:
    text = ("A drone attack set fire to an oil depot in Feodosia on Monday, the regional head said. About 200 "
            "residents of nearby streets were moved to temporary accommodation, he said, and a section of the road "
            "to Kerch was closed.")
    got = [i for i in _incidents(text, gazetteer) if i.type.value == "migration"]
    assert [(i.subtype, _places(i)) for i in got] == [("evacuation", ["Feodosia"])]


def test_children_among_a_count_are_no_flow_of_their_own(gazetteer: Any) -> None:
    text = ("An evacuation train carrying 280 residents of Kostiantynivka, including 51 children, left Pavlohrad "
            "for Lviv on Tuesday, the regional administration said.")
    got = [i for i in _incidents(text, gazetteer) if i.type.value == "migration"]
    assert len(got) == 1 and "Kostiantynivka" in _places(got[0])


def test_an_attack_told_as_separate_stays_apart(gazetteer: Any) -> None:
    text = ("The agency said its drones had hit a radar at the Belbek air base near Sevastopol on Sunday night. "
            "In a separate strike the same night, its drones hit an aircraft at the Kacha airfield, the agency said.")
    assert len([i for i in _incidents(text, gazetteer, "2025-09-22") if i.subtype == "strike"]) == 2
    one = text.replace("In a separate strike the same night, its", "The")
    assert len([i for i in _incidents(one, gazetteer, "2025-09-22") if i.subtype == "strike"]) == 1


def test_a_bridge_struck_is_a_target(gazetteer: Any) -> None:
    text = "Ukraine's Security Service said on Wednesday it had struck the Crimean bridge early on Tuesday."
    got = [i for i in _incidents(text, gazetteer, "2025-06-04") if i.type.value == "operation"]
    assert [(_places(i), i.status.value) for i in got] == [(["Crimean bridge"], "claimed")]


def test_what_falling_debris_set_on_fire_is_no_strike(gazetteer: Any) -> None:
    text = ("Air defences shot down six drones over Kursk overnight, the governor said on Monday, and falling debris "
            "had set a shed on fire.")
    assert [i.subtype for i in _incidents(text, gazetteer) if i.type.value == "drone"] == ["interception"]


def test_a_leg_before_the_flow_is_no_end_of_it(gazetteer: Any) -> None:
    text = ("An evacuation train carrying 240 residents of Kostiantynivka left Pavlohrad for Lviv on Tuesday, the "
            "regional administration said. They had been brought to Pavlohrad by bus.")
    got = [i for i in _incidents(text, gazetteer) if i.type.value == "migration"]
    assert len(got) == 1 and [loc.name for loc in got[0].locations if loc.role == "destination"] == ["Lviv"]
