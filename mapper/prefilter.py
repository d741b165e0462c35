"""Skip regular expressions that cannot match: a cheap substring test on words every match contains.

Python's ``re`` tries a pattern such as ``\\b(?:arrived|landed)\\s+in\\s+...`` at every position of a
text. :class:`Gated` first asks whether the lower-cased text holds one of the words any match must
contain (read off the pattern itself, so they cannot drift from it) and runs the pattern only then:
the same matches, found many times faster on the many sentences that lack the words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import ahocorasick

# The only characters outside ASCII that a case-insensitive pattern matches to an ASCII letter
# (U+0130 and U+0131 to i, U+017F to s, U+212A to k): lower() does not turn them into that letter.
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
# Gated words looked for one by one (a substring test costs about one instruction per character, an
# automaton pass about 60); more in one automaton pass
_SUBSTRING_TESTS = 32


_LAST_LOWERED: list[tuple[str, str | None]] = [("", "")]  # the last text asked for and its answer


def lowered(text: str) -> str | None:
    """``text.lower()`` for :meth:`Gated.possible`, or None when substring tests on it would not be exact.

    The last answer is kept: recognition and resolution ask for the same article's text in turn.

    >>> lowered("Arrived in Kyiv"), lowered("\u0131n")
    ('arrived in kyiv', None)
    """
    last, low = _LAST_LOWERED[0]
    if text is last:
        return low
    low = None if not text.isascii() and any(ch in text for ch in _FOLDS_TO_ASCII) else text.lower()
    _LAST_LOWERED[0] = (text, low)
    return low


def alternation(words: set[str]) -> str:
    """A regex alternative for each word, grouped by first letter so a scan tries few of them.

    >>> alternation({"in", "into", "at"})
    'at|i(?:nto|n)'
    """
    by_first: dict[str, list[str]] = {}
    for w in sorted(words, key=lambda w: (-len(w), w)):
        by_first.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(re.escape(c) + (f"(?:{'|'.join(rest)})" if len(rest) > 1 else rest[0])
                    for c, rest in sorted(by_first.items()))


def required_words(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Lower-case ASCII strings one of which every match of ``pattern`` contains; ``()`` when none is known.

    >>> required_words(re.compile(r"\\b(?:arrived|arrive|landed)\\s+(?:in|at)\\s+<\\d+>", re.I))
    ('arrive', 'landed')
    >>> required_words(re.compile(r"\\d+"))
    ()
    """
    try:
        words = _sequence(list(sre_parse.parse(pattern.pattern, pattern.flags))) or set()
    except Exception:  # re's private parser changed shape: no prefilter, the pattern still runs
        return ()
    # "arrive" is in every text that holds "arrived": the shorter word alone tells
    return tuple(sorted(w for w in words if not any(v != w and v in w for v in words)))


def _sequence(items: list[tuple[Any, Any]]) -> set[str] | None:
    """Words one of which a match of the sequence contains: its most selective part's."""
    options: list[set[str]] = []
    run: list[str] = []
    for k, (op, av) in enumerate(items + [(None, None)]):
        if op is sre.LITERAL and av < 128:
            run.append(chr(av).lower())  # consecutive literals are consecutive characters of the match
            continue
        if run:
            options.append(_then("".join(run), items[k:]))
            run = []
        found = _item(op, av)
        if found:
            options.append(found)
    if not options:
        return None
    return max(options, key=lambda words: (min(map(len, words)), -len(words)))


