"""Where two reports of one article lie: towns apart, sites in other countries, a site and a flow elsewhere."""

from __future__ import annotations

from collections.abc import Sequence

from mapper.geo import haversine_km
from mapper.model import Location, Precision

NEAR_KM = 161.0


def near(a: Sequence[Location], b: Sequence[Location], roles: set[str] | None = None) -> bool:
    """True when a place of ``a`` lies within ``NEAR_KM`` of one of ``b`` (of the same role, if ``roles``)."""
    return any(haversine_km((x.lat, x.lon), (y.lat, y.lon)) <= NEAR_KM for x in a for y in b
               if roles is None or (x.role in roles and y.role == x.role))


def elsewhere(a: Sequence[Location], b: Sequence[Location]) -> bool:
    """True when ``a`` is placed at a town (a site) and ``b`` is a flow with no site, none of whose ends lies
    near that town."""
    towns = [x for x in a if x.role == "site" and x.precision is Precision.POINT]
    return bool(towns) and bool(b) and all(y.role != "site" for y in b) and not near(towns, b)


APART_KM = 25.0  # two settlements struck this far apart, each named in its own sentence, are two attacks


TOWN_OR_DISTRICT = (Precision.POINT, Precision.DISTRICT)


def apart(a: Sequence[Location], b: Sequence[Location], fine: tuple[Precision, ...] = (Precision.POINT,)) -> bool:
    """True when two drone reports each name towns or villages (or ``fine`` places), none of them near one of the
    other's ("In Kupiansk a man was killed ... In the village of Zolochiv two women were injured")."""
    pa = [x for x in a if x.precision in fine]
    pb = [y for y in b if y.precision in fine]
    return bool(pa and pb) and all(
        haversine_km((x.lat, x.lon), (y.lat, y.lon)) > APART_KM for x in pa for y in pb)


def other_towns(a: Sequence[Location], b: Sequence[Location]) -> bool:
    """True when two reports each name towns or villages and share none of them."""
    pa = {x.place_id for x in a if x.precision is Precision.POINT}
    pb = {y.place_id for y in b if y.precision is Precision.POINT}
    return bool(pa and pb) and pa.isdisjoint(pb)


def other_countries(a: Sequence[Location], b: Sequence[Location]) -> bool:
    """True when two drone reports' sites lie in different countries: a roundup's strike on Russia's
    Bryansk region and Russia's attack on Kharkiv and Shostka, close as they are, are two attacks."""
    ca = {x.country for x in a if x.country}
    cb = {y.country for y in b if y.country}
    return bool(ca and cb) and not ca & cb
