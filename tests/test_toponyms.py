"""Recognition: names found in text, their spans, generic words, and non-literal uses."""

from __future__ import annotations

import pytest

from mapper.model import Article
from mapper.pipeline import parse_article, place_record, places_records
from mapper.toponyms import recognize


def _mentions(gazetteer, text: str) -> dict[str, object]:
    return {m.text: m for m in recognize(Article("t", text), gazetteer.name_index())}


def test_multiword_names_possessives_and_generic_words(gazetteer) -> None:
    text = ("Fragments were found in the Karakiyan district of Kazakhstan’s Mangistau Region, near the "
            "Bolashak border station, and later in St. Petersburg and the West Kazakhstan Region.")
    found = _mentions(gazetteer, text)
    assert {"Karakiyan district", "Kazakhstan", "Mangistau Region", "Bolashak border station",
            "St. Petersburg", "West Kazakhstan Region"} <= set(found)
    assert found["Karakiyan district"].generic == "district"
    assert found["Mangistau Region"].name == "Mangistau"
    for m in found.values():
        assert text[m.start:m.end] == m.text


def test_a_name_after_a_sentence_opening_article_is_read_whole(gazetteer) -> None:
    """"A New" is a hamlet's name in the gazetteer: rejected at a sentence's start, it must not swallow the
    "New" of the name that follows ("A New Jersey woman" read as the island of Jersey)."""
    for text, name in (("A New Jersey woman said she caught the virus.", "New Jersey"),
                       ("A New York court ruled on Monday.", "New York")):
        found = _mentions(gazetteer, text)
        assert name in found and "Jersey" not in found and "York" not in found, found


def test_village_of_and_leading_plural_generic(gazetteer) -> None:
    text = "Parts were found in the village of Ualy and later in the villages of Zhanibek (March 25) and Oral."
    found = _mentions(gazetteer, text)
    assert found["Ualy"].generic == "populated place"
    assert found["Zhanibek"].generic == "populated place"
    assert found["Oral"].generic == "populated place"


def test_plural_generic_distributes_over_a_list(gazetteer) -> None:
    text = "Drones hit air bases in Murmansk, Irkutsk, Ivanovo, Ryazan, and Amur regions on Sunday."
    found = _mentions(gazetteer, text)
    assert [found[n].generic for n in ("Murmansk", "Irkutsk", "Ivanovo", "Ryazan", "Amur")] == ["region"] * 5
    assert "regions" not in " ".join(found)  # each name alone is a span


def test_defined_abbreviation_refers_back(gazetteer) -> None:
    text = ("Three finds were logged in the West Kazakhstan Region (WKR) this year. "
            "Police in WKR said more may follow. Reporters (AP) covered it from Astana (AP).")
    ms = recognize(Article("t", text), gazetteer.name_index())
    wkr = [m for m in ms if m.text == "WKR"]
    assert len(wkr) == 2 and all(m.name == "West Kazakhstan" and m.generic == "region" for m in wkr)
    assert not any(m.text == "AP" and m.reason == "abbreviation" for m in ms)  # AP does not fit Astana


def test_demonyms_are_marked_not_literal(gazetteer) -> None:
    found = _mentions(gazetteer, "Kazakh officials met Uzbek and Central Asian delegations in Tashkent.")
    for word in ("Kazakh", "Uzbek", "Central Asian"):
        assert found[word].literal is False and found[word].reason == "demonym"
    assert found["Tashkent"].literal is True


@pytest.mark.parametrize(("text", "name", "reason"), [
    ("Despite denials from both Moscow and Tehran, the shipments went on.", "Moscow", "metonymy"),
    ("Tashkent has refrained from openly condemning the war.", "Tashkent", "metonymy"),
    ("Commentators called it the country’s own “Pearl Harbor” after the raid.", "Pearl Harbor", "metaphor"),
    ("The Mangistau Region Police Department said no damage was done.", "Mangistau Region", "organisation"),
    ("Ukraine's military said it had hit a command post.", "Ukraine", "metonymy"),
    ("The ministry said it had asked Moscow for an explanation.", "Moscow", "metonymy"),
    ("Russia’s war against its neighbour entered a fourth year.", "Russia", "metonymy"),
    ("Ukraine's General Staff said the bridge was hit.", "Ukraine", "organisation"),
])
def test_non_literal_uses(gazetteer, text: str, name: str, reason: str) -> None:
    m = _mentions(gazetteer, text)[name]
    assert m.literal is False and m.reason == reason


