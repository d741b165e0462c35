"""Headlines and one-line feed items: the present tense of headlinese tells a past event ("Drone hits
Alabuga plant"), after the weapon only; other subjects that "hit" something are no strike. Real gazetteer,
real pipeline, real incident rules."""

from __future__ import annotations

import datetime as dt

from mapper.model import Article
from mapper.pipeline import extract


def _read(gazetteer, text: str) -> list[tuple[str, str, list[str]]]:
    incidents = extract([Article("t", text, published=dt.date(2025, 6, 4))], gazetteer)
    return [(i.type.value, i.subtype, [loc.name for loc in i.locations]) for i in incidents]


def test_a_headlines_weapon_hits_a_place(gazetteer) -> None:
    assert _read(gazetteer, "Drone hits Alabuga plant in Tatarstan") == [("drone", "strike", ["Alabuga"])]
    assert _read(gazetteer, "Russian missile hits apartment block in Dnipro, killing 12") == [
        ("operation", "strike", ["Dnipro"])]


def test_other_things_that_hit_are_no_strike(gazetteer) -> None:
    for text in ("Heatwave hits Almaty as temperatures pass 40C", "Drone ban hits farmers in Kostanay region",
                 "Price of drones hits record in Kyiv markets",
                 "Sanctions hit Kazakh oil exports through Novorossiysk"):
        assert _read(gazetteer, text) == [], text
