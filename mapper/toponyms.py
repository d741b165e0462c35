"""Find place-name mentions in an article: gazetteer names, generic words, demonyms, non-literal uses."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Sequence
from functools import cache
from itertools import accumulate, repeat

from mapper.cues import (
    COMMON_WORD_ZIPF,
    CONTRACTION,
    HEAD_OF,
    INSTITUTIONS,
    METAPHOR_BEFORE,
    METONYMY_AFTER,
    NUMBER_AFTER,
    ORDINAL,
    POSSESSIVE_ORGAN,
    STREET_AFTER,
    Token,
    ampersand_joined,
    bad_tokens,
    demonym_first_words,
    demonyms,
    expansion_table,
    holiday_follows,
    in_quotes,
    metonymy_before,
    name_continues,
    org_ahead,
    title_case,
    word_frequency,
    word_strength,
)
from mapper.gazetteer.base import NAME, NameIndex, TrieIndex, word_state
from mapper.locatives import in_place_phrase, used_as_place
from mapper.model import Article, Mention
from mapper.names import normalize, skeleton
from mapper.person_cues import given_name_before, given_name_heads, name_precedes, person_context
from mapper.prefilter import GatedGroup

_ABBREV = {"st", "mt", "ft", "ste", "pt"}
# Capitalised words that open a longer name ("the Northern Bay", "the Upper Lake") before a common word.
_POSITION_WORDS = frozenset({"Northern", "Southern", "Eastern", "Western", "North", "South", "East", "West", "Upper",
                             "Lower", "Inner", "Outer", "Old", "New", "Great", "Little", "Greater", "Central"})
_LANDFORM_NOUNS = frozenset({"bay", "lake", "river", "harbor", "harbour", "park", "island", "point", "valley", "field",
                             "hill", "hills", "creek", "beach", "springs", "falls", "heights", "square", "station",
                             "gate", "port", "cape", "sea", "gulf", "coast", "plain", "plains", "ridge", "forest",
                             "woods", "district", "side", "end"})
# Lower-case words that may stand inside a multi-word name (Sea of Azov, Rostov-on-Don, Bosnia and Herzegovina).
_CONNECTORS = {"of", "and", "on", "upon", "de", "del", "la", "le", "du", "des", "da", "do", "al", "el", "the",
               "y", "sur", "am", "an", "der", "di", "al-", "ul"}
_MAX_TOKENS = 7
# A sentence's capitalised first word that is a preposition ("In Gori", "At Upper Lars") joins no name
# when the words after it are a name themselves: keys ignore spaces, so "In Gori" would read as "Ingori".
_LEADING_PREPOSITIONS = frozenset({"In", "At", "On", "From", "To", "Outside", "Around", "Across", "Inside"})

# Generic words that follow a name and belong to its span ("Karakiyan district"), with the kind they imply.
_TRAILING_GENERIC: list[tuple[tuple[str, ...], str]] = [
    (("international", "airport"), "facility"), (("border", "station"), "facility"),
    (("railway", "station"), "facility"), (("air", "base"), "facility"), (("airbase",), "facility"),
    (("airfield",), "facility"), (("airport",), "facility"), (("special", "economic", "zone"), "facility"),
    (("cosmodrome",), "facility"),
    (("region",), "region"), (("oblast",), "region"), (("province",), "region"), (("krai",), "region"),
    (("governorate",), "region"), (("state",), "region"), (("autonomous", "okrug"), "region"),
    (("autonomous", "region"), "region"), (("autonomous", "oblast"), "region"),
    (("district",), "district"), (("rayon",), "district"), (("county",), "district"), (("parish",), "district"),
    (("raion",), "district"), (("tumani",), "district"), (("audany",), "district"), (("oblysy",), "region"),
    (("range",), "physical feature"), (("mountains",), "physical feature"), (("river",), "physical feature"),
    (("valley",), "physical feature"),
]
_GENERIC_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _words, _kind in sorted(_TRAILING_GENERIC, key=lambda wk: -len(wk[0])):
    _GENERIC_BY_FIRST.setdefault(_words[0], []).append((_words, _kind))
# Only the words recognition looks at become tokens: capitalised words and numbers, and the few
# lower-case words that can stand inside or right after a name. Other words only leave a gap, which
# is enough to tell that a name cannot run across them.
_LOWER_KEPT = _CONNECTORS | {w for words, _ in _TRAILING_GENERIC for w in words} | {"for"}


def _alternation(words: set[str]) -> str:
    """A regex alternative for each word, grouped by first letter so the scan tries few of them."""
    by_first: dict[str, list[str]] = {}
    for w in sorted(words, key=lambda w: (-len(w), w)):
        by_first.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(re.escape(c) + (f"(?:{'|'.join(rest)})" if len(rest) > 1 else rest[0])
                    for c, rest in sorted(by_first.items()))


# A kept lower-case word may carry a possessive: "the Kursk region's Korenevo district".
# Inside a name an apostrophe or modifier letter may stand before a hyphen and a typographic ‘ for
# one (GeoNames' "Ust’-Ilimsk", "Qo‘qon", "Pereslavl’-Zalesskiy"): the name index reads them as the plain spelling.
_TOKEN = re.compile(r"(?<![\w'’-])(?:[^\W_a-z]\w*(?:(?:['’]?-|['’‘])\w+)*|(?:" + _alternation(_LOWER_KEPT)
                    + r")(?:['’]s)?(?![\w'’-]))")
_APOSTROPHE = re.compile("['’]")
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")  # gap, token, gap, ..., gap (_TOKEN has no group of its own)
_PLURAL_GENERIC = {"regions": "region", "oblasts": "region", "provinces": "region", "states": "region",
                   "districts": "district", "counties": "district", "rayons": "district", "raions": "district",
                   "villages": "populated place", "towns": "populated place", "cities": "populated place",
                   "settlements": "populated place"}
_PLURAL_BEFORE = re.compile(r"\b(villages|towns|cities|settlements|regions|districts|provinces)\s+(?:of\s+)?$", re.I)
_LEADING_GENERIC = re.compile(r"(?:village|town|city|settlement|aul|selo|kishlak|qishloq|stanitsa|khutor|port|"
                              r"district|region|province)\s+of\s+$", re.I)
_PLACE_WORDS = ("village", "town", "city", "settlement", "aul", "selo", "kishlak", "qishloq", "stanitsa", "khutor",
                "port")  # "the port of Olya": ports are named after their towns
# What may stand between the items of a list of names, a short parenthesis included: "Ualy (February 18), ".
_LIST_GAP = re.compile(r"^\s*(?:\([^()]{0,40}\))?\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+)$")
@cache
def _scans() -> GatedGroup:
    """The abbreviations that stand for a place (``expansion_table``) and "the village of X": one
    Aho-Corasick pass over a text finds where their matches may start."""
    return GatedGroup([expansion_table()[0], _UNLISTED])


def _expansions(article: Article, matches: Iterable[re.Match[str]]) -> list[Mention]:
    """``matches``: the expansion pattern's in the article's text."""
    table = expansion_table()[1]
    out = []
    for m in matches:
        name, generic = table[m.group()]
        out.append(Mention(article.id, m.start(), m.end(), m.group(), name=name, generic=generic,
                           reason="expansion"))
    return out


def _tokens(text: str) -> list[Token]:
    # One split gives the tokens and the gaps between them, their lengths the offsets; each Token is
    # made without the NamedTuple's Python-level __new__ (a third of the cost).
    parts = _TOKEN_SPLIT.split(text)
    ends = list(accumulate(map(len, parts)))
    starts = ends[0::2]
    no = repeat(False)
    out = list(map(tuple.__new__, repeat(Token), zip(starts, ends[1::2], parts[1::2], no, no, strict=False)))
    if "'" in text or "’" in text:  # possessives and contractions: the rare tokens with an apostrophe
        holding = set()  # the tokens an apostrophe of the text falls in
        for q in _APOSTROPHE.finditer(text):
            n = bisect_right(starts, q.start()) - 1
            if n >= 0 and n < len(out) and q.start() < out[n].end:
                holding.add(n)
        for n in sorted(holding):
            tok = out[n]
            t = tok.text
            e = tok.end
            poss = len(t) > 2 and t[-2] in "'’" and t[-1] in "sS"
            if poss:
                e, t = e - 2, t[:-2]
            elif t[-1] in "'’":
                e, t = e - 1, t[:-1]
            out[n] = Token(tok.start, e, t, poss, bool(CONTRACTION.search(t)))
    return out


def _starts_name(tok: Token) -> bool:
    if tok.contraction:
        return False
    c = tok.text[0]
    return c.isupper() or (c.isdigit() and bool(ORDINAL.match(tok.text)))


def _gap_ok(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end:b.start]
    if a.possessive:  # "Kazakhstan's Mangistau Region" ends at the possessive, unless a name goes on
        return gap[2:] == " "  # ("the People's Republic of China", "Martha's Vineyard")
    if gap == " " or gap == "-":
        return True
    return gap == ". " and a.text.lower() in _ABBREV


_Probe = Callable[[str], bool]


def _probes(index: NameIndex) -> tuple[_Probe, Callable[[str], int]]:
    """The questions recognition asks: is a name key a name; and what a text as written opens
    (``word_state``: a name, only the start of some, or neither), remembered."""
    if isinstance(index, TrieIndex):  # the gazetteers' own index: ask its trie, and its remembered answers
        return index.is_name, index.word_state
    iterkeys = getattr(index, "iterkeys", None)
    is_name: _Probe = index.__contains__
    has_prefix: _Probe = index.has_keys_with_prefix if iterkeys is None else \
        (lambda key: next(iter(iterkeys(key)), None) is not None)
    words: dict[str, int] = {}

    def state(word: str) -> int:
        known = words.get(word)
        if known is None:
            known = words[word] = word_state(word, is_name, has_prefix)
        return known

    return is_name, state


def _longest_match(text: str, toks: Sequence[Token], i: int, first: int, opens: Callable[[str], int]) -> int:
    """Index of the last token of the longest gazetteer name starting at token ``i`` (which
    ``_starts_name``, and whose word opens ``first``: ``NAME`` or ``PREFIX``), or -1."""
    best = i if first == NAME else -1
    start = toks[i].start
    for j in range(i + 1, min(i + _MAX_TOKENS, len(toks))):
        last = toks[j]
        if not _gap_ok(text, toks[j - 1], last):
            break
        state = opens(text[start:last.end])  # 0 also for a span with no key at all
        if not state:
            break
        last_ok = _starts_name(last) or last.text.isdigit()  # the caller checked token i
        if last_ok and state == NAME:
            best = j
        if not last_ok and last.text.lower() not in _CONNECTORS:
            break
    return best


def _trailing_generic(text: str, toks: Sequence[Token], j: int) -> tuple[int, str]:
    """Extend a name ending at token ``j`` over a generic word that names the place."""
    if j + 1 >= len(toks) or toks[j].possessive:
        return j, ""
    for words, kind in _GENERIC_BY_FIRST.get(toks[j + 1].text.lower(), ()):
        k = j + len(words)
        if k < len(toks) and all(toks[j + n].text.lower() == w and text[toks[j + n - 1].end:toks[j + n].start] == " "
                                 for n, w in enumerate(words, start=1)):
            return k, kind
    return j, ""


def recognize(article: Article, index: NameIndex) -> list[Mention]:
    """Find every toponym in ``article.text``, literal or not, in text order.

    Parameters
    ----------
    article : the article to read.
    index : the gazetteer's name index (skeleton keys).

    Returns
    -------
    list[Mention]; demonyms come out with ``literal=False`` and ``reason="demonym"``. A one-word name
    that is also a common English word (Most, Reading) with no locative cue ("in Reading") and no
    qualifier ("Mobile, Ala.") comes out with ``weak="common-word"`` (acronyms and all-capital words
    likewise): the resolver keeps such a name only for a major place or with support from the text.
    """
    text = article.text
    toks = _tokens(text)
    dem, dem_first = demonyms(), demonym_first_words()
    is_name, opens = _probes(index)
    expansions, unlisted = _scans().finditers(text)
    found: list[Mention] = _expansions(article, expansions)
    covered = {c for m in found for c in range(m.start, m.end)}
    i = 0
    starts = [n for n, t in enumerate(toks) if t.text[0].isupper() or t.text[0].isdigit()]
    n_toks = len(toks)
    for i0 in starts:
        if i0 < i:
            continue
        i = i0
        tok = toks[i]
        if not _starts_name(tok) or tok.start in covered:
            i += 1
            continue
        first = opens(tok.text)  # most words open no name: one remembered answer says so
        j = _longest_match(text, toks, i, first, opens) if first else -1
        if j > i and tok.text in _LEADING_PREPOSITIONS and _starts_name(toks[i + 1]):
            after = opens(toks[i + 1].text)
            if after and _longest_match(text, toks, i + 1, after, opens) >= j:
                i += 1
                continue
        k = _demonym_at(text, toks, i, dem) if tok.text in dem_first else -1
        if k >= j and k >= 0:  # "Kazakh", "Central Asian": an adjective, not the place of that name
            span = text[tok.start:toks[k].end]
            found.append(Mention(article.id, tok.start, toks[k].end, span, name=span, literal=False,
                                 reason="demonym"))
            i = k + 1
            continue
        if j < 0:
            named = _named_with_generic(article, toks, i, is_name)
            if named is not None:
                found.append(named)
            elif "-" in tok.text:
                found.extend(_hyphen_compound(article, tok, is_name, dem))
            elif i + 1 < n_toks and toks[i + 1].text in _VOWEL_GENERICS:
                found.extend(_vowel_variant(article, toks, i, is_name))
            i += 1
            continue
        m, i = _make_mention(article, toks, i, j)
        if m is not None:
            found.append(m)
    found.extend(_unlisted_villages(article, found, unlisted))
    found.sort(key=lambda m: m.start)
    found = _drop_person_names(text, found)
    found = _abbreviations(article, toks, found)
    return _distribute_plural_generics(text, found)


def _named_with_generic(article: Article, toks: Sequence[Token], i: int, is_name: _Probe) -> Mention | None:
    """"Begishevo airport", "Shaykovka airfield": a rare word the gazetteer names only with its generic word."""
    k, kind = _trailing_generic(article.text, toks, i)
    tok = toks[i]
    if k == i or tok.possessive or word_frequency(tok.text) >= COMMON_WORD_ZIPF \
            or not is_name(skeleton(article.text[tok.start:toks[k].end])):
        return None
    return Mention(article.id, tok.start, toks[k].end, article.text[tok.start:toks[k].end], name=tok.text,
                   generic=kind)


# "a Baku-based analyst", "Kazakhstan-bound migrants": the place where someone is or goes; "Moscow-backed",
# "Kremlin-led": a government acting, so a metonymy.
_AFTER_NAME = re.compile(r"[A-Z][\w.]*\s$")
_WHERE_SUFFIX = {"based", "bound", "born", "registered", "headquartered", "made", "built", "flagged"}
_ACTOR_SUFFIX = {"backed", "led", "controlled", "allied", "aligned", "funded", "sponsored", "installed",
                 "appointed", "friendly", "imposed", "brokered"}


_ROUTE_AFTER = re.compile(r"\s+(?:border\s+)?(?:crossings?|checkpoints?|flights?|routes?|roads?|highway|motorway|"
                          r"railway|rail|line|pipeline|corridor|bridge|trains?|ferry|ferries)\b")


def _hyphen_compound(article: Article, tok: Token, is_name: _Probe, dem: Collection[str]) -> list[Mention]:
    """The place before "-based", "-bound", "-backed" in a token no gazetteer name covers whole."""
    head, _, suffix = tok.text.rpartition("-")
    if suffix[:1].isupper():  # "the Dostyk-Alashankou crossing", "Moscow-Minsk flights": two places
        if _AFTER_NAME.search(article.text, max(0, tok.start - 30), tok.start):
            return []  # "Nina Webb-Lawton", "Rose Dominican Hospital-Siena": a person's or a firm's name
        if "-" in head or head in dem or suffix in dem or not (is_name(skeleton(head)) and is_name(skeleton(suffix))):
            return []
        tail = tok.start + len(head) + 1
        # "the Dostyk-Alashankou crossing", "the Tashkent-Samarkand railway": a route says both are places,
        # as a locative word would
        weak = "cued" if _ROUTE_AFTER.match(article.text, tok.end) else ""
        return [Mention(article.id, tok.start, tail - 1, head, reason="gazetteer", weak=weak),
                Mention(article.id, tail, tok.end, suffix, reason="gazetteer", weak=weak)]
    suffix = suffix.lower()
    if not head or head in dem or (suffix not in _WHERE_SUFFIX and suffix not in _ACTOR_SUFFIX) \
            or not is_name(skeleton(head)):
        return []
    literal = suffix in _WHERE_SUFFIX
    return [Mention(article.id, tok.start, tok.start + len(head), head, literal=literal,
                    reason="gazetteer" if literal else "metonymy")]


# Generic words of the former Soviet south after which a name may be a Russian-style romanisation of a Tajik
# or Uzbek one: Russian "a" where GeoNames writes "o" (Darvaz, Shugnan for Darvoz, Shughnon).
_VOWEL_GENERICS = {"district", "rayon", "raion", "tumani", "region", "oblast"}


def _vowel_variant(article: Article, toks: Sequence[Token], i: int, is_name: _Probe) -> list[Mention]:
    """"the Darvaz district": the name with some "a" read as "o" (or back) when that is a gazetteer name."""
    k, kind = _trailing_generic(article.text, toks, i)
    word = toks[i].text
    spots = [n for n, ch in enumerate(word) if ch in "ao"][:4]
    if k == i or not spots:
        return []
    for mask in range(1, 1 << len(spots)):
        chars = list(word)
        for bit, n in enumerate(spots):
            if mask >> bit & 1:
                chars[n] = "o" if chars[n] == "a" else "a"
        variant = "".join(chars)
        if is_name(skeleton(variant)):
            start, end = toks[i].start, toks[k].end
            return [Mention(article.id, start, end, article.text[start:end], name=variant, generic=kind)]
    return []


# "the village of Kos-Istek": a settlement the gazetteer may lack; the resolver places it in the
# district or region the text names, at that coarser precision, or leaves it unplaced.
_UNLISTED = re.compile(r"\b(?:village|settlement|hamlet|aul|town)\s+of\s+([A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+)?)")


def _unlisted_villages(article: Article, found: Sequence[Mention], hits: Iterable[re.Match[str]]) -> list[Mention]:
    """``hits``: the matches of ``_UNLISTED`` in the article's text."""
    taken = [(m.start, m.end) for m in found]
    out = []
    for hit in hits:
        start, end = hit.span(1)
        if not any(s < end and start < e for s, e in taken):
            out.append(Mention(article.id, start, end, hit.group(1), generic="populated place", reason="unlisted"))
    return out


