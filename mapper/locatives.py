"""Locative cues before a name: the words that make it a place ("in Sochi", "drones hit Kerch",
"near Borisov and Lepel", "in Russian-occupied Melitopol")."""

from __future__ import annotations

import re

from mapper.names import GENERIC_WORDS
from mapper.prefilter import Ending

# "the town on the cliffs above Stepanakert", "the hills below Goris": a height over a place or under it;
# "Alashankou, opposite Dostyk": the town across a border or a river from another
_LOCATIVE_WORDS = (r"\b(?:in|at|near|from|to|into|outside|across|around|toward|towards|via|of|through|between|"
                   r"north|south|east|west|above|below|overlooking|opposite)")
# "drones hit Grozny", "a strike on Kerch": what an attack hits is a place (or a thing at one)
# "drones were shot down over Bryansk", "air defences were active over Oryol", "debris fell on Engels": the
# air war names places after "over" and "fell on" (a bare "over" is no cue: "a victory over Johnson")
ATTACK_PARTICIPLES = r"hit|struck|attacked|shelled|bombed|targeted|pounded"  # also "Kerch was hit" (cues)
_ATTACK_VERBS = (ATTACK_PARTICIPLES + r"|"
                 r"(?:strikes?|attacks?|raids?|bombs?|shells?|missiles?|rockets?)\s+on|"
                 r"(?:fell|fallen|falling|landed|crashed)\s+on|"
                 r"(?:(?:shot|brought)\s+down|downed|intercepted|destroyed|active|spotted|seen|flying|flew|"
                 r"hovering|circling|sirens)\s+over")
_ATTACKED = rf"\b(?:{_ATTACK_VERBS})"
_ATTACKED_WORDS = ("hit", "struck", "attacked", "shelled", "bombed", "targeted", "pounded", "on", "over")
# "before reaching Ust-Luga", "the column reached Kupiansk": where a journey or an advance gets to
_REACH = r"\breach(?:ed|es|ing)?"
_REACH_WORDS = ("reach", "reached", "reaches", "reaching")
# "another tanker sailed for Nice", "the convoy left for Termez", "a ship bound for Batumi": a journey's end
_DEPART = (r"\b(?:sail(?:s|ed|ing)?|left|leaves?|leaving|depart(?:s|ed|ing)?|head(?:s|ed|ing)|bound|"
           r"set\s+(?:off|out|sail))\s+for")
_LOCATIVE = re.compile(rf"(?:{_LOCATIVE_WORDS}|{_ATTACKED}|{_REACH}|{_DEPART})\s+(?:the\s+)?$", re.I)
# "in Russian-occupied Melitopol", "near Ukrainian-held Kupiansk": the locative still applies.
_HELD_BY = re.compile(r"[A-Z][\w'’]*-(?:occupied|controlled|held|annexed)\s+$")
# Not "of" (the Mobile drivers) or "to" (talked to Ripley): these say a place is meant.
_STRONG_WORDS = (r"in|at|near|from|into|outside|across|around|towards?|via|through|above|below|overlooking|opposite|"
                 # "to" after a verb or noun of travel ("continued to Termez", "flights to Osh")
                 r"(?:continued|went|go|goes|going|travel(?:l)?ed|returned|headed|flew|drove|moved|"
                 r"fled|deported|sent|bound|flights?|trains?|trips?|journey|route|"
                 # "a route runs ... to Ulaanbaatar and on to Erenhot", "ferries sail to Baku", "roads to Osh"
                 r"on|runs?|ran|sail(?:s|ed)?|ferr(?:y|ies)|buses|roads?)\s+(?:back\s+)?to")
_STRONG_LOCATIVE = re.compile(rf"\b(?:{_STRONG_WORDS}|{_ATTACK_VERBS})\s+$|(?:{_REACH}|{_DEPART})\s+$", re.I)
# the words _LOCATIVE_WORDS (and an optional "the") may end with
_PLAIN_WORDS = ("in", "at", "near", "from", "to", "into", "outside", "across", "around", "toward", "towards", "via",
                "of", "through", "between", "north", "south", "east", "west", "above", "below", "overlooking",
                "opposite", "the")
_LOCATIVE_ENDING = Ending(_LOCATIVE, (*_PLAIN_WORDS, *_ATTACKED_WORDS, *_REACH_WORDS, "for"))
_STRONG_ENDS = ("in", "at", "near", "from", "into", "outside", "across", "around", "toward", "towards", "via",
                "through", "to", "above", "below", "overlooking", "opposite")
_STRONG_LOCATIVE_ENDING = Ending(_STRONG_LOCATIVE, (*_STRONG_ENDS, *_ATTACKED_WORDS, *_REACH_WORDS, "for"))
# a locative word proper, not an attack verb ("in Chad" makes a later "Chad Walker" a place; "drones attacked
# Vladimir" does not make "Vladimir Putin" one); and a strong one proper
_PLAIN_LOCATIVE_ENDING = Ending(re.compile(_LOCATIVE_WORDS + r"\s+(?:the\s+)?$", re.I), _PLAIN_WORDS)
_PLACE_USE_ENDING = Ending(re.compile(rf"\b(?:{_STRONG_WORDS})\s+$", re.I), _STRONG_ENDS)


_LIST_NAME = r"[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*)*"
_IN_PLACES = re.compile(rf"\b(?:in|at|near|outside|across|around|throughout|from|of)\s+(?:the\s+)?"
                        rf"(?:(?:neighbou?ring|nearby|eastern|western|northern|southern|central)\s+)?"
                        rf"(?:{_LIST_NAME}(?:,\s+|,?\s+(?:and|or)\s+)(?:the\s+)?)*"
                        r"(?:[A-Z][\w.-]*['’]s\s+)?$"  # "police in Kazakhstan's Mangistau Region said"
                        r"|\b(?:[Pp]olice|officials|residents|authorities|guards)\s+on\s+$")  # "police on Bornholm"


