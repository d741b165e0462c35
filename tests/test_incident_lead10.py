"""Rules the lead's probes of wire-style reports prompted (session 10): a tally over a region and over cities of
other regions keeps every site, a night's tally and a day's are two interceptions, a level the number of workers
fell to is their count, and a country taking workers in is their destination. The texts are written for these
tests."""

from __future__ import annotations

from typing import Any

from test_incident_ho32 import _incidents
from test_incident_lead9 import _roles


def test_a_tally_keeps_a_region_beside_cities_of_other_regions(gazetteer: Any) -> None:
    text = ("Russia's Defence Ministry said air defence units had destroyed 57 Ukrainian drones over several regions "
            "overnight, including 21 over Bryansk, 12 over Kursk and nine over the Moscow region.")
    incs = _incidents(gazetteer, text, "2026-12-05")
    assert len(incs) == 1 and incs[0].subtype == "interception"
    assert {"Bryansk", "Kursk", "Moscow region"} <= {loc.name for loc in incs[0].locations}


def test_a_city_still_stands_for_its_own_region_in_a_tally(gazetteer: Any) -> None:
    """Moscow lies in the Moscow region's area (another first-level code, but beside its point): the city is the
    finer site and the region goes."""
    text = "Air defences shot down 30 drones over the Moscow region overnight, 12 of them flying toward Moscow."
    incs = _incidents(gazetteer, text, "2026-12-05")
    assert len(incs) == 1 and [loc.name for loc in incs[0].locations] == ["Moscow"]


def test_a_nights_tally_and_a_days_tally_are_two_interceptions(gazetteer: Any) -> None:
    text = ("On the night of 3 to 4 December, air defence systems destroyed 41 Ukrainian drones over the Bryansk, "
            "Kursk and Oryol regions. In addition, in the daytime on 3 December, 16 Ukrainian drones were "
            "destroyed over the Belgorod region.")
    incs = _incidents(gazetteer, text, "2026-12-04")
    counts = sorted(max(f.value for f in i.figures) for i in incs if i.subtype == "interception")
    assert counts == [16, 41]


def test_the_level_a_number_of_workers_fell_to_is_their_count(gazetteer: Any) -> None:
    text = ("The Uzbek labour agency said on Friday that the number of Uzbeks leaving to work in Russia fell by 18 "
            "percent in the first ten months of the year, to 790,000.")
    incs = _incidents(gazetteer, text, "2026-12-05")
    assert len(incs) == 1 and {("origin", "UZ"), ("destination", "RU")} <= _roles(incs[0])
    assert [f.value for f in incs[0].figures] == [790000]


def test_a_country_taking_workers_in_is_their_destination(gazetteer: Any) -> None:
    for verb in ("took another", "received"):
        text = f"South Korea {verb} 22,000 Uzbek workers between January and October, the agency said."
        incs = _incidents(gazetteer, text, "2026-12-05")
        assert len(incs) == 1 and {("origin", "UZ"), ("destination", "KR")} <= _roles(incs[0]), verb
        assert [f.value for f in incs[0].figures] == [22000]


def test_a_country_receiving_complaints_is_no_flow(gazetteer: Any) -> None:
    text = "Kazakhstan received 300 complaints from workers about unpaid wages last year, the ministry said."
    assert _incidents(gazetteer, text, "2026-12-05") == []


def test_a_toll_after_an_attack_told_with_no_place_is_where_it_struck(gazetteer: Any) -> None:
    text = ("Russia launched 653 drones and 51 missiles at Ukraine overnight, the Ukrainian air force said on Sunday. "
            "In the Kyiv region, three people were injured in the Fastiv district, Governor Mykola Kalashnyk said.")
    incs = _incidents(gazetteer, text, "2026-12-07")
    assert [(i.subtype, [loc.name for loc in i.locations]) for i in incs] == [("strike", ["Fastiv district"])]
    assert [f.value for f in incs[0].figures] == [3]


