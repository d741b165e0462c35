"""The three kinds of incident one sentence can report: military operations, drone events, migration flows."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from mapper.dates import DateSpan
from mapper.figures import NON_COUNT_UNITS, FigureSpan
from mapper.geo import haversine_km
from mapper.incident_drone import drone_event, launch_area, listed_after, not_a_site
from mapper.incident_flows import (
    GROUP,
    PREC_RANK,
    THEATRE,
    destination_named_before,
    flow_subtype,
    going_home,
    home_authority,
    no_flow,
    origin_named_before,
    recast_roles,
    site_rank,
)
from mapper.incident_merge import Candidate
from mapper.incident_rules import (
    actors,
    air_traffic,
    context_clauses,
    flow_roles,
    has_people,
    is_background,
    mask_places,
    named_operation,
    staging_spans,
)
from mapper.incident_status import speaker_spans
from mapper.lexicon import Lexicon, Trigger
from mapper.model import Article, Figure, IncidentType, Location, PlaceKind, Precision, Resolution, Status
from mapper.names import strip_generic

_MIGRATION_SUBTYPES = ("evacuation", "recruitment", "return", "labour migration", "relocation")
_TIME_CLAUSE = re.compile(r"\b(?:since|after|before|following|when|until)\b[^,.;]*$|"
                          r"\bwho\s+(?:had|have|has)\s+(?:\w+\s+)?$", re.I)  # "children of men who had fought"
_WAR = re.compile(r"\b(?:army|military|front|war|fight\w*|combat|soldiers?)\b", re.I)
_ENLISTED = re.compile(r"recruit|enlist|conscript|mobili|sign|contract|military\s+contract|coerced|sent\s+to|joined")
_FOUGHT = re.compile(r"\b(?:fought|mercenar\w*|troops|invasion|battlefield|drafted)\b", re.I)
_COUNTED_UNITS = frozenset({"", "people", "fighters", "killed", "injured"})


def counts(figs: list[FigureSpan], type_: IncidentType) -> list[Figure]:
    """Count figures; in a migration sentence a bare count ("about 20,000 are serving") counts people."""
    out = []
    for f in figs:
        fig = f.figure
        if type_ is IncidentType.MIGRATION and not fig.unit and fig.value >= 10:
            fig = Figure(fig.value, "people", fig.text, fig.approximate)
        if fig.unit and fig.unit not in NON_COUNT_UNITS:
            out.append(fig)
    return out


class PerSentence:
    """``finder`` run lazily on one sentence at a time, offsets shifted to the whole text."""

    def __init__(self, sents: list[tuple[int, int]], finder: Callable[[str], Sequence[Any]], text: str) -> None:
        self.sents, self.finder, self.text = sents, finder, text
        self.cache: dict[int, list[Any]] = {}

    def __getitem__(self, i: int) -> list[Any]:
        found = self.cache.get(i)
        if found is None:
            a, b = self.sents[i]
            found = self.cache[i] = [x.shifted(a) for x in self.finder(self.text[a:b])]
        return found


class Sentence:
    """One sentence as the rules see it: span, triggers and places, with its dates, figures, sites and
    actors found only when a rule asks for them (most sentences with a trigger report nothing)."""

    __slots__ = ("article", "text", "i", "start", "end", "triggers", "places", "lexicon", "_dates", "_figures",
                 "_sites", "_actors", "_clauses", "_background", "_triggers_by")

    def __init__(self, article: Article, i: int, triggers: list[Trigger], places: list[Resolution],
                 lexicon: Lexicon, dates: PerSentence, figures: PerSentence,
                 clauses: list[tuple[int, int, bool]] | None = None,
                 triggers_by: list[list[Trigger]] | None = None) -> None:
        self.article, self.text, self.i = article, article.text, i
        self._triggers_by = triggers_by or []  # every sentence's triggers, for the ones before
        self._clauses, self._background = clauses, None
        self.start, self.end = dates.sents[i]
        self.triggers, self.places, self.lexicon = triggers, places, lexicon
        self._dates, self._figures = dates, figures
        self._sites: list[Resolution] | None = None
        self._actors: list[str] | None = None

    def dates(self) -> list[DateSpan]:
        """The dates of the sentence, offsets into the article text."""
        return self._dates[self.i]  # type: ignore[no-any-return]

    def figures(self) -> list[FigureSpan]:
        """The figures of the sentence, offsets into the article text."""
        return self._figures[self.i]  # type: ignore[no-any-return]

    def told(self, figures: list[FigureSpan]) -> list[FigureSpan]:
        """The figures outside the sentence's background clauses ("since gunmen killed 145 people")."""
        return [f for f in figures if not self.in_background(f.start)]

    def recent(self) -> str:
        """The kind of migration the two sentences before speak of ("" for none)."""
        return next((t.subtype for j in (self.i - 1, self.i - 2) if 0 <= j < len(self._triggers_by)
                     for t in self._triggers_by[j] if t.type == "migration" and t.subtype), "")

    def clauses(self) -> list[tuple[int, int, bool]]:
        """The sentence's when/why clauses (:func:`mapper.incident_rules.context_clauses`)."""
        if self._clauses is None:
            self._clauses = context_clauses(self.text, self.start, self.end)
        return self._clauses

    def in_background(self, at: int) -> bool:
        """True when offset ``at`` lies in a when/why clause that tells of another event."""
        if self._background is None:  # clauses with no migration word: their counts and places are another's
            self._background = [(a, b) for a, b, _c in self.clauses()
                                if not any(a <= t.start < b for t in self.triggers if t.type == "migration")]
        return any(a <= at < b for a, b in self._background)

    def counted(self) -> bool:
        """True when the sentence counts ten or more people (or gives a bare count that large)."""
        return any(f.figure.value >= 10 and f.figure.unit in _COUNTED_UNITS for f in self.told(self.figures()))

    def group(self) -> bool:
        """True when the sentence names a group of people or counts one, so "parts arrived" is no flow."""
        return has_people(self.text, self.start, self.end) or self.counted()

    def sites(self) -> list[Resolution]:
        """Sub-country, non-background places, coarse ones dropped when a finer one lies inside."""
        if self._sites is None:
            self._sites = _sites(self)
        return self._sites

    def actors(self) -> list[str]:
        """Named actors of the sentence (a new list each time: candidates extend their own)."""
        if self._actors is None:
            self._actors = actors(self.text, self.start, self.end)
        return list(self._actors)


