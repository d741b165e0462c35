"""Find place-name mentions in an article: gazetteer names, generic words, demonyms, non-literal uses."""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import NamedTuple

from mapper.gazetteer.base import NameIndex
from mapper.model import Article, Mention
from mapper.names import GENERIC_WORDS, normalize, skeleton

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*")
# Calendar words are never toponyms on their own ("in March", "on Monday").
_CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
# Capitalised words that may precede a place name without making it part of a person's name.
_DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
               "upper", "lower", "greater", "northeast", "northwest", "southeast", "southwest", "downtown",
               "occupied", "rural", "metro", "suburban", "coastal", "northeastern", "northwestern",
               "southeastern", "southwestern"}
_ROMAN = re.compile(r"(?:I{2,3}|IV|VI{0,3}|IX|XI{0,3})$")
_NUMBER_AFTER = re.compile(r" [IVX]{1,4}\b")  # Region IV, World War II: a numbered thing, not the place
_OF_NAME_AFTER = re.compile(r" of (?:the )?[A-Z]")
_CONTRACTION = re.compile(r"(?:['’](?:ve|re|ll|d|m|t)|n['’]t)$", re.I)
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$")
_ABBREV = {"st", "mt", "ft", "ste", "pt"}
# Lower-case words that may stand inside a multi-word name (Sea of Azov, Rostov-on-Don, Bosnia and Herzegovina).
_CONNECTORS = {"of", "and", "on", "upon", "de", "del", "la", "le", "du", "des", "da", "do", "al", "el", "the",
               "y", "sur", "am", "an", "der", "di", "al-", "ul"}
_MAX_TOKENS = 7

# Generic words that follow a name and belong to its span ("Karakiyan district"), with the kind they imply.
_TRAILING_GENERIC: list[tuple[tuple[str, ...], str]] = [
    (("international", "airport"), "facility"), (("border", "station"), "facility"),
    (("railway", "station"), "facility"), (("air", "base"), "facility"), (("airbase",), "facility"),
    (("airfield",), "facility"), (("airport",), "facility"),
    (("region",), "region"), (("oblast",), "region"), (("province",), "region"), (("krai",), "region"),
    (("governorate",), "region"), (("state",), "region"),
    (("district",), "district"), (("rayon",), "district"), (("county",), "district"), (("parish",), "district"),
    (("range",), "physical feature"), (("mountains",), "physical feature"), (("river",), "physical feature"),
    (("valley",), "physical feature"),
]
_GENERIC_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _words, _kind in sorted(_TRAILING_GENERIC, key=lambda wk: -len(wk[0])):
    _GENERIC_BY_FIRST.setdefault(_words[0], []).append((_words, _kind))
_PLURAL_GENERIC = {"regions": "region", "oblasts": "region", "provinces": "region", "states": "region",
                   "districts": "district", "counties": "district", "rayons": "district",
                   "villages": "populated place", "towns": "populated place", "cities": "populated place",
                   "settlements": "populated place"}
_PLURAL_BEFORE = re.compile(r"\b(villages|towns|cities|settlements|regions|districts|provinces)\s+(?:of\s+)?$", re.I)
_LEADING_GENERIC = re.compile(r"(?:village|town|city|settlement|district|region|province)\s+of\s+$", re.I)
# What may stand between the items of a list of names, a short parenthesis included: "Ualy (February 18), ".
_LIST_GAP = re.compile(r"^\s*(?:\([^()]{0,40}\))?\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+)$")
# Words after a name that make it part of an organisation's name (Mangistau Region Police Department).
_ORG_WORDS = {"police", "department", "ministry", "committee", "university", "embassy", "airlines", "bank",
              "times", "news", "agency", "service", "services", "council", "court", "club", "army", "government",
              "institute", "academy", "post", "tribune", "herald", "journal", "federation", "party", "office",
              "administration", "prosecutor", "guard", "forces", "navy", "command", "railways", "telegraph",
              "investigative", "security", "defense", "defence", "parliament", "assembly", "company", "corp",
              "group", "fc", "united", "college", "school", "schools", "jail", "fair", "courthouse", "center",
              "centre", "hospital", "inn", "library", "board", "association", "society", "commission", "chamber",
              "authority", "grant", "program", "programme", "foundation", "corporation", "inc", "co", "ltd",
              "museum", "zoo", "airport", "stadium", "league", "conference", "tournament", "festival",
              "orchestra", "symphony", "church", "cathedral", "diocese", "chapter", "union", "council's",
              "hall", "high", "elementary", "middle", "press", "gazette", "daily", "observer", "record",
              "medical", "clinic", "institution", "partnership", "coalition", "alliance", "network"}
