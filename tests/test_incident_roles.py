"""Roles and sites of incidents on texts written for these tests, through the real geoparser and gazetteer:
returns, recruitment sites, nationalities, plans that are no strikes, one site named twice."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mapper.incidents import extract_incidents
from mapper.model import Article, Incident
from mapper.pipeline import parse_article


def _incidents(gazetteer: Any, *texts: str) -> list[Incident]:
    arts = [Article(f"r{n}", t, published=dt.date(2025, 6, 10)) for n, t in enumerate(texts)]
    return extract_incidents([parse_article(a, gazetteer) for a in arts])


def _roles(inc: Incident) -> dict[str, str]:
    return {loc.name: loc.role for loc in inc.locations}


def test_people_who_return_home_go_to_their_country_not_from_it(gazetteer: Any) -> None:
    (inc,) = _incidents(gazetteer, "More than 4,000 citizens of Kyrgyzstan returned home from Russia in the "
                                   "first five months of the year, the labour ministry said.")
    assert inc.subtype == "return" and _roles(inc) == {"Russia": "origin", "Kyrgyzstan": "destination"}
    (inc,) = _incidents(gazetteer, "About 1,200 Uzbek migrants returned home from Russia in May.")
    assert _roles(inc) == {"Russia": "origin", "Uzbekistan": "destination"}


def test_a_demonym_naming_the_group_is_where_it_comes_from(gazetteer: Any) -> None:
    (inc,) = _incidents(gazetteer, "A rights group said about 300 Kyrgyz citizens have fought for Russia since "
                                   "the full-scale invasion of Ukraine began.")
    assert _roles(inc) == {"Kyrgyzstan": "origin", "Ukraine": "destination"}


def test_the_town_where_migrants_were_recruited_is_the_recruitment_site(gazetteer: Any) -> None:
    (inc,) = _incidents(gazetteer, "Migrants from Tajikistan were recruited in Samara in March and sent to "
                                   "fight in Ukraine, their relatives said.")
    assert inc.subtype == "recruitment"
    assert _roles(inc) == {"Tajikistan": "origin", "Samara": "site", "Ukraine": "destination"}


def test_a_plot_or_a_plan_is_no_strike(gazetteer: Any) -> None:
    assert _incidents(gazetteer, "The FSB said on Tuesday it had detained three men in Novosibirsk who planned "
                                 "a drone attack on the Engels air base.") == []
    assert _incidents(gazetteer, "Two men in Saratov were arrested on suspicion of preparing to launch drones "
                                 "at the Engels airfield, police said.") == []
    (inc,) = _incidents(gazetteer, "Ukrainian drones struck the Engels air base on Tuesday, the governor said.")
    assert inc.subtype == "strike"


def test_a_drone_seen_flying_over_a_port_is_a_sighting(gazetteer: Any) -> None:
    (inc,) = _incidents(gazetteer, "A drone was seen flying over the port of Novorossiysk on Monday evening, "
                                   "residents said.")
    assert (inc.subtype, inc.locations[0].name) == ("sighting", "Novorossiysk")


def test_a_city_and_the_region_named_after_it_are_one_site(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, "Operation Web struck air bases in the Murmansk and Irkutsk regions on June 1. "
                                 "Russia said the drone attacks hit two bases, in Murmansk and Irkutsk.")
    (op,) = [i for i in incs if i.type.value == "operation"]
    assert [loc.name for loc in op.locations] == ["Murmansk region", "Irkutsk region"]


def test_a_city_named_as_a_city_is_kept_instead_of_its_region() -> None:
    from mapper.incident_finish import one_per_site
    from mapper.model import Location, Precision, Source

    city = Location("c", "Chelyabinsk", 55.16, 61.43, Precision.POINT, "staging", "RU")
    region = Location("r", "Chelyabinsk region", 54.5, 60.5, Precision.REGION, "staging", "RU")
    told = [Source("a", "Drones were put together in the Russian city of Chelyabinsk.", 0, 60)]
    assert one_per_site([city, region], told) == [city]
    assert one_per_site([city, region], [Source("a", "Parts went to Chelyabinsk.", 0, 26)]) == [region]


def test_moving_an_organisation_or_taking_people_into_custody_is_no_migration(gazetteer: Any) -> None:
    assert _incidents(gazetteer, "Hundreds of students will follow after the army relocates its tank school "
                                 "from Kursk to Orenburg.") == []
    assert _incidents(gazetteer, "Police in Kursk said 15 men were detained on Friday and taken to a detention "
                                 "centre; they were taken to the city court on Saturday.") == []
    (inc,) = _incidents(gazetteer, "About 200 people were evacuated from Belgorod to Kursk on Monday.")
    assert _roles(inc) == {"Belgorod": "origin", "Kursk": "destination"}


def test_the_theatre_of_a_war_is_no_destination_of_a_move(gazetteer: Any) -> None:
    assert _incidents(gazetteer, "The ship carried 300 soldiers and landed on the beaches of Normandy during "
                                 "the invasion of Europe.") == []


def test_an_attack_repelled_is_an_interception(gazetteer: Any) -> None:
    (inc,) = _incidents(gazetteer, "Air defences repelled a drone attack on Kursk overnight, the mayor said.")
    assert inc.subtype == "interception"
    (inc,) = _incidents(gazetteer, "The governor said a drone attack on Kursk had been repelled on Monday.")
    assert inc.subtype == "interception"


def test_a_region_listed_after_bordering_is_background(gazetteer: Any) -> None:
    (inc,) = _incidents(gazetteer, "Fragments of a drone were found in the West Kazakhstan region on Monday, "
                                   "police said. Drone debris has been found there several times, mostly in districts "
                                   "bordering Russia's Saratov and Volgograd regions.")
    assert [loc.name for loc in inc.locations] == ["West Kazakhstan region"]


def test_a_foiled_plot_is_no_event(gazetteer: Any) -> None:
    assert _incidents(gazetteer, "The FSB said it had foiled a plot to attack an airfield in the Pskov region "
                                 "with drones smuggled in a truck.") == []


def test_a_total_abroad_split_by_country_is_one_flow_each(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, "Officials said 900,000 Kyrgyz citizens were working abroad last year, about "
                                 "700,000 of them in Russia and some 90,000 in Kazakhstan.")
    assert sorted((i.subtype, [x.name for x in i.locations], [f.value for f in i.figures]) for i in incs) == [
        ("labour migration", ["Kyrgyzstan", "Kazakhstan"], [90000.0]),
        ("labour migration", ["Kyrgyzstan", "Russia"], [700000.0])]


def test_a_governor_named_after_a_clause_does_not_swallow_its_places(gazetteer: Any) -> None:
    (inc,) = _incidents(gazetteer, "Drones were downed overnight. In the Kaluga region, falling debris damaged a "
                                   "house in the town of Lyudinovo, Governor Vladislav Shapsha said.")
    assert [loc.name for loc in inc.locations] == ["Lyudinovo"]


def test_nationals_evacuated_from_abroad_are_brought_home(gazetteer: Any) -> None:
    (inc,) = _incidents(gazetteer, "More than 1,000 Uzbek citizens were evacuated from Iran last week.")
    assert _roles(inc) == {"Iran": "origin", "Uzbekistan": "destination"}
    (inc,) = _incidents(gazetteer, "About 300 Ukrainian civilians were evacuated from Pokrovsk on Monday.")
    assert _roles(inc) == {"Pokrovsk": "origin"}  # moved within their own country: no home to add


def test_a_report_that_opens_with_a_hit_is_a_strike_even_with_debris_after(gazetteer: Any) -> None:
    (inc,) = _incidents(gazetteer, "A drone hit a fuel depot in the town of Liski in the Voronezh region on "
                                   "Sunday, the governor said, adding that debris fell on a house.")
    assert (inc.subtype, inc.locations[0].name) == ("strike", "Liski")


def test_a_counted_nationality_in_the_plural_is_a_group_that_moves(gazetteer: Any) -> None:
    (inc,) = _incidents(gazetteer, "The border service said 3,400 Russians crossed into Kazakhstan on Sunday.")
    assert _roles(inc) == {"Russia": "origin", "Kazakhstan": "destination"}
    assert _incidents(gazetteer, "Because the water was too dirty, the Belgians moved to Luxembourg.") == []


def test_the_cue_just_before_a_place_gives_its_operation_role(gazetteer: Any) -> None:
    (inc,) = _incidents(gazetteer, "Russian troops used drones launched from positions near Kursk to attack Sumy "
                                   "overnight, Ukraine's military said.")
    assert _roles(inc) == {"Kursk": "staging", "Sumy": "target"}
