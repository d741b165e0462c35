"""The figures of a sentence that tells no event of its own, completing the event told just before: a tally's
downed drones, the victims of a strike, more people of a flow ("... a drone struck X. Two people were injured")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from mapper.dates import DateSpan
from mapper.figures import FigureSpan
from mapper.incident_dates import undated
from mapper.incident_flow_patterns import STILL_THERE
from mapper.incident_longform import another_time, downed_of_launched
from mapper.incident_merge import Candidate
from mapper.incident_rules import WIDE
from mapper.incident_sentence import MOVING_UNITS, counts
from mapper.lexicon import Trigger
from mapper.model import Article, IncidentType, Source
from mapper.prefilter import looking_ahead

HARM_UNITS = frozenset({"killed", "injured"})
HARMED = looking_ahead(re.compile(r"\b(?:injur|wound|kill|died\b|dead\b|hurt\b)", re.I))


def complete_previous(out: list[Candidate], i: int, sents: Sequence[tuple[int, int]], text: str,
                      trig: Sequence[Trigger], trig_by: Sequence[Sequence[Trigger]], figs: list[FigureSpan],
                      dates: Sequence[DateSpan], art: Article) -> None:
    """Add sentence ``i``'s figures (``figs``, its dates ``dates``) to the event of the sentence before (or two back,
    a line with no event word between), when the sentence tells no event of its own."""
    s, e = sents[i]
    # (or two back, a line with no event word between: "02:14 — A drone struck X. Casualties are being
    # clarified. 02:40 — Update: two people were injured in the strike")
    prev = next((c for c in reversed(out) if i - max(c.sents) == 1
                 or i - max(c.sents) == 2 and not trig_by[i - 1] and c.type is not IncidentType.MIGRATION),
                None)  # (not a flow's: "... sent to fight. He said ... had found 80,000 who avoided the front")
    # (a named operation's losses are told with the drone words of its weapons: "14 aircraft destroyed")
    if prev is not None and i - max(prev.sents) == 1 and any(t.subtype == "interception" for t in trig) \
            and downed_of_launched(prev, text, s, undated(figs, dates)):
        prev.sources.append(Source(art.id, text[s:e], s, e, art.title, art.url, art.published))
        prev.sents.add(i)
    elif prev is not None and any((t.type == prev.type or prev.name and t.type == "drone")
                                  and (t.subtype or t.type == "migration") for t in trig) \
            and not another_time(dates, prev) \
            and not (prev.type is IncidentType.MIGRATION and (STILL_THERE.search(text, s, e) or {
                t.subtype for t in trig if t.type == "migration" and t.subtype} - {prev.subtype, "relocation"})) \
            and not WIDE.search(text, s, e):  # ("143,000 came home" after departures: no more of them)
        # "... debris fell on a house. The air force said it shot down 406 drones": another kind of
        # drone event's tally (a nationwide one) counts only its victims toward the event before
        other = prev.type is IncidentType.DRONE and (not any(t.subtype == prev.subtype for t in trig) or (
            prev.subtype == "strike" and prev is not out[0] and any(t.subtype == "interception" for t in trig)
            and "\n" in text[sents[max(prev.sents)][1]:s]))  # (the night's tally in a paragraph of its own
        # belongs to the lede's attack, not to a later city's)
        prev.figures += [f for f in counts(undated(figs, dates) if figs else figs, prev.type)
                         if f not in prev.figures and not (other and f.unit not in HARM_UNITS)
                         and (prev.type is not IncidentType.MIGRATION or f.unit in MOVING_UNITS)]
    elif prev is not None and prev.type is not IncidentType.MIGRATION and HARMED.search(text, s, e):
        prev.figures += [f for f in counts(undated(figs, dates), prev.type)
                         if f.unit in {"killed", "injured", "people"} and f not in prev.figures]
