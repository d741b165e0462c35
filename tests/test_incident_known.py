"""Classes of error the incident dev set's KNOWN_FAILURES hold, fixed with general rules or curated villages; the
texts are written for these tests (none is a dev row)."""

from __future__ import annotations

from typing import Any

import pytest
from test_incident_ho32 import _brief, _incidents

# --- class: front-line and border villages often in the news, curated with their districts' context ---


@pytest.mark.parametrize(("text", "name", "admin1"), [
    ("BELGOROD — A Ukrainian drone dropped a grenade on a car in the village of Murom in the Shebekino district on "
     "Saturday, wounding two men, the governor said.", "Murom", ("RU", "09")),
    ("About 60 residents of the border village of Zhuravlevka in the Belgorod region were evacuated on Friday "
     "after a week of shelling, local officials said.", "Zhuravlevka", ("RU", "09")),
    ("The Bryansk governor said on Monday that a drone had hit a grain store in the village of Kurkovichi, "
     "injuring one worker.", "Kurkovichi", ("RU", "10")),
    ("ORAL — Fragments of a drone were found on Thursday near the village of Taipak in West Kazakhstan, the "
     "regional police said.", "Taipak", ("KZ", "07")),
])
def test_a_border_village_is_the_incidents_place(gazetteer: Any, text: str, name: str,
                                                 admin1: tuple[str, str]) -> None:
    incs = _incidents(gazetteer, text, "2025-09-07")
    assert len(incs) == 1 and incs[0].locations[0].name == name
    assert (incs[0].locations[0].country, incs[0].locations[0].admin1) == admin1


def test_a_curated_village_leaves_its_famous_namesake_alone(gazetteer: Any) -> None:
    text = "A drone struck an industrial site in Murom in the Vladimir region overnight, the governor said on Sunday."
    incs = _incidents(gazetteer, text, "2025-09-07")
    assert [(loc.name, loc.admin1) for i in incs for loc in i.locations] == [("Murom", "83")]


# --- class: "for a second night in a row" told on a day: the latest night is the evening before ---


def test_a_run_of_nights_told_on_a_day_is_the_night_before(gazetteer: Any) -> None:
    text = ("COPENHAGEN — Danish police said on Friday that drones had been seen over Aalborg Airport for a second "
            "night in a row.")
    assert _brief(_incidents(gazetteer, text, "2025-09-27")) == [
        ("drone", "sighting", "Aalborg Airport", "2025-09-25", "confirmed")]
    again = text.replace("a second night in a row", "the third consecutive night")
    assert _brief(_incidents(gazetteer, again, "2025-09-27"))[0][3] == "2025-09-25"


def test_a_run_of_nights_dates_only_its_own_clause(gazetteer: Any) -> None:
    text = ("COPENHAGEN — Police said on Monday that drones had flown over Aalborg Airport for a second night in a "
            "row, hours after Billund Airport halted flights because of a drone sighting.")
    brief = {(b[2], b[3]) for b in _brief(_incidents(gazetteer, text, "2025-09-23"))}
    assert brief == {("Aalborg Airport", "2025-09-21"), ("Billund Airport", "2025-09-22")}


def test_a_night_of_its_own_date_is_kept(gazetteer: Any) -> None:
    # the sentence dates the night itself: no count back from the statement
    text = ("Police said on Friday that drones had been seen over Aalborg Airport on Wednesday night, a second "
            "night in a row.")
    assert [b[3] for b in _brief(_incidents(gazetteer, text, "2025-09-27"))] == ["2025-09-24"]


# --- class: two operation strikes in one sentence, each clause with its own town and weapon ---


def test_two_clauses_each_with_a_weapon_are_two_strikes(gazetteer: Any) -> None:
    text = ("KHARKIV — In the Bohodukhiv district, a man was killed when the village of Zolochiv came under shelling "
            "on Tuesday, and a guided aerial bomb damaged a school in Balakliia, the governor said.")
    incs = [i for i in _incidents(gazetteer, text, "2025-06-18") if i.type.value == "operation"]
    assert sorted(([loc.name for loc in i.locations], [f.value for f in i.figures]) for i in incs) == [
        (["Balakliia"], []), (["Zolochiv"], [1.0])]


def test_towns_of_one_clause_or_one_weapon_stay_one_strike(gazetteer: Any) -> None:
    for text in ("KHARKIV — Russian artillery shelled Zolochiv and Balakliia on Tuesday, the governor said.",
                 "KHARKIV — Russian artillery shelled Zolochiv on Tuesday, and houses were damaged in Balakliia, "
                 "the governor said."):
        incs = [i for i in _incidents(gazetteer, text, "2025-06-18") if i.type.value == "operation"]
        assert [sorted(loc.name for loc in i.locations) for i in incs] == [["Balakliia", "Zolochiv"]], text