def _drop_person_names(text: str, found: list[Mention]) -> list[Mention]:
    """A name once used as a person's (surname after a first name) is a person wherever it recurs,
    unless the text also uses it as a place somewhere ("in Sochi")."""
    given = {m.text for m in found if m.reason == "person" and m.weak == "given"}
    persons = {m.text for m in found if m.reason == "person"}
    persons = {p for p in persons if not used_as_place(text, p, strict=p in given)}
    return [m for m in found if m.reason != "person" and not (m.text in persons and not m.generic)]


def _demonym_at(text: str, toks: Sequence[Token], i: int, dem: dict[str, str]) -> int:
    if i + 1 < len(toks) and text[toks[i].end:toks[i + 1].start] == " ":
        two = f"{toks[i].text} {toks[i + 1].text}"
        if two in dem:
            return i + 1
    return i if toks[i].text in dem else -1


def _make_mention(article: Article, toks: Sequence[Token], i: int, j: int) -> tuple[Mention | None, int]:
    """The mention of the name at tokens ``i..j`` (None when it is not a toponym) and the next token."""
    text = article.text
    start, name_end = toks[i].start, toks[j].end
    name = text[start:name_end]
    k, generic = _trailing_generic(text, toks, j)
    nxt = k + 1
    if k == j + 1 and toks[k].text.lower() in _INSTITUTION_GENERIC and _institution_word(text, toks, j, k):
        k = j  # "Ohio State University", "Ramsey District Court": the place is the name alone
    end = toks[k].end
    if (bad_tokens(toks, i, j) or person_context(text, toks, i, j) or holiday_follows(text, toks, k)
            or NUMBER_AFTER.match(text, end)):
        return None, nxt
    if _street_name(text, name, end, generic):
        # Not a mention of the place, but a local clue all the same: streets are often named after the
        # town itself or a neighbouring one they lead to ("West Palestine Avenue", "Morecambe Road").
        return Mention(article.id, start, end, name, reason="street", literal=False), nxt
    before = text[max(0, start - 40):start]
    generic = generic or _leading_generic(before)
    if i == j and not generic and name_precedes(text, toks, i) and not title_case(text, toks, k):
        # "Kristina Ripley": kept as a marker so later bare "Ripley" is known to be a person too.
        # "given": after a known given name, a stronger sign (see ``_drop_person_names``)
        weak = "given" if given_name_before(text, toks, i) else ""
        return Mention(article.id, start, name_end, name, reason="person", literal=False, weak=weak), nxt
    weak = word_strength(text, toks, i, j) if i == j and not generic else ""
    if weak is None or (weak == "common-word" and i and toks[i - 1].text in _POSITION_WORDS
                        and name.lower() in _LANDFORM_NOUNS and text[toks[i - 1].end:start] == " "):
        return None, nxt  # "the Northern Bay": a common word at the end of a longer name the gazetteer lacks
    org = org_ahead(text, toks, k)
    # "Ohio Senate", "Artem Timofeev": part of a longer name; the resolver keeps it only for a major place.
    part = not org and (name_continues(text, toks, k) or ampersand_joined(text, toks, i, k)) \
        and not title_case(text, toks, k)
    if (i == j and not generic and not org and name_continues(text, toks, k)
            and given_name_heads(text, toks, i)):
        # "Mary Wheeler", "Vladimir Putin": a person ("Wheeler" is looked at next). A later bare "Vladimir"
        # may still be the city ("drones attacked Vladimir and Ivanovo"), so the given name is not carried over.
        return None, nxt
    if (not weak and not generic and j > i and i and toks[i - 1].text in demonyms()
            and text[toks[i - 1].end:start] == " "):
        weak = "name-part"  # "the Belgian Red Cross": after a national adjective, only a major place's name
    literal, reason = True, "gazetteer"
    if normalize(name) in INSTITUTIONS:
        literal, reason = False, "institution"
    elif part:
        literal, reason, weak = False, "organisation", "name-part"
    elif org:
        literal, reason = False, "organisation"
    elif ((METONYMY_AFTER.match(text, end) and not in_place_phrase(text, start) and not HEAD_OF.search(before))
          or metonymy_before(text, before, end)
          or (toks[k].possessive and POSSESSIVE_ORGAN.match(text, end))):
        literal, reason = False, "metonymy"
    elif in_quotes(text, start, end) and METAPHOR_BEFORE.search(text[max(0, start - 12):start - 1]):
        literal, reason = False, "metaphor"
    span = text[start:end]
    return Mention(article.id, start, end, span, name=name, generic=generic, literal=literal, reason=reason,
                   weak=weak), nxt


