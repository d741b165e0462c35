"""The ``mapper`` command line: a click group; each command lives in its own module here."""

from __future__ import annotations

import functools
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from mapper.errors import MapperError

#: Exit code after Ctrl-C (128 + SIGINT), as shells report it.
EXIT_INTERRUPTED = 130


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """The one error path of every command: a clear message and a non-zero exit, never a traceback.

    MapperError says what went wrong with which file; an OSError (a folder that cannot be written, a
    lock file in a read-only folder) names its file; Ctrl-C exits 130 (outputs are written to temporary
    files and renamed, so earlier ones stay whole); anything else is reported as an internal error with
    where it happened (set MAPPER_DEBUG=1 for the traceback).
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except MapperError as exc:
            raise click.ClickException(str(exc)) from exc
        except KeyboardInterrupt:
            click.echo("interrupted: outputs written before this run are left as they were", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except OSError as exc:
            if os.environ.get("MAPPER_DEBUG"):
                raise
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(f"{where}{exc.strerror or exc}") from exc
        except (RecursionError, MemoryError) as exc:
            raise click.ClickException(f"input too deeply nested or too large ({type(exc).__name__})") from exc
        except Exception as exc:
            if os.environ.get("MAPPER_DEBUG"):
                raise
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            raise click.ClickException(f"{type(exc).__name__}: {exc} (internal error at "
                                       f"{Path(frame.filename).name}:{frame.lineno}; "
                                       "MAPPER_DEBUG=1 shows the traceback)") from exc

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
    try:
        _register()
        cli(prog_name="mapper")
    except KeyboardInterrupt:  # Ctrl-C before a command started (while importing): no traceback either
        sys.exit(EXIT_INTERRUPTED)
