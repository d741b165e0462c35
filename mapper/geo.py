"""Great-circle distance on a spherical Earth, shared by the gazetteer, the resolver, incidents and scoring."""

from __future__ import annotations

import math

#: Mean Earth radius (IUGG), as geopy and the geoparsing scorer use.
EARTH_RADIUS_KM = 6371.0088

LatLon = tuple[float, float]


def haversine_km(a: LatLon, b: LatLon, radius: float = EARTH_RADIUS_KM) -> float:
    """Great-circle distance between two (lat, lon) points in km.

    >>> round(haversine_km((0.0, 0.0), (0.0, 180.0)))
    20015
    """
    radians = math.radians
    phi1, lam1, phi2, lam2 = radians(a[0]), radians(a[1]), radians(b[0]), radians(b[1])
    h = (math.sin((phi2 - phi1) / 2) ** 2
         + math.cos(phi1) * math.cos(phi2) * math.sin((lam2 - lam1) / 2) ** 2)
    return 2 * radius * math.asin(min(1.0, math.sqrt(h)))
