"""A toll told after its event: how far on a sentence of the harmed may still count the event told before."""

from __future__ import annotations

import re
from collections.abc import Sequence

from mapper.incident_geometry import near
from mapper.incident_longform import next_in_paragraph
from mapper.incident_merge import Candidate
from mapper.incident_sentence import location
from mapper.lexicon import Trigger
from mapper.model import PlaceKind, Resolution

# "As a result of Russian aggression, 1 person was killed", "He said two workers were injured": a sentence that
# opens by pointing back at the event (or at the speaker who told it), not at a new one
_BACK = re.compile(r"\W*(?:As\s+a\s+result(?:\s+of\s+[^,.;]{1,40}?)?,|"
                   r"(?:He|She|They)\s+(?:said|added|reported|wrote)\b|In\s+(?:the|this)\s+(?:attack|strike|shelling),?)")
_MAX_GAP = 3  # sentences from the event's last one


def toll_follows(text: str, sents: Sequence[tuple[int, int]], last: int, i: int, kind: str = "",
                 between: Sequence[Trigger] = ()) -> bool:
    """True when sentence ``i`` (a toll with no event word) counts the harmed of the event whose last sentence is
    ``last``: the next sentence or the one after in its paragraph, or, across paragraphs, a sentence up to three on
    that points back ("As a result of the shelling, ...", "He said ..."; the caller's event is the last one
    told, so no sentence between told another), or two on, in the paragraph of a sentence whose event words
    (``between``) are of the event's ``kind`` (it told that event again)."""
    if next_in_paragraph(text, list(sents), last, i):
        return True
    if i - last == 2 and "\n" not in text[sents[i - 1][1]:sents[i][0]] and any(
            t.type == kind and t.subtype for t in between):
        return True  # "... exchanged fire near X.\n\nAt about 16:30, servicemen opened fire ... One guard was
        # wounded": the toll ends a paragraph telling the same event again, with no event of its own
    return 0 < i - last <= _MAX_GAP and bool(_BACK.match(text, sents[i][0]))


def only_pointing_back(text: str, start: int, trig: Sequence[Trigger], placed: bool) -> bool:
    """True when a sentence's only event words name the event told before in its opening ("As a result of the
    attack, two people were killed": a toll, no new attack), or, in a sentence naming no place, are no event
    words at all ("Two border guards were wounded": who was hurt)."""
    if not placed and not any(t.subtype for t in trig):
        return True
    m = _BACK.match(text, start)
    return m is not None and all(t.end <= m.end() for t in trig)


# "were injured", "was killed": the harm itself, the event word of a toll told with no attack word
_HARM_WORD = re.compile(r"\b(?:injur\w*|wound\w*|killed|died|hurt)\b", re.I)


def toll_of_unplaced_attack(text: str, sents: Sequence[tuple[int, int]], i: int,
                            trig_by: Sequence[Sequence[Trigger]], last_event: int | None) -> Trigger | None:
    """The harm word of sentence ``i`` as the strike it tells, when the sentence before (or the one before that,
    in the same paragraph) told a drone attack that named no place of its own and no event came since ("Russia
    launched 653 drones at Ukraine overnight ... In the Kyiv region, three people were injured in the Fastiv
    district"): the toll is where that attack struck."""
    s, e = sents[i]
    if last_event is not None and i - last_event <= 2:
        return None  # (a toll after a placed event belongs to it: see ``toll_follows``)
    for j in (i - 1, i - 2):
        if j < 0 or "\n" in text[sents[j][1]:s]:
            return None
        if any(t.type == "drone" and t.subtype == "strike" for t in trig_by[j]):
            m = _HARM_WORD.search(text, s, e)
            return Trigger("drone", "strike", m.group(0).lower(), m.start(), m.end()) if m else None
    return None


def toll_elsewhere(res: Sequence[Resolution], before: Candidate) -> bool:
    """True when a toll's sentence names a place below country level, none near a location of the event told
    before ("A drone attack on Kherson killed one man. In the Kharkiv region, two people were killed in the Kupiansk
    district"): its dead are no victims of that event."""
    places = [location(r, "site") for r in res if r.place is not None and r.place.kind is not PlaceKind.COUNTRY]
    return bool(places) and bool(before.locs) and not near(places, before.locs)
