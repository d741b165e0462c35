"""Rules the ho30 held-out batch prompted (texts written for these tests, in the batch's styles)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mapper.dates import find_dates
from mapper.figures import find_figures
from mapper.incident_dates import event_dates
from mapper.incidents import extract_incidents
from mapper.model import Article, Incident
from mapper.pipeline import capital_lookup, parse_article


def _incidents(gazetteer: Any, text: str, published: str = "2025-11-20") -> list[Incident]:
    art = Article("t", text, published=dt.date.fromisoformat(published))
    return extract_incidents([parse_article(art, gazetteer)], capital_of=capital_lookup(gazetteer))


def test_birds_on_the_move_are_no_flow(gazetteer: Any) -> None:
    assert _incidents(gazetteer, "Drones counted about 9,000 storks that had arrived from wintering grounds in "
                                 "Iran at the lakes near Kostanay last week, the reserve said.") == []


def test_a_follow_up_toll_counts_the_dead_and_injured() -> None:
    figs = find_figures("The death toll from Monday's missile strike on a dormitory in Sumy has risen to 14, "
                        "officials said. The number of injured had risen to 40 by the evening.")
    assert [(f.figure.value, f.figure.unit) for f in figs] == [(14.0, "killed"), (40.0, "injured")]


def test_a_possessive_date_and_a_time_window_date_the_event() -> None:
    text = "The toll from Monday's strike rose again."
    assert [d.date.iso() for d in find_dates(text, published=dt.date(2025, 11, 20))] == ["2025-11-17"]
    text = "Air defences destroyed 12 drones between 22:00 on Monday and 06:00 Moscow time on Tuesday."
    dates = event_dates(text, find_dates(text, published=dt.date(2025, 11, 20)))
    assert [d.date.iso() for d in dates] == ["2025-11-17/2025-11-18"]


def test_a_placeless_tally_lede_gives_its_total_to_the_tally_by_region(gazetteer: Any) -> None:
    found = _incidents(gazetteer, "MOSCOW — Russian air defences destroyed 40 Ukrainian drones between 19:00 and "
                                  "22:00 Moscow time on Wednesday, the Defence Ministry said.\n\nAccording to the "
                                  "ministry, 25 of the drones were downed over the Kursk region and 15 over the "
                                  "Oryol region.")
    assert [(i.subtype, sorted(f.value for f in i.figures)) for i in found] == [("interception", [25.0, 40.0])]


def test_mortar_fire_is_a_strike_and_an_hourly_habit_none(gazetteer: Any) -> None:
    found = _incidents(gazetteer, "The village of Urazovo came under mortar fire on Tuesday evening, wounding two "
                                  "women, the governor said.")
    assert [(i.type.value, i.subtype) for i in found] == [("operation", "strike")]
    assert _incidents(gazetteer, "The governor said Russian drones now attack cars on the roads out of Druzhkivka "
                                 "almost every hour.") == []
