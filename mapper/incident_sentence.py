"""One sentence as the incident rules see it (its dates, figures, sites and actors found lazily), and
the locations and candidate incidents built from it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from mapper.dates import DateSpan
from mapper.figures import NON_COUNT_UNITS, FigureSpan
from mapper.geo import haversine_km
from mapper.incident_at_sea import sea_sites, time_mark
from mapper.incident_drone import WEAK_DRONE_TERMS
from mapper.incident_feed import item_starts, other_item
from mapper.incident_flow_patterns import has_people
from mapper.incident_flows import PREC_RANK, order_span, site_rank
from mapper.incident_merge import Candidate
from mapper.incident_rules import actors, air_traffic, context_clauses, halted_airport, is_background
from mapper.incident_status import speaker_spans
from mapper.lexicon import Lexicon, Trigger
from mapper.model import Article, Figure, IncidentType, Location, PlaceKind, Precision, Resolution, Status
from mapper.names import strip_generic
from mapper.prefilter import looking_ahead

_COUNTED_UNITS = frozenset({"", "people", "fighters", "killed", "injured"})
MOVING_UNITS = frozenset({"", "people", "fighters"})  # counts of people who may move (not the dead or injured)


# "compared with about 53,000 in 2024", "up from 9,000 a year earlier": the baseline of a comparison, no count of
# the event told
_BASELINE_FIGURE = re.compile(r"\b(?:compared\s+(?:with|to)|up\s+from|down\s+from|versus)\s+$", re.I)
# "adding that about 1,800 people remained there": who stayed, no move (not "the evacuation of 18 settlements, where
# about 600 people still live": the people the order moves)
_STAYED = re.compile(r"\s+(?:(?:people|residents|civilians|children)\s+)?(?:remained|stayed)\b", re.I)
# "courts ordered the expulsion of 41,200 foreign citizens, and 19,600 were deported": the order's count, no move's
_ORDER_OF = re.compile(r"\b(?:ordered|orders|order)\s+(?:the\s+)?(?:expulsion|deportation|removal)\s+of\s+"
                       r"(?:about\s+|some\s+|nearly\s+|more\s+than\s+|over\s+)?$", re.I)
# those who saw what they report, where they live
_EYEWITNESS = re.compile(r"\b(?:residents|villagers|locals|witnesses|eyewitnesses)\b", re.I)


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
                 "_sites", "_actors", "_clauses", "_background", "_triggers_by", "_told")

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
        self._told: list[FigureSpan] | None = None  # told(figures()), asked for by several rules

    def dates(self, i: int | None = None) -> list[DateSpan]:
        """The dates of the sentence (or of the article's sentence ``i``), offsets into the article text."""
        return self._dates[self.i if i is None else i]  # type: ignore[no-any-return]

    def figures(self) -> list[FigureSpan]:
        """The figures of the sentence, offsets into the article text."""
        return self._figures[self.i]  # type: ignore[no-any-return]

    def told(self, figures: list[FigureSpan]) -> list[FigureSpan]:
        """The figures outside the sentence's background clauses ("since gunmen killed 145 people") and orders
        ("courts ordered 52 of them expelled, and 46 were deported": the order's count is no move's)."""
        own = figures is self._figures.cache.get(self.i)  # (the sentence's own figures, found before)
        if own and self._told is not None:
            return list(self._told)
        orders = [span for t in self.triggers if t.type == "migration" and (span := order_span(self.text, t))]
        told = [f for f in figures if not self.in_background(f.start) and not any(a <= f.start < b for a, b in orders)
                and not _BASELINE_FIGURE.search(self.text, max(self.start, f.start - 30), f.start)
                and not _ORDER_OF.search(self.text, max(self.start, f.start - 50), f.start)
                and not (_STAYED.match(self.text, f.end)
                         and "where" not in self.text[max(self.start, f.start - 25):f.start])]
        if own:
            self._told = list(told)
        return told

    def recent(self) -> str:
        """The kind of migration the two sentences before speak of ("" for none)."""
        return next((t.subtype for j in (self.i - 1, self.i - 2) if 0 <= j < len(self._triggers_by)
                     for t in self._triggers_by[j] if t.type == "migration" and t.subtype), "")

    def lede(self) -> tuple[int, int]:
        """The span of the article's first sentence (the lede, which sets what the article is about)."""
        return self._dates.sents[0]  # type: ignore[no-any-return]

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

    def counted(self, units: frozenset[str] = _COUNTED_UNITS) -> bool:
        """True when the sentence counts ten or more people (or gives a bare count that large) in ``units``."""
        return any(f.figure.value >= 10 and f.figure.unit in units for f in self.told(self.figures()))

    def new_item(self, j: int) -> bool:
        """True when a feed page's or live blog's next item starts after sentence ``j``, up to this one."""
        return other_item(item_starts(self.text, tuple(self._dates.sents)), j, self.i)

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


# "..., about 150 km from Russia's Astrakhan region, where drones have attacked a plant": the clause's place
_WHERE = re.compile(r"\s*,\s+(?:where|which)\b")


def _where_site(sent: Sentence) -> list[Resolution]:
    """The place a ', where' or ', which' clause describes, when every event word of the sentence lies in that clause
    ('Inder district lies 150 km from the Astrakhan region, where drones have attacked a plant'): the event is
    there, however the place was introduced (a border, a distance)."""
    text, e = sent.text, sent.end
    # ("deployed air defence systems around X and Y ..., which drones have targeted": who acts is no event)
    events = [t.start for t in sent.triggers if t.subtype and t.type != "migration" and t.term not in WEAK_DRONE_TERMS]
    for r in sent.places:
        m = _WHERE.match(text, r.mention.end, e)
        if m and r.place and site_rank(r) < 3 and events and all(t > m.end() for t in events) \
                and not any(m.end() < q.mention.start < min(events) for q in sent.places):
            return [r]
    return []


_CAME_BESIDE = re.compile(r"\b(?:came|comes)\s+(?:just\s+|only\s+|shortly\s+)?(?:(?:(?:a|an|one|two|three|four|"
                          r"few|several|\d+)\s+)?(?:hours?|days?|weeks?)\s+)?(?:before|after|ahead\s+of|as|while|"
                          r"during|amid)\b", re.I)


_REGIME = re.compile(r"\s+regimes?\b", re.I)


def _model_suffix(text: str, start: int, end: int) -> bool:
    """True for a short capital code glued to a word by a hyphen ("Neptune-MD"): a weapon's model,
    not a state's abbreviation."""
    return start > 0 and text[start - 1] == "-" and end - start <= 3 and text[start:end].isupper() \
        and text[start - 2:start - 1].isalnum()


def _sites(sent: Sentence) -> list[Resolution]:
    where = _where_site(sent)
    if where:
        return where
    text, s, res, lex = sent.text, sent.start, sent.places, sent.lexicon
    sites = [r for r in res if r.place and site_rank(r) < 3
             and (not is_background(text, s, r.mention.start, r.mention.end, r.place, lex) or _heard_at(text, s, r))
             and _consistent(text, r, res)]
    sites += [r for r in sea_sites(text, s, sent.end, res) if r not in sites]  # ("struck two tankers in the Black Sea")
    mark = time_mark(text, s, sent.end)  # (", a day after Kazakhstan complained of an attack near Novorossiysk")
    if mark is not None:
        events = [t.start for t in sent.triggers if t.subtype and t.type != "migration"]
        if events and all(t > mark for t in events):  # "officials met in Batken, a day after a shootout near Ak-Sai":
            sites = [r for r in sites if r.mention.start > mark] or sites  # the event is the one the mark tells
        else:
            sites = [r for r in sites if r.mention.start < mark] or sites
    sites = [r for r in sites if not _misplaced(text, r, sites) and not _other_citys_district(sent, r)
             and not _REGIME.match(text, r.mention.end)  # "attacks by the Kyiv regime": a government named
             and not _model_suffix(text, r.mention.start, r.mention.end)]
    # "The attack came hours before delegations were due to meet in Istanbul": what the event came beside is
    # another event, its places none of this one's
    came = _CAME_BESIDE.search(text, s, sent.end) if "came" in text[s:sent.end] or "comes" in text[s:sent.end] else None
    if came is not None and not any(t.start > came.end() and t.type != "migration" for t in sent.triggers):
        sites = [r for r in sites if r.mention.start < came.start()]  # (not "came two days after drones forced
        # Copenhagen Airport to halt all traffic": an event of its own, told there)
    # an airport whose flights were suspended, unless it is the only place ("flights at Aktobe airport were
    # suspended after a drone was seen above the runway")
    sites = [r for r in sites if not air_traffic(text, s, r.mention.start, r.mention.end)] or sites
    sites = [r for r in sites if not halted_airport(text, s, sent.end, r.mention.end)]
    # "the Kharkiv suburb of Pisochyn": the city only says where the suburb is
    # "Oslo's Gardermoen airport": the city only says whose airport (or base, or port) it is
    sites = [r for r in sites if not any(
        q.place.kind is PlaceKind.FACILITY and _OWNER.fullmatch(text, r.mention.end, q.mention.start)  # type: ignore
        and haversine_km(_ll(q), _ll(r)) < 80 for q in sites)]
    sites = [r for r in sites if not any(q.mention.start > r.mention.end and _QUALIFIES.fullmatch(
        text, r.mention.end, q.mention.start) for q in sites)]
    # "near Dolinka, 40 kilometres south-west of Karaganda": a distance names a reference point, a site only
    # when the sentence names no other ("15 km from the village of Saikhin")
    ref = [r for r in sites if _REFERENCE.search(text, max(s, r.mention.start - 60), r.mention.start)]
    if ref and len(ref) < len(sites) and all(any(site_rank(q) <= site_rank(r) for q in sites if q not in ref)
                                             for r in ref):
        sites = [r for r in sites if r not in ref]
    # "residents of Zhanibek said they heard explosions across the border in the Saratov region": where the blasts
    # were heard from is no site, the place the text puts them is
    heard = [r for r in sites if _heard_at(text, s, r)]
    if heard:
        at = min(m.start() for r in heard if (m := _heard_at(text, s, r)))
        a = max((m.end() for m in CLAUSE_BREAK.finditer(text, s, at)), default=s)
        sites = [r for r in sites if r in heard or not a <= r.mention.start < at]
    # "near Plauru, across the Danube from the port of Izmail": the place on the other side is no site
    sites = [r for r in sites if not _ACROSS_FROM.search(text, max(s, r.mention.start - 70), r.mention.start)] or sites
    if len(sites) > 1:  # "officials in Kyiv said": where the speaker sits, unless no other place is left
        # (not eyewitnesses: "residents of Ekibastuz posted videos of a drone over the town" saw it there)
        speakers = [(a, b) for a, b in speaker_spans(lex, text, s, sent.end) if not _EYEWITNESS.search(text, a, b)]
        sites = [r for r in sites if not any(a <= r.mention.start < b for a, b in speakers)] or sites
    keep = []
    for r in sites:
        finer = [q for q in sites if site_rank(q) < site_rank(r)
                 and (haversine_km(_ll(q), _ll(r)) < 400 or _within(q, r)) and not _apart(sent, q, r)
                 and not _other_region(q, r)]
        if not finer:
            keep.append(r)
    seen, uniq = set(), []
    for r in keep:
        if r.place.place_id not in seen:  # type: ignore[union-attr]
            seen.add(r.place.place_id)  # type: ignore[union-attr]
            uniq.append(r)
    return uniq


# where one clause of a sentence ends and another, which may carry its own date, begins
CLAUSE_BREAK = re.compile(r";|,\s+(?:and|while|but|whereas)\s+")


def _apart(sent: Sentence, q: Resolution, r: Resolution) -> bool:
    """True when ``q`` and ``r`` lie in clauses with dates of their own ("on 14 January a drone was found near
    X, and in May villagers in the Y district reported debris"): two events, neither place inside the other's."""
    a, b = sorted((q.mention.end, r.mention.start) if q.mention.end <= r.mention.start
                  else (r.mention.end, q.mention.start))
    brk = next((m.start() for m in CLAUSE_BREAK.finditer(sent.text, a, b)), None)
    if brk is None:
        return False
    dates = [d.start for d in sent.dates() if not d.since]
    return any(sent.start <= d < brk for d in dates) and any(brk < d < sent.end for d in dates)


_REFERENCE = re.compile(r"\b(?:km|kilomet\w+|miles)\s+(?:\([^)]{1,20}\)\s+)?"
                        r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+)?(?:of|from)\s+(?:the\s+)?"
                        r"(?:(?:city|town|village|regional\s+capital)\s+of\s+)?$", re.I)
