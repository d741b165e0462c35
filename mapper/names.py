"""Name keys shared by the gazetteer and the recogniser: normalisation and transliteration variants."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from unidecode import unidecode

# Generic words that name the kind of a place; understood in queries and text, never required.
GENERIC_WORDS: dict[str, str] = {
    "region": "region", "regions": "region", "oblast": "region", "oblasts": "region",
    "oblys": "region", "oblysy": "region", "viloyati": "region", "viloyat": "region", "welayaty": "region",
    "velayat": "region", "welayat": "region", "velayats": "region", "welayats": "region",
    "province": "region", "provinces": "region", "voivodeship": "region", "voivodship": "region",
    "governorate": "region", "krai": "region", "kray": "region", "state": "region",
    "states": "region", "territory": "region",
    "district": "district", "districts": "district", "rayon": "district", "raion": "district",
    "audany": "district", "county": "district", "counties": "district", "parish": "district",
    "municipality": "district", "okrug": "district", "prefecture": "district", "prefectures": "district",
    "village": "populated place", "villages": "populated place", "city": "populated place",
    "cities": "populated place", "town": "populated place", "towns": "populated place",
    "settlement": "populated place", "selo": "populated place", "aul": "populated place",
}

# Turkic Latin letters English spells with two (Türkmenbaşy, Daşoguz, Çorlu): ``normalize`` drops only the mark.
TURKIC_DIGRAPHS = str.maketrans({"ş": "sh", "Ş": "Sh", "ç": "ch", "Ç": "Ch"})

# Abbreviations expanded before matching, so "St. Petersburg" and "Saint Petersburg" share a key.
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "point"}

_APOSTROPHES = re.compile(r"['’ʼʻ`´]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# Romanisation variants of Kazakh, Russian and Ukrainian names collapse to one skeleton.
_VARIANTS = [("dzh", "j"), ("kh", "h"), ("gh", "g"), ("ph", "f"), ("ck", "k"), ("q", "k"),
             ("y", "i"), ("w", "v"), ("x", "ks")]
_REPEATS = re.compile(r"(.)\1+")


@lru_cache(maxsize=200_000)
def normalize(name: str) -> str:
    """Case-, accent- and script-insensitive form of a name: ASCII words separated by one space.

    >>> normalize("Уральск")
    'uralsk'
    >>> normalize("St. Petersburg")
    'saint petersburg'
    >>> normalize("Kazakhstan’s")
    'kazakhstans'
    """
    text = unicodedata.normalize("NFKC", name)
    if not text.isascii():
        text = unidecode(text)
    text = _APOSTROPHES.sub("", text.lower())
    words = _NON_ALNUM.sub(" ", text).split()
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


@lru_cache(maxsize=200_000)
def skeleton(name: str) -> str:
    """Lookup key that merges common romanisation variants (Mangistau/Mangystau/Mangghystau).

    >>> skeleton("Mangghystau") == skeleton("Mangistau") == skeleton("Mangystau")
    True
    >>> skeleton("Aqtau") == skeleton("Aktau")
    True
    >>> skeleton("Qaraqiya") == skeleton("Karakiya")
    True
    """
    key = normalize(name).replace(" ", "")
    for old, new in _VARIANTS:
        key = key.replace(old, new)
    return _REPEATS.sub(r"\1", key)


_SLAVIC_FINAL = re.compile(r"[oe]v$")


@lru_cache(maxsize=100_000)
def slavic_key(name: str) -> str:
    """``skeleton`` with the Russian and Ukrainian romanisations of one Cyrillic name merged: Russian G is
    Ukrainian H, an initial Ye may be written E, and a final -ov/-ev is -iv in Ukrainian.

    >>> slavic_key("Gulyaipole") == slavic_key("Hulyaypole")
    True
    >>> slavic_key("Evpatoria") == slavic_key("Yevpatoriya"), slavic_key("Vasilkov") == slavic_key("Vasylkiv")
    (True, True)
    """
    key = skeleton(name).replace("g", "h")
    if key.startswith("ie"):
        key = key[1:]
    return _SLAVIC_FINAL.sub("iv", key)


@lru_cache(maxsize=100_000)
def strip_generic(name: str) -> tuple[str, str]:
    """Split a trailing or leading generic word off a name: ``("Karakiyan", "district")``.

    ``"the village of Ualy"`` gives ``("Ualy", "populated place")``; a name that is only a
    generic word is returned unchanged.
    """
    words = name.split()
    low = [normalize(w) for w in words]
    generic = ""
    if low and low[0] == "the":
        words, low = words[1:], low[1:]
    # Plural generic words stay: "United States", "Virgin Islands" are names, not "United" + a kind.
    if len(words) >= 3 and low[1] == "of" and low[0] in GENERIC_WORDS and not low[0].endswith("s"):
        generic, words = GENERIC_WORDS[low[0]], words[2:]
    elif len(words) >= 2 and low[-1] in GENERIC_WORDS and not low[-1].endswith("s"):
        generic, words = GENERIC_WORDS[low[-1]], words[:-1]
    if not words:
        return name, ""
    return " ".join(words), generic
