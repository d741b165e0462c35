"""More classes of error the incident dev set's KNOWN_FAILURES held, fixed with general rules; the texts are written
for these tests (none is a dev row)."""

from __future__ import annotations

from typing import Any

from test_incident_ho32 import _brief, _incidents

from mapper.incident_dates import sentence_figures


def _harmed(sentence: str) -> list[tuple[float, str]]:
    return [(f.figure.value, f.figure.unit) for f in sentence_figures(sentence)
            if f.figure.unit in ("killed", "injured")]


def _figures(gazetteer: Any, text: str, published: str) -> list[list[float]]:
    return [sorted(f.value for f in i.figures if f.unit in ("killed", "injured")) for i in _incidents(gazetteer, text,
                                                                                                        published)]


# --- class: one victim named before a counted group, or a victim told by the digit 1 ---


def test_one_victim_and_a_counted_group_are_added() -> None:
    assert _harmed("The driver and three passengers were injured when the drone hit the bus.") == [(4.0, "injured")]
    assert _harmed("A woman and two children were killed in the strike on the house.") == [(3.0, "killed")]
    assert _harmed("Two soldiers and four civilians were wounded.") == [(4.0, "injured")]  # (no single victim)


def test_a_victim_told_by_a_digit_is_counted() -> None:
    assert _harmed("As a result of the shelling, 1 person was killed and 4 people were injured.") == [
        (1.0, "killed"), (4.0, "injured")]
    assert _harmed("Shelling damaged 21 houses; 11 people were injured.") == [(11.0, "injured")]


# --- class: a toll told a sentence or two on, across a paragraph, by a sentence pointing back ---


def test_a_toll_pointing_back_across_a_paragraph_joins_the_strike(gazetteer: Any) -> None:
    text = ("Over the past day, Russian troops shelled the town of Nikopol with heavy artillery, the Dnipropetrovsk "
            "regional governor said on Tuesday.\n\nA school and a shop were damaged.\n\nAs a result of the attack, "
            "two people were killed and 5 were injured.")
    assert _figures(gazetteer, text, "2025-06-10") == [[2.0, 5.0]]


def test_a_speakers_toll_after_his_quote_joins_the_strike(gazetteer: Any) -> None:
    text = ("Ukrainian drones struck an oil depot in the Tambov region overnight, governor Yevgeny Pervyshov said on "
            "Monday.\n\n\"Debris fell on the territory of the depot and a fire broke out,\" Pervyshov wrote.\n"
            "He said three workers were hurt and taken to hospital.")
    assert _figures(gazetteer, text, "2025-06-09") == [[3.0]]


def test_a_toll_far_on_that_points_nowhere_stays_apart(gazetteer: Any) -> None:
    text = ("Ukrainian drones struck an oil depot in the Tambov region overnight, governor Yevgeny Pervyshov said on "
            "Monday.\n\nThe depot stores diesel fuel.\n\nThe region is about 400 km from the border.\n\n"
            "Three workers were hurt in an unrelated accident at a farm last week.")
    assert _figures(gazetteer, text, "2025-06-09") == [[]]


# --- class: "villages near the front line in the X district": an evacuation from a district ---


def test_an_evacuation_from_villages_near_the_front_in_a_district_is_kept(gazetteer: Any) -> None:
    text = ("The regional governor said on Monday that 30 children and their families were being evacuated from "
            "three villages near the front line in the Polohy district.")
    incs = _incidents(gazetteer, text, "2025-08-18")
    assert [(i.type.value, i.subtype, i.locations[0].name) for i in incs] == [
        ("migration", "evacuation", "Polohy district")]


# --- class: an official named earlier quoted again by surname and "also" ---


