"""Cues of long reports: counts named by a noun, periods and days told before, a lede's attack told paragraphs on."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from mapper.dates import DateSpan
from mapper.figures import FigureSpan
from mapper.incident_geometry import near
from mapper.incident_merge import Candidate, dates_compatible
from mapper.incident_sentence import Sentence, counts, location, new_candidate
from mapper.incident_text import dateline_end
from mapper.lexicon import Trigger
from mapper.model import FuzzyDate, IncidentType, PlaceKind, Precision, Resolution, Status
from mapper.prefilter import looking_ahead

# "the agency recorded 186,000 returns": a count of moves named by their noun (a bare "returns" is as often a tax
# return or a verb)
_COUNTED_MOVES = re.compile(r"\b(?:recorded|registered|counted|logged)\s+(?:about\s+|some\s+|nearly\s+|almost\s+|"
                            r"more\s+than\s+|over\s+)?\d[\d,.]*(?:\s+(?:million|thousand))?\s+(?P<noun>returns|"
                            r"departures)\b", re.I)
_MOVE_NOUNS = {"returns": "return", "departures": "relocation"}


def counted_moves(text: str, low: str) -> Iterator[Trigger]:
    """Migration triggers for moves counted by their noun ("the agency recorded 186,000 returns")."""
    if "returns" in low or "departures" in low:
        for m in _COUNTED_MOVES.finditer(text):
            noun = m.group("noun").lower()
            yield Trigger("migration", _MOVE_NOUNS[noun], noun, m.start("noun"), m.end("noun"))


# "a charter flew 148 Uzbek citizens home", "brought 96 people back from X": the move verb and "home"/"back" split
# by the group carried (the lexicon's "flew home", "brought back" need the words side by side)
_CARRIED_HOME = re.compile(r"\b(?:flew|flown|flying|brought|bringing|took|taken|fly|bring)\s+(?:(?:about|some|around|"
                           r"nearly|another|more\s+than|over)\s+)?\d[\d,.]*\s+(?:[\w-]+\s+){0,2}?(?:citizens|nationals|"
                           r"people|migrants|workers|students|residents|passengers|evacuees|children|pilgrims)\s+"
                           r"(?P<to>home|back)\b", re.I)


def carried_home(text: str, low: str) -> Iterator[Trigger]:
    """Return triggers for a group carried home with the verb split ("flew 148 Uzbek citizens home")."""
    if (" home" in low or " back" in low) and ("flew" in low or "flown" in low or "brought" in low or "took" in low
                                             or "taken" in low or "bring" in low or "flying" in low):
        for m in _CARRIED_HOME.finditer(text):
            yield Trigger("migration", "return", f"{m.group(0).split()[0].lower()} {m.group('to').lower()}",
                          m.start(), m.end())


# "Since then, sightings over airports in X, Y and Z have closed runways for hours": what has happened over a
# period told after an event, a series in the perfect tense and no one event
_SINCE_THEN = re.compile(r"\s*Since\s+(?:then|that\s+(?:night|day|attack|incident))\b")
_PERFECT = re.compile(r"\b(?:have|has)\s+(?:(?:repeatedly|also|regularly|often|since)\s+)?(?:been\s+)?"
                      r"\w+(?:ed|en|wn|ck|ut)\b")


# "has fired Kalibr missiles at Ukrainian cities since the first weeks of the invasion": the perfect over a period
# that began with the war or a season, after the verb
_SINCE_START = re.compile(r"\bsince\s+(?:the\s+(?:first|start|beginning|outbreak|early|full-scale)|early|late|mid-)\b",
                          re.I)


def series_since_then(text: str, s: int, e: int) -> bool:
    """True for a sentence opening "Since then" whose verb is in the perfect, or whose perfect runs "since the first
    weeks of the invasion": a series over a period."""
    if text.startswith("Since", s) and _SINCE_THEN.match(text, s) is not None:
        return _PERFECT.search(text, s, e) is not None
    perfect = _PERFECT.search(text, s, e) if "since" in text[s:e] else None
    return perfect is not None and _SINCE_START.search(text, perfect.end(), e) is not None


