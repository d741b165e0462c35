"""Read news text (plain text, JSON Lines, CSV, RSS/Atom, folders, the built-in sample) into Articles."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Any

from dateutil import parser as dateparser

from mapper.errors import InputError
from mapper.model import Article
from mapper.webpages import HTML_STARTS, HTML_SUFFIXES, read_webpage

PathLike = str | Path
OnError = Callable[[InputError], None]

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})
CSV_SUFFIXES = frozenset({".csv", ".tsv"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
KNOWN_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | FEED_SUFFIXES | HTML_SUFFIXES
#: Read from folders; Markdown there is more often a README than an article.
FOLDER_SUFFIXES = KNOWN_SUFFIXES - {".md"}

_SNIFF_BYTES = 4096
_TITLE_MAX_CHARS = 200
_TITLE_MAX_WORDS = 30
_NO_TITLE_END = (".", ",", ";", ":", "\u2026")  # a short line ending so is a sentence, not a headline
# Articles can be long; csv's default 128 KiB field limit would reject them.
csv.field_size_limit(2**31 - 1)


def read_articles(paths: Iterable[PathLike] | PathLike, *, spans_field: str | None = None,
                  published: dt.date | None = None, on_error: OnError | None = None) -> Iterator[Article]:
    """Stream the articles held by files and folders, one ``Article`` at a time.

    Formats are told by extension, or by the first bytes when the extension says nothing:
    plain text (one article, or a dump of several: a short line alone between blank lines is a
    headline, the paragraphs after it its body; a first line followed by a headline is a header and
    is dropped), JSON Lines or a ``.json`` array (``id``, ``title``, ``text``, optional
    ``published``, ``url``, ``source``), CSV/TSV with the same columns, RSS/Atom feeds
    (HTML reduced to text), and saved web pages (``.html``: the article's own text, headline, date
    and URL, by ``mapper.webpages``). Folders are read recursively in sorted order, skipping hidden files and
    files of other extensions. JSON Lines and CSV are read a record at a time, never whole.

    Parameters
    ----------
    paths
        Files and folders (a single path is accepted too).
    spans_field
        Name of a JSON Lines field (or CSV column holding JSON) listing ``{"start", "end"}`` objects;
        they become ``Article.spans`` (resolution-only mode). Other formats cannot carry spans.
    published
        Publication date given to articles that carry none.
    on_error
        Called with each ``InputError`` instead of raising it: a bad JSON line, CSV row, undecodable
        line or unreadable file is reported and reading goes on with the next record or file.

    Returns
    -------
    Iterator[Article]
        Missing ids are derived from the file name and line (``name:12``) or position (``name-3``).

    Raises
    ------
    InputError
        Missing, empty, undecodable or unknown-format files, malformed records and bad dates in
        JSON Lines/CSV (naming file and line). Feed dates that cannot be parsed are left empty.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = folder_files(path)
            if not files:
                kinds = ", ".join(sorted(FOLDER_SUFFIXES))
                raise InputError(f"{path}: folder holds no article files ({kinds})")
            for file in files:
                base = file.relative_to(path).with_suffix("").as_posix()
                yield from _guarded(_read_file(file, base, spans_field, published, on_error), on_error)
        elif path.is_file():
            yield from _guarded(_read_file(path, path.stem, spans_field, published, on_error), on_error)
        else:
            problem = "not a regular file or folder" if path.exists() else "no such file or folder"
            _report(InputError(f"{path}: {problem}"), on_error)


def sample_paths() -> list[Path]:
    """The files of the built-in sample corpus (six articles rewritten from public reports)."""
    folder = Path(str(resources.files("mapper") / "data" / "sample"))
    return sorted(folder.glob("*.jsonl"))


def read_sample(*, published: dt.date | None = None) -> Iterator[Article]:
    """Stream the built-in sample corpus as Articles; see `read_articles`."""
    return read_articles(sample_paths(), published=published)


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


# -- files ---------------------------------------------------------------------------------------

# A folder holding these is a `mapper run` output folder: its CSV is no article file, so `mapper run .`
# in a folder of articles can be run again although its outputs/ lies inside the input.
_OUTPUT_MARKERS = ("map.html", "incidents.geojson")


def folder_files(folder: Path) -> list[Path]:
    """The article files of a folder, recursively, in sorted order: known extensions only, hidden
    files and folders and mapper's own output folders left out."""
    files = [f for f in folder.rglob("*") if f.is_file() and f.suffix.lower() in FOLDER_SUFFIXES
             and not any(part.startswith(".") for part in f.relative_to(folder).parts)]
    outputs = {d for d in {f.parent for f in files} if all((d / m).is_file() for m in _OUTPUT_MARKERS)}
    files = [f for f in files if not any(d == f.parent or d in f.parents for d in outputs)]
    return sorted(files, key=lambda f: f.relative_to(folder).as_posix())


def _report(exc: InputError, on_error: OnError | None) -> None:
    if on_error is None:
        raise exc
    on_error(exc)


