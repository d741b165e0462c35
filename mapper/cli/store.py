"""``mapper add``, ``mapper fix`` and ``mapper reject``: grow and correct the incident store."""

from __future__ import annotations

import contextlib
import csv
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

import click

from mapper.batch import ENGINES, ingest, refresh
from mapper.batch_inputs import estimate_total, read_inputs, with_published
from mapper.cli import cli, handle_errors
from mapper.cli.options import DateCheck, default_published
from mapper.errors import InputError, OutputError
from mapper.store import DEFAULT_STORE, Store

#: Exit code of ``mapper add`` when some articles or inputs could not be used.
EXIT_SOME_FAILED = 3

store_option = click.option("--store", "store_path", type=click.Path(dir_okay=False, path_type=Path),
                            default=DEFAULT_STORE, show_default=True, help="The store file (SQLite).")
gazetteer_option = click.option("--gazetteer", type=click.Path(dir_okay=False, path_type=Path),
                                help="Gazetteer file (default: the shipped one).")


@contextlib.contextmanager
def _progress(quiet: bool, total: int | None) -> Iterator[Callable[[int], None]]:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    console = Console(stderr=True)
    if quiet or not console.is_terminal:
        yield lambda n: None
        return
    rate = TextColumn("{task.fields[rate]}")
    with Progress(TextColumn("articles"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(), rate,
                  TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(), console=console) as bar:
        task = bar.add_task("add", total=total, rate="")

        def advance(n: int) -> None:
            speed = bar.tasks[0].speed
            bar.update(task, advance=n, rate=f"{speed:,.0f}/s" if speed else "")

        yield advance


@contextlib.contextmanager
def _error_log(path: Path) -> Iterator[Callable[[str, str], None]]:
    """Write failures as they come to a temp file, put in place at the end (only if any)."""
    count = 0
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"cannot write the error log {path}: {exc.strerror or exc}") from None
    fh: TextIO = os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace")

    def log(where: str, message: str) -> None:
        nonlocal count
        count += 1
        fh.write(f"{where}\t{message}\n")

    try:
        yield log
    finally:
        fh.close()
        if count:
            os.replace(tmp, path)
        else:
            os.unlink(tmp)


@cli.command("add")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@click.option("--engine", type=click.Choice(ENGINES), default="process", show_default=True,
              help="serial; a process pool on this machine; or a Dask cluster.")
@click.option("--workers", type=click.IntRange(min=1), help="Processes or Dask workers [default: the cores].")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler, e.g. tcp://10.0.0.5:8786 "
              "(default with --engine dask: a local cluster).")
@gazetteer_option
@click.option("--log", "log_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to list failed articles [default: STORE.errors.log].")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date for articles that carry none.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@handle_errors
def add_command(inputs: tuple[Path, ...], store_path: Path, engine: str, workers: int | None,
                scheduler: str | None, gazetteer: Path | None, log_path: Path | None, published: str | None,
                quiet: bool) -> None:
    """Add new articles to the store; articles seen before are skipped, known events merged.

    Articles that cannot be used are listed at the end and in the log; the exit code is then 3.

    Example: mapper add news/ feed.jsonl --store outputs/store.sqlite
    """
    log_path = log_path or store_path.with_name(store_path.name + ".errors.log")
    articles = DateCheck(with_published(read_inputs(inputs), default_published(published)))
    with Store(store_path) as store, _progress(quiet, estimate_total(inputs)) as bar, \
            _error_log(log_path) as log:
        counts = ingest(inputs, store, gazetteer=gazetteer, engine=engine, workers=workers,
                        scheduler=scheduler, on_progress=bar, on_error=log, articles=articles)
    articles.note(None, options="--published YYYY-MM-DD")
    if counts.changed:
        click.echo(f"added {counts.added} articles ({counts.skipped} already in the store): "
                   f"{counts.incidents_new} new incidents, {counts.incidents_merged} merged into known ones")
    else:
        click.echo(f"nothing new: {counts.skipped} articles already in the store; no row changed")
    if counts.failed:
        for where, message in counts.errors[:20]:
            click.echo(f"error: {message if message.startswith(where) else where + ': ' + message}", err=True)
        more = " (first 20 shown)" if counts.failed > 20 else ""
        click.echo(f"{counts.failed} articles or inputs failed{more}; all listed in {log_path}", err=True)
        sys.exit(EXIT_SOME_FAILED)


