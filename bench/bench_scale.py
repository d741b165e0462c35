"""Scale benchmark: a synthetic corpus through ``mapper add`` with each engine; run by hand.

    python bench/bench_scale.py                      # 50,000 articles, all engines, re-run time
    python bench/bench_scale.py --articles 5000      # quicker
    python bench/bench_scale.py --gigabyte           # 1 GB JSON Lines: peak RSS of a streamed run

Each run is a fresh ``mapper add --quiet`` subprocess; peak RSS is the largest sum of resident memory
over the process and its children, sampled every 0.1 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# (town, region, country) triples the shipped gazetteer knows; the texts are templated, not quoted.
PLACES = [
    ("Aktau", "Mangystau Region", "Kazakhstan"), ("Atyrau", "Atyrau Region", "Kazakhstan"),
    ("Uralsk", "West Kazakhstan Region", "Kazakhstan"), ("Shymkent", "Turkistan Region", "Kazakhstan"),
    ("Karaganda", "Karaganda Region", "Kazakhstan"), ("Pavlodar", "Pavlodar Region", "Kazakhstan"),
    ("Kharkiv", "Kharkiv Oblast", "Ukraine"), ("Odesa", "Odesa Oblast", "Ukraine"),
    ("Lviv", "Lviv Oblast", "Ukraine"), ("Dnipro", "Dnipropetrovsk Oblast", "Ukraine"),
    ("Belgorod", "Belgorod Oblast", "Russia"), ("Kursk", "Kursk Oblast", "Russia"),
    ("Rostov-on-Don", "Rostov Oblast", "Russia"), ("Orenburg", "Orenburg Oblast", "Russia"),
    ("Tbilisi", "Tbilisi", "Georgia"), ("Bishkek", "Chuy Region", "Kyrgyzstan"),
    ("Osh", "Osh Region", "Kyrgyzstan"), ("Tashkent", "Tashkent Region", "Uzbekistan"),
    ("Samarkand", "Samarqand Region", "Uzbekistan"), ("Baku", "Absheron", "Azerbaijan"),
]
TEMPLATES = [
    "People living on the edge of {town} told local reporters that a drone circled above the "
    "{region} town for about {n} minutes on {date}. The regional administration in {town} confirmed "
    "that air defence crews had been put on alert.",
    "A drone attack damaged a fuel depot outside {town}, {country}, on {date}, the governor of {region} "
    "said. Firefighters worked for {n} hours to put out the blaze.",
    "Border guards said about {n} migrants arrived in {town} from {other} during the week ending "
    "{date}, most of them travelling on to other parts of {country}.",
    "The defence ministry of {country} announced on {date} that troops had begun a military "
    "operation near {town} in {region}, involving some {n} soldiers and armoured vehicles.",
    "Officials in {town} reported on {date} that {n} unmanned aerial vehicles were shot down over "
    "{region} overnight; nobody was hurt.",
    "Farmers near {town} ({region}) complained on {date} about the price of grain, which has risen "
    "by {n} percent since spring, the city council said.",
]
FILLER = ("The council meeting also discussed road repairs, school meals and the budget for the "
          "coming year, and a vote was postponed until the next session. ")


def make_article(i: int, rng: random.Random, pad: int = 0, days: int = 600) -> dict[str, str]:
    """One synthetic article record: varied place, date, event type and numbers."""
    town, region, country = rng.choice(PLACES)
    other = rng.choice([p for p in PLACES if p[2] != country])[2]
    date = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(days))
    text = rng.choice(TEMPLATES).format(town=town, region=region, country=country, other=other,
                                        date=date.strftime("%-d %B %Y"), n=rng.randrange(2, 900))
    if pad:
        text += "\n\n" + FILLER * max(1, pad // len(FILLER)) + f" Reference {i}-{rng.random():.12f}."
    return {"id": f"syn-{i}", "title": f"Report {i} from {town}", "text": text,
            "published": (date + dt.timedelta(days=1)).isoformat(), "source": "synthetic"}


def generate(path: Path, n: int, *, seed: int = 0, pad: int = 0, days: int = 600) -> Path:
    """Write ``n`` synthetic articles as JSON Lines (``pad``: extra characters of filler each;
    ``days``: span of event dates, small for many reports of one event)."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps(make_article(i, rng, pad, days)) + "\n")
    return path


def run_add(args: list[str]) -> tuple[float, float, str]:
    """Run ``mapper add`` and return (seconds, peak RSS of the process tree in MB, stdout)."""
    import psutil

    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "mapper", "add", "--quiet", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    root, peak = psutil.Process(proc.pid), 0
    while proc.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 3):
        raise SystemExit(f"mapper add failed ({proc.returncode}): {err[-2000:]}")
    return seconds, peak / 1e6, out.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--gigabyte", action="store_true", help="only the 1 GB streaming-memory run")
    parser.add_argument("--engines", default="serial,process,dask")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if opts.gigabyte:
            corpus = generate(work / "big.jsonl", 200_000, pad=4800)
            size = corpus.stat().st_size / 1e9
            secs, rss, out = run_add([str(corpus), "--store", str(work / "big.sqlite"), "--workers", "2"])
            print(f"1 GB run: {size:.2f} GB JSONL, 200,000 articles, {secs:.0f} s "
                  f"({200_000 / secs:,.0f} articles/s), peak RSS {rss:,.0f} MB\n  {out}")
            return
        corpus = generate(work / "corpus.jsonl", opts.articles)
        print(f"corpus: {opts.articles:,} articles, {corpus.stat().st_size / 1e6:.1f} MB, "
              f"{os.cpu_count()} cores")
        rates = {}
        for engine in opts.engines.split(","):
            workers = "1" if engine == "serial" else "2"
            store = work / f"{engine}.sqlite"
            secs, rss, out = run_add([str(corpus), "--store", str(store), "--engine", engine,
                                      "--workers", workers])
            rates[engine] = opts.articles / secs
            print(f"{engine:8s} workers={workers}: {secs:7.1f} s  {rates[engine]:7.0f} articles/s  "
                  f"peak RSS {rss:6.0f} MB\n  {out}")
            if engine == "serial":
                secs, rss, out = run_add([str(corpus), "--store", str(store), "--engine", "serial"])
                print(f"re-run on unchanged corpus: {secs:.1f} s, peak RSS {rss:.0f} MB\n  {out}")
        if "serial" in rates:
            for engine in ("process", "dask"):
                if engine in rates:
                    print(f"scaling efficiency {engine} (2 workers vs 1 process): "
                          f"{rates[engine] / (2 * rates['serial']):.0%}")


if __name__ == "__main__":
    main()
