"""mapper.evaluate and `mapper eval`: hand-checked cases, and agreement with the reference scorers."""

from __future__ import annotations

import json
import math
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from mapper.cli import (
    cli,
    commands,  # noqa: F401  (registers the commands on cli)
)
from mapper.errors import InputError
from mapper.evaluate import ACCURACY_KM, haversine_km, read_jsonl, score_geoparse, score_incidents

SHARED = Path(__file__).resolve().parents[2] / "shared"
EVAL = SHARED / "eval-data"
SCORERS = EVAL / "scorers"

needs_shared = pytest.mark.skipif(not SCORERS.is_dir(), reason="shared/eval-data (reference scorers) absent")


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def no_nan(d: dict[str, Any]) -> dict[str, Any]:
    return {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in d.items()}


def reference(script: str, *args: Path | str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, str(SCORERS / script), *map(str, args)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def top(name: str, start: int, lat: float, lon: float, **kw: Any) -> dict[str, Any]:
    return {"start": start, "end": start + len(name), "name": name, "lat": lat, "lon": lon, **kw}


def place(start: int, end: int, lat: float | None, lon: float | None, **kw: Any) -> dict[str, Any]:
    return {"start": start, "end": end, "lat": lat, "lon": lon, **kw}


# A document per rule: strict, overlap, non-literal, GeoNames id, unresolved, duplicates.
GOLD = [
    {"id": "strict", "toponyms": [top("Aktau", 0, 43.65, 51.2, geonameid=610611),
                                  top("Uralsk", 20, 51.23, 51.37, geonameid=608668)]},
    {"id": "overlap", "toponyms": [top("West Kazakhstan Region", 5, 50.0, 51.0)]},
    {"id": "figurative", "toponyms": [top("Moscow", 0, 55.75, 37.62, literal=False),
                                      top("Tehran", 11, 35.69, 51.42, literal=True)]},
    {"id": "entity", "toponyms": [top("Amur", 0, 53.5, 127.5, geonameid=2027748)]},
    {"id": "dups", "toponyms": [top("Sumy", 0, 50.92, 34.8), top("Lviv", 10, 49.84, 24.02)]},
    {"id": "empty", "toponyms": []},
    {"id": "dups", "toponyms": [top("Sumy", 0, 50.92, 34.8), top("Lviv", 10, 49.84, 24.02),
                                top("Kyiv", 20, 50.45, 30.52)]},  # a later line replaces the earlier
]
PRED = [
    {"id": "strict", "places": [place(0, 5, 43.6, 51.1, place_id="geonames:1"),
                                place(20, 26, 40.0, 40.0)]},
    {"id": "overlap", "places": [place(10, 27, 50.1, 51.1), place(5, 27, 50.0, 51.0)]},
    {"id": "figurative", "places": [place(0, 6, 55.75, 37.62), place(11, 17, 35.7, 51.4)]},
    {"id": "entity", "places": [place(0, 4, 10.0, 10.0, place_id="geonames:2027748")]},
    {"id": "dups", "places": [place(0, 4, 50.9, 34.8), place(0, 4, 50.9, 34.8), place(10, 14, None, None),
                              place(30, 35, 1.0, 1.0)]},
    {"id": "unknown-doc", "places": [place(0, 3, 0.0, 0.0)]},
]


def test_geoparse_hand_checked() -> None:
    r = score_geoparse(GOLD, PRED)
    # gold literal: strict 2, overlap 1, figurative 1 (Moscow ignored), entity 1, dups 3 = 8
    # pred counted: strict 2, overlap 2, figurative 1 (the one on Moscow ignored), entity 1, dups 3 = 9
    assert (r["docs"], r["gold"], r["pred"]) == (6, 8, 9)
    # strict matches: Aktau, Uralsk, WKR (the exact one wins over the earlier overlap), Tehran, Amur, Sumy
    assert r["strict_p"] == round(6 / 9, 4) and r["strict_r"] == round(6 / 8, 4)
    assert r["lenient_p"] == r["strict_p"]  # the overlapping WKR pred stays unmatched: one per gold
    assert r["resolved"] == 6
    # Amur: right GeoNames id, 0 km however far the point; Aktau: wrong id, measured distance
    assert r["acc161"] == round(5 / 6, 4)
    assert r["e2e_acc161"] == round(5 / 8, 4)
    assert r["median_km"] == round(sorted([haversine_km((43.65, 51.2), (43.6, 51.1)),
                                           haversine_km((51.23, 51.37), (40.0, 40.0)), 0.0, 0.0,
                                           haversine_km((35.69, 51.42), (35.7, 51.4)),
                                           haversine_km((50.92, 34.8), (50.9, 34.8))])[3], 1)


def test_geoparse_overlap_only_and_ids() -> None:
    gold = [{"id": "a", "toponyms": [top("Chelyabinsk region", 0, 54.5, 60.5)]}]
    pred = [{"id": "a", "places": [place(0, 11, 55.16, 61.43)]}]
    r = score_geoparse(gold, pred)
    assert (r["strict_f1"], r["lenient_f1"]) == (0.0, 1.0)
    assert r["acc161"] == 1.0
    r = score_geoparse(GOLD, PRED, ids=["entity"])
    assert (r["docs"], r["gold"], r["pred"], r["mean_km"]) == (1, 1, 1, 0.0)


def test_geoparse_nothing_matched_gives_nan_error_figures() -> None:
    r = score_geoparse([{"id": "a", "toponyms": [top("Aktau", 0, 43.65, 51.2)]}], [])
    assert r["lenient_r"] == 0.0 and r["resolved"] == 0 and math.isnan(r["mean_km"])


@pytest.mark.parametrize("pred", [[{"places": []}], [{"id": "a", "places": [{"start": 0, "lat": 1, "lon": 1}]}],
                                  [{"id": "a", "places": ["Aktau"]}]])
def test_geoparse_malformed_records(pred: list[dict[str, Any]]) -> None:
    with pytest.raises(InputError):
        score_geoparse([{"id": "a", "toponyms": [top("Aktau", 0, 43.65, 51.2)]}], pred)


def test_geoparse_per_doc_details() -> None:
    r = score_geoparse(GOLD, PRED, per_doc=True)
    docs = {d["id"]: d for d in r["per_doc"]}
    assert "entity" not in docs and "empty" not in docs
    assert [e["text"] for e in docs["strict"]["errors"]] == ["Uralsk"]
    assert docs["strict"]["errors"][0]["pred"] == [40.0, 40.0]
    assert [m["text"] for m in docs["dups"]["missed"]] == ["Lviv", "Kyiv"]
    assert [(f["start"], f["end"]) for f in docs["dups"]["false_positives"]] == [(0, 4), (30, 35)]
    assert [(f["start"], f["end"]) for f in docs["overlap"]["false_positives"]] == [(10, 27)]
    assert "figurative" not in docs  # the prediction on non-literal Moscow is neither right nor wrong


@needs_shared
def test_geoparse_agrees_with_reference_on_synthetic(tmp_path: Path) -> None:
    gold, pred = write_jsonl(tmp_path / "g.jsonl", GOLD), write_jsonl(tmp_path / "p.jsonl", PRED)
    assert no_nan(score_geoparse(read_jsonl(gold), read_jsonl(pred))) == no_nan(
        reference("score_geoparse.py", gold, pred))
    assert score_geoparse(read_jsonl(gold), read_jsonl(pred), ids=["strict", "dups"]) == reference(
        "score_geoparse.py", gold, pred, "--ids", "strict,dups")


def perturbed(records: list[dict[str, Any]], seed: int) -> list[dict[str, Any]]:
    """Predictions from gold: some dropped, shifted, moved far or near, some invented."""
    rnd = random.Random(seed)
    out = []
    for rec in records:
        places = []
        for t in rec["toponyms"]:
            roll = rnd.random()
            if roll < 0.1:
                continue
            q = {"start": t["start"], "end": t["end"], "lat": t["lat"], "lon": t["lon"]}
            if roll < 0.2:
                q["start"] += 1
            elif roll < 0.3:
                q["lat"], q["lon"] = rnd.uniform(-60, 60), rnd.uniform(-170, 170)
            elif roll < 0.4:
                q["lat"] = max(-90.0, min(90.0, q["lat"] + rnd.uniform(-2, 2)))
            elif roll < 0.5 and t.get("geonameid") is not None:
                q["place_id"], q["lat"] = f"geonames:{t['geonameid']}", 0.0
            places.append(q)
            if roll > 0.97:
                places.append({"start": t["end"] + 1, "end": t["end"] + 5, "lat": 1.0, "lon": 2.0})
        out.append({"id": rec["id"], "places": places})
    return out


@needs_shared
@pytest.mark.parametrize("corpus", ["lgl.jsonl", "geovirus.jsonl", "seed_gold.jsonl"])
def test_geoparse_agrees_with_reference_on_corpora(tmp_path: Path, corpus: str) -> None:
    gold_path = EVAL / corpus
    if not gold_path.exists():
        pytest.skip(f"{corpus} absent")
    gold = list(read_jsonl(gold_path))
    pred_path = write_jsonl(tmp_path / "pred.jsonl", perturbed(gold, seed=len(corpus)))
    mine = score_geoparse(gold, read_jsonl(pred_path))
    assert mine == reference("score_geoparse.py", gold_path, pred_path)
    assert 0.5 < mine["lenient_r"] < 0.95 and mine["strict_r"] < mine["lenient_r"]


# -- incidents -----------------------------------------------------------------------------------

def event(key: str, type_: str, date: str | None, lat: float | None = None, lon: float | None = None,
          **kw: Any) -> dict[str, Any]:
    return {"event_key": key, "type": type_, "date": date, "lat": lat, "lon": lon, **kw}


def feature(iid: str, type_: str, date: str | None, geometry: dict[str, Any] | None,
            **props: Any) -> dict[str, Any]:
    return {"type": "Feature", "geometry": geometry,
            "properties": {"incident_id": iid, "type": type_, "date": date, **props}}


def pt(lat: float, lon: float) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [lon, lat]}


