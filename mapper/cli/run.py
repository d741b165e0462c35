"""``mapper run``: the main job, articles in, map, GeoJSON, GeoPackage, CSV and briefing out."""

from __future__ import annotations

from pathlib import Path

import click

from mapper.cli import cli, handle_errors
from mapper.cli.options import DateCheck, default_published, input_options, open_articles, open_default_gazetteer


@cli.command(name="run")
@input_options
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("outputs"),
              show_default=True, help="Folder for the outputs (created if missing).")
@click.option("--title", help="Title of the map and the briefing.")
@click.option("--store", "store_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Map everything in this incident store (see `mapper add`) instead of reading INPUT.")
@handle_errors
def run_cmd(inputs: tuple[Path, ...], gazetteer_path: Path | None, published: str | None, year: int | None,
            spans_field: str | None, out_dir: Path, title: str | None, store_path: Path | None) -> None:
    """Map the incidents of INPUT... (the built-in sample corpus when none) into OUT.

    Writes map.html (opens offline), incidents.geojson, places.geojson, flows.geojson,
    incidents.gpkg, incidents.csv, briefing.png and briefing.pptx, each atomically.

    Example: mapper run news/ --out outputs/   (or: mapper run --store outputs/store.sqlite)
    """
    from mapper.pipeline import run, run_from_store

    if store_path is not None:
        if inputs:
            raise click.UsageError("give INPUT... or --store, not both (add new articles with `mapper add`)")
        written = run_from_store(store_path, open_default_gazetteer(gazetteer_path), out_dir, title=title)
    else:
        articles = DateCheck(open_articles(inputs, published=default_published(published, year),
                                           spans_field=spans_field))
        written = run(articles, open_default_gazetteer(gazetteer_path), out_dir, title=title, default_year=year)
        articles.note(year)
    for name, path in written.items():
        click.echo(f"{name:<10} {path}")
