"""A state or capital as the subject of a government's act: "Poland closed two crossings", "Uzbekistan is
building a railway", "Lithuania will close its border", "Armenia and Azerbaijan agreed".

The verbs of saying and deciding are in ``mapper.cues.METONYMY_AFTER``; these are the acts a government does
for a country (closes a border, opens a consulate, deports workers, raises a threat level). The recogniser
asks ``government_subject`` and ``government_object`` of a name outside a locative phrase ("officials in
Poland closed" keeps Poland a place). A subject coordinated with other names ("Armenia and Azerbaijan agreed")
is read as the last one is. Either reading ("state act") holds only for a country or a capital
(``settle_state_acts``): a town that "raised its goal for sandbags", airports that "suspended flights" are
places.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from mapper.cues import METONYMY_AFTER
from mapper.model import PlaceKind, Resolution
from mapper.prefilter import Ending

STATE_ACT = "state act"
_ACTS = ("send", "move", "close", "open", "reopen", "build", "raise", "deport", "accept", "deploy", "recall",
         "ratify", "approve", "grant", "introduce", "finish", "resume", "keep", "bar", "lodge", "ship", "launch",
         "press", "target", "impose", "ban", "expel", "tighten", "intensify", "supply", "provide", "trade", "lift")
_PAST = ("sent", "moved", "closed", "opened", "reopened", "built", "raised", "deported", "accepted", "deployed",
         "recalled", "ratified", "approved", "granted", "introduced", "finished", "resumed", "kept", "barred",
         "lodged", "shipped", "launched", "pressed", "targeted", "imposed", "banned", "expelled", "tightened",
         "intensified", "supplied", "provided", "traded", "lifted")
_THIRD = ("sends", "moves", "closes", "opens", "reopens", "builds", "raises", "deports", "accepts", "deploys",
          "recalls", "ratifies", "approves", "grants", "introduces", "finishes", "resumes", "keeps", "bars", "lodges",
          "ships", "launches", "presses", "targets", "imposes", "bans", "expels", "tightens", "intensifies",
          "supplies", "provides", "trades", "lifts")
_ING = ("sending", "moving", "closing", "opening", "reopening", "building", "raising", "deporting", "accepting",
        "deploying", "recalling", "ratifying", "approving", "granting", "introducing", "finishing", "resuming",
        "keeping", "barring", "lodging", "shipping", "launching", "pressing", "targeting", "imposing", "banning",
        "expelling", "tightening", "intensifying", "supplying", "providing", "trading", "lifting")
# "Poland closed", "Denmark has raised", "Uzbekistan is building", "Lithuania will close", "Finland kept all
# crossings closed", "Oslo has barred", "Bishkek lodged a protest", "Iran ships drones", "as Kyiv pressed its
# campaign", "Kazakhstan plans to open": an act in the past, present, perfect, progressive or after a modal,
# followed by its object (not by a particle or preposition: "Russia moved on", "Armenia opened up")
GOVERNMENT_ACT_AFTER = re.compile(
    r"\s+(?:also\s+|now\s+|quietly\s+|recently\s+)?(?:"
    rf"(?:(?:has|have|had)\s+(?:also\s+|now\s+|already\s+|recently\s+)?)?(?:{'|'.join(_PAST + _THIRD)})|"
    rf"(?:is|are|was|were)\s+(?:also\s+|now\s+|already\s+)?(?:{'|'.join(_ING)})|"
    r"(?:will|would|could|should|must|can|may|plans\s+to|intends\s+to|is\s+to|agreed\s+to|decided\s+to)\s+"
    rf"(?:also\s+|not\s+|soon\s+)?(?:{'|'.join(_ACTS)})"
    r")\s+(?!(?:up|down|out|in|into|on|to|from|at|by|as|after|before|for|with)\b)[a-z0-9\"“]")
# "as Moscow pounded Ukraine's energy system", "Kyiv has struck the refinery": a warring state's act of war on an
# object (not a participle: "Kyiv shelled overnight", "Moscow hit by drones")
_WAR_ACT_AFTER = re.compile(r"\s+(?:has\s+|have\s+|had\s+|again\s+|also\s+)?(?:pounded|shelled|bombarded|struck|"
                            r"escalated|"
                            r"attacked|pounds|shells|bombards|strikes|attacks|(?:is|was|are|were)\s+(?:pounding|shelling|"
                            r"bombarding|striking|attacking))\s+(?:the\s+|a\s+|an\s+|its\s+|[A-Z][\w-]*[’']s\s+|"
                            r"(?:Ukrainian|Russian)\s+)")
# "Kyiv has stepped up attacks on Russian oil infrastructure": a campaign pressed
_STEPPED_UP = re.compile(r"\s+(?:has\s+|have\s+|had\s+|is\s+|was\s+)?(?:stepped|steps|stepping)\s+up\s+"
                         r"(?:its\s+|their\s+)?[a-z]")
_ACT_ALONE = re.compile(rf"\s+(?:(?:has|have|had)\s+)?(?:{'|'.join(_PAST + _THIRD)})\b")
_OBJECT_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|which|that)\s+(?:[a-z-]+\s+){0,2}$")
# "Armenia and Azerbaijan", "Sweden, Finland and Norway": the other names of a coordinated subject, each a
# capitalised name of one to three words
_COORDINATED = re.compile(r"(?:,\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})*,?\s+and\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2}"
                          r"(?=\s)")
_PREPOSITION_BEFORE = re.compile(r"\b(?:to|into|towards?|via|through|across|over|with|between|for|by|on|under)\s+$",
                                 re.I)


def government_subject(text: str, before: str, end: int) -> bool:
    """The name ending at ``end`` (``before`` the text ahead of it) is (one of) the subject(s) of a
    government's act, or of a statement when other names share it ("Armenia and Azerbaijan agreed")."""
    # (the anchored test after the name first: most names are followed by no act)
    listed = text.startswith((" and ", ", "), end)
    if not listed and GOVERNMENT_ACT_AFTER.match(text, end) is None and _WAR_ACT_AFTER.match(text, end) is None \
            and _STEPPED_UP.match(text, end) is None:
        # "the missiles Iran supplied to Moscow": the act's object told before, in a relative clause
        return _ACT_ALONE.match(text, end) is not None and _OBJECT_BEFORE.search(before[-40:]) is not None
    if _PREPOSITION_BEFORE.search(before[-12:]):
        return False  # "lorries on the road to Turkey were moving", "heading to Orenburg and Samara said"
    if not listed:
        return True
    if text.startswith(", and ", end):
        return False  # "a blockade on Gaza, and Egypt restricts": a new clause, not a list
    m = _COORDINATED.match(text, end)
    if m is None:
        return False
    return METONYMY_AFTER.match(text, m.end()) is not None or GOVERNMENT_ACT_AFTER.match(text, m.end()) is not None