def _sites(sent: Sentence) -> list[Resolution]:
    text, s, res, lex = sent.text, sent.start, sent.places, sent.lexicon
    sites = [r for r in res if r.place and site_rank(r) < 3
             and not is_background(text, s, r.mention.start, r.mention.end, r.place, lex)
             and _consistent(text, r, res)]
    sites = [r for r in sites if not _misplaced(text, r, sites)]
    # an airport whose flights were suspended, unless it is the only place ("flights at Aktobe airport were
    # suspended after a drone was seen above the runway")
    sites = [r for r in sites if not air_traffic(text, s, r.mention.start, r.mention.end)] or sites
    # "the Kharkiv suburb of Pisochyn": the city only says where the suburb is
    sites = [r for r in sites if not any(_QUALIFIES.fullmatch(text, r.mention.end, q.mention.start) for q in sites)]
    # "near Dolinka, 40 kilometres south-west of Karaganda": a distance names a reference point, a site only
    # when the sentence names no other ("15 km from the village of Saikhin")
    ref = [r for r in sites if _REFERENCE.search(text, max(s, r.mention.start - 60), r.mention.start)]
    if ref and len(ref) < len(sites) and all(any(site_rank(q) <= site_rank(r) for q in sites if q not in ref)
                                             for r in ref):
        sites = [r for r in sites if r not in ref]
    if len(sites) > 1:  # "officials in Kyiv said": where the speaker sits, unless no other place is left
        speakers = speaker_spans(lex, text, s, sent.end)
        sites = [r for r in sites if not any(a <= r.mention.start < b for a, b in speakers)] or sites
    keep = []
    for r in sites:
        finer = [q for q in sites if site_rank(q) < site_rank(r) and haversine_km(_ll(q), _ll(r)) < 400]
        if not finer:
            keep.append(r)
    seen, uniq = set(), []
    for r in keep:
        if r.place.place_id not in seen:  # type: ignore[union-attr]
            seen.add(r.place.place_id)  # type: ignore[union-attr]
            uniq.append(r)
    return uniq


_REFERENCE = re.compile(r"\b(?:km|kilomet\w+|miles)\s+(?:\([^)]{1,20}\)\s+)?"
                        r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+)?(?:of|from)\s+(?:the\s+)?"
                        r"(?:(?:city|town|village|regional\s+capital)\s+of\s+)?$", re.I)
