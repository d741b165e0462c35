"""Name forms the token scan alone misses: hyphenated compounds, a/o vowel variants, unlisted villages,
dotted abbreviations, abbreviations the text defines, and one plural generic word over a list."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from functools import cache

from mapper import textscan
from mapper.cues import COMMON_WORD_ZIPF, DIRECTIONS, Token, demonym_first_words, expansion_table, word_frequency
from mapper.memo import Remembered
from mapper.model import Article, Mention
from mapper.names import skeleton
from mapper.prefilter import GatedGroup

# Generic words that follow a name and belong to its span ("Karakiyan district"), with the kind they imply.
TRAILING_GENERIC: list[tuple[tuple[str, ...], str]] = [
    (("international", "airport"), "facility"), (("border", "station"), "facility"),
    (("railway", "station"), "facility"), (("air", "base"), "facility"), (("airbase",), "facility"),
    (("air", "station"), "facility"),  # Norwegian and US usage: "the Ørland air station"
    (("airfield",), "facility"), (("airport",), "facility"), (("special", "economic", "zone"), "facility"),
    (("cosmodrome",), "facility"), (("dam",), "facility"),
    (("region",), "region"), (("oblast",), "region"), (("province",), "region"), (("krai",), "region"),
    (("governorate",), "region"), (("voivodeship",), "region"), (("voivodship",), "region"), (("state",), "region"),
    (("canton",), "region"),
    (("prefecture",), "district"),  # Chinese prefectures: "Xinjiang's Aksu prefecture", "the Ili prefecture"
    (("autonomous", "okrug"), "region"),
    (("autonomous", "region"), "region"), (("autonomous", "oblast"), "region"),
    (("district",), "district"), (("rayon",), "district"), (("county",), "district"), (("parish",), "district"),
    (("municipality",), "district"), (("raion",), "district"), (("tumani",), "district"), (("audany",), "district"),
    (("oblysy",), "region"), (("viloyati",), "region"), (("viloyat",), "region"), (("welayaty",), "region"),
    (("velayat",), "region"), (("welayat",), "region"),
    (("range",), "physical feature"), (("mountains",), "physical feature"), (("river",), "physical feature"),
    (("valley",), "physical feature"), (("forest",), "physical feature"),
    (("gorge",), "physical feature"),  # Caucasus valleys: "the Pankisi Gorge", "the Kodori gorge"
    (("estuary",), "physical feature"),  # "the Dniester estuary", "the Dnipro-Bug estuary": the river's mouth
]
_LOWER_ONLY = frozenset({"forest"})  # generic words that join a name only in lower case
_GENERIC_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _words, _kind in sorted(TRAILING_GENERIC, key=lambda wk: -len(wk[0])):
    _GENERIC_BY_FIRST.setdefault(_words[0], []).append((_words, _kind))


# Whether a skeleton key is a name in the gazetteer's index.
Probe = Callable[[str], bool]


def trailing_generic(text: str, toks: Sequence[Token], j: int, is_name: Probe | None = None,
                     start: int = -1) -> tuple[int, str]:
    """Extend a name ending at token ``j`` over a generic word that names the place; with ``is_name`` and the
    name's ``start``, over ``NAME_ONLY_GENERICS`` words too where the gazetteer has the whole ("the Qosh Tepa
    canal")."""
    if j + 1 >= len(toks) or toks[j].possessive:
        return j, ""
    for words, kind in _GENERIC_BY_FIRST.get(toks[j + 1].text.lower(), ()):
        if words[0] in _LOWER_ONLY and toks[j + 1].text != words[0]:
            continue  # "the Białowieża forest"; not the "Texas Forest Service"
        k = j + len(words)
        if k < len(toks) and all(toks[j + n].text.lower() == w and text[toks[j + n - 1].end:toks[j + n].start] == " "
                                 for n, w in enumerate(words, start=1)):
            return k, kind
    k = name_only_end(text, toks, j, is_name, start) if is_name is not None else -1
    return (k, name_only_kind(toks[k].text)) if k > j else (j, "")


_OPEN_QUOTE = re.compile(r"(?:^|[\s(])['‘][^'’\n]*$")


