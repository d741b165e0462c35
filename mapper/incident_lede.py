"""The lede of a long report: a first sentence that sums up events the article then tells one by one."""

from __future__ import annotations

import dataclasses
import itertools
import re

from mapper.incident_kinds import MIXED_RULE
from mapper.incident_merge import Candidate, absorb, counts_of, dates_compatible, explicit
from mapper.incident_text import sentences
from mapper.model import Figure, IncidentType, Precision
from mapper.prefilter import looking_ahead

_VAGUE = re.compile(r"\b(?:dozens|hundreds|thousands|millions|tens\s+of\s+thousands)\b", re.I)
_HARM = frozenset({"killed", "injured"})
_MOVES = frozenset({"relocation", "evacuation"})
_FINE = (Precision.POINT, Precision.DISTRICT)


def _summing_up(lede: Candidate) -> Candidate:
    """The lede as a summary: no places (its regions are the article's whole area), no victims (its totals are
    the sums of the events told after it) and no paragraph (the event is told in its own)."""
    return dataclasses.replace(lede, locs=[], figures=[f for f in lede.figures if f.unit not in _HARM], paras=set())


# "air defences destroyed 149 Ukrainian drones over 11 regions overnight": a lede's count of drones brought down
_DOWNED = re.compile(r"\b(?:destroyed|shot\s+down|downed|intercepted|neutrali[sz]ed)\s+(?:(?:about|over|more\s+than|"
                     r"at\s+least)\s+)?(?P<n>\d[\d,]*)\s+(?:[\w-]+\s+){0,2}?drones\b", re.I)


def lede_tally(cands: list[Candidate], text: str = "") -> list[Candidate]:
    """A lede counting drones brought down, told as another kind of event (with the strikes it sums up), and
    the tally by region in the next sentence ("43 drones were downed over the Bryansk region, 28 over ..."):
    the lede's count is the tally's total, not the strikes'. A lede naming no place ("destroyed 64 drones between
    20:00 and 23:00 Moscow time", then "21 of the drones were downed over the Bryansk region, ...") is no event
    of its own, and its count is the tally's total too (``text``: the article's)."""
    lede = cands[0] if cands and cands[0].sents == {0} and cands[0].type is IncidentType.DRONE \
        and cands[0].subtype != "interception" and cands[0].sources else None
    placeless = lede is None and bool(text) and not any(0 in c.sents for c in cands)
    first = next(iter(sentences(text)), None) if placeless else None
    quote = lede.sources[0].quote if lede is not None else text[first[0]:first[1]] if first else ""
    m = _DOWNED.search(quote) if quote and "drones" in quote else None
    tally = next((c for c in (cands if placeless else cands[1:]) if c.type is IncidentType.DRONE
                  and c.subtype == "interception" and min(c.sents) == 1), None) if m else None
    if tally is None or m is None:
        return cands
    total = float(m.group("n").replace(",", ""))
    shares = [f.value for f in tally.figures if f.unit == "drones"]
    if shares and all(v < total for v in shares):
        told = [f for f in lede.figures if f.unit == "drones" and f.value == total][:1] if lede is not None \
            else [Figure(total, "drones", m.group(0))]
        tally.figures = told + tally.figures
        if lede is not None:
            lede.figures = [f for f in lede.figures if f.unit != "drones"]
    return cands


