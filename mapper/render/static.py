"""Incident FeatureCollection -> a 16:9 briefing image (PNG), offline: country outlines, no tiles."""

from __future__ import annotations

import math
import os
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from mapper.export import atomic_path
from mapper.render import (
    COARSE,
    CREDIT,
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

FeatureCollection = dict[str, Any]
SIZE_IN = (16.0, 9.0)  # 16:9; at 120 dpi 1920 x 1080, readable on a slide
MARKERS = {"debris": "^", "strike": "*", "sighting": "o", "interception": "X", "staging": "s", "target": "P"}
MAX_LABELS = 30
#: Symbols and lines above which the map is crowded: no corner is free of data, the legend goes beside it.
CROWDED = 60
#: Flow figures written at most, the largest with room first (the others are in the slides' tables).
MAX_FLOW_LABELS = 12
#: Dash pattern of a flow line with an end known only roughly (in line widths: dash, gap).
ROUGH_DASHES = (0, (2.5, 1.8))


def _props(fc: FeatureCollection) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(f.get("properties") or {}, f.get("geometry") or {}) for f in fc.get("features", [])]


def _extent(feats: list[tuple[dict, dict]], aspect: float) -> tuple[float, float, float, float]:
    """lon/lat box around the data, padded and widened to the axes' aspect (cos-corrected)."""
    xs, ys = [], []
    for _, g in feats:
        coords = g.get("coordinates") or []
        pts = [coords] if g.get("type") == "Point" else coords
        xs += [c[0] for c in pts]
        ys += [c[1] for c in pts]
    if not xs:
        return -180.0, 180.0, -60.0, 80.0
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    w, h = max(x1 - x0, 4.0) * 1.15, max(y1 - y0, 3.0) * 1.25
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    k = math.cos(math.radians(max(min(cy, 75.0), -75.0)))
    if w * k / h < aspect:
        w = h * aspect / k
    else:
        h = w * k / aspect
    return cx - w / 2, cx + w / 2, max(cy - h / 2, -85.0), min(cy + h / 2, 85.0)


def _draw_outlines(ax: Any, outlines: FeatureCollection | None, linewidth: float = 0.6) -> None:
    if not outlines or not outlines.get("features"):
        return
    import geopandas as gpd  # slow to import: only when drawing

    gdf = gpd.GeoDataFrame.from_features(outlines["features"], crs="EPSG:4326")
    gdf.plot(ax=ax, color="#f4f1ea", edgecolor="#9a9a9a", linewidth=linewidth, zorder=1)


def _map_axes(fig: Figure, at: tuple[float, float, float, float], frame: tuple[float, float, float, float],
              outlines: FeatureCollection | None, linewidth: float = 0.6) -> Any:
    """Axes at ``at`` (figure fractions) showing the lon/lat ``frame`` over the sea, with the outlines, at a
    cos-latitude aspect and with no ticks."""
    ax = fig.add_axes(at)
    x0, x1, y0, y1 = frame
    ax.set_facecolor("#d4e4ef")
    _draw_outlines(ax, outlines, linewidth=linewidth)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect(1 / math.cos(math.radians((y0 + y1) / 2)))
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    return ax


def _box(cx: float, cy: float, w: float, aspect: float) -> tuple[float, float, float, float]:
    """A lon/lat box ``w`` degrees wide around a centre, as high as fills axes of ``aspect`` (cos-corrected)."""
    w = min(w, 360.0)
    h = min(w * math.cos(math.radians(max(min(cy, 75.0), -75.0))) / aspect, 170.0)
    cx = min(max(cx, -180.0 + w / 2), 180.0 - w / 2)
    cy = min(max(cy, -85.0 + h / 2), 85.0 - h / 2)
    return cx - w / 2, cx + w / 2, cy - h / 2, cy + h / 2


#: A map narrower than this (degrees of longitude) gets a locator: where on the globe its frame lies.
LOCATOR_BELOW = 75.0
#: The locator's box in figure fractions (left, bottom, width, height): the title band's right end.
LOCATOR_AT = (0.875, 0.89, 0.105, 0.1)


