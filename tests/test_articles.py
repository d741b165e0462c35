"""mapper.articles: every input format, the errors each can raise, and the built-in sample."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from mapper.article_records import parse_date
from mapper.article_text import html_to_text
from mapper.articles import read_articles, read_sample, sample_paths
from mapper.errors import InputError

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seeds" / "000_9331e7012eda863c.txt"
SEED_GOLD = SHARED / "eval-data" / "seed_gold.jsonl"

DUMP = """\
Showing results 1 - 2 of 7

Drone Fragments Found Near Aktau

On June 19 debris of a drone was found near Aktau.

Police said nobody was hurt.

Labour Migrants Return to Uzbekistan

About 2,000 workers came home from Russia’s Ural region in May.
A second line of the same paragraph.
"""


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


# -- plain text ----------------------------------------------------------------------------------

def test_text_dump_splits_into_titled_articles(tmp_path: Path) -> None:
    arts = list(read_articles([write(tmp_path / "dump.txt", DUMP)], published=dt.date(2025, 6, 20)))
    assert [a.id for a in arts] == ["dump-1", "dump-2"]
    assert [a.title for a in arts] == ["Drone Fragments Found Near Aktau", "Labour Migrants Return to Uzbekistan"]
    assert arts[0].text == "On June 19 debris of a drone was found near Aktau.\n\nPolice said nobody was hurt."
    assert arts[1].text.endswith("in May.\nA second line of the same paragraph.")
    assert all(a.published == dt.date(2025, 6, 20) and a.path.endswith("dump.txt") for a in arts)


def test_text_without_headline_is_one_article(tmp_path: Path) -> None:
    body = "Drone debris was found near Aktau on Monday.\r\n\r\nNobody was hurt, police said.\r\n"
    (art,) = read_articles([write(tmp_path / "one.txt", "\ufeff" + body)])
    assert art.title == ""
    assert art.text == "Drone debris was found near Aktau on Monday.\n\nNobody was hurt, police said."


def test_format_sniffing(tmp_path: Path) -> None:
    caption = write(tmp_path / "c.txt", "[caption id=1] Image: TCA [/caption] Drone debris near Aktau.")
    jsonl_as_txt = write(tmp_path / "j.txt", '{"id": "j", "text": "Aktau"}\n')
    array = write(tmp_path / "arr", '[{"id": "a", "text": "Aktau"}]')
    csv_no_ext = write(tmp_path / "table.dat", "id,text\nt,Aktau\n")
    ids = [a.id for a in read_articles([caption, jsonl_as_txt, array, csv_no_ext])]
    assert ids == ["c-1", "j", "a", "t"]


def test_short_quoted_sentence_is_body_not_headline(tmp_path: Path) -> None:
    text = "Drone Found Near Aktau\n\nDebris was found near Aktau.\n\n“Nobody was hurt.”\n\nIs It Iranian?\n\nMaybe.\n"
    arts = list(read_articles([write(tmp_path / "q.txt", text)]))
    assert [a.title for a in arts] == ["Drone Found Near Aktau", "Is It Iranian?"]
    assert arts[0].text.endswith("\n\n“Nobody was hurt.”")


def test_text_pasted_from_a_web_page_is_read_without_its_markup(tmp_path: Path) -> None:
    body = "Drones hit the Saratov&nbsp;region &amp; Engels.<br>Russia&rsquo;s ministry said so.\n"
    (art,) = read_articles([write(tmp_path / "page.txt", body)])
    assert art.text == "Drones hit the Saratov region & Engels.\nRussia’s ministry said so."


def test_text_with_only_short_lines(tmp_path: Path) -> None:
    (art,) = read_articles([write(tmp_path / "note", "Drone seen over Uralsk\n")])
    assert (art.id, art.text) == ("note-1", "Drone seen over Uralsk")


@pytest.mark.skipif(not (SEED.exists() and SEED_GOLD.exists()), reason="shared seed absent")
def test_seed_dump_matches_gold_texts_and_titles() -> None:
    arts = list(read_articles([SEED]))
    gold = [json.loads(line) for line in SEED_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert [(a.title, a.text) for a in arts] == [(g["title"], g["text"]) for g in gold]


# -- JSON Lines and JSON -------------------------------------------------------------------------

def test_jsonl_fields_ids_and_dates(tmp_path: Path) -> None:
    lines = [{"id": 7, "title": "T", "text": "Aktau.", "published": "2025-06-20T08:00:00Z", "url": "u",
              "source": "s"},
             {"text": "No id here.", "published": "June 3, 2025"},
             {"text": "No date.", "published": None}]
    path = write(tmp_path / "a.jsonl", "\n".join(json.dumps(x) for x in lines[:2]) + "\n\n"
                 + json.dumps(lines[2]) + "\n")
    arts = list(read_articles([path], published=dt.date(2024, 1, 1)))
    assert [a.id for a in arts] == ["7", "a:2", "a:4"]
    assert [a.published for a in arts] == [dt.date(2025, 6, 20), dt.date(2025, 6, 3), dt.date(2024, 1, 1)]
    assert (arts[0].title, arts[0].url, arts[0].source) == ("T", "u", "s")


def test_jsonl_streams_record_by_record(tmp_path: Path) -> None:
    path = write(tmp_path / "big.jsonl", '{"id": "1", "text": "ok"}\n{"id": "2", broken\n')
    stream = read_articles([path])
    assert next(stream).id == "1"  # read before the broken line is reached
    with pytest.raises(InputError, match=r"big\.jsonl:2: not valid JSON"):
        next(stream)


@pytest.mark.parametrize("line, message", [
    ('{"id": "1", "text": "x", "published": "31/31/2025"}', r"bad\.jsonl:1: cannot read published date"),
    ('{"id": "1", "text": "x", "published": "June 2025"}', r"bad\.jsonl:1: .*lacks a day"),
    ('{"id": "1", "text": "x", "published": 2025}', r"bad\.jsonl:1: published must be a date string"),
    ('{"id": "1"}', r"bad\.jsonl:1: record needs a 'text' string, got nothing"),
    ('["id", "text"]', r"bad\.jsonl:1: expected a JSON object"),
])
def test_jsonl_bad_records_name_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        list(read_articles([write(tmp_path / "bad.jsonl", line + "\n")]))


def test_json_array(tmp_path: Path) -> None:
    path = write(tmp_path / "arr.json", json.dumps([{"text": "a"}, {"id": "b", "text": "b"}]))
    assert [a.id for a in read_articles([path])] == ["arr:1", "b"]


def test_spans_field(tmp_path: Path) -> None:
    rec = {"id": "s", "text": "From Aktau to Uralsk.",
           "mentions": [{"start": 14, "end": 20}, {"start": 5, "end": 10}, {"start": 5, "end": 10}]}
    (art,) = read_articles([write(tmp_path / "s.jsonl", json.dumps(rec))], spans_field="mentions")
    assert art.spans == ((5, 10), (14, 20))
    (plain,) = read_articles([tmp_path / "s.jsonl"])
    assert plain.spans is None
    for bad, message in [({**rec, "mentions": [{"start": 14, "end": 99}]}, "outside the text"),
                         ({**rec, "mentions": [{"start": "a", "end": 3}]}, "integer start and end"),
                         ({"id": "s", "text": "x"}, "has no 'mentions' field")]:
        with pytest.raises(InputError, match=message):
            list(read_articles([write(tmp_path / "bad.jsonl", json.dumps(bad))], spans_field="mentions"))
    with pytest.raises(InputError, match="carries none"):
        list(read_articles([write(tmp_path / "t.txt", "Text.")], spans_field="mentions"))


@pytest.mark.skipif(not SEED_GOLD.exists(), reason="shared seed gold absent")
def test_gold_toponym_spans_index_the_text() -> None:
    for art in read_articles([SEED_GOLD], spans_field="toponyms"):
        assert art.spans and art.published is not None
        assert all(art.text[s:e].strip() == art.text[s:e] for s, e in art.spans)


# -- CSV -----------------------------------------------------------------------------------------

def test_csv_with_quoted_multiline_text(tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", 'ID,Title,Text,Published\n'
                 '1,Drone,"Debris near Aktau,\nfound on June 19.",2025-06-20\n'
                 ',,Second article.,\n')
    arts = list(read_articles([path]))
    assert [a.id for a in arts] == ["1", "a:4"]
    assert arts[0].text == "Debris near Aktau,\nfound on June 19." and arts[0].published == dt.date(2025, 6, 20)
    assert arts[1].title == "" and arts[1].published is None


def test_tsv_and_semicolon_csv(tmp_path: Path) -> None:
    tsv = write(tmp_path / "a.tsv", "id\ttext\nx\tAktau; Uralsk\n")
    semi = write(tmp_path / "b.csv", "id;text\ny;Aktau, Uralsk\n")
    assert [(a.id, a.text) for a in read_articles([tsv, semi])] == [("x", "Aktau; Uralsk"), ("y", "Aktau, Uralsk")]


@pytest.mark.parametrize("content, message", [
    ("id,body\n1,x\n", "needs a 'text' column"),
    ("id,text\n", "header but no rows"),
    ("id,text,published\n1,x,someday\n", r"c\.csv:2: cannot read published date"),
])
def test_csv_errors(tmp_path: Path, content: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        list(read_articles([write(tmp_path / "c.csv", content)]))


# -- feeds ---------------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Steppe &amp; News</title><link>https://example.org</link><description>d</description>
<item><title>Drone debris near Aktau</title><link>https://example.org/1</link><guid>g-1</guid>
<pubDate>Fri, 20 Jun 2025 09:30:00 +0500</pubDate>
<description>short</description>
<content:encoded><![CDATA[<p>Debris of a <b>drone</b> was found near Aktau.</p>
<script>track()</script><p>Nobody was hurt &amp; no damage.</p>]]></content:encoded></item>
<item><title>No date</title><description>&lt;p&gt;Uralsk&lt;/p&gt;</description>
<pubDate>not a date</pubDate></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom feed</title><id>urn:f</id>
<updated>2025-06-02T00:00:00Z</updated>
<entry><title>Chelyabinsk warehouse</title><id>urn:e1</id><link href="https://example.org/e1"/>
<updated>2025-06-02T10:00:00Z</updated>
<summary type="html">&lt;p&gt;Drones assembled in Chelyabinsk.&lt;/p&gt;</summary>
</entry></feed>"""