def leading_words(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Lower-case ASCII strings one of which every match of ``pattern`` starts with; ``()`` when none is known.

    >>> leading_words(re.compile(r"\\b(?:from|out\\s+of)\\s+<\\d+>", re.I))
    ('from', 'out')
    >>> leading_words(re.compile(r"(?:about\\s+)?\\d+"))
    ()
    """
    try:
        words = _lead(list(sre_parse.parse(pattern.pattern, pattern.flags))) or set()
    except Exception:  # re's private parser changed shape: no prefilter, the pattern still runs
        return ()
    return tuple(sorted(w for w in words if not any(v != w and w.startswith(v) for v in words)))


def first_letters(pattern: re.Pattern[str]) -> str:
    """Lower-case ASCII letters one of which every match of ``pattern`` starts with; "" when not known.

    >>> first_letters(re.compile(r"\\b(?:(?:on|last)\\s+)?(?:Monday|Friday)\\b", re.I))
    'flmo'
    """
    try:
        letters = _first(list(sre_parse.parse(pattern.pattern, pattern.flags)))
    except Exception:  # re's private parser changed shape: no prefilter, the pattern still runs
        return ""
    return "".join(sorted(letters)) if letters else ""


def looking_ahead(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` behind a look-ahead at its :func:`first_letters` (in any case): the same matches, and re
    rejects most positions with one test of the character there instead of trying each alternative.

    Only a pattern that opens with a word boundary or ignores case: re finds the literal start of another
    faster by itself."""
    if not (pattern.pattern.startswith(r"\b") or pattern.flags & re.IGNORECASE):
        return pattern
    letters = first_letters(pattern)
    if not letters or pattern.pattern.startswith("(?") and not pattern.pattern.startswith(("(?:", "(?P", "(?=")):
        return pattern  # (a pattern that opens with global flags must keep them first)
    return re.compile(f"(?=(?i:[{letters}]))" + pattern.pattern, pattern.flags)


def _first(items: list[tuple[Any, Any]]) -> set[str] | None:
    """Letters one of which a match of the sequence starts with (None: not known)."""
    for k, (op, av) in enumerate(items):
        if op is sre.LITERAL:
            return {chr(av).lower()} if av < 128 and chr(av).isalpha() else None
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero width: the match starts with what follows
        if op is sre.SUBPATTERN:
            return _first(list(av[-1]) + items[k + 1:])
        if op in _REPEATS:
            body = _first(list(av[2]))
            if av[0] >= 1 or body is None:
                return body
            rest = _first(items[k + 1:])  # an optional part: it or what follows starts the match
            return body | rest if rest is not None else None
        if op is sre.BRANCH:
            letters: set[str] = set()
            for alternative in av[1]:
                found = _first(list(alternative) + items[k + 1:])
                if found is None:
                    return None
                letters |= found
            return letters
        return None
    return None


def _lead(items: list[tuple[Any, Any]]) -> set[str] | None:
    """Words one of which a match of the sequence starts with."""
    run: list[str] = []
    for k, (op, av) in enumerate(items):
        if op is sre.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if run:
            return _then("".join(run), items[k:])
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero width: the match starts with what follows
        if op is sre.SUBPATTERN:
            return _lead(list(av[-1]) + items[k + 1:])
        if op is sre.ATOMIC_GROUP:
            return _lead(list(av) + items[k + 1:])
        if op in _REPEATS and av[0] >= 1:
            return _lead(list(av[2]))
        if op is sre.BRANCH:
            words: set[str] = set()
            for alternative in av[1]:
                found = _lead(list(alternative) + items[k + 1:])
                if not found:
                    return None
                words |= found
            return words
        return None
    return {"".join(run)} if run else None


def _then(run: str, rest: list[tuple[Any, Any]]) -> set[str]:
    """A run of literals and what every match goes on with ("e" then "ight" or "leven": eight, eleven)."""
    tails = _lead(rest)
    return {run + tail for tail in tails} if tails else {run}


def _item(op: Any, av: Any) -> set[str] | None:
    if op is sre.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(av))
    if op in _REPEATS:
        return _sequence(list(av[2])) if av[0] >= 1 else None
    if op is sre.BRANCH:
        words: set[str] = set()
        for alternative in av[1]:
            found = _sequence(list(alternative))
            if not found:
                return None  # an alternative without a required word: the branch requires none
            words |= found
        return words
    return None  # a class, a wildcard, an assertion: no word required


def word_automaton(words: Iterable[str]) -> Any:
    """An Aho-Corasick automaton (pyahocorasick) that reports each of ``words`` (non-empty) found, as itself."""
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


