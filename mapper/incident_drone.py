"""Sentence-level judgements for drone incidents: which event a sentence reports, which places are no site."""

from __future__ import annotations

import re
from collections.abc import Collection

from mapper.lexicon import Trigger
from mapper.prefilter import looking_ahead

DRONE_SUBTYPES = ("debris", "strike", "interception", "sighting")  # first present wins
# debris beside an interception is what the interception left: the event is the interception
_WITH_INTERCEPTION = ("strike", "interception", "debris", "sighting")
WEAK_DRONE_TERMS = frozenset({"air defen*"})  # event words that only name who acted
# strike words that say a drone hit something (not "explosion", "damaged"): a report that opens with one is a strike
_HIT_TERMS = frozenset({"struck", "strike*", "attack*", "hit", "slammed into", "crashed into", "smashed into",
                        "targeted"})
_OPEN_GROUND = re.compile(r"\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?(?:field|steppe|forest|woods|ground|lake|river|swamp|"
                          r"marsh|water|sea|meadow|pasture|garden|hillside|ravine)s?\b", re.I)
_FLEW = re.compile(r"\b(?:flew|flown|flying|fly|flies)\s+(?:(?:a|an|the|his|her|their|two|several)\s+)?"
                   r"(?:[\w-]+\s+){0,2}$", re.I)
_TRIED = re.compile(r"\b(?:tried|trying|attempted|attempting|planned|planning|wanted|wanting)\s+to\s+$", re.I)
_FLEW_OVER = re.compile(r"s?\s+(?:over|above|near)\b", re.I)
# "oil flows fell by a third", "exports fell 30%": an amount that fell, no debris
_FELL_AMOUNT = re.compile(r"\s+(?:by|to|from|sharply|slightly|steeply|further|\d)", re.I)
# "no buildings were damaged", "nothing was damaged", "did not mention any damage": damage denied, no strike
_NO_DAMAGE = re.compile(r"\b(?:no|not|any|without|nor|nothing|none)\s+(?:[\w-]+\s+){0,2}$", re.I)
# "police found no evidence of it", "nothing was found": a search that found nothing, no debris
_FOUND_NOTHING = re.compile(r"\s+(?:no|nothing|none)\b", re.I)
_NO_REPORTS = re.compile(r"\b(?:no|any)\s+$", re.I)  # "there were no reports of drones over the city"
_DEBRIS_DID = re.compile(r"\b(?:debris|fragments?|wreckage|parts)\s+(?:\w+\s+){0,4}$", re.I)
# "fragments of a downed drone fell on a port": the interception word only says where the debris came from
# "debris from a drone shot down over the region", "wreckage of a UAV that was downed" too
_DEBRIS_OF = re.compile(r"\b(?:debris|fragments?|wreckage|parts|remains)\s+(?:of|from)\s+(?:an?\s+|the\s+|one\s+)?"
                        r"(?:(?:[\w-]+\s+)?(?:drones?|uavs?|shaheds?)\s+(?:that\s+(?:was|were|had\s+been)\s+)?)?$",
                        re.I)
# "a downed drone was found in a field": the interception word, an attribute of the drone, only says where the
# wreckage came from
_DOWNED_ATTR = re.compile(r"\b(?:a|an|the|one|two|several)\s+(?:downed|shot-down)\s+(?:[\w-]+\s+)?(?:drones?|uavs?)\b",
                          re.I)
# "destroyed 18 drones", "drones were intercepted and destroyed", "a tally: 112 drones destroyed overnight":
# the drones destroyed, an interception
_DRONES_DESTROYED = re.compile(r"\b(?:intercepted|shot\s+down|downed)\s+and\s+$|"
                               r"\b(?:drones?|uavs?)\b[^.;,]{0,40}\b(?:were|was|been|being)\s+$|"
                               r"\b\d[\d,]*\s+(?:[\w-]+\s+)?(?:drones|uavs)\s+$", re.I)
