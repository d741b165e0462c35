"""Flow-pattern helpers for migration incidents: roles the patterns get wrong, moves that are no flow."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from mapper.figures import NON_COUNT_UNITS, FigureSpan
from mapper.incident_rules import speaks_of_own_people
from mapper.lexicon import Trigger
from mapper.model import Location, Precision, Resolution
from mapper.prefilter import Gated, looking_ahead, lowered

PREC_RANK = {Precision.POINT: 0, Precision.DISTRICT: 1, Precision.REGION: 2, Precision.COUNTRY: 3,
             Precision.AREA: 4}
# physical features small enough to place an event ("a raid at Cape Tarkhankut"), unlike a sea or a range
_POINT_FEATURES = frozenset({"CAPE", "PT", "PTS", "SPIT", "HBR", "ISLET", "BAY"})


def site_rank(r: Resolution) -> int:
    """How coarse a resolved place is as an event site (``PREC_RANK``); a cape or a spit counts as a point."""
    if r.place is not None and r.place.feature_code in _POINT_FEATURES:
        return 0
    return PREC_RANK[r.precision or r.place.precision]  # type: ignore[union-attr]


GROUP = re.compile(r"\s+(?:labou?r\s+|migrant\s+|guest\s+)?(?:migrants?|citizens|nationals|workers|labou?rers|"
                   r"recruits|men|women|mercenaries|volunteers|fighters|students|refugees|families)\b", re.I)
THEATRE = re.compile(r"\b(?:invasion\s+of|war\s+(?:in|on|against)|fight\s+against)\s+(?:the\s+)?$", re.I)
# What moves is an organisation or a thing ("relocates the Armor School", "moved its headquarters"), or people
# taken into custody or care ("taken to the county jail"): no migration
_THING_MOVED = re.compile(r"\s+(?:the|its|their|his|her|a|an)\s+(?:[\w.’'-]+\s+){0,3}?(?:school|academy|headquarters|"
                          r"hq|plant|factor(?:y|ies)|offices?|company|firm|business|production|embassy|consulate|capital|"
                          r"fleet|ships?|vessels?|aircraft|jets|equipment|servers?|operations|warehouse|depot|court)s?\b"
                          r"|\s+(?:to\s+)?(?:the\s+|a\s+)?(?:[\w-]+\s+)?(?:jail|prison|hospital|police\s+station|"
                          r"custody|morgue|court(?:house)?|detention\s+(?:centre|center|facility))\b"
                          # "sent 40 people to hospital": the people moved, but into care, not away
                          r"|(?:\s+[\w,-]+){1,4}?\s+to\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?(?:hospitals?|clinics?|jail|prison|"
                          r"morgue|custody)\b", re.I)
_OFFICE_HIT = re.compile(r"\b(?:fire\s+to|torch\w*|firebomb\w*|attack\w*\s+(?:on\s+)?|arson\s+(?:attack\s+)?(?:on|at)|"
                         r"burn\w*|set\s+alight|vandali[sz]\w*|blew\s+up)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}$", re.I)
_CITIZENS_OF = re.compile(r"\b(?:citizens|nationals|natives)\s+of\s+(?:\w+\s+){0,2}$", re.I)
# "were recruited in Samara", "recruiters in Samara", "signed contracts with the ministry in Samara": where
# people signed up
_SIGNED_UP_IN = re.compile(r"\b(?:recruit\w*|enlist\w*|signed\s+(?:up|(?:military\s+)?contracts?)|hired|detained|"
                           r"raids?)\b"
                           r"(?:\s+[\w,-]+){0,6}?\s+(?:in|at)\s+"
                           r"(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_FOR_SIDE = re.compile(r"\b(?:fight(?:s|ing)?|fought|serv(?:es|ed|ing)?)\s+(?:for|on\s+the\s+side\s+of)\s+(?:the\s+)?$",
                       re.I)
_SERVED_IN = re.compile(r"\b(?:fought|fighting|served|serving|deployed)\b[^.;]{0,40}\bin\s+(?:the\s+)?$", re.I)
_SIGN_WORDS = ("recruit", "enlist", "signed", "hired", "detained", "raid")  # a cheap test before _SIGNED_UP_IN
# ("after being detained in migrant raids in Moscow": where they were rounded up and signed)


_OPENING_IN = re.compile(r"\s*(?:(?:In|On|Last|Earlier\s+in)\s+[\w-]+(?:\s+\d{1,2})?,\s+)?"  # ("In October, police in")
                         r"(?:In|At|(?:[Pp]olice|[Oo]fficers|[Aa]uthorities|[Oo]fficials|[Ii]nvestigators|[Rr]ecruiters)\s+in)\s+"
                         r"(?:the\s+(?:city|town|village|region)\s+of\s+)?")  # ("Police in Yekaterinburg handed")


def recast_roles(sent: Any, places: list[Resolution], roles: dict[int, str], subtype: str) -> None:
    """Roles the patterns get wrong for a return or a recruitment: people "citizens of X" who return home
    go to X, not from it; a town where migrants were recruited is the recruitment site, not an origin."""
    text, s = sent.text, sent.start
    homes: list[int] = []  # the list after "citizens of", each its own people's home
    for k, r in enumerate(places):
        before = text[max(s, r.mention.start - 60):r.mention.start]
        if subtype == "return" and roles.get(k) == "origin" and (homes and homes[-1] == k - 1 and _LIST_GAP.fullmatch(
                text, places[k - 1].mention.end, r.mention.start) or "destination" not in roles.values()
                and sum(role == "origin" for role in roles.values()) > 1 and _CITIZENS_OF.search(before)):
            roles[k] = "destination"  # "citizens of Kyrgyzstan returned home from Russia"; "deported 32,000
            homes.append(k)  # foreigners, most of them citizens of Uzbekistan, Tajikistan and Kyrgyzstan"
        elif subtype == "return" and roles.get(k) == "destination" and _SERVED_IN.search(before):
            roles[k] = "origin"  # "citizens who fought for Russia in Ukraine have returned home": from the war
        elif subtype == "recruitment" and roles.get(k) == "origin" and _FOR_SIDE.search(before):
            del roles[k]  # "citizens of Central Asian states are fighting for Russia": the side, not their home
        elif subtype == "recruitment" and roles.get(k, "origin") == "origin" and r.place is not None \
                and PREC_RANK[r.precision or r.place.precision] < 3 \
                and any(w in before.lower() for w in _SIGN_WORDS) and _SIGNED_UP_IN.search(before):
            roles[k] = "site"
        elif subtype == "recruitment" and k not in roles and r.place is not None \
                and PREC_RANK[r.precision or r.place.precision] < 3 and _OPENING_IN.fullmatch(text, s, r.mention.start):
            roles[k] = "site"  # "In Yekaterinburg, police handed call-up papers to 27 men from Tajikistan": where


def home_authority(sent: Any, places: list[Resolution], roles: dict[int, str]) -> int | None:
    """In a return with an origin and no destination, the country whose authority reports its citizens'
    return ("Uzbekistan's migration agency said 1,240 citizens had returned from Russia")."""
    if "origin" not in roles.values() or "destination" in roles.values():
        return None
    text, e = sent.text, sent.end
    away = {places[k].place.country for k, role in roles.items() if role == "origin"}  # type: ignore[union-attr]
    for k, r in enumerate(places):
        if k not in roles and r.place is not None and r.place.precision is Precision.COUNTRY \
                and r.place.country not in away and speaks_of_own_people(text, r.mention.end, e):
            return k
    return None


_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_MASKED_LIST = r"<\d+>(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)<\d+>)*"
# "migrants from Kyrgyzstan, Tajikistan and Uzbekistan have left Russia": people of one country leaving another
_FROM_LEFT = re.compile(rf"\b(?:migrants|workers|labou?rers|citizens|nationals)\s+from\s+(?P<home>{_MASKED_LIST})\s+"
                        rf"(?:\w+\s+){{0,3}}?(?:left|leaving|leave|fled|quit)\s+(?:the\s+)?"
                        rf"(?P<host>{_MASKED_LIST})", re.I)


def going_home(masked: str) -> tuple[list[int], list[int]] | None:
    """(homes, hosts) of people "from" some countries who "left" another, in a sentence whose places are
    masked as <0>, <1>, ... (see ``mask_places``): they go home, a return."""
    m = _FROM_LEFT.search(masked)
    if m is None:
        return None
    return ([int(k) for k in re.findall(r"<(\d+)>", m.group("home"))],
            [int(k) for k in re.findall(r"<(\d+)>", m.group("host"))])


_SHELTER = re.compile(r"\s+(?:(?:the\s+)?open|(?:a\s+|the\s+)?(?:makeshift\s+|temporary\s+)?(?:tents?|camps?|shelters?|"
                     r"dugouts?|basements?|cellars?|ruins|poverty|fear|limbo|cars?|containers?))\b", re.I)


_MONEY_SENT = re.compile(r"\b(?:money|remittances|transfers|earnings|wages|savings|cash|dollars|roubles|rubles)\s+"
                         r"(?:(?:they|migrants|workers)\s+)?(?:have\s+|had\s+|was\s+|were\s+)?$", re.I)


_FRONT_MOVED = re.compile(r"\b(?:fighting|front(?:\s+line)?|frontline|war|battles?|combat|clashes|shelling|"
                          r"hostilities)\s+(?:has\s+|had\s+|have\s+)?$", re.I)


_HOME_TO = re.compile(r"\b(?:(?:is|are|was|were|remains?)\s+home\s+to|hosts?|hosted)\s+(?:(?:about|around|some|"
                      r"nearly|almost|over|more\s+than|an\s+estimated|up\s+to)\s+)?[\d.,]+(?:\s+(?:million|thousand))?"
                      r"\s+(?:[\w-]+\s+){0,2}$", re.I)


_FLED = re.compile(r"\s+(?:(?:who|that)\s+(?:had\s+|have\s+)?)?(?:fled|flee|flees|escaped|escapes)\b", re.I)


def no_flow(text: str, t: Trigger) -> bool:
    """True for a move word whose object is a thing or custody ("relocates the school", "taken to jail"), or
    a recruitment office attacked ("setting fire to a military recruitment office")."""
    if t.subtype == "recruitment":
        return bool(_OFFICE_HIT.search(text, max(0, t.start - 50), t.start))
    if t.term == "sent" and not (_SENT_GROUP.match(text, t.end)
                                 or _PASSIVE.search(text, max(0, t.start - 12), t.start)):
        return True  # "schemes have sent a few hundred people": only a counted group or a passive is a move
    if ordered_out(text, t):
        return True  # "a court ordered 74 migrants expelled": an order, not yet a move
    if t.subtype == "relocation" and _FRONT_MOVED.search(text, max(0, t.start - 40), t.start):
        return True  # "frontline towns where the fighting has moved closer": the war moves, no people
    if t.term.startswith("sent") and _MONEY_SENT.search(text, max(0, t.start - 40), t.start):
        return True  # "Money sent home by migrants makes up half of the economy": remittances, no one moved
    if _ALTERNATIVE.search(text, max(0, t.start - 12), t.start):
        return True  # "the choice of signing a contract or being expelled": a threat, not a move
    if t.term == "living in" and _NOT_A_PLACE.match(text, t.end):
        return True  # "living in fear", "living in hostels": a condition or a dwelling, not the host country
    if t.term == "migrants" and _FLED.match(text, t.end):
        return True  # "Migrants flee Afghanistan into Tajikistan": people in flight, not workers (the verb tells)
    if t.subtype == "labour migration" and in_custody(text, t):
        return True  # "officers detained 118 migrants": people taken into custody, not a flow of workers
    if t.subtype == "labour migration" and _HOME_TO.search(text, max(0, t.start - 70), t.start):
        return True  # "Russia is home to about 3.1 million labour migrants": a stock of people, no move
    if t.term == "living in" and _SHELTER.match(text, t.end):
        return True  # "families living in tents near the border": how people live, no one gone abroad to work
    if t.term == "for work" and _WORK_PAPERS.match(text, t.end):
        return True  # "higher fees for work patents": a document, no one going anywhere for work
    if t.subtype == "labour migration" and _LACKING.search(text, max(0, t.start - 20), t.start):
        return True  # "may stay no more than 90 days without a work permit": a condition of a rule, no one moved
    if t.subtype == "return" and _HOLDING_PLACE.match(text, t.end):
        return True  # "held in a deportation centre": where people are kept, no one sent home yet
    return t.subtype in ("relocation", "evacuation") and bool(_THING_MOVED.match(text, t.end))


_GOODS_UNIT = re.compile(r"[A-Z]{3}|tons")  # a currency code or a weight: what money or goods count


def goods_only(figs: list[FigureSpan]) -> bool:
    """True when the counts are of money or goods (a currency, a weight), with at most shares and spans beside."""
    return any(_GOODS_UNIT.fullmatch(f.figure.unit) for f in figs) and all(
        _GOODS_UNIT.fullmatch(f.figure.unit) or f.figure.unit in NON_COUNT_UNITS for f in figs)


def in_custody(text: str, t: Trigger) -> bool:
    """True for people taken into custody ("police detained 640 migrants"): no move of their own."""
    return bool(_IN_CUSTODY.search(text, max(0, t.start - 50), t.start))


def ordered_out(text: str, t: Trigger) -> bool:
    """True for an expulsion or deportation ordered ("a court ordered 74 migrants expelled"): no move yet."""
    return order_span(text, t) is not None


def order_span(text: str, t: Trigger) -> tuple[int, int] | None:
    """Where an order to expel or deport is told ("ordered 52 of them expelled"), its count not that of a move."""
    if t.subtype != "return" or t.term not in ("expelled", "deport*"):
        return None
    m = _ORDERED.search(text, max(0, t.start - 60), t.start)
    return None if m is None else (m.start(), t.end)


_ORDERED = re.compile(r"\b(?:ordered|orders|order|ruled)\s+[^.;,]{0,50}?(?:(?:to\s+)?be\s+)?$", re.I)


_NOT_A_PLACE = re.compile(r"\s+(?!the\b)[a-z]")
_IN_CUSTODY = re.compile(r"\b(?:detained|detaining|arrested|arresting|rounded\s+up|fined|questioned)\s+"
                         r"(?:(?:about|some|nearly|almost|over|more\s+than)\s+)?(?:[\d,]+\s+|(?:dozens|hundreds|"
                         r"thousands)\s+of\s+)?(?:[A-Z][\w-]*\s+)?$", re.I)
_ALTERNATIVE = re.compile(r"\bor\s+(?:being|be|face)\s+$", re.I)
_WORK_PAPERS = re.compile(r"\s+(?:patents?|permits?|visas?|contracts?|documents?|authori[sz]ations?|licen[cs]es?|"
                          r"quotas?|cards?|books?)\b", re.I)
_LACKING = re.compile(r"\b(?:without|lacking|no)\s+(?:(?:a|any|valid|the\s+required)\s+)*$", re.I)
_HOLDING_PLACE = re.compile(r"\w*\s+(?:centres?|centers?|facilit(?:y|ies)|camps?)\b", re.I)


_SENT_GROUP = re.compile(r"\s+(?:(?:its|a|the|another|their|his|her)\s+)?(?:(?:first|second|third|next|new|latest|"
                         r"further)\s+)?(?:group|batch|contingent|\d)", re.I)
_PASSIVE = re.compile(r"\b(?:were|was|been|being|be|are|is)\s+(?:\w+\s+)?$", re.I)


_WORKERS = re.compile(r"\b(?:workers|labou?rers|farmhands|fruit\s+pickers|guest\s+workers|nurses|caregivers)\b", re.I)


# ("left for temporary employment abroad": the same)
_TO_WORK = re.compile(r"\b(?:to|for)\s+work\b(?!\s+(?:out|on|with|together)\b)|\bfor\s+(?:temporary\s+|seasonal\s+)?"
                      r"employment\b", re.I)


_ABROAD = re.compile(r"\babroad\b", re.I)  # ("48,200 citizens left for temporary employment abroad")


def flow_subtype(text: str, start: int, end: int, subtype: str, demonyms: list[Resolution],
                 locs: list[Location]) -> tuple[str, str, list[Location]]:
    """The subtype a flow's people and ends tell better than its move word, with the reason ("" if unchanged)
    and the locations: a move that ends in the group's own country is a return ("164 Uzbek citizens who had
    worked in Russia landed in Samarkand": Russia is where they came from), and workers who set off
    somewhere go for work."""
    dests = [loc for loc in locs if loc.role == "destination"]
    if subtype in ("labour migration", "relocation") and dests and demonyms and goes_home(text, demonyms, dests[-1]):
        home = dests[-1].country
        return "return", "; to the group's own country", [
            replace(loc, role="origin") if loc.role == "destination" and loc.country != home else loc for loc in locs]
    if subtype == "relocation" and dests and _WORKERS.search(text, start, end):
        return "labour migration", "; workers on the move", locs
    if subtype == "relocation" and (dests or _ABROAD.search(text, start, end)) and _TO_WORK.search(text, start, end):
        return "labour migration", "; gone to work", locs  # "318,000 citizens left for Russia to work"
    return subtype, "", locs


def lede_workers(text: str, lede: tuple[int, int], locs: list[Location], group: Sequence[str] = ()) -> bool:
    """True when the lede tells of workers and names the flow's destination, or the group by the same
    nationality: "38,400 citizens flew to Russia" in an article that opens on "the number of Kyrgyz workers
    leaving for Russia" are those workers, and so are "21,400 Uzbeks" who left for South Korea in an article
    that opens on "Uzbek citizens leaving to work in Russia"."""
    a, b = lede
    if not (_WORKERS.search(text, a, b) or _TO_WORK.search(text, a, b)):
        return False
    return any(loc.role == "destination" and loc.name in text[a:b] for loc in locs) or any(
        re.search(rf"\b{re.escape(g.rstrip('s'))}\b", text[a:b]) for g in group if g)


def goes_home(text: str, demonyms: list[Resolution], dest: Location) -> bool:
    """True when ``dest`` lies in the country of a demonym naming the group ("Uzbek citizens")."""
    return any(r.place is not None and r.place.country == dest.country and GROUP.match(text, r.mention.end)
               for r in demonyms)


# ("Georgia's interior ministry said 10,000 people a day were entering the country": the state named before)
_TO_THE_CITY = re.compile(r"\b(?:(?:arrived|arriving|arrive|moved|came|come|brought|taken|bused|bussed|flown|"
                          r"returned)\s+(?:in|to|into)|entered|entering|enter)\s+the\s+(?P<k>city|town|village|capital|"
                          r"region|oblast|country)\b", re.I)
_FROM_THE_COUNTRY = re.compile(r"\b(?:expelled|deported|removed|banned|evicted|left|fled)\s+(?:\w+\s+)?from\s+the\s+"
                               r"country\b", re.I)


def origin_named_before(text: str, start: int, end: int, places: list[Resolution]) -> int | None:
    """The index of the country a flow's "expelled from the country" refers back to: the last country named
    before it in the sentence ("Kazakhstan's Interior Ministry said 230 foreigners were expelled from the
    country")."""
    m = _FROM_THE_COUNTRY.search(text, start, end)
    if m is None:
        return None
    before = [k for k, r in enumerate(places) if r.mention.end <= m.start() and r.place is not None
              and (r.precision or r.place.precision) is Precision.COUNTRY]
    return before[-1] if before else None


_OFFICIALS_IN = re.compile(r"\b(?:officials|authorities|the\s+(?:[\w-]+\s+)?(?:ministry|agency|department|"
                           r"administration|office))\s+in\s+(?:the\s+)?$", re.I)


def departure_office(text: str, places: list[Resolution], roles: dict[int, str]) -> int | None:
    """Where the officials reporting people who left for work sit, when no origin is named ("officials in
    Osh said about 300 people had left for South Korea"): the origin, if in another country than the
    destinations."""
    if "origin" in roles.values() or "destination" not in roles.values():
        return None
    away = {places[k].place.country for k, role in roles.items() if role == "destination"}  # type: ignore[union-attr]
    for k, r in enumerate(places):
        if k not in roles and r.place is not None and r.place.country not in away \
                and _OFFICIALS_IN.search(text, max(0, r.mention.start - 40), r.mention.start):
            return k
    return None


def destination_named_before(text: str, start: int, end: int, places: list[Resolution]) -> int | None:
    """The index of the place a flow's "arrived in the city" refers back to: the last place of that kind
    named before it in the sentence ("officials in Almaty said 200 migrants had arrived in the city")."""
    m = _TO_THE_CITY.search(text, start, end)
    if m is None:
        return None
    kind = m.group("k").lower()
    want = (Precision.REGION if kind in ("region", "oblast") else Precision.COUNTRY if kind == "country"
            else Precision.POINT)
    before = [k for k, r in enumerate(places) if r.mention.end <= m.start() and r.place is not None
              and (r.precision or r.place.precision) is want]
    return before[-1] if before else None


# "strikes on Iranian nuclear sites", "when fighting broke out in Sudan": a country under fire, and the places
# that name it; "since Israeli and Iranian strikes began": two states exchanging strikes, both under fire
_UNDER_FIRE = Gated(re.compile(r"\b(?:(?:air\s*)?strikes|bombing|bombardment|shelling|fighting|war|hostilities)\s+"
                         r"(?:[\w-]+\s+){0,3}?(?:on|in|against|across)\s+(?:the\s+)?(?P<x>[A-Z][\w’'-]*)|"
                         r"(?P<y>[A-Z][\w’'-]*\s+and\s+[A-Z][\w’'-]*)\s+(?:air\s*)?strikes\b"))
# people who live and work in a country (and _WORKERS): their going home is a return, even from a country under fire
# (the deported, too: "a charter flight carried 180 deported Tajik citizens from Moscow to Dushanbe" is a
# return, a country under drone fire as Russia is)
_MIGRANTS = re.compile(r"\b(?:migrants?|deport(?:ed|ees?|ations?)|expelled)\b", re.I)


def under_fire(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` naming a state under strikes or at war on its soil ("strikes on <Iranian> sites")."""
    return [m.span("x") if m.group("x") else m.span("y") for m in _UNDER_FIRE.finditer(text, lowered(text))]


def war_zones(spans: list[tuple[int, int]], places: Iterable[Resolution]) -> set[str]:
    """Country codes of the places (literal or demonym) named in the spans of :func:`under_fire`."""
    return {r.place.country for r in places if r.place is not None
            and any(a <= r.mention.start < b for a, b in spans)}


def evacuated_alike(cands: list[Any], text: str) -> None:
    """A return or relocation of citizens out of a country the article evacuates people from elsewhere
    ("evacuated 415 citizens from Israel ... 88 nationals crossed from Israel into Jordan and were flown
    home"): another evacuation from the same country (in place)."""
    _earlier_alike(cands, text)
    zones = {loc.country for c in cands if c.subtype == "evacuation" for loc in c.locs
             if loc.role == "origin" and loc.country}
    for c in cands if zones else ():
        src = c.sources[0] if c.sources else None
        if src is not None and c.type.value == "migration" and fled_war(text, src.start, src.end, zones, c.locs,
                                                                      c.subtype):
            c.subtype = "evacuation"
            c.rules.append("evacuation: out of a country the article evacuates people from")


_EARLIER = re.compile(r"\s*(?:Earlier|Previously|Before\s+that)\b")


def _earlier_alike(cands: list[Any], text: str) -> None:
    """A return of citizens, not workers, told with "Earlier," just after an evacuation ("... 147 citizens had
    been evacuated from Israel. Earlier, in June, 320 nationals were brought home from Iran"): one more
    evacuation (in place)."""
    evacuations = {max(c.sents) for c in cands if c.subtype == "evacuation" and c.sents}
    for c in cands if evacuations else ():
        src = c.sources[0] if c.sources else None
        if src is not None and c.type.value == "migration" and c.subtype == "return" and c.sents \
                and evacuations & {min(c.sents) - 1, min(c.sents) - 2} and _EARLIER.match(text, src.start) \
                and not _WORKERS.search(text, src.start, src.end) and not _MIGRANTS.search(text, src.start, src.end):
            c.subtype = "evacuation"
            c.rules.append("evacuation: told 'Earlier' after an evacuation")


def fled_war(text: str, start: int, end: int, zones: set[str], locs: list[Location], subtype: str) -> bool:
    """True for a return or relocation of citizens, not workers, out of a country told under fire earlier in
    the article ("brought home 418 citizens from Iran since strikes began"): an evacuation from a war zone."""
    return subtype in ("return", "relocation") and bool(zones) and not _WORKERS.search(text, start, end) \
        and not _MIGRANTS.search(text, start, end) \
        and any(loc.role in ("origin", "site") and loc.country in zones for loc in locs)

# Patterns searched over sentences and windows, behind a look-ahead at the letters their matches start with
# (prefilter.looking_ahead): the same matches, most positions rejected at one character
(THEATRE, _ABROAD, _ALTERNATIVE, _CITIZENS_OF, _FOR_SIDE, _FROM_LEFT, _FROM_THE_COUNTRY,
 _FRONT_MOVED, _IN_CUSTODY, _MONEY_SENT, _OFFICE_HIT, _OFFICIALS_IN, _ORDERED, _PASSIVE,
 _SERVED_IN, _SIGNED_UP_IN, _TO_THE_CITY, _WORKERS, _HOME_TO) = map(looking_ahead, (
    THEATRE, _ABROAD, _ALTERNATIVE, _CITIZENS_OF, _FOR_SIDE, _FROM_LEFT, _FROM_THE_COUNTRY, _FRONT_MOVED,
    _IN_CUSTODY, _MONEY_SENT, _OFFICE_HIT, _OFFICIALS_IN, _ORDERED, _PASSIVE, _SERVED_IN, _SIGNED_UP_IN,
    _TO_THE_CITY, _WORKERS, _HOME_TO))
