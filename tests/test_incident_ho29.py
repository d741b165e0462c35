"""Rules the ho29 held-out batch prompted (texts written for these tests, in the batch's styles)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mapper.incidents import extract_incidents
from mapper.model import Article, Incident
from mapper.pipeline import capital_lookup, parse_article


def _incidents(gazetteer: Any, text: str, published: str = "2025-10-13") -> list[Incident]:
    art = Article("t", text, published=dt.date.fromisoformat(published))
    return extract_incidents([parse_article(art, gazetteer)], capital_of=capital_lookup(gazetteer))


def _brief(inc: Incident) -> tuple[str, str, list[str]]:
    return inc.type.value, inc.subtype, [loc.name for loc in inc.locations]


def test_residents_see_a_drone_where_they_live(gazetteer: Any) -> None:
    found = _incidents(gazetteer, "In the Pavlodar region, residents of Ekibastuz posted videos of what they said was "
                                  "a drone hovering over the town's power station on Sunday night.")
    assert [_brief(i) for i in found] == [("drone", "sighting", ["Ekibastuz"])]
    assert found[0].status.value == "claimed"


def test_a_crew_report_and_a_denied_interception_are_sightings(gazetteer: Any) -> None:
    found = _incidents(gazetteer, "Tashkent airport briefly held departures on Friday night after the crew of a "
                                  "landing aircraft reported a drone on the approach path, the airport's press "
                                  "service said.")
    assert [_brief(i)[:2] for i in found] == [("drone", "sighting")]
    found = _incidents(gazetteer, "Munich's airport was shut on October 2 after drones were seen near the runway, yet "
                                  "no drone was brought down.")
    assert [_brief(i)[:2] for i in found] == [("drone", "sighting")]


def test_events_grown_common_are_general(gazetteer: Any) -> None:
    assert _incidents(gazetteer, "Cross-border raids into the Bryansk and Kursk regions have become regular since "
                                 "August 2024.") == []


def test_a_return_home_after_departures_goes_to_the_workers_country(gazetteer: Any) -> None:
    found = _incidents(gazetteer, "About 52,000 Uzbeks left for seasonal work in South Korea in the "
                                  "first nine months of the year, the agency said. At the same time, about 230,000 "
                                  "migrants returned home from Russia, according to the agency.")
    ret = [i for i in found if i.subtype == "return"]
    assert [loc.name for loc in ret[0].locations] == ["Russia", "Uzbekistan"]


def test_an_attack_and_a_counterattack_are_two_strikes(gazetteer: Any) -> None:
    found = _incidents(gazetteer, "Russian forces continued assaults on Myrnohrad on November 4. Ukrainian forces "
                                  "counterattacked near Dobropillia on November 4.", "2025-11-05")
    assert sorted(_brief(i)[2][0] for i in found) == ["Dobropillia", "Myrnohrad"]
