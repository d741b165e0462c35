"""The online fallback: off by default, and its cache round-trips through the SQLite store (no network)."""

from __future__ import annotations

import shutil

import pytest

from mapper.gazetteer import SqliteGazetteer
from mapper.gazetteer.online import OnlineGazetteer, cache_key, place_from_nominatim
from mapper.model import PlaceKind
from mapper.names import skeleton

RAW = {"osm_type": "node", "osm_id": 123456, "lat": "48.85", "lon": "46.83", "class": "place", "type": "village",
       "addresstype": "village", "name": "Ualy", "display_name": "Ualy, Bokeyorda District, Kazakhstan",
       "address": {"country_code": "kz", "state": "West Kazakhstan Region"}}


@pytest.fixture
def local_copy(gazetteer, tmp_path):
    shutil.copy(gazetteer.path, tmp_path / gazetteer.path.name)
    shutil.copy(gazetteer.trie_path, tmp_path / gazetteer.trie_path.name)
    return SqliteGazetteer(tmp_path / gazetteer.path.name)


def test_off_by_default(gazetteer, monkeypatch):
    monkeypatch.delenv("MAPPER_ONLINE", raising=False)
    online = OnlineGazetteer(gazetteer)
    assert online.enabled is False
    assert online.candidates("Xqzwvplk") == []  # would raise if it tried the network with no geocoder


def test_place_from_nominatim():
    place = place_from_nominatim(RAW)
    assert (place.place_id, place.name, place.kind, place.country, place.source) == (
        "nominatim:n123456", "Ualy", PlaceKind.POPULATED, "KZ", "nominatim")


def test_cache_round_trip(local_copy):
    place = place_from_nominatim(RAW | {"name": "Xqzwvplk village"})
    key = cache_key("Xqzwvplk village", None)
    assert local_copy.cached_answer(key) is None
    local_copy.cache_answer(key, [place])
    assert local_copy.cached_answer(key) == [place]
    assert local_copy.get("nominatim:n123456") == place
    assert local_copy.candidates("Xqzwvplk village")[0].source == "nominatim"
    # an enabled fallback answers from the cache without asking anything
    online = OnlineGazetteer(local_copy, enabled=True, geocode=lambda *a, **k: pytest.fail("asked online"))
    local_copy.cache_answer(cache_key("Qqqzzzvw", None), [])
    assert online.candidates("Qqqzzzvw") == []


def test_session_cache_over_a_memory_gazetteer(memory_gazetteer):
    asked = []

    class Loc:
        raw = RAW

    def fake_geocode(name, **kw):  # stands in for Nominatim: no network in tests
        asked.append(name)
        return [Loc()]

    online = OnlineGazetteer(memory_gazetteer, enabled=True, geocode=fake_geocode)
    assert online.candidates("Oral")[0].place_id == "geonames:608668"  # found locally: not asked
    assert online.candidates("Xqzwvplk")[0].place_id == "nominatim:n123456"
    assert online.candidates("Xqzwvplk")[0].source == "nominatim"
    assert asked == ["Xqzwvplk"]
    assert online.get("nominatim:n123456").name == "Ualy"


def test_pickled_sqlite_gazetteer_reopens(gazetteer):
    import pickle

    copy = pickle.loads(pickle.dumps(gazetteer))
    assert copy.path == gazetteer.path and copy.candidates("Oral")[0].place_id == "geonames:608668"


def test_cached_answers_survive_a_rebuild(local_copy, tmp_path):
    import contextlib
    import sqlite3

    from mapper.gazetteer.build import SCHEMA, _copy_online_cache

    place = place_from_nominatim(RAW | {"name": "Xqzwvplk"})
    local_copy.cache_answer(cache_key("Xqzwvplk", None), [place])
    new = tmp_path / "new.sqlite"
    with contextlib.closing(sqlite3.connect(new)) as db:
        db.executescript(SCHEMA)
        _copy_online_cache(db, local_copy.path)
        db.commit()
        assert db.execute("SELECT place_ids FROM online_cache").fetchall() == [('["nominatim:n123456"]',)]
        assert db.execute("SELECT key, name FROM names").fetchall() == [(skeleton("Xqzwvplk"), "Xqzwvplk")]


def test_an_unreachable_geocoder_is_an_error_and_nothing_is_cached(local_copy, monkeypatch):
    """Air-gapped: geopy's own Nominatim fails (patched here, no network); the name must not be cached
    as unknown, or it would never be asked again once online."""
    from geopy.exc import GeocoderUnavailable
    from geopy.geocoders import Nominatim

    from mapper.errors import GazetteerError

    def unreachable(self, *args, **kwargs):
        raise GeocoderUnavailable("Failed to resolve 'nominatim.openstreetmap.org'")

    monkeypatch.setattr(Nominatim, "geocode", unreachable)
    online = OnlineGazetteer(local_copy, enabled=True, min_delay_seconds=0)
    with pytest.raises(GazetteerError, match="online geocoder failed for 'Xqzwvplk'"):
        online.candidates("Xqzwvplk")
    assert local_copy.cached_answer(cache_key("Xqzwvplk", None)) is None
