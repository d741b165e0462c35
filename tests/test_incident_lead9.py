"""Rules the lead's probes of wire-style migration and strike reports prompted (session 9): a state that
sends its workers abroad is their origin, "leaving for" is a move, "the number of <people> leaving ..." counts
the people named, a lede's trend with no figure is no move, a past event named as a cause (with its own year)
does not date the flow, and a capital pressing a campaign is a government, not a strike site. The texts are
written for these tests."""

from __future__ import annotations

from typing import Any

from test_incident_ho32 import _incidents


def _roles(inc: Any) -> set[tuple[str, str]]:
    return {(loc.role, loc.country) for loc in inc.locations}


def test_a_state_sending_its_workers_is_their_origin(gazetteer: Any) -> None:
    text = ("TASHKENT — Tajikistan sent 4,300 seasonal workers to Britain between March and June, the migration "
            "agency said on Friday.")
    incs = _incidents(gazetteer, text, "2025-07-04")
    assert len(incs) == 1 and {("origin", "TJ"), ("destination", "GB")} <= _roles(incs[0])


def test_the_number_of_people_leaving_for_a_country_is_a_counted_flow(gazetteer: Any) -> None:
    text = ("The number of Kyrgyz citizens leaving for Russia fell by a quarter to about 220,000 in the first half "
            "of the year.")
    incs = _incidents(gazetteer, text, "2025-07-20")
    assert len(incs) == 1 and {("origin", "KG"), ("destination", "RU")} <= _roles(incs[0])
    assert [f.value for f in incs[0].figures] == [220000]
    assert incs[0].date is not None and incs[0].date.iso().startswith("2025-01")


def test_a_past_event_named_as_a_cause_does_not_date_the_flow(gazetteer: Any) -> None:
    text = ("ASTANA — Departures of Kazakh workers to South Korea rose. The number of Tajiks leaving for Russia fell "
            "to about 300,000 after Moscow tightened its rules following the Crocus City Hall attack in March 2024.")
    incs = [i for i in _incidents(gazetteer, text, "2025-06-10") if ("destination", "RU") in _roles(i)]
    assert len(incs) == 1 and incs[0].date is not None and not incs[0].date.iso().startswith("2024")


def test_a_ledes_trend_with_no_figure_is_no_move(gazetteer: Any) -> None:
    text = ("BISHKEK — The number of Kyrgyz workers leaving for Russia has dropped sharply since new rules came into "
            "force, officials said.")
    assert _incidents(gazetteer, text, "2025-10-10") == []


def test_a_capital_pressing_a_campaign_is_no_strike_site(gazetteer: Any) -> None:
    text = ("Ukrainian drones struck an oil depot in Russia's Bryansk region overnight, the governor said on Sunday, "
            "as Kyiv pressed its campaign against Russian fuel supplies.")
    incs = _incidents(gazetteer, text, "2025-08-10")
    assert len(incs) == 1 and [loc.name for loc in incs[0].locations] == ["Bryansk region"]


def test_a_state_downing_drones_in_its_airspace_after_a_dateline(gazetteer: Any) -> None:
    """An interception over a country that names only the country (its airspace) is mapped at the country, after
    a dateline too; "during the war" of the current war is no history."""
    text = ("VILNIUS, June 2 (Reuters) - Lithuania shot down two drones that entered its airspace overnight, the army "
            "said on Monday, the first time it has fired on drones during the war.")
    incs = _incidents(gazetteer, text, "2025-06-02")
    assert [(i.subtype, [loc.name for loc in i.locations]) for i in incs] == [("interception", ["Lithuania"])]


def test_a_return_through_airports_with_a_time_between(gazetteer: Any) -> None:
    text = ("DUSHANBE - More than 1,800 Tajik migrants returned home from Russia in August through Dushanbe and "
            "Kulob airports, the Migration Service said on Thursday.")
    incs = _incidents(gazetteer, text, "2025-09-04")
    assert len(incs) == 1 and incs[0].subtype == "return"
    assert {(loc.role, loc.name) for loc in incs[0].locations} >= {("origin", "Russia"), ("destination", "Dushanbe")}


def test_drones_downed_over_the_city_of_the_event_just_told(gazetteer: Any) -> None:
    text = ("Two people were injured when debris from a drone fell on a house in Kursk overnight, the governor said on "
            "Sunday. Air defences destroyed 14 drones over the city, he wrote on Telegram.")
    incs = _incidents(gazetteer, text, "2025-08-17")
    assert sorted((i.subtype, i.locations[0].name) for i in incs) == [("debris", "Kursk"), ("interception", "Kursk")]


def test_missiles_fired_at_a_place_are_a_strike(gazetteer: Any) -> None:
    text = ("On Tuesday Ukrainian forces fired ATACMS missiles at an ammunition depot in the Bryansk region, the "
            "Russian defence ministry said.")
    incs = _incidents(gazetteer, text, "2024-11-21")
    assert [(i.type.value, i.subtype, i.locations[0].name) for i in incs] == [("operation", "strike", "Bryansk region")]


def test_a_perfect_since_the_start_of_the_war_is_a_series(gazetteer: Any) -> None:
    text = ("The Black Sea Fleet, whose ships are based in Novorossiysk, has fired cruise missiles at Ukrainian "
            "ports since the first months of the invasion.")
    assert _incidents(gazetteer, text, "2025-03-02") == []


