"""Write every output of a run (data files, map, briefing) into one folder, all replaced together."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from mapper import export
from mapper.errors import OutputError
from mapper.model import Article, Incident, Resolution

TITLE = "Incident map"
#: Output name -> file name, in the order they are written.
FILES = {"incidents": "incidents.geojson", "flows": "flows.geojson", "places": "places.geojson",
         "csv": "incidents.csv", "gpkg": "incidents.gpkg", "map": "map.html", "png": "briefing.png",
         "pptx": "briefing.pptx"}


def source_credit(articles: Sequence[Article], incidents: Sequence[Incident] = ()) -> str:
    """One line naming the articles used: count, outlets and publication dates.

    >>> source_credit([])
    ''
    """
    if not articles:
        ids = {s.article_id for inc in incidents for s in inc.sources}
        return f"{len(ids)} article{'s' if len(ids) != 1 else ''}" if ids else ""
    outlets = sorted({a.source for a in articles if a.source})
    dates = sorted(a.published for a in articles if a.published)
    span = (f" ({dates[0].isoformat()} to {dates[-1].isoformat()})" if dates and dates[0] != dates[-1]
            else f" ({dates[0].isoformat()})" if dates else "")  # all on one day: that day once
    unnamed = " and unnamed outlets" if outlets and any(not a.source for a in articles) else ""
    who = f" from {', '.join(outlets)}{unnamed}" if outlets else ""
    return f"{len(articles)} article{'s' if len(articles) != 1 else ''}{who}{span}"


def write_outputs(incidents: Iterable[Incident], resolutions: Iterable[Resolution],
                  out_dir: str | os.PathLike[str], *, outlines: dict | None = None,
                  title: str | None = None, articles: Sequence[Article] = ()) -> dict[str, Path]:
    """Write the GeoJSON, CSV, GeoPackage, HTML map, briefing PNG and PPTX for one run.

    Parameters
    ----------
    incidents, resolutions
        The run's incidents and every resolved mention (for places.geojson and the map's places layer).
    out_dir
        Folder to write into; created when missing. Every file is first written into a hidden folder
        inside it, and the earlier outputs are replaced only once all are complete: a failed run
        leaves them as they were.
    outlines
        Country outlines FeatureCollection (``gazetteer.country_outlines()``) for the offline base map.
    title
        Title of the map, image and slides (default :data:`TITLE`).
    articles
        The articles read, for the source credit.

    Returns
    -------
    dict[str, Path]
        Output name (see :data:`FILES`) -> path written.

    Raises
    ------
    OutputError
        When the folder or a file cannot be written.
    """
    # the renderers import folium and matplotlib, which are slow to import: only when writing
    from mapper.render import subtitle
    from mapper.render.leaflet import write_map
    from mapper.render.slides import render_pptx
    from mapper.render.static import render_png

    incidents, resolutions = list(incidents), list(resolutions)
    title = title or TITLE
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise OutputError(f"cannot write outputs to {out}: it is a file, not a folder")
    final = {name: out / file for name, file in FILES.items()}
    for path in final.values():
        if path.is_dir():
            raise OutputError(f"cannot write {path}: a folder of that name is in the way")
    fc = export.incidents_geojson(incidents)
    flows = {"type": "FeatureCollection", "features": [f for f in fc["features"]
                                                      if f["geometry"]["type"] == "LineString"]}
    places = export.places_geojson(resolutions)
    credit = source_credit(articles, incidents)
    with _staging(out) as stage:
        paths = {name: stage / file for name, file in FILES.items()}
        export.write_geojson(paths["incidents"], fc)
        export.write_geojson(paths["flows"], flows)
        export.write_geojson(paths["places"], places)
        export.write_csv(paths["csv"], export.incidents_csv_rows(incidents,
                                                                 admin1=export.admin1_names(resolutions)))
        # a layer of one geometry type besides the mixed one: ArcGIS draws no layer of type Unknown
        points = {"type": "FeatureCollection", "features": [f for f in fc["features"]
                                                           if f["geometry"]["type"] == "Point"]}
        export.write_gpkg(paths["gpkg"], {"incidents": fc, "incident_points": points, "flows": flows,
                                          "places": places})
        write_map(paths["map"], fc, places=places, outlines=outlines, title=title)
        render_png(paths["png"], fc, outlines=outlines, title=title, credit=credit)
        render_pptx(paths["pptx"], fc, image=paths["png"], title=title, credit=f"Sources: {credit}" if credit else "",
                    subtitle=subtitle(f["properties"] for f in fc["features"]))
        with _signals_held():  # every file is complete: only now replace the earlier ones, all of them
            for name, path in paths.items():
                try:
                    os.replace(path, final[name])
                except OSError as exc:
                    raise OutputError(f"cannot write {final[name]}: {exc.strerror or exc}") from exc
    return final


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM until the block ends, so a run's files are replaced all or none.

    A signal that arrives meanwhile is raised again after the block (Ctrl-C then still exits 130, with
    the new outputs whole). Outside the main thread, where handlers cannot be set, the block runs as is.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    arrived: list[int] = []
    held = [sig for sig in (signal.SIGINT, getattr(signal, "SIGTERM", None)) if sig is not None]
    previous = {sig: signal.signal(sig, lambda number, _frame: arrived.append(number)) for sig in held}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        for sig in dict.fromkeys(arrived):
            signal.raise_signal(sig)


def check_out_dir(out_dir: str | os.PathLike[str]) -> None:
    """Fail now, not after an hour of parsing, when the outputs could not be written into ``out_dir``."""
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise OutputError(f"cannot write outputs to {out}: it is a file, not a folder")
    with _staging(out):
        pass


@contextlib.contextmanager
def _staging(out: Path) -> Iterator[Path]:
    """A hidden folder inside ``out`` (same file system, so the final renames are atomic), removed after."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=".mapper-run-", dir=out))
    except OSError as exc:
        raise OutputError(f"cannot write outputs to {out}: {exc.strerror or exc}") from exc
    try:
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)