def test_a_toll_in_another_paragraph_after_separately_is_no_strike(gazetteer: Any) -> None:
    text = ("Russia launched 120 drones at Ukraine overnight, the air force said on Sunday.\n\n"
            "Separately, two people were killed in a car crash in the Poltava region, police said.")
    assert _incidents(gazetteer, text, "2026-12-07") == []


def test_launching_production_of_drones_is_no_attack(gazetteer: Any) -> None:
    text = ("Russia launched serial production of Geran drones at a new plant in Yelabuga this year, the company said. "
            "Two workers were injured in an accident at the plant in Tatarstan on Monday, officials said.")
    assert _incidents(gazetteer, text, "2026-12-07") == []


def test_every_country_of_the_deported_citizens_is_a_home(gazetteer: Any) -> None:
    text = ("Russia deported more than 32,000 foreigners in the first nine months of the year, most of them citizens "
            "of Uzbekistan, Tajikistan and Kyrgyzstan, the Interior Ministry said on Tuesday.")
    incs = _incidents(gazetteer, text, "2026-12-08")
    assert len(incs) == 1 and _roles(incs[0]) == {("origin", "RU"), ("destination", "UZ"), ("destination", "TJ"),
                                                  ("destination", "KG")}


def test_a_city_owning_an_airport_is_no_second_site(gazetteer: Any) -> None:
    text = ("Oslo's Gardermoen airport closed its airspace for three hours early on Tuesday after a drone sighting, "
            "Norwegian police said.")
    incs = _incidents(gazetteer, text, "2026-12-02")
    assert [(i.subtype, [loc.name for loc in i.locations]) for i in incs] == [("sighting", ["Gardermoen airport"])]


def test_a_warring_armys_dated_strikes_on_the_grid_are_a_strike_where_power_went(gazetteer: Any) -> None:
    text = ("Russian strikes on Ukraine's energy grid left more than 1 million households without power in the "
            "Kharkiv, Sumy, Poltava and Dnipropetrovsk regions on Saturday, Ukraine's energy ministry said.")
    incs = _incidents(gazetteer, text, "2026-12-06")
    assert [(i.type.value, i.subtype) for i in incs] == [("operation", "strike")]
    assert {loc.name for loc in incs[0].locations} == {"Kharkiv region", "Sumy region", "Poltava region",
                                                       "Dnipropetrovsk region"}


def test_undated_attacks_condemned_are_no_strike(gazetteer: Any) -> None:
    text = "The EU condemned Russian attacks on civilian infrastructure in Odesa and called for more air defence."
    assert _incidents(gazetteer, text, "2026-12-06") == []


def test_police_in_a_city_handing_call_up_papers_recruit_there(gazetteer: Any) -> None:
    text = ("Police in Yekaterinburg detained 46 migrants from Central Asia during a raid on a construction market on "
            "Tuesday and handed 12 of them military call-up papers, the regional interior ministry said.")
    incs = _incidents(gazetteer, text, "2026-12-03")
    assert len(incs) == 1 and incs[0].subtype == "recruitment"
    assert ("Yekaterinburg", "site") in {(loc.name, loc.role) for loc in incs[0].locations}


def test_a_hedge_on_what_the_thing_was_leaves_the_find_confirmed(gazetteer: Any) -> None:
    text = ("Fragments of what officials described as a fixed-wing drone were discovered near the village of Zhympity "
            "in the West Kazakhstan region on December 3, the regional emergency department said.")
    incs = _incidents(gazetteer, text, "2026-12-05")
    assert [(i.subtype, i.status.value) for i in incs] == [("debris", "confirmed")]
    hedged = "Officials described as a drone attack the blast near Zhympity on December 3, residents said."
    assert all(i.status.value == "claimed" for i in _incidents(gazetteer, hedged, "2026-12-05"))


