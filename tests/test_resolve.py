"""Resolution: the right place for each mention, using the article as context."""

from __future__ import annotations

import re

from mapper.model import Article, Mention, PlaceKind, Precision
from mapper.pipeline import parse_article
from mapper.resolve import resolve
from mapper.toponyms import recognize


def _resolved(gazetteer, text: str) -> dict[str, object]:
    parsed = parse_article(Article("t", text), gazetteer)
    return {r.mention.text: r for r in parsed.resolutions}


def test_containment_and_generic_words(gazetteer) -> None:
    text = ("Drone parts were found in the West Kazakhstan Region. The finds were in the villages of Ualy, "
            "Atameken and Zhanibek. Another fell in the Karakiyan district of the Mangistau Region.")
    res = _resolved(gazetteer, text)
    assert res["West Kazakhstan Region"].place.kind is PlaceKind.REGION
    assert res["West Kazakhstan Region"].place.admin1 == "07"
    for village in ("Ualy", "Atameken", "Zhanibek"):
        place = res[village].place
        assert (place.country, place.admin1) == ("KZ", "07"), village
    assert res["Karakiyan district"].place.kind is PlaceKind.DISTRICT
    assert res["Karakiyan district"].precision is Precision.DISTRICT
    assert res["Mangistau Region"].place.place_id == "geonames:608879"


def test_qualifier_picks_the_right_rafah(gazetteer) -> None:
    text = "The government evacuated 100 injured Palestinian civilians from Rafah for treatment."
    assert _resolved(gazetteer, text)["Rafah"].place.country == "PS"


def test_region_vs_city_by_generic_word(gazetteer) -> None:
    res = _resolved(gazetteer, "He moved to Russia’s Chelyabinsk region; the warehouse was in Chelyabinsk.")
    assert res["Chelyabinsk region"].place.kind is PlaceKind.REGION
    assert res["Chelyabinsk"].place.kind is PlaceKind.POPULATED


def test_nearness_settles_ambiguous_names(gazetteer) -> None:
    res = _resolved(gazetteer, "The storm moved from Paris, Texas, to Dallas and then on to Tyler.")
    assert res["Paris"].place.country == "US"


def test_one_sense_per_name_and_runner_ups(gazetteer) -> None:
    text = "Aktau is on the Caspian coast of Kazakhstan. In Aktau the port reopened."
    res = [r for r in parse_article(Article("t", text), gazetteer).resolutions if r.mention.text == "Aktau"]
    assert len(res) == 2 and res[0].place == res[1].place
    assert res[0].place.place_id == "geonames:610612"
    assert 0.0 < res[0].score <= 1.0
    assert all(c.place_id != res[0].place.place_id for c in res[0].candidates)


def test_missing_village_coarsens_to_the_named_region(memory_gazetteer) -> None:
    text = "Debris fell in the Mangistau Region, in the village of Ualy."
    mentions = [Mention("t", 19, 35, "Mangistau Region", name="Mangistau", generic="region"),
                Mention("t", 56, 60, "Ualy", generic="populated place")]
    # The small world places Ualy in West Kazakhstan; the text puts it in Mangistau, so it coarsens.
    res = resolve(mentions, memory_gazetteer, text=text)
    assert res[1].place.place_id == "geonames:608879"
    assert res[1].precision is Precision.REGION
    assert res[1].method == "coarsened:container"


def test_corrections_override(gazetteer) -> None:
    m = Mention("t", 0, 5, "Paris")
    [r] = resolve([m], gazetteer, corrections={"paris": "geonames:4717560"})
    assert r.place.place_id == "geonames:4717560" and r.method == "correction"


def test_unknown_name_is_a_value_not_an_error(gazetteer) -> None:
    [r] = resolve([Mention("t", 0, 9, "Xqzwvbnmk")], gazetteer)
    assert r.place is None and r.method == "no-candidate"


