"""Extract incidents (drone events, migration flows, operations) from parsed articles and merge reports."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mapper.dates import DateSpan, find_dates
from mapper.figures import NON_COUNT_UNITS, FigureSpan, find_figures
from mapper.geo import haversine_km
from mapper.incident_merge import finish, group_article, merge_across
from mapper.incident_rules import (
    Lexicon,
    Trigger,
    actors,
    flow_roles,
    has_people,
    is_background,
    literal_resolutions,
    load_lexicon,
    mask_places,
    named_operation,
    split_sentences,
    staging_spans,
)
from mapper.model import (
    Article,
    DatePrecision,
    Figure,
    FuzzyDate,
    Incident,
    IncidentType,
    Location,
    ParsedArticle,
    Place,
    PlaceKind,
    Precision,
    Resolution,
    Source,
    Status,
)

_PREC_RANK = {Precision.POINT: 0, Precision.DISTRICT: 1, Precision.REGION: 2, Precision.COUNTRY: 3,
              Precision.AREA: 4}
_ENDS = ("origin", "destination")
_DRONE_SUBTYPES = ("debris", "strike", "interception", "sighting")  # first present wins
_TIME_CLAUSE = re.compile(r"\b(?:since|after|before|following|when|until)\b[^,.;]*$", re.I)
_HISTORY_YEARS = 10  # events dated this long before publication are background
_MIGRATION_SUBTYPES = ("evacuation", "recruitment", "return", "labour migration", "relocation")
# "days before the strikes": a trigger naming an event already told is a time reference, not a report.
_BACK_REFERENCE = re.compile(r"\b(?:before|after|since|following|ahead\s+of|prior\s+to)\s+(?:the|these|those|that)\s+$",
                             re.I)


@dataclass
class _Cand:
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


def extract_incidents(parsed_articles: Iterable[ParsedArticle], *, lexicon: Lexicon | None = None,
                      lexicon_dir: Path | None = None, default_year: int | None = None,
                      capital_of: Callable[[str], Place | None] | None = None) -> list[Incident]:
    """Find the incidents the articles report and merge reports of the same event.

    Parameters
    ----------
    parsed_articles
        Articles with their resolved mentions (``mapper.pipeline.parse_articles``).
    lexicon, lexicon_dir
        Trigger and cue lexicon, or a folder holding ``triggers.csv`` and ``cues.csv``
        (default: the shipped ``mapper/data/lexicons``).
    default_year
        Year for relative dates in articles without a publication date.
    capital_of
        Country code -> its capital; when given, flows from or to a whole country are drawn from or to
        the capital (the country's own point can lie in an empty steppe far from any route).

    Returns
    -------
    list[Incident]
        One per real-world event, with one source per reporting sentence, ordered by first report.
    """
    lex = lexicon or load_lexicon(lexicon_dir)
    cands: list[_Cand] = []
    for parsed in parsed_articles:
        cands.extend(group_article(_article_candidates(parsed, lex, default_year)))
    incidents = finish(merge_across(cands))
    return [_flow_at_capitals(inc, capital_of) for inc in incidents] if capital_of else incidents


def _flow_at_capitals(inc: Incident, capital_of: Callable[[str], Place | None]) -> Incident:
    """A flow from or to a whole country is drawn from or to its capital (still at country precision)."""
    if inc.type is not IncidentType.MIGRATION:
        return inc
    locs = []
    for loc in inc.locations:
        cap = capital_of(loc.country) if loc.precision is Precision.COUNTRY and loc.role in _ENDS else None
        locs.append(dataclasses.replace(loc, lat=cap.lat, lon=cap.lon) if cap else loc)
    return dataclasses.replace(inc, locations=tuple(locs))


# -- one article ---------------------------------------------------------------------------------------


def _article_candidates(parsed: ParsedArticle, lex: Lexicon, default_year: int | None) -> list[_Cand]:
    art, text = parsed.article, parsed.article.text
    sents = split_sentences(text)
    if not sents:
        return []
    starts = [s for s, _ in sents]

    def bucket(items: list, key) -> list[list]:  # type: ignore[type-arg]
        out: list[list] = [[] for _ in sents]  # type: ignore[type-arg]
        for it in items:
            i = bisect.bisect_right(starts, key(it)) - 1
            if i >= 0 and key(it) < sents[i][1]:
                out[i].append(it)
        return out

    res_by = bucket(literal_resolutions(parsed.resolutions), lambda r: r.mention.start)
    trig_by = bucket([t for t in lex.find(text) if not t.subtype
                      or not _BACK_REFERENCE.search(text, max(0, t.start - 30), t.start)],
                     lambda t: t.start)
    # Dates and figures only for the sentences that need them (a trigger here or two sentences on).
    dates_by = _PerSentence(sents, lambda t: find_dates(t, published=art.published, year=default_year), text)
    figs_by = _PerSentence(sents, find_figures, text)
    drone_marked = [any(t.type == "drone" and not t.subtype for t in ts) for ts in trig_by]
    out: list[_Cand] = []
    for i, (s, e) in enumerate(sents):
        trig = trig_by[i]
        if not trig or lex.cues_in(text, s, e).get("general"):
            continue  # no trigger, or a sentence about a kind of event in general
        if not res_by[i]:  # no place: its figures may complete the event of the previous sentence
            prev = next((c for c in reversed(out) if i - max(c.sents) == 1), None)
            if prev is not None and any(t.type == prev.type and t.subtype for t in trig):
                prev.figures += [f for f in _counts(_undated(figs_by[i], dates_by[i]), prev.type)
                                 if f not in prev.figures]
            continue
        near_drone = any(drone_marked[j] for j in range(max(0, i - 1), min(len(sents), i + 2)))
        ctx = (art, text, i, s, e, trig, res_by[i], lex)
        date, src = _date_for(dates_by, i, trig, art.published, default_year)
        if src != "sentence" and lex.cues_in(text, s, e).get("repeated"):
            date, src = None, ""  # "hit multiple times": recurring, no single date to give
        figs = _undated(figs_by[i], dates_by[i])
        status, cue = _status(lex, text, s, e)
        military = near_drone or any(t.type == "operation" and t.subtype != "staging"
                                     for j in range(max(0, i - 1), min(len(sents), i + 2)) for t in trig_by[j])
        made = _operation(ctx, military, near_drone) or (_drone(ctx, dates_by[i]) if near_drone else [])
        counted = any(f.figure.value >= 10 and f.figure.unit in {"", "people", "fighters", "killed", "injured"}
                      for f in figs_by[i])
        made += _migration(ctx, out, counted)
        for c in made:
            if c.date is None:
                c.date, c.date_src = date, src
            c.figures, c.status, c.cued = _counts(figs, c.type), status, bool(cue)
            c.rules.append(f"status {status.value}" + (f" (cue '{cue}')" if cue else ""))
            c.sources = [Source(art.id, text[s:e], s, e, art.title, art.url, art.published)]
            c.articles = {art.id}
            c.actors = actors(text, s, e)
        ref_year = art.published.year if art.published else default_year
        # "landed in Normandy in 1944": history told as background, not news
        out.extend(c for c in made if not (ref_year and c.date and c.date.end.year < ref_year - _HISTORY_YEARS))
    return out


def _undated(figs: list[FigureSpan], dates: list[DateSpan]) -> list[FigureSpan]:
    """Figures that are not the day of a date ("June 1 drone attacks" counts no drones)."""
    return [f for f in figs if not any(d.start <= f.start < d.end for d in dates)]


def _counts(figs: list[FigureSpan], type_: IncidentType) -> list[Figure]:
    """Count figures; in a migration sentence a bare count ("about 20,000 are serving") counts people."""
    out = []
    for f in figs:
        fig = f.figure
        if type_ is IncidentType.MIGRATION and not fig.unit and fig.value >= 10:
            fig = Figure(fig.value, "people", fig.text, fig.approximate)
        if fig.unit and fig.unit not in NON_COUNT_UNITS:
            out.append(fig)
    return out


class _PerSentence:
    """``finder`` run lazily on one sentence at a time, offsets shifted to the whole text."""

    def __init__(self, sents: list[tuple[int, int]], finder: Callable[[str], list[Any]], text: str) -> None:
        self.sents, self.finder, self.text = sents, finder, text
        self.cache: dict[int, list[Any]] = {}

    def __getitem__(self, i: int) -> list[Any]:
        if i not in self.cache:
            a, b = self.sents[i]
            self.cache[i] = [dataclasses.replace(x, start=x.start + a, end=x.end + a)
                             for x in self.finder(self.text[a:b])]
        return self.cache[i]


_Ctx = tuple[Article, str, int, int, int, list[Trigger], list[Resolution], Lexicon]


def _sites(ctx: _Ctx) -> list[Resolution]:
    """Sub-country, non-background places of the sentence, coarse ones dropped when a finer one lies inside."""
    _art, text, _i, s, _e, _trig, res, lex = ctx
    sites = [r for r in res if r.place and _PREC_RANK[r.precision or r.place.precision] < 3
             and not is_background(text, s, r.mention.start, r.mention.end, r.place, lex)
             and _consistent(text, r, res)]
    sites = [r for r in sites if not _misplaced(text, r, sites)]
    keep = []
    for r in sites:
        rank = _PREC_RANK[r.precision or r.place.precision]  # type: ignore[union-attr]
        finer = [q for q in sites if _PREC_RANK[q.precision or q.place.precision] < rank  # type: ignore[union-attr]
                 and haversine_km(_ll(q), _ll(r)) < 400]
        if not finer:
            keep.append(r)
    seen, uniq = set(), []
    for r in keep:
        if r.place.place_id not in seen:  # type: ignore[union-attr]
            seen.add(r.place.place_id)  # type: ignore[union-attr]
            uniq.append(r)
    return uniq


def _misplaced(text: str, r: Resolution, sites: list[Resolution]) -> bool:
    """True for "Kyzylzhar in the Aktobe region" resolved to a Kyzylzhar far from that region."""
    rank = _PREC_RANK[r.precision or r.place.precision]  # type: ignore[union-attr]
    for q in sites:
        if _PREC_RANK[q.precision or q.place.precision] > rank and 0 < q.mention.start - r.mention.end <= 14:  # type: ignore
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


def _ll(r: Resolution | Location) -> tuple[float, float]:
    p = r.place if isinstance(r, Resolution) else r
    return (p.lat, p.lon)  # type: ignore[union-attr]


def _loc(r: Resolution, role: str) -> Location:
    p = r.place
    assert p is not None
    return Location(p.place_id, display_name(r), p.lat, p.lon, r.precision or p.precision, role, p.country)


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
    if label and label not in text.lower():
        text = f"{text} {label}"  # "Murmansk, Irkutsk ... regions": each alone is still a region
    return text


def _new(ctx: _Ctx, type_: IncidentType, subtype: str, locs: list[Location], rule: str) -> _Cand:
    return _Cand(type_, subtype, locs, None, "", [], Status.CONFIRMED, [], [rule], ctx[0].id, {ctx[2]})


def _operation(ctx: _Ctx, military: bool, near_drone: bool) -> list[_Cand]:
    _art, text, _i, s, e, trig, _res, _lex = ctx
    ops = [t for t in trig if t.type == "operation"]
    named = named_operation(text, s, e)
    staging = staging_spans(text, s, e)
    strike = [t for t in ops if t.subtype in {"strike", "raid"}]
    target = [t for t in ops if t.subtype == "target"]
    marker = [t for t in ops if not t.subtype]
    drone_event = [t for t in trig if t.type == "drone" and t.subtype in {"strike", "interception"}
                   and near_drone]  # a drone strike is a drone incident, not an operation of its own
    if staging and not (named or marker or strike or target or military):
        staging = []  # "staging protests", "drug smugglers": no military or drone context
    if named and not (strike or target or staging or drone_event):
        named = None  # "served during Operation X": a name mentioned, no action reported
    if not (named or staging or (marker and strike) or (target and strike and not drone_event)):
        return []
    sites = _sites(ctx)
    if not sites:
        return []
    hits = [t.start for t in strike + target] + [t.start for t in trig if t.type == "drone" and t.subtype]
    locs = [_loc(r, _op_role(r.mention.start, staging, hits)) for r in sites]
    if named:
        subtype, rule = "named operation", f"named operation '{named[0]}'"
    elif staging:
        subtype, rule = "staging", f"staging cue '{text[staging[0]:staging[0] + 12].split()[0]}'"
    else:
        subtype = "raid" if any(t.subtype == "raid" for t in strike) else "strike"
        rule = f"strike '{strike[0].term}' on target"
    cand = _new(ctx, IncidentType.OPERATION, subtype, locs, rule)
    if named:
        cand.name, cand.name_key = named
    return [cand]


def _op_role(at: int, staging: list[int], hits: list[int]) -> str:
    """``staging`` when the nearest cue to the place is a staging cue (warehouse, assembled), else ``target``."""
    if not staging:
        return "target"
    near_staging = min(abs(at - off) for off in staging)
    return "staging" if not hits or near_staging <= min(abs(at - off) for off in hits) else "target"


def _drone(ctx: _Ctx, sent_dates: list[DateSpan]) -> list[_Cand]:
    _art, text, _i, _s, _e, trig, _res, _lex = ctx
    events = [t for t in trig if t.type == "drone" and t.subtype]
    if not events:
        return []
    subtype = next(st for st in _DRONE_SUBTYPES if any(t.subtype == st for t in events))
    term = next(t.term for t in events if t.subtype == subtype)
    sites = _sites(ctx)
    if not sites:
        return []
    rule = f"drone {subtype} '{term}'"
    own = {}
    for r in sites:  # "Ualy (February 18), Atameken (March 18)": each site with its own date
        d = next((d for d in sent_dates if 0 <= d.start - r.mention.end <= 3 and not d.since), None)
        if d is not None:
            own[r.place.place_id] = d  # type: ignore[union-attr]
    groups: list[list[Resolution]] = []
    for r in sites:
        role_from = text[max(0, r.mention.start - 30):r.mention.start].lower()
        if "from" in role_from.split()[-4:] or "originated" in role_from:
            continue
        # One report over several sites ("intercepted 24 drones over A, B and C") is one event unless
        # the sites carry dates of their own.
        home = groups[0] if groups and len(own) < 2 else None
        if home is None:
            groups.append([r])
        else:
            home.append(r)
    out = []
    for g in groups:
        cand = _new(ctx, IncidentType.DRONE, subtype, [_loc(r, "site") for r in g], rule)
        d = own.get(g[0].place.place_id)  # type: ignore[union-attr]
        if d is not None:
            cand.date, cand.date_src = d.date, "sentence"
        out.append(cand)
    return out


def _migration(ctx: _Ctx, earlier: list[_Cand], counted: bool) -> list[_Cand]:
    art, text, i, s, e, trig, res, lex = ctx
    mig = [t for t in trig if t.type == "migration" and t.subtype]
    # "entered X since the mobilisation was announced": a trigger in a time clause is background
    main = [t for t in mig if not _TIME_CLAUSE.search(text, max(s, t.start - 60), t.start)] or mig
    subtype = next((st for st in _MIGRATION_SUBTYPES if any(t.subtype == st for t in main)), "")
    if not subtype:
        return []
    places = [r for r in res if r.place is not None]
    masked, _ = mask_places(text, s, e, [(r.mention.start, r.mention.end) for r in places])
    roles = flow_roles(masked)
    last = earlier[-1] if earlier else None
    if (last is not None and last.type is IncidentType.MIGRATION and i - max(last.sents) == 1
            and "destination" in roles.values() and all(loc.role != "destination" for loc in last.locs)):
        subtype = last.subtype  # "... evacuated from X. The group arrived in Y.": the flow goes on
    elif not (counted or has_people(text, s, e)):
        return []
    # Background places (a border, "across Central Asia") count only where a flow pattern names them.
    keep = [k for k, r in enumerate(places) if k in roles or not is_background(
        text, s, r.mention.start, r.mention.end, r.place, lex) or r.place.precision is Precision.AREA]  # type: ignore
    roles = {keep.index(k): role for k, role in roles.items()}
    places = [places[k] for k in keep]
    if not places:
        return []
    term = next((t.term for t in mig if t.subtype == subtype), mig[0].term)
    rule = f"migration {subtype} '{term}'"
    locs = [_loc(places[k], role) for k, role in sorted(roles.items())]
    prev = next((c for c in reversed(earlier) if c.type is IncidentType.MIGRATION
                 and i - max(c.sents) <= 2 and any(loc.role == "destination" for loc in c.locs)), None)
    if not any(loc.role == "destination" for loc in locs) and prev is not None:
        if not locs and len(text[s:places[0].mention.start].split()) <= 3:
            # "X accounted for ... migrants": the subject place is another origin of the same flow
            locs = [_loc(places[0], "origin")]
        locs += [loc for loc in prev.locs if loc.role == "destination"][:1]
        rule += "; destination from the previous sentence"
    if not locs and counted:  # a counted group reported at one precise place, no flow pattern
        locs = [_loc(r, "site") for r in sorted(places, key=lambda r: _PREC_RANK[r.place.precision])  # type: ignore
                if r.place and r.place.precision is not Precision.AREA][:1]
        rule += "; no flow pattern, place where reported"
    if not locs or all(loc.role == "site" and loc.precision is not Precision.POINT for loc in locs):
        return []  # no flow and no precise place: a country named beside migrants is not an event site
    seen, uniq = set(), []
    for loc in locs:
        if (loc.place_id, loc.role) not in seen:
            seen.add((loc.place_id, loc.role))
            uniq.append(loc)
    return [_new(ctx, IncidentType.MIGRATION, subtype, uniq, rule)]


def _date_for(dates_by: _PerSentence, i: int, trig: list[Trigger], published: dt.date | None,
              default_year: int | None) -> tuple[FuzzyDate | None, str]:
    """The sentence's date nearest the trigger, else the previous two sentences', else publication month."""
    own = [d for d in dates_by[i] if not d.since]
    if own:
        at = trig[0].start
        return min(own, key=lambda d: abs(d.start - at)).date, "sentence"
    for j in (i - 1, i - 2):
        near = [d for d in dates_by[j] if not d.since] if j >= 0 else []
        if near:
            return near[-1].date, "nearby"
    if published is not None:
        first = published.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return FuzzyDate(first, last, DatePrecision.MONTH, "publication month"), "published"
    if default_year is not None:
        return FuzzyDate(dt.date(default_year, 1, 1), dt.date(default_year, 12, 31), DatePrecision.YEAR,
                         "default year"), "published"
    return None, ""


def _status(lex: Lexicon, text: str, s: int, e: int) -> tuple[Status, str]:
    cues = lex.cues_in(text, s, e)
    if cues.get("denied"):
        return Status.DENIED, cues["denied"][0][0]
    confirmed = [(t, o) for t, o in cues.get("confirmed", [])
                 if "not" not in text[max(s, o - 12):o].lower().split()]
    if confirmed:
        return Status.CONFIRMED, confirmed[0][0]
    if cues.get("claimed"):
        return Status.CLAIMED, cues["claimed"][0][0]
    return Status.CONFIRMED, ""
