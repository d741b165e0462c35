"""``mapper places``: the toponyms of each article, resolved, as JSON Lines, CSV or a table."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from mapper.cli import cli, handle_errors
from mapper.cli.options import default_published, input_options, open_articles, open_default_gazetteer

_CSV_FIELDS = ["id", "start", "end", "text", "place_id", "name", "kind", "country", "admin1", "lat", "lon",
               "precision", "score", "literal"]


def _jsonl(records: Iterable[dict[str, Any]]) -> Iterable[str]:
    for rec in records:
        yield json.dumps(rec, ensure_ascii=False) + "\n"


def _csv(records: Iterable[dict[str, Any]]) -> Iterable[str]:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, _CSV_FIELDS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for rec in records:
        for p in rec["places"]:
            writer.writerow({"id": rec["id"], **p})
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()


def _table(records: Iterable[dict[str, Any]]) -> Iterable[str]:
    for rec in records:
        yield f"== {rec['id']}\n"
        for p in rec["places"]:
            where = f"{p['lat']:.4f},{p['lon']:.4f}" if p["lat"] is not None else "-"
            flag = "" if p["literal"] else f" (non-literal: {p['reason']})"
            yield (f"{p['start']:>6}-{p['end']:<6} {p['text'][:40]:<40} -> {p['name'] or '?'} "
                   f"[{p['kind'] or '-'}, {p['country'] or '-'}] {where} {p['precision'] or ''}{flag}\n")


@cli.command(name="places")
@input_options
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "table"]), default="jsonl",
              show_default=True, help="Output format.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of stdout.")
@click.option("--demonyms", type=click.Choice(["mark", "place"]), default="mark", show_default=True,
              help="mark: demonyms (Kazakh, Georgian) are non-literal with no coordinates; place: give them "
                   "their country's coordinates, as corpora such as LGL count them.")
@click.option("--country", metavar="CC",
              help="The feed's home country (ISO code, e.g. US for a US local paper): its readings are "
                   "preferred for names the text leaves ambiguous. By default each article's is inferred.")
@handle_errors
def places_cmd(inputs: tuple[Path, ...], gazetteer_path: Path | None, published: str | None, year: int | None,
               spans_field: str | None, fmt: str, out: Path | None, demonyms: str, country: str | None) -> None:
    """Find and resolve the places each article mentions (the built-in sample when no INPUT).

    Example: mapper places article.txt --format table
    """
    from mapper.errors import InputError
    from mapper.pipeline import places_records

    if country is not None and not (len(country) == 2 and country.isalpha()):
        raise InputError(f"--country takes a two-letter ISO country code such as US, got {country!r}")
    articles = open_articles(inputs, published=default_published(published, year), spans_field=spans_field)
    records = places_records(articles, open_default_gazetteer(gazetteer_path), place_demonyms=demonyms == "place",
                             country_hint=country.upper() if country else None)
    chunks = {"jsonl": _jsonl, "csv": _csv, "table": _table}[fmt](records)
    if out is None:
        for chunk in chunks:
            click.echo(chunk, nl=False)
        return
    from mapper.export import atomic_path

    with atomic_path(out) as tmp, tmp.open("w", encoding="utf-8") as f:
        for chunk in chunks:
            f.write(chunk)
    click.echo(f"wrote {out}", err=True)