def in_place_phrase(text: str, start: int) -> bool:
    """The name is (the last of a list) after a locative word: "recruiters in Termez, Nukus and Namangan
    signed up workers", "officials in Moscow said", "residents of Khorog and the Rushan district said",
    "soldiers in neighbouring Myrnohrad said", "police on Bornholm said" (an island) or "police in
    Kazakhstan's Mangistau Region said" make it the place, not the government, that is meant."""
    return bool(_IN_PLACES.search(text, max(0, start - 120), start))


def held_by(text: str, start: int) -> int:
    """Where a "Russian-occupied " just before ``start`` begins, else ``start``."""
    if text[start - 2:start - 1].isalpha() and "-" in text[max(0, start - 25):start]:
        hit = _HELD_BY.search(text, max(0, start - 25), start)
        if hit:
            return hit.start()
    return start


def strong_locative(text: str, at: int) -> bool:
    """A strong locative word ends at ``at`` (the name's start, or its "Russian-occupied": ``held_by``)."""
    return _STRONG_LOCATIVE_ENDING.search(text, max(0, at - 20), at)


# "near Borisov and Lepel", "between Kalaikhum and Khorog", "in the Bilopillia and Krasnopillia communities":
# the last of a list of names after a locative word is as much a place as the first.
_LIST_HEAD = rf"\b(?:in|at|near|from|into|outside|across|around|towards?|via|through|between|{_ATTACK_VERBS})\s+"
_LISTED = re.compile(rf"{_LIST_HEAD}(?:the\s+)?(?:{_LIST_NAME},\s+(?:the\s+)?)*{_LIST_NAME},?\s+(?:and|or)\s+"
                     r"(?:the\s+)?$")
# "over Belgorod, Oryol and Voronezh": a name inside such a list, a comma before it and the list going on
_LISTED_BEFORE = re.compile(rf"{_LIST_HEAD}(?:the\s+)?(?:{_LIST_NAME},\s+(?:the\s+)?)+$")
_LIST_GOES_ON = re.compile(rf"(?:,\s+(?:the\s+)?{_LIST_NAME})*,?\s+(?:and|or)\s+(?:the\s+)?{_LIST_NAME}")


# What may follow such a last name: "Thomas elementary schools", "Owens and Harris roads" name no places;
# a time ("in Aqtöbe and Oral this week") is no noun of the name's.
_AFTER_LISTED = re.compile(r"\s*(?:[^\w\s]|$|(?:on|in|at|and|or|to|for|with|by|from|as|after|before|where|which|"
                           r"that|while|when|but|near|were|was|is|are|have|has|had|overnight|this|last|today|yesterday|tonight|"
                           + "|".join(sorted(GENERIC_WORDS, key=len, reverse=True)) + r"|communities|community)\b)")


def listed_after_locative(text: str, start: int, end: int) -> bool:
    """A name after the first of a list after a strong locative word, the list's last name followed by no
    noun of its own."""
    before = text[max(0, start - 5):start].rstrip()
    if before.endswith(","):  # in the middle: the list's last name is followed by no noun of its own
        rest = _LIST_GOES_ON.match(text, end)
        return rest is not None and bool(_AFTER_LISTED.match(text, rest.end())) \
            and bool(_LISTED_BEFORE.search(text, max(0, start - 120), start))
    return before.endswith((" and", " or")) \
        and bool(_AFTER_LISTED.match(text, end)) and bool(_LISTED.search(text, max(0, start - 120), start))


# "strikes on 17 settlements of the region, including Huliaipole, Orikhiv and ...": names listed as
# members of places just counted
_INCLUDED = re.compile(rf"\b(?:settlements|villages|towns|cities|regions|districts|communities|areas|provinces|"
                       rf"oblasts|localities)\b[^.;:]{{0,40}}?\b(?:including|such\s+as)\s+(?:the\s+)?"
                       rf"(?:{_LIST_NAME},\s+(?:the\s+)?)*(?:{_LIST_NAME},?\s+(?:and|or)\s+(?:the\s+)?)?$")


def included(text: str, start: int) -> bool:
    """The name is one of a list after "including" or "such as" that follows a plural place noun."""
    before = text[max(0, start - 160):start]
    return ("including" in before or "such as" in before) and bool(_INCLUDED.search(text, max(0, start - 160), start))


def locative_cue(text: str, at: int, end: int) -> bool:
    """A locative word ends at ``at`` (as in ``strong_locative``), or a qualifier follows the name's ``end``."""
    if _LOCATIVE_ENDING.search(text[max(0, at - 20):at]):
        return True
    after = text[end:end + 3]
    return after.startswith(", ") and end + 2 < len(text) and text[end + 2].isupper()


def used_as_place(text: str, name: str, *, strict: bool = False) -> bool:
    """Whether some occurrence of ``name`` follows a locative word ("in Sochi").

    ``strict``, for a name the text gives a person after a given name ("Andrew Trapani"): only a strong
    locative word counts, not "of" or a bare "to" ("the idea came to Trapani"), and not before a
    possessive ("planted in Flores' honor")."""
    ending = _PLACE_USE_ENDING if strict else _PLAIN_LOCATIVE_ENDING
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if not (strict and text[end:end + 1] in ("'", "’")) and ending.search(text, max(0, at - 20), at):
            return True
        at = text.find(name, end)
    return False