# "Of the 96 drones launched at the region overnight, 34 were destroyed": a count of the drones named first
_SHARE_DESTROYED = re.compile(r"\bof\s+(?:the|these|those)\s+(?:\d[\d,]*\s+)?(?:[\w-]+\s+)?(?:drones|uavs)\b"
                              r"[^.;]{0,100}?,\s*\d[\d,]*\s+(?:were|had\s+been|have\s+been)\s+$", re.I)
# "six Shahed-type attack drones", "attack UAVs": the drone's kind, no attack told
_ATTACK_DRONES = re.compile(r"attack\s+(?:drones?|uavs?)\b", re.I)
# "guided bombs, artillery and drones killed three": drones last of the weapons a toll is told for, no drone strike
_LISTED_BEFORE = re.compile(r"(?:,|\band)\s+$")
_DURING = re.compile(r"\bduring\s+(?:an?|the|another)\s+(?:[\w-]+\s+){0,2}$", re.I)
_REPELLED = r"(?:repelled|repulsed|fended\s+off|beaten\s+off|beat\s+off|thwarted|foiled)"
_REPELLED_AFTER = re.compile(rf"s?\s+(?:on\s+(?:[\w-]+\s+){{1,3}}?)?(?:had\s+been|has\s+been|have\s+been|was|were)\s+"
                             rf"{_REPELLED}\b", re.I)
_REPELLED_BEFORE = re.compile(rf"\b{_REPELLED}\s+(?:(?:a|an|the|another|massive|large|major|Ukrainian|Russian)\s+)*"
                              r"(?:drone\s+|UAV\s+)?$", re.I)
# "Russia attacked Ukraine with 142 drones, ... air defences shot down 105": the attack on a whole warring
# country is the tally's frame; the event with places is the interception
_ON_COUNTRY = re.compile(r"\s+(?:Ukraine|Russia|(?:Ukrainian|Russian)\s+territory)\b(?!'s|\s+(?:region|oblast))", re.I)
# "as Russia attacked western Ukraine with drones, a drone crossed into Polish airspace": the attack on a warring
# country, a part of it named only by a compass word, frames the incursion
_ON_COUNTRY_PART = re.compile(r"\s+(?:(?:western|eastern|southern|northern|central)\s+)?(?:Ukraine|Russia)\b(?!'s|\s+"
                              r"(?:region|oblast))", re.I)
# "drones attacked targets in North Ossetia, and one was shot down near X": targets unnamed, the interception told
_ON_TARGETS = re.compile(r"\s+(?:(?:several|various|multiple|unspecified|other)\s+)?(?:targets|objects|sites)\s+"
                         r"(?:in|across|on|over)\b", re.I)
# ("destroyed and intercepted 11 drones": two verbs of air defence on one object)
_DRONES_AFTER = re.compile(r"(?:\s+and\s+(?:intercepted|suppressed|shot\s+down|downed))?"
                           r"\s+(?:(?:about|around|nearly|almost|over|more\s+than|at\s+least)\s+)?"
                           r"(?:(?:\d[\d,]*|[a-z]+)\s+)?(?:[\w-]+\s+){0,2}?(?:drones?|uavs?|unmanned|uncrewed)\b",
                           re.I)
# "drone workshops", "a UAV factory": drones named as what a target makes or stores
_DRONE_FACILITY = re.compile(r"\s+(?:(?:production|assembly|storage|repair)\s+)?(?:workshops?|factor(?:y|ies)|plants?|"
                             r"production|assembly|depots?|warehouses?|storage|hangars?|launch\s+sites?)\b", re.I)
# "a workshop where long-range attack drones were being assembled": drones a target makes or keeps
_MADE_THERE = re.compile(r"\s+(?:were|are|was|is|had\s+been|have\s+been)\s+(?:being\s+)?(?:assembled|produced|made|"
                         r"built|manufactured|stored|kept|repaired|modified)\b", re.I)
# "shot down 21 of the 25 drones launched at the region", "launched 96 drones and four missiles at Ukraine ...;
# 74 drones were shot down", "Of the 96 drones launched at the Moscow region": the drones launched at a whole
# region or country are the tally's frame
_LAUNCHED_AT_AREA = re.compile(r"[^.;:]{0,60}?\b(?:at|against|towards|on)\s+(?:the\s+)?"
                               r"(?:territory\s+of\s+(?:the\s+)?)?(?:region|oblast|country|Ukraine|Russia|"
                               r"[A-Z][\w-]+\s+(?:region|oblast))\b"
                               r"(?!'s|\s+(?:region|oblast))", re.I)
