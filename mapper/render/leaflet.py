"""Incident and place FeatureCollections + layer styles -> a self-contained, offline Leaflet map (folium)."""

from __future__ import annotations

import base64
import datetime as dt
import functools
import gzip
import html
import json
import os
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import folium
from branca.element import Element, MacroElement
from folium.template import Template

from mapper.errors import InputError
from mapper.export import paused_gc, write_text
from mapper.render import (
    COARSE,
    DEFAULT_STYLES,
    OTHER_STYLE,
    ROUGH_FLOW,
    SUBTYPE_COLORS,
    UNCONFIRMED,
    LayerStyle,
    rough_flow,
    subtitle,
    subtype_color,
)
from mapper.render.assets import inline_assets

FeatureCollection = dict[str, Any]


#: Online base layers offered in the layer control (never the default): xyzservices name -> shown name.
ONLINE_TILES = {"OpenStreetMap.Mapnik": "OpenStreetMap", "OpenTopoMap": "OpenTopoMap",
                "Esri.WorldImagery": "Esri World Imagery"}
#: Radius (m) of the dashed circle drawn for a location known only to this precision.
AREA_RADIUS = {"district": 15_000, "region": 80_000, "country": 250_000, "area": 400_000}
ATTRIBUTION = ('Places: <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0), airports: '
               '<a href="https://github.com/mwgg/Airports">mwgg/Airports</a> (MIT); outlines: countryinfo; '
               "incidents from the cited articles")
INC_COLS = ("type", "subtype", "name", "date", "date_precision", "t0", "status", "confidence", "figures",
            "figure_value", "figure_unit", "actors", "source_articles", "source_titles", "source_urls",
            "source_dates", "source_quotes", "summary")
_NUMERIC = {"t0", "confidence", "figure_value"}
_COLOR = re.compile(r"^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20})$")
_EPOCH = dt.date(1970, 1, 1)
_PLACEHOLDER = "__MAPPER_DATA_7f3a__"
_CSS = """<style>
.leaflet-container { background: #d4e4ef; font: 13px/1.35 system-ui, sans-serif; }
.mapper-icon { background: none; border: none; }
.mapper-approx svg { opacity: .55; outline: 2px dashed #444; outline-offset: 1px; border-radius: 50%; }
.mapper-title, .mapper-legend, .mapper-slider { background: rgba(255,255,255,.92); padding: 6px 10px;
  border-radius: 5px; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
.mapper-title h3 { margin: 0 0 2px; font-size: 16px; }
.mapper-legend { max-width: 380px; }
.mapper-legend-head { cursor: pointer; font-size: 11px; color: #555; }
.mapper-legend details:not([open]) .mapper-legend-head { font-size: 13px; color: #222; font-weight: 600; }
.leaflet-bottom.leaflet-right { left: 120px; } /* the attribution wraps beside the scale, not over it */
.mapper-legend-row { display: flex; flex-wrap: wrap; align-items: center; gap: 1px 10px; margin: 3px 0; }
.mapper-legend-row b { font-weight: 600; }
.mapper-legend-item { display: inline-flex; align-items: center; gap: 4px; }
.mapper-legend-item > :first-child { flex-shrink: 0; }
.mapper-swatch { display: inline-block; width: 16px; height: 4px; }
.mapper-link-swatch { display: inline-block; width: 16px; border-top: 2px dashed; }
.mapper-ring { display: inline-block; width: 12px; height: 12px; border: 2px dashed; border-radius: 50%; }
.mapper-popup h4 { margin: 0 0 4px; } .mapper-popup th { text-align: left; padding-right: 8px; }
.mapper-quote { margin: 2px 0 6px 8px; font-style: italic; color: #333; }
.mapper-sources { padding-left: 24px; margin: 6px 0 0; } .mapper-date { color: #555; white-space: nowrap; }
.mapper-why { margin-top: 6px; font-size: 11px; color: #555; }
.mapper-count { font-weight: 600; margin-bottom: 6px; }
.mapper-badge { position: absolute; right: -6px; top: -7px; width: 11px; height: 11px; border-radius: 50%;
  background: #fff; border: 1px solid #333; font: bold 9px/11px system-ui, sans-serif; text-align: center;
  color: #222; }
.mapper-badge-key { position: static; display: inline-block; }
.mapper-flow-badge { background: none; border: none; }
.mapper-flow-badge .mapper-badge { right: -7px; top: -7px; }
.mapper-flow-label { background: rgba(255,255,255,.85); border: none; box-shadow: none; font-weight: 600; }
.mapper-place-label { background: rgba(255,255,255,.7); border: none; box-shadow: none; padding: 0 3px;
  font-size: 11px; color: #222; }
.mapper-place-label::before { display: none; }
.mapper-slider input { width: 220px; }
.mapper-cluster { background: rgba(255,255,255,.7); border-radius: 50%; }
.mapper-cluster div { width: calc(100% - 8px); height: calc(100% - 8px); margin: 4px; border-radius: 50%;
  display: flex; align-items: center; justify-content: center; color: #fff; font: bold 12px system-ui, sans-serif; }
.mapper-cluster span { line-height: normal; }
@media (max-width: 600px) { /* a phone: the attribution beside the slider, not over it */
  .leaflet-bottom.leaflet-right { left: auto; } .leaflet-control-attribution { max-width: 48vw; font-size: 10px; }
  .mapper-slider input { width: 140px; } }
</style>"""