def _draw_locator(fig: Figure, outlines: FeatureCollection | None,
                  frame: tuple[float, float, float, float], texts: Sequence[Any]) -> Any | None:
    """A small map of the wider region with the main map's frame drawn on it, in the title band's right
    end; none when the map is already wide, there are no outlines, or the title reaches that far."""
    x0, x1, y0, y1 = frame
    if not outlines or not outlines.get("features") or x1 - x0 >= LOCATOR_BELOW:
        return None
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.patches import Rectangle

    renderer = FigureCanvasAgg(fig).get_renderer()
    left = LOCATOR_AT[0] * fig.bbox.width
    if any(t.get_window_extent(renderer).x1 > left - 10 for t in texts):
        return None
    aspect = (SIZE_IN[0] * LOCATOR_AT[2]) / (SIZE_IN[1] * LOCATOR_AT[3])
    inset = _map_axes(fig, LOCATOR_AT, _box((x0 + x1) / 2, (y0 + y1) / 2, max(4 * (x1 - x0), 90.0), aspect),
                      outlines, linewidth=0.3)
    inset.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, fill=False, edgecolor="#c0392b", linewidth=1.5, zorder=5))
    return inset


def _badge(ax: Any, lon: float, lat: float, offset: tuple[float, float] = (0, 0)) -> Any:
    """The "?" of a claimed or denied incident, as the map draws it: a small white disc by the symbol."""
    return ax.annotate("?", (lon, lat), xytext=offset, textcoords="offset points", fontsize=9, weight="bold",
                       ha="center", va="center", zorder=8, clip_on=True, annotation_clip=True,
                       color="#222222", parse_math=False,
                       bbox={"boxstyle": "circle,pad=0.15", "fc": "white", "ec": "#333333", "lw": 0.8})


#: Where along a flow's line its figures are tried, first clear of every symbol, else anywhere clear.
_LABEL_AT = (0.5, 0.4, 0.6, 0.3, 0.7)
#: Where along a claimed flow's line its "?" is tried, as fractions of the way from origin to destination.
_LINE_BADGE_AT = (0.62, 0.75, 0.5, 0.85, 0.38, 0.25)


