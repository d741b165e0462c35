"""Read structured article records: JSON Lines, JSON arrays and CSV/TSV rows, each checked (text,
publication date, spans) and made an Article; a bad record is reported and reading goes on."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from dateutil import parser as dateparser

from mapper.datelines import dateline_date
from mapper.errors import InputError
from mapper.model import Article

OnError = Callable[[InputError], None]
# Articles can be long; csv's default 128 KiB field limit would reject them.
csv.field_size_limit(2**31 - 1)


def parse_date(value: Any, where: str) -> dt.date | None:
    """Parse a publication date: ISO first, then common forms (US month-first when ambiguous).

    >>> parse_date("2025-06-20T08:15:00Z", "x")
    datetime.date(2025, 6, 20)
    >>> parse_date("", "x") is None
    True
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise InputError(f"{where}: published must be a date string, got {value!r}")
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        # Parse twice with different defaults: a component that changes was missing from the text.
        one = dateparser.parse(text, default=dt.datetime(2001, 1, 1))
        two = dateparser.parse(text, default=dt.datetime(2002, 2, 2))
    except (ValueError, OverflowError):
        raise InputError(f"{where}: cannot read published date {value!r}; "
                         "use ISO form, e.g. 2025-06-20") from None
    if one.date() != two.date():
        raise InputError(f"{where}: published date {value!r} lacks a day, month or year; use e.g. 2025-06-20")
    return one.date()


def report(exc: InputError, on_error: OnError | None) -> None:
    """Raise ``exc``, or hand it to ``on_error`` when one is given."""
    if on_error is None:
        raise exc
    on_error(exc)


#: First bytes of files that are not text, and what they are.
_MAGIC = ((b"\x1f\x8b", "a gzip archive; decompress it first (gunzip)"),
          (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx document); unpack it or save its text first"),
          (b"%PDF", "a PDF document; save its text first (e.g. pdftotext)"),
          (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
          (b"SQLite format 3\x00", "an SQLite database (a store or gazetteer?)"),
          (b"\xfd7zXZ\x00", "an xz archive"), (b"7z\xbc\xaf", "a 7-Zip archive"),
          (b"\xd0\xcf\x11\xe0", "an old Office document (.doc/.xls)"),
          (b"\xff\xfe\x00\x00", "UTF-32 text; re-save it as UTF-8 (e.g. iconv -f utf-32 -t utf-8)"),
          (b"\x00\x00\xfe\xff", "UTF-32 text; re-save it as UTF-8 (e.g. iconv -f utf-32 -t utf-8)"),
          (b"\xff\xfe", "UTF-16 text; re-save it as UTF-8 (e.g. iconv -f utf-16 -t utf-8)"),
          (b"\xfe\xff", "UTF-16 text; re-save it as UTF-8 (e.g. iconv -f utf-16 -t utf-8)"))
# A carriage return not followed by a line feed ends a line too (files saved with old Mac line endings).
_LONE_CR = re.compile(rb"(?<=\r)(?!\n|$)")


def check_text_head(path: Path, head: bytes) -> None:
    """Raise InputError when a file's first bytes show it is no UTF-8 text (an archive, an image, UTF-16).

    >>> check_text_head(Path("a.txt"), "Kyiv".encode())
    """
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise InputError(f"{path}: not UTF-8 text but {what}")
    if b"\x00" in head:
        raise InputError(f"{path}: not text but binary data (NUL bytes; UTF-16 without a byte-order mark?)")


def read_lines(path: Path, on_error: OnError | None = None) -> Iterator[tuple[int, str]]:
    """(line number, line with its ending), decoded one line at a time so errors name the line.

    Lines end at LF, CRLF or a lone CR.
    """
    with path.open("rb") as fh:
        lines = (part for raw in fh for part in (_LONE_CR.split(raw) if b"\r" in raw.rstrip(b"\r\n") else (raw,)))
        for lineno, raw in enumerate(lines, 1):
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):  # a byte-order mark some editors write
                raw = raw[3:]
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                report(InputError(f"{path}:{lineno}: not valid UTF-8 (byte {raw[exc.start:exc.start + 1]!r} "
                                  f"at column {exc.start + 1}); re-save the file as UTF-8, "
                                  "e.g. iconv -f cp1251 -t utf-8"), on_error)
                continue
            yield lineno, line


def _make(where: str, rec: dict[str, Any], fallback_id: str, path: Path, spans_field: str | None,
          published: dt.date | None) -> Article:
    text = rec.get("text")
    if not isinstance(text, str):
        got = "nothing" if text is None else type(text).__name__
        raise InputError(f"{where}: record needs a 'text' string, got {got}")
    rid = rec.get("id")
    rid = fallback_id if rid is None or str(rid).strip() == "" else str(rid)
    spans = None
    if spans_field:
        spans = _spans(rec, spans_field, len(text), where)
    return Article(id=rid, text=text, title=_str(rec.get("title")),
                   published=parse_date(rec.get("published"), where) or dateline_date(text, published) or published,
                   url=_str(rec.get("url")), source=_str(rec.get("source")), path=str(path), spans=spans)