def test_a_headline_of_two_far_strikes_is_two_strikes(gazetteer: Any) -> None:
    text = "Russian drone attack kills two in Kharkiv, damages power plant in Odesa region"
    incs = _incidents(gazetteer, text, "2026-12-06")
    assert sorted(loc.name for i in incs for loc in i.locations) == ["Kharkiv", "Odesa region"] and len(incs) == 2


def test_a_list_of_struck_cities_stays_one_strike(gazetteer: Any) -> None:
    text = "Russian drones struck Kharkiv, Odesa and Lviv overnight, officials said on Saturday."
    assert len(_incidents(gazetteer, text, "2026-12-06")) == 1


def test_the_speakers_own_strikes_beside_its_interceptions_leave_the_places_to_them(gazetteer: Any) -> None:
    text = ("Russia's Defence Ministry said its forces had struck energy facilities used by the Ukrainian military "
            "and shot down 48 Ukrainian drones over Russian regions overnight, including 19 over the Belgorod region.")
    incs = _incidents(gazetteer, text, "2026-12-06")
    assert [(i.subtype, [loc.name for loc in i.locations]) for i in incs] == [("interception", ["Belgorod region"])]


def test_the_main_destination_receiving_workers_and_a_state_taking_the_rest(gazetteer: Any) -> None:
    text = "Russia remained the main destination, receiving about 402,000 Tajik workers, while Kazakhstan took 41,000."
    incs = _incidents(gazetteer, text, "2026-12-04")
    got = sorted((loc.name, max(f.value for f in i.figures)) for i in incs for loc in i.locations
                 if loc.role == "destination")
    assert got == [("Kazakhstan", 41000), ("Russia", 402000)]


def test_during_the_nine_months_dates_a_flow_as_the_first_nine_months(gazetteer: Any) -> None:
    text = ("The ministry said 489,000 Tajiks had left for work in January-September.\n\nOfficials blamed rules "
            "tightened after the attack on Crocus City Hall near Moscow in March 2024.\n\nMeanwhile, 118,000 migrants "
            "returned to Tajikistan from Russia during the nine months, the ministry said.")
    incs = [i for i in _incidents(gazetteer, text, "2026-12-04") if i.subtype == "return"]
    assert len(incs) == 1 and incs[0].date is not None and incs[0].date.iso() == "2026-01-01/2026-09-30"


def test_launching_drone_deliveries_is_no_attack(gazetteer: Any) -> None:
    text = ("Uzbekistan's Uzum launched drone deliveries of medicine in Tashkent's Yunusabad district on Friday, "
            "flying parcels to pharmacies within 15 minutes.")
    assert _incidents(gazetteer, text, "2026-12-05") == []
    attack = "Russia launched 40 drones at the Kharkiv region overnight, the governor said on Friday."
    assert [i.subtype for i in _incidents(gazetteer, attack, "2026-12-05")] == ["strike"]


def test_a_region_relocating_its_children_is_the_origin(gazetteer: Any) -> None:
    text = ("Russia's Belgorod region has relocated more than 3,000 children from border districts to summer camps in "
            "other regions, Governor Vyacheslav Gladkov said.")
    incs = _incidents(gazetteer, text, "2026-06-05")
    assert [(i.type.value, [(loc.name, loc.role) for loc in i.locations]) for i in incs] == [
        ("migration", [("Belgorod region", "origin")])]


def test_those_who_remained_are_no_count_of_the_evacuated(gazetteer: Any) -> None:
    text = ("More than 200 residents were evacuated from the town of Kupiansk over the past week, the Kharkiv regional "
            "administration said on Sunday, adding that about 1,800 people remained there.")
    incs = _incidents(gazetteer, text, "2026-12-06")
    assert len(incs) == 1 and [f.value for f in incs[0].figures] == [200]


