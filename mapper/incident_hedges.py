"""Which cue words of a sentence really deny or hedge its report: "denied entry" refuses something to people,
"false alarm" denies nothing, "what officials described as a drone" hedges what the thing was, not the find; and
the denials of a report told just before ("The Foreign Ministry denied the report")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from mapper.lexicon import Lexicon
from mapper.prefilter import looking_ahead

_REFUSED = re.compile(r"\s+(?:(?:an?|their|his|her|its)\s+)?(?:entry|entries|access|admission|permission|visas?|"
                      r"asylum|bail|citizenship|residence|work\s+permits?|boarding|registration)\b", re.I)


_COPULA_BEFORE = re.compile(r"\b(?:are|were|is|was)\s+$", re.I)
# "whose asylum applications were rejected": something refused to people, told before the verb
_REFUSED_BEFORE = re.compile(r"\b(?:asylum|visa|residence|permit|citizenship)\s+(?:applications?|claims?|requests?)\s+"
                             r"(?:were|was|had\s+been|have\s+been|has\s+been)\s+$", re.I)
# "the ministry said its forces had struck X and denied targeting Poland": a second act, denied apart
_AND_BEFORE = re.compile(r"\band\s+$", re.I)
# "what officials described as": the hedge's own clause
_WHAT_BEFORE = re.compile(r"\bwhat\s+(?:[\w-]+\s+){1,3}$", re.I)
_SAID = re.compile(r"\b(?:said|says|reported|claimed|announced|stated)\b", re.I)


def denials(text: str, s: int, cues: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
    """The denial cues (term, offset) of a sentence starting at ``s`` that deny its report."""
    # "denied entry", "rejected asylum requests": something refused to people, not a report denied
    return [(t, o) for t, o in cues if not _REFUSED.match(text, o + len(t))
            and (t != "false" or _COPULA_BEFORE.search(text, max(s, o - 8), o))  # "are false", not "false alarm"
            and not _REFUSED_BEFORE.search(text, max(s, o - 60), o)
            and not (_AND_BEFORE.search(text, max(s, o - 8), o) and _SAID.search(text, s, o))]


def hedges(text: str, s: int, cues: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
    """The claim cues of a sentence starting at ``s`` that hedge its report ("fragments of what officials
    described as a drone were found": the hedge is on what the thing was, not on whether it was found)."""
    return [(t, o) for t, o in cues if not (t == "described as" and _WHAT_BEFORE.search(text, max(s, o - 40), o))]


# "The Foreign Ministry denied the report.", "officials rejected these claims", "The committee denied that any
# drone had crossed the border": the report told just before
_REPORT_AFTER = re.compile(r"\s+(?:the|these|this|such|those)\s+(?:[\w-]+\s+)?(?:reports?|claims?|allegations?|"
                           r"accounts?)\b|\s+that\s+any\s+(?:[\w-]+\s+)?(?:drones?|uavs?)\b", re.I)


def report_denials(lex: Lexicon, text: str) -> list[int]:
    """Where the article denies a report told before ("The Foreign Ministry denied the report"): a claim of
    the sentence before becomes denied."""
    return [off for term, off in lex.cues_in(text).get("denied", ()) if _REPORT_AFTER.match(text, off + len(term))
            and (term != "false" or _COPULA_BEFORE.search(text, max(0, off - 8), off))]


# (behind a look-ahead at the letters their matches start with, prefilter.looking_ahead: the same matches)
_AND_BEFORE, _SAID = map(looking_ahead, (_AND_BEFORE, _SAID))