_QUALIFIES = re.compile(r"(?:’s|'s)?\s+(?:suburb|village|town|settlement|district|port)\s+of\s+(?:the\s+)?", re.I)


def _misplaced(text: str, r: Resolution, sites: list[Resolution]) -> bool:
    """True for "Kyzylzhar in the Aktobe region" resolved to a Kyzylzhar far from that region."""
    rank = PREC_RANK[r.precision or r.place.precision]  # type: ignore[union-attr]
    for q in sites:
        if PREC_RANK[q.precision or q.place.precision] > rank and 0 < q.mention.start - r.mention.end <= 14:  # type: ignore
            between = text[r.mention.end:q.mention.start].strip(" ,").lower()
            if between in {"in", "in the", "of", "of the", ""} and haversine_km(_ll(q), _ll(r)) > 400:
                return True
    return False


def _consistent(text: str, r: Resolution, res: list[Resolution]) -> bool:
    """False for "Kazakhstan's <place>" resolved to a place in another country (a resolution slip)."""
    owner = next((q for q in res if q.place is not None and q.place.kind is PlaceKind.COUNTRY
                  and 0 < r.mention.start - q.mention.end <= 3
                  and text[q.mention.end:r.mention.start].strip() in {"’s", "'s"}), None)
    return owner is None or not owner.place.country or owner.place.country == r.place.country  # type: ignore


def _ll(r: Resolution) -> tuple[float, float]:
    return (r.place.lat, r.place.lon)  # type: ignore[union-attr]


def location(r: Resolution, role: str) -> Location:
    """The incident location of a resolved mention, in a role (site, origin, destination, target)."""
    p = r.place
    assert p is not None
    prec = Precision.POINT if site_rank(r) == 0 else r.precision or p.precision  # a cape is a point
    return Location(p.place_id, display_name(r), p.lat, p.lon, prec, role, p.country)


_GENERIC_LABEL = {"region": "region", "district": "district", "populated place": "", "facility": "",
                  "physical feature": ""}


def display_name(r: Resolution) -> str:
    """The place's name as the article writes it ("Mangistau Region", "Ivanovo region"), for labels;
    the gazetteer's name where the text's would mislead (a coarsened village, an abbreviation)."""
    p, m = r.place, r.mention
    assert p is not None
    if r.method.startswith("coarsened") or m.reason in ("demonym", "abbreviation") or m.text.isupper():
        return p.name
    text = m.text[:-2] if m.text[-2:] in ("'s", "’s") else m.text
    if m.reason == "expansion":  # "Ky." stands for Kentucky, which needs no "region"
        return m.name
    label = _GENERIC_LABEL.get(m.generic, "")
    if label and label not in text.lower() and not strip_generic(text)[1]:  # "Tulcea county" needs no more
        text = f"{text} {label}"  # "Murmansk, Irkutsk ... regions": each alone is still a region
    return text


def _new(sent: Sentence, type_: IncidentType, subtype: str, locs: list[Location], rule: str) -> Candidate:
    return Candidate(type_, subtype, locs, None, "", [], Status.CONFIRMED, [], [rule], sent.article.id, {sent.i})


