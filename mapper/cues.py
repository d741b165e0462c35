"""Cues around a name in text: demonyms, dotted abbreviations, non-literal uses, persons, common words.

The recogniser (``mapper.toponyms``) asks these questions of each name it matches in the gazetteer.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import ahocorasick

from mapper.names import GENERIC_WORDS, normalize, skeleton
from mapper.prefilter import Ending

# Calendar words are never toponyms on their own ("in March", "on Monday").
_CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
# Capitalised words that may precede a place name without making it part of a person's name.
_DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
               "upper", "lower", "greater", "northeast", "northwest", "southeast", "southwest", "downtown",
               "occupied", "rural", "metro", "suburban", "coastal", "northeastern", "northwestern",
               "southeastern", "southwestern"}
# Prepositions that open a sentence ("Near Pokrovsk ...", "Outside Kharkiv ..."): never a first name.
_PREPOSITIONS = {"near", "outside", "inside", "across", "around", "beyond", "throughout", "toward", "towards",
                 "despite", "unlike", "via", "along", "amid", "among", "between", "behind", "beside", "below",
                 "above", "over", "under", "into", "within", "against", "during", "until", "after", "before",
                 "since", "following", "including", "off", "past", "through", "from", "in", "at", "to", "for"}
_ROMAN = re.compile(r"(?:I{2,3}|IV|VI{0,3}|IX|XI{0,3})$")
NUMBER_AFTER = re.compile(r" [IVX]{1,4}\b")  # Region IV, World War II: a numbered thing, not the place
# "Wichita Street", "Dublin Road", "Washington Drive": a street named after a place is not that place.
# Highway, Turnpike and Court are left out: "Florida Highway Patrol", "Meigs County Court" name the place.
STREET_AFTER = re.compile(r" (?:(?:Street|Avenue|Road|Drive|Boulevard|Lane|Parkway)\b|(?:St|Ave|Rd|Blvd)\.(?! [A-Z]))")
_OF_NAME_AFTER = re.compile(r" of (?:the )?[A-Z]")
# A dateline after a capitalised place at the head of a line: "KYIV (Reuters) -", "ALMATY, Kazakhstan —".
# "Grozny, a city of 300,000 people", "Lida, a small town near the border": the text says what the name is
_TYPED_AFTER = re.compile(r",\s+(?:a|an|the)\s+(?:[a-z][\w-]*\s+){0,3}?(?:town|city|village|settlement|"
                          r"port|hamlet|suburb|regional\s+(?:capital|cent(?:re|er)))(?:\s+of\b|[,.;]|\s+(?:with|"
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
    r"accuses|warns|urges|insists|rejects|announces|agrees|decides|argued|argues|retaliated|"
    r"said|says|stated|denied|denies|refrained|condemned|condemns|supported|supports|announced|accused|"
    r"urged|claimed|claims|insisted|rejected|responded|warned|hailed|acknowledged|signed|voted|agreed|"
    r"demanded|threatened|vowed|sought|seeks|pledged|called|criticized|criticised|welcomed|recognized|"
    r"recognised|refused|declined|decided|expelled|sanctioned|protested|summoned|imposed|reviewing|"
    r"is\s+conducting|conducting|complies|tried|has\s+tried|dismissed|blamed)\b", re.I)
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
# ministry", "Russia's war"): the state acts, the name is no location ("Russia's Kursk region" is).
POSSESSIVE_ORGAN = re.compile(
    r"['’]s\s+(?:[a-z-]+\s+){0,2}?(?:military|army|navy|government|ministry|president|parliament|authorities|"
    r"embassy|intelligence|armed\s+forces|air\s+force|general\s+staff|border\s+guards?|security\s+service|"
    r"leadership|war|invasion|counteroffensive|counter-offensive)\b", re.I)
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
    return frozenset(d.split()[0] for d in demonyms())


_CAPITALISED = re.compile(r"[A-Z][a-z]+")


@cache
def _demonym_word_automaton() -> Any:
    """An Aho-Corasick automaton of the demonyms' first words that are capitalised runs (Kazakh, Central)."""
    automaton = ahocorasick.Automaton()
    for word in demonym_first_words():
        if _CAPITALISED.fullmatch(word):
            automaton.add_word(word, len(word))
    if len(automaton):
        automaton.make_automaton()
    return automaton


