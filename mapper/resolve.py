"""Choose one gazetteer place per mention, using the whole article as context.

Each name (one sense per name and generic word per article) gets its candidates from the gazetteer.
A candidate's score is a prior (kind, administrative rank, population, main name or alias, kept per
name in ``mapper.priors``) plus what the text says of it (a generic word such as "district", a demonym
in the same sentence) plus
its coherence with the other names' likely candidates: nearness, containment in a region the text
names, and a shared country (``mapper.coherence``), iterated a few times so that names settle together.
The article's home country is in ``mapper.context``; the checks after the choice (support for a
doubtful word, coarsening to a named region) are in ``mapper.resolve_checks``.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from mapper.coherence import coherent_choice, text_nearness
from mapper.context import attributive, destinations, with_home_country, with_list_kinds, with_sibling_regions
from mapper.cues import demonym_word_starts, demonyms, typed_after, typed_country
from mapper.front_cues import COMBAT_AFTER, COMBAT_AFTER_GATED, COMBAT_BEFORE, COMBAT_GATED, WAR_FRONT, WAR_WORDS
from mapper.gazetteer.base import Gazetteer
from mapper.geo import haversine_km
from mapper.model import Mention, Place, PlaceKind, Precision, Resolution
from mapper.names import normalize, skeleton
from mapper.prefilter import lowered
from mapper.priors import name_scores
from mapper.resolve_airports import AIR_BASE_GATED, AIRPORT_GATED, air_bases, city_airports
from mapper.resolve_checks import bigger_namesakes, drop_unsupported
from mapper.resolve_coarsen import city_parts, coarsen_missing_villages, coarsen_to_containers, regions_as_containers
from mapper.resolve_containers import containers
from mapper.resolve_demonyms import demonym_country, demonym_guess
from mapper.resolve_features import (
    article_readings,
    countries_by_own_name,
    drop_sea_adjectives,
    feature_stand_ins,
    port_readings,
)
from mapper.resolve_lists import list_neighbours, listed_towns
from mapper.resolve_local import add_local_namesakes, elided
from mapper.resolve_named import apposed_readings, generic_namesakes, own_spellings
from mapper.resolve_pairs import listed_own_names
from mapper.resolve_renamed import may_pair_names
from mapper.resolve_renamed import renamed as renamed_readings
from mapper.resolve_runners import runners_with_region
from mapper.resolve_waters import water_and_feature_readings

_BROAD = {PlaceKind.COUNTRY, PlaceKind.CONTINENT, PlaceKind.AREA}
_WITH_ARTICLE = {PlaceKind.PHYSICAL, PlaceKind.AREA}
_ARTICLE_BONUS = 1.5
_TYPED_BONUS = 1.2  # as a generic word of the kind adds in mapper.priors
_SENTENCE_END = re.compile(r"[.!?]\s")
_MAX_CANDIDATES = 12
FRONT, _FRONT_COUNTRY, _FRONT_BONUS = "front", "UA", 1.5  # more than a country the article names (1.0)


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


def _group_key(m: Mention) -> tuple[str, str]:
    return skeleton(m.name), m.generic



# "a Ukrainian drone struck ... in Voronezh": a side's weapon or forces say who attacked, not where
_ARMED = re.compile(r"\s+(?:(?:attack|combat|kamikaze|long-range|military|naval|sea)\s+)?(?:drones?|UAVs?|missiles?|"
                    r"rockets?|forces|troops|army|military|soldiers|strikes?|attacks?|shelling|artillery|jets?|"
                    r"aircraft|warplanes?|saboteurs?|navy|air\s+force|air\s+defen[cs]es?)\b", re.I)


class _Qualifiers:
    """Countries named by demonyms in each sentence ("Palestinian civilians ... from Rafah"), and
    ``FRONT`` where a sentence speaks of the front line ("sent to the front near Pokrovsk")."""

    _WORDS = re.compile(r"([A-Z][a-z]+)(?:\s[A-Z][a-z]+)?")

    def __init__(self, text: str, ukrainian: Sequence[tuple[int, int]] = ()) -> None:
        """``ukrainian``: the spans of the names with a Ukrainian reading (combat words around them count)."""
        dem = demonyms()
        self.ends: list[int] = []
        self.hits: list[tuple[int, str]] = []
        # "sent to the front near Pokrovsk": the front line of the war runs through Ukraine
        front = [(m.start(), FRONT) for m in WAR_FRONT.finditer(text)] if "front" in text else []
        front += [(max(at - 1, 0), FRONT) for at, end in ukrainian if COMBAT_BEFORE.search(text, max(0, at - 40), at)
                  or COMBAT_AFTER.match(text, end)]
        if front and not WAR_WORDS.search(text):
            front = []
        words = demonym_word_starts(text)
        if not front and not words:
            return  # most articles: no word that starts a demonym, so no qualifier anywhere
        self.ends = [m.start() + 1 for m in _SENTENCE_END.finditer(text)]
        self.hits = front
        for at in words:  # as self._WORDS.finditer(text), looked at only where a demonym's first word is
            if _second_word(text, at):
                continue
            m = self._WORDS.match(text, at)
            code = dem.get(m.group()) or dem.get(m.group(1))
            if code and not _ARMED.match(text, m.end()):
                self.hits.append((m.start(), code))

    def countries(self, pos: int) -> set[str]:
        if not self.hits:
            return set()
        k = bisect.bisect_right(self.ends, pos)
        lo = self.ends[k - 1] if k else 0
        hi = self.ends[k] if k < len(self.ends) else 1 << 62
        return {code for at, code in self.hits if lo <= at < hi}


def _second_word(text: str, at: int) -> bool:
    """Whether ``_Qualifiers._WORDS.finditer`` reads the capitalised run at ``at`` as the second word of a
    pair: the runs chained by single spaces before it alternate as first and second ("New York City Council")."""
    chained = 0
    while at > 1 and text[at - 1].isspace():
        k = at - 2
        while k >= 0 and "a" <= text[k] <= "z":
            k -= 1
        if k == at - 2 or k < 0 or not ("A" <= text[k] <= "Z"):
            break
        chained, at = chained + 1, k
    return chained % 2 == 1


def _local_scores(group: _Group, qualifiers: set[str], containers: Sequence[_Group], text: str = "",
                  earlier: Sequence[_Group] = ()) -> list[float]:
    """Each candidate's score from its prior and from what the text says around the name (``earlier``:
    regions named before it in its sentence, half a stated container)."""
    m = group.mentions[0]
    static = name_scores(m, group.candidates)
    # "the Pacific", "the Urals", "the Donbas": towns take no article, seas, ranges and areas do.
    article = m.text.startswith("The ") or text[max(0, m.start - 4):m.start].lower() == "the "
    # "Altay, a town of 45,000": the apposition says what kind of place, as a generic word would
    typed = not m.generic and text.startswith(",", m.end) and typed_after(text, m.end)
    own = typed_country(text, m.end) if typed else None  # "Kok-Tash, a Kyrgyz village": KG, whatever else
    if not (qualifiers or article or containers or earlier or typed):
        return list(static)
    scores = []
    for place, score in zip(group.candidates, static, strict=True):
        if place.country and place.country in qualifiers:
            score += 0.8
        if own and place.country == own:
            score += 0.8 + _TYPED_BONUS  # the apposition's adjective outweighs the sentence's others
        if FRONT in qualifiers and place.country == _FRONT_COUNTRY:
            score += _FRONT_BONUS
        if article and place.kind in _WITH_ARTICLE:
            score += _ARTICLE_BONUS
        if typed and place.kind is PlaceKind.POPULATED:
            score += _TYPED_BONUS
        if containers:
            score += _contained(place, containers)
        elif earlier:
            score += 0.5 * _contained(place, earlier)
        scores.append(score)
    return scores



def _sentence_regions(mentions: Sequence[Mention], groups: Mapping[tuple[str, str], _Group],
                      text: str) -> dict[int, list[_Group]]:
    """For each group, the regions named with their generic word earlier in the same sentence ("In the
    Zaporizhzhia region, troops attacked near Malynivka", "In the Volgograd region, power was cut in the
    Krasnoarmeysky district"): weaker than a container the text states. A region named so holds no other."""
    out: dict[int, list[_Group]] = {}
    regions = [m for m in mentions if m.generic == "region" and m.literal]
    if not regions or not text:
        return out
    for m in mentions:
        if (m.generic and m.generic != "district") or m.reason == "demonym":
            continue
        for r in regions:
            if r.end <= m.start and not _SENTENCE_END.search(text, r.end, m.start):
                ga, gr = groups[_group_key(m)], groups[_group_key(r)]
                if ga is not gr and gr not in out.get(id(ga), []):
                    out.setdefault(id(ga), []).append(gr)
    return out


def _contained(place: Place, containers: Sequence[_Group]) -> float:
    """Bonus for a candidate that lies in a place the text puts it in."""
    best = 0.0
    for g in containers:
        for c in g.candidates:
            if c.kind in _BROAD:
                if c.country and c.country == place.country:
                    best = max(best, 0.6)
            elif c.kind in (PlaceKind.REGION, PlaceKind.DISTRICT):
                if c.country == place.country and c.admin1 and c.admin1 == place.admin1:
                    best = max(best, 1.0)
            elif c is not place and haversine_km((c.lat, c.lon), (place.lat, place.lon)) < 100:
                best = max(best, 0.5)
    return best


def resolve(mentions: Sequence[Mention], gazetteer: Gazetteer, *, text: str = "",
            corrections: Mapping[str, str] | None = None, country_hint: str | None = None,
            max_candidates: int = _MAX_CANDIDATES) -> list[Resolution]:
    """Resolve mentions to places, one sense per name per article.

    Parameters
    ----------
    mentions : the article's mentions, from ``mapper.toponyms.recognize`` or given spans.
    gazetteer : where candidates come from.
    text : the article text, for sentence-level qualifiers ("Palestinian ... Rafah").
    corrections : analyst overrides, ``normalize(name) -> place_id``, applied before anything else.
    country_hint : the feed's home country (ISO code), when the analyst knows it: its readings are
        preferred for names the text leaves ambiguous; by default the article's own is inferred.
    max_candidates : how many candidates per name are weighed.

    Returns
    -------
    One ``Resolution`` per mention, in the same order; ``place=None`` when no candidate fits.
    """
    groups: dict[tuple[str, str], _Group] = {}
    extra: dict[int, list[Place]] = {}
    low = lowered(text)
    if text and AIR_BASE_GATED.search(text, low):
        mentions, extra = air_bases(mentions, gazetteer, text)
    if text and AIRPORT_GATED.search(text, low):
        mentions, more = city_airports(mentions, gazetteer, text)
        extra.update(more)
    mentions = [elided(m, text) for m in mentions] if text else mentions
    keys = [_group_key(m) for m in mentions]
    for m, key in zip(mentions, keys, strict=True):
        if key not in groups:
            fixed = corrections.get(normalize(m.name)) if corrections else None
            forced = gazetteer.get(fixed) if fixed else None
            cands = [forced] if forced else extra.get(id(m), []) + _candidates(m, gazetteer, max_candidates, text)
            groups[key] = _Group([], cands, forced=forced)
        groups[key].mentions.append(m)
    add_local_namesakes(list(groups.values()), lambda m, n: _candidates(m, gazetteer, n, text), max_candidates)
    glist = [g for g in groups.values() if g.candidates]
    inside, near_only, stated, listed = containers(mentions, lambda m: groups[_group_key(m)], text)
    earlier = _sentence_regions(mentions, groups, text)
    if glist:
        # combat words before a name with a Ukrainian reading: looked for only in a text holding both
        ukrainian = [(m.start, m.end) for g in glist if any(p.country == _FRONT_COUNTRY for p in g.candidates)
                     for m in g.mentions]
        ukrainian = ukrainian if ukrainian and (COMBAT_GATED.possible(low) or COMBAT_AFTER_GATED.possible(low)) else []
        quals = _Qualifiers(text, ukrainian)
        local = [_local_scores(g, quals.countries(g.mentions[0].start), inside.get(id(g), ()), text,
                               earlier.get(id(g), ())) for g in glist]
        away = destinations([g.mentions for g in glist], [g.candidates for g in glist], text) | attributive(
            [g.mentions for g in glist], [g.candidates for g in glist], text)
        local = with_home_country([g.candidates for g in glist], local, [g.mentions[0] for g in glist], text,
                                  country=country_hint, is_called=getattr(gazetteer, "is_called", None), away=away)
        local = with_list_kinds([g.candidates for g in glist], local, [g.mentions for g in glist], text)
        local = with_sibling_regions([g.candidates for g in glist], local, [g.mentions[0] for g in glist])
        # a destination country ("left for Russia") supports none of the other names' readings
        weights = [(0.0 if k in away else 0.5 if g.mentions[0].reason == "demonym" else 1.0)
                   * (1 + math.log(len(g.mentions))) for k, g in enumerate(glist)]
        near = text_nearness([[m.start for m in g.mentions] for g in glist], text)
        for g, prob in zip(glist, coherent_choice([g.candidates for g in glist], local, weights, near), strict=True):
            order = (-prob).argsort().tolist()
            g.choice, g.confidence = g.candidates[order[0]], float(prob[order[0]])
            g.runners = [g.candidates[k] for k in order[1:4]]
            g.method = "correction" if g.forced else ("prior" if order[0] == 0 else "context")
    for g in groups.values():
        if not g.candidates:
            g.method = "no-candidate"
    countries_by_own_name(glist)  # "In Moldova": the country, not a village called so abroad
    renamed = renamed_readings(mentions, lambda m: groups[_group_key(m)], text) \
        if text and may_pair_names(text) else set()
    coarsen_to_containers(list(groups.values()), inside, near_only, stated | listed, listed)
    regions_as_containers(glist, inside)
    # "sent to the front near Kupiansk": the front line itself places a Ukrainian reading
    front = {id(g) for g in glist if g.choice is not None and g.choice.country == _FRONT_COUNTRY
             and FRONT in quals.countries(g.mentions[0].start)} if glist and quals.hits else set()
    # "Lida, a town of 100,000": the text itself says the name is a town
    front |= {id(g) for g in glist if g.choice is not None and g.choice.kind is PlaceKind.POPULATED
              and any(typed_after(text, m.end) for m in g.mentions)} if "," in text else set()
    front |= renamed  # "Turkmenbashi, formerly Krasnovodsk": the new name supports the old
    front |= listed_towns(mentions, lambda m: groups[_group_key(m)], text) if glist and text else set()
    front |= listed_own_names(mentions, lambda m: groups[_group_key(m)], text) if glist and text else set()
    weak_words = drop_unsupported(glist, getattr(gazetteer, "is_called", None), supported=front)
    if retried := bigger_namesakes(glist) | generic_namesakes(glist):
        weak_words |= drop_unsupported(glist, getattr(gazetteer, "is_called", None), supported=front, judge=retried)
    drop_sea_adjectives(glist, text)  # "Caspian trade" is no sea
    article_readings(glist, text)  # "across the Dnipro": the river
    feature_stand_ins(glist)  # "the Uba river" is no Brazilian town
    port_readings(glist, text)  # "the port of Amirabad": the port, not an inland village
    water_and_feature_readings(glist, text)  # "on the Red Sea": the sea, not Sudan's state
    coarsen_missing_villages(list(groups.values()), text)
    city_parts(glist, text)  # after the checks: a rejected reading is no city
    list_neighbours(mentions, lambda m: groups[_group_key(m)], text)  # "Nikopol, Marhanets and Pokrovske"
    out = []
    chosen: dict[int, tuple[Place | None, float, Precision | None, tuple[Place, ...], str]] = {}
    apposed = {**own_spellings(glist, text, {m.start for m in mentions}),  # "Odesa" beside "Odessa, Texas"
               **apposed_readings(mentions, lambda m: groups[_group_key(m)], text)} if text and ", " in text else {}
    for m, key in zip(mentions, keys, strict=True):
        g = groups[key]
        if m.weak == "common-word" and id(g) in weak_words:
            out.append(Resolution(m, None, 0.0, None, tuple([g.choice, *g.runners][:3]), "unsupported"))
            continue
        if (own := apposed.get(id(m))) is not None:  # "Gainesville, Georgia" beside the country Georgia
            out.append(Resolution(m, own, 0.5, own.precision, tuple(p for p in [g.choice, *g.runners][:3]
                                                                   if p is not None), "apposition"))
            continue
        fields = chosen.get(id(g))
        if fields is None:  # the same for every mention of the group
            fields = chosen[id(g)] = (g.choice, round(g.confidence, 3), g.choice.precision if g.choice else None,
                                      runners_with_region(g.choice, g.runners, g.candidates), g.method)
        out.append(Resolution(m, *fields))
    return out


# "the Gulf": a name the gazetteer holds with its article (an alias "the Gulf"); not "the Gulf War".
_THE_BEFORE = re.compile(r"\bthe $")
_CAPITAL_AFTER = re.compile(r"\s+[A-Z]")


def _candidates(m: Mention, gazetteer: Gazetteer, limit: int, text: str = "") -> list[Place]:
    if m.name != m.text and m.reason == "elided":  # "Central" of "Central and South America"
        key = normalize(m.name)
        if found := [p for p in gazetteer.candidates(m.name, limit=3) if normalize(p.name) == key]:
            return found
    found = _plain_candidates(m, gazetteer, limit)
    if text and m.reason in ("gazetteer", "given") and _THE_BEFORE.search(text, max(0, m.start - 4), m.start) \
            and not _CAPITAL_AFTER.match(text, m.end) and hasattr(gazetteer, "is_called"):
        with_article = f"the {m.name}"
        seen = {p.place_id for p in found}
        # named so with the article as written: a closer match than the bare word, so it comes first
        found = [p for p in gazetteer.candidates(with_article, limit=3)
                 if p.place_id not in seen and gazetteer.is_called(p.place_id, with_article)] + found
    return found


def _plain_candidates(m: Mention, gazetteer: Gazetteer, limit: int) -> list[Place]:
    # a given span that is a demonym ("Palestinian" of "a Palestinian state"), not a landmark ("Crimean bridge")
    if m.reason == "demonym" or (m.reason == "given" and m.name in demonyms() and m.text == m.name):
        return demonym_country(m.name, gazetteer)
    if m.reason == "article":  # "the Channel": a curated feature's alias; no GeoNames "The City", "The River"
        return [p for p in gazetteer.candidates(m.name, limit=limit) if p.place_id.startswith("curated:")]
    if m.reason in ("abbreviation", "expansion"):
        return gazetteer.candidates(f"{m.name} {m.generic}".strip(), limit=limit)
    if m.reason == "adjective":  # "the Novoshakhtinsky refinery": Novoshakhtinsk, not a village so called
        return gazetteer.candidates(m.name, limit=limit) or gazetteer.candidates(m.text, limit=limit)
    # The span as written first (it may hold a generic word that is part of the name: Rapides Parish).
    surface = m.text[:-2] if m.text[-2:] in ("'s", "’s") else m.text
    found = gazetteer.candidates(surface, limit=limit)
    if not found and surface != m.name:
        found = gazetteer.candidates(m.name, limit=limit)
    if not found and m.reason == "given":
        found = demonym_guess(m.name, gazetteer)
    if m.generic == "physical feature" and m.text == m.name:  # "the Panj and Amu Darya rivers": the Panj River
        rivers = [p for p in gazetteer.candidates(f"{m.name} River", limit=limit) if p.kind is PlaceKind.PHYSICAL]
        found = rivers + [p for p in found if p not in rivers]
    return found
