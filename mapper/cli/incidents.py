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
from mapper.cli.options import input_options, open_articles, open_default_gazetteer
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
@handle_errors
def incidents_cmd(inputs: tuple[Path, ...], gazetteer_path: Path | None, published: str | None,
                  year: int | None, spans_field: str | None, fmt: str, out: Path | None,
                  lexicons: Path | None) -> None:
    """Extract drone events, migration flows and operations (the built-in sample when no INPUT).

    Example: mapper incidents news.jsonl --format geojson --out incidents.geojson
    """
    from mapper.export import incidents_csv_rows, incidents_geojson, write_csv, write_text
    from mapper.incidents import extract_incidents
    from mapper.pipeline import capital_lookup, parse_articles

    default = None
    if published:
        try:
            default = dt.date.fromisoformat(published)
        except ValueError as exc:
            raise click.BadParameter(f"expected YYYY-MM-DD, got {published!r}", param_hint="--published") from exc
    articles = open_articles(inputs, published=default, spans_field=spans_field)
    gaz = open_default_gazetteer(gazetteer_path)
    parsed = parse_articles(articles, gaz)
    incidents = extract_incidents(parsed, lexicon_dir=lexicons, default_year=year, capital_of=capital_lookup(gaz))
    if fmt == "csv":
        if out is None:
            import csv
            import io

            from mapper.export import CSV_COLUMNS
            buf = io.StringIO()
            writer = csv.DictWriter(buf, fieldnames=list(CSV_COLUMNS), extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
            writer.writerows(incidents_csv_rows(incidents))
            click.echo(buf.getvalue(), nl=False)
        else:
            write_csv(out, incidents_csv_rows(incidents))
    else:
        text = (json.dumps(incidents_geojson(incidents), ensure_ascii=False) + "\n" if fmt == "geojson"
                else incidents_jsonl(incidents))
        if out is None:
            click.echo(text, nl=False)
        else:
            write_text(out, text)
    if out is not None:
        click.echo(f"wrote {len(incidents)} incidents to {out}", err=True)
