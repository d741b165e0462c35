"""Reports of one event told by different articles: the same-event score, the clustering of candidates across
articles, and the folding of a stored incident's new report (split from ``mapper.incident_merge``)."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from typing import NamedTuple

from mapper.incident_geometry import near, other_countries
from mapper.incident_merge import (
    _DATE_RANK,
    FROM_PUBLICATION,
    Candidate,
    _ends_agree,
    absorb,
    counts_of,
    dates_compatible,
    explicit,
)
from mapper.model import DatePrecision, FuzzyDate, Incident, IncidentType, Location
from mapper.names import normalize


class Report(NamedTuple):
    """What the same-event rule compares: the fields a candidate and a finished incident share."""

    type: IncidentType
    subtype: str
    date: FuzzyDate | None
    count_date: FuzzyDate | None  # the date a shared count must fit: a candidate's date from its text
    locs: Sequence[Location]
    name_key: str
    counts: AbstractSet[tuple[float, str]]
    articles: AbstractSet[str]


def report(incident: Incident) -> Report:
    """The fields of a finished incident the same-event rule compares: its name key normalised, and
    its date as told by the text unless it is the publication month or default year standing in."""
    counts = {(f.value, f.unit) for f in incident.figures if f.value >= 10}
    told = None if incident.date is None or incident.date.text in FROM_PUBLICATION else incident.date
    return Report(incident.type, incident.subtype, incident.date, told, incident.locations,
                  normalize(incident.name), counts, {s.article_id for s in incident.sources})


def _cand_report(c: Candidate) -> Report:
    return Report(c.type, c.subtype, c.date, explicit(c), c.locs, c.name_key, counts_of(c), c.articles)


def event_score(a: Report, b: Report) -> int:
    """How surely two reports (from different articles) tell one event: 0 not, 1 place and date,
    2 the same count, 3 the same operation name."""
    if a.type is not b.type or not a.articles.isdisjoint(b.articles):
        return 0
    if a.name_key and a.name_key == b.name_key:
        return 3
    ca, cb = a.counts, b.counts
    if ca and cb and not ca.isdisjoint(cb) and dates_compatible(a.count_date, b.count_date):
        return 2
    if not dates_compatible(a.date, b.date) or ca and cb and not {u for _, u in ca}.isdisjoint({u for _, u in cb}) \
            and not _toll_revised(a, b):
        return 0  # different counts of the same thing: different events (or different parts of one)
    # "overnight", "last weekend": a day, a month or a span of a month at most is fine
    if not (_fine(a.date) and _fine(b.date) or (is_flow(a.type, a.locs) and is_flow(b.type, b.locs))):
        return 0  # a coarse date is enough only for a flow known at both ends
    if a.type is IncidentType.OPERATION:
        return int(near(a.locs, b.locs))
    if a.subtype != b.subtype:
        return 0
    if a.type is IncidentType.DRONE:  # (a crash in Moldova and fragments in Romania, 80 km apart: two finds)
        return int(near(a.locs[:1], b.locs[:1]) and not other_countries(a.locs[:1], b.locs[:1]))
    checks = [_ends_agree([x for x in a.locs if x.role == role], [y for y in b.locs if y.role == role])
              for role in ("origin", "destination", "site")
              if any(x.role == role for x in a.locs) and any(y.role == role for y in b.locs)]
    return int(bool(checks) and all(checks))


def _toll_revised(a: Report, b: Report) -> bool:
    """True when two reports of a strike on one day or night differ only in its dead and injured ("injuring 12
    people", then "the number of people injured has risen to 15"): a toll revised, not two strikes."""
    return (a.subtype == b.subtype == "strike" and all(u in ("killed", "injured") for _, u in a.counts | b.counts)
            and all(d is not None and (d.end - d.start).days <= 1 for d in (a.date, b.date)))


def _fine(date: FuzzyDate | None) -> bool:
    """A date fine enough to tell one event by place alone: none, a day, a month or a span of 31 days at most."""
    return date is None or date.precision in _FINE or (date.end - date.start).days <= 31


_FINE = frozenset({DatePrecision.DAY, DatePrecision.MONTH})


def is_flow(kind: IncidentType, locs: Sequence[Location]) -> bool:
    """True for a migration known at both ends (an origin and a destination)."""
    return kind is IncidentType.MIGRATION and {"origin", "destination"} <= {loc.role for loc in locs}


def event_match(a: Incident, b: Incident) -> int:
    """:func:`event_score` of two finished incidents: 0 not one event, 1 place and date, 2 a shared
    count, 3 a shared operation name."""
    return event_score(report(a), report(b))


def same_event(a: Incident, b: Incident) -> bool:
    """True when two incidents from different articles report one event: the rule the incident stage
    merges reports by, for incidents already stored.

    Parameters
    ----------
    a, b
        Finished incidents; sharing a source article makes them different events.
    """
    return event_score(report(a), report(b)) > 0


def merge_across(cands: list[Candidate]) -> list[Candidate]:
    """Cluster candidates from different articles that report the same event (the surest match wins).

    Each candidate is scored only against the events that share its type and its operation name, a
    count, or a latitude band near one of its places (:class:`_Blocks`), never against every event.
    """
    out: list[Candidate] = []
    reports: list[Report] = []
    blocks = _Blocks()
    for c in cands:
        mine, keys = _cand_report(c), _Blocks.keys(c)
        best, home = 0, -1
        for n in sorted(blocks.suspects(keys)):  # in order, so the first of equally sure matches wins
            score = event_score(reports[n], mine)
            if score > best:
                best, home = score, n
        if home < 0:
            home = len(out)
            out.append(c)
            reports.append(mine)
        else:
            absorb(out[home], c)
            reports[home] = _cand_report(out[home])
        blocks.add(keys, home)  # an event's places, counts and name come from the reports it absorbed
    return out


_BAND_DEG = 2.0  # wider than NEAR_KM in latitude (1.45 degrees): places near each other are in adjacent bands


class _Blocks:
    """Events by what any match with them must share (see :func:`event_score`): the type, and the
    operation name (score 3), a count (score 2) or a place within ``NEAR_KM`` (score 1), whose
    latitude then lies within one band of the other's."""

    def __init__(self) -> None:
        self.index: dict[tuple[object, ...], set[int]] = {}

    @staticmethod
    def keys(c: Candidate) -> set[tuple[object, ...]]:
        """The block keys of a report or an event."""
        keys: set[tuple[object, ...]] = {(c.type, "count", *k) for k in counts_of(c)}
        keys |= {(c.type, "band", math.floor(loc.lat / _BAND_DEG)) for loc in c.locs}
        if c.name_key:
            keys.add((c.type, "name", c.name_key))
        return keys

    def add(self, keys: set[tuple[object, ...]], n: int) -> None:
        """Index event ``n`` under ``keys`` (more keys each time it absorbs a report)."""
        for key in keys:
            self.index.setdefault(key, set()).add(n)

    def suspects(self, keys: set[tuple[object, ...]]) -> set[int]:
        """The events a report with these keys may match: every event with a non-zero score is among them."""
        found: set[int] = set()
        for key in keys:
            if key[1] == "band":
                for band in (key[2] - 1, key[2], key[2] + 1):  # type: ignore[operator]
                    found |= self.index.get((key[0], "band", band), set())
            else:
                found |= self.index.get(key, set())
        return found


def merge_into(old: Incident, new: Incident) -> Incident:
    """``old`` told once more by ``new``, as the incident stage folds a report into an event: new
    places and figures added, the better date kept (told by the text, then finer), a little more sure."""
    locations = list(old.locations)
    for loc in new.locations:
        if all((x.place_id, x.role) != (loc.place_id, loc.role) for x in locations) and (
                old.type is IncidentType.MIGRATION or all(x.place_id != loc.place_id for x in locations)):
            locations.append(loc)
    figures = old.figures + tuple(f for f in new.figures
                                  if all((f.value, f.unit) != (g.value, g.unit) for g in old.figures))
    date = old.date
    if new.date is not None and (date is None or _date_key(new.date) < _date_key(date)):
        date = new.date
    # one more reporting article makes the event a little surer, as the incident stage scores it
    confidence = round(min(0.95, max(old.confidence, new.confidence) + 0.05), 2)
    return dataclasses.replace(old, locations=tuple(locations), sources=old.sources + new.sources,
                               figures=figures, date=date, confidence=confidence, name=old.name or new.name)


def _date_key(d: FuzzyDate) -> tuple[bool, int]:
    return d.text in FROM_PUBLICATION, _DATE_RANK[d.precision]