def has_demonym_word(text: str) -> bool:
    """Whether ``_CAPITALISED.findall(text)`` holds the first word of a demonym, found in one
    Aho-Corasick pass: an occurrence of the word not followed by a lower-case letter.

    >>> has_demonym_word("Kazakh officials"), has_demonym_word("Kazakhstan said"), has_demonym_word("no")
    (True, False, False)
    """
    automaton = _demonym_word_automaton()
    if not len(automaton):
        return False
    for end, _ in automaton.iter(text):
        after = text[end + 1:end + 2]
        if not ("a" <= after <= "z"):  # "" at the end of the text
            return True
    return False


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
    return start > 0 and end < len(text) and text[start - 1] in _QUOTE_OPEN and text[end] in _QUOTE_CLOSE


def used_as_place(text: str, name: str, *, strict: bool = False) -> bool:
    """Whether some occurrence of ``name`` follows a locative word ("in Sochi").

    ``strict``, for a name the text gives a person after a given name ("Andrew Trapani"): only a strong
    locative word counts, not "of" or a bare "to" ("the idea came to Trapani"), and not before a
    possessive ("planted in Flores' honor")."""
    ending = _PLACE_USE_ENDING if strict else _PLAIN_LOCATIVE_ENDING
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if not (strict and text[end:end + 1] in ("'", "’")) and ending.search(text, max(0, at - 20), at):
            return True
        at = text.find(name, end)
    return False


def bad_tokens(toks: Sequence[Token], i: int, j: int) -> bool:
    """Single letters and Roman numerals in a match ("And I" is not Andi, "WW II"), a lone ordinal."""
    if i == j:
        return bool(ORDINAL.match(toks[i].text)) or len(toks[i].text) == 1
    return any((len(t.text) == 1 and t.text.isalpha()) or _ROMAN.match(t.text) for t in toks[i:j + 1])


# "the Dostyk crossing", "the Farap checkpoint": a border crossing is named after the place it stands at,
# as "at Dostyk" would say
_CROSSING_AFTER = re.compile(r"\s+(?:border\s+)?(?:crossings?|checkpoints?|crossing\s+points?)\b|\s+border\s+posts?\b")
# "Kerch was hit by drones", "Sudzha came under fire": what an attack hits is a place, subject or object
_ATTACKED_AFTER = re.compile(r"\s+(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:again\s+|also\s+|"
                             r"repeatedly\s+|heavily\s+|once\s+again\s+)?(?:hit|struck|attacked|shelled|bombed|"
                             r"targeted|pounded)|(?:came|comes|come|is|was|remains?|remained)\s+under\s+"
                             r"(?:\w+\s+)?(?:attack|fire|shelling|bombardment))\b")


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


def word_strength(text: str, toks: Sequence[Token], i: int, j: int) -> str | None:
    """Why a one-word name is doubtful ("" when it is not), or None when it is never a place here."""
    word = toks[i].text
    if word.lower() in _CALENDAR or word.lower() in _DIRECTIONS:
        return None
    start, end = toks[i].start, toks[j].end
    if word.isupper() and _line_head(text, start) and _DATELINE_AFTER.match(text, end):
        return "cued"  # a dateline names the place the report comes from, as "in Kyiv" would
    if typed_after(text, end):
        return "cued"
    if len(word) <= 4 and word[:2].isupper():
        return "acronym"  # TASS, PA, OKs: only a country or region reads this way
    if word.isupper():
        return "allcaps"  # a dateline such as "CHARLESTON, W.Va." needs support from the text
    zipf = word_frequency(word)
    if zipf < COMMON_WORD_ZIPF:  # a rare word (Aktau) reads as a name: only a strong locative cue adds to that
        at = _held_by(text, start)
        if (_strong_locative(text, at) and _locative_cue(text, at, end)) or _listed_after_locative(text, start, end) \
                or _included(text, start) or _CROSSING_AFTER.match(text, end) or _ATTACKED_AFTER.match(text, end):
            return "cued"
        # "Lorry drivers say ...": a sentence's first word owes its capital to the sentence, so a word
        # English uses now and then is no sign of a name there (the resolver drops such a word when it is
        # only another spelling of its reading, as Lorry of Loṙi)
        return "initial" if zipf >= _INITIAL_WORD_ZIPF and _sentence_start(text, start) else ""
    if _OF_NAME_AFTER.match(text, end):
        return None  # University of Nebraska, Chamber of Commerce: the word heads a longer name
    if _listed_after_locative(text, start, end):
        return "cued"
    at = _held_by(text, start)
    if _locative_cue(text, at, end):
        return "cued" if _strong_locative(text, at) else ""
    if zipf >= _FUNCTION_WORD_ZIPF:
        return None
    return "common-word"