def soft_sign_end(text: str, start: int, end: int) -> int:
    """The end of a romanised generic word with its soft sign ("Saratov Oblast'", "Samarskaya oblast’"), where
    the apostrophe closes the word: not "the oblast's governor", nor a quote that opened before ``start``."""
    if text[end:end + 1] in ("'", "’") and text[max(0, end - 6):end].lower() == "oblast" \
            and not text[end + 1:end + 2].isalnum() and not _OPEN_QUOTE.search(text, max(0, start - 200), start):
        return end + 1
    return end


def name_only_end(text: str, toks: Sequence[Token], j: int, is_name: Probe, start: int) -> int:
    """The last of up to three ``NAME_ONLY_GENERICS`` words after token ``j`` that the gazetteer names with the
    text from ``start`` ("the Zaporizhzhia nuclear power plant"), longest first, or -1."""
    k = j
    while k + 1 < len(toks) and k < j + 3 and toks[k + 1].text.lower() in NAME_ONLY_GENERICS \
            and text[toks[k].end:toks[k + 1].start] == " " and not toks[k].possessive:
        k += 1
    if k == j:  # (most names: no such word follows)
        return -1
    return next((e for e in range(k, j, -1) if is_name(skeleton(text[start:toks[e].end]))), -1)


_PLURAL_GENERIC = {"regions": "region", "oblasts": "region", "provinces": "region", "states": "region",
                   "velayats": "region", "welayats": "region",
                   "districts": "district", "counties": "district", "rayons": "district", "raions": "district",
                   "villages": "populated place", "towns": "populated place", "cities": "populated place",
                   "settlements": "populated place", "rivers": "physical feature"}
_PLURAL_BEFORE = re.compile(r"\b(villages|towns|cities|settlements|regions|districts|provinces)\s+(?:of\s+)?$", re.I)
# What may stand between the items of a list of names, a short parenthesis included: "Ualy (February 18), ".
_LIST_GAP = re.compile(r"^\s*(?:\([^()]{0,40}\))?\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+)$")


@cache
def scans() -> GatedGroup:
    """The abbreviations that stand for a place (``expansion_table``) and "the village of X": one
    Aho-Corasick pass over a text finds where their matches may start."""
    return GatedGroup([expansion_table()[0], _UNLISTED])


# their words are looked for in the one pass of ``mapper.textscan`` over an article's lowered text
textscan.register("abbreviations", lambda: ((w, w) for w in scans().words), lowered=True)


def scanned(text: str) -> list[Iterator[re.Match[str]]]:
    """``scans().finditers(text)``: the expansions' and "the village of" matches."""
    return scans().finditers(text, textscan.lowered_hits(text, "abbreviations"))


def expansions(article: Article, matches: Iterable[re.Match[str]]) -> list[Mention]:
    """A mention per dotted abbreviation (W.Va., Calif.) in ``matches``, the expansion pattern's hits in the
    article's text, named as the place it stands for."""
    table = expansion_table()[1]
    out = []
    for m in matches:
        name, generic = table[m.group()]
        out.append(Mention(article.id, m.start(), m.end(), m.group(), name=name, generic=generic,
                           reason="expansion"))
    return out


def named_with_generic(article: Article, toks: Sequence[Token], i: int, is_name: Probe) -> Mention | None:
    """"Begishevo airport", "Shaykovka airfield": a rare word the gazetteer names only with its generic word."""
    k, kind = trailing_generic(article.text, toks, i)
    tok = toks[i]
    if k == i or tok.possessive or word_frequency(tok.text) >= COMMON_WORD_ZIPF \
            or not is_name(skeleton(article.text[tok.start:toks[k].end])):
        return None
    return Mention(article.id, tok.start, toks[k].end, article.text[tok.start:toks[k].end], name=tok.text,
                   generic=kind)


# "the Kazansky station", "the Crimean bridge": words the gazetteer names with a generic word that joins no
# other name ("a compressor station", "a bridge over the Oskil"), so it joins only where the two are one name;
# so for the works energy and war news name after a town ("the Kakhovka reservoir", "the Qosh Tepa canal",
# "the Zaporizhzhia nuclear power plant"): US local news says "the New Concord reservoir" of a town's.
# Landform words written in lower case after a name ("the Taman peninsula", "the Danube delta", "the Ustyurt
# plateau", "the Kerch strait") join it on the same terms: a physical feature where the gazetteer has the whole.
LANDFORM_GENERICS = frozenset({"peninsula", "delta", "plateau", "strait", "spit", "lagoon", "bay", "gulf"})
# ("the Obuz-Lesnovsky training ground", "the Sary-Shagan test site": military ranges named in full)
NAME_ONLY_GENERICS = frozenset({"station", "bridge", "reservoir", "canal", "corridor", "nuclear", "thermal",
                                "hydropower", "power", "plant", "training", "ground", "test", "site",
                                "proving", "pass"}) | LANDFORM_GENERICS


