"""The generated map in a real headless Chromium with the network off (Debian's /usr/bin/chromium).

Skipped when Chromium or Playwright is missing, unless MAPPER_REQUIRE_BROWSER=1 (CI), then they fail.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from test_render_crowded import crowded_fc
from test_render_samples import HOSTILE, country_outlines, seed_incidents, seed_resolutions

from mapper import export
from mapper.render.leaflet import write_map

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("MAPPER_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).parent.parent / "test-artifacts"


def _need(reason: str) -> None:
    if os.environ.get("MAPPER_REQUIRE_BROWSER") == "1":
        pytest.fail(f"MAPPER_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need("the playwright package is not installed")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        _need(f"{CHROMIUM} is not installed (apt-get install -y chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def seed_map(tmp_path_factory):
    out = tmp_path_factory.mktemp("map")
    return write_map(out / "map.html", export.incidents_geojson(seed_incidents()),
                     places=export.places_geojson(seed_resolutions()), outlines=country_outlines(),
                     title="Seed incidents")


class Page:
    """A page opened offline: every non-file request is aborted and recorded, console errors kept."""

    def __init__(self, browser, path: Path):
        self.page = browser.new_page(viewport={"width": 1280, "height": 720})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.route("**/*", self._route)
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("window.mapper && window.mapper.ready", timeout=15_000)

    def _route(self, route) -> None:
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.requests.append(route.request.url)
            route.abort()

    def count(self, selector: str) -> int:
        return self.page.locator(selector).count()


@pytest.fixture()
def page(browser, seed_map):
    p = Page(browser, seed_map)
    yield p
    p.page.close()


def _point_features(kind: str, coarse: bool) -> int:
    feats = export.incidents_geojson(seed_incidents())["features"]
    return sum(1 for f in feats if f["properties"]["type"] == kind and f["geometry"]["type"] == "Point"
               and (f["properties"]["precision"] in ("region", "country", "area")) == coarse)


def test_map_draws_every_feature_offline(page):
    assert page.page.evaluate("typeof window.L === 'object' && typeof L.markerClusterGroup === 'function'")
    markers = _point_features("drone", False) + _point_features("operation", False)
    assert page.count(".leaflet-marker-pane .mapper-icon") == markers == 10
    assert page.count("path.mapper-area") == _point_features("drone", True) == 1
    assert page.count("path.mapper-flow") == len(export.flows_geojson(seed_incidents())["features"]) == 4
    assert page.count("path.mapper-link") == 5  # staging -> each of five targets
    assert page.count("path.mapper-place") == 0  # the places layer is off by default
    assert page.count(".mapper-flow-label") == 3 and "about 1,790,000 people" in page.page.inner_text("body")
    assert page.count(".mapper-legend") == 1 and "Seed incidents" in page.page.inner_text(".mapper-title")
    assert "GeoNames" in page.page.inner_text(".leaflet-control-attribution")
    # two flows join countries' centres: dashed, each with its solid head of its own
    assert page.count("path.mapper-flow-approx") == page.count("path.mapper-flow-head") == 2
    assert page.count("path.leaflet-interactive") == 1 + 4 + 2 + 5  # nothing else drawn
    ARTIFACTS.mkdir(exist_ok=True)
    page.page.screenshot(path=str(ARTIFACTS / "seed_map.png"))
    assert page.errors == [] and page.requests == []


def test_toggling_layers_hides_and_shows(page):
    control = page.page.locator(".leaflet-control-layers-overlays")
    control.get_by_text("Migration flows").click()
    page.page.wait_for_selector(".mapper-flow-label", state="detached", timeout=2000)  # labels fade out
    assert page.count("path.mapper-flow") == 0
    control.get_by_text("Migration flows").click()
    assert page.count("path.mapper-flow") == 4
    control.get_by_text("Places mentioned").click()
    assert page.count("path.mapper-place") == 2  # literal mentions only
    control.get_by_text("Drone incidents").click()
    assert page.count(".mapper-icon") == 6 and page.count("path.mapper-area") == 0
    assert page.errors == []


def test_popup_shows_article_script_as_text(page):
    page.page.locator(".mapper-debris").first.click()  # Bolashak, the newest debris find, is drawn first
    popup = page.page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert HOSTILE.split(" found")[0].replace("Debris ", "") in text  # the <script> tag shows literally
    assert "2025-06-19 (day)" in text and "Bolashak (point)" in text and "Confidence" in text
    assert popup.locator("script").count() == 0
    assert page.page.evaluate("window.__pwned === undefined")
    link = popup.locator("a")
    assert link.get_attribute("href") == "https://timesca.com/tag/ukraine/"
    assert page.errors == []


def test_time_slider_filters_by_date(page):
    slider = page.page.locator(".mapper-slider input")
    before = page.count(".mapper-icon")
    # 2025-03-01: only the February find (Ualy) is reported by then; undated incidents always show
    slider.evaluate("(el) => { el.value = String(Date.UTC(2025, 2, 1) / 864e5); "
                    "el.dispatchEvent(new Event('input')); }")
    assert before == 10 and page.count(".mapper-icon") == 1
    assert page.count("path.mapper-area") == 1 and page.count("path.mapper-flow") == 2  # Sept 2024, undated
    assert "2025-03-01" in page.page.inner_text(".mapper-slider")
    slider.evaluate("(el) => { el.value = el.max; el.dispatchEvent(new Event('input')); }")
    assert page.count(".mapper-icon") == before


def test_many_markers_are_clustered(browser, tmp_path):
    import random

    rng = random.Random(3)
    base = export.incidents_geojson(seed_incidents(hostile=False))["features"][1]
    feats = []
    for i in range(600):
        point = {"type": "Point", "coordinates": [rng.uniform(45, 60), rng.uniform(40, 52)]}
        feats.append({"type": "Feature", "geometry": point,
                      "properties": dict(base["properties"], incident_id=f"d{i}")})
    path = write_map(tmp_path / "many.html", {"type": "FeatureCollection", "features": feats})
    p = Page(browser, path)
    assert p.count(".marker-cluster") > 0
    assert p.count(".mapper-icon") < 600
    assert p.page.evaluate("window.mapper.counts.drone.markers") == 600
    assert p.errors == [] and p.requests == []
    p.page.close()


def test_large_map_path_compressed_and_grid_clustered(browser, tmp_path):
    """The 100,000-incident path at small scale: gzip-embedded data, the page's own grid clustering."""
    import random

    rng = random.Random(5)
    base = export.incidents_geojson(seed_incidents(hostile=False))["features"]
    feats = []
    for i in range(400):
        f = base[i % len(base)]
        point = {"type": "Point", "coordinates": [rng.uniform(45, 60), rng.uniform(40, 52)]}
        geom = point if f["geometry"]["type"] == "Point" else f["geometry"]
        feats.append({"type": "Feature", "geometry": geom,
                      "properties": dict(f["properties"], incident_id=f"{f['properties']['incident_id']}-{i}",
                                         precision="district" if i % 7 == 0 else f["properties"]["precision"])})
    path = write_map(tmp_path / "large.html", {"type": "FeatureCollection", "features": feats},
                     cluster_max=100, compress_above=1_000)
    assert '{"gz":"' in path.read_text(encoding="utf-8")
    p = Page(browser, path)
    assert p.count(".mapper-grid") > 0 and p.count(".leaflet-marker-pane .marker-cluster") == p.count(".mapper-grid")
    counts = p.page.evaluate("window.mapper.counts")
    assert sum(c["markers"] + c["areas"] for c in counts.values()) == sum(
        1 for f in feats if f["geometry"]["type"] == "Point")
    zoom = p.page.evaluate("window.mapper.map.getZoom()")
    p.page.locator(".mapper-grid").first.dispatch_event("click")  # zooms into that cell
    p.page.wait_for_function(f"window.mapper.map.getZoom() > {zoom}", timeout=5_000)
    p.page.wait_for_timeout(400)  # zoom animation
    control = p.page.locator(".leaflet-control-layers-overlays")
    control.get_by_text("Drone incidents").click()
    control.get_by_text("Military operations").click()
    assert p.count(".leaflet-marker-pane .mapper-icon, .leaflet-marker-pane .mapper-grid") == 0
    assert p.errors == [] and p.requests == []
    p.page.close()