class _DataLayer(MacroElement):
    """Our own script: embeds the compact data once and draws every layer client-side."""

    _template = Template("""{% macro script(this, kwargs) %}
{{ this.js }}({{ this._parent.get_name() }}, { {%- for key, group in this.groups.items() %}
{{ key|tojson }}: {{ group.get_name() }},{% endfor %} }, {{ this.base.get_name() }}, {{ this.data }});
{% endmacro %}""")

    def __init__(self, data: str, groups: Mapping[str, folium.FeatureGroup], base: folium.FeatureGroup):
        super().__init__()
        self._name = "MapperData"
        self.data, self.groups, self.base = data, dict(groups), base
        self.js = resources.files("mapper.render").joinpath("map.js").read_text(encoding="utf-8").rstrip()


@functools.lru_cache(maxsize=4096)
def _day(iso: str | None) -> int | None:
    if not iso:
        return None
    try:
        return (dt.date.fromisoformat(str(iso)[:10]) - _EPOCH).days
    except ValueError:
        raise InputError(f"date_start must be an ISO date (YYYY-MM-DD), got {iso!r}") from None


def _pack(incidents: FeatureCollection, places: FeatureCollection | None) -> dict[str, Any]:
    """The compact form the page's script reads: a string table S, incident rows I, feature rows F
    (incident, role, precision, place, [lat, lon(, lat, lon)], origin, origin precision) and place rows P."""
    with paused_gc():
        return _pack_rows(incidents, places)


def _pack_rows(incidents: FeatureCollection, places: FeatureCollection | None) -> dict[str, Any]:
    index: dict[str, int] = {}

    def s(value: Any) -> int:  # every string is stored once and referenced by index (-1 for none)
        if not value:
            return -1
        found = index.get(value)
        if found is None:
            found = index[value] = len(index)
        return found

    rows: list[list[Any]] = []
    feats: list[list[Any]] = []
    inc_index: dict[str, int] = {}
    cols = [(c, c in _NUMERIC) for c in INC_COLS if c != "t0"]
    t0_at = INC_COLS.index("t0")
    for f in incidents.get("features", []):
        p, geom = f.get("properties") or {}, f.get("geometry") or {}
        key = p.get("incident_id")
        if not key or not p.get("type"):
            raise InputError("every incident feature needs 'incident_id' and 'type' properties")
        k = inc_index.get(key)
        if k is None:
            k = inc_index[key] = len(rows)
            row = [p.get(c) if numeric else s(p.get(c)) for c, numeric in cols]
            row.insert(t0_at, _day(p.get("date_start")))
            rows.append(row)
        coords, gtype = geom.get("coordinates"), geom.get("type")
        if gtype == "Point":
            g = [coords[1], coords[0]]
        elif gtype == "LineString" and len(coords) >= 2:
            g = [coords[0][1], coords[0][0], coords[-1][1], coords[-1][0]]
        else:
            raise InputError(f"incident {key}: cannot draw a {gtype!r} geometry")
        line = len(g) == 4  # a line carries its origin's name and precision
        feats.append([k, s(p.get("role") or "site"), s(p.get("precision") or "point"), s(p.get("place")), g,
                      s(p.get("origin_place") or p.get("origin")) if line else -1,
                      s(p.get("origin_precision")) if line else -1])
    prows = []
    for f in (places or {}).get("features", []):
        p, (lon, lat) = f["properties"], f["geometry"]["coordinates"][:2]
        if p.get("literal") is False:  # metonymy, metaphor, organisation names: not a place on the map
            continue
        prows.append([lat, lon, s(p.get("text")), s(p.get("place")), s(p.get("kind")), s(p.get("precision")),
                      s(p.get("article_id")), p.get("start"), p.get("end"), 1 if p.get("literal", True) else 0,
                      p.get("score") or 0])
    return {"S": list(index), "I": rows, "F": feats, "P": prows, "ic": {c: i for i, c in enumerate(INC_COLS)}}


