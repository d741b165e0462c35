"""Incident FeatureCollection + briefing image -> a 16:9 PPTX briefing (python-pptx)."""

from __future__ import annotations

import functools
import math
import os
import re
from collections.abc import Mapping
from itertools import zip_longest
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.util import Emu, Inches, Pt

from mapper.export import atomic_path
from mapper.render import CREDIT, DEFAULT_STYLES, OTHER_STYLE, LayerStyle
from mapper.render.textfit import FONT_NAME, fit_lines, line_height_pt, wrap

FeatureCollection = dict[str, Any]
COLUMNS = ("Date", "Place", "What", "Figures", "Source")
WIDTHS_IN = (1.4, 3.4, 2.9, 2.2, 2.8)
ROWS_PER_SLIDE = 10  # at most; fewer when long places or headlines wrap onto several lines
#: Rows of one type in the slides: the newest, then a last row counting the rest and pointing to the
#: full list (hundreds of incidents are a file to filter, not forty slides to page through).
MAX_ROWS_PER_TYPE = 30
TABLE_TOP_IN, ROOM_IN, FONT_PT = 1.35, 5.8, 12  # the table must end above the 7.5 in slide's bottom
MARGIN_X_IN, MARGIN_Y_IN = 0.1, 0.05  # a cell's inner margins, left/right and top/bottom (set on every cell)
SLIDE_W_IN, SLIDE_H_IN = 13.333, 7.5
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in the slide XML


def _clean(text: Any) -> str:
    return _CONTROL.sub(" ", "" if text is None else str(text))


def _short_date(date: str | None) -> str:
    """A range as a reader writes it: "2025-11-11/2025-11-12" -> "2025-11-11–12" (what the end repeats
    of the start is left out)."""
    if not date:
        return "undated"
    start, _, end = date.partition("/")
    if not end or end == start:
        return start
    same = 0
    for a, b in zip(start.split("-"), end.split("-"), strict=False):
        if a != b:
            break
        same += 1
    return f"{start}\u2013{'-'.join(end.split('-')[same:]) or end}"


def _fit_row(values: tuple[str, ...], max_lines: int, header: bool = False) -> tuple[tuple[str, ...], float]:
    """A row's cells cut to ``max_lines`` lines each, and the row's height (in) once they wrap: the lines
    of its fullest cell as measured in the slides' font, plus the cell margins."""
    size = FONT_PT + 1 if header else FONT_PT
    cut = [fit_lines(v, (w - 2 * MARGIN_X_IN) * 72, size, max_lines, bold=header)
           for v, w in zip(values, WIDTHS_IN, strict=False)]
    lines = max([1, *(n for _, n in cut)])
    return tuple(v for v, _ in cut), lines * line_height_pt(size, bold=header) / 72 + 2 * MARGIN_Y_IN


@functools.lru_cache(maxsize=4096)
def _row_height_in(values: tuple[str, ...], header: bool = False) -> float:
    """A row's height (in) once its cells wrap, measured (see :func:`_fit_row`)."""
    return _fit_row(values, 10**6, header)[1]


def _row_lines_max() -> int:
    """The most lines a row may take: it must fit on a slide under the header on its own."""
    room = ROOM_IN - _row_height_in(COLUMNS, True) - 2 * MARGIN_Y_IN
    return max(1, math.floor(room * 72 / line_height_pt(FONT_PT)))


def table_pages(rows: list[tuple[str, ...]]) -> list[list[tuple[str, ...]]]:
    """Rows split into slides: each page as many as fit under its header, at most :data:`ROWS_PER_SLIDE`;
    a cell too long for a slide of its own is cut, ending in an ellipsis."""
    pages: list[list[tuple[str, ...]]] = [[]]
    used = _row_height_in(COLUMNS, True)
    longest = _row_lines_max()
    for values in rows:
        row, height = _fit_row(values, longest)
        if pages[-1] and (len(pages[-1]) >= ROWS_PER_SLIDE or used + height > ROOM_IN):
            pages.append([])
            used = _row_height_in(COLUMNS, True)
        pages[-1].append(row)
        used += height
    return [page for page in pages if page]


