"""Cues around a name in text: demonyms, dotted abbreviations, non-literal uses, organisations, common words.

The recogniser (``mapper.toponyms``) asks these questions of each name it matches in the gazetteer; the
locative words are in ``mapper.locatives``, the person-name cues in ``mapper.person_cues``.
"""

from __future__ import annotations

import calendar
import csv
import re
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from typing import NamedTuple

from mapper import textscan
from mapper.locatives import (
    ATTACK_PARTICIPLES,
    held_by,
    included,
    listed_after_locative,
    locative_cue,
    strong_locative,
)
from mapper.names import GENERIC_WORDS, normalize
from mapper.prefilter import Ending
from mapper.words import zipf

# Calendar words are never toponyms on their own ("in March", "on Monday").
CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
# Capitalised words that may precede a place name without making it part of a person's name.
DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
              "upper", "lower", "greater", "northeast", "northwest", "southeast", "southwest", "downtown",
              "occupied", "rural", "metro", "suburban", "coastal", "northeastern", "northwestern",
              "southeastern", "southwestern"}
_ROMAN = re.compile(r"(?:I{2,3}|IV|VI{0,3}|IX|XI{0,3})$")
NUMBER_AFTER = re.compile(r" [IVX]{1,4}\b")  # Region IV, World War II: a numbered thing, not the place
# "Wichita Street", "Dublin Road", "Washington Drive": a street named after a place is not that place.
# Highway, Turnpike and Court are left out: "Florida Highway Patrol", "Meigs County Court" name the place.
STREET_AFTER = re.compile(r" (?:(?:Street|Avenue|Road|Drive|Boulevard|Lane|Parkway)\b|(?:St|Ave|Rd|Blvd)\.(?! [A-Z]))")
# "West Nile virus", "Rift Valley fever", "Lyme disease", "Marburg virus": a disease named after a place
# (news on epidemics). "flu" is left out: "the United States flu season" names the country.
DISEASE_AFTER = re.compile(r"(?:-like)?\s+(?:virus(?:es)?|fever|disease|encephalitis)\b", re.IGNORECASE)
# "the Druzhba pipeline", "the Nord Stream pipeline": a pipeline's own name (a route's ends, "the Samara-Atyrau
# pipeline", are places: the caller keeps a name joined by a hyphen)
PIPELINE_AFTER = re.compile(r"\s+(?:(?:oil|gas|crude|export)\s+)?pipelines?\b", re.IGNORECASE)
# "keeps its Tornado jets", "Patriot missiles", "Tomahawk missiles": a weapon's model named like a town
# "the Vostok group took Uspenovka", "the Wagner group": a force or firm named like a place (Russian groups of
# forces are named Vostok, Zapad, Tsentr, Yug, Sever, Dnepr); "the Cambridge group of the society" is its town's
# "the Azov brigade", "the Aidar battalion", "the Azov Regiment": a military unit named after a place
FORCE_GROUP_AFTER = re.compile(r"\s+(?:group(?:ing)?\b(?!\s+of\s+(?!forces\b|troops\b))"
                               r"|(?i:battalion|brigade|regiment)s?\b)")
# Soviet and Russian word names ("dawn", "victory", "east", "north", "peace", "motherland", "glory") that name
# plants, airlines, banks' cards, units and parties more often than the villages called so: as common words
SOVIET_WORD_NAMES = frozenset({"zarya", "pobeda", "vostok", "sever", "mir", "rodina", "slava", "rassvet", "znamya",
                               "iskra", "avangard", "progress", "zvezda", "raduga", "salyut", "yug", "zapad",
                               "tsentr"})
WEAPON_AFTER = re.compile(r"\s+(?:fighter\s+)?(?:jets|fighters|bombers|warplanes|missiles|interceptors)\b")
_OF_NAME_AFTER = re.compile(r" of (?:the )?[A-Z]")
# "Federal police said", "National Guard troops": a word naming a level of government before the body it
# qualifies is an adjective, never a place (Distrito Federal is called "Federal" too)
_LEVEL_WORD = frozenset({"federal", "national", "state", "provincial", "municipal", "regional", "royal"})
_BODY_AFTER = re.compile(r"\s+(?:police|prosecutors?|authorities|agents|officers|troops|guard|investigators)\b",
                         re.I)