_ACROSS_FROM = re.compile(r"\b(?:across|on\s+the\s+other\s+side\s+of)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+from\s+"
                          r"(?:[\w-]+\s+){0,4}$", re.I)
_HEARD_THERE = re.compile(r"\b(?:heard|hear|hearing)\s+(?:[\w-]+\s+){0,12}?(?:(?:from\s+)?across\s+the\s+border\s+in|"
                          r"(?:from|in)\s+the\s+directions?\s+of|coming\s+from)\s+(?:the\s+)?"
                          r"(?:[\w’'-]+(?:’s|'s)\s+)?$", re.I)


def _heard_at(text: str, s: int, r: Resolution) -> re.Match[str] | None:
    """The "heard explosions across the border in" before a place: where the text puts the blasts heard."""
    return _HEARD_THERE.search(text, max(s, r.mention.start - 150), r.mention.start)


_OWNER = re.compile(r"[’']s\s+(?:(?:main|international|second|new|old|military)\s+)?")
_QUALIFIES = re.compile(r"(?:’s|'s)?\s+(?:suburb|village|town|settlement|district|port)\s+of\s+(?:the\s+)?", re.I)


def _misplaced(text: str, r: Resolution, sites: list[Resolution]) -> bool:
    """True for "Kyzylzhar in the Aktobe region" resolved to a Kyzylzhar far from that region."""
    rank = PREC_RANK[r.precision or r.place.precision]  # type: ignore[union-attr]
    for q in sites:
        if PREC_RANK[q.precision or q.place.precision] > rank and 0 < q.mention.start - r.mention.end <= 14:  # type: ignore
            between = text[r.mention.end:q.mention.start].strip(" ,").lower()
            if between in {"in", "in the", "of", "of the", ""} and haversine_km(_ll(q), _ll(r)) > 400 \
                    and not _within(r, q):
                return True  # (a base 450 km from the point of the Irkutsk region it lies in is in it)
    return False


