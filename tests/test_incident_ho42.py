"""Rules the ho42 held-out batch (follow-up and multi-source stories) and probes of the seed's genres prompted:
a find told again by its noun, blasts heard from across a border, a drone raid, a document's date, an evacuation
beside the firing that caused it, an event told "days after" an undated one, corrected tolls; the texts are
written for these tests."""

from __future__ import annotations

from typing import Any

from test_incident_ho32 import _brief, _incidents

from mapper.figures import find_figures


def _values(text: str) -> list[tuple[float, str]]:
    return [(f.figure.value, f.figure.unit) for f in find_figures(text)]


# --- a find told again by its noun, and a second report of another kind in a clause with its own date ---

def test_a_second_find_is_another_debris_find_and_a_dated_clause_of_blasts_another_report(gazetteer: Any) -> None:
    text = ("Parts of a drone were found on Monday near the village of Ualy, police said. Another find was reported "
            "near Atameken on Thursday, and villagers in Zhanibek said they heard explosions across the border in "
            "Russia's Saratov region overnight.")
    got = _brief(_incidents(gazetteer, text, "2025-06-20"))
    assert [(t, st, p) for t, st, p, _d, _s in got] == [
        ("drone", "debris", "Atameken"), ("drone", "debris", "Ualy"), ("drone", "strike", "Saratov region")]
    assert [s for _t, _st, p, _d, s in got if p == "Atameken"] == ["confirmed"]  # (a passive "was reported": no one)


def test_where_blasts_were_heard_from_is_no_site(gazetteer: Any) -> None:
    lede = "Ukrainian drones attacked targets in southern Russia overnight, officials in Moscow said. "
    for text, there in (("Residents of Zhanibek said they heard explosions across the border in the Saratov region "
                         "on Sunday.", "Saratov region"),
                        ("People in Uralsk said they heard explosions from the direction of the Samara region on "
                         "Sunday.", "Samara region")):
        incs = [i for i in _incidents(gazetteer, lede + text, "2025-06-23") if i.sources[0].start > 0]
        assert [loc.name for i in incs for loc in i.locations] == [there], text


def test_a_follow_up_confirmation_by_a_regional_authority_is_the_find_told_before(gazetteer: Any) -> None:
    text = ("The first find was made on 3 May near the village of Kobda in the Aktobe region. A farmer saw the wreck "
            "of a small drone in his field and called the police. The Aktobe region police department confirmed that "
            "fragments of a drone had been found.")
    incs = _incidents(gazetteer, text, "2025-07-01")
    assert [(i.subtype, i.locations[0].name, i.date.iso() if i.date else None) for i in incs] == [
        ("debris", "Kobda", "2025-05-03")]


# --- a raid by drones is their strike ---

def test_a_drone_raid_is_a_drone_strike(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, "Depot in Bryansk on fire after drone raid", "2025-08-11")
    assert [(i.type.value, i.subtype) for i in incs] == [("drone", "strike")]


# --- a date inside a clause about a document dates the document ---

def test_a_document_signed_on_a_date_does_not_date_the_move(gazetteer: Any) -> None:
    text = ("A group of 85 welders left Samarkand for South Korea on Friday under a recruitment deal signed in 2023, "
            "the labour agency said.")
    (inc,) = _incidents(gazetteer, text, "2025-04-07")
    assert inc.date is not None and inc.date.iso() == "2025-04-04"


# --- an evacuation and the firing that caused it, at places of their own ---

def test_an_evacuation_after_a_firing_elsewhere_is_two_events_with_the_count_the_moves(gazetteer: Any) -> None:
    text = ("Officials evacuated about 900 residents of the Leilek district on Sunday after border guards "
            "exchanged fire near the village of Kulundu, the regional administration said.")
    incs = _incidents(gazetteer, text, "2025-06-25")
    got = sorted((i.type.value, i.subtype, i.locations[0].name, [f.value for f in i.figures]) for i in incs)
    assert got == [("migration", "evacuation", "Leilek district", [900.0]), ("operation", "raid", "Kulundu", [])]


def test_an_attack_on_the_place_people_left_stays_the_reason(gazetteer: Any) -> None:
    text = "About 300 students were evacuated from Sumy on Monday after the city came under drone attack."
    assert [i.type.value for i in _incidents(gazetteer, text, "2025-06-25")] == ["migration"]


# --- "came days after": before the day of what is told just before, at no known day ---

def test_days_after_an_undated_sighting_is_a_span_before_its_day(gazetteer: Any) -> None:
    text = ("Images taken on October 12 show ten more warplanes at the Saky airfield, an analyst said. The "
            "reinforcement came days after Ukrainian drones struck a radar station at Cape Tarkhankut.")
    (inc,) = [i for i in _incidents(gazetteer, text, "2025-10-14") if i.subtype == "strike"]
    assert inc.date is not None and inc.date.iso() == "2025-09-28/2025-10-11"


# --- corrected tolls and one victim told in the pluperfect ---

def test_corrected_tolls_and_one_victim_told_in_the_pluperfect() -> None:
    assert (64.0, "injured") in _values("The number of injured was also revised, to 64 from 52, officials said.")
    assert _values("The governor said a worker had been injured.") == [(1.0, "injured")]
