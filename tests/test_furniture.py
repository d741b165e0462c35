"""News outlets' names and page furniture (the g25 batch's class): places inside an outlet's name, in a
wire sign-off, a photo credit, a related-stories list or a tag line are non-literal and never mapped, the
story's own places still are, and no incident is read from furniture or a caption. Real gazetteer,
real pipeline, real incident rules."""

from __future__ import annotations

from mapper.furniture import caption_spans, furniture_spans, outlet_spans
from mapper.model import Article
from mapper.pipeline import extract, parse_article


def _literal(gazetteer, text: str) -> dict[str, bool]:
    """Mention text -> literal, for the mentions that carry a place."""
    return {r.mention.text: r.mention.literal for r in parse_article(Article("t", text), gazetteer).resolutions
            if r.place is not None}


def test_a_place_inside_an_outlets_name_is_not_literal(gazetteer) -> None:
    lit = _literal(gazetteer, "A nurse in Kherson told the Kyiv Independent that the ward was moved, and "
                              "Novaya Gazeta Europe said the shelling went on.")
    assert lit["Kherson"] and not lit["Kyiv"] and not lit.get("Europe", False)


def test_an_agency_in_a_dateline_is_no_continent(gazetteer) -> None:
    lit = _literal(gazetteer, "KHUJAND, Asia-Plus — Two markets in Isfara were closed after an outbreak.")
    assert lit["Isfara"] and not lit.get("Asia", False)


def test_sign_off_credit_and_related_list(gazetteer) -> None:
    text = ("Drones hit a depot near Klintsy in the Bryansk region overnight, the governor said.\n\n"
            "Photo: Reuters / Kyiv\n\nRelated:\n- Power restored in Sumy after strike\n"
            "- Evacuations widen in Kupiansk\n\n(Reporting by Anna Petrova in Tbilisi; Editing by Jo Dunn in London)")
    lit = _literal(gazetteer, text)
    assert lit["Klintsy"] and lit["Bryansk region"]
    assert not any(lit.get(n, False) for n in ("Kyiv", "Sumy", "Kupiansk", "Tbilisi", "London"))


def test_a_caption_keeps_its_place_but_a_credit_does_not() -> None:
    text = "Firefighters at the warehouse in Kharkiv. (AP Photo/Staff)\nPhoto: Mangistau region press service"
    assert caption_spans(text) == [(0, 58)]
    assert [text[a:b] for a, b in furniture_spans(text)] == ["Photo: Mangistau region press service"]


def test_running_text_is_no_furniture() -> None:
    for text in ("By Tuesday, Russian forces had taken the village near Pokrovsk.",
                 "Watch towers along the border were manned.", "Sign up sheets were posted in Bishkek.",
                 "Photo: Migrants queue at the airport in Tashkent."):
        assert furniture_spans(text) == [], text
    assert outlet_spans("France and Asia") == []


def test_no_incident_from_a_list_of_other_stories_or_a_caption(gazetteer) -> None:
    text = ("A drone hit a grain terminal in the port of Izmail overnight, the regional administration said.\n\n"
            "Firefighters at the terminal in Izmail. (AP Photo/Staff)\n\n"
            "Most read\n1. Blackout hits Dnipro after strike on substation\n"
            "2. Poland scrambles jets as drones approach border")
    incidents = extract([Article("t", text)], gazetteer)
    places = {loc.name for i in incidents for loc in i.locations}
    assert len(incidents) == 1 and places == {"Izmail"}, [(i.type, places) for i in incidents]


def test_other_house_styles_of_furniture() -> None:
    text = ("ALSO READ | Floods in Aktobe\n\nYou may also like\nDrones over Kursk\n\n© 2026 Kyiv Post\n\n"
            "Follow us on Telegram\n\n— Reporting by Olzhas Auyezov in Almaty\n\n"
            "Our correspondent in Bishkek contributed reporting.\n\nImage source, Getty Images")
    assert len(furniture_spans(text)) == 8
    for text in ("More from the interview in Kyiv follows below.", "Latest fighting near Pokrovsk killed three.",
                 "Copyright disputes in Kazakhstan rose in 2025, the court said.", "Share prices in Almaty fell."):
        assert furniture_spans(text) == [], text
    assert caption_spans("Image caption, Rescuers in Odesa") == [(0, 32)]


def test_a_sign_off_closing_a_later_paragraph_is_found_where_it_is(gazetteer) -> None:
    text = ("Drones hit Sumy on Monday.\n\nThe attack damaged a school in Okhtyrka, officials said. "
            "(Reporting by Anna Petrova in Tbilisi; Editing by Clare Dunn in London)")
    assert [text[a:b] for a, b in furniture_spans(text)] == [
        "(Reporting by Anna Petrova in Tbilisi; Editing by Clare Dunn in London)"]
    lit = _literal(gazetteer, text)
    assert lit["Sumy"] and lit["Okhtyrka"] and not lit.get("Tbilisi", False) and not lit.get("London", False)


def test_a_one_line_feed_summary_running_into_its_related_list(gazetteer) -> None:
    """A feed's summary on one line, then "Related:" and other headlines: the list's places are not
    mapped and give no incident; a colon inside a sentence is no list."""
    text = ("Drones struck a fuel depot in Klintsy overnight, the governor said. Related: Power back in Dnipro "
            "after strike | Blackouts spread in Kharkiv | Read more: floods in Aktobe")
    assert [text[a:b] for a, b in furniture_spans(text)] == [text[text.index("Related"):]]
    lit = _literal(gazetteer, text)
    assert lit["Klintsy"] and not any(lit.get(n, False) for n in ("Dnipro", "Kharkiv", "Aktobe"))
    places = {loc.name for i in extract([Article("t", text)], gazetteer) for loc in i.locations}
    assert places == {"Klintsy"}, places
    for text in ("The minister listed the topics: energy and migration talks in Astana.",
                 "He said: \"Related: nothing in Kyiv.\" Then he left."):
        assert furniture_spans(text) == [], text
