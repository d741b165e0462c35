"""Sweep the geoparser over real gazetteer places put into news templates, to find failure classes.

Run by hand: ``python bench/sweep_places.py [--min-pop 20000] [--show 15] [--json FILE]``.
For every populated place of ``--min-pop`` or more in the former Soviet states (RU, UA, KZ, UZ, KG,
TJ, TM, BY, AZ, GE, AM, MD) of the gazetteer, its name goes into a few news templates, and
``mapper.pipeline.parse_article`` must find the span and resolve it to that place (or to a place
within 10 km of it in the same country: GeoNames' duplicate rows), or, where the template names the
region, to any place in that region. Prints the failure rate per template (``--templates`` picks
some) and the failures grouped into classes, with examples. Not a test: the rates are a measure, not a floor.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sqlite3
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mapper.gazetteer import open_gazetteer  # noqa: E402
from mapper.model import Article  # noqa: E402
from mapper.pipeline import parse_article  # noqa: E402

COUNTRIES = ("RU", "UA", "KZ", "UZ", "KG", "TJ", "TM", "BY", "AZ", "GE", "AM", "MD")
_IN = ",".join("?" * len(COUNTRIES))
TEMPLATES = {
    "strike": "Drones hit {name} overnight.",
    "village": "Debris fell near the village of {name} in the {region} region.",
    "migrants": "Officials in {name} said 200 migrants had left for Russia.",
    "apposition": "{name}, a town of {pop:,} people, lies close to the border.",
    # sweep3: cue structures unlike the four above (no locative word, or the cue after the name)
    "possessive": "{name}'s mayor said two drones had been shot down.",
    "governor": "The governor of the {region} region said debris fell on {name}.",
    "list middle": "Air defences were active over Belgorod, {name} and Voronezh overnight.",
    "list end": "Air defences were active over Belgorod, Voronezh and {name} overnight.",
    "parenthesis": "Residents of {name} ({region} region) reported explosions.",
    "headline": "Drone Debris Found Near {name}, Officials Say",
}
_APOSTROPHES = re.compile(r"['’‘ʼʹʻ`´]")
_GENERIC = re.compile(r"\s+(oblast|oblysy|region|krai|kray|republic|viloyati|velayaty|province|"
                      r"autonomous okrug|raion|rayon|voblasc|voblasć|voblasts)\b.*$", re.I)
_GENERIC_HEAD = re.compile(r"^(?:the\s+)?(?:autonomous\s+)?(?:republic|region|province)\s+of\s+", re.I)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _region_names(db: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """A news-style stem for each first-level region ("Tver" for Tverskaya oblast')."""
    out: dict[tuple[str, str], str] = {}
    rows = db.execute("SELECT p.country, p.admin1, p.name, n.name FROM places p JOIN names n ON n.place = p.id "
                      "WHERE p.feature_code = 'ADM1' AND n.cls = 1 AND p.country IN (" + _IN + ")",
                      COUNTRIES)
    best: dict[tuple[str, str], str] = {}
    for cc, a1, main, alias in rows:
        head = _GENERIC_HEAD.match(alias)  # "Autonomous Republic of Crimea": Crimea, not "Autonomous"
        if (head or _GENERIC.search(alias)) and alias.split()[0][0].isupper() \
                and (alias.isascii() or alias.endswith("voblasć")):
            stem = alias[head.end():] if head else _GENERIC.sub("", alias)
            if (cc, a1) not in best or len(stem) < len(best[(cc, a1)]):
                best[(cc, a1)] = stem
        out.setdefault((cc, a1), _GENERIC.sub("", main))
    out.update(best)
    return out


def _places(db: sqlite3.Connection, min_pop: int) -> list[tuple]:
    return db.execute("SELECT place_id, name, country, admin1, lat, lon, population FROM places "
                      "WHERE kind = 'populated place' AND population >= ? AND country IN (" + _IN + ") "
                      "ORDER BY population DESC", (min_pop, *COUNTRIES)).fetchall()


def _classify(name: str, text: str, start: int, res: list, want: tuple, in_region: bool) -> str | None:
    """None when the template's span resolved right, else a failure class."""
    pid, cc, a1, lat, lon = want
    end = start + len(name)
    hit = next((r for r in res if r.mention.start < end and r.mention.end > start), None)
    odd = " (apostrophe)" if _APOSTROPHES.search(name) else ""
    if hit is None or hit.place is None:
        return "dropped" + odd
    p = hit.place
    same = p.place_id == pid or (p.country == cc and p.kind == "populated place"
                                 and _km((p.lat, p.lon), (lat, lon)) <= 10)
    if (hit.mention.start, hit.mention.end) != (start, start + len(name.rstrip("'’ʼ"))):  # "Rossosh’" ends before ’
        return None if same else "span differs" + odd
    if same or (in_region and p.country == cc and p.admin1 == a1):
        return None
    if p.country != cc:
        return "foreign namesake" + odd
    if p.kind != "populated place":
        return f"{p.kind} wins over the town" + odd
    return "domestic namesake" + odd


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-pop", type=int, default=20000)
    ap.add_argument("--show", type=int, default=12, help="examples per class")
    ap.add_argument("--json", type=Path, help="write every failure here")
    ap.add_argument("--templates", help="comma-separated template names (default: all)")
    args = ap.parse_args()
    templates = {t: TEMPLATES[t] for t in (args.templates.split(",") if args.templates else TEMPLATES)}
    gaz = open_gazetteer()
    db = sqlite3.connect(f"file:{gaz.path}?mode=ro", uri=True)
    regions = _region_names(db)
    places = _places(db, args.min_pop)
    fails: dict[str, Counter] = {t: Counter() for t in templates}
    examples: dict[str, list[str]] = defaultdict(list)
    records = []
    for pid, name, cc, a1, lat, lon, pop in places:
        for tname, tpl in templates.items():
            fill = {"name": name, "region": regions.get((cc, a1), ""), "pop": pop}
            text = tpl.format(**fill)
            start = len(tpl.split("{name}")[0].format(**fill))
            res = list(parse_article(Article(id=pid, text=text), gaz).resolutions)
            cls = _classify(name, text, start, res, (pid, cc, a1, lat, lon), "{region}" in tpl)
            if cls:
                fails[tname][cls] += 1
                got = next((f"{r.mention.text!r}->{r.place.name},{r.place.country} ({r.place.kind})"
                            for r in res if r.place and r.mention.start < start + len(name)
                            and r.mention.end > start), "-")
                examples[cls].append(f"[{tname}] {name} ({cc}, {pop:,}): {got}")
                records.append({"template": tname, "class": cls, "text": text, "place_id": pid, "got": got})
    n = len(places)
    print(f"{n} places of {args.min_pop:,}+ in {', '.join(COUNTRIES)}\n")
    print("| template | failures | rate |\n|---|---|---|")
    for tname in templates:
        k = sum(fails[tname].values())
        print(f"| {tname} | {k} | {k / n:.3f} |")
    print("\nclasses per template:")
    for tname in templates:
        print(f"  {tname}: " + ", ".join(f"{c} {k}" for c, k in fails[tname].most_common()))
    total = Counter()
    for c in fails.values():
        total.update(c)
    print("\nclasses (all templates):")
    for cls, k in total.most_common():
        print(f"  {k:5d}  {cls}")
        for ex in examples[cls][:args.show]:
            print(f"         {ex}")
    if args.json:
        args.json.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
