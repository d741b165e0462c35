"""Tests for the briefing image and slides (mapper.render.static, mapper.render.slides) and mapper.outputs."""

from __future__ import annotations

import datetime as dt
import json

import pyogrio
import pytest
from PIL import Image
from pptx import Presentation
from test_render_samples import country_outlines, seed_incidents, seed_resolutions

from mapper import export, outputs
from mapper.errors import OutputError
from mapper.model import Article
from mapper.render import ROUGH_FLOW
from mapper.render.slides import ROWS_PER_SLIDE, incident_rows, render_pptx
from mapper.render.static import render_png


@pytest.fixture(scope="module")
def fc():
    return export.incidents_geojson(seed_incidents())


@pytest.fixture(scope="module")
def png(tmp_path_factory, fc):
    path = tmp_path_factory.mktemp("png") / "briefing.png"
    return render_png(path, fc, outlines=country_outlines(), title="Seed incidents", credit="6 articles")


def _tables(prs) -> list:
    return [shape.table for slide in prs.slides for shape in slide.shapes if shape.has_table]


def test_png_is_16_9_and_drawn(png):
    with Image.open(png) as img:
        assert img.size == (1920, 1080)
        rgb = img.convert("RGB")
        colors = rgb.getcolors(maxcolors=1 << 20)
        assert len(colors) > 200  # outlines, sea, symbols, text: far from blank
        # the drone colour (#c62828) and the flow colour (#1565c0) are both painted somewhere
        pixels = {c for _, c in colors}
        assert (0xC6, 0x28, 0x28) in pixels and any(abs(r - 0x15) + abs(g - 0x65) + abs(b - 0xC0) < 30
                                                      for r, g, b in pixels)


def test_png_without_outlines_or_incidents(tmp_path):
    path = render_png(tmp_path / "e.png", {"type": "FeatureCollection", "features": []})
    with Image.open(path) as img:
        assert img.size == (1920, 1080)


def test_png_draws_dollar_signs_as_text(tmp_path, fc):
    odd = {"type": "FeatureCollection", "features": [
        dict(f, properties=dict(f["properties"], place="$x^{2$ town", figures="$5 million", subtype="de$b"))
        for f in fc["features"]]}
    path = render_png(tmp_path / "d.png", odd, title="Cost $1 and $2", credit="$")  # no mathtext error
    assert path.stat().st_size > 10_000


def test_rows_per_incident(fc):
    rows = incident_rows(fc)
    assert {k: len(v) for k, v in rows.items()} == {"drone": 5, "migration": 3, "operation": 1}
    op = rows["operation"][0]
    assert op[0] == "2025-06-01" and op[1].startswith("Chelyabinsk \u2192 Olenya air base, Belaya air base")
    assert op[2] == "Operation Spider Web / named operation" and "(+1 more)" in op[4]
    saratov = next(r for r in rows["drone"] if r[1].startswith("Saratov"))
    assert saratov[0] == "undated" and saratov[1].endswith("(approx.)")
    kids = next(r for r in rows["migration"] if r[2] == "relocation")
    assert kids[1].startswith("Kharkiv; Kherson \u2192 Tashkent") and kids[3] == "50 people"


def test_row_of_a_flow_with_one_end():
    fc = {"type": "FeatureCollection", "features": [{"type": "Feature",
          "geometry": {"type": "Point", "coordinates": [34.24, 31.3]},
          "properties": {"incident_id": "m1", "type": "migration", "subtype": "evacuation", "role": "origin",
                         "place": "Rafah", "precision": "point", "date": None, "figures": "100 people"}}]}
    assert incident_rows(fc) == {"migration": [("undated", "Rafah \u2192 ?", "evacuation", "100 people", "")]}


def test_pptx_has_a_table_row_per_incident(tmp_path, fc, png):
    path = render_pptx(tmp_path / "b.pptx", fc, image=png, title="Seed incidents", subtitle="9 incidents")
    prs = Presentation(str(path))
    assert len(prs.slides) == 1 + 1 + 3  # title, map, one table per type
    assert prs.slide_width * 9 == prs.slide_height * 16
    tables = _tables(prs)
    assert [len(t.rows) - 1 for t in tables] == [5, 3, 1]  # drone, migration, operation
    assert [c.text for c in tables[0].rows[0].cells] == ["Date", "Place", "What", "Figures", "Source"]
    pictures = [s for s in prs.slides[1].shapes if s.shape_type == 13]
    assert len(pictures) == 1
    assert "Seed incidents" in prs.slides[0].shapes.title.text


