"""Where the text puts a name: the names written right after it as its container ("Kamenka in the Orenburg
region", "Kok-Tash in Kyrgyzstan's Batken region"), only near it ("near the Indiana border"), or as the last of a
list's containers ("Sosnovka and Kulikovka in the Glushkovo district")."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from mapper.model import Mention
from mapper.names import strip_generic

if TYPE_CHECKING:
    from mapper.resolve import _Group

# "Kamenka in the Orenburg region", "Aksu, in the Pavlodar region", "Mobile, Ala.",
# "the Karakiyan district of Kazakhstan's Mangistau Region"
_LIST_JOIN = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)")
_OWNER_GAP = re.compile(r"['’]s\s+(?:(?:northern|southern|eastern|western|central|border)\s+)?")
_CONTAINER_GAP = re.compile(r"(?:,\s*|,?\s+(?:in|of|near)\s+(?:the\s+)?"
                            r"(?:(?:Russian-|Ukrainian-)?(?:occupied|annexed)\s+)?"
                            r"|\s+(?:in|of)\s+\w+['’]s\s+"
                            # "Gaigalava, a village in the Rezekne municipality"
                            r"|,\s+an?\s+(?:[a-z]+\s+){0,2}?(?:village|settlement|hamlet|aul)\s+(?:in|of)\s+"
                            r"(?:the\s+)?"
                            # a given span without its generic word: "the [Adhamiyah] district of [Baghdad]"
                            r"|\s+(?:district|region|province|county|oblast|governorate)\s+(?:in|of)\s+(?:the\s+)?)")


def containers(mentions: Sequence[Mention], group_of: Callable[[Mention], _Group],
               text: str) -> tuple[dict[int, list[_Group]], set[tuple[int, int]], set[tuple[int, int]],
                                   set[tuple[int, int]]]:
    """For each group (``group_of`` a mention), the groups of the names the text places it in; the pairs (ids of
    the group and of its container) the text only places near each other ("Champaign near the Indiana border"); those
    it places in a district or region in words ("Kulikovka in the Glushkovo district", not "Arlington, Nadia");
    and those it places there as an earlier name of a list ("Sosnovka and Kulikovka in the Glushkovo district")."""
    out: dict[int, list[_Group]] = {}
    near: set[tuple[int, int]] = set()
    stated: set[tuple[int, int]] = set()
    listed: set[tuple[int, int]] = set()
    if not text:
        return out, near, stated, listed
    ordered = sorted(mentions, key=lambda m: m.start)
    for k in range(len(ordered) - 1):
        a, b = ordered[k], ordered[k + 1]
        gap = _CONTAINER_GAP.fullmatch(text, a.end, b.start)
        if b.reason == "demonym" or b.weak == "name-part" or not gap:
            continue  # "the Kargaly district, Serik Amanov, told": a person's name holds no place
        if gap.group().startswith(","):  # "Mobile, Ala." is apposition; "Kharkiv, Kherson, Lviv" is a list
            kind = a.generic or strip_generic(a.text)[1]
            if gap.group().strip() == "," and kind and kind == (b.generic or strip_generic(b.text)[1]):
                continue  # "Belgorod Oblast, Krasnodar Krai": two of a kind, neither inside the other
            # "Karshi and Termez, in Kashkadarya and Surkhandarya": a list again, each in its own
            before = k > 0 and _LIST_JOIN.fullmatch(text, ordered[k - 1].end, a.start)
            after = k + 2 < len(ordered) and _LIST_JOIN.fullmatch(text, b.end, ordered[k + 2].start)
            if before or after:
                continue
        ga, gb = group_of(a), group_of(b)
        if ga is not gb:
            out.setdefault(id(ga), []).append(gb)
            if "near" in gap.group():
                near.add((id(ga), id(gb)))
            elif b.generic in ("district", "region") and not gap.group().startswith(","):
                stated.add((id(ga), id(gb)))
                # "Sosnovka and Kulikovka in the Glushkovo district": the list's other names are in it too
                j = k
                while j > 0 and _LIST_JOIN.fullmatch(text, ordered[j - 1].end, ordered[j].start) \
                        and ordered[j - 1].reason != "demonym" and not ordered[j - 1].generic:
                    j -= 1
                    gl = group_of(ordered[j])
                    if gl is not gb and gb not in out.get(id(gl), []):
                        out.setdefault(id(gl), []).append(gb)
                        listed.add((id(gl), id(gb)))
        c = ordered[k + 2] if k + 2 < len(ordered) else None
        if c is not None and c.generic in ("district", "region") and not gap.group().startswith(",") \
                and "near" not in gap.group() and _OWNER_GAP.fullmatch(text, b.end, c.start):
            gc = group_of(c)  # "Kok-Tash in Kyrgyzstan's Batken region": in the region, as stated
            if gc is not ga and gc not in out.get(id(ga), []):
                out.setdefault(id(ga), []).append(gc)
                stated.add((id(ga), id(gc)))
    return out, near, stated, listed
