"""Option groups shared by the commands that read articles (``places``, ``incidents``, ``run``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import click

from mapper.errors import InputError
from mapper.model import Article


def input_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """INPUT... plus --published/--year (dates for articles that carry none) and --spans."""
    func = click.option("--spans", "spans_field", metavar="FIELD",
                        help="Resolve the spans listed in this JSON Lines field (e.g. toponyms) "
                             "instead of recognising place names.")(func)
    func = click.option("--year", type=click.IntRange(1900, 2200),
                        help="Year for relative dates in articles with no publication date.")(func)
    func = click.option("--published", metavar="YYYY-MM-DD",
                        help="Publication date for articles that carry none.")(func)
    func = click.option("--gazetteer", "gazetteer_path", type=click.Path(dir_okay=False, path_type=Path),
                        envvar="MAPPER_GAZETTEER", help="Gazetteer file (default: the built-in one).")(func)
    return click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))(func)


def default_published(published: str | None, year: int | None = None) -> dt.date | None:
    """The date given by --published, or None.

    --year is not turned into a date: it only supplies the year of relative dates ("On June 19") in
    articles with no publication date, and the commands pass it on as ``default_year``.
    """
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published)
    except ValueError as exc:
        raise click.BadParameter(f"expected YYYY-MM-DD, got {published!r}", param_hint="--published") from exc


def open_articles(inputs: tuple[Path, ...], *, published: dt.date | None,
                  spans_field: str | None) -> Iterator[Article]:
    """Articles from INPUT..., or the built-in sample corpus when no input is given."""
    from mapper.articles import read_articles, read_sample

    if not inputs:
        if spans_field:
            raise InputError("--spans needs an input file")
        return read_sample(published=published)
    return read_articles(inputs, spans_field=spans_field, published=published)


class DateCheck:
    """Passes articles through, counting those with no publication date, and tells the user after."""

    def __init__(self, articles: Iterable[Article]) -> None:
        self._articles, self.total, self.undated = articles, 0, 0

    def __iter__(self) -> Iterator[Article]:
        for article in self._articles:
            if isinstance(article, Article):  # `mapper add` streams read errors along with articles
                self.total += 1
                self.undated += article.published is None
            yield article

    def note(self, year: int | None, *, options: str = "--published YYYY-MM-DD or --year YYYY") -> None:
        """A note on stderr when articles lacked a date and neither --published nor --year gave one."""
        if self.undated and year is None:
            click.echo(f"note: {self.undated} of {self.total} articles have no publication date, so dates "
                       f"such as 'on June 19' or 'on Tuesday' were left out; give one with {options}", err=True)


def open_default_gazetteer(path: Path | None) -> Any:
    """The gazetteer at ``path`` or the built-in one (built on first use)."""
    from mapper.gazetteer import open_gazetteer

    return open_gazetteer(path)
