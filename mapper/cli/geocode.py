"""``mapper geocode NAME``: ranked gazetteer candidates for a place name, as a table or JSON."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import click

from mapper.cli import cli, handle_errors
from mapper.errors import InputError

_FIELDS = ("place_id", "name", "kind", "country", "admin1", "lat", "lon", "population", "source")


def parse_latlon(value: str | None) -> tuple[float, float] | None:
    """``"51.2,51.4"`` -> ``(51.2, 51.4)``; click.BadParameter for anything else."""
    if value is None:
        return None
    try:
        lat, lon = (float(v) for v in value.split(","))
    except ValueError:
        raise click.BadParameter(f"expected LAT,LON such as 51.2,51.4, got {value!r}",
                                 param_hint="--near") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise click.BadParameter(f"latitude must be in [-90, 90] and longitude in [-180, 180], got {value!r}",
                                 param_hint="--near")
    return lat, lon


@cli.command()
@click.argument("name")
@click.option("--country", metavar="CC", help="Only places in this country (ISO 3166-1 alpha-2, e.g. KZ).")
@click.option("--kind", metavar="KIND", help="Only places of this kind: country, region, district, "
              "populated place, facility, physical feature, area, continent.")
@click.option("--near", metavar="LAT,LON", help="Sort by distance from this point.")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True, help="At most N candidates.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of places.")
@click.option("--online", is_flag=True, help="When the offline gazetteer has no answer, ask Nominatim "
              "(network, 1 request/s); answers are cached in the gazetteer file.")
@click.option("--gazetteer", "gazetteer_path", type=click.Path(dir_okay=False, path_type=Path),
              envvar="MAPPER_GAZETTEER", help="Gazetteer file (default: the built-in one).")
@handle_errors
def geocode(name: str, country: str | None, kind: str | None, near: str | None, limit: int, as_json: bool,
            online: bool, gazetteer_path: Path | None) -> None:
    """Look NAME up in the offline gazetteer and print ranked candidates.

    Example: mapper geocode "St. Petersburg" --country US
    """
    from mapper.gazetteer import open_gazetteer

    gaz = open_gazetteer(gazetteer_path)
    if online:
        from mapper.gazetteer.online import OnlineGazetteer

        gaz = OnlineGazetteer(gaz, enabled=True)
    try:
        places = gaz.candidates(name, country=country, kind=kind, near=parse_latlon(near), limit=limit)
    except InputError as exc:  # bad option values are usage errors: exit code 2
        raise click.UsageError(str(exc)) from None
    if as_json:
        click.echo(json.dumps([dataclasses.asdict(p) | {"kind": p.kind.value} for p in places],
                              ensure_ascii=False, indent=1))
        return
    if not places:
        click.echo(f"no place called {name!r}", err=True)
        return
    for p in places:
        click.echo("\t".join(str(getattr(p, f).value if f == "kind" else getattr(p, f)) for f in _FIELDS))
