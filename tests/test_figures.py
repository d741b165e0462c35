"""Figures in text: values, scales, approximations and what they count."""

from __future__ import annotations

import time

import pytest

from mapper.figures import find_figures


@pytest.mark.parametrize(("text", "value", "unit", "approx"), [
    ("roughly 15,500 refugees crossed", 15500, "people", True),
    ("some 2.4 million workers left", 2_400_000, "people", True),
    ("almost three million residents", 3_000_000, "people", True),
    ("42 wounded civilians and their families", 42, "people", False),
    ("312 Tajik nationals returned", 312, "people", False),
    ("at least 9 had been killed", 9, "killed", True),
    ("a deal worth $37 million", 37_000_000, "USD", False),
    ("about 2.5 tonnes of copper", 2.5, "tons", True),
    ("11 drones were shot down", 11, "drones", False),
    ("over 40% of the fleet", 40, "percent", True),
    ("and injuring 26, officials said", 26, "injured", False),
    ("killing at least 5, the governor said", 5, "killed", True),
    ("the three, labour migrants from Osh, signed", 3, "people", False),
    ("the two who were detained", 2, "people", False),
    ("18,000 foreigners were expelled", 18000, "people", False),
    ("and injured one employee, the governor said", 1, "injured", False),
    ("border guards killed four members of the group", 4, "killed", False),
    ("18 of those expelled were put on a flight", 18, "people", False),
])
def test_counts(text: str, value: float, unit: str, approx: bool) -> None:
    (f,) = find_figures(text)
    assert (f.figure.value, f.figure.unit, f.figure.approximate) == (value, unit, approx)
    assert text[f.start:f.end] == f.figure.text


def test_duration_and_age_are_not_counts() -> None:
    spans = find_figures("The 52-year-old pilot trained for 14 months on a 10-day course.")
    assert [(f.figure.value, f.figure.unit) for f in spans] == [(52, "age"), (14, "months"), (10, "days")]
    assert not any(f.is_count for f in spans)


def test_the_number_alone_counts_people_only_before_people() -> None:
    assert find_figures("the two, both drones, and the three regions") == []


def test_model_numbers_and_ordinals_are_not_figures() -> None:
    assert find_figures("A Geran-2 drone hit the 112th brigade base.") == []


@pytest.mark.parametrize("text", ["7" * 5000 + " people", "1" + ",000" * 4000 + " migrants",
                                  "about " * 5000, "$" * 8000 + "5"])
def test_huge_inputs_neither_hang_nor_crash(text: str) -> None:
    t0 = time.perf_counter()
    spans = find_figures(text)
    assert time.perf_counter() - t0 < 2.0
    assert all(f.figure.value < 1e16 for f in spans)


def test_number_words_and_digits_in_text_order() -> None:
    found = find_figures("Two drones hit a depot, 14 people were hurt and a hundred residents fled; eleven returned.")
    assert [(f.figure.value, f.figure.unit) for f in found] == [(2, "drones"), (14, "injured"), (100, "people")]
    assert [f.start for f in found] == sorted(f.start for f in found)


def test_one_of_the_largest_is_no_count() -> None:
    assert find_figures("Ukraine launched one of its largest drone attacks of the war.") == []
    assert [f.figure.value for f in find_figures("One of the drones hit a house.")] == [1.0]


def test_an_amount_per_period_is_a_rate_not_a_count() -> None:
    (cap,) = find_figures("The refinery can process about 8 million tonnes of crude a year.")
    assert (cap.figure.value, cap.figure.unit, cap.is_count) == (8e6, "rate", False)
    (wage,) = find_figures("Workers are paid 200,000 rubles a month.")
    assert (wage.figure.unit, wage.is_count) == ("rate", False)
    (seized,) = find_figures("Police seized 3 tons of explosives in the town.")
    assert (seized.figure.unit, seized.is_count) == ("tons", True)


