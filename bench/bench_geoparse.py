"""Geoparser throughput: MB of article text per second through recognition and resolution.

Run by hand: ``python bench/bench_geoparse.py [--corpus FILE.jsonl ...] [--repeat N]``. Uses the
eval corpora beside the repo when present, else the built-in sample corpus. Compares with
flashgeotext (``pip install flashgeotext``: extraction only, no disambiguation) in the same run,
and times the seed file end to end as a fresh process (start-up included).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

SHARED = next((p for p in (Path(__file__).resolve().parents[2] / "shared", Path("/work/shared")) if p.exists()),
              Path("/work/shared"))


def _texts(paths: list[Path]) -> list[str]:
    from mapper.articles import read_articles, read_sample

    articles = list(read_articles(paths)) if paths else list(read_sample())
    return [a.text for a in articles]


def bench_mapper(texts: list[str], repeat: int) -> float:
    from mapper.gazetteer import open_gazetteer
    from mapper.model import Article
    from mapper.pipeline import parse_article

    gaz = open_gazetteer()
    articles = [Article(str(i), t) for i, t in enumerate(texts)]
    for a in articles[:50]:  # warm the name cache as a long-running process would be
        parse_article(a, gaz)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for a in articles:
            parse_article(a, gaz)
        best = min(best, time.perf_counter() - t0)
    return best


def bench_flashgeotext(texts: list[str], repeat: int) -> float | None:
    try:
        from flashgeotext.geotext import GeoText
    except ImportError:
        return None
    geotext = GeoText()
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            geotext.extract(input_text=t)
        best = min(best, time.perf_counter() - t0)
    return best


def bench_seed_cold() -> float | None:
    seed = SHARED / "seeds" / "000_9331e7012eda863c.txt"
    if not seed.exists():
        return None
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mapper", "places", str(seed), "--out", "/dev/null"],
                   check=True, capture_output=True)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, action="append", default=[])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    corpora = args.corpus or [p for p in (SHARED / "eval-data" / "lgl.jsonl",
                                          SHARED / "eval-data" / "geovirus.jsonl") if p.exists()]
    texts = _texts(corpora)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"corpus: {len(texts)} articles, {mb:.2f} MB ({', '.join(p.name for p in corpora) or 'sample'})")
    ours = bench_mapper(texts, args.repeat)
    print(f"mapper geoparse (recognise + resolve): {ours:.2f} s = {mb / ours:.2f} MB/s")
    fgt = bench_flashgeotext(texts, args.repeat)
    if fgt is not None:
        print(f"flashgeotext extract (no disambiguation): {fgt:.2f} s = {mb / fgt:.2f} MB/s; "
              f"ratio mapper/flashgeotext = {fgt / ours:.2f}")
    cold = bench_seed_cold()
    if cold is not None:
        print(f"seed file end to end, fresh process: {cold:.2f} s")


if __name__ == "__main__":
    main()