ARTICLE_WORDS = frozenset({"A", "An", "The"})


def name_only_kind(word: str) -> str:
    """The kind a ``NAME_ONLY_GENERICS`` word gives the name it ends."""
    return "physical feature" if word.lower() in LANDFORM_GENERICS else "facility"


def named_with_word(article: Article, toks: Sequence[Token], i: int, is_name: Probe) -> Mention | None:
    """A one-word name (or adjective) whose next words, of ``NAME_ONLY_GENERICS``, the gazetteer names with it."""
    if i + 1 >= len(toks) or toks[i].possessive or toks[i].text in ARTICLE_WORDS:
        return None  # "A bridge over the Dniester" at a sentence's start is no "Abridge"
    tok = toks[i]
    k = name_only_end(article.text, toks, i, is_name, tok.start)
    if k < 0:
        return None
    span = article.text[tok.start:toks[k].end]
    return Mention(article.id, tok.start, toks[k].end, span, name=tok.text, generic=name_only_kind(toks[k].text))


# "a Baku-based analyst", "Kazakhstan-bound migrants": the place where someone is or goes; "Moscow-backed",
# "Kremlin-led": a government acting, so a metonymy.
_AFTER_NAME = re.compile(r"([A-Z][\w.]*)\s$")
# Capitalised function words at a sentence's start, no first name before a hyphenated pair ("The Kyiv-Warsaw train")
_SENTENCE_OPENERS = ARTICLE_WORDS | {"This", "That", "These", "Those", "Its", "His", "Her", "Their", "Our", "Every"}
_WHERE_SUFFIX = {"based", "bound", "born", "registered", "headquartered", "made", "built", "flagged"}
_ACTOR_SUFFIX = {"backed", "led", "controlled", "allied", "aligned", "funded", "sponsored", "installed",
                 "appointed", "friendly", "imposed", "brokered"}


# Words that end an outlet's or firm's name after a place and a hyphen ("Asia-Plus", "Sputnik-Media")
_BRAND_TAILS = frozenset({"plus", "press", "news", "info", "inform", "media", "express", "online", "tv", "today",
                          "times", "invest", "trans", "service", "group", "bank"})
_ROUTE_AFTER = re.compile(r"\s+(?:border\s+)?(?:crossings?|checkpoints?|flights?|routes?|roads?|highway|motorway|"
                          r"railway|rail|line|pipeline|corridor|bridge|trains?|ferry|ferries)\b")


def hyphen_compound(article: Article, tok: Token, is_name: Probe, dem: Collection[str]) -> list[Mention]:
    """The place before "-based", "-bound", "-backed" in a token no gazetteer name covers whole."""
    head, _, suffix = tok.text.rpartition("-")
    if suffix[:1].isupper():  # "the Dostyk-Alashankou crossing", "Moscow-Minsk flights": two places
        before = _AFTER_NAME.search(article.text, max(0, tok.start - 30), tok.start)
        if before and before.group(1) not in _SENTENCE_OPENERS:
            return []  # "Nina Webb-Lawton", "Rose Dominican Hospital-Siena": a person's or a firm's name
        if head.lower() in DIRECTIONS and suffix.lower() in DIRECTIONS:
            return []  # "the North-South route", "East-West trade": two bearings, no places
        if suffix.lower() in _BRAND_TAILS:
            return []  # "Asia-Plus", "Kazakhstan-Inform": an outlet or firm, no pair of places
        # "the Baku-Tbilisi-Ceyhan pipeline": a chain of three, each a name and capitalised
        parts = tok.text.split("-")
        if len(parts) > 3 or any(not p[:1].isupper() or p in dem or not is_name(skeleton(p)) for p in parts):
            return []
        # "the Dostyk-Alashankou crossing", "the Tashkent-Samarkand railway": a route says both are places,
        # as a locative word would
        weak = "cued" if _ROUTE_AFTER.match(article.text, tok.end) else ""
        found, at = [], tok.start
        for p in parts:
            found.append(Mention(article.id, at, at + len(p), p, reason="gazetteer", weak=weak))
            at += len(p) + 1
        return found
    suffix = suffix.lower()
    if not head or head in dem or (suffix not in _WHERE_SUFFIX and suffix not in _ACTOR_SUFFIX) \
            or not is_name(skeleton(head)):
        return []
    literal = suffix in _WHERE_SUFFIX
    return [Mention(article.id, tok.start, tok.start + len(head), head, literal=literal,
                    reason="gazetteer" if literal else "metonymy")]


