"""Readings of physical features the resolver's first choice can miss or wrongly keep: a sea's bare
adjective ("Caspian trade" is no sea), a river after "the" ("across the Dnipro" is the river), a port after
"the port of" and a river or reservoir the gazetteer lacks, read as its namesake town only where the text
supports that town."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mapper.model import PlaceKind
from mapper.names import normalize
from mapper.resolve_checks import has_support, reject

if TYPE_CHECKING:
    from mapper.resolve import _Group


# What a sea's bare adjective ("Caspian") may qualify and still mean the sea: "the Caspian coast".
_SEA_NOUNS = {"sea", "coast", "coasts", "coastal", "coastline", "shore", "shores", "side", "basin", "littoral",
              "waters", "seabed", "shelf", "depression", "lowland", "port", "ports", "seaboard", "region",
              "fleet", "flotilla"}  # "Russia's Caspian flotilla": the naval force based on the sea, the set's literal
_COMPASS_BEFORE = re.compile(r"\b(?:north|south|east|west|central)(?:ern|-?(?:east|west)(?:ern)?)?\s+$", re.I)
# "the left bank of the Dnipro shelled Kherson": only a river has banks, whatever verb follows
_BANK_OF = re.compile(r"\bbanks?\s+of\s+the\s+$", re.I)
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_NEXT_ANY_WORD = re.compile(r"\s+([A-Za-z]+)\b")
_TAKES_NO_ARTICLE = (PlaceKind.POPULATED, PlaceKind.DISTRICT, PlaceKind.REGION)
_AUXILIARIES = {"will", "would", "could", "can", "may", "might", "remains", "remained", "froze", "rose", "fell"}
_FUNCTION_WORDS = {"to", "in", "into", "on", "at", "and", "or", "is", "was", "has", "had", "by", "from", "for",
                   "with", "via", "near", "off", "but", "as", "of", "the", "a", "are", "were", "which", "that"}


def _sea_as_subject(text: str, start: int, word: str) -> bool:
    """"Storms on the Caspian delayed loading": after "the", a past-tense verb or an auxiliary makes the bare
    name the sea itself, not an adjective ("the Caspian states")."""
    return text[max(0, start - 4):start].lower() == "the " and (
        word in _AUXILIARIES or (len(word) > 4 and word.endswith("ed") and word.islower()))


_PREFIXES = frozenset({"trans", "pan", "anti", "pro", "post", "pre", "sub", "inter", "non", "circum"})


def drop_sea_adjectives(glist: list[_Group], text: str) -> None:
    """"Russia's own Caspian trade": a sea's bare adjective before a noun that is no part of a sea is
    an adjective ("Caspian trade", "Caspian states"), not the sea ("across the Caspian to Baku")."""
    starts = {m.start for h in glist for m in h.mentions if m.text.lower() not in _PREFIXES}
    ends = {m.end for h in glist for m in h.mentions if m.text.lower() not in _PREFIXES}
    for g in glist:
        c = g.choice
        if c is None or c.feature_code != "SEA" or g.forced is not None or " " in g.mentions[0].name:
            continue
        if normalize(c.name) == normalize(g.mentions[0].name):
            continue
        if any(_COMPASS_BEFORE.search(text, max(0, m.start - 20), m.start) for m in g.mentions):
            continue  # "the eastern Mediterranean regional office": a part of the sea, named
        if any(m.start - 1 in ends and text[m.start - 1] == "-" or m.end + 1 in starts and text[m.end] == "-"
               for m in g.mentions):
            continue  # "the Volga-Caspian route": one end of a pair of named places, not "the Trans-Caspian route"
        # a capitalised word goes on a proper name ("the Baltic Fleet", "Caspian Pipeline Consortium")
        words = [_NEXT_ANY_WORD.match(text, m.end) for m in g.mentions]
        if all(w and w.group(1).lower() not in _SEA_NOUNS and w.group(1) not in _FUNCTION_WORDS
               and not _sea_as_subject(text, m.start, w.group(1)) for m, w in zip(g.mentions, words, strict=True)):
            reject(g)


def article_readings(glist: list[_Group], text: str) -> None:
    """"Across the Dnipro near Kherson", "over the Amur.": towns and regions take no article, so where "the"
    stands before a bare name that a river (or area) is also called, the river is read. Not where the name
    qualifies a noun after it ("the Dnipro mayor") nor where a generic word follows ("the Dnipro region"); after
    "the bank of", whatever word follows."""
    for g in glist:
        c, m = g.choice, g.mentions[0]
        if c is None or g.forced is not None or m.generic or c.kind not in _TAKES_NO_ARTICLE \
                or text[max(0, m.start - 4):m.start].lower() != "the ":
            continue
        w = _NEXT_WORD.match(text, m.end)
        feature = next((p for p in g.candidates if p.kind in (PlaceKind.PHYSICAL, PlaceKind.AREA)
                        and normalize(p.name.removeprefix("The ")) != normalize(c.name)), None)
        if feature is not None and (w is None or w.group(1) in _FUNCTION_WORDS or w.group(1) in _AUXILIARIES
                                    or _past_verb(w.group(1))
                                    or _BANK_OF.search(text, max(0, m.start - 30), m.start)):
            g.runners = [c, *(p for p in g.runners if p is not feature)][:3]
            g.choice, g.method = feature, "article"


# "the port of Amirabad", "Iran's seaport of Amirabad", "the harbour at Vostochny": the name is the port's
_PORT_BEFORE = re.compile(r"\b(?:sea)?ports?\s+(?:of|at)\s+$|\bharbou?r\s+(?:of|at)\s+$", re.I)
_ANY_PORT_WORD = re.compile(r"\b(?:sea)?ports?\s+(?:of|at)\s|\bharbou?r\s+(?:of|at)\s", re.I)  # the two's words
# "the ports of Bandar Anzali and Amirabad", "the ports of Aktau, Kuryk and Alat": the plural's every name
_PORTS_LIST = re.compile(r"\b(?:sea)?ports\s+(?:of|at)\s+(?:[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2},? ){1,4}and $")


def _after_port_word(text: str, start: int) -> bool:
    return bool(_PORT_BEFORE.search(text, max(0, start - 20), start)
                or _PORTS_LIST.search(text, max(0, start - 90), start))


def port_readings(glist: list[_Group], text: str) -> None:
    """"Iran's port of Amirabad", "the port of Pivdennyi": where the gazetteer has a port (``PRT``) by the name,
    the port, not a town or village elsewhere that shares it (an inland Amirabad, a Pivdennyi village far from
    the sea). A port's own town keeps the reading where no port row exists ("the port of Olya")."""
    if not _ANY_PORT_WORD.search(text):
        return  # (most texts name no port: one scan instead of one per mention)
    for g in glist:
        c = g.choice
        if g.forced is not None or (c is not None and c.feature_code == "PRT") \
                or not any(_after_port_word(text, m.start) for m in g.mentions):
            continue
        port = next((p for p in g.candidates if p.feature_code == "PRT"), None)
        if port is not None:
            g.runners = [p for p in [c, *g.runners] if p is not None and p is not port][:3]
            g.choice, g.method = port, "port"


