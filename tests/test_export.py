"""Tests for mapper.export: GeoJSON, GeoPackage and CSV read back through GDAL."""

from __future__ import annotations

import csv
import importlib.util
import json
import math
import os
import re
from pathlib import Path

import pyogrio
import pytest
from test_render_samples import seed_incidents, seed_resolutions

from mapper import export
from mapper.errors import OutputError

SCORER = Path("/work/shared/eval-data/scorers/score_incidents.py")
SCHEMA = Path(__file__).parent.parent / "docs" / "schema.md"


@pytest.fixture(scope="module")
def incidents():
    return seed_incidents()


def _same(a, b) -> bool:
    if isinstance(a, str) and hasattr(b, "isoformat"):  # GDAL reads ISO dates as a date column
        return b.isoformat()[:10] == a
    if a is None or (isinstance(a, float) and math.isnan(a)):
        return b is None or str(b) in ("nan", "NaT")
    if isinstance(a, float) or isinstance(b, float):
        return b is not None and math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)
    return a == b


def _compare(fc: dict, gdf) -> None:
    assert len(gdf) == len(fc["features"])
    for feat, (_, row) in zip(fc["features"], gdf.iterrows(), strict=True):
        assert row.geometry.__geo_interface__["type"] == feat["geometry"]["type"]
        got = [v for c in row.geometry.coords for v in c]
        want = feat["geometry"]["coordinates"]
        want = want if feat["geometry"]["type"] == "Point" else [v for c in want for v in c]
        assert got == pytest.approx(want)
        for key, value in feat["properties"].items():
            assert _same(value, row[key]), (key, value, row[key])


def test_features_are_flat_and_grouped(incidents):
    fc = export.incidents_geojson(incidents)
    assert "crs" not in fc
    by_incident: dict[str, list] = {}
    for f in fc["features"]:
        for key, value in f["properties"].items():
            assert value is None or isinstance(value, (str, int, float, bool)), key
        by_incident.setdefault(f["properties"]["incident_id"], []).append(f)
    assert set(by_incident) == {i.incident_id for i in incidents}
    # a named operation: staging plus five targets, six points sharing one incident_id
    op = by_incident["op-spiderweb"]
    assert [f["properties"]["role"] for f in op] == ["staging"] + ["target"] * 5
    assert {f["geometry"]["type"] for f in op} == {"Point"}
    # a flow with two origins: two lines ending at the destination, lon/lat order
    kids = by_incident["flow-children"]
    assert [f["geometry"]["type"] for f in kids] == ["LineString", "LineString"]
    assert kids[0]["geometry"]["coordinates"] == [[36.25475, 49.98177], [69.21627, 41.26465]]
    uz = by_incident["flow-uz-ru"][0]["properties"]
    assert (uz["figure_value"], uz["figure_unit"], uz["figures"]) == (1790000, "people", "about 1,790,000 people")
    assert uz["date"] == "2024-09" and uz["date_start"] == "2024-09-01" and uz["date_end"] == "2024-09-30"
    assert by_incident["flow-kz-ua"][0]["properties"]["fatalities"] == 78
    assert "<script>" in by_incident["drone-bolashak"][0]["properties"]["source_quotes"]  # raw in data


def test_flows_and_places(incidents):
    flows = export.flows_geojson(incidents)
    assert len(flows["features"]) == 4
    assert all(f["properties"]["type"] == "migration" for f in flows["features"])
    places = export.places_geojson(seed_resolutions())
    props = [f["properties"] for f in places["features"]]
    assert [p["text"] for p in props] == ["Karakiyan district", "Bolashak", "Moscow"]  # unresolved left out
    assert [p["literal"] for p in props] == [True, True, False]
    assert props[0]["precision"] == "district" and props[1]["precision"] == "point"


def test_geojson_reads_back_in_gdal(tmp_path, incidents):
    layers = {"incidents.geojson": export.incidents_geojson(incidents),
              "flows.geojson": export.flows_geojson(incidents),
              "places.geojson": export.places_geojson(seed_resolutions())}
    for name, fc in layers.items():
        path = export.write_geojson(tmp_path / name, fc)
        assert json.loads(path.read_text(encoding="utf-8")) == fc
        _compare(fc, pyogrio.read_dataframe(path))


def test_gpkg_has_the_same_layers(tmp_path, incidents):
    layers = {"incidents": export.incidents_geojson(incidents), "flows": export.flows_geojson(incidents),
              "places": export.places_geojson(seed_resolutions())}
    path = export.write_gpkg(tmp_path / "incidents.gpkg", layers)
    assert sorted(name for name, _ in pyogrio.list_layers(path)) == ["flows", "incidents", "places"]
    for name, fc in layers.items():
        gdf = pyogrio.read_dataframe(path, layer=name)
        assert gdf.crs.to_epsg() == 4326
        _compare(fc, gdf)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp file left


def test_gpkg_writes_empty_layers(tmp_path):
    empty = {"type": "FeatureCollection", "features": []}
    path = export.write_gpkg(tmp_path / "e.gpkg", {"incidents": empty, "places": empty})
    assert len(pyogrio.read_dataframe(path, layer="places")) == 0


