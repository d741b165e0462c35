"""The article's home country: where its unambiguous names lie, as a prior for its ambiguous ones.

A local US paper names "Paris", "Dublin" or "Georgia" without a state, because its readers know
where they live; the other names in the article tell us too (a county, a state, a town found only
in one country). Each distinct name whose readings all lie in one country, or whose first reading
is a country or first-level region, votes for that country; a clear majority becomes a bonus for
the candidates of every name that lie there.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from functools import cache
from importlib import resources

from mapper import textscan
from mapper.model import Mention, Place, PlaceKind
from mapper.names import normalize
from mapper.prefilter import Ending
from mapper.priors import SMALLER_NAMESAKE_PENALTY, smaller_namesakes

_VOTING_KINDS = (PlaceKind.COUNTRY, PlaceKind.REGION)
MIN_VOTES = 1  # a county named alone is enough: one name whose readings all lie in one country
NAMED_BONUS = 1.0  # for a candidate in a country the article names
CAPITAL_BONUS = 0.5  # ... and more for its capital
MAX_CUE_VOTES = 2  # wording can tip a balance, not outvote the names
MIN_SHARE = 0.6  # the home country's share of the votes
BONUS = 1.0  # added to a candidate in the home country, times the share


@cache
def _cues() -> tuple[tuple[tuple[str, re.Pattern[str]], ...], tuple[tuple[str, int], ...]]:
    """The cue rows, and their ``needs`` strings with each one's row index."""
    with resources.files("mapper").joinpath("data/locale_cues.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    needs = tuple((need, k) for k, r in enumerate(rows) for need in r["needs"].split("|"))
    return tuple((r["country"], re.compile(r["pattern"])) for r in rows), needs


textscan.register("locale cues", lambda: _cues()[1])


def cue_votes(text: str) -> dict[str, int]:
    """Votes for a home country from local-news wording (``mapper/data/locale_cues.csv``).

    >>> cue_votes("Deputies from the Sheriff's Office closed Interstate 40.")
    {'US': 2}
    >>> cue_votes("Officials in the region reported new cases.")
    {}
    """
    rows = _cues()[0]
    # One pass finds the rows whose plain words the text holds; only their patterns are tried.
    hits = sorted({k for _, k in textscan.hits(text, "locale cues")})
    votes: dict[str, int] = {}
    for k in hits:
        country, pattern = rows[k]
        if votes.get(country, 0) < MAX_CUE_VOTES and pattern.search(text):
            votes[country] = votes.get(country, 0) + 1
    return votes


def home_country(candidate_lists: Sequence[Sequence[Place]], text: str = "") -> tuple[str, float] | None:
    """The country most of the article's names point to unambiguously, with its share of the votes.

    Parameters
    ----------
    candidate_lists : per distinct name, its candidates in gazetteer order (best first).
    text : the article, for wording only one country's local news uses (``cue_votes``).

    Returns
    -------
    ``(country code, share)``, or ``None`` when nothing votes or no country holds ``MIN_SHARE`` of
    the votes.

    >>> from mapper.model import Place, PlaceKind
    >>> def town(n, c): return Place(f"t:{n}", n, PlaceKind.POPULATED, 0.0, 0.0, c)
    >>> home_country([[town("Tyler", "US")], [town("Waco", "US")], [town("Paris", "FR"), town("Paris", "US")]])
    ('US', 1.0)
    >>> home_country([[town("Paris", "FR"), town("Paris", "US")], [town("Tyler", "US")], [town("Metz", "FR")]]) is None
    True
    """
    return _home(candidate_lists, [bool(c) and _one_country(c) for c in candidate_lists], text)


def _home(candidate_lists: Sequence[Sequence[Place]], single: Sequence[bool], text: str) -> tuple[str, float] | None:
    votes: dict[str, int] = {}
    for cands, one in zip(candidate_lists, single, strict=True):
        if not cands:
            continue
        first = cands[0].country
        if first and (one or cands[0].kind in _VOTING_KINDS):
            votes[first] = votes.get(first, 0) + 1
    if text and not _decided(votes):  # wording is read only when the names leave the home open
        for country, n in cue_votes(text).items():
            votes[country] = votes.get(country, 0) + n
    total = sum(votes.values())
    if total < MIN_VOTES:
        return None
    country = max(votes, key=votes.__getitem__)
    n = votes[country]
    share = n / total
    return (country, share) if n >= MIN_VOTES and share >= MIN_SHARE else None


def _decided(votes: dict[str, int]) -> bool:
    """Whether the names' votes settle the home whatever the wording adds (at most its cap to a rival)."""
    if not votes:
        return False
    n = max(votes.values())
    return n / (sum(votes.values()) + MAX_CUE_VOTES) >= MIN_SHARE


def _one_country(cands: Sequence[Place]) -> bool:
    first = cands[0].country
    return all(p.country == first for p in cands)


def named_countries(candidate_lists: Sequence[Sequence[Place]]) -> dict[str, set[int]]:
    """Countries the article names (a name whose first reading is a country), with the names' indices."""
    out: dict[str, set[int]] = {}
    for i, cands in enumerate(candidate_lists):
        if cands and cands[0].kind is PlaceKind.COUNTRY and cands[0].country:
            out.setdefault(cands[0].country, set()).add(i)
    return out


def home_bonus(candidates: Sequence[Place], scores: Sequence[float], home: tuple[str, float] | None,
               named: dict[str, set[int]], index: int, written: Sequence[str] = (),
               single: bool | None = None, is_called: Callable[[str, str], bool] | None = None) -> list[float]:
    """``scores`` with bonuses for the candidates in the home country, or in a country the article
    names by another name ("Moscow" in a US paper's story that also says "Russia"), most of all for
    that country's capital. With ``written`` (the mention as written and its name), a candidate only
    spelt like it gets none in a country where no candidate is called that: "Iran" is not the Texan
    town of Iraan, whatever the home country. With ``is_called``, a candidate whose aliases hold the name
    as written counts as spelt so: "Murghab" is an alias of Tajikistan's Murghob, not a variant of it."""
    if home is None or not candidates:
        return list(scores)
    if _one_country(candidates) if single is None else single:
        # Most names' readings lie in one country: a bonus for all of them changes nothing (the
        # choice is a softmax over them), only its capital's extra does.
        ids = named.get(candidates[0].country)
        if not ids or (len(ids) == 1 and index in ids):
            return list(scores)
        return [s + CAPITAL_BONUS if p.feature_code == "PPLC" else s for p, s in zip(candidates, scores, strict=True)]
    keys = {normalize(w) for w in written}
    spelt = [normalize(p.name) in keys for p in candidates] if keys else [True] * len(candidates)
    if is_called is not None and any(spelt) and not all(spelt):
        spelt = [ok or any(is_called(p.place_id, w) for w in written) for p, ok in zip(candidates, spelt, strict=True)]
    exact = {p.country for p, ok in zip(candidates, spelt, strict=True) if ok}
    out = []
    for p, s, ok in zip(candidates, scores, spelt, strict=True):
        if exact and not ok and p.country not in exact:
            pass  # a spelling variant abroad, when the name as written is a place elsewhere
        elif (ids := named.get(p.country)) and (len(ids) > 1 or index not in ids):
            s += NAMED_BONUS + (CAPITAL_BONUS if p.feature_code == "PPLC" else 0.0)
        elif p.country == home[0]:
            s += BONUS * home[1]
        out.append(s)
    return out


# "200 migrants had left for Russia", "workers who went back to Uzbekistan": a country that people or
# goods move to is where they go, not where the other places of the text lie.
_DESTINATION_BEFORE = re.compile(
    r"\b(?:(?:left|leave|leaves|leaving|depart(?:s|ed|ing)?|set\s+off|head(?:s|ed|ing)?|bound|"
    r"(?:e|re)?migrat(?:e|es|ed|ing))\s+(?:back\s+)?(?:for|to)|"
    r"(?:went|go|goes|going|gone|travel(?:l)?(?:s|ed|ing)?|moved?|moving|returned|returning|fled|flee(?:s|ing)?|"
    r"flew|deported|expelled|relocated|emigrated|migrated|sent\s+home)\s+(?:back\s+)?(?:to|into))\s+(?:the\s+)?$",
    re.I)
# its matches end with these words: only a window ending so is searched (most names follow none)
_DESTINATION_ENDING = Ending(_DESTINATION_BEFORE, ("for", "to", "into", "the"))


def destinations(mentions: Sequence[Sequence[Mention]], candidate_lists: Sequence[Sequence[Place]],
                 text: str) -> set[int]:
    """The names (indices) read first as a country that the text only names as where someone goes
    ("left for Russia"): they neither make the article's home nor a named country for its other names."""
    if not text:
        return set()
    return {k for k, (ms, cands) in enumerate(zip(mentions, candidate_lists, strict=True))
            if cands and cands[0].kind is PlaceKind.COUNTRY and ms and all(
                _DESTINATION_ENDING.search(text, max(0, m.start - 40), m.start)
                and not text.startswith(("'s", "’s"), m.end) for m in ms)}


# "where US nuclear weapons are kept", "UK troops": a country's abbreviation written before a lower-case word
# says whose things these are, not where the text's places lie ("in the US said" is a place: a locative before)
_ABBREVIATION = re.compile(r"[A-Z]{2,3}$")
_ATTRIBUTIVE_AFTER = re.compile(r" (?!said\b|says\b|is\b|was\b|has\b|had\b|and\b|or\b)[a-z]")
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|to|from|into|across|throughout|of|for)\s+(?:the\s+)?$", re.I)