def test_rss_feed(tmp_path: Path) -> None:
    arts = list(read_articles([write(tmp_path / "news.rss", RSS)], published=dt.date(2025, 1, 1)))
    assert [a.id for a in arts] == ["g-1", "news:2"]
    assert arts[0].text == "Debris of a drone was found near Aktau.\n\nNobody was hurt & no damage."
    assert (arts[0].title, arts[0].url, arts[0].source) == ("Drone debris near Aktau", "https://example.org/1",
                                                           "Steppe & News")
    assert arts[0].published == dt.date(2025, 6, 20)
    assert arts[1].text == "Uralsk" and arts[1].published == dt.date(2025, 1, 1)  # lenient: bad feed date


def test_atom_feed_detected_by_content(tmp_path: Path) -> None:
    (art,) = read_articles([write(tmp_path / "feed", ATOM)])
    assert (art.id, art.text, art.published) == ("urn:e1", "Drones assembled in Chelyabinsk.", dt.date(2025, 6, 2))


def test_a_headline_only_entry_is_read_and_an_empty_feed_is_an_error(tmp_path: Path) -> None:
    headlines = ATOM.replace('<summary type="html">&lt;p&gt;Drones assembled in Chelyabinsk.&lt;/p&gt;</summary>', "")
    (art,) = read_articles([write(tmp_path / "h.atom", headlines)])
    assert art.text == art.title == "Chelyabinsk warehouse"
    empty = ATOM.split("<entry>")[0] + "</feed>"
    with pytest.raises(InputError, match=r"e\.atom: feed holds no entries with text"):
        list(read_articles([write(tmp_path / "e.atom", empty)]))


