"""Read a batch's inputs (files, folders, JSON Lines) into Articles, streamed; an unreadable file,
line or record becomes a ReadError that costs only itself instead of stopping the batch."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from mapper.errors import InputError, MapperError
from mapper.model import Article

#: JSON Lines records longer than this are refused unread.
MAX_LINE_BYTES = 16_000_000


@dataclass(frozen=True, slots=True)
class ReadError:
    """An input the reader could not turn into an article."""

    where: str
    message: str


def read_inputs(inputs: Iterable[str | Path]) -> Iterator[Article | ReadError]:
    """Articles from every input in turn, streamed; what cannot be read becomes a ReadError.

    Folders are walked here, and JSON Lines read here a line at a time, so that one bad file or
    line costs that file or line only, never the rest of the batch.
    """
    from mapper.articles import folder_files

    for raw in inputs:
        path = Path(raw)
        if not path.is_dir():
            yield from _read_file(path, path.stem)
            continue
        unreadable: list[InputError] = []  # a subfolder that cannot be read costs only itself
        files = folder_files(path, unreadable.append)
        yield from (ReadError(str(e).split(": ")[0], str(e)) for e in unreadable)
        if not files and not unreadable:
            yield ReadError(str(path), f"{path}: folder holds no article files")
        for file in files:
            yield from _read_file(file, file.relative_to(path).with_suffix("").as_posix())


def with_published(items: Iterable[Article | ReadError], published: dt.date | None) -> Iterator[Article | ReadError]:
    """The articles with ``published`` given to those that carry no date (``mapper add --published``)."""
    for item in items:
        if published is not None and isinstance(item, Article) and item.published is None:
            item = replace(item, published=published)
        yield item


def _read_file(path: Path, base: str) -> Iterator[Article | ReadError]:
    from mapper.articles import read_articles

    if path.suffix.lower() in (".jsonl", ".ndjson") and path.is_file():
        yield from _read_jsonl(path, base)
        return
    errors: list[InputError] = []  # a bad CSV row or feed record costs only itself
    try:
        for article in read_articles([path], on_error=errors.append):
            yield from (ReadError(str(path), str(e)) for e in errors)
            errors.clear()
            if base != path.stem and article.id.startswith(path.stem):
                article = replace(article, id=base + article.id[len(path.stem):])
            yield article
        yield from (ReadError(str(path), str(e)) for e in errors)
    except MapperError as exc:
        yield ReadError(str(path), str(exc))
    except (OSError, UnicodeError, ValueError, RecursionError) as exc:
        yield ReadError(str(path), f"{path}: cannot read: {type(exc).__name__}: {exc}")


def _read_jsonl(path: Path, base: str) -> Iterator[Article | ReadError]:
    from mapper.article_records import check_text_head, parse_date

    try:
        fh = path.open("rb")
    except OSError as exc:
        yield ReadError(str(path), f"{path}: cannot read: {exc.strerror or exc}")
        return
    with fh:
        try:
            check_text_head(path, fh.read(4096))  # an archive or UTF-16 file: one error, not one per line
        except InputError as exc:
            yield ReadError(str(path), str(exc))
            return
        fh.seek(0)
        lineno = 0
        while raw := fh.readline(MAX_LINE_BYTES + 1):
            lineno += 1
            where = f"{path}:{lineno}"
            if len(raw) > MAX_LINE_BYTES:
                size = len(raw)
                while raw and not raw.endswith(b"\n"):  # skip the rest without holding it
                    raw = fh.readline(1 << 20)
                    size += len(raw)
                yield ReadError(where, f"{where}: record is {size / 1e6:.0f} MB, over the limit of "
                                f"{MAX_LINE_BYTES / 1e6:.0f} MB; split it")
                continue
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw.decode("utf-8-sig" if lineno == 1 else "utf-8"))
                if not isinstance(rec, dict):
                    raise InputError(f"expected a JSON object per line, got {type(rec).__name__}")
                text = rec.get("text")
                if not isinstance(text, str):
                    raise InputError(f"record needs a 'text' string, got {type(text).__name__}")
                rid = rec.get("id")
                rid = f"{base}:{lineno}" if rid is None or str(rid).strip() == "" else str(rid)
                yield Article(id=rid, text=text, title=_text(rec.get("title")),
                              published=parse_date(rec.get("published"), where), url=_text(rec.get("url")),
                              source=_text(rec.get("source")), path=str(path))
            except UnicodeDecodeError as exc:
                yield ReadError(where, f"{where}: not valid UTF-8 (byte {raw[exc.start:exc.start + 1]!r})")
            except MapperError as exc:
                msg = str(exc)
                yield ReadError(where, msg if msg.startswith(str(path)) else f"{where}: {msg}")
            except (ValueError, RecursionError, OverflowError) as exc:  # bad JSON, 5,000-digit numbers
                yield ReadError(where, f"{where}: unusable record: {type(exc).__name__}: {exc}"[:500])


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def estimate_total(inputs: Iterable[str | Path]) -> int | None:
    """A quick count of the articles in ``inputs`` for the progress bar; ``None`` when unknown."""
    total = 0
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            return None
        suffix = path.suffix.lower()
        try:
            if suffix in (".jsonl", ".ndjson"):
                with path.open("rb") as fh:
                    total += sum(block.count(b"\n") for block in iter(lambda: fh.read(1 << 22), b""))
            elif suffix in (".txt", ".text", ".md"):
                total += 1
            else:
                return None
        except OSError:
            return None
    return total
