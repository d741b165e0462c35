"""Score geoparsing and incident extraction against gold data, as ``shared/eval-data/README.md`` defines.

The figures and their rounding are those of the reference scorers in ``shared/eval-data/scorers``;
tests run both on the same files and require identical results.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from mapper.errors import InputError
from mapper.geo import EARTH_RADIUS_KM, LatLon, haversine_km

#: Distance within which a resolution (or an incident) counts as right: 100 miles.
ACCURACY_KM = 161.0
#: Mean Earth radius used by the geoparsing scorer (IUGG); the incident scorer uses 6371.0.
GEOPARSE_RADIUS_KM = EARTH_RADIUS_KM
INCIDENT_RADIUS_KM = 6371.0
#: ln of half the Earth's circumference in km, the AUC normaliser.
_AUC_NORM = math.log(20039)
_INCIDENT_TYPES = ("drone", "migration", "operation")

Record = Mapping[str, Any]


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    """Stream the JSON objects of a JSON Lines file, with errors naming file and line."""
    from mapper.article_records import check_text_head, json_object, read_lines  # the readers' checks and messages

    path = Path(path)
    try:
        with path.open("rb") as fh:
            check_text_head(path, fh.read(4096))
        for lineno, line in read_lines(path):
            if not line.strip():
                continue
            rec = json_object(line, f"{path}:{lineno}")
            if "id" not in rec:
                raise InputError(f"{path}:{lineno}: expected a JSON object with an 'id'")
            yield rec
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _by_id(records: Iterable[Record], field: str) -> dict[str, list[dict[str, Any]]]:
    # A later record with the same id replaces an earlier one, as in the reference scorer.
    out = {}
    for rec in records:
        if "id" not in rec:
            raise InputError(f"a record has no 'id': {str(rec)[:80]}")
        items = list(rec.get(field) or [])
        for item in items:
            if not (isinstance(item, dict) and isinstance(item.get("start"), int)
                    and isinstance(item.get("end"), int)):
                raise InputError(f"record {rec['id']}: each {field!r} item needs integer start and end, "
                                 f"got {str(item)[:80]}")
        out[str(rec["id"])] = items
    return out


def _overlaps(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _match_doc(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> dict[str, Any]:
    """Match one document's spans; returns literal gold, kept predictions and the matched pairs."""
    literal = [t for t in gold if t.get("literal", True) is not False]
    figurative = [t for t in gold if t.get("literal", True) is False]
    kept = [q for q in pred if q.get("lat") is not None and q.get("lon") is not None
            and not any(_overlaps(q, s) for s in figurative)]
    taken: set[int] = set()
    pairs = []  # (gold, pred, strict)
    for t in literal:
        choice: tuple[int, bool] | None = None
        for k, q in enumerate(kept):
            if k in taken:
                continue
            if q["start"] == t["start"] and q["end"] == t["end"]:
                choice = (k, True)
                break
            if choice is None and _overlaps(q, t):
                choice = (k, False)  # the first overlap, unless an exact match comes later
        if choice is not None:
            taken.add(choice[0])
            pairs.append((t, kept[choice[0]], choice[1]))
    return {"gold": literal, "pred": kept, "pairs": pairs, "taken": taken}