def test_villages_that_came_under_fire_in_a_region(gazetteer: Any) -> None:
    """"came under fire" is a strike; "the villages of Murom and ..." in the Belgorod region are no city of
    that name far away: a village the gazetteer lacks is mapped at its region."""
    text = ("In the Belgorod region, Governor Vyacheslav Gladkov said the town of Shebekino and the villages of Murom "
            "and Novaya Tavolzhanka came under fire on Sunday, injuring one woman.")
    incs = _incidents(gazetteer, text, "2025-08-04")
    assert len(incs) == 1 and (incs[0].type.value, incs[0].subtype) == ("operation", "strike")
    assert {loc.name for loc in incs[0].locations} >= {"Shebekino", "Novaya Tavolzhanka"}
    assert all(loc.lat < 52 for loc in incs[0].locations)  # (Murom on the Oka is at 55.6 N)


def test_coming_under_fire_from_critics_is_no_strike(gazetteer: Any) -> None:
    text = ("The regional government came under fire from officials in Aktobe on Monday for not sending enough "
            "doctors to the flooded villages.")
    assert [i for i in _incidents(gazetteer, text, "2025-04-08") if i.type.value == "operation"] == []


def test_hits_recorded_two_sentences_after_the_drones(gazetteer: Any) -> None:
    text = ("Russia attacked overnight with 85 Shahed-type drones, the air force said on Sunday. Air defences shot "
            "down or suppressed 60 of them. Hits were recorded at six locations, including Zaporizhzhia and Nikopol.")
    incs = _incidents(gazetteer, text, "2025-10-19")
    assert any(i.type.value == "drone" and i.subtype == "strike"
               and {"Zaporizhzhia", "Nikopol"} <= {loc.name for loc in i.locations} for i in incs)


def test_what_an_attack_came_before_is_no_site_of_it(gazetteer: Any) -> None:
    text = ("Drones struck an oil depot in the Bryansk region overnight, the governor said on Sunday. The attack "
            "came hours before delegations were due to meet in Istanbul for talks.")
    incs = _incidents(gazetteer, text, "2025-06-01")
    assert [loc.name for i in incs for loc in i.locations] == ["Bryansk region"]


def test_an_operation_named_in_a_relative_clause_at_a_base_far_from_its_regions_point(gazetteer: Any) -> None:
    """'The operation, which X called "Y,"': a named operation; a base 450 km from the point of the region it lies
    in is in that region, and the finer site."""
    text = ('KYIV (AP) - The operation, which Ukraine\'s Security Service called "Spiderweb," targeted the Belaya '
            "air base in the Irkutsk region on Sunday, an official said.")
    incs = _incidents(gazetteer, text, "2025-06-01")
    assert len(incs) == 1 and incs[0].name == "Operation Spiderweb"
    assert [loc.name for loc in incs[0].locations] == ["Belaya air base"]


def test_a_deadly_derailment_is_a_raid_of_its_own_beside_a_named_operation(gazetteer: Any) -> None:
    text = ('KYIV (AP) - An operation it called "Spiderweb" struck the Olenya air base in the Murmansk region on '
            "Sunday, Ukraine's Security Service said.\n\nIn the Bryansk region, a bridge collapsed overnight on "
            "Saturday, derailing a passenger train and killing seven people, Russian officials said.")
    incs = _incidents(gazetteer, text, "2025-06-01")
    assert sorted((i.subtype, i.locations[0].name) for i in incs) == [
        ("named operation", "Olenya air base"), ("raid", "Bryansk region")]


def test_people_entering_a_state_counted_by_it(gazetteer: Any) -> None:
    """'were entering the country' after the state's ministry, and a state that 'said 98,000 Russians had
    entered': the state is the destination; 'persons entering the country' (a category) and 're-entering' are
    no move."""
    text = ("Georgia's interior ministry said about 10,000 people a day were entering the country from Russia. "
            "Kazakhstan said 98,000 Russians had entered since Sept. 21, most through the Orenburg border crossing.")
    incs = _incidents(gazetteer, text, "2022-09-27")
    assert sorted(tuple(sorted(_roles(i))) for i in incs) == [
        (("destination", "GE"), ("origin", "RU")), (("destination", "KZ"), ("origin", "RU"))]
    text = ("Most of the 1,100 new cases were transmitted locally, not by persons entering the country from abroad, "
            "the health ministry said.")
    assert _incidents(gazetteer, text, "2009-07-01") == []


def test_operators_not_found_are_no_find_and_a_drone_into_a_neighbours_territory(gazetteer: Any) -> None:
    text = ("Police searched the fields around Freising overnight but had not found the operators of the drones, a "
            "spokesman said on Saturday.")
    assert _incidents(gazetteer, text, "2025-10-04") == []
    text = ("The drone flew about 15 km into Moldovan territory near the village of Palanca before turning back on "
            "Sunday, the defence ministry said.")
    incs = _incidents(gazetteer, text, "2025-09-29")
    assert [(i.subtype, i.locations[0].country) for i in incs] == [("sighting", "MD")]


def test_the_built_in_samples_dated_finds_and_one_recruitment_count(gazetteer: Any) -> None:
    """The sample (the seed's facts in our words): the three finds told by their days in a sentence running 'since
    early 2024' are events, not a series, and '80,000 who had avoided the front' two sentences after a recruitment
    is no count of it."""
    from mapper.articles import read_sample
    from mapper.incidents import extract_incidents
    from mapper.pipeline import parse_article

    incs = extract_incidents([parse_article(a, gazetteer) for a in read_sample()])
    finds = {(i.locations[0].name, i.date.iso() if i.date else None) for i in incs if i.subtype == "debris"}
    assert {("Ualy", "2025-02-18"), ("Atameken", "2025-03-18"), ("Zhanibek", "2025-03-25")} <= finds
    assert not any(f.value == 80000 for i in incs for f in i.figures)
