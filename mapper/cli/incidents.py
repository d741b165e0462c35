"""``mapper incidents``: the incidents the articles report, as GeoJSON, JSON Lines or CSV."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import Any

import click

from mapper.cli import cli, handle_errors
from mapper.cli.options import DateCheck, default_published, input_options, open_articles, open_default_gazetteer
from mapper.model import Incident


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def incidents_jsonl(incidents: Iterable[Incident]) -> str:
    """One JSON object per incident, every field of the Incident value."""
    return "".join(json.dumps(_plain(inc) | {"date_iso": inc.date.iso() if inc.date else None},
                              ensure_ascii=False) + "\n" for inc in incidents)


@cli.command(name="incidents")
@input_options
@click.option("--format", "fmt", type=click.Choice(["geojson", "jsonl", "csv"]), default="geojson",
              show_default=True, help="Output format.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of stdout.")
@click.option("--lexicons", type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="Folder with your own triggers.csv and cues.csv (default: the shipped lexicons).")
@click.option("--store", "store_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Export the incidents of this store (see `mapper add`) instead of reading INPUT.")
@handle_errors
def incidents_cmd(inputs: tuple[Path, ...], gazetteer_path: Path | None, published: str | None,
                  year: int | None, spans_field: str | None, fmt: str, out: Path | None,
                  lexicons: Path | None, store_path: Path | None) -> None:
    """Extract drone events, migration flows and operations (the built-in sample when no INPUT).

    Example: mapper incidents news.jsonl --format geojson --out incidents.geojson
    (or export a store: mapper incidents --store outputs/store.sqlite --format geojson --out all.geojson)
    """
    from mapper.export import csv_text, incidents_csv_rows, incidents_geojson, write_text
    from mapper.gazetteer.display import admin1_names, for_display
    from mapper.pipeline import extract, stored_incidents

    if store_path is not None:
        if inputs:
            raise click.UsageError("give INPUT... or --store, not both (add new articles with `mapper add`)")
        incidents = stored_incidents(store_path)
        gazetteer = open_default_gazetteer(gazetteer_path)
    else:
        articles = DateCheck(open_articles(inputs, published=default_published(published, year),
                                           spans_field=spans_field))
        gazetteer = open_default_gazetteer(gazetteer_path)
        incidents = extract(articles, gazetteer, lexicon_dir=lexicons, default_year=year)
        articles.note(year)
    incidents, _ = for_display(incidents, [], gazetteer)  # "Ivanovo Oblast", not "Ivanovskaya oblast'"
    text = {"geojson": lambda: json.dumps(incidents_geojson(incidents), ensure_ascii=False) + "\n",
            "jsonl": lambda: incidents_jsonl(incidents),
            "csv": lambda: csv_text(incidents_csv_rows(incidents, admin1=admin1_names(incidents, gazetteer)))}[fmt]()
    if out is None:
        click.echo(text, nl=False)
        return
    write_text(out, text)
    click.echo(f"wrote {len(incidents)} incidents to {out}", err=True)