# Places that usually stand for an institution (the Kremlin said): marked non-literal and never mapped.
_INSTITUTIONS = {"white house", "kremlin", "pentagon", "downing street", "capitol hill", "elysee", "whitehall",
                 "foggy bottom", "bankova", "zhongnanhai", "wall street", "vatican city", "holy see"}
# Verbs and nouns that make a country or capital stand for its government (metonymy).
_METONYMY_AFTER = re.compile(
    r"\s+(?:has\s+|have\s+|had\s+|also\s+|has\s+also\s+|is\s+|was\s+)?(?:not\s+)?"
    r"(?:said|says|stated|denied|denies|refrained|condemned|condemns|supported|supports|announced|accused|"
    r"urged|claimed|claims|insisted|rejected|responded|warned|hailed|acknowledged|signed|voted|agreed|"
    r"demanded|threatened|vowed|sought|seeks|pledged|called|criticized|criticised|welcomed|recognized|"
    r"recognised|refused|declined|decided|expelled|sanctioned|protested|summoned|imposed|reviewing|"
    r"is\s+conducting|conducting|complies|tried|has\s+tried|dismissed|blamed)\b", re.I)
_METONYMY_BEFORE = re.compile(r"(?:denials?\s+(?:from|by)\s+(?:both\s+)?|condemning\s+|"
                              r"relations\s+with\s+|talks\s+with\s+|sanctions\s+on\s+)$", re.I)
_QUOTE_OPEN = "\"“‘'"
_QUOTE_CLOSE = "\"”’'"
_METAPHOR_BEFORE = re.compile(r"(?:\b(?:a|an|another|own|new|its|their|our)\s+)$", re.I)


class _Token(NamedTuple):
    start: int
    end: int  # end of the core (possessive removed)
    text: str
    possessive: bool
    contraction: bool = False  # We've, didn't: never part of a name


@cache
def _demonym_rows() -> tuple[dict[str, str], ...]:
    with resources.files("mapper").joinpath("data/demonyms.csv").open(encoding="utf-8") as f:
        return tuple(csv.DictReader(f))


@cache
def demonyms() -> dict[str, str]:
    """Demonym and adjective -> ISO country code (Kazakh -> KZ), from ``mapper/data/demonyms.csv``."""
    return {row["demonym"]: row["country"] for row in _demonym_rows()}


@cache
def _demonym_first_words() -> frozenset[str]:
    return frozenset(d.split()[0] for d in demonyms())


@cache
def country_names() -> dict[str, str]:
    """ISO country code -> the country's common English name, for looking a demonym's country up."""
    return {row["country"]: row["country_name"] for row in _demonym_rows()}


@cache
def _expansion_table() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """Abbreviations that stand for a place only as written (W.Va., Calif., U.S.), from a data file."""
    with resources.files("mapper").joinpath("data/abbreviations.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    table = {r["abbreviation"]: (r["name"], r["kind"] if r["kind"] == "region" else "") for r in rows}
    alts = "|".join(re.escape(a) for a in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alts})(?![\w]|\.\w)"), table


def _expansions(article: Article) -> list[Mention]:
    pattern, table = _expansion_table()
    out = []
    for m in pattern.finditer(article.text):
        name, generic = table[m.group()]
        out.append(Mention(article.id, m.start(), m.end(), m.group(), name=name, generic=generic,
                           reason="expansion"))
    return out


def _tokens(text: str) -> list[_Token]:
    out = [_Token(m.start(), m.end(), m.group(), False) for m in _TOKEN.finditer(text)]
    if "'" in text or "’" in text:  # possessives and contractions: the rare tokens with an apostrophe
        for n, tok in enumerate(out):
            t = tok.text
            if "'" not in t and "’" not in t:
                continue
            e = tok.end
            poss = len(t) > 2 and t[-2] in "'’" and t[-1] in "sS"
            if poss:
                e, t = e - 2, t[:-2]
            elif t[-1] in "'’":
                e, t = e - 1, t[:-1]
            out[n] = _Token(tok.start, e, t, poss, bool(_CONTRACTION.search(t)))
    return out


