"""Rules prompted by the held-out incident batches ho61-ho64 (weekly round-ups and timelines, translated official
posts, drone incursions into NATO states, Moldova and Belarus, Central Asia's southern borders), checked on texts
written for these tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mapper.incidents import extract_incidents
from mapper.model import Article, Incident
from mapper.pipeline import parse_article


def _incidents(text: str, gazetteer: Any, published: str = "2025-10-14") -> list[Incident]:
    art = Article("t", text, published=dt.date.fromisoformat(published))
    return extract_incidents([parse_article(art, gazetteer)])


def _places(inc: Incident) -> list[str]:
    return [loc.name for loc in inc.locations]


def test_a_ministry_post_headed_with_its_time_is_the_ministrys_claim(gazetteer: Any) -> None:
    text = ("Russian Defence Ministry, 08:05 Moscow time:\n\nDuring the past night, air defence on duty intercepted "
            "and destroyed 33 Ukrainian UAVs:\n\n— 20 over the Kursk region,\n— 13 over the Oryol region.")
    got = [i for i in _incidents(text, gazetteer) if i.subtype == "interception"]
    assert [i.status.value for i in got] == ["claimed"]
    governor = text.replace("Russian Defence Ministry", "Kursk region governor Alexander Khinshtein")
    assert [i.status.value for i in _incidents(governor, gazetteer) if i.subtype == "interception"] == ["confirmed"]


def test_an_officials_own_telegram_channel_is_the_official(gazetteer: Any) -> None:
    text = ("From the Telegram channel of Belgorod region governor Vyacheslav Gladkov, Monday evening:\n\n"
            "\"In Shebekino, a drone hit a car. The driver was wounded.\"")
    got = [i for i in _incidents(text, gazetteer, "2025-10-13") if i.subtype == "strike"]
    assert got and got[0].status.value == "confirmed"
    rumour = ("A Telegram channel close to the military said a drone had hit a car in Shebekino on Monday, "
              "wounding the driver.")
    assert [i.status.value for i in _incidents(rumour, gazetteer, "2025-10-13") if i.subtype == "strike"] == ["claimed"]


def test_each_district_headings_item_is_its_own_strike(gazetteer: Any) -> None:
    text = ("Belgorod region governor Vyacheslav Gladkov, Telegram:\n\n"
            "\"Belgorod district. In the village of Razumnoye, a drone hit a house. A woman was injured.\n\n"
            "Shebekino district. Maslova Pristan: an FPV drone attacked a truck. No casualties.\"")
    got = [i for i in _incidents(text, gazetteer) if i.subtype == "strike"]
    assert sorted(p for i in got for p in _places(i)) == ["Maslova Pristan", "Razumnoye"] and len(got) == 2


def test_a_bulletins_direction_heading_opens_an_item(gazetteer: Any) -> None:
    text = ("General Staff of the Armed Forces of Ukraine, 22:00, 12 October:\n\nSince the beginning of the day, 120 "
            "combat clashes have taken place.\n\nLyman direction: the enemy attacked 8 times near Zarichne and Torske.")
    got = [i for i in _incidents(text, gazetteer, "2025-10-12") if i.type.value == "operation"]
    assert got and "Zarichne" in _places(got[0]) and got[0].status.value == "claimed"


def test_the_night_was_restless_is_the_night_before_publication(gazetteer: Any) -> None:
    text = ("Head of the Dnipropetrovsk Regional Military Administration Serhiy Lysak, 07:10:\n\n\"The night was "
            "restless in the Nikopol district. The enemy shelled Marhanets with artillery. A man was injured.\"")
    got = [i for i in _incidents(text, gazetteer, "2025-10-29") if i.type.value == "operation"]
    assert got and got[0].date is not None and got[0].date.iso() == "2025-10-28/2025-10-29"


def test_a_drone_that_detonated_near_a_place_struck_it(gazetteer: Any) -> None:
    text = "In the village of Urazovo, a drone detonated near a shop on Tuesday, the governor said."
    assert [i.subtype for i in _incidents(text, gazetteer, "2025-10-22") if i.type.value == "drone"] == ["strike"]
    sappers = "Sappers detonated the drone found near Urazovo on Tuesday, the governor said."
    assert [i.subtype for i in _incidents(sappers, gazetteer, "2025-10-22") if i.subtype == "strike"] == []


def test_a_timelines_day_headings_keep_its_days_apart(gazetteer: Any) -> None:
    text = ("The week in the Zaporizhzhia region, according to the regional military administration.\n\n"
            "Wednesday, 17 September. Guided bombs hit Stepnohirsk; a man was killed.\n\n"
            "Overnight into Friday. Missiles struck energy facilities in the Zaporizhzhia district.")
    got = sorted(i.date.iso() for i in _incidents(text, gazetteer, "2025-09-20")
                 if i.type.value == "operation" and i.date is not None)
    assert len(got) == 2 and got[0] == "2025-09-17"


def test_debris_told_first_in_a_run_of_strikes_is_a_fall(gazetteer: Any) -> None:
    text = ("Drones attacked the Ryazan oil refinery overnight into Sunday, starting a fire, governor Pavel Malkov "
            "said. It was the third attack on the plant this year. On March 16, debris from a downed drone fell on "
            "the territory of the plant and damaged a pipeline.")
    got = {i.date.iso(): i.subtype for i in _incidents(text, gazetteer, "2025-06-01") if i.date is not None}
    assert got.get("2025-03-16") == "debris"


def test_a_drone_hitting_a_towers_floors_is_a_strike(gazetteer: Any) -> None:
    text = ("On Wednesday morning, a drone hit the upper floors of a residential tower in Krasnogorsk, injuring two "
            "residents, the governor said.")
    assert [i.subtype for i in _incidents(text, gazetteer, "2025-11-15")] == ["strike"]
    prices = "Diesel prices hit a floor in Moscow on Wednesday as refineries resumed work, traders said."
    assert _incidents(prices, gazetteer, "2025-11-15") == []


def test_a_surname_after_a_time_clause_keeps_its_title(gazetteer: Any) -> None:
    text = ("Mayor Sergei Sobyanin said 32 drones had been shot down on the approaches to Moscow on Monday night.\n\n"
            "Overnight into Friday, Sobyanin reported another 11 drones destroyed on the approaches to Moscow.")
    got = [i.status.value for i in _incidents(text, gazetteer, "2025-11-15") if i.subtype == "interception"]
    assert got == ["confirmed", "confirmed"]


def test_a_running_total_since_a_date_is_not_its_causes_day(gazetteer: Any) -> None:
    text = ("Since the start of July, about 180,000 Afghans have crossed back from Iran, the International "
            "Organization for Migration said, most of them deported after Iran's deadline for undocumented migrants "
            "expired on Sunday.")
    got = [i for i in _incidents(text, gazetteer, "2025-07-07") if i.subtype == "return"]
    assert got and got[0].date is not None and got[0].date.iso() == "2025-07-01/2025-07-07"


def test_a_refugee_ministry_is_an_official(gazetteer: Any) -> None:
    text = ("Iran deported more than 30,000 Afghans through the Islam Qala crossing on Sunday, the Taliban's "
            "Ministry of Refugees and Repatriation said.")
    got = [i for i in _incidents(text, gazetteer, "2025-07-07") if i.subtype == "return"]
    assert got and got[0].status.value == "confirmed"


def test_workers_moved_as_a_precaution_are_no_flow(gazetteer: Any) -> None:
    text = ("Chinese workers at a nearby gold mine were moved to Dushanbe as a precaution after the attack on "
            "Thursday, a company official said.")
    assert [i for i in _incidents(text, gazetteer, "2025-11-08") if i.type.value == "migration"] == []
    work = "A first group of 150 Uzbek workers left Termez for Mazar-i-Sharif on Monday, the Migration Agency said."
    assert [i.subtype for i in _incidents(work, gazetteer, "2025-09-23")] == ["labour migration"]


def test_a_downed_drones_fall_site_told_next_places_the_interception(gazetteer: Any) -> None:
    text = ("Belarusian air defences shot down two drones over the Gomel region on Thursday night, the Defence "
            "Ministry said. One of them fell in a forest near Rechitsa, it said.")
    got = _incidents(text, gazetteer, "2025-09-05")
    assert [i.subtype for i in got] == ["interception"] and [p[:4] for p in _places(got[0])] == ["Rech"]
    later = text.replace("One of them fell", "On Sunday, a drone fell")
    assert "debris" in [i.subtype for i in _incidents(later, gazetteer, "2025-09-05")]


def test_foreigners_handed_over_to_their_states_authorities_are_returned(gazetteer: Any) -> None:
    text = ("Uzbekistan handed over 117 Afghan citizens to the Taliban authorities at the Termez-Hairatan bridge on "
            "Thursday, the Border Troops said.")
    got = [i for i in _incidents(text, gazetteer, "2025-06-20") if i.type.value == "migration"]
    assert [(i.subtype, {f.value for f in i.figures}) for i in got] == [("return", {117.0})]
    swap = "Russia and Ukraine handed over 185 prisoners of war each on Friday at the Belarusian border."
    assert [i for i in _incidents(swap, gazetteer, "2025-06-20") if i.type.value == "migration"] == []