def incident_rows(incidents: FeatureCollection) -> dict[str, list[tuple[str, ...]]]:
    """Incident type -> one table row per incident (date, place, what, figures, source), newest first
    (by start date; undated last, otherwise in input order)."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for f in incidents.get("features", []):
        p = f.get("properties") or {}
        grouped.setdefault(p.get("incident_id", ""), []).append(p)
    rows: dict[str, list[tuple[str, ...]]] = {}
    ordered = sorted(grouped.values(), key=lambda fs: fs[0].get("date_start") or "", reverse=True)
    for feats in ordered:  # a stable sort: undated ("") last, in input order
        first = feats[0]
        by_role: dict[str, list[str]] = {}
        for p in feats:
            by_role.setdefault(p.get("role", "site"), []).append(p.get("place") or "")
        if "flow" in by_role:
            place = f"{first.get('origin') or '?'} \u2192 {first.get('destination') or '?'}"
        elif "origin" in by_role or "destination" in by_role:  # a flow with one end unknown
            place = f"{'; '.join(by_role.get('origin', ['?']))} \u2192 {'; '.join(by_role.get('destination', ['?']))}"
        elif "staging" in by_role or "target" in by_role:
            place = (f"{', '.join(by_role.get('staging', []))} \u2192 " if "staging" in by_role else "") + \
                ", ".join(by_role.get("target", []))
        else:
            place = ", ".join(dict.fromkeys(p.get("place") or "" for p in feats))
        if any(p.get(k) not in (None, "point") for p in feats for k in ("precision", "origin_precision")):
            place += " (approx.)"
        what = " / ".join(x for x in (first.get("name"), first.get("subtype")) if x)
        if first.get("status") and first["status"] != "confirmed":
            what += f" ({first['status']})"
        # one entry per article: an article quoted in several sentences is one source
        sources = dict.fromkeys(zip_longest((first.get("source_articles") or "").split("\n"),
                                            (first.get("source_titles") or "").split("\n"), fillvalue=""))
        titles = [t for _, t in sources if t]
        source = (titles[0] if titles else "") + (f" (+{len(titles) - 1} more)" if len(titles) > 1 else "")
        rows.setdefault(first.get("type", ""), []).append(
            tuple(_clean(v) for v in (_short_date(first.get("date")), place, what, first.get("figures") or "",
                                      source)))
    return rows


def more_row(n: int) -> tuple[str, ...]:
    """The last row of a capped table: how many incidents are left out and where they all are."""
    return ("", f"\u2026 and {n:,} more", "", "", "all in incidents.csv and map.html")


def _font(para: Any, size: float, bold: bool | None = None) -> None:
    """The measured font on a paragraph and each of its runs (PowerPoint reads the runs')."""
    for font in (para.font, *(run.font for run in para.runs)):
        font.size, font.name = Pt(size), FONT_NAME
        if bold is not None:
            font.bold = bold


def _text_box(shape: Any, text: str, box_in: tuple[float, float, float, float], size: float,
              smallest: float) -> None:
    """Put ``text`` in ``shape`` placed at ``box_in`` (left, top, width, height) at the largest size
    from ``size`` down to ``smallest`` (in steps of 2 pt) at which it fits as measured; still too long at
    ``smallest``, it is cut with an ellipsis. The box never grows past its height."""
    left, top, width, height = box_in
    shape.left, shape.top, shape.width, shape.height = (Inches(v) for v in box_in)
    frame = shape.text_frame
    frame.word_wrap, frame.auto_size = True, MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = Inches(MARGIN_X_IN)
    frame.margin_top = frame.margin_bottom = Inches(MARGIN_Y_IN)
    inner_w, inner_h = (width - 2 * MARGIN_X_IN) * 72, (height - 2 * MARGIN_Y_IN) * 72
    while size > smallest and len(wrap(text, inner_w, size)) * line_height_pt(size) > inner_h:
        size = max(smallest, size - 2)
    text, _ = fit_lines(text, inner_w, size, max(1, math.floor(inner_h / line_height_pt(size))))
    frame.text = _clean(text)
    for para in frame.paragraphs:
        _font(para, size)


def _title(slide: Any, text: str) -> None:
    _text_box(slide.shapes.title, text, (0.4, 0.3, 12.5, 0.9), 30, 16)


def _table(prs: Any, title: str, rows: list[tuple[str, ...]]) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[5])  # title only
    _title(slide, title)
    heights = [_row_height_in(COLUMNS, True), *(_row_height_in(row) for row in rows)]
    shape = slide.shapes.add_table(len(rows) + 1, len(COLUMNS), Inches(0.4), Inches(TABLE_TOP_IN),
                                   Inches(sum(WIDTHS_IN)), Inches(sum(heights)))
    table = shape.table
    for i, width in enumerate(WIDTHS_IN):
        table.columns[i].width = Inches(width)
    for r, values in enumerate([COLUMNS, *rows]):
        table.rows[r].height = Inches(heights[r])  # as measured: the frame's height is the table's
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.text = value
            cell.margin_left = cell.margin_right = Inches(MARGIN_X_IN)
            cell.margin_top = cell.margin_bottom = Inches(MARGIN_Y_IN)
            for para in cell.text_frame.paragraphs:
                _font(para, FONT_PT if r else FONT_PT + 1, r == 0)


