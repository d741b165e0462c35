"""Benchmark the map renderer: 100,000 synthetic incidents -> write time, HTML size, headless load + pan.

Run by hand: ``python bench/bench_render.py [--n 100000] [--out bench-out]``. Needs /usr/bin/chromium and
the playwright package for the browser part (skipped otherwise). Prints one JSON line of figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from pathlib import Path

from mapper import export
from mapper.model import (
    DatePrecision,
    Figure,
    FuzzyDate,
    Incident,
    IncidentType,
    Location,
    Precision,
    Source,
    Status,
)
from mapper.render.leaflet import write_map

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SUBTYPES = ("sighting", "debris", "strike", "interception")
PRECISIONS = (Precision.POINT,) * 8 + (Precision.DISTRICT, Precision.REGION)


def _loc(rng: random.Random, i: int, role: str = "site") -> Location:
    lat, lon = rng.uniform(38, 60), rng.uniform(25, 90)
    return Location(f"geonames:{i}", f"Place {i % 5000}", lat, lon, rng.choice(PRECISIONS), role, "KZ")


def synthetic_incidents(n: int, seed: int = 7) -> list[Incident]:
    """n incidents: 80 % drone, 12 % migration flows, 8 % operations with a staging point and targets."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(540))
        date = FuzzyDate(day, day, DatePrecision.DAY) if rng.random() < 0.9 else None
        src = (Source(f"a{i // 3}", f"Officials said object {i} came down near the settlement on that day.",
                      0, 70, title=f"Report {i // 3}", url=f"https://example.org/{i // 3}"),)
        r = rng.random()
        if r < 0.8:
            inc = Incident(f"d{i}", IncidentType.DRONE, rng.choice(SUBTYPES), (_loc(rng, i),), src, date=date,
                           confidence=round(rng.random(), 2))
        elif r < 0.92:
            inc = Incident(f"m{i}", IncidentType.MIGRATION, "labour migration",
                           (_loc(rng, i, "origin"), _loc(rng, i + 1, "destination")), src, date=date,
                           figures=(Figure(rng.randrange(10, 10**6), "people"),))
        else:
            locs = (_loc(rng, i, "staging"),) + tuple(_loc(rng, i + k, "target") for k in range(1, rng.randint(2, 4)))
            inc = Incident(f"o{i}", IncidentType.OPERATION, "strike", locs, src, date=date, status=Status.CLAIMED)
        out.append(inc)
    return out


def country_outlines() -> dict:
    """Country outlines from the installed countryinfo package (the gazetteer's source for them)."""
    import countryinfo

    feats = []
    for path in sorted((Path(countryinfo.__file__).parent / "data").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        feats += [{"type": "Feature", "properties": {}, "geometry": f["geometry"]}
                  for f in (data.get("geoJSON") or {}).get("features", [])]
    return {"type": "FeatureCollection", "features": feats}


def browser_times(path: Path) -> dict[str, float]:
    """Seconds to load the page (data drawn) and to pan it, in headless Chromium with no network."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        t0 = time.perf_counter()
        page.goto(path.resolve().as_uri(), timeout=60_000)
        page.wait_for_function("window.mapper && window.mapper.ready", timeout=60_000)
        loaded = time.perf_counter() - t0
        t1 = time.perf_counter()
        # one pan by 300 x 200 px, timed until the next frame is painted
        page.evaluate("""() => new Promise(done => { const m = window.mapper.map;
            m.once('moveend', () => requestAnimationFrame(() => requestAnimationFrame(done)));
            m.panBy([300, 200], {animate: false}); })""")
        panned = time.perf_counter() - t1
        browser.close()
    return {"load_s": round(loaded, 2), "pan_s": round(panned, 2), "load_and_pan_s": round(loaded + panned, 2)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--out", default="bench-out")
    args = ap.parse_args(argv)
    out = Path(args.out)
    incidents = synthetic_incidents(args.n)
    outlines = country_outlines()
    t0 = time.perf_counter()
    fc = export.incidents_geojson(incidents)
    t1 = time.perf_counter()
    path = write_map(out / "bench_map.html", fc, outlines=outlines,
                     title=f"{args.n:,} synthetic incidents")
    t2 = time.perf_counter()
    small = write_map(out / "seed_sized_map.html", export.incidents_geojson(synthetic_incidents(12)),
                      outlines=outlines)
    figures = {"incidents": args.n, "features": len(fc["features"]), "export_s": round(t1 - t0, 2),
               "map_write_s": round(t2 - t1, 2), "html_mb": round(path.stat().st_size / 1e6, 2),
               "seed_sized_map_kb": round(small.stat().st_size / 1e3)}
    if Path(CHROMIUM).exists():
        try:
            figures |= browser_times(path)
        except ImportError:
            figures["browser"] = "playwright not installed"
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
