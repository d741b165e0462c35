"""The word-frequency table (mapper.words) gives exactly what wordfreq gives, from a memory-mapped file: single
words, phrases of listed and unlisted words, and odd strings left to wordfreq."""

from __future__ import annotations

import random
import re

import marisa_trie
from wordfreq import get_frequency_dict, iter_wordlist, zipf_frequency

from mapper import words


def test_the_table_agrees_with_wordfreq_on_listed_unlisted_and_odd_words() -> None:
    rng = random.Random(8)
    listed = [w for w in iter_wordlist("en", "large") if re.fullmatch("[a-z]+", w)]
    sample = rng.sample(listed, 3000) + listed[:200]
    unlisted = ["".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(rng.randint(4, 12))) for _ in range(500)]
    odd = ["port au prince", "5th", "kwazulu natal", "ust kamenogorsk", "nizhny novgorod", "don't", "zhympity",
           "aktöbe", "", "new  york", " new"]
    phrases = [" ".join(rng.choice(listed) if rng.random() < 0.7 else rng.choice(unlisted)
                        for _ in range(rng.randint(2, 4))) for _ in range(3000)]
    for word in sample + unlisted + odd + phrases:
        assert words.zipf(word) == zipf_frequency(word, "en"), word
    assert words.zipf("the") > 7 and words.zipf("most") > 5 and words.zipf("bcdfgh") == 0.0


def test_a_table_is_written_whole_and_read_back(tmp_path) -> None:
    path = words.table_path(tmp_path)
    assert path is not None and path.name.startswith("words-en.") and not path.exists()
    words.build_table(path)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left behind
    trie = marisa_trie.RecordTrie("<d")
    trie.mmap(str(path))
    assert trie["kazakhstan"][0][0] == get_frequency_dict("en", "large")["kazakhstan"]
    assert len(trie) > 250_000


def test_where_no_table_can_be_written_wordfreq_answers(tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    monkeypatch.setenv("MAPPER_GAZETTEER", str(blocker / "gazetteer.sqlite"))
    words._table.cache_clear()
    try:
        assert words._table() is None
        assert words.zipf("most") == zipf_frequency("most", "en") and words.zipf("zhympity") == 0.0
    finally:
        words._table.cache_clear()