# A dateline after a capitalised place at the head of a line: "KYIV (Reuters) -", "ALMATY, Kazakhstan —".
# "Grozny, a city of 300,000 people", "Lida, a small town near the border": the text says what the name is
# "Kok-Tash, a Kyrgyz village where", "Vorukh, the Tajik exclave": a national adjective says whose (``typed_country``)
_TYPED_AFTER = re.compile(r",\s+(?:a|an|the)\s+((?:(?:[a-z][\w-]*|[A-Z][a-z]+)\s+){0,3}?)(?:town|city|village|"
                          r"settlement|port|hamlet|suburb|exclave|enclave|regional\s+(?:capital|cent(?:re|er)))"
                          r"(?:\s+of\b|[,.;]|\s+(?:with|"
                          r"in|on|near|north|south|east|west|some|about|close|just|that|which|where|of)\b)")
_DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][\w.’' ]{1,30})?\s*(?:\([A-Z][\w ]{1,20}\)\s*)?[—–-]\s")
_LONG_WORD = re.compile(r"\b[^\W\d_]{4,}\b")
CONTRACTION = re.compile(r"(?:['’](?:ve|re|ll|d|m|t)|n['’]t)$", re.I)
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$")
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
              "medical", "clinic", "institution", "partnership", "coalition", "alliance", "network", "staff"}
# Places that usually stand for an institution (the Kremlin said): marked non-literal and never mapped.
INSTITUTIONS = {"white house", "kremlin", "pentagon", "downing street", "capitol hill", "elysee", "whitehall",
                 "foggy bottom", "bankova", "zhongnanhai", "wall street", "vatican city", "holy see"}
# Verbs and nouns that make a country or capital stand for its government (metonymy).
METONYMY_AFTER = re.compile(
    r"\s+[\"“]?(?:has\s+|have\s+|had\s+|also\s+|has\s+also\s+|is\s+|was\s+)?(?:not\s+)?"
    # a modal and a verb of saying, deciding or trusting: "Kyiv could not be trusted", "Moscow will respond"
    r"(?:(?:could|would|will|must|should|cannot|can|won['’]t|wouldn['’]t)\s+(?:not\s+|never\s+)?"
    r"(?:be\s+trusted|trust|agree|accept|reject|recogni[sz]e|retaliate|negotiate|decide|refuse)\b|"
    r"(?:interested|unwilling|willing|determined)\s+(?:in|to)|"
    # "Kyiv does not comment on most attacks", "Moscow did not confirm"
    r"(?:does|do|did)(?:\s+not|n['’]t)\s+(?:usually\s+|often\s+)?(?:comment|confirm|acknowledge|disclose)|"
    r"comments|commented|"
    r"accuses|warns|urges|insists|rejects|announces|agrees|decides|argued|argues|retaliated|"
    r"said|says|stated|denied|denies|refrained|condemned|condemns|supported|supports|announced|accused|"
    r"urged|claimed|claims|insisted|rejected|responded|warned|hailed|acknowledged|signed|voted|agreed|"
    r"demanded|threatened|vowed|sought|seeks|pledged|called|criticized|criticised|welcomed|recognized|"
    r"recognised|refused|declined|decided|expelled|sanctioned|protested|summoned|imposed|reviewing|"
    r"is\s+conducting|conducting|complies|tried|has\s+tried|dismissed|blamed|"
    # a government's rules: "Kazakhstan Tightens Rules For Migrant Workers", "Russia banned the imports"
    r"tightens|tightened|bans|banned|restricts|restricted|suspends|suspended|"
    # a side of a match: "The Rockies beat the Giants 5-3", "Kazakhstan defeated Uzbekistan"
    r"beat|defeated)\b", re.I)
# "The governor of Astrakhan said": the governor speaks; the place stays a location.
HEAD_OF = re.compile(r"\bof\s+(?:the\s+)?$")
METONYMY_BEFORE = re.compile(r"(?:denials?\s+(?:from|by)\s+(?:both\s+)?|condemning\s+|"
                              r"relations\s+with\s+|talks\s+with\s+|sanctions\s+on\s+)$", re.I)
