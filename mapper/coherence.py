"""Coherence between the names of an article: how much each candidate supports the others' candidates.

The vectorised arithmetic of the resolver (``mapper.resolve``): nearness, containment and a shared
country between every pair of candidates, then a few rounds in which each name's probabilities
settle given the others'.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate, chain

import numpy as np

from mapper.model import Place, PlaceKind

_BROAD = {PlaceKind.COUNTRY, PlaceKind.CONTINENT, PlaceKind.AREA}
# Oceans and seas span countries: like a country, nearness to one point of them means little.
_BROAD_CODES = {"OCN", "SEA", "CONT", "RGN"}
_ROUNDS = 3
_TEMPERATURE = 0.5
_NEAR_KM = 250.0  # nearness decays over this distance
_BROAD_NEAR_KM = 750.0  # ... and over this one when a country or sea is involved
_PARAGRAPH = re.compile(r"\n\s*")  # a line break ends a paragraph
_FAR_PARAGRAPHS = 1.5  # names in the same or the next paragraph support each other fully, further apart less
_FAR_FLOOR = 0.3  # ... but never below this share

_FEATURES: dict[str, tuple[float, ...]] = {}
_CODES: dict[str, int] = {"": 0}


def _features(p: Place) -> tuple[float, ...]:
    """Per place, once: half latitude and half longitude in radians, cosine of latitude, interned
    country and admin1 codes (0 = none), region, broad. The cosine is numpy's, as over a whole array."""
    f = _FEATURES.get(p.place_id)
    if f is None:
        admin1 = f"{p.country}.{p.admin1}" if p.admin1 else ""
        lat = math.radians(p.lat)
        f = (lat / 2, math.radians(p.lon) / 2, float(np.cos(np.array([lat]))[0]),
             _CODES.setdefault(p.country, len(_CODES)), _CODES.setdefault(admin1, len(_CODES)) if admin1 else 0,
             p.kind is PlaceKind.REGION, p.kind in _BROAD or p.feature_code in _BROAD_CODES)
        _FEATURES[p.place_id] = f
    return f


def _similarity(places: Sequence[Place]) -> np.ndarray:
    """How much each candidate supports each other one: nearness, containment, a shared country.

    Worked out over the whole square at once (outer differences and products): symmetric to the
    bit, since sin(-x) == -sin(x) is squared and products commute."""
    get = _FEATURES.get
    rows = [get(p.place_id) or _features(p) for p in places]
    n = len(rows)
    f = np.fromiter(chain.from_iterable(rows), float, 7 * n).reshape(n, 7)
    half_lat, half_lon, cos_lat, country, admin1 = f[:, 0], f[:, 1], f[:, 2], f[:, 3], f[:, 4]
    # Haversine distance, worked out in place: the pairs are the bulk of the resolver's arithmetic.
    h = np.sin(np.subtract.outer(half_lat, half_lat)) ** 2
    h += np.multiply.outer(cos_lat, cos_lat) * np.sin(np.subtract.outer(half_lon, half_lon)) ** 2
    # h >= 0 (squares, cosines of latitudes), so clipping it to [0, 1] is taking its minimum with 1
    km = np.arcsin(np.sqrt(np.minimum(h, 1.0, out=h), out=h), out=h)
    km *= 2 * 6371.0088
    sim = np.exp(km / -_NEAR_KM)
    same_country = np.equal.outer(country, country)
    same_country &= (country != 0)[:, None]
    # Bonuses added as 0 or the bonus (x + 0.0 == x exactly): plain loops, faster than masked ones.
    if f[:, 5].any():
        region = f[:, 5] > 0
        contains = np.equal.outer(admin1, admin1)
        contains &= (admin1 != 0)[:, None]
        contains &= np.logical_or.outer(region, region)
        sim += contains * 0.6
    sim += same_country * 0.15
    np.minimum(sim, 1.2, out=sim)
    if f[:, 6].any():
        # A country supports what lies in it, and a little what lies near it (Gaza beside Israel and Egypt).
        broad = f[:, 6] > 0
        either_broad = np.logical_or.outer(broad, broad)
        far = np.exp(km / -_BROAD_NEAR_KM)
        far *= 0.2
        np.copyto(sim, far, where=either_broad)
        np.copyto(sim, 0.6, where=either_broad & same_country)
    return sim