def _error_km(t: Mapping[str, Any], q: Mapping[str, Any]) -> float:
    # The right GeoNames entity is 0 km, whatever point the system draws for it.
    if t.get("geonameid") is not None and str(q.get("place_id", "")) == f"geonames:{t['geonameid']}":
        return 0.0
    return haversine_km((t["lat"], t["lon"]), (q["lat"], q["lon"]))


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_geoparse(gold_records: Iterable[Record], pred_records: Iterable[Record], *,
                   ids: Iterable[str] | None = None, gold_field: str = "toponyms",
                   per_doc: bool = False) -> dict[str, Any]:
    """Recognition and resolution scores of predicted places against gold toponyms.

    Gold spans with ``literal: false`` are ignored on both sides. Each literal gold span takes the
    first unused prediction with the same offsets, else the first unused overlapping one.
    Resolution figures are over the (lenient) matches; ``e2e_acc161`` is over all gold spans.

    Parameters
    ----------
    gold_records
        ``{"id", gold_field: [{"start", "end", "lat", "lon", "geonameid"?, "literal"?}]}`` per doc.
    pred_records
        ``{"id", "places": [{"start", "end", "lat", "lon", "place_id"?}]}`` per doc; places
        without coordinates count as not predicted.
    ids
        Score only these document ids (default: every gold document).
    gold_field
        Field of the gold records holding the toponyms.
    per_doc
        Add ``"per_doc"``: for each document with a miss, false positive, boundary-only match or
        an error over 161 km, those items, for error analysis.

    Returns
    -------
    dict
        ``docs, gold, pred, strict_p/r/f1, lenient_p/r/f1, resolved, acc161, mean_km, median_km,
        auc, e2e_acc161`` (same names and rounding as ``score_geoparse.py``).
    """
    gold = _by_id(gold_records, gold_field)
    pred = _by_id(pred_records, "places")
    ids = list(ids) if ids is not None else []
    doc_ids = [str(i) for i in ids] if ids else list(gold)
    n_gold = n_pred = strict = lenient = 0
    errors: list[float] = []
    details = []
    for doc_id in doc_ids:
        m = _match_doc(gold.get(doc_id, []), pred.get(doc_id, []))
        n_gold += len(m["gold"])
        n_pred += len(m["pred"])
        doc_errors = []
        for t, q, exact in m["pairs"]:
            lenient += 1
            strict += exact
            km = _error_km(t, q)
            errors.append(km)
            doc_errors.append((t, q, exact, km))
        if per_doc:
            entry = _doc_detail(doc_id, m, doc_errors)
            if entry:
                details.append(entry)
    result = _summary(len(doc_ids), n_gold, n_pred, strict, lenient, errors)
    if per_doc:
        result["per_doc"] = details
    return result