def test_html_to_text() -> None:
    assert html_to_text("") == ""
    assert html_to_text("a<br>b<style>x{}</style> c&nbsp;\n d") == "a\n\nb c d"


# -- folders and errors --------------------------------------------------------------------------

def test_folder_is_read_recursively_in_order(tmp_path: Path) -> None:
    write(tmp_path / "b.jsonl", '{"text": "b"}\n')
    write(tmp_path / "a" / "z.txt", "Body of z.")
    write(tmp_path / "a" / "y.csv", "text\ny\n")
    write(tmp_path / ".hidden" / "h.txt", "hidden")
    write(tmp_path / "README.md", "# not an article")
    write(tmp_path / "image.png", "\x89PNG")
    assert [a.id for a in read_articles(tmp_path)] == ["a/y:2", "a/z-1", "b:1"]


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"", "file is empty"),
    ("blank.jsonl", b"\n  \n", "file is empty"),
    ("cp1251.txt", "Уральск".encode("cp1251"), "not valid UTF-8"),
    ("cp1251.jsonl", '{"text": "Уральск"}'.encode("cp1251"), "not valid UTF-8"),
    ("doc.pdf", b"%PDF-1.4", "not UTF-8 text but a PDF document"),
    ("doc.xyz", b"some text", "unknown format '.xyz'"),
    ("blob", b"\x00\x01\x02", "not text but binary data"),
])
def test_unreadable_files_name_the_file(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    (tmp_path / name).write_bytes(data)
    with pytest.raises(InputError, match=re.escape(name) + ".*" + re.escape(message)):
        list(read_articles([tmp_path / name]))


def test_encoding_error_names_the_exact_line(tmp_path: Path) -> None:
    good = "".join(json.dumps({"id": str(n), "text": "Aktau " * 20}) + "\n" for n in range(500))
    path = tmp_path / "big.jsonl"
    path.write_bytes(good.encode() + '{"id": "x", "text": "Уральск"}\n'.encode("cp1251"))
    stream = read_articles([path])
    assert sum(1 for _ in zip(range(500), stream, strict=False)) == 500  # the good lines come through first
    with pytest.raises(InputError, match=r"big\.jsonl:501: not valid UTF-8 \(byte b'\\xd3' at column 22\)"):
        next(stream)


def test_missing_file_and_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        list(read_articles([tmp_path / "nope.txt"]))
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="holds no article files"):
        list(read_articles([tmp_path / "empty"]))


