"""A bare name that the same text first gave with its generic word: "the Rogun dam ... filling Rogun"."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from mapper.geo import haversine_km
from mapper.model import Mention, Place, PlaceKind
from mapper.names import normalize, skeleton

if TYPE_CHECKING:
    from mapper.resolve import _Group

_SECOND_CONFIDENCE = 0.6


def generic_namesakes(glist: list[_Group]) -> set[int]:
    """Give a name rejected as unsupported the reading its own mention with a generic word got ("the
    Rogun dam on the Vakhsh ... Tashkent treated Rogun as a threat": the dam, not an unsupported hamlet
    Roghun), when that reading is among the bare name's candidates. Analysis and war reports name a dam,
    reservoir, power plant or bridge in full once and bare afterwards. Returns the ids of the groups given
    one, to be judged again (``drop_unsupported(..., judge=...)``)."""
    full = {skeleton(g.mentions[0].name): g.choice for g in glist
            if g.choice is not None and g.mentions[0].generic and g.forced is None}
    out: set[int] = set()
    for g in glist:
        if g.method != "unsupported" or g.forced is not None or g.mentions[0].generic:
            continue
        named = full.get(skeleton(g.mentions[0].name))
        pick = next((p for p in g.candidates if named is not None and p.place_id == named.place_id), None)
        if pick is not None:
            g.choice, g.runners = pick, [p for p in g.runners if p is not pick]
            g.confidence, g.method = _SECOND_CONFIDENCE, "named-with-generic"
            out.add(id(g))
    return out


# "Armenia, the capital of Colombia's Quindío department", "Aral, a town in Kazakhstan": a town the next name holds
# "Chernigovka, a town in the occupied part of the Zaporozhye region": the part of the region written out too
# "Mirny, the diamond town in Yakutia": a town described by its trade, with "the"
_TOWN_OF = re.compile(r",\s+(?:the\s+(?:capital|main\s+city|main\s+town|[a-z]+\s+(?:city|town))"
                      r"|an?\s+(?:[a-z]+\s+)?(?:city|town|village))"
                      r"\s+(?:of|in)\s+(?:the\s+)?(?:(?:occupied\s+|Russian-held\s+|Ukrainian-held\s+)?"
                      r"(?:part|north|south|east|west)\s+of\s+(?:the\s+)?)?")
# "their own Pervomaisk, west of Luhansk", "Alat, south of Baku": a bearing from a town places the name beside it
_BEARING_OF = re.compile(r",\s+(?:(?:about|some)\s+\d+\s+(?:km|kilometres|kilometers|miles)\s+)?"
                         r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+")
_BEARING_KM = 150.0
# "Zabaykalsk, in the Zabaykalsky krai": a name placed in the region it was read as is a town of that region
_IN_REGION = re.compile(r",\s+in\s+(?:the\s+)?")
# "Georgia, his home state", "Georgia, the US state", "the US state of Georgia": a first-level region, not the
# country of the name ("the state of Israel" says nothing: countries are states too)
_STATE_AFTER = re.compile(r",\s+(?:(?:his|her|their|our|my)\s+(?:home|native|adopted)|the\s+(?:US|U\.S\.|American))"
                          r"\s+state\b")
_STATE_BEFORE = re.compile(r"\b(?:US|U\.S\.|American)\s+state\s+of\s+$")


def apposed_readings(mentions: Sequence[Mention], group_of: Callable[[Mention], _Group],
                     text: str) -> Mapping[int, Place]:
    """Readings of single mentions that differ from their name's one sense in the text: "Georgia" after
    "Gainesville, " is the US state where Gainesville was read (the country elsewhere in the text), and
    "Armenia, the capital of Colombia's Quindío department" the Colombian town (the country elsewhere). A name
    that recurs as namesakes takes, at one mention, its namesake in the region named after it ("Chernigovka, a town
    in the occupied part of the Zaporozhye region" beside Primorye's) or beside the town it is placed from ("their
    own Pervomaisk, west of Luhansk").
    Returns ``id(mention) -> place``."""
    out: dict[int, Place] = {}
    ordered = sorted(mentions, key=lambda m: m.start)
    for m in ordered if " state" in text else ():  # (both patterns hold the word: most texts have neither)
        g = group_of(m)
        if g.choice is not None and g.choice.kind is PlaceKind.COUNTRY and (
                _STATE_AFTER.match(text, m.end) or _STATE_BEFORE.search(text, max(0, m.start - 20), m.start)):
            state = next((p for p in g.candidates if p.kind is PlaceKind.REGION
                          and normalize(p.name) == normalize(m.name)), None)
            if state is not None:
                out[id(m)] = state
    for a, b in zip(ordered, ordered[1:], strict=False):
        ga, gb = group_of(a), group_of(b)
        if ga is gb or ga.choice is None or gb.choice is None or b.reason == "demonym":
            continue
        gap = text[a.end:b.start]
        town, held = ga.choice, gb.choice
        if gap == ", " and town.kind is PlaceKind.POPULATED and town.admin1 and held.kind is PlaceKind.COUNTRY:
            state = next((p for p in gb.candidates if p.kind is PlaceKind.REGION
                          and (p.country, p.admin1) == (town.country, town.admin1)), None)
            if state is not None:
                out[id(b)] = state
        elif _TOWN_OF.fullmatch(gap) and held.kind in (PlaceKind.COUNTRY, PlaceKind.REGION) and (
                town.kind is PlaceKind.COUNTRY or (town.kind is PlaceKind.POPULATED and len(ga.mentions) > 1)) \
                and (held.country != town.country or (held.kind is PlaceKind.REGION and town.admin1 != held.admin1)):
            # a namesake of the text's other mentions: this one lies in the country or region named after it
            inner = next((p for p in ga.candidates if p.kind is PlaceKind.POPULATED and p.country == held.country
                          and (held.kind is PlaceKind.COUNTRY or p.admin1 == held.admin1)), None)
            if inner is not None:
                out[id(a)] = inner
        elif _IN_REGION.fullmatch(gap) and town.kind is PlaceKind.REGION and held.place_id == town.place_id:
            inner = next((p for p in ga.candidates if p.kind is PlaceKind.POPULATED and p.country == town.country
                          and p.admin1 == town.admin1), None)
            if inner is not None:
                out[id(a)] = inner
        elif _BEARING_OF.fullmatch(gap) and town.kind in (PlaceKind.POPULATED, PlaceKind.DISTRICT) \
                and held.kind is PlaceKind.POPULATED \
                and haversine_km((town.lat, town.lon), (held.lat, held.lon)) > _BEARING_KM:
            inner = next((p for p in ga.candidates if p.kind is PlaceKind.POPULATED
                          and haversine_km((p.lat, p.lon), (held.lat, held.lon)) <= _BEARING_KM), None)
            if inner is not None:
                out[id(a)] = inner
    return out


def seat_called(g: _Group, district: Place, name: str, is_called: Callable[[str, str], bool] | None, *,
                big: int) -> Place | None:
    """A town that has the text's name among its own, in a spelling of its own name (same first letter): the
    district's seat (in its region), or a town of ``big`` people anywhere ("In Balkhash, the copper smelter": Balqash,
    not the Almaty region's Balkhash district; Kabodiyon: Qubodiyon). Not "in Kanawha", an alias of Charleston."""
    if is_called is None:
        return None
    return next((p for p in g.candidates if p.kind is PlaceKind.POPULATED and (
        (p.country == district.country and p.admin1 == district.admin1) or p.population >= big)
        and skeleton(p.name)[:1] == skeleton(name)[:1] and is_called(p.place_id, name)), None)


def own_spellings(glist: Sequence[_Group], text: str, starts: set[int]) -> Mapping[int, Place]:
    """Two spellings of one name, one of them qualified by the place after it ("Odessa, Texas") and the other
    not ("spent the winter in Odesa"): the unqualified spelling keeps the place whose own (main) name it is, when
    the text's one reading of the name is not called so. Names spelt two ways (Odesa/Odessa, Kiev/Kyiv) share a
    sense, which a US or other namesake qualified elsewhere in the text should not take over.
    Returns ``id(mention) -> place``."""
    out: dict[int, Place] = {}
    for g in glist:
        if g.choice is None or len(g.mentions) < 2 or g.forced is not None:
            continue
        qualified = {m.text for m in g.mentions if text.startswith(", ", m.end) and m.end + 2 in starts}
        if not qualified:
            continue
        for m in g.mentions:
            own = m.text.casefold()
            if m.text in qualified or g.choice.name.casefold() == own:
                continue
            if (place := next((p for p in g.candidates if p.name.casefold() == own), None)) is not None:
                out[id(m)] = place
    return out
