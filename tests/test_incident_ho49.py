"""Rules the ho49-ho52 held-out batches prompted (long wire stories, Central Asian outlets, official statements
as published, mixed precision); the texts are written for these tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from test_incident_ho32 import _incidents

from mapper.dates import find_dates
from mapper.incident_drone import drone_event
from mapper.lexicon import load_lexicon


def _event(text: str) -> tuple[str, str]:
    return drone_event(text, load_lexicon().find(text))


def _rows(incs: list[Any]) -> list[tuple[str, str, str, str | None, str]]:
    return [(i.type.value, i.subtype, i.locations[0].name, i.date.iso() if i.date else None, i.status.value)
            for i in incs]


# --- a share of the drones named first ---

def test_a_share_of_the_drones_launched_at_a_region_destroyed_is_an_interception() -> None:
    assert _event("Of the 96 drones launched at the Moscow region overnight, 34 were destroyed on approach to "
                  "the capital.")[0] == "interception"
    # houses destroyed are no drones brought down
    assert _event("A drone attack on the village damaged 12 houses, and 3 were destroyed.")[0] == "strike"


# --- officials' updates dated by the time of day ---

def test_a_sentence_opened_by_the_time_of_day_is_dated_from_publication() -> None:
    pub = dt.date(2025, 6, 17)
    text = 'Lysak: "In the evening, the enemy attacked the district.'
    assert [(d.date.text, d.date.iso()) for d in find_dates(text, published=pub)] == [("In the evening", "2025-06-16")]
    assert [d.date.iso() for d in find_dates("At night, air defence shot down 7 UAVs.", published=pub)] == [
        "2025-06-16/2025-06-17"]
    assert [d.date.iso() for d in find_dates("A drone hit a plant in the morning.", published=pub)] == ["2025-06-17"]
    # a habit: "at night" inside a sentence, "in the morning" before more words, tell no day
    assert find_dates("Shaheds usually fly at night and strike in the morning hours.", published=pub) == []


# --- attacks by several weapons in one report ---

def test_an_attack_with_artillery_and_kamikaze_drones_is_an_operation_and_its_follow_up_too(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, 'Governor Serhii Lysak: "In the evening, the enemy attacked the Nikopol district '
                                 'with artillery and kamikaze drones. Nikopol, the Marhanets and Myrove communities '
                                 'were targeted. A 58-year-old man was injured in Nikopol."', "2025-06-17")
    assert [(r[0], r[1]) for r in _rows(incs)] == [("operation", "strike")]


def test_a_days_attacks_using_artillery_mortars_drones_and_aviation_are_an_operation(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, "Kherson Regional Military Administration: over the past day, the enemy carried "
                                 "out 412 attacks on 37 settlements of the region, using artillery, mortars, drones "
                                 "and aviation.", "2025-07-22")
    assert [(r[0], r[1]) for r in _rows(incs)] == [("operation", "strike")]


# --- a front bulletin by direction, published whole ---

def test_items_by_direction_are_ground_fighting_claimed_by_the_bulletins_body(gazetteer: Any) -> None:
    text = ("General Staff of the Armed Forces of Ukraine: operational information as of 08:00 on 15.10.2025\n\n"
            "Over the past day, the enemy used 4,210 kamikaze drones.\n\n"
            "In the Kharkiv direction, the enemy attacked four times near Vovchansk. In the Pokrovsk direction, "
            "the enemy carried out 47 assaults near Rodynske.\n\n"
            "In addition, units of the Defence Forces struck the Saratov oil refinery overnight.")
    got = [(i.type.value, i.subtype, i.locations[-1].name, i.status.value)
           for i in _incidents(gazetteer, text, "2025-10-15")]
    assert got == [("operation", "strike", "Vovchansk", "claimed"), ("operation", "strike", "Rodynske", "claimed"),
                   ("operation", "strike", "Saratov", "claimed")]


def test_a_regional_headquarters_report_is_an_authoritys(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, "On March 16, a Ukrainian drone attacked the Ilsky oil refinery in the Krasnodar "
                                 "region; a fire broke out, the regional headquarters reported.", "2025-03-18")
    assert [(r[1], r[4]) for r in _rows(incs)] == [("strike", "confirmed")]


# --- a ministry's tally with its regions in a list after a colon ---

def test_a_tally_listing_its_regions_after_a_colon_is_placed_and_dated(gazetteer: Any) -> None:
    text = ("Ministry of Defence of the Russian Federation: during the past night, air defence assets destroyed "
            "40 Ukrainian UAVs:\n\n— 25 over the territory of the Kursk region,\n— 15 over the territory of the "
            "Oryol region.")
    assert _rows(_incidents(gazetteer, text, "2025-08-09")) == [
        ("drone", "interception", "Kursk region", "2025-08-08/2025-08-09", "claimed")]


# --- precision: stocks of migrants, the start of a series ---

def test_a_country_home_to_n_migrants_is_a_stock(gazetteer: Any) -> None:
    assert _incidents(gazetteer, "Russia is home to about 3.1 million labour migrants, most of them from "
                                 "Uzbekistan and Tajikistan, researchers estimate.", "2025-07-31") == []
    incs = _incidents(gazetteer, "About 3,100 labour migrants from Uzbekistan left for Russia in June, the agency "
                                 "said.", "2025-07-31")
    assert [(i.subtype, i.locations[-1].name) for i in incs] == [("labour migration", "Russia")]


def test_when_the_first_drones_hit_a_city_years_ago_is_history(gazetteer: Any) -> None:
    assert _incidents(gazetteer, "When the first Shahed drones hit Kyiv in October 2022, air defence units had "
                                 "little idea how to stop them.", "2025-12-03") == []
    incs = _incidents(gazetteer, "When the first drones hit Kyiv on Tuesday night, air defence units shot down "
                                 "most of them.", "2025-12-03")
    assert incs and incs[0].locations[0].name == "Kyiv"


# --- names that are no sites: a government, a weapon's model, a meeting's venue ---

def test_the_kyiv_regime_and_a_missiles_model_code_are_no_sites(gazetteer: Any) -> None:
    assert _incidents(gazetteer, "Over the past week, in response to terrorist attacks by the Kyiv regime, the "
                                 "armed forces delivered 11 strikes with attack drones.", "2025-03-18") == []
    incs = _incidents(gazetteer, "Air defence assets shot down 4 Neptune-MD missiles and 30 drones over the "
                                 "Bryansk region overnight.", "2025-03-18")
    assert [loc.name for i in incs for loc in i.locations] == ["Bryansk region"]


def test_the_venue_of_talks_is_no_site_of_the_attacks(gazetteer: Any) -> None:
    text = ("A Russian drone attack on Kharkiv wounded 19 people overnight, Kharkiv governor Oleh Syniehubov said on "
            "Tuesday.\n\nThe attacks came a day after Ukrainian and Russian delegations met in Istanbul for a "
            "second round of direct talks.")
    assert [loc.name for i in _incidents(gazetteer, text, "2025-06-03") for loc in i.locations] == ["Kharkiv"]


def test_a_governor_abbreviated_gov_is_an_authority(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, "In Odesa, a drone hit an apartment block overnight, injuring two people, Odesa "
                                 "regional Gov. Oleh Kiper said.", "2025-06-03")
    assert [(i.subtype, i.status.value) for i in incs] == [("strike", "confirmed")]


# --- an attack on a whole country: another country's places are no sites of it ---

def test_places_abroad_are_no_sites_of_an_attack_on_western_ukraine(gazetteer: Any) -> None:
    text = ("Polish jets were scrambled early on Monday after Russia launched a massive drone and missile attack on "
            "western Ukraine, and airports in Rzeszow and Lublin were briefly closed.")
    assert _incidents(gazetteer, text, "2025-10-06") == []
    incs = _incidents(gazetteer, "Russia launched a massive drone attack on western Ukraine overnight, hitting "
                                 "an energy facility in Lviv.", "2025-10-06")
    assert [i.locations[0].name for i in incs] == ["Lviv"]


# --- strikes told by their toll: the weapon as subject, a warring army's strike ---

def test_missiles_that_killed_people_in_a_subordinate_clause_are_a_strike(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, "Residents of Sumy were still clearing rubble on Wednesday from the street where, "
                                 "on Sunday morning, two Russian ballistic missiles killed 35 people.", "2025-04-16")
    assert _rows(incs) == [("operation", "strike", "Sumy", "2025-04-13", "confirmed")]


def test_a_russian_strike_with_a_toll_is_an_operation_and_a_strike_alone_is_not(gazetteer: Any) -> None:
    assert _rows(_incidents(gazetteer, "In May 2024, a Russian strike on a hardware store in Kharkiv killed 19 "
                                       "people.", "2025-06-03")) == [
        ("operation", "strike", "Kharkiv", "2024-05", "confirmed")]
    assert _incidents(gazetteer, "In May 2024, a strike on a hardware store in Kharkiv killed 19 people.",
                      "2025-06-03") == []  # (a strike with no side named may be a walkout)


def test_overnight_on_the_day_of_publication_is_the_night_that_ended_on_it() -> None:
    text = "The ministry said it had destroyed 33 drones overnight on Monday."
    assert [d.date.iso() for d in find_dates(text, published=dt.date(2025, 12, 1))][0] == "2025-11-30/2025-12-01"
    assert [d.date.iso() for d in find_dates(text, published=dt.date(2025, 12, 2))][0] == "2025-12-01/2025-12-02"


def test_it_was_last_hit_on_a_day_is_an_earlier_strike_on_the_facility_told_before(gazetteer: Any) -> None:
    text = ("Ukrainian drones attacked the Ryazan oil refinery overnight, setting a unit on fire, the region's "
            "governor said on Friday.\n\nThe Ryazan refinery can process about 17 million tonnes of crude a year. "
            "It was last hit on October 23, when a drone attack forced it to halt a unit.")
    got = sorted((i.subtype, i.locations[0].name, i.date.iso() if i.date else None)
                 for i in _incidents(gazetteer, text, "2025-11-14"))
    assert got == [("strike", "Ryazan", "2025-10-23"), ("strike", "Ryazan", "2025-11-13/2025-11-14")]


def test_citizens_brought_home_told_earlier_after_an_evacuation_are_evacuated_too(gazetteer: Any) -> None:
    text = ("The ministry said on September 2 that 147 Uzbek citizens had been evacuated from Israel by a special "
            "flight to Tashkent. Earlier, in June, 320 Uzbek nationals were brought home from Iran by land.")
    assert sorted((i.subtype, i.locations[0].name) for i in _incidents(gazetteer, text, "2025-09-03")) == [
        ("evacuation", "Iran"), ("evacuation", "Israel")]
    text = ("The ministry said on September 2 that 147 Uzbek citizens had been evacuated from Israel by a special "
            "flight to Tashkent. Earlier, in June, 320 Uzbek migrant workers were brought home from Russia.")
    assert sorted((i.subtype, i.locations[0].name) for i in _incidents(gazetteer, text, "2025-09-03")) == [
        ("evacuation", "Israel"), ("return", "Russia")]


def test_drone_strikes_told_in_items_of_different_districts_stay_apart(gazetteer: Any) -> None:
    text = ("Belgorod region governor Vyacheslav Gladkov: \"In the Shebekino district, a drone struck a car in the "
            "village of Novaya Tavolzhanka; a man was injured. In the Belgorod district, a drone attacked a private "
            "house in the village of Razumnoye. No one was hurt.\"")
    got = sorted(i.locations[0].name for i in _incidents(gazetteer, text, "2025-09-30"))
    assert got == ["Novaya Tavolzhanka", "Razumnoye"]


def test_a_city_regularly_hit_is_a_habit_and_a_strike_on_the_citys_area_a_background_strike(gazetteer: Any) -> None:
    text = ("Zaporizhzhia, which had a pre-war population of about 700,000, has been regularly hit by glide bombs "
            "and drones. In April, a Russian strike on the city's industrial area killed one person.")
    assert _rows(_incidents(gazetteer, text, "2025-08-18")) == [
        ("operation", "strike", "Zaporizhzhia", "2025-04", "confirmed")]


def test_one_mans_recruitment_is_a_persons_story_and_a_group_is_a_case(gazetteer: Any) -> None:
    assert _incidents(gazetteer, "DUSHANBE — A Tajik citizen who was recruited into the Russian army from a "
                                 "detention centre in Yekaterinburg in November has been killed, his relatives "
                                 "said.", "2025-02-19") == []
    incs = _incidents(gazetteer, "DUSHANBE — Forty Tajik migrants were recruited into the Russian army from a "
                                 "detention centre in Yekaterinburg in November, their relatives said.", "2025-02-19")
    assert [i.subtype for i in incs] == ["recruitment"]