def attributive(mentions: Sequence[Sequence[Mention]], candidate_lists: Sequence[Sequence[Place]],
                text: str) -> set[int]:
    """The names (indices) read first as a country that the text only writes as an abbreviation before a
    lower-case word ("US nuclear weapons", "UK troops"): like destinations, they neither make the article's
    home nor a named country for its other names (Vienna in a list of German cities is not Virginia's)."""
    if not text:
        return set()
    return {k for k, (ms, cands) in enumerate(zip(mentions, candidate_lists, strict=True))
            if cands and cands[0].kind is PlaceKind.COUNTRY and ms and all(
                _ABBREVIATION.match(m.text) and _ATTRIBUTIVE_AFTER.match(text, m.end)
                and not _LOCATIVE_BEFORE.search(text, max(0, m.start - 20), m.start) for m in ms)}


def with_home_country(candidate_lists: Sequence[Sequence[Place]], scores: Sequence[Sequence[float]],
                      mentions: Sequence[Mention], text: str, *, country: str | None = None,
                      is_called: Callable[[str, str], bool] | None = None,
                      away: Collection[int] = ()) -> list[list[float]]:
    """Each name's candidate scores with the home-country bonuses (``home_bonus``) added.

    Parameters
    ----------
    candidate_lists : per distinct name, its candidates in gazetteer order.
    scores : per distinct name, its candidates' scores so far.
    mentions : per distinct name, one of its mentions (demonyms do not vote: "Irish pride" at a
        parade in Dublin, Ohio says nothing of where the paper is).
    text : the article.
    country : an analyst's home country for the feed (ISO code), used instead of the article's own.
    is_called : the gazetteer's ``is_called(place_id, name)``: a reading that has the name as written
        among its aliases is no spelling variant (see ``home_bonus``).
    away : indices of the names that are only destinations (``destinations``): no votes, not named.
    """
    single = [bool(c) and _one_country(c) for c in candidate_lists]
    if all(single):
        return [list(s) for s in scores]  # no name to arbitrate between countries: nothing to read
    voters = [k for k, m in enumerate(mentions) if m.reason != "demonym" and m.weak != "common-word" and k not in away]
    home = (country, 1.0) if country else _home([candidate_lists[k] for k in voters], [single[k] for k in voters], text)
    if home is None:
        return [[sc - SMALLER_NAMESAKE_PENALTY if small else sc
                 for sc, small in zip(s, smaller_namesakes(m, c), strict=True)]
                for c, s, m in zip(candidate_lists, scores, mentions, strict=True)]
    named = named_countries([() if k in away else c for k, c in enumerate(candidate_lists)])
    return [home_bonus(c, s, home, named, k, (m.text, m.name), single[k], is_called)
            for k, (c, s, m) in enumerate(zip(candidate_lists, scores, mentions, strict=True))]


