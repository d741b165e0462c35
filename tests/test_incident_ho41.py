"""Rules the ho41 held-out batch prompted (short news items: feed pages, live blogs and headline-only items in
headlinese) and flows whose origin was lost ("fled X into Y"); the texts are written for these tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from test_incident_ho32 import _brief, _incidents

from mapper.figures import find_figures
from mapper.incidents import extract_incidents
from mapper.model import Article, Incident
from mapper.pipeline import parse_article


def _ends(incs: list[Incident]) -> list[tuple[str, list[tuple[str, str]]]]:
    return sorted((i.subtype, [(loc.name, loc.role) for loc in i.locations]) for i in incs)


# --- a move told origin first: "fled X into Y", "left X for Y", "escaped from X into Y" ---

def test_a_move_told_origin_first_keeps_both_ends(gazetteer: Any) -> None:
    cases = {
        "Thousands of people fled Afghanistan into Tajikistan's Khatlon region last week.":
            [("relocation", [("Afghanistan", "origin"), ("Khatlon region", "destination")])],
        "About 500 families left Kharkiv for Lviv last week.":
            [("relocation", [("Kharkiv", "origin"), ("Lviv", "destination")])],
        "Some 2,000 Afghans escaped from Afghanistan into Tajikistan last week.":
            [("relocation", [("Afghanistan", "origin"), ("Tajikistan", "destination")])],
    }
    for text, want in cases.items():
        assert _ends(_incidents(gazetteer, text, "2025-06-02")) == want, text


def test_one_traveller_or_a_company_leaving_is_no_flow(gazetteer: Any) -> None:
    for text in ("The minister left Astana for Moscow on Monday.",
                 "The carmaker left Russia for Kazakhstan in 2022, moving its assembly line to Kostanay."):
        assert _incidents(gazetteer, text, "2025-06-02") == [], text


def test_migrants_in_flight_are_no_labour_migration(gazetteer: Any) -> None:
    # (a headline: "migrants" is the group, the verb says they fled)
    incs = _incidents(gazetteer, "Migrants flee Afghanistan into Tajikistan's Gorno-Badakhshan region", "2025-06-02")
    assert [(i.subtype, i.locations[0].name, i.locations[0].role) for i in incs] == [
        ("relocation", "Afghanistan", "origin")]


def test_a_return_through_an_airport_ends_there(gazetteer: Any) -> None:
    for text in ("Uzbek migrants return from Russia via Tashkent airport",
                 "Some 1,400 Uzbek citizens flew home from Russian cities through Tashkent airport on Saturday."):
        incs = _incidents(gazetteer, text, "2025-09-08")
        assert [(i.subtype, [(loc.name, loc.role) for loc in i.locations if loc.role == "destination"])
                for i in incs] == [("return", [("Tashkent airport", "destination")])], text
        assert all(loc.role != "origin" or loc.name != "Tashkent airport" for loc in incs[0].locations)


# --- headlinese: nouns and present tense of a short item ---

def test_a_drone_crash_in_a_headline_is_debris(gazetteer: Any) -> None:
    assert [(i.subtype, i.locations[0].name) for i in _incidents(
        gazetteer, "Moldova reports drone crash near Ceadir-Lunga", "2025-08-14")] == [("debris", "Ceadir-Lunga")]
    assert _incidents(gazetteer, "Plane crash near Almaty airport kills two", "2025-08-14") == []


def test_a_headline_with_no_body_is_the_news_of_its_day(gazetteer: Any) -> None:
    assert _brief(_incidents(gazetteer, "Explosions rock Engels as Ukrainian drones target air base", "2025-07-03")
                  ) == [("drone", "strike", "Engels", "2025-07-03", "confirmed")]


def test_a_live_blog_time_stamp_is_no_count() -> None:
    assert find_figures("07:55 Drone hits apartment block in Lutsk") == []
    assert [f.figure.value for f in find_figures("from 08:00 to 20:00 Moscow time, 18 Ukrainian UAVs were destroyed")
            ] == [18.0]


def test_blasts_heard_while_air_defences_down_drones_are_the_interception(gazetteer: Any) -> None:
    text = "Explosions were heard over Novorossiysk overnight, and the mayor said air defences had shot down 9 drones."
    assert [(i.subtype, i.locations[0].name) for i in _incidents(gazetteer, text, "2025-07-03")] == [
        ("interception", "Novorossiysk")]
    text = "Drone explosions were heard near the Engels air base early on Wednesday, residents said."
    assert [i.subtype for i in _incidents(gazetteer, text, "2025-07-03")] == ["strike"]


def test_a_neutral_states_operational_command_vouches(gazetteer: Any) -> None:
    text = ("A Russian drone entered Polish airspace near Hrubieszow early on Thursday, Poland's Operational Command "
            "said.")
    assert [i.status.value for i in _incidents(gazetteer, text, "2025-08-14")] == ["confirmed"]


# --- feed pages: each item its own story ---

def test_a_feed_item_takes_no_destination_from_the_item_above(gazetteer: Any) -> None:
    text = ("Kyrgyzstan sends 700 workers to Germany\nAbout 700 Kyrgyz workers left for Germany in May under a "
            "seasonal scheme, the labour ministry said.\n\nKharkiv villages evacuated\nMore than 1,500 people were "
            "evacuated from villages in the Kharkiv region on Wednesday, regional officials said.")
    evac = [i for i in _incidents(gazetteer, text, "2025-06-20") if i.subtype == "evacuation"]
    assert [[loc.name for loc in i.locations] for i in evac] == [["Kharkiv region"]]


def test_a_headline_joins_the_event_its_summary_tells(gazetteer: Any) -> None:
    text = ("Families flee Vovchansk for Kharkiv\nAbout 400 residents left Vovchansk for Kharkiv on Monday to escape "
            "shelling, the regional governor said.\n\nDrone debris found near Uralsk\nPolice found parts of a drone "
            "near Uralsk on Sunday.")
    assert sorted((i.subtype, len(i.sources)) for i in _incidents(gazetteer, text, "2025-05-20")) == [
        ("debris", 2), ("evacuation", 2)]


def test_drone_reports_in_two_countries_are_two_events(gazetteer: Any) -> None:
    arts = [Article("a", "Romanian police find drone fragments near Plauru", published=dt.date(2025, 6, 1)),
            Article("b", "Moldova reports drone crash near Ceadir-Lunga", published=dt.date(2025, 6, 1))]
    incs = extract_incidents([parse_article(a, gazetteer) for a in arts])
    assert sorted(i.locations[0].name for i in incs) == ["Ceadir-Lunga", "Plauru"]


def test_shelling_people_fled_from_is_the_reason_of_an_evacuation(gazetteer: Any) -> None:
    # ("to escape shelling": why they left, as "because of shelling"; no strike of its own)
    text = "About 400 residents left Vovchansk for Kharkiv on Monday to escape shelling, the governor said."
    assert _ends(_incidents(gazetteer, text, "2025-05-20")) == [
        ("evacuation", [("Vovchansk", "origin"), ("Kharkiv", "destination")])]


# --- one sentence, two kinds of move (ho40-02) ---

def test_departures_and_returns_in_one_sentence_are_two_flows(gazetteer: Any) -> None:
    text = ("In 2024, 390,000 Kyrgyz citizens left the country for work, most of them for Russia, the labour ministry "
            "said. In the first half of 2025, 170,000 left for Russia, and 52,000 came home.")
    got = sorted((i.subtype, [(loc.name, loc.role) for loc in i.locations], [f.value for f in i.figures])
                 for i in _incidents(gazetteer, text, "2025-08-01") if 170000.0 in {f.value for f in i.figures}
                 or 52000.0 in {f.value for f in i.figures})
    assert got == [("labour migration", [("Russia", "destination")], [170000.0]),
                   ("return", [("Russia", "origin"), ("Kyrgyzstan", "destination")], [52000.0])]


def test_residents_of_a_village_taken_to_shelters_leave_the_village(gazetteer: Any) -> None:
    # (the origin was lost: only "evacuated", "relocated" and "moved" looked back to "residents of X")
    text = "The governor said 210 residents of Tetkino had been taken to temporary shelters in Kursk on Sunday."
    assert _ends(_incidents(gazetteer, text, "2025-11-10")) == [
        ("relocation", [("Tetkino", "origin"), ("Kursk", "destination")])]


# --- headlines: a country's airspace, a plan ---

def test_a_country_whose_airspace_drones_enter_is_the_sightings_place(gazetteer: Any) -> None:
    assert [(i.subtype, i.locations[0].name) for i in _incidents(
        gazetteer, "Poland scrambles jets as Russian drones enter airspace", "2025-09-10")] == [("sighting", "Poland")]
    for text in ("Poland buys drones to guard its airspace", "Lithuania plans drone wall to protect its airspace"):
        assert _incidents(gazetteer, text, "2025-09-10") == [], text


def test_a_headline_worded_as_a_plan_is_no_event(gazetteer: Any) -> None:
    for text in ("Kazakh border service to close airspace to drones over Baikonur",
                 "Uzbekistan to send 500 workers to South Korea",
                 "Drone makers news\nKazakhstan to buy 200 drones for border guards\nThe purchase was approved."):
        assert _incidents(gazetteer, text, "2025-09-10") == [], text
    assert [i.subtype for i in _incidents(gazetteer, "Families flee Vovchansk for Kharkiv to escape shelling",
                                          "2025-09-10")] == ["evacuation"]
