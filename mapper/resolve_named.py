"""A bare name that the same text first gave with its generic word: "the Rogun dam ... filling Rogun"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mapper.names import skeleton

if TYPE_CHECKING:
    from mapper.resolve import _Group

_SECOND_CONFIDENCE = 0.6


def generic_namesakes(glist: list[_Group]) -> set[int]:
    """Give a name rejected as unsupported the reading its own mention with a generic word got ("the
    Rogun dam on the Vakhsh ... Tashkent treated Rogun as a threat": the dam, not an unsupported hamlet
    Roghun), when that reading is among the bare name's candidates. Analysis and war reports name a dam,
    reservoir, power plant or bridge in full once and bare afterwards. Returns the ids of the groups given
    one, to be judged again (``drop_unsupported(..., judge=...)``)."""
    full = {skeleton(g.mentions[0].name): g.choice for g in glist
            if g.choice is not None and g.mentions[0].generic and g.forced is None}
    out: set[int] = set()
    for g in glist:
        if g.method != "unsupported" or g.forced is not None or g.mentions[0].generic:
            continue
        named = full.get(skeleton(g.mentions[0].name))
        pick = next((p for p in g.candidates if named is not None and p.place_id == named.place_id), None)
        if pick is not None:
            g.choice, g.runners = pick, [p for p in g.runners if p is not pick]
            g.confidence, g.method = _SECOND_CONFIDENCE, "named-with-generic"
            out.add(id(g))
    return out