# --- class: a night with no day in a report published the day after its news: the night before the news day ---

_NEWS = ("ODESA — Russian drones damaged a port warehouse in Izmail {when}, the regional governor said.\n\n"
         "The navy said drones had also struck a grain terminal in Reni overnight, injuring one worker.")


def _reni(gazetteer: Any, when: str, published: str) -> list[str | None]:
    return [b[3] for b in _brief(_incidents(gazetteer, _NEWS.format(when=when), published)) if b[2] == "Reni"]


def test_a_night_in_a_report_of_the_day_before_is_that_days_night(gazetteer: Any) -> None:
    assert _reni(gazetteer, "on Sunday", "2025-09-15") == ["2025-09-13/2025-09-14"]


def test_a_night_after_the_ledes_evening_or_on_the_day_of_publication_is_last_night(gazetteer: Any) -> None:
    assert _reni(gazetteer, "on Sunday evening", "2025-09-15") == ["2025-09-14/2025-09-15"]
    assert _reni(gazetteer, "on Monday", "2025-09-15") == ["2025-09-14/2025-09-15"]


# --- class: "recently" dates its own event vaguely: no neighbour's day ---


def test_an_event_told_as_recent_takes_no_neighbours_day(gazetteer: Any) -> None:
    text = ("Geolocated footage published on March 12 shows Russian troops advancing in Chasiv Yar.\n\n"
            "Ukrainian forces recently counterattacked near Toretsk and regained positions, a brigade spokesman said.")
    assert [(b[2], b[3]) for b in _brief(_incidents(gazetteer, text, "2025-03-14"))] == [("Toretsk", "2025-03")]


def test_a_persons_recent_past_leaves_the_event_its_neighbours_day(gazetteer: Any) -> None:
    text = ("Police detained 40 migrants at a market in Kazan on Tuesday. Officers handed call-up papers to 12 men who "
            "had recently received Russian citizenship, sending them to an enlistment office in Kazan.")
    assert [(b[1], b[3]) for b in _brief(_incidents(gazetteer, text, "2025-03-14"))] == [
        ("recruitment", "2025-03-11")]


# --- class: a facility the speaker "did not mention" is no reference back to it ---

_TALLY = ("KYIV — Ukrainian drones struck the Millerovo air base in the Rostov region overnight, the General Staff "
          "said on Monday. Russia's Defence Ministry said 30 drones had been shot down over the Rostov region {tail}.")


def test_a_tally_that_leaves_the_base_unmentioned_stays_over_its_region(gazetteer: Any) -> None:
    for tail in ("but did not mention the base", "without naming the air base"):
        incs = _incidents(gazetteer, _TALLY.format(tail=tail), "2025-08-12")
        assert [loc.name for i in incs if i.subtype == "interception" for loc in i.locations] == ["Rostov region"]


def test_a_tally_that_names_the_base_again_is_placed_there(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, _TALLY.format(tail="as they approached the base"), "2025-08-12")
    assert [loc.name for i in incs if i.subtype == "interception" for loc in i.locations] == ["Millerovo air base"]


# --- class: an opinion piece's allusions to events with no day are arguments, not news ---

_OPINION = ("Radar alone will not save Europe's airports\n\n{mark}Europe keeps promising better air defences. Russian "
            "drones that strayed into Lithuanian airspace last month showed how thin they are. On September 22, "
            "drones were spotted over Copenhagen Airport, which closed for four hours.")


def test_an_opinion_piece_maps_only_what_it_dates_to_a_day(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, _OPINION.format(mark="Opinion | "), "2025-10-20")
    assert [(b[2], b[3]) for b in _brief(incs)] == [("Copenhagen Airport", "2025-09-22")]


def test_a_report_maps_the_month_old_incursion_too(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, _OPINION.format(mark=""), "2025-10-20")
    assert sorted(b[2] for b in _brief(incs)) == ["Copenhagen Airport", "Lithuania"]


# --- class: a "military analyst" is a person weighing in, no military body: his account is a claim ---


def test_a_military_analysts_account_is_a_claim(gazetteer: Any) -> None:
    text = ("ASTANA — Fragments of a drone were found near Kobda in the Aktobe region on Monday, {who} said.")
    said = {who: _brief(_incidents(gazetteer, text.format(who=who), "2025-11-20"))[0][4]
            for who in ("military analyst Arman Seitkali", "Kazakhstan's defence ministry")}
    assert said == {"military analyst Arman Seitkali": "claimed", "Kazakhstan's defence ministry": "confirmed"}


# --- class: two flows in one sentence, the second's destination named only by the adjective of its workplaces ---