def typed_after(text: str, end: int) -> bool:
    """The name is followed by an apposition that calls it a town, city or village ("Kerch, a port city
    of 150,000"): as strong a cue as a locative word, and support enough for a town of any size."""
    return text.startswith(",", end) and _TYPED_AFTER.match(text, end) is not None


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


_LOCATIVE_WORDS = (r"\b(?:in|at|near|from|to|into|outside|across|around|toward|towards|via|of|through|between|"
                   r"north|south|east|west)")
# "drones hit Grozny", "a strike on Kerch": what an attack hits is a place (or a thing at one)
_ATTACK_VERBS = (r"hit|struck|attacked|shelled|bombed|targeted|pounded|"
                 r"(?:strikes?|attacks?|raids?|bombs?|shells?|missiles?|rockets?)\s+on")
_ATTACKED = rf"\b(?:{_ATTACK_VERBS})"
_ATTACKED_WORDS = ("hit", "struck", "attacked", "shelled", "bombed", "targeted", "pounded", "on")
_LOCATIVE = re.compile(rf"(?:{_LOCATIVE_WORDS}|{_ATTACKED})\s+(?:the\s+)?$", re.I)
# "in Russian-occupied Melitopol", "near Ukrainian-held Kupiansk": the locative still applies.
_HELD_BY = re.compile(r"[A-Z][\w'’]*-(?:occupied|controlled|held|annexed)\s+$")
# Not "of" (the Mobile drivers) or "to" (talked to Ripley): these say a place is meant.
_STRONG_WORDS = (r"in|at|near|from|into|outside|across|around|towards?|via|through|"
                 # "to" after a verb or noun of travel ("continued to Termez", "flights to Osh")
                 r"(?:continued|went|go|goes|going|travel(?:l)?ed|returned|headed|flew|drove|moved|"
                 r"fled|deported|sent|bound|flights?|trains?|trips?|journey|route)\s+(?:back\s+)?to")
_STRONG_LOCATIVE = re.compile(rf"\b(?:{_STRONG_WORDS}|{_ATTACK_VERBS})\s+$", re.I)
# the words _LOCATIVE_WORDS (and an optional "the") may end with
_PLAIN_WORDS = ("in", "at", "near", "from", "to", "into", "outside", "across", "around", "toward", "towards", "via",
                "of", "through", "between", "north", "south", "east", "west", "the")
_LOCATIVE_ENDING = Ending(_LOCATIVE, (*_PLAIN_WORDS, *_ATTACKED_WORDS))
_STRONG_ENDS = ("in", "at", "near", "from", "into", "outside", "across", "around", "toward", "towards", "via",
                "through", "to")
_STRONG_LOCATIVE_ENDING = Ending(_STRONG_LOCATIVE, (*_STRONG_ENDS, *_ATTACKED_WORDS))
# a locative word proper, not an attack verb ("in Chad" makes a later "Chad Walker" a place; "drones attacked
# Vladimir" does not make "Vladimir Putin" one); and a strong one proper
_PLAIN_LOCATIVE_ENDING = Ending(re.compile(_LOCATIVE_WORDS + r"\s+(?:the\s+)?$", re.I), _PLAIN_WORDS)
_PLACE_USE_ENDING = Ending(re.compile(rf"\b(?:{_STRONG_WORDS})\s+$", re.I), _STRONG_ENDS)


_LIST_NAME = r"[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*)*"
_IN_PLACES = re.compile(rf"\b(?:in|at|near|outside|across|around|throughout|from|of)\s+(?:the\s+)?"
                        rf"(?:(?:neighbou?ring|nearby|eastern|western|northern|southern|central)\s+)?"
                        rf"(?:{_LIST_NAME}(?:,\s+|,?\s+(?:and|or)\s+)(?:the\s+)?)*"
                        r"(?:[A-Z][\w.-]*['’]s\s+)?$")  # "police in Kazakhstan's Mangistau Region said"


