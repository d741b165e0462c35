"""Rules on the places, actors and clauses of a sentence: background places, airports, named operations,
staging cues, when/why clauses, and which resolutions can locate an incident."""

from __future__ import annotations

import re
from operator import itemgetter

import ahocorasick

from mapper.incident_drone import speaks_of_own_airspace
from mapper.incident_text import dateline_end, dateline_spans
from mapper.incident_transport import road_end
from mapper.lexicon import Lexicon, Trigger
from mapper.model import Place, PlaceKind, Resolution
from mapper.prefilter import Gated, looking_ahead, lowered

# "the Sumy region's border villages" are places in the region, near its border: sites
_BACKGROUND_AFTER = re.compile(r"\s*(?:[’']s\s+)?(?:border(?!\s+(?:villages?|towns?|settlements?|communit(?:y|ies)|"
                               r"areas?|districts?|hamlets?|crossings?|checkpoints?|posts?|points?|stations?))|"
                               r"foreign\s+policy|relations|"
                               # "11:00 p.m. Moscow time": a time zone
                               r"time\b|"
                              # "a London-based consultancy": where someone works, not a site
                              r"-(?:based|headquartered|registered|born)\b)")
# (also where a statement was made: "told reporters in Uralsk", "speaking at a briefing in Astana")
_BACKGROUND_BEFORE = re.compile(r"\b(?:border\s+(?:with|between)|borders|bordering)\s+(?:\w+\s+)?$|"
                                r"\b(?:told\s+(?:reporters|journalists|a\s+news\s+conference|a\s+briefing)|"
                                r"(?:news|press)\s+conference|briefing)\s+in\s+$")
_BACKGROUND_LIST = re.compile(r"\b(?:border\s+(?:with|between)|borders|bordering)\s+"
                              r"(?:(?:the|and|[A-Z][\w’'-]*),?\s+){1,5}$")
_GOVERNMENT_AFTER = re.compile(
    r"\s+(?:(?:has|have|had)\s+(?:since\s+|also\s+|repeatedly\s+)?(?:tightened|responded|retaliated|threatened|"
    r"demanded|announced|imposed|introduced|banned|warned|denied|accused|blamed|said|insisted|refused|rejected)\b|"
    r"could|can|cannot|would|will|must|should|wants?|says?|said|accused|accuses|denied|denies|claimed|claims|"
    r"insists?|insisted|refused|rejected|agreed|seeks?|sought|blamed|blames|warned|urged|vowed|hopes?|believes?)\b|"
    r"[’']s\s+(?:\w+\s+){0,2}?(?:government|officials|regime|allies|campaign|stance|policy|position|revenues?|"
    r"war\s+effort|leadership|forces|troops|army|military)\b")
_GOVERNMENT_BEFORE = re.compile(r"\b(?:accused|accusing|accuse|urged|warned|blamed|called\s+on|pressed|asked|"
                                r"sanctions\s+on|talks\s+with|"
                                # "deprive Moscow of revenue", "pressure on Kyiv": the government acted on
                                r"depriv(?:e|es|ed|ing)|punish(?:es|ed|ing)?|pressure\s+on|isolat(?:e|es|ed|ing))\s+$")
_NAMED_OP = re.compile(r"\bOperation\s+((?:[A-Z][\w’'-]*\s*){1,3})")
# 'an operation it called "Steppe Hawk"', 'the operation, codenamed “Web”', 'Operation "Web"': a quoted name
# ('The operation, which Ukraine's Security Service called "Spiderweb," targeted': the namer in a relative clause)
_QUOTED_OP = re.compile(r"\b[Oo]peration[,\s]+(?:(?:(?:it|they|he|she|officials|the\s+\w+|(?:which|that)\s+"
                        r"(?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+)?(?:called|named|dubbed|code-?named)\s+)?[\"“«]"
                        r"((?:[A-Z][\w’'-]*\s*){1,3})[,.]?[\"”»]")


