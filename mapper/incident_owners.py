"""A facility's owner as a speaker of the status rule: an authority on an attack it names on its own site.

A pipeline or terminal consortium that says "a sea drone attack damaged one of the moorings at its terminal" or
"seven drones struck the station" reports what happened to its own property, as an airport operator reports
the drones it saw: the attack is confirmed. One that only says it "suspended loadings after one of its buoys was
damaged" names no attack, so it confirms the damage, not someone's claim of a strike beside it.
"""

from __future__ import annotations

import re

#: the owner words of ``cues.csv`` (class authority) this rule qualifies
OWNERS = frozenset({"consortium"})
# an attack named in so many words: the owner's statement says what hit it
_ATTACK = re.compile(r"\b(?:attack\w*|struck|strikes?|drones?|missiles?|explosions?|blasts?|shelling)\b", re.I)


def owner_vouches(text: str, s: int, e: int, kinds: list[tuple[str, str]],
                  authority: str, other: str) -> list[tuple[str, str]]:
    """The speakers ``kinds`` of sentence ``text[s:e]``, an owner among them counted ``other`` (no authority)
    when the sentence names no attack.

    >>> owner_vouches("The consortium said loadings stopped after a buoy was damaged.", 0, 62,
    ...               [("authority", "consortium")], "authority", "other")
    [('other', 'consortium')]
    """
    if not any(who in OWNERS for _kind, who in kinds) or _ATTACK.search(text, s, e):
        return kinds
    return [(other, who) if kind == authority and who in OWNERS else (kind, who) for kind, who in kinds]


# a medium named as a body's own: "the Telegram channel of Belgorod region governor Vyacheslav Gladkov", "the
# governor's Telegram channel", "posts of the regional administration"
_MEDIUM_OF = re.compile(r"(?:Telegram\s+channels?|posts|videos|footage)\s+of\s+", re.I)
_OWNER_BEFORE = re.compile(r"(?:’s|'s)\s+(?:official\s+|own\s+)?$")


def own_media(text: str, unverified: list[tuple[str, int]], bodies: list[tuple[str, int]]) -> bool:
    """True when every unverified cue of a speaker's span is a medium of a body the span names (``bodies``, the
    authority cues): the governor's own channel is the governor speaking, not a channel nobody vouches for.

    >>> own_media("the Telegram channel of the governor", [("telegram channel*", 4)], [("governor*", 28)])
    True
    >>> own_media("Telegram channels close to the governor", [("telegram channel*", 0)], [("governor*", 31)])
    False
    """
    if not bodies:
        return False
    return all(_MEDIUM_OF.match(text, off) or _OWNER_BEFORE.search(text, max(0, off - 12), off)
               for _term, off in unverified)