def test_common_words_and_person_names_are_not_places(gazetteer) -> None:
    text = ("Most residents were asleep. Police said Artem Timofeev left in March; later Timofeev was "
            "seen in Chelyabinsk. The facility is named after Chkalov.")
    placed = {r.mention.text for r in parse_article(Article("t", text), gazetteer).resolutions
              if r.place is not None and r.mention.literal}
    assert "Chelyabinsk" in placed
    for word in ("Most", "Police", "Artem", "Timofeev", "March", "Chkalov"):
        assert word not in placed, word


def test_a_sentence_opening_preposition_is_not_a_first_name(gazetteer) -> None:
    text = "Near Pokrovsk the shelling went on. Outside Kharkiv, troops dug in. Andy Ripley stayed home."
    placed = {r.mention.text: r.place for r in parse_article(Article("t", text), gazetteer).resolutions
              if r.place is not None and r.mention.literal}
    assert placed["Pokrovsk"].country == "UA"
    assert placed["Kharkiv"].country == "UA"
    assert "Ripley" not in placed


def test_a_locative_word_makes_a_mid_sized_city_a_place(gazetteer) -> None:
    placed = {r.mention.text: r.place for r in parse_article(
        Article("t", "Most of the new workers came from Petropavl last year."), gazetteer).resolutions
        if r.place is not None and r.mention.literal}
    assert placed["Petropavl"].country == "KZ"


def test_a_place_in_a_locative_list_is_not_metonymy(gazetteer) -> None:
    text = ("Recruiters in Termez, Nukus and Namangan signed up workers. Officials in Bukhara said the "
            "scheme would grow. Tashkent denied any quota. Police in Kazakhstan's Turkistan Region said "
            "nobody had been hired there.")
    found = _mentions(gazetteer, text)
    assert found["Namangan"].literal and found["Bukhara"].literal and found["Turkistan Region"].literal
    assert found["Tashkent"].literal is False and found["Tashkent"].reason == "metonymy"


def test_a_possessive_place_or_a_speakers_place_stays_literal(gazetteer) -> None:
    text = ("Russia's Kursk region was shelled. The governor of the Belgorod region said two people were hurt. "
            "The mayor of Astrakhan said a drone fell.")
    found = _mentions(gazetteer, text)
    assert found["Russia"].literal and found["Belgorod region"].literal and found["Astrakhan"].literal


def test_a_longer_name_keeps_a_major_place_only(gazetteer) -> None:
    text = "The Ohio Senate met. Darkhan Daniyarov spoke to reporters."
    by_text = {r.mention.text: r for r in parse_article(Article("t", text), gazetteer).resolutions}
    assert by_text["Ohio"].place.country == "US" and by_text["Ohio"].mention.literal is False
    assert "Darkhan" not in by_text


def test_dotted_state_abbreviations(gazetteer) -> None:
    found = _mentions(gazetteer, "CHARLESTON, W.Va. -- A man from Mobile, Ala., was held in the U.S.")
    assert found["W.Va."].name == "West Virginia"
    assert found["U.S."].name == "United States"
    assert found["Ala."].name == "Alabama"


def test_empty_and_odd_text(gazetteer) -> None:
    assert recognize(Article("t", ""), gazetteer.name_index()) == []
    assert recognize(Article("t", "\x00\x01 ’s ’’ -- 123 ..."), gazetteer.name_index()) == []


@pytest.mark.parametrize(("text", "places"), [
    ("She won a Bolashak scholarship and studied in London.", {"London"}),
    ("Debris was found near the Bolashak border station in Mangistau.", {"Bolashak border station", "Mangistau"}),
    ("Most of the Mobile drivers were Reading the news.", set()),
    ("A storm hit Mobile, Ala., on Monday.", {"Mobile", "Ala."}),
])
def test_common_words_need_context(gazetteer, text: str, places: set[str]) -> None:
    found = {r.mention.text for r in parse_article(Article("t", text), gazetteer).resolutions
             if r.place is not None and r.mention.literal}
    assert found == places


