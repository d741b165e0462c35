"""Choose one gazetteer place per mention, using the whole article as context."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from mapper.gazetteer.base import Gazetteer
from mapper.model import Mention, Place, PlaceKind, Resolution
from mapper.names import normalize, skeleton
from mapper.toponyms import country_names, demonyms

_KIND_PRIOR = {PlaceKind.COUNTRY: 0.9, PlaceKind.CONTINENT: 0.7, PlaceKind.REGION: 0.45, PlaceKind.AREA: 0.5,
               PlaceKind.PHYSICAL: 0.3, PlaceKind.DISTRICT: 0.15, PlaceKind.FACILITY: 0.2,
               PlaceKind.POPULATED: 0.0}
_CODE_PRIOR = {"PPLC": 0.45, "PPLA": 0.3, "PPLA2": 0.12, "PPLG": 0.3}
_GENERIC_KINDS = {
    "region": {PlaceKind.REGION},
    "district": {PlaceKind.DISTRICT},
    "populated place": {PlaceKind.POPULATED},
    "facility": {PlaceKind.FACILITY},
    "physical feature": {PlaceKind.PHYSICAL},
}
_SENTENCE_END = re.compile(r"[.!?]\s")


@dataclass(slots=True)
class _Group:
    """Mentions that share one sense: same name key and same generic word."""

    mentions: list[Mention]
    candidates: list[Place]
    forced: Place | None = None  # an analyst's correction
    choice: Place | None = None
    confidence: float = 0.0
    runners: list[Place] = field(default_factory=list)
    method: str = ""


@dataclass(slots=True)
class _Context:
    countries: Counter[str] = field(default_factory=Counter)
    admin1: Counter[tuple[str, str]] = field(default_factory=Counter)
    admin2: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    points: list[tuple[float, float, float, int]] = field(default_factory=list)  # lat, lon, weight, group


def _group_key(m: Mention) -> tuple[str, str]:
    return skeleton(m.name), m.generic


def _prior(place: Place, rank: int) -> float:
    pop = math.log10(place.population + 1) / 7.0 if place.population else 0.0
    return (0.6 / (1 + rank) + 0.5 * min(pop, 1.0) + _KIND_PRIOR.get(place.kind, 0.0)
            + _CODE_PRIOR.get(place.feature_code, 0.0))


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, pos)), default=0)
    nxt = _SENTENCE_END.search(text, pos)
    return start, (nxt.start() + 1 if nxt else len(text))


def _qualifier_countries(text: str, mention: Mention) -> set[str]:
    """Countries named by demonyms in the mention's sentence ("Palestinian civilians ... from Rafah")."""
    if not text:
        return set()
    s, e = _sentence_bounds(text, mention.start)
    dem = demonyms()
    words = re.findall(r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?", text[s:e])
    return {dem[w] for w in words if w in dem}


def _score(place: Place, rank: int, group: _Group, gi: int, ctx: _Context, qualifiers: set[str]) -> float:
    score = _prior(place, rank)
    generic = group.mentions[0].generic
    if generic:
        score += 1.2 if place.kind in _GENERIC_KINDS.get(generic, ()) else -0.4
    total = sum(ctx.countries.values()) or 1
    if place.country:
        score += 1.0 * ctx.countries[place.country] / total
        if place.country in qualifiers:
            score += 0.8
        if place.kind not in (PlaceKind.COUNTRY, PlaceKind.REGION) and place.admin1:
            score += 0.9 * min(ctx.admin1[(place.country, place.admin1)], 2) / 2
            if place.admin2:
                score += 0.5 * min(ctx.admin2[(place.country, place.admin1, place.admin2)], 1)
    near = [_distance_km((place.lat, place.lon), (la, lo)) for la, lo, _w, g in ctx.points if g != gi]
    if near:
        d = min(near)
        score += 0.6 if d < 50 else 0.45 if d < 200 else 0.25 if d < 600 else 0.1 if d < 1500 else 0.0
    return score


def _add_context(ctx: _Context, place: Place, weight: float, gi: int) -> None:
    if place.country:
        ctx.countries[place.country] += weight
    if place.kind is PlaceKind.REGION and place.admin1:
        ctx.admin1[(place.country, place.admin1)] += weight
    elif place.kind is PlaceKind.DISTRICT and place.admin2:
        ctx.admin2[(place.country, place.admin1, place.admin2)] += weight
    if place.kind not in (PlaceKind.COUNTRY, PlaceKind.CONTINENT, PlaceKind.AREA):
        ctx.points.append((place.lat, place.lon, weight, gi))


def _softmax_share(scores: Sequence[float], k: int) -> float:
    top = max(scores)
    exps = [math.exp((s - top) / 0.35) for s in scores]
    return exps[k] / sum(exps)


def resolve(mentions: Sequence[Mention], gazetteer: Gazetteer, *, text: str = "",
            corrections: Mapping[str, str] | None = None, max_candidates: int = 25) -> list[Resolution]:
    """Resolve mentions to places, one sense per name per article.

    Parameters
    ----------
    mentions : the article's mentions, from ``mapper.toponyms.recognize`` or given spans.
    gazetteer : where candidates come from.
    text : the article text, for sentence-level qualifiers ("Palestinian ... Rafah").
    corrections : analyst overrides, ``normalize(name) -> place_id``, applied before anything else.

    Returns
    -------
    One ``Resolution`` per mention, in the same order; ``place=None`` when no candidate fits.
    """
    corrections = corrections or {}
    groups: dict[tuple[str, str], _Group] = {}
    for m in mentions:
        key = _group_key(m)
        if key not in groups:
            groups[key] = _Group([], _candidates(m, gazetteer, max_candidates))
            fixed = corrections.get(normalize(m.name))
            groups[key].forced = gazetteer.get(fixed) if fixed else None
        groups[key].mentions.append(m)
    glist = list(groups.values())
    qualifiers = [_qualifier_countries(text, g.mentions[0]) for g in glist]
    ctx = _Context()
    for gi, g in enumerate(glist):  # seed the context with what needs no choosing
        if g.forced:
            _add_context(ctx, g.forced, len(g.mentions), gi)
        elif g.candidates and (len(g.candidates) == 1 or g.candidates[0].kind is PlaceKind.COUNTRY):
            weight = 0.5 if g.mentions[0].reason == "demonym" else 1.0
            _add_context(ctx, g.candidates[0], weight * len(g.mentions), gi)
    for _pass in range(2):
        new = _Context()
        for gi, g in enumerate(glist):
            _choose(g, gi, ctx, qualifiers[gi])
            if g.choice is not None:
                weight = (0.5 if g.mentions[0].reason == "demonym" else 1.0) * max(g.confidence, 0.3)
                _add_context(new, g.choice, weight * len(g.mentions), gi)
        ctx = new
    _coarsen_missing_villages(glist, ctx, gazetteer)
    by_key = {k: g for k, g in zip(groups, glist, strict=True)}
    out = []
    for m in mentions:
        g = by_key[_group_key(m)]
        out.append(Resolution(m, g.choice, round(g.confidence, 3), g.choice.precision if g.choice else None,
                              tuple(g.runners[:3]), g.method))
    return out


def _candidates(m: Mention, gazetteer: Gazetteer, limit: int) -> list[Place]:
    if m.reason == "demonym" or (m.reason == "given" and m.name in demonyms()):
        return _demonym_country(m.name, gazetteer)
    if m.reason == "abbreviation":
        return gazetteer.candidates(f"{m.name} {m.generic}".strip(), limit=limit)
    # The span as written first (it may hold a generic word that is part of the name: Rapides Parish).
    surface = m.text[:-2] if m.text[-2:] in ("'s", "’s") else m.text
    found = gazetteer.candidates(surface, limit=limit)
    if not found and surface != m.name:
        found = gazetteer.candidates(m.name, limit=limit)
    if not found and m.reason == "given":
        found = _demonym_guess(m.name, gazetteer)
    return found


def _demonym_country(word: str, gazetteer: Gazetteer) -> list[Place]:
    code = demonyms().get(word)
    name = country_names().get(code or "", "")
    if not name:
        return []
    if not code:  # a region adjective such as "Central Asian"
        return gazetteer.candidates(name, limit=1)
    return gazetteer.candidates(name, country=code, kind=PlaceKind.COUNTRY, limit=1)


_DEMONYM_ENDINGS = (("ians", "ia"), ("ian", "ia"), ("ans", "a"), ("an", "a"), ("ese", ""), ("is", ""), ("i", ""),
                    ("ers", ""), ("er", ""), ("ns", ""), ("n", ""))


def _demonym_guess(word: str, gazetteer: Gazetteer) -> list[Place]:
    """A given span that is an adjective of a place not in the table: South Ossetian -> South Ossetia."""
    for end, repl in _DEMONYM_ENDINGS:
        if word.endswith(end) and len(word) > len(end) + 3:
            found = [p for p in gazetteer.candidates(word[: -len(end)] + repl, limit=5)
                     if p.kind in (PlaceKind.COUNTRY, PlaceKind.REGION, PlaceKind.AREA, PlaceKind.CONTINENT)]
            if found:
                return found
    return []


def _choose(g: _Group, gi: int, ctx: _Context, qualifiers: set[str]) -> None:
    if g.forced is not None:
        g.choice, g.confidence, g.method = g.forced, 1.0, "correction"
        return
    if not g.candidates:
        g.choice, g.confidence, g.method = None, 0.0, "no-candidate"
        return
    scores = [_score(p, r, g, gi, ctx, qualifiers) for r, p in enumerate(g.candidates)]
    best = max(range(len(scores)), key=scores.__getitem__)
    order = sorted(range(len(scores)), key=lambda k: -scores[k])
    g.choice = g.candidates[best]
    g.confidence = _softmax_share(scores, best)
    g.runners = [g.candidates[k] for k in order[1:4]]
    g.method = "prior" if best == 0 else "context"


def _coarsen_missing_villages(glist: list[_Group], ctx: _Context, gazetteer: Gazetteer) -> None:
    """A village the gazetteer lacks, in a region the text names, resolves to that region (coarser)."""
    regions = [g for g in glist if g.choice is not None
               and g.choice.kind in (PlaceKind.REGION, PlaceKind.DISTRICT)]
    for g in glist:
        m = g.mentions[0]
        if g.forced is not None or m.generic != "populated place":
            continue
        inside = g.choice is not None and any(
            r.choice.country == g.choice.country and r.choice.admin1 == g.choice.admin1 for r in regions)
        if inside:
            continue
        before = [r for r in regions if r.mentions[0].start < m.start]
        if before:
            container = max(before, key=lambda r: r.mentions[0].start).choice
            g.runners = ([g.choice] if g.choice else []) + g.runners
            g.choice, g.confidence, g.method = container, 0.5, "coarsened:container"