def test_village_missing_from_the_named_region_coarsens_to_it(gazetteer) -> None:
    res = _resolved(gazetteer, "Debris fell near Kamenka in the Orenburg region on Monday.")
    assert res["Kamenka"].place == res["Orenburg region"].place
    assert res["Kamenka"].precision is Precision.REGION
    assert res["Kamenka"].method == "coarsened:container"


def test_apposition_places_a_town_in_its_state_but_a_list_is_not_containment(gazetteer) -> None:
    res = _resolved(gazetteer, "A storm hit Athens, Ga., on Monday.")
    assert (res["Athens"].place.country, res["Athens"].place.admin1) == ("US", "GA")
    res = _resolved(gazetteer, "Children came from Kharkiv, Kherson, Sumy and Lviv to Tashkent.")
    assert {res[n].place.country for n in ("Kharkiv", "Kherson", "Sumy", "Lviv")} == {"UA"}
    assert all(res[n].precision is Precision.POINT for n in ("Kharkiv", "Kherson", "Sumy", "Lviv"))


def test_a_town_in_a_regional_capitals_name_is_in_the_region(gazetteer) -> None:
    res = _resolved(gazetteer, "Ukrainian troops struck a depot near Horlivka in occupied Donetsk.")
    assert res["Donetsk"].place.kind is PlaceKind.REGION and res["Donetsk"].place.country == "UA"
    res = _resolved(gazetteer, "Shelling hit Shebekino in Belgorod on Monday.")
    assert res["Belgorod"].place.kind is PlaceKind.REGION
    # a suburb is in the city; a name told again alone is the city
    assert _resolved(gazetteer, "Strikes hit Saltivka in Kharkiv.")["Kharkiv"].place.kind is PlaceKind.POPULATED
    res = _resolved(gazetteer, "Shelling hit Shebekino in Belgorod. In Belgorod itself, two were hurt.")
    assert res["Belgorod"].place.kind is PlaceKind.POPULATED


def test_two_regions_side_by_side_are_a_list_not_containment(gazetteer) -> None:
    res = _resolved(gazetteer, "Drones were downed over Belgorod Oblast, Krasnodar Krai and the Republic of "
                               "Bashkortostan, and over the Khanty-Mansi Autonomous Okrug.")
    assert res["Belgorod Oblast"].place.name.startswith("Belgorod")
    assert res["Krasnodar Krai"].place.name.startswith("Krasnodar")
    okrug = res["Khanty-Mansi Autonomous Okrug"]
    assert okrug.mention.literal and okrug.place.kind is PlaceKind.REGION


def test_a_bare_name_shared_with_its_region_is_the_city(gazetteer) -> None:
    res = _resolved(gazetteer, "In Osh, local officials met returnees. Drones hit the Kursk region and Kursk.")
    assert res["Osh"].place.kind is PlaceKind.POPULATED
    assert res["Kursk region"].place.kind is PlaceKind.REGION
    assert res["Kursk"].place.kind is PlaceKind.POPULATED


def test_a_village_the_gazetteer_lacks_takes_its_named_district(gazetteer) -> None:
    text = "Fragments were found near the village of Kos-Istek in the Kargaly district of Aktobe region."
    res = _resolved(gazetteer, text)
    assert res["Kos-Istek"].place == res["Kargaly district"].place
    assert res["Kos-Istek"].precision is Precision.DISTRICT
    [r] = [r for r in parse_article(Article("t", "The village of Zzyzxqw was quiet."), gazetteer).resolutions]
    assert r.mention.text == "Zzyzxqw" and r.place is None


def test_a_city_named_with_city_is_not_coarsened_into_an_earlier_region(gazetteer) -> None:
    text = "A traveller fell ill in Texas. Before the trip he had spent a week in Mexico City with family."
    spans = tuple((text.index(n), text.index(n) + len(n)) for n in ("Texas", "Mexico City"))
    parsed = parse_article(Article("t", text, spans=spans), gazetteer)
    res = {r.mention.text: r for r in parsed.resolutions}
    assert res["Mexico City"].place.country == "MX"
    assert res["Mexico City"].precision is Precision.POINT


