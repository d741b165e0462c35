"""Prefilters: a gated pattern finds exactly what the pattern finds, skipping texts that cannot match."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mapper import cues, figures, incident_flow_patterns, incident_rules, locatives
from mapper.prefilter import _FOLDS_TO_ASCII, Gated, GatedGroup, leading_words, lowered, required_words

GATED = {
    "people": incident_flow_patterns._PEOPLE, "actor": incident_rules._ACTOR, "staging": incident_rules._STAGING,
    "number word": figures._NUMBER_WORD, "the country": incident_rules._THE_COUNTRY,
    **{f"flow {i}": g for i, g in enumerate(incident_flow_patterns._FLOWS.members)},
}
# Words of the patterns, odd capitals, and the four characters a case-insensitive pattern reads as an
# ASCII letter although lower() keeps them (dotted and dotless i, long s, Kelvin sign).
PIECES = ["from", "FROM", "From", "arrived in", "fled to", "citizens of", "people", "Workers", "war in",
          "SBU", "Russian forces", "Air Force", "warehouse", "smuggled", "twenty", "Seventeen", "a hundred",
          "<0>", "<1>", "<2>", "’s", "'s", ",", ".", " and ", "ſ", "ı", "İ", "K", "ſtaging", "ſeven", "arrıved",
          "lived in", "no longer want to live in", "accounted for", "hosted", "the front in", "out of the country",
          "Country", "COUNTRY"]
text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=14).map(" ".join)


@pytest.mark.parametrize("name", sorted(GATED))
@settings(max_examples=60, deadline=dt.timedelta(seconds=2))
@given(sample=text)
def test_gated_patterns_find_what_the_pattern_finds(name: str, sample: str) -> None:
    gated = GATED[name]
    assert [m.span() for m in gated.finditer(sample, lowered(sample))] == [
        m.span() for m in gated.pattern.finditer(sample)]


@settings(max_examples=300, deadline=dt.timedelta(seconds=2))
@given(sample=text)
def test_a_group_finds_what_each_pattern_finds(sample: str) -> None:
    group = incident_flow_patterns._FLOWS
    assert [[m.span() for m in found] for found in group.finditers(sample)] == [
        [m.span() for m in g.pattern.finditer(sample)] for g in group.members]


def test_leading_words_start_every_match() -> None:
    assert leading_words(re.compile(r"\b(?:arrived|landed)\s+in", re.I)) == ("arrived", "landed")
    assert leading_words(re.compile(r"(?:a|)bc")) == ("abc", "bc")  # the empty alternative leads with "bc"
    assert leading_words(re.compile(r"(?:about\s+)?\d+")) == ()
    assert leading_words(re.compile(r"\b(?:(?:are|is)\s+)(?:living|working)")) == ("are", "is")
    group = GatedGroup([re.compile(r"\bfled\s+to\s+<\d+>", re.I)])
    (found,) = group.finditers("Families who fled the war fled to <0> and FLED TO <1>.")
    assert [m.group() for m in found] == ["fled to <0>", "FLED TO <1>"]


def test_required_words_come_from_the_most_telling_part() -> None:
    rx = re.compile(r"\b(?:arrived|arrive|arriving|landed)\s+(?:in|at)\s+(?P<d><\d+>)", re.I)
    words = required_words(rx)
    assert "in" not in words and "landed" in words  # "arriv..." or "landed" tells more than "in" or "at"
    assert all(any(w in verb for w in words) for verb in ("arrived", "arrive", "arriving", "landed"))
    assert "arrived" not in words  # "arrive" is in every text that holds "arrived"
    # a literal run goes on into what follows it: whole number words from the number-word trie
    assert figures._NUMBER_WORD.words == tuple(sorted(
        w for w in figures.WORD_NUMBERS if not any(v != w and v in w for v in figures.WORD_NUMBERS)))
    assert required_words(re.compile(r"\bOperation\s+[A-Z]\w+")) == ("operation",)
    assert required_words(re.compile(r"(?:about\s+)?\d+")) == ()  # an optional word is required by nothing
    assert required_words(re.compile(r"\b(?:from|\d+)\b")) == ()  # nor is one of two alternatives


def test_a_text_without_the_words_skips_the_pattern() -> None:
    gated = Gated(re.compile(r"\b(?:arrived|landed)\s+in\s+<\d+>", re.I))
    assert not gated.possible(lowered("Two drones were seen over <0>."))
    assert gated.possible(lowered("They ARRIVED in <0>."))
    assert gated.search("They arrived in <0>.", lowered("They arrived in <0>.")) is not None


def test_characters_that_fold_to_ascii_turn_the_prefilter_off() -> None:
    assert lowered("Kyiv") == "kyiv" and lowered("Доброе утро") == "доброе утро"
    for odd in ("\u0130", "\u0131", "\u017f", "\u212a"):
        assert lowered(f"a{odd}b") is None
    gated = Gated(re.compile(r"\bstaging\b", re.I))
    assert [m.span() for m in gated.finditer("a ſtaging area", lowered("a ſtaging area"))] == [(2, 9)]


def test_the_folds_to_ascii_are_all_there_are() -> None:
    # Every character, in one string: the case-insensitive matches of ASCII letters outside ASCII, and the
    # characters whose lower case is longer, must be the ones the prefilter knows (a Python upgrade may
    # bring new ones).
    every = "".join(map(chr, range(0x110000)))
    assert {c for c in re.findall(r"[a-z]", every, re.I) if not c.isascii()} == set(_FOLDS_TO_ASCII)
    assert len(every.lower()) == len(every) + 1 and len("\u0130".lower()) == 2


ENDINGS = {"locative": locatives._LOCATIVE_ENDING, "strong locative": locatives._STRONG_LOCATIVE_ENDING,
           "metonymy before": cues._METONYMY_BEFORE, "object of": cues._OBJECT_OF_ENDING}
# Words the end-anchored cue patterns end with, their neighbours, and the characters that fold to ASCII.
BEFORE = ["in", "IN", "In", "into", "the", "The", "to", "flights to", "went back to", "denials from", "denial by",
          "both", "condemning", "talks with", "relations with", "sanctions on", "accused", "urges", "pressing",
          "called on", "calls", "near", "towards", "between", "of", "within", "xin", "ſ", "ı", "İ", "K", "arrıved",
          "\n", "\t", " ", ",", "-", "ínto"]
window = st.lists(st.one_of(st.sampled_from(BEFORE), st.text(max_size=4)), max_size=8).map(" ".join)


@pytest.mark.parametrize("name", sorted(ENDINGS))
@settings(max_examples=300, deadline=dt.timedelta(seconds=2))
@given(sample=window, pad=st.sampled_from(["", " ", "  ", "\n", " \n"]), skip=st.integers(0, 3))
def test_an_ending_finds_what_the_pattern_finds(name: str, sample: str, pad: str, skip: int) -> None:
    ending, text = ENDINGS[name], sample + pad
    assert ending.search(text) == bool(ending.pattern.search(text))
    assert ending.search(text, skip, len(text)) == bool(ending.pattern.search(text, skip, len(text)))