_NIGHT = ("Russian drone attack kills two in Kharkiv, damages power plant in Odesa region\n\n"
          "A Russian drone attack on Kharkiv overnight killed two people and wounded 11, regional Governor Oleh "
          "Syniehubov said on Saturday, as Moscow pounded Ukraine's energy system ahead of winter.\n\n"
          "Drones hit a residential high-rise and a warehouse in the city's Kyivskyi and Slobidskyi districts, Mayor "
          "Ihor Terekhov said on Telegram.\n\n"
          "In the southern Odesa region, a thermal power plant was damaged and a fire broke out, the regional "
          "administration said.\n\n"
          "Ukraine's air force said Russia launched 142 drones of various types overnight, of which 117 were shot down "
          "or suppressed by electronic warfare.\n\n"
          "Russia's Defence Ministry said its forces had struck energy facilities used by the Ukrainian military and "
          "shot down 48 Ukrainian drones over Russian regions, including 19 over the Belgorod region.")


def test_a_night_of_attacks_told_city_by_city(gazetteer: Any) -> None:
    """The capital waging war is no site, the warehouse struck no staging point, the two far cities of the headline
    two strikes, the nationwide tally no count of the later city's strike, and the speaker's own strikes leave the
    Belgorod region to its interceptions."""
    incs = _incidents(gazetteer, _NIGHT, "2026-12-06")
    got = [(i.subtype, [loc.name for loc in i.locations], sorted(f.value for f in i.figures)) for i in incs]
    assert got == [("strike", ["Kharkiv"], [2, 11]), ("strike", ["Odesa region"], []),
                   ("interception", ["Belgorod region"], [48])]


def test_a_campaign_stepped_up_is_no_strike_at_its_examples(gazetteer: Any) -> None:
    text = ("Kyiv has stepped up attacks on Russian oil infrastructure, including the Tuapse refinery and the port of "
            "Primorsk on the Baltic, the SBU said on Monday.")
    assert _incidents(gazetteer, text, "2026-12-01") == []


def test_a_headlines_region_gives_way_to_the_village_the_lede_finds(gazetteer: Any) -> None:
    text = ("Drone debris found in Kazakhstan's Aktobe region\n\nFragments of an unmanned aerial vehicle were found on "
            "Tuesday near the village of Shubarkuduk, the regional police department said.")
    incs = _incidents(gazetteer, text, "2026-12-03")
    assert [(i.subtype, [loc.name for loc in i.locations]) for i in incs] == [("debris", ["Shubarkuduk"])]


def test_recruits_signed_after_migrant_raids_are_counted_since_the_year_began_where_they_were_held(
        gazetteer: Any) -> None:
    text = ("At least 120 citizens of Kyrgyzstan have signed contracts with Russia's Defence Ministry since the start "
            "of the year, many of them after being detained in migrant raids in Moscow and St Petersburg, Kyrgyz "
            "rights activists said on Tuesday.")
    incs = _incidents(gazetteer, text, "2026-12-02")
    assert len(incs) == 1 and incs[0].subtype == "recruitment" and incs[0].date is not None
    assert incs[0].date.iso().startswith("2026-01-01/")
    assert {(loc.name, loc.role) for loc in incs[0].locations} >= {("Moscow", "site"), ("St Petersburg", "site")}


def test_police_in_a_city_after_a_time_opener_recruit_there(gazetteer: Any) -> None:
    text = ("In October, police in Moscow detained 300 migrants from Central Asia and handed call-up papers to 17 of "
            "them who held Russian passports, the activists said.")
    incs = _incidents(gazetteer, text, "2026-12-02")
    assert len(incs) == 1 and ("Moscow", "site") in {(loc.name, loc.role) for loc in incs[0].locations}


def test_a_toll_far_from_the_event_before_is_none_of_its_victims(gazetteer: Any) -> None:
    text = ("A Russian drone attack on Kherson killed one man and injured four people, the regional military "
            "administration said. In the Kharkiv region, two people were killed in the Kupiansk district, Governor "
            "Oleh Syniehubov reported.")
    incs = [i for i in _incidents(gazetteer, text, "2026-12-06") if any(loc.name == "Kherson" for loc in i.locations)]
    assert len(incs) == 1 and sorted(f.value for f in incs[0].figures) == [1, 4]