# "The images, published by a commercial provider, confirm the damage": pictures that confirm what was claimed
_IMAGES_CONFIRM = re.compile(r"\b(?:images|imagery|photos|pictures|footage)\b[^.;]{0,80}?\b(?P<neg>(?:not|cannot|"
                             r"could\s+not|did\s+not|do\s+not|failed\s+to)\s+)?confirm(?:s|ed)?\b", re.I)
_STRIKES = frozenset({"strike", "raid"})


def imagery_confirms(cands: list[Candidate], text: str) -> list[Candidate]:
    """A claimed strike that pictures told after it confirm in so many words ("Ukraine said its drones struck the
    base ... The satellite images confirm the damage"): confirmed (pictures that only show damage confirm nothing)."""
    if "confirm" not in text or not any(w in text for w in ("image", "photo", "picture", "footage")):
        return cands
    at = [m.start() for m in _IMAGES_CONFIRM.finditer(text) if not m.group("neg")]
    for c in cands if at else ():
        if c.subtype in _STRIKES and c.status is Status.CLAIMED and c.type is not IncidentType.MIGRATION \
                and c.sources and any(src.start < a for src in c.sources for a in at):
            c.status = Status.CONFIRMED
            c.rules.append("confirmed: pictures told after the claim confirm it")
    return cands


_SAME_PERIOD = re.compile(r"\b(?:over|in|during|for)\s+the\s+same\s+(?:period|time|months?|weeks?|quarter|year)\b",
                          re.I)


def same_period(text: str, s: int, e: int, out: list[Candidate], date: FuzzyDate | None,
                src: str) -> tuple[FuzzyDate | None, str]:
    """"Over the same period, 61,300 came back": the period of the last event told with a date of its own."""
    if text.find(" same ", s, e) < 0 or _SAME_PERIOD.search(text, s, e) is None:
        return date, src
    told = next((c for c in reversed(out) if c.date_src == "sentence" and c.date is not None), None)
    if told is None or told.date is None:
        return date, src
    # "44,100 went to Russia (in the third quarter). The first 35 flew to Japan in September. Over the same period,
    # 21,700 returned": a month inside the period of a flow told before is one group's, the period the statistics'
    wider = next((c.date for c in reversed(out) if c is not told and c.date is not None and c.type is told.type
                  and c.date.start <= told.date.start and told.date.end <= c.date.end
                  and c.date.end - c.date.start > told.date.end - told.date.start), None)
    return (wider or told.date), "nearby"


def another_time(dates: list[DateSpan], prev: Candidate) -> bool:
    """True when a sentence gives dates of its own and none fits the event told before ("... landed in Khujand on
    October 21. For the whole of 2024, the ministry counted 652,000 departures": another year's count)."""
    own = [d.date for d in dates if not d.since]
    return bool(own) and prev.date is not None and not any(dates_compatible(d, prev.date) for d in own)


# "a strike on an energy facility", "an attack on the port": one strike on a target, its weapon not named
_A_STRIKE_ON = re.compile(r"\ban?\s+(?:strike|attack|hit)\s+on\s+(?:an?|the)\s+", re.I)
_OTHER_WEAPON = re.compile(r"\b(?:missiles?|rockets?|artillery|shell\w*|bombs?|mortars?|tanks?)\b", re.I)


def lede_attack(text: str, s: int, e: int, drone_marked: list[bool], dates: list[DateSpan]) -> bool:
    """True for "a strike on an energy facility" with no day and no weapon of its own, in a report whose lede tells
    of a drone attack: a strike of that attack, told paragraphs after the drones were named."""
    lede_end = text.find("\n")
    return drone_marked[0] and not dates and _A_STRIKE_ON.search(text, s, e) is not None \
        and _OTHER_WEAPON.search(text, s, e) is None \
        and _OTHER_WEAPON.search(text, 0, len(text) if lede_end < 0 else lede_end) is None


# "falling debris damaged a house", "Debris fell on the refinery": what came down, told by its own word
_DEBRIS_WORDS = frozenset({"debris", "fragment*", "wreckage"})


def debris_of_the_lede(text: str, s: int, e: int, drone_marked: list[bool], trig: list[Trigger]) -> bool:
    """True for a sentence that tells falling debris with no weapon of its own, in a report whose lede tells of
    drones ("Ukraine attacked Russian regions with drones overnight ... In the Voronezh region, the governor said
    falling debris had damaged a house"): the debris of those drones, however far from the lede."""
    return drone_marked[0] and any(t.type == "drone" and t.term in _DEBRIS_WORDS for t in trig) \
        and _OTHER_WEAPON.search(text, s, e) is None


