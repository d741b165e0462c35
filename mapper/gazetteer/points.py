"""Representative points of areas: a country's contiguous territory, and the centre of a region's places."""

from __future__ import annotations

import math
from collections.abc import Callable
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


#: Polygons of a country this close (km) to its main landmass, directly or through another kept
#: polygon, are part of its contiguous territory (Sicily, Hokkaido, New Zealand's two islands);
#: Alaska, Hawaii, Svalbard and overseas departments lie farther.
_REACH_KM = 300.0


def _km_apart(a: Any, b: Any) -> float:
    from shapely.ops import nearest_points

    pa, pb = nearest_points(a, b)
    return haversine_km((pa.y, pa.x), (pb.y, pb.x))


def territory(geometry: dict[str, Any], reach_km: float = _REACH_KM) -> list[Any]:
    """The polygons of a country's contiguous territory: its largest polygon (by true area) and every
    polygon within ``reach_km`` of one already kept, chained."""
    polygons = _polygons(geometry)
    if not polygons:
        return []
    main = max(polygons, key=_weight)
    keep, rest = [main], [p for p in polygons if p is not main]
    grew = True
    while grew and rest:
        grew = False
        for p in list(rest):
            if any(_km_apart(p, k) <= reach_km for k in keep):
                keep.append(p)
                rest.remove(p)
                grew = True
    return keep


def equal_area_centroid(polygons: list[Any]) -> tuple[float, float]:
    """(lat, lon) of the area centroid of polygons, each part weighted by its true area.

    Computed in a sinusoidal (equal-area) projection about the polygons' middle longitude: a centroid
    in plain degrees overweights high latitudes (Canada's Arctic islands, Russia's north).

    >>> from shapely.geometry import box
    >>> equal_area_centroid([box(0, 0, 2, 2)])  # a degree square: its south holds a little more area
    (0.9999, 1.0)
    >>> equal_area_centroid([box(0, 60, 2, 80)])[0] < 70
    True
    """
    import numpy as np
    import shapely
    from shapely.ops import unary_union

    union = unary_union(polygons)
    lon0 = union.centroid.x

    def forward(xy: np.ndarray) -> np.ndarray:
        dx = (xy[:, 0] - lon0 + 180.0) % 360.0 - 180.0
        return np.column_stack([dx * np.cos(np.radians(xy[:, 1])), xy[:, 1]])

    c = shapely.transform(union, forward).centroid
    lon = lon0 + c.x / max(math.cos(math.radians(c.y)), 1e-9)
    return (round(c.y, 5), round((lon + 180.0) % 360.0 - 180.0, 5))


def territory_point(geometry: dict[str, Any], reach_km: float = _REACH_KM) -> tuple[float, float] | None:
    """(lat, lon) of a country's point: the true-area centroid of its contiguous territory
    (:func:`territory`), moved just inside the nearest polygon when it falls outside them all
    (a crescent, an archipelago's sea).

    On GeoVirus' country mentions (Wikipedia points) 768 of 981 lie within 161 km of the gold,
    against 706 for the centroid of the main landmass alone and 606 for countryinfo's ``latlng``.

    >>> territory_point({"type": "MultiPolygon", "coordinates": [
    ...     [[[0, 0], [4, 0], [4, 2], [0, 2], [0, 0]]], [[[20, 20], [21, 20], [21, 21], [20, 20]]]]})
    (0.9999, 2.0)
    """
    from shapely.geometry import Point
    from shapely.ops import nearest_points

    polygons = territory(geometry, reach_km)
    if not polygons:
        return None
    lat, lon = equal_area_centroid(polygons)
    here = Point(lon, lat)
    if any(p.contains(here) for p in polygons):
        return (lat, lon)
    nearest = min(polygons, key=lambda p: p.distance(here))
    inner = nearest.buffer(-_INSET)
    c = nearest.representative_point() if inner.is_empty else nearest_points(inner, here)[0]
    return (round(c.y, 5), round(c.x, 5))


