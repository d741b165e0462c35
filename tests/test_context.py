"""The article's home country: votes from unambiguous names and local-news wording, and its bonus."""

from __future__ import annotations

from mapper.context import cue_votes, home_bonus, home_country, named_countries, with_home_country
from mapper.model import Article, Mention, PlaceKind
from mapper.pipeline import parse_article


def _resolved(gazetteer, text: str) -> dict[str, object]:
    return {r.mention.text: r for r in parse_article(Article("t", text), gazetteer).resolutions}


def test_local_news_wording_votes_for_its_country() -> None:
    assert cue_votes("A deputy with the county Sheriff's Office said Township roads were closed.")["US"] == 2
    assert cue_votes("Sen. Mary Poe (R-Ohio) spoke; the 1200 block of Main Street was closed.")["US"] == 2
    assert not cue_votes("The ministry said the province would reopen its schools on Monday.")


def test_names_found_in_one_country_only_vote(gazetteer) -> None:
    paris = gazetteer.candidates("Paris")
    assert {p.country for p in paris} > {"FR", "US"}
    assert home_country([gazetteer.candidates("Henry County"), paris]) == ("US", 1.0)
    assert home_country([paris]) is None  # an ambiguous name alone says nothing
    assert home_country([paris], "The Sheriff's Office and the school district agreed.") == ("US", 1.0)


def test_a_spelling_variant_abroad_gets_no_bonus(gazetteer) -> None:
    cands = gazetteer.candidates("Iran")
    assert cands[0].kind is PlaceKind.COUNTRY
    scores = [0.0] * len(cands)
    boosted = home_bonus(cands, scores, ("US", 1.0), {}, 0, ("Iran", "Iran"))
    for p, s in zip(cands, boosted, strict=True):
        assert s == 0.0 or p.name == "Iran", p  # the Texan town of Iraan stays as it was


def test_a_named_country_protects_its_capital(gazetteer) -> None:
    cands = [gazetteer.candidates("Moscow"), gazetteer.candidates("Russia")]
    named = named_countries(cands)
    assert named == {"RU": {1}}
    scores = home_bonus(cands[0], [0.0] * len(cands[0]), ("US", 1.0), named, 0)
    best = max(zip(scores, cands[0], strict=True), key=lambda x: x[0])[1]
    assert best.country == "RU" and best.feature_code == "PPLC"
    # Without a home country nothing changes: a lone ambiguous name keeps its own scores.
    paris = [gazetteer.candidates("Paris")]
    assert with_home_country(paris, [[0.0] * len(paris[0])], [Mention("t", 0, 5, "Paris")], "") == \
        [[0.0] * len(paris[0])]
    # A demonym does not vote: "Irish pride" at a parade in Dublin, Ohio.
    dublin = [gazetteer.candidates("Ireland"), gazetteer.candidates("Dublin")]
    mentions = [Mention("t", 0, 5, "Irish", name="Ireland", reason="demonym"), Mention("t", 30, 36, "Dublin")]
    assert with_home_country(dublin, [[0.0] * len(c) for c in dublin], mentions, "") == [[0.0] * len(c) for c in dublin]


def test_a_local_paper_means_its_own_paris(gazetteer) -> None:
    text = "Firefighters from the Sheriff's Office put out a kitchen fire in Paris on Elm Street late Tuesday."
    assert _resolved(gazetteer, text)["Paris"].place.country == "US"
    assert _resolved(gazetteer, "Tourists filled the cafes of Paris all summer.")["Paris"].place.country == "FR"


def test_two_weak_readings_that_fit_one_place_settle_together(gazetteer) -> None:
    res = _resolved(gazetteer, "Volunteers from Paris painted the old school, and Henry County paid for the paint.")
    paris, county = res["Paris"].place, res["Henry County"].place
    assert (paris.country, paris.admin1) == (county.country, county.admin1) == ("US", "TN")


def test_a_country_the_story_names_keeps_its_capital(gazetteer) -> None:
    text = ("The county commissioners of Marion County, Ohio, met on Monday. Commissioner Ann Lee, back from "
            "a trade visit to Russia, said Moscow was cold; she flew home to Columbus via New York.")
    assert _resolved(gazetteer, text)["Moscow"].place.country == "RU"


def test_a_name_in_a_list_reads_as_the_kind_of_the_list(gazetteer) -> None:
    res = _resolved(gazetteer, "Sick people were found in Missouri, New Jersey, New York, Ohio, Oklahoma, "
                               "Tennessee, Utah, Washington and Wisconsin.")
    assert (res["Washington"].place.kind, res["Washington"].place.admin1) == (PlaceKind.REGION, "WA")
    res = _resolved(gazetteer, "Flights were cut to Armenia, Azerbaijan, Georgia and Iraq in the spring.")
    assert res["Georgia"].place.kind is PlaceKind.COUNTRY
    res = _resolved(gazetteer, "Fans came from Kansas City, Nebraska and Iowa for the final.")
    assert res["Kansas City"].place.kind is PlaceKind.POPULATED
