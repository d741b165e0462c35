"""Rules the ho43 held-out batch (drone sightings and hybrid incidents in Europe as wire services and national
broadcasters report them) prompted or measured: a level of government before a body is no place, the armed
forces and report cities of a state at peace, "the command" told again, an attack on a warring country framing an
incursion, an event told "hours after" another at its own place, blasts beside a drone word, and a state speaking
of its own airspace; the texts are written for these tests."""

from __future__ import annotations

from typing import Any

from test_incident_ho32 import _brief, _incidents

# --- class: a word naming a level of government before the body it qualifies ("Federal police") is no place ---

def test_a_level_of_government_before_a_body_is_no_place(gazetteer: Any) -> None:
    text = ("MUNICH — Flights at Munich Airport were halted late on Thursday after drones were seen near the runway. "
            "Federal police said officers had seen several drones over the northern runway at around 10 p.m.")
    places = {loc.name for i in _incidents(gazetteer, text, "2025-10-03") for loc in i.locations}
    assert places and not any("Federal" in p for p in places)


# --- class: the armed forces of a state at peace speak as an authority; "the command" is the command named before ---

def test_a_military_spokesman_of_a_state_at_peace_confirms(gazetteer: Any) -> None:
    text = ("Drones were reported over the Bundeswehr air base at Erding on Thursday evening, a military spokesman "
            "said.")
    assert _brief(_incidents(gazetteer, text, "2025-10-03")) == [
        ("drone", "sighting", "Erding", "2025-10-02", "confirmed")]


def test_the_command_told_again_is_the_operational_command(gazetteer: Any) -> None:
    text = ("WARSAW — Radar tracked a drone for about 20 minutes over the town of Wlodawa on Saturday, the command "
            "said.")
    assert _brief(_incidents(gazetteer, text, "2025-09-14")) == [
        ("drone", "sighting", "Wlodawa", "2025-09-13", "confirmed")]


# --- class: an attack on a warring country, a part of it named only by a compass word, frames an incursion ---

def test_an_attack_on_western_ukraine_frames_the_incursion(gazetteer: Any) -> None:
    text = ("Jets were scrambled early on Saturday as Russia attacked western Ukraine with drones, and a drone that "
            "crossed into Polish airspace flew over the Lublin province before leaving, the army said.")
    got = _brief(_incidents(gazetteer, text, "2025-09-14"))
    assert [(t, st) for t, st, *_ in got] == [("drone", "sighting")]


# --- class: "..., hours after X" tells an event of its own at its own place ---

def test_an_event_told_hours_after_another_is_its_own(gazetteer: Any) -> None:
    text = ("Drones were seen over the Kleine-Brogel air base on Tuesday, hours after Brussels Airport suspended "
            "traffic because of a drone sighting, the minister said.")
    got = _brief(_incidents(gazetteer, text, "2025-11-05"))
    assert sorted(p for _t, _st, p, _d, _s in got) == ["Brussels Airport", "Kleine-Brogel air base"]


# --- class: blasts beside a drone word are a strike (measured: LGL 2, GeoVirus 6 and the dev set unchanged) ---

def test_blasts_beside_drones_are_a_strike(gazetteer: Any) -> None:
    got = _brief(_incidents(gazetteer, "Blasts rock Sevastopol as Ukrainian drones target Black Sea Fleet",
                            "2025-09-10"))
    assert [(t, st, p) for t, st, p, _d, _s in got] == [("drone", "strike", "Sevastopol")]
    assert _incidents(gazetteer, "A blast furnace at the Magnitogorsk steel plant was restarted on Monday.",
                      "2025-09-10") == []


# --- class: a state that says something entered its airspace names where the drone flew ---

def test_a_state_saying_a_drone_entered_its_airspace_is_the_place(gazetteer: Any) -> None:
    got = _brief(_incidents(gazetteer, "Latvia says a drone entered its airspace from Belarus on Tuesday night.",
                            "2025-09-10"))
    assert [(t, st, p) for t, st, p, _d, _s in got] == [("drone", "sighting", "Latvia")]
    # a state speaking of something else stays a government, no place
    assert _incidents(gazetteer, "Latvia says it will buy more air defence systems.", "2025-09-10") == []