# Places a drone or its wreckage came from or was taken to are not where the event happened.
_NOT_A_SITE = re.compile(r"\bfrom(?:\s+\S+){0,3}\s*$|originated|\b(?:sent|taken|brought|transported|delivered|"
                         r"handed(?:\s+over)?|transferred)\s+to\s+(?:the\s+)?$")
_ORIGIN_THEN_SITE = re.compile(r"\bfrom\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s+"
                               r"(?:near|in|at|over|outside)\s+(?:the\s+)?$")
# "yet no drone was brought down", "none of them was shot down": an interception denied, no event of its own
_NONE_DOWNED = re.compile(r"\b(?:no|none|neither)\s+(?:(?:single|one|drones?|UAVs?|of\s+them)\s+){0,2}"
                          r"(?:was|were|has\s+been|had\s+been|have\s+been)\s+(?:ever\s+|yet\s+)?$", re.I)
_DISTANCE = re.compile(r"\b(?:km|kilomet\w+|miles|met(?:re|er)s)\s+(?:\w+\s+)?from\s+(?:the\s+)?"
                       r"(?:(?:village|town|city|settlement|hamlet)\s+of\s+)?$")


def drone_event(text: str, trig: list[Trigger]) -> tuple[str, str]:
    """The subtype of drone event a sentence reports and the trigger term that tells it ("", "" for none).

    What debris did ("falling debris damaged a roof") is no strike of its own, and drones destroyed
    ("destroyed 18 drones", "were intercepted and destroyed") are interceptions.

    >>> from mapper.lexicon import load_lexicon
    >>> t = "Two drones were downed, and falling debris damaged a roof."
    >>> drone_event(t, load_lexicon().find(t))
    ('interception', 'downed')
    """
    events = [t for t in trig if t.type == "drone" and t.subtype
              and not (t.subtype == "strike" and _DEBRIS_DID.search(text, max(0, t.start - 30), t.start))
              and not (t.term == "attack*" and _ATTACK_DRONES.match(text, t.start))
              and not (t.term.startswith("drone") and _LISTED_BEFORE.search(text, max(0, t.start - 6), t.start))
              and not (t.subtype == "interception" and _DEBRIS_OF.search(text, max(0, t.start - 70), t.start))
              and not (t.term == "fell" and _FELL_AMOUNT.match(text, t.end))
              and not (t.term in ("found", "discovered") and _FOUND_NOTHING.match(text, t.end))
              and not (t.term.startswith("reports of") and _NO_REPORTS.search(text, max(0, t.start - 8), t.start))
              and not (t.term == "damag*" and _NO_DAMAGE.search(text, max(0, t.start - 30), t.start))
              and not (t.subtype == "interception" and _NONE_DOWNED.search(text, max(0, t.start - 40), t.start))]
    if any(t.subtype in ("debris", "strike") for t in events):
        events = [t for t in events if not (t.subtype == "interception" and _downed_attribute(text, t))]
    # "crashed into a high-rise": the longer term tells (a strike), unless what it hit is open ground
    longer = [t for t in events if t.term == "crashed into" and not _OPEN_GROUND.match(text, t.end)]
    events = [t for t in events if t.term != "crashed into" or t in longer]
    events = [t for t in events if not any(u.start == t.start and u.end > t.end for u in longer)]
    events = [Trigger(t.type, "interception", t.term, t.start, t.end) if _destroyed_drones(text, t) else t
              for t in events]
    if any(t.subtype == "sighting" for t in events):  # "a drone crossed into its airspace near X during a Russian
        # attack on Ukrainian ports": the attack frames the incursion
        events = [t for t in events
                  if not (t.subtype == "strike" and (_DURING.search(text, max(0, t.start - 40), t.start) or (
                      t.term.startswith("attack") and _ON_COUNTRY_PART.match(text, t.end))))]
    # "air defence forces tracked a drone flying over": the air defences name who acted, and another
    # event word says what they did
    if any(t.term not in WEAK_DRONE_TERMS for t in events):
        events = [t for t in events if t.term not in WEAK_DRONE_TERMS]
    events += [Trigger(t.type, "sighting", "flew a drone over", t.start, t.end) for t in trig
               if t.type == "drone" and not t.subtype and _FLEW_OVER.match(text, t.end)
               and _flown(text, t.start)]  # "flew a hobby drone over the airport"
    if any(t.subtype == "interception" for t in events):
        events = [t for t in events if not (t.term.startswith("attack") and (_ON_COUNTRY.match(text, t.end)
                                                                            or _ON_TARGETS.match(text, t.end)))
                  and not (t.subtype == "strike" and _OWN_FORCES.search(text, max(0, t.start - 30), t.start))]
        # ("its forces had struck energy facilities ... and shot down 48 drones over the Belgorod region": the
        # speaker's own strikes, told with no place, beside the interceptions the places are for)
    if any(t.subtype == "interception" for t in events):  # "shot down 34 of 48 drones launched from ...": a tally;
        # "explosions shook the city ... air defences shot down 12 drones": the blasts heard were the shoot-downs
        events = [t for t in events if not (t.subtype == "strike" and (t.term.startswith("launch") and (text.startswith(
            " from", t.end) or _LAUNCHED_AT_AREA.match(text, t.end)) or t.term == "explosion*"))]
    present = {t.subtype for t in events}
    order = _WITH_INTERCEPTION if "interception" in present else DRONE_SUBTYPES
    if order is DRONE_SUBTYPES and {"strike", "debris"} <= present:  # "a drone hit a depot, ... debris fell on a
        first = min(events, key=lambda t: t.start)                    # house": the report leads with the hit
        if first.subtype == "strike" and first.term in _HIT_TERMS:
            order = ("strike", *DRONE_SUBTYPES)
    subtype = next((st for st in order if st in present), "")
    return subtype, next((t.term for t in events if t.subtype == subtype), "")


