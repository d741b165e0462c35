"""``mapper eval``: score geoparsing and incidents against gold data (``shared/eval-data``)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import click

from mapper.cli import cli, handle_errors
from mapper.errors import InputError

_GEOPARSE_LABELS = [
    ("docs", "documents"), ("gold", "gold toponyms (literal)"), ("pred", "predicted places"),
    ("strict_p", "strict precision"), ("strict_r", "strict recall"), ("strict_f1", "strict F1"),
    ("lenient_p", "overlap precision"), ("lenient_r", "overlap recall"), ("lenient_f1", "overlap F1"),
    ("resolved", "matched toponyms"), ("acc161", "accuracy@161km (matched)"), ("mean_km", "mean error km"),
    ("median_km", "median error km"), ("auc", "AUC (lower is better)"),
    ("e2e_acc161", "accuracy@161km over all gold"),
]


_gazetteer_option = click.option(
    "--gazetteer", "gazetteer_path", type=click.Path(dir_okay=False, path_type=Path), envvar="MAPPER_GAZETTEER",
    help="Gazetteer file for the pipeline (default: the built-in one).")


def _ids(value: str | None) -> list[str] | None:
    return [i.strip() for i in value.split(",") if i.strip()] if value else None


def _echo_json(result: dict[str, Any]) -> None:
    # NaN (no matched toponyms) is not JSON; write null so other tools can read the line.
    clean = {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in result.items()}
    click.echo(json.dumps(clean, ensure_ascii=False))


@cli.group(name="eval")
def eval_group() -> None:
    """Score geoparsing or incident extraction against gold data.

    Example: mapper eval geoparse ../shared/eval-data/lgl.jsonl --spans toponyms
    """


@eval_group.command(name="geoparse")
@click.argument("gold", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--pred", "pred_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Score this prediction file ({id, places} per line) instead of running the geoparser.")
@click.option("--spans", "spans_field", metavar="FIELD",
              help="Resolve the spans in this field of GOLD (e.g. toponyms) instead of recognising.")
@click.option("--gold-field", default="toponyms", show_default=True, help="Field of GOLD holding gold toponyms.")
@click.option("--ids", metavar="A,B,...", help="Score only these document ids.")
@click.option("--per-doc", is_flag=True, help="Also list each document's misses, false positives and errors.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@_gazetteer_option
@handle_errors
def geoparse_cmd(gold: Path, pred_path: Path | None, spans_field: str | None, gold_field: str,
                 ids: str | None, per_doc: bool, as_json: bool, gazetteer_path: Path | None) -> None:
    """Precision, recall, F1 and accuracy@161 km of places found in GOLD's texts.

    Example: mapper eval geoparse ../shared/eval-data/seed_gold.jsonl --per-doc
    """
    from mapper.evaluate import read_jsonl, score_geoparse

    if pred_path is not None:
        if spans_field:
            raise InputError("--spans runs the geoparser; it cannot be combined with --pred")
        preds: Any = read_jsonl(pred_path)
    else:
        preds = _run_places(gold, spans_field, gazetteer_path)
    records = list(read_jsonl(gold))
    if not any(gold_field in r for r in records):
        raise InputError(f"{gold}: no record has a {gold_field!r} field of gold toponyms (is it a gold file? "
                         f"see --gold-field)")
    result = score_geoparse(records, preds, ids=_ids(ids), gold_field=gold_field, per_doc=per_doc)
    if as_json:
        _echo_json(result)
        return
    for key, label in _GEOPARSE_LABELS:
        click.echo(f"{label:32} {result[key]}")
    for doc in result.get("per_doc", []):
        _echo_doc(doc)


def _run_places(gold: Path, spans_field: str | None, gazetteer_path: Path | None) -> list[dict[str, Any]]:
    from mapper.articles import read_articles
    from mapper.gazetteer import open_gazetteer
    from mapper.pipeline import places_records

    articles = read_articles([gold], spans_field=spans_field)
    # Only the places are kept, so a large gold file costs no more memory than its predictions.
    gazetteer = open_gazetteer(gazetteer_path)
    return [{"id": rec["id"], "places": rec["places"]} for rec in places_records(articles, gazetteer)]


def _echo_doc(doc: dict[str, Any]) -> None:
    click.echo(f"\n# {doc['id']}")
    for item in doc["missed"]:
        click.echo(f"  missed      {item['text']!r} at {item['start']}..{item['end']}")
    for item in doc["false_positives"]:
        click.echo(f"  false pos.  {item['text']!r} at {item['start']}..{item['end']} -> {item['place_id']}")
    for item in doc["boundary"]:
        g, p = item["gold"], item["pred"]
        click.echo(f"  boundary    gold {g['text']!r} {g['start']}..{g['end']}, "
                   f"found {p['text']!r} {p['start']}..{p['end']}")
    for item in doc["errors"]:
        click.echo(f"  wrong place {item['text']!r} at {item['start']}: {item['place_id']} "
                   f"{item['pred_name'] or ''} {item['pred']} vs gold {item['gold']} ({item['error_km']} km)")


@eval_group.command(name="incidents")
@click.argument("gold", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("pred", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--ids", metavar="A,B,...", help="Use only the gold documents with these ids.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@_gazetteer_option
@handle_errors
def incidents_cmd(gold: Path, pred: Path | None, ids: str | None, as_json: bool,
                  gazetteer_path: Path | None) -> None:
    """Recall and precision of incidents (PRED GeoJSON, or extracted from GOLD's texts) against GOLD.

    Example: mapper eval incidents ../shared/eval-data/seed_gold.jsonl outputs/incidents.geojson
    """
    from mapper.evaluate import read_jsonl, score_incidents

    records = list(read_jsonl(gold))
    if not any("incidents" in r or "toponyms" in r for r in records):  # LGL (toponyms only) scores negatives
        raise InputError(f"{gold}: no record has gold 'incidents' (nor 'toponyms'): is it a gold file?")
    if pred is None or pred.resolve() == gold.resolve():
        features = _run_incidents(gold, _ids(ids), gazetteer_path)
    else:
        features = _read_geojson(pred)
    result = score_incidents(records, features, ids=_ids(ids))
    if as_json:
        _echo_json(result)
        return
    for key in ("events", "optional_events", "found", "recall", "predicted", "precision", "one_to_one"):
        click.echo(f"{key:16} {result[key]}")
    for key in ("missed", "duplicated"):
        click.echo(f"{key:16} {', '.join(result[key]) or '-'}")
    for kind, point, date in result["spurious"]:
        click.echo(f"spurious         {kind} at {point} date {date}")


def _run_incidents(gold: Path, ids: list[str] | None, gazetteer_path: Path | None) -> dict[str, Any]:
    from mapper.articles import read_articles
    from mapper.gazetteer import open_gazetteer
    from mapper.pipeline import incident_features

    articles = read_articles([gold])
    if ids:
        wanted = set(ids)
        articles = (a for a in articles if a.id in wanted)
    return incident_features(articles, open_gazetteer(gazetteer_path))


def _read_geojson(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8-sig") as fh:
            return json.load(fh)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a GeoJSON file ({exc})") from None