class _PlainIndex:
    """A NameIndex that is not the gazetteers' own trie wrapper: only the two protocol methods."""

    def __init__(self, inner) -> None:
        self.inner = inner

    def __contains__(self, key: object) -> bool:
        return key in self.inner

    def has_keys_with_prefix(self, prefix: str) -> bool:
        return self.inner.has_keys_with_prefix(prefix)


def test_any_name_index_finds_the_same_mentions(gazetteer) -> None:
    text = ("Drones were seen over the Mangistau Region and near Aktau on Monday; officials in "
            "St. Petersburg said the Kazakh border guards had closed the Bolashak border station.")
    own = recognize(Article("t", text), gazetteer.name_index())
    plain = recognize(Article("t", text), _PlainIndex(gazetteer.name_index()))
    assert own == plain and {"Mangistau Region", "Aktau", "St. Petersburg"} <= {m.text for m in own}


@pytest.mark.parametrize(("text", "span"), [
    ("He teaches at Ohio State University in Columbus.", "Ohio"),
    ("The case went to Ramsey District Court on Monday.", "Ramsey"),
    ("Lancashire County Council approved the plan.", "Lancashire"),
    ("Fighting went on in Rakhine State, officials said.", "Rakhine State"),
    ("The Mangistau Region Police Department said no damage was done.", "Mangistau Region"),
])
def test_a_generic_word_starting_an_institutions_name_is_not_the_places(gazetteer, text: str, span: str) -> None:
    found = _mentions(gazetteer, text)
    assert span in found
    assert not any(t.startswith(span + " ") for t in found)  # "Ohio State" is no span, nor "State University"


def test_a_street_named_after_a_place_is_not_the_place(gazetteer) -> None:
    text = ("The fire at 775 Wichita St. spread to Dublin Road and Washington Drive; "
            "Douglas County Road 12 was closed, and crews came from Wichita.")
    found = _mentions(gazetteer, text)
    streets = [m for m in recognize(Article("t", text), gazetteer.name_index()) if m.reason == "street"]
    assert [m.text for m in streets] == ["Wichita", "Dublin", "Washington"]
    assert not any(m.literal for m in streets)  # kept as local clues, never mapped
    assert found["Douglas County"].reason != "street"
    records = places_records([Article("t", text)], gazetteer)
    placed = [p["text"] for r in records for p in r["places"] if p["lat"] is not None]
    assert "Dublin" not in placed and placed.count("Wichita") == 1


def _placed_at(gazetteer, text: str) -> dict[int, object]:
    """Start offset -> place of each mention drawn on the map (as ``mapper places`` gives it a point:
    "Ohio" of "the Ohio Senate" too), the place's point as scorers count it."""
    return {r.mention.start: r.place for r in parse_article(Article("t", text), gazetteer).resolutions
            if place_record(r)["lat"] is not None}


@pytest.mark.parametrize("text, name", [
    ("Mary Wheeler, a teacher at the school, said classes would resume on Monday.", "Mary"),
    ("Chad Ramsey, the team's coach, praised the defence after the match.", "Chad"),
    ("Georgia Hartley and Jordan Pike won the relay for the county school.", "Jordan"),
    ("Georgia Hartley and Jordan Pike won the relay for the county school.", "Georgia"),
    ("Spokesman Dmitry Peskov said that Vladimir Putin would not attend the summit.", "Vladimir"),
    ("Tengiz Kitovani, a former defence minister, was arrested at the border.", "Tengiz"),
    ("Photos by Mary Alice Spaulding were shown at the library.", "Mary"),
])
def test_a_given_name_before_a_family_name_is_a_person(gazetteer, text: str, name: str) -> None:
    assert text.index(name) not in _placed_at(gazetteer, text)


@pytest.mark.parametrize("text, name, country", [
    ("Overnight Russia launched 90 drones at the port, the air force said.", "Russia", "RU"),
    ("The talks stalled. Meanwhile Kyiv asked for more air defence systems.", "Kyiv", "UA"),
    ("Yesterday Almaty recorded its hottest day of the year.", "Almaty", "KZ"),
    ("Shelling continued. Elsewhere Kharkiv was quiet on Sunday.", "Kharkiv", "UA"),
])
def test_a_sentence_opening_word_is_no_given_name(gazetteer, text: str, name: str, country: str) -> None:
    """A common word opening a sentence is capitalised by position, not because it is a first name."""
    assert _placed_at(gazetteer, text)[text.index(name)].country == country


