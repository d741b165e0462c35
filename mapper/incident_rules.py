"""Rules behind incident extraction: lexicons, sentence splitting, cues and flow patterns over sentences."""

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
from mapper.model import Place, PlaceKind, Resolution
from mapper.prefilter import Gated, lowered

LEXICON_DIR = "data/lexicons"

_ABBREV = frozenset(["st", "mt", "ft", "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt",
                     "capt", "maj", "adm", "gov", "sen", "rep", "jr", "sr", "inc", "ltd", "co", "corp",
                     "no", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "jan", "feb", "mar", "apr",
                     "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx"])
# A full stop, ! or ? before a capital or digit; a blank line; a line break before a capital. The first
# character is matched on its own so that re skips ahead to the next candidate character quickly.
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|(?<=\n)\s*\n|(?<=\n)(?=[A-Z]))")
_LAST_WORD = re.compile(r"([\w.]+)$")
_BACKGROUND_AFTER = re.compile(r"\s*(?:[’']s\s+)?(?:border|foreign\s+policy|relations)\b")
_BACKGROUND_BEFORE = re.compile(r"\b(?:border\s+(?:with|between)|borders|bordering)\s+(?:\w+\s+)?$")
_NAMED_OP = Gated(re.compile(r"\bOperation\s+((?:[A-Z][\w’'-]*\s*){1,3})"))
# Groups of people who move, enlist or are evacuated; a lone traveller ("he", "a passenger") is no flow.
_PEOPLE = Gated(re.compile(r"\b(?:people|persons|individuals|migrants|citizens|nationals|residents|civilians|children|"
                     r"women|families|workers|refugees|evacuees|students|volunteers|soldiers|fighters|recruits|"
                     r"conscripts|labou?rers|asylum\s+seekers|pilgrims|displaced|orphans|mercenaries|"
                     r"servicemen|migrant|citizenship)\b", re.IGNORECASE))


@dataclass(frozen=True, slots=True)
class Trigger:
    """A lexicon term found in a sentence."""

    type: str
    subtype: str
    term: str
    start: int
    end: int


_ASCII_LOWER = frozenset(string.ascii_lowercase)


