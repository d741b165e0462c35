""""The region" with no name of its own placed at the region the text named last (texts written for these tests,
in the style of governors' drone tallies and evacuation reports)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mapper.incidents import extract_incidents
from mapper.model import Article, Incident
from mapper.pipeline import capital_lookup, parse_article


def _incidents(gazetteer: Any, text: str, published: str = "2025-10-14") -> list[Incident]:
    art = Article("t", text, published=dt.date.fromisoformat(published))
    return extract_incidents([parse_article(art, gazetteer)], capital_of=capital_lookup(gazetteer))


def _at(incs: list[Incident], subtype: str) -> list[tuple[str, str, list[float]]]:
    return [(loc.name, loc.precision.value, [f.value for f in i.figures])
            for i in incs if i.subtype == subtype for loc in i.locations]


def _one_interception(gazetteer: Any, text: str, region: str, count: float, published: str = "2025-10-14") -> bool:
    found = _at(_incidents(gazetteer, text, published), "interception")
    return len(found) == 1 and region in found[0][0] and found[0][1] == "region" and found[0][2] == [count]


def test_a_governors_title_names_the_region_of_his_tally(gazetteer: Any) -> None:
    text = ("Belgorod Governor Vyacheslav Gladkov said a drone hit a lorry near Valuyki on Monday evening, wounding "
            "its driver. He said air defences had destroyed 11 drones over the region overnight.")
    assert _one_interception(gazetteer, text, "Belgorod", 11)


def test_the_region_named_in_the_lede_places_a_later_tally(gazetteer: Any) -> None:
    text = ("Russian forces shelled nine settlements of the Kherson region on Sunday, wounding four people, "
            "the regional military administration said on Monday.\n\n"
            "In Bilozerka, a shell damaged a school and two houses, the administration said.\n\n"
            "Air defences shot down 23 drones over the region during the day, the administration added.")
    assert _one_interception(gazetteer, text, "Kherson", 23)


def test_the_regions_villages_place_a_running_evacuation(gazetteer: Any) -> None:
    text = ("Authorities evacuated 86 people from border villages of the Sumy region on Tuesday, the regional "
            "administration said.\n\n"
            "Since the evacuation was ordered in June, more than 6,300 people have been evacuated from the "
            "region's border villages, it said.")
    found = [(i.locations[0].name, i.locations[0].precision.value, [f.value for f in i.figures],
              i.date.iso() if i.date else None) for i in _incidents(gazetteer, text) if i.subtype == "evacuation"]
    # (its own flow since June, not a second count of Tuesday's evacuation)
    assert ("Sumy region", "region", [6300], "2025-06-01/2025-10-14") in found


def test_the_wider_region_is_no_administrative_region(gazetteer: Any) -> None:
    text = ("Governments across the Middle East have bought air defence systems at a record pace, analysts say.\n\n"
            "Air defences shot down 30 drones over the region last year, one analyst estimated.")
    assert _at(_incidents(gazetteer, text), "interception") == []


def test_no_region_across_a_change_of_country(gazetteer: Any) -> None:
    text = ("Drones attacked a fuel depot in the Belgorod region on Sunday, the governor said.\n\n"
            "Kazakhstan's defence ministry said on Monday that its own air defences were on alert.\n\n"
            "Air defences shot down 12 drones over the region, officials said.")
    assert not any(loc.name.startswith("Belgorod") for i in _incidents(gazetteer, text)
                   if i.subtype == "interception" for loc in i.locations)


def test_a_region_named_long_before_is_no_antecedent(gazetteer: Any) -> None:
    text = ("The Oryol region lies far from the front. Its farms grow wheat and beet. Its capital has a theatre. "
            "Tourists visit its estates. Its rivers are slow. Its winters are long. "
            "Air defences shot down 7 drones over the region on Friday, officials said.")
    assert _at(_incidents(gazetteer, text), "interception") == []


def test_a_title_is_read_by_a_region_the_article_names_elsewhere(gazetteer: Any) -> None:
    text = ("Drones attacked villages in the Kursk and Oryol regions over the weekend, officials said.\n\n"
            "Kursk Governor Alexander Khinshtein said a drone hit a lorry near Rylsk on Sunday, wounding its "
            "driver. He said air defences had destroyed 11 drones over the region overnight.")
    assert _one_interception(gazetteer, text, "Kursk", 11, "2025-10-13")


def test_the_front_line_towns_told_before_are_the_regions_and_no_recruitment(gazetteer: Any) -> None:
    text = ("Police evacuated 95 people from front-line towns of the Kharkiv region on Thursday, the regional "
            "administration said.\n\n"
            "Most of them left Kupiansk, it said.\n\n"
            "The head of the administration urged residents to go. Buses leave every morning. "
            "Since May, more than 9,000 people have been evacuated from the front-line towns, he said.")
    found = [(i.subtype, i.locations[0].name, [f.value for f in i.figures]) for i in _incidents(gazetteer, text)]
    assert ("evacuation", "Kharkiv region", [9000]) in found
    assert not any(sub == "recruitment" for sub, _n, _f in found)
