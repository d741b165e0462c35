"""Merging incident candidates: within an article (one event told over a passage) and across articles."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from mapper.incident_geometry import TOWN_OR_DISTRICT, apart, elsewhere, near, other_countries, other_towns
from mapper.model import DatePrecision, Figure, FuzzyDate, IncidentType, Location, Precision, Source, Status

WINDOW = 4  # sentences of one article within which same-kind candidates are one event
_DATE_RANK = {DatePrecision.DAY: 0, DatePrecision.MONTH: 1, DatePrecision.RANGE: 2, DatePrecision.YEAR: 3}
_SRC_RANK = {"sentence": 0, "nearby": 1, "lede": 2, "published": 3, "": 4}
_TOLD_DAYS = 7  # how long before a count's span ends the day it was told may lie
_STATUS_RANK = {Status.CONFIRMED: 0, Status.CLAIMED: 1, Status.DENIED: 2}
#: ``FuzzyDate.text`` of dates not found in the text (``mapper.incident_dates.date_for``, source "published").
FROM_PUBLICATION = frozenset({"publication month", "default year", "headline"})


@dataclass
class Candidate:
    """An incident under construction (mutable while merging)."""

    type: IncidentType
    subtype: str
    locs: list[Location]
    date: FuzzyDate | None
    date_src: str
    figures: list[Figure]
    status: Status
    sources: list[Source]
    rules: list[str]
    article_id: str
    sents: set[int]
    name: str = ""
    name_key: str = ""
    articles: set[str] = field(default_factory=set)
    actors: list[str] = field(default_factory=list)
    cued: bool = False  # the status comes from a cue word, not the default
    unarmed: bool = False  # an operation strike that names no weapon ("its forces hit the refinery")
    paras: set[int] = field(default_factory=set)  # the article's paragraphs that tell it


def dates_compatible(a: FuzzyDate | None, b: FuzzyDate | None) -> bool:
    """Unknown dates fit anything; two days within 3 days; otherwise the intervals overlap."""
    if a is None or b is None:
        return True
    if a.precision is DatePrecision.DAY and b.precision is DatePrecision.DAY:
        return abs((a.start - b.start).days) <= 3
    return a.start <= b.end and b.start <= a.end


def explicit(c: Candidate) -> FuzzyDate | None:
    return c.date if c.date_src in {"sentence", "nearby"} else None


def _ends_agree(a: Sequence[Location], b: Sequence[Location]) -> bool:
    """True when two flows' ends (origins, or destinations) can be one: near each other, or a country and a
    place in it."""
    return near(a, b) or any(x.country and x.country == y.country and Precision.COUNTRY in (x.precision, y.precision)
                              for x in a for y in b)


_WEAPON_UNITS = {"drones", "missiles"}


def counts_of(c: Candidate) -> set[tuple[float, str]]:
    return {(f.value, f.unit) for f in c.figures if f.value >= 10}


def _harmed(c: Candidate) -> set[tuple[float, str]]:
    """The people a report counts killed or injured (a single victim too)."""
    return {(f.value, f.unit) for f in c.figures if f.unit in ("killed", "injured")}


def absorb(into: Candidate, other: Candidate, role: str | None = None) -> None:
    for loc in other.locs:
        loc2 = loc if role is None else dataclasses.replace(loc, role=role)
        if all((x.place_id, x.role) != (loc2.place_id, loc2.role) for x in into.locs) and (
                into.type is IncidentType.MIGRATION or all(x.place_id != loc2.place_id for x in into.locs)):
            into.locs.append(loc2)
    span = counted_to(other.date, into.date, into.type) or counted_to(into.date, other.date, into.type)
    if span is not None:
        into.date = span
    elif (_SRC_RANK[other.date_src], _rank(other.date)) < (_SRC_RANK[into.date_src], _rank(into.date)):
        into.date, into.date_src = other.date, other.date_src
    for f in other.figures:
        if all((f.value, f.unit) != (g.value, g.unit) for g in into.figures):
            into.figures.append(f)
    # A cue outranks no cue ("according to X, ..." then a plain sentence stays a claim); among cues,
    # confirmation outranks a claim, and a claim a denial.
    # (a raid claimed by one side keeps its status beside the shelling a governor confirms at the same village: the
    # governor vouches for the shelling, not for the raid)
    if (other.cued, -_STATUS_RANK[other.status]) > (into.cued, -_STATUS_RANK[into.status]) and not (
            into.subtype == "raid" and other.subtype != "raid" and into.cued):
        into.status, into.cued = other.status, other.cued
    if into.articles.isdisjoint(other.articles):
        into.sources += other.sources  # a source names its article: sources of other articles are new
    else:
        into.sources += [s for s in other.sources if s not in into.sources]
    into.rules += [r for r in other.rules if r not in into.rules]
    into.sents |= other.sents
    into.paras |= other.paras
    into.actors += [a for a in other.actors if a not in into.actors]
    into.articles |= other.articles
    if not into.name and other.name:
        into.name, into.name_key = other.name, other.name_key


def counted_to(span: FuzzyDate | None, day: FuzzyDate | None, kind: IncidentType) -> FuzzyDate | None:
    """A flow's count "since" a date (``span``, open to publication) told on a ``day`` in the week before its end
    ("had sent 14 citizens to Russia since August" beside "said on November 26"): the span up to that day, the day
    being when the count was told, not what it counts; ``None`` otherwise (a day well inside a closed period is
    an event of its own)."""
    if kind is IncidentType.MIGRATION and span is not None and day is not None \
            and span.precision is DatePrecision.RANGE and day.precision is DatePrecision.DAY \
            and span.start < day.start <= span.end and (span.end - day.start).days <= _TOLD_DAYS:
        return FuzzyDate(span.start, day.end, DatePrecision.RANGE, span.text)
    return None


def _adjacent(a: Candidate, b: Candidate) -> bool:
    return min(abs(x - y) for x in a.sents for y in b.sents) <= 1


def _rank(d: FuzzyDate | None) -> int:
    return 9 if d is None else _DATE_RANK[d.precision]


def group_article(cands: list[Candidate]) -> list[Candidate]:
    """Merge the candidates of one article that tell the same event.

    A named operation, or the staging of one, absorbs the article's other operation candidates and its
    drone strikes and interceptions (their places become targets) unless explicit dates disagree; an
    unnamed strike or raid only the operation candidates told next to it or near its places; others of
    the same type and subtype merge within a passage of ``WINDOW`` sentences when dates, figures and
    (for drones) places agree.
    """
    out: list[Candidate] = []
    op = next((c for c in cands if c.type is IncidentType.OPERATION and c.name), None) or next(
        (c for c in cands if c.type is IncidentType.OPERATION), None)
    for c in cands:
        if op is not None and c is not op and (c.type is IncidentType.OPERATION or (
                c.type is IncidentType.DRONE and c.subtype in {"strike", "interception"})) and dates_compatible(
                explicit(op), explicit(c)) and not _raid_apart(op, c) and (op.name or op.subtype == "staging" or (
                    c.type is IncidentType.OPERATION and (near(op.locs, c.locs) or _adjacent(op, c))
                    and not _two_strikes(op, c))):
            absorb(op, c, None if c.type is IncidentType.OPERATION else "target")
            continue
        homes = [o for o in out if _same_passage(o, c)]
        if not homes:
            out.append(c)
        else:  # the nearest passage
            absorb(min(homes, key=lambda o: min(abs(x - y) for x in o.sents for y in c.sents)), c)
    return _drone_struck(out)


def _raid_apart(op: Candidate, c: Candidate) -> bool:
    """True for a raid with victims of its own told away from a named operation's places and sentences ("two bridges
    collapsed in the Kursk and Bryansk regions, derailing a train and killing seven", after a drone operation on air
    bases): another attack, not the operation's."""
    return (c.subtype == "raid" and op.subtype != "raid" and any(f.unit == "killed" for f in c.figures)
            and not near(op.locs, c.locs) and (not _adjacent(op, c) or op.paras.isdisjoint(c.paras)))