def _hostile_sources_fc() -> dict:
    """The seed incidents with sources as feeds deliver them: a script: URL, a repeated article."""
    fc = export.incidents_geojson(seed_incidents(hostile=False))
    for f in fc["features"]:
        p = f["properties"]
        if p["incident_id"] == "drone-ualy":
            p.update(source_articles="feed-1\nfeed-1\nfeed-2", source_dates="2025-02-19\n2025-02-19\n",
                     source_titles="Drone <b>found</b>\nDrone <b>found</b>\nSecond <i>report</i>",
                     source_urls="javascript:alert(1)\njavascript:alert(1)\ndata:text/html,<script>x</script>",
                     source_quotes="Fragments were found.\nThe army collected them.\nFragments were found.")
    return fc


def test_popup_lists_each_article_once_with_its_date_and_never_links_a_script_url(browser, tmp_path):
    p = Page(browser, write_map(tmp_path / "m.html", _hostile_sources_fc()))
    p.page.locator(".mapper-debris[title='Ualy']").first.click()
    popup = p.page.locator(".leaflet-popup-content")
    popup.wait_for()
    items = popup.locator(".mapper-sources > li")
    assert items.count() == 2  # feed-1's two sentences under one entry
    assert items.nth(0).locator(".mapper-quote").count() == 2 and "(2025-02-19)" in items.nth(0).inner_text()
    assert "Drone <b>found</b>" in items.nth(0).inner_text() and "Second <i>report</i>" in items.nth(1).inner_text()
    assert popup.locator("a, b, i, script").count() == 0  # no link from javascript: or data: URLs, no markup
    p.page.close()
    p = Page(browser, write_map(tmp_path / "seed.html", export.incidents_geojson(seed_incidents())))
    p.page.locator(".mapper-staging").first.click()
    text = p.page.locator(".leaflet-popup-content").inner_text()
    assert "Actors\tSecurity Service of Ukraine" in text and "41 aircraft" in text
    assert text.index("Russian region cited as staging point") < text.index("Drones launched from trucks near")
    assert p.errors == [] and p.requests == []
    p.page.close()


