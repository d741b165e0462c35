"""Print the README's evaluation table: `mapper eval geoparse` on every gold corpus beside the repo.

Run by hand: ``python bench/eval_figures.py``. Each row is one `mapper eval geoparse GOLD [--spans
toponyms] --json` call (wall time includes start-up), plus LGL with ``mapper places --demonyms place``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EVAL = next((p for p in (Path(__file__).resolve().parents[2] / "shared" / "eval-data",
              Path("/work/shared/eval-data")) if p.exists()), Path("/work/shared/eval-data"))
CORPORA = [("seed_gold", "seed gold (6 docs)"), ("lgl", "LGL (588 docs)"), ("geovirus", "GeoVirus (229 docs)")]


def _mapper(*args: str) -> tuple[dict, float]:
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "mapper", *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout), time.perf_counter() - t0


def _row(label: str, mode: str, r: dict, seconds: float) -> str:
    rec = "-" if mode.startswith("`--spans") else f"{r['strict_p']:.3f} / {r['strict_r']:.3f} / {r['strict_f1']:.3f}"
    f1 = "-" if mode.startswith("`--spans") else f"{r['lenient_f1']:.3f}"
    return (f"| {label} | {mode} | {rec} | {f1} | {r['acc161']:.3f} | {r['e2e_acc161']:.3f} | "
            f"{r['mean_km']:.1f} / {r['median_km']:.1f} | {r['auc']:.3f} | {seconds:.1f} s |")


def main() -> None:
    if not EVAL.exists():
        sys.exit(f"no gold data at {EVAL}")
    print("| gold | mode | strict P / R / F1 | overlap F1 | acc@161 (matched) | acc@161 over all gold "
          "| mean / median km | AUC | time |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, label in CORPORA:
        gold = str(EVAL / f"{name}.jsonl")
        print(_row(label, "end to end", *_mapper("eval", "geoparse", gold, "--json")))
        print(_row(label, "`--spans toponyms`", *_mapper("eval", "geoparse", gold, "--spans", "toponyms", "--json")))
        if name == "lgl":
            with tempfile.TemporaryDirectory() as tmp:
                pred = str(Path(tmp) / "p.jsonl")
                t0 = time.perf_counter()
                subprocess.run([sys.executable, "-m", "mapper", "places", gold, "--demonyms", "place", "--out", pred],
                               check=True, capture_output=True)
                r, t1 = _mapper("eval", "geoparse", gold, "--pred", pred, "--json")
                print(_row(label, "end to end, `--demonyms place`", r, time.perf_counter() - t0))


if __name__ == "__main__":
    main()
