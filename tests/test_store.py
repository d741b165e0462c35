"""The incident store: round trips, skipping seen articles, merging, corrections, locking, damage."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3

import pytest

from mapper.errors import InputError, OutputError
from mapper.model import (
    Article,
    DatePrecision,
    Figure,
    FuzzyDate,
    Incident,
    IncidentType,
    Location,
    Mention,
    Place,
    PlaceKind,
    Precision,
    Resolution,
    Source,
    Status,
)
from mapper.store import SCHEMA_VERSION, Store, decode, encode
from mapper.store_results import ArticleResult, content_hash

AKTAU = Place("geonames:610611", "Aktau", PlaceKind.POPULATED, 43.65, 51.2, "KZ", admin1="09",
              admin1_name="Mangystau", feature_class="P", feature_code="PPLA", population=180000)
ATYRAU = Place("geonames:610529", "Atyrau", PlaceKind.POPULATED, 47.1167, 51.8833, "KZ")


def article(aid: str, text: str) -> Article:
    return Article(id=aid, text=text, title=f"Title {aid}", published=dt.date(2025, 6, 20),
                   url=f"https://example.org/{aid}", source="wire", path="in.jsonl")


def result(art: Article, *, incident_id: str = "drone-1", day: int = 19, place: Place = AKTAU) -> ArticleResult:
    start = art.text.index(place.name)
    mention = Mention(art.id, start, start + len(place.name), place.name)
    res = Resolution(mention, place, score=0.9, candidates=(ATYRAU,), method="prior:population")
    loc = Location(place.place_id, place.name, place.lat, place.lon, Precision.POINT, country="KZ")
    date = FuzzyDate(dt.date(2025, 6, day), dt.date(2025, 6, day), DatePrecision.DAY, "on Thursday")
    inc = Incident(incident_id, IncidentType.DRONE, "sighting", (loc,),
                   (Source(art.id, art.text[:20], 0, 20, title=art.title, published=art.published),),
                   date=date, status=Status.CLAIMED, confidence=0.7, summary="Drone seen")
    return ArticleResult(art, content_hash(art), (res,), (inc,))


def dump(path) -> list[str]:
    with sqlite3.connect(path) as db:
        return list(db.iterdump())


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "s.sqlite", timeout=0.2) as s:
        yield s


def test_encode_decode_round_trips_model_values():
    r = result(article("a1", "A drone was seen over Aktau on Thursday."))
    assert decode(Incident, encode(r.incidents[0])) == r.incidents[0]
    assert decode(Resolution, encode(r.resolutions[0])) == r.resolutions[0]
    odd = Article(id="x", text="bad \udcff byte\x00", published=None, spans=((0, 3),))
    assert decode(Article, encode(odd)) == odd


def test_store_keeps_articles_resolutions_and_incidents(store):
    art = article("a1", "A drone was seen over Aktau on Thursday.")
    r = result(art)
    counts = store.add([r])
    assert (counts.added, counts.incidents_new, counts.incidents_merged) == (1, 1, 0)
    assert store.resolutions() == list(r.resolutions)
    assert store.resolutions("a1") == list(r.resolutions)
    assert store.incidents() == list(r.incidents)
    assert store.article("a1") == art
    assert store.counts()["articles"] == 1


def test_seen_text_is_skipped_and_taken_ids_are_renamed(store):
    art = article("a1", "A drone was seen over Aktau on Thursday.")
    store.add([result(art)])
    same_text = article("other", art.text)
    new_text_same_id = article("a1", "Another drone was reported near Aktau.")
    fresh = store.unseen([same_text, new_text_same_id, new_text_same_id])
    assert [(a.id, h) for a, h in fresh] == [(f"a1~{content_hash(new_text_same_id)[:10]}",
                                              content_hash(new_text_same_id))]


def test_an_id_taken_meanwhile_is_renamed_everywhere(store):
    store.add([result(article("a1", "A drone was seen over Aktau on Thursday."))])
    late = result(article("a1", "Another writer's article about Atyrau."), place=ATYRAU)
    assert store.add([late.packed()]).added == 1  # as a worker ships it, resolutions pre-encoded
    new_id = f"a1~{late.content_hash[:10]}"
    assert store.article_ids() == ["a1", new_id]
    assert [r.mention.article_id for r in store.resolutions(new_id)] == [new_id]
    assert [s.article_id for i in store.incidents() for s in i.sources] == ["a1", new_id]


def test_adding_the_same_results_again_changes_no_row(store, tmp_path):
    r = result(article("a1", "A drone was seen over Aktau on Thursday."))
    store.add([r])
    before = dump(store.path)
    counts = store.add([r])
    assert (counts.added, counts.skipped, counts.changed) == (0, 1, False)
    assert dump(store.path) == before


def test_a_second_report_of_a_known_event_merges_as_another_source(store):
    first = result(article("a1", "A drone was seen over Aktau on Thursday."))
    second = result(article("a2", "Residents of Aktau reported a drone overnight."), incident_id="drone-9", day=20)
    other_event = result(article("a3", "A drone was seen over Atyrau."), incident_id="drone-1", place=ATYRAU)
    store.add([first])
    counts = store.add([second, other_event])
    assert (counts.incidents_merged, counts.incidents_new) == (1, 1)
    incidents = store.incidents()
    assert [i.incident_id for i in incidents][0] == "drone-1"
    assert [s.article_id for s in incidents[0].sources] == ["a1", "a2"]
    # the Atyrau report had a clashing id: it keeps a distinct one
    assert incidents[1].incident_id.startswith("drone-1~") and incidents[1].location.name == "Atyrau"


def test_corrections_and_rejections_persist_across_reopening(tmp_path):
    path = tmp_path / "s.sqlite"
    with Store(path) as s:
        s.add([result(article("a1", "A drone was seen over Aktau on Thursday."))])
        assert s.add_correction("AKTAU", ATYRAU.place_id) == ["a1"]
        assert s.add_correction("Aktau", AKTAU.place_id, article_id="a1") == ["a1"]
        s.reject("drone-1")
        with pytest.raises(InputError, match="no incident 'nope'"):
            s.reject("nope")
        with pytest.raises(InputError, match="no article"):
            s.add_correction("Aktau", AKTAU.place_id, article_id="missing")
    with Store(path) as s:
        assert s.corrections() == {("*", "aktau"): ATYRAU.place_id, ("a1", "aktau"): AKTAU.place_id}
        assert s.incidents() == []
        assert [i.incident_id for i in s.incidents(include_rejected=True)] == ["drone-1"]


def test_replacing_an_article_drops_its_old_incidents(store):
    art = article("a1", "A drone was seen over Aktau on Thursday.")
    store.add([result(art)])
    store.add([ArticleResult(art, content_hash(art))], replace=True)
    assert store.incidents() == [] and store.resolutions() == []
    assert store.counts()["articles"] == 1


def test_failed_results_are_counted_not_stored(store):
    art = article("bad", "x")
    counts = store.add([ArticleResult(art, content_hash(art), error="article bad: broken")])
    assert (counts.failed, counts.errors) == (1, [("in.jsonl", "article bad: broken")])
    assert store.counts()["articles"] == 0


def test_a_second_writer_waits_then_fails_clearly(store, tmp_path):
    with Store(store.path, timeout=0.2) as other, other.transaction():
        with pytest.raises(OutputError, match="busy: another mapper process is writing"):
            store.add([result(article("a1", "A drone was seen over Aktau."))])
        with Store(store.path, timeout=0.2, create=False) as reader:  # readers never wait
            assert reader.incidents() == [] and reader.counts()["articles"] == 0
    assert store.add([result(article("a1", "A drone was seen over Aktau."))]).added == 1


def test_a_failed_transaction_leaves_nothing_behind(store):
    r = result(article("a1", "A drone was seen over Aktau on Thursday."))

    def crashing():
        yield r
        raise RuntimeError("crash mid-batch")

    with pytest.raises(RuntimeError):
        store.add(crashing())
    assert store.counts()["articles"] == 0


def test_damaged_newer_or_missing_files_are_refused(tmp_path):
    with pytest.raises(InputError, match="no store at"):
        Store(tmp_path / "missing.sqlite", create=False)
    assert not (tmp_path / "missing.sqlite").exists()
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(InputError, match="not a mapper store"):
        Store(junk)
    newer = tmp_path / "newer.sqlite"
    with sqlite3.connect(newer) as db:
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    with pytest.raises(InputError, match="upgrade incident-mapper"):
        Store(newer)


def test_a_reader_never_turns_an_empty_or_foreign_file_into_a_store(tmp_path):
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    with pytest.raises(InputError, match="not a mapper store"):
        Store(empty, create=False)
    assert empty.stat().st_size == 0  # not even the WAL header written
    other = tmp_path / "gazetteer.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE places (name TEXT)")
    before = other.read_bytes()
    for create in (True, False):
        with pytest.raises(InputError, match="not a mapper store"):
            Store(other, create=create)
    assert other.read_bytes() == before


def test_damage_found_by_a_later_query_is_a_clear_error(tmp_path):
    path = tmp_path / "s.sqlite"
    with Store(path) as s:
        for i in range(40):
            s.add([result(article(f"a{i}", f"Drone number {i} seen over Aktau. " + "Filler text. " * 200),
                          incident_id=f"drone-{i}")])
        s._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    for off in range(8192, len(data) - 512, 4096 * 3):  # the header and schema page stay readable
        data[off:off + 400] = b"\xff" * 400
    path.write_bytes(bytes(data))
    with Store(path, create=False) as s:
        for call in (s.incidents, s.resolutions, s.article_ids, lambda: s.reject("drone-1"),
                     lambda: s.add_correction("Aktau", "geonames:1")):
            with pytest.raises(InputError, match="is damaged"):
                call()


def test_an_undated_report_gains_the_date_of_a_later_one(store):
    first = result(article("a1", "A drone was seen over Aktau."))
    undated = dataclasses.replace(first.incidents[0], date=None)
    store.add([dataclasses.replace(first, incidents=(undated,))])
    counts = store.add([result(article("a2", "Aktau residents saw a drone on 19 June."), incident_id="drone-7")])
    assert counts.incidents_merged == 1
    [incident] = store.incidents()
    assert incident.date is not None and incident.date.iso() == "2025-06-19"
    assert incident.incident_id == "drone-1" and len(incident.sources) == 2


def test_a_shared_count_matches_reports_from_different_places(store):
    def with_count(r, value):
        return dataclasses.replace(r, incidents=(dataclasses.replace(
            r.incidents[0], figures=(Figure(value, "drones"),)),))

    store.add([with_count(result(article("a1", "Aktau: 40 drones were downed.")), 40)])
    far = with_count(result(article("a2", "Atyrau: 40 drones were downed."), incident_id="d2", place=ATYRAU), 40)
    other = with_count(result(article("a3", "Atyrau: 12 drones were downed."), incident_id="d3", place=ATYRAU), 12)
    counts = store.add([far, other])
    assert (counts.incidents_merged, counts.incidents_new) == (1, 1)  # 12 vs 40 drones: another event


def _loc(place: Place, role: str) -> Location:
    return Location(place.place_id, place.name, place.lat, place.lon, Precision.POINT, role, place.country)


def _report(aid: str, incident_id: str, kind: IncidentType, subtype: str, locs: tuple[Location, ...],
            date: FuzzyDate, figures: tuple[Figure, ...] = ()) -> ArticleResult:
    art = article(aid, f"Report {aid} of an event.")
    inc = Incident(incident_id, kind, subtype, locs, (Source(aid, "Report", 0, 6),), date=date, figures=figures)
    return ArticleResult(art, content_hash(art), (), (inc,))


def test_operations_merge_on_any_shared_place_as_the_incident_stage_does(store):
    from mapper.incident_across import same_event

    chelyabinsk = Place("test:chel", "Chelyabinsk", PlaceKind.POPULATED, 55.16, 61.43, "RU")
    murmansk = Place("test:murm", "Murmansk", PlaceKind.POPULATED, 68.97, 33.10, "RU")
    ryazan = Place("test:ryaz", "Ryazan", PlaceKind.POPULATED, 54.63, 39.74, "RU")
    day = FuzzyDate(dt.date(2025, 6, 1), dt.date(2025, 6, 1), DatePrecision.DAY, "June 1")
    named = _report("a1", "op-1", IncidentType.OPERATION, "named operation",
                    (_loc(murmansk, "target"), _loc(ryazan, "target")), day)
    staging = _report("a2", "op-2", IncidentType.OPERATION, "staging",
                      (_loc(chelyabinsk, "staging"), _loc(ryazan, "target")), day)
    assert same_event(named.incidents[0], staging.incidents[0])  # main places 2,000 km apart, one target shared
    store.add([named])
    assert store.add([staging]).incidents_merged == 1
    [op] = store.incidents()
    assert op.incident_id == "op-1" and {loc.name for loc in op.locations} == {"Murmansk", "Ryazan", "Chelyabinsk"}


def test_a_publication_month_does_not_keep_a_shared_count_apart(store):
    from mapper.incident_across import same_event

    samara = Place("test:samara", "Samara", PlaceKind.POPULATED, 53.2, 50.15, "RU")
    people = (Figure(4200, "people"),)
    month = FuzzyDate(dt.date(2025, 6, 1), dt.date(2025, 6, 30), DatePrecision.MONTH, "publication month")
    told = FuzzyDate(dt.date(2025, 5, 20), dt.date(2025, 5, 20), DatePrecision.DAY, "on May 20")
    undated = _report("a1", "mig-1", IncidentType.MIGRATION, "recruitment", (_loc(samara, "site"),), month, people)
    dated = _report("a2", "mig-2", IncidentType.MIGRATION, "recruitment", (_loc(AKTAU, "site"),), told, people)
    assert same_event(undated.incidents[0], dated.incidents[0])
    written = dataclasses.replace(month, text="June 2025")  # the same month told by the text: another event
    assert not same_event(dataclasses.replace(undated.incidents[0], date=written), dated.incidents[0])
    store.add([undated])
    assert store.add([dated]).incidents_merged == 1
    [flow] = store.incidents()
    assert flow.date == told and len(flow.sources) == 2


def test_a_date_told_by_the_text_outranks_the_publication_month(store):
    month = FuzzyDate(dt.date(2025, 6, 1), dt.date(2025, 6, 30), DatePrecision.MONTH, "publication month")
    told = FuzzyDate(dt.date(2025, 6, 1), dt.date(2025, 6, 30), DatePrecision.MONTH, "in June")
    first = _report("a1", "mig-1", IncidentType.MIGRATION, "recruitment", (_loc(AKTAU, "site"),), month)
    store.add([first])
    assert store.add([_report("a2", "mig-2", IncidentType.MIGRATION, "recruitment", (_loc(AKTAU, "site"),),
                              told)]).incidents_merged == 1
    [merged] = store.incidents()
    assert merged.date == told
