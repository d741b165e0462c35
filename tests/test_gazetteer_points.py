"""Representative points: countries on their main landmass."""

from __future__ import annotations

from shapely.geometry import Point, shape

from mapper.gazetteer.points import main_landmass_point, main_polygon


def test_every_country_point_lies_in_its_main_polygon(gazetteer):
    outlines = gazetteer.country_outlines()["features"]
    assert len(outlines) > 150
    outside = []
    for f in outlines:
        place = gazetteer.get(f["properties"]["place_id"])
        polygon = main_polygon(f["geometry"])
        if not polygon.buffer(1e-6).contains(Point(place.lon, place.lat)):
            outside.append(f["id"])
        assert "largest polygon" in place.source, f["id"]
    assert outside == []


def test_main_landmass_ignores_overseas_parts(gazetteer):
    us = gazetteer.get("geonames:6252001")  # contiguous states, not pulled toward Alaska and Hawaii
    assert 37 < us.lat < 42 and -102 < us.lon < -96
    fr = gazetteer.get("geonames:3017382")  # metropolitan France, not French Guiana or Réunion
    assert 45 < fr.lat < 48 and 1 < fr.lon < 4


def test_crescent_centroid_is_moved_inside():
    # A U shape: its centroid falls in the notch, outside the polygon.
    u = {"type": "Polygon", "coordinates": [[[0, 0], [6, 0], [6, 6], [4, 6], [4, 2], [2, 2], [2, 6], [0, 6],
                                             [0, 0]]]}
    lat, lon = main_landmass_point(u)
    assert shape(u).contains(Point(lon, lat))
    assert main_landmass_point({"type": "MultiPolygon", "coordinates": []}) is None