@pytest.mark.parametrize("text, expected", [
    ("2025-06-20", dt.date(2025, 6, 20)),
    ("20 June 2025", dt.date(2025, 6, 20)),
    ("Fri, 20 Jun 2025 09:30:00 +0500", dt.date(2025, 6, 20)),
    ("06/20/2025", dt.date(2025, 6, 20)),
    ("  ", None),
])
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text, "here") == expected


# -- built-in sample -----------------------------------------------------------------------------

def test_sample_corpus() -> None:
    assert [p.name for p in sample_paths()] == ["articles.jsonl"]
    arts = list(read_sample())
    assert [a.id for a in arts] == [f"sample-{n}" for n in range(1, 7)]
    assert [a.published for a in arts] == [dt.date(2025, 6, d) for d in (21, 20, 7, 3, 2)] + [dt.date(2025, 5, 21)]
    text = "\n".join(a.text for a in arts)
    for needed in ["Karakiyan district of Kazakhstan’s Mangistau Region", "Bolashak border station",
                   "June 19", "the village of Ualy", "West Kazakhstan Region (WKR)", "in WKR", "Atameken",
                   "Zhanibek", "Saratov region", "929th State Flight Test Center", "Kazakh border",
                   "Mangistau Region Police Department", "Moscow and Tehran", "Tashkent has avoided",
                   "criticising Moscow", "“Pearl Harbor”", "Murmansk, Irkutsk, Ivanovo, Ryazan, and Amur regions",
                   "Kharkiv, Kherson, Mykolaiv, Zaporizhzhia, Sumy, Khmelnytskyi, Lviv and Kyiv",
                   "Tashkent International Airport", "Tien Shan range", "100 wounded women", "Rafah",
                   "Operation Spider’s Web", "Chelyabinsk", "Astana", "80,000", "20,000", "1.79 million",
                   "661", "78", "St. Petersburg", "Russia’s Investigative Committee"]:
        assert needed in text, needed