def _guarded(articles: Iterator[Article], on_error: OnError | None) -> Iterator[Article]:
    """A file's articles; an error that ends the file is reported (when asked) instead of raised."""
    try:
        yield from articles
    except InputError as exc:
        _report(exc, on_error)


def _read_file(path: Path, base: str, spans_field: str | None,
               published: dt.date | None, on_error: OnError | None = None) -> Iterator[Article]:
    try:
        with path.open("rb") as fh:
            head = fh.read(_SNIFF_BYTES)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if not head.strip():
        raise InputError(f"{path}: file is empty")
    kind = _detect(path, head)
    if spans_field and kind in ("text", "feed", "html"):
        raise InputError(f"{path}: spans need JSON Lines or CSV records; a {kind} file carries none")
    if kind == "html":
        yield read_webpage(path, base, published)
    elif kind == "jsonl":
        yield from _read_jsonl(path, base, spans_field, published, on_error)
    elif kind == "csv":
        yield from _read_csv(path, base, spans_field, published, on_error)
    else:
        readers = {"json": _read_json, "feed": _read_feed, "text": _read_text}
        yield from readers[kind](path, base, spans_field, published)


def _detect(path: Path, head: bytes) -> str:
    suffix = path.suffix.lower()
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:200].lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    # A text file may open with "[caption ...]"; only "{" makes it JSON Lines.
    sniffed = (b"{",) if suffix in TEXT_SUFFIXES else (b"{", b"[")
    if suffix == ".json" or (suffix not in CSV_SUFFIXES | FEED_SUFFIXES and start[:1] in sniffed):
        return "json" if start[:1] == b"[" else "jsonl"
    if suffix in CSV_SUFFIXES:
        return "csv"
    if suffix in FEED_SUFFIXES or start.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
        return "feed"
    if suffix in HTML_SUFFIXES or start.startswith(HTML_STARTS):
        return "html"
    if b"\x00" in head:
        raise InputError(f"{path}: unknown format (binary data); expected text, JSON Lines, CSV, RSS/Atom or HTML")
    if suffix in TEXT_SUFFIXES or not suffix:
        return "text"
    first = start.split(b"\n", 1)[0]
    if b"text" in first and (b"," in first or b"\t" in first):
        return "csv"
    raise InputError(f"{path}: unknown format {suffix!r}; expected .txt, .jsonl, .json, .csv, .tsv, "
                     ".rss, .atom, .xml or .html")


def _lines(path: Path, on_error: OnError | None = None) -> Iterator[tuple[int, str]]:
    """(line number, line with its ending), decoded one line at a time so errors name the line."""
    with path.open("rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):  # a byte-order mark some editors write
                raw = raw[3:]
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                _report(InputError(f"{path}:{lineno}: not valid UTF-8 (byte {raw[exc.start:exc.start + 1]!r} "
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
                   published=parse_date(rec.get("published"), where) or published,
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

def _read_jsonl(path: Path, base: str, spans_field: str | None,
                published: dt.date | None, on_error: OnError | None = None) -> Iterator[Article]:
    count = 0
    for lineno, line in _lines(path, on_error):
        if not line.strip():
            continue
        count += 1
        try:
            article = _jsonl_record(line, f"{path}:{lineno}", f"{base}:{lineno}", path, spans_field, published)
        except InputError as exc:
            _report(exc, on_error)
            continue
        yield article
    if not count:
        raise InputError(f"{path}: holds no JSON records")


def _jsonl_record(line: str, where: str, fallback_id: str, path: Path, spans_field: str | None,
                  published: dt.date | None) -> Article:
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg}, column {exc.colno})") from None
    if not isinstance(rec, dict):
        raise InputError(f"{where}: expected a JSON object per line, got {type(rec).__name__}")
    return _make(where, rec, fallback_id, path, spans_field, published)


def _read_json(path: Path, base: str, spans_field: str | None,
               published: dt.date | None) -> Iterator[Article]:
    # A .json array is read whole; large inputs belong in JSON Lines, which streams.
    try:
        data = json.loads("".join(line for _, line in _lines(path)))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg})") from None
    records = data if isinstance(data, list) else [data]
    if not records:
        raise InputError(f"{path}: holds no JSON records")
    for n, rec in enumerate(records, 1):
        where = f"{path} (record {n})"
        if not isinstance(rec, dict):
            raise InputError(f"{where}: expected a JSON object, got {type(rec).__name__}")
        yield _make(where, rec, f"{base}:{n}", path, spans_field, published)