def _round_coords(value: Any, ndigits: int = 3) -> Any:
    if isinstance(value, float):
        return round(value, ndigits)
    if isinstance(value, list):
        return [_round_coords(v, ndigits) for v in value]
    return value


def _outlines(fc: FeatureCollection | None) -> FeatureCollection | None:
    if not fc:
        return None
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {},
         "geometry": {"type": f["geometry"]["type"], "coordinates": _round_coords(f["geometry"]["coordinates"])}}
        for f in fc.get("features", []) if f.get("geometry")]}


def _bounds(data: dict[str, Any]) -> list[list[float]] | None:
    lats = [f[4][i] for f in data["F"] for i in range(0, len(f[4]), 2)] or [p[0] for p in data["P"]]
    lons = [f[4][i] for f in data["F"] for i in range(1, len(f[4]), 2)] or [p[1] for p in data["P"]]
    if not lats:
        return None
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def _check_styles(styles: Mapping[str, LayerStyle]) -> None:
    for key, style in styles.items():
        if not _COLOR.match(style.get("color", "")):
            raise InputError(f"layer style {key!r}: color must be a CSS hex or name, got {style.get('color')!r}")


def _symbols(incidents: FeatureCollection) -> dict[str, set[str]]:
    """Drone subtypes and operation roles drawn as symbols (not as areas or lines); those drawn only as
    approximate areas carry a leading "~" ("~target": a region struck)."""
    out: dict[str, set[str]] = {"drone": set(), "operation": set(), "migration": set()}
    for f in incidents.get("features", []):
        p = f.get("properties") or {}
        if p.get("type") in out and (f.get("geometry") or {}).get("type") == "Point":
            what = p.get("role") if p["type"] != "drone" else p.get("subtype")
            out[p["type"]].add(what if p.get("precision") not in COARSE else f"~{what}")
    return out


def _drawn_subtypes(incidents: FeatureCollection, kind: str) -> dict[str, set[str]]:
    """Subtype of ``kind`` -> how it is drawn ("line", "point", "area"; "rough" too for a line with an
    end known only roughly, drawn dashed), in the order of :data:`SUBTYPE_COLORS`, then first seen."""
    order = list(SUBTYPE_COLORS.get(kind, {}))
    out: dict[str, set[str]] = {}
    for f in incidents.get("features", []):
        p, gtype = f.get("properties") or {}, (f.get("geometry") or {}).get("type")
        if p.get("type") == kind:
            shape = "line" if gtype == "LineString" else "area" if p.get("precision") in COARSE else "point"
            shapes = out.setdefault(p.get("subtype") or "", set())
            shapes.add(shape)
            if shape == "line" and rough_flow(p):
                shapes.add("rough")
    return dict(sorted(out.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order)))


def _unconfirmed_symbols(incidents: FeatureCollection) -> bool:
    """Whether a symbol or a flow line (not an area) shows a claimed or denied incident."""
    return any((f.get("properties") or {}).get("status", "confirmed") not in (None, "confirmed")
               and ((f.get("geometry") or {}).get("type") == "LineString"
                    or (f.get("properties") or {}).get("precision") not in COARSE)
               for f in incidents.get("features", []))


def _migration_legend(styles: Mapping[str, LayerStyle], drawn: Mapping[str, set[str]]) -> list[dict[str, str]]:
    """One entry a migration subtype, each in its own colour, then what widths and dots mean."""
    label = styles.get("migration", styles["_default"])["label"]
    out = [{"shape": "line" if "line" in how else "point" if "point" in how else "area",
            "color": subtype_color(styles, "migration", sub), "label": f"{label}: {sub or 'other'}"}
           for sub, how in drawn.items()]
    shapes = set().union(*drawn.values()) if drawn else set()
    if "line" in shapes:
        out.append({"shape": "line", "color": "#444444", "label": f"{label}: width grows with the count"})
    if "rough" in shapes:
        out.append({"shape": "link", "color": "#444444", "label": f"{label}: {ROUGH_FLOW}"})
    if "point" in shapes:  # a flow with one end known is a point
        out.append({"shape": "point", "color": "#444444", "label": f"{label}: dot, a site or one known end"})
    return out


