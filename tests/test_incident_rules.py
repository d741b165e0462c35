"""Sentence splitting and number anchors: the fast scans find what the plain patterns found."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mapper import figures
from mapper.incident_rules import staging_spans
from mapper.incident_text import _ABBREV, _BOUNDARY, _LAST_WORD, _add_span, split_sentences

# The patterns as first written: one alternation tried at every position, a word search from the
# sentence start at every full stop (a sentence may open with a straight quote too: "... said. 'We").
PLAIN_BOUNDARY = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n\s*\n|\n(?=[A-Z])")
PLAIN_ANCHOR = re.compile(rf"\d+|\b(?:{figures._WORDNUM})\b", re.IGNORECASE)


def plain_split(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in PLAIN_BOUNDARY.finditer(text):
        if text[m.start()] == ".":
            word = _LAST_WORD.search(text, start, m.start())
            token = word.group(1).lower() if word else ""
            if token in _ABBREV or (len(token) == 1 and token.isalpha()):
                continue
        _add_span(text, start, m.start() + 1 if text[m.start()] in ".!?" else m.start(), spans)
        start = m.end()
    _add_span(text, start, len(text), spans)
    return spans


PIECES = [".", "!", "?", "\n", "\n\n", " ", "  ", '"', "”", "’", "'", ")", "]", "(", "“", "A", "Z", "7", "a",
          "St", "U.S", "e.g", "approx", "Nizhnekamskneftekhim", "x" * 20, "J", "one", "Twenty", "a hundred",
          "ſix", "12", "3,400", "seventeen", "_", "é"]
text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=40).map("".join)
fast = settings(max_examples=300, deadline=dt.timedelta(seconds=2))


@fast
@given(sample=text)
def test_boundaries_as_the_plain_pattern(sample: str) -> None:
    assert [m.span() for m in _BOUNDARY.finditer(sample)] == [m.span() for m in PLAIN_BOUNDARY.finditer(sample)]


def test_a_sentence_opening_with_a_straight_quote_is_split_off() -> None:
    """The case Hypothesis found once the splitter took a straight quote as an opening one."""
    assert split_sentences(".\n'A") == plain_split(".\n'A") == [(0, 1), (2, 4)]
    t = "He left. 'We stay,' she said."
    assert [t[a:b] for a, b in split_sentences(t)] == ["He left.", "'We stay,' she said."]


@fast
@given(sample=text)
def test_sentences_as_the_plain_split(sample: str) -> None:
    assert split_sentences(sample) == plain_split(sample)


@fast
@given(sample=text)
def test_number_anchors_as_the_plain_pattern(sample: str) -> None:
    assert [m.span() for m in figures._anchors(sample)] == [m.span() for m in PLAIN_ANCHOR.finditer(sample)]


def test_a_wire_dateline_is_found_and_only_at_the_start() -> None:
    from mapper.incident_text import dateline_end

    for text in ("ALMATY, Kazakhstan (AP) — Police said", "KYIV — Drones hit", "Moscow, June 5 (Reuters) - A"):
        assert text[dateline_end(text):][0].isupper()
    assert dateline_end("Drones hit KYIV — again") == 0
    assert dateline_end("Officials in Moscow - and Kyiv - said") == 0


def test_when_and_why_clauses() -> None:
    from mapper.incident_rules import context_clauses

    t = "Families were evacuated on Tuesday as Russian forces pressed an offensive, officials said."
    (a, b, campaign), = context_clauses(t, 0, len(t))
    assert t[a:b] == "as Russian forces pressed an offensive" and campaign
    t = "Students left the city after it came under drone attack, such as reported."
    assert [(t[a:b], c) for a, b, c in context_clauses(t, 0, len(t))] == [("after it came under drone attack", False)]


def test_a_warehouse_hit_among_other_targets_is_no_staging_point() -> None:
    hit = "Drones hit an apartment block and a warehouse in the city."
    assert staging_spans(hit, 0, len(hit)) == []
    kept = "Drones were assembled in a warehouse near the border."
    assert len(staging_spans(kept, 0, len(kept))) == 2