def summary_lede(cands: list[Candidate]) -> list[Candidate]:
    """A lede placing attacks only on regions, the article then telling attacks of its kind at two or more
    towns ("drones attacked the Voronezh and Lipetsk regions ..., injuring four people"; "a drone hit the depot
    in Liski ... In Yelets ..."): a summary, whose totals and regions go to no one event; it joins the first."""
    lede = cands[0] if len(cands) > 2 and cands[0].sents == {0} else None
    if lede is None or lede.type is IncidentType.MIGRATION or not lede.locs \
            or any(loc.precision in _FINE and not _near(lede, loc.name) for loc in lede.locs):
        return cands
    # ("shelling and drone attacks on 12 villages": a summary of the strikes of both kinds told after it)
    kinds = {lede.type, IncidentType.DRONE} if any(r.endswith(MIXED_RULE) for r in lede.rules) else {lede.type}
    later = [c for c in cands[1:] if c.type in kinds and dates_compatible(explicit(c), explicit(lede))
             and any(loc.precision in _FINE for loc in c.locs)]
    towns = {loc.place_id for c in later for loc in c.locs if loc.precision in _FINE}
    # (the first of them in the lede's regions: "a fire at an oil depot in the Tambov region" is no summary of
    # a strike in Lipetsk told later)
    regions = {(loc.country, loc.admin1) for loc in lede.locs if loc.admin1}
    # (a lede's drone attack "setting off a fire at a refinery" told after it only as debris that fell: the debris)
    subtypes = {lede.subtype} if lede.subtype != "strike" or any(c.subtype == "strike" for c in later) \
        else {"strike", "debris"}
    home = next((c for c in later if c.subtype in subtypes and (
        not regions or any((loc.country, loc.admin1) in regions for loc in c.locs))), None)
    # (or the one attack told right after it in its region: "Russia attacked the region overnight. In the Izmail
    # district, port infrastructure was damaged")
    if home is None or len(towns) < 2 and not (towns and regions and min(home.sents) == 1):
        return cands
    absorb(home, _summing_up(lede))
    return cands[1:]


def _near(lede: Candidate, name: str) -> bool:
    """True when the lede names the place only as a landmark ("a refinery near St Petersburg")."""
    quote = lede.sources[0].quote if lede.sources else ""
    at = quote.find(name)
    return at >= 5 and quote[:at].rstrip().lower().endswith(" near")


def sum_of_parts(groups: list[Candidate]) -> list[Candidate]:
    """A lede whose count is the sum of two to four counts of its kind told after it ("brought home 418 citizens
    from Iran ... The largest group, 291 people, ... A second group of 127 people ..."): their total, which joins
    the first part with no count and no place of its own. Run on an article's candidates before they merge too
    ("evacuated 312 people ... 140 from X, 97 from Y and 75 from Z"), so that the total joins none of its parts."""
    lede = groups[0] if len(groups) > 2 and groups[0].sents == {0} else None
    totals = {f.value for f in lede.figures if f.value >= 10} if lede is not None else set()
    parts = [(g, next((f.value for f in g.figures if f.value >= 10), 0.0)) for g in groups[1:]
             if lede is not None and (g.type, g.subtype) == (lede.type, lede.subtype)]
    for n in range(2, min(4, len(parts)) + 1):
        for combo in itertools.combinations(parts, n):
            if all(v for _g, v in combo) and sum(v for _g, v in combo) in totals:
                absorb(combo[0][0], dataclasses.replace(lede, locs=[], figures=[], paras=set()))  # type: ignore[arg-type]
                return groups[1:]
    return groups


def summarised(groups: list[Candidate]) -> list[Candidate]:
    """A lone lede with a vague quantity ("thousands of migrants") summarises the article's next event of
    its kind, whose sentences give the exact figures. (A move in the lede's trailing clause, "..., killing five,
    as authorities moved hundreds more people out of villages", summarises the article's evacuations: the
    victims are the attacks', and its regions the article's whole area.)"""
    groups = sum_of_parts(groups)
    lede = groups[0] if len(groups) > 1 and min(groups[0].sents) == 0 and len(groups[0].sents) == 1 else None
    moved = lede is not None and lede.type is IncidentType.MIGRATION and lede.subtype in _MOVES
    if lede is None or {(v, u) for v, u in counts_of(lede) if not (moved and u in _HARM)}:
        return groups
    if not _VAGUE.search(lede.sources[0].quote if lede.sources else ""):
        return groups
    home = next((g for g in groups[1:] if g.type is lede.type and (
        g.subtype == lede.subtype or moved and g.subtype in _MOVES)
                 and dates_compatible(explicit(g), explicit(lede))), None)
    if home is None:
        return groups
    absorb(home, _summing_up(lede) if moved else lede)
    return groups[1:]

# Patterns searched over sentences and windows, behind a look-ahead at the letters their matches start with
# (prefilter.looking_ahead): the same matches, most positions rejected at one character
_VAGUE = looking_ahead(_VAGUE)