def _within(q: Resolution, r: Resolution) -> bool:
    """True when ``q`` lies in the first-level region ``r`` reads as (its country and admin1 code)."""
    return (r.place.kind is PlaceKind.REGION and bool(q.place.admin1)  # type: ignore[union-attr]
            and (q.place.country, q.place.admin1) == (r.place.country, r.place.admin1))  # type: ignore[union-attr]


def _other_region(q: Resolution, r: Resolution) -> bool:
    """True when ``q`` lies in another first-level region of ``r``'s country, well away from it ("12 over Bryansk and
    nine over the Moscow region": two sites, Bryansk no finer part of the Moscow region)."""
    return (r.place.kind is PlaceKind.REGION and bool(q.place.admin1) and bool(r.place.admin1)  # type: ignore[union-attr]
            and q.place.country == r.place.country  # type: ignore[union-attr]
            and q.place.admin1 != r.place.admin1 and haversine_km(_ll(q), _ll(r)) > 150)  # type: ignore[union-attr]


def _other_citys_district(sent: Sentence, r: Resolution) -> bool:
    """True for a district far from the city the sentence opens on ("In Kharkiv, ... in the Shevchenkivskyi
    district" resolved to Kyiv's district of the name: cities share their districts' names)."""
    m = _IN_CITY.match(sent.text, sent.start) if r.place.kind is PlaceKind.DISTRICT else None  # type: ignore[union-attr]
    city = next((q for q in sent.places if m and q.mention.start == m.start(1) and q.place is not None
                 and q.place.kind is PlaceKind.POPULATED), None)
    return city is not None and city is not r and haversine_km(_ll(city), _ll(r)) > 100


