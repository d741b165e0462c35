""""The region" with no name of its own, in a sentence that names no place: the region the text named last
("Bryansk Governor Alexander Bogomaz said ... He said air defences had destroyed 18 drones over the region";
"21,400 people have left the region's front-line towns" after "front-line areas of the Donetsk region").

News reports of drone tallies and evacuations name their region once and then say "the region"; the event is
placed at that region (precision region). Never at a country, never at a wider area ("the region" after
"Central Asia" or "the Middle East" is no administrative region), and never across a change of topic (a
country other than the region's named in between, or more than a few sentences back)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from mapper.model import Place, PlaceKind, Resolution
from mapper.names import skeleton
from mapper.prefilter import looking_ahead

# "over the region", "across the oblast", "the region's front-line towns" (not "the region's governor said":
# a speaker's title, no place of the event)
_THE_REGION = re.compile(
    r"\b(?:(?:over|in|across|throughout|from|around|of|at|attacked)\s+the\s+(?:region|oblast|province)\b(?![’']s|\s+of\b)"
    r"|the\s+(?:region|oblast|province)[’']s\s+(?!(?:governor|head|leader|authorities|administration|officials)\b))",
    re.I)
# "Bryansk Governor Alexander Bogomaz", "the Kursk region's acting governor": a region named in a title
# ("the head of the Mykolaiv regional military administration": the Ukrainian title names the region too)
_TITLE_AFTER = re.compile(r"\s+(?:(?:region|oblast|province)(?:[’']s)?\s+)?(?:acting\s+)?(?:governor|head)\b|"
                          r"\s+(?:regional|oblast)\s+(?:military\s+|state\s+)?administration\b", re.I)
_TITLE_BEFORE = re.compile(r"\b(?:governor|head)\s+of\s+(?:the\s+)?$", re.I)
# "the front-line towns", "the border villages": the towns told before as "front-line towns of the X region"
_THE_PLACES = re.compile(r"\bthe\s+((?:front-?line|border|frontier)\s+(?:towns|villages|areas|communities|settlements"
                         r"|districts))\b(?!\s+(?:of|in)\b)", re.I)
_WORD = re.compile(r"region|oblast|province", re.I)
_ATTACKER = re.compile(r"\s+(?:had\s+|has\s+|have\s+)?(?:attacked|struck|shelled|launched|fired)\b")
_BACK = 4  # how many sentences back the region may be named


def _region_of(text: str, r: Resolution, resolutions: Sequence[Resolution]) -> Place | None:
    """The region a mention names: a region read as such, or the region of a governor's title ("Bryansk
    Governor"), which the geoparser reads as no place of its own (a region of its candidates, else a region the
    article names by the same name: "the Belgorod, Kursk and Bryansk regions")."""
    if r.place is not None and r.place.kind is PlaceKind.REGION and r.mention.literal:
        return r.place
    m = r.mention
    if _titled(text, r):
        if r.place is not None and r.place.kind is PlaceKind.REGION:
            return r.place
        return next((c for c in r.candidates if c.kind is PlaceKind.REGION), None) or next(
            (q.place for q in resolutions if q.place is not None and q.place.kind is PlaceKind.REGION
             and q.mention.literal and skeleton(q.mention.name or q.mention.text) == skeleton(m.name or m.text)),
            None)
    return None


def region_told_before(text: str, span: tuple[int, int], sents: Sequence[tuple[int, int]], i: int,
                       resolutions: Sequence[Resolution]) -> list[Resolution]:
    """"the region" in sentence ``i`` (``span``), which names no place: the region named last in this sentence's
    title or the ``_BACK`` sentences before, as a mention of "the region" ([] when the last region-like place is
    a wider area or a country other than the region's comes in between)."""
    m = _THE_REGION.search(text, *span)
    again = None if m else _THE_PLACES.search(text, *span)
    if again is not None:  # "the front-line towns" after "front-line towns of the Donetsk region"
        m, named = again, re.compile(re.escape(again.group(1)) + r"\s+(?:of|in)\s+(?:the\s+)?$", re.I)
    if m is None:
        return []
    first = sents[max(0, i - _BACK)][0] if again is None else 0  # (the towns' own words tie them to their region)
    found = _named_last(text, m, again, named if again is not None else None, first, resolutions)
    if found or again is not None or first == 0:
        return found
    # "the head of the Dnipropetrovsk regional military administration said ..." in the lede of a regional
    # report: the title's region is the report's own, however far on "the region" comes, unless another region
    # or a country is named in between
    lede = [r for r in resolutions if r.mention.start < sents[0][1] and _titled(text, r)
            and _region_of(text, r, resolutions) is not None]
    if lede and not any(r.place is not None and r.place.kind in (PlaceKind.REGION, PlaceKind.COUNTRY)
                        and r.mention.reason != "demonym" for r in resolutions
                        if lede[-1].mention.end <= r.mention.start < m.start()):
        return _named_last(text, m, None, None, lede[-1].mention.start, resolutions)
    return []


# "the Krasnodar region's operational headquarters": a region named as the body that reports
_HQ_AFTER = re.compile(r"(?:[’']s)?\s+(?:operational|emergency|crisis)\s+(?:headquarters|HQ|staff)\b", re.I)


def speaker_place(text: str, r: Resolution) -> bool:
    """True for a place named only as who reports: an official's title ("Bryansk Governor") or a regional body
    ("the Krasnodar region's operational headquarters")."""
    return _titled(text, r) or _HQ_AFTER.match(text, r.mention.end) is not None


def attacker(text: str, r: Resolution) -> bool:
    """True for a country named as the side that attacks ("Russia had attacked the region"), no place of the event."""
    return r.place is not None and r.place.kind is PlaceKind.COUNTRY \
        and _ATTACKER.match(text, r.mention.end) is not None


def _titled(text: str, r: Resolution) -> bool:
    """True for a place named in an official's title ("Bryansk Governor", "head of the X regional ...")."""
    m = r.mention
    return bool(_TITLE_AFTER.match(text, m.end) or _TITLE_BEFORE.search(text, max(0, m.start - 30), m.start))


def _named_last(text: str, m: re.Match[str], again: re.Match[str] | None, named: re.Pattern[str] | None,
                first: int, resolutions: Sequence[Resolution]) -> list[Resolution]:
    """"the region" (``m``) as a mention of the region named last between ``first`` and it ([] when none, or
    when a wider area or a country other than the region's comes in between)."""
    before = [r for r in resolutions if first <= r.mention.start < m.start()]
    seen: set[str] = set()  # the countries named in between
    for r in sorted(before, key=lambda r: r.mention.start, reverse=True):
        region = _region_of(text, r, resolutions)
        if region is not None and (again is None or named is not None and named.search(
                text, max(0, r.mention.start - 60), r.mention.start)):
            if not region.country or seen - {region.country}:
                return []
            name = r.mention.name or r.mention.text
            w = _WORD.search(text, m.start(), m.end()) or again
            a, b = (w.start(), w.end()) if w else m.span()
            mention = dataclasses.replace(r.mention, start=a, end=b, text=text[a:b], name=f"{name} region",
                                          generic="region", literal=True, reason="the region")
            return [Resolution(mention, region, r.score, method="anaphor:the region")]
        if r.place is None or r.mention.reason == "demonym":  # ("Ukrainian drones" over a Russian region)
            continue
        if r.place.kind in (PlaceKind.AREA, PlaceKind.CONTINENT) and r.mention.literal:  # after "Central Asia"
            return []
        if r.place.kind is PlaceKind.COUNTRY and not attacker(text, r):  # "Kazakhstan's
            # defence ministry said" (not a town's country: a border village may be read across the border; nor the
            # attacker: "Russia had attacked the region")
            seen.add(r.place.country)
    return []

# Patterns searched over sentences and windows, behind a look-ahead at the letters their matches start with
# (prefilter.looking_ahead): the same matches, most positions rejected at one character
_THE_PLACES, _THE_REGION = map(looking_ahead, (_THE_PLACES, _THE_REGION))