def next_in_paragraph(text: str, sents: list[tuple[int, int]], last: int, i: int) -> bool:
    """True when sentence ``i`` follows sentence ``last`` or the one after it in the same paragraph ("... hit the
    depot. Firefighters needed five hours. Three residents were hurt by flying glass.")."""
    return i - last == 1 or i - last == 2 and "\n" not in text[sents[last][1]:sents[i][0]]


# "Kherson city community." / "Bilozerka hromada.": a bulletin's heading line naming the community its paragraph
# tells of
_COMMUNITY_HEAD = re.compile(r"[A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+)?\s+"
                             r"(?:(?:city|town|village|settlement|urban|rural)\s+)?(?:territorial\s+)?"
                             r"(?:community|hromada)\s*[.:]?\s*$")


def community_heading(c: Candidate, text: str, head: tuple[int, int], res: list[Resolution]) -> bool:
    """Place a bulletin item at the community its paragraph's heading names when the item's own place resolved
    far from it ("Kherson city community. In the Dniprovskyi district, a drone dropped explosives ...": the
    city's district, not Kyiv's namesake); ``head`` is the sentence before, which opens the paragraph."""
    if c.type is IncidentType.MIGRATION or not _COMMUNITY_HEAD.fullmatch(text, *head):
        return False
    home = [location(r, "site") for r in res if r.place is not None]
    if not home or near(c.locs, home):
        return False
    c.locs = home[:1]
    c.rules.append("site: the community of the paragraph's heading")
    return True

# "Shebekino.", "Grayvoron district." (a governor's post, item by item): a heading that is a place name alone
_WORD = re.compile(r"\w+")
_PLACE_HEAD = re.compile(r"\s*[\"“«]?\s*(?P<name>[A-Z][\w’'-]+(?:[ -][A-Za-z][\w’'-]+){0,2})\s*[.:]\s*$")


def heading_place(text: str, head: tuple[int, int], res: list[Resolution], at: int) -> list[Resolution]:
    """The place a heading sentence ``head`` names alone ("Shebekino.") as the place of the item's next sentence,
    which names none (``at``: where that sentence starts); [] when ``head`` is no such heading."""
    m = _PLACE_HEAD.fullmatch(text, *head)
    named = [r for r in res if r.place is not None and r.mention.start >= head[0]]
    if m is None or len(named) != 1 or named[0].mention.start != m.start("name") \
            or named[0].mention.end != m.end("name"):
        return []
    r, word = named[0], _WORD.search(text, at)
    if word is None:
        return []
    mention = dataclasses.replace(r.mention, start=word.start(), end=word.end(), text=word.group(0),
                                  name=r.mention.name or r.mention.text, reason="heading")
    return [dataclasses.replace(r, mention=mention, method="anaphor:the heading")]


# "11 of them were shot down", "Of these, 40 were destroyed": a share of the drones told in the sentence before
_SHARE_DOWNED = re.compile(r"\s*[\"“]?\s*(?:(?:\d[\d,]*|[A-Za-z]+)\s+of|Of)\s+(?:them|these|those)\b")


def downed_of_launched(prev: Candidate, text: str, s: int, figures: list[FigureSpan]) -> bool:
    """Make the launch tally of the sentence before ("the enemy launched 27 drones at the territory of the
    region") the interception this sentence tells as a share of it ("11 of them were shot down"); False when the
    sentence before told no such tally (a strike word other than "launched", or a whole country: no site)."""
    if prev.type is not IncidentType.DRONE or prev.subtype != "strike" or "drone strike 'launched'" not in prev.rules \
            or not _SHARE_DOWNED.match(text, s) or any(loc.precision is Precision.COUNTRY for loc in prev.locs):
        return False
    prev.subtype = "interception"
    prev.figures = [f for f in counts(figures, IncidentType.DRONE) if f.unit == "drones"] or prev.figures
    prev.rules.append("interception: a share of the drones launched, told in the next sentence")
    return True