def _two_strikes(a: Candidate, b: Candidate) -> bool:
    """True for two unnamed strikes whose towns or villages lie apart, each told in its own sentence ("its forces
    struck a depot near X ... also hit an air defence system near Y"), or in clauses of one sentence each with its
    own weapon (``CLAUSE_SPLIT``): two attacks, not one told twice."""
    if CLAUSE_SPLIT in a.rules and CLAUSE_SPLIT in b.rules and not a.sents.isdisjoint(b.sents):
        return True
    return (a.subtype == b.subtype == "strike" and not (a.name or b.name) and a.sents.isdisjoint(b.sents)
            and (apart(a.locs, b.locs) or _opposite_sides(a, b) or _own_victims(a, b)))


# the rule of ``incident_clauses.by_clause_strike``: one sentence's clauses, each a strike of its own
CLAUSE_SPLIT = "one operation strike per clause with its own weapon"


def _own_victims(a: Candidate, b: Candidate) -> bool:
    """True for strikes on two different towns, each told with victims of its own ("In Kostiantynivka, shells
    killed two people ... Druzhkivka was struck by a guided bomb that killed a man"): a daily toll by town,
    however close the towns lie."""
    return other_towns(a.locs, b.locs) and all(any(f.unit in ("killed", "injured") for f in c.figures)
                                                 for c in (a, b))


