"""Candidates for a demonym or a place's adjective: the country ("Palestinian"), a people's own region
("Dagestani"), or a guess from the word's ending for one the table lacks ("Ohioans", "European")."""

from __future__ import annotations

from mapper.cues import demonym_places, demonyms
from mapper.gazetteer.base import Gazetteer
from mapper.model import Place, PlaceKind


def demonym_country(word: str, gazetteer: Gazetteer) -> list[Place]:
    """The place a demonym of the table names: its country, or its people's own region there."""
    code = demonyms().get(word)
    name = demonym_places().get(word, "")
    if not name:
        return []
    if not code:  # a region adjective such as "Central Asian"
        return gazetteer.candidates(name, limit=1)
    # the country, or a people's own region in it ("Dagestani": Dagestan, in Russia)
    return (gazetteer.candidates(name, country=code, kind=PlaceKind.COUNTRY, limit=1)
            or gazetteer.candidates(name, country=code, kind=PlaceKind.REGION, limit=1))


_DEMONYM_ENDINGS = (("ians", "ia"), ("ian", "ia"), ("ans", "a"), ("an", "a"), ("ese", ""), ("is", ""), ("i", ""),
                    ("ers", ""), ("er", ""), ("ns", ""), ("n", ""), ("ans", ""), ("ans", "as"), ("ians", "io"),
                    ("an", "as"), ("eans", "e"), ("ean", "e"))  # Arkansan; European


def demonym_guess(word: str, gazetteer: Gazetteer) -> list[Place]:
    """A given span that is an adjective of a place not in the table: South Ossetian -> South Ossetia,
    Ohioans -> Ohio, Ontarians -> Ontario, Texan -> Texas, European -> Europe; or the plural of one that is
    (Czechs)."""
    if word.endswith("s") and word[:-1] in demonyms():
        return demonym_country(word[:-1], gazetteer)
    for end, repl in _DEMONYM_ENDINGS:
        if word.endswith(end) and len(word) > len(end) + 3:
            found = [p for p in gazetteer.candidates(word[: -len(end)] + repl, limit=5)
                     if p.kind in (PlaceKind.COUNTRY, PlaceKind.REGION, PlaceKind.AREA, PlaceKind.CONTINENT)]
            if found:
                return found
    return []
