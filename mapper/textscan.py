"""Word sets looked for in an article's text as written, all in one Aho-Corasick pass (pyahocorasick).

Several readers ask whether, and where, a text holds any of their words: news outlets' names
(``mapper.furniture``), local-news wording (``mapper.context``), the first words of demonyms
(``mapper.cues``). Each registers its words; the first question about a text scans it once for all
of them, and the answers are kept until another text is asked about.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import ahocorasick

_LOADERS: dict[str, Callable[[], Iterable[tuple[str, Any]]]] = {}
# the automaton of every registered set (None until first needed), the last text scanned, its hits by set
_STATE: list[Any] = [None, None, {}]


def register(name: str, loader: Callable[[], Iterable[tuple[str, Any]]]) -> None:
    """Look for the words ``loader()`` gives, as ``(word, payload)`` pairs, in every text scanned; their
    hits are reported under ``name``. The loader runs when a text is first scanned."""
    _LOADERS[name] = loader
    _STATE[:] = [None, None, {}]


def _automaton() -> Any:
    automaton = ahocorasick.Automaton()
    for name, loader in _LOADERS.items():
        for word, payload in loader():
            automaton.add_word(word, automaton.get(word, ()) + ((name, payload),))
    if len(automaton):
        automaton.make_automaton()
    return automaton


def hits(text: str, name: str) -> list[tuple[int, Any]]:
    """Every occurrence in ``text`` of a word of the set ``name``: the index of its last character and
    its payload, in the order of their ends (overlapping occurrences included)."""
    automaton, last, found = _STATE
    if text is not last:
        if automaton is None:
            automaton = _STATE[0] = _automaton()
        found = {}
        if len(automaton):
            for end, values in automaton.iter(text):
                for owner, payload in values:
                    found.setdefault(owner, []).append((end, payload))
        _STATE[1], _STATE[2] = text, found
    return found.get(name, [])