INC_GOLD = [
    {"id": "d1", "incidents": [
        event("aktau", "drone", "2025-06-19", 43.65, 51.2),
        event("ualy", "drone", "2025-02", 48.81, 46.76),
        event("claim", "operation", None, optional=True,
              origin={"name": "Kazakhstan", "lat": 48.0, "lon": 68.0},
              destination={"name": "Chelyabinsk", "lat": 55.16, "lon": 61.43}),
        {"type": "migration", "date": "2025", "origin": {"lat": 41.3, "lon": 69.2},
         "destination": {"lat": 50.45, "lon": 30.52}, "points": [[59.94, 30.31]]},  # no event_key
    ]},
    {"id": "d2", "incidents": [
        event("spiderweb", "operation", "2025-06-01", 68.0, 34.5,
              points=[{"lat": 57.0, "lon": 106.0}, {"lat": 53.5, "lon": 127.5}]),
        event("ualy", "drone", "2025-02", 48.81, 46.76, optional=True),  # required in d1: stays required
        event("side", "migration", None, 51.18, 71.45, optional=True),
    ]},
]
INC_PRED = {"type": "FeatureCollection", "features": [
    feature("i1", "drone", "2025-06-21", pt(43.7, 51.3)),  # aktau: 2 days off, fine
    feature("i2", "drone debris", "2025-02-18", pt(48.8, 46.7)),  # ualy: day within month
    feature("i3", "drone", "2025-02-18", pt(48.9, 46.8)),  # a second ualy: duplicate
    feature("i4", "operation", "2025-06", {"type": "MultiPoint", "coordinates": [[10.0, 10.0], [106.1, 57.1]]}),
    feature("i4", None, None, {"type": "LineString", "coordinates": [[34.5, 68.0], [127.5, 53.5]]}),
    feature("i5", "migration", "2025-06", {"type": "LineString", "coordinates": [[69.2, 41.3], [30.5, 50.4]]}),
    feature("i6", "migration", None, pt(51.1, 71.4)),  # matches the optional event
    feature("i6b", "migration", "2025-06-02", pt(51.2, 71.5)),  # a second one for it: neutral, no duplicate
    feature("i7", "drone", "2024-06-19", pt(43.65, 51.2)),  # right place, wrong year: spurious
    {"type": "Feature", "id": "i8", "geometry": {"type": "GeometryCollection", "geometries": [pt(0.0, 0.0)]},
     "properties": {"kind": "Operation"}},
    {"type": "Feature", "geometry": None, "properties": {}},
]}