_IN_CITY = re.compile(r"\s*In\s+([A-Z][\w’'-]+),")


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
    return Location(p.place_id, display_name(r), p.lat, p.lon, prec, role, p.country, p.admin1 or "")


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
    if m.reason in ("expansion", "adjective", "regional centre", "the region", "heading"):  # "Ky." stands for Kentucky,
        return m.name  # which needs no "region"; the "Krasnopilska hromada" is Krasnopillia's; "the regional
        # centre" is Oryol; "over the region" is the Bryansk region
    label = _GENERIC_LABEL.get(m.generic, "")
    if label and label not in text.lower() and not strip_generic(text)[1]:  # "Tulcea county" needs no more
        text = f"{text} {label}"  # "Murmansk, Irkutsk ... regions": each alone is still a region
    return text


def new_candidate(sent: Sentence, type_: IncidentType, subtype: str, locs: list[Location], rule: str) -> Candidate:
    """A confirmed candidate of this sentence, found by ``rule``, with no date, figures or actors yet."""
    return Candidate(type_, subtype, locs, None, "", [], Status.CONFIRMED, [], [rule], sent.article.id, {sent.i})

# Patterns searched over sentences and windows, behind a look-ahead at the letters their matches start with
# (prefilter.looking_ahead): the same matches, most positions rejected at one character
(_ACROSS_FROM, _BASELINE_FIGURE, _HEARD_THERE, _REFERENCE) = map(looking_ahead, (
    _ACROSS_FROM, _BASELINE_FIGURE, _HEARD_THERE, _REFERENCE))