# Generic words that English names of institutions put after a place's name ("Ohio State University",
# "Ramsey District Court", "Lancashire County Council") where the place itself is called by the name
# alone. Region, oblast, province and krai are left out: "Mangistau Region" is the region's own name,
# also inside "the Mangistau Region Police Department".
_INSTITUTION_GENERIC = {"state", "district", "county", "parish"}


def _street_name(text: str, name: str, end: int, generic: str) -> bool:
    """"Wichita Street", "Dublin Road": a street named after a place. A county's road ("Douglas County
    Road 12") and a name with its generic word keep the place."""
    return bool(STREET_AFTER.match(text, end)) and not generic and not name.endswith((" County", " Parish"))


def _institution_word(text: str, toks: Sequence[Token], j: int, k: int) -> bool:
    """Whether a capitalised generic word after a name starts an institution's name instead of naming
    the place: another capitalised word or a number follows it ("Minnesota State Patrol", "Woodstock
    District Chamber of Commerce", "Edwardsville District 7"), outside a headline in title case.
    "in Rakhine State, officials" and "Karakiyan district" keep their generic word."""
    if not toks[j + 1].text[:1].isupper() or k + 1 >= len(toks) or toks[k].possessive:
        return False
    nxt = toks[k + 1].text
    return (text[toks[k].end:toks[k + 1].start] == " " and (nxt[:1].isupper() or nxt[:1].isdigit())
            and not title_case(text, toks, k))