@pytest.mark.parametrize("text, name", [
    ("The bill was backed by Sen. Mitch McConnell and two others.", "McConnell"),
    ("The donations were collected by Sister Mary Agnes for the orphanage.", "Mary"),
    ("The report was written by Kristina Ripley, who covered the storm.", "Ripley"),
])
def test_names_after_titles_and_rare_words_stay_persons(gazetteer, text: str, name: str) -> None:
    assert text.index(name) not in _placed_at(gazetteer, text)


def test_given_names_that_are_places_stay_places(gazetteer) -> None:
    text = ("Spokesman Dmitry Peskov said Vladimir Putin would not comment. Overnight, drones attacked Vladimir "
            "and Ivanovo, and Vladimir Governor Alexander Avdeev said a depot burned. Cotton pickers in Mary "
            "said the Mary Province harvest was late. Chevron's Tengiz field in western Kazakhstan pumped more "
            "oil. A drone fell near Alexandrov and Sergiev Posad, north-east of Moscow, and Kirov was quiet. "
            "Shelling hit Nikolaev again; Pavlodar and Aktobe sent aid.")
    placed = _placed_at(gazetteer, text)
    first, city = text.index("Vladimir Putin"), text.index("Vladimir ", text.index("attacked"))
    assert first not in placed and placed[city].country == "RU"
    assert placed[text.index("Mary said")].country == "TM"
    assert placed[text.index("Mary Province")].country == "TM"
    assert placed[text.index("Tengiz")].country == "KZ"
    for name, country in (("Alexandrov", "RU"), ("Sergiev Posad", "RU"), ("Kirov", "RU"), ("Ivanovo", "RU"),
                          ("Nikolaev", "UA"), ("Pavlodar", "KZ"), ("Aktobe", "KZ")):
        assert placed[text.index(name)].country == country, name


def test_a_given_name_the_text_uses_as_a_place_is_no_person(gazetteer) -> None:
    text = "Troops clashed in Chad on Monday. Chad Walker, an analyst, said the fighting would spread."
    found = [m for m in recognize(Article("t", text), gazetteer.name_index()) if m.text == "Chad"]
    assert len(found) == 2 and found[1].reason == "organisation"  # "Chad Walker" is left as before
    # An organisation headed by a place's name keeps it: "Bureau" is no family name.
    m = _mentions(gazetteer, "Georgia Bureau of Investigation agents arrived.")["Georgia"]
    assert m.reason == "organisation" and m.name == "Georgia"


def test_a_surname_after_a_given_name_needs_a_plain_place_use_to_stay_a_place(gazetteer) -> None:
    # Trapani and Kherson are towns; after a given name they are a family name wherever they recur,
    # unless the text also puts a strong locative word before one: "to" and "in ... honor" are not that.
    text = ("Anna Trapani, a film producer, said the idea came to Trapani years ago. A tree was planted in "
            "Trapani's honor. Trapani said the film would open in May. Later, Mark Kherson said he had moved "
            "to Kyiv. A shell hit a market in Kherson on Friday, and Kherson officials counted the damage.")
    placed = _placed_at(gazetteer, text)
    trapani = [k for k in range(len(text)) if text.startswith("Trapani", k)]
    assert not any(k in placed for k in trapani)
    assert placed[text.index("in Kherson") + 3].country == "UA"


def test_person_names_are_kept_in_the_user_cache(tmp_path, monkeypatch) -> None:
    from mapper.person_cues import person_names

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    person_names.cache_clear()
    try:
        first = person_names()
        [kept] = (tmp_path / "incident-mapper").glob("person-names-*.json")
        person_names.cache_clear()
        assert person_names() == first and "vladimir" in first[0]
        kept.write_text("not json")  # a damaged cache file is read again from the providers
        person_names.cache_clear()
        assert person_names() == first
    finally:
        person_names.cache_clear()
