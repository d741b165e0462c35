"""Read news text (plain text, JSON Lines, CSV, RSS/Atom, folders, the built-in sample) into Articles."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from mapper.article_records import OnError, check_text_head, read_csv, read_json, read_jsonl, report
from mapper.article_text import read_feed, read_text
from mapper.errors import InputError
from mapper.model import Article, too_long
from mapper.webpages import HTML_STARTS, HTML_SUFFIXES, read_webpage

PathLike = str | Path

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})
CSV_SUFFIXES = frozenset({".csv", ".tsv"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
KNOWN_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | FEED_SUFFIXES | HTML_SUFFIXES
#: Read from folders; Markdown there is more often a README than an article.
FOLDER_SUFFIXES = KNOWN_SUFFIXES - {".md"}

_SNIFF_BYTES = 4096


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
            files = folder_files(path, on_error)
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
            report(InputError(f"{path}: {problem}"), on_error)


def sample_paths() -> list[Path]:
    """The files of the built-in sample corpus (six articles rewritten from public reports)."""
    folder = Path(str(resources.files("mapper") / "data" / "sample"))
    return sorted(folder.glob("*.jsonl"))


def read_sample(*, published: dt.date | None = None) -> Iterator[Article]:
    """Stream the built-in sample corpus as Articles; see `read_articles`."""
    return read_articles(sample_paths(), published=published)


# -- files ---------------------------------------------------------------------------------------

# A folder holding these is a `mapper run` output folder: its CSV is no article file, so `mapper run .`
# in a folder of articles can be run again although its outputs/ lies inside the input.
_OUTPUT_MARKERS = ("map.html", "incidents.geojson")


def folder_files(folder: Path, on_error: OnError | None = None) -> list[Path]:
    """The article files of a folder, recursively, in sorted order: known extensions only, hidden
    files and folders and mapper's own output folders left out. A subfolder that cannot be read is
    reported (raised, or handed to ``on_error``), never skipped in silence."""
    def failed(exc: OSError) -> None:
        report(InputError(f"{exc.filename}: cannot read folder: {exc.strerror or exc}"), on_error)

    files = []
    for root, dirs, names in os.walk(folder, onerror=failed):  # symlinked folders are not followed
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files += [f for f in (Path(root, n) for n in names if not n.startswith("."))
                  if f.suffix.lower() in FOLDER_SUFFIXES and f.is_file()]
    outputs = {d for d in {f.parent for f in files} if all((d / m).is_file() for m in _OUTPUT_MARKERS)}
    files = [f for f in files if not any(d == f.parent or d in f.parents for d in outputs)]
    return sorted(files, key=lambda f: f.relative_to(folder).as_posix())


def _guarded(articles: Iterator[Article], on_error: OnError | None) -> Iterator[Article]:
    """A file's articles; an error that ends the file is reported (when asked) instead of raised."""
    try:
        for article in articles:
            if refused := too_long(article.text, article.id):  # refused here rather than parsed for many minutes
                report(InputError(f"{article.path}: {refused}"), on_error)
                continue
            yield article
    except InputError as exc:
        report(exc, on_error)


def _read_file(path: Path, base: str, spans_field: str | None,
               published: dt.date | None, on_error: OnError | None = None) -> Iterator[Article]:
    try:
        with path.open("rb") as fh:
            head = fh.read(_SNIFF_BYTES)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if not head.strip():
        raise InputError(f"{path}: file is empty")
    check_text_head(path, head)
    kind = _detect(path, head)
    if spans_field and kind in ("text", "feed", "html"):
        raise InputError(f"{path}: spans need JSON Lines or CSV records; a {kind} file carries none")
    if kind == "html":
        yield read_webpage(path, base, published)
    elif kind == "jsonl":
        yield from read_jsonl(path, base, spans_field, published, on_error)
    elif kind == "csv":
        yield from read_csv(path, base, spans_field, published, on_error)
    else:
        readers = {"json": read_json, "feed": read_feed, "text": read_text}
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
    if suffix in TEXT_SUFFIXES or not suffix:
        return "text"
    first = start.split(b"\n", 1)[0]
    if b"text" in first and (b"," in first or b"\t" in first):
        return "csv"
    raise InputError(f"{path}: unknown format {suffix!r}; expected .txt, .jsonl, .json, .csv, .tsv, "
                     ".rss, .atom, .xml or .html")