def in_place_phrase(text: str, start: int) -> bool:
    """The name is (the last of a list) after a locative word: "recruiters in Termez, Nukus and Namangan
    signed up workers", "officials in Moscow said", "residents of Khorog and the Rushan district said",
    "soldiers in neighbouring Myrnohrad said" or "police in
    Kazakhstan's Mangistau Region said" make it the place, not the government, that is meant."""
    return bool(_IN_PLACES.search(text, max(0, start - 120), start))


def _held_by(text: str, start: int) -> int:
    """Where a "Russian-occupied " just before ``start`` begins, else ``start``."""
    if text[start - 2:start - 1].isalpha() and "-" in text[max(0, start - 25):start]:
        hit = _HELD_BY.search(text, max(0, start - 25), start)
        if hit:
            return hit.start()
    return start


def _strong_locative(text: str, at: int) -> bool:
    """A strong locative word ends at ``at`` (the name's start, or its "Russian-occupied": ``_held_by``)."""
    return _STRONG_LOCATIVE_ENDING.search(text, max(0, at - 20), at)


# "near Borisov and Lepel", "between Kalaikhum and Khorog", "in the Bilopillia and Krasnopillia communities":
# the last of a list of names after a locative word is as much a place as the first.
_LISTED = re.compile(rf"\b(?:in|at|near|from|into|outside|across|around|towards?|via|through|between)\s+"
                     rf"(?:the\s+)?(?:{_LIST_NAME},\s+(?:the\s+)?)*{_LIST_NAME},?\s+(?:and|or)\s+(?:the\s+)?$")


# What may follow such a last name: "Thomas elementary schools", "Owens and Harris roads" name no places.
_AFTER_LISTED = re.compile(r"\s*(?:[^\w\s]|$|(?:on|in|at|and|or|to|for|with|by|from|as|after|before|where|which|"
                           r"that|while|when|but|near|were|was|is|are|have|has|had|overnight|"
                           + "|".join(sorted(GENERIC_WORDS, key=len, reverse=True)) + r"|communities|community)\b)")


def _listed_after_locative(text: str, start: int, end: int) -> bool:
    """The last name of a list after a strong locative word, followed by no noun of its own."""
    return text[max(0, start - 5):start].rstrip().endswith((" and", " or")) \
        and bool(_AFTER_LISTED.match(text, end)) and bool(_LISTED.search(text, max(0, start - 120), start))


# "strikes on 17 settlements of the region, including Huliaipole, Orikhiv and ...": names listed as
# members of places just counted
_INCLUDED = re.compile(rf"\b(?:settlements|villages|towns|cities|regions|districts|communities|areas|provinces|"
                       rf"oblasts|localities)\b[^.;:]{{0,40}}?\b(?:including|such\s+as)\s+(?:the\s+)?"
                       rf"(?:{_LIST_NAME},\s+(?:the\s+)?)*(?:{_LIST_NAME},?\s+(?:and|or)\s+(?:the\s+)?)?$")


def _included(text: str, start: int) -> bool:
    """The name is one of a list after "including" or "such as" that follows a plural place noun."""
    before = text[max(0, start - 160):start]
    return ("including" in before or "such as" in before) and bool(_INCLUDED.search(text, max(0, start - 160), start))


def _locative_cue(text: str, at: int, end: int) -> bool:
    """A locative word ends at ``at`` (as in ``_strong_locative``), or a qualifier follows the name's ``end``."""
    if _LOCATIVE_ENDING.search(text[max(0, at - 20):at]):
        return True
    after = text[end:end + 3]
    return after.startswith(", ") and end + 2 < len(text) and text[end + 2].isupper()


_PERSON_TITLES = {"president", "mr", "mrs", "ms", "dr", "general", "gen", "colonel", "col", "minister",
                  "chairman", "spokesperson", "spokesman", "deputy", "senator", "sen", "rep", "judge",
                  "officer", "sgt", "lt", "capt", "governor", "gov", "mayor", "sheriff", "pastor", "rev",
                  "father", "saint"}


# "verses by Abai", "a novel by Chekhov": the author of a work; "Abai, the national poet": a person described
# ("power plays by Moscow", "harsh words by Beijing" are a government's: no "plays" or "words" here; "Vitebsk,
# the artist Marc Chagall's home town" describes the town: the person noun ends the description)
_WORK_BY = re.compile(r"\b(?:verses?|poems?|poetry|novels?|music|songs?|lyrics|paintings?|"
                      r"operas?|ballets?|symphon(?:y|ies))\s+(?:written\s+|composed\s+)?by\s+$", re.I)