def _read_csv(path: Path, base: str, spans_field: str | None,
              published: dt.date | None, on_error: OnError | None = None) -> Iterator[Article]:
    with path.open("rb") as fh:
        first = fh.readline().decode("utf-8", errors="replace")
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    if delimiter == ",":
        with contextlib.suppress(csv.Error):
            delimiter = csv.Sniffer().sniff(first, delimiters=",;\t|").delimiter
    reader = csv.reader((line for _, line in _lines(path, on_error)), delimiter=delimiter)
    count = line = 0
    try:
        header = [h.strip().lower() for h in next(reader, [])]
        if "text" not in header:
            raise InputError(f"{path}: CSV needs a 'text' column; header has {header}")
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            count += 1
            try:
                if len(row) > len(header):
                    raise InputError(f"{path}:{line}: row has {len(row)} fields, header has {len(header)}")
                rec = {k: (v if v != "" else None) for k, v in zip(header, row, strict=False)}
                article = _make(f"{path}:{line}", rec, f"{base}:{line}", path, spans_field, published)
            except InputError as exc:
                _report(exc, on_error)
                continue
            yield article
    except csv.Error as exc:
        raise InputError(f"{path}:{line + 1}: malformed CSV ({exc})") from None
    if not count:
        raise InputError(f"{path}: CSV has a header but no rows")


# -- feeds ---------------------------------------------------------------------------------------

class _TextExtractor(HTMLParser):
    _BLOCK = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
                        "blockquote", "section", "article", "figure", "figcaption", "table", "pre"})
    _SKIP = frozenset({"script", "style", "noscript"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._current: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._current.append(data)

    def _flush(self) -> None:
        para = " ".join("".join(self._current).split())
        if para:
            self.paragraphs.append(para)
        self._current = []


def html_to_text(markup: str) -> str:
    """Text of an HTML fragment: block elements become paragraphs separated by a blank line.

    >>> html_to_text("<p>Drone <b>debris</b> &amp; parts</p><p>found</p>")
    'Drone debris & parts\\n\\nfound'
    """
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    parser._flush()
    return "\n\n".join(parser.paragraphs)


def _read_feed(path: Path, base: str, spans_field: str | None,
               published: dt.date | None) -> Iterator[Article]:
    import feedparser  # only feeds need it

    # Bytes, never the path: feedparser treats a string as a possible URL and may fetch it.
    parsed = feedparser.parse(path.read_bytes())
    if parsed.bozo and not parsed.entries:
        raise InputError(f"{path}: not a readable RSS/Atom feed ({parsed.get('bozo_exception')})")
    source = html_to_text(parsed.feed.get("title", ""))
    found = 0
    for n, entry in enumerate(parsed.entries, 1):
        bodies = [c.get("value", "") for c in entry.get("content", [])] + [entry.get("summary", "")]
        title = html_to_text(entry.get("title", ""))
        text = html_to_text(max(bodies, key=len)) or title  # a headline-only feed: the headline is the text
        if not text:
            continue
        found += 1
        # dict.get: feedparser's own get() maps a missing published to updated with a warning.
        when = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
        yield Article(id=str(entry.get("id") or entry.get("link") or f"{base}:{n}"), text=text,
                      title=title, published=dt.date(*when[:3]) if when else published,
                      url=entry.get("link", ""), source=source, path=str(path))
    if not found:  # an empty feed must not replace the last run's map with an empty one
        raise InputError(f"{path}: feed holds no entries with text")


# -- plain text ----------------------------------------------------------------------------------

def _blocks(path: Path) -> Iterator[list[str]]:
    """Paragraphs (lists of lines) separated by blank lines, read line by line."""
    lines: list[str] = []
    for _, line in _lines(path):
        line = line.rstrip()
        if line.strip():
            lines.append(line)
        elif lines:
            yield lines
            lines = []
    if lines:
        yield lines


def _is_headline(block: list[str]) -> bool:
    line = block[0].strip()
    return (len(block) == 1 and len(line) <= _TITLE_MAX_CHARS and len(line.split()) <= _TITLE_MAX_WORDS
            and not line.rstrip("\"'”’»)]").endswith(_NO_TITLE_END) and bool(re.search(r"[^\W\d_]", line)))


def _read_text(path: Path, base: str, spans_field: str | None,
               published: dt.date | None) -> Iterator[Article]:
    """A dump of headline + paragraphs articles; a file with no headline is one article."""
    found: list[tuple[str, list[str]]] = []  # at most one pending article: (title, paragraphs)
    loose: list[str] = []  # headline-like lines not yet followed by a body
    count = 0

    def emit(title: str, paras: list[str]) -> Article:
        nonlocal count
        count += 1
        return Article(id=f"{base}-{count}", text="\n\n".join(paras), title=title, published=published,
                       path=str(path))

    for block in _blocks(path):
        if _is_headline(block):
            loose.append(block[0].strip())
            continue
        if loose:  # the last headline heads this body; earlier ones were a header or a stray line
            if found:
                yield emit(*found.pop())
            found.append((loose[-1], []))
            loose = []
        elif not found:
            found.append(("", []))
        found[0][1].append("\n".join(block))
    if found:
        yield emit(*found.pop())
    if not count and loose:  # only short lines: one untitled article holding them
        yield emit("", loose)