# Generic words of the former Soviet south after which a name may be a Russian-style romanisation of a Tajik
# or Uzbek one: Russian "a" where GeoNames writes "o" (Darvaz, Shugnan for Darvoz, Shughnon).
VOWEL_GENERICS = {"district", "rayon", "raion", "tumani", "region", "oblast"}


def vowel_variant(article: Article, toks: Sequence[Token], i: int, is_name: Probe) -> list[Mention]:
    """"the Darvaz district": the name with some "a" read as "o" (or back) when that is a gazetteer name."""
    k, kind = trailing_generic(article.text, toks, i)
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


# "near Gaigalava, a village in the Rezekne municipality": the apposition says the name is a settlement's
_UNLISTED_APPOSED = re.compile(r"\b([A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+)?),\s+an?\s+(?:[a-z]+\s+){0,2}?"
                               r"(?:village|settlement|hamlet|aul)\s+(?:in|of|near)\s")


# "fire near Kok-Tash in the Batken region": a name placed in a named region or district by a locative
_UNLISTED_PLACED = re.compile(r"\b(?:near|outside|in|around)\s+([A-Z][\w’'-]+(?:-[A-Z][\w’'-]+)?)\s+in\s+(?:the\s+)?"
                              r"[A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+)?\s+(?:region|district|oblast|province)\b")


def unlisted_villages(article: Article, found: Sequence[Mention], hits: Iterable[re.Match[str]]) -> list[Mention]:
    """"the village of Kos-Istek", "Gaigalava, a village in the X district", "near Kok-Tash in the Batken
    region": a mention of the settlement named, unless one already found overlaps it; ``hits`` are the matches
    of ``_UNLISTED`` in the text."""
    taken = [(m.start, m.end) for m in found]
    out = []
    text = article.text
    apposed = [h for h in _UNLISTED_APPOSED.finditer(text) if word_frequency(h.group(1)) < COMMON_WORD_ZIPF] if (
        "village" in text or "settlement" in text or "hamlet" in text or " aul " in text) else []
    if " region" in text or " district" in text or " oblast" in text or " province" in text:
        apposed += [h for h in _UNLISTED_PLACED.finditer(text) if word_frequency(h.group(1)) < COMMON_WORD_ZIPF]
    for hit in [*hits, *apposed]:
        start, end = hit.span(1)
        if not any(s < end and start < e for s, e in taken):
            out.append(Mention(article.id, start, end, hit.group(1), generic="populated place", reason="unlisted"))
    return out


_ABBREVIATION_DEFINED = re.compile(r"(?:\s\(|,\s+or\s+)([A-Z]{2,6})(?:\)|(?=[,;.]))")


def abbreviations(article: Article, toks: Sequence[Token], found: list[Mention]) -> list[Mention]:
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


def distribute_plural_generics(text: str, found: list[Mention]) -> list[Mention]:
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


# "Krasnopilska hromada", "the Velykopysarivska community", "Velykopysarivska, Krasnopilska and Seredyno-Budska
# hromadas": a Ukrainian community is named by an adjective of its centre; "the Kropotkinskaya pumping station",
# "the Novoshakhtinsky refinery", "the Syzransky and Novokuibyshevsky refineries": a Russian facility by one of
# the town it stands at.
_HROMADA_AFTER = re.compile(r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)[A-Z][\w’'-]*sk[ai]\b)*\s+(?:(?:urban|rural|village|"
                            r"settlement|territorial)\s+)*(?:hromadas?|communit(?:y|ies))\b")
