"""Sentence patterns of news reports that the incident rules read (texts written for these tests)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mapper.incidents import extract_incidents
from mapper.model import Article, Incident
from mapper.pipeline import capital_lookup, parse_article


def _incidents(gazetteer: Any, text: str, published: str = "2025-06-18") -> list[Incident]:
    art = Article("t", text, published=dt.date.fromisoformat(published))
    return extract_incidents([parse_article(art, gazetteer)], capital_of=capital_lookup(gazetteer))


def _brief(inc: Incident) -> tuple[str, str, list[str]]:
    return inc.type.value, inc.subtype, [f"{loc.name}:{loc.role}" for loc in inc.locations]


@pytest.mark.parametrize(("text", "want"), [
    ("Russia deported more than 3,000 Tajik migrants in May, Tajikistan's Migration Service said.",
     ("migration", "return", ["Russia:origin", "Tajikistan:destination"])),
    ("Some 1,200 residents of the Sumy region's border villages were evacuated last week, officials said.",
     ("migration", "evacuation", ["Sumy region:origin"])),
    ("Ukrainian saboteurs blew up a railway bridge near Bryansk on Saturday, Russian investigators said.",
     ("operation", "raid", ["Bryansk:target"])),
    ("A group of 146 workers left Tashkent for the United Kingdom on 9 April to work in agriculture.",
     ("migration", "labour migration", ["Tashkent:origin", "United Kingdom:destination"])),
    ("The village of Kazachya Lopan in the Kharkiv region was hit by guided aerial bombs on Sunday, killing one "
     "woman, the regional prosecutor's office said.", ("operation", "strike", ["Kazachya Lopan:target"])),
    ("Russian drones crossed into Kazakh airspace near Uralsk on Friday, local residents said.",
     ("drone", "sighting", ["Uralsk:site"])),
    ("On Wednesday, several drones flew over Polish territory, the military said.",
     ("drone", "sighting", ["Poland:site"])),
    ("Ukrainian units repelled 12 attacks near Kostiantynivka on Monday, the General Staff said.",
     ("operation", "strike", ["Kostiantynivka:target"])),
    ("More than 500 Kyrgyz labour migrants crossed the border into Kazakhstan on Sunday, heading for Russia.",
     ("migration", "labour migration", ["Kyrgyzstan:origin", "Kazakhstan:destination", "Russia:destination"])),
    ("Nearly 300 Afghan refugees were sent back from Tajikistan last month, the UN said.",
     ("migration", "return", ["Tajikistan:origin", "Afghanistan:destination"])),
    ("At least 20 Uzbek citizens recruited through job adverts promising work in the Rostov region ended up at "
     "the front, their relatives said.", ("migration", "recruitment", ["Uzbekistan:origin", "Rostov region:site"])),
    ("The wreckage of a drone was discovered by shepherds on 11 June, 15 km from the village of Saikhin, the "
     "police reported.", ("drone", "debris", ["Saikhin:site"])),
    # moves told in plain words; a group going to its own country is a return
    ("Some 2,000 Kyrgyz workers went back home from Russia in May, the Labour Ministry said.",
     ("migration", "return", ["Russia:origin", "Kyrgyzstan:destination"])),
    ("The first 120 workers from Kyrgyzstan set off for Britain on Tuesday to pick fruit.",
     ("migration", "labour migration", ["Kyrgyzstan:origin", "Britain:destination"])),
    ("Police said 73 Uzbek nationals were put on a train to Tashkent from Moscow on Wednesday.",
     ("migration", "return", ["Moscow:origin", "Tashkent:destination"])),
    ("A charter flight carrying 150 Tajik citizens who had worked in Russia landed in Khujand on Friday.",
     ("migration", "return", ["Russia:origin", "Khujand:destination"])),
    ("Debris from a drone shot down over the Kursk region fell on a house in Rylsk overnight, the governor wrote.",
     ("drone", "debris", ["Rylsk:site"])),
    ("Officials in Almaty said on Tuesday that about 200 migrants from Tajikistan had arrived in the city to work.",
     ("migration", "labour migration", ["Tajikistan:origin", "Almaty:destination"])),
    ("The Foreign Ministry said 112 Tajik citizens stranded in Iran had been brought home by bus on Thursday.",
     ("migration", "return", ["Iran:origin", "Tajikistan:destination"])),
    ("A drone launched from Ukraine crashed into a field outside the village of Tetkino, the governor said.",
     ("drone", "debris", ["Tetkino:site"])),
    ("Around 40 Kazakh students who had been studying in Iran returned to Almaty on a government flight.",
     ("migration", "return", ["Iran:origin", "Almaty:destination"])),
    ("A Russian drone struck a house in the Kharkiv suburb of Pisochyn overnight, wounding four people.",
     ("drone", "strike", ["Pisochyn:site"])),
    ("Air defences downed drones over the Moscow region, the mayor said, adding that flights at Sheremetyevo were "
     "briefly suspended.", ("drone", "interception", ["Moscow region:site"])),
    ("A drone struck the terminal of Kazan airport on Friday morning, injuring two workers, officials said.",
     ("drone", "strike", ["Kazan airport:site"])),
    ("Flights at Aktobe airport were suspended for two hours on Friday after a drone was seen above the runway.",
     ("drone", "sighting", ["Aktobe airport:site"])),
    ("Russian shelling killed two civilians in the village of Kurylivka overnight, the governor said.",
     ("operation", "strike", ["Kurylivka:target"])),
    ("Acting Governor Alexander Khinshtein said 1,200 residents of the Glushkovo district had been relocated to "
     "temporary accommodation centres in Kursk.",
     ("migration", "relocation", ["Glushkovo district:origin", "Kursk:destination"])),
    ("Thousands of labour migrants from Kyrgyzstan and Tajikistan have left Russia since the March 22 attack, "
     "officials said.", ("migration", "return", ["Russia:origin", "Kyrgyzstan:destination",
                                                   "Tajikistan:destination"])),
    ("In Kyrgyzstan, officials in Osh said about 300 people had left for South Korea under a seasonal work "
     "programme this month.", ("migration", "labour migration", ["Osh:origin", "South Korea:destination"])),
    ("Uzbek authorities say 37 citizens who fought for Russia in Ukraine have returned home and face charges.",
     ("migration", "return", ["Ukraine:origin", "Uzbekistan:destination"])),
    ("Ukraine's air force said it shot down 34 of 48 drones launched from the Kursk region and from Crimea "
     "overnight, mostly over the Odesa region.", ("drone", "interception", ["Odesa region:site"])),
    # an amount that "fell" is no debris: the hit after it is the event
    ("Oil flows fell by a third after Ukrainian drones struck a pumping station in Russia's Krasnodar Krai on Monday, "
     "the consortium said.", ("drone", "strike", ["Krasnodar Krai:site"])),
])
def test_one_incident_per_pattern(gazetteer: Any, text: str, want: tuple[str, str, list[str]]) -> None:
    (inc,) = _incidents(gazetteer, text)
    assert _brief(inc) == want


@pytest.mark.parametrize("text", [
    "Clashes with police in Bihar left 20 villagers hurt, and many were staging protests after losing their homes.",
    "Many residents left Vovchansk and nearby settlements after weeks of shelling.",
    "Sumy has come under almost daily shelling since Russian troops were pushed out of the region.",
    "Last June, Ukraine hit four Russian air bases in an operation that used drones hidden in trucks; Moscow has "
    "since tightened checks on cargo.",
    "Kazakh border guards detained a man who tried to fly a drone over the Baikonur cosmodrome.",
])
def test_attempts_and_a_capital_for_its_government_are_no_events(gazetteer: Any, text: str) -> None:
    assert _incidents(gazetteer, text) == []


def test_people_denied_entry_is_no_denial(gazetteer: Any) -> None:
    (inc,) = _incidents(gazetteer, "More than 600 Tajik migrants who were denied entry to Russia last week have been "
                                   "flown back to Dushanbe, the Migration Service said.")
    assert (inc.subtype, inc.status.value) == ("return", "confirmed")


def test_a_second_act_denied_leaves_the_report_claimed(gazetteer: Any) -> None:
    (inc,) = _incidents(gazetteer, "Russia's Defence Ministry said its forces had struck enterprises in the Lviv "
                                   "region and denied targeting Poland.")
    assert inc.status.value == "claimed"


def test_debris_two_sentences_after_the_drones_is_drone_debris(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, "Jets shot down several drones that entered Polish airspace overnight. Airports "
                                 "were closed for hours.\n\nDebris was found in a house in the Lublin province, "
                                 "police said.")
    assert [_brief(i) for i in incs] == [("drone", "debris", ["Lublin province:site"])]


def test_the_attack_took_place_dates_the_event_told_before(gazetteer: Any) -> None:
    text = ("Three workers were killed when a drone struck their camp in Tajikistan's Khatlon region, the "
            "authorities said on Thursday, November 27, 2025. The attack took place late on Wednesday, November 26, "
            "2025, officials said, blaming groups based in Afghanistan's Badakhshan province.")
    incs = _incidents(gazetteer, text)
    assert [_brief(i) for i in incs] == [("drone", "strike", ["Khatlon region:site"])]
    assert incs[0].date.iso() == "2025-11-26"
    text = text.replace("officials said,", "in the Shamsiddin Shohin district, officials said,")
    (inc,) = _incidents(gazetteer, text)
    assert _brief(inc) == ("drone", "strike", ["Shamsiddin Shohin district:site"])
    assert inc.date.iso() == "2025-11-26" and len(inc.sources) == 2


def test_clauses_with_dates_of_their_own_are_events_of_their_own(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, "In August, the wreckage of a drone was discovered in the Zhanibek district of West "
                                 "Kazakhstan region, and in June parts of a UAV fell near the village of Saryagash in "
                                 "the Turkestan region.", published="2025-10-14")
    assert sorted((i.locations[0].name, i.date.iso()) for i in incs) == [
        ("Saryagash", "2025-06"), ("Zhanibek district", "2025-08")]


def test_a_distance_from_a_city_names_a_reference_not_a_site(gazetteer: Any) -> None:
    (inc,) = _incidents(gazetteer, "A drone was found on Monday in a field near the settlement of Dolinka, 40 "
                                   "kilometres south-west of Karaganda, the regional police said.")
    assert _brief(inc) == ("drone", "debris", ["Dolinka:site"])


def test_two_reports_joined_by_while_are_two_events(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, "A Russian missile strike on Dnipro killed four people, the governor said, "
                                 "while drones hit energy infrastructure in the Odesa region overnight.")
    assert sorted(_brief(i) for i in incs) == [("drone", "strike", ["Odesa region:site"]),
                                               ("operation", "strike", ["Dnipro:target"])]


def test_forces_that_struck_after_a_drone_sentence_are_an_operation(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, "Drones hit a fuel terminal in Tuapse overnight. Ukraine's General Staff also said "
                                 "its forces struck an ammunition depot near Dzhankoi in northern Crimea.")
    assert sorted(_brief(i) for i in incs) == [("drone", "strike", ["Tuapse:site"]),
                                               ("operation", "strike", ["Dzhankoi:target"])]


def test_came_days_after_dates_the_clause_from_the_event_before(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, "Fragments of a drone were found on November 13, 2025 outside the village of "
                                 "Shubarkuduk, the regional emergencies department said. The find came two days "
                                 "after officials in Orenburg reported a drone attack on a gas plant near the city.",
                      published="2025-11-14")
    dates = {i.locations[0].name: (i.subtype, i.date.iso(), i.status.value) for i in incs}
    assert dates["Shubarkuduk"] == ("debris", "2025-11-13", "confirmed")
    assert dates["Orenburg"][:2] == ("strike", "2025-11-11")


def test_launch_directions_are_no_sites(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, "Overnight, the enemy attacked with 60 drones launched from the directions of Kursk, "
                                 "Oryol and Millerovo, the air force said. In Kharkiv, a drone struck a warehouse, "
                                 "the head of the regional military administration said.")
    assert [_brief(i) for i in incs] == [("drone", "strike", ["Kharkiv:site"])]


def test_debris_of_a_downed_drone_and_its_victims_next(gazetteer: Any) -> None:
    (inc,) = _incidents(gazetteer, "In Tuapse, fragments of a downed drone fell on the port, starting a fire, the "
                                   "operational headquarters said. Two people were injured.")
    assert (inc.subtype, inc.status.value, [f.value for f in inc.figures]) == ("debris", "confirmed", [2.0])


def test_a_datelines_day_gives_way_to_the_sentences_own(gazetteer: Any) -> None:
    (inc,) = _incidents(gazetteer, "URALSK, September 23 (Kazinform) – Fragments of a drone were found on Monday near "
                                   "the village of Kaztalovka, the police said.", published="2025-09-23")
    assert inc.date is not None and inc.date.iso() == "2025-09-22"


def test_a_follow_up_on_the_facility_keeps_its_place(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, "The SBU hit the Afipsky oil refinery in the Krasnodar region with drones overnight, "
                                 "a source said. The Krasnodar regional operational headquarters said debris from a "
                                 "drone fell on the refinery's territory.")
    assert {i.subtype: [loc.name for loc in i.locations] for i in incs}["debris"] == ["Afipsky"]


def test_an_attacked_recruitment_office_is_no_recruitment(gazetteer: Any) -> None:
    assert _incidents(gazetteer, "A court in Moscow sentenced an Uzbek citizen to 15 years for setting fire to a "
                                 "military recruitment office in 2023.") == []


def test_habits_and_examples_are_no_events(gazetteer: Any) -> None:
    assert _incidents(gazetteer, "The Russian Defence Ministry publishes daily tallies of drones it says it has shot "
                                 "down, often over regions such as Belgorod, Kursk and Bryansk.") == []


def test_a_trailing_clause_of_habit_drops_only_itself(gazetteer: Any) -> None:
    kept = _incidents(gazetteer, "In the Samara region, Ukrainian drones have repeatedly hit oil "
                                 "depots, and Russian air defences now fire over the region nearly every night.")
    assert [(i.type.value, i.subtype) for i in kept] == [("drone", "strike")]
    assert _incidents(gazetteer, "Ukrainian drones fly over the Samara region every night, and residents "
                                 "have grown used to the sirens.") == []


def test_the_regional_centre_is_the_seat_of_the_region_named_before(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, "Kursk Region Governor Alexander Khinshtein said a drone had hit a warehouse in "
                                 "the regional centre overnight, starting a fire.")
    assert [(i.subtype, [loc.name for loc in i.locations]) for i in incs] == [("strike", ["Kursk"])]
    assert all(loc.name != "regional centre" for i in _incidents(
        gazetteer, "A drone hit a warehouse in the regional centre overnight, starting a fire.") for loc in i.locations)


@pytest.mark.parametrize(("text", "want"), [
    ("The labour agency on Friday sent its first group of 60 nurses to Germany, where they will work in clinics.",
     ("migration", "labour migration", ["Germany:destination"])),
    ("Kyrgyzstan's Interior Ministry said 140 foreign nationals had been expelled from the country in May.",
     ("migration", "return", ["Kyrgyzstan:origin"])),
    ("About 400 families of kandas settled in the Kostanay region last year, the regional akimat said.",
     ("migration", "relocation", ["Kostanay region:destination"])),
])
def test_sent_groups_the_country_and_settling(gazetteer: Any, text: str, want: tuple[str, str, list[str]]) -> None:
    assert [_brief(i) for i in _incidents(gazetteer, text)] == [want]


def test_a_shared_total_splits_by_destination_and_a_vague_send_is_no_move(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, "The agency said 7,000 citizens had left for work abroad since January, "
                                 "including 4,000 to South Korea and 1,500 to the United Kingdom.")
    assert sorted((i.locations[-1].name, i.figures[0].value) for i in incs) == [
        ("South Korea", 4000.0), ("United Kingdom", 1500.0)]
    assert _incidents(gazetteer, "Similar schemes with Japan have so far sent a few hundred people.") == []


def test_villages_struck_in_their_own_paragraphs_stay_apart(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, "Over the past day the enemy attacked 9 settlements of the Kharkiv region.\n\n"
                                 "In Kupiansk, a 58-year-old woman was killed when a drone hit her house.\n\n"
                                 "In Chuhuiv, a drone damaged two cars; no one was hurt.", published="2025-10-05")
    got = sorted((i.locations[-1].name, i.date.iso() if i.date else None,
                  [f.value for f in i.figures if f.unit == "killed"]) for i in incs)
    assert got == [("Chuhuiv", "2025-10-04/2025-10-05", []), ("Kupiansk", "2025-10-04/2025-10-05", [1.0])]


def test_attacks_repeated_over_a_span_are_no_event(gazetteer: Any) -> None:
    text = ("A drone attack on the Novokuibyshevsk refinery early on Tuesday caused a fire, the governor said. "
            "Refineries in the region, including those in Syzran and Samara, have been attacked several times "
            "this year.")
    assert [_brief(i) for i in _incidents(gazetteer, text, "2025-07-08")] == [
        ("drone", "strike", ["Novokuibyshevsk:site"])]


def test_drones_a_target_makes_are_no_drone_weapons(gazetteer: Any) -> None:
    text = ("Russian forces struck a workshop in Konotop where attack drones were being assembled, the Russian "
            "Defence Ministry said. Aviation, attack drones and artillery also hit troop concentrations in 142 "
            "areas.")
    assert [_brief(i)[:2] for i in _incidents(gazetteer, text)] == [("operation", "strike")]


def test_a_neutral_states_border_body_confirms(gazetteer: Any) -> None:
    text = ("A drone that flew in from Ukraine crashed on Sunday in a field outside Mozyr in the Gomel region, "
            "Belarus's State Border Committee said.")
    (inc,) = _incidents(gazetteer, text, "2025-08-04")
    assert (inc.subtype, inc.status.value) == ("debris", "confirmed")


def test_two_facilities_struck_in_one_sentence_are_two_strikes(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, "Drones hit the Ryazan oil refinery and the Dyagilevo air base overnight, Telegram "
                                 "channels reported.")
    assert sorted(len(i.locations) for i in incs if i.subtype == "strike") == [1, 1]


def test_consequences_of_the_attack_and_places_left_unnamed_are_no_sites(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, "Drones attacked a chemical plant in Novomoskovsk on Tuesday, the governor said. "
                                 "Tula and Kaluga airports suspended flights during the attack. Air defences shot "
                                 "down drones over other districts, the ministry said, without naming Aleksin.")
    names = {loc.name for i in incs for loc in i.locations}
    assert "Novomoskovsk" in names and not names & {"Tula", "Kaluga", "Aleksin"}


def test_bombs_dropped_on_a_village_are_a_strike(gazetteer: Any) -> None:
    (inc,) = _incidents(gazetteer, "Russian jets dropped three guided aerial bombs on the town of Kupiansk on "
                                   "Monday, the regional governor said.")
    assert _brief(inc) == ("operation", "strike", ["Kupiansk:target"])


def test_debris_found_after_an_interception_is_the_debris(gazetteer: Any) -> None:
    text = ("Police said debris of a drone had been found on Tuesday in a field near Rossosh, after air defences "
            "shot down several drones over the Voronezh region overnight.")
    incs = _incidents(gazetteer, text)
    assert [(i.type.value, i.subtype) for i in incs] == [("drone", "debris")]
    assert incs[0].locations[0].name.startswith("Rossosh") and incs[0].date.iso() == "2025-06-17"


def test_a_place_across_a_river_from_the_find_is_no_site(gazetteer: Any) -> None:
    text = ("Fragments of a drone were found on Tuesday near a village in Tulcea county, across the Danube from "
            "the Ukrainian port of Izmail, the defence ministry said.")
    (inc,) = _incidents(gazetteer, text)
    assert (inc.subtype, [loc.country for loc in inc.locations]) == ("debris", ["RO"])


def test_a_verdict_is_no_event(gazetteer: Any) -> None:
    text = ("A court in Astana sentenced two men to eight years in prison on Tuesday for smuggling drone parts "
            "to Russia, prosecutors said.")
    assert _incidents(gazetteer, text) == []


def test_damage_denied_leaves_the_interception(gazetteer: Any) -> None:
    text = ("Air defences shot down two drones over the Kaluga region on Monday, the governor said, adding that no "
            "one was hurt and nothing was damaged.")
    (inc,) = _incidents(gazetteer, text)
    assert (inc.type.value, inc.subtype) == ("drone", "interception")


def test_a_since_clause_starts_a_period_unless_dated_in_the_last_days(gazetteer: Any) -> None:
    text = "Oil exports have slumped since a drone attack on the Tuapse refinery in January."
    assert _incidents(gazetteer, text) == []
    (inc,) = _incidents(gazetteer, "Flights at Sochi airport have been suspended since a drone was spotted over the "
                                   "runway on Monday, the airport said.")
    assert (inc.subtype, inc.status.value, inc.date.iso()) == ("sighting", "confirmed", "2025-06-16")


def test_two_strikes_at_towns_apart_are_two_operations(gazetteer: Any) -> None:
    text = ("Ukraine's General Staff said its forces had struck an ammunition depot near Dzhankoi overnight. "
            "Its forces also hit an air defence system near Ilovaisk, it said.")
    incs = _incidents(gazetteer, text)
    assert sorted(_brief(i)[2][0].split(":")[0] for i in incs if i.type.value == "operation") == ["Dzhankoi",
                                                                                                  "Ilovaisk"]


@pytest.mark.parametrize("text", [
    "The freed soldiers crossed into Ukraine from Belarus on Friday and were taken to hospitals in the Chernihiv "
    "region.",
    "A court in Kazan ordered 74 migrants from Uzbekistan and Tajikistan expelled from Russia, police said.",
    "Britain issued about 9,000 seasonal visas to workers from Central Asia last year.",
])
def test_prisoners_swapped_expulsion_orders_and_visas_are_no_flows(gazetteer: Any, text: str) -> None:
    assert [i for i in _incidents(gazetteer, text) if i.type.value == "migration"] == []


def test_earlier_strikes_on_the_station_told_again(gazetteer: Any) -> None:
    text = ("Drones struck an oil pumping station near the town of Unecha in the Bryansk region overnight, the "
            "governor said on Tuesday. He said nobody was hurt. Firefighters worked until noon. "
            "Flows to Hungary stopped. "
            "It was the third strike on the Unecha station this year. On 21 August, drones set the site on fire, "
            "halting flows to Hungary for five days, the governor said. Kyiv said it also hit the station on "
            "9 November.")
    strikes = sorted((i.date.iso() if i.date else "", [loc.name for loc in i.locations])
                     for i in _incidents(gazetteer, text, "2025-12-02") if i.subtype == "strike")
    assert [d for d, _ in strikes] == ["2025-08-21", "2025-11-09", "2025-12-01/2025-12-02"]
    assert all(any("Unecha" in n for n in names) for _, names in strikes)


def test_where_a_spokesman_told_reporters_is_no_site(gazetteer: Any) -> None:
    text = ("A drone crashed near the village of Zhympity on Monday, the Emergency Situations Ministry said. "
            "\"The fragments have been collected,\" a police spokesman told reporters in Uralsk on Tuesday.")
    found = _incidents(gazetteer, text, "2025-10-14")
    assert [[loc.name for loc in i.locations] for i in found] == [["Zhympity"]]


def test_a_dated_incursion_named_only_by_a_countrys_airspace_is_a_sighting_there(gazetteer: Any) -> None:
    # the adjective before "airspace" names the country's territory: a coarse but real place of the sighting
    incs = _incidents(gazetteer, "Officials in Vilnius said on Monday that three Russian drones had entered "
                                 "Lithuanian airspace on Saturday night.")
    assert [_brief(i) for i in incs] == [("drone", "sighting", ["Lithuania:site"])]
    assert incs[0].date is not None and incs[0].date.iso() == "2025-06-14"
    # an alliance speaking of an incursion is no party to the war
    (inc,) = _incidents(gazetteer, "NATO said two drones crossed into Estonian airspace on Sunday.")
    assert _brief(inc) == ("drone", "sighting", ["Estonia:site"]) and inc.status.value == "confirmed"
    # undated, or with a finer place in the sentence, the country is no site; a body named after airspace is no place
    assert _incidents(gazetteer, "Belarus has often accused Ukraine of sending drones into Belarusian airspace.") == []
    assert [_brief(i) for i in _incidents(gazetteer, "Drones crossed into Kazakh airspace near Uralsk on Friday.")] \
        == [("drone", "sighting", ["Uralsk:site"])]
    assert all("Russia:site" not in _brief(i)[2] for i in _incidents(
        gazetteer, "Drones hit a depot in Ryazan on Sunday, the Russian airspace agency said."))


def test_receiving_states_listed_with_one_verb_are_one_flow_each(gazetteer: Any) -> None:
    text = ("Some 5,200 Kazakh workers left for South Korea in the spring to work on farms, the labour ministry said. "
            "Over the winter, Germany received 1,700 Kazakh workers and Poland 450.")
    flows = [(i.subtype, [loc.name for loc in i.locations if loc.role == "destination"], [f.value for f in i.figures])
             for i in _incidents(gazetteer, text, "2025-06-02")]
    assert ("labour migration", ["Germany"], [1700.0]) in flows
    assert ("labour migration", ["Poland"], [450.0]) in flows


def test_citizens_brought_home_from_a_country_under_strikes_are_evacuated(gazetteer: Any) -> None:
    # the strikes are told in the lede; the later sentence's return from that country is an evacuation
    text = ("TASHKENT — Uzbekistan has flown 230 of its citizens out of Lebanon since Israeli air strikes on "
            "Lebanese towns intensified, the foreign ministry said on Friday.\n\nA group of 96 students left Beirut "
            "by bus on 2 October and were flown home from Damascus to Tashkent the next day, the ministry said.")
    subtypes = {i.subtype for i in _incidents(gazetteer, text, "2024-10-04") if i.type.value == "migration"}
    assert subtypes == {"evacuation"}
    # workers going home from the country they work in stay a return, whatever strikes that country has suffered
    text = ("DUSHANBE — Drone strikes on Russian refineries went on this week. Tajikistan's Migration Service said "
            "4,000 Tajik migrant workers had returned home from Russia in September.")
    assert {i.subtype for i in _incidents(gazetteer, text, "2025-10-04") if i.type.value == "migration"} == {"return"}


def test_air_defences_repelling_an_attack_are_no_fighting(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, "Ukraine's military intelligence said its drones destroyed two bombers at the Saky "
                                 "airfield in Crimea overnight. Russian-installed officials in Crimea said air "
                                 "defences had repelled an attack.")
    assert incs and all(i.type.value == "drone" for i in incs)


def test_drones_launched_from_a_country_territory_strike_where_they_hit(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, "Tajikistan said on Monday that drones launched from Afghan territory had attacked "
                                 "Chinese workers in its Khatlon region.")
    assert [_brief(i) for i in incs] == [("drone", "strike", ["Khatlon region:site"])]


def test_an_event_some_weeks_before_the_news_is_dated_by_a_span(gazetteer: Any) -> None:
    text = ("Flights at Termez airport were suspended on Wednesday after a drone was spotted near the runway, "
            "the airport said.\n\nThe airport lies on the Amu Darya. It handles cargo for Afghanistan. Trucks wait "
            "for days at the border.\n\nThe incident comes weeks after Tajikistan reported drone attacks launched "
            "from Afghan territory on Chinese workers in its Khatlon region.")
    incs = _incidents(gazetteer, text, published="2025-12-04")
    strike = next(i for i in incs if i.subtype == "strike")
    assert strike.date is not None and strike.date.end < dt.date(2025, 12, 3) <= strike.date.end + dt.timedelta(days=7)


def test_a_speaker_in_an_opening_time_clause_is_no_source(gazetteer: Any) -> None:
    (inc,) = _incidents(gazetteer, "When President Vladimir Putin announced a partial mobilisation in September "
                                   "2022, about 400,000 Russians crossed into Kazakhstan in two weeks.")
    assert (inc.subtype, inc.status.value) == ("relocation", "confirmed")


def test_a_lede_in_one_region_is_no_summary_of_strikes_in_others(gazetteer: Any) -> None:
    text = ("A Ukrainian drone attack early on Monday set fire to an oil depot in Russia's Tambov region, the "
            "governor said.\n\nAir defences downed several drones over the Rasskazovo district, he said.\n\n"
            "In Lipetsk, a drone hit an industrial site, injuring two workers, Governor Igor Artamonov said.")
    incs = _incidents(gazetteer, text, published="2025-11-03")
    strikes = sorted(loc.name for i in incs if i.subtype == "strike" for loc in i.locations)
    assert strikes == ["Lipetsk", "Tambov region"]