_LIST_GAP = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)")
_LIST_KINDS = (PlaceKind.COUNTRY, PlaceKind.REGION)
LIST_BONUS = 1.0  # for a reading of the kind the rest of its list is
_LIST_SHARE = 0.75  # of the list's other members that must be of that kind


def with_list_kinds(candidate_lists: Sequence[Sequence[Place]], scores: Sequence[Sequence[float]],
                    mentions: Sequence[Sequence[Mention]], text: str) -> list[list[float]]:
    """Scores with a bonus for the reading of the kind a name's list is made of: in "Utah, Washington
    and Wisconsin" Washington is a state, in "Armenia, Azerbaijan, Georgia and Iraq" Georgia a country.

    Parameters
    ----------
    candidate_lists, scores : per distinct name, its candidates (gazetteer order) and their scores.
    mentions : per distinct name, all its mentions.
    text : the article.

    A list is names joined by commas, "and" or "or"; the kind of a member is its first reading's
    (a country or first-level region only), and three in four of the list's other members, two at
    least, must be of it (so the first of "Washington, Pennsylvania and California" is a state too,
    and Georgia among twenty states does not stop the others).
    """
    out = [list(s) for s in scores]
    if not text:
        return out
    ordered = sorted((m.start, m.end, k) for k, ms in enumerate(mentions) for m in ms)
    kinds: dict[int, list[PlaceKind | None]] = {}
    chain = [ordered[0][2]] if ordered else []
    for (_, a_end, a), (b_start, _, b) in zip(ordered, ordered[1:], strict=False):
        if a != b and _LIST_GAP.fullmatch(text, a_end, b_start):
            chain.append(b)
            continue
        if len(chain) > 1:  # most names stand alone
            _list_neighbours(chain, candidate_lists, kinds)
        chain = [b]
    _list_neighbours(chain, candidate_lists, kinds)
    for k, seen in kinds.items():
        kind, count = Counter(seen).most_common(1)[0]
        if count < 2 or kind not in _LIST_KINDS or count < _LIST_SHARE * len(seen):
            continue
        m = mentions[k][0]
        if m.generic or not candidate_lists[k] or candidate_lists[k][0].kind is kind:
            continue  # a generic word says the kind itself ("Kansas City" is no reading of Kansas)
        keys = {normalize(m.text), normalize(m.name)}
        out[k] = [s + LIST_BONUS if p.kind is kind and normalize(p.name) in keys else s
                  for p, s in zip(candidate_lists[k], out[k], strict=True)]
    return out