@dataclass(frozen=True, slots=True)
class _Index:
    """The terms of one lexicon file, looked up by their first word: one pass over a text's words."""

    terms: tuple[str, ...]
    rows: tuple[tuple[tuple[str, str], ...], ...]  # per term: (type, subtype) or (cue, "")
    singles: tuple[re.Pattern[str], ...]
    exact: dict[str, tuple[int, ...]]  # first word -> terms
    prefix: dict[str, tuple[tuple[str, int], ...]]  # first letters -> (word prefix, term) for "evacuat*"
    first: re.Pattern[str]  # every term's first word: the scan visits only words that may start a term
    automaton: Any  # the same first words and stems in an Aho-Corasick automaton (pyahocorasick)
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
        automaton = ahocorasick.Automaton()
        for key in set(exact) | set(stems):
            automaton.add_word(key, key)
        if len(automaton):
            automaton.make_automaton()
        return cls(tuple(terms), tuple(tuple(rows[t]) for t in terms), tuple(_term_regex(t) for t in terms),
                   {w: tuple(v) for w, v in exact.items()}, {w: tuple(v) for w, v in prefix.items()}, first,
                   automaton, {w: tuple(v) for w, v in stems.items()})

    def scan(self, text: str, start: int, end: int) -> list[tuple[int, int, int]]:
        """(term index, start, end) of every term occurrence in ``text[start:end]``."""
        low = text.lower()
        if len(low) != len(text) or not len(self.automaton):
            return self._scan_words(text, start, end)  # lower() changed offsets (rare scripts): slow path
        out = []
        for last, key in self.automaton.iter(low, start, end):
            at = last - len(key) + 1
            if at > 0 and low[at - 1] in _ASCII_LOWER:
                continue  # inside a word
            whole = last + 1 == len(low) or low[last + 1] not in _ASCII_LOWER
            cands = list(self.exact.get(key, ())) if whole else []
            cands += self.stems.get(key, ())
            for k in cands:
                m = self.singles[k].match(text, at, end)
                if m:
                    out.append((k, m.start(), m.end()))
        return out

    def _scan_words(self, text: str, start: int, end: int) -> list[tuple[int, int, int]]:
        out = []
        for w in self.first.finditer(text, start, end):
            word = w.group().lower()
            cands = list(self.exact.get(word, ()))
            cands += [k for p, k in self.prefix.get(word[:3], ()) if word.startswith(p)]
            for k in cands:
                m = self.singles[k].match(text, w.start(), end)
                if m:
                    out.append((k, m.start(), m.end()))
        return out


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Trigger rows ``(type, subtype, term)`` and cue rows ``(cue, term)``, compiled for one-pass scans."""

    triggers: tuple[tuple[str, str, str], ...]
    cues: tuple[tuple[str, str], ...]
    trigger_index: _Index
    cue_index: _Index

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Trigger]:
        """Every trigger term in ``text[start:end]``, offsets into ``text``, in text order."""
        end = len(text) if end is None else end
        idx = self.trigger_index
        found = [Trigger(t, s, idx.terms[k], a, b) for k, a, b in idx.scan(text, start, end) for t, s in idx.rows[k]]
        return sorted(found, key=lambda t: t.start)

    def cues_in(self, text: str, start: int = 0, end: int | None = None) -> dict[str, list[tuple[str, int]]]:
        """Cue name -> [(term, offset)] found in ``text[start:end]`` (the whole text is scanned once)."""
        end = len(text) if end is None else end
        key = (id(self), id(text))
        cached = _CUE_CACHE.get("last")
        if cached is None or cached[0] != key or cached[1] is not text:
            idx = self.cue_index
            hits = sorted((a, idx.terms[k], cue) for k, a, _b in idx.scan(text, 0, len(text))
                          for cue, _ in idx.rows[k])
            cached = (key, text, hits, [h[0] for h in hits])
            _CUE_CACHE["last"] = cached
        hits, offsets = cached[2], cached[3]
        out: dict[str, list[tuple[str, int]]] = {}
        for off, term, cue in hits[bisect.bisect_left(offsets, start):bisect.bisect_left(offsets, end)]:
            out.setdefault(cue, []).append((term, off))
        return out


_CUE_CACHE: dict[str, tuple] = {}  # type: ignore[type-arg]  # the last text's cues: one scan per article


@lru_cache(maxsize=4096)
def _needle(term: str) -> str:
    """The literal start of a term, which must occur in a text for the term to match."""
    return term.split()[0].rstrip("*").lower()


def _term_regex(term: str) -> re.Pattern[str]:
    words = [re.escape(w[:-1]) + r"[\w’'-]*" if w.endswith("*") else re.escape(w) for w in term.split()]
    return re.compile(r"\b" + r"\s+".join(words) + (r"" if term.endswith("*") else r"\b"), re.IGNORECASE)


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
    return Lexicon(triggers, cues, _Index.build([((t, st), term) for t, st, term in triggers]),
                   _Index.build([((c, ""), term) for c, term in cues]))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a text, not broken after abbreviations ("St.", "U.S.") or initials ("A. Smith").

    >>> t = "Drones hit St. Petersburg. J. Smith said so. Then U.S. officials left."
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['Drones hit St. Petersburg.', 'J. Smith said so.', 'Then U.S. officials left.']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if text[m.start()] == ".":
            # The last 16 characters tell: a longer word is no abbreviation either way (and a search
            # from the sentence start would cost a pass over the sentence per full stop).
            word = _LAST_WORD.search(text, max(start, m.start() - 16), m.start())
            token = word.group(1).lower() if word else ""
            if token in _ABBREV or (len(token) == 1 and token.isalpha()):
                continue
        end = m.start() + 1 if text[m.start()] in ".!?" else m.start()
        _add_span(text, start, end, spans)
        start = m.end()
    _add_span(text, start, len(text), spans)
    return spans


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def named_operation(text: str, start: int, end: int) -> tuple[str, str] | None:
    """``("Operation Spider's Web", "spiderweb")``: a named operation in the span and its merge key."""
    m = _NAMED_OP.search(text, lowered(text[start:end]), start, end)
    if not m:
        return None
    words = m.group(1).split()
    while words and words[-1].lower() in {"the", "and", "of", "in", "was", "is"}:
        words.pop()
    if not words:
        return None
    name = "Operation " + " ".join(words)
    key = "".join(re.sub(r"(?:['’]s)$", "", w).lower() for w in words)
    return name.rstrip(".,;:"), re.sub(r"\W", "", key)


_ACTOR = Gated(re.compile(
    r"\b(?:(?P<who>[A-Z][a-z]+(?:[’']s)?|[A-Z]{2,5}(?:[’']s)?)\s+)?(?P<body>Security\s+Service|Armed\s+Forces|"
    r"military\s+intelligence(?:\s+(?:agency|service|directorate))?|armed\s+forces|forces|troops|army|military|[Aa]ir\s+[Ff]orce|air\s+defen[cs]es?|"
    r"Ministry\s+of\s+(?:Defen[cs]e|Foreign\s+Affairs|Emergency\s+Situations|Internal\s+Affairs)|"
    r"(?:Defen[cs]e|Foreign|Emergencies)\s+Ministry|Investigative\s+Committee|[Bb]order\s+[Gg]uards?|"
    r"[Bb]order\s+[Ss]ervice|[Pp]olice(?:\s+[Dd]epartment)?|Defen[cs]e\s+Intelligence|"
    r"intelligence\s+agency|security\s+services)\b|\b(?P<acro>SBU|FSB|KNB|GUR|HUR|TASS|MoD)\b"))
_ACTOR_SKIP = frozenset({"The", "A", "An", "Its", "Their", "His", "Her", "Some", "Both", "Local", "Regional",
                         "Several", "Many", "Other", "This", "That", "These", "Those", "Former"})


def actors(text: str, start: int, end: int) -> list[str]:
    """Named actors of a span: "Ukraine's Security Service", "Russian forces", "SBU" (first seen first).

    >>> t = "Ukraine's Security Service (SBU) said Russian air defences failed."
    >>> actors(t, 0, len(t))
    ["Ukraine's Security Service", 'SBU', 'Russian air defences']
    """
    out: list[str] = []
    if not _ACTOR.possible(lowered(text[start:end])):
        return out
    for m in _ACTOR.pattern.finditer(text, start, end):
        if m.group("acro"):
            name = m.group("acro")
        else:
            who = m.group("who")
            if not who or who in _ACTOR_SKIP:
                if m.group("body")[0].islower():
                    continue  # "the army", "forces": nobody named
                who = ""
            name = " ".join(f"{who} {m.group('body')}".split())
        if name not in out:
            out.append(name)
    return out


def has_people(text: str, start: int, end: int) -> bool:
    """True when the span names a group of people (so "parts arrived" or "he returned" is no migration)."""
    return _PEOPLE.search(text, lowered(text[start:end]), start, end) is not None


# Flow patterns over a sentence whose place mentions are masked as <0>, <1>, ... (see mask_places).
_LIST = r"<\d+>(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)<\d+>)*"
_ORIGIN = [Gated(rx) for rx in (
    re.compile(rf"\b(?:come|came|comes|coming|arrived|fled|evacuat\w*|returned|deported|migrants|citizens|"
               rf"nationals|people|children|workers|refugees)\b[^<.;]{{0,60}}?\bfrom\s+"
               rf"(?:(?!\b(?:for|to|in|into|by|at)\b)[^<.;]){{0,50}}?"
               rf"(?P<o>{_LIST})", re.I),
    re.compile(rf"\b(?:from|out\s+of)\s+(?:the\s+|neighbou?ring\s+)?(?P<o>{_LIST})", re.I),
    re.compile(rf"\b(?:from|out\s+of)\s+(?:\w+\s+){{0,3}}?(?:in|of)\s+(?:the\s+)?(?:\w+\s+)?(?P<o>{_LIST})", re.I),
    re.compile(rf"\b(?:citizens|nationals|natives)\s+of\s+[^<.;]{{0,40}}?(?P<o>{_LIST})", re.I),
    # Where people lived before: "lived in X", "no longer want to live in X", "go back to living in X".
    re.compile(rf"\b(?:(?:no\s+longer|back\s+to|used\s+to|previously|formerly)\s+(?:\w+\s+){{0,3}}?"
               rf"(?:live|living)|lived)\s+in\s+(?P<o>{_LIST})", re.I),
    re.compile(rf"^(?:[^<]{{0,40}})(?P<o>{_LIST})\s+accounted\s+for", re.I),
)]
_DEST = [Gated(rx) for rx in (
    re.compile(rf"\b(?:arrived|arrive|arriving|arrival|landed)\s+(?:in|at|to)\s+(?P<d>{_LIST})", re.I),
    re.compile(rf"\b(?:entered|crossed\s+into|fled\s+(?:in)?to)\s+(?:neighbou?ring\s+)?(?P<d>{_LIST})", re.I),
    re.compile(rf"\b(?:relocat\w*|moved|moving|travel+ed|departure|left|fled|evacuated|returned|sent|deployed|"
               rf"headed|deported|repatriated|expelled|transferred|flown|brought|taken|bused|bussed|came|come|coming)\b"
               rf"[^.;]{{0,80}}?\b(?:to|for|into)\s+(?:neighbou?ring\s+)?(?P<d>{_LIST})", re.I),
    re.compile(rf"\b(?:war|war\s+effort|front(?:\s+lines?)?|fight|fighting|fought|serve|serving|conflict)\s+"
               rf"(?:for\s+<\d+>\s+)?in\s+(?P<d>{_LIST})", re.I),
    re.compile(rf"\b(?:(?:are|were|is|was|now)\s+)(?:living|working|staying)\s+in\s+(?P<d>{_LIST})", re.I),
    re.compile(rf"\b(?:invasion\s+of|war\s+(?:in|on|against)|fight\s+against)\s+(?P<d>{_LIST})", re.I),
    re.compile(r"(?P<d><\d+>)\s+(?:hosted|hosts|received|welcomed|took\s+in|accepted)\b", re.I),
    re.compile(rf"\b(?:migrants|workers|refugees)\s+in\s+(?P<d>{_LIST})", re.I),
)]
_STAGING = Gated(re.compile(r"\b(?:warehouse|staging|assembled|launched\s+from|smuggl\w*|hideout|"
                            r"base\s+of\s+operations)\b", re.I))


def mask_places(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """The sentence ``text[start:end]`` with each place span replaced by ``<i>``; also each mask's offset."""
    out, pos, where = [], start, []
    for i, (a, b) in enumerate(spans):
        out.append(text[pos:a])
        where.append(sum(len(x) for x in out))
        out.append(f"<{i}>")
        pos = b
    out.append(text[pos:end])
    return "".join(out), where


