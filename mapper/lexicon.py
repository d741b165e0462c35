"""Trigger and cue lexicons: loaded from CSV and found in a text in one pass for both."""

from __future__ import annotations

import bisect
import csv
import re
import string
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import ahocorasick

from mapper.errors import InputError

LEXICON_DIR = "data/lexicons"

_ASCII_LOWER = frozenset(string.ascii_lowercase)
# bytes other than a-z -> space: a text so reduced shows every word start as a space before a letter
_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
Hit = tuple[int, int, int]  # (term index, start, end)
_SCANS_KEPT = 64  # texts whose scans a Lexicon keeps


@dataclass(frozen=True, slots=True)
class Trigger:
    """A lexicon term found in a sentence."""

    type: str
    subtype: str
    term: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Index:
    """The terms of one lexicon file, looked up by their first word."""

    terms: tuple[str, ...]
    rows: tuple[tuple[tuple[str, str], ...], ...]  # per term: (type, subtype) or (cue, "")
    singles: tuple[re.Pattern[str], ...]
    exact: dict[str, tuple[int, ...]]  # first word -> terms
    prefix: dict[str, tuple[tuple[str, int], ...]]  # first letters -> (word prefix, term) for "evacuat*"
    first: re.Pattern[str]  # every term's first word, for texts that lower() would change in length
    stems: dict[str, tuple[int, ...]]  # "evacuat" -> terms whose first word is "evacuat*"

    @classmethod
    def build(cls, pairs: list[tuple[tuple[str, str], str]]) -> _Index:
        terms: list[str] = []
        rows: dict[str, list[tuple[str, str]]] = {}
        for row, term in pairs:
            if term not in rows:
                terms.append(term)
            rows.setdefault(term, []).append(row)
        exact: dict[str, list[int]] = {}
        prefix: dict[str, list[tuple[str, int]]] = {}
        for k, term in enumerate(terms):
            first = term.split()[0].lower()
            if first.endswith("*"):
                prefix.setdefault(first[:3], []).append((first[:-1], k))
            else:
                exact.setdefault(first, []).append(k)
        alternatives = sorted({re.escape(w) for w in exact} | {re.escape(p) + "[a-z]*" for ps in prefix.values()
                                                               for p, _k in ps}, key=len, reverse=True)
        first = re.compile(r"(?<![A-Za-z])(?:" + ("|".join(alternatives) or "(?!)") + r")(?![A-Za-z])", re.I)
        stems: dict[str, list[int]] = {}
        for ps in prefix.values():
            for stem, k in ps:
                stems.setdefault(stem, []).append(k)
        return cls(tuple(terms), tuple(tuple(rows[t]) for t in terms), tuple(_term_regex(t) for t in terms),
                   {w: tuple(v) for w, v in exact.items()}, {w: tuple(v) for w, v in prefix.items()}, first,
                   {w: tuple(v) for w, v in stems.items()})

    def keys(self) -> set[str]:
        """The first words and stems a term can start with."""
        return set(self.exact) | set(self.stems)

    def starting(self, key: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Terms that may start where ``key`` occurs: when it is a whole word, and when more letters follow."""
        stems = self.stems.get(key, ())
        return self.exact.get(key, ()) + stems, stems

    def scan_words(self, text: str) -> list[Hit]:
        """Every term occurrence, word by word (for texts whose lower() changes offsets: rare scripts)."""
        out = []
        for w in self.first.finditer(text):
            word = w.group().lower()
            cands = list(self.exact.get(word, ()))
            cands += [k for p, k in self.prefix.get(word[:3], ()) if word.startswith(p)]
            for k in cands:
                m = self.singles[k].match(text, w.start())
                if m:
                    out.append((k, m.start(), m.end()))
        return out


class _Scan:
    """One text's trigger hits and cue hits (sorted by offset, for :meth:`Lexicon.cues_in`)."""

    __slots__ = ("text", "triggers", "cues", "offsets")

    def __init__(self, text: str, triggers: list[Hit], cues: list[tuple[int, str, str]]) -> None:
        self.text, self.triggers, self.cues = text, triggers, cues
        self.offsets = [c[0] for c in cues]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Trigger rows ``(type, subtype, term)`` and cue rows ``(cue, term)``, compiled for one-pass scans."""

    triggers: tuple[tuple[str, str, str], ...]
    cues: tuple[tuple[str, str], ...]
    trigger_index: _Index
    cue_index: _Index
    # Every first word and stem of both files in one Aho-Corasick automaton (pyahocorasick): per key its
    # length and the (whole word, longer word) terms of each file it may start.
    automaton: Any
    # The texts scanned last, newest last (an article's triggers, then its cues sentence by sentence; a
    # copy of a recent text, such as a wire story in several feeds, is not scanned again).
    last: dict[str, _Scan]
    spaced: bool  # the automaton's keys are " word": see build

    @classmethod
    def build(cls, triggers: tuple[tuple[str, str, str], ...], cues: tuple[tuple[str, str], ...]) -> Lexicon:
        """Index trigger rows ``(type, subtype, term)`` and cue rows ``(cue, term)``."""
        trigger_index = _Index.build([((t, st), term) for t, st, term in triggers])
        cue_index = _Index.build([((c, ""), term) for c, term in cues])
        automaton = ahocorasick.Automaton()
        keys = trigger_index.keys() | cue_index.keys()
        # Keys of letters a-z only (the shipped lexicons') are looked for after a space in the text reduced to
        # its letters (:data:`_LETTERS_ONLY`): the automaton then reports word starts only, not every "in"
        # inside a word.
        spaced = all(key.isascii() and key.isalpha() and key.islower() for key in keys)
        for key in keys:
            (t_whole, t_longer), (c_whole, c_longer) = trigger_index.starting(key), cue_index.starting(key)
            seconds = _seconds(trigger_index.terms, t_whole, cue_index.terms, c_whole) \
                if spaced and not (t_longer or c_longer) else None
            if seconds is None:
                automaton.add_word(" " * spaced + key, (len(key), t_whole, t_longer, c_whole, c_longer))
                continue
            # Every term has a second word ("in search of work"): the key holds its start too, so a common first
            # word ("in", "the", "has") is reported only before a word that may follow it; two gap characters or
            # more (a longer space, "in, the") report all of its terms, left to the terms' patterns.
            for lead, (t_some, c_some) in seconds.items():
                automaton.add_word(f" {key} {lead}", (len(key) + 1 + len(lead), t_some, t_some, c_some, c_some))
            automaton.add_word(f" {key}  ", (len(key) + 2, t_whole, t_whole, c_whole, c_whole))
        if len(automaton):
            automaton.make_automaton()
        return cls(triggers, cues, trigger_index, cue_index, automaton, {}, spaced)

    def find(self, text: str) -> list[Trigger]:
        """Every trigger term in ``text``, in text order."""
        idx = self.trigger_index
        found = [Trigger(t, s, idx.terms[k], a, b) for k, a, b in self._scan(text).triggers for t, s in idx.rows[k]]
        return sorted(found, key=lambda t: t.start)

    def cues_in(self, text: str, start: int = 0, end: int | None = None) -> dict[str, list[tuple[str, int]]]:
        """Cue name -> [(term, offset)] found in ``text[start:end]`` (the whole text is scanned once)."""
        end = len(text) if end is None else end
        scan = self._scan(text)
        out: dict[str, list[tuple[str, int]]] = {}
        for off, term, cue in scan.cues[bisect.bisect_left(scan.offsets, start):bisect.bisect_left(scan.offsets, end)]:
            out.setdefault(cue, []).append((term, off))
        return out

    def _scan(self, text: str) -> _Scan:
        cached = self.last.get(text)
        if cached is not None:
            return cached
        low = text.lower()
        if len(low) != len(text):  # lower() changed offsets (rare scripts): word by word
            triggers, cues = self.trigger_index.scan_words(text), self.cue_index.scan_words(text)
        else:
            triggers, cues = self._scan_lowered(text, low)
        idx = self.cue_index
        scan = _Scan(text, triggers, sorted((a, idx.terms[k], cue) for k, a, _b in cues for cue, _ in idx.rows[k]))
        if len(self.last) >= _SCANS_KEPT:
            self.last.pop(next(iter(self.last), None), None)  # the oldest (another thread may have taken it)
        self.last[text] = scan
        return scan

    def _scan_lowered(self, text: str, low: str) -> tuple[list[Hit], list[Hit]]:
        triggers: list[Hit] = []
        cues: list[Hit] = []
        if not len(self.automaton):
            return triggers, cues
        size = len(low)
        trigger_rx, cue_rx = self.trigger_index.singles, self.cue_index.singles
        spaced = self.spaced
        view = " " + low.encode("ascii", "replace").translate(_LETTERS_ONLY).decode("ascii") if spaced else low
        for last, (n, t_whole, t_longer, c_whole, c_longer) in self.automaton.iter(view):
            last -= spaced  # the view's leading space
            at = last - n + 1
            if not spaced and at and low[at - 1] in _ASCII_LOWER:
                continue  # inside a word
            whole = last + 1 == size or low[last + 1] not in _ASCII_LOWER
            for k in t_whole if whole else t_longer:
                m = trigger_rx[k].match(text, at)
                if m:
                    triggers.append((k, m.start(), m.end()))
            for k in c_whole if whole else c_longer:
                m = cue_rx[k].match(text, at)
                if m:
                    cues.append((k, m.start(), m.end()))
        return triggers, cues


def _seconds(t_terms: tuple[str, ...], t_whole: tuple[int, ...], c_terms: tuple[str, ...],
             c_whole: tuple[int, ...]) -> dict[str, tuple[tuple[int, ...], tuple[int, ...]]] | None:
    """For terms that all have a second word starting with a letter a-z: the letters a-z it starts with (its
    lead: "search" of "in search of work", "russ" of "russ*") -> the (trigger, cue) terms, in their order, that
    may go on so after the first word and one gap character. A lead that starts another ("the", "their") holds
    the other's terms too, so terms that may match at one place are tried in their order. None when a term lacks
    such a second word."""
    leads: dict[tuple[int, int], str] = {}
    for side, terms, ks in ((0, t_terms, t_whole), (1, c_terms, c_whole)):
        for k in ks:
            words = terms[k].lower().split()
            lead = re.match(r"[a-z]*", words[1]).group() if len(words) > 1 else ""  # type: ignore[union-attr]
            if not lead:
                return None
            leads[side, k] = lead
    if not leads:
        return None
    short = {lead: min((x for x in leads.values() if lead.startswith(x)), key=len) for lead in leads.values()}
    return {lead: (tuple(k for k in t_whole if short[leads[0, k]] == lead),
                   tuple(k for k in c_whole if short[leads[1, k]] == lead))
            for lead in sorted(set(short.values()))}


def _term_regex(term: str) -> re.Pattern[str]:
    """A term's words in a row; a hyphen may join them as a space does ("shoot out*" finds "shoot-out")."""
    words = [re.escape(w[:-1]) + r"[\w’'-]*" if w.endswith("*") else re.escape(w) for w in term.split()]
    return re.compile(r"\b" + r"(?:\s+|-)".join(words) + (r"" if term.endswith("*") else r"\b"), re.IGNORECASE)


def _rows(path: Path | None, name: str) -> list[dict[str, str]]:
    if path is None:
        text = resources.files("mapper").joinpath(LEXICON_DIR, name).read_text(encoding="utf-8")
        where = f"mapper/{LEXICON_DIR}/{name}"
    else:
        where = str(path / name)
        try:
            text = (path / name).read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot read lexicon {where}: {exc}") from exc
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    rows = list(csv.DictReader(lines))
    for i, row in enumerate(rows, 2):
        if None in row or any(v is None for v in row.values()):
            raise InputError(f"{where}: row {i} has the wrong number of columns: {row}")
    return rows


@lru_cache(maxsize=8)
def load_lexicon(path: Path | None = None) -> Lexicon:
    """Load ``triggers.csv`` and ``cues.csv`` from ``path`` (default: the shipped lexicons), compiled once.

    Raises
    ------
    InputError
        When a file is missing or a row is malformed.
    """
    triggers = tuple((r["type"].strip(), r["subtype"].strip(), r["term"].strip())
                     for r in _rows(path, "triggers.csv") if r["term"].strip())
    cues = tuple((r["cue"].strip(), r["term"].strip()) for r in _rows(path, "cues.csv") if r["term"].strip())
    return Lexicon.build(triggers, cues)
