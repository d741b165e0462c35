"""One contract every Gazetteer satisfies, run against the SQLite file and the in-memory implementation."""

from __future__ import annotations

import marisa_trie
import pytest

from mapper.errors import InputError
from mapper.gazetteer import Gazetteer, MemoryGazetteer, NameIndex
from mapper.model import Place, PlaceKind
from mapper.names import skeleton


@pytest.fixture(params=["sqlite", "memory"])
def gaz(request):
    return request.getfixturevalue("gazetteer" if request.param == "sqlite" else "memory_gazetteer")


class TestGazetteerContract:
    def test_is_a_gazetteer(self, gaz):
        assert isinstance(gaz, Gazetteer)
        assert isinstance(gaz.name_index(), NameIndex)

    @pytest.mark.parametrize(("name", "place_id"), [
        ("Oral", "geonames:608668"), ("Uralsk", "geonames:608668"), ("Уральск", "geonames:608668"),
        ("ORAL", "geonames:608668"), ("Kiev", "geonames:703448"), ("Kyiv", "geonames:703448"),
        ("Nur-Sultan", "geonames:1526273"), ("Aqtau", "geonames:610612"),
        ("Mangistau Region", "geonames:608879"), ("Mangghystau oblysy", "geonames:608879"),
        ("Karakiyan district", "geonames:607726"), ("Qaraqiya district", "geonames:607726"),
        ("Zhanibek", "geonames:609953"), ("the village of Ualy", "curated:ualy-kz"),
        ("St. Petersburg", "geonames:498817"), ("Kazakhstan", "geonames:1522867"),
        ("Kazakhstan's", "geonames:1522867"), ("Ukraine’s", "geonames:690791"),
        ("the Mangistau region", "geonames:608879"), ("Oral city", "geonames:608668"),
    ])
    def test_lookup_first(self, gaz, name, place_id):
        assert gaz.candidates(name)[0].place_id == place_id

    def test_not_found_is_empty(self, gaz):
        assert gaz.candidates("Xqzwvplk") == []
        assert gaz.get("geonames:1") is None

    def test_get_round_trips(self, gaz):
        place = gaz.candidates("Oral")[0]
        assert gaz.get(place.place_id) == place
        assert isinstance(place, Place) and place.kind is PlaceKind.POPULATED

    def test_filters(self, gaz):
        assert gaz.candidates("St. Petersburg", country="US")[0].place_id == "geonames:4171563"
        assert gaz.candidates("St. Petersburg", country="us")[0].country == "US"
        assert {p.country for p in gaz.candidates("Rafah")} >= {"PS", "EG"}
        assert gaz.candidates("Rafah", near=(31.28, 34.238))[0].country == "EG"
        assert gaz.candidates("Rafah", near=(31.298, 34.244))[0].country == "PS"
        assert {p.place_id for p in gaz.candidates("Aktau", bbox=(40, 45, 47, 56))} >= {"geonames:610612"}
        assert all(40 <= p.lat <= 47 for p in gaz.candidates("Aktau", bbox=(40, 45, 47, 56)))
        assert gaz.candidates("Aktau", kind="country") == []
        assert len(gaz.candidates("Aktau", limit=1)) == 1

    @pytest.mark.parametrize("kw", [{"country": "ZZ"}, {"country": "K"}, {"kind": "hamlet"},
                                    {"near": (0, 200)}, {"limit": -1}])
    def test_bad_arguments(self, gaz, kw):
        with pytest.raises(InputError):
            gaz.candidates("Oral", **kw)

    @pytest.mark.parametrize("name", ["", " ", "!!"])
    def test_bad_name(self, gaz, name):
        with pytest.raises(InputError, match="non-empty"):
            gaz.candidates(name)

    def test_name_index_holds_skeletons(self, gaz):
        index = gaz.name_index()
        for name in ("Oral", "Uralsk", "Уральск", "Karakiyan", "West Kazakhstan", "Ualy"):
            assert skeleton(name) in index
        assert skeleton("Xqzwvplk") not in index
        assert index.has_keys_with_prefix(skeleton("Karaki")) and not index.has_keys_with_prefix("xqzwv")

    def test_country_outlines_is_a_feature_collection(self, gaz):
        assert gaz.country_outlines()["type"] == "FeatureCollection"


def test_memory_gazetteer_rejects_bad_input():
    place = Place("geonames:1", "A", PlaceKind.POPULATED, 0, 0)
    with pytest.raises(ValueError, match="duplicate"):
        MemoryGazetteer([place, place])
    with pytest.raises(ValueError, match="unknown place ids"):
        MemoryGazetteer([place], {"geonames:2": ["B"]})
    index = MemoryGazetteer([place]).name_index()
    assert isinstance(index.trie, marisa_trie.Trie) and "a" in index and index.has_keys_with_prefix("")


def test_trie_index_remembers_prefix_answers_and_stays_right_when_full(monkeypatch):
    from mapper.gazetteer.base import TrieIndex

    monkeypatch.setattr(TrieIndex, "_MAX_PREFIXES", 3)  # force the memory to fill and start over
    index = TrieIndex(marisa_trie.Trie(["aktau", "aktobe", "almaty"]))
    asked = ["ak", "akt", "al", "ab", "aktau", "aktaux", "", "b", "ak", "ab", "alm"]
    expected = [True, True, True, False, True, False, True, False, True, False, True]
    assert [index.has_keys_with_prefix(p) for p in asked] == expected
    assert [index.has_keys_with_prefix(p) for p in asked] == expected  # answered again, partly from memory
