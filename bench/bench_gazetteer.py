"""Benchmark the gazetteer: build time, file size, cold start of `mapper geocode`, warm lookups/s.

Run by hand: ``python bench/bench_gazetteer.py [--reuse PATH]``. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mapper.gazetteer import SqliteGazetteer, build


def cold_start(path: Path, runs: int = 7) -> float:
    """Median wall time of ``mapper geocode Tashkent`` as a fresh process (interpreter start included)."""
    exe = shutil.which("mapper") or sys.executable
    cmd = [exe, "geocode", "Tashkent", "--limit", "1"] if exe.endswith("mapper") else [
        exe, "-m", "mapper", "geocode", "Tashkent", "--limit", "1"]
    env = os.environ | {"MAPPER_GAZETTEER": str(path)}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
        times.append(time.perf_counter() - start)
        assert out.startswith("geonames:1512569"), out
    return statistics.median(times)


def lookups_per_second(gaz: SqliteGazetteer, names: list[str], rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for name in names:
            gaz.candidates(name)
    return rounds * len(names) / (time.perf_counter() - start)


def prior_accuracy(gaz: SqliteGazetteer, corpus: Path) -> tuple[float, int]:
    """Share of gold toponyms whose first candidate for the bare name lies within 161 km."""
    import json

    from geopy.distance import great_circle

    hits = total = 0
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            for t in json.loads(line)["toponyms"]:
                total += 1
                found = gaz.candidates(t["name"], limit=1) if t["name"].strip(" .-") else []
                hits += bool(found) and great_circle((found[0].lat, found[0].lon), (t["lat"], t["lon"])).km <= 161
    return hits / total, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reuse", type=Path, help="Use this built file instead of building one.")
    parser.add_argument("--eval-data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "eval-data",
                        help="Folder with lgl.jsonl and geovirus.jsonl (prior-only accuracy; skipped if absent).")
    args = parser.parse_args()
    rows = []
    tmp = Path(tempfile.mkdtemp(prefix="gazbench-"))
    if args.reuse:
        path = args.reuse
    else:
        from mapper.gazetteer.build import default_aliases, default_curated

        curated = tmp / "curated.csv"  # snapshots, so that edits elsewhere do not make it stale
        aliases = tmp / "aliases.csv"
        for src, dst in ((default_curated(), curated), (default_aliases(), aliases)):
            if src and src.exists():
                shutil.copy(src, dst)
        info = build(tmp / "gazetteer.sqlite", curated=curated, aliases=aliases, progress=False)
        path = info.path
        rows += [("build time", f"{info.seconds:.1f} s"),
                 ("SQLite file", f"{info.size_bytes / 1e6:.1f} MB ({info.places} places, {info.names} names)"),
                 ("name index (marisa-trie)", f"{info.trie_path.stat().st_size / 1e6:.1f} MB ({info.keys} keys)")]
    start = time.perf_counter()
    gaz = SqliteGazetteer(path)
    gaz.name_index()
    rows.append(("open file + name index", f"{(time.perf_counter() - start) * 1000:.1f} ms"))
    rows.append(("cold start `mapper geocode Tashkent`", f"{cold_start(path):.3f} s (median of 7)"))
    names = [r[0] for r in gaz._db.execute(
        "SELECT name FROM places WHERE kind = 'populated place' ORDER BY population DESC LIMIT 2000")]
    fresh = SqliteGazetteer(path, cache_size=0)
    rows.append(("first lookups of 2,000 distinct city names (fresh process caches)",
                 f"{lookups_per_second(fresh, names, 1):,.0f} /s"))
    rows.append(("warm lookups, no result cache (SQLite + ranking each time)",
                 f"{lookups_per_second(fresh, names, 5):,.0f} /s"))
    lookups_per_second(gaz, names, 1)  # warm the LRU
    rows.append(("warm exact lookups (LRU result cache)", f"{lookups_per_second(gaz, names, 20):,.0f} /s"))
    for corpus in ("lgl", "geovirus"):
        path_ = args.eval_data / f"{corpus}.jsonl"
        if path_.exists():
            acc, n = prior_accuracy(gaz, path_)
            rows.append((f"prior only, first candidate within 161 km ({corpus}, {n} toponyms)", f"{acc:.1%}"))
    print("| measure | value |\n| --- | --- |")
    for k, v in rows:
        print(f"| {k} | {v} |")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