def _starts_name(tok: _Token) -> bool:
    if tok.contraction:
        return False
    c = tok.text[0]
    return c.isupper() or (c.isdigit() and bool(_ORDINAL.match(tok.text)))


def _gap_ok(text: str, a: _Token, b: _Token) -> bool:
    gap = text[a.end:b.start]
    if a.possessive:
        return False
    if gap == " " or gap == "-":
        return True
    return gap == ". " and a.text.lower() in _ABBREV


def _has_prefix(index: NameIndex, key: str) -> bool:
    iterkeys = getattr(index, "iterkeys", None)
    if iterkeys is None:
        return index.has_keys_with_prefix(key)
    return next(iter(iterkeys(key)), None) is not None


def _longest_match(text: str, toks: Sequence[_Token], i: int, index: NameIndex) -> int:
    """Index of the last token of the longest gazetteer name starting at token ``i``, or -1."""
    best = -1
    for j in range(i, min(i + _MAX_TOKENS, len(toks))):
        if j > i and not _gap_ok(text, toks[j - 1], toks[j]):
            break
        key = skeleton(text[toks[i].start:toks[j].end])
        if not key:
            break
        last_ok = _starts_name(toks[j]) or toks[j].text.isdigit()
        if last_ok and key in index:
            best = j
        if not _has_prefix(index, key):
            break
        if not last_ok and toks[j].text.lower() not in _CONNECTORS:
            break
    return best


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 4):start].rstrip(" \"“‘'(")
    return not before or before[-1] in ".!?\n:"


def _trailing_generic(text: str, toks: Sequence[_Token], j: int) -> tuple[int, str]:
    """Extend a name ending at token ``j`` over a generic word that names the place."""
    if j + 1 >= len(toks) or toks[j].possessive:
        return j, ""
    for words, kind in _GENERIC_BY_FIRST.get(toks[j + 1].text.lower(), ()):
        k = j + len(words)
        if k < len(toks) and all(toks[j + n].text.lower() == w and text[toks[j + n - 1].end:toks[j + n].start] == " "
                                 for n, w in enumerate(words, start=1)):
            return k, kind
    return j, ""


def _in_quotes(text: str, start: int, end: int) -> bool:
    return start > 0 and end < len(text) and text[start - 1] in _QUOTE_OPEN and text[end] in _QUOTE_CLOSE


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
    dem = demonyms()
    found: list[Mention] = _expansions(article)
    covered = {c for m in found for c in range(m.start, m.end)}
    i = 0
    starts = [n for n, t in enumerate(toks) if t.text[0].isupper() or t.text[0].isdigit()]
    for i0 in starts:
        if i0 < i:
            continue
        i = i0
        tok = toks[i]
        if not _starts_name(tok) or tok.start in covered:
            i += 1
            continue
        j = _longest_match(text, toks, i, index)
        k = _demonym_at(text, toks, i, dem) if tok.text in _demonym_first_words() else -1
        if k >= j and k >= 0:  # "Kazakh", "Central Asian": an adjective, not the place of that name
            span = text[tok.start:toks[k].end]
            found.append(Mention(article.id, tok.start, toks[k].end, span, name=span, literal=False,
                                 reason="demonym"))
            i = k + 1
            continue
        if j < 0:
            i += 1
            continue
        m, i = _make_mention(article, toks, i, j)
        if m is not None:
            found.append(m)
    found.sort(key=lambda m: m.start)
    found = _drop_person_names(text, found)
    found = _abbreviations(article, toks, found)
    return _distribute_plural_generics(text, found)


def _used_as_place(text: str, name: str) -> bool:
    """Whether some occurrence of ``name`` follows a locative word ("in Sochi")."""
    at = text.find(name)
    while at >= 0:
        if _LOCATIVE.search(text, max(0, at - 20), at):
            return True
        at = text.find(name, at + len(name))
    return False


def _drop_person_names(text: str, found: list[Mention]) -> list[Mention]:
    """A name once used as a person's (surname after a first name) is a person wherever it recurs,
    unless the text also uses it as a place somewhere ("in Sochi")."""
    persons = {m.text for m in found if m.reason == "person"}
    persons = {p for p in persons if not _used_as_place(text, p)}
    return [m for m in found if m.reason != "person" and not (m.text in persons and not m.generic)]