def _legend(styles: Mapping[str, LayerStyle], types: Sequence[str],
            present: Mapping[str, set[str]], migration: Mapping[str, set[str]],
            unconfirmed: bool = False) -> list[dict[str, str]]:
    """Legend entries for the symbols the map uses (``present``: drone subtypes, operation roles;
    ``migration``: the migration subtypes drawn, see :func:`_drawn_subtypes`; ``unconfirmed``: a
    symbol wears the badge of a claimed or denied incident)."""
    shapes = {"drone": [("strike", "strike"), ("debris", "debris"), ("sighting", "sighting"),
                        ("interception", "interception")],
              "operation": [("staging", "staging point"), ("target", "target")]}
    out = []
    for t in types:
        if t == "migration":
            out += _migration_legend(styles, migration)
            continue
        style = styles.get(t, styles["_default"])
        entries = shapes.get(t, [("point", "incident")])
        drawn = {w for w in present.get(t, set()) if not w.startswith("~")}
        rough = {w[1:] for w in present.get(t, set()) if w.startswith("~")}
        if t in ("drone", "operation"):
            known = {shape for shape, _ in entries}
            if t == "operation" and "target" in rough - drawn:  # regions struck: a dashed area
                entries = [e for e in entries if e[0] in drawn] + [("area", "target, approximate location")]
            else:
                entries = [e for e in entries if e[0] in drawn]
            if drawn - known:
                entries.append(("point", "other" if t == "drone" else "site"))
            if not entries:  # only approximate locations: the type's colour must still be in the legend
                entries = [("area", "approximate location only")]
        if t == "operation" and {"staging", "target"} <= drawn | rough:
            entries = [*entries, ("link", "staging point to its targets")]
        for shape, what in entries:
            out.append({"shape": shape, "color": style["color"], "label": f"{style['label']}: {what}"})
    if out:
        out.append({"shape": "area", "color": "#444444",
                    "label": "dashed: approximate (district or coarser)"})
    if unconfirmed:
        out.append({"shape": "badge", "color": "#444444", "label": UNCONFIRMED})
    for e in out:  # the page writes one row a layer (group), its symbols (what) side by side
        general = e["label"].startswith(("dashed:", "?:"))  # true of every layer
        group, _, what = ("", "", e["label"].removeprefix("?: ")) if general else e["label"].rpartition(": ")
        e.update(group=group, what=what)
    return out


def _payload(data: dict[str, Any], compress_above: int) -> str:
    """The data as a JS literal safe inside <script>, gzip+base64 when the JSON is large."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    if len(text) > compress_above:
        packed = base64.b64encode(gzip.compress(text.encode("utf-8"), compresslevel=1, mtime=0))
        return '{"gz":"' + packed.decode("ascii") + '"}'
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _stable_ids(element: Any, counter: list[int] | None = None) -> None:
    """Replace folium's random element ids with a counter so the same input gives the same page."""
    counter = counter if counter is not None else [0]
    counter[0] += 1
    element._id = f"{counter[0]:04d}"
    for child in element._children.values():
        _stable_ids(child, counter)