_FACILITY_AFTER = re.compile(r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)[A-Z][\w’'-]*sk(?:aya|aia|oye|oe|iy|ii|y)\b)*"
                             r"\s+(?:(?:oil|gas|fuel|crude)\s+)?(?:(?:pumping|compressor|power|electric|thermal|"
                             r"hydroelectric)\s+)*(?:stations?|substations?|refiner(?:y|ies)|depots?|power\s+plants?|"
                             r"plants?|terminals?)\b")
_UA_ADJECTIVE = re.compile(r"ska$")
_RU_ADJECTIVE = re.compile(r"sk(?:aya|aia|oye|oe|iy|ii|y)$")
# Adjective stems of a first word, with the words they come from ("Velyko-" from "Velyka", "Velykyi").
_PREFIXES = {"velyko": ("velyka ", "velykyi ", "velyke "), "malo": ("mala ", "malyi ", "male "),
             "staro": ("stara ", "staryi ", "stare "), "novo": ("novo", "nova ", "novyi ", "nove "),
             "verkhnyo": ("verkhnia ", "verkhnii "), "nyzhnyo": ("nyzhnia ", "nyzhnii ")}
_ENDINGS = ("", "a", "ka", "ia", "y", "i", "e", "k", "s", "o")


def _stem_names(stem: str) -> list[str]:
    """Names a Slavic adjective stem may come from: "Krasnopil" Krasnopillia, "Seredyno-Bud" Seredyna-Buda."""
    head, dash, tail = stem.rpartition("-")
    heads = [head[:-1] + "a" + dash, head + dash] if head.endswith("o") else [head + dash]
    if not head:
        heads = [""]
        for prefix, words in _PREFIXES.items():
            if stem.lower().startswith(prefix) and len(stem) > len(prefix) + 3:
                heads, tail = list(words), stem[len(prefix):]
                break
    # the longer forms first: "Krasnopil" is a hamlet's name too, where the community is Krasnopillia's
    ends = ([tail + "lia"] if tail.endswith("l") else []) + [tail + "sk"] \
        + ([tail[:-2] + "a"] if tail.endswith(("yn", "in")) else []) + ([tail + "sia"] if tail.endswith("t") else []) \
        + [tail + e for e in _ENDINGS]
    return [h + e for h in heads for e in ends]


def adjective_name(article: Article, tok: Token, is_name: Probe) -> Mention | None:
    """A community or facility named by an adjective of its place, read as that place."""
    word = tok.text
    ua, ru = _UA_ADJECTIVE.search(word), _RU_ADJECTIVE.search(word)
    if ua and _HROMADA_AFTER.match(article.text, tok.end):
        stem = word[:ua.start()]
    elif ru and _FACILITY_AFTER.match(article.text, tok.end):
        stem = word[:ru.start()]
    else:
        return None
    if len(stem) < 3:
        return None
    for name in _stem_names(stem):
        if is_name(skeleton(name)):
            return Mention(article.id, tok.start, tok.end, word, name=name.title() if name.islower() else name,
                           generic="populated place", reason="adjective")
    return None


# What a word's own text allows, for the recogniser to skip the checks it rules out: it may be a Slavic
# adjective (``adjective_name``), start a demonym, hold a hyphen; as the next word, it may start a trailing
# generic word, be one of ``NAME_ONLY_GENERICS`` or of ``VOWEL_GENERICS``.
ADJECTIVE, DEMONYM_START, HYPHEN, GENERIC_START, NAME_ONLY, VOWEL_GENERIC = 1, 2, 4, 8, 16, 32


def _word_flags(word: str) -> int:
    """The flags above of a token's text."""
    low = word.lower()
    uncapped = word.title() if len(word) > 2 and word.isupper() else word  # as a headline's KAZAKH is Kazakh
    return ((ADJECTIVE if _UA_ADJECTIVE.search(word) or _RU_ADJECTIVE.search(word) else 0)
            | (DEMONYM_START if uncapped in demonym_first_words() else 0) | (HYPHEN if "-" in word else 0)
            | (GENERIC_START if low in _GENERIC_BY_FIRST else 0) | (NAME_ONLY if low in NAME_ONLY_GENERICS else 0)
            | (VOWEL_GENERIC if word in VOWEL_GENERICS else 0))


#: The flags of a token's text, remembered (a remembered answer is a plain dict look-up).
word_flags: Callable[[str], int] = Remembered(_word_flags).__getitem__