def _place_labels(fig: Figure, ax: Any, flow_labels: list[tuple[Any, tuple[float, float, float, float] | None]],
                  places: dict[tuple[str, float, float], bool],
                  badges: list[Any] | None = None,
                  line_badges: Sequence[tuple[float, float, float, float]] = ()) -> None:
    """Write labels that do not cover one another: flow figures first (along their line, off the symbols
    where there is room; else under them), then the
    "?" of each claimed flow at the first spot along its line (``_LINE_BADGE_AT``) clear of them (added to
    ``badges``), then exact places, then areas; a place label tries the right, left, top and bottom of its
    point and is left out when all are taken or it would cover another place's symbol or a "?" badge."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.transforms import Bbox

    badges = [] if badges is None else badges
    renderer = FigureCanvasAgg(fig).get_renderer()
    frame = ax.get_window_extent(renderer)
    kept: list[Any] = []  # a "?" on another "?" (a crowded briefing) is one mark: the spot still reads claimed
    for badge in list(badges):
        box = badge.get_window_extent(renderer)
        if any(box.overlaps(k) for k in kept):
            badge.remove()
            badges.remove(badge)
        else:
            kept.append(box)
    taken: list[Any] = list(kept)  # the figures go beside the marks, never under one
    half = 0.08 * fig.dpi  # half a symbol's width (about 11 points)
    symbols = {(lon, lat): Bbox.from_extents(x - half, y - half, x + half, y + half)
               for (_, lon, lat), area in places.items() if not area
               for x, y in [ax.transData.transform((lon, lat))]}

    def free(artist: Any, own: tuple[float, float] | None = None, symbol_free: bool = False) -> bool:
        box = artist.get_window_extent(renderer).expanded(1.04, 1.1)
        inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
        if (own is not None or symbol_free) and any(box.overlaps(b) for at, b in symbols.items() if at != own):
            return False
        if inside and not any(box.overlaps(t) for t in taken):
            taken.append(box)
            return True
        return False

    placed = 0
    for text, line in flow_labels:  # the largest first, along its line, off the symbols, where there is room
        if placed >= MAX_FLOW_LABELS:
            text.remove()
            continue
        placed += 1
        spots = [(line[0] + at * (line[2] - line[0]), line[1] + at * (line[3] - line[1])) for at in _LABEL_AT] \
            if line else [text.get_position()]
        for x, y in spots:
            text.set_position((x, y))
            if free(text, symbol_free=True):
                break
        else:  # under the symbols only on a small map: among hundreds, a figure half covered misreads
            text.set_position(spots[0])
            if len(flow_labels) > MAX_FLOW_LABELS or not free(text):
                text.remove()
                placed -= 1
    for x0, y0, x1, y1 in line_badges:  # a flow's "?" beside the figures, never on them
        for at in _LINE_BADGE_AT:
            badge = _badge(ax, x0 + at * (x1 - x0), y0 + at * (y1 - y0))
            box = badge.get_window_extent(renderer)
            if at == _LINE_BADGE_AT[-1] or not any(box.overlaps(t) for t in taken):
                badges.append(badge)  # the last spot whatever it covers: the mark is never left out
                taken.append(box)
                break
            badge.remove()
    taken += [b.get_window_extent(renderer) for b in badges[len(kept):]]  # over the figures, never under a name
    ordered = sorted(places.items(), key=lambda item: item[1])  # exact places before areas
    for (name, lon, lat), _ in ordered[:MAX_LABELS]:
        for dx, dy, ha, va in ((7, 4, "left", "bottom"), (-7, 4, "right", "bottom"), (0, 9, "center", "bottom"),
                               (0, -9, "center", "top")):
            label = ax.annotate(name, (lon, lat), xytext=(dx, dy), textcoords="offset points", fontsize=10,
                                ha=ha, va=va, parse_math=False, zorder=7, clip_on=True, annotation_clip=True,
                                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7})
            if free(label, (lon, lat)):
                break
            label.remove()


def render_png(path: str | os.PathLike[str], incidents: FeatureCollection, *,
               outlines: FeatureCollection | None = None, styles: Mapping[str, LayerStyle] | None = None,
               title: str = "Incidents", credit: str = "", dpi: int = 120) -> Path:
    """Draw the incidents on country outlines and write a 16:9 PNG atomically.

    Parameters
    ----------
    path
        Where to write the PNG.
    incidents
        FeatureCollection as written by :func:`mapper.export.incidents_geojson`.
    outlines
        Country outlines (the offline base map).
    credit
        Source credit printed at the bottom, e.g. the articles used; GeoNames credit is always added.

    Returns
    -------
    Path
        The written file.
    """
    fig = draw_briefing(incidents, outlines=outlines, styles=styles, title=title, credit=credit, dpi=dpi)
    with atomic_path(path) as tmp:
        fig.savefig(tmp, format="png", dpi=dpi, facecolor="white")
    return Path(path)


def draw_briefing(incidents: FeatureCollection, *, outlines: FeatureCollection | None = None,
                  styles: Mapping[str, LayerStyle] | None = None, title: str = "Incidents", credit: str = "",
                  dpi: int = 120) -> Figure:
    """The briefing image as a matplotlib Figure (see :func:`render_png`); its one axes is the map."""
    styles = {**DEFAULT_STYLES, **(styles or {})}
    feats = _props(incidents)
    fig = Figure(figsize=SIZE_IN, dpi=dpi)
    crowded = len(feats) > CROWDED  # the legend beside the map, not over its data
    width = 0.68 if crowded else 0.96
    ax = _map_axes(fig, (0.02, 0.1, width, 0.78), _extent(feats, aspect=(SIZE_IN[0] * width) / (SIZE_IN[1] * 0.78)),
                   outlines)

    used: dict[tuple[str, str], tuple[tuple[int, int, str], Line2D]] = {}  # (label, symbol) -> order, handle
    types = list(DEFAULT_STYLES)

    def legend(kind: str, text: str, symbol: str, handle: Line2D, rank: int = 1) -> None:
        label = styles.get(kind, OTHER_STYLE)["label"]
        order = (types.index(kind) if kind in types else len(types), rank, text)
        used.setdefault((f"{label}: {text}" if text else label, symbol), (order, handle))

    # staging points first: a target's dashed link must not depend on the order of the features
    staging = {p.get("incident_id", ""): tuple(g["coordinates"][:2]) for p, g in feats
               if p.get("role") == "staging" and g.get("type") == "Point"}
    labelled: set[str] = set()
    flow_labels: list[tuple[float, Any, tuple[float, float, float, float]]] = []  # -value, text, line
    places: dict[tuple[str, float, float], bool] = {}  # place label -> drawn as an area
    on_spot: dict[tuple[str, float, float], set[str]] = {}  # place label -> incidents drawn there
    badges: list[Any] = []  # the "?" of claimed or denied incidents, one an incident and spot
    line_badges: list[tuple[float, float, float, float]] = []  # claimed flows' lines, their "?" still to place
    badged: set[tuple[str, float, float]] = set()
    for p, g in feats:
        kind, sub = p.get("type", ""), p.get("subtype") or ""
        color = subtype_color(styles, kind, sub)
        by_sub = kind in SUBTYPE_COLORS  # a type whose subtypes have their own colours: one entry each
        claimed = (p.get("status") or "confirmed") != "confirmed"
        if g.get("type") == "LineString":
            (ax0, ay0), (ax1, ay1) = g["coordinates"][0][:2], g["coordinates"][-1][:2]
            value = p.get("figure_value") if (p.get("figure_unit") or "") == "people" else None
            width = 1.5 + 1.2 * math.log10(1 + value) if value else 1.5
            rough = rough_flow(p)  # an end at a country's or region's centre: dashed, no exact route
            ax.annotate("", xy=(ax1, ay1), xytext=(ax0, ay0), zorder=3,
                        arrowprops={"arrowstyle": "-|>", "color": color, "lw": width, "alpha": 0.8,
                                    "mutation_scale": 10 + 2 * width, "shrinkA": 0, "shrinkB": 0,
                                    "linestyle": ROUGH_DASHES if rough else "-"})
            if rough:
                legend(kind, ROUGH_FLOW, "rough", Line2D([], [], color="#444444", lw=2.5, ls=(0, (3, 2))), 1)
            if claimed and (p.get("incident_id", ""), 0.0, 0.0) not in badged:  # on its line, once
                badged.add((p.get("incident_id", ""), 0.0, 0.0))
                line_badges.append((ax0, ay0, ax1, ay1))  # placed once the figures are
            if p.get("figures") and p.get("incident_id") not in labelled:  # once per incident
                labelled.add(p.get("incident_id"))
                flow_labels.append((-(value or 0), ax.text((ax0 + ax1) / 2, (ay0 + ay1) / 2, p["figures"], fontsize=10,
                                            weight="bold", parse_math=False, ha="center", va="center", zorder=4,
                                            clip_on=True, bbox={"boxstyle": "round,pad=0.2", "fc": "white",
                                                                "ec": "none", "alpha": 0.8}),
                                    (ax0, ay0, ax1, ay1)))
            legend(kind, f"{sub} (arrow)" if by_sub else "", "flow", Line2D([], [], color=color, lw=3), 0)
            continue
        lon, lat = g["coordinates"][:2]
        role = p.get("role", "site")
        if claimed and (p.get("incident_id", ""), lon, lat) not in badged:  # by its symbol, as on the map
            badged.add((p.get("incident_id", ""), lon, lat))
            badges.append(_badge(ax, lon, lat, (8, 8) if p.get("precision") not in COARSE else (0, 0)))
        if p.get("precision") in COARSE:  # its legend disc: the type's colour, grey when subtypes have theirs
            area_color = "#777777" if by_sub else styles.get(kind, OTHER_STYLE)["color"]
            ax.scatter([lon], [lat], s=900, facecolors=color, edgecolors=color, alpha=0.2,
                       linestyle="--", linewidths=1.5, zorder=2)
            legend(kind, "approximate (region or coarser)", "area",  # each type its colour
                   Line2D([], [], marker="o", ls="", ms=14, mfc=area_color, mec=area_color, alpha=0.3), 3)
            if by_sub:
                legend(kind, sub, "o", Line2D([], [], marker="o", ls="", ms=10, mfc=color, mec="white"), 2)
        else:
            marker = MARKERS.get(role) or MARKERS.get(sub, "o")
            ax.scatter([lon], [lat], s=220 if marker == "*" else 120, marker=marker,  # a star is thin
                       c=color, edgecolors="white", linewidths=0.8,
                       zorder=5, alpha=1.0 if p.get("precision") == "point" else 0.6)
            what = role if role in ("staging", "target") else sub
            legend(kind, what, marker, Line2D([], [], marker=marker, ls="", ms=14 if marker == "*" else 10, mfc=color,
                                              mec="white"), 2)
        if role == "target" and p.get("incident_id") in staging:
            sx, sy = staging[p["incident_id"]]
            ax.plot([sx, lon], [sy, lat], ls="--", lw=1.2, color=color, alpha=0.7, zorder=3)
            legend(kind, "staging point to target", "link", Line2D([], [], ls="--", lw=1.2, color=color), 4)
        if p.get("place"):
            places.setdefault((p["place"], lon, lat), p.get("precision") in COARSE)
            on_spot.setdefault((p["place"], lon, lat), set()).add(p.get("incident_id", ""))
    # several incidents on one spot draw one symbol on another: the name tells how many
    places = {(f"{name} \u00d7{len(on_spot[name, lon, lat])}" if len(on_spot[name, lon, lat]) > 1 else name,
               lon, lat): area for (name, lon, lat), area in places.items()}
    flow_labels.sort(key=lambda x: x[0])  # the largest figures first
    _place_labels(fig, ax, [(t, line) for _, t, line in flow_labels], places, badges, line_badges)
    if badges:
        key = UNCONFIRMED.removeprefix("?: "), "badge"  # true of every layer: the last entry
        used[key] = ((len(types) + 1, 0, ""), Line2D([], [], marker="$?$", ls="", ms=9, color="#222222"))
    if used:
        entries = sorted(used.items(), key=lambda kv: kv[1][0])
        # a subtype drawn both as an arrow and as a dot is one entry, its arrow
        arrows = {k[0].removesuffix(" (arrow)") for k, _ in entries if k[0].endswith(" (arrow)")}
        entries = [(k[0].removesuffix(" (arrow)"), v[1]) for k, v in entries
                   if k[0].endswith(" (arrow)") or k[0] not in arrows]
        place = {"loc": "upper left", "bbox_to_anchor": (1.01, 1.0), "borderaxespad": 0.0} if crowded else \
            {"loc": "best"}
        texts = [t.replace("$", r"\$") for t, _ in entries]
        if crowded:  # beside the map: a long entry wraps within the figure
            texts = [textwrap.fill(t, 40, subsequent_indent="  ") for t in texts]
        ax.legend([h for _, h in entries], texts, fontsize=11 if not crowded else 10, framealpha=0.92, **place)
    heads = [fig.text(0.02, 0.955, title, fontsize=26, weight="bold", va="center", parse_math=False),
             fig.text(0.02, 0.905, subtitle(p for p, _ in feats), fontsize=15, va="center", color="#333333")]
    _draw_locator(fig, outlines, (*ax.get_xlim(), *ax.get_ylim()), heads)
    fig.text(0.02, 0.05, f"Sources: {credit}" if credit else "", fontsize=10, va="center", color="#333333",
             parse_math=False)
    fig.text(0.02, 0.02, CREDIT, fontsize=10, va="center", color="#555555")
    return fig
