"""Flows on the real map in headless Chromium: a flow with an end known only as a country is dashed
(seen in the pixels), says so in its popup and the legend; a claimed flow wears the "?" badge; a small
screen folds the legend."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from PIL import Image
from test_browser import Page, browser  # noqa: F401 (the module's browser fixture)
from test_render_samples import seed_incidents

from mapper import export
from mapper.render import ROUGH_FLOW
from mapper.render.leaflet import write_map

pytestmark = pytest.mark.browser
SEA = (0xD4, 0xE4, 0xEF)  # the map's background where no outline is drawn
BAD = '<img src=x onerror="window.__pwned=1">'


def _flow(incident_id: str) -> dict:
    fc = export.incidents_geojson(seed_incidents(hostile=False))
    return next(f for f in fc["features"] if f["properties"]["incident_id"] == incident_id)


def _runs_along_line(p: Page) -> int:
    """Stretches of line colour met walking the middle of the only flow line on the screenshot."""
    ends = p.page.evaluate("""() => { let out = null; window.mapper.map.eachLayer(l => {
        if (/(^| )mapper-flow( |$)/.test(l.options.className)) {
          const ll = l.getLatLngs()[0], m = window.mapper.map;
          out = [m.latLngToContainerPoint(ll[0]), m.latLngToContainerPoint(ll[1])].map(q => [q.x, q.y]); } });
        return out; }""")
    (x0, y0), (x1, y1) = ends
    img = Image.open(io.BytesIO(p.page.screenshot())).convert("RGB")
    on = []
    for i in range(400):  # the middle of the line: away from the head and the ends
        t = 0.25 + 0.5 * i / 399
        px = img.getpixel((round(x0 + t * (x1 - x0)), round(y0 + t * (y1 - y0))))
        on.append(sum(abs(a - b) for a, b in zip(px, SEA, strict=True)) > 60)
    assert sum(on) > 100, "the line is not where the map says"
    return sum(1 for i, v in enumerate(on) if v and (i == 0 or not on[i - 1]))


def test_a_flow_from_a_country_is_dashed_on_screen_and_says_why(browser, tmp_path):  # noqa: F811
    rough, exact = _flow("flow-uz-ru"), _flow("flow-children")
    rough["properties"].update(figures=None, origin_place=BAD)  # no label on the line; a hostile name
    exact = {**exact, "properties": dict(exact["properties"], figures=None)}
    runs = {}
    for name, feat in (("rough", rough), ("exact", exact)):
        p = Page(browser, write_map(tmp_path / f"{name}.html", {"type": "FeatureCollection", "features": [feat]}))
        runs[name] = _runs_along_line(p)
        legend = [p.page.locator(".mapper-legend-item").nth(i).get_attribute("title")
                  for i in range(p.count(".mapper-legend-item"))]
        assert (f"Migration flows: {ROUGH_FLOW}" in legend) == (name == "rough")
        if name == "rough":  # the head is solid, a layer of its own; the line's SVG path is dashed
            assert p.page.locator("path.mapper-flow").get_attribute("stroke-dasharray")
            assert p.page.locator("path.mapper-flow-head").get_attribute("stroke-dasharray") is None
            p.page.locator("path.mapper-flow").dispatch_event("click")
            text = p.page.locator(".leaflet-popup-content").inner_text()
            assert f"{BAD} (country, approximate) \u2192 Russia (country, approximate)" in text
            assert "dashed: an end is only a country, drawn at its capital" in text
            assert p.page.locator(".leaflet-popup-content img").count() == 0
        else:
            assert p.page.locator("path.mapper-flow").get_attribute("stroke-dasharray") is None
            assert p.count("path.mapper-flow-head") == 0
        assert p.errors == [] and p.requests == [] and p.page.evaluate("window.__pwned === undefined")
        p.page.close()
    assert runs["exact"] == 1 and runs["rough"] >= 4, runs


def test_a_claimed_flow_wears_the_badge_in_its_figure_or_on_its_line(browser, tmp_path):  # noqa: F811
    fc = export.incidents_geojson(seed_incidents(hostile=False))
    labelled = next(f for f in fc["features"] if f["properties"]["incident_id"] == "flow-kz-ua")  # claimed
    bare = _flow("flow-children")
    bare["properties"].update(status="denied", figures=None)  # two lines, no figure: one badge on its first
    p = Page(browser, write_map(tmp_path / "m.html", {"type": "FeatureCollection", "features": [
        labelled, *[f for f in fc["features"] if f["properties"]["incident_id"] == "flow-uz-ru"],
        bare, _flow("flow-children") | {"id": "x"}]}))
    label = p.page.locator(".mapper-flow-label", has_text="661 people")
    assert label.locator(".mapper-badge").count() == 1 and label.inner_text().startswith("?")
    assert p.count(".mapper-flow-badge .mapper-badge") == 1  # the denied one, once for its two lines
    assert p.count(".mapper-flow-label .mapper-badge") == 1  # the confirmed labour flow has none
    titles = [p.page.locator(".mapper-legend-item").nth(i).get_attribute("title")
              for i in range(p.count(".mapper-legend-item"))]
    assert "?: claimed or denied, not confirmed" in titles
    p.page.evaluate("window.mapper.filterTo(0)")  # before every incident: the badge goes with its line
    assert p.count(".mapper-flow-badge") == 0 and p.count("path.mapper-flow") == 1  # the undated one stays
    assert p.errors == [] and p.requests == []
    p.page.close()


def test_a_claimed_flows_badge_on_its_line_keeps_off_the_figures(browser, tmp_path):  # noqa: F811
    """On the sample's own map a denied flow's "?" sat on another flow's figure ("4,0?0,000"): it moves
    along its line off every figure shown."""
    subprocess.run([sys.executable, "-m", "mapper", "run", "--out", str(tmp_path)], check=True, capture_output=True)
    p = Page(browser, tmp_path / "map.html")
    boxes = p.page.evaluate("""() => {
        const r = e => { const b = e.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
        const shown = [...document.querySelectorAll('.mapper-flow-label')].filter(e => e.style.visibility !== 'hidden');
        return {badges: [...document.querySelectorAll('.mapper-flow-badge .mapper-badge')].map(r),
                labels: shown.map(r)}; }""")
    assert boxes["badges"] and boxes["labels"]
    for b in boxes["badges"]:
        for lab in boxes["labels"]:
            assert not (b[0] < lab[2] and lab[0] < b[2] and b[1] < lab[3] and lab[1] < b[3]), (b, lab)
    assert p.errors == [] and p.requests == []
    p.page.close()


def test_a_small_screen_folds_the_legend_and_keeps_the_scale_and_symbols_clear(browser, tmp_path):  # noqa: F811
    p = Page(browser, write_map(tmp_path / "m.html", export.incidents_geojson(seed_incidents(hostile=False))))
    p.page.set_viewport_size({"width": 800, "height": 600})
    p.page.reload()
    p.page.wait_for_function("window.mapper && window.mapper.ready", timeout=15_000)
    assert p.page.locator(".mapper-legend details").get_attribute("open") is None  # folded: one line
    assert p.page.locator(".mapper-legend").bounding_box()["height"] < 40
    scale, credit = (p.page.locator(s).bounding_box()
                     for s in (".leaflet-control-scale", ".leaflet-control-attribution"))
    assert scale["x"] + scale["width"] <= credit["x"]  # a long attribution wraps beside the scale
    boxes = [p.page.locator(s).bounding_box() for s in
             (".mapper-title", ".mapper-legend", ".leaflet-control-layers", ".mapper-slider", ".leaflet-control-scale")]
    marks = p.page.locator(".leaflet-marker-pane .mapper-icon")
    for i in range(marks.count()):
        m = marks.nth(i).bounding_box()
        cx, cy = m["x"] + m["width"] / 2, m["y"] + m["height"] / 2
        for b in boxes:
            assert not (b["x"] <= cx <= b["x"] + b["width"] and b["y"] <= cy <= b["y"] + b["height"]), (i, b)
    p.page.locator(".mapper-legend summary").click()  # opened on demand
    assert p.page.locator(".mapper-legend details").get_attribute("open") is not None
    assert p.page.locator(".mapper-legend-item").first.is_visible()
    assert p.errors == [] and p.requests == []
    p.page.close()