def _list_neighbours(chain: Sequence[int], candidate_lists: Sequence[Sequence[Place]],
                     kinds: dict[int, list[PlaceKind | None]]) -> None:
    """For each member of one list, the first readings' kinds of its other members."""
    if len(chain) < 2:
        return
    for n, k in enumerate(chain):
        for other in chain[:n] + chain[n + 1:]:
            if other != k:
                cands = candidate_lists[other]
                kinds.setdefault(k, []).append(cands[0].kind if cands else None)


_SIBLINGS = 2  # other first-level regions of one country that make a country's name one of them


def with_sibling_regions(candidate_lists: Sequence[Sequence[Place]], scores: Sequence[Sequence[float]],
                         mentions: Sequence[Mention]) -> list[list[float]]:
    """Scores with a bonus for the first-level region a country's name also is, where the article names
    two other regions of that region's country and nothing in the country: "a lab in Georgia" beside
    Alabama, Iowa and Texas is the state; beside Tbilisi, or alone, the country."""
    out = [list(s) for s in scores]
    firsts = [c[0] if c else None for c in candidate_lists]
    regions = Counter(p.country for p in firsts if p is not None and p.kind is PlaceKind.REGION)
    for k, cands in enumerate(candidate_lists):
        first = firsts[k]
        if first is None or first.kind is not PlaceKind.COUNTRY or mentions[k].generic:
            continue
        if any(p is not None and j != k and p.country == first.country for j, p in enumerate(firsts)):
            continue  # "Tbilisi", "Abkhazia": the country's own places are named
        keys = {normalize(mentions[k].text), normalize(mentions[k].name)}
        out[k] = [s + LIST_BONUS if p.kind is PlaceKind.REGION and regions[p.country] >= _SIBLINGS
                  and normalize(p.name) in keys else s for p, s in zip(cands, out[k], strict=True)]
    return out