def test_workplaces_named_by_a_country_adjective_are_a_destination(gazetteer: Any) -> None:
    text = ("BISHKEK — The Kyrgyz labour ministry said 5,200 citizens left to work in Kazakhstan in the first quarter, "
            "while 1,100 went to British farms on seasonal visas.")
    incs = _incidents(gazetteer, text, "2025-04-16")
    assert sorted(([loc.name for loc in i.locations if loc.role == "destination"], [f.value for f in i.figures])
                  for i in incs) == [(["Kazakhstan"], [5200.0]), (["United Kingdom"], [1100.0])]


def test_a_nationality_adjective_is_no_destination(gazetteer: Any) -> None:
    text = "LONDON — About 300 British nurses moved to hospitals in Germany last year, the union said."
    incs = _incidents(gazetteer, text, "2025-04-16")
    assert [[loc.name for loc in i.locations if loc.role == "destination"] for i in incs] == [["Germany"]]


# --- class: "the last week of September" is seven days of that month, not the week before publication ---


def test_a_week_of_a_named_month_dates_the_flow(gazetteer: Any) -> None:
    text = ("BISHKEK — The migration service said 5,300 Kyrgyz citizens returned from Russia in the last week of "
            "March, twice the usual number.")
    assert [b[3] for b in _brief(_incidents(gazetteer, text, "2025-04-09"))] == ["2025-03-25/2025-03-31"]
    text = text.replace("the last week of March", "the second week of March")
    assert [b[3] for b in _brief(_incidents(gazetteer, text, "2025-04-09"))] == ["2025-03-08/2025-03-14"]


# --- class: "put on two <carrier> flights, one to X": the transport with a count or carrier between is a move ---

_STRANDED = ("TASHKENT — About 260 Uzbek workers stranded at a Moscow airport for three days returned home on "
             "Saturday, the foreign ministry said. They {verb} two Uzbekistan Airways flights on Saturday, one to "
             "Samarkand and one to Namangan.")


def test_flights_the_group_was_put_on_end_the_flow_told_before(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, _STRANDED.format(verb="were put on"), "2025-03-08")
    assert [[loc.name for loc in i.locations if loc.role == "destination"] for i in incs] == [["Samarkand"]]


def test_flights_waited_for_end_no_flow(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, _STRANDED.format(verb="had waited for"), "2025-03-08")
    assert [[loc.name for loc in i.locations if loc.role == "destination"] for i in incs] == [["Uzbekistan"]]


# --- class: departures "under the programme" are the workers of the labour scheme told before ---

_SCHEME = ("BISHKEK, Kyrgyzstan, Apr. 8 (Kabar): A total of 860 citizens of Kyrgyzstan left for temporary work in "
           "Germany in March under the organised seasonal employment programme, the labour ministry reports.\n\n"
           "According to the ministry, the workers will be employed on farms for up to six months. Before departure, "
           "they trained at the ministry's centres in Bishkek, Osh and Naryn.\n\nThe ministry noted that since the "
           "beginning of the year 2,400 Kyrgyz citizens have gone to the Federal Republic of Germany under {what}.")


def test_departures_under_the_programme_are_labour_migration(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, _SCHEME.format(what="the programme"), "2025-04-08")
    assert sorted((i.subtype, [f.value for f in i.figures]) for i in incs) == [
        ("labour migration", [860.0]), ("labour migration", [2400.0])]


def test_departures_under_a_visa_waiver_stay_relocations(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, _SCHEME.format(what="a visa waiver"), "2025-04-08")
    assert sorted((i.subtype, [f.value for f in i.figures]) for i in incs) == [
        ("labour migration", [860.0]), ("relocation", [2400.0])]


# --- class: two flows in one sentence, clause by clause, each with its own count at a crossing or town of its own;
# and people going into the country whose people the lede names are going home ---

_CROSSINGS = ("SHYMKENT — {lede} before the Navruz holidays, officials said.\n\nAt the Zhibek Zholy checkpoint, 5,000 "
              "people crossed into Uzbekistan on Tuesday, a border official said, and about 2,000 left through "
              "Saryagash.")


def _flows(incs: list[Any]) -> list[tuple[str, str, list[float]]]:
    return sorted((i.subtype, i.locations[0].name, [f.value for f in i.figures]) for i in incs)


def test_each_clause_with_its_count_and_crossing_is_a_flow(gazetteer: Any) -> None:
    text = _CROSSINGS.format(lede="Queues formed at the southern border on Tuesday")
    assert _flows(_incidents(gazetteer, text, "2025-03-05")) == [
        ("relocation", "Saryagash", [2000.0]), ("relocation", "Zhibek Zholy", [5000.0])]