# The government is the one accused, urged, warned or asked ("accused Moscow of", "urged Kyiv to", "asked
# Moscow for an explanation"): the name is the verb's object, followed by what it is accused of or urged
# to do (not "asks Ohio court"). A government forced or prompted to act is one too ("forcing Moscow to
# restrict petrol exports").
_OBJECT_OF = re.compile(r"\b(?:accus|urg|warn|blam|criticis|criticiz|condemn|ask|press|forc|prompt)(?:ed|es|ing|e|s)?"
                        r"\s+$"
                        r"|\bcall(?:ed|s|ing)?\s+on\s+$", re.I)
_OBJECT_THEN = re.compile(r"\s+(?:of|to|for|against|over|not)\b")
# The words those two end with (then whitespace): only a window ending so is searched.
_METONYMY_BEFORE = Ending(METONYMY_BEFORE, ("from", "by", "both", "condemning", "with", "on"))
_OBJECT_OF_ENDING = Ending(_OBJECT_OF, [stem + end for stem in ("accus", "urg", "warn", "blam", "criticis", "criticiz",
                                                                "condemn", "ask", "press", "forc", "prompt")
                                        for end in ("ed", "es", "ing", "e", "s", "")] + ["on"])


def metonymy_before(text: str, before: str, end: int) -> bool:
    """What precedes the name makes it a government: "denials from Moscow", "accused Kyiv of"."""
    return _METONYMY_BEFORE.search(before) or bool(_OBJECT_THEN.match(text, end) and _OBJECT_OF_ENDING.search(before))
# A country's or capital's organ after its possessive ("Ukraine's military said", "Russia's foreign
# ministry", "Russia's war"): the state acts, the name is no location ("Russia's Kursk region" is, and so is
# "Germany's Schleswig-Holstein saw drones": only lower-case words or an acronym between: "Ukraine's SBU security
# service").
POSSESSIVE_ORGAN = re.compile(
    r"['’]s\s+(?:(?-i:[a-z][a-z-]*|[A-Z]{2,5})\s+){0,2}?(?:military|army|navy|government|ministry|president|parliament|authorities|"
    r"embassy|intelligence|armed\s+forces|air\s+force|general\s+staff|border\s+guards?|security\s+service|"
    r"leadership|war|invasion|counteroffensive|counter-offensive|"
    # its forces, weapons and envoys: "Ukraine's drones flew", "Washington's envoy", "Russia's troops"
    r"drones|missiles|troops|forces|soldiers|envoys?|ambassadors?|diplomats?|"
    # its agencies: "Kazakhstan's central bank kept", "Uzbekistan's border committee blamed", "customs service"
    r"central\s+bank|committee|service|agency)\b", re.I)
_QUOTE_OPEN = "\"“‘'"
_QUOTE_CLOSE = "\"”’'"
# before a quoted name: "a 'Pearl Harbor'", "their own 'Chernobyl'", "the country's 'Pearl Harbor'"
METAPHOR_BEFORE = re.compile(r"(?:\b(?:a|an|another|own|new|its|their|our)\s+|\w['’]s\s+)$", re.I)


class Token(NamedTuple):
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
def demonym_first_words() -> frozenset[str]:
    """The first word of every demonym (Kazakh, Central): where a demonym may start."""
    return frozenset(d.split()[0] for d in demonyms())


_CAPITALISED = re.compile(r"[A-Z][a-z]+")


# The demonyms' first words that are capitalised runs (Kazakh, Central), looked for in one pass over a text.
textscan.register("demonym words", lambda: ((w, len(w)) for w in demonym_first_words() if _CAPITALISED.fullmatch(w)))