def _demonym_at(text: str, toks: Sequence[_Token], i: int, dem: dict[str, str]) -> int:
    if i + 1 < len(toks) and text[toks[i].end:toks[i + 1].start] == " ":
        two = f"{toks[i].text} {toks[i + 1].text}"
        if two in dem:
            return i + 1
    return i if toks[i].text in dem else -1


def _make_mention(article: Article, toks: Sequence[_Token], i: int, j: int) -> tuple[Mention | None, int]:
    """The mention of the name at tokens ``i..j`` (None when it is not a toponym) and the next token."""
    text = article.text
    start, name_end = toks[i].start, toks[j].end
    name = text[start:name_end]
    k, generic = _trailing_generic(text, toks, j)
    end, nxt = toks[k].end, k + 1
    before = text[max(0, start - 40):start]
    generic = generic or _leading_generic(before)
    if (_bad_tokens(toks, i, j) or _person_context(text, toks, i, j) or _holiday_follows(text, toks, k)
            or _NUMBER_AFTER.match(text, end)):
        return None, nxt
    titled = _title_case(toks, k)
    if i == j and not generic and not titled and _name_precedes(text, toks, i):
        # "Kristina Ripley": kept as a marker so later bare "Ripley" is known to be a person too.
        return Mention(article.id, start, name_end, name, reason="person", literal=False), nxt
    org = _org_ahead(text, toks, k)
    # "Ohio Senate", "Artem Timofeev": part of a longer name; the resolver keeps it only for a major place.
    part = not org and not titled and _name_continues(text, toks, k)
    weak = _word_strength(text, toks, i, j) if i == j and not generic else ""
    if weak is None:
        return None, nxt
    literal, reason = True, "gazetteer"
    if normalize(name) in _INSTITUTIONS:
        literal, reason = False, "institution"
    elif part:
        literal, reason, weak = False, "organisation", "name-part"
    elif org:
        literal, reason = False, "organisation"
    elif _METONYMY_AFTER.match(text, end) or _METONYMY_BEFORE.search(before):
        literal, reason = False, "metonymy"
    elif _in_quotes(text, start, end) and _METAPHOR_BEFORE.search(text[max(0, start - 12):start - 1]):
        literal, reason = False, "metaphor"
    span = text[start:end]
    return Mention(article.id, start, end, span, name=name, generic=generic, literal=literal, reason=reason,
                   weak=weak), nxt


def _leading_generic(before: str) -> str:
    m = _LEADING_GENERIC.search(before)
    if not m:
        return ""
    word = m.group(0).split()[0].lower()
    return "populated place" if word in ("village", "town", "city", "settlement") else word


def _bad_tokens(toks: Sequence[_Token], i: int, j: int) -> bool:
    """Single letters and Roman numerals in a match ("And I" is not Andi, "WW II"), a lone ordinal."""
    if i == j:
        return bool(_ORDINAL.match(toks[i].text)) or len(toks[i].text) == 1
    return any((len(t.text) == 1 and t.text.isalpha()) or _ROMAN.match(t.text) for t in toks[i:j + 1])


def _word_strength(text: str, toks: Sequence[_Token], i: int, j: int) -> str | None:
    """Why a one-word name is doubtful ("" when it is not), or None when it is never a place here."""
    word = toks[i].text
    if word.lower() in _CALENDAR or word.lower() in _DIRECTIONS:
        return None
    if len(word) <= 4 and word[:2].isupper():
        return "acronym"  # TASS, PA, OKs: only a country or region reads this way
    if word.isupper():
        return "allcaps"  # a dateline such as "CHARLESTON, W.Va." needs support from the text
    zipf = word_frequency(word)
    if zipf >= _COMMON_WORD_ZIPF and _OF_NAME_AFTER.match(text, toks[j].end):
        return None  # University of Nebraska, Chamber of Commerce: the word heads a longer name
    if _locative_cue(text, toks[i].start, toks[j].end):
        return ""
    if zipf >= _FUNCTION_WORD_ZIPF:
        return None
    return "common-word" if zipf >= _COMMON_WORD_ZIPF else ""


def _title_case(toks: Sequence[_Token], k: int) -> bool:
    """Inside a headline in title case, a capitalised neighbour says nothing about the name."""
    window = [t.text for t in toks[max(0, k - 4):k + 5] if len(t.text) > 3]
    return len(window) >= 5 and all(w[0].isupper() for w in window)


