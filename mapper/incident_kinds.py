"""Military operations and drone events one sentence can report (migration flows: ``incident_migration``)."""

from __future__ import annotations

import re

from mapper.incident_dates import STATEMENT, this_week
from mapper.incident_drone import WEAK_DRONE_TERMS, drone_event, launch_area, listed_after, not_a_site
from mapper.incident_feed import lone_headline
from mapper.incident_merge import Candidate
from mapper.incident_rules import named_operation, names_airspace, opens_sentence, staging_spans
from mapper.incident_sentence import CLAUSE_BREAK, Sentence, location, new_candidate
from mapper.lexicon import Trigger
from mapper.model import DatePrecision, IncidentType, PlaceKind, Resolution

# the weapon words among the operation triggers: a strike naming none may be a drone strike told again
_WEAPONS = frozenset({"missile*", "guided bomb*", "aerial bomb*", "glide bomb*", "artillery", "shelling", "shelled",
                      "bombed", "dropped"})

_REPELLED = frozenset({"repelled", "repulsed"})
# "shelling and drone attacks on 12 villages", "drone and artillery strikes": one report of attacks by several
# weapons, an operation's strikes and no drone strike alone
_MIXED = re.compile(r"\b(?:shelling|artillery(?:\s+fire)?|mortar(?:\s+fire)?|missile)\s+and\s+drone\s+"
                    r"(?:attacks?|strikes?)|"
                    r"\bdrone\s+and\s+(?:artillery|missile|mortar)\s+(?:attacks?|strikes?|fire)\b|"
                    # "attacked the district with drones and artillery", "with artillery, mortars and drones",
                    # "firing 46 shells and launching 52 drones": a day's attacks by several weapons in one tally
                    # ("using artillery, mortars, drones and aviation", "with artillery and kamikaze drones" too)
                    r"\b(?:with|using)\s+(?:(?:artillery|mortars?|drones|aircraft|aviation)(?:,\s+|\s+and\s+))*"
                    r"(?:artillery|mortars?)(?:,\s+|\s+and\s+)(?:(?:artillery|mortars?|aircraft|aviation)(?:,\s+|\s+and\s+))*"
                    r"(?:(?:kamikaze|FPV|attack|strike)\s+)?drones\b|"
                    r"\bwith\s+drones(?:,\s+|\s+and\s+)(?:(?:aircraft|drones)(?:,\s+|\s+and\s+))*(?:artillery|mortars?)\b|"
                    # "guided bombs, artillery and drones killed three": weapons listed as the subject of the harm
                    r"\b(?:artillery|mortars?|shelling)(?:,\s+[\w\s]{0,20}?|\s+)and\s+drones\s+(?:killed|wounded|injured)\b|"
                    r"\bfiring\s+[\d,]+\s+(?:artillery\s+)?(?:shells|rounds|mortar\s+bombs|rockets)\s+and\s+"
                    r"(?:launching|using|sending)\s+[\d,]+\s+drones\b", re.I)


MIXED_RULE = "; shelling and drones told as one report"
_BELLIGERENT_STRIKE = re.compile(r"\b(?:Russian|Ukrainian)\s+$")
# the objects of a strike verb before the last: "hit| a residential high-rise and a |warehouse"
_OBJECT_LIST = re.compile(r"\s+(?:(?:a|an|the|two|three|several)\s+)?(?:[\w-]+\s+){0,3}?(?:and|,)\s+"
                          r"(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}?")
# "strikes on Ukraine's energy grid", "a strike on a power plant": what a warring army's strike hit
_ON_TARGET = re.compile(r"\s+on\s+(?:the\s+|a\s+|an\s+)?(?:[\w’'-]+\s+){0,3}?(?:energy|power|grid|infrastructure|"
                        r"facilit\w*|plants?|stations?|substations?|refiner\w*|depots?|ports?|bridges?|railway|"
                        r"airfields?|bases?|warehouses?|buildings?|homes?|houses?|city|town|village)\b", re.I)
