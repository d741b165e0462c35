"""Freeze merged incident candidates into Incidents: deterministic ids, a confidence score, a readable
summary, and one site where a city and the region named after it were both kept."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from mapper.incident_merge import Candidate
from mapper.model import Figure, Incident, IncidentType, Location, Precision, Source, Status


def incident_id(c: Candidate) -> str:
    """Deterministic id: a hash of type, subtype, main place, date and operation name."""
    main = next((loc for loc in c.locs if loc.role == "destination"), c.locs[0])
    key = "|".join([c.type.value, c.subtype, main.place_id, c.date.iso() if c.date else "", c.name_key])
    return c.type.value[:3] + "-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def confidence(c: Candidate) -> float:
    """Evidence strength: how the date was found, status, location precision, figures, sources."""
    score = 0.55 + {"sentence": 0.15, "nearby": 0.05, "lede": 0.0, "published": -0.1, "": -0.15}[c.date_src]
    score += {Status.CONFIRMED: 0.0, Status.CLAIMED: -0.15, Status.DENIED: -0.25}[c.status]
    best = min(loc.precision for loc in c.locs) if c.locs else Precision.AREA
    score += 0.1 if best in {Precision.POINT, Precision.DISTRICT} else (-0.1 if best is not Precision.REGION else 0)
    score += 0.05 if c.figures else 0.0
    score += min(0.15, 0.05 * (len(c.articles) - 1))
    return round(max(0.05, min(0.95, score)), 2)


def summary(c: Candidate) -> str:
    """A short, readable why: what, where, when (and how the date was found), the rules that fired."""
    main = next((loc for loc in c.locs if loc.role == "destination"), c.locs[0])
    origins = [loc.name for loc in c.locs if loc.role == "origin"]
    where = (f"{', '.join(origins)} -> {main.name}" if origins and main.role == "destination"
             else ", ".join(dict.fromkeys(loc.name for loc in c.locs)))
    when = "no date"
    if c.date is not None:
        when = c.date.iso() + {"sentence": "", "nearby": " (date from a nearby sentence)",
                               "lede": " (date of the article's first sentence)",
                               "published": " (no date in the text: publication date, precision reduced)",
                               "": ""}[c.date_src]
    what = f"{c.name}: " if c.name else ""
    figs = "; ".join(f"{_num(f)} {f.unit}" for f in c.figures)
    return (f"{what}{c.type.value} {c.subtype} at {where}, {when}" + (f"; figures {figs}" if figs else "")
            + f". Rules: {'; '.join(c.rules)}. Sources: {len(c.sources)} sentence(s) in "
            f"{len(c.articles)} article(s).")


def _num(f: Figure) -> str:
    return f"{int(f.value):,}" if float(f.value).is_integer() else f"{f.value:,}"


def one_per_site(locs: list[Location], sources: Sequence[Source]) -> list[Location]:
    """A city and the region named after it, both sites of one event in the same role ("air bases in the
    Murmansk region", then "two bases, in Murmansk"), are one site told twice: the city is kept when a
    source names it as a city ("the city of Chelyabinsk", "Chelyabinsk, a Russian city"), else the region. A
    region holding a point site of the same role is dropped: the point says where in it."""
    drop = set()
    for city in locs:
        if city.precision is not Precision.POINT:
            continue
        low = city.name.lower()
        for region in locs:
            if (region.role == city.role and region.country == city.country and region.precision is not Precision.POINT
                    and region.name.lower().startswith(low + " ")):
                named = re.compile(rf"\bcity\s+of\s+{re.escape(city.name)}\b|\b{re.escape(city.name)}"
                                   rf"(?:\s+city\b|,\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}city\b)", re.I)
                as_city = any(named.search(src.quote) for src in sources)
                drop.add(id(region) if as_city else id(city))
    # "Drone debris found in Kazakhstan's Aktobe region" then "near the village of Shubarkuduk": the region only
    # says where the village lies
    for region in locs:
        if region.precision is Precision.REGION and region.admin1 and any(
                loc.precision is Precision.POINT and loc.role == region.role and id(loc) not in drop
                and (loc.country, loc.admin1) == (region.country, region.admin1) for loc in locs):
            drop.add(id(region))
    return [loc for loc in locs if id(loc) not in drop] if drop else locs


def finish(cands: list[Candidate]) -> list[Incident]:
    """Freeze candidates into Incidents with unique deterministic ids."""
    out, seen = [], set()
    for c in cands:
        if c.type is not IncidentType.MIGRATION and len(c.locs) > 1:
            c.locs = one_per_site(c.locs, c.sources)
        iid = incident_id(c)
        n = 2
        base = iid
        while iid in seen:
            iid, n = f"{base}-{n}", n + 1
        seen.add(iid)
        locs = sorted(c.locs, key=lambda loc: {"origin": 0}.get(loc.role, 1)) if any(
            loc.role == "origin" for loc in c.locs) else c.locs
        out.append(Incident(iid, c.type, c.subtype, tuple(locs), tuple(c.sources), c.date, tuple(c.actors[:8]),
                            tuple(c.figures), c.status, confidence(c), summary(c), c.name))
    return out
