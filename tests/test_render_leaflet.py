"""Tests for mapper.render.leaflet: assertions on the rendered page (the browser tier is test_browser.py)."""

from __future__ import annotations

import base64
import gzip
import json
import re

import pytest
from test_render_samples import country_outlines, seed_incidents, seed_resolutions

from mapper import export
from mapper.errors import InputError
from mapper.render import leaflet


@pytest.fixture(scope="module")
def incidents_fc():
    return export.incidents_geojson(seed_incidents())


@pytest.fixture(scope="module")
def page(incidents_fc):
    return leaflet.render_map(incidents_fc, places=export.places_geojson(seed_resolutions()),
                              outlines=country_outlines(), title="Seed <b>map</b>")


def _data(page: str) -> dict:
    """The data literal the page passes to its drawing script."""
    m = re.search(r"\}, feature_group_\w+, (\{.*\})\);\s*$", page, flags=re.M)
    assert m, "data literal not found"
    data = json.loads(m.group(1))
    if "gz" in data:
        data = json.loads(gzip.decompress(base64.b64decode(data["gz"])))
    return data


def test_page_loads_nothing_from_the_network(page):
    assert not re.search(r"<script[^>]+src=", page)
    assert not re.search(r"<link[^>]+href=", page)
    assert "cdn.jsdelivr" not in page and "bootstrap" not in page.lower() and "jquery" not in page.lower()
    assert "L.map(" in page and "markerClusterGroup" in page  # Leaflet and the plugin, inlined
    assert "url(images/" not in page  # stylesheet images inlined as data URIs
    # online tiles exist but only as choices in the layer control, never added at load
    tile_vars = re.findall(r"var (tile_layer_\w+) = L\.tileLayer", page)
    assert len(tile_vars) == len(leaflet.ONLINE_TILES)
    assert '"OpenStreetMap (online)"' in page and "Mapnik (online)" not in page  # names a reader knows
    assert not any(f"{v}.addTo(" in page for v in tile_vars)


def test_layers_and_controls(page):
    for label in ("Drone incidents (5)", "Migration flows (3)", "Military operations (1)", "Places mentioned",
                  "Country outlines (offline)"):  # each layer with its count of incidents
        assert f'"{label}"' in page
    places_var = re.search(r'"Places mentioned" : (feature_group_\w+)', page).group(1)
    assert f"{places_var}.addTo(" not in page  # off by default
    assert "GeoNames" in page and "L.control.layers" in page
    assert "<title>Seed &lt;b&gt;map&lt;/b&gt;</title>" in page


def test_article_text_is_never_raw_html(page):
    assert "<script>window.__pwned" not in page
    assert "\\u003cscript>window.__pwned" in page  # kept as data, escaped by the page when shown


def test_data_matches_the_features(page, incidents_fc):
    data = _data(page)
    assert len(data["F"]) == len(incidents_fc["features"])
    assert len(data["I"]) == len({f["properties"]["incident_id"] for f in incidents_fc["features"]})
    assert len(data["P"]) == 2  # the non-literal "Moscow" (metonymy) is left off the map
    types = {data["S"][row[data["ic"]["type"]]] for row in data["I"]}
    assert types == {"drone", "migration", "operation"}
    lines = [f for f in data["F"] if len(f[4]) == 4]
    assert len(lines) == 4 and data["nFlows"] == 4
    assert data["days"][0] < data["days"][1] and data["subtitle"].startswith("9 incidents, 2024-09-01 to ")
    legend = [e["label"] for e in data["legend"]]
    assert "Drone incidents: debris" in legend and "Drone incidents: sighting" not in legend  # only what is drawn
    assert "Military operations: staging point" in legend and "Military operations: target" in legend
    # each migration subtype its own colour and legend entry; the page writes one row a layer
    assert len(set(data["subColors"]["migration"].values())) == 3
    mig = [e for e in data["legend"] if e["group"] == "Migration flows"]
    assert [e["what"] for e in mig][:3] == ["labour migration", "relocation", "recruitment"]
    assert len({e["color"] for e in mig[:3]}) == 3
    assert all(e["label"] == f"{e['group']}: {e['what']}" for e in data["legend"] if e["group"])


def test_same_input_same_page(incidents_fc):
    assert leaflet.render_map(incidents_fc) == leaflet.render_map(incidents_fc)


def test_seed_map_is_small(page):
    assert len(page.encode("utf-8")) < 1_000_000


def test_large_data_is_compressed(incidents_fc):
    page = leaflet.render_map(incidents_fc, compress_above=100)
    assert '{"gz":"' in page
    assert len(_data(page)["F"]) == len(incidents_fc["features"])


def test_bad_input_is_reported():
    bad = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]}, "properties": {}}]}
    with pytest.raises(InputError, match="incident_id"):
        leaflet.render_map(bad)
    poly = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": []},
         "properties": {"incident_id": "x", "type": "drone"}}]}
    with pytest.raises(InputError, match="Polygon"):
        leaflet.render_map(poly)
    dated = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]},
         "properties": {"incident_id": "x", "type": "drone", "date_start": "19 June"}}]}
    with pytest.raises(InputError, match="ISO date"):
        leaflet.render_map(dated)
    with pytest.raises(InputError, match="color"):
        leaflet.render_map(poly, styles={"drone": {"label": "x", "color": "red;} body {"}})


def test_empty_map_renders():
    page = leaflet.render_map({"type": "FeatureCollection", "features": []})
    assert _data(page)["bounds"] is None and "no incidents found" in page and _data(page)["legend"] == []


def test_write_map(tmp_path, incidents_fc):
    path = leaflet.write_map(tmp_path / "out" / "map.html", incidents_fc)
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_targets_drawn_only_as_regions_are_in_the_legend():
    def point(role: str, precision: str, lon: float) -> dict:
        return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, 55.0]},
                "properties": {"incident_id": "op-1", "type": "operation", "subtype": "named operation",
                               "role": role, "precision": precision, "date_start": "2025-06-01",
                               "date_end": "2025-06-01", "name": "Operation X"}}

    fc = {"type": "FeatureCollection", "features": [point("staging", "point", 61.4), point("target", "region", 40.6),
                                                    point("target", "region", 105.9)]}
    legend = [e["label"] for e in _data(leaflet.render_map(fc))["legend"]]
    assert "Military operations: target, approximate location" in legend
    assert "Military operations: staging point to its targets" in legend


def test_subtitle_ends_an_incident_no_later_than_its_latest_report():
    from mapper.render import subtitle

    month = {"incident_id": "a", "date_start": "2025-11-01", "date_end": "2025-11-30", "source_dates": "2025-11-10"}
    later = {"incident_id": "b", "date_start": "2025-11-12", "date_end": "2025-11-13", "source_dates": "2025-11-10"}
    assert subtitle([month]) == "1 incident, 2025-11-01 to 2025-11-10"  # 'in November', told on the 10th
    assert subtitle([month, later]) == "2 incidents, 2025-11-01 to 2025-11-12"  # never before its own start
    assert subtitle([{"incident_id": "c"}]) == "1 incident, undated" and subtitle([]) == "no incidents found"
