"""Victims the figure patterns miss: counted in two parts ("The driver and two passengers were injured": three,
not two) or one told by a digit ("1 person was killed", a bulletin's style)."""

from __future__ import annotations

import re

from mapper.figures import FigureSpan
from mapper.model import Figure

# "the driver and ", "a woman and ", "a 60-year-old man and ": one victim told before a counted group, joined by "and"
_ONE_AND = re.compile(r"\b(?:[Tt]he\s+(?:driver|pilot|conductor|owner|guard)|"
                      r"(?:[Aa]n?|[Oo]ne)\s+(?:\d+-year-old\s+)?(?:man|woman|boy|girl|child|person|civilian|resident|"
                      r"driver|teenager|pensioner|worker|soldier|passenger))\s+and\s+$")
_HARM = frozenset({"killed", "injured"})
# "21 of the 25 drones", "18 of 20 drones": a share told before the total it is part of
_SHARE_OF = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})*)\s+of\s+(?:the\s+|all\s+)?$")
# "1 person was killed", "1 civilian was wounded": one victim written as a digit
# (the digit first, the look-behind after it: re then finds each "1" by its literal start instead of trying the
# look-behind at every character)
_DIGIT_ONE = re.compile(r"1(?<![\d.,]1)\s+(?:person|civilian|man|woman|child|resident|soldier|serviceman)\s+"
                        r"(?:was|has\s+been|had\s+been)\s+(?:(?:seriously|slightly|severely)\s+)?"
                        r"(?P<u>killed|injured|wounded|hurt)\b")


def with_one_before(text: str, figs: list[FigureSpan]) -> list[FigureSpan]:
    """Add the one victim named before a counted group of the harmed ("the driver and two passengers were
    injured": 3), one victim told by a digit ("1 person was killed") and a share of a counted total ("21 of the 25
    drones": 21 drones too); other figures pass unchanged."""
    out = []
    for f in figs:
        one = _ONE_AND.search(text, max(0, f.start - 40), f.start) if f.figure.unit in _HARM else None
        if one is not None and not any(g.end > one.start() and g.start < f.start for g in figs):
            fig = f.figure
            f = FigureSpan(Figure(fig.value + 1, fig.unit, text[one.start():f.end], fig.approximate),
                           one.start(), f.end)
        out.append(f)
    for f in list(out):
        share = _SHARE_OF.search(text, max(0, f.start - 20), f.start) if f.is_count else None
        if share is not None and not any(g.start <= share.start() < g.end for g in out):
            value = float(share.group(1).replace(",", ""))
            if value < f.figure.value:
                out.append(FigureSpan(Figure(value, f.figure.unit, text[share.start():f.end], f.figure.approximate),
                                      share.start(), f.end))
    for m in _DIGIT_ONE.finditer(text):
        if not any(f.start < m.end() and m.start() < f.end for f in out):
            unit = "killed" if m.group("u") == "killed" else "injured"
            out.append(FigureSpan(Figure(1.0, unit, m.group(0), False), m.start(), m.end()))
    return sorted(out, key=lambda f: f.start)