# an item of a front bulletin by direction: "In the Kharkiv direction, the enemy attacked four times near X"
DIRECTION_ITEM = re.compile(r"\s*(?:(?:In|On|Along)\s+the\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?\s+"
                            r"(?:direction|front|axis|sector),|"  # and a bulletin's item heading: "Lyman direction:"
                            r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?\s+(?:direction|axis|sector):)")


def mixed_attack(text: str, s: int, e: int) -> bool:
    """True when the sentence tells attacks by drones and by shelling, missiles or mortars as one report."""
    return (text.find(" and drone", s, e) >= 0 or text.find("rone and ", s, e) >= 0
            or text.find("rones and ", s, e) >= 0 or text.find("with ", s, e) >= 0 or text.find("firing ", s, e) >= 0
            or text.find("and drones ", s, e) >= 0) \
        and bool(_MIXED.search(text, s, e))
_SMUGGLERS = re.compile(r"smugglers?\b", re.I)
# "gunmen fired from across the Panj River at workers, killing two": armed men across a border are armed by
# themselves (not a crime story's gunmen: the border is named)
_ACROSS_BORDER = re.compile(r"\b(?:from\s+across|across\s+the\s+border|cross-border|border)\b", re.I)


_LANDED = frozenset({"special forces landed", "special forces had landed", "commandos landed", "commandos had landed",
                     "landing party"})
_DRILL = re.compile(r"\b(?:exercises?|drills?|training|manoeuvres|maneuvers)\b", re.I)
_ARMED_STRIKES = frozenset({"came under fire", "come under fire", "came under shelling", "under artillery fire",
                            "mortar fire"})


