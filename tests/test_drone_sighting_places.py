"""Rules prompted by the g19 batch (drone sightings over European airports and air bases), on the real
gazetteer and pipeline."""

from mapper.gazetteer.sqlite import SqliteGazetteer
from mapper.model import Article
from mapper.pipeline import places_records


def _places(gazetteer: SqliteGazetteer, text: str) -> list[tuple[str, str, bool]]:
    rec = next(iter(places_records([Article("t", text)], gazetteer)))
    return [(p["text"], p["country"], p["literal"]) for p in rec["places"]]


def test_airport_forced_to_close_is_a_site(gazetteer: SqliteGazetteer) -> None:
    assert ("Copenhagen Airport", "DK", True) in _places(gazetteer, "Drones forced Copenhagen Airport to close.")
    assert ("Munich airport", "DE", True) in _places(gazetteer, "Munich airport suspended flights twice.")
    assert ("Moscow", "RU", False) in _places(gazetteer, "The sanctions forced Moscow to restrict exports.")


def test_voivodeship_is_a_region_word(gazetteer: SqliteGazetteer) -> None:
    assert ("Lublin voivodeship", "PL", True) in _places(gazetteer, "Wreckage fell in the Lublin voivodeship.")


def test_country_by_its_own_name(gazetteer: SqliteGazetteer) -> None:
    text = ("BUCHAREST — A drone entered Romanian airspace, Romania's ministry said. Jets took off from the "
            "Fetești air base. In Moldova, a drone fell in a field near Cahul.")
    assert ("Moldova", "MD", True) in _places(gazetteer, text)


def test_weapon_model_is_no_place(gazetteer: SqliteGazetteer) -> None:
    found = _places(gazetteer, "Drones were seen over Büchel, where the air force keeps its Tornado jets.")
    assert "Tornado" not in [t for t, _c, _l in found]


def test_curated_bases_and_crossings(gazetteer: SqliteGazetteer) -> None:
    text = ("OSLO — Drones closed Oslo Gardermoen and flights landed at Torp. Police questioned two men who flew "
            "a drone near the Storskog border crossing with Russia, outside Kirkenes.")
    assert {(t, c) for t, c, _l in _places(gazetteer, text)} >= {("Torp", "NO"), ("Oslo Gardermoen", "NO"),
                                                                 ("Storskog", "NO")}
    text = "Drones flew over Skrydstrup air base in Jutland and near Ämari in Estonia."
    assert {(t, c) for t, c, _l in _places(gazetteer, text)} >= {("Skrydstrup air base", "DK"), ("Ämari", "EE")}