def test_pptx_splits_long_tables(tmp_path, fc):
    many = {"type": "FeatureCollection", "features": [
        dict(f, properties=dict(f["properties"], incident_id=f"{f['properties']['incident_id']}-{i}"))
        for i in range(3) for f in fc["features"] if f["properties"]["type"] == "drone"]}
    prs = Presentation(str(render_pptx(tmp_path / "m.pptx", many, image=None)))
    rows = [len(t.rows) - 1 for t in _tables(prs)]
    assert rows == [ROWS_PER_SLIDE, 15 - ROWS_PER_SLIDE] and len(prs.slides) == 3


def test_write_outputs_writes_everything(tmp_path):
    articles = [Article(f"seed-{i}", "text", source="The Times of Central Asia", published=dt.date(2025, 6, i))
                for i in range(1, 7)]
    paths = outputs.write_outputs(seed_incidents(), seed_resolutions(), tmp_path / "out",
                                  outlines=country_outlines(), title="Seed incidents", articles=articles)
    assert set(paths) == set(outputs.FILES)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(outputs.FILES.values())
    fc = json.loads(paths["incidents"].read_text(encoding="utf-8"))
    assert len({f["properties"]["incident_id"] for f in fc["features"]}) == 9
    assert len(pyogrio.read_dataframe(paths["flows"])) == 4
    assert len(pyogrio.read_dataframe(paths["gpkg"], layer="places")) == 3
    layers = dict(pyogrio.list_layers(paths["gpkg"]))  # each of one geometry type but the whole "incidents"
    assert layers == {"incidents": "Unknown", "incident_points": "Point", "flows": "LineString", "places": "Point"}
    assert len(pyogrio.read_dataframe(paths["gpkg"], layer="incident_points")) == len(fc["features"]) - 4
    assert paths["map"].stat().st_size < 1_000_000
    prs = Presentation(str(paths["pptx"]))
    assert "6 articles from The Times of Central Asia (2025-06-01 to 2025-06-06)" in \
        prs.slides[0].placeholders[1].text


def test_write_outputs_refuses_a_file(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="not a folder"):
        outputs.write_outputs([], [], blocker)


def test_write_outputs_with_nothing_found(tmp_path):
    paths = outputs.write_outputs([], [], tmp_path / "empty")
    assert json.loads(paths["incidents"].read_text())["features"] == []
    prs = Presentation(str(paths["pptx"]))
    assert len(prs.slides) == 2 and prs.slides[0].placeholders[1].text.startswith("no incidents found")


def test_a_failed_run_leaves_every_earlier_output_as_it_was(tmp_path, monkeypatch):
    out = tmp_path / "out"
    outputs.write_outputs(seed_incidents(), seed_resolutions(), out, outlines=country_outlines())
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def disk_full(self, file):  # python-pptx's own save, the last file written: a full disk
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("pptx.presentation.Presentation.save", disk_full)
    with pytest.raises(OutputError, match="No space left"):
        outputs.write_outputs(seed_incidents()[:2], [], out, title="Second run")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no new map beside an old briefing
    monkeypatch.undo()
    (out / "briefing.png").unlink()
    (out / "briefing.png").mkdir()
    with pytest.raises(OutputError, match="folder of that name is in the way"):
        outputs.write_outputs(seed_incidents()[:2], [], out)
    assert (out / "incidents.geojson").read_bytes() == before["incidents.geojson"]
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_briefing_labels_never_cover_one_another():
    """Flows between the same countries and places a few km apart: each label kept is clear of the others."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from mapper.render.static import _place_labels

    fig = Figure(figsize=(16, 9), dpi=60)
    ax = fig.add_axes((0.02, 0.1, 0.96, 0.78))
    ax.set_xlim(40, 80)
    ax.set_ylim(35, 60)
    flows = [ax.text(60, 50, f"about {n:,} people", ha="center", va="center") for n in (4_000_000, 80_000, 50)]
    places = {("Murmansk", 60.0, 50.0): False, ("Murmansk region", 60.1, 50.1): True,
              ("Chelyabinsk", 61.0, 50.0): False, ("Chelyabinsk region", 61.0, 50.2): True, ("Far away", 45, 40): False}
    _place_labels(fig, ax, [(f, None) for f in flows], places)
    renderer = FigureCanvasAgg(fig).get_renderer()
    texts = ax.texts
    boxes = [t.get_window_extent(renderer) for t in texts]
    assert 4 <= len(texts) < 3 + len(places)  # some labels had to go; the lone one and a flow figure stay
    assert "Far away" in [t.get_text() for t in texts] and "about 4,000,000 people" in [t.get_text() for t in texts]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b)


def test_a_claimed_flows_badge_sits_beside_the_figures_not_on_them():
    """The "?" of a claimed flow is moved along its line off another flow's figure label (it sat on one)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from mapper.render.static import _LINE_BADGE_AT, _place_labels

    fig = Figure(figsize=(16, 9), dpi=60)
    ax = fig.add_axes((0.02, 0.1, 0.96, 0.78))
    ax.set_xlim(40, 80)
    ax.set_ylim(35, 60)
    first = 50 + _LINE_BADGE_AT[0] * 20  # where the badge goes on a free line from x=50 to x=70
    label = ax.text(first, 50, "about 1,790,000 people", ha="center", va="center")
    badges: list = []
    _place_labels(fig, ax, [(label, None)], {}, badges, [(50.0, 50.0, 70.0, 50.0)])
    renderer = FigureCanvasAgg(fig).get_renderer()
    [badge] = badges
    assert badge.get_text() == "?" and badge.xy[1] == 50.0 and badge.xy[0] != first
    assert not badge.get_window_extent(renderer).overlaps(label.get_window_extent(renderer))
    assert label in ax.texts  # the figures stay