def test_a_long_popup_scrolls_inside_the_map(browser, tmp_path):
    fc = export.incidents_geojson(seed_incidents(hostile=False))
    for f in fc["features"]:
        if f["properties"]["incident_id"] == "drone-ualy":
            n = 30
            f["properties"].update(source_articles="\n".join(f"a{i}" for i in range(n)),
                                   source_titles="\n".join(f"Report {i}" for i in range(n)),
                                   source_quotes="\n".join(f"Fragments were found, says report {i}." for i in range(n)))
    p = Page(browser, write_map(tmp_path / "m.html", fc))
    p.page.locator(".mapper-debris[title='Ualy']").first.click()
    p.page.locator(".leaflet-popup-content").wait_for()
    p.page.wait_for_timeout(400)  # the map pans the popup into view
    box = p.page.locator(".leaflet-popup-content-wrapper").bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 720
    assert p.page.locator(".leaflet-popup-scrolled").count() == 1
    p.page.close()


def test_nothing_is_hidden_under_the_title_legend_or_controls(browser, tmp_path):
    """The first view leaves room for the boxes drawn over the map; a type drawn only as areas is
    still in the legend, in its own colour."""
    incidents = [i for i in seed_incidents(hostile=False) if i.incident_id != "drone-bolashak"]
    fc = export.incidents_geojson(incidents)
    fc["features"] = [f for f in fc["features"] if f["properties"]["type"] != "drone"
                      or f["properties"]["precision"] == "region"]
    p = Page(browser, write_map(tmp_path / "m.html", fc, outlines=country_outlines(), title="Areas"))
    items = p.page.locator(".mapper-legend-item")  # one row a layer: its name, then its symbols
    legend = [items.nth(i).get_attribute("title") for i in range(items.count())]
    assert "Drone incidents: approximate location only" in legend
    assert "Military operations: staging point to its targets" in legend  # the dashed links explained
    boxes = [p.page.locator(s).bounding_box() for s in
             (".mapper-title", ".mapper-legend", ".leaflet-control-layers", ".mapper-slider")]
    marks = p.page.locator(".leaflet-marker-pane .mapper-icon, path.mapper-area")
    assert marks.count() >= 6
    for i in range(marks.count()):
        m = marks.nth(i).bounding_box()
        cx, cy = m["x"] + m["width"] / 2, m["y"] + m["height"] / 2
        assert 0 < cx < 1280 and 0 < cy < 720
        for b in boxes:
            assert not (b["x"] <= cx <= b["x"] + b["width"] and b["y"] <= cy <= b["y"] + b["height"]), (i, b)
    ARTIFACTS.mkdir(exist_ok=True)
    p.page.screenshot(path=str(ARTIFACTS / "areas_map.png"))
    assert p.errors == [] and p.requests == []
    p.page.close()