def operation(sent: Sentence, military: bool, near_drone: bool) -> list[Candidate]:
    """A military operation: a named one, staging (warehouse, assembled), or a strike on a target."""
    text, s, e, trig = sent.text, sent.start, sent.end, sent.triggers
    ops = [t for t in trig if t.type == "operation"]
    if any(t.term in _LANDED for t in ops) and _DRILL.search(text, s, e):  # "special forces landed on the coast
        ops = [t for t in ops if t.term not in _LANDED]  # during the exercise": a drill's landing, no raid
    named = named_operation(text, s, e)
    if not (ops or named or military):
        return []  # (no operation word, name or military context: nothing below can mark, stage or strike)
    strike = [t for t in ops if t.subtype in {"strike", "raid"}]
    if not strike and any(t.term in ("forces", "troops") for t in ops):
        strike = _forces_killed(sent)  # "Russian troops killed two civilians in Kherson": a warring army's deadly act
    target = [t for t in ops if t.subtype == "target"]
    # "fighting broke out near X": fighting is armed by itself and needs no troops or weapons named
    # ("came under fire", "mortar fire": fire is a weapon's, the strike's own marker)
    marker = [t for t in ops if not t.subtype or t.term.startswith("fighting ") or t.term in _ARMED_STRIKES]
    if any(t.term in ("gunmen", "armed men") for t in strike) and _ACROSS_BORDER.search(text, s, e) and any(
            f.figure.unit in ("killed", "injured") for f in sent.figures()):
        marker = marker + [t for t in strike if t.term in ("gunmen", "armed men")]
    if any(t.term == "derail*" for t in strike) and any(f.figure.unit in ("killed", "injured") for f in sent.figures()):
        marker = marker + [t for t in strike if t.term == "derail*"]  # "derailing a train and killing seven"
    if any(_BELLIGERENT_STRIKE.search(text, max(s, t.start - 12), t.start) for t in strike if t.term == "strike*") \
            and any(f.figure.unit in ("killed", "injured") for f in sent.figures()):
        marker = marker + strike  # "a Russian strike on a hardware store killed 19": a warring army's deadly strike
    elif any(_BELLIGERENT_STRIKE.search(text, max(s, t.start - 12), t.start) and _ON_TARGET.match(text, t.end)
             and (text[t.end - 1] not in "sS" or any(not d.since and d.date.precision is DatePrecision.DAY
                                                     for d in sent.dates()))  # (plural: a campaign, unless dated)
             for t in strike if t.term in ("strike*", "attack*")):
        marker = marker + strike  # "Russian strikes on Ukraine's energy grid": a warring army's strikes on a target
    if strike and DIRECTION_ITEM.match(text, s):  # "In the Pokrovsk direction, the enemy carried out 47 assaults
        marker = marker + strike                 # near X": an item of a front bulletin is fighting by itself
    if any(t.term in WEAK_DRONE_TERMS for t in trig):  # "air defences repelled an attack": the drones', no fighting
        marker = [t for t in marker if t.term not in _REPELLED]
    # a drone strike is a drone incident, not an operation of its own; but "its forces struck a depot" after
    # a sentence on drones is the forces' strike: a marker and no drone word of its own
    drone_here = any(t.type == "drone" and not t.subtype for t in trig)
    drone_event = [t for t in trig if t.type == "drone" and t.subtype in {"strike", "interception"}
                   and near_drone and (drone_here or not marker)] if not mixed_attack(text, s, e) else []
    # staging cues count only beside a name, an operation word or a military context ("staging protests",
    # "drug smugglers" are none)
    staging = staging_spans(text, s, e) if named or marker or strike or target or military else []
    # "hit a warehouse": a staging word struck is a target, not a staging point
    struck = [t.end for t in trig if t.subtype in {"strike", "raid"}]
    staging = [o for o in staging if not any(0 <= o - end <= 20 or 0 <= o - end <= 50 and _OBJECT_LIST.fullmatch(
        text, end, o) for end in struck)]  # ("hit a residential high-rise and a warehouse": the list struck)
    if any(t.subtype == "raid" for t in strike):  # "a shoot-out with smugglers": the raid's other side, no staging
        staging = [o for o in staging if not _SMUGGLERS.match(text, o)]
    # "border guards killed three armed drug smugglers who crossed the river": a deadly clash, a raid
    clash = bool(staging) and not named and all(_SMUGGLERS.match(text, o) for o in staging) and any(
        f.figure.unit in ("killed", "injured") for f in sent.figures())
    staging = [] if clash else staging
    if staging and not named:  # "87 drones launched from the directions of Kursk": where drones took off
        countries = {r.mention.start for r in sent.places if r.place and r.place.kind is PlaceKind.COUNTRY}
        regions = {r.mention.start for r in sent.places if r.place and r.place.kind is PlaceKind.REGION}
        staging = [o for o in staging if not launch_area(text, o, countries, regions)]
    if named and not (strike or target or staging or drone_event):
        named = None  # "served during Operation X": a name mentioned, no action reported
    if not (named or staging or clash or (marker and strike and not drone_event)
            or (target and strike and not drone_event)):
        return []
    sites = sent.sites()
    attacked = _attacked_country(text, strike) if not (named or staging or target) else None
    if attacked:  # "jets were scrambled after Russia launched an attack on western Ukraine, and airports in
        # Rzeszow and Lublin were closed": the places of another country are no sites of that attack
        sites = [r for r in sites if r.place is not None and r.place.country == attacked]
    if not sites:
        return []
    hits = [t.start for t in strike + target] + [t.start for t in trig if t.type == "drone" and t.subtype]
    locs = [location(r, _op_role(r.mention.start, staging, hits)) for r in sites]
    if named:
        subtype, rule = "named operation", f"named operation '{named[0]}'"
    elif staging:
        subtype, rule = "staging", f"staging cue '{text[staging[0]:staging[0] + 12].split()[0]}'"
    elif clash:
        subtype, rule = "raid", "raid: armed smugglers killed or wounded"
    else:
        subtype = "raid" if any(t.subtype == "raid" for t in strike) else "strike"
        rule = f"strike '{strike[0].term}' on target"
        if drone_here and mixed_attack(text, s, e):
            rule += MIXED_RULE
    cand = new_candidate(sent, IncidentType.OPERATION, subtype, locs, rule)
    cand.unarmed = subtype == "strike" and not any(t.term in _WEAPONS for t in ops)
    if named:
        cand.name, cand.name_key = named
    return [cand]


