"""Person-name cues: titles, given and family names, authors and described persons that make a
capitalised name a person's rather than a place's (Mary Wheeler, Vladimir Putin, "verses by Abai")."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from mapper.cues import CALENDAR, DIRECTIONS, Token, demonyms, word_frequency
from mapper.locatives import held_by, strong_locative, used_as_place
from mapper.names import GENERIC_WORDS, skeleton

# Prepositions that open a sentence ("Near Pokrovsk ...", "Outside Kharkiv ..."): never a first name.
_PREPOSITIONS = {"near", "outside", "inside", "across", "around", "beyond", "throughout", "toward", "towards",
                 "despite", "unlike", "via", "along", "amid", "among", "between", "behind", "beside", "below",
                 "above", "over", "under", "into", "within", "against", "during", "until", "after", "before",
                 "since", "following", "including", "off", "past", "through", "from", "in", "at", "to", "for"}
_SURNAME_ZIPF = 3.3  # Moayyad, Lavrov, Harman: words English writes mostly as names
_FIRST_NAME_ZIPF = 5.3  # Andy, Michael are frequent words too; The, In, From are more frequent still


_PERSON_TITLES = {"president", "mr", "mrs", "ms", "dr", "general", "gen", "colonel", "col", "minister",
                  "chairman", "spokesperson", "spokesman", "deputy", "senator", "sen", "rep", "judge",
                  "officer", "sgt", "lt", "capt", "governor", "gov", "mayor", "sheriff", "pastor", "rev",
                  "father", "saint", "sister", "brother"}


# "verses by Abai", "a novel by Chekhov": the author of a work; "Abai, the national poet": a person described
# ("power plays by Moscow", "harsh words by Beijing" are a government's: no "plays" or "words" here; "Vitebsk,
# the artist Marc Chagall's home town" describes the town: the person noun ends the description)
_WORK_BY = re.compile(r"\b(?:verses?|poems?|poetry|novels?|music|songs?|lyrics|paintings?|"
                      r"operas?|ballets?|symphon(?:y|ies))\s+(?:written\s+|composed\s+)?by\s+$", re.I)
_PERSON_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}(?:poet|writer|novelist|composer|"
                                r"playwright|painter|singer|philosopher|author|artist)\b(?![’']|\s+[A-Z])")


# "her friend Florence", "his wife Georgia", "Ali's cousin Jordan": someone's relative or friend is a person
_KIN = frozenset({"friend", "cousin", "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister",
                  "uncle", "aunt", "nephew", "niece", "grandson", "granddaughter", "grandmother", "grandfather",
                  "colleague", "fiancée", "fiancee", "fiancé", "fiance", "girlfriend", "boyfriend"})
_KIN_BEFORE = re.compile(r"\b(?:(?i:my|his|her|their|our|your)|[A-Z]\w*['’]s?)\s+"
                         r"(?:best\s+|old\s+|elder\s+|younger\s+)?[a-zé]+\s+$")


def person_context(text: str, toks: Sequence[Token], i: int, j: int, before: str, last_word: str) -> bool:
    """A name preceded by a person's title (President, Gen.) or "named after", the author of a work
    ("verses by Abai") or a name described as a writer or artist ("Abai, the national poet") is a person's.
    ``before``: the 40 characters before the name; ``last_word``: their last two but spaces, lower-cased."""
    # (each pattern looked at only where its last or first characters are: "by", a comma)
    if before[-12:].lower() == "named after " or (last_word == "by" and _WORK_BY.search(before)) \
            or (text.startswith(",", toks[j].end) and _PERSON_APPOSITION.match(text, toks[j].end)):
        return True
    return i > 0 and toks[i - 1].text.lower() in _PERSON_TITLES and text[toks[i - 1].end:toks[i].start] in (" ", ". ")


def kin_before(before: str) -> bool:
    """Someone's relative or friend is named next ("her friend Florence", "his uncle Perry", "Ali's cousin
    Jordan"): a person, as sure a sign as a known given name. ``before``: the text before the name."""
    if not before.endswith(" "):
        return False
    words = before.rsplit(None, 1)  # (none when only spaces come before: "<b ...> Aktau")
    return bool(words) and words[-1] in _KIN and bool(_KIN_BEFORE.search(before))


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
    if _after_full_stop(text, toks[i - 1].start) and word_frequency(prev) >= _SURNAME_ZIPF \
            and skeleton(prev) not in person_names()[0]:
        return False  # "Overnight Russia launched", "Meanwhile Kyiv": a sentence's first word is capitalised anyway
    if "-" in prev and prev.rsplit("-", 1)[1].islower():
        return False  # "Russian-occupied Melitopol", "Kremlin-backed": an adjective, no first name
    return (prev[0].isupper() and not prev.isupper() and low not in DIRECTIONS and low not in CALENDAR
            and low not in _PREPOSITIONS and low not in GENERIC_WORDS and prev not in demonyms()
            and word_frequency(prev) < _FIRST_NAME_ZIPF)


def _after_full_stop(text: str, start: int) -> bool:
    """``start`` opens the text, a line, or a sentence whose full stop follows a lower-case word or a figure
    (not a title's or a name's: "Sen. Mitch McConnell", "Rep. Clay Cox", "in Springfield. (Jerome T. Nakagawa")."""
    before = text[max(0, start - 24):start].rstrip(" \"“‘'(")
    if not before or before[-1] == "\n":
        return True
    if before[-1] not in ".!?" or not before[:-1].strip():
        return False
    word = before[:-1].rsplit(None, 1)[-1]
    return word.islower() or word[-1].isdigit() or word[-1] in "\"”’')"


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
    if low in _PLACE_AFTER or low in _PERSON_TITLES or low in CALENDAR or low in DIRECTIONS:
        return False
    key = skeleton(nxt)
    if (key not in family and key not in given and word_frequency(nxt) >= _SURNAME_ZIPF
            and not _SLAVIC_SURNAME.search(nxt)) or nxt in demonyms():
        return False
    return not strong_locative(text, held_by(text, toks[i].start)) and not used_as_place(text, toks[i].text)


def _initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()
