"""Find place-name mentions in an article: gazetteer names, generic words, demonyms, non-literal uses.

The longest-match walk is here; the tokens it walks are ``mapper.toponym_tokens``; the special name forms
(hyphenated compounds, vowel variants, unlisted villages, abbreviations, plural generic words) are in
``mapper.toponym_forms``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from mapper.cues import (
    COMMON_WORD_ZIPF,
    DISEASE_AFTER,
    FORCE_GROUP_AFTER,
    HEAD_OF,
    INSTITUTIONS,
    METAPHOR_BEFORE,
    METONYMY_AFTER,
    NUMBER_AFTER,
    ORDINAL,
    PIPELINE_AFTER,
    POSSESSIVE_ORGAN,
    STREET_AFTER,
    WEAPON_AFTER,
    Token,
    ampersand_joined,
    bad_tokens,
    caps_strength,
    demonyms,
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
from mapper.metonymy import STATE_ACT, government_object, government_subject
from mapper.model import Article, Mention
from mapper.names import normalize, skeleton
from mapper.person_cues import given_name_before, given_name_heads, kin_before, name_precedes, person_context
from mapper.toponym_forms import (
    ADJECTIVE,
    ARTICLE_WORDS,
    DEMONYM_START,
    GENERIC_START,
    HYPHEN,
    NAME_ONLY,
    VOWEL_GENERIC,
    Probe,
    abbreviations,
    adjective_name,
    distribute_plural_generics,
    expansions,
    hyphen_compound,
    named_with_generic,
    named_with_word,
    scanned,
    soft_sign_end,
    trailing_generic,
    unlisted_villages,
    vowel_variant,
    word_flags,
)
from mapper.toponym_tokens import ARABIC_ARTICLE, CONNECTORS, gap_ok, starts_name, tokens

# Capitalised words that open a longer name ("the Northern Bay", "the Upper Lake") before a common word.
_POSITION_WORDS = frozenset({"Northern", "Southern", "Eastern", "Western", "North", "South", "East", "West", "Upper",
                             "Lower", "Inner", "Outer", "Old", "New", "Great", "Little", "Greater", "Central"})
_LANDFORM_NOUNS = frozenset({"bay", "lake", "river", "harbor", "harbour", "park", "island", "point", "valley", "field",
                             "hill", "hills", "creek", "beach", "springs", "falls", "heights", "square", "station",
                             "gate", "port", "cape", "sea", "gulf", "coast", "plain", "plains", "ridge", "forest",
                             "woods", "district", "side", "end"})
_MAX_TOKENS = 7
# A sentence's capitalised first word that is a preposition ("In Gori", "At Upper Lars") or an article
# ("The Urals", a gazetteer alias with its "the") joins no name when the words after it are a name
# themselves: keys ignore spaces, so "In Gori" would read as "Ingori".
_LEADING_PREPOSITIONS = frozenset({"In", "At", "On", "From", "To", "Outside", "Around", "Across", "Inside"})
# A sentence's capitalised article opens a few gazetteer names ("A New", a hamlet); rejected there, the
# name that follows it is still read: "A New Jersey woman", "A New York court".
_ARTICLES = frozenset({"A", "An", "The"})

_LEADING_GENERIC = re.compile(r"(?:village|town|city|settlement|aul|selo|kishlak|qishloq|stanitsa|khutor|port|"
                              r"district|region|province)\s+of\s+$", re.I)
# After a name, what makes it a numbered thing, a disease or a pipeline named after a place (``mapper.cues``);
# an epic or saga is named after its hero ("the Manas epic", "a recital of the Alpamysh epic"); an oil grade is
# named after where it was first priced ("Urals crude", "Brent crude", "Dubai crude", "the CPC Blend")
_NAME_THING_AFTER = re.compile(rf"{NUMBER_AFTER.pattern}|(?i:{DISEASE_AFTER.pattern})|{WEAPON_AFTER.pattern}"
                               rf"|{FORCE_GROUP_AFTER.pattern}|\s+(?i:epics?|sagas?)\b|\s+(?:crude|Blend)\b(?!\s+oil)"
                               rf"|(?P<pipeline>(?i:{PIPELINE_AFTER.pattern}))")
_REGION_WORD = re.compile(r" region\b")
# after an area's adjective that names no country ("the Balkan route"), "province" too: "Balkan province"
_REGION_OR_PROVINCE = re.compile(r" (?:region|province)\b")
_NAMED_BEFORE = re.compile(r"\b[A-Z][\w'’-]*\s+$")
_PLACE_WORDS = ("village", "town", "city", "settlement", "aul", "selo", "kishlak", "qishloq", "stanitsa", "khutor",
                "port")  # "the port of Olya": ports are named after their towns


def _probes(index: NameIndex) -> tuple[Probe, Callable[[str], int]]:
    """The questions recognition asks: is a name key a name; and what a text as written opens
    (``word_state``: a name, only the start of some, or neither), remembered."""
    if isinstance(index, TrieIndex):  # the gazetteers' own index: ask its trie, and its remembered answers
        return index.is_name, index.word_state
    iterkeys = getattr(index, "iterkeys", None)
    is_name: Probe = index.__contains__
    has_prefix: Probe = index.has_keys_with_prefix if iterkeys is None else \
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
    ``starts_name``, and whose word opens ``first``: ``NAME`` or ``PREFIX``), or -1."""
    best = i if first == NAME else -1
    prev = toks[i]
    start = prev.start
    for j in range(i + 1, min(i + _MAX_TOKENS, len(toks))):
        last = toks[j]
        if not (text[prev.end:last.start] == " " and not prev.possessive or gap_ok(text, prev, last)):
            break
        prev = last
        state = opens(text[start:last.end])  # 0 also for a span with no key at all
        if not state:
            break
        last_ok = starts_name(last) or last.text.isdigit() or ARABIC_ARTICLE.match(last.text) is not None
        if last_ok and state == NAME:
            best = j
        if not last_ok and last.text.lower() not in CONNECTORS:
            break
    return best


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
    toks = tokens(text)
    dem = demonyms()
    is_name, opens = _probes(index)
    expansion_hits, unlisted_hits = scanned(text)
    found: list[Mention] = expansions(article, expansion_hits)
    covered = {c for m in found for c in range(m.start, m.end)}
    i = 0
    starts = [n for n, t in enumerate(toks) if t.text[0].isupper() or t.text[0].isdigit()]
    n_toks = len(toks)
    flags = word_flags  # what each word's own text allows (remembered): most checks below are skipped on it
    for i0 in starts:
        if i0 < i:
            continue
        i = i0
        tok = toks[i]
        # (as starts_name: the token's first character is a capital or a digit)
        if tok.contraction or not (tok.text[0].isupper() or ORDINAL.match(tok.text)) or tok.start in covered:
            i += 1
            continue
        first = opens(tok.text)  # most words open no name: one remembered answer says so
        j = _longest_match(text, toks, i, first, opens) if first else -1
        if j > i and (tok.text in _LEADING_PREPOSITIONS or tok.text in _ARTICLES) and starts_name(toks[i + 1]):
            after = opens(toks[i + 1].text)
            if after and _longest_match(text, toks, i + 1, after, opens) >= j:
                i += 1
                continue
        own = flags(tok.text)
        nxt = flags(toks[i + 1].text) if i + 1 < n_toks else 0
        if j <= i and (nxt & NAME_ONLY or own & ADJECTIVE):
            # "the Kazansky station", "the Crimean bridge": a name only with its generic word; "the Novoshakhtinsky
            # refinery": the town an adjective comes from, before a namesake of the adjective (a Primorye village)
            named = (named_with_word(article, toks, i, is_name) if nxt & NAME_ONLY else None) or (
                adjective_name(article, tok, is_name) if own & ADJECTIVE else None)
            if named is not None:
                found.append(named)
                i = next(n for n in range(i, n_toks) if toks[n].end >= named.end) + 1
                continue
        k = _demonym_at(text, toks, i, dem) if own & DEMONYM_START else -1
        if k == i == j and (_REGION_WORD if dem.get(_uncapped(tok.text)) else _REGION_OR_PROVINCE).match(
                text, tok.end) and word_frequency(tok.text) < COMMON_WORD_ZIPF:
            k = -1  # "the Somali region", "Balkan province": a region the people's name calls, when it is a name
        if k >= j and k >= 0:  # "Kazakh", "Central Asian": an adjective, not the place of that name
            span = text[tok.start:toks[k].end]
            found.append(Mention(article.id, tok.start, toks[k].end, span, name=span, literal=False,
                                 reason="demonym"))
            i = k + 1
            continue
        if j < 0:
            named = named_with_generic(article, toks, i, is_name) if nxt & GENERIC_START else None
            if named is None and i and toks[i - 1].text == "the" and text[toks[i - 1].end:tok.start] == " " \
                    and is_name(skeleton("the " + tok.text)):  # "crossed the Channel": a name only with its article
                named = Mention(article.id, tok.start, tok.end, tok.text, name="the " + tok.text, reason="article")
            if named is not None:
                found.append(named)
            elif own & HYPHEN:
                found.extend(hyphen_compound(article, tok, is_name, dem))
            elif nxt & VOWEL_GENERIC:
                found.extend(vowel_variant(article, toks, i, is_name))
            i += 1
            continue
        m, after = _make_mention(article, toks, i, j, is_name)
        if m is not None:
            found.append(m)
        i = i + 1 if m is None and j > i and tok.text in _ARTICLES else after
    found.extend(unlisted_villages(article, found, unlisted_hits))
    found.sort(key=lambda m: m.start)
    found = _drop_person_names(text, found)
    found = abbreviations(article, toks, found)
    return distribute_plural_generics(text, found)


