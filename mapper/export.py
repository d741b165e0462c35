"""Incidents and resolved mentions -> GeoJSON, GeoPackage and CSV, written atomically.

Every property is flat and JSON-native; ``docs/schema.md`` documents each one.
"""

from __future__ import annotations

import contextlib
import csv
import gc
import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from mapper.errors import OutputError
from mapper.model import Figure, Incident, Location, Precision, Resolution

FeatureCollection = dict[str, Any]

#: ACLED ``geo_precision``: 1 the exact place, 2 near it or part of a region, 3 a region or larger.
GEO_PRECISION = {Precision.POINT: 1, Precision.DISTRICT: 2, Precision.REGION: 3,
                 Precision.COUNTRY: 3, Precision.AREA: 3}
#: ACLED ``time_precision``: 1 the day, 2 a range of days, 3 a month or coarser.
TIME_PRECISION = {"day": 1, "range": 2, "month": 3, "year": 3}
EVENT_TYPES = {"drone": "Drone incident", "migration": "Migration flow", "operation": "Military operation"}
CSV_COLUMNS = ("event_id_cnty", "incident_id", "event_date", "year", "time_precision", "date_precision",
               "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "location",
               "latitude", "longitude", "geo_precision", "role", "status", "confidence", "source",
               "source_url", "notes", "fatalities", "figures", "origin", "summary")
_SEP = "\n"  # joins per-source values; newlines inside a value become spaces


def _one_line(text: str) -> str:
    return " ".join(text.split()) if "\n" in text or "\r" in text else text


def _lines(values: Iterable[str]) -> str | None:
    """Per-source values, one a line, aligned with the sources; None when every one is empty (not a
    cell of bare line breaks)."""
    text = _SEP.join(map(_one_line, values))
    return text if text.strip() else None


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def format_figure(fig: Figure) -> str:
    """A figure as a reader writes it.

    >>> format_figure(Figure(1790000, "people", approximate=True))
    'about 1,790,000 people'
    """
    value = _number(fig.value)
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{'about ' if fig.approximate else ''}{text} {fig.unit}".strip()


def _figure_props(figures: Sequence[Figure]) -> dict[str, Any]:
    main = figures[0] if figures else None
    killed = [f.value for f in figures if f.unit.lower() in ("killed", "dead", "deaths", "fatalities")]
    return {"figures": "; ".join(format_figure(f) for f in figures) or None,
            "figure_value": _number(main.value) if main else None,
            "figure_unit": main.unit if main else None,
            "fatalities": int(sum(killed)) if killed else None}


def _incident_props(inc: Incident) -> dict[str, Any]:
    date = inc.date
    srcs = inc.sources
    origins = [loc.name for loc in inc.locations if loc.role == "origin"]
    dests = [loc.name for loc in inc.locations if loc.role == "destination"]
    return {
        "incident_id": inc.incident_id, "type": inc.type.value, "subtype": inc.subtype,
        "name": inc.name or None,
        "date": date.iso() if date else None,
        "date_precision": date.precision.value if date else None,
        "date_start": date.start.isoformat() if date else None,
        "date_end": date.end.isoformat() if date else None,
        "date_text": date.text or None if date else None,
        "status": inc.status.value, "confidence": round(float(inc.confidence), 4),
        **_figure_props(inc.figures),
        "actors": "; ".join(inc.actors) or None,
        "origin": "; ".join(origins) or None, "destination": "; ".join(dests) or None,
        "location_count": len(inc.locations),
        "sources": len(srcs),
        "source_articles": _lines(s.article_id for s in srcs),
        "source_titles": _lines(s.title for s in srcs),
        "source_urls": _lines(s.url for s in srcs),
        "source_dates": _lines(s.published.isoformat() if s.published else "" for s in srcs),
        "source_quotes": _lines(s.quote for s in srcs),
        "summary": inc.summary or None,
    }


def _loc_props(loc: Location) -> dict[str, Any]:
    return {"role": loc.role, "place_id": loc.place_id, "place": loc.name, "lat": round(loc.lat, 6),
            "lon": round(loc.lon, 6), "precision": loc.precision.value, "country": loc.country or None}


def _point(loc: Location) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [round(loc.lon, 6), round(loc.lat, 6)]}


