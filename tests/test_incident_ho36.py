"""Rules the ho36 and ho37 held-out batches prompted (texts written for these tests, in the batches' styles)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from test_incident_ho32 import _brief, _incidents

from mapper.dates import find_dates
from mapper.figures import find_figures


def _flows(gazetteer: Any, text: str, published: str) -> list[tuple[str, list[str], float]]:
    return sorted((i.subtype, sorted(loc.name for loc in i.locations), max(f.value for f in i.figures))
                  for i in _incidents(gazetteer, text, published) if i.type.value == "migration")


def test_a_crossing_each_way_in_one_sentence(gazetteer: Any) -> None:
    text = ("Poland's Border Guard said 31,200 people crossed from Ukraine into Poland on Monday, while 28,900 "
            "crossed back into Ukraine the same day.")
    assert _flows(gazetteer, text, "2023-03-14") == [("relocation", ["Poland", "Ukraine"], 31200.0),
                                                     ("return", ["Ukraine"], 28900.0)]


def test_a_running_number_counts_people_and_a_population_nothing() -> None:
    text = ("The number of residents who have left the town since Monday reached 4,350 by Thursday, out of a "
            "population of about 9,000.")
    assert [(f.figure.value, f.figure.unit) for f in find_figures(text)] == [(4350.0, "people")]


def test_days_and_weeks_ago_are_days_before_publication() -> None:
    text = "Two weeks ago the unit hit a boat; three days ago a drone fell."
    found = find_dates(text, published=dt.date(2024, 2, 14))
    assert [d.date.iso() for d in found] == ["2024-01-31", "2024-02-11"]


def test_a_span_of_days_across_two_months() -> None:
    found = find_dates("arrivals between March 27 and April 4", published=dt.date(2024, 4, 10))
    assert [d.date.iso() for d in found] == ["2024-03-27/2024-04-04"]


def test_a_running_total_since_a_day_until_another(gazetteer: Any) -> None:
    text = ("The number of Armenians who have left Nagorno-Karabakh for Armenia since Monday reached 21,300 by "
            "Thursday, the government said.")
    assert [i.date.iso() for i in _incidents(gazetteer, text, "2023-09-29") if i.date] == ["2023-09-25/2023-09-28"]


def test_a_days_crossings_and_the_total_since_are_two_flows(gazetteer: Any) -> None:
    text = ("About 17,000 Afghans crossed back from Iran through Islam Qala on Monday, the IOM said. Since May 2, "
            "more than 310,000 Afghans have returned from Iran, it said.")
    assert [f for _s, _p, f in _flows(gazetteer, text, "2025-06-10")] == [17000.0, 310000.0]


def test_victims_told_with_an_evacuation_are_the_fights(gazetteer: Any) -> None:
    text = ("Border troops exchanged fire near the village of Ak-Sai in the Batken region on Thursday. Officials "
            "said 5 people had been killed and 19 wounded, and that 3,200 residents of Ak-Sai and Samarkandyk had "
            "been evacuated.")
    figures = {i.subtype: sorted(f.value for f in i.figures) for i in _incidents(gazetteer, text, "2025-06-13")}
    assert figures == {"raid": [5.0, 19.0], "evacuation": [3200.0]}


def test_air_defences_that_destroyed_drones_intercepted_them(gazetteer: Any) -> None:
    text = ("In Odesa, the regional military administration said air defence units had destroyed more than 20 "
            "drones over the city overnight.")
    assert [i.subtype for i in _incidents(gazetteer, text, "2025-05-02")] == ["interception"]


def test_a_film_about_a_raid_is_no_raid(gazetteer: Any) -> None:
    text = "A documentary about the 2022 raid on the Snake Island garrison premiered in Odesa on Friday."
    assert _incidents(gazetteer, text, "2025-03-08") == []


def test_a_raid_claimed_keeps_its_status_beside_confirmed_shelling(gazetteer: Any) -> None:
    text = ("Russia's Defence Ministry said on Monday it had repelled a Ukrainian sabotage group near the village "
            "of Tyotkino, killing 12 fighters. Kursk governor Alexander Khinshtein said Tyotkino had come under "
            "artillery fire and that one civilian had been wounded.")
    assert [(i.subtype, i.status.value) for i in _incidents(gazetteer, text, "2025-03-18")
            if i.subtype == "raid"] == [("raid", "claimed")]


def test_a_district_of_another_city_is_no_site(gazetteer: Any) -> None:
    text = ("In Kharkiv, mayor Ihor Terekhov said air defences had shot down five drones over the city, and debris "
            "damaged cars in the Shevchenkivskyi district.")
    assert [[loc.name for loc in i.locations] for i in _incidents(gazetteer, text, "2025-04-24")] == [["Kharkiv"]]


def test_sea_drones_sank_a_ship_in_a_bay(gazetteer: Any) -> None:
    text = "Ukraine's military intelligence said its sea drones sank a patrol boat in Donuzlav Bay on Tuesday."
    assert _brief(_incidents(gazetteer, text, "2024-03-06")) == [
        ("drone", "strike", "Donuzlav Bay", "2024-03-05", "claimed")]


def test_a_move_told_in_a_relative_clause_after_its_crossing(gazetteer: Any) -> None:
    lars = ("Thousands of Russians fled the draft into Georgia this week. Most waited for days at Upper Lars, where "
            "12,000 people crossed on Sunday alone, the Georgian interior ministry said.")
    counted = [(sorted(loc.name for loc in i.locations), [f.value for f in i.figures])
               for i in _incidents(gazetteer, lars, "2022-10-01") if i.figures]
    assert counted == [(["Upper Lars"], [12000.0])]
    chaman = ("Afghans were leaving Pakistan ahead of the deadline. Queues formed at the Chaman crossing, through "
              "which about 9,000 people left on Thursday, officials said.")
    assert _flows(gazetteer, chaman, "2023-11-03") == [("relocation", ["Chaman"], 9000.0)]


def test_a_crossings_count_after_the_countrys_total_is_its_own_flow(gazetteer: Any) -> None:
    text = ("More than 90,000 Russians have entered Kazakhstan since Monday, officials said.\n\nThe busiest post "
            "was Zhaisan in the Aktobe region, through which 31,000 people passed in the week.")
    assert [f for _s, _p, f in _flows(gazetteer, text, "2022-09-30")] == [90000.0, 31000.0]


def test_people_who_live_or_work_at_a_place_are_no_flow(gazetteer: Any) -> None:
    for text in ("Officials in Kazakhstan said Oral, where 12,000 people live, had set up shelters for the displaced.",
                 "Police closed the market in Osh, where 300 traders work, after a fire on Sunday."):
        assert _flows(gazetteer, text, "2022-10-02") == []