def _read_corrections(path: Path) -> list[tuple[str, str, str | None]]:
    from mapper.article_records import check_text_head

    try:
        with path.open("rb") as raw:
            check_text_head(path, raw.read(4096))  # an image or UTF-16 file: say so, not a codec error
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise InputError(f"{path}: cannot read corrections file: {exc.strerror or exc}") from None
    except (UnicodeError, csv.Error) as exc:
        raise InputError(f"{path}: cannot read corrections file: {exc}") from None
    out = []
    for n, row in enumerate(rows, 2):
        if not row.get("mention") or not row.get("place_id"):
            raise InputError(f"{path}:{n}: each row needs 'mention' and 'place_id' (optional 'article_id')")
        out.append((row["mention"], row["place_id"].strip(), (row.get("article_id") or "").strip() or None))
    return out


@cli.command("fix")
@click.argument("mention", required=False)
@click.option("--to", "place_id", metavar="PLACE_ID",
              help="The right place, e.g. geonames:1526601 (ids from `mapper geocode`).")
@click.option("--article", "article_id", metavar="ID", help="Only in this article (default: in every one).")
@click.option("--corrections", "corrections_file", type=click.Path(dir_okay=False, path_type=Path),
              help="CSV of corrections: mention,place_id[,article_id].")
@store_option
@gazetteer_option
@handle_errors
def fix_command(mention: str | None, place_id: str | None, article_id: str | None,
                corrections_file: Path | None, store_path: Path, gazetteer: Path | None) -> None:
    """Correct the place a mention resolves to; the correction survives re-runs.

    Example: mapper fix "Aktau" --to geonames:1526601 --article news-12
    """
    from mapper.batch import worker_gazetteer

    todo = _read_corrections(corrections_file) if corrections_file else []
    if mention:
        if not place_id:
            raise InputError("give the right place with --to PLACE_ID")
        todo.append((mention, place_id, article_id))
    if not todo:
        raise InputError("give a MENTION and --to PLACE_ID, or --corrections FILE")
    gaz = worker_gazetteer(None if gazetteer is None else str(gazetteer))
    with Store(store_path) as store:
        affected: set[str] = set()
        unmatched: list[tuple[str, list[str]]] = []
        for name, pid, aid in todo:
            if gaz.get(pid) is None:
                raise InputError(f"no place {pid!r} in the gazetteer; find ids with: mapper geocode NAME")
            hit = store.add_correction(name, pid, article_id=aid)
            if not hit:
                unmatched.append((name, store.similar_mentions(name)))
            affected.update(hit)
        counts = refresh(store, sorted(affected), gazetteer=gaz)
    click.echo(f"recorded {len(todo)} correction(s); re-parsed {len(affected)} stored article(s)")
    for name, similar in unmatched:  # mentions are stored by name, generic words apart ("Bolashak")
        hint = f"; stored mentions with a word in common: {', '.join(similar[:10])}" if similar else ""
        click.echo(f"note: no stored article mentions {name!r}; it applies to later articles{hint}", err=True)
    for where, message in counts.errors:
        click.echo(f"error: {where}: {message}", err=True)


@cli.command("reject")
@click.argument("incident_id")
@store_option
@handle_errors
def reject_command(incident_id: str, store_path: Path) -> None:
    """Hide a false incident from maps and exports, now and after re-runs.

    Example: mapper reject drone-3f2a9c
    """
    with Store(store_path, create=False) as store:
        store.reject(incident_id)
    click.echo(f"rejected {incident_id}")