def test_a_flow_label_never_hides_a_marker_under_it(browser, tmp_path):
    fc = export.incidents_geojson(seed_incidents(hostile=False))
    flow = next(f for f in fc["features"] if f["properties"]["incident_id"] == "flow-kz-ua")
    (x0, y0), (x1, y1) = flow["geometry"]["coordinates"]
    under = next(f for f in fc["features"] if f["properties"]["incident_id"] == "drone-ualy")
    under["geometry"]["coordinates"] = [(x0 + x1) / 2, (y0 + y1) / 2]  # where the flow's figure is written
    p = Page(browser, write_map(tmp_path / "m.html", fc))
    box = p.page.locator(".mapper-debris[title='Ualy']").bounding_box()
    label = p.page.locator(".mapper-flow-label", has_text="661 people").bounding_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    assert label["x"] <= cx <= label["x"] + label["width"] and label["y"] <= cy <= label["y"] + label["height"]
    z = p.page.evaluate("""() => [document.querySelector('.mapper-flow-label').closest('.leaflet-pane'),
        document.querySelector('.leaflet-marker-pane')].map(e => Number(getComputedStyle(e).zIndex))""")
    assert z[0] < z[1]  # drawn under the markers, over the lines
    p.page.mouse.click(cx, cy)
    assert "Ualy" in p.page.locator(".leaflet-popup-content").inner_text()
    p.page.close()


def test_a_map_with_no_incident_says_so_and_shows_the_places_from_a_height(browser, tmp_path):
    empty = {"type": "FeatureCollection", "features": []}
    p = Page(browser, write_map(tmp_path / "m.html", empty, places=export.places_geojson(seed_resolutions()),
                                outlines=country_outlines()))
    assert p.page.inner_text(".mapper-title").endswith("no incidents found")
    assert p.count(".mapper-legend") == 0 and p.count(".mapper-slider") == 0
    assert p.page.evaluate("window.mapper.map.getZoom()") <= 5
    assert p.errors == [] and p.requests == []
    p.page.close()


def test_a_flow_popup_names_the_origin_of_that_line(page):
    popups = page.page.evaluate("""() => { const out = [];
        window.mapper.map.eachLayer(l => {
          if (l.getPopup && l.getPopup() && /(^| )mapper-flow( |$)/.test(l.options.className)) {
          const c = l.getPopup()._content; out.push(typeof c === 'function' ? c(l) : c); } });
        return out; }""")
    places = sorted(h.split("<th>Place</th><td>")[1].split("</td>")[0] for h in popups if "relocation" in h)
    assert places == ["Kharkiv (point) \u2192 Tashkent (point)", "Kherson (point) \u2192 Tashkent (point)"]


def test_a_places_popup_escapes_every_value(browser, tmp_path):
    bad = '<img src=x onerror="window.__pwned=1">'
    places = {"type": "FeatureCollection", "features": [{"type": "Feature", "id": "p1",
              "geometry": {"type": "Point", "coordinates": [51.17, 43.66]},
              "properties": {"text": bad, "place": bad, "kind": bad, "precision": "point", "article_id": bad,
                             "start": bad, "end": bad, "literal": True, "score": 0.5}}]}
    p = Page(browser, write_map(tmp_path / "m.html", export.incidents_geojson(seed_incidents(hostile=False)),
                                places=places))
    p.page.locator(".leaflet-control-layers-overlays").get_by_text("Places mentioned").click()
    p.page.locator("path.mapper-place").first.dispatch_event("click")
    popup = p.page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert popup.locator("img").count() == 0 and bad in popup.inner_text()
    assert p.page.evaluate("window.__pwned === undefined") and p.errors == []
    p.page.close()


def test_flow_figures_never_cover_one_another(browser, tmp_path):
    fc = export.incidents_geojson(seed_incidents(hostile=False))
    flow = next(f for f in fc["features"] if f["properties"]["incident_id"] == "flow-uz-ru")
    twin = {**flow, "id": "twin", "properties": dict(flow["properties"], incident_id="twin", figure_value=500,
                                                     figures="about 500 people")}
    fc["features"].append(twin)  # the same two ends: its label would sit on the first one's
    p = Page(browser, write_map(tmp_path / "m.html", fc))
    boxes = p.page.evaluate("""() => [...document.querySelectorAll('.mapper-flow-label')]
        .filter(e => getComputedStyle(e).visibility !== 'hidden').map(e => {
          const r = e.getBoundingClientRect(); return [e.textContent, r.left, r.top, r.right, r.bottom]; })""")
    texts = [b[0] for b in boxes]
    assert "about 1,790,000 people" in texts and "about 500 people" not in texts  # the larger flow's stays
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]), (a, b)
    p.page.evaluate("window.mapper.map.setView(window.mapper.map.getCenter(), 7, {animate: false})")
    assert p.count(".mapper-flow-label") == 4  # hidden, not removed: it comes back with room
    assert p.errors == []
    p.page.close()