_PERSON_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}(?:poet|writer|novelist|composer|"
                                r"playwright|painter|singer|philosopher|author|artist)\b(?![’']|\s+[A-Z])")


def person_context(text: str, toks: Sequence[Token], i: int, j: int) -> bool:
    """A name preceded by a person's title (President, Gen.) or "named after", the author of a work
    ("verses by Abai") or a name described as a writer or artist ("Abai, the national poet") is a person's."""
    before = text[max(0, toks[i].start - 40):toks[i].start]
    if before.lower().endswith("named after ") or _WORK_BY.search(before) \
            or _PERSON_APPOSITION.match(text, toks[j].end):
        return True
    return i > 0 and toks[i - 1].text.lower() in _PERSON_TITLES and text[toks[i - 1].end:toks[i].start] in (" ", ". ")


def name_precedes(text: str, toks: Sequence[Token], i: int) -> bool:
    """A rare capitalised word right before the name (Kristina Ripley), or a first name and a middle
    initial (Matthew D. Flores, whatever the first name): a person, not a place."""
    if i > 1 and text[toks[i - 1].end:toks[i].start] == ". " and _initial(toks[i - 1].text):
        prev = toks[i - 2]
        return (text[prev.end:toks[i - 1].start] == " " and prev.text[0].isupper() and not prev.text.isupper()
                and not prev.possessive and len(prev.text) > 2 and prev.text.lower() not in _PERSON_TITLES)
    if i == 0 or text[toks[i - 1].end:toks[i].start] != " " or toks[i - 1].possessive:
        return False
    prev = toks[i - 1].text
    low = prev.lower()
    if "-" in prev and prev.rsplit("-", 1)[1].islower():
        return False  # "Russian-occupied Melitopol", "Kremlin-backed": an adjective, no first name
    return (prev[0].isupper() and not prev.isupper() and low not in _DIRECTIONS and low not in _CALENDAR
            and low not in _PREPOSITIONS and low not in GENERIC_WORDS and prev not in demonyms()
            and word_frequency(prev) < _FIRST_NAME_ZIPF)


def given_name_before(text: str, toks: Sequence[Token], i: int) -> bool:
    """A known given name right before the name, or before a middle initial and it ("Matthew D. Flores")."""
    k = i - 2 if i > 1 and text[toks[i - 1].end:toks[i].start] == ". " and _initial(toks[i - 1].text) else i - 1
    return k >= 0 and skeleton(toks[k].text) in person_names()[0]


# faker's person providers (MIT) whose given names are read: English-speaking news, and the former Soviet
# Union's (Cyrillic and Georgian names meet their romanisations through ``skeleton``).
_GIVEN_NAME_LOCALES = ("en_US", "en_GB", "en_IE", "en_NZ", "ru_RU", "uk_UA", "uz_UZ", "az_AZ", "hy_AM", "ka_GE")
# Capitalised words after a given name that still make it a place: "Mary Province", "Vladimir Governor ...".
_PLACE_AFTER = {"lake", "beach", "island", "islands", "bay", "park", "springs", "falls", "heights", "hills", "creek",
                "harbor", "harbour", "point", "valley", "mountain", "mountains", "canyon", "forest", "township",
                "borough", "square", "station", "field", "oilfield", "sea", "coast", "gulf", "peninsula", "velayat",
                "welayat", "region", "oblast", "province", "city", "county"}
# The endings of Russian, Ukrainian, Belarusian, Georgian and Armenian family names, which English news
# writes often enough for some to be common words (Putin, Medvedev): "Vladimir Putin" is a person.
_SLAVIC_SURNAME = re.compile(r"(?:[eo]va?|in|ina|yn|sk(?:y|i|iy|yi|aya)|enko|y?uk|dze|shvili|v[iy]ch|yan)$")