def _str(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _spans(rec: dict[str, Any], field: str, length: int, where: str) -> tuple[tuple[int, int], ...]:
    if field not in rec:
        raise InputError(f"{where}: record has no {field!r} field to take spans from")
    items = rec[field]
    if isinstance(items, str):
        try:
            items = json.loads(items) if items.strip() else []
        except json.JSONDecodeError:
            raise InputError(f"{where}: {field!r} is not a JSON list of spans") from None
    if items is None:
        return ()
    if not isinstance(items, list):
        raise InputError(f"{where}: {field!r} must be a list of objects with start and end")
    spans = set()
    for item in items:
        start = item.get("start") if isinstance(item, dict) else None
        end = item.get("end") if isinstance(item, dict) else None
        if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool):
            raise InputError(f"{where}: each {field!r} item needs integer start and end, got {item!r}")
        if not 0 <= start < end <= length:
            raise InputError(f"{where}: span {start}..{end} in {field!r} is outside the text "
                             f"(length {length})")
        spans.add((start, end))
    return tuple(sorted(spans))


# -- JSON Lines, JSON, CSV -----------------------------------------------------------------------

def read_jsonl(path: Path, base: str, spans_field: str | None,
               published: dt.date | None, on_error: OnError | None = None) -> Iterator[Article]:
    """The records of a JSON Lines file, a line at a time; a bad line is reported, then skipped."""
    count = 0
    for lineno, line in read_lines(path, on_error):
        if not line.strip():
            continue
        count += 1
        try:
            article = _jsonl_record(line, f"{path}:{lineno}", f"{base}:{lineno}", path, spans_field, published)
        except InputError as exc:
            report(exc, on_error)
            continue
        yield article
    if not count:
        raise InputError(f"{path}: holds no JSON records")


def json_object(line: str, where: str) -> dict[str, Any]:
    """One JSON Lines record, which must be an object; else InputError naming ``where`` (file:line)."""
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg}, column {exc.colno})") from None
    except (ValueError, RecursionError) as exc:  # nested thousands deep, a 5,000-digit number
        raise InputError(f"{where}: unusable JSON ({type(exc).__name__}: {str(exc)[:200]})") from None
    if not isinstance(rec, dict):
        raise InputError(f"{where}: expected a JSON object per line, got {type(rec).__name__}")
    return rec


def _jsonl_record(line: str, where: str, fallback_id: str, path: Path, spans_field: str | None,
                  published: dt.date | None) -> Article:
    return _make(where, json_object(line, where), fallback_id, path, spans_field, published)


def read_json(path: Path, base: str, spans_field: str | None,
              published: dt.date | None) -> Iterator[Article]:
    """The records of a ``.json`` file holding one object or an array of them."""
    # A .json array is read whole; large inputs belong in JSON Lines, which streams.
    try:
        data = json.loads("".join(line for _, line in read_lines(path)))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg})") from None
    except (ValueError, RecursionError) as exc:  # nested thousands deep, a 5,000-digit number
        raise InputError(f"{path}: unusable JSON ({type(exc).__name__}: {str(exc)[:200]})") from None
    records = data if isinstance(data, list) else [data]
    if not records:
        raise InputError(f"{path}: holds no JSON records")
    for n, rec in enumerate(records, 1):
        where = f"{path} (record {n})"
        if not isinstance(rec, dict):
            raise InputError(f"{where}: expected a JSON object, got {type(rec).__name__}")
        yield _make(where, rec, f"{base}:{n}", path, spans_field, published)


def read_csv(path: Path, base: str, spans_field: str | None,
             published: dt.date | None, on_error: OnError | None = None) -> Iterator[Article]:
    """The rows of a CSV/TSV file with a ``text`` column; a bad row is reported, then skipped."""
    with path.open("rb") as fh:
        first = fh.readline().decode("utf-8", errors="replace")
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    if delimiter == ",":
        with contextlib.suppress(csv.Error):
            delimiter = csv.Sniffer().sniff(first, delimiters=",;\t|").delimiter
    ended: list[bool] = []

    def lines() -> Iterator[str]:
        yield from (line for _, line in read_lines(path, on_error))
        ended.append(True)

    reader = csv.reader(lines(), delimiter=delimiter)
    count = line = 0
    try:
        header = [h.strip().lower() for h in next(reader, [])]
        if "text" not in header:
            raise InputError(f"{path}: CSV needs a 'text' column; header has {header}")
        line = reader.line_num
        for row in reader:
            start, line = line + 1, reader.line_num
            if ended and row and row[-1].endswith(("\n", "\r")):  # csv took the rest of the file as one field
                raise InputError(f"{path}:{start}: a quoted field opened in this row is never closed "
                                 "(an unbalanced \" swallows the rest of the file)")
            if not any(cell.strip() for cell in row):
                continue
            count += 1
            try:
                if len(row) > len(header):
                    raise InputError(f"{path}:{line}: row has {len(row)} fields, header has {len(header)}")
                rec = {k: (v if v != "" else None) for k, v in zip(header, row, strict=False)}
                article = _make(f"{path}:{line}", rec, f"{base}:{line}", path, spans_field, published)
            except InputError as exc:
                report(exc, on_error)
                continue
            yield article
    except csv.Error as exc:
        raise InputError(f"{path}:{line + 1}: malformed CSV ({exc})") from None
    if not count:
        raise InputError(f"{path}: CSV has a header but no rows")
