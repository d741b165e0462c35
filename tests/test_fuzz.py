"""Hostile and broken input through the whole pipeline: no crash, no hang, clear per-article errors."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mapper.batch import process_article, worker_gazetteer
from mapper.batch_inputs import ReadError, read_inputs
from mapper.cli import _register, cli
from mapper.cli.store import EXIT_SOME_FAILED
from mapper.model import MAX_TEXT_CHARS, Article
from mapper.store import Store
from mapper.store_results import ArticleResult

PIECES = [
    "Aktau", "Kharkiv", "Kursk Oblast", "the village of Ualy", "Odesa's port", "Georgia", "Jordan",
    "drone", "drones were shot down", "migrants crossed", "military operation", "troops",
    "<script>alert('x')</script>", "<b onmouseover=alert(1)>", "</p><p>", "&amp;&#0;&#x110000;",
    "9" * 3000, "-" + "1" * 5000, "1e999999", "NaN", "31 February 2025", "99999-12-31", "0000-00-00",
    "on 1 June 10000", "in the year 2 BC", "\x00", "\x1b[31m", "\u202e", "\ufeff", "\u200b", "\r\n\r\n",
    "🚁🛸", "Ақтау", "Харків", "ﷺ", "\U0010ffff", ".", ",", " ", "\n\n\n",
]
hostile_text = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=20)), max_size=40).map(" ".join),
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
)
fast = settings(max_examples=120, deadline=dt.timedelta(seconds=5), suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def gazetteer():
    return worker_gazetteer(None)


@fast
@given(text=hostile_text, published=st.one_of(st.none(), st.dates()))
@example(text="<b onmouseover=alert(1)> Aktau", published=None)  # (only spaces before a name: no kin word)
def test_hostile_text_gives_a_result_or_a_clear_error(gazetteer, tmp_path_factory, text, published):
    article = Article(id="fuzz", text=text, title=text[:30], published=published)
    result = process_article(article, gazetteer)
    assert isinstance(result, ArticleResult)
    assert not result.error or result.error.startswith("article fuzz: "), result.error
    assert "internal error" not in result.error, result.error
    for res in result.resolutions:
        assert text[res.mention.start:res.mention.end] == res.mention.text
    with Store(tmp_path_factory.mktemp("fuzz") / "s.sqlite") as store:
        store.add([result])
        if not result.error:
            assert store.resolutions() == list(result.resolutions)
            assert len(store.incidents()) == len(result.incidents)
        _export(store)


def _export(store: Store) -> None:
    from mapper import export

    make = getattr(export, "incidents_geojson", None) or export.to_feature_collection
    json.dumps(make(store.incidents()), allow_nan=False)


json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=50),
                         st.sampled_from(PIECES))
records = st.dictionaries(
    st.sampled_from(["id", "text", "title", "published", "url", "source", "extra"]),
    st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.text(max_size=5), inner, max_size=3), max_leaves=6),
)


@fast
@given(recs=st.lists(st.one_of(records, st.binary(max_size=200)), min_size=1, max_size=8))
def test_any_json_lines_file_reads_as_articles_or_per_line_errors(tmp_path_factory, recs):
    path = tmp_path_factory.mktemp("jsonl") / "in.jsonl"
    lines = [r if isinstance(r, bytes) else json.dumps(r).encode() for r in recs]
    path.write_bytes(b"\n".join(line.replace(b"\n", b" ") for line in lines) + b"\n")
    items = list(read_inputs([path]))
    assert all(isinstance(i, (Article, ReadError)) for i in items)
    assert len(items) <= len(lines)
    for item in items:
        if isinstance(item, ReadError):
            assert item.message and str(path) in item.message


@fast
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".csv", ".rss", ".json", ".jsonl", ""]))
def test_binary_junk_in_any_format_never_raises(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("junk") / f"junk{suffix}"
    path.write_bytes(data)
    for item in read_inputs([path]):
        assert isinstance(item, (Article, ReadError))


def test_a_hostile_batch_goes_on_and_reports_every_failure(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    good = [{"id": f"ok{i}", "text": f"Drones were shot down over Kursk on {i + 1} May 2025."} for i in range(3)]
    lines = [json.dumps(good[0]).encode(),
             b'{"id": "huge", "text": "' + b"A" * 50_000_000 + b'"}',  # a 50 MB single line
             b"\xff\xfe\x00\x01 binary junk \x80\x81",
             b'{"id": "badutf", "text": "caf\xe9"}',
             json.dumps({"id": "html", "text": "<script>alert(1)</script> Troops near Kharkiv."}).encode(),
             json.dumps({"id": "date", "text": "Aktau.", "published": "31 February 99999"}).encode(),
             b'{"id": ' + b"7" * 6000 + b', "text": "Atyrau"}',
             json.dumps({"id": "num", "text": "Odesa " + "9" * 5000}).encode(),
             json.dumps(good[1]).encode()]
    (folder / "mixed.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    (folder / "long.txt").write_text("Aktau drone " * 4_200_000)  # a 50 MB single line of text
    (folder / "junk.csv").write_bytes(bytes(range(256)) * 20)
    (folder / "last.jsonl").write_text(json.dumps(good[2]) + "\n")
    store = tmp_path / "s.sqlite"
    _register()
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["add", str(folder), "--store", str(store), "--engine", "serial"])
    assert time.monotonic() - started < 120
    assert result.exit_code == EXIT_SOME_FAILED, result.output
    log = (tmp_path / "s.sqlite.errors.log").read_text()
    for where in ("mixed.jsonl:2", "mixed.jsonl:3", "mixed.jsonl:4", "mixed.jsonl:6", "mixed.jsonl:7",
                  "long.txt", "junk.csv"):
        assert where in log, where
    assert "over the limit" in log and "not valid UTF-8" in log
    with Store(store) as s:
        ids = set(s.article_ids())
    assert {"ok0", "ok1", "ok2", "html", "num"} <= ids
    assert "internal error" not in log


def test_an_overlong_text_is_refused_not_parsed(gazetteer):
    started = time.monotonic()
    result = process_article(Article(id="big", text="Aktau " * (MAX_TEXT_CHARS // 6 + 1)), gazetteer)
    assert result.error.startswith("article big: text is 2,000,004 characters, over the limit")
    assert time.monotonic() - started < 1