def _parts(inc: Incident) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(geometry, location properties) for each feature of one incident."""
    origins = [loc for loc in inc.locations if loc.role == "origin"]
    dests = [loc for loc in inc.locations if loc.role == "destination"]
    if origins and dests:
        dest = dests[0]
        parts = []
        for org in origins:
            props = _loc_props(dest) | {"role": "flow", "origin_place_id": org.place_id, "origin_place": org.name,
                                        "origin_lat": round(org.lat, 6), "origin_lon": round(org.lon, 6),
                                        "origin_precision": org.precision.value}
            parts.append(({"type": "LineString", "coordinates": [_point(org)["coordinates"],
                                                                  _point(dest)["coordinates"]]}, props))
        return parts
    return [(_point(loc), _loc_props(loc)) for loc in inc.locations]


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small acyclic containers.

    At 100,000 incidents the collector's repeated passes cost twice the work itself.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def incident_features(incidents: Iterable[Incident]) -> list[dict[str, Any]]:
    """GeoJSON features of incidents: one per location, one line per origin of a flow.

    Every feature carries ``incident_id`` and ``type``; a multi-site incident gives several features
    sharing its ``incident_id`` (feature ids ``<incident_id>#<n>``).
    """
    feats = []
    with paused_gc():
        for inc in incidents:
            base = _incident_props(inc)
            parts = _parts(inc)
            for n, (geom, loc_props) in enumerate(parts):
                fid = inc.incident_id if len(parts) == 1 else f"{inc.incident_id}#{n}"
                feats.append({"type": "Feature", "id": fid, "geometry": geom,
                              "properties": {"feature_id": fid, **base, **loc_props}})
    return feats


def incidents_geojson(incidents: Iterable[Incident]) -> FeatureCollection:
    """RFC 7946 FeatureCollection of every incident (lon/lat, WGS84, no ``crs`` member)."""
    return {"type": "FeatureCollection", "features": incident_features(incidents)}


def flows_geojson(incidents: Iterable[Incident]) -> FeatureCollection:
    """The flows only: one LineString origin -> destination per origin of each flow incident."""
    feats = [f for f in incident_features(incidents) if f["geometry"]["type"] == "LineString"]
    return {"type": "FeatureCollection", "features": feats}


def places_geojson(resolutions: Iterable[Resolution]) -> FeatureCollection:
    """Every resolved mention as a point; mentions with no place are left out."""
    feats = []
    for res in resolutions:
        place, m = res.place, res.mention
        if place is None:
            continue
        fid = f"{m.article_id}:{m.start}-{m.end}"
        point = {"type": "Point", "coordinates": [round(place.lon, 6), round(place.lat, 6)]}
        feats.append({"type": "Feature", "id": fid, "geometry": point,
                      "properties": {
                          "mention_id": fid, "article_id": m.article_id, "start": m.start, "end": m.end,
                          "text": m.text, "generic": m.generic or None, "literal": bool(m.literal),
                          "place_id": place.place_id, "place": place.name, "kind": place.kind.value,
                          "precision": (res.precision or place.precision).value,
                          "country": place.country or None, "admin1": place.admin1_name or None,
                          "feature_code": place.feature_code or None, "lat": round(place.lat, 6),
                          "lon": round(place.lon, 6), "score": round(float(res.score), 4),
                          "method": res.method or None}})
    return {"type": "FeatureCollection", "features": feats}


def admin1_names(resolutions: Iterable[Resolution]) -> dict[str, str]:
    """place_id -> first-level subdivision name, from the resolved places."""
    return {r.place.place_id: r.place.admin1_name for r in resolutions if r.place and r.place.admin1_name}


def _distinct(lines: str | None) -> str:
    """Per-source lines as one `; `-separated cell, each value once (an article quoted twice is one source)."""
    return "; ".join(dict.fromkeys(v for v in (lines or "").split(_SEP) if v))


def _cell(text: str) -> str:
    """Article text for a spreadsheet cell: a leading ``= + - @`` (or tab/CR) would make Excel or
    LibreOffice read it as a formula (CSV injection), so such a cell starts with an apostrophe."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def incidents_csv_rows(incidents: Iterable[Incident], *,
                       admin1: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    """ACLED-like rows, one per feature of :func:`incident_features` (a flow: its destination)."""
    admin1 = admin1 or {}
    rows = []
    for f in incident_features(incidents):
        p = f["properties"]
        # ACLED's notes tell the event: the reported sentences, each once; how the rules read them is
        # the summary's (a spreadsheet reader wants the report first, the rule trace only to check)
        notes = " ".join(dict.fromkeys(q for q in (p["source_quotes"] or "").split(_SEP) if q)) or p["summary"] or ""
        if p["role"] == "flow":
            notes = f"{p['origin']} -> {p['destination']}. {notes}"
        actors = (p["actors"] or "").split("; ")
        rows.append({
            "event_id_cnty": f"{(p['country'] or 'XX').upper()}-{p['feature_id']}",
            "incident_id": p["incident_id"], "event_date": p["date_start"] or "",
            "year": (p["date_start"] or "")[:4],
            "time_precision": TIME_PRECISION.get(p["date_precision"], ""),
            "date_precision": p["date_precision"] or "", "event_type": EVENT_TYPES[p["type"]],
            "sub_event_type": p["subtype"],
            "actor1": _cell(actors[0]), "actor2": _cell("; ".join(actors[1:])),
            "country": p["country"] or "", "admin1": admin1.get(p["place_id"], ""), "location": p["place"],
            "latitude": p["lat"], "longitude": p["lon"],
            "geo_precision": GEO_PRECISION[Precision(p["precision"])], "role": p["role"],
            "status": p["status"], "confidence": p["confidence"],
            "source": _cell(_distinct(p["source_titles"])), "source_url": _cell(_distinct(p["source_urls"])),
            "notes": _cell(notes), "fatalities": "" if p["fatalities"] is None else p["fatalities"],
            "figures": p["figures"] or "", "origin": p.get("origin_place") or "",
            "summary": _cell(p["summary"] or "")})
    return rows


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it replaces ``path`` in one rename.

    Raises
    ------
    OutputError
        When the folder cannot be created or the file cannot be written.
    """
    target = Path(path)
    if target.exists() and not target.is_file() and not target.is_dir():
        # a device or a pipe ("--out /dev/null", a FIFO): written in place, never replaced by a rename (a rename
        # would put a plain file where /dev/null was)
        with tempfile.TemporaryDirectory() as folder:
            tmp_path = Path(folder) / (target.name or "out")
            yield tmp_path
            try:
                with tmp_path.open("rb") as src, target.open("wb") as dst:
                    shutil.copyfileobj(src, dst)
            except OSError as exc:
                raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
        return
    blocker = next((p for p in (target.parent, *target.parent.parents) if p.exists()), None)
    if blocker is not None and not blocker.is_dir():
        raise OutputError(f"cannot write {target}: {blocker} is a file, not a folder")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=target.suffix, dir=target.parent)
        os.close(fd)
        os.unlink(tmp)  # writers such as GDAL want to create the file themselves
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.replace(tmp_path, target)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` as UTF-8 to ``path`` atomically and return the path."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(path)


def write_geojson(path: str | os.PathLike[str], fc: FeatureCollection) -> Path:
    """Write a FeatureCollection as RFC 7946 GeoJSON (UTF-8, not ASCII-escaped)."""
    return write_text(path, json.dumps(fc, ensure_ascii=False, indent=None, separators=(",", ":")) + "\n")


def csv_text(rows: Iterable[Mapping[str, Any]], columns: Sequence[str] = CSV_COLUMNS) -> str:
    """Rows as CSV text with a header line."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def write_csv(path: str | os.PathLike[str], rows: Sequence[Mapping[str, Any]],
              columns: Sequence[str] = CSV_COLUMNS) -> Path:
    """Write rows as CSV with a header line (UTF-8)."""
    return write_text(path, csv_text(rows, columns))


def write_gpkg(path: str | os.PathLike[str], layers: Mapping[str, FeatureCollection]) -> Path:
    """Write each FeatureCollection as a layer of one GeoPackage (EPSG:4326).

    A layer mixing points and lines gets GDAL geometry type ``Unknown``; an empty layer is still written.
    """
    import geopandas as gpd  # geopandas only here and in render/static.py: it is slow to import

    with atomic_path(path) as tmp:
        for name, fc in layers.items():
            if fc["features"]:
                gdf = gpd.GeoDataFrame.from_features(fc["features"], crs="EPSG:4326")
                types = set(gdf.geom_type)
                gtype = types.pop() if len(types) == 1 else "Unknown"
            else:
                gdf = gpd.GeoDataFrame({"feature_id": []}, geometry=gpd.GeoSeries([], crs="EPSG:4326"))
                gtype = "Unknown"
            gdf.to_file(tmp, layer=name, driver="GPKG", engine="pyogrio", geometry_type=gtype)
    return Path(path)