_OWN_FORCES = re.compile(r"\b(?:its|their|our)\s+(?:forces|troops|army|military|units|aircraft|drones)\s+"
                         r"(?:had\s+|have\s+|has\s+)?(?:also\s+)?$", re.I)


def _downed_attribute(text: str, t: Trigger) -> bool:
    """True for "downed" used as the drone's attribute ("a downed drone was found"), not as what was done."""
    m = _DOWNED_ATTR.search(text, max(0, t.start - 8), t.end + 30)
    return m is not None and m.start() <= t.start < m.end()


def _flown(text: str, at: int) -> bool:
    """True when a flying verb comes just before the drone word at ``at``, and not as an attempt ("tried to
    fly a drone over the cosmodrome")."""
    m = _FLEW.search(text, max(0, at - 30), at)
    return m is not None and not _TRIED.search(text, max(0, m.start() - 20), m.start())


def _destroyed_drones(text: str, t: Trigger) -> bool:
    """True for "destroyed" whose object is the drones, or an attack repelled ("a drone attack was repelled",
    "repelled a drone attack"): air defences at work, not a strike."""
    if t.subtype != "strike":
        return False
    if t.term.startswith("attack"):
        return bool(_REPELLED_AFTER.match(text, t.end) or _REPELLED_BEFORE.search(text, max(0, t.start - 40), t.start))
    if not t.term.startswith("destroy"):
        return False
    return bool(_DRONES_DESTROYED.search(text, max(0, t.start - 60), t.start)
                or _DRONES_AFTER.match(text, t.end) or _SHARE_DESTROYED.search(text, max(0, t.start - 160), t.start))


