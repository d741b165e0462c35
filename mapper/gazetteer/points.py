"""Representative points of areas: a country's main landmass, and the centre of a region's places."""

from __future__ import annotations

import math
from typing import Any

from mapper.geo import haversine_km

#: How far inside the outline (degrees) a centroid that falls outside its polygon is moved.
_INSET = 0.05


def _polygons(geometry: dict[str, Any]) -> list[Any]:
    from shapely.geometry import shape

    geom = shape(geometry)
    if not geom.is_valid:
        geom = geom.buffer(0)
    return [g for g in getattr(geom, "geoms", [geom]) if g.geom_type == "Polygon" and not g.is_empty]


def _weight(polygon: Any) -> float:
    """Area in square degrees scaled by cos(latitude): proportional to the true area."""
    return polygon.area * math.cos(math.radians(polygon.centroid.y))


def main_polygon(geometry: dict[str, Any]) -> Any | None:
    """The largest polygon (by true area) of a GeoJSON Polygon or MultiPolygon, ``None`` if empty."""
    polygons = _polygons(geometry)
    return max(polygons, key=_weight) if polygons else None


def main_landmass_point(geometry: dict[str, Any]) -> tuple[float, float] | None:
    """(lat, lon) of the centroid of an outline's largest polygon: a country's main landmass.

    The centroid of the whole outline is pulled offshore by islands and overseas parts
    (the United States' by Alaska and Hawaii); the main landmass's is where maps and
    encyclopedias put a country. A centroid that falls outside its polygon (a crescent-shaped
    country) is replaced by the nearest point a little inside it (by an inner point for a polygon
    too small to move inside).

    >>> main_landmass_point({"type": "MultiPolygon", "coordinates": [
    ...     [[[0, 0], [4, 0], [4, 2], [0, 2], [0, 0]]], [[[10, 10], [11, 10], [11, 11], [10, 10]]]]})
    (1.0, 2.0)
    """
    from shapely.geometry import Point
    from shapely.ops import nearest_points

    polygon = main_polygon(geometry)
    if polygon is None:
        return None
    c = polygon.centroid
    if not polygon.contains(c):
        inner = polygon.buffer(-_INSET)
        c = polygon.representative_point() if inner.is_empty else nearest_points(inner, Point(c.x, c.y))[0]
    return (round(c.y, 5), round(c.x, 5))


def country_point(geometry: dict[str, Any] | None, latlng: Any, capital: tuple[float, float] | None,
                  places: list[tuple[float, float]]) -> tuple[tuple[float, float] | None, str]:
    """A country's point and the rule that gave it: the centroid of its outline's main landmass,
    else the countryinfo ``latlng``, else its capital, else the mean of its places."""
    point = main_landmass_point(geometry) if geometry else None
    if point is not None:
        return point, "point: centroid of the largest polygon of the countryinfo outline"
    if latlng and len(latlng) == 2:
        return (float(latlng[0]), float(latlng[1])), "point: countryinfo latlng"
    if capital is not None:
        return capital, "point: the capital"
    if places:
        return (sum(p[0] for p in places) / len(places), sum(p[1] for p in places) / len(places)), \
            "point: centre of its places"
    return None, ""


def hull_centre(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """(lat, lon) of the centroid of the convex hull of (lat, lon) points, the antimeridian respected.

    A region's places outline it roughly; the centroid of their hull lies nearer the region's
    middle than their mean, which crowds toward the populated parts (Texas' east, Queensland's
    coast). Strays (a place filed under the wrong region) are dropped first: a place farther from
    the median point than three times the distance within which 90 % of the places lie. Fewer
    than three points give their line's or point's centre.

    >>> hull_centre([(0.0, 0.0), (0.0, 4.0), (2.0, 4.0), (2.0, 0.0), (0.1, 0.1), (0.2, 0.1)])
    (1.0, 2.0)
    >>> hull_centre([(65.0, 179.0), (65.0, -179.0)])
    (65.0, 180.0)
    """
    from shapely.geometry import MultiPoint

    if not points:
        return None
    lons = [lon for _, lon in points]
    wrap = max(lons) - min(lons) > 180
    coords = _without_strays([(lat, lon + 360 if wrap and lon < 0 else lon) for lat, lon in points])
    c = MultiPoint([(lon, lat) for lat, lon in coords]).convex_hull.centroid
    lon = c.x - 360 if c.x > 180 else c.x
    return (round(c.y, 5), round(lon, 5))


def _without_strays(points: list[tuple[float, float]], factor: float = 3.0,
                    quantile: float = 0.9) -> list[tuple[float, float]]:
    if len(points) < 5:
        return points
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    mid = (lats[len(lats) // 2], lons[len(lons) // 2])
    dist = [haversine_km(mid, p) for p in points]
    limit = factor * sorted(dist)[int(quantile * (len(dist) - 1))]
    return [p for p, d in zip(points, dist, strict=True) if d <= limit] or points


