"""``mapper gazetteer build|info|add``: build the offline gazetteer, describe it, add curated places."""

from __future__ import annotations

import json
from pathlib import Path

import click

from mapper.cli import cli, handle_errors
from mapper.errors import InputError

_PATH = click.option("--path", "path", type=click.Path(dir_okay=False, path_type=Path), envvar="MAPPER_GAZETTEER",
                     help="Gazetteer file (default: data/gazetteer/gazetteer.sqlite or the user cache).")


@cli.group()
def gazetteer() -> None:
    """Build and inspect the offline gazetteer.

    Example: mapper gazetteer build && mapper gazetteer info
    """


@gazetteer.command("build")
@_PATH
@click.option("--quiet", is_flag=True, help="No progress bar.")
@handle_errors
def build_cmd(path: Path | None, quiet: bool) -> None:
    """Build the gazetteer file from the installed GeoNames packages and curated.csv.

    Example: mapper gazetteer build
    """
    from mapper.gazetteer.build import build, build_lock, default_path

    path = path or default_path()
    with build_lock(path):
        info = build(path, progress=not quiet)
    click.echo(f"built {info.path} ({info.size_bytes / 1e6:.1f} MB, name index {info.trie_path.name}): "
               f"{info.places} places, {info.names} names, {info.keys} keys in {info.seconds:.1f} s")
    for w in info.warnings:
        click.echo(f"warning: {w}", err=True)


@gazetteer.command("info")
@_PATH
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@handle_errors
def info_cmd(path: Path | None, as_json: bool) -> None:
    """Say where the gazetteer is, when it was built and what it holds.

    Example: mapper gazetteer info
    """
    from mapper.gazetteer.build import default_path
    from mapper.gazetteer.sqlite import SqliteGazetteer

    stats = SqliteGazetteer(path or default_path()).stats()
    if as_json:
        click.echo(json.dumps(stats, indent=1, ensure_ascii=False))
        return
    for key, value in stats.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in value.items())
        click.echo(f"{key}: {value}")


@gazetteer.command("add")
@click.option("--slug", required=True, help="Stable id: the place becomes curated:<slug>.")
@click.option("--name", required=True, help="Main name.")
@click.option("--alias", "aliases", multiple=True, help="Another name (repeatable).")
@click.option("--kind", required=True, help="country, region, district, populated place, facility, "
              "physical feature, area or continent.")
@click.option("--feature-code", default="", help="GeoNames feature code, e.g. PPL, AIRB, RSTN, MTS.")
@click.option("--country", default="", help="ISO 3166-1 alpha-2 code.")
@click.option("--admin1", default="", help="GeoNames admin1 code within the country, e.g. 07.")
@click.option("--lat", required=True, type=float, help="Latitude.")
@click.option("--lon", required=True, type=float, help="Longitude.")
@click.option("--source", required=True, help="Where the point comes from.")
@click.option("--curated", "curated", type=click.Path(dir_okay=False, path_type=Path),
              help="Curated CSV (default: data/gazetteer/curated.csv).")
@_PATH
@handle_errors
def add_cmd(path: Path | None, curated: Path | None, aliases: tuple[str, ...], **row: str) -> None:
    """Append a checked place to curated.csv and add it to the gazetteer (rebuilt if stale).

    Example: mapper gazetteer add --slug hmeimim-air-base-sy --name "Hmeimim air base" --kind facility
    --feature-code AIRB --country SY --lat 35.4011 --lon 35.9487 --source "OurAirports OSLK"

    With --curated OTHER.csv, pass --path too: the default gazetteer is built from the repository's
    curated.csv.
    """
    from mapper.gazetteer.build import add_curated

    try:
        info = add_curated({**row, "aliases": "|".join(aliases)}, curated=curated, path=path)
    except InputError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"added curated:{row['slug']} to {info.path}")