def demonym_word_starts(text: str) -> list[int]:
    """Where ``_CAPITALISED.findall(text)`` holds the first word of a demonym, in text order: an
    occurrence of the word not followed by a lower-case letter.

    >>> demonym_word_starts("Kazakh officials"), demonym_word_starts("Kazakhstan said"), demonym_word_starts("no")
    ([0], [], [])
    """
    starts = []
    for end, size in textscan.hits(text, "demonym words"):
        after = text[end + 1:end + 2]
        if not ("a" <= after <= "z"):  # "" at the end of the text
            starts.append(end + 1 - size)
    return sorted(starts)  # (capitalised runs do not overlap: already in order)


@cache
def demonym_places() -> dict[str, str]:
    """Demonym -> the name of the place it stands for: its country (Kazakh -> Kazakhstan), or for a
    people of a republic or region, that region (Dagestani -> Dagestan, Gagauz -> Gagauzia)."""
    return {row["demonym"]: row["country_name"] for row in _demonym_rows()}


@cache
def expansion_table() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """Abbreviations that stand for a place only as written (W.Va., Calif., U.S.), from a data file."""
    with resources.files("mapper").joinpath("data/abbreviations.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    table = {r["abbreviation"]: (r["name"], r["kind"] if r["kind"] == "region" else "") for r in rows}
    alts = "|".join(re.escape(a) for a in sorted(table, key=len, reverse=True))
    # The first-letter lookahead lets the scan skip most positions without trying every alternative.
    first = "".join(sorted({re.escape(a[0]) for a in table}))
    return re.compile(rf"(?=[{first}])(?<![\w.])(?:{alts})(?![\w]|\.\w)"), table


def in_quotes(text: str, start: int, end: int) -> bool:
    """The span ``start:end`` stands right inside quotation marks ("their own 'Chernobyl'")."""
    return start > 0 and end < len(text) and text[start - 1] in _QUOTE_OPEN and text[end] in _QUOTE_CLOSE


# Month names: "October 6" or "9 May" is a date, whatever town GeoNames also calls so (Egypt's 6th of October City)
_MONTH_NAMES = frozenset(calendar.month_name[1:]) | frozenset(calendar.month_abbr[1:]) | {"Sept"}


def bad_tokens(toks: Sequence[Token], i: int, j: int) -> bool:
    """Single letters and Roman numerals in a match ("And I" is not Andi, "WW II"), a lone ordinal, a date
    ("October 6", "6 October")."""
    if i == j:
        word = toks[i].text
        return len(word) == 1 or (word[0].isdigit() and bool(ORDINAL.match(word)))
    if j == i + 1 and {toks[i].text, toks[j].text} & _MONTH_NAMES and (toks[i].text[0].isdigit()
                                                                       or toks[j].text[0].isdigit()):
        return True
    return any((len(t.text) == 1 and t.text.isalpha()) or _ROMAN.match(t.text) for t in toks[i:j + 1])


# "the Dostyk crossing", "the Farap checkpoint": a border crossing is named after the place it stands at,
# as "at Dostyk" would say; "the Sokh exclave", "the Vorukh enclave" name the place itself
_CROSSING_AFTER = re.compile(r"\s+(?:border\s+)?(?:crossings?|checkpoints?|crossing\s+points?)\b|\s+border\s+posts?\b"
                             r"|\s+(?:ex|en)claves?\b")
# "the Burshtyn and Ladyzhyn thermal power plants", "the Kstovo refinery": a plant is named after its town
_PLANT_AFTER = re.compile(r"(?:\s+and\s+[A-Z][\w’'-]+)?\s+(?:(?:thermal|hydroelectric|nuclear|coal-fired|oil|gas|"
                          r"fuel)\s+)?(?:power\s+plants?|power\s+stations?|refiner(?:y|ies)|(?:oil\s+)?depots?)\b")
# "Kerch was hit by drones", "Sudzha came under fire": what an attack hits is a place, subject or object
_ATTACKED_AFTER = re.compile(r"\s+(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:again\s+|also\s+|"
                             rf"repeatedly\s+|heavily\s+|once\s+again\s+)?(?:{ATTACK_PARTICIPLES})|"
                             r"(?:came|comes|come|is|was|remains?|remained)\s+under\s+"
                             r"(?:\w+\s+)?(?:attack|fire|shelling|bombardment))\b")


# "Grozny's mayor said", "Oral's residents": a mayor, a town's residents or outskirts belong to a place
_TOWN_OFFICE_AFTER = re.compile(r"['’]s\s+(?:(?:acting\s+|deputy\s+)?mayor|city\s+(?:council|hall|administration)|"
                                r"residents|inhabitants|outskirts|suburbs|airport|railway\s+station)\b")


def _sentence_start(text: str, start: int) -> bool:
    """Nothing but quotes or a bracket between the end of the previous sentence (or the text) and ``start``."""
    before = text[max(0, start - 4):start].rstrip(" \"“‘'(")
    return not before or before[-1] in ".!?\n"


def _line_head(text: str, start: int) -> bool:
    """Nothing but spaces between the start of the line (or text) and ``start``."""
    k = start - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] in "\r\n"


