"""Saved web pages: the article's own text, headline, date and URL, never the page's menus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mapper.articles import read_articles
from mapper.errors import InputError
from mapper.gazetteer import open_gazetteer
from mapper.pipeline import parse_article

# Written for this test: an article page with a menu, a "most read" box and a footer that name
# places the article does not mention.
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Drone wreckage found in Mangistau | Steppe Wire</title>
<meta property="og:title" content="Drone wreckage found in Mangistau">
<meta property="article:published_time" content="2025-06-20T08:15:00+05:00">
<link rel="canonical" href="https://example.org/news/drone-wreckage-mangistau">
<script>var region = "Orenburg";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/asia">Asia</a> <a href="/odesa">Odesa</a></nav>
<header><h1>Drone wreckage found in Mangistau</h1></header>
<article>
<p>Herders in Kazakhstan's Mangistau Region found the wreckage of an unmanned aircraft on Thursday,
the regional emergency department said.</p>
<p>The fragments lay about 40 kilometres east of Aktau, near the village of Shetpe. Police cordoned
off the area while specialists examined the remains.</p>
</article>
<aside><h3>Most read</h3><ul><li>Floods in Orenburg</li><li>Tashkent metro extension opens</li></ul></aside>
<footer>Steppe Wire, Almaty.</footer>
</body></html>
"""


def _page(tmp_path: Path, name: str = "wreckage.html", body: str = PAGE) -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_page_gives_its_article_and_metadata(tmp_path: Path) -> None:
    (article,) = read_articles(_page(tmp_path))
    assert article.id == "wreckage"
    assert article.title == "Drone wreckage found in Mangistau"
    assert article.published == dt.date(2025, 6, 20)
    assert article.url == "https://example.org/news/drone-wreckage-mangistau"
    assert "Herders in Kazakhstan's Mangistau Region" in article.text
    assert "near the village of Shetpe" in article.text
    for boilerplate in ("Orenburg", "Tashkent", "Almaty", "Odesa", "Most read"):
        assert boilerplate not in article.text


def test_places_come_from_the_article_only(tmp_path: Path) -> None:
    (article,) = read_articles(_page(tmp_path))
    parsed = parse_article(article, open_gazetteer())
    names = {r.mention.text for r in parsed.resolutions if r.place is not None}
    assert {"Mangistau Region", "Aktau", "Shetpe"} <= names
    assert not names & {"Orenburg", "Tashkent", "Almaty", "Odesa"}


def test_page_without_extension_is_sniffed_and_folders_read_pages(tmp_path: Path) -> None:
    _page(tmp_path, "saved_page")
    (tmp_path / "sub").mkdir()
    _page(tmp_path / "sub", "other.htm")
    assert [a.id for a in read_articles(tmp_path / "saved_page")] == ["saved_page"]
    # a folder is read by extension: the suffix-less file is left out there, the .htm page read
    assert [a.id for a in read_articles(tmp_path)] == ["sub/other"]


def test_page_date_falls_back_to_the_given_one(tmp_path: Path) -> None:
    body = PAGE.replace('<meta property="article:published_time" content="2025-06-20T08:15:00+05:00">', "")
    (article,) = read_articles(_page(tmp_path, body=body), published=dt.date(2025, 7, 1))
    assert article.published == dt.date(2025, 7, 1)


def test_pages_without_text_or_with_spans_are_errors(tmp_path: Path) -> None:
    empty = _page(tmp_path, "empty.html", "<html><head><title></title></head><body></body></html>")
    with pytest.raises(InputError, match="empty.html: no article text"):
        list(read_articles(empty))
    with pytest.raises(InputError, match="spans need JSON Lines or CSV"):
        list(read_articles(_page(tmp_path), spans_field="toponyms"))
