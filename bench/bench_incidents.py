"""Benchmark incident extraction against geoparsing on the same articles.

Run by hand: ``python bench/bench_incidents.py [FILE.jsonl ...]`` (default: the built-in sample, copied
40 times, 20 distinct on-topic articles written for this benchmark (``bench/data/ontopic.jsonl``), and
the shared LGL and GeoVirus corpora when present). Prints a Markdown table; the issue's target is
extraction adding less than half again to the geoparsing time (ratio < 0.5). Copies of the sample
flatter the geoparser, whose caches remember names it has resolved, and not the incident stage, which
reads every copy afresh; the on-topic articles, LGL and GeoVirus are distinct.
"""

from __future__ import annotations

import dataclasses
import gc
import sys
import time
from pathlib import Path

from mapper.articles import read_articles, read_sample
from mapper.gazetteer import open_gazetteer
from mapper.incidents import extract_incidents
from mapper.model import Article
from mapper.pipeline import parse_articles

SHARED = Path("/work/shared/eval-data")
ONTOPIC = Path(__file__).parent / "data" / "ontopic.jsonl"


def measure(name: str, articles: list, gazetteer: object) -> str:
    """One table row: articles, characters, geoparse seconds, extraction seconds, ratio, incidents."""
    # A full garbage collection costs 10-40 ms here (the gazetteer's caches are large) and falls in whichever
    # stage happens to cross the threshold: collect before each stage so neither pays for the other's garbage.
    gc.collect()
    t0 = time.perf_counter()
    parsed = list(parse_articles(articles, gazetteer))  # type: ignore[arg-type]
    t1 = time.perf_counter()
    gc.collect()
    t2 = time.perf_counter()
    incidents = extract_incidents(parsed, default_year=2025)
    t2 = t1 + (time.perf_counter() - t2)  # the incident stage's own time, from the end of geoparsing
    chars = sum(len(a.text) for a in articles)
    return (f"| {name} | {len(articles)} | {chars:,} | {t1 - t0:.2f} | {t2 - t1:.2f} | "
            f"{(t2 - t1) / (t1 - t0):.2f} | {len(incidents)} |")


def main(argv: list[str]) -> int:
    gazetteer = open_gazetteer(None)
    # Open the gazetteer and load its indexes first, without priming the caches with any corpus's names;
    # load the incident stage's lexicon the same way (a one-time cost, like the indexes).
    extract_incidents(parse_articles([Article("warm-up", "Officials in Paris and Lagos met on Monday.")], gazetteer))
    rows = ["| corpus | articles | chars | geoparse s | incidents s | ratio | incidents |",
            "|---|---|---|---|---|---|---|"]
    if argv:
        for path in argv:
            rows.append(measure(Path(path).name, list(read_articles([path])), gazetteer))
    else:
        sample = list(read_sample())  # on-topic texts; copies get new ids so they merge as separate reports
        rows.append(measure("sample", sample, gazetteer))
        rows.append(measure("sample x40", [dataclasses.replace(a, id=f"{a.id}-{k}") for k in range(40)
                                           for a in sample], gazetteer))
        rows.append(measure("on-topic, distinct", list(read_articles([ONTOPIC])), gazetteer))
        # (the copies above are read once since the stage remembers a text met before; 329 distinct on-topic
        # articles, long ones among them, measure its throughput on new text)
        dev = Path(__file__).resolve().parents[1] / "tests" / "data" / "incident_dev.jsonl"
        if dev.exists():
            rows.append(measure("incident dev set, distinct", list(read_articles([dev])), gazetteer))
        for name in ("lgl.jsonl", "geovirus.jsonl"):
            if (SHARED / name).exists():
                rows.append(measure(name, list(read_articles([SHARED / name])), gazetteer))
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