_POSSESSOR = re.compile(r"<\d+>[’']s\s+(?=<\d+>)")
_OWNER = re.compile(r"<(\d+)>[’']s\b")
_NOT_ORIGIN = re.compile(r"(?:statement|report|reports|data|sources?|according\s+to|message|letter)\s+"
                         r"(?:\w+\s+){0,2}from\s+$", re.I)


def flow_roles(masked: str) -> dict[int, str]:
    """Mask index -> "origin" or "destination" from the flow patterns of one masked sentence.

    A possessor ("<0>'s <1>": Russia's Chelyabinsk region) gives way to the place it qualifies, and a
    place that owns something ("Ukraine's intelligence") or the source of a statement is no endpoint.
    """
    masked = _POSSESSOR.sub("", masked)
    low = lowered(masked)
    owners = {int(i) for i in _OWNER.findall(masked)}
    roles: dict[int, str] = {i: "none" for i in owners}
    for rx in _DEST:
        for m in rx.finditer(masked, low):
            for i in re.findall(r"<(\d+)>", m.group("d")):
                roles.setdefault(int(i), "destination")
    for rx in _ORIGIN:
        for m in rx.finditer(masked, low):
            if _NOT_ORIGIN.search(masked, max(0, m.start("o") - 60), m.start("o")):
                continue
            for i in re.findall(r"<(\d+)>", m.group("o")):
                if roles.get(int(i)) is None:
                    roles[int(i)] = "origin"
    return {i: r for i, r in roles.items() if r != "none"}


