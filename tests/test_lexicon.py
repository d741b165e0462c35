"""Lexicons: triggers and cues found in one pass, the same on texts whose lower case changes length."""

from __future__ import annotations

from mapper.lexicon import load_lexicon


def _found(text: str) -> tuple[list[tuple[str, str, str, int, int]], dict[str, list[tuple[str, int]]]]:
    lex = load_lexicon()
    return [(t.type, t.subtype, t.term, t.start, t.end) for t in lex.find(text)], lex.cues_in(text)


def test_triggers_and_cues_of_one_text() -> None:
    text = "Officials said drones attacked a depot near Uil. Several children were evacuated, police denied it."
    triggers, cues = _found(text)
    terms = {term for _t, _s, term, _a, _b in triggers}
    assert {"drone*", "attack*", "evacuat*"} <= terms
    assert ("drone", "", "drone*", 15, 21) in triggers
    assert cues == {"official": [("officials", 0)], "attribution": [("said", text.index("said"))],
                    "authority": [("police", text.index("police"))], "denied": [("denied", text.index("denied"))]}
    lex = load_lexicon()
    first = lex.cues_in(text, 0, text.index("."))  # the first sentence
    assert first == {"official": cues["official"], "attribution": cues["attribution"]}


def test_letters_inside_words_start_no_term() -> None:
    triggers, _cues = _found("The redrones outdrone nothing; undrone.")
    assert triggers == []


def test_a_text_whose_lower_case_is_longer_finds_the_same_terms() -> None:
    # "İ" lower-cases to two characters, so the one-pass scan cannot use offsets of the lower-cased text
    plain = "Drones attacked the airfield; officials said 40 residents were evacuated from Izmir."
    odd = plain.replace("Izmir", "İzmir")
    assert _found(odd) == _found(plain)


def test_the_scan_of_word_starts_finds_what_the_scan_of_every_hit_finds() -> None:
    from mapper.articles import read_sample
    from mapper.lexicon import Lexicon

    lex = load_lexicon()
    assert lex.spaced  # the shipped keys are letters a-z: the automaton reports word starts only
    # A key with another character (a user's lexicon) turns that off: every hit is tested in Python.
    plain = Lexicon.build(lex.triggers, lex.cues + (("unverified", "x-ray images"),))
    assert not plain.spaced
    texts = [a.text for a in read_sample()] + ["In general, drones (Shahed-136) hit Kyiv's\u00a0airfield; "
                                               "ex-officials said: 'evacuated!' Дрон atKyiv 2drones_drone"]
    for text in texts:
        assert [(t.type, t.subtype, t.term, t.start, t.end) for t in plain.find(text)] == [
            (t.type, t.subtype, t.term, t.start, t.end) for t in lex.find(text)]
        assert plain.cues_in(text) == lex.cues_in(text)


def test_terms_keyed_with_their_second_word_are_found_across_any_gap() -> None:
    from mapper.lexicon import Lexicon

    # Every term of "in" and "the" has a second word: those keys are looked for with its start ("in search",
    # "in the", "in thei" for both "the" terms), two gap characters or more reporting all of them; a lexicon
    # with a key of another character scans every hit in Python and is the reference.
    triggers = (("migration", "labour migration", "in search of work"), ("migration", "", "in the russian army"),
                ("migration", "", "in their*"), ("drone", "strike", "drone*"), ("migration", "", "the command"))
    cues = (("general", "in general"), ("official", "the command"))
    lex = Lexicon.build(triggers, cues)
    plain = Lexicon.build(triggers, cues + (("unverified", "x-ray"),))
    assert lex.spaced and not plain.spaced
    texts = ["Men went abroad in search of work; others served in the Russian army.",
             "Men went abroad in  search of work, in\nsearch of work, In-Search of Work and IN\tthe russian army.",
             "They stayed in their homes in theirs; in, the command; in; the  command; within search of work.",
             "The command said so in general, in   general, ingeneral. In the", "in search", "in"]
    for text in texts:
        assert [(t.type, t.subtype, t.term, t.start, t.end) for t in plain.find(text)] == [
            (t.type, t.subtype, t.term, t.start, t.end) for t in lex.find(text)]
        assert plain.cues_in(text) == lex.cues_in(text)
    found = [(t.term, t.start) for t in lex.find(texts[1])]
    assert [term for term, _at in found].count("in search of work") == 3  # two spaces, a line break, a hyphen
    assert ("in the russian army", texts[1].index("IN\tthe")) in found
