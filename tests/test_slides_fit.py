"""Slides whose text is long and many: read back with python-pptx, every shape ends inside the slide and
every row and text box is as tall as its text needs, measured here with the font file (PIL)."""

from __future__ import annotations

import functools
from pathlib import Path

import matplotlib
import pytest
from PIL import ImageFont
from pptx import Presentation
from test_render_samples import seed_incidents

from mapper import export
from mapper.render.slides import MAX_ROWS_PER_TYPE, render_pptx

EMU_PT = 12_700
FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
SENTENCE = ("Officials said that drone fragments were collected by a mobile team after residents of the "
            "village reported a loud explosion late in the evening and a fire in a nearby field ")


@functools.lru_cache(maxsize=2)
def _font(bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), 1000)


def _lines(text: str, width_pt: float, size_pt: float, bold: bool) -> int:
    """Lines ``text`` wraps onto in a box ``width_pt`` wide: words moved whole, a too-long word split."""
    font = _font(bold)
    width = width_pt * 1000 / size_pt  # in the font's units at size 1000
    count = 0
    for para in text.split("\n"):
        line = ""
        for word in para.split(" "):
            trial = f"{line} {word}" if line else word
            if font.getlength(trial) <= width:
                line = trial
                continue
            count += 1 if line else 0  # the line so far is full
            while font.getlength(word) > width:  # a word wider than the box: its pieces fill lines
                word = word[max([1, *(i for i in range(1, len(word)) if font.getlength(word[:i]) <= width)]):]
                count += 1
            line = word
        count += 1
    return count


def _needed_pt(frame, text: str, width_emu: int, margins: tuple[int, int, int, int]) -> float:
    runs = [r for p in frame.paragraphs for r in p.runs]
    font = runs[0].font if runs else frame.paragraphs[0].font  # an empty cell: its paragraph's
    size, bold = font.size.pt, bool(font.bold)
    assert font.name == "DejaVu Sans"  # the font measured is the font named
    left, right, top, bottom = margins
    return _lines(text, (width_emu - left - right) / EMU_PT, size, bold) * 1.2 * size + (top + bottom) / EMU_PT


@pytest.fixture(scope="module")
def crowded(tmp_path_factory) -> Path:
    fc = export.incidents_geojson(seed_incidents(hostile=False))
    feats = []
    for i in range(20):
        for f in fc["features"]:
            p = dict(f["properties"], incident_id=f"{f['properties']['incident_id']}-{i}",
                     source_titles=SENTENCE * (1 + i % 4), name=SENTENCE[: 20 + 7 * i],
                     place=f["properties"]["place"] + " and the villages around it" * (i % 3))
            feats.append(dict(f, properties=p))
    monster = dict(feats[0], properties=dict(feats[0]["properties"], incident_id="monster",
                                             source_titles=SENTENCE * 60, place="Krasnodarskiy" * 40))
    feats.append(monster)  # one row taller than a slide: cut, not run off the slide
    path = tmp_path_factory.mktemp("pptx") / "crowded.pptx"
    return render_pptx(path, {"type": "FeatureCollection", "features": feats}, image=None,
                       title="A briefing title long enough to wrap on the title slide " * 4,
                       subtitle="46 incidents", credit="Sources: " + ", ".join(f"Outlet number {i}" for i in range(90)),
                       max_rows=None)


def test_every_shape_ends_inside_the_slide_and_holds_its_text(crowded):
    prs = Presentation(str(crowded))
    rows = 0
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_table:
                table = shape.table
                height = sum(r.height for r in table.rows)
                for row in table.rows:
                    for c, cell in enumerate(row.cells):
                        need = _needed_pt(cell.text_frame, cell.text, table.columns[c].width,
                                          (cell.margin_left, cell.margin_right, cell.margin_top, cell.margin_bottom))
                        assert row.height / EMU_PT >= need - 0.01, (cell.text[:60], row.height / EMU_PT, need)
                rows += len(table.rows) - 1
                width = sum(col.width for col in table.columns)
            else:
                height, width = shape.height, shape.width
                if shape.has_text_frame and shape.text_frame.text:
                    tf = shape.text_frame
                    need = _needed_pt(tf, tf.text, shape.width,
                                      (tf.margin_left, tf.margin_right, tf.margin_top, tf.margin_bottom))
                    assert shape.height / EMU_PT >= need - 0.01, (tf.text[:60], shape.height / EMU_PT, need)
            assert shape.top >= 0 and shape.top + height <= prs.slide_height, (shape.name, shape.top + height)
            assert shape.left >= 0 and shape.left + width <= prs.slide_width
    assert rows == 9 * 20 + 1  # every incident has its row
    monster = [[c.text for c in row.cells] for s in prs.slides for sh in s.shapes if sh.has_table
               for row in sh.table.rows if row.cells[1].text.startswith("Krasnodarskiy")]
    assert len(monster) == 1 and monster[0][4].endswith("\u2026")
    assert monster[0][4].replace("\n", " ").startswith(SENTENCE[:80])


def test_short_rows_still_share_a_slide(tmp_path):
    path = render_pptx(tmp_path / "s.pptx", export.incidents_geojson(seed_incidents(hostile=False)), image=None)
    tables = [sh.table for s in Presentation(str(path)).slides for sh in s.shapes if sh.has_table]
    assert [len(t.rows) - 1 for t in tables] == [5, 3, 1]  # one slide a type: nothing needs paging


def test_hundreds_of_incidents_are_capped_with_a_count_of_the_rest(tmp_path):
    """A type with more incidents than MAX_ROWS_PER_TYPE: the newest that many, then one row telling how
    many more and where they all are; its slides say so in their title."""
    fc = export.incidents_geojson(seed_incidents(hostile=False))
    drone = [f for f in fc["features"] if f["properties"]["type"] == "drone"]
    feats = [dict(f, properties=dict(f["properties"], incident_id=f"{f['properties']['incident_id']}-{i}",
                                     date_start=f"2025-01-{1 + i % 28:02d}", date=f"2025-01-{1 + i % 28:02d}"))
             for i in range(80) for f in drone[:1]]
    path = render_pptx(tmp_path / "m.pptx", {"type": "FeatureCollection", "features": feats}, image=None)
    prs = Presentation(str(path))
    tables = [(s.shapes.title.text, sh.table) for s in prs.slides for sh in s.shapes if sh.has_table]
    rows = [[c.text for c in r.cells] for _, t in tables for r in list(t.rows)[1:]]
    keep = MAX_ROWS_PER_TYPE - 1
    assert len(rows) == MAX_ROWS_PER_TYPE and len(prs.slides) == 1 + 3  # ten rows a slide, the count included
    assert rows[-1][1] == f"\u2026 and {80 - keep} more" and "incidents.csv" in rows[-1][4]
    assert rows[0][0] >= rows[keep - 1][0]  # the newest kept
    assert all(t.startswith(f"Drone incidents: newest {keep} of 80") for t, _ in tables)
