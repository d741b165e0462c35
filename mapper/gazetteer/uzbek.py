"""English forms of Uzbek Latin names: English news spell Uzbek places as Russian does ("To‘rtko‘l Tumani" is the
Turtkul district, "Jarqo‘rg‘on" Jarkurgan, "So‘x" Sokh)."""

from __future__ import annotations

import re

from mapper.gazetteer.entry import Entry

# Uzbek Latin (1995 alphabet) oʻ is Cyrillic ў, which Russian writes у (English u); gʻ is ғ, Russian г (g); x is х
# (kh). The marks come as ‘ (the official letter), ʻ, ’ or a plain apostrophe.
_O_MARKED = re.compile(r"([Oo])[‘ʻ’']")
_G_MARKED = re.compile(r"([Gg])[‘ʻ’']")


def english_forms(name: str) -> list[str]:
    """The English forms of one Uzbek Latin name, without the name itself.

    >>> english_forms("To‘rtko‘l Tumani")
    ['Turtkul Tumani']
    >>> english_forms("So‘x Tumani")  # (the kh alone is right here: Sokh; the lookup drops the mark)
    ['So‘kh Tumani', 'Sukh Tumani']
    >>> english_forms("Jarqo‘rg‘on")  # (q is k to the lookup's skeleton already)
    ['Jarqurgon']
    >>> english_forms("Termiz")
    []
    """
    marked = _G_MARKED.sub(r"\1", _O_MARKED.sub(lambda m: "U" if m[1] == "O" else "u", name))
    forms = [name.replace("X", "Kh").replace("x", "kh"), marked.replace("X", "Kh").replace("x", "kh")]
    return [f for k, f in enumerate(forms) if f != name and f not in forms[:k]]


def add_english_forms(e: Entry, cls: int) -> None:
    """Each of ``e``'s names' English forms, as names of class ``cls``."""
    for n in list(e.names):
        for form in english_forms(n):
            e.add(form, cls)
