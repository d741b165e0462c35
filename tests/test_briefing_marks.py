"""The briefing PNG marks what the map marks: dashed flows with an end known only as a country, and a
"?" badge on claimed or denied incidents (checked on the drawing's artists and on the saved pixels)."""

from __future__ import annotations

import io

from matplotlib.patches import FancyArrowPatch
from PIL import Image
from test_render_samples import seed_incidents

from mapper import export
from mapper.render import ROUGH_FLOW
from mapper.render.static import draw_briefing

SEA = (0xD4, 0xE4, 0xEF)  # the axes' background where no outline is drawn


def _fc(*ids: str) -> dict:
    fc = export.incidents_geojson(seed_incidents(hostile=False))
    return {"type": "FeatureCollection",
            "features": [f for f in fc["features"] if f["properties"]["incident_id"] in ids]}


def _pixels(fig) -> Image.Image:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=fig.dpi, facecolor="white")
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")


def _arrows(ax) -> list[tuple[tuple[float, float], FancyArrowPatch]]:
    return [(t.xy, t.arrow_patch) for t in ax.texts if getattr(t, "arrow_patch", None) is not None]


def _runs(fig, ax, start: tuple[float, float], end: tuple[float, float]) -> int:
    """Stretches of line colour met walking the middle half of the line start -> end on the saved image."""
    img = _pixels(fig)
    (x0, y0), (x1, y1) = ax.transData.transform([start, end])
    on = []
    for i in range(300):
        t = 0.25 + 0.5 * i / 299
        x, y = x0 + t * (x1 - x0), y0 + t * (y1 - y0)
        px = img.getpixel((round(x), round(img.height - y)))
        on.append(sum(abs(a - b) for a, b in zip(px, SEA, strict=True)) > 60)
    assert sum(on) > 80, "the line is not where the axes say"
    return sum(1 for i, v in enumerate(on) if v and (i == 0 or not on[i - 1]))


def test_a_flow_from_a_country_is_dashed_in_the_png_and_the_legend_says_so():
    runs = {}
    for name, ids in (("rough", ("flow-uz-ru",)), ("exact", ("flow-children",))):
        fc = _fc(*ids)
        for f in fc["features"]:
            f["properties"]["figures"] = None  # no label over the line
        fc["features"] = fc["features"][:1]
        fig = draw_briefing(fc, dpi=60)
        ax = fig.axes[0]
        [(tip, arrow)] = _arrows(ax)
        start = tuple(fc["features"][0]["geometry"]["coordinates"][0])
        assert tip == tuple(fc["features"][0]["geometry"]["coordinates"][1])
        assert (arrow.get_linestyle() not in ("-", "solid")) == (name == "rough")
        runs[name] = _runs(fig, ax, start, tip)
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        assert (f"Migration flows: {ROUGH_FLOW}" in legend) == (name == "rough")
    assert runs["exact"] == 1 and runs["rough"] >= 4, runs


def test_claimed_incidents_wear_a_badge_in_the_png():
    fc = _fc("drone-ualy", "drone-atameken", "drone-saratov", "flow-kz-ua", "flow-children")
    for f in fc["features"]:
        if f["properties"]["incident_id"] in ("drone-ualy", "drone-saratov"):
            f["properties"]["status"] = "claimed" if f["properties"]["incident_id"] == "drone-ualy" else "denied"
    fig = draw_briefing(fc, dpi=60)
    ax = fig.axes[0]
    badges = [t.xy for t in ax.texts if t.get_text() == "?"]
    (x0, y0), (x1, y1) = next(f for f in fc["features"] if f["properties"]["incident_id"] == "flow-kz-ua")[
        "geometry"]["coordinates"]
    expected = {(46.7636, 48.8125), (46.5, 51.5), (x0 + 0.62 * (x1 - x0), y0 + 0.62 * (y1 - y0))}
    assert {(round(x, 4), round(y, 4)) for x, y in badges} == {(round(x, 4), round(y, 4)) for x, y in expected}
    assert len(badges) == 3  # not on the confirmed drone, nor on the confirmed flow
    assert "claimed or denied, not confirmed" in [t.get_text() for t in ax.get_legend().get_texts()]
    img = _pixels(fig)  # the badge is painted: a white disc with a dark "?" by the Ualy symbol
    ualy = next(t for t in ax.texts if t.get_text() == "?" and t.xy == (46.7636, 48.8125))
    box = ualy.get_window_extent(fig.canvas.get_renderer())
    crop = img.crop((int(box.x0), int(img.height - box.y1), int(box.x1) + 1, int(img.height - box.y0) + 1))
    colours = [c for _, c in crop.getcolors(maxcolors=1 << 16)]
    assert any(min(c) > 240 for c in colours) and any(max(c) < 80 for c in colours)
    confirmed = _fc("drone-ualy", "flow-children")
    assert not [t for t in draw_briefing(confirmed, dpi=60).axes[0].texts if t.get_text() == "?"]