@cache
def person_names() -> tuple[frozenset[str], frozenset[str]]:
    """Skeleton keys of common given names (Mary, Chad, Vladimir, Tengiz) and family names (Wheeler,
    Medvedev), from faker's person providers.

    Importing the providers costs a fresh process about 0.15 s, so the keys are kept in the user cache
    directory, one file per faker version and ``mapper.names`` source (which makes the keys)."""
    import hashlib
    import importlib.metadata
    import json

    import platformdirs

    import mapper.names

    stamp = hashlib.sha256(Path(mapper.names.__file__).read_bytes()
                           + repr(_GIVEN_NAME_LOCALES).encode()).hexdigest()[:12]
    path = (Path(platformdirs.user_cache_dir("incident-mapper"))
            / f"person-names-{importlib.metadata.version('faker')}-{stamp}.json")
    try:
        given, family = json.loads(path.read_text(encoding="utf-8"))
        return frozenset(given), frozenset(family)
    except (OSError, ValueError):
        pass
    keys = _person_name_keys()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps([sorted(keys[0]), sorted(keys[1])]), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass  # a read-only home: read the providers each time
    return keys


def _person_name_keys() -> tuple[frozenset[str], frozenset[str]]:
    import importlib

    given: set[str] = set()
    family: set[str] = set()
    for locale in _GIVEN_NAME_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr in dir(provider):
            names = getattr(provider, attr)
            if isinstance(names, tuple | list | dict) and attr.startswith(("first_names", "last_names")):
                (given if attr.startswith("first") else family).update(skeleton(n) for n in names)
    return frozenset(given), frozenset(family)


def given_name_heads(text: str, toks: Sequence[Token], i: int) -> bool:
    """A common given name right before a family name or a rare capitalised word (Mary Wheeler, Nadia
    Moayyad, Vladimir Medvedev) heads a person's name, unless a locative precedes it ("in Chad Monday") or
    the text uses the name as a place elsewhere. Before a common word the name heads an organisation's
    name instead ("Georgia Bureau of Investigation", "Jordan Junior Olympic volleyball"); before a kind of
    place or a title it is the place ("Mary Province", "Vladimir Governor Alexander Avdeev")."""
    if i + 1 >= len(toks):
        return False
    given, family = person_names()
    if skeleton(toks[i].text) not in given:
        return False
    nxt = toks[i + 1].text
    low = nxt.lower()
    if low in _PLACE_AFTER or low in _PERSON_TITLES or low in _CALENDAR or low in _DIRECTIONS:
        return False
    key = skeleton(nxt)
    if (key not in family and key not in given and word_frequency(nxt) >= _SURNAME_ZIPF
            and not _SLAVIC_SURNAME.search(nxt)) or nxt in demonyms():
        return False
    return not _strong_locative(text, _held_by(text, toks[i].start)) and not used_as_place(text, toks[i].text)


def ampersand_joined(text: str, toks: Sequence[Token], i: int, k: int) -> bool:
    """Names joined by "&" (Stevens & Wilkinson, Marks & Spencer) are a firm's name."""
    if text.startswith(" & ", toks[k].end):
        return k + 1 < len(toks) and toks[k + 1].start == toks[k].end + 3 and toks[k + 1].text[0].isupper()
    start = toks[i].start
    return (i > 0 and start >= 3 and text.startswith(" & ", start - 3) and toks[i - 1].end == start - 3
            and toks[i - 1].text[0].isupper())


def _initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def name_continues(text: str, toks: Sequence[Token], k: int) -> bool:
    """A capitalised word right after the name (Artem Timofeev, Darkhan Daniyarov): a longer proper name."""
    if k + 1 >= len(toks) or text[toks[k].end:toks[k + 1].start] != " " or toks[k].possessive:
        return False
    nxt = toks[k + 1].text
    low = nxt.lower()
    return nxt[0].isupper() and not nxt.isupper() and low not in _ORG_WORDS and low not in GENERIC_WORDS


_SURNAME_ZIPF = 3.3  # Moayyad, Lavrov, Harman: words English writes mostly as names
_FIRST_NAME_ZIPF = 5.3  # Andy, Michael are frequent words too; The, In, From are more frequent still
COMMON_WORD_ZIPF = 4.0  # about once in 10,000 words: Mobile, Reading, Police, Central
_INITIAL_WORD_ZIPF = 3.0  # lorry (3.2), ferry; place names English writes often are also above (Donetsk, Minsk)
_FUNCTION_WORD_ZIPF = 5.5  # The, In, It, Much, May: never a place name without a locative cue


@cache
def word_frequency(name: str) -> float:
    """Zipf frequency of a name as an English word (wordfreq): 0 for rare words, 7 for "the"."""
    from wordfreq import zipf_frequency

    return zipf_frequency(normalize(name), "en")