def _drop_person_names(text: str, found: list[Mention]) -> list[Mention]:
    """A name once used as a person's (surname after a first name) is a person wherever it recurs,
    unless the text also uses it as a place somewhere ("in Sochi")."""
    given = {m.text for m in found if m.reason == "person" and m.weak == "given"}
    persons = {m.text for m in found if m.reason == "person"}
    persons = {p for p in persons if not used_as_place(text, p, strict=p in given)}
    return [m for m in found if m.reason != "person" and not (m.text in persons and not m.generic)]


def _demonym_at(text: str, toks: Sequence[Token], i: int, dem: dict[str, str]) -> int:
    if i + 1 < len(toks) and text[toks[i].end:toks[i + 1].start] == " ":
        two = f"{_uncapped(toks[i].text)} {_uncapped(toks[i + 1].text)}"
        if two in dem:
            return i + 1
    return i if _uncapped(toks[i].text) in dem else -1


def _uncapped(word: str) -> str:
    """A word of an all-caps headline as running text writes it: KAZAKH -> Kazakh."""
    return word.title() if len(word) > 2 and word.isupper() else word


def _make_mention(article: Article, toks: Sequence[Token], i: int, j: int,
                  is_name: Probe) -> tuple[Mention | None, int]:
    """The mention of the name at tokens ``i..j`` (None when it is not a toponym) and the next token."""
    text = article.text
    start, name_end = toks[i].start, toks[j].end
    name = text[start:name_end]
    k, generic = trailing_generic(text, toks, j, is_name, start)
    nxt = k + 1
    if k == j + 1 and toks[k].text.lower() in _INSTITUTION_GENERIC and _institution_word(text, toks, j, k):
        k = j  # "Ohio State University", "Ramsey District Court": the place is the name alone
    end = soft_sign_end(text, start, toks[k].end)
    before = text[max(0, start - 40):start]
    last_word = before.rstrip()[-2:].lower()  # "by" (a work's author), "of" (a leading generic word)
    if bad_tokens(toks, i, j) or person_context(text, toks, i, j, before, last_word) or holiday_follows(text, toks, k):
        return None, nxt
    if generic and i == j and toks[i].text in ARTICLE_WORDS:
        return None, nxt  # "An airfield at Zyabrovka": the article of a common noun, no "An" (Myanmar) airfield
    hit = _NAME_THING_AFTER.match(text, end)
    if hit and (hit.lastgroup != "pipeline" or text[start - 1:start] not in ("-", "–", "—")):
        return None, nxt
    if _street_name(text, name, end, generic):
        # Not a mention of the place, but a local clue all the same: streets are often named after the
        # town itself or a neighbouring one they lead to ("West Palestine Avenue", "Morecambe Road").
        return Mention(article.id, start, end, name, reason="street", literal=False), nxt
    generic = generic or (_leading_generic(before) if last_word == "of" else "")
    kin = i == j and not generic and kin_before(before)
    if i == j and not generic and (kin or name_precedes(text, toks, i)) and not title_case(text, toks, k):
        # "Kristina Ripley", "her friend Florence": kept as a marker so a later bare "Ripley" is known to be a
        # person too. "given": after a known given name or a kin word, a stronger sign (``_drop_person_names``)
        weak = "given" if kin or given_name_before(text, toks, i) else ""
        return Mention(article.id, start, name_end, name, reason="person", literal=False, weak=weak), nxt
    weak = (word_strength(text, toks, i, j) if i == j else caps_strength(text, toks, i, j)) if not generic else ""
    if weak is None or (weak == "common-word" and i and toks[i - 1].text in _POSITION_WORDS
                        and name.lower() in _LANDFORM_NOUNS and text[toks[i - 1].end:start] == " "):
        return None, nxt  # "the Northern Bay": a common word at the end of a longer name the gazetteer lacks
    org = org_ahead(text, toks, k)
    # "Ohio Senate", "Artem Timofeev": part of a longer name; the resolver keeps it only for a major place.
    joined = "&" in text[max(0, start - 3):end + 3] and ampersand_joined(  # (" & " before or after it)
        text, toks, i, k, lambda w: is_name(skeleton(w)))
    continues = name_continues(text, toks, k)
    part = not org and (continues or joined) and not title_case(text, toks, k)
    if i == j and not generic and not org and continues and given_name_heads(text, toks, i):
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
    elif org or (i and not generic and toks[i - 1].text == "Air" and text[toks[i - 1].end:start] == " "):
        literal, reason = False, "organisation"  # (or "Air Astana", "Air Moldova": an airline named after a place)
    elif (site := _SITE_NAME.search(text, start, end)) is None and (
            (METONYMY_AFTER.match(text, end) and not in_place_phrase(text, start) and not HEAD_OF.search(before))
            or metonymy_before(text, before, end)
            or (toks[k].possessive and POSSESSIVE_ORGAN.match(text, end))):
        literal, reason = False, "metonymy"
    elif site is None and (government_subject(text, before, end) or government_object(text, before, end)) \
            and not in_place_phrase(text, start) and not HEAD_OF.search(before):
        # (the anchored tests first: most names are no act's subject, and the locative scan looks back 120)
        literal, reason = False, STATE_ACT  # "Poland closed": kept for a state or capital (``settle_state_acts``)
    elif in_quotes(text, start, end) and METAPHOR_BEFORE.search(text[max(0, start - 12):start - 1]):
        literal, reason = False, "metaphor"
    span = text[start:end]
    return Mention(article.id, start, end, span, name=name, generic=generic, literal=literal, reason=reason,
                   weak=weak), nxt


# An airport or air base named with its generic word is a site, never a government standing for its
# state: "drones forced Copenhagen Airport to close", "Munich airport suspended flights" (drone sightings).
_SITE_NAME = re.compile(r"\b(?:airport|air\s+base|airbase|airfield|aerodrome)$", re.I)


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
    """"the village of ": the generic word before a name (the caller checked that ``before`` ends in "of")."""
    m = _LEADING_GENERIC.search(before)
    if not m:
        return ""
    word = m.group(0).split()[0].lower()
    if word in ("district", "region", "province") and _NAMED_BEFORE.search(before, 0, m.start()):
        return ""  # "the Korabelny district of Nikolaev": the name after "of" holds the district, it is no district
    return "populated place" if word in _PLACE_WORDS else word