def test_subtypes_colours_same_spot_markers_and_flow_ends(browser, tmp_path):
    """Migration subtypes are told apart by colour; incidents on one spot are fanned out, each clickable;
    a flow's popup gives each end its own precision; an unnamed incident's title says what and where."""
    fc = export.incidents_geojson(seed_incidents(hostile=False))
    ualy = next(f for f in fc["features"] if f["properties"]["incident_id"] == "drone-ualy")
    again = {**ualy, "id": "again", "properties": dict(ualy["properties"], incident_id="again", date="2025-04",
                                                       date_start="2025-04-01", date_end="2025-04-30",
                                                       status="claimed")}
    flow = next(f for f in fc["features"] if f["properties"]["incident_id"] == "flow-uz-ru")
    flow["properties"]["precision"] = "point"  # a country to an exact place
    saratov = next(f for f in fc["features"] if f["properties"]["incident_id"] == "drone-saratov")
    twin = {**saratov, "id": "twin", "properties": dict(saratov["properties"], incident_id="twin", subtype="sighting")}
    fc["features"] += [again, twin]
    bad = '<img src=x onerror="window.__pwned=1">'
    next(f for f in fc["features"] if f["properties"]["incident_id"] == "drone-bolashak")["properties"]["place"] = bad
    p = Page(browser, write_map(tmp_path / "m.html", fc))
    names = p.page.locator(".mapper-place-label")
    assert bad in [names.nth(i).inner_text() for i in range(names.count())]  # a place name is text
    assert p.page.locator(".mapper-place-label img").count() == 0 and p.page.evaluate("window.__pwned === undefined")
    strokes = p.page.evaluate("""() => { const out = {};
        window.mapper.map.eachLayer(l => { if (/(^| )mapper-flow( |$)/.test(l.options.className)) {
          const c = l.getPopup()._content(l); out[c.split('migration / ')[1].split('<')[0]] = l.options.color; } });
        return out; }""")
    assert len(set(strokes.values())) == len(strokes) == 3, strokes  # labour migration, relocation, recruitment
    items = p.page.locator(".mapper-legend-item")
    titles = [items.nth(i).get_attribute("title") for i in range(items.count())]
    assert {"Migration flows: labour migration", "Migration flows: relocation",
            "Migration flows: recruitment"} <= set(titles)
    same = p.page.locator(".mapper-debris[title='Ualy']")
    assert same.count() == 2
    assert p.count(".mapper-unconfirmed .mapper-badge") == 1  # the claimed one wears a "?"
    assert "?: claimed or denied, not confirmed" in titles
    boxes = [same.nth(i).bounding_box() for i in range(2)]
    assert abs(boxes[0]["x"] - boxes[1]["x"]) + abs(boxes[0]["y"] - boxes[1]["y"]) >= 16  # side by side
    dates = set()
    for i in range(2):
        same.nth(i).click()
        popup = p.page.locator(".leaflet-popup-content")
        popup.wait_for()
        text = popup.inner_text()
        assert text.startswith("Drone debris at Ualy")
        dates.add(text.split("Date\t")[1].split(" ")[0])
        p.page.evaluate("window.mapper.map.closePopup()")
        popup.wait_for(state="detached")
    assert dates == {"2025-02-18", "2025-04"}
    popups = p.page.evaluate("""() => { const out = [];
        window.mapper.map.eachLayer(l => {
          if (/(^| )mapper-flow( |$)/.test(l.options.className)) out.push(l.getPopup()._content(l)); });
        return out; }""")
    uz = next(h for h in popups if "labour migration" in h)
    assert "Uzbekistan (country, approximate) \u2192 Russia (point)" in uz
    assert "<h4>Labour migration to Russia</h4>" in uz
    p.page.locator("path.mapper-area").last.dispatch_event("click")  # two areas of one region, one on the other
    text = p.page.locator(".leaflet-popup-content").inner_text()
    assert text.startswith("2 incidents in this area") and "Drone strike at" in text and "Drone sighting at" in text
    assert p.errors == [] and p.requests == []
    p.page.close()