def test_incidents_hand_checked() -> None:
    r = score_incidents(INC_GOLD, INC_PRED)
    assert (r["events"], r["optional_events"], r["found"], r["predicted"]) == (4, 2, 4, 10)
    assert r["recall"] == 1.0 and r["missed"] == []
    assert r["duplicated"] == ["ualy"]
    # 10 incidents, i6b neutral: 5 matched (4 required, 1 optional) of 9 counted
    assert r["precision"] == round(5 / 9, 4) and r["one_to_one"] == 0.75
    assert [s[0] for s in r["spurious"]] == ["drone", "operation", ""]
    assert r["spurious"][0] == ["drone", [43.65, 51.2], "2024-06-19"]


def test_incidents_ids_and_bad_input() -> None:
    r = score_incidents(INC_GOLD, INC_PRED, ids=["d2"])
    assert (r["events"], r["found"]) == (1, 1)  # ualy is optional in d2 alone
    with pytest.raises(InputError):
        score_incidents(INC_GOLD, {"type": "Feature"})


@needs_shared
def test_incidents_agree_with_reference_on_synthetic(tmp_path: Path) -> None:
    gold = write_jsonl(tmp_path / "g.jsonl", INC_GOLD)
    pred = tmp_path / "p.geojson"
    pred.write_text(json.dumps(INC_PRED), encoding="utf-8")
    assert score_incidents(read_jsonl(gold), INC_PRED) == reference("score_incidents.py", gold, pred)
    assert score_incidents(read_jsonl(gold), INC_PRED, ids=["d2"]) == reference(
        "score_incidents.py", gold, pred, "--ids", "d2")