def country_point(geometry: dict[str, Any] | None, latlng: Any, capital: tuple[float, float] | None,
                  places: list[tuple[float, float]]) -> tuple[tuple[float, float] | None, str]:
    """A country's point and the rule that gave it: the true-area centroid of its contiguous territory
    in its countryinfo outline, else the countryinfo ``latlng``, else its capital, else the mean of its
    places."""
    point = territory_point(geometry) if geometry else None
    if point is not None:
        return point, "point: true-area centroid of the contiguous territory of the countryinfo outline"
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





#: How far (degrees) a region's point may lie outside its country's outline before it counts as at sea: the
#: countryinfo outlines are coarse (a canton of Luxembourg's centre falls 0.15° outside), and a sea is wider.
_SEA_MARGIN = 0.25
#: How far (km) from every one of its places a region's point at sea must lie to be moved ashore
_SEA_KM = 50.0


def land_outline(geometry: dict[str, Any] | None) -> tuple[Any, list[Any]] | None:
    """A country's outline for :func:`ashore`: the prepared union of its polygons widened by ``_SEA_MARGIN``
    and the polygons themselves; ``None`` without one."""
    from shapely.ops import unary_union
    from shapely.prepared import prep

    polygons = _polygons(geometry) if geometry else []
    if not polygons:
        return None
    return prep(unary_union(polygons).buffer(_SEA_MARGIN)), polygons


def ashore(point: tuple[float, float] | None, outline_of: Callable[[str], tuple[Any, list[Any]] | None], iso: str,
           places: list[tuple[float, float]]) -> tuple[float, float] | None:
    """A region's point on land. The centre of its places' hull stays unless it falls at sea (beyond its country's
    outline by more than ``_SEA_MARGIN``) and farther than ``_SEA_KM`` from every place of the region (Sakhalin's
    hull spans the Kurils: its centre lies 310 km from the island's nearest town); then the true-area centroid of
    the land inside that hull on the outline's polygon that holds most of the places (Sakhalin island), or, when
    the outline lacks them (small islands), the region's place nearest the hull's centre.

    ``outline_of(iso)`` gives the country's outline (:func:`land_outline`) when one is needed.

    >>> from shapely.geometry import box, mapping
    >>> square = lambda iso: land_outline(mapping(box(0, 0, 2, 2)))
    >>> lat, lon = ashore((0.0, 5.0), square, "XX", [(1.0, 1.0), (1.5, 1.5), (0.5, 9.0)])
    >>> 1.0 <= lat <= 1.5 and 1.0 <= lon <= 1.6  # the land inside the places' hull, not the sea point
    True
    >>> ashore((1.0, 1.0), square, "XX", [(1.0, 1.5)])
    (1.0, 1.0)
    >>> ashore((0.0, 5.0), square, "XX", [(0.5, 8.0), (0.5, 9.0)])
    (0.5, 8.0)
    """
    from shapely.geometry import MultiPoint, Point

    if point is None or not places or any(haversine_km(point, p) <= _SEA_KM for p in places):
        return point  # (an archipelago's point among its islands is as good as any: Hawaii, the Azores)
    outline = outline_of(iso)  # (asked for only now: most regions' points lie near one of their places)
    if outline is None:
        return point
    land, polygons = outline
    if land.contains(Point(point[1], point[0])):
        return point
    pts = [Point(lon, lat) for lat, lon in places]
    counts = [sum(poly.buffer(0.05).contains(p) for p in pts) for poly in polygons]
    if max(counts) >= 2:
        best = polygons[counts.index(max(counts))]
        part = best.intersection(MultiPoint(pts).convex_hull.buffer(0.05))
        parts = [] if part.is_empty else _polygons(part.__geo_interface__)
        if parts:
            lat, lon = equal_area_centroid(parts)
            if any(p.buffer(0.05).contains(Point(lon, lat)) for p in parts):
                return (lat, lon)
            c = max(parts, key=_weight).representative_point()  # a crescent's centroid lies outside it
            return (round(c.y, 5), round(c.x, 5))
    return min(places, key=lambda p: haversine_km(point, p))
