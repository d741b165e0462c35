"""States in a flow that the text names as governments: the state whose bodies send people out ("Iranian
authorities sent back"), the state whose ministry counts a return, the state that "sent 12,400 workers" abroad,
the state that "said 98,000 Russians had entered", the one that "registered 97,400 who arrived" and the one that
"took 22,000 workers"."""

from __future__ import annotations

import re

from mapper.incident_sentence import Sentence, location
from mapper.incident_status import speaker_spans
from mapper.model import Location, PlaceKind, Resolution

# "Iranian authorities sent back", "Kazakh police deported": the state whose bodies send people out
_STATE_BODY = re.compile(r"\s+(?:authorities|police|border\s+guards?|officials|government|courts?|security\s+forces)\s+"
                         r"(?:have\s+|had\s+)?(?:sent|deported|expelled|returned|forced|pushed|repatriated)\b", re.I)


def expelling_state(sent: Sentence, demonyms: list[Resolution]) -> list[Location]:
    """The origin of a return whose sender is named by a demonym ("Iranian authorities sent back ...")."""
    return [location(r, "origin") for r in demonyms if r.place is not None
            and _STATE_BODY.match(sent.text, r.mention.end)][:1]


# "according to Pakistan's interior ministry", "Russia's migration service said": a state's own body speaking
_OWN_BODY = re.compile(r"[’']s\s+(?:[\w-]+\s+){0,2}?(?:ministry|authorities|government|service|agency|police|"
                       r"officials)\b", re.I)


def counting_state(sent: Sentence, states: list[Resolution], home: list[Location]) -> list[Location]:
    """The origin of a return counted by another state's body ("165,000 Afghans have returned home, according to
    Pakistan's interior ministry"): the state that saw them leave."""
    speakers = speaker_spans(sent.lexicon, sent.text, sent.start, sent.end)
    return [location(r, "origin") for r in states if r.place is not None
            and r.place.country not in {loc.country for loc in home} and _OWN_BODY.match(sent.text, r.mention.end)
            and any(a <= r.mention.start < b for a, b in speakers)][:1]


# "Uzbekistan sent 12,400 seasonal workers", "Tajikistan has sent about 3,000 citizens": a state sending its people
_SENT_PEOPLE = re.compile(r"\s+(?:has\s+|had\s+|have\s+)?(?:also\s+)?(?:sent|sends)\s+(?:about\s+|some\s+|nearly\s+|"
                          r"almost\s+|over\s+|more\s+than\s+)?\d[\d,.]*(?:\s+(?:million|thousand))?\s+(?:[\w-]+\s+){0,2}?"
                          r"(?:workers|migrants|citizens|nationals|labou?rers|people)\b", re.I)


def sending_state(sent: Sentence, states: list[Resolution]) -> list[Location]:
    """The origin of a flow told as a state's act of sending its people ("Uzbekistan sent 12,400 workers to ...")."""
    return [location(r, "origin") for r in states if r.place is not None and r.place.kind is PlaceKind.COUNTRY
            and _SENT_PEOPLE.match(sent.text, r.mention.end)][:1]


# "Kazakhstan said 98,000 Russians had entered": a state telling who came in, the verb with no place after it
_SAID_ENTERED = re.compile(r"\s+said\s+(?:that\s+)?(?:about\s+|some\s+|nearly\s+|more\s+than\s+|over\s+)?\d[\d,.]*"
                           r"(?:\s+(?:million|thousand))?\s+(?:[\w-]+\s+){0,2}?(?:had|have|has)\s+(?:since\s+)?"
                           r"(?:entered|arrived|crossed\s+in)\b(?!\s+(?:the\s+|in\s+|into\s+)?[A-Z])")


def receiving_state(sent: Sentence, states: list[Resolution], locs: list[Location]) -> list[Location]:
    """The destination of a flow a state tells as people who "had entered" (it, by its own count)."""
    return _counting_state(sent, states, locs, _SAID_ENTERED)