def test_a_source_quoted_twice_counts_once_on_the_slide_and_in_the_credit():
    import dataclasses

    from mapper.model import Source

    inc = seed_incidents(hostile=False)[1]
    quoted_twice = (Source("feed-1", "Fragments were found.", 0, 22, title="Drone found"),
                    Source("feed-1", "The army collected them.", 23, 48, title="Drone found"))
    rows = incident_rows(export.incidents_geojson([dataclasses.replace(inc, sources=quoted_twice)]))
    assert rows["drone"][0][4] == "Drone found"
    rows = incident_rows(export.incidents_geojson([dataclasses.replace(
        inc, sources=(*quoted_twice, Source("feed-2", "Another.", 0, 8, title="Drone found")))]))
    assert rows["drone"][0][4] == "Drone found (+1 more)"  # two articles with one headline
    mixed = [Article("a", "t", source="Test feed"), Article("b", "t"), Article("c", "t")]
    assert outputs.source_credit(mixed) == "3 articles from Test feed and unnamed outlets"


def test_a_type_drawn_only_as_areas_is_in_the_png_legend(tmp_path, monkeypatch):
    from matplotlib.axes import Axes

    seen = []
    original = Axes.legend
    monkeypatch.setattr(Axes, "legend", lambda self, handles, labels, **kw: (
        seen.extend(labels), original(self, handles, labels, **kw))[1])
    fc = export.incidents_geojson([i for i in seed_incidents(hostile=False) if i.incident_id == "drone-saratov"])
    render_png(tmp_path / "b.png", fc)
    assert seen == ["Drone incidents: approximate (region or coarser)"]


def test_png_legend_tells_subtypes_apart_and_links_staging_drawn_last(tmp_path, monkeypatch):
    from matplotlib.axes import Axes

    seen = []
    original = Axes.legend
    monkeypatch.setattr(Axes, "legend", lambda self, handles, labels, **kw: (
        seen.extend(zip(labels, [h.get_color() if h.get_linestyle() != "None" else h.get_markerfacecolor()
                                 for h in handles], strict=True)), original(self, handles, labels, **kw))[1])
    fc = export.incidents_geojson(seed_incidents(hostile=False))
    fc["features"].reverse()  # the staging point after its targets
    render_png(tmp_path / "b.png", fc)
    labels = [label for label, _ in seen]
    assert "Military operations: staging point to target" in labels
    mig = {label: color for label, color in seen if label.startswith("Migration flows: ")}
    dashed = mig.pop(f"Migration flows: {ROUGH_FLOW}")  # two flows join countries' centres
    assert len(mig) == 3 and len(set(mig.values())) == 3 and dashed not in mig.values(), mig
    assert labels[-1] == "claimed or denied, not confirmed"  # a claimed flow: true of every layer, last
    assert labels.index("Drone incidents: debris") < labels.index("Migration flows: labour migration") \
        < labels.index("Military operations: staging")  # the layers' order, whatever the features' order


def test_source_credit_names_one_day_once():
    same = [Article("a", "t", published=dt.date(2025, 11, 10)), Article("b", "t", published=dt.date(2025, 11, 10))]
    assert outputs.source_credit(same) == "2 articles (2025-11-10)"