def test_a_region_named_far_earlier_does_not_swallow_an_unknown_town(gazetteer) -> None:
    text = ("Flu reached England last winter. " + "Officials reported more cases every week. " * 8
            + "Samples were tested in the town of Zzyqwort.")
    res = _resolved(gazetteer, text)
    assert res["Zzyqwort"].place is None


def test_apposition_with_a_person_is_no_container(gazetteer) -> None:
    res = _resolved(gazetteer, "The family moved to Arlington, Texas in 1990; later they opened a shop in Tyler.")
    assert res["Arlington"].place.admin1 == "TX"
    # Nothing called Arlington lies in India, so "Arlington, Nadia" is no containment.
    mentions = [Mention("t", 13, 22, "Arlington"), Mention("t", 24, 29, "Nadia", generic="district")]
    res = resolve(mentions, gazetteer, text="She lived in Arlington, Nadia said.")
    assert res[0].place is None or res[0].place.country != "IN"


def test_a_continent_is_never_coarsened_into_a_region(gazetteer) -> None:
    res = _resolved(gazetteer, "Birds fly along the Pacific side of the Americas in Alaska each spring.")
    assert res["Americas"].place.kind is not PlaceKind.REGION


def _places(gazetteer, text: str) -> dict[str, object]:
    return {r.mention.text: r.place for r in parse_article(Article("t", text), gazetteer).resolutions}


def test_a_first_name_and_middle_initial_make_a_person(gazetteer) -> None:
    places = _places(gazetteer, "Nobody knew who had wanted Matthew D. Flores dead. Flores was 20 and lived in Tucson.")
    assert "Flores" not in places and places["Tucson"].country == "US"


def test_names_joined_by_an_ampersand_are_a_firm(gazetteer) -> None:
    text = "The city of Columbia owes the design firm Stevens & Wilkinson for the hotel."
    found = {m.text: m for m in recognize(Article("t", text), gazetteer.name_index())}
    assert found["Stevens"].reason == found["Wilkinson"].reason == "organisation"
    assert "Stevens" not in _places(gazetteer, text)


def test_a_spelling_variant_of_a_small_place_is_no_toponym(gazetteer) -> None:
    assert _places(gazetteer, "Coach Brian Kelly said the team would travel on Friday.") == {}
    assert _places(gazetteer, "Families gathered for Passover at the market on Saturday.") == {}
    assert _places(gazetteer, "Jewish families met at the synagogue on Friday.") == {}
    # An alias is still read where its region is named.
    places = _places(gazetteer, "Drone debris fell near Uralsk in West Kazakhstan on Monday.")
    assert places["Uralsk"].admin1 == places["West Kazakhstan"].admin1 == "07"


def test_a_common_word_is_a_place_only_as_a_major_places_name(gazetteer) -> None:
    text = "Sirens went up in Columbus, Grove City and across Franklin County. Dublin runs its own sirens."
    places = _places(gazetteer, text)
    assert (places["Dublin"].country, places["Dublin"].admin1) == ("US", "OH")
    assert "Hope" not in _places(gazetteer, "Hope is what the volunteers in Columbus, Ohio, brought.")


def test_a_generic_word_beside_a_given_span_says_its_kind(gazetteer) -> None:
    text = "The cow came from a farm in Washington state; officials in the state of Washington agreed."
    spans = tuple((m.start(), m.end()) for m in re.finditer("Washington", text))
    parsed = parse_article(Article("t", text, spans=spans), gazetteer)
    assert [r.place.kind for r in parsed.resolutions] == [PlaceKind.REGION, PlaceKind.REGION]
    assert {r.place.admin1 for r in parsed.resolutions} == {"WA"}


def test_a_town_abroad_is_not_coarsened_into_a_region_of_another_country(gazetteer) -> None:
    text = ("Samples went to the laboratory in Weybridge, England. The virus was confirmed by the "
            "national laboratory of Poland, in the town of Pulawy.")
    place = _places(gazetteer, text)["Pulawy"]
    assert place.country == "PL" and place.kind is PlaceKind.POPULATED