# Patterns searched over sentences and windows, behind a look-ahead at the letters their matches start with
# (prefilter.looking_ahead): the same matches, most positions rejected at one character
(_A_STRIKE_ON, _CARRIED_HOME, _COUNTED_MOVES, _IMAGES_CONFIRM, _OTHER_WEAPON, _SAME_PERIOD) = map(
    looking_ahead, (_A_STRIKE_ON, _CARRIED_HOME, _COUNTED_MOVES, _IMAGES_CONFIRM, _OTHER_WEAPON, _SAME_PERIOD))


# "Tajikistan was second with 486,000 and Kyrgyzstan third with 231,000": states ranked after the flow told before
RANKED_NEXT = re.compile(r"\b(?:was|came|ranked)\s+(?:second|third|fourth|fifth|next)\s+with\s+", re.I)
_RANK_AFTER = re.compile(r"\s+(?:(?:was|came|ranked)\s+)?(?:second|third|fourth|fifth|next)\s+with\s+"
                         r"(?:about\s+|some\s+|nearly\s+|around\s+)?$", re.I)


def ranked_next(sent: Sentence, earlier: list[Candidate]) -> list[Candidate]:
    """One flow per state ranked after the counted flow of the sentence before ("1.02 million citizens of
    Uzbekistan entered Russia ... Tajikistan was second with 486,000"): the state takes the place of that flow's
    end named nearest its count, the other end kept."""
    prev = next((c for c in reversed(earlier) if c.type is IncidentType.MIGRATION and sent.i - max(c.sents) == 1
                 and c.figures and len(c.sources) == 1), None)
    if prev is None:
        return []
    told, fig = prev.sources[0].quote, prev.figures[0].text
    ends = [loc for loc in prev.locs if loc.role in ("origin", "destination") and loc.precision is Precision.COUNTRY
            and loc.name in told]
    at = told.find(fig) if fig else -1
    if not ends or at < 0:
        return []
    head = min(ends, key=lambda loc: abs(told.find(loc.name) - at))
    out = []
    for r in sent.places:
        figs = [f for f in sent.figures() if _RANK_AFTER.fullmatch(sent.text, r.mention.end, f.start)]
        if r.place is None or r.precision is not Precision.COUNTRY or not figs:
            continue
        cand = new_candidate(sent, IncidentType.MIGRATION, prev.subtype,
                             [loc for loc in prev.locs if loc is not head] + [location(r, head.role)],
                             f"migration {prev.subtype}: ranked after the flow told before")
        cand.figures = counts(figs[:1], IncidentType.MIGRATION)
        out.append(cand)
    return out


_HOME_VERBS = frozenset({"came home", "come home", "returned home"})


def came_home(sent: Sentence, resolutions: tuple[Resolution, ...]) -> list[Candidate]:
    """A counted group that came home with no place named, in a report filed from a country the article names
    ("TASHKENT — ... 143,000 citizens came home from abroad in the first half"): a return to that country."""
    if not any(t.subtype == "return" and t.term in _HOME_VERBS for t in sent.triggers) or not sent.counted():
        return []
    end = dateline_end(sent.text)
    filed = next((r.place.country for r in resolutions if r.place is not None and r.mention.start < end), None)
    home = next((r for r in resolutions if r.place is not None and r.place.kind is PlaceKind.COUNTRY
                 and r.place.country == filed), None) if filed else None
    return [new_candidate(sent, IncidentType.MIGRATION, "return", [location(home, "destination")],
                          "migration return 'came home'; the country the report is filed from")] if home else []


# "Imagine a night in late winter. A swarm of drones hits the plant ...": a scenario, told in the present, that a
# war game or an opinion piece sets out; nothing in its paragraph happened
_IMAGINE = re.compile(r"(?m)^[ \t]*(?:[A-Z][A-Z .,-]*\s+[—–-]\s+)?(?:Imagine|Picture|Suppose|Consider\s+a\s+scenario)\b"
                      r"(?:\s+(?:a|an|the|that|this|if|for)\b|:)")


def hypothetical_paragraphs(text: str) -> list[tuple[int, int]]:
    """The spans of paragraphs that open by asking the reader to imagine a scenario ("Imagine a night ...",
    "Suppose that ..."): what they tell is hypothetical, no event."""
    if "Imagine" not in text and "Suppose" not in text and "Picture" not in text and "Consider" not in text:
        return []
    out = []
    for m in _IMAGINE.finditer(text):
        end = text.find("\n", m.end())
        out.append((m.start(), len(text) if end < 0 else end))
    return out