def test_one_named_victim_of_a_trade_or_service_is_counted() -> None:
    found = find_figures("A Kyrgyz border guard was killed and two were wounded in a shootout.")
    assert [(f.figure.value, f.figure.unit) for f in found] == [(1.0, "killed"), (2.0, "injured")]


def test_one_victim_taken_to_hospital_or_hurt_is_one_injured() -> None:
    for text in ("Debris hit a shop in the town. A pensioner was hospitalized with burns.",
                 "A 40-year-old man was hurt when the drone fell near his garage."):
        assert [(f.figure.value, f.figure.unit) for f in find_figures(text) if f.figure.unit != "age"] == [
            (1.0, "injured")], text


def test_a_share_of_them_takes_the_unit_of_the_count_before() -> None:
    found = find_figures("The ministry said it destroyed 57 drones overnight, 21 of them over the Bryansk region.")
    assert [(f.figure.value, f.figure.unit) for f in found] == [(57.0, "drones"), (21.0, "drones")]


def test_a_list_item_counts_with_the_noun_told_once_for_the_list() -> None:
    # "Poland took 1,700 nurses and Italy 450": the second place's bare number is its share of the list
    found = [(f.figure.value, f.figure.unit) for f in find_figures("Poland took 1,700 nurses and Italy 450.")]
    assert found == [(1700.0, "people"), (450.0, "")]
    found = [f.figure.value for f in find_figures("Russia led with 52,000, followed by Belarus with 9,300.")]
    assert 9300.0 in found
    # no count before the list, a month's day or a year: no share
    assert find_figures("The fleet has Airbus jets and Boeing 737s and Boeing 777.") == []
    assert find_figures("Talks were held in March and again on June 4.") == []
    assert [f.figure.value for f in find_figures("Kyiv counted 40 drones in 2023 and Lviv 2024.")] == [40.0]


def test_harm_told_after_the_people_counted() -> None:
    found = find_figures("Two Kyrgyz border guards were wounded; three servicemen were killed and four civilians "
                         "injured, while 600 troops were deployed.")
    assert [(f.figure.value, f.figure.unit) for f in found] == [
        (2, "injured"), (3, "killed"), (4, "injured"), (600, "fighters")]


def test_harm_verb_before_an_approximate_count() -> None:
    found = find_figures("The fighting killed about 100 people and injured more than 200 others.")
    assert [(f.figure.value, f.figure.unit) for f in found][:1] == [(100, "killed")]


def test_one_victim_after_an_active_verb() -> None:
    found = find_figures("Russian shelling of Nikopol injured a 57-year-old man; the blast did not hurt a knee.")
    assert [(f.figure.value, f.figure.unit) for f in found if f.figure.unit != "age"] == [(1, "injured")]


def test_shot_dead_counts_the_killed() -> None:
    found = find_figures("Border guards shot dead three armed men who tried to cross the river.")
    assert [(f.figure.value, f.figure.unit) for f in found] == [(3, "killed")]


def test_two_victims_and_a_count_with_an_including_clause() -> None:
    found = find_figures("A drone struck a car, killing a man and a woman. Three more people, including a teenager, "
                         "were injured; ten people, including the mayor, attended.")
    assert [(f.figure.value, f.figure.unit) for f in found] == [(2, "killed"), (3, "injured"), (10, "people")]


def test_a_share_after_including_is_no_count_of_its_own() -> None:
    found = find_figures("A drone hit a block, injuring nine people, including two children, the governor said.")
    assert [(f.figure.value, f.figure.unit) for f in found] == [(9, "injured"), (2, "")]
    assert found[1].figure.text == "two children"


def test_no_one_is_nobody_and_a_listed_destination_counts_people() -> None:
    assert find_figures("No one was injured, and the refinery kept working.") == []
    found = find_figures("Some 52,000 Uzbeks left for South Korea, 38,000 for Turkey and 21,000 for the UK.")
    assert [(f.figure.value, f.figure.unit) for f in found] == [(52000, "people"), (38000, "people"), (21000, "people")]