def _sides(c: Candidate) -> set[str]:
    return {a.split()[0].lower()[:4] for a in c.actors if a.lower().startswith(("russia", "ukrain"))}


def _opposite_sides(a: Candidate, b: Candidate) -> bool:
    """True when each strike names one side of the war as its actor, and not the same ("Russian forces continued
    assaults on Myrnohrad ... Ukrainian forces counterattacked near Dobropillia"): an attack and a counterattack."""
    sa, sb = _sides(a), _sides(b)
    return len(sa) == 1 and len(sb) == 1 and sa != sb


def _drone_struck(groups: list[Candidate]) -> list[Candidate]:
    """"Drones attacked an industrial site in X ... The General Staff said its forces had hit the X refinery":
    a strike naming no weapon, on a place the article reports struck by drones that day, is that drone strike."""
    drones = [g for g in groups if g.type is IncidentType.DRONE and g.subtype == "strike"]
    out = []
    for g in groups:
        home = next((d for d in drones if g.unarmed and dates_compatible(explicit(d), explicit(g)) and any(
            x.place_id == y.place_id for x in d.locs for y in g.locs)), None) if drones else None
        if home is None:
            out.append(g)
        else:  # the drone report's own date stands ("said later on Sunday" is when the claim was made)
            date, src, told = home.date, home.date_src, explicit(home) is not None
            absorb(home, g, "site")
            if told:
                home.date, home.date_src = date, src
    return out


# the rule of ``incident_split.split_reports`` for "In a separate strike the same night, drones hit ...": no report
# of the attack told before
SEPARATE_ATTACK = "told as a separate attack"


def _told_apart(a: Candidate, b: Candidate) -> bool:
    """True when ``b``, told after ``a``, opens "In a separate strike": another attack than ``a``."""
    return SEPARATE_ATTACK in b.rules and bool(a.sents) and bool(b.sents) and min(b.sents) > max(a.sents)


