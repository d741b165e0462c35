"""Incident FeatureCollection + briefing image -> a 16:9 PPTX briefing (python-pptx)."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from itertools import zip_longest
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.util import Emu, Inches, Pt

from mapper.export import atomic_path
from mapper.render import CREDIT, DEFAULT_STYLES, OTHER_STYLE, LayerStyle

FeatureCollection = dict[str, Any]
COLUMNS = ("Date", "Place", "What", "Figures", "Source")
WIDTHS_IN = (1.4, 3.4, 2.9, 2.2, 2.8)
ROWS_PER_SLIDE = 10
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in the slide XML


def _clean(text: Any) -> str:
    return _CONTROL.sub(" ", "" if text is None else str(text))


def incident_rows(incidents: FeatureCollection) -> dict[str, list[tuple[str, ...]]]:
    """Incident type -> one table row per incident (date, place, what, figures, source), in input order."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for f in incidents.get("features", []):
        p = f.get("properties") or {}
        grouped.setdefault(p.get("incident_id", ""), []).append(p)
    rows: dict[str, list[tuple[str, ...]]] = {}
    for feats in grouped.values():
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
            tuple(_clean(v) for v in (first.get("date") or "undated", place, what, first.get("figures") or "",
                                      source)))
    return rows


def _title(slide: Any, text: str) -> None:
    shape = slide.shapes.title
    shape.text = _clean(text)
    shape.left, shape.top, shape.width, shape.height = Inches(0.4), Inches(0.3), Inches(12.5), Inches(0.9)
    for para in shape.text_frame.paragraphs:
        para.font.size = Pt(30)


def _table(prs: Any, title: str, rows: list[tuple[str, ...]]) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[5])  # title only
    _title(slide, title)
    shape = slide.shapes.add_table(len(rows) + 1, len(COLUMNS), Inches(0.4), Inches(1.35),
                                   Inches(sum(WIDTHS_IN)), Inches(0.4) * (len(rows) + 1))
    table = shape.table
    for i, width in enumerate(WIDTHS_IN):
        table.columns[i].width = Inches(width)
    for r, values in enumerate([COLUMNS, *rows]):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.text = value
            for para in cell.text_frame.paragraphs:
                para.font.size = Pt(12 if r else 13)
                para.font.bold = r == 0


def render_pptx(path: str | os.PathLike[str], incidents: FeatureCollection, *, image: str | os.PathLike[str] | None,
                styles: Mapping[str, LayerStyle] | None = None, title: str = "Incidents",
                subtitle: str = "", credit: str = "") -> Path:
    """Write the briefing slides atomically: a title slide, the map image, one table per incident type.

    Parameters
    ----------
    incidents
        FeatureCollection as written by :func:`mapper.export.incidents_geojson`.
    image
        The briefing PNG (:func:`mapper.render.static.render_png`); no map slide when None.
    subtitle, credit
        Printed on the title slide (e.g. the date range and the articles used).

    Returns
    -------
    Path
        The written file. Tables hold one row per incident, ten rows a slide.
    """
    styles = {**DEFAULT_STYLES, **(styles or {})}
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12_192_000), Emu(6_858_000)  # 13.333 x 7.5 in, 16:9
    first = prs.slides.add_slide(prs.slide_layouts[0])
    for shape in first.placeholders:  # the default layouts are 4:3: widen them to the 16:9 slide
        shape.left, shape.width = Inches(0.8), Inches(11.7)
    first.shapes.title.text = _clean(title)
    first.placeholders[1].text = _clean("\n".join(x for x in (subtitle, credit, CREDIT) if x))
    for para in first.placeholders[1].text_frame.paragraphs:
        para.font.size = Pt(16)
    if image is not None:
        slide = prs.slides.add_slide(prs.slide_layouts[6])  # blank
        slide.shapes.add_picture(str(image), Emu(0), Emu(0), width=prs.slide_width, height=prs.slide_height)
    by_type = incident_rows(incidents)
    for kind in sorted(by_type, key=lambda k: (k not in DEFAULT_STYLES, k)):
        rows = by_type[kind]
        label = styles.get(kind, OTHER_STYLE)["label"]
        for start in range(0, len(rows), ROWS_PER_SLIDE):
            more = f" ({start // ROWS_PER_SLIDE + 1})" if len(rows) > ROWS_PER_SLIDE else ""
            _table(prs, f"{label}: {len(rows)}{more}", rows[start:start + ROWS_PER_SLIDE])
    with atomic_path(path) as tmp:
        prs.save(str(tmp))
    return Path(path)