def _counting_state(sent: Sentence, states: list[Resolution], locs: list[Location],
                    told: re.Pattern[str]) -> list[Location]:
    """The first state, of a country not among ``locs``, that ``told`` says counts the people who came in."""
    taken = {loc.country for loc in locs}
    return [location(r, "destination") for r in states if r.place is not None and r.place.kind is PlaceKind.COUNTRY
            and r.place.country not in taken and told.match(sent.text, r.mention.end)][:1]


# "Kazakhstan registered 97,400 foreign citizens who arrived to work": a state counting the people who came in
_REGISTERED_ARRIVALS = re.compile(r"\s+(?:has\s+|had\s+)?(?:registered|recorded|counted|received)\s+"
                                  r"(?:about\s+|some\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?"
                                  r"\d[\d,.]*(?:\s+(?:million|thousand))?\s+"
                                  r"(?:[\w-]+\s+){0,2}?(?:workers|migrants|citizens|nationals|foreigners|labou?rers|"
                                  r"people)\s+(?:who\s+(?:had\s+|have\s+)?(?:arrived|entered|came)|arriving|entering)\b",
                                  re.I)


def registering_state(sent: Sentence, states: list[Resolution], locs: list[Location]) -> list[Location]:
    """The destination of a flow a state tells as the people it registered on arrival ("Kazakhstan registered 97,400
    foreign citizens who arrived to work")."""
    return _counting_state(sent, states, locs, _REGISTERED_ARRIVALS)


# "South Korea took another 22,000 Uzbek workers", "Britain received 12,400 seasonal workers", "while Kazakhstan took
# 41,000" (the workers named before), "Russia remained the main destination, receiving about 402,000 Tajik workers":
# a state taking workers in
_TOOK_PEOPLE = re.compile(r"\s+(?:(?:has\s+|had\s+|have\s+)?(?:also\s+)?(?:received|took(?:\s+in)?|takes|welcomed|"
                          r"hired|employed|admitted|accepted|hosted)|(?:remained|was|is|became)\s+(?:the\s+)?(?:main|top|"
                          r"largest|biggest|leading)\s+destination,\s+(?:receiving|taking|with))\s+"
                          r"(?:another\s+|a\s+further\s+|an\s+additional\s+)?"
                          r"(?:about\s+|some\s+|nearly\s+|almost\s+|around\s+|over\s+|more\s+than\s+)?\d[\d,.]*"
                          r"(?:\s+(?:million|thousand))?(?:\s+(?:[\w-]+\s+){0,2}?(?:workers|migrants|labou?rers)\b|"
                          r"(?=\s*[,.;]))", re.I)


def hiring_countries(sent: Sentence, places: list[Resolution]) -> list[int]:
    """The indices in ``places`` of the countries told as taking workers in ("South Korea took another 22,000 Uzbek
    workers", "while Kazakhstan took 41,000"): destinations of a labour flow told with no move word."""
    return [k for k, r in enumerate(places) if r.place is not None and r.place.kind is PlaceKind.COUNTRY
            and _TOOK_PEOPLE.match(sent.text, r.mention.end)]


# "Russia's Belgorod region has relocated more than 3,000 children from border districts": a region moving its people
_REGION_MOVED = re.compile(r"\s+(?:authorities\s+)?(?:has\s+|have\s+|had\s+)?(?:also\s+)?(?:relocated|evacuated|"
                           r"resettled|moved|bused|bussed)\s+(?:about\s+|some\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?\d",
                           re.I)


def moving_regions(sent: Sentence, places: list[Resolution]) -> list[int]:
    """The indices in ``places`` of regions told as moving a counted group of their people out ("the Belgorod region
    has relocated 3,000 children from border districts"): where the flow starts."""
    return [k for k, r in enumerate(places) if r.place is not None and r.place.kind is PlaceKind.REGION
            and _REGION_MOVED.match(sent.text, r.mention.end)]