def named_operation(text: str, start: int, end: int) -> tuple[str, str] | None:
    """``("Operation Spider's Web", "spiderweb")``: a named operation in the span and its merge key."""
    if text.find("peration", start, end) < 0:  # the patterns' one literal
        return None
    m = _NAMED_OP.search(text, start, end) or _QUOTED_OP.search(text, start, end)
    if not m:
        return None
    words = m.group(1).split()
    while words and words[-1].lower() in {"the", "and", "of", "in", "was", "is"}:
        words.pop()
    if not words:
        return None
    name = "Operation " + " ".join(words)
    key = "".join(re.sub(r"(?:['’]s)$", "", w).lower() for w in words)
    return name.rstrip(".,;:"), re.sub(r"\W", "", key)


_ACTOR = Gated(re.compile(
    r"\b(?:(?P<who>[A-Z][a-z]+(?:[’']s)?|[A-Z]{2,5}(?:[’']s)?)\s+)?(?P<body>Security\s+Service|Armed\s+Forces|"
    r"military\s+intelligence(?:\s+(?:agency|service|directorate))?|armed\s+forces|forces|troops|army|military|[Aa]ir\s+[Ff]orce|air\s+defen[cs]es?|"
    r"Ministry\s+of\s+(?:Defen[cs]e|Foreign\s+Affairs|Emergency\s+Situations|Internal\s+Affairs)|"
    r"(?:Defen[cs]e|Foreign|Emergencies)\s+Ministry|Investigative\s+Committee|[Bb]order\s+[Gg]uards?|"
    r"[Bb]order\s+[Ss]ervice|[Pp]olice(?:\s+[Dd]epartment)?|Defen[cs]e\s+Intelligence|"
    r"intelligence\s+agency|security\s+services)\b|\b(?P<acro>SBU|FSB|KNB|GUR|HUR|TASS|MoD)\b"))
_ACTOR_SKIP = frozenset({"The", "A", "An", "Its", "Their", "His", "Her", "Some", "Both", "Local", "Regional",
                         "Several", "Many", "Other", "This", "That", "These", "Those", "Former"})


def actors(text: str, start: int, end: int) -> list[str]:
    """Named actors of a span: "Ukraine's Security Service", "Russian forces", "SBU" (first seen first).

    >>> t = "Ukraine's Security Service (SBU) said Russian air defences failed."
    >>> actors(t, 0, len(t))
    ["Ukraine's Security Service", 'SBU', 'Russian air defences']
    """
    out: list[str] = []
    if not _ACTOR.possible(lowered(text[start:end])):
        return out
    for m in _ACTOR.pattern.finditer(text, start, end):
        if m.group("acro"):
            name = m.group("acro")
        else:
            who = m.group("who")
            if not who or who in _ACTOR_SKIP:
                if m.group("body")[0].islower():
                    continue  # "the army", "forces": nobody named
                who = ""
            name = " ".join(f"{who} {m.group('body')}".split())
        if name not in out:
            out.append(name)
    return out


# ("staging protests", "assembled crowds" stage no operation)
_STAGING = Gated(re.compile(r"\b(?:warehouse|staging|assembled|launched\s+from|smuggl\w*|hideout|"
                            r"base\s+of\s+operations)\b(?!\s+(?:(?:a|an|the|mass|street|new)\s+)?(?:protests?|"
                            r"rall(?:y|ies)|demonstrations?|sit-ins?|strikes?|marches|crowds?|shows?|concerts?))",
                            re.I))


# Clauses that tell when or why, not what happened: "when Russian troops crossed the river", "after the city
# came under drone attack", "to escape shelling" (why people fled), "as Russian forces pressed an offensive" (an
# "as" clause only with a verb of a continuing campaign: "as reported by", "such as" are none).
_WHEN = Gated(re.compile(
    r"\b(?:since|after|before|following|when|until|amid|during|because\s+of|due\s+to|in\s+response\s+to|"
    r"to\s+(?:escape|flee)\s+(?=(?:the\s+)?(?:[\w-]+\s+)?(?:shelling|fighting|bombing|strikes|attacks|war|hostilities)\b))"
    r"\b(?:[^,.;—]|(?<=\d)[,.](?=\d))*",
    re.I))
