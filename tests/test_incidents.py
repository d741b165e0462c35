"""Incident extraction and merging, on texts written for these tests with hand-made resolutions."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mapper.cli import cli
from mapper.incident_text import split_sentences
from mapper.incidents import extract_incidents
from mapper.model import (
    Article,
    DatePrecision,
    IncidentType,
    Mention,
    ParsedArticle,
    Place,
    PlaceKind,
    Resolution,
    Status,
)

C, R, D, P, F = PlaceKind.COUNTRY, PlaceKind.REGION, PlaceKind.DISTRICT, PlaceKind.POPULATED, PlaceKind.FACILITY
PLACES = {
    "Kazakhstan": Place("geonames:1522867", "Kazakhstan", C, 48.0, 68.0, "KZ"),
    "Russia": Place("geonames:2017370", "Russia", C, 60.0, 100.0, "RU"),
    "Kyrgyzstan": Place("geonames:1527747", "Kyrgyzstan", C, 41.5, 75.0, "KG"),
    "Aktobe Region": Place("geonames:610688", "Aktobe Region", R, 48.0, 58.0, "KZ"),
    "Shalkar": Place("geonames:1519928", "Shalkar", P, 47.83, 59.62, "KZ"),
    "Uil": Place("test:uil", "Uil", P, 49.07, 54.68, "KZ"),
    "Temir": Place("test:temir", "Temir", P, 49.14, 57.12, "KZ"),
    "Orenburg": Place("geonames:515003", "Orenburg", P, 51.78, 55.10, "RU"),
    "Bishkek": Place("geonames:1528675", "Bishkek", P, 42.87, 74.59, "KG"),
    "Novosibirsk": Place("geonames:1496747", "Novosibirsk", P, 55.04, 82.93, "RU"),
    "Tver": Place("geonames:480060", "Tver", P, 56.86, 35.90, "RU"),
    "Pskov": Place("geonames:504341", "Pskov", P, 57.81, 28.35, "RU"),
    "Kursk": Place("geonames:538560", "Kursk", P, 51.73, 36.19, "RU"),
    "Samara": Place("geonames:499099", "Samara", P, 53.20, 50.15, "RU"),
    "Almaty": Place("geonames:1526384", "Almaty", P, 43.25, 76.92, "KZ"),
}


def parsed(text: str, names: list[str], *, art_id: str = "a1", published: dt.date | None = dt.date(2024, 10, 9),
           nonliteral: tuple[str, ...] = ()) -> ParsedArticle:
    """An article with one resolution per occurrence of each name (real values, no geoparser)."""
    res = []
    for name in names:
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            mention = Mention(art_id, start, end, name, literal=name not in nonliteral)
            res.append(Resolution(mention, PLACES[name], 0.9))
            start = text.find(name, end)
    return ParsedArticle(Article(art_id, text, title=f"title {art_id}", published=published),
                         tuple(sorted(res, key=lambda r: r.mention.start)))


def test_sentences_keep_abbreviations_and_initials() -> None:
    text = "Gen. A. Petrov flew to St. Petersburg. Drones were seen. The U.S. embassy said so."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Gen. A. Petrov flew to St. Petersburg.", "Drones were seen.", "The U.S. embassy said so."]


def test_drone_debris_with_date_on_the_finest_place() -> None:
    text = ("On October 6, wreckage of a drone was found near Shalkar in Kazakhstan's Aktobe Region. "
            "Police cordoned off the area.")
    (inc,) = extract_incidents([parsed(text, ["Shalkar", "Kazakhstan", "Aktobe Region"])])
    assert (inc.type, inc.subtype, inc.status) == (IncidentType.DRONE, "debris", Status.CONFIRMED)
    assert inc.location.name == "Shalkar" and len(inc.locations) == 1
    assert inc.date is not None and inc.date.iso() == "2024-10-06"
    src = inc.sources[0]
    assert text[src.start:src.end] == src.quote and src.quote.startswith("On October 6")
    assert "wreckage" in inc.summary or "drone" in inc.summary


def test_each_site_with_its_own_date_is_its_own_incident() -> None:
    text = "Drone fragments were discovered in Uil (May 3), Temir (May 11) and Shalkar (June 2)."
    incs = extract_incidents([parsed(text, ["Uil", "Temir", "Shalkar"])])
    assert sorted((i.location.name, i.date.iso()) for i in incs if i.date) == [
        ("Shalkar", "2024-06-02"), ("Temir", "2024-05-11"), ("Uil", "2024-05-03")]


def test_drones_in_general_without_place_or_time_are_not_incidents() -> None:
    text = "Drones are cheap and widely used in modern wars. Kazakhstan buys few of them."
    assert extract_incidents([parsed(text, ["Kazakhstan"])]) == []


def test_country_alone_is_no_drone_site() -> None:
    text = "A drone crashed somewhere in Kazakhstan, officials said."
    assert extract_incidents([parsed(text, ["Kazakhstan"])]) == []


def test_denial_is_not_confirmed() -> None:
    text = ("Officials denied reports that a drone struck a depot in Samara on Monday. "
            "The ministry called the story baseless.")
    (inc,) = extract_incidents([parsed(text, ["Samara"])])
    assert inc.status is Status.DENIED
    assert inc.confidence < 0.6


def test_claim_is_claimed() -> None:
    text = "Local channels claimed that a drone was shot down over Kursk on October 8."
    (inc,) = extract_incidents([parsed(text, ["Kursk"])])
    assert (inc.subtype, inc.status) == ("interception", Status.CLAIMED)


def test_birthplace_is_not_an_incident_site() -> None:
    text = "A drone hit a fuel depot in Samara on October 7; the pilot was born in Orenburg."
    (inc,) = extract_incidents([parsed(text, ["Samara", "Orenburg"])])
    assert [loc.name for loc in inc.locations] == ["Samara"]


def test_non_literal_mention_is_never_a_location() -> None:
    text = "Russia denied that drones hit anything on October 7."
    assert extract_incidents([parsed(text, ["Russia"], nonliteral=("Russia",))]) == []


def test_flow_from_origin_to_destination_with_count() -> None:
    text = "In September 2024 about 3,400 migrants from Kyrgyzstan relocated to Novosibirsk for seasonal work."
    (inc,) = extract_incidents([parsed(text, ["Kyrgyzstan", "Novosibirsk"])])
    assert inc.type is IncidentType.MIGRATION
    roles = {loc.name: loc.role for loc in inc.locations}
    assert roles == {"Kyrgyzstan": "origin", "Novosibirsk": "destination"}
    assert inc.geometry["type"] == "LineString"
    assert [(f.value, f.unit) for f in inc.figures] == [(3400, "people")]
    assert inc.date is not None and inc.date.precision is DatePrecision.MONTH


def test_children_from_a_list_of_cities_arrive() -> None:
    text = ("A group of children have arrived in Almaty for a summer camp. "
            "The children, who come from towns including Uil, Temir and Shalkar, "
            "were welcomed on arrival at the station.")
    (inc,) = extract_incidents([parsed(text, ["Almaty", "Uil", "Temir", "Shalkar"])])
    assert inc.subtype == "relocation"
    assert {loc.name for loc in inc.locations if loc.role == "origin"} == {"Uil", "Temir", "Shalkar"}
    assert inc.location.name == "Almaty"
    assert "publication" in inc.summary  # the date comes from the publication, and says so


def test_parts_arriving_are_no_migration() -> None:
    text = "Spare parts arrived in Almaty from Orenburg on October 2."
    assert extract_incidents([parsed(text, ["Almaty", "Orenburg"])]) == []


def test_named_operation_is_one_incident_with_targets_and_staging() -> None:
    text = ("Dubbed Operation Winter Harbor, the strikes targeted air bases in Tver and Pskov on October 5. "
            "The drones were reportedly assembled in a warehouse in Samara.")
    (inc,) = extract_incidents([parsed(text, ["Tver", "Pskov", "Samara"])])
    assert (inc.type, inc.subtype, inc.name) == (IncidentType.OPERATION, "named operation", "Operation Winter Harbor")
    roles = {loc.name: loc.role for loc in inc.locations}
    assert roles == {"Tver": "target", "Pskov": "target", "Samara": "staging"}
    assert inc.date is not None and inc.date.iso() == "2024-10-05"


def test_same_event_in_two_articles_is_one_incident_with_two_sources() -> None:
    one = parsed("On October 6, wreckage of a drone was found near Shalkar.", ["Shalkar"], art_id="x")
    two = parsed("Drone debris fell near Shalkar on Sunday, local police said.", ["Shalkar"], art_id="y",
                 published=dt.date(2024, 10, 8))
    (inc,) = extract_incidents([one, two])
    assert {s.article_id for s in inc.sources} == {"x", "y"}


def test_operation_name_variants_merge_across_articles() -> None:
    one = parsed("Operation Winter Harbor's strikes hit an airfield near Tver.", ["Tver"], art_id="x")
    two = parsed("Operation Winter Harbor targeted an air base in Pskov, officials said.", ["Pskov"], art_id="y")
    (inc,) = extract_incidents([one, two])
    assert {loc.name for loc in inc.locations} == {"Tver", "Pskov"}


def test_distinct_events_stay_apart_and_ids_are_stable() -> None:
    arts = [parsed("On October 6, a drone crashed near Shalkar.", ["Shalkar"], art_id="x"),
            parsed("On October 1, a drone was shot down over Kursk.", ["Kursk"], art_id="y")]
    first = extract_incidents(arts)
    assert len(first) == 2
    assert [i.incident_id for i in extract_incidents(arts)] == [i.incident_id for i in first]
    assert len({i.incident_id for i in first}) == 2


def test_a_text_met_again_reads_its_dates_against_its_own_publication_day() -> None:
    # the sentences' dates are remembered per text and publication day: a copy published a week later
    # (a wire story run again) dates its "Sunday" a week later
    text = "On Sunday, a drone crashed near Shalkar."
    first = parsed(text, ["Shalkar"], art_id="x", published=dt.date(2024, 10, 9))
    again = parsed(text, ["Shalkar"], art_id="y", published=dt.date(2024, 10, 16))
    dates = sorted(i.date.start for i in extract_incidents([first, again]))
    assert dates == [dt.date(2024, 10, 6), dt.date(2024, 10, 13)]
    assert [i.date.start for i in extract_incidents([again])] == [dt.date(2024, 10, 13)]


def test_no_publication_date_uses_default_year_with_low_precision() -> None:
    text = "A drone was spotted over Uil, residents said."
    (inc,) = extract_incidents([parsed(text, ["Uil"], published=None)], default_year=2023)
    assert inc.date is not None and inc.date.iso() == "2023"


def test_cli_help_and_bad_lexicon_folder(tmp_path: Path) -> None:
    runner = CliRunner()
    from mapper.cli import _register
    _register()
    result = runner.invoke(cli, ["incidents", "--help"])
    assert result.exit_code == 0 and "Example" in result.output
    (tmp_path / "triggers.csv").write_text("type,subtype,term\ndrone,,drone,extra\n", encoding="utf-8")
    (tmp_path / "cues.csv").write_text("cue,term\n", encoding="utf-8")
    art = tmp_path / "a.jsonl"
    art.write_text(json.dumps({"id": "z", "text": "A drone hit Almaty."}) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["incidents", str(art), "--lexicons", str(tmp_path)])
    assert result.exit_code != 0 and "columns" in result.output and "Traceback" not in result.output


GOLD = Path("/work/shared/eval-data/seed_gold.jsonl")
SCORER = GOLD.parent / "scorers" / "score_incidents.py"


@pytest.mark.slow
def test_seed_end_to_end(tmp_path: Path) -> None:
    if not GOLD.exists() or not SCORER.exists():
        pytest.skip("shared seed gold not available")
    out = tmp_path / "i.geojson"
    result = CliRunner().invoke(cli, ["incidents", str(GOLD), "--format", "geojson", "--out", str(out)])
    assert result.exit_code == 0, result.output
    scores = json.loads(subprocess.run([sys.executable, str(SCORER), str(GOLD), str(out)], check=True,
                                       capture_output=True, text=True).stdout)
    assert scores["recall"] >= 0.9 and scores["precision"] >= 0.8


def test_flow_continues_in_the_next_sentence() -> None:
    text = "Kyrgyzstan evacuated 150 citizens from Orenburg on Saturday. The group arrived in Bishkek by bus."
    (inc,) = extract_incidents([parsed(text, ["Orenburg", "Bishkek"])])
    assert inc.subtype == "evacuation"
    assert {loc.name: loc.role for loc in inc.locations} == {"Orenburg": "origin", "Bishkek": "destination"}
    assert len(inc.sources) == 2


def test_strike_without_drones_is_an_operation_strike() -> None:
    text = "Artillery struck an oil refinery in Samara overnight, officials said."
    (inc,) = extract_incidents([parsed(text, ["Samara"])])
    assert (inc.type, inc.subtype, inc.locations[0].role) == (IncidentType.OPERATION, "strike", "target")
    assert inc.date is not None and inc.date.iso() == "2024-10-08/2024-10-09"


def test_forces_hitting_a_site_struck_by_drones_that_night_is_that_drone_strike() -> None:
    text = ("Drones attacked an industrial site in Samara overnight, the governor said. "
            "The General Staff said later on Wednesday that its forces had hit the Samara oil refinery.")
    (inc,) = extract_incidents([parsed(text, ["Samara"])])
    assert (inc.type, inc.subtype, len(inc.sources)) == (IncidentType.DRONE, "strike", 2)
    assert inc.date is not None and inc.date.iso() == "2024-10-08/2024-10-09"


def test_a_nationwide_tally_adds_no_counts_to_the_strike_before() -> None:
    text = ("A drone attack on Samara overnight killed two people, the governor said.\n\n"
            "The air force said it had shot down 58 of the 72 drones launched across the country.")
    (inc,) = extract_incidents([parsed(text, ["Samara"])])
    assert [f.value for f in inc.figures] == [2]


def test_a_forecast_is_no_flow() -> None:
    text = ("The number of migrants going to work in Russia is likely to fall next year, analysts in Almaty "
            "said in a report on Tuesday.")
    assert extract_incidents([parsed(text, ["Russia", "Almaty"])]) == []


def test_staging_words_without_military_context_are_ignored() -> None:
    text = "Farmers are staging protests in Samara over grain prices on October 7."
    assert extract_incidents([parsed(text, ["Samara"])]) == []


def test_a_lone_traveller_is_no_migration_flow() -> None:
    text = "The singer returned to Almaty from Samara on October 3."
    assert extract_incidents([parsed(text, ["Almaty", "Samara"])]) == []


def test_history_is_not_news() -> None:
    text = "In 1999 drones struck a depot in Samara, an old report says."
    assert extract_incidents([parsed(text, ["Samara"])]) == []


def test_operation_name_without_action_is_no_incident() -> None:
    text = "He served in Tver during Operation Winter Harbor and later taught history."
    assert extract_incidents([parsed(text, ["Tver"])]) == []


def test_recurring_strikes_get_no_publication_date() -> None:
    text = "Drones have hit fuel depots in Samara several times, residents say."
    (inc,) = extract_incidents([parsed(text, ["Samara"])])
    assert inc.date is None and inc.subtype == "strike"


def test_place_resolved_outside_its_stated_region_gives_way_to_the_region() -> None:
    # "Uil in the Aktobe Region", but the resolution put Uil 700 km away: the region is kept.
    far_uil = Place("test:uil-far", "Uil", P, 43.0, 45.0, "KZ")
    text = "On October 5, drone debris was found near Uil in the Aktobe Region."
    art = parsed(text, ["Aktobe Region"])
    start = text.index("Uil")
    res = (Resolution(Mention("a1", start, start + 3, "Uil"), far_uil, 0.5),) + art.resolutions
    (inc,) = extract_incidents([ParsedArticle(art.article, res)])
    assert [loc.name for loc in inc.locations] == ["Aktobe Region"]


def test_flow_from_camps_in_a_country() -> None:
    text = "Officials repatriated 64 women and children from camps in northern Kyrgyzstan on October 4."
    (inc,) = extract_incidents([parsed(text, ["Kyrgyzstan"])])
    assert (inc.subtype, inc.locations[0].name, inc.locations[0].role) == ("return", "Kyrgyzstan", "origin")


def test_named_actors_are_kept() -> None:
    text = "Russia's Defence Ministry said its air defences shot down a drone over Kursk on October 8."
    (inc,) = extract_incidents([parsed(text, ["Kursk"])])
    assert "Russia's Defence Ministry" in inc.actors


def test_reports_sharing_a_count_merge_before_looser_matches() -> None:
    broad = parsed("Citizens of Kyrgyzstan have been recruited to fight in Russia this year, officials said.",
                   ["Kyrgyzstan", "Russia"], art_id="x")
    specific = parsed("About 4,200 migrants were recruited in Samara, the governor said on October 8.",
                      ["Samara"], art_id="y")
    again = parsed("Some 4,200 migrants from Kyrgyzstan were recruited and sent to fight in Russia.",
                   ["Kyrgyzstan", "Russia"], art_id="z", published=dt.date(2024, 10, 10))
    incs = extract_incidents([broad, specific, again])
    merged = next(i for i in incs if any(f.value == 4200 for f in i.figures))
    assert {s.article_id for s in merged.sources} == {"y", "z"}


def test_a_claim_told_over_two_sentences_stays_a_claim() -> None:
    text = ("According to Telegram channels, drones struck an airfield near Samara on October 7. "
            "Fires broke out after the drones hit fuel tanks in Samara.")
    (inc,) = extract_incidents([parsed(text, ["Samara"])])
    assert inc.status is Status.CLAIMED and len(inc.sources) == 2


def test_entering_a_country_after_mobilisation_is_a_relocation() -> None:
    text = "About 9,000 people have entered Kazakhstan since the mobilisation was announced on October 1."
    (inc,) = extract_incidents([parsed(text, ["Kazakhstan"])])
    assert (inc.subtype, inc.location.name, inc.location.role) == ("relocation", "Kazakhstan", "destination")


def test_flows_between_countries_are_drawn_between_capitals(gazetteer) -> None:
    from mapper.model import Article, Precision
    from mapper.pipeline import capital_lookup, parse_article

    text = ("More than 3,000 labour migrants returned from Russia to Tajikistan in April, the migration "
            "service said.")
    parsed = parse_article(Article("cap", text, published=dt.date(2025, 5, 2)), gazetteer)
    [flow] = [i for i in extract_incidents([parsed], capital_of=capital_lookup(gazetteer))
              if i.type is IncidentType.MIGRATION]
    ends = {loc.role: loc for loc in flow.locations}
    assert ends["origin"].name == "Russia" and ends["origin"].precision is Precision.COUNTRY
    assert abs(ends["origin"].lat - 55.75) < 0.2 and abs(ends["origin"].lon - 37.62) < 0.2  # Moscow
    assert abs(ends["destination"].lat - 38.54) < 0.2  # Dushanbe


@pytest.mark.parametrize("text", [
    "Uzbekistan's migration agency said on Monday that 1,240 citizens had returned from Russia.",
    "Meanwhile in Uzbekistan, the migration agency said 1,240 citizens had returned from Russia on Monday.",
])
def test_a_governments_own_citizens_return_to_its_country(gazetteer, text: str) -> None:
    [flow] = _flows(gazetteer, text)
    assert flow.subtype == "return"
    assert {loc.role: loc.name for loc in flow.locations} == {"origin": "Russia", "destination": "Uzbekistan"}


def _flows(gazetteer, text: str) -> list:
    from mapper.model import Article
    from mapper.pipeline import parse_article

    parsed = parse_article(Article("flow", text, published=dt.date(2025, 11, 7)), gazetteer)
    return [i for i in extract_incidents([parsed]) if i.type is IncidentType.MIGRATION]


def test_deported_after_raids_leave_where_they_were_detained(gazetteer) -> None:
    [flow] = _flows(gazetteer, "Russian authorities deported more than 1,500 Tajik nationals in October, most of "
                               "them detained during raids on construction sites in Moscow and Yekaterinburg, the "
                               "ministry said.")
    assert flow.subtype == "return"
    assert {(loc.name, loc.role) for loc in flow.locations} == {
        ("Moscow", "origin"), ("Yekaterinburg", "origin"), ("Tajikistan", "destination")}


def test_turned_back_at_the_border_is_a_return_from_there(gazetteer) -> None:
    [flow] = _flows(gazetteer, "Some 420 Uzbek migrants were turned back at a border crossing in the Orenburg "
                               "region on Monday because their papers were not in order.")
    assert flow.subtype == "return"
    roles = {loc.role: loc.name for loc in flow.locations}
    assert roles["origin"].startswith("Orenburg") and roles["destination"] == "Uzbekistan"


def test_a_government_speaking_of_foreigners_is_no_destination(gazetteer) -> None:
    flows = _flows(gazetteer, "Kazakhstan's Interior Ministry said 40 Afghan nationals had returned from Iran on "
                              "Monday.")
    assert all(loc.name != "Kazakhstan" for f in flows for loc in f.locations)


def test_same_event_on_finished_incidents_agrees_with_the_stage() -> None:
    from mapper.incident_across import same_event

    shalkar = [parsed("On October 6, wreckage of a drone was found near Shalkar.", ["Shalkar"], art_id="x"),
               parsed("Drone debris fell near Shalkar on October 6, local police said.", ["Shalkar"], art_id="y")]
    apart = [parsed("On October 6, a drone crashed near Shalkar.", ["Shalkar"], art_id="x"),
             parsed("On October 1, a drone was shot down over Kursk.", ["Kursk"], art_id="y")]
    one, two = (extract_incidents([p]) for p in shalkar)
    (merged,) = extract_incidents(shalkar)  # the stage merges them, and so does the rule on its output
    assert same_event(one[0], two[0]) and same_event(two[0], one[0])
    assert {s.article_id for s in merged.sources} == {"x", "y"}
    far, near = (extract_incidents([p])[0] for p in apart)
    assert len(extract_incidents(apart)) == 2 and not same_event(far, near)
    assert not same_event(one[0], one[0])  # one article does not report its own event twice


def test_dates_standing_in_for_the_text_are_marked_for_the_same_event_rule() -> None:
    from mapper.incident_merge import FROM_PUBLICATION

    text = "A drone was spotted over Uil, residents said."
    (month,) = extract_incidents([parsed(text, ["Uil"])])
    (year,) = extract_incidents([parsed(text, ["Uil"], published=None)], default_year=2023)
    (told,) = extract_incidents([parsed("On October 6, a drone was spotted over Uil.", ["Uil"])])
    assert month.date is not None and month.date.text in FROM_PUBLICATION
    assert year.date is not None and year.date.text in FROM_PUBLICATION
    assert told.date is not None and told.date.text not in FROM_PUBLICATION


def test_locations_are_labelled_as_the_article_names_them(gazetteer) -> None:
    from mapper.model import Article
    from mapper.pipeline import parse_article

    text = ("On June 3 drones struck air bases in the Murmansk and Amur regions, officials said. "
            "Debris was found on June 4 in Kazakhstan's Mangistau Region.")
    parsed = parse_article(Article("lbl", text, published=dt.date(2025, 6, 5)), gazetteer)
    names = {loc.name for inc in extract_incidents([parsed]) for loc in inc.locations}
    assert {"Murmansk region", "Amur region", "Mangistau Region"} <= names


def test_a_long_word_before_a_full_stop_ends_the_sentence() -> None:
    text = "Drones were seen over the Nizhnekamskneftekhim. A second wave followed."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Drones were seen over the Nizhnekamskneftekhim.", "A second wave followed."]


def test_a_distance_from_a_place_still_places_the_find_and_wreckage_taken_elsewhere_does_not() -> None:
    near = "On October 6, shepherds found drone wreckage about 30 km from Shalkar."
    (inc,) = extract_incidents([parsed(near, ["Shalkar"])])
    assert inc.subtype == "debris" and [loc.name for loc in inc.locations] == ["Shalkar"]
    taken = "The wreckage of a drone that fell near Temir on October 6 was sent to Almaty for tests."
    (inc,) = extract_incidents([parsed(taken, ["Temir", "Almaty"])])
    assert [loc.name for loc in inc.locations] == ["Temir"]


def test_a_warehouse_hit_by_a_drone_is_a_target_not_a_staging_point() -> None:
    text = "A drone hit a warehouse in Samara on October 7, the governor said."
    (inc,) = extract_incidents([parsed(text, ["Samara"])])
    assert (inc.type, inc.subtype, inc.status) == (IncidentType.DRONE, "strike", Status.CONFIRMED)


def test_debris_left_by_an_interception_makes_it_no_debris_event() -> None:
    text = "Two drones were shot down over Kursk on October 8, and falling debris damaged a roof."
    (inc,) = extract_incidents([parsed(text, ["Kursk"])])
    assert inc.subtype == "interception" and [f.value for f in inc.figures] == [2.0]


def test_a_raid_by_special_forces_is_an_operation() -> None:
    text = "Special forces carried out a raid near Kursk on October 5, the army said."
    (inc,) = extract_incidents([parsed(text, ["Kursk"])])
    assert (inc.type, inc.subtype, inc.status) == (IncidentType.OPERATION, "raid", Status.CLAIMED)


def test_leaving_in_search_of_work_is_labour_migration() -> None:
    text = "More than 5,000 workers from Kyrgyzstan left for Russia in search of work in September."
    (inc,) = extract_incidents([parsed(text, ["Kyrgyzstan", "Russia"])])
    assert inc.subtype == "labour migration" and inc.date is not None and inc.date.iso() == "2024-09"
    assert {loc.name: loc.role for loc in inc.locations} == {"Kyrgyzstan": "origin", "Russia": "destination"}


def test_drones_destroyed_by_air_defences_are_an_interception() -> None:
    text = "Air defences destroyed 14 drones over Kursk on October 8, the defence ministry said."
    (inc,) = extract_incidents([parsed(text, ["Kursk"])])
    assert (inc.subtype, inc.status) == ("interception", Status.CLAIMED)
    hit = "Drones destroyed a fuel tank in Kursk on October 8."
    assert extract_incidents([parsed(hit, ["Kursk"])])[0].subtype == "strike"


def test_where_the_speaker_sits_is_not_where_the_event_happened() -> None:
    text = "Drones struck a depot near Kursk on October 7, officials in Samara said."
    (inc,) = extract_incidents([parsed(text, ["Kursk", "Samara"])])
    assert [loc.name for loc in inc.locations] == ["Kursk"]
    alone = "A drone crashed on October 7, police in Samara said."
    assert [loc.name for loc in extract_incidents([parsed(alone, ["Samara"])])[0].locations] == ["Samara"]


def test_drone_workshops_struck_are_an_operation_target_not_a_drone_event() -> None:
    text = "Russian forces struck drone workshops in Kursk on October 6, the defence ministry said."
    (inc,) = extract_incidents([parsed(text, ["Kursk"])])
    assert (inc.type, inc.subtype, inc.status) == (IncidentType.OPERATION, "strike", Status.CLAIMED)


def test_migrants_allowed_to_return_home_are_a_return() -> None:
    text = "About 300 migrants stuck in Orenburg were allowed to return to Bishkek on October 5."
    (inc,) = extract_incidents([parsed(text, ["Orenburg", "Bishkek"])])
    assert inc.subtype == "return" and {loc.role for loc in inc.locations} >= {"destination"}


def test_a_threat_or_an_intention_to_strike_is_no_incident() -> None:
    text = "Officials said on October 7 that they will keep targeting fuel depots in Samara."
    assert extract_incidents([parsed(text, ["Samara"])]) == []


def test_a_ground_assault_by_troops_is_an_operation_strike_and_a_drone_attack_stays_a_drone_strike() -> None:
    text = "Troops launched an assault near Kursk on October 6, the army said."
    (inc,) = extract_incidents([parsed(text, ["Kursk"])])
    assert (inc.type, inc.subtype) == (IncidentType.OPERATION, "strike")
    drones = "Russian forces attacked Kursk with drones on October 6."
    assert extract_incidents([parsed(drones, ["Kursk"])])[0].type is IncidentType.DRONE


def test_recruiting_for_a_war_at_a_city_needs_no_count_but_business_recruitment_is_none() -> None:
    text = "Recruiters in Samara offered migrants army contracts on October 4."
    (inc,) = extract_incidents([parsed(text, ["Samara"])])
    assert (inc.subtype, inc.locations[0].name) == ("recruitment", "Samara")
    assert extract_incidents([parsed("A bank in Samara held a recruitment fair on October 4.", ["Samara"])]) == []


def test_men_killed_at_the_front_after_signing_with_the_russian_army() -> None:
    text = "Two men from Bishkek who signed contracts with the Russian army were killed in Kursk on October 2."
    (inc,) = extract_incidents([parsed(text, ["Bishkek", "Kursk"])])
    assert inc.subtype == "recruitment"
    assert {loc.name: loc.role for loc in inc.locations} == {"Bishkek": "origin", "Kursk": "destination"}


def test_what_the_people_had_done_before_is_not_the_event() -> None:
    text = ("Officials brought home 40 children of men who had fought for militants from camps in Kyrgyzstan "
            "on October 3.")
    (inc,) = extract_incidents([parsed(text, ["Kyrgyzstan"])])
    assert inc.subtype == "return"


def test_the_samples_incidents_all_lie_where_its_stories_happen(gazetteer) -> None:
    # a quoted "Pearl Harbor" after a possessive is a metaphor: no target in the Pacific
    from mapper.articles import read_sample
    from mapper.pipeline import parse_articles

    incidents = extract_incidents(parse_articles(read_sample(), gazetteer))
    assert incidents
    for inc in incidents:
        for loc in inc.locations:
            assert 20 <= loc.lon <= 150 and 30 <= loc.lat <= 75, (inc.summary, loc)


def test_a_roundups_paragraph_datelines_are_no_sites_and_its_strikes_on_two_countries_stay_two(gazetteer) -> None:
    from mapper.pipeline import parse_article

    text = ("TASHKENT, Uzbekistan (AP) — Uzbek police said on Tuesday they had found a crashed drone near "
            "Angren.\n\nMOSCOW (Reuters) - Ukrainian drones set fire to a fuel depot in Russia's Bryansk region "
            "overnight, the governor said.\n\nKYIV, Ukraine — Russia launched 90 drones at Ukraine overnight, "
            "the air force said, hitting homes in Shostka.")
    parsed = parse_article(Article("rnd", text, published=dt.date(2025, 3, 4)), gazetteer)
    incidents = extract_incidents([parsed])
    sites = {loc.name for inc in incidents for loc in inc.locations}
    assert not sites & {"TASHKENT", "MOSCOW", "KYIV"}
    strikes = sorted(sorted(loc.name for loc in inc.locations) for inc in incidents if inc.subtype == "strike")
    assert strikes == [["Bryansk region"], ["Shostka"]]


def test_workers_named_by_their_country_fly_from_home_to_work(gazetteer) -> None:
    from mapper.pipeline import parse_article

    text = ("DUSHANBE — A first group of 85 Uzbek workers flew from Tashkent to Incheon on Wednesday under a "
            "labour deal with South Korea, the migration agency said. Factory workers in Bukhara asked for higher pay.")
    parsed = parse_article(Article("wrk", text, published=dt.date(2025, 4, 3)), gazetteer)
    (inc,) = extract_incidents([parsed])
    ends = {(loc.role, loc.name) for loc in inc.locations}
    assert inc.type is IncidentType.MIGRATION and {("origin", "Tashkent"), ("destination", "Incheon")} <= ends
    assert [f.value for f in inc.figures] == [85]


def test_a_place_a_locative_word_puts_after_the_drones_origin_is_the_site(gazetteer) -> None:
    from mapper.pipeline import parse_article

    text = ("TASHKENT — Air defence units shot down a drone that crossed into Uzbek airspace from Afghanistan "
            "near Termez on Sunday, the ministry said.")
    parsed = parse_article(Article("orig", text, published=dt.date(2025, 8, 19)), gazetteer)
    (inc,) = extract_incidents([parsed])
    assert (inc.subtype, [loc.name for loc in inc.locations]) == ("interception", ["Termez"])


def test_a_quoted_operation_name_told_with_no_site_takes_the_strikes_of_the_next_sentence() -> None:
    text = ('The Security Service said a covert operation it called "Harvest Moon" had struck two airfields on '
            "Monday. Its drones hit the air bases in Tver and Pskov on October 5.")
    (inc,) = extract_incidents([parsed(text, ["Tver", "Pskov"])])
    assert (inc.type, inc.subtype, inc.name) == (IncidentType.OPERATION, "named operation", "Operation Harvest Moon")
    assert {loc.name for loc in inc.locations} == {"Tver", "Pskov"}


def test_an_event_in_a_where_clause_is_at_the_place_it_describes_and_undated_in_the_perfect() -> None:
    text = ("Drone debris was found near Shalkar on October 6. Shalkar lies 200 kilometres from the city of "
            "Orenburg, where Ukrainian drones have attacked an oil depot.")
    incs = extract_incidents([parsed(text, ["Shalkar", "Orenburg"])])
    strike = next(i for i in incs if i.subtype == "strike")
    assert [loc.name for loc in strike.locations] == ["Orenburg"] and strike.date is None


def test_a_text_met_again_gives_the_same_events_under_its_own_id(gazetteer) -> None:
    from mapper.articles import read_sample
    from mapper.pipeline import parse_articles

    first = list(read_sample())[:3]
    again = [dataclasses.replace(a, id=f"{a.id}-again") for a in first]
    once = extract_incidents(list(parse_articles(first, gazetteer)))
    twice = extract_incidents(list(parse_articles(again, gazetteer)))
    assert [(i.incident_id, i.subtype, i.locations) for i in once] == [
        (i.incident_id, i.subtype, i.locations) for i in twice]
    assert {s.article_id for i in twice for s in i.sources} == {a.id for a in again}