def _past_verb(word: str) -> bool:
    """A past-tense verb after the name ("the Tobol flooded", "the Tobol forced ..."): the name is a subject, no
    noun's qualifier ("the Dnipro mayor"); "-ed" nouns that follow a town's name as often ("bed", "red") aside."""
    return len(word) > 4 and word.endswith("ed") and not word.endswith("eed")


def countries_by_own_name(glist: list[_Group]) -> None:
    """"In Moldova, a drone fell near Cahul" in a report from Romania: a name that is a country's own name
    is the country, not a village abroad that bears it only as an alias (Fundu Moldovei, "Moldova"), however
    much the text's other places pull towards that village's country."""
    for g in glist:
        c = g.choice
        if c is None or g.forced is not None or g.method != "context" or c.kind is PlaceKind.COUNTRY:
            continue
        key = normalize(g.mentions[0].name)
        own = [p for p in g.runners if p.kind is PlaceKind.COUNTRY and normalize(p.name) == key]
        if own and normalize(c.name) != key:
            g.runners = [c] + [p for p in g.runners if p is not own[0]]
            g.choice, g.method = own[0], "country-name"

_WATER = re.compile(r"\s(?:river|reservoir)$", re.I)  # "Canaan Valley" is a town's name as often as a valley's


def feature_stand_ins(glist: list[_Group]) -> None:
    """"the Uba river", "the Kish River" where the gazetteer has no such water: the town the water is named after
    stands in for it only where the text's other places support that town; a namesake abroad (Ubá in Brazil for
    a river of East Kazakhstan, Kish in Iran for one of Illinois) leaves the name unmapped."""
    for g in glist:
        c, m = g.choice, g.mentions[0]
        if c is None or g.forced is not None or m.generic != "physical feature" or not _WATER.search(m.text) \
                or c.kind in (PlaceKind.PHYSICAL, PlaceKind.AREA) or has_support(g, glist):
            continue
        # the span stays a river's name, unmapped: the reader is told of it, not sent to Brazil
        g.runners = [c, *g.runners]
        g.choice, g.confidence, g.method = None, 0.0, "no-feature"