def test_a_common_word_name_drops_only_its_doubtful_mentions(gazetteer) -> None:
    text = ("The mayor spoke of Jones' new job in Tulsa, Okla. The night patrol will rely on nobody "
            "beyond Jones. Jones will be paid by the hour.")
    found = [r for r in parse_article(Article("t", text), gazetteer).resolutions if r.mention.text == "Jones"]
    assert all(r.mention.weak != "common-word" for r in found)  # the sentence-initial, bare uses go
    places = _places(gazetteer, "The county fair in Hope, Arkansas, drew crowds from Texarkana.")
    assert places["Hope"].admin1 == "AR"


def test_a_given_demonym_of_a_state_or_a_plural_finds_its_place(gazetteer) -> None:
    text = "Ohioans, Kansans and Ontarians joined the Czechs and European visitors at the fair."
    names = ("Ohioans", "Kansans", "Ontarians", "Czechs", "European")
    spans = tuple((text.index(n), text.index(n) + len(n)) for n in names)
    res = {r.mention.text: r.place for r in parse_article(Article("t", text, spans=spans), gazetteer).resolutions}
    assert [(res[n].name, res[n].country) for n in names] == [
        ("Ohio", "US"), ("Kansas", "US"), ("Ontario", "CA"), ("Czechia", "CZ"), ("Europe", "")]


def _placed(gazetteer, text: str) -> dict[str, object]:
    return {r.mention.text: r.place for r in parse_article(Article("t", text), gazetteer).resolutions
            if r.place is not None and r.mention.literal}


def test_ukrainian_romanisations_of_towns_are_no_spelling_variants(gazetteer) -> None:
    placed = _placed(gazetteer, "Drones hit ports in Odesa and in Izmail overnight, while in Mykolaiv power lines "
                                "were cut. Shelling went on near Huliaipole and Orikhiv.")
    assert placed["Izmail"].place_id == "geonames:707308"
    assert placed["Mykolaiv"].place_id == "geonames:700569"
    assert placed["Huliaipole"].place_id == "geonames:707898"


def test_a_village_in_a_named_region_coarsens_even_when_its_namesake_lies_abroad(gazetteer) -> None:
    placed = _placed(gazetteer, "Guards reported gunfire near the village of Kok-Tash in the Batken region.")
    assert placed["Kok-Tash"].country == "KG"


def test_the_article_and_the_air_base_context_pick_the_feature(gazetteer) -> None:
    placed = _placed(gazetteer, "The birds fly along the Pacific side of the Americas in Alaska and Oregon.")
    assert placed["Pacific"].kind is PlaceKind.PHYSICAL
    placed = _placed(gazetteer, "Bombers were destroyed at the Olenya air base and at Belaya in the Irkutsk region.")
    assert placed["Belaya"].place_id == "airportsdata:UIIB"


def test_a_list_member_takes_the_kind_of_the_rest_of_its_list(gazetteer) -> None:
    placed = _placed(gazetteer, "Cases were found in Washington, Pennsylvania and California.")
    assert placed["Washington"].kind is PlaceKind.REGION and placed["Washington"].admin1 == "WA"


def test_a_capitals_other_name_is_no_spelling_variant(gazetteer) -> None:
    placed = _placed(gazetteer, "The cargo train left Nur-Sultan for Tashkent on Monday.")
    assert placed["Nur-Sultan"].place_id == "geonames:1526273"
    text = "James Brown, the Godfather of Soul, died in Atlanta."
    assert "Soul" not in _placed(gazetteer, text)


def test_an_occupied_town_is_a_place_not_a_persons_surname(gazetteer) -> None:
    placed = _placed(gazetteer, "Russian-occupied Melitopol and Berdiansk saw partisan attacks.")
    assert placed["Melitopol"].country == "UA" and placed["Berdiansk"].place_id == "geonames:712451"
    assert _placed(gazetteer, "Partisans struck in Russian-occupied Melitopol on Sunday.")["Melitopol"].country == "UA"