_CAMPAIGN = Gated(re.compile(
    r"\bas\s+(?:[\w’'-]+\s+){1,10}?(?:pressed|pushed|continued|intensified|mounted|stepped\s+up|kept\s+up|"
    r"escalated|raged|waged|advanced|ground\s+on)\b(?:[^,.;—]|(?<=\d)[,.](?=\d))*", re.I))


# "who have left X since Sunday reached 88,780": a since-phrase of a bare day is a time, the clause goes on past it
_SINCE_DAY = re.compile(r"since\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday)|"
                        r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
                        r"\s+\d{1,2})(?=\s+(?!when\b|and\b|or\b|,)[a-z])")


def _clause_end(text: str, m: re.Match[str]) -> int:
    day = _SINCE_DAY.match(text, m.start(), m.end())
    return day.end() if day else m.end()


def context_clauses(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Spans of ``text[start:end]`` that tell when or why something happened, each with True for an "as"
    clause of a continuing campaign (whose strikes are background, not news)."""
    low = lowered(text[start:end])
    out = [(m.start(), _clause_end(text, m), False) for m in _WHEN.finditer_in(text, low, start, end)]
    return out + [(m.start(), m.end(), True) for m in _CAMPAIGN.finditer_in(text, low, start, end)]


# a staging word that something damaged is a target: "set a warehouse on fire", "damaged a warehouse",
# "a warehouse caught fire", "the warehouse was destroyed", "hit an apartment block and a warehouse"
_DAMAGE_BEFORE = re.compile(r"\b(?:set|sets|setting|damag\w*|destroy\w*|burn\w*|fires?\s+(?:at|in)|blaze\s+at|"
                            r"hit|hits|struck|ablaze)\s+(?:\w+\s+){0,3}(?:(?:and|or)\s+(?:\w+\s+){0,2})?$", re.I)
_DAMAGE_AFTER = re.compile(r"^\w*\s+(?:\w+\s+){0,2}?(?:on\s+fire|ablaze|caught\s+fire|burn\w*|(?:was|were)\s+"
                           r"(?:\w+\s+)?(?:damaged|destroyed|hit|set))\b", re.I)


def staging_spans(text: str, start: int, end: int) -> list[int]:
    """Offsets of staging cues (warehouse, assembled, launched from, smuggled) in the span, but for a
    warehouse or hideout that something damaged (a target)."""
    if not _STAGING.possible(lowered(text[start:end])):
        return []
    return [m.start() for m in _STAGING.pattern.finditer(text, start, end)
            if not (text[m.start()] in "wWhH" and (_DAMAGE_BEFORE.search(text, max(start, m.start() - 40), m.start())
                    or _DAMAGE_AFTER.match(text[m.start():min(end, m.start() + 50)])))]


_AIR_TRAFFIC = re.compile(r"\b(?:flights?|departures|arrivals|restrictions?|air\s+traffic)\b[^.;]{0,30}?"
                          r"\b(?:at|to|from|in)\s+(?:the\s+)?$", re.I)
_HALTED = re.compile(r"\b(?:suspended|restricted|halted|delayed|diverted|grounded|closed|introduced|imposed|lifted|"
                     r"cancell?ed)\b", re.I)


# an airport named as the subject of a halt ("Kazan and Nizhnekamsk airports briefly suspended flights"),
# the list's earlier names included
_AIRPORTS_HALTED = re.compile(r"(?:\s*(?:,|and)\s+[A-Z][\w’'-]+)*\s+(?:international\s+)?airports?\s+(?:\w+\s+)?"
                              r"(?:suspended|restricted|halted|closed|stopped)\s+(?:all\s+)?(?:flights|operations|"
                              r"arrivals|departures|air\s+traffic)\b", re.I)


def halted_airport(text: str, sent_start: int, sent_end: int, mention_end: int) -> bool:
    """True for airports that halted flights during an attack told before ("Kazan and Nizhnekamsk airports
    briefly suspended flights during the attack"): a consequence, never a site of the attack."""
    return _AIRPORTS_HALTED.match(text, mention_end) is not None and _THE_ATTACK.search(
        text, sent_start, sent_end) is not None


_THE_ATTACK = re.compile(r"\b(?:during|after|amid|because\s+of)\s+the\s+(?:\w+\s+)?(?:attacks?|raids?|strikes?)\b",
                         re.I)


def air_traffic(text: str, sent_start: int, mention_start: int, mention_end: int) -> bool:
    """True for an airport whose flights were suspended or restricted ("flights at Sheremetyevo were briefly
    suspended"): a consequence of an event, its site only when the sentence names no other."""
    lead = text[max(sent_start, mention_start - 40):mention_start].lower()
    return ("flight" in lead or "restriction" in lead or "traffic" in lead) and _AIR_TRAFFIC.search(
        text, max(sent_start, mention_start - 40), mention_start) is not None and _HALTED.search(
        text, max(sent_start, mention_start - 60), mention_end + 60) is not None


def is_background(text: str, sent_start: int, mention_start: int, mention_end: int, place: Place,
                  lexicon: Lexicon) -> bool:
    """True when a place is context, not a site: a border, a birthplace, a broad area, a policy."""
    if place.kind in {PlaceKind.CONTINENT, PlaceKind.AREA}:
        return True
    before = text[max(sent_start, mention_start - 25):mention_start].lower()
    after = text[mention_end:mention_end + 25].lower()
    for _term, off in lexicon.cues_in(text, max(sent_start, mention_start - 25), mention_start).get(
            "background", []):
        if off >= mention_start - 25:
            return True
    if place.feature_code == "PPLC" and (_GOVERNMENT_AFTER.match(text, mention_end)
                                         or _GOVERNMENT_BEFORE.search(before)):
        return True  # "Kyiv could not be trusted", "accused Moscow of": a capital standing for its government
    if _BACKGROUND_AFTER.match(after) or _BACKGROUND_BEFORE.search(before):
        return True
    wide = max(sent_start, mention_start - 60)  # "bordering Russia's Saratov and Volgograd regions": the list goes on
    return "border" in text[wide:mention_start] and _BACKGROUND_LIST.search(text, wide, mention_start) is not None



def literal_resolutions(resolutions: tuple[Resolution, ...], text: str = "") -> list[Resolution]:
    """Resolutions usable as incident locations: literal mentions with a place, in text order (and a country's
    adjective before "airspace"); the places of a dateline say where the report was filed, not where anything
    happened."""
    lines = dateline_spans(text) if text else []
    out = []
    for r in resolutions:
        if r.place is None:
            continue
        m = r.mention
        if lines and any(s <= m.start < e for s, e in lines) or road_end(text, r):  # ("the road to X was closed")
            continue
        # (the cheap anchored matches first, the scans to the sentence's end last)
        if m.literal or (r.place.kind is PlaceKind.COUNTRY and (
                _EXPELS_COUNT.match(text, m.end) is not None or names_airspace(text, r) or speaks_of_own_airspace(
                    text, m.end) or speaks_of_own_people(text, m.end) or _the_country_later(text, m.end))) \
                or _TITLE_THEN_ANAPHOR.match(text, m.end) is not None:
            out.append(r)
    out.sort(key=lambda r: r.mention.start)
    return out


# "Moscow Mayor Sergei Sobyanin writes that air defences shot down four drones flying towards the capital": an
# official's title names the city or region the sentence then calls "the capital", "the city" or "the region"
_TITLE_THEN_ANAPHOR = re.compile(r"(?:['’]s)?\s+(?:[Mm]ayor|[Gg]overnor)\b[^.!?\n]{0,160}?\b(?:the|its)\s+"
                                 r"(?:capital|city|region)\b(?!\s+of\b|['’]s\s+(?:[A-Z]|\w+\s+district))")


# "Russia has expelled more than 75,000 foreigners": a state sending a counted group out of its territory, where the
# flow starts ("expelled two diplomats", no figure in digits, stays the government's act)
_EXPELS_COUNT = re.compile(r"\s+(?:has\s+|have\s+|had\s+)?(?:expelled|deported|expels|deports)\s+(?:more\s+than\s+|"
                           r"about\s+|some\s+|nearly\s+|almost\s+|over\s+|at\s+least\s+|around\s+)?\d", re.I)
# "drones entered Polish airspace": the adjective names the country's territory, a place, not its people
# (not a body named after it: "the Russian airspace agency")
_AIRSPACE = re.compile(r"(?:['’]s)?\s+air\s*space\b(?!\s+(?:agency|authorit\w*|control\w*|service|administration|"
                       r"regulator|office|commission|committee|ministry|department|police|forces?|defen[cs]e)\b)", re.I)


def opens_sentence(text: str, r: Resolution, start: int) -> bool:
    """True when ``r`` is the first word of the sentence starting at ``start``, or the first after its dateline
    ("WARSAW, Sept 10 (Reuters) - Poland shot down ...")."""
    return r.mention.start in (start, start + dateline_end(text[start:start + 120]))


def names_airspace(text: str, r: Resolution, start: int = -1, end: int = -1) -> bool:
    """True for a country named as the airspace it owns ("Polish airspace", "Latvia's airspace", "over Polish
    territory"), or, given the sentence's span, the country that opens it when the sentence's airspace has no other
    owner ("Poland scrambles jets as Russian drones enter airspace", "Latvia says a drone entered its airspace"): an
    incursion's or an interception's place, however coarse."""
    if r.place is None or r.place.kind is not PlaceKind.COUNTRY:
        return False
    if opens_sentence(text, r, start) and _OWN_AIRSPACE.search(text, r.mention.end, end):
        return True
    # "shot down over Polish territory": the country's territory below a drone is its airspace
    return _AIRSPACE.match(text, r.mention.end) is not None or (
        _TERRITORY.match(text, r.mention.end) is not None
        and _OVER.search(text, max(0, r.mention.start - 12), r.mention.start) is not None)


_TERRITORY = re.compile(r"(?:['’]s)?\s+territory\b", re.I)
_OWN_AIRSPACE = re.compile(r"\b(?:enter(?:s|ed|ing)?|violat\w+|into)\s+(?:its\s+)?air\s*space\b", re.I)
_OVER = re.compile(r"\bover\s+(?:the\s+)?$", re.I)
_THE_COUNTRY = Gated(re.compile(r"\b(?:from|out\s+of|in|into|left|entered|entering)\s+the\s+country\b", re.I))


def _the_country_later(text: str, end: int) -> bool:
    """True when "the country" later in the sentence refers back to a state named as a government
    ("Kazakhstan's Interior Ministry said 230 foreigners were expelled from the country")."""
    stop = text.find(".", end)
    stop = len(text) if stop < 0 else stop
    stop = min(stop, end + 250)
    return _THE_COUNTRY.search(text, lowered(text[end:stop]), end, stop) is not None


# a country's authority speaking ("Uzbekistan's migration agency said", "in Uzbekistan, the agency said") of
# its "citizens"
_AUTHORITY_AFTER = re.compile(r"(?:['’]s|,)?\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:ministry|agency|service|government|"
                              r"authorities|officials|embassy|consulate|committee|department|ombudsman)\b", re.I)
_OWN_PEOPLE = Gated(re.compile(r"\b(?:citizens|nationals|compatriots)\b", re.I))


def speaks_of_own_people(text: str, end: int, stop: int | None = None) -> bool:
    """True when a country named just before ``end`` is a government speaking of its own citizens later in
    the sentence ("Kyrgyzstan's Foreign Ministry said 300 nationals were flown home from Iran")."""
    if stop is None:
        stop = text.find(".", end)
        stop = len(text) if stop < 0 else stop
    stop = min(stop, end + 250)
    if not _OWN_PEOPLE.possible(lowered(text[end:stop])) or not _AUTHORITY_AFTER.match(text, end):
        return False  # (the word for the people first: the authority's pattern costs more)
    for m in _OWN_PEOPLE.pattern.finditer(text, end, stop):
        before = text[max(end, m.start() - 30):m.start()].split()
        if not (before and before[-1][:1].isupper()):  # "Afghan nationals" are someone else's
            return True
    return False


# "debris fell on the refinery's territory", "damaged a pipeline at the same plant", "a drone strike there": a
# facility named before
_FACILITY_BACK = Gated(re.compile(r"\b(?:strike|attack|hit|struck)\s+there\b|"
                                  r"\bthe\s+(?:same\s+)?(?:refinery|plant|port|airfield|air\s+base|base|depot|"
                                  r"oil\s+depot|factory|terminal|facility|enterprise|substation|warehouse|(?:pumping\s+)?station|site)"
                                  r"(?:[’']s)?\b", re.I))


def refers_back(text: str, start: int, end: int) -> bool:
    """True when the span names a facility with "the" ("the refinery's territory"), told before."""
    return _FACILITY_BACK.search(text, lowered(text[start:end]), start, end) is not None


# "shot down 58 of the 72 drones launched across the country": a nationwide tally, not the counts of one event
WIDE = re.compile(r"\b(?:across|throughout|all\s+over)\s+(?:the\s+(?:whole\s+)?country|Ukraine|Russia)\b|"
                  r"\bnationwide\b", re.I)


# "About 10,500 people have left the X districts since the evacuation order was issued in August": the move is the
# evacuation the clause names (its start dates the count), not a reference back to one told before
_LEFT_SINCE = re.compile(r"\b(?:have|has)\s+(?:left|fled|been\s+(?:moved|taken|relocated))\b[^.;]{0,80}\bsince\s+"
                         r"the\s+$", re.I)
_ORDER_GIVEN = re.compile(r"(?:\s+order)?\s+(?:was\s+|were\s+)?(?:issued|announced|declared|ordered|began|started)\b",
                          re.I)


def evacuated_since(text: str, t: Trigger) -> bool:
    """True for an evacuation word after "have left ... since the" that starts the count ("since the evacuation
    order was issued")."""
    return t.subtype == "evacuation" and _ORDER_GIVEN.match(text, t.end) is not None \
        and _LEFT_SINCE.search(text, max(0, t.start - 140), t.start) is not None


# "days before the strikes": a trigger naming an event already told is a time reference, not a report.
_BACK_REFERENCE = re.compile(r"\b(?:before|after|since|following|ahead\s+of|prior\s+to)\s+(?:the|these|those|that)\s+$",
                             re.I)
# "will keep targeting", "threatened to strike": an intention or a threat, not a report
_INTENT = re.compile(r"\b(?:will|would|shall|plans?\s+to|threat\w*\s+to|vow\w*\s+to|intends?\s+to|ready\s+to|"
                     r"tried\s+to|trying\s+to|attempted\s+to|attempting\s+to)\s+"
                     r"(?:\w+\s+){0,2}$", re.I)
# "detained men who planned a drone attack on the air base": a plan, plot or preparation is no strike (an
# arrest, which is not mapped); "planned to send about 10,000 seasonal workers": a plan with its count
_PLAN = re.compile(r"\b(?:plann(?:ed|ing)|plot(?:s|ted|ting)?|prepar(?:ed|ing)|conspir\w*|intend(?:ed|ing)|"
                   r"(?:was|were)\s+going\s+to)\s+(?:to\s+)?(?:[\w,-]+\s+){0,4}$", re.I)


# words one of the five patterns above and below needs in the 50 characters before a trigger (a cheap test first)
_NO_EVENT_WORDS = ("before", "after", "since", "following", "ahead", "prior", "will", "would", "shall", "plan",
                   "threat", "vow", "intend", "ready", "tried", "trying", "attempt", "plot", "prepar", "conspir",
                   "going", "days", "weeks", "months", "years", "fear", "risk", "danger", "afraid", "warn")
# One Aho-Corasick pass over the window (pyahocorasick) tells which of them it holds, and so which patterns
# can match there ("scared" is looked for too: _FEARED needs it, though it opens no gate).
_NO_EVENT_AUTOMATON = ahocorasick.Automaton()
for _word in (*_NO_EVENT_WORDS, "scared"):
    _NO_EVENT_AUTOMATON.add_word(_word, _word)
_NO_EVENT_AUTOMATON.make_automaton()
_WORD = itemgetter(1)


# "after weeks of shelling", "months of drone attacks": a campaign over a stretch of time, not one event
_PROLONGED = re.compile(r"\b(?:days|weeks|months|years)\s+of\s+(?:[\w-]+\s+){0,2}$", re.I)


# "living in fear of raids, detentions and deportation", "at risk of deportation": what people dread
# ("The Air Force warns of groups of attack drones heading for Kharkiv": an alert, no attack yet)
_FEARED = re.compile(r"\b(?:fears?|risk|risks|danger|threat|afraid|scared|warn(?:s|ed|ing)?)\s+(?:of|from|about)\s+"
                     r"(?:[\w-]+(?:,|\s+and|\s+or)?\s+){0,4}$", re.I)


def told_as_no_event(text: str, low: str, at: int) -> bool:
    """A trigger after "before the", "plans to", "planned a", "weeks of", "fear of": a reference back, an
    intention, a plan, a campaign or a dread."""
    words = set(map(_WORD, _NO_EVENT_AUTOMATON.iter(low, max(0, at - 50), at)))  # ((end, word) pairs)
    if not words or words == {"scared"}:
        return False
    if len(low) != len(text) or not text[max(0, at - 50):at].isascii():  # (case folding beyond ASCII: all are tried)
        words = _PATTERN_WORDS.keys()
    return any(rx.search(text, max(0, at - back), at) for rx, back in
               dict.fromkeys(p for w in words for p in _PATTERN_WORDS[w]))


# each word of the gate -> the patterns above that need it (or another of their words), with their window
_PATTERN_WORDS: dict[str, list[tuple[re.Pattern[str], int]]] = {w: [] for w in (*_NO_EVENT_WORDS, "scared")}
for _rx, _back, _needs in ((_BACK_REFERENCE, 30, "before after since following ahead prior"),
                           (_INTENT, 40, "will would shall plan threat vow intend ready tried trying attempt"),
                           (_PLAN, 50, "plan plot prepar conspir intend going"),
                           (_PROLONGED, 40, "days weeks months years"),
                           (_FEARED, 50, "fear risk danger threat afraid scared warn")):
    for _word in _needs.split():
        _PATTERN_WORDS[_word].append((_rx, _back))

# Patterns searched over sentences and windows, behind a look-ahead at the letters their matches start with
# (prefilter.looking_ahead): the same matches, most positions rejected at one character
(_AIR_TRAFFIC, _BACKGROUND_LIST, _BACK_REFERENCE, _DAMAGE_BEFORE, _FEARED, _HALTED, _INTENT, _LEFT_SINCE, _NAMED_OP,
 _OVER, _PLAN, _PROLONGED, _THE_ATTACK) = map(looking_ahead, (
    _AIR_TRAFFIC, _BACKGROUND_LIST, _BACK_REFERENCE, _DAMAGE_BEFORE, _FEARED, _HALTED, _INTENT, _LEFT_SINCE,
    _NAMED_OP, _OVER, _PLAN, _PROLONGED, _THE_ATTACK))
