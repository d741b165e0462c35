"""Rules the ho38, ho39 and ho40 held-out batches prompted (Central Asian agency releases, Ukrainian and Russian
regional daily summaries, long features); the texts are written for these tests, in the batches' styles."""

from __future__ import annotations

import datetime as dt
from typing import Any

from test_incident_ho32 import _brief, _incidents

from mapper.dates import find_dates
from mapper.figures import find_figures
from mapper.incident_kinds import mixed_attack


def _kinds(gazetteer: Any, text: str, published: str) -> list[tuple[str, str, list[str], list[float]]]:
    return sorted((i.type.value, i.subtype, sorted(loc.name for loc in i.locations), sorted(f.value for f in i.figures))
                  for i in _incidents(gazetteer, text, published))


# --- who speaks (regional administrations' morning reports) ---

def test_an_official_named_in_apposition_and_quoted_by_surname_later(gazetteer: Any) -> None:
    text = ("SUMY — Russian drones hit a farm near Krasnopillia on Monday, the head of the Sumy regional military "
            "administration, Oleh Hryhorov, said.\n\nOver the past day, 57 people, including nine children, were "
            "evacuated from the Krasnopillia community, Hryhorov said.")
    statuses = {i.subtype: i.status.value for i in _incidents(gazetteer, text, "2025-09-16")}
    assert statuses == {"strike": "confirmed", "evacuation": "confirmed"}


def test_he_said_after_sentences_that_quote_nobody(gazetteer: Any) -> None:
    text = ("KHERSON — Russian forces shelled the Bilozerka community over the past day, the head of the Kherson "
            "regional military administration said on Tuesday. A shop and two houses were damaged. No one was hurt. "
            "Power lines were cut. Air defence shot down nine drones over the region overnight, he said.")
    found = [i for i in _incidents(gazetteer, text, "2025-10-14") if i.subtype == "interception"]
    assert [(i.locations[0].name, i.status.value) for i in found] == [("Kherson region", "confirmed")]


def test_according_to_him_is_the_speaker_before(gazetteer: Any) -> None:
    text = ("ZAPORIZHZHIA — Russian forces struck the region 390 times over the past day, governor Ivan Fedorov said. "
            "According to him, a drone hit a bus stop in Orikhiv, wounding two people.")
    assert {i.status.value for i in _incidents(gazetteer, text, "2025-10-14")} == {"confirmed"}


# --- drone words (air defence formulas, drone types) ---

def test_destroyed_and_intercepted_drones_are_an_interception(gazetteer: Any) -> None:
    text = ("LIPETSK — Air defence forces destroyed and intercepted 14 drones over the Lipetsk region overnight, "
            "governor Igor Artamonov said.")
    assert [(t, s) for t, s, _p, _f in _kinds(gazetteer, text, "2025-10-14")] == [("drone", "interception")]


def test_attack_drones_shot_down_are_no_strike(gazetteer: Any) -> None:
    text = ("POLTAVA — Air defence shot down eight Shahed-type attack drones over the Poltava region overnight, "
            "the regional governor said.")
    assert [(t, s) for t, s, _p, _f in _kinds(gazetteer, text, "2025-10-14")] == [("drone", "interception")]


def test_a_drone_as_the_subject_of_a_killing_is_a_strike(gazetteer: Any) -> None:
    text = ("KRAMATORSK — In Druzhkivka, an FPV drone killed a 58-year-old man on Monday, the regional governor "
            "said.")
    assert [(t, s, p) for t, s, p, _f in _kinds(gazetteer, text, "2025-10-14")] == [
        ("drone", "strike", ["Druzhkivka"])]


# --- several weapons in one report ---

def test_drones_with_artillery_are_one_report_of_mixed_attacks() -> None:
    for text in ("forces attacked the Pokrovske community with artillery and drones 14 times",
                 "shelled 12 settlements with mortars, artillery and drones",
                 "firing 31 shells and launching 40 drones",
                 "Russian missiles, artillery and drones killed four people"):
        assert mixed_attack(text, 0, len(text)), text
    for text in ("Russia pounded Lviv with drones and missiles overnight", "shelled Ochakiv with artillery"):
        assert not mixed_attack(text, 0, len(text)), text