def caps_strength(text: str, toks: Sequence[Token], i: int, j: int) -> str:
    """Why a name of several words all in capitals is doubtful: in an all-caps headline ("STRANDED AT
    KAZAKH BORDER AS QUEUES GROW") any run of words may spell some village's name, so it needs support
    from the text, as a one-word name in capitals does; a dateline ("NEW YORK (Reuters)", "Headline. EAST
    HAMPTON —") needs none."""
    if j == i or not all(t.text.isupper() for t in toks[i:j + 1]):
        return ""
    start, end = toks[i].start, toks[j].end
    dateline = (_line_head(text, start) or _sentence_start(text, start)) and _DATELINE_AFTER.match(text, end)
    return "cued" if dateline else "allcaps"


def word_strength(text: str, toks: Sequence[Token], i: int, j: int) -> str | None:
    """Why a one-word name is doubtful ("" when it is not), or None when it is never a place here."""
    word = toks[i].text
    low = word.lower()
    if low in CALENDAR or low in DIRECTIONS:
        return None
    start, end = toks[i].start, toks[j].end
    if word.isupper() and _line_head(text, start) and _DATELINE_AFTER.match(text, end):
        return "cued"  # a dateline names the place the report comes from, as "in Kyiv" would
    if typed_after(text, end) or (text.startswith(("'", "’"), end) and _TOWN_OFFICE_AFTER.match(text, end)):
        return "cued"
    if len(word) <= 4 and word[:2].isupper():
        return "acronym"  # TASS, PA, OKs: only a country or region reads this way
    if word.isupper():
        return "allcaps"  # a dateline such as "CHARLESTON, W.Va." needs support from the text
    zipf = word_frequency(word) - (_COMPOUND_DISCOUNT if low in _COMPOUND_TAILS else 0.0)
    if low in SOVIET_WORD_NAMES:  # "the Zarya plant", "Pobeda cancelled flights": a place only after a locative
        at = held_by(text, start)
        return "cued" if strong_locative(text, at) and locative_cue(text, at, end) else "common-word"
    if zipf < COMMON_WORD_ZIPF:  # a rare word (Aktau) reads as a name: only a strong locative cue adds to that
        at = held_by(text, start)
        if (strong_locative(text, at) and locative_cue(text, at, end)) or listed_after_locative(text, start, end) \
                or included(text, start) or _CROSSING_AFTER.match(text, end) or _ATTACKED_AFTER.match(text, end) \
                or _PLANT_AFTER.match(text, end):
            return "cued"
        # "Lorry drivers say ...": a sentence's first word owes its capital to the sentence, so a word
        # English uses now and then is no sign of a name there (the resolver drops such a word when it is
        # only another spelling of its reading, as Lorry of Loṙi)
        return "initial" if zipf >= _INITIAL_WORD_ZIPF and _sentence_start(text, start) else ""
    if low in _LEVEL_WORD and _BODY_AFTER.match(text, end):
        return None
    if _OF_NAME_AFTER.match(text, end):
        return None  # University of Nebraska, Chamber of Commerce: the word heads a longer name
    if listed_after_locative(text, start, end):
        return "cued"
    at = held_by(text, start)
    if locative_cue(text, at, end):
        return "cued" if strong_locative(text, at) else ""
    if zipf >= _FUNCTION_WORD_ZIPF:
        return None
    return "common-word"