def render_map(incidents: FeatureCollection, *, places: FeatureCollection | None = None,
               outlines: FeatureCollection | None = None, styles: Mapping[str, LayerStyle] | None = None,
               title: str = "Incident map", online_tiles: bool = True, cluster_above: int = 150,
               cluster_max: int = 30_000,
               canvas_above: int = 1500, label_flows_below: int = 40, label_places_below: int = 400,
               label_top: int = 20,
               compress_above: int = 2_000_000, max_zoom: int = 14) -> str:
    """Render incidents (and optionally places mentioned) as one offline HTML page.

    Parameters
    ----------
    incidents
        FeatureCollection as written by :func:`mapper.export.incidents_geojson`.
    places
        FeatureCollection of places mentioned (:func:`mapper.export.places_geojson`): a layer of the
        literal ones, off by default.
    outlines
        Country outlines drawn as the offline base layer.
    styles
        incident type (and ``places``) -> ``{"label", "color"}``; defaults to :data:`DEFAULT_STYLES`.
    cluster_above, cluster_max, canvas_above, label_flows_below
        Markers of a layer are clustered above ``cluster_above``; above ``cluster_max`` features in all,
        points are plain canvas dots (clustering 100,000 markers takes the browser over 5 s); paths use
        a canvas renderer above ``canvas_above`` features; every flow gets a permanent figure label while
        fewer than ``label_flows_below`` (more are also drawn thinner), the places of markers are named while
        fewer than ``label_places_below`` or clustered (a name shows once its marker leaves its cluster); past
        those, only the ``label_top`` largest figures and the ``label_top`` spots with most incidents (the rest
        are in popups). Names and figures that would cover one another, a symbol or a control are hidden.
    compress_above
        Data larger than this (bytes of JSON) is embedded gzip-compressed and unpacked by the browser.
    max_zoom
        Deepest zoom level; marker clustering builds one level per zoom, so fewer load faster.

    Returns
    -------
    str
        The HTML page. All article-derived text is escaped by the page's own script.
    """
    styles = {**DEFAULT_STYLES, **(styles or {})}
    styles.setdefault("_default", OTHER_STYLE)
    _check_styles(styles)
    data = _pack(incidents, places)
    types = sorted({data["S"][row[0]] for row in data["I"]}, key=lambda t: (t not in DEFAULT_STYLES, t))
    days = [row[data["ic"]["t0"]] for row in data["I"] if row[data["ic"]["t0"]] is not None]
    data.update(
        styles=styles, title=title, attribution=ATTRIBUTION,
        subtitle=subtitle(f.get("properties") or {} for f in incidents.get("features", [])),
        outlines=_outlines(outlines), bounds=_bounds(data), coarse=COARSE, areaRadius=AREA_RADIUS,
        nFlows=sum(len(f[4]) == 4 for f in data["F"]), clusterAbove=cluster_above, clusterMax=cluster_max,
        canvasAbove=canvas_above, labelFlowsBelow=label_flows_below, labelPlacesBelow=label_places_below,
        labelTop=label_top,
        days=[min(days), max(days)] if days else None,
        legend=_legend(styles, types, _symbols(incidents), _drawn_subtypes(incidents, "migration"),
                       _unconfirmed_symbols(incidents)),
        subColors={t: {sub: subtype_color(styles, t, sub) for sub in _drawn_subtypes(incidents, t)}
                   for t in SUBTYPE_COLORS if t in types},
        maxZoom=max_zoom, debug=bool(os.environ.get("MAPPER_DEBUG_JS")))

    m = folium.Map(location=[45, 60], zoom_start=3, tiles=None, control_scale=True)
    m.default_js, m.default_css = [], []  # folium's CDN scripts: replaced by inlined copies below
    scripts, stylesheets = inline_assets()
    root = m.get_root()
    root.header.add_child(Element(f"<title>{html.escape(title)}</title>"), name="mapper_title")
    root.header.add_child(Element(stylesheets + _CSS), name="mapper_css")
    grid = resources.files("mapper.render").joinpath("grid.js").read_text(encoding="utf-8")
    root.header.add_child(Element(scripts + f"\n<script>{grid}</script>"), name="mapper_js")  # our grid clustering
    base = folium.FeatureGroup(name="Country outlines (offline)", overlay=False).add_to(m)
    if online_tiles:
        import xyzservices.providers as xyz

        for name, shown in ONLINE_TILES.items():
            provider = xyz.query_name(name)
            folium.TileLayer(provider, name=f"{shown} (online)", overlay=False, show=False).add_to(m)
    per_type = Counter(data["S"][row[data["ic"]["type"]]] for row in data["I"])  # the layer control counts
    groups = {t: folium.FeatureGroup(name=f"{styles.get(t, styles['_default'])['label']} ({per_type[t]:,})").add_to(m)
              for t in types}
    if places is not None:
        groups["places"] = folium.FeatureGroup(name=styles["places"]["label"], show=False).add_to(m)
    m.add_child(_DataLayer(_PLACEHOLDER, groups, base))
    folium.LayerControl(collapsed=False).add_to(m)
    _stable_ids(m)
    page = root.render()  # the data goes in afterwards: a large string through jinja costs seconds
    return page.replace(_PLACEHOLDER, _payload(data, compress_above), 1)


def write_map(path: str | os.PathLike[str], incidents: FeatureCollection, **options: Any) -> Path:
    """Render with :func:`render_map` and write the page atomically; returns the path."""
    return write_text(path, render_map(incidents, **options))