# "an attack on western Ukraine", "a massive strike on Russia": the whole country (or a compass part of it) attacked
_ON_COUNTRY = re.compile(r"\s+(?:on|against)\s+(?:(?:western|eastern|southern|northern|central)\s+)?"
                         r"(?P<c>Ukraine|Russia)\b(?!'s|’s|\s+(?:region|oblast))")
_COUNTRY_CODES = {"Ukraine": "UA", "Russia": "RU"}


# "Russian troops killed two civilians", "Russian forces killed a man and wounded his wife": civilians harmed by an army
_FORCES_KILLED = re.compile(r"\b(?:Russian|Ukrainian|enemy)\s+(?:forces|troops)\s+(?:have\s+|had\s+)?(killed|wounded|"
                            r"injured)\s+(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?"
                            r"(?:[\w-]+\s+)?(?:civilians?|people|residents?|m[ae]n|wom[ae]n|children|child|girl|boy|"
                            r"pensioners?)\b")


def _forces_killed(sent: Sentence) -> list[Trigger]:
    """The harm verb of "Russian troops killed two civilians in Kherson" as a strike, when the sentence names one place
    below country level (a summary over several towns, "killed four civilians in the region: two in X, one in Y",
    is told town by town after it)."""
    m = _FORCES_KILLED.search(sent.text, sent.start, sent.end)
    places = [r for r in sent.places if r.place is not None and r.place.kind is not PlaceKind.COUNTRY]
    return [Trigger("operation", "strike", m.group(1).lower(), m.start(1), m.end(1))] if m and len(places) == 1 else []


def _attacked_country(text: str, strike: list[Trigger]) -> str | None:
    """The code of the country every strike word of the sentence says was attacked as a whole ("an attack on
    western Ukraine"), or None."""
    # ("launched ... an attack on western Ukraine": the launch word names no target of its own)
    codes = {m.group("c") if (m := _ON_COUNTRY.match(text, t.end)) else None for t in strike
             if not t.term.startswith("launch")}
    if len(codes) != 1 or None in codes:
        return None
    return _COUNTRY_CODES[next(iter(codes))]  # type: ignore[index]


def _op_role(at: int, staging: list[int], hits: list[int]) -> str:
    """``staging`` when the nearest cue to the place is a staging cue (warehouse, assembled), else ``target``."""
    if not staging:
        return "target"
    # "drones launched from positions near Kursk to attack Sumy": the cue just before a place tells its role
    before = max([(off, 1) for off in staging if 0 < at - off <= 40] + [(off, 0) for off in hits if 0 < at - off <= 40],
                 default=None)
    if before is not None:
        return "staging" if before[1] else "target"
    near_staging = min(abs(at - off) for off in staging)
    return "staging" if not hits or near_staging <= min(abs(at - off) for off in hits) else "target"




def drone(sent: Sentence) -> list[Candidate]:
    """Drone events (debris, strike, interception, sighting) at the sentence's sites; clauses with dates and event
    words of their own are reports of their own ("A second find was reported near X on Wednesday, and residents
    said they heard explosions in Y overnight": debris at X, a strike at Y)."""
    return [c for a, b in _reports(sent) for c in _drone(sent, a, b)]


def _reports(sent: Sentence) -> list[tuple[int, int]]:
    """The sentence's spans that tell drone events of different kinds, each in a clause with its own date."""
    text, s, e = sent.text, sent.start, sent.end
    cuts = [m.start() for m in CLAUSE_BREAK.finditer(text, s, e)]
    spans = list(zip([s, *cuts], [*cuts, e], strict=True))
    if len(spans) < 2:
        return [(s, e)]
    dates = [d.start for d in sent.dates() if not d.since and not STATEMENT.search(text, max(0, d.start - 30), d.start)]
    sites = [r.mention.start for r in sent.sites()]
    kinds = [drone_event(text, [t for t in sent.triggers if a <= t.start < b])[0] for a, b in spans]
    told = [(a, b, k) for (a, b), k in zip(spans, kinds, strict=True) if k and any(a <= d < b for d in dates)
            and any(a <= r < b for r in sites)]
    if len({k for _a, _b, k in told}) < 2:
        return [(s, e)]
    starts = [a for a, _b, _k in told][1:]  # (an undated clause stays with the report before it)
    return list(zip([s, *starts], [*starts, e], strict=True))