@pytest.mark.skipif(not SEED.exists(), reason="shared seed absent")
def test_sample_is_not_copied_from_the_seed() -> None:
    def words(s: str) -> list[str]:
        return re.findall(r"\w+", s.lower())

    seed = words(SEED.read_text(encoding="utf-8"))
    n = 12  # longer than any list of names and dates the sample has to share with the seed
    seen = {tuple(seed[i:i + n]) for i in range(len(seed) - n + 1)}
    for art in read_sample():
        w = words(art.title + " " + art.text)
        assert not [" ".join(w[i:i + n]) for i in range(len(w) - n + 1) if tuple(w[i:i + n]) in seen]


def test_on_error_reports_bad_records_and_goes_on(tmp_path: Path) -> None:
    good = {"id": "a", "text": "Drone debris fell near Aktau."}
    jsonl = tmp_path / "mixed.jsonl"
    jsonl.write_bytes(b"\n".join([
        json.dumps(good).encode(), b"{not json", b'{"id": "b", "text": 5}', b"\xff\xfe bad bytes",
        json.dumps({"id": "c", "text": "Another one near Oral."}).encode(),
        json.dumps({"id": "d", "text": "x", "published": "not a date"}).encode(),
    ]) + b"\n")
    csv_file = tmp_path / "mixed.csv"
    csv_file.write_text('id,text\ne,"Fine row"\nf,"too",many,fields\ng,"Also fine"\n', encoding="utf-8")
    errors: list[Exception] = []
    got = list(read_articles([jsonl, csv_file, tmp_path / "missing.jsonl"], on_error=errors.append))
    assert [a.id for a in got] == ["a", "c", "e", "g"]
    assert len(errors) == 6
    assert all(isinstance(e, InputError) for e in errors)
    assert any("mixed.jsonl:2" in str(e) for e in errors) and any("missing.jsonl" in str(e) for e in errors)
    with pytest.raises(InputError, match="mixed.jsonl:2"):
        list(read_articles([jsonl]))  # without on_error the first bad record stops the read


def test_a_run_output_folder_inside_the_input_is_not_read(tmp_path: Path) -> None:
    from mapper.batch_inputs import read_inputs

    write(tmp_path / "a.txt", "Drones were seen over Aktau.")
    out = tmp_path / "outputs"
    write(out / "incidents.csv", "event_id_cnty,incident_id\nKZ-1,d1\n")
    write(out / "incidents.geojson", '{"type": "FeatureCollection", "features": []}')
    write(out / "map.html", "<!DOCTYPE html>")
    write(tmp_path / "more" / "incidents.csv", "id,text\n1,Drones over Atyrau.\n")  # no map beside it: articles
    assert [a.id for a in read_articles([tmp_path])] == ["a-1", "1"]
    assert [a.id for a in read_inputs([tmp_path])] == ["a-1", "1"]


def test_a_wire_dateline_dates_an_article_read_without_a_date(tmp_path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text("Drone strike halts refinery\n\nMOSCOW, Oct 26 (Reuters) - A drone attack early on Sunday set off "
                    "a fire at a refinery, industry sources said.\n", encoding="utf-8")
    (article,) = read_articles([path], published=dt.date(2025, 11, 10))
    assert article.published == dt.date(2025, 10, 26)
    path.write_text("Drone strike halts refinery\n\nTASHKENT, Uzbekistan (AP) - A drone was seen on Sunday.\n",
                    encoding="utf-8")
    (article,) = read_articles([path], published=dt.date(2025, 11, 10))
    assert article.published == dt.date(2025, 11, 10)  # no day in the dateline: the date given stands


def test_a_byline_under_a_headline_is_neither_title_nor_text(tmp_path) -> None:
    path = tmp_path / "feature.txt"
    path.write_text("Workers head for the Urals\n\nBy a staff correspondent\n\nYEKATERINBURG - Many migrants arrived "
                    "in Chelyabinsk this year, officials said.\n", encoding="utf-8")
    (article,) = read_articles([path])
    assert article.title == "Workers head for the Urals" and article.text.startswith("YEKATERINBURG")