def operation(sent: Sentence, military: bool, near_drone: bool) -> list[Candidate]:
    """A military operation: a named one, staging (warehouse, assembled), or a strike on a target."""
    text, s, e, trig = sent.text, sent.start, sent.end, sent.triggers
    ops = [t for t in trig if t.type == "operation"]
    named = named_operation(text, s, e)
    strike = [t for t in ops if t.subtype in {"strike", "raid"}]
    target = [t for t in ops if t.subtype == "target"]
    marker = [t for t in ops if not t.subtype]
    # a drone strike is a drone incident, not an operation of its own; but "its forces struck a depot" after
    # a sentence on drones is the forces' strike: a marker and no drone word of its own
    drone_here = any(t.type == "drone" and not t.subtype for t in trig)
    drone_event = [t for t in trig if t.type == "drone" and t.subtype in {"strike", "interception"}
                   and near_drone and (drone_here or not marker)]
    # staging cues count only beside a name, an operation word or a military context ("staging protests",
    # "drug smugglers" are none)
    staging = staging_spans(text, s, e) if named or marker or strike or target or military else []
    # "hit a warehouse": a staging word struck is a target, not a staging point
    struck = [t.end for t in trig if t.subtype in {"strike", "raid"}]
    staging = [o for o in staging if not any(0 <= o - end <= 20 for end in struck)]
    if staging and not named:  # "87 drones launched from the directions of Kursk": where drones took off
        countries = {r.mention.start for r in sent.places if r.place and r.place.kind is PlaceKind.COUNTRY}
        staging = [o for o in staging if not launch_area(text, o, countries)]
    if named and not (strike or target or staging or drone_event):
        named = None  # "served during Operation X": a name mentioned, no action reported
    if not (named or staging or (marker and strike and not drone_event) or (target and strike and not drone_event)):
        return []
    sites = sent.sites()
    if not sites:
        return []
    hits = [t.start for t in strike + target] + [t.start for t in trig if t.type == "drone" and t.subtype]
    locs = [location(r, _op_role(r.mention.start, staging, hits)) for r in sites]
    if named:
        subtype, rule = "named operation", f"named operation '{named[0]}'"
    elif staging:
        subtype, rule = "staging", f"staging cue '{text[staging[0]:staging[0] + 12].split()[0]}'"
    else:
        subtype = "raid" if any(t.subtype == "raid" for t in strike) else "strike"
        rule = f"strike '{strike[0].term}' on target"
    cand = _new(sent, IncidentType.OPERATION, subtype, locs, rule)
    if named:
        cand.name, cand.name_key = named
    return [cand]


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


# where one clause of a sentence ends and another, which may carry its own date, begins
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|while|but|whereas)\s+")


def drone(sent: Sentence) -> list[Candidate]:
    """Drone events (debris, strike, interception, sighting) at the sentence's sites."""
    text, trig = sent.text, sent.triggers
    subtype, term = drone_event(text, trig)
    if not subtype:
        return []
    sites = sent.sites()
    if not sites:
        return []
    rule = f"drone {subtype} '{term}'"
    own, by_clause = {}, {}
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text, sent.start, sent.end)]
    for r in sites:  # "Ualy (February 18), Atameken (March 18)": each site with its own date
        d = next((d for d in sent.dates() if 0 <= d.start - r.mention.end <= 3 and not d.since), None)
        if d is not None:
            own[r.place.place_id] = d  # type: ignore[union-attr]
        elif breaks:  # "in 2024, fragments were found near X; in March, a drone fell outside Y"
            a = max((b for b in breaks if b < r.mention.start), default=sent.start)
            b = min((b for b in breaks if b > r.mention.end), default=sent.end)
            d = next((d for d in sent.dates() if a <= d.start < b and not d.since), None)
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
        if home is None:
            groups.append([r])
        else:
            home.append(r)
    out = []
    for g in groups:
        cand = _new(sent, IncidentType.DRONE, subtype, [location(r, "site") for r in g], rule)
        d = own.get(g[0].place.place_id)  # type: ignore[union-attr]
        if d is not None:
            cand.date, cand.date_src = d.date, "sentence"
        out.append(cand)
    return out


