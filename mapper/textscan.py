"""Word sets looked for in an article's text, all in one Aho-Corasick pass (pyahocorasick).

Several readers ask whether, and where, a text holds any of their words: news outlets' names
(``mapper.furniture``), local-news wording (``mapper.context``), the first words of demonyms
(``mapper.cues``), as written; abbreviations and "the village of" (``mapper.toponym_forms``), in the
lowered text. Each registers its words; the first question about a text scans its lowered form once
for all of them (a word as written is looked for lowered, then checked against the text), and the
answers are kept until another text is asked about.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import ahocorasick

from mapper import prefilter

Loader = Callable[[], Iterable[tuple[str, Any]]]
_LOADERS: dict[str, tuple[Loader, bool]] = {}
# the automata (None until first needed), the last text scanned, its hits by set (None: not looked for)
_STATE: list[Any] = [None, None, {}]


def register(name: str, loader: Loader, *, lowered: bool = False) -> None:
    """Look for the words ``loader()`` gives, as ``(word, payload)`` pairs, in every text scanned; their
    hits are reported under ``name``. ``lowered``: the words are lower-case ones, looked for in
    ``prefilter.lowered(text)``. The loader runs when a text is first scanned."""
    _LOADERS[name] = (loader, lowered)
    _STATE[:] = [None, None, {}]


def _add(automaton: Any, word: str, value: tuple[Any, ...]) -> None:
    automaton.add_word(word, automaton.get(word, ()) + (value,))


def _automata() -> tuple[Any, Any, Any]:
    """Over the lowered text: every set (a word as written lowered, with the word to check); over the
    text as written: every set of words as written, for a text whose lowered form is not exact; and the
    few words whose lowered form could miss an occurrence (a capital sigma lowers by its context)."""
    low, written, odd = ahocorasick.Automaton(), ahocorasick.Automaton(), ahocorasick.Automaton()
    for name, (loader, lowered) in _LOADERS.items():
        for word, payload in loader():
            if lowered:
                _add(low, word, (name, payload, None))
                continue
            _add(written, word, (name, payload))
            if "Σ" in word or len(word.lower()) != len(word):
                _add(odd, word, (name, payload))
            else:
                _add(low, word.lower(), (name, payload, word))
    for automaton in (low, written, odd):
        if len(automaton):
            automaton.make_automaton()
    return low, written, odd


def _scan(text: str) -> dict[str, list[tuple[int, Any]]]:
    low_words, written, odd = _STATE[0] = _STATE[0] or _automata()
    low = prefilter.lowered(text)
    found: dict[str, list[tuple[int, Any]]] = {}
    if low is None or len(low) != len(text):  # offsets of the lowered text are not the text's
        scans = [(written, text)]
    else:  # (same length: each character lowered to one)
        found = {name: [] for name, (_, lowered) in _LOADERS.items() if lowered}
        scans = [(low_words, low), (odd, text)]
    for automaton, seen in scans:
        if not len(automaton):
            continue
        for end, values in automaton.iter(seen):
            for owner, payload, *word in values:
                if not word or word[0] is None or text.startswith(word[0], end + 1 - len(word[0])):
                    found.setdefault(owner, []).append((end, payload))
    return found


def hits(text: str, name: str) -> list[tuple[int, Any]]:
    """Every occurrence in ``text`` of a word of the set ``name`` (as written): the index of its last
    character and its payload, by their ends (overlapping occurrences included; the rare words whose
    lowered form could miss an occurrence after the rest)."""
    if text is not _STATE[1]:
        _STATE[1], _STATE[2] = text, _scan(text)
    return _STATE[2].get(name, [])


def lowered_hits(text: str, name: str) -> list[tuple[int, Any]] | None:
    """``hits`` of a set registered ``lowered``, found in ``prefilter.lowered(text)``; None when that is
    not the text lowered character by character (it is None or of another length)."""
    if text is not _STATE[1]:
        _STATE[1], _STATE[2] = text, _scan(text)
    return _STATE[2].get(name)