def typed_after(text: str, end: int) -> bool:
    """The name is followed by an apposition that calls it a town, city or village ("Kerch, a port city
    of 150,000"): as strong a cue as a locative word, and support enough for a town of any size."""
    return text.startswith(",", end) and _TYPED_AFTER.match(text, end) is not None


def typed_country(text: str, end: int) -> str | None:
    """The country a national adjective in that apposition names ("Kok-Tash, a Kyrgyz village": KG)."""
    m = _TYPED_AFTER.match(text, end) if text.startswith(",", end) else None
    codes = {demonyms().get(w) for w in m.group(1).split()} - {None} if m else set()
    return codes.pop() if len(codes) == 1 else None


def title_case(text: str, toks: Sequence[Token], k: int) -> bool:
    """Inside a headline in title case, a capitalised neighbour says nothing about the name."""
    words = 0
    for w in _LONG_WORD.finditer(text, max(0, toks[k].start - 45), toks[k].end + 45):
        if not w.group()[0].isupper():
            return False
        words += 1
    return words >= 5


def org_ahead(text: str, toks: Sequence[Token], k: int) -> bool:
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


def holiday_follows(text: str, toks: Sequence[Token], k: int) -> bool:
    """St. Patrick's Day, Valentine's Day: a saint or person, not a place."""
    return (toks[k].possessive and k + 1 < len(toks)
            and toks[k + 1].text in ("Day", "Eve", "Night", "Cathedral", "Church", "Hospital", "College"))


def ampersand_joined(text: str, toks: Sequence[Token], i: int, k: int, is_place: Callable[[str], bool]) -> bool:
    """Names joined by "&" (Stevens & Wilkinson, Marks & Spencer) are a firm's name; two rare words that
    are both place names (Sevastopol & Feodosia, in a scraped page's "&amp;") are two places."""
    if text.startswith(" & ", toks[k].end):
        other = toks[k + 1] if k + 1 < len(toks) and toks[k + 1].start == toks[k].end + 3 else None
    else:
        start = toks[i].start
        other = toks[i - 1] if i > 0 and start >= 3 and text.startswith(" & ", start - 3) \
            and toks[i - 1].end == start - 3 else None
    if other is None or not other.text[0].isupper():
        return False
    own = text[toks[i].start:toks[k].end]
    return not (i == k and is_place(other.text) and max(word_frequency(own), word_frequency(other.text)) < _RARE_ZIPF)


def name_continues(text: str, toks: Sequence[Token], k: int) -> bool:
    """A capitalised word right after the name (Artem Timofeev, Darkhan Daniyarov): a longer proper name."""
    if k + 1 >= len(toks) or text[toks[k].end:toks[k + 1].start] != " " or toks[k].possessive:
        return False
    nxt = toks[k + 1].text
    low = nxt.lower()
    return nxt[0].isupper() and not nxt.isupper() and low not in _ORG_WORDS and low not in GENERIC_WORDS


# Words English frequency lists count mostly inside a longer name of a country, state or island ("New Zealand", "New
# Hampshire", "New Jersey", "New Caledonia", "Papua New Guinea", "guinea pig"): alone, as the place they also name
# ("on Zealand", the Danish island; Hampshire, the English county), they are about ten times rarer than listed
_COMPOUND_TAILS = frozenset({"zealand", "hampshire", "jersey", "caledonia", "guinea"})
_COMPOUND_DISCOUNT = 1.0
_RARE_ZIPF = 3.0  # below the surnames firms are named after (Procter 2.9 is the rare exception)
COMMON_WORD_ZIPF = 4.0  # about once in 10,000 words: Mobile, Reading, Police, Central
_INITIAL_WORD_ZIPF = 3.0  # lorry (3.2), ferry; place names English writes often are also above (Donetsk, Minsk)
_FUNCTION_WORD_ZIPF = 5.5  # The, In, It, Much, May: never a place name without a locative cue


@cache
def word_frequency(name: str) -> float:
    """Zipf frequency of a name as an English word (wordfreq): 0 for rare words, 7 for "the"."""
    return zipf(normalize(name))