def migration(sent: Sentence, earlier: list[Candidate], demonyms: list[Resolution] | None = None) -> list[Candidate]:
    """A migration flow (origins, destination) or a counted group where it is reported; ``demonyms``: the
    sentence's demonyms ("Kazakh citizens"), who the people are when no pattern names where they come from."""
    text, i, s, e, trig, res = sent.text, sent.i, sent.start, sent.end, sent.triggers, sent.places
    mig = [t for t in trig if t.type == "migration" and t.subtype and not no_flow(text, t)]
    # "entered X since the mobilisation was announced": a trigger in a time clause is background
    main = [t for t in mig if not _TIME_CLAUSE.search(text, max(s, t.start - 60), t.start)] or mig
    subtype = next((st for st in _MIGRATION_SUBTYPES if any(t.subtype == st for t in main)), "")
    if not subtype:  # "97 of its nationals had left Iran", told after an evacuation: more of the same kind
        # a people word, or "of them" (not a move word rejected above: "schemes have sent a few hundred")
        if not any(t.type == "migration" and not t.subtype for t in trig):
            return []
        prev = next((c for c in reversed(earlier) if c.type is IncidentType.MIGRATION and i - max(c.sents) <= 2), None)
        subtype = prev.subtype if prev is not None else sent.recent()
        if not subtype or not sent.counted():
            return []
        mig = [t for t in trig if t.type == "migration"]
    # recruiting soldiers: people implied, where a word says they were recruited ("the front line" alone is
    # only a place)
    at_war = subtype == "recruitment" and any(_ENLISTED.match(t.term) for t in mig) and bool(_WAR.search(text, s, e))
    if subtype == "recruitment" and all(t.term.startswith("recruit") for t in mig if t.subtype == subtype) \
            and not _WAR.search(text, max(0, s - 200), e) and not _FOUGHT.search(text, max(0, s - 200), e):
        subtype = "labour migration"  # "50 nurses left for Germany under a recruitment agreement": hired for work
    last = earlier[-1] if earlier else None
    goes_on = (last is not None and last.type is IncidentType.MIGRATION and i - max(last.sents) == 1
               and all(loc.role != "destination" for loc in last.locs))
    # "3,400 Russians crossed into Kazakhstan": a counted nationality in the plural is a group of people
    crowd = subtype != "labour migration" and any(_CROWD.search(text, max(s, r.mention.start - 30), r.mention.start)
                                                  for r in demonyms or () if r.mention.text.endswith("s"))
    if not (goes_on or at_war or sent.group() or crowd):
        return []
    places = [r for r in res if r.place is not None]
    masked, _ = mask_places(text, s, e, [(r.mention.start, r.mention.end) for r in places])
    roles = flow_roles(masked)
    home = going_home(masked)
    if home is not None and all(places[k].place.kind is PlaceKind.COUNTRY for k in home[0] + home[1]):  # type: ignore
        roles.update({k: "destination" for k in home[0]} | {k: "origin" for k in home[1]})
        subtype = "return"  # "migrants from Kyrgyzstan and Tajikistan have left Russia": they go home
    back = destination_named_before(text, s, e, places) if "destination" not in roles.values() else None
    if back is not None and back not in roles:
        roles[back] = "destination"  # "officials in Almaty said migrants had arrived in the city"
    back = origin_named_before(text, s, e, places) if "origin" not in roles.values() else None
    if back is not None and back not in roles:
        roles[back] = "origin"  # "Kazakhstan's ministry said 230 foreigners were expelled from the country"
    home = home_authority(sent, places, roles) if subtype == "return" else None
    if home is not None:
        roles[home] = "destination"  # the reporting authority's own citizens came home
    if goes_on and "destination" in roles.values():
        subtype = last.subtype  # type: ignore[union-attr]  # "... evacuated from X. The group arrived in Y."
    elif goes_on and not (at_war or sent.group()):
        return []
    # Background places (a border, "across Central Asia") count only where a flow pattern names them.
    keep = [k for k, r in enumerate(places) if k in roles or not is_background(
        text, s, r.mention.start, r.mention.end, r.place, sent.lexicon) or r.place.precision is Precision.AREA]  # type: ignore
    roles = {keep.index(k): role for k, role in roles.items()}
    places = [places[k] for k in keep]
    if not places:  # "6,900 ethnic Kazakhs returned to their historical homeland": home is the demonym's country
        home = _nationality(sent, demonyms, [], subtype) if demonyms and subtype == "return" and sent.counted() else []
        return [_new(sent, IncidentType.MIGRATION, subtype, home, f"migration return '{mig[0].term}'; home of the "
                     "group")] if home else []
    term = next((t.term for t in mig if t.subtype == subtype), mig[0].term)
    rule = f"migration {subtype} '{term}'"
    if subtype in ("return", "recruitment"):
        recast_roles(sent, places, roles, subtype)
    elif "destination" in roles.values():  # "the D-Day invasion of Europe": a war's theatre, no one's destination
        roles = {k: role for k, role in roles.items() if role != "destination"
                 or not THEATRE.search(text, max(s, places[k].mention.start - 20), places[k].mention.start)}
    locs = [location(places[k], role) for k, role in sorted(roles.items())]
    if subtype == "relocation" and any(t.type != "migration" and t.subtype in {"strike", "raid"}
                                       and sent.in_background(t.start) for t in trig):
        subtype, rule = "evacuation", rule + "; moved away from an attack"  # "bused out after drone attacks"
    subtype, why, locs = flow_subtype(text, s, e, subtype, demonyms or [], locs)
    rule += why
    if demonyms and locs:
        locs += _nationality(sent, demonyms, locs, subtype)
    prev = next((c for c in reversed(earlier) if c.type is IncidentType.MIGRATION
                 and i - max(c.sents) <= 2 and any(loc.role == "destination" for loc in c.locs)), None)
    if not any(loc.role == "destination" for loc in locs) and prev is not None:
        if not locs and len(text[s:places[0].mention.start].split()) <= 3:
            # "X accounted for ... migrants": the subject place is another origin of the same flow
            locs = [location(places[0], "origin")]
        locs += [loc for loc in prev.locs if loc.role == "destination"][:1]
        rule += "; destination from the previous sentence"
    if not locs and (at_war or sent.counted()):  # a counted group, or recruiting for a war, at one precise place
        speakers = speaker_spans(sent.lexicon, text, s, e)  # "the Red Cross' X said": who speaks, not where
        locs = [location(r, "site") for r in sorted(places, key=lambda r: PREC_RANK[r.place.precision])  # type: ignore
                if r.place and r.place.precision is not Precision.AREA and r.place.kind is not PlaceKind.PHYSICAL
                and not sent.in_background(r.mention.start)
                and not any(a <= r.mention.start < b for a, b in speakers)][:1]
        rule += "; no flow pattern, place where reported"
    # (an evacuation or a recruitment may name only its region: "recruited ... in the Rostov region")
    fine = (Precision.POINT, Precision.REGION) if subtype in ("evacuation", "recruitment") else (Precision.POINT,)
    if not locs or all(loc.role == "site" and loc.precision not in fine for loc in locs):
        return []  # no flow and no precise place: a country named beside migrants is not an event site
    if subtype == "labour migration" and all(loc.role == "origin" for loc in locs) and not sent.counted():
        return []  # "checks on migrants from Central Asia": where they come from, no move and no count
    seen, uniq = set(), []
    for loc in locs:
        if (loc.place_id, loc.role) not in seen:
            seen.add((loc.place_id, loc.role))
            uniq.append(loc)
    split = _by_destination(sent, places, roles)
    if split:  # "870,000 went to Russia, and some 150,000 to Kazakhstan": one flow per destination
        out = []
        for k, fig in split:
            cand = _new(sent, IncidentType.MIGRATION, subtype, [x for x in uniq if x.role != "destination"]
                        + [location(places[k], "destination")], rule + "; its own count")
            cand.figures = counts([fig], IncidentType.MIGRATION)
            out.append(cand)
        return out
    return [_new(sent, IncidentType.MIGRATION, subtype, uniq, rule)]