def test_csv_is_acled_like(tmp_path, incidents):
    rows = export.incidents_csv_rows(incidents, admin1=export.admin1_names(seed_resolutions()))
    path = export.write_csv(tmp_path / "incidents.csv", rows)
    with path.open(encoding="utf-8", newline="") as fh:
        got = list(csv.DictReader(fh))
    assert list(got[0]) == list(export.CSV_COLUMNS)
    assert len(got) == len(export.incidents_geojson(incidents)["features"])
    assert len({r["event_id_cnty"] for r in got}) == len(got)
    bol = next(r for r in got if r["incident_id"] == "drone-bolashak")
    assert (bol["event_date"], bol["event_type"], bol["admin1"], bol["geo_precision"]) == \
        ("2025-06-19", "Drone incident", "Mangistau", "1")
    assert float(bol["latitude"]) == 42.15 and float(bol["longitude"]) == 53.35
    saratov = next(r for r in got if r["incident_id"] == "drone-saratov")
    assert saratov["geo_precision"] == "3" and saratov["event_date"] == ""
    kz = next(r for r in got if r["incident_id"] == "flow-kz-ua")
    assert kz["fatalities"] == "78" and kz["notes"].startswith("Kazakhstan -> Ukraine")
    assert bol["fatalities"] == ""
    gdal = pyogrio.read_dataframe(path)
    assert len(gdal) == len(got)


def test_csv_names_each_source_once_and_never_holds_a_formula():
    import dataclasses
    import datetime as dt

    from mapper.model import Source

    inc = seed_incidents(hostile=False)[1]
    twice = (Source("feed-1", "Fragments were found.", 0, 22, title="=HYPERLINK(\"http://x\")",
                    url="https://example.org/a", published=dt.date(2025, 2, 19)),
             Source("feed-1", "The army collected them.", 23, 48, title="=HYPERLINK(\"http://x\")",
                    url="https://example.org/a", published=dt.date(2025, 2, 19)),
             Source("feed-2", "A second report.", 0, 16, title="Second report", url="https://example.org/b"))
    inc = dataclasses.replace(inc, sources=twice, actors=("@channel", "+7 press office"), summary="-1 drones")
    [row] = export.incidents_csv_rows([inc])
    assert row["source"] == "'=HYPERLINK(\"http://x\"); Second report"
    assert row["source_url"] == "https://example.org/a; https://example.org/b"
    assert (row["actor1"], row["actor2"], row["summary"]) == ("'@channel", "'+7 press office", "'-1 drones")
    assert row["notes"] == "Fragments were found. The army collected them. A second report."  # the reports
    assert row["latitude"] == 48.8125  # numbers are never touched
    # sources with no URL and no date (plain text files): null, not a cell of bare line breaks
    bare = tuple(dataclasses.replace(s, url="", published=None) for s in twice)
    [props] = [f["properties"] for f in export.incidents_geojson([dataclasses.replace(inc, sources=bare)])["features"]]
    assert props["source_urls"] is None and props["source_dates"] is None and props["sources"] == 3
    half = (bare[0], twice[2])  # one known: the lines stay aligned with the sources
    [props] = [f["properties"] for f in export.incidents_geojson([dataclasses.replace(inc, sources=half)])["features"]]
    assert props["source_urls"] == "\nhttps://example.org/b"


def test_write_fails_cleanly(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="cannot write"):
        export.write_geojson(blocker / "sub" / "a.geojson", {"type": "FeatureCollection", "features": []})


def test_failed_write_keeps_old_file(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError), export.atomic_path(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError("boom")
    assert target.read_text() == "old" and os.listdir(tmp_path) == ["a.txt"]


def test_schema_documents_every_property(incidents):
    doc = SCHEMA.read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z0-9_]+)`", doc, flags=re.M))
    props = set()
    for fc in (export.incidents_geojson(incidents), export.places_geojson(seed_resolutions())):
        for f in fc["features"]:
            props |= set(f["properties"])
    assert props | set(export.CSV_COLUMNS) <= documented, sorted(props | set(export.CSV_COLUMNS) - documented)


def test_reference_scorer_sees_one_incident_per_id(tmp_path, incidents):
    if not SCORER.exists():
        pytest.skip("reference scorer not available")
    spec = importlib.util.spec_from_file_location("score_incidents", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    path = export.write_geojson(tmp_path / "incidents.geojson", export.incidents_geojson(incidents))
    preds = scorer.load_predictions(path)
    assert len(preds) == len(incidents)
    op = next(p for p in preds if p["key"] == "op-spiderweb")
    assert op["type"] == "operation" and len(op["pts"]) == 6 and op["date"] == "2025-06-01"


def test_each_flow_line_names_its_own_origin(incidents):
    rows = [r for r in export.incidents_csv_rows(incidents) if r["incident_id"] == "flow-children"]
    assert [(r["origin"], r["location"]) for r in rows] == [("Kharkiv", "Tashkent"), ("Kherson", "Tashkent")]
    lines = [f for f in export.incidents_geojson(incidents)["features"]
             if f["properties"]["incident_id"] == "flow-children"]
    assert [f["properties"]["origin_place"] for f in lines] == ["Kharkiv", "Kherson"]
    assert all(f["properties"]["origin"] == "Kharkiv; Kherson" for f in lines)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_an_output_into_a_pipe_or_device_is_written_in_place(tmp_path):
    """`--out /dev/null` or a FIFO: the bytes go into it; a rename would have put a plain file in its place (a
    bench run as root once turned /dev/null into a regular file)."""
    import stat
    import threading

    pipe = tmp_path / "out.fifo"
    os.mkfifo(pipe)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(pipe.read_bytes()), daemon=True)
    reader.start()
    export.write_text(pipe, "hello\n")
    reader.join(timeout=10)
    assert got == [b"hello\n"] and stat.S_ISFIFO(os.stat(pipe).st_mode)