@needs_shared
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_incidents_agree_with_reference_on_seed_gold(tmp_path: Path, seed: int) -> None:
    gold_path = EVAL / "seed_gold.jsonl"
    if not gold_path.exists():
        pytest.skip("seed_gold.jsonl absent")
    rnd = random.Random(seed)
    features = []
    for rec in read_jsonl(gold_path):
        for n, ev in enumerate(rec["incidents"]):
            locs = [(ev["lat"], ev["lon"])] if ev.get("lat") is not None else []
            locs += [(e["lat"], e["lon"]) for e in (ev.get("origin"), ev.get("destination")) if e]
            for copy in range(rnd.choice([0, 1, 1, 2])):
                lat, lon = rnd.choice(locs)
                lat += rnd.choice([0.0, 0.5, 3.0])
                date = rnd.choice([ev.get("date"), None, "2025", "2024-01-01"])
                features.append(feature(f"{rec['id']}-{n}-{copy}", rnd.choice([ev["type"], "drone"]), date,
                                        pt(lat, lon)))
    fc = {"type": "FeatureCollection", "features": features}
    pred = tmp_path / "p.geojson"
    pred.write_text(json.dumps(fc), encoding="utf-8")
    assert score_incidents(read_jsonl(gold_path), fc) == reference("score_incidents.py", gold_path, pred)


# -- CLI -----------------------------------------------------------------------------------------

