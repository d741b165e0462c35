"""Saved news web pages (HTML files) read into Articles with trafilatura's main-text extraction.

Analysts often keep the pages they read ("Save page as" in a browser, a crawler's archive). A page
holds far more than its article: menus, "most read" lists, related headlines, cookie banners, all
of them full of place names that the article never mentions. trafilatura keeps the article's own
text and reads the headline, publication date and canonical URL from the page's metadata. It reads
the bytes given to it and never fetches anything.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mapper.datelines import dateline_date
from mapper.errors import InputError
from mapper.model import Article

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
#: First bytes (lower case, leading space and BOM stripped) that say a suffix-less file is a page.
HTML_STARTS = (b"<!doctype html", b"<html")


def read_webpage(path: Path, base: str, published: dt.date | None) -> Article:
    """The article of a saved web page.

    Parameters
    ----------
    path
        The HTML file; its encoding is told by the page (meta charset) or guessed.
    base
        The article id (the file's path relative to the folder read, without extension).
    published
        Publication date for a page whose metadata gives none.

    Raises
    ------
    InputError
        When the page holds no article text (an index page, an empty or broken file).
    """
    try:
        import trafilatura
    except ImportError as exc:  # lxml's html cleaner moved to its own package in lxml 5.2
        raise InputError(f"{path}: reading web pages needs trafilatura and lxml_html_clean "
                         f"(pip install trafilatura lxml_html_clean): {exc}") from None
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        doc = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True,
                                          date_extraction_params={"extensive_search": False,
                                                                  "original_date": True})
    except Exception as exc:  # a parser's failure on one page is that page's error
        raise InputError(f"{path}: not a readable web page ({type(exc).__name__}: {exc})") from None
    fields = doc.as_dict() if doc is not None else {}
    text = (fields.get("text") or "").strip()
    if not text:
        raise InputError(f"{path}: no article text found in the web page")
    return Article(id=base, text=text, title=(fields.get("title") or "").strip(),
                   published=_date(fields.get("date")) or dateline_date(text, published) or published,
                   url=fields.get("url") or "",
                   source=fields.get("sitename") or fields.get("hostname") or "", path=str(path))


def _date(value: object) -> dt.date | None:
    """An ISO date string from the page's metadata as a date (None when absent or malformed)."""
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
