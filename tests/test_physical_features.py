"""Physical features, England's counties and regions, and former subdivisions from ``curated.csv``: found and
resolved in sentences written for these tests (not copied from any article), with the person-name and
common-word traps that their names set."""

from __future__ import annotations

import pytest

from mapper.model import Article
from mapper.pipeline import parse_article


def _places(gazetteer, text: str) -> dict[str, str]:
    """Surface text -> place id of every mention resolved to a place."""
    parsed = parse_article(Article("t", text), gazetteer)
    return {r.mention.text: r.place.place_id for r in parsed.resolutions if r.place is not None}


@pytest.mark.parametrize(("text", "expected"), [
    ("Ukrainian troops crossed the Seym River near the border on Tuesday.", {"Seym River": "curated:seym-river"}),
    ("A drone fell into the Oka River in Ryazan overnight.", {"Oka River": "curated:oka-river-ru"}),
    ("The Ob River froze early this year near Nizhnevartovsk.", {"Ob River": "curated:ob-river-ru"}),
    ("Water in the Chu River dropped sharply, farmers in the Chuy region said.", {"Chu River": "curated:chu-river"}),
    ("Fishermen on Lake Erie reported an algae bloom near Toledo.", {"Lake Erie": "curated:lake-erie"}),
    ("The typhoon made landfall on Luzon before it turned west.", {"Luzon": "curated:luzon-island-ph"}),
    ("Birds in the Danube Delta were tested for avian influenza.", {"Danube Delta": "curated:danube-delta"}),
    ("A tanker was hit near Bab-el-Mandeb and another in the Gulf of Oman.",
     {"Bab-el-Mandeb": "curated:bab-el-mandeb", "Gulf of Oman": "curated:gulf-of-oman"}),
    ("Police in Greater Manchester and Merseyside arrested six people.",
     {"Greater Manchester": "curated:greater-manchester-gb", "Merseyside": "curated:merseyside-gb"}),
    ("Dust from the Gobi Desert reached Beijing.", {"Gobi Desert": "curated:gobi-desert"}),
    ("Wine growers in Burgundy and Alsace lost much of the harvest to frost.",
     {"Burgundy": "curated:burgundy-fr", "Alsace": "curated:alsace-fr"}),
    ("Soldiers from Fort Hood and Fort Benning were deployed.",
     {"Fort Hood": "geonames:7261291", "Fort Benning": "curated:fort-benning-us"}),
    ("Floods hit Hordaland and Sogn og Fjordane in western Norway.",
     {"Hordaland": "curated:hordaland-no", "Sogn og Fjordane": "curated:sogn-og-fjordane-no"}),
])
def test_features_are_found_and_resolved(gazetteer, text: str, expected: dict[str, str]) -> None:
    found = _places(gazetteer, text)
    assert {k: found.get(k) for k in expected} == expected


@pytest.mark.parametrize(("text", "word"), [
    ("Lena Dunham said the film would open in March.", "Lena"),
    ("Oleg Ob and his brother ran the shop.", "Ob"),
    ("Kama Singh told reporters in Delhi that the talks had failed.", "Kama"),
    ("Lorraine Kelly presented the morning show on Monday.", "Lorraine"),
    ("The Amazon warehouse in Kent employs 2,000 people.", "Amazon"),
    ("The Rockies beat the Giants 5-3 in Denver.", "Rockies"),
    ("She chose a burgundy dress for the ceremony.", "burgundy"),
    # a name before 'virus', 'fever', 'disease' or 'encephalitis' names a disease
    ("Cases of West Nile virus were reported in Texas.", "Nile"),
    ("Lyme disease cases rose in Connecticut.", "Lyme"),
    ("The Marburg virus is spreading in the north.", "Marburg"),
    ("A Rift Valley fever outbreak killed livestock.", "Rift Valley"),
])
def test_people_words_and_diseases_named_like_features_are_no_places(gazetteer, text: str, word: str) -> None:
    assert word not in _places(gazetteer, text)


def test_og_joins_a_norwegian_name(gazetteer) -> None:
    """'og' ('and') stands inside Norwegian names as 'and' does in English ones."""
    found = _places(gazetteer, "Storms hit Møre og Romsdal on Sunday.")
    assert found.get("Møre og Romsdal", "").startswith("geonames:")


def test_a_large_island_goes_before_a_village_but_not_before_a_town(gazetteer) -> None:
    assert gazetteer.candidates("Luzon")[0].place_id == "curated:luzon-island-ph"  # not the village of 3,000
    assert gazetteer.candidates("New Britain")[0].place_id == "geonames:4839292"  # Connecticut, 73,000
