"""The airportsdata layer of the gazetteer (texts written for these tests): airports and air bases by their
full and derived names, a bare city name still the city, and sightings placed at the airport."""

from __future__ import annotations

import datetime as dt
from typing import Any

import airportsdata
import pytest

from mapper.gazetteer.airports import derived_names, main_airports, selected
from mapper.gazetteer.sqlite import SqliteGazetteer
from mapper.incidents import extract_incidents
from mapper.model import Article, PlaceKind
from mapper.pipeline import capital_lookup, parse_article, places_records


@pytest.mark.parametrize(("name", "icao"), [
    ("Copenhagen Kastrup Airport", "EKCH"), ("Kastrup Airport", "EKCH"), ("Copenhagen airport", "EKCH"),
    ("Aalborg Airport", "EKYT"), ("Vilnius Airport", "EYVI"), ("Munich Airport", "EDDM"),
    ("Brussels Airport", "EBBR"), ("Oslo airport", "ENGM"), ("Ramstein Air Base", "ETAR"),
    ("Morozovsk air base", "URRM"), ("Morozovsk airfield", "URRM"), ("Saki Air Base", "UKFI"),
    ("Saky air base", "UKFI"), ("Engels-2", "XWSG"), ("Belbek air base", "URFB"), ("Amari air base", "EEEI"),
])
def test_airports_by_full_and_derived_names(gazetteer: SqliteGazetteer, name: str, icao: str) -> None:
    assert gazetteer.candidates(name, limit=3)[0].place_id == f"airportsdata:{icao}"


@pytest.mark.parametrize("city", ["Aalborg", "Vilnius", "Copenhagen", "Munich", "Morozovsk", "Oslo"])
def test_a_bare_city_name_is_still_the_city(gazetteer: SqliteGazetteer, city: str) -> None:
    assert gazetteer.candidates(city, limit=3)[0].kind is PlaceKind.POPULATED


def test_no_code_and_no_bare_name_is_an_airport_name(gazetteer: SqliteGazetteer) -> None:
    for word in ("CPH", "EKCH", "Kastrup", "Gardermoen Airport Oslo"):
        assert all(not p.place_id.startswith("airportsdata:") or word == "Kastrup" and p.kind is not PlaceKind.FACILITY
                   for p in gazetteer.candidates(word, limit=5)), word


def test_a_city_with_several_airports_has_no_city_airport_name() -> None:
    ports = selected(airportsdata.load())
    main = main_airports(ports, lambda _country, _city: None, {("RU", "moscow"): "MOW"})
    assert not main & {"UUEE", "UUDD", "UUWW"}  # Sheremetyevo, Domodedovo, Vnukovo
    assert "London City Airport" not in [n for a in ports if a["icao"] == "EGLC" for n in derived_names(a, False)]


def _places(gazetteer: SqliteGazetteer, text: str) -> dict[str, str]:
    rec = next(iter(places_records([Article("t", text)], gazetteer)))
    return {p["text"]: p["place_id"] for p in rec["places"]}


@pytest.mark.parametrize(("text", "span", "icao"), [
    ("Drones were seen over Aalborg Airport on Wednesday night.", "Aalborg Airport", "EKYT"),
    ("Flights at Copenhagen's Kastrup airport were halted after drone sightings.", "Kastrup airport", "EKCH"),
    ("Ukraine said it had hit the Morozovsk air base overnight.", "Morozovsk air base", "URRM"),
    ("Drones were spotted near the airport in Vilnius, which shut for hours.", "Vilnius", "EYVI"),
    ("Riga's international airport diverted two flights.", "Riga", "EVRA"),
    ("Brussels Airport halted traffic on Tuesday evening.", "Brussels Airport", "EBBR"),
])
def test_the_text_names_the_airport(gazetteer: SqliteGazetteer, text: str, span: str, icao: str) -> None:
    assert _places(gazetteer, text)[span] == f"airportsdata:{icao}"


def test_the_city_stays_the_city_beside_its_airport(gazetteer: SqliteGazetteer) -> None:
    found = _places(gazetteer, "Officials in Vilnius met on Monday. Vilnius Airport reopened later.")
    assert found["Vilnius"].startswith("geonames:") and found["Vilnius Airport"] == "airportsdata:EYVI"


def test_a_sighting_is_placed_at_the_airport(gazetteer: Any) -> None:
    art = Article("t", "Drones were seen over Aalborg Airport on Wednesday night, and flights were suspended, "
                       "Danish police said.", published=dt.date(2025, 9, 26))
    incs = extract_incidents([parse_article(art, gazetteer)], capital_of=capital_lookup(gazetteer))
    assert incs and incs[0].locations[0].place_id == "airportsdata:EKYT"


@pytest.mark.parametrize(("text", "span", "country"), [
    ("Passengers were stranded at Cairo airport for a second day.", "Cairo airport", "EG"),  # not Cairo, Illinois
    ("Drones were reported near London airport on Sunday.", "London airport", "GB"),  # not London, Ontario's field
    ("Tourists flew home from Bali airport after the eruption.", "Bali airport", "ID"),  # not Bali, Cameroon's field
    ("Flights at Manchester Airport were delayed by a drone.", "Manchester Airport", "GB"),
])
def test_an_airport_name_of_a_far_more_prominent_place_is_not_the_small_field(
        gazetteer: SqliteGazetteer, text: str, span: str, country: str) -> None:
    found = {p["text"]: p for p in next(iter(places_records([Article("t", text)], gazetteer)))["places"]}
    assert span in found and found[span]["country"] == country, found