def _summary(docs: int, n_gold: int, n_pred: int, strict: int, lenient: int,
             errors: list[float]) -> dict[str, Any]:
    sp, sr, sf = _prf(strict, n_pred, n_gold)
    lp, lr, lf = _prf(lenient, n_pred, n_gold)
    errors = sorted(errors)
    n = len(errors)
    within = sum(1 for e in errors if e <= ACCURACY_KM)
    nan = float("nan")
    return {
        "docs": docs, "gold": n_gold, "pred": n_pred,
        "strict_p": round(sp, 4), "strict_r": round(sr, 4), "strict_f1": round(sf, 4),
        "lenient_p": round(lp, 4), "lenient_r": round(lr, 4), "lenient_f1": round(lf, 4),
        "resolved": n,
        "acc161": round(within / n, 4) if n else 0.0,
        "mean_km": round(sum(errors) / n if n else nan, 1),
        "median_km": round(errors[n // 2] if n else nan, 1),  # the upper median, as the reference
        "auc": round(sum([math.log(1 + e) / _AUC_NORM for e in errors]) / n if n else nan, 4),
        "e2e_acc161": round(within / n_gold, 4) if n_gold else 0.0,
    }


def _span(item: Mapping[str, Any], name_key: str) -> dict[str, Any]:
    return {"start": item["start"], "end": item["end"], "text": item.get(name_key) or item.get("text", "")}


def _doc_detail(doc_id: str, m: dict[str, Any], doc_errors: list[tuple]) -> dict[str, Any] | None:
    matched_gold = {id(t) for t, _, _ in m["pairs"]}
    missed = [_span(t, "name") for t in m["gold"] if id(t) not in matched_gold]
    false_pos = [{**_span(q, "text"), "place_id": q.get("place_id"), "lat": q["lat"], "lon": q["lon"]}
                 for k, q in enumerate(m["pred"]) if k not in m["taken"]]
    boundary = [{"gold": _span(t, "name"), "pred": _span(q, "text")} for t, q, exact, _ in doc_errors
                if not exact]
    wrong = [{**_span(t, "name"), "error_km": round(km, 1), "gold": [t["lat"], t["lon"]],
              "geonameid": t.get("geonameid"), "pred": [q["lat"], q["lon"]],
              "place_id": q.get("place_id"), "pred_name": q.get("name")}
             for t, q, _, km in sorted(doc_errors, key=lambda e: -e[3]) if km > ACCURACY_KM]
    if not (missed or false_pos or boundary or wrong):
        return None
    return {"id": doc_id, "missed": missed, "false_positives": false_pos, "boundary": boundary,
            "errors": wrong}


# -- incidents -----------------------------------------------------------------------------------

def _norm_type(value: Any) -> str:
    text = (value or "").lower()
    return next((t for t in _INCIDENT_TYPES if t in text), text)


def _dates_agree(a: Any, b: Any) -> bool:
    """Dates agree at the coarser precision; two day dates within 3 days."""
    if not a or not b:
        return True
    a, b = str(a)[:10], str(b)[:10]
    n = min(len(a), len(b))
    if n >= 10:
        try:
            return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) <= 3
        except ValueError:
            pass
    return a[:n] == b[:n]


def _vertices(geometry: Mapping[str, Any] | None) -> list[LatLon]:
    """Every (lat, lon) vertex of a GeoJSON geometry."""
    if not geometry:
        return []
    if geometry.get("type") == "GeometryCollection":
        return [v for g in geometry.get("geometries", []) for v in _vertices(g)]
    found: list[LatLon] = []
    stack = [geometry.get("coordinates")]
    while stack:
        node = stack.pop()
        if not isinstance(node, (list, tuple)):
            continue
        if len(node) >= 2 and all(isinstance(c, (int, float)) for c in node[:2]):
            found.append((float(node[1]), float(node[0])))
        else:
            stack.extend(reversed(node))  # depth first, in document order
    return found


def _event_points(event: Mapping[str, Any]) -> list[LatLon]:
    points = []
    if event.get("lat") is not None and event.get("lon") is not None:
        points.append((event["lat"], event["lon"]))
    for end in (event.get("origin"), event.get("destination")):
        if isinstance(end, dict) and end.get("lat") is not None:
            points.append((end["lat"], end["lon"]))
    for p in event.get("points") or []:
        if isinstance(p, dict) and p.get("lat") is not None:
            points.append((p["lat"], p["lon"]))
        elif isinstance(p, (list, tuple)) and len(p) >= 2:
            points.append((p[0], p[1]))
    return points


def _gold_events(records: Iterable[Record], ids: set[str] | None) -> dict[str, dict[str, Any]]:
    events: dict[str, dict[str, Any]] = {}
    for rec in records:
        if ids and str(rec["id"]) not in ids:
            continue
        for n, inc in enumerate(rec.get("incidents") or []):
            ev = events.setdefault(inc.get("event_key") or f"{rec['id']}:{n}",
                                   {"optional": True, "records": []})
            ev["records"].append(inc)
            ev["optional"] = ev["optional"] and bool(inc.get("optional"))  # required if any report is
    return events


def _predicted(feature_collection: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Features grouped into incidents by incident_id / id / feature id, in first-seen order."""
    groups: dict[Any, dict[str, Any]] = {}
    for n, feature in enumerate(feature_collection.get("features", [])):
        props = feature.get("properties") or {}
        key = props.get("incident_id") or props.get("id") or feature.get("id") or f"#{n}"
        group = groups.setdefault(key, {"key": key, "type": None, "date": None, "pts": []})
        group["type"] = group["type"] or _norm_type(props.get("type") or props.get("kind")
                                                    or props.get("incident_type"))
        group["date"] = group["date"] or props.get("date") or props.get("date_start")
        group["pts"].extend(_vertices(feature.get("geometry")))
    return list(groups.values())


def _compatible(pred: Mapping[str, Any], event: Mapping[str, Any]) -> bool:
    if pred["type"] != _norm_type(event.get("type")) or not _dates_agree(pred["date"], event.get("date")):
        return False
    targets = _event_points(event)
    return any(haversine_km(p, t, INCIDENT_RADIUS_KM) <= ACCURACY_KM for p in pred["pts"] for t in targets)


def _bipartite(order: list[str], adj: dict[str, list[int]]) -> dict[str, int]:
    """Maximum matching event -> incident by augmenting paths, trying events in ``order``."""
    holder: dict[int, str] = {}

    def augment(event: str, visited: set[int]) -> bool:
        for pi in adj[event]:
            if pi in visited:
                continue
            visited.add(pi)
            if pi not in holder or augment(holder[pi], visited):
                holder[pi] = event
                return True
        return False

    for event in order:
        augment(event, set())
    return {event: pi for pi, event in holder.items()}


def score_incidents(gold_records: Iterable[Record], feature_collection: Mapping[str, Any], *,
                    ids: Iterable[str] | None = None) -> dict[str, Any]:
    """Recall and precision of predicted incidents against gold events.

    An incident is compatible with an event when the types agree, a vertex of its geometry lies
    within 161 km of one of the event's locations, and their dates (where both have one) agree at
    the coarser precision. Events and incidents are matched one to one, required events first.

    Parameters
    ----------
    gold_records
        Records with ``id`` and ``incidents`` (``event_key``, ``type``, ``date``, ``lat``/``lon``,
        ``origin``, ``destination``, ``points``, ``optional``).
    feature_collection
        GeoJSON FeatureCollection; features sharing ``incident_id`` form one incident.
    ids
        Use only the gold records with these ids.

    Returns
    -------
    dict
        ``events, optional_events, found, recall, predicted, precision, one_to_one, missed,
        duplicated, spurious`` (same names and rounding as ``score_incidents.py``).
    """
    if not isinstance(feature_collection, Mapping) or not isinstance(feature_collection.get("features"), list):
        raise InputError("predicted incidents must be a GeoJSON FeatureCollection with a 'features' list")
    events = _gold_events(gold_records, {str(i) for i in ids} if ids else None)
    preds = _predicted(feature_collection)
    adj = {key: [pi for pi, pred in enumerate(preds) if any(_compatible(pred, g) for g in ev["records"])]
           for key, ev in events.items()}
    required = [k for k, ev in events.items() if not ev["optional"]]
    optional = [k for k, ev in events.items() if ev["optional"]]
    match = _bipartite(required + optional, adj)
    matched = set(match.values())
    compatible_with: dict[int, set[str]] = {pi: set() for pi in range(len(preds))}
    for key, pis in adj.items():
        for pi in pis:
            compatible_with[pi].add(key)
    # An unmatched incident that fits only optional events is neither right nor wrong.
    neutral = {pi for pi, keys in compatible_with.items()
               if pi not in matched and keys and all(events[k]["optional"] for k in keys)}
    found = [k for k in required if k in match]
    duplicated = sorted(k for k in match if any(pi not in matched and pi not in neutral for pi in adj[k]))
    spurious = [pi for pi, keys in compatible_with.items() if not keys]
    counted = len(preds) - len(neutral)
    return {
        "events": len(required), "optional_events": len(optional), "found": len(found),
        "recall": round(len(found) / len(required), 4) if required else 0.0,
        "predicted": len(preds),
        "precision": round(len(matched - neutral) / counted, 4) if counted else 0.0,
        "one_to_one": round(sum(k not in duplicated for k in found) / len(found), 4) if found else 0.0,
        "missed": [k for k in sorted(required) if k not in match],
        "duplicated": duplicated,
        "spurious": [[preds[pi]["type"],
                      [round(c, 2) for c in preds[pi]["pts"][0]] if preds[pi]["pts"] else None,
                      preds[pi]["date"]] for pi in spurious][:50],
    }