def _drone(sent: Sentence, start: int, end: int) -> list[Candidate]:
    """The drone events told in ``sent`` between ``start`` and ``end``."""
    text, trig = sent.text, [t for t in sent.triggers if start <= t.start < end]
    # "debris was found near X, after jets shot down drones overnight": the event of a when/why clause is
    # the reason, when the main clause tells one of its own
    ctx = [(a, b) for a, b, _c in sent.clauses()]
    main = [t for t in trig if not (t.type == "drone" and t.subtype and any(a <= t.start < b for a, b in ctx))]
    subtype, term = drone_event(text, main) if len(main) < len(trig) else ("", "")
    if not subtype:  # the event of a when clause may be the news ("flights were halted after a drone was seen"),
        # but not one a "since" clause starts a period from ("has watched closely since a drone attack on X"),
        # unless that clause dates it in the last days ("suspended since a drone was spotted on Tuesday")
        since = [(a, b) for a, b in ctx if text.startswith(("since", "Since"), a) and not _recent(sent, a, b)]
        subtype, term = drone_event(text, [t for t in trig if not any(a <= t.start < b for a, b in since)])
    if not subtype:
        return []
    sites = [r for r in sent.sites() if start <= r.mention.start < end]
    if not sites and subtype in ("sighting", "interception") and (any(not d.since for d in sent.dates())
                                                                   or lone_headline(text)):
        # "on 10 September about 19 drones entered Polish airspace": a dated incursion that names only the country
        # (a headline with no body is dated: "Poland scrambles jets as Russian drones enter airspace")
        # (an interception only where the state itself acts: "Poland shot down drones that entered its airspace",
        # not "when drones strayed into Polish airspace, jets shot down a handful", told in passing)
        sites = [r for r in sent.places if names_airspace(text, r, sent.start, sent.end)
                 and (subtype == "sighting" or opens_sentence(text, r, sent.start))][:1]
    attacked = _attacked_country(text, [t for t in trig if t.subtype == "strike"]) if subtype == "strike" else None
    if attacked:  # (as an operation's: "after Russia launched a drone attack on western Ukraine")
        sites = [r for r in sites if r.place is not None and r.place.country == attacked]
    if not sites:
        return []
    rule = f"drone {subtype} '{term}'"
    own, by_clause = {}, {}
    breaks = [m.start() for m in CLAUSE_BREAK.finditer(text, sent.start, sent.end)]
    for r in sites:  # "Ualy (February 18), Atameken (March 18)": each site with its own date
        d = next((d for d in sent.dates() if 0 <= d.start - r.mention.end <= 3 and not d.since), None)
        if d is not None:
            own[r.place.place_id] = d  # type: ignore[union-attr]
        elif breaks:  # "in 2024, fragments were found near X; in March, a drone fell outside Y"
            a = max((b for b in breaks if b < r.mention.start), default=sent.start)
            b = min((b for b in breaks if b > r.mention.end), default=sent.end)
            d = next((d for d in sent.dates() if a <= d.start < b and not d.since
                      and not STATEMENT.search(text, max(0, d.start - 30), d.start)), None)  # not "said on Monday"
            if d is not None:
                by_clause[r.place.place_id] = d  # type: ignore[union-attr]
    if len({d.start for d in by_clause.values()}) > 1:  # clauses with dates of their own: one event each
        own.update(by_clause)
    groups: list[list[Resolution]] = []
    skipped = -1
    for r in sites:
        # where the drone came from or was taken to, and the rest of that list ("from Kursk, Oryol and X")
        if not_a_site(text, r.mention.start) or (skipped >= 0 and listed_after(text, skipped, r.mention.start)):
            skipped = r.mention.end
            continue
        # One report over several sites ("intercepted 24 drones over A, B and C") is one event unless
        # the sites carry dates of their own.
        home = groups[0] if groups and len({d.start for d in own.values()}) < 2 else None
        after = _AFTER_EVENT.search(text, home[-1].mention.end, r.mention.start) if home is not None else None
        if after is not None and any(t.subtype == subtype and t.start > after.end() for t in trig):
            home = None  # "drones were seen over the base, hours after Brussels Airport halted traffic over a drone
            # sighting": a report of the same kind told at its own place ("a day after drones attacked" stays a reason)
        if home is None:
            groups.append([r])
        else:
            home.append(r)
    if subtype == "strike":
        groups = [part for g in groups for part in _targets(text, g)]
    out = []
    for g in groups:
        cand = new_candidate(sent, IncidentType.DRONE, subtype, [location(r, "site") for r in g], rule)
        d = own.get(g[0].place.place_id)  # type: ignore[union-attr]
        if d is None and (start, end) != (sent.start, sent.end):  # (one report of a split sentence: its clause's day)
            d = next((d for d in sent.dates() if start <= d.start < end and not d.since), None)
        if d is not None:
            cand.date, cand.date_src = d.date, "sentence"
        out.append(cand)
    return out


