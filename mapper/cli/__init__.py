"""The ``mapper`` command line: a click group; each command lives in its own module here."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import click

from mapper.errors import MapperError


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a MapperError into a clear message and exit code 1, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except MapperError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="incident-mapper")
def cli() -> None:
    """incident-mapper: find places and incidents in news articles and map them, offline.

    Example: mapper run  (maps the built-in sample corpus into outputs/)
    """


def _register() -> None:
    # Each command module adds itself to `cli` on import; the list is the only coupling.
    from mapper.cli import commands  # noqa: F401


def main() -> None:
    """Entry point of the console script."""
    _register()
    cli(prog_name="mapper")
