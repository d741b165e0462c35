"""Events a long article tells with help of a neighbouring sentence or clause: some of a group found in
the sentence before were recruited there, a clash with no place is where the next sentence counts its
victims, a reporting word that opens one clause's report speaks for that clause only, a follow-up dates
or places the event told before ("The attack took place on Wednesday in ...") or counts its group, and a
facility told before is struck again on a day of its own."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from mapper.dates import DateSpan
from mapper.figures import FigureSpan
from mapper.geo import haversine_km
from mapper.incident_dates import NIGHT, undated
from mapper.incident_flows import site_rank
from mapper.incident_merge import Candidate
from mapper.incident_rules import refers_back
from mapper.incident_sentence import CLAUSE_BREAK, PerSentence, counts, location
from mapper.incident_status import speaker_spans
from mapper.lexicon import Lexicon, Trigger
from mapper.model import DatePrecision, Figure, IncidentType, Location, PlaceKind, Precision, Resolution, Status
from mapper.names import skeleton
from mapper.prefilter import looking_ahead

# "Nine of them were taken to an enlistment office", "Some of those detained ..."
SOME_OF_THEM = re.compile(r"\s*(?:[\w-]+\s+){1,2}of\s+(?:them|those)\b", re.I)
# "villagers reported debris", "residents reported seeing a drone": the reporting word opens its own report
# (not ", residents said.", "said on Tuesday", "said that ...", which speak for the whole sentence)
_PASSIVE = re.compile(r"\b(?:was|were|been)\s+$")
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
    cues = [(off, off + len(t)) for kind in ("attribution", "claimed") for t, off in found.get(kind, [])
            if not _PASSIVE.search(text, max(s, off - 6), off)]  # ("a second find was reported near X": no speaker)
    return bool(cues) and all(not a <= x < b and _REPORTS_AFTER.match(text, y) for x, y in cues)


def official_cue(lex: Lexicon, cue: str) -> bool:
    """True for a status cue whose speaker is an official body ("according to: interior ministry"), or a
    border agency, which counts who crosses ("according to: border service")."""
    who = cue.partition(": ")[2]
    return bool(who) and any(term == who and (kind == "official" or kind == "military" and term.startswith("border"))
                             for kind, term in lex.cues)

_COARSE = frozenset({Precision.REGION, Precision.COUNTRY})


# "The attack took place late on Wednesday in ...": when the event told before happened
TOOK_PLACE = re.compile(r"\s*(?:The|This|That)\s+(?:(?:drone|missile|deadly)\s+)?(?:attack|strike|incident|explosion|"
                         r"blast|raid|crash)\s+(?:took\s+place|happened|occurred|was\s+carried\s+out)\b")


# "According to it, on November 11 at about 15.40, the duty service received a report ...": an agency report's
# details of the event its lede told (the day, the village), opened by the source's pronoun and a date
DETAILS_OF_IT = re.compile(r"\s*According\s+to\s+(?:it|him|her|them|the\s+(?:ministry|service|department|agency|"
                           r"police|committee)),\s+(?:on|late\s+on|early\s+on)\s+")


# "The fragments, including a wing, were found by a farmer on Tuesday": the find told just before, its day and place
# ("A tractor driver spotted the fuselage and a broken wing on Tuesday": the same find, told by who made it)
_FOUND_IT = re.compile(r"\s*(?:The\s+(?:fragments|wreckage|debris|remains)\b[^.;]{0,80}?\s+(?:was|were|had\s+been)\s+"
                       r"(?:found|discovered|spotted)\b|(?:An?\s+)?[\w-]+(?:\s+[\w-]+){0,3}?\s+(?:found|discovered|"
                       r"spotted|noticed)\s+the\s+(?:fragments|wreckage|debris|remains|fuselage|wing)\b)")


def follow_up(out: list[Candidate], i: int, made: list[Candidate], text: str, s: int, e: int) -> Candidate | None:
    """The event told just before that sentence ``i`` (``text[s:e]``) only dates or places: "The attack took place
    on Wednesday in ...", or an agency's "According to it, on November 11, ..." after a lede placed at a region
    (an event of the same kind that sentence makes is that one); None when it is no follow-up."""
    if not out:
        return None
    details = DETAILS_OF_IT.match(text, s, e) is not None
    found = _FOUND_IT.match(text, s, e) is not None
    if not (details or found or TOOK_PLACE.match(text, s, e)):
        return None
    prev = next((c for c in reversed(out) if i - max(c.sents) == 1), None)
    if prev is None or found and prev.subtype != "debris" or details and not (_placed_coarsely(prev) and all(
            (c.type, c.subtype) == (prev.type, prev.subtype) for c in made)):
        return None
    return prev


def _placed_coarsely(c: Candidate) -> bool:
    """True when every site of ``c`` is a region or a country (a lede's place, which its details may refine)."""
    sites = [loc for loc in c.locs if loc.role == "site"]
    return bool(sites) and all(loc.precision in _COARSE for loc in sites)


def when_it_took_place(prev: Candidate, dates: list[DateSpan], res: list[Resolution]) -> None:
    """Date ``prev`` by a follow-up's "the attack took place on Wednesday" when that is no later than the
    date it had (often the day the news was told: "authorities said on Thursday"), and place it at a finer
    place in the region it had ("... in the Shamsiddin Shohin district")."""
    days = [d.date for d in dates if d.date.precision is DatePrecision.DAY]
    if days and (prev.date is None or dt.timedelta(0) <= prev.date.start - days[0].start <= dt.timedelta(days=7)
                 or prev.date.precision is DatePrecision.MONTH and prev.date.start <= days[0].start <= prev.date.end):
        prev.date, prev.date_src = days[0], "sentence"
        prev.rules.append("date: when the next sentence says it took place")
    sites = [loc for loc in prev.locs if loc.role == "site"]
    finer = [r for r in res if r.place is not None and r.precision in (Precision.POINT, Precision.DISTRICT)
             and sites and all(loc.precision in _COARSE and loc.country == r.place.country
                               and haversine_km((loc.lat, loc.lon), (r.place.lat, r.place.lon)) < 300
                               for loc in sites)]
    if finer:
        prev.locs = [loc for loc in prev.locs if loc.role != "site"] + [location(finer[0], "site")]
        prev.rules.append("site: where the next sentence says it took place")


# "... relatives of five men told RFE/RL. The men were recruited in Moscow": the group counted just before
THE_GROUP = re.compile(r"\s*(?:The|These|Those)\s+(?:\w+\s+)?(?:men|women|workers|migrants|people|citizens|"
                        r"labourers|laborers|group)\s+(?:were|had|have|was)\b")


def group_told_before(figs_by: PerSentence, dates_by: PerSentence, i: int) -> list[Figure]:
    """The one count of people in the sentence before ``i``, if it has exactly one."""
    if i == 0:
        return []
    found = [f for f in counts(undated(figs_by[i - 1], dates_by[i - 1]), IncidentType.MIGRATION)
             if f.unit == "people"]
    return found if len({f.value for f in found}) == 1 else []


def struck_again(out: list[Candidate], i: int, trig: list[Trigger], dates_by: PerSentence,
                  span: tuple[str, int, int], before: list[Resolution] = ()) -> list[Candidate]:  # type: ignore[assignment]
    """A drone strike at the facility the article's last drone event (up to six sentences before) was at, in
    a sentence that names no place but "the plant" and gives a day of its own, days from that event's ("An
    earlier drone attack on the plant, on September 18, ..."; "The plant was last hit on January 29"): a
    strike of its own at the same sites."""
    # the article's last drone strike (the facility), else its last drone event, a few sentences of background
    # between ("The plant was last hit on ...")
    # (a long article tells the history after its quotes and tallies: the strike may lie ten sentences back)
    if not any(t.type == "drone" and t.subtype == "strike" for t in trig):
        return []
    drones = [c for c in out if c.type is IncidentType.DRONE]
    # "Engels has been a target since 2022. On 5 December 2022, drones damaged two bombers at the base": the
    # facility the sentence before names, when an earlier strike was there
    named = {r.place.place_id for r in before if r.place is not None}
    # ("the Unecha station" after a strike placed on the Unecha district: the town's district is the same site)
    named |= {loc.place_id for c in drones for loc in c.locs
              if any(_district_of(loc.name, r.place.name) for r in before if r.place is not None)}
    # (the facility named again in the sentence before ties the two across a longer stretch of quotes)
    prev = next((c for c in reversed(drones) if c.subtype == "strike" and 0 < i - max(c.sents) <= 20
                 and c.date is not None and any(loc.place_id in named for loc in c.locs)), None) or next(
        (c for c in reversed(drones) if c.subtype == "strike" and 0 < i - max(c.sents) <= 10),
        drones[-1] if drones and 0 < i - max(drones[-1].sents) <= 6 else None)
    if prev is None or prev.date is None:
        return []
    # "Ten days earlier, on 14 August, another attack forced it to stop": the next of a run of earlier strikes
    again = i - max(prev.sents) == 1 and prev.rules[0] == _AGAIN_RULE and _ANOTHER.search(*span) is not None
    also = _ALSO_HIT.search(*span) is not None  # "The refinery was also hit in February": more of the run told
    if not again and not ((also or any(t.type == "drone" and not t.subtype for t in trig)) and refers_back(*span)) \
            and not (also and _IT_HIT.match(span[0], span[1]) and any(  # "It was last hit on October 23":
                d.date.precision is DatePrecision.DAY for d in dates_by[i])):  # the facility told before (a day)
        return []
    days = [d.date for d in dates_by[i] if d.date.precision in _DAY_OR_MONTH and not d.since]
    if not (days and (days[0].end < prev.date.start - NIGHT or days[0].start > prev.date.end + NIGHT)):
        return []
    sites = [dataclasses.replace(loc) for loc in prev.locs]
    if named and any(loc.place_id in named for loc in prev.locs):
        sites = [loc for loc in sites if loc.place_id in named]
    # "On 5 December 2022, drones damaged two bombers at the base, and on 26 December 2022 three servicemen
    # were killed there": each clause's day is a strike of its own
    text, s, e = span
    own = [d for d in dates_by[i] if d.date.precision in _DAY_OR_MONTH and not d.since]
    split = len(own) > 1 and all(_AND_ON.search(text, max(s, d.start - 12), d.start) for d in own[1:])
    # "On March 16, debris from a downed drone fell on the plant and damaged a pipeline": debris told first is a fall
    first = min((t for t in trig if t.type == "drone" and t.subtype in ("strike", "debris")), key=lambda t: t.start)
    return [Candidate(IncidentType.DRONE, first.subtype, [dataclasses.replace(loc) for loc in sites],
                      d.date if split else None, "sentence" if split else "", [], prev.status, [],
                      [_AGAIN_RULE], prev.article_id, {i}) for d in (own if split else own[:1] or [None])]


def _district_of(district: str, town: str) -> bool:
    """True when ``district`` is the district named after ``town`` ("Unecha district", "Unechskiy Rayon")."""
    d, t = skeleton(district), skeleton(town)
    return len(t) >= 4 and d != t and d.startswith(t[:-1]) and any(w in district.lower() for w in ("district", "rayon"))


_AGAIN_RULE = "drone strike on the facility told before, on a day of its own"
_IT_HIT = re.compile(r"\s*It\s+(?:was|had\s+been|has\s+been)\s+(?:also\s+|already\s+|last\s+)?(?:hit|struck|attacked|"
                     r"targeted)\b")
_AND_ON = re.compile(r",?\s+and\s+(?:again\s+)?(?:on|in)\s+(?:(?:early|mid|late)[\s-]+)?$", re.I)
# "The refinery was also hit in February", "the depot had been struck before", "It was last hit on October 23"
_ALSO_HIT = re.compile(r"\b(?:was|were|has\s+been|had\s+been)\s+(?:also\s+|already\s+|last\s+)?"
                       r"(?:hit|struck|attacked|targeted)"
                       r"(?:\s+(?:again|before|twice))?\b", re.I)
# "another attack forced it to stop", "said it also hit the station on 9 November": one more of the run
_ANOTHER = re.compile(r"\b(?:another|an\s+earlier|a\s+previous)\s+(?:[\w-]+\s+)?(?:attack|strike)|"
                      r"\b(?:also|again)\s+(?:hit|struck|attacked|targeted)\s+the\b", re.I)
_DAY_OR_MONTH = (DatePrecision.DAY, DatePrecision.MONTH)


def coarser(locs: list[Location], before: list[Location]) -> bool:
    """True when every place of ``locs`` is a region or coarser and ``before`` has a finer one near it."""
    return bool(locs) and all(loc.precision in _COARSE for loc in locs) and any(
        b.precision not in _COARSE and haversine_km((b.lat, b.lon), (loc.lat, loc.lon)) < 300
        for b in before for loc in locs)


def spoken(lex: Lexicon, text: str, s: int, e: int, locs: list[Location], res: list[Resolution]) -> bool:
    """True when every place of ``locs`` is named only in the speaker's words ("The Krasnodar regional
    headquarters said")."""
    spans = speaker_spans(lex, text, s, e)
    ids = {loc.place_id for loc in locs}
    named = [r for r in res if r.place is not None and r.place.place_id in ids]
    return bool(spans) and bool(named) and all(any(a <= r.mention.start < b for a, b in spans) for r in named)


# "On October 2, a missile strike on a residential district of the city killed five": the city named before
# ("a strike on the city's industrial area": a part of the city, not its council or mayor)
_THE_CITY = re.compile(r"\b(?:of|in|on|over|near|outside|across|around)\s+the\s+(?:city|town|port)\b"
                       r"(?![’']s\s(?!(?:[\w-]+\s+)?(?:districts?|areas?|zones?|centre|center|outskirts|suburbs?|"
                       r"neighbou?rhoods?)\b))"
                       r"(?!\s+(?:council|hall|authorities|administration|mayor|court|police)\b)", re.I)


def city_told_before(text: str, span: tuple[int, int], before: list[Resolution]) -> list[Resolution]:
    """"the city" in a sentence that names no place, the sentence before naming one town or city: that town, as
    a mention of "the city" (an earlier strike on a city the article tells of: "Zaporizhzhia has been shelled
    since 2022. On October 2, a missile strike on a district of the city killed five")."""
    m = _THE_CITY.search(text, *span)
    towns = {r.place.place_id: r for r in before if r.place is not None and r.place.kind is PlaceKind.POPULATED
             and r.mention.literal}
    if m is None or len(towns) != 1:
        return []
    r = next(iter(towns.values()))
    mention = dataclasses.replace(r.mention, start=m.end() - 4, end=m.end(), text=text[m.end() - 4:m.end()],
                                  name=r.mention.name or r.mention.text, reason="regional centre")
    return [dataclasses.replace(r, mention=mention, method="anaphor:the city")]


def by_site_day(c: Candidate, res: list[Resolution], dates: list[DateSpan]) -> list[Candidate]:
    """A drone event at two or more towns, each with a day of its own beside it ("fragments were found near
    Zhanibek on March 3 and near Burlin on June 21"): one event per town and day; else ``[c]``."""
    sites = [loc for loc in c.locs if loc.precision is Precision.POINT]
    days = [d for d in dates if d.date.precision is DatePrecision.DAY and not d.since]
    if len(sites) < 2 or len(sites) != len(c.locs) or len(days) != len(sites):
        return [c]
    at = [next((r.mention.start for r in res if r.place is not None and r.place.place_id == loc.place_id), -1)
          for loc in sites]
    if min(at) < 0:
        return [c]
    order = sorted(range(len(sites)), key=lambda k: at[k])
    bounds = [at[k] for k in order] + [1 << 30]
    for after in (True, False):  # "near X on March 3" first, then "on March 3 near X"
        own = [[d for d in days if (bounds[n] < d.start < bounds[n + 1] if after else
                                    (bounds[n - 1] if n else -1) < d.start < bounds[n])] for n in range(len(order))]
        if all(len(o) == 1 for o in own):
            return [dataclasses.replace(c, locs=[sites[k]], date=o[0].date, date_src="sentence",
                                        figures=list(c.figures), sources=list(c.sources), sents=set(c.sents),
                                        rules=[*c.rules, "one event per town and its day"], articles=set(c.articles),
                                        actors=list(c.actors), paras=set(c.paras))
                    for k, o in zip(order, own, strict=True)]
    return [c]



def by_day_told(c: Candidate, dates: list[DateSpan], text: str, s: int) -> list[Candidate]:
    """A strike at one site on two or more days, each after "and on"/"and in" ("The refinery was also hit on
    August 14 and in late October"): one strike per day; else ``[c]``."""
    own = [d for d in dates if d.date.precision in _DAY_OR_MONTH and not d.since]
    if c.subtype != "strike" or len(own) < 2 or c.date != own[0].date \
            or not all(_AND_ON.search(text, max(s, d.start - 20), d.start) for d in own[1:]):
        return [c]
    return [dataclasses.replace(c, date=d.date, date_src="sentence", figures=list(c.figures),
                                sources=list(c.sources), sents=set(c.sents), rules=[*c.rules, "one strike a day told"],
                                articles=set(c.articles), actors=list(c.actors), paras=set(c.paras)) for d in own]


_HARM_UNITS = frozenset({"killed", "injured"})


def by_site_harm(c: Candidate, res: list[Resolution], figs: list[FigureSpan], text: str,
                 span: tuple[int, int]) -> list[Candidate]:
    """A drone strike at two or more towns, each told in a clause of its own with its own victims ("two men
    were killed in Marhanets when a drone hit their car, and seven people were injured in Nikopol"): one
    strike per town with its clause's victims; else ``[c]``."""
    sites = [loc for loc in c.locs if loc.precision is Precision.POINT]
    if c.subtype != "strike" or len(sites) < 2 or len(sites) != len(c.locs):
        return [c]
    cuts = [span[0]] + [m.start() for m in CLAUSE_BREAK.finditer(text, *span)] + [span[1]]
    at = [next((r.mention.start for r in res if r.place is not None and r.place.place_id == loc.place_id), -1)
          for loc in sites]
    clause = [next((n for n in range(len(cuts) - 1) if cuts[n] <= a < cuts[n + 1]), -1) for a in at]
    harm = [[f.figure for f in figs if f.figure.unit in _HARM_UNITS and cuts[n] <= f.start < cuts[n + 1]]
            if n >= 0 else [] for n in clause]
    if -1 in at or len(set(clause)) != len(clause) or not all(harm):
        return [c]
    return [dataclasses.replace(c, locs=[loc], figures=h, sources=list(c.sources), sents=set(c.sents),
                                rules=[*c.rules, "one strike per town and its victims"], articles=set(c.articles),
                                actors=list(c.actors), paras=set(c.paras)) for loc, h in zip(sites, harm, strict=True)]


# Patterns searched over sentences and windows, behind a look-ahead at the letters their matches start with
# (prefilter.looking_ahead): the same matches, most positions rejected at one character
_ALSO_HIT, _THE_CITY = map(looking_ahead, (_ALSO_HIT, _THE_CITY))


def harm_to_the_fight(made: list[Candidate], out: list[Candidate], i: int) -> None:
    """Move the killed and injured a flow's sentence counts to the fighting told just before ("Tajik forces shelled
    ... Officials said 24 people had been killed and 87 wounded, and that 136,000 residents had been evacuated"):
    an evacuation counts the people moved, the fight its victims."""
    prev = out[-1] if out and i - max(out[-1].sents) == 1 and out[-1].type is not IncidentType.MIGRATION else None
    if prev is None or any(c.type is not IncidentType.MIGRATION for c in made):
        return
    for c in made:
        harm = [f for f in c.figures if f.unit in ("killed", "injured")]
        if harm and any(f.unit in ("people", "") for f in c.figures if f not in harm):
            c.figures = [f for f in c.figures if f not in harm]
            prev.figures += [f for f in harm if f not in prev.figures]



# "shelled Rylsk ..., and that a drone had hit a car in Tyotkino": a clause's own weapon words
_SHELLING = re.compile(r"\b(?:shelled|shelling|artillery|mortars?|guided\s+(?:aerial\s+)?bombs?|multiple\s+rocket)\b",
                       re.I)
_DRONE_WORD = re.compile(r"\b(?:drones?|uavs?|fpv|shaheds?|gerans?|quadcopters?)\b", re.I)


def by_weapon(c: Candidate, res: list[Resolution], figs: list[FigureSpan], text: str,
              span: tuple[int, int]) -> list[Candidate]:
    """A drone strike at two or more towns whose sentence tells shelling of some in clauses of their own ("Russian
    troops shelled the Ochakiv community with artillery, ..., and attacked the Kutsurub community with drones";
    "said forces had shelled Rylsk ..., and that a drone had hit a car in Tyotkino"), as regional daily reports
    do: an operation strike at the shelled towns and a drone strike at the others, each with the victims told
    on its side of the cut; else ``[c]``."""
    if c.type is not IncidentType.DRONE or c.subtype != "strike" or len(c.locs) < 2:
        return [c]
    cuts = [span[0]] + [m.start() for m in CLAUSE_BREAK.finditer(text, *span)] + [span[1]]
    at = [next((r.mention.start for r in res if r.place is not None and r.place.place_id == loc.place_id), -1)
          for loc in c.locs]
    if -1 in at or len(cuts) < 3:
        return [c]
    clause = [next(n for n in range(len(cuts) - 1) if cuts[n] <= a < cuts[n + 1]) for a in at]
    shelled = [bool(_SHELLING.search(text, cuts[n], cuts[n + 1])) and not _DRONE_WORD.search(text, cuts[n], cuts[n + 1])
               for n in clause]
    if all(shelled) or not any(shelled):
        return [c]
    first = min(n for n, sh in zip(clause, shelled, strict=True) if not sh)
    last_shelled = max(n for n, sh in zip(clause, shelled, strict=True) if sh)
    if last_shelled >= first:  # (the shelled towns told first, the drones' after: one cut between them)
        return [c]
    cut = cuts[first]
    ops = [loc for loc, sh in zip(c.locs, shelled, strict=True) if sh]
    drones = [loc for loc, sh in zip(c.locs, shelled, strict=True) if not sh]
    harm_before = [f.figure for f in figs if f.figure.unit in _HARM_UNITS and f.start < cut]
    harm_after = [f.figure for f in figs if f.figure.unit in _HARM_UNITS and f.start >= cut]

    def part(type_: IncidentType, locs: list[Location], harm: list[Figure]) -> Candidate:
        return dataclasses.replace(c, type=type_, locs=locs, figures=harm, sources=list(c.sources), sents=set(c.sents),
                                   rules=[*c.rules, "shelling and drones told in clauses of their own"],
                                   articles=set(c.articles), actors=list(c.actors), paras=set(c.paras))
    return [part(IncidentType.OPERATION, ops, harm_before), part(IncidentType.DRONE, drones, harm_after)]