def not_a_site(text: str, start: int) -> bool:
    """True for a place the drone came from or was taken to ("from Ukraine", "sent to Astana"); a
    distance from a place ("40 km from Shalkar") still places the event."""
    window = text[max(0, start - 30):start]
    before = window.lower()
    # "entered from Afghanistan near Termez": the place a locative word puts after the origin is the site
    # (the distance is read further back: "six kilometres from the village of Saykhin")
    if "evacuat" in text[max(0, start - 70):start] and _EVACUATED_FROM.search(text, max(0, start - 70), start):
        return True  # "... and said 34 residents had been evacuated from villages of the Krasnopillia community"
    return bool(_NOT_A_SITE.search(before)) and not _DISTANCE.search(text[max(0, start - 60):start].lower()) \
        and not _ORIGIN_THEN_SITE.search(window)


_EVACUATED_FROM = re.compile(r"\bevacuat\w*\s+(?:\w+\s+){0,2}?from\s+(?:[\w-]+\s+){0,5}?(?:the\s+)?$", re.I)


def drone_target(text: str, t: Trigger) -> bool:
    """True for a drone word naming what a target makes or stores ("struck drone workshops", "a workshop
    where drones were assembled"): no drone event by itself."""
    return not t.subtype and bool(_DRONE_FACILITY.match(text, t.end) or _MADE_THERE.match(text, t.end))


_DRONE_BEFORE = re.compile(r"\b(?:drones?|uavs?|shaheds?|gerans?|unmanned\s+aerial\s+vehicles?)\b", re.I)
# "launched from the directions of Kursk", "launched from Afghan territory": where drones took off, no staging point
_LAUNCH_AREA = re.compile(r"launched\s+from\s+(?:the\s+)?(?:(?:directions?|areas?|regions?)\s+of\b|"
                          r"[A-Z][\w’'-]+\s+(?:territory|soil)\b)", re.I)
_LAUNCHED_FROM = re.compile(r"launched\s+from\s+(?:the\s+)?(?:territory\s+of\s+)?", re.I)
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)")


def launch_area(text: str, at: int, countries: Collection[int] = (), regions: Collection[int] = ()) -> bool:
    """True for a "launched from" cue at ``at`` whose subject is drones and whose object is a direction or
    area ("87 drones launched from the directions of Kursk", the air force bulletins' formula), a region
    (``regions``: where region names start; "drones launched from the Kursk region and from Crimea"), or
    a country (``countries``; "a drone launched from Ukraine"): where an attack's drones took off, not a
    staging point ("launched from positions near Kursk" is one)."""
    if not text.startswith("launched", at):
        return False
    drones = _DRONE_BEFORE.search(text, max(0, at - 60), at) is not None
    if _LAUNCH_AREA.match(text, at) is not None and drones:
        return True
    m = _LAUNCHED_FROM.match(text, at) if countries or regions else None
    return m is not None and (m.end() in countries or drones and m.end() in regions)


def listed_after(text: str, end: int, start: int) -> bool:
    """True when only a list separator (", ", " and ") lies between ``end`` and ``start``."""
    return _LIST_GAP.fullmatch(text, end, start) is not None

# Patterns searched over sentences and windows, behind a look-ahead at the letters their matches start with
# (prefilter.looking_ahead): the same matches, most positions rejected at one character
(_DEBRIS_DID, _DEBRIS_OF, _DISTANCE, _DRONE_BEFORE, _DURING, _FLEW, _NO_DAMAGE, _NONE_DOWNED, _ORIGIN_THEN_SITE,
 _REPELLED_BEFORE, _TRIED) = map(
    looking_ahead, (_DEBRIS_DID, _DEBRIS_OF, _DISTANCE, _DRONE_BEFORE, _DURING, _FLEW, _NO_DAMAGE, _NONE_DOWNED,
                    _ORIGIN_THEN_SITE,
                    _REPELLED_BEFORE, _TRIED))


# "Latvia says a drone entered its airspace": a state speaking of its own airspace is where the drone flew
_SAYS_OWN_AIRSPACE = re.compile(r"\s+(?:says|said|reports|reported|confirms|confirmed)\b[^.!?\n]{0,80}?\b(?:enter\w*|"
                                r"violat\w+|into)\s+its\s+air\s*space\b", re.I)


def speaks_of_own_airspace(text: str, end: int) -> bool:
    """True when the state named just before ``end`` says something entered its airspace."""
    return _SAYS_OWN_AIRSPACE.match(text, end) is not None