def test_an_official_quoted_again_by_surname_also_confirms(gazetteer: Any) -> None:
    text = ("Russian forces shelled the city of Nikopol on Monday, wounding four people, regional governor Serhiy "
            "Lysak said.\n\nLysak also said 40 residents had been evacuated from the village of Marhanets.")
    assert _brief(_incidents(gazetteer, text, "2025-08-18")) == [
        ("migration", "evacuation", "Marhanets", "2025-08-18", "confirmed"),
        ("operation", "strike", "Nikopol", "2025-08-18", "confirmed")]


# --- class: "The fragments ... were found on Tuesday" after a lede's find: that find's day, no second find ---


def test_the_fragments_found_next_are_the_ledes_find(gazetteer: Any) -> None:
    text = ("ASTANA, Oct 16 — Kazakh officials said on Thursday they had found the wreckage of a drone near the "
            "village of Chapaev in the west of the country.\n\nThe fragments, including a tail and a propeller, "
            "were discovered by a shepherd on Wednesday in a pasture, the West Kazakhstan region's police said.")
    assert _brief(_incidents(gazetteer, text, "2025-10-16")) == [
        ("drone", "debris", "Chapaev", "2025-10-15", "confirmed")]


def test_fragments_of_another_kind_of_event_are_no_follow_up(gazetteer: Any) -> None:
    text = ("Ukrainian drones struck an oil depot in the Bryansk region overnight, the governor said on Thursday.\n"
            "The fragments were found on Wednesday in a field near the village of Suzemka, police said.")
    assert _brief(_incidents(gazetteer, text, "2025-10-16")) == [
        ("drone", "debris", "Suzemka", "2025-10-15", "confirmed"),
        ("drone", "strike", "Bryansk region", "2025-10-15/2025-10-16", "confirmed")]


# --- class: a toll ending a paragraph that tells the event again, and one "taken to hospital" ---


def test_a_toll_after_the_events_details_joins_it(gazetteer: Any) -> None:
    text = ("Kyrgyz and Tajik border guards exchanged fire near the village of Dostuk in the Batken region on "
            "June 3, the Kyrgyz border service said.\n\nAt about 18:00, Tajik servicemen opened fire on a Kyrgyz "
            "patrol. Two Kyrgyz border guards were wounded and taken to the district hospital.")
    incs = _incidents(gazetteer, text, "2025-06-04")
    assert [(i.type.value, i.subtype) for i in incs] == [("operation", "raid")]
    assert [(f.value, f.unit) for f in incs[0].figures if f.unit == "injured"] == [(2.0, "injured")]


# --- class: a share of a counted total, and "the region" of a city's regional administration ---


def test_a_share_of_a_total_is_counted_too() -> None:
    figs = [(f.figure.value, f.figure.unit) for f in sentence_figures("Air defences downed 30 of the 34 drones.")]
    assert figs == [(30.0, "drones"), (34.0, "drones")]


def test_the_region_of_a_citys_regional_administration(gazetteer: Any) -> None:
    text = ("Mykolaiv regional military administration head Vitaliy Kim said on Thursday that Russia had attacked "
            "the region with drones overnight.\n\nIn the Voznesensk district, a farm building was damaged and a "
            "tractor driver was injured. Air defence forces shot down 17 of the 20 drones launched at the region, "
            "Kim said.")
    incs = _incidents(gazetteer, text, "2025-07-24")
    got = sorted((i.subtype, i.locations[0].name, sorted(f.value for f in i.figures)) for i in incs)
    assert got == [("interception", "Mykolaiv region", [17.0, 20.0]), ("strike", "Voznesensk district", [1.0])]


def test_who_found_the_wreckage_dates_a_find_told_by_the_month(gazetteer: Any) -> None:
    text = ("PETROPAVL — Police are investigating the discovery of a drone's wreckage near the village of Bishkul, "
            "the third such find in the region this month, the regional police said on Friday.\n\nA shepherd "
            "noticed the wreckage on Thursday morning in a pasture and called the police, the department said.")
    assert [(i.subtype, i.date.iso() if i.date else None) for i in _incidents(gazetteer, text, "2025-10-17")] == [
        ("debris", "2025-10-16")]