def _by_destination(sent: Sentence, places: list[Resolution], roles: dict[int, str]) -> list[tuple[int, FigureSpan]]:
    """Each destination with the count told just before it, when two or more destinations have one each."""
    dests = sorted((k for k, role in roles.items() if role == "destination"), key=lambda k: places[k].mention.start)
    if len(dests) < 2:
        return []
    figs = [f for f in sent.told(sent.figures()) if f.is_count or not f.figure.unit]
    out, after = [], sent.start
    for k in dests:
        before = [f for f in figs if after <= f.start < places[k].mention.start]
        if not before:
            return []
        out.append((k, before[-1]))
        after = places[k].mention.end
    return out


_CROWD = re.compile(r"(?:\d[\d,.]*(?:\s+(?:million|thousand))?|thousands|hundreds|dozens|millions)\s+(?:of\s+)?"
                    r"(?:[\w-]+\s+)?$", re.I)


def _nationality(sent: Sentence, demonyms: list[Resolution], locs: list[Location], subtype: str) -> list[Location]:
    """The country of a demonym naming the group ("Kazakh citizens", "Uzbek migrants"): the origin when
    no pattern gave one, and in a return, or an evacuation from abroad, the home the people went back to
    (the destination)."""
    role = "destination" if subtype in ("return", "evacuation") else "origin"
    if any(loc.role == role for loc in locs) or (subtype == "evacuation" and all(loc.role != "origin" for loc in locs)):
        return []
    taken = {loc.country for loc in locs}
    for r in demonyms:
        if r.place is not None and r.place.country not in taken and (GROUP.match(sent.text, r.mention.end) or (
                r.mention.text.endswith("s") and _CROWD.search(sent.text, max(sent.start, r.mention.start - 30),
                                                               r.mention.start))) \
                and not sent.in_background(r.mention.start):
            return [location(r, role)]
    return []