class Gated:
    """A compiled pattern that runs only on texts holding one of its :func:`required_words`."""

    __slots__ = ("pattern", "words", "automaton")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = looking_ahead(pattern)
        self.words = required_words(pattern)
        # Many words are looked for in one Aho-Corasick pass (pyahocorasick), a few by substring tests.
        self.automaton = word_automaton(self.words) if len(self.words) > _SUBSTRING_TESTS and all(self.words) else None

    def possible(self, low: str | None) -> bool:
        """False when the text, lowered by :func:`lowered`, cannot hold a match."""
        if low is None or not self.words:
            return True
        if self.automaton is not None:
            return next(self.automaton.iter(low), None) is not None
        return any(map(low.__contains__, self.words))

    def finditer(self, text: str, low: str | None) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``, skipped when ``low`` (``lowered(text)``) rules a match out."""
        return self.pattern.finditer(text) if self.possible(low) else iter(())

    def finditer_in(self, text: str, low: str | None, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, pos, endpos)``, skipped when ``low`` (``lowered(text[pos:endpos])``)
        rules a match out."""
        return self.pattern.finditer(text, pos, endpos) if self.possible(low) else iter(())

    def search(self, text: str, low: str | None, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """``pattern.search(text, pos, endpos)``, skipped when ``low`` (``lowered(text)``) rules a match out."""
        if not self.possible(low):
            return None
        return self.pattern.search(text, pos, len(text) if endpos is None else endpos)


class GatedGroup:
    """Patterns run over the same texts: one Aho-Corasick pass (pyahocorasick) tells which of their words a
    text holds and where each first occurs, so a pattern whose matches all start with one of its
    :func:`leading_words` is searched only from the first of them."""

    __slots__ = ("members", "leads", "automaton", "word_sets", "lead_sets", "words")

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        self.members = [Gated(p) for p in patterns]
        self.leads = [leading_words(g.pattern) for g in self.members]
        self.word_sets = [frozenset(g.words) for g in self.members]
        self.lead_sets = [frozenset(lead) for lead in self.leads]
        self.automaton = ahocorasick.Automaton()
        self.words = tuple({w for g, lead in zip(self.members, self.leads, strict=True) for w in (*g.words, *lead)})
        for word in self.words:
            self.automaton.add_word(word, word)
        if len(self.automaton):
            self.automaton.make_automaton()

    def finditers(self, text: str, found: Iterable[tuple[int, str]] | None = None) -> list[Iterator[re.Match[str]]]:
        """``pattern.finditer(text)`` for each pattern, in order (the same matches, found sooner).

        ``found``: the group's ``words`` found in ``lowered(text)`` (index of the last character, the
        word), when a pass over the text already looked for them."""
        low = lowered(text)
        if low is None or len(low) != len(text) or not len(self.automaton):
            return [g.pattern.finditer(text) for g in self.members]
        at: dict[str, list[int]] = {}
        for end, word in self.automaton.iter(low) if found is None else found:
            at.setdefault(word, []).append(end - len(word) + 1)  # ends come in order: starts, nearly
        out: list[Iterator[re.Match[str]]] = []
        present = at.keys()
        for g, words, lead in zip(self.members, self.word_sets, self.lead_sets, strict=True):
            if words and present.isdisjoint(words):  # (most patterns of a group, tested before leads are found)
                out.append(iter(()))
                continue
            leads = present & lead if lead else lead
            if lead and not leads:
                out.append(iter(()))
            elif lead:  # offsets of the lowered text are the text's: a match starts where a leading word does
                starts = at[next(iter(leads))] if len(leads) == 1 else sorted({i for w in leads for i in at[w]})
                out.append(_matches_at(g.pattern, text, starts))
            else:
                out.append(g.pattern.finditer(text))
        return out


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose matches can only begin at ``starts`` (sorted): the
    same non-overlapping matches, tried only there instead of at every character."""
    pos = 0
    for i in starts:
        if i < pos:
            continue
        m = pattern.match(text, i)
        if m is not None:
            yield m
            pos = m.end()


_NEAR_END = 12  # how many characters before a window's end ``Ending.search`` looks at first


class Ending:
    """A pattern anchored at the end of its window (``...\\s+$``), every match of which ends with one of
    ``words`` (lower-case ASCII) and then whitespace: the window's last characters are looked at first,
    and the pattern runs only where they may end a match (most names follow no such word)."""

    __slots__ = ("pattern", "words", "longest")

    def __init__(self, pattern: re.Pattern[str], words: Iterable[str]) -> None:
        self.pattern = pattern
        self.words = tuple(words)
        self.longest = max(map(len, self.words))

    def possible(self, window: str) -> bool:
        """False when no match can end ``window``."""
        core = window.rstrip()  # str.isspace() is re's \s
        if len(core) == len(window):
            return False
        tail = core[-self.longest:]
        # outside ASCII, matching case-insensitively is not lower(): "ſ" matches "s", "K" (Kelvin) "k"
        return not tail.isascii() or tail.lower().endswith(self.words)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """``bool(pattern.search(text, pos, endpos))``, skipped when the window's end rules a match out.

        Most matches are a word or two ("in the "): the window's last characters are searched first, the
        whole window only when they hold no match (a match found from a later position is one from
        ``pos`` too: ``\b`` and look-behinds see the text before the position searched from)."""
        end = len(text) if endpos is None else endpos
        if not self.possible(text[pos:end]):
            return False
        near = end - _NEAR_END
        return (near > pos and self.pattern.search(text, near, end) is not None) or \
            self.pattern.search(text, pos, end) is not None