def _leading_generic(before: str) -> str:
    if not before.rstrip().lower().endswith("of"):  # cheap test first: every match ends in "of "
        return ""
    m = _LEADING_GENERIC.search(before)
    if not m:
        return ""
    word = m.group(0).split()[0].lower()
    return "populated place" if word in _PLACE_WORDS else word


_ABBREVIATION_DEFINED = re.compile(r"(?:\s\(|,\s+or\s+)([A-Z]{2,6})(?:\)|(?=[,;.]))")


def _abbreviations(article: Article, toks: Sequence[Token], found: list[Mention]) -> list[Mention]:
    """``West Kazakhstan Region (WKR)``: the abbreviation refers to the region wherever it is used."""
    text = article.text
    defined: dict[str, Mention] = {}
    for m in found:
        ab = _ABBREVIATION_DEFINED.match(text, m.end)
        if ab and m.literal and _initials_fit(ab.group(1), m.text):
            defined[ab.group(1)] = m
    if not defined:
        return found
    extra = []
    for ab, m in defined.items():
        for hit in re.finditer(rf"\b{ab}\b", text):
            if hit.start() >= m.end:
                extra.append(Mention(article.id, hit.start(), hit.end(), ab, name=m.name, generic=m.generic,
                                     reason="abbreviation"))
    # The abbreviation's own reading (WKR may be some other place's code) gives way to the definition.
    kept = [m for m in found if not any(m.start < x.end and x.start < m.end for x in extra)]
    return sorted(kept + extra, key=lambda x: x.start)