def _same_passage(a: Candidate, b: Candidate) -> bool:
    if (a.type, a.subtype) != (b.type, b.subtype):
        return False
    if _told_apart(a, b) or _told_apart(b, a):
        return False
    if a.type is IncidentType.OPERATION:  # "attacks near Kupiansk on November 4. The General Staff reported that
        return _same_fight(a, b)          # its troops repelled 14 assaults near Kupiansk": one day's fighting
    if a.type is IncidentType.DRONE and (a.sents <= b.sents or b.sents <= a.sents):
        return False  # one sentence told them apart ("hit the Saratov refinery and the Engels air base"), the
        # one merged with what the sentence before told too
    gap = min(abs(x - y) for x in a.sents for y in b.sents)
    if gap > WINDOW and not _same_site_day(a, b) or not dates_compatible(explicit(a), explicit(b)) \
            or _other_days(a, b):
        return False
    if _told_as_earlier(a) != _told_as_earlier(b):
        return False  # "Earlier in November, a drone attack set fire to a depot in X": not the attack told first
    ca, cb = counts_of(a), counts_of(b)
    # A quantified report and an unquantified one, or two different counts, are one event only when
    # told in consecutive sentences ("... identified 80,000. Of those, 20,000 ...").
    # (A drone report is placed by its site instead: a tally and the damage at one city are one attack.)
    if a.type is IncidentType.DRONE:  # (its damage, "40,000 households without power", is no other count)
        weapons = {(v, u) for v, u in ca if u in _WEAPON_UNITS}, {(v, u) for v, u in cb if u in _WEAPON_UNITS}
        if gap > 1 and weapons[0] and weapons[1] and not weapons[0] & weapons[1]:
            return False
        if a.subtype == "strike" and _other_district_items(a, b):
            return False  # a governor's day by district: "In the Shebekino district, a drone struck a car in X.
            # ... In the Belgorod district, a drone attacked a house in Y": each district's item its own attack
        ha, hb = _harmed(a), _harmed(b)
        if a.subtype == "strike" and _own_paragraphs(a, b) and ha and hb and not ha & hb \
                and other_towns(a.locs, b.locs):
            return False  # a bulletin by community: "A drone attacked a car in Bilozerka. The driver was killed.
            # // The enemy struck a bus stop in Antonivka with a drone, wounding four": own town, own toll
    elif (gap > 1 or _own_paragraphs(a, b)) and (ca and cb and not ca & cb or gap > 1 and bool(ca) != bool(cb)):
        return False
    elif a.sents & b.sents and ca and cb and not ca & cb:
        return False  # one sentence's flows, each with its own count ("1.5 million from Iran, and 610,000 from ...")
    # Two origins apart are two flows; two destinations apart, when one sentence splits a total between them
    # or the two count different groups ("5,100 to South Korea ... a first group of 45 to Germany")
    for role in ("origin", "destination") if gap == 0 or ca and cb and not ca & cb else ("origin",):
        ea = [loc for loc in a.locs if loc.role == role]
        eb = [loc for loc in b.locs if loc.role == role]
        if ea and eb and not _ends_agree(ea, eb):
            return False  # two flows from or to different places
        if role == "origin" and a.subtype == "return" and ca and cb and not ca & cb and bool(ea) != bool(eb):
            return False  # "412,000 returned home ... Of them, 18,600 were deported from Russia": a share that
            # names where it came from, the total not, is a flow of its own
        if role == "origin" and ca and cb and not ca & cb and other_towns(ea, eb):
            return False  # "Most of them left Kostiantynivka, 244 people. Another 109 were evacuated from
            # Druzhkivka": a daily report's count per town, each its own flow
    if a.type is IncidentType.MIGRATION and ca and cb and not ca & cb and (_at_crossing(a) or _at_crossing(b)):
        return False  # "200,000 have entered Kazakhstan. ... Zhaisan, through which 38,000 passed": a crossing's count
    if a.type is IncidentType.MIGRATION and ca and cb and not ca & cb and _day_in_total(explicit(a), explicit(b)):
        return False  # "28,000 crossed back on Thursday alone. Since June 13, more than 450,000 have returned"
    if a.type is IncidentType.MIGRATION and gap > 1 and (elsewhere(a.locs, b.locs) or elsewhere(b.locs, a.locs)):
        return False  # "recruit migrants from Central Asia ... In Novosibirsk, a man was handed a call-up": a case
    # (towns, or districts standing for villages the gazetteer lacks, apart are two attacks: "In Murom in the
    # Shebekino district, a drone struck a car ... In Graivoron, a drone wounded a pensioner"; "In the Izmail
    # district, drones struck the port ... // A strike on an energy facility left Bilhorod-Dnistrovskyi without
    # power")
    # (and two airports, each told in its own sentence: "Brussels Airport suspends flights ... Liege Airport closes
    # its airspace")
    return a.type is not IncidentType.DRONE or (near(a.locs, b.locs) or a.subtype == "sighting" and (
        _country_of(a.locs, b.locs) or _country_of(b.locs, a.locs))) and not (
        a.subtype in ("strike", "sighting") and apart(a.locs, b.locs, TOWN_OR_DISTRICT)) \
        and not other_countries(a.locs, b.locs)


def _same_site_day(a: Candidate, b: Candidate) -> bool:
    """Drone strikes on one town told on the same day however far apart ("a drone attack on an enterprise in
    Novomoskovsk ... [quotes, other regions] ... the General Staff later said its drones had hit the Novomoskovsk
    Azot plant"): one attack, unless each has a toll of its own (a city's bulletin: two attacks that day)."""
    da, db = explicit(a), explicit(b)
    ha, hb = _harmed(a), _harmed(b)
    return a.type is IncidentType.DRONE and a.subtype == "strike" and len(a.locs) == len(b.locs) == 1 \
        and a.locs[0].place_id == b.locs[0].place_id and a.locs[0].precision is Precision.POINT \
        and da is not None and db is not None and (da.start, da.end) == (db.start, db.end) \
        and not (ha and hb and not ha & hb)


_CROSSING_TERM = re.compile(r"^migration \w+(?: \w+)? '(?:(?:through|via|across) which|where) ")


# the item of a summary by district: "In the Shebekino district, ..." (after its speaker's colon too)
_DISTRICT_ITEM = re.compile(r"(?:[^.\n:]{0,80}:\s*)?\s*\W?(?:In|On)\s+the\s+"
                            r"(?P<d>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)\s+"
                            r"(?:district|community|hromada|municipality|urban\s+district),")