def test_an_army_killing_civilians_at_one_place_is_a_strike_there(gazetteer: Any) -> None:
    text = "Russian troops killed two civilians in Kherson on Tuesday, the regional governor said."
    incs = _incidents(gazetteer, text, "2026-12-03")
    assert [(i.type.value, i.subtype, [loc.name for loc in i.locations]) for i in incs] == [
        ("operation", "strike", ["Kherson"])]
    losses = "Ukrainian forces killed 40 Russian soldiers near Pokrovsk over the past day, the General Staff said."
    assert _incidents(gazetteer, losses, "2026-12-03") == []


def test_a_counted_group_named_by_an_invariant_plural_demonym_is_a_flow(gazetteer: Any) -> None:
    text = ("Kyrgyzstan's State Migration Service said 2,300 ethnic Kyrgyz (kairylmans) moved to the country from "
            "Tajikistan, China and Afghanistan in the first eleven months of the year.")
    incs = _incidents(gazetteer, text, "2026-12-05")
    assert len(incs) == 1 and {("origin", "TJ"), ("origin", "CN"), ("origin", "AF")} <= _roles(incs[0])
    assert [f.value for f in incs[0].figures] == [2300]


def test_blasts_heard_across_the_border_are_placed_where_the_text_puts_them(gazetteer: Any) -> None:
    text = ("Residents of the village of Zhanibek in West Kazakhstan region reported hearing loud explosions on "
            "Tuesday night as drones attacked targets across the border in Russia's Saratov region, local media "
            "reported.")
    incs = _incidents(gazetteer, text, "2026-12-03")
    assert [(i.subtype, [loc.name for loc in i.locations]) for i in incs] == [("strike", ["Saratov region"])]


def test_a_crossing_named_with_border_is_a_site(gazetteer: Any) -> None:
    text = ("Finnish border guards said a drone was seen flying over the Vaalimaa border crossing point near the "
            "Russian border on Friday evening.")
    incs = _incidents(gazetteer, text, "2026-12-05")
    assert [(i.subtype, [loc.name for loc in i.locations]) for i in incs] == [("sighting", ["Vaalimaa"])]


def test_a_radar_that_detected_objects_is_no_target(gazetteer: Any) -> None:
    text = ("Lithuania closed Vilnius airport for the third time this week late on Saturday after radar detected "
            "objects believed to be smuggling balloons flying in from Belarus, the crisis centre said.")
    assert _incidents(gazetteer, text, "2026-12-06") == []


def test_a_ministry_of_employment_of_a_state_at_peace_confirms(gazetteer: Any) -> None:
    text = ("Uzbekistan's Ministry of Employment said 1.1 million Uzbek citizens were working abroad as of October 1, "
            "most of them in Russia.")
    incs = _incidents(gazetteer, text, "2026-12-05")
    assert [i.status.value for i in incs] == ["confirmed"]


def test_a_shared_dateline_and_an_event_told_as_the_time_mark(gazetteer: Any) -> None:
    """A dateline of two cities ("BISHKEK/DUSHANBE") places nothing; "met in Batken, a day after a shootout near
    Ak-Sai" tells the shootout at Ak-Sai (the mark's clause holds the sentence's only event)."""
    text = ("BISHKEK/DUSHANBE, Dec 4 - Kyrgyz and Tajik officials met in Batken on Thursday, a day after a shootout "
            "between border guards near the village of Ak-Sai left one Kyrgyz serviceman dead and two Tajik guards "
            "wounded.")
    incs = _incidents(gazetteer, text, "2026-12-04")
    assert [(i.subtype, [loc.name for loc in i.locations]) for i in incs] == [("raid", ["Ak-Sai"])]
