"""The briefing image and slides at the scale an analyst maps: hundreds of incidents (the map's own
checks in a real browser are in test_browser.py, on the same data)."""

from __future__ import annotations

import random

from matplotlib.backends.backend_agg import FigureCanvasAgg
from test_render_samples import country_outlines, seed_incidents

from mapper import export
from mapper.render.static import MAX_FLOW_LABELS, draw_briefing


def crowded_fc() -> dict:
    """The seed incidents repeated at scale: 200 drone markers (a third claimed), 30 operation markers,
    60 flows."""
    rng = random.Random(11)
    base = export.incidents_geojson(seed_incidents(hostile=False))["features"]
    by_id = {f["properties"]["incident_id"]: f for f in base}
    flow = next(f for f in base if f["geometry"]["type"] == "LineString")
    feats = []
    for i in range(200):
        point = {"type": "Point", "coordinates": [rng.uniform(45, 60), rng.uniform(40, 52)]}
        feats.append({"type": "Feature", "geometry": point,
                      "properties": dict(by_id["drone-ualy"]["properties"], incident_id=f"d{i}", precision="point",
                                         subtype=("debris", "strike", "sighting", "interception")[i % 4],
                                         status="claimed" if i % 3 == 0 else "confirmed")})
    op = next(f for f in base if f["properties"]["type"] == "operation" and f["geometry"]["type"] == "Point"
              and f["properties"]["precision"] == "point")
    for i in range(30):  # the last at the south-east corner of the data, where a legend would sit
        point = {"type": "Point", "coordinates": [rng.uniform(45, 60), rng.uniform(40, 52)] if i else [95.0, 38.0]}
        feats.append({"type": "Feature", "geometry": point,
                      "properties": dict(op["properties"], incident_id=f"o{i}", role="site")})
    for i in range(60):
        line = {"type": "LineString", "coordinates": [[rng.uniform(45, 60), rng.uniform(40, 52)],
                                                      [rng.uniform(60, 70), rng.uniform(38, 45)]]}
        feats.append({"type": "Feature", "geometry": line,
                      "properties": dict(flow["properties"], incident_id=f"f{i}", figure_value=1000 + i,
                                         subtype=("labour migration", "return", "relocation", "evacuation")[i % 4],
                                         figures=f"{1000 + i:,} people")})
    return {"type": "FeatureCollection", "features": feats}


def test_a_crowded_briefing_keeps_its_legend_beside_the_map_and_every_mark_readable():
    fig = draw_briefing(crowded_fc(), outlines=country_outlines(), title="Crowded", dpi=60)
    renderer = FigureCanvasAgg(fig).get_renderer()
    ax = fig.axes[0]
    frame, legend = ax.get_window_extent(renderer), ax.get_legend().get_window_extent(renderer)
    page = fig.bbox
    assert legend.x0 >= frame.x1 and legend.x1 <= page.x1 and legend.y0 >= page.y0  # beside, inside the image
    badges = [t.get_window_extent(renderer) for t in ax.texts if t.get_text() == "?"]
    figures = [t.get_window_extent(renderer) for t in ax.texts if t.get_text().endswith(" people")]
    assert badges and 0 < len(figures) <= MAX_FLOW_LABELS
    for i, a in enumerate(badges):
        assert not any(a.overlaps(b) for b in badges[i + 1:])  # a "?" on a "?" is drawn once
    for i, a in enumerate(figures):
        assert not any(a.overlaps(b) for b in figures[i + 1:] + badges)  # no figure under a "?" or another


def test_a_small_briefing_keeps_its_legend_on_the_map():
    fig = draw_briefing(export.incidents_geojson(seed_incidents(hostile=False)), dpi=60)
    renderer = FigureCanvasAgg(fig).get_renderer()
    ax = fig.axes[0]
    assert ax.get_window_extent(renderer).contains(*ax.get_legend().get_window_extent(renderer).p0)