# "Moscow has recognised Abkhazia", "thanked Kazakhstan for", "sanctioned Belarus over", "praised Uzbekistan
# and Tajikistan": the object of a government's verb towards another government, the name then ending a
# clause or followed by a preposition or a list (not by a noun it qualifies: "warned Kyiv residents")
_OBJECT_VERB = re.compile(r"\b(?:recogni[sz]|sanction|thank|prais|back|accus|criticis|criticiz|condemn|urg|warn|"
                          r"invit)(?:ed|es|e|s|ing)?\s+(?:both\s+)?$", re.I)
_OBJECT_END = re.compile(r"(?:\s*[.,;:)]|\s+(?:of|to|for|against|over|as|in|on|after|and|not|with)\b|$)")
_OBJECT_VERB_ENDING = Ending(_OBJECT_VERB, [stem + end for stem in ("recognis", "recogniz", "sanction", "thank",
                                                                    "prais", "back", "accus", "criticis", "criticiz",
                                                                    "condemn", "urg", "warn", "invit")
                                            for end in ("ed", "es", "e", "s", "ing", "")] + ["both"])


def government_object(text: str, before: str, end: int) -> bool:
    """The name ending at ``end`` (``before`` the text ahead of it) is what a government recognises,
    sanctions, thanks or accuses."""
    return bool(_OBJECT_END.match(text, end)) and bool(_OBJECT_VERB_ENDING.search(before))


def settle_state_acts(resolutions: Sequence[Resolution]) -> tuple[Resolution, ...]:
    """An act's subject read as a country or a national capital is a metonymy; any other place keeps its
    literal reading ("Fargo raised its goal": the city's own works)."""
    out = []
    for r in resolutions:
        m = r.mention
        if m.reason == STATE_ACT:
            p = r.place
            state = p is not None and (p.kind is PlaceKind.COUNTRY or p.feature_code in ("PPLC", "PPLA"))
            m = dataclasses.replace(m, literal=not state, reason="metonymy" if state else "gazetteer")
            r = dataclasses.replace(r, mention=m)
        out.append(r)
    return tuple(out)
