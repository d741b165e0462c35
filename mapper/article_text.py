"""Read plain-text articles (one article, or a dump of headline + paragraphs articles) and RSS/Atom
feeds (HTML reduced to text) into Articles."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from mapper.article_records import read_lines
from mapper.errors import InputError
from mapper.model import Article

_TITLE_MAX_CHARS = 200
_TITLE_MAX_WORDS = 30
_NO_TITLE_END = (".", ",", ";", ":", "\u2026")  # a short line ending so is a sentence, not a headline


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


def read_feed(path: Path, base: str, spans_field: str | None,
              published: dt.date | None) -> Iterator[Article]:
    """The entries of an RSS/Atom feed that carry text, one Article each."""
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
    for _, line in read_lines(path):
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


def read_text(path: Path, base: str, spans_field: str | None,
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