def _org_ahead(text: str, toks: Sequence[_Token], k: int) -> bool:
    """An organisation word among the next capitalised words: Dublin Arts Council, Russia's Investigative Committee."""
    pos = k
    for _ in range(5):
        if pos + 1 >= len(toks) or text[toks[pos].end:toks[pos + 1].start] not in (" ", "’s ", "'s ", " & "):
            return False
        nxt = toks[pos + 1]
        low = nxt.text.lower()
        if low in _ORG_WORDS and nxt.text[0].isupper():
            return True
        if not (nxt.text[0].isupper() or low in ("of", "for", "and")):
            return False
        pos += 1
    return False


def _holiday_follows(text: str, toks: Sequence[_Token], k: int) -> bool:
    """St. Patrick's Day, Valentine's Day: a saint or person, not a place."""
    return (toks[k].possessive and k + 1 < len(toks)
            and toks[k + 1].text in ("Day", "Eve", "Night", "Cathedral", "Church", "Hospital", "College"))


_LOCATIVE_WORDS = (r"\b(?:in|at|near|from|to|into|outside|across|around|toward|towards|via|of|through|between|"
                   r"north|south|east|west)")
_LOCATIVE = re.compile(_LOCATIVE_WORDS + r"\s+(?:the\s+)?$", re.I)


def _locative_cue(text: str, start: int, end: int) -> bool:
    if _LOCATIVE.search(text[max(0, start - 20):start]):
        return True
    after = text[end:end + 3]
    return after.startswith(", ") and end + 2 < len(text) and text[end + 2].isupper()


_PERSON_TITLES = {"president", "mr", "mrs", "ms", "dr", "general", "gen", "colonel", "col", "minister",
                  "chairman", "spokesperson", "spokesman", "deputy", "senator", "sen", "rep", "judge",
                  "officer", "sgt", "lt", "capt", "governor", "gov", "mayor", "sheriff", "pastor", "rev",
                  "father", "saint"}


def _person_context(text: str, toks: Sequence[_Token], i: int, j: int) -> bool:
    """A name preceded by a person's title (President, Gen.) or "named after" is a person's."""
    if text[max(0, toks[i].start - 12):toks[i].start].lower().endswith("named after "):
        return True
    return i > 0 and toks[i - 1].text.lower() in _PERSON_TITLES and text[toks[i - 1].end:toks[i].start] in (" ", ". ")


def _name_precedes(text: str, toks: Sequence[_Token], i: int) -> bool:
    """A rare capitalised word right before the name (Kristina Ripley): a first name, not a place."""
    if i == 0 or text[toks[i - 1].end:toks[i].start] != " " or toks[i - 1].possessive:
        return False
    prev = toks[i - 1].text
    low = prev.lower()
    return (prev[0].isupper() and not prev.isupper() and low not in _DIRECTIONS and low not in _CALENDAR
            and low not in GENERIC_WORDS and word_frequency(prev) < 4.5)


def _name_continues(text: str, toks: Sequence[_Token], k: int) -> bool:
    """A capitalised word right after the name (Artem Timofeev, Darkhan Daniyarov): a longer proper name."""
    if k + 1 >= len(toks) or text[toks[k].end:toks[k + 1].start] != " " or toks[k].possessive:
        return False
    nxt = toks[k + 1].text
    low = nxt.lower()
    return nxt[0].isupper() and not nxt.isupper() and low not in _ORG_WORDS and low not in GENERIC_WORDS


def _abbreviations(article: Article, toks: Sequence[_Token], found: list[Mention]) -> list[Mention]:
    """``West Kazakhstan Region (WKR)``: the abbreviation refers to the region wherever it is used."""
    text = article.text
    defined: dict[str, Mention] = {}
    for m in found:
        tail = text[m.end:m.end + 12]
        ab = re.match(r"\s\(([A-Z]{2,6})\)", tail)
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


_COMMON_WORD_ZIPF = 4.0  # about once in 10,000 words: Mobile, Reading, Police, Central
_FUNCTION_WORD_ZIPF = 5.5  # The, In, It, Much, May: never a place name without a locative cue


@cache
def word_frequency(name: str) -> float:
    """Zipf frequency of a name as an English word (wordfreq): 0 for rare words, 7 for "the"."""
    from wordfreq import zipf_frequency

    return zipf_frequency(normalize(name), "en")
