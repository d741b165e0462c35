"""Names the sources lack or get wrong: fixed abbreviations, and ``data/gazetteer/aliases.csv``."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mapper.errors import InputError
from mapper.gazetteer.base import ALIAS

ALIAS_COLUMNS = ("place_id", "alias", "action", "source")
ACTIONS = ("add", "drop")
_PLACE_ID = re.compile(r"geonames:\d+|curated:[a-z0-9][a-z0-9_-]*|airportsdata:[A-Z0-9]{3,4}")

# AP-style abbreviations of US states as written in US local news (LGL), by GeoNames admin1 code.
# Those that are also titles or common words even with their dot (Miss., Del., Me.) are left out.
US_ABBREVIATIONS = {
    "AL": ["Ala."], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif."], "CO": ["Colo."], "CT": ["Conn."],
    "FL": ["Fla."], "GA": ["Ga."], "IL": ["Ill."], "IN": ["Ind."], "KS": ["Kan.", "Kans."], "KY": ["Ky."],
    "LA": ["La."], "MA": ["Mass."], "MD": ["Md."],
    "MI": ["Mich."], "MN": ["Minn."], "MO": ["Mo."], "MT": ["Mont."], "NE": ["Neb.", "Nebr."],
    "NV": ["Nev."], "NH": ["N.H."], "NJ": ["N.J."], "NM": ["N.M.", "N.Mex."], "NY": ["N.Y."],
    "NC": ["N.C."], "ND": ["N.D.", "N.Dak."], "OK": ["Okla."], "OR": ["Ore.", "Oreg."], "PA": ["Pa.", "Penn."],
    "RI": ["R.I."], "SC": ["S.C."], "SD": ["S.D.", "S.Dak."], "TN": ["Tenn."], "TX": ["Tex."],
    "VT": ["Vt."], "VA": ["Va."], "WA": ["Wash."], "WV": ["W.Va.", "W.Virginia"], "WI": ["Wis.", "Wisc."],
    "WY": ["Wyo."],
}

# Abbreviations that news use for a few GeoNames places and that no source lists as aliases.
# Kept in code (not in aliases.csv) so that a build outside a repository checkout has them too.
EXTRA_ALIASES = {
    "geonames:607847": ["WKR", "WKO", "ЗКО"], "geonames:1517381": ["EKR", "EKO", "ВКО"],
    "geonames:1519367": ["NKR", "NKO", "СКО"], "geonames:1524787": ["South Kazakhstan", "ЮКО"],
    "geonames:1503773": ["KhMAO", "ХМАО", "Yugra", "Югра"], "geonames:1486462": ["YaNAO", "ЯНАО"],
    "geonames:1221692": ["GBAO", "ГБАО"],
    "geonames:4138106": ["D.C."], "geonames:5368361": ["L.A."], "geonames:2155400": ["NSW"],
    "geonames:5909050": ["B.C."], "geonames:6252001": ["U.S.", "U.S.A."],
}


def read_aliases(path: Path) -> list[tuple[str, str, str]]:
    """``(place_id, alias, action)`` rows of an alias CSV; InputError naming the line for a bad row."""
    out: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if tuple(reader.fieldnames or ()) != ALIAS_COLUMNS:
            raise InputError(f"{path}: the header must be {','.join(ALIAS_COLUMNS)}, "
                             f"got {','.join(reader.fieldnames or [])}")
        for row in reader:
            where = f"{path}, line {reader.line_num}"
            pid, alias, action, source = (str(row.get(c) or "").strip() for c in ALIAS_COLUMNS)
            if not _PLACE_ID.fullmatch(pid):
                raise InputError(f"{where}: place_id must be 'geonames:<id>', 'curated:<slug>' or "
                                 f"'airportsdata:<ICAO>', got {pid!r}")
            if not alias:
                raise InputError(f"{where}: alias must not be empty")
            if action not in ACTIONS:
                raise InputError(f"{where}: action must be one of {', '.join(ACTIONS)}, got {action!r}")
            if not source:
                raise InputError(f"{where}: source must not be empty")
            if (pid, alias) in seen:
                raise InputError(f"{where}: {alias!r} for {pid} is listed twice")
            seen.add((pid, alias))
            out.append((pid, alias, action))
    return out


def apply_aliases(entries: Iterable[Any], rows: list[tuple[str, str, str]], path: Path) -> None:
    """Add or drop the listed names on the entries (``Entry`` of ``entry``), in place.

    InputError for a place id that no entry has, or a name to drop that the place lacks or
    that is its main name.
    """
    by_id = {e.place.place_id: e for e in entries}
    for pid, alias, action in rows:
        entry = by_id.get(pid)
        if entry is None:
            raise InputError(f"{path}: no place {pid} in the gazetteer's sources (alias {alias!r})")
        if action == "add":
            entry.add(alias, ALIAS)
        elif alias == entry.place.name or alias not in entry.names:
            raise InputError(f"{path}: cannot drop {alias!r} from {pid}: "
                             f"{'it is the main name' if alias == entry.place.name else 'no such name'}")
        else:
            del entry.names[alias]