def render_pptx(path: str | os.PathLike[str], incidents: FeatureCollection, *, image: str | os.PathLike[str] | None,
                styles: Mapping[str, LayerStyle] | None = None, title: str = "Incidents",
                subtitle: str = "", credit: str = "", max_rows: int | None = MAX_ROWS_PER_TYPE) -> Path:
    """Write the briefing slides atomically: a title slide, the map image, one table per incident type.

    Parameters
    ----------
    incidents
        FeatureCollection as written by :func:`mapper.export.incidents_geojson`.
    image
        The briefing PNG (:func:`mapper.render.static.render_png`); no map slide when None.
    subtitle, credit
        Printed on the title slide (e.g. the date range and the articles used).
    max_rows
        Rows of one type at most: the newest, then a last row counting the others ("... and 12 more")
        and naming the files that list them all. None: every incident has its row.

    Returns
    -------
    Path
        The written file. Tables hold one row per incident, newest first, as many a slide as fit (at most ten).
    """
    styles = {**DEFAULT_STYLES, **(styles or {})}
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12_192_000), Emu(6_858_000)  # 13.333 x 7.5 in, 16:9
    first = prs.slides.add_slide(prs.slide_layouts[0])  # the default layouts are 4:3: placed on the 16:9 slide
    _text_box(first.shapes.title, title, (0.8, 1.0, 11.7, 2.2), 40, 20)
    _text_box(first.placeholders[1], "\n".join(x for x in (subtitle, credit, CREDIT) if x), (0.8, 3.4, 11.7, 3.6),
              16, 9)
    if image is not None:
        slide = prs.slides.add_slide(prs.slide_layouts[6])  # blank
        slide.shapes.add_picture(str(image), Emu(0), Emu(0), width=prs.slide_width, height=prs.slide_height)
    by_type = incident_rows(incidents)
    for kind in sorted(by_type, key=lambda k: (k not in DEFAULT_STYLES, k)):
        rows = by_type[kind]
        label = styles.get(kind, OTHER_STYLE)["label"]
        head, shown = f"{label}: {len(rows)}", rows
        if max_rows is not None and len(rows) > max_rows:
            keep = max(1, max_rows - 1)  # the count of the rest is the last of max_rows rows, not a slide of its own
            head = f"{label}: newest {keep} of {len(rows)}"
            shown = [*rows[:keep], more_row(len(rows) - keep)]
        pages = table_pages(shown)
        for n, page in enumerate(pages, 1):
            more = f" ({n}/{len(pages)})" if len(pages) > 1 else ""
            _table(prs, f"{head}{more}", page)
    with atomic_path(path) as tmp:
        prs.save(str(tmp))
    return Path(path)
