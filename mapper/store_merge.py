"""Stored incidents: their rows, and the cross-article rule that folds a new report into the stored
incident of the same event instead of adding it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import math
import sqlite3
from collections.abc import Iterable
from typing import Any

from mapper.codec import dumps, loads
from mapper.incident_across import event_match, is_flow, merge_into, same_event
from mapper.model import DatePrecision, Incident, IncidentType, Source
from mapper.names import normalize

# Reports are candidates for one event when their main locations are this close (degrees of
# latitude; 1.5 degrees is about 167 km, just over the incident stage's NEAR_KM).
_NEAR_DEG = 1.5
# ... and their dates this many days apart at most (dates_compatible allows 3 for two days).
_DATE_SLACK = 3
_FINE = frozenset({DatePrecision.DAY, DatePrecision.MONTH})
_LONGEST = dt.timedelta(days=31)  # the longest a day- or month-precision date can span


def insert_incident(db: sqlite3.Connection, incident: Incident) -> None:
    """Add ``incident`` as a new stored event (its id suffixed when another report holds it)."""
    iid = incident.incident_id
    if db.execute("SELECT 1 FROM incidents WHERE incident_id=?", (iid,)).fetchone():
        src = incident.sources[0].article_id if incident.sources else ""
        iid = f"{iid}~{hashlib.sha256(src.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"
        incident = dataclasses.replace(incident, incident_id=iid)
    db.execute("INSERT INTO incidents VALUES (?,?,?,?,?,?,?,?,?,?,?)", _incident_row(incident))
    _add_counts(db, incident)
    _add_sources(db, iid, incident.sources)


def _add_counts(db: sqlite3.Connection, incident: Incident) -> None:
    db.executemany("INSERT OR IGNORE INTO incident_counts VALUES (?,?,?)", [
        (incident.incident_id, incident.type.value, c) for c in _count_keys(incident)])


def _add_sources(db: sqlite3.Connection, incident_id: str, sources: Iterable[Source]) -> None:
    db.executemany("INSERT OR IGNORE INTO incident_sources VALUES (?,?,?,?)", [
        (incident_id, s.article_id, s.start, dumps(s)) for s in sources])


def merge_stored(db: sqlite3.Connection, new: Incident) -> bool:
    """Fold ``new`` into the stored report of the same event; False when there is none.

    As the incident stage does within a run, the surest match wins (a shared operation name,
    then a shared count), then the earliest stored incident matching by place and date.
    """
    kind = new.type.value
    sure: list[tuple[str, str]] = []
    if new.name:
        sure += db.execute("SELECT incident_id, data FROM incidents WHERE name=? AND type=? ORDER BY rowid",
                           (normalize(new.name), kind)).fetchall()
    for key in sorted(_count_keys(new)):
        sure += db.execute("SELECT i.incident_id, i.data FROM incident_counts c JOIN incidents i "
                           "USING (incident_id) WHERE c.type=? AND c.count=? ORDER BY i.rowid",
                           (kind, key)).fetchall()
    scored = [(event_match(loads(Incident, d), new), i) for i, d in dict(sure).items()]
    best = max(scored, key=lambda t: t[0], default=(0, ""))  # max keeps the earliest of equals
    if best[0] >= 2:
        return _fold(db, best[1], new)
    for iid, data in _nearby(db, new):
        if same_event(loads(Incident, data), new):
            return _fold(db, iid, new)
    return False


def _nearby(db: sqlite3.Connection, new: Incident) -> list[tuple[str, str]]:
    """Stored incidents of the type (and subtype) near ``new`` whose dates may fit, oldest first."""
    flow = is_flow(new.type, new.locations)
    if new.date is not None and new.date.precision not in _FINE and not flow:
        return []  # only a name or a count can match a coarsely dated report
    loc, slack = new.location, dt.timedelta(days=_DATE_SLACK)
    dlon = min(180.0, _NEAR_DEG / max(0.05, math.cos(math.radians(loc.lat))))
    # operations match across subtypes, and on any of their places (their main ones can lie far apart)
    op = new.type is IncidentType.OPERATION
    box = "" if op else "AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?"
    where = "SELECT rowid, incident_id, data FROM incidents WHERE type=? {sub} {box} {coarse} AND "
    sub = "" if op else "AND subtype=?"
    coarse = "" if flow else "AND (date_precision IS NULL OR date_precision IN ('day', 'month'))"
    base = where.format(sub=sub, box=box, coarse=coarse)
    args = [new.type.value, *([] if op else [new.subtype, loc.lat - _NEAR_DEG, loc.lat + _NEAR_DEG,
                                             loc.lon - dlon, loc.lon + dlon])]
    rows = db.execute(base + "date_start IS NULL", args).fetchall()  # undated fits any date
    if new.date is None:
        rows += db.execute(base + "date_start IS NOT NULL", args).fetchall()
    else:
        # a fine date spans at most _LONGEST: a lower bound on date_start lets the index work
        low = "" if flow else (new.date.start - slack - _LONGEST).isoformat()
        rows += db.execute(base + "date_start BETWEEN ? AND ? AND date_end >= ?", [
            *args, low, (new.date.end + slack).isoformat(), (new.date.start - slack).isoformat()]).fetchall()
    return [(iid, data) for _, iid, data in sorted(rows)]


def _fold(db: sqlite3.Connection, incident_id: str, new: Incident) -> bool:
    row = db.execute("SELECT data FROM incidents WHERE incident_id=?", (incident_id,)).fetchone()
    merged = dataclasses.replace(merge_into(loads(Incident, row[0]), new), incident_id=incident_id)
    db.execute("UPDATE incidents SET type=?, place_id=?, date_start=?, date_end=?, lat=?, lon=?, "
               "name=?, subtype=?, date_precision=?, data=? WHERE incident_id=?",
               (*_incident_row(merged)[1:], incident_id))
    _add_counts(db, merged)
    _add_sources(db, incident_id, new.sources)
    return True


def _incident_row(incident: Incident) -> tuple[Any, ...]:
    # The columns the same-event lookups search on, then the incident itself (sources apart).
    loc, date = incident.location, incident.date
    return (incident.incident_id, incident.type.value, loc.place_id, date.start.isoformat() if date else None,
            date.end.isoformat() if date else None, loc.lat, loc.lon, normalize(incident.name),
            incident.subtype, date.precision.value if date else None, dumps(dataclasses.replace(incident, sources=())))


def _count_keys(incident: Incident) -> set[str]:
    # The counts the incident stage matches reports on: figures of ten or more.
    return {f"{float(f.value)!r} {f.unit}" for f in incident.figures if f.value >= 10}
