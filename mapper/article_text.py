"""Read plain-text articles (one article, or a dump of headline + paragraphs articles) and RSS/Atom
feeds (HTML reduced to text) into Articles."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.sax import SAXParseException

from mapper.article_records import read_lines
from mapper.datelines import dateline_date
from mapper.errors import InputError
from mapper.model import Article

_TITLE_MAX_CHARS = 200
_TITLE_MAX_WORDS = 30
_NO_TITLE_END = (".", ",", ";", ":", "\u2026")  # a short line ending so is a sentence, not a headline
# A news site's page furniture pasted with the text: another article's headline ("Read also: Drones hit
# Kharkiv"), a caption's credit, the byline, a "Recall" header. None is a headline, and none tells this
# article's events.
PAGE_FURNITURE = re.compile(r"(?:(?:read|see)\s+(?:also|more)|also\s+read|related|photo|photos|video|author|source)\s*:"
                            r"|(?:recall|read\s+also|see\s+also)\s*$", re.I)
# "By a staff correspondent", "Reporting by Olzhas Auyezov; Editing by Jane Doe", "By Staff Reporter · 9 November
# 2025", "Posted by Aibek Sultanov in Bishkek | 16:05": a byline on a line of its own (short, no sentence's end)
BYLINE = re.compile(r"(?:By|Reporting\s+by|Written\s+by|Text\s+by|Words\s+by|Posted\s+by|Reported\s+by|Filed\s+by)"
                    r"\s+(?=\S)(?!the\s|this\s|then\s|\d)"
                    r"[^.!?\n]{2,80}$")
# "Kyiv • UNN" on a line of its own: the dateline of the body below, no headline.
_DOT_DATELINE = re.compile(r"[A-Z][\w'-]+(?:[ -][A-Z][\w'-]+){0,2}\s+•\s+[A-Z][\w.-]{1,15}\.?$")


# -- markup left in pasted text ----------------------------------------------------------------

# An HTML entity (&nbsp; &amp; &#39; &#x2019;) or a tag (<br>, </p>, <a href="...">) left in scraped text.
_MARKUP = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"
                     r"|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,300})?/?>")
_BLOCK_TAG = re.compile(r"</?(?:p|br|div|li|ul|ol|h[1-6]|tr|blockquote|section|article|figure|figcaption|table|"
                        r"pre)\b", re.I)


def without_markup(text: str) -> tuple[str, list[int], list[int]] | None:
    """``text`` with HTML entities unescaped, tags removed (a block tag becomes a line break) and no-break
    spaces made spaces, with the offsets in ``text`` where each of its characters starts and ends;
    None when ``text`` holds no markup (a no-break space alone changes no offset: the caller may
    replace it in place).

    >>> without_markup("Saratov&nbsp;region</p>")[0]
    'Saratov region\\n'
    """
    if "&" not in text and "<" not in text:
        return None
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in _MARKUP.finditer(text):
        piece = m.group()
        if piece[0] == "&":
            rep = html.unescape(piece)
            if rep == piece:
                continue
        else:
            rep = "\n" if _BLOCK_TAG.match(piece) else ""
        parts.append(text[pos:m.start()])
        starts.extend(range(pos, m.start()))
        ends.extend(range(pos + 1, m.start() + 1))
        parts.append(rep)
        starts.extend([m.start()] * len(rep))
        ends.extend([m.end()] * len(rep))
        pos = m.end()
    if not parts:
        return None
    parts.append(text[pos:])
    starts.extend(range(pos, len(text)))
    ends.extend(range(pos + 1, len(text) + 1))
    return "".join(parts).replace("\xa0", " "), starts, ends


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


#: The XML parser's words for a document that stops before its elements close (a cut download).
_CUT_SHORT = ("no element found", "unclosed token", "unclosed CDATA section")


def read_feed(path: Path, base: str, spans_field: str | None,
              published: dt.date | None) -> Iterator[Article]:
    """The entries of an RSS/Atom feed that carry text, one Article each."""
    import feedparser  # only feeds need it

    # Bytes, never the path: feedparser treats a string as a possible URL and may fetch it.
    parsed = feedparser.parse(path.read_bytes())
    if parsed.bozo and not parsed.entries:
        raise InputError(f"{path}: not a readable RSS/Atom feed ({parsed.get('bozo_exception')})")
    problem = parsed.get("bozo_exception")
    if isinstance(problem, SAXParseException) and problem.getMessage() in _CUT_SHORT:  # the last entry lost text
        raise InputError(f"{path}: the feed ends in the middle (line {problem.getLineNumber()}: "
                         f"{problem.getMessage()}): the file looks cut short; download it again")
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
    if PAGE_FURNITURE.match(line) or _DOT_DATELINE.match(line):
        return False
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
        text = "\n\n".join(paras)
        clean = without_markup(text)  # pasted from a web page: the text as read is the text shown
        body = clean[0] if clean else text
        return Article(id=f"{base}-{count}", text=body, title=title,
                       published=dateline_date(body, published) or published, path=str(path))

    for block in _blocks(path):
        if len(block) == 1 and BYLINE.match(block[0].strip()):
            continue  # "By a staff correspondent" under a headline: who wrote it, neither headline nor body
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