def test_shelling_of_one_community_and_drones_on_another_in_one_sentence(gazetteer: Any) -> None:
    text = ("MYKOLAIV — Over the past day, Russian troops shelled the Kutsurub community with artillery, and "
            "attacked the Ochakiv community with drones, wounding a man, the regional governor said.")
    assert _kinds(gazetteer, text, "2025-08-05") == [("drone", "strike", ["Ochakiv"], [1.0]),
                                                     ("operation", "strike", ["Kutsurub"], [])]


def test_two_near_towns_each_with_its_own_toll_are_two_strikes(gazetteer: Any) -> None:
    text = ("KRAMATORSK — In Kostiantynivka, artillery shells hit a market on Monday, killing three people. "
            "Druzhkivka was struck by a guided aerial bomb that wounded four, the regional governor said.")
    found = _kinds(gazetteer, text, "2025-08-05")
    assert [(t, p, f) for t, _s, p, f in found] == [("operation", ["Druzhkivka"], [4.0]),
                                                    ("operation", ["Kostiantynivka"], [3.0])]


# --- agency statistics ---

def test_the_same_month_is_the_month_told_before(gazetteer: Any) -> None:
    text = ("TASHKENT — In August 2025, 61,000 citizens of Kyrgyzstan left for work in Russia, the ministry said. "
            "In the same month, 23,000 labour migrants returned to Kyrgyzstan.")
    assert {i.date.iso() for i in _incidents(gazetteer, text, "2025-09-09") if i.date} == {"2025-08"}


def test_destinations_that_accounted_for_their_shares(gazetteer: Any) -> None:
    text = ("BISHKEK — In July, 30,500 Kyrgyz citizens left for work abroad, most of them for Russia, the ministry "
            "said. Kazakhstan accounted for 4,100 people, Germany for 620 and Japan for 310.")
    flows = {(i.locations[-1].name, max(f.value for f in i.figures)) for i in _incidents(gazetteer, text, "2025-08-11")}
    assert {("Kazakhstan", 4100.0), ("Germany", 620.0), ("Japan", 310.0)} <= flows


def test_a_bare_count_of_the_next_state_in_a_list_of_shares() -> None:
    text = "Russia accounted for 51,000 people, Turkey for 4,300 and South Korea for 2,100."
    assert [(f.figure.value, f.figure.unit) for f in find_figures(text)] == [
        (51000.0, "people"), (4300.0, "people"), (2100.0, "people")]


def test_a_bare_count_opening_a_clause_after_a_time_phrase_or_and() -> None:
    text = "In the first quarter of 2025, 88,000 left for Russia, and 31,000 came home."
    assert [(f.figure.value, f.figure.unit) for f in find_figures(text)] == [(88000.0, "people"), (31000.0, "people")]


def test_an_agency_reports_details_after_its_lede(gazetteer: Any) -> None:
    text = ("BISHKEK, Oct. 8 /24.kg/ - Fragments of an unmanned aerial vehicle were found in Naryn region, the "
            "Ministry of Emergency Situations reported.\n\nAccording to it, on October 7, a resident of Kochkor "
            "village reported that herders had found metal parts in a gorge 4 kilometers from the village.")
    assert _brief(_incidents(gazetteer, text, "2025-10-08")) == [
        ("drone", "debris", "Kochkor", "2025-10-07", "confirmed")]


# --- features ---

def test_a_scenario_the_reader_is_asked_to_imagine_is_no_event(gazetteer: Any) -> None:
    text = ("Imagine a morning in early spring. Drones strike the refinery in Pavlodar, and 12,000 residents are "
            "evacuated to Ekibastuz.\n\nThat is the scenario a think tank in Astana set for officials last week.")
    assert _incidents(gazetteer, text, "2025-10-14") == []
    assert [d.date.iso() for d in find_dates("last week", published=dt.date(2025, 10, 14))]