def _initials_fit(abbreviation: str, name: str) -> bool:
    """WKR fits West Kazakhstan Region; AP does not fit Jerusalem."""
    initials = "".join(w[0] for w in re.findall(r"\w+", name)).upper()
    it = iter(initials)
    return abbreviation[0] == initials[:1] and all(ch in it for ch in abbreviation)


def _distribute_plural_generics(text: str, found: list[Mention]) -> list[Mention]:
    """``Murmansk, Irkutsk, and Amur regions``: one plural generic word applies to the whole list."""
    out = list(found)
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and _LIST_GAP.match(text[out[j].end:out[j + 1].start]):
            j += 1
        if j > i:
            after = re.match(r"\s+(\w+)", text[out[j].end:out[j].end + 20])
            before = _PLURAL_BEFORE.search(text[max(0, out[i].start - 30):out[i].start])
            word = after.group(1).lower() if after else ""
            kind = _PLURAL_GENERIC.get(word) or (_PLURAL_GENERIC.get(before.group(1).lower()) if before else None)
            if kind:
                for k in range(i, j + 1):
                    m = out[k]
                    out[k] = Mention(m.article_id, m.start, m.end, m.text, name=m.name, generic=kind,
                                     literal=m.literal, reason=m.reason)
        i = j + 1
    return out