def _other_district_items(a: Candidate, b: Candidate) -> bool:
    """True when each candidate is told first in an item of its own district, the districts differing."""
    ms = [_DISTRICT_ITEM.match(c.sources[0].quote) if c.sources else None for c in (a, b)]
    return ms[0] is not None and ms[1] is not None and ms[0].group("d") != ms[1].group("d")


def _at_crossing(c: Candidate) -> bool:
    """True for a flow counted where it crossed, told in a relative clause ("Zhaisan, through which 38,000 people
    passed"): a part of a country's total with its own count, its own flow."""
    return bool(c.rules) and _CROSSING_TERM.match(c.rules[0]) is not None


def _day_in_total(a: FuzzyDate | None, b: FuzzyDate | None) -> bool:
    """True when one count is a day's (or a night's) and the other a running total over weeks: two flows."""
    if a is None or b is None:
        return False
    days = sorted(((a.end - a.start).days, (b.end - b.start).days))
    return days[0] <= 1 and days[1] >= 6


def _country_of(a: Sequence[Location], b: Sequence[Location]) -> bool:
    """True when ``a`` is placed at a country only and ``b`` inside it ("a drone entered Romanian airspace ...
    Radar tracked it over Tulcea county": one sighting, told finer)."""
    return bool(a) and all(x.precision is Precision.COUNTRY for x in a) and any(
        y.country == x.country and y.precision is not Precision.COUNTRY for x in a for y in b)


def _same_fight(a: Candidate, b: Candidate) -> bool:
    """True for unnamed operation strikes told in consecutive sentences at the same town, on compatible days."""
    return a.subtype == "strike" and not (a.name or b.name) and a.sents.isdisjoint(b.sents) and _adjacent(a, b) \
        and dates_compatible(explicit(a), explicit(b)) and not _opposite_sides(a, b) \
        and bool({x.place_id for x in a.locs if x.precision is Precision.POINT}
                 & {y.place_id for y in b.locs if y.precision is Precision.POINT})


def _own_paragraphs(a: Candidate, b: Candidate) -> bool:
    """True when two reports are told in paragraphs of their own after the lede's: two counts there are two events
    ("61,300 migrants came back ... // Russia deported 8,700 between January and September"), where the lede's
    total and the next paragraph's "first group of 120" are one."""
    return bool(a.paras and b.paras) and a.paras.isdisjoint(b.paras) and 0 not in a.paras | b.paras


# a sentence that tells an event as one before the news ("Earlier in November, ...", "Previously, ...") or as
# one more ("Another drone damaged a power line in the X district")
_EARLIER = re.compile(r"\s*(?:Earlier|Previously|Before\s+that|Prior\s+to\s+that|(?:Another|A\s+second|"
                      r"One\s+more)\s+(?:[\w-]+\s+)?(?:drones?|strikes?|attacks?|missiles?)\b)")


def _told_as_earlier(c: Candidate) -> bool:
    """True when every sentence that reports ``c`` opens on "Earlier" or "Previously" (or "Another drone")."""
    return bool(c.sources) and all(_EARLIER.match(src.quote) for src in c.sources)


def _other_days(a: Candidate, b: Candidate) -> bool:
    """True when two reports of one article each tell their own day and the days differ ("On Monday the
    ministry said ... 47 drones overnight"; "the mayor said on Tuesday ... nine drones"): a week told day by day,
    where the leeway of ``dates_compatible`` for reports of one event in other articles does not hold (drone
    reports: an evacuation ordered on Wednesday and counted by Friday is one move)."""
    da, db = a.date, b.date
    if not (a.type is IncidentType.DRONE and a.date_src == b.date_src == "sentence" and da is not None
            and db is not None and DatePrecision.DAY in (da.precision, db.precision)
            and (db.end - db.start).days <= 1 and (da.end - da.start).days <= 1):
        return False
    if not (da.start <= db.end and db.start <= da.end):
        return True
    # "On the night of 25 to 26 October, ... destroyed 62 drones. In addition, in the daytime on 25 October, 18 ...":
    # a night's tally and a day's, each with its own count of drones
    wa = {(v, u) for v, u in counts_of(a) if u in _WEAPON_UNITS}
    wb = {(v, u) for v, u in counts_of(b) if u in _WEAPON_UNITS}
    return bool(wa and wb and not wa & wb) and (da.precision is not db.precision or da.start != db.start)