def test_place_names_are_written_once_a_spot_and_never_cover_a_symbol(page):
    shown = page.page.evaluate("""() => [...document.querySelectorAll('.mapper-place-label')]
        .filter(e => getComputedStyle(e).visibility !== 'hidden').map(e => {
          const r = e.getBoundingClientRect(); return [e.textContent, r.left, r.top, r.right, r.bottom]; })""")
    icons = page.page.evaluate("""() => [...document.querySelectorAll('.leaflet-marker-pane .leaflet-marker-icon')]
        .map(e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })""")
    names = [s[0] for s in shown]
    assert "Chelyabinsk" in names and len(names) == len(set(names))  # the offline base map names no town
    for i, a in enumerate(shown):
        for b in shown[i + 1:] + [[None, *r] for r in icons]:
            assert not (a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]), (a, b)
    page.page.evaluate("window.mapper.map.setView([48.5, 51], 7, {animate: false})")
    shown = page.page.evaluate("""() => [...document.querySelectorAll('.mapper-place-label')]
        .filter(e => getComputedStyle(e).visibility !== 'hidden').map(e => e.textContent)""")
    assert {"Ualy", "Zhanibek"} <= set(shown)  # closer in: room for the names hidden before


def test_a_crowded_map_clusters_every_layer_and_writes_only_readable_figures(browser, tmp_path):
    """Hundreds of incidents: a small layer is clustered too (in its own colour), only the largest flow
    figures are written and none shown is cut by the edge or half under a symbol or cluster; a phone
    starts with the layer control folded."""
    path = write_map(tmp_path / "crowded.html", crowded_fc(), label_top=12)
    p = Page(browser, path)
    p.page.wait_for_timeout(300)
    colors = p.page.evaluate("""() => [...document.querySelectorAll('.mapper-cluster div')]
        .map(e => getComputedStyle(e).backgroundColor)""")
    assert "rgb(106, 27, 154)" in colors and "rgb(198, 40, 40)" in colors  # operations' purple, drones' red
    assert p.count(".leaflet-marker-pane .mapper-icon") < 230
    labels = p.page.locator(".mapper-flow-label")
    texts = [labels.nth(i).text_content() for i in range(labels.count())]
    assert sorted(texts) == sorted(f"{1000 + i:,} people" for i in range(48, 60))  # the largest twelve
    shown = p.page.evaluate("""() => [...document.querySelectorAll('.mapper-flow-label')]
        .filter(e => getComputedStyle(e).visibility !== 'hidden').map(e => {
          const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })""")
    icons = p.page.evaluate("""() => [...document.querySelectorAll('.leaflet-marker-pane .leaflet-marker-icon')]
        .map(e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })""")
    for a in shown:
        assert a[0] >= 0 and a[2] <= 1280 and a[1] >= 0 and a[3] <= 720
        for b in icons:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
    legend = p.page.locator(".mapper-legend").bounding_box()  # a tall legend: the data is fitted beside it
    for b in icons:
        cx, cy = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
        assert not (legend["x"] <= cx <= legend["x"] + legend["width"] and legend["y"] <= cy), (b, legend)
    assert p.page.evaluate("window.mapper.map.getPanes().overlayPane.querySelector('canvas, svg') !== null")
    p.page.evaluate("window.mapper.map.setView([46, 52], 7, {animate: false})")  # clusters open: names shown
    p.page.wait_for_timeout(600)
    names = p.page.evaluate("""() => [...document.querySelectorAll('.mapper-place-label')]
        .filter(e => getComputedStyle(e).visibility !== 'hidden').map(e => {
          const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })""")
    controls = p.page.evaluate("""() => [...document.querySelectorAll('.leaflet-control')].map(e => {
          const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })""")
    assert len(names) >= 3
    for a in names:  # never under the title, legend, layer control or slider
        assert not any(a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3] for b in controls), a
    assert p.errors == [] and p.requests == []
    ARTIFACTS.mkdir(exist_ok=True)
    p.page.screenshot(path=str(ARTIFACTS / "crowded_map.png"))
    p.page.close()
    phone = browser.new_page(viewport={"width": 390, "height": 844})
    phone.goto(path.resolve().as_uri())
    phone.wait_for_function("window.mapper && window.mapper.ready", timeout=15_000)
    box = phone.locator(".leaflet-control-layers").bounding_box()
    assert phone.locator(".leaflet-control-layers-expanded").count() == 0 and box["width"] < 60
    phone.close()
