"""A city's name that the text says stands for its airport or air base: "the airport in Vilnius",
"Aalborg's airport", "bombers destroyed at Olenya and at Belaya" (news on drone sightings and strikes)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from mapper.cues import typed_after
from mapper.gazetteer.base import Gazetteer
from mapper.model import Mention, Place, PlaceKind
from mapper.names import normalize
from mapper.prefilter import Gated

AIR_BASE = re.compile(r"\b(?:air ?bases?|airfields?)\b", re.I)
AIR_BASE_GATED = Gated(AIR_BASE)  # most articles hold neither "base" nor "field": no scan
# "the airport in Vilnius", "the main airport of Oslo", "Aalborg's airport", "Riga's international airport".
# "Pictures of Belaya show the wreckage of Tu-22M3s beside the runway": in a text about air bases, a sentence
# about aircraft on the ground is about one too
_AIRCRAFT = re.compile(r"\b(?:runways?|aprons?|hangars?|bombers?|(?:Tu|Su|Il|MiG|Be|A)-\d+\w*|warplanes?)\b")
_AIRPORT = re.compile(r"\bairports?\b", re.I)
AIRPORT_GATED = Gated(_AIRPORT)
_AIRPORT_OF = re.compile(r"\b(?:the|its|an?)\s+(?:(?:main|international|city|city's)\s+)?airport\s+"
                         r"(?:in|of|at|near|outside|serving)\s+$", re.I)
_AIRPORT_AFTER = re.compile(r"(?:'s?|’s?)?\s+(?:(?:main|international)\s+)?airport\b", re.I)
# "Manas and Osh airports", "Vnukovo, Sheremetyevo and Domodedovo airports": one plural for the list's names
_LISTED_AIRPORTS = re.compile(r"(?:\s*,\s*(?:and\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?|\s+and\s+[A-Z][\w’'-]*"
                              r"(?:\s+[A-Z][\w’'-]*)?)*\s+(?:(?:international|main)\s+)?airports\b")
_POSSESSIVE = ("'s", "’s", "'", "’")
_BASE_AFTER = re.compile(r"\s+base\b")


def _possessed(m: Mention, text: str) -> bool:
    hit = _AIRPORT_AFTER.match(text, m.end)
    return hit is not None and (hit.group()[0] in "'’" or m.text.endswith(_POSSESSIVE))


def _plain(m: Mention) -> bool:
    return not m.generic and m.reason in ("gazetteer", "given") and m.literal


def _as_sites(mentions: Sequence[Mention], sites: Callable[[Mention], list[Place]]
              ) -> tuple[list[Mention], dict[int, list[Place]]]:
    """Each plain mention that ``sites`` gives places for, as a facility mention (its own sense) with those
    places as its first candidates (by the new mention's id)."""
    out, extra = [], {}
    for m in mentions:
        found = sites(m) if _plain(m) else []
        if found:
            m = Mention(m.article_id, m.start, m.end, m.text, name=m.name, generic="facility", literal=m.literal,
                        reason=m.reason, weak=m.weak)
            extra[id(m)] = found
        out.append(m)
    return out, extra


def city_airports(mentions: Sequence[Mention], gazetteer: Gazetteer,
                  text: str) -> tuple[list[Mention], dict[int, list[Place]]]:
    """"The airport in Vilnius", "Aalborg's airport": the city's name reads as the airport the gazetteer
    calls "<city> Airport" (its main one: see ``mapper.gazetteer.airports``), where there is one."""
    is_called = getattr(gazetteer, "is_called", None)

    def sites(m: Mention) -> list[Place]:
        if is_called is None or not (_AIRPORT_OF.search(text, max(0, m.start - 40), m.start) or _possessed(m, text)
                                     or _LISTED_AIRPORTS.match(text, m.end)):
            return []
        name = f"{m.name} Airport"
        return [p for p in gazetteer.candidates(name, kind=PlaceKind.FACILITY, limit=3) if is_called(p.place_id, name)]

    return _as_sites(mentions, sites)


def air_bases(mentions: Sequence[Mention], gazetteer: Gazetteer,
              text: str) -> tuple[list[Mention], dict[int, list[Place]]]:
    """"Bombers destroyed at Olenya and at Belaya": in a sentence about air bases, a bare name that an
    air base is called ("Belaya air base") reads as that base, not as the villages of that name; so it does in
    a sentence about aircraft on the ground ("Pictures of Belaya show burnt Tu-22M3s") of a text about air bases."""
    def sites(m: Mention) -> list[Place]:
        if text.startswith(",", m.end) and typed_after(text, m.end):
            return []  # "Lida, a town near the border, has an air base": the text says a town
        lo = max(text.rfind(". ", 0, m.start), 0)
        hi = text.find(". ", m.end)
        hi = hi if hi >= 0 else len(text)
        if not AIR_BASE.search(text, lo, hi) and not _AIRCRAFT.search(text, lo, hi) and not (
                _BASE_AFTER.match(text, m.end) and AIR_BASE.search(text)):  # "where the Belaya base is located", in
            return []  # a text about air bases
        key = normalize(m.name)
        return [p for p in gazetteer.candidates(f"{m.name} air base", kind=PlaceKind.FACILITY, limit=3)
                if normalize(p.name).startswith(key)]

    return _as_sites(mentions, sites)