def text_nearness(positions: Sequence[Sequence[int]], text: str) -> np.ndarray | None:
    """Per pair of names, how much one supports the other for where the text names them: fully within one
    paragraph of each other, less the more paragraphs lie between them, down to ``_FAR_FLOOR``. A long
    article moves from front to front; a village is read with the names around it, not with the region the
    article dwells on elsewhere. None for a text of one paragraph (every pair near)."""
    breaks = [m.start() for m in _PARAGRAPH.finditer(text)] if "\n" in text else []
    if not breaks:
        return None
    n, span = len(positions), len(breaks) + 1
    named = np.zeros((n, span), bool)  # which paragraphs name each group
    for i, p in enumerate(positions):
        named[i, [bisect_right(breaks, x) for x in p]] = True
    # each group's distance in paragraphs to every paragraph, then to the nearest paragraph naming the other
    index = np.arange(span, dtype=float)
    dist = np.stack([np.abs(index[named[i]][:, None] - index[None, :]).min(axis=0) for i in range(n)])
    gap = np.where(named[None, :, :], dist[:, None, :], np.inf).min(axis=2)
    near = np.exp(-np.maximum(gap - 1.0, 0.0) / _FAR_PARAGRAPHS)
    return np.maximum(near, _FAR_FLOOR)


def coherent_choice(groups: Sequence[Sequence[Place]], local: Sequence[Sequence[float]],
                    weights: Sequence[float], nearness: np.ndarray | None = None) -> list[np.ndarray]:
    """Per group of candidates (one group per name), their probabilities after a few rounds of support.

    ``local``: each candidate's own score (prior and text cues); ``weights``: how much each group's
    support counts (how often the name is used); ``nearness``: per pair of groups, how much of that
    support reaches across the text between them (``text_nearness``), all of it if None.
    """
    if len(groups) == 1:  # nothing to cohere with
        scores = np.array(local[0])
        e = np.exp((scores - scores.max()) / _TEMPERATURE)
        return [e / e.sum()]
    n_groups = len(groups)
    sizes = [len(g) for g in groups]
    ends = np.array(list(accumulate(sizes)))
    starts = ends - sizes
    owner = np.repeat(np.arange(n_groups), sizes)
    base = np.array([s for scores in local for s in scores])
    sim = _similarity([p for g in groups for p in g])
    sim[np.equal.outer(owner, owner)] = 0.0  # a name's candidates do not support each other
    w = np.asarray(weights)[None, :]
    reach = w if nearness is None else w * nearness[owner]  # per candidate, how much each group's support counts
    spread = math.sqrt(max(1, n_groups - 1))
    score = base.copy()
    contrib = np.empty_like(sim)  # reused each round
    for _ in range(_ROUNDS):
        prob = _group_softmax(score, owner, starts)
        # A weak reading still counts for something (square root): two names that fit one small
        # area (Paris and Henry County, Tennessee) lift each other though neither is its name's first reading.
        np.multiply(sim, np.sqrt(prob)[None, :], out=contrib)
        # For each candidate, the best support from each other group, weighted by how often it is named.
        best = np.maximum.reduceat(contrib, starts, axis=1)
        best *= reach
        support = best.sum(axis=1)
        support /= spread
        score = base + support
    prob = _group_softmax(score, owner, starts)
    return [prob[a:b] for a, b in zip(starts.tolist(), ends.tolist(), strict=True)]  # as np.split


def _group_softmax(score: np.ndarray, owner: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Softmax within each group of candidates (``owner``: each one's group, starting at ``starts``)."""
    e = score - np.maximum.reduceat(score, starts)[owner]
    e /= _TEMPERATURE
    np.exp(e, out=e)
    total = np.bincount(owner, weights=e, minlength=len(starts))  # adds in order, one by one
    e /= total[owner]
    return e