def test_a_curated_alias_is_no_spelling_variant(gazetteer) -> None:
    placed = _placed(gazetteer, "Several hundred workers returned after raids on markets in the Urals.")
    assert placed["Urals"].place_id == "curated:ural-mountains-ru"


def test_small_region_abroad_after_a_bigger_city(gazetteer) -> None:
    # a parish or province with fewer people than a city called so elsewhere is not the bare name
    res = _resolved(gazetteer, "Protesters marched in Portland on Saturday. Fans in St. Paul cheered.")
    assert (res["Portland"].place.country, res["Portland"].place.kind) == ("US", PlaceKind.POPULATED)
    assert res["St. Paul"].place.country == "US"
    res = _resolved(gazetteer, "Aid convoys waited at the crossing into Gaza for a third day.")
    assert (res["Gaza"].place.country, res["Gaza"].place.kind) == ("PS", PlaceKind.POPULATED)
    # the region keeps the name where no bigger city has it (Kansas), or with its generic word
    assert _resolved(gazetteer, "Storms hit Kansas overnight.")["Kansas"].place.kind is PlaceKind.REGION


def test_a_region_only_near_a_town_does_not_replace_it(gazetteer) -> None:
    # "near the Indiana border": next to the state, not in it; the town keeps its own reading
    res = _resolved(gazetteer, "The quarry lies 40 miles south of Champaign near the Indiana border, officials said.")
    assert (res["Champaign"].place.admin1, res["Champaign"].place.kind) == ("IL", PlaceKind.POPULATED)


def test_a_small_namesake_in_the_named_state_is_weighed(gazetteer) -> None:
    # Fairfield, Texas (3,000 people) comes far down the gazetteer's dozens of Fairfields
    text = "Volunteers in Fairfield and Corsicana, Texas, collected food for the shelter."
    assert _resolved(gazetteer, text)["Fairfield"].place.admin1 == "TX"
    # a nation's capital keeps its name before a town of the named state
    text = "Growers from Athens, Georgia, flew to Washington to meet officials from Georgia's delegation."
    assert _resolved(gazetteer, text)["Washington"].place.feature_code == "PPLC"


def test_a_given_span_without_its_generic_word_keeps_its_container(gazetteer) -> None:
    # gold spans often leave the generic word out: "the [Adhamiyah] district of [Baghdad]"
    text = "Shops reopened in the Adhamiyah district of Baghdad on Sunday after the curfew."
    spans = tuple((text.index(n), text.index(n) + len(n)) for n in ("Adhamiyah", "Baghdad"))
    res = {r.mention.text: r for r in parse_article(Article("t", text, spans=spans), gazetteer).resolutions}
    assert res["Adhamiyah"].place.name == "Baghdad" and res["Adhamiyah"].method == "coarsened:container"


def test_a_compass_word_before_a_coordinated_name_shares_its_last_word(gazetteer) -> None:
    text = ("Frogs of Central and South America are dying. Teams from North and South Korea met; "
            "North and South Carolina voted.")
    names = ("Central", "South America", "North", "South Korea", "South Carolina")
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    second = text.index("North and South Carolina")
    spans.append((second, second + len("North")))
    res = parse_article(Article("t", text, spans=tuple(sorted(spans))), gazetteer).resolutions
    read = {(r.mention.start, r.place.name) for r in res}
    assert (text.index("Central"), "Central America") in read
    assert (text.index("North"), "North Korea") in read and (second, "North Carolina") in read


def test_a_country_name_among_states_of_another_country_is_the_state(gazetteer) -> None:
    # other countries named too, so the article has no home country to decide it
    text = ("Samples from a farm in Alabama went to a lab in Georgia and then to Iowa. "
            "Canada, Sweden and Japan have had cases too.")
    assert _resolved(gazetteer, text)["Georgia"].place.country == "US"
    text = "Monitors from Alabama and Texas flew to Georgia and drove on to Tbilisi."
    assert _resolved(gazetteer, text)["Georgia"].place.country == "GE"