def test_people_going_into_the_ledes_country_return_home(gazetteer: Any) -> None:
    text = _CROSSINGS.format(lede="Thousands of Uzbeks working in southern Kazakhstan headed home on Tuesday")
    assert _flows(_incidents(gazetteer, text, "2025-03-05")) == [
        ("return", "Saryagash", [2000.0]), ("return", "Zhibek Zholy", [5000.0])]


def test_two_counts_of_one_clause_stay_one_flow(gazetteer: Any) -> None:
    text = ("SHYMKENT — About 5,000 people, among them 2,000 children, crossed into Uzbekistan at the Zhibek Zholy "
            "checkpoint on Tuesday, a border official said.")
    assert [len(i.figures) for i in _incidents(gazetteer, text, "2025-03-05")] == [2]


# --- class: running totals with no place: "returns from the country" is the flow told just before ---


def test_returns_from_the_country_continue_the_flow_told_before(gazetteer: Any) -> None:
    text = ("DUSHANBE — Since January, more than 120,000 Tajiks have returned from Russia, the labour ministry said on "
            "Thursday. In the whole of last year, it counted about 310,000 returns from the country.")
    incs = _incidents(gazetteer, text, "2025-07-18")
    assert sorted(([loc.name for loc in i.locations], i.date.iso() if i.date else None, [f.value for f in i.figures])
                  for i in incs)[0] == (["Russia", "Tajikistan"], "2024", [310000.0])
    assert len(incs) == 2


# --- class: "On the X border, ... returned through Y": the country on the other side is the one left ---

_BORDER = ("TASHKENT — On the {side} border, 1,800 Uzbeks returned through the Zhibek Zholy checkpoint on Monday, "
           "border guards said. Many of the returnees had worked in Shymkent for years.")


def test_the_side_of_the_border_named_is_the_country_left(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, _BORDER.format(side="Kazakhstan"), "2025-07-18")
    assert [[(loc.name, loc.role) for loc in i.locations] for i in incs] == [
        [("Kazakhstan", "origin"), ("Zhibek Zholy", "destination")]]


def test_the_peoples_own_side_of_the_border_is_no_origin(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, _BORDER.format(side="Uzbekistan"), "2025-07-18")
    assert [[loc.name for loc in i.locations] for i in incs] == [["Zhibek Zholy"]]


# --- class: a flow its own sentence says the fighting caused is an evacuation, and its origin a war zone ---


def test_citizens_brought_home_as_the_fighting_spread_are_evacuated(gazetteer: Any) -> None:
    text = ("ASTANA — Kazakhstan brought 174 citizens home from Lebanon as the fighting in the region spread, the "
            "foreign ministry said on Monday.")
    assert [i.subtype for i in _incidents(gazetteer, text, "2025-10-06")] == ["evacuation"]


def test_workers_going_home_as_the_war_drags_on_return(gazetteer: Any) -> None:
    text = ("DUSHANBE — About 3,000 Tajik workers came home from Russia in May as the war dragged on, the labour "
            "ministry said on Monday.")
    assert [i.subtype for i in _incidents(gazetteer, text, "2025-06-09")] == ["return"]


# --- class: an employer moving its own staff is no labour migration ---


def test_a_company_moving_its_staff_is_no_labour_flow(gazetteer: Any) -> None:
    text = ("DUSHANBE — After two attacks on its camps near the border, the company said it had moved about 80 workers "
            "to Khujand on Sunday.")
    assert _incidents(gazetteer, text, "2025-12-02") == []


def test_workers_leaving_for_a_company_abroad_are_labour_migration(gazetteer: Any) -> None:
    text = ("DUSHANBE — About 80 Tajik workers left for Moscow on Sunday to work for a construction company, officials "
            "said.")
    assert [i.subtype for i in _incidents(gazetteer, text, "2025-12-02")] == ["labour migration"]


# --- class: "evacuated from the Kyrgyz side": the region of that country named just before ---

_SIDE = ("DUSHANBE — In May 2023, a shoot-out at the border spread to villages in Tajikistan's Sughd region. About "
         "2,000 people were evacuated from the {who} side, officials said.")


def test_a_countrys_side_of_the_border_is_its_region_named_before(gazetteer: Any) -> None:
    incs = _incidents(gazetteer, _SIDE.format(who="Tajik"), "2025-03-14")
    assert [(i.subtype, [loc.name for loc in i.locations], [f.value for f in i.figures]) for i in incs] == [
        ("evacuation", ["Sughd region"], [2000.0])]


def test_the_other_countrys_side_takes_no_region_of_the_first(gazetteer: Any) -> None:
    assert _incidents(gazetteer, _SIDE.format(who="Kyrgyz"), "2025-03-14") == []
