"""Events a long article tells with help of a neighbouring sentence or clause: some of a group found in
the sentence before were recruited there, a clash with no place is where the next sentence counts its
victims, and a reporting word that opens one clause's report speaks for that clause only."""

from __future__ import annotations

import re

from mapper.incident_flows import site_rank
from mapper.incident_merge import Candidate
from mapper.incident_sentence import CLAUSE_BREAK, location
from mapper.lexicon import Lexicon, Trigger
from mapper.model import Figure, IncidentType, Precision, Resolution, Status

# "Nine of them were taken to an enlistment office", "Some of those detained ..."
SOME_OF_THEM = re.compile(r"\s*(?:[\w-]+\s+){1,2}of\s+(?:them|those)\b", re.I)
# "villagers reported debris", "residents reported seeing a drone": the reporting word opens its own report
# (not ", residents said.", "said on Tuesday", "said that ...", which speak for the whole sentence)
_REPORTS_AFTER = re.compile(r"\s+(?!(?:on|in|at|that|late|later|earlier|last|this|yesterday|today)\b)[a-z]")


def fought_where_told_next(art_id: str, i: int, trig: list[Trigger], places: list[Resolution],
                           harm: list[Figure]) -> list[Candidate]:
    """An armed strike or clash told with no place in sentence ``i``, at the town or region of the next
    sentence (``places``), which counts its dead or wounded (``harm``)."""
    hit = [t for t in trig if t.type == "operation" and t.subtype in ("strike", "raid")]
    armed = any(t.type == "operation" and not t.subtype for t in trig) or any(t.term.startswith("fighting ")
                                                                               for t in hit)
    if not (hit and armed):
        return []
    at = sorted((r for r in places if r.place is not None and r.precision in (Precision.POINT, Precision.REGION)),
                key=site_rank)
    if not at:
        return []
    subtype = "raid" if any(t.subtype == "raid" for t in hit) else "strike"
    return [Candidate(IncidentType.OPERATION, subtype, [location(at[0], "site")], None, "", harm, Status.CONFIRMED,
                      [], [f"{subtype} '{hit[0].term}' with no place; the place where the next sentence counts its "
                           "victims"], art_id, {i})]


def recruited_there(art_id: str, i: int, before: list[Resolution], figures: list[Figure]) -> list[Candidate]:
    """A recruitment in sentence ``i`` of some of a group the sentence before found at a town or city
    (``before``: that sentence's places)."""
    at = [r for r in before if r.place is not None and site_rank(r) == 0]
    if not at:
        return []
    return [Candidate(IncidentType.MIGRATION, "recruitment", [location(at[0], "site")], None, "", figures,
                      Status.CONFIRMED, [],
                      ["migration recruitment of some of the group told before, where it was found"], art_id, {i})]


def told_elsewhere(lex: Lexicon, text: str, span: tuple[int, int], c: Candidate, res: list[Resolution]) -> bool:
    """True when a candidate placed in one clause of a sentence with clauses of their own dates has no reporting
    word there, and every reporting word of the sentence opens another clause's report ("villagers reported
    debris"), not a speaker after it ("..., residents said")."""
    s, e = span
    if c.date_src != "sentence":
        return False
    at = [r.mention.start for r in res if r.place is not None and any(r.place.place_id == loc.place_id
                                                                       for loc in c.locs)]
    breaks = [m.start() for m in CLAUSE_BREAK.finditer(text, s, e)]
    if not at or not breaks:
        return False
    a = max((b for b in breaks if b < at[0]), default=s)
    b = min((b for b in breaks if b > at[0]), default=e)
    found = lex.cues_in(text, s, e)
    cues = [(off, off + len(t)) for kind in ("attribution", "claimed") for t, off in found.get(kind, [])]
    return bool(cues) and all(not a <= x < b and _REPORTS_AFTER.match(text, y) for x, y in cues)


def official_cue(lex: Lexicon, cue: str) -> bool:
    """True for a status cue whose speaker is an official body ("according to: interior ministry")."""
    who = cue.partition(": ")[2]
    return bool(who) and any(kind == "official" and term == who for kind, term in lex.cues)