def test_pptx_tables_newest_first_and_long_rows_fit_the_slide(tmp_path, fc):
    from mapper.render.slides import ROOM_IN, _row_height_in, table_pages

    long = {"type": "FeatureCollection", "features": [
        dict(f, properties=dict(f["properties"], incident_id=f"d{i}", date=f"2025-03-{i + 10:02d}/2025-03-{i + 11:02d}",
                                date_start=f"2025-03-{i + 10:02d}", source_titles="A headline " * 12,
                                place="Bryansk region, Belgorod region, Kursk region, Volgograd region"))
        for i in range(12) for f in fc["features"][:1]]}
    rows = incident_rows(long)["drone"]
    assert [r[0] for r in rows][:2] == ["2025-03-21\u201322", "2025-03-20\u201321"]  # newest first, short ranges
    pages = table_pages(rows)
    assert sum(map(len, pages)) == 12 and len(pages) > 2  # three-line rows: fewer than ten a slide
    assert all(_row_height_in(("Date",) * 5) + sum(map(_row_height_in, p)) <= ROOM_IN for p in pages)
    prs = Presentation(str(render_pptx(tmp_path / "l.pptx", long, image=None)))
    assert [len(t.rows) - 1 for t in _tables(prs)] == [len(p) for p in pages]
    assert prs.slides[1].shapes.title.text == f"Drone incidents: 12 (1/{len(pages)})"


def test_png_names_how_many_incidents_share_a_spot(tmp_path, monkeypatch):
    from matplotlib.axes import Axes

    texts = []
    original = Axes.annotate
    monkeypatch.setattr(Axes, "annotate", lambda self, text, *a, **kw: (texts.append(text),
                                                                         original(self, text, *a, **kw))[1])
    fc = export.incidents_geojson([i for i in seed_incidents(hostile=False) if i.incident_id == "drone-ualy"])
    fc["features"].append(dict(fc["features"][0], properties=dict(fc["features"][0]["properties"], incident_id="b")))
    render_png(tmp_path / "u.png", fc)
    assert "Ualy \u00d72" in texts and "Ualy" not in texts


def _within(fc, lon0: float, lon1: float, lat0: float, lat1: float) -> dict:
    def points(f):
        c = f["geometry"]["coordinates"]
        return [c] if f["geometry"]["type"] == "Point" else c
    return {"type": "FeatureCollection", "features": [
        f for f in fc["features"] if all(lon0 < p[0] < lon1 and lat0 < p[1] < lat1 for p in points(f))]}


def test_a_regional_briefing_has_a_locator_showing_where_its_frame_lies(fc):
    """A map of one region (the Mangistau and West Kazakhstan incidents) gets a small map of the wider
    region in the title band's right end, with the main map's frame drawn on it; it covers neither the
    map nor the title. A map already wide (all the seed's incidents, Europe to the Amur) gets none."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.patches import Rectangle

    from mapper.render.static import draw_briefing

    regional = _within(fc, 44, 62, 40, 56)
    assert len(regional["features"]) >= 5
    fig = draw_briefing(regional, outlines=country_outlines(), title="Western Kazakhstan")
    assert len(fig.axes) == 2
    main, locator = fig.axes
    frames = [p for p in locator.patches if isinstance(p, Rectangle) and not p.get_fill()]
    assert len(frames) == 1
    (fx0, fy0), (fx1, fy1) = frames[0].get_bbox().get_points()
    assert (fx0, fx1) == pytest.approx(main.get_xlim()) and (fy0, fy1) == pytest.approx(main.get_ylim())
    (lx0, lx1), (ly0, ly1) = locator.get_xlim(), locator.get_ylim()
    assert lx0 < fx0 < fx1 < lx1 and ly0 < fy0 < fy1 < ly1 and lx1 - lx0 >= 3 * (fx1 - fx0)
    renderer = FigureCanvasAgg(fig).get_renderer()
    box = locator.get_window_extent(renderer)
    assert not box.overlaps(main.get_window_extent(renderer))
    assert not any(box.overlaps(t.get_window_extent(renderer)) for t in fig.texts)
    assert len(draw_briefing(fc, outlines=country_outlines(), title="Seed").axes) == 1
    assert len(draw_briefing(regional, title="Western Kazakhstan").axes) == 1  # no outlines, no locator
    long_title = "Drone debris, air bases and a staging point across western Kazakhstan and the Russian Urals"
    assert len(draw_briefing(regional, outlines=country_outlines(), title=long_title).axes) == 1