def test_cli_eval_geoparse_pred(tmp_path: Path) -> None:
    gold, pred = write_jsonl(tmp_path / "g.jsonl", GOLD), write_jsonl(tmp_path / "p.jsonl", PRED)
    res = CliRunner().invoke(cli, ["eval", "geoparse", str(gold), "--pred", str(pred), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output) == score_geoparse(GOLD, PRED)
    res = CliRunner().invoke(cli, ["eval", "geoparse", str(gold), "--pred", str(pred), "--per-doc"])
    assert res.exit_code == 0 and "strict F1" in res.output
    assert "wrong place 'Uralsk'" in res.output and "missed      'Kyiv'" in res.output
    res = CliRunner().invoke(cli, ["eval", "geoparse", str(gold), "--pred", str(pred), "--json", "--per-doc"])
    assert json.loads(res.output)["per_doc"] == score_geoparse(GOLD, PRED, per_doc=True)["per_doc"]


def test_cli_eval_incidents_geojson(tmp_path: Path) -> None:
    gold = write_jsonl(tmp_path / "g.jsonl", INC_GOLD)
    pred = tmp_path / "p.geojson"
    pred.write_text(json.dumps(INC_PRED), encoding="utf-8")
    res = CliRunner().invoke(cli, ["eval", "incidents", str(gold), str(pred), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output) == score_incidents(INC_GOLD, INC_PRED)
    res = CliRunner().invoke(cli, ["eval", "incidents", str(gold), str(pred)])
    assert "duplicated       ualy" in res.output


@pytest.mark.parametrize("args", [
    ["eval", "geoparse", "missing.jsonl", "--pred", "missing.jsonl"],
    ["eval", "geoparse", "{gold}", "--pred", "{bad}"],
    ["eval", "geoparse", "{gold}", "--pred", "{gold}", "--spans", "toponyms"],
    ["eval", "incidents", "{gold}", "{bad}"],
    ["eval", "geoparse", "{news}", "--pred", "{gold}"],  # articles, not a gold file
    ["eval", "incidents", "{news}", "{news}"],
])
def test_cli_eval_errors_are_clean(tmp_path: Path, args: list[str]) -> None:
    gold = write_jsonl(tmp_path / "g.jsonl", GOLD)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "places": []}\nnot json\n', encoding="utf-8")
    news = write_jsonl(tmp_path / "news.jsonl", [{"id": "n", "text": "Drones were seen over Aktau."}])
    args = [a.format(gold=gold, bad=bad, news=news) for a in args]
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 1 and "Error:" in res.output and "Traceback" not in res.output
    if "news" in args[2]:
        assert "is it a gold file?" in res.output


def test_cli_eval_help_has_examples() -> None:
    for sub in ([], ["geoparse"], ["incidents"]):
        res = CliRunner().invoke(cli, ["eval", *sub, "--help"])
        assert res.exit_code == 0 and "Example: mapper eval" in res.output


# Just over 161 km on a 6371.0088 km sphere (the geoparse scorer), just under on 6371.0 (incidents).
EDGE_DEG = math.degrees(ACCURACY_KM / 6371.0044)


def test_earth_radius_of_each_scorer(tmp_path: Path) -> None:
    gold = [{"id": "e", "toponyms": [top("Aktau", 0, 10.0, 20.0)],
             "incidents": [event("edge", "drone", None, 10.0, 20.0)]}]
    pred = [{"id": "e", "places": [place(0, 5, 10.0 + EDGE_DEG, 20.0)]}]
    fc = {"type": "FeatureCollection", "features": [feature("i", "drone", None, pt(10.0 + EDGE_DEG, 20.0))]}
    assert score_geoparse(gold, pred)["acc161"] == 0.0
    assert score_incidents(gold, fc)["found"] == 1
    if SCORERS.is_dir():
        g, p = write_jsonl(tmp_path / "g.jsonl", gold), write_jsonl(tmp_path / "p.jsonl", pred)
        (tmp_path / "p.geojson").write_text(json.dumps(fc), encoding="utf-8")
        assert no_nan(score_geoparse(gold, pred)) == no_nan(reference("score_geoparse.py", g, p))
        assert score_incidents(gold, fc) == reference("score_incidents.py", g, tmp_path / "p.geojson")


# -- the pipeline behind `mapper eval` (needs the real gazetteer) --------------------------------

OWN_GOLD = [
    {"id": "own-1", "published": "2025-06-20",
     "text": "Drone debris was found near Aktau on June 19, police in Astana said.",
     "toponyms": [top("Aktau", 28, 43.65, 51.2), top("Astana", 56, 51.18, 71.45)],
     "incidents": [event("aktau", "drone", "2025-06-19", 43.65, 51.2)]},
]


def test_cli_runs_the_pipeline_when_no_prediction_is_given(tmp_path: Path, gazetteer: Any) -> None:
    from mapper.articles import read_articles
    from mapper.pipeline import incident_features, places_records

    paths = [write_jsonl(tmp_path / "own.jsonl", OWN_GOLD)]
    if (EVAL / "seed_gold.jsonl").exists():
        paths.append(EVAL / "seed_gold.jsonl")
    for gold in paths:
        for spans in ([], ["--spans", "toponyms"]):
            res = CliRunner().invoke(cli, ["eval", "geoparse", str(gold), "--json", *spans])
            assert res.exit_code == 0, res.output
            articles = read_articles([gold], spans_field="toponyms" if spans else None)
            pred = write_jsonl(tmp_path / "pred.jsonl", list(places_records(articles, gazetteer)))
            expected = score_geoparse(read_jsonl(gold), read_jsonl(pred))
            assert json.loads(res.output) == no_nan(expected)
            if SCORERS.is_dir():
                assert no_nan(expected) == no_nan(reference("score_geoparse.py", gold, pred))
        res = CliRunner().invoke(cli, ["eval", "incidents", str(gold), "--json"])
        assert res.exit_code == 0, res.output
        fc = incident_features(read_articles([gold]), gazetteer)
        assert json.loads(res.output) == score_incidents(read_jsonl(gold), fc)
    text = OWN_GOLD[0]["text"]
    assert all(text[t["start"]:t["end"]] == t["name"] for t in OWN_GOLD[0]["toponyms"])
