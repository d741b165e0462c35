"""English display names (mapper.gazetteer.display) over the real gazetteer, and in the run's outputs."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest

from mapper.gazetteer.display import DisplayNames, english_name, for_display, town_lookup
from mapper.model import Article, Incident, IncidentType, Location, Precision, Source
from mapper.pipeline import run


@pytest.mark.parametrize(("place_id", "shown"), [
    ("geonames:608879", "Mangystau Region"),      # Mangghystaū oblysy: a plain-Latin alias + Region
    ("geonames:555235", "Ivanovo Oblast"),        # Ivanovskaya oblast': named after its seat, Ivanovo
    ("geonames:706482", "Kharkiv Oblast"),        # Kharkivska oblast: an English alias
    ("geonames:1523401", "Karaganda Region"),     # Qaraghandy oblysy
    ("geonames:524925", "Moscow Oblast"),         # Moskovskaya oblast'
    ("geonames:536199", "Leningradskaya oblast'"),  # no English form in the data, no town of that name
    ("geonames:610612", "Aktau"),                 # populated places keep their name
    ("geonames:5332921", "California"),           # an English name stays, whatever its aliases
    ("geonames:1484838", "Tashkent Region"),      # Toshkent, the province (the city keeps its name)
    ("geonames:80412", "Aden Governorate"),       # ‘Adan: letters beyond ASCII mark a local form
])
def test_english_names_from_the_installed_data(gazetteer, place_id, shown):
    place = gazetteer.get(place_id)
    assert english_name(place, gazetteer.names(place_id), town_lookup(gazetteer)) == shown


def test_display_names_leave_ids_and_lookup_alone(gazetteer):
    assert gazetteer.get("geonames:608879").name == "Mangghystaū oblysy"
    for query in ("Mangystau Region", "Mangghystaū oblysy", "Mangistau region"):
        assert gazetteer.candidates(query)[0].place_id == "geonames:608879"


def test_for_display_renames_gazetteer_names_but_keeps_the_articles_words(gazetteer):
    region = gazetteer.get("geonames:555235")
    src = (Source("a", "Debris fell.", 0, 12),)
    coarsened = Incident("d1", IncidentType.DRONE, "debris", (Location(
        region.place_id, region.name, region.lat, region.lon, Precision.REGION, country="RU"),), src)
    written = Incident("d2", IncidentType.DRONE, "debris", (Location(
        region.place_id, "Ivanovo region", region.lat, region.lon, Precision.REGION, country="RU"),), src)
    (a, b), _ = for_display([coarsened, written], [], gazetteer)
    assert a.locations[0].name == "Ivanovo Oblast" and b.locations[0].name == "Ivanovo region"
    assert a.locations[0].place_id == region.place_id and a.incident_id == "d1"


def test_run_outputs_show_english_names_with_unchanged_ids(gazetteer, tmp_path):
    text = ("Drone debris in Mangistau\n\nPolice said on Tuesday that fragments of a drone were found on a "
            "beach north of Aktau, in Mangistau Region. Drones also struck an oil depot in Shuya, Ivanovo region.\n")
    art = Article("n1", text, title="Drone debris in Mangistau", published=dt.date(2025, 6, 20))
    paths = run([art], gazetteer, tmp_path)
    places = json.loads(paths["places"].read_text(encoding="utf-8"))["features"]
    shown = {p["properties"]["place_id"]: (p["properties"]["place"], p["properties"]["admin1"]) for p in places}
    assert shown["geonames:610612"] == ("Aktau", "Mangystau Region")
    assert shown["geonames:608879"] == ("Mangystau Region", "Mangystau Region")  # a region is its own admin1
    with paths["csv"].open(encoding="utf-8", newline="") as fh:
        admin1 = {r["location"]: r["admin1"] for r in csv.DictReader(fh)}
    assert admin1.get("Aktau") == "Mangystau Region"
    assert "oblysy" not in paths["map"].read_text(encoding="utf-8")


def test_incidents_csv_fills_admin1_with_display_names(gazetteer, tmp_path):
    from click.testing import CliRunner

    from mapper.cli import _register, cli

    src = tmp_path / "n.jsonl"
    src.write_text(json.dumps({"id": "n", "published": "2025-06-20", "text": (
        "On June 19, fragments of a drone were found near Aktau, police said.")}) + "\n", encoding="utf-8")
    _register()
    result = CliRunner().invoke(cli, ["incidents", str(src), "--format", "csv"], catch_exceptions=False)
    rows = list(csv.DictReader(result.output.splitlines()))
    assert [(r["location"], r["admin1"]) for r in rows] == [("Aktau", "Mangystau Region")]


def test_display_names_read_the_names_table_once_for_many_places(gazetteer):
    """The names table is keyed by name: a query per place scans it each time (0.05-0.1 s)."""
    ids = ["geonames:608879", "geonames:555235", "geonames:706482", "geonames:1523401", "geonames:524925"]
    assert gazetteer.names_of(ids) == {pid: gazetteer.names(pid) for pid in ids}

    class Counting:  # the real gazetteer, counting the passes over its names table
        def __init__(self):
            self.passes = 0

        def __getattr__(self, attr):
            return getattr(gazetteer, attr)

        def names_of(self, pids):
            self.passes += 1
            return gazetteer.names_of(pids)

    counting = Counting()
    names = DisplayNames(counting)
    names.prefetch([gazetteer.get(pid) for pid in ids] + [gazetteer.get("geonames:610612")])  # Aktau: its region
    assert [names.name(gazetteer.get(pid)) for pid in ids] == [
        "Mangystau Region", "Ivanovo Oblast", "Kharkiv Oblast", "Karaganda Region", "Moscow Oblast"]
    assert names.admin1(gazetteer.get("geonames:610612")) == "Mangystau Region" and counting.passes == 1
