"""Rules the ho45-ho48 held-out batches prompted (officials' short updates, ministry tallies, Central Asian
migration items and precision negatives); the texts are written for these tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from test_incident_ho32 import _incidents

from mapper.dates import find_dates
from mapper.incident_drone import drone_event
from mapper.lexicon import load_lexicon


def _event(text: str) -> tuple[str, str]:
    return drone_event(text, load_lexicon().find(text))


# --- air defence tallies: the drones destroyed, whatever their kind, and the drones launched at a whole area ---

def test_drones_destroyed_with_a_hyphenated_kind_or_as_boats_are_an_interception() -> None:
    assert _event("Air defence forces destroyed four aircraft-type UAVs over the Pochep district.")[0] == \
        "interception"
    assert _event("The fleet destroyed three uncrewed boats heading towards Sevastopol.")[0] == "interception"
    assert _event("A drone destroyed a truck near the village.")[0] == "strike"  # the drone did it: a strike


def test_drones_launched_at_a_whole_region_or_country_frame_the_interception() -> None:
    assert _event("Air defences shot down 14 of the 18 drones launched at the region overnight.")[0] == \
        "interception"
    assert _event("Russia launched 80 drones at Ukraine overnight; 61 were shot down over the north.")[0] == \
        "interception"
    # a named city attacked is the strike told with the interception
    assert _event("Russia launched 80 drones at Kyiv overnight, and 61 were shot down.")[0] == "strike"


def test_uncrewed_boats_are_drones(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, "Russia's Defence Ministry said the Black Sea Fleet had destroyed three Ukrainian "
                                 "uncrewed boats off Sevastopol on Monday.", "2025-09-02")
    assert [(i.type.value, i.subtype, i.locations[0].name, [f.value for f in i.figures]) for i in incs] == [
        ("drone", "interception", "Sevastopol", [3.0])]


# --- precision: plans, markets, series of incidents, the effect of a campaign, a speech's venue ---

def test_a_plan_with_its_count_is_no_flow(gazetteer: Any) -> None:
    text = "The ministry said it planned to send about 2,500 seasonal workers to Germany this year."
    assert _incidents(gazetteer, text, "2025-04-09") == []
    # a departure told as done is one
    done = _incidents(gazetteer, "The ministry sent 2,500 seasonal workers to Germany in March.", "2025-04-09")
    assert [(i.subtype, i.locations[-1].name) for i in done] == [("labour migration", "Germany")]


def test_prices_hitting_a_record_strike_nothing(gazetteer: Any) -> None:
    text = ("Traders watched reports of Ukrainian drones over Russian refineries. Diesel prices hit a record on the "
            "Moscow exchange on Friday.")
    assert _incidents(gazetteer, text, "2025-10-10") == []
    hit = _incidents(gazetteer, "Ukrainian drones flew over the region. A drone hit a high-rise in Moscow on Friday.",
                     "2025-10-10")
    assert [(i.subtype, i.locations[0].name) for i in hit] == [("strike", "Moscow")]


def test_a_series_of_incidents_is_no_event(gazetteer: Any) -> None:
    text = "The rules follow several incidents in which drones were seen over airports in Tashkent and Samarkand."
    assert _incidents(gazetteer, text, "2025-12-02") == []


def test_the_effect_of_a_campaign_is_no_strike(gazetteer: Any) -> None:
    text = "Analysts weighed the effect of Ukrainian drone attacks on refineries in the Samara region on Friday."
    assert _incidents(gazetteer, text, "2025-10-10") == []


def test_the_venue_of_a_speech_is_no_site(gazetteer: Any) -> None:
    text = ("More than 300 migrants were recruited into the army in Kazan last month, an official said at a forum "
            "in Sochi on Tuesday.")
    names = [loc.name for i in _incidents(gazetteer, text, "2025-10-14") for loc in i.locations]
    assert "Sochi" not in names


# --- dates and words of a sighting ---

def test_two_days_in_a_row_joined_by_and_are_one_span() -> None:
    got = [d.date.iso() for d in find_dates("Crowds crossed on Saturday and Sunday.", published=dt.date(2025, 10, 21))]
    assert got == ["2025-10-18/2025-10-19"]
    apart = [d.date.iso() for d in find_dates("Drones came on Monday and on Wednesday.",
                                              published=dt.date(2025, 10, 23))]
    assert apart == ["2025-10-20", "2025-10-22"]


def test_a_drone_that_had_flown_over_a_post_is_a_sighting(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, "Border guards said a drone had flown over a checkpoint near Termez on Sunday.",
                      "2025-09-08")
    assert [(i.subtype, i.locations[0].name) for i in incs] == [("sighting", "Termez")]


# --- a counted crossing at a named post ---

def test_people_counted_across_a_named_checkpoint_are_a_flow_through_it(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, "About 9,000 people crossed the Upper Lars checkpoint on Sunday, border guards said.",
                      "2025-03-18")
    assert [(i.subtype, [loc.name for loc in i.locations]) for i in incs] == [("relocation", ["Upper Lars"])]
    home = _incidents(gazetteer, "More than 6,000 people crossed the Dostyk checkpoint on Tuesday as workers travelled "
                                 "home from Russia.", "2025-03-19")
    assert [i.subtype for i in home] == ["return"]
    assert "Dostyk" in [loc.name for loc in home[0].locations][-1]
    # troops crossing a river are no move of people
    assert _incidents(gazetteer, "Russian troops crossed the Oskil River in March.", "2025-06-04") == []


# --- "the ministry said" of a body the same sentence names, in a text's first sentence too ---

def test_the_body_named_earlier_in_the_first_sentence_is_the_speaker(gazetteer: Any) -> None:
    text = ("A plane of Kazakhstan's Ministry of Emergency Situations carrying 60 citizens evacuated from Israel "
            "landed in Almaty on Sunday, the ministry said.")
    assert [i.status.value for i in _incidents(gazetteer, text, "2025-06-23")] == ["confirmed"]
    party = ("Air defences of Russia's Defence Ministry destroyed 12 drones over the Bryansk region on Sunday, "
             "the ministry said.")
    assert [i.status.value for i in _incidents(gazetteer, party, "2025-06-23")] == ["claimed"]


# --- a timed update two lines after its event ---

def test_an_update_line_adds_its_toll_across_a_line_with_no_event_word(gazetteer: Any) -> None:
    text = ("SUMY — 01:10 — A Russian drone struck a house in Sumy overnight.\n\n"
            "Information about casualties is being clarified.\n\n"
            "01:45 — Update: three people were injured in the strike.")
    incs = _incidents(gazetteer, text, "2025-09-12")
    assert [(i.subtype, i.locations[0].name, [f.value for f in i.figures]) for i in incs] == [
        ("strike", "Sumy", [3.0])]


# --- a governor's post item by item: a heading that is a place name alone, a victim who "suffered wounds" ---

def test_a_place_heading_places_the_item_told_after_it(gazetteer: Any) -> None:
    text = ('From the governor\'s Telegram channel:\n\n"Valuyki. At 08:10 a drone struck a lorry at a petrol '
            'station. The driver suffered shrapnel wounds.')
    incs = _incidents(gazetteer, text, "2025-10-17")
    assert [(i.subtype, i.locations[0].name, [f.value for f in i.figures]) for i in incs] == [
        ("strike", "Valuyki", [1.0])]
    # a sentence that says more than a name ("Valuyki is quiet.") is no heading: it places nothing
    quiet = 'From the governor\'s Telegram channel:\n\n"Valuyki is quiet. At 08:10 a drone struck a lorry.'
    assert _incidents(gazetteer, quiet, "2025-10-17") == []


# --- "N of them were shot down" after the drones launched at a region ---

def test_a_share_shot_down_of_the_drones_launched_at_a_region_is_the_interception(gazetteer: Any) -> None:
    text = ("BELGOROD — Over the past day the enemy launched 40 drones at the Belgorod region, the governor said. "
            "31 of them were shot down by air defence.")
    incs = _incidents(gazetteer, text, "2025-10-08")
    assert [(i.subtype, i.locations[0].name, [f.value for f in i.figures]) for i in incs] == [
        ("interception", "Belgorod region", [31.0])]
    # at a whole country the launch is a tally with no site, as before
    country = ("KYIV — Russia launched 90 drones at Ukraine overnight, the Air Force said. 70 of them were shot "
               "down.")
    assert [i.subtype for i in _incidents(gazetteer, country, "2025-10-08")] == []


def test_the_effect_of_one_strike_still_tells_the_strike(gazetteer: Any) -> None:
    text = "The impact of the drone strike on a house in Sumy on Friday shattered windows in nearby streets."
    assert [i.subtype for i in _incidents(gazetteer, text, "2025-10-11")] == ["strike"]


# --- a regional body's confirmation: its region is who speaks, "the port" the town told before ---

def test_a_regional_headquarters_confirming_places_the_event_at_the_town_told_before(gazetteer: Any) -> None:
    text = ("Residents of Novorossiysk posted videos of a fire in the port area overnight, a Telegram channel wrote. "
            "The Krasnodar region's operational headquarters confirmed that debris of a downed drone had fallen on "
            "the territory of the port.")
    incs = _incidents(gazetteer, text, "2025-11-02")
    assert [(i.subtype, [loc.name for loc in i.locations]) for i in incs] == [("debris", ["Novorossiysk"])]
