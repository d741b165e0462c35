"""Optional online fallback (geopy's Nominatim) for names the offline gazetteer lacks; off by default."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any

from mapper.errors import GazetteerError
from mapper.gazetteer.base import BBox, Gazetteer, LatLon, make_query
from mapper.model import Place, PlaceKind
from mapper.names import normalize

#: Nominatim's ``class``/``addresstype`` -> our kind.
_KINDS = {"country": PlaceKind.COUNTRY, "state": PlaceKind.REGION, "region": PlaceKind.REGION,
          "province": PlaceKind.REGION, "county": PlaceKind.DISTRICT, "district": PlaceKind.DISTRICT,
          "municipality": PlaceKind.DISTRICT, "city": PlaceKind.POPULATED, "town": PlaceKind.POPULATED,
          "village": PlaceKind.POPULATED, "hamlet": PlaceKind.POPULATED, "suburb": PlaceKind.POPULATED,
          "aeroway": PlaceKind.FACILITY, "railway": PlaceKind.FACILITY, "military": PlaceKind.FACILITY,
          "amenity": PlaceKind.FACILITY, "building": PlaceKind.FACILITY, "natural": PlaceKind.PHYSICAL,
          "waterway": PlaceKind.PHYSICAL, "continent": PlaceKind.CONTINENT}


def place_from_nominatim(raw: dict[str, Any]) -> Place:
    """A Place (``nominatim:<osm type letter><osm id>``, source ``nominatim``) from a Nominatim result."""
    kind = _KINDS.get(raw.get("addresstype", ""), _KINDS.get(raw.get("class", ""), PlaceKind.AREA))
    address = raw.get("address") or {}
    name = raw.get("name") or raw.get("display_name", "").split(",")[0]
    return Place(place_id=f"nominatim:{str(raw.get('osm_type', 'x'))[:1]}{raw['osm_id']}", name=name, kind=kind,
                 lat=float(raw["lat"]), lon=float(raw["lon"]), country=str(address.get("country_code", "")).upper(),
                 admin1_name=address.get("state", ""), feature_code=str(raw.get("type", "")).upper()[:10],
                 source="nominatim")


def cache_key(name: str, country: str | None) -> str:
    """The key an online answer is cached under: normalised name and country."""
    return f"{normalize(name)}|{(country or '').upper()}"


class OnlineGazetteer:
    """Wrap a local gazetteer; ask Nominatim only for names it lacks, and only when enabled.

    Parameters
    ----------
    local : the gazetteer to ask first. A SqliteGazetteer keeps answers in its file (source
        ``nominatim``), so each name is asked once ever; any other keeps them for this session.
    enabled : off by default; also switched on by ``MAPPER_ONLINE=1``.
    user_agent : sent to Nominatim, as its usage policy asks.
    min_delay_seconds : at most one request per this many seconds (geopy RateLimiter).
    geocode : a geocode callable to use instead of Nominatim's (same signature).
    """

    def __init__(self, local: Gazetteer, *, enabled: bool | None = None,
                 user_agent: str = "incident-mapper", min_delay_seconds: float = 1.0,
                 geocode: Callable[..., Any] | None = None) -> None:
        self.local = local
        self.enabled = enabled if enabled is not None else os.environ.get("MAPPER_ONLINE") == "1"
        self._user_agent = user_agent
        self._delay = min_delay_seconds
        self._geocode = geocode
        self._session: dict[str, list[Place]] = {}

    def candidates(self, name: str, *, country: str | None = None, kind: PlaceKind | str | None = None,
                   near: LatLon | None = None, bbox: BBox | None = None,
                   limit: int | None = None) -> list[Place]:
        """Local candidates; when there are none and the fallback is on, Nominatim's (cached)."""
        found = self.local.candidates(name, country=country, kind=kind, near=near, bbox=bbox, limit=limit)
        if found or not self.enabled:
            return found
        query = make_query(name, country=country, kind=kind, near=near, bbox=bbox, limit=limit,
                           known_countries=self.local.countries())
        key = cache_key(name, query.country)
        persistent = hasattr(self.local, "cached_answer")
        places = self.local.cached_answer(key) if persistent else self._session.get(key)
        if places is None:
            places = list(self._ask(name, query.country))
            if persistent:
                self.local.cache_answer(key, places)
            else:
                self._session[key] = places
        return [p for p in places if query.kind is None or p.kind is query.kind][:limit]

    def _ask(self, name: str, country: str | None) -> Sequence[Place]:
        if self._geocode is None:
            from geopy.extra.rate_limiter import RateLimiter
            from geopy.geocoders import Nominatim

            # An error must raise, not come back as "no answer": that would be cached for good (an
            # air-gapped laptop would remember every name as unknown) and geopy would log tracebacks.
            self._geocode = RateLimiter(Nominatim(user_agent=self._user_agent).geocode,
                                        min_delay_seconds=self._delay, max_retries=0, swallow_exceptions=False)
        from geopy.exc import GeopyError

        try:
            found = self._geocode(name, exactly_one=False, limit=5, addressdetails=True,
                                  country_codes=country.lower() if country else None) or []
        except GeopyError as exc:
            raise GazetteerError(f"online geocoder failed for {name!r}: {exc}") from exc
        return [place_from_nominatim(loc.raw) for loc in found]

    def get(self, place_id: str) -> Place | None:
        """The place with this id from the local store (cached online answers included)."""
        place = self.local.get(place_id)
        if place is None:
            place = next((p for ps in self._session.values() for p in ps if p.place_id == place_id), None)
        return place

    def name_index(self) -> Any:
        """The local name index (online answers are not in it)."""
        return self.local.name_index()