def _recent(sent: Sentence, a: int, b: int) -> bool:
    """True when ``text[a:b]`` holds a date of the week before the article's publication (``this_week``)."""
    pub = sent.article.published
    return pub is not None and any(a <= d.start < b and this_week(d, pub) for d in sent.dates())


# "..., hours after X halted traffic": the clause tells an event of its own, at its own place
_AFTER_EVENT = re.compile(r",\s+(?:just\s+|only\s+)?(?:hours|days|a\s+day|a\s+few\s+hours|minutes)\s+after\b", re.I)


# a facility named with its town ("the Saratov oil refinery", "the Engels air base")
_FACILITY_AFTER = re.compile(r"(?:\s+[a-z-]+)?\s+(?:refinery|plant|air\s*base|airbase|airfield|depot|port|terminal|"
                             r"factory|substation|power\s+station)\b")
_AND = re.compile(r"\s+and\s+(?:the\s+)?", re.I)


def _targets(text: str, group: list[Resolution]) -> list[list[Resolution]]:
    """"Drones hit the Saratov oil refinery and the Engels air base": two facilities joined by "and" are
    two targets, one strike each; other site lists stay one event."""
    def facility(r: Resolution) -> bool:
        return r.place.kind is PlaceKind.FACILITY or _FACILITY_AFTER.match(text, r.mention.end) is not None  # type: ignore

    if len(group) < 2 or not all(facility(r) for r in group):
        return [group]
    joined = all(_AND.search(text, a.mention.end, b.mention.start) for a, b in zip(group, group[1:], strict=False))
    return [[r] for r in group] if joined else [group]


def siteless_name(text: str, start: int, end: int, trig: list[Trigger]) -> tuple[str, str] | None:
    """The name of an operation told acting with no site of its own ('an operation it called "Steppe Hawk"
    struck four air bases on Monday'): the sentences that follow tell where."""
    if not any(t.subtype in {"strike", "raid"} for t in trig):
        return None
    return named_operation(text, start, end)


def carry_name(made: list[Candidate], name: tuple[str, str]) -> bool:
    """Give a named operation told just before with no site the first strike of this sentence ('the drones hit
    the Engels air base ... and the Morozovsk airfield'): it becomes the operation, and its other strikes its
    targets when the article's candidates are grouped. False when no strike is told here."""
    if any(c.name for c in made):
        return False
    hit = next((c for c in made if c.subtype in {"strike", "raid"} and c.type is not IncidentType.MIGRATION), None)
    if hit is None:
        return False
    hit.type, hit.subtype = IncidentType.OPERATION, "named operation"
    hit.name, hit.name_key = name
    hit.rules.append(f"named operation '{name[0]}' told in the sentence before")
    return True
