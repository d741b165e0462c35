"""An old name told beside the new one reads as the new name's place.

Appositions ("Yekaterinburg, the former Sverdlovsk"), relative clauses ("Dzerzhynsk, which Ukraine renamed
Toretsk", "Bakhmut, which was called Artemivsk until 2016") and copulas ("Mariupol was Zhdanov for four
decades", "Dnipro was known as Dnipropetrovsk", "Yuzovka became Stalino") in history, explainer and war
pieces that give a place's names. The pair counts only when the new name's place is among the old name's
readings, so "Kherson was Russia's target" or "Lida was Grodno's rival" pair nothing.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from mapper.model import Mention

if TYPE_CHECKING:
    from mapper.resolve import _Group

# Between an old name and the new one: "Dzerzhynsk, which Ukraine renamed Toretsk", "Frunze (now Bishkek)",
# "Yuzovka became Stalino", "Voroshilovgrad went back to being Luhansk", "Uralsk, which Kazakhs now call Oral",
# "Toretsk, which Moscow calls by its Soviet name Dzerzhinsk" (a name's other name, either way round).
_RENAMED = re.compile(r"\s*(?:,\s*(?:which|that|now)\s+(?:(?:[\w'’-]+\s+){0,4}?renamed"
                      r"|(?:(?!was\b|were\b)[\w'’-]+\s+){0,4}?(?:call(?:s|ed)?|known\s+as))"
                      r"(?:\s+it)?(?:\s+as)?(?:\s+by\s+(?:its|the)\s+(?:[\w-]+\s+){0,2}?name)?"
                      r"|\(\s*(?:now|renamed|today)(?:\s+called)?"
                      r"|\s+(?:became|(?:was|has\s+been)\s+renamed(?:\s+as)?|went\s+back\s+to\s+being))\s*")
# Between a name and its old one: "Yekaterinburg, the former Sverdlovsk", "Semey, once Semipalatinsk",
# "Turkmenbashi, the port once named Krasnovodsk", "Kamianske, called Dniprodzerzhynsk until 2016",
# "Bakhmut, which was called Artemivsk", "Mariupol was Zhdanov", "Dnipro was known as Dnipropetrovsk".
_FORMERLY = re.compile(r"(?:,\s*(?:the\s+(?:[a-z-]+\s+){0,2}?)?(?:(?:once|formerly|former|previously|earlier)"
                       r"(?:\s+(?:named|called|known\s+as))?|(?:called|named|known\s+as))"
                       r"|,?\s+(?:which|that)\s+(?:was|were)\s+(?:once\s+|formerly\s+|previously\s+)?"
                       r"(?:named|called|known\s+as)"
                       r"|\s+(?:was|used\s+to\s+be)(?:\s+(?:once|formerly|previously|long))?"
                       r"(?:\s+(?:named|called|known\s+as))?)\s+")
# What a text that pairs names holds somewhere (as written): these words, or "was" and a capital ("\bwas [A-Z]").
# A relative clause giving an old name of a place named earlier in the sentence, with other names between: every
# earlier name is tried, and only one whose place is among the old name's readings pairs.
_CALLED_BEFORE = re.compile(r"\b(?:which|that)\s+(?:was|were)\s+(?:once\s+|formerly\s+|previously\s+)?"
                            r"(?:named|called|known\s+as)\s+$")
_RENAME_WORDS = ("renamed", "(now", "(today", ", now", "former", "once", "previously", "earlier", "call", "named",
                 "known as", "became", "went back", "used to be")
_WAS_NAME = re.compile(r"was [A-Z]")
_WORD_START = re.compile(r"\b")


def may_pair_names(text: str) -> bool:
    """Whether ``text`` holds a word that may pair an old name with a new one (most texts hold none).

    Plain substring tests: one alternation of the words tried at every character of the text took longer.

    >>> may_pair_names("Frunze (now Bishkek)"), may_pair_names("Mariupol was Zhdanov"), may_pair_names("Kyiv was hit")
    (True, True, False)
    """
    return any(w in text for w in _RENAME_WORDS) or any(
        _WORD_START.match(text, m.start()) for m in _WAS_NAME.finditer(text))


def renamed(mentions: Sequence[Mention], group: Callable[[Mention], _Group], text: str) -> set[int]:
    """An old name beside the new one reads as the place the new name has, when that place is among the
    old name's readings (``group`` gives a mention's sense group).

    Returns the ids of the old names' groups so read, and of the new names' groups: each name supports the
    other (a spelling variant alone would need its region named; a new name that is also an English word,
    "which Kazakhs now call Oral", is no chance reading beside the old one)."""
    by_start = {m.start: m for m in mentions}
    pairs = []
    for old in mentions:
        hit = _RENAMED.match(text, old.end)
        if (new := by_start.get(hit.end()) if hit and hit.end() > old.end else None) is not None:
            pairs.append((old, new))
    for new, old in itertools.pairwise(mentions):
        if (hit := _FORMERLY.match(text, new.end)) and hit.end() == old.start:
            pairs.append((old, new))
    for k, old in enumerate(mentions):  # "Qonaev, the town north of Almaty that was called Kapchagay until 2022"
        if _CALLED_BEFORE.search(text, max(0, old.start - 40), old.start):
            sentence_start = text.rfind(". ", 0, old.start) + 1
            pairs += [(old, new) for new in mentions[:k] if new.start >= sentence_start]
    read = set()
    for old, new in pairs:
        # As written first ("Uralsk, which Kazakhs now call Oral"), then the other way round: "Toretsk, which
        # Moscow calls Dzerzhinsk" gives the old name second, and the new name's place is among its readings.
        for a, b in ((old, new), (new, old)):
            g, place = group(a), group(b).choice
            if place is not None and g is not group(b) \
                    and (same := next((p for p in g.candidates if p.place_id == place.place_id), None)) is not None:
                g.choice, g.method = same, "renamed"
                read |= {id(g), id(group(b))}
                break
    return read