def staging_spans(text: str, start: int, end: int) -> list[int]:
    """Offsets of staging cues (warehouse, assembled, launched from, smuggled) in the span."""
    if not _STAGING.possible(lowered(text[start:end])):
        return []
    return [m.start() for m in _STAGING.pattern.finditer(text, start, end)]


def is_background(text: str, sent_start: int, mention_start: int, mention_end: int, place: Place,
                  lexicon: Lexicon) -> bool:
    """True when a place is context, not a site: a border, a birthplace, a broad area, a policy."""
    if place.kind in {PlaceKind.CONTINENT, PlaceKind.AREA}:
        return True
    before = text[max(sent_start, mention_start - 25):mention_start].lower()
    after = text[mention_end:mention_end + 25].lower()
    for _term, off in lexicon.cues_in(text, max(sent_start, mention_start - 25), mention_start).get(
            "background", []):
        if off >= mention_start - 25:
            return True
    return bool(_BACKGROUND_AFTER.match(after) or _BACKGROUND_BEFORE.search(before))


def literal_resolutions(resolutions: tuple[Resolution, ...]) -> list[Resolution]:
    """Resolutions usable as incident locations: literal mentions with a place, in text order."""
    return sorted((r for r in resolutions if r.place is not None and r.mention.literal),
                  key=lambda r: r.mention.start)
