"""Rules behind incident extraction: sentence splitting, cues and flow patterns over sentences."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from mapper.dates import DateSpan
from mapper.lexicon import Lexicon
from mapper.model import Place, PlaceKind, Resolution
from mapper.prefilter import Gated, GatedGroup, lowered

_ABBREV = frozenset(["st", "mt", "ft", "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt",
                     "capt", "maj", "adm", "gov", "sen", "rep", "jr", "sr", "inc", "ltd", "co", "corp",
                     "no", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "jan", "feb", "mar", "apr",
                     "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx"])
# A full stop, ! or ? before a capital or digit; a blank line; a line break before a capital. The first
# character is matched on its own so that re skips ahead to the next candidate character quickly.
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|(?<=\n)\s*\n|(?<=\n)(?=[A-Z]))")
_LAST_WORD = re.compile(r"([\w.]+)$")
# "the Sumy region's border villages" are places in the region, near its border: sites
_BACKGROUND_AFTER = re.compile(r"\s*(?:[’']s\s+)?(?:border(?!\s+(?:villages?|towns?|settlements?|communit(?:y|ies)|"
                               r"areas?|districts?|hamlets?))|foreign\s+policy|relations|"
                              # "a London-based consultancy": where someone works, not a site
                              r"-(?:based|headquartered|registered|born)\b)")
_BACKGROUND_BEFORE = re.compile(r"\b(?:border\s+(?:with|between)|borders|bordering)\s+(?:\w+\s+)?$")
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
# "200 more nationals still in Israel", "where some 200,000 civilians still live": people who stayed, no move
STILL_THERE = re.compile(r"\b(?:still|remain(?:s|ed|ing)?|stay(?:s|ed|ing))\s+(?:\w+\s+)?(?:in|live|living|there)\b",
                         re.I)
_NAMED_OP = re.compile(r"\bOperation\s+((?:[A-Z][\w’'-]*\s*){1,3})")
# Groups of people who move, enlist or are evacuated; a lone traveller ("he", "a passenger") is no flow.
_PEOPLE = Gated(re.compile(r"\b(?:people|persons|individuals|migrants|citizens|nationals|residents|civilians|"
                           r"children|women|men|families|workers|refugees|evacuees|students|volunteers|soldiers|"
                           r"fighters|recruits|conscripts|labou?rers|asylum\s+seekers|pilgrims|displaced|orphans|"
                           r"mercenaries|servicemen|migrant|citizenship|foreigners|nurses|caregivers|kandas|oralmans?|"
                           r"repatriates)\b", re.IGNORECASE))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a text, not broken after abbreviations ("St.", "U.S.") or initials ("A. Smith").

    >>> t = "Drones hit St. Petersburg. J. Smith said so. Then U.S. officials left."
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['Drones hit St. Petersburg.', 'J. Smith said so.', 'Then U.S. officials left.']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if text[m.start()] == ".":
            # The last 16 characters tell: a longer word is no abbreviation either way (and a search
            # from the sentence start would cost a pass over the sentence per full stop).
            word = _LAST_WORD.search(text, max(start, m.start() - 16), m.start())
            token = word.group(1).lower() if word else ""
            if token in _ABBREV or (len(token) == 1 and token.isalpha()):
                continue
        end = m.start() + 1 if text[m.start()] in ".!?" else m.start()
        _add_span(text, start, end, spans)
        start = m.end()
    _add_span(text, start, len(text), spans)
    return spans


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def named_operation(text: str, start: int, end: int) -> tuple[str, str] | None:
    """``("Operation Spider's Web", "spiderweb")``: a named operation in the span and its merge key."""
    if text.find("Operation", start, end) < 0:  # the pattern's one literal, case and all
        return None
    m = _NAMED_OP.search(text, start, end)
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


def has_people(text: str, start: int, end: int) -> bool:
    """True when the span names a group of people (so "parts arrived" or "he returned" is no migration)."""
    return _PEOPLE.search(text, lowered(text[start:end]), start, end) is not None


# Flow patterns over a sentence whose place mentions are masked as <0>, <1>, ... (see mask_places).
_LIST = r"<\d+>(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)<\d+>)*"
_ORIGIN = [
    re.compile(rf"\b(?:come|came|comes|coming|arrived|fled|evacuat\w*|returned|deported|migrants|citizens|"
               rf"nationals|people|children|workers|refugees)\b[^<.;]{{0,60}}?\bfrom\s+"
               rf"(?:(?!\b(?:for|to|in|into|by|at)\b)[^<.;]){{0,50}}?"
               rf"(?P<o>{_LIST})", re.I),
    re.compile(rf"\b(?:from|out\s+of|left)\s+(?:the\s+(?:[\w-]+\s+)?(?:town|city|village|region|country)\s+of\s+|the\s+|"
               rf"neighbou?ring\s+)?(?P<o>{_LIST})", re.I),
    re.compile(rf"\b(?:from|out\s+of)\s+(?:\w+\s+){{0,3}}?(?:in|of)\s+(?:the\s+)?(?:\w+\s+)?(?P<o>{_LIST})", re.I),
    re.compile(rf"\b(?:citizens|nationals|natives)\s+of\s+[^<.;]{{0,40}}?(?P<o>{_LIST})", re.I),
    # "residents of the X region's border villages were evacuated": where the evacuees lived
    re.compile(rf"\b(?:residents|inhabitants)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?P<o>{_LIST})(?=[^<.;]{{0,60}}"
               rf"\b(?:evacuat|relocat|moved))", re.I),
    # "began evacuating residents of 12 villages in the X district": the same, the move told first
    re.compile(rf"\bevacuat\w*\s+(?:\w+\s+){{0,2}}?(?:residents|inhabitants|people|families|civilians|children)\s+"
               rf"(?:of|from)\s+[^<.;]{{0,40}}?(?P<o>{_LIST})", re.I),
    # "ordered the evacuation of 18 more settlements in the X and Y communities": where the settlements lie
    re.compile(rf"\bevacuat\w*\s+of\s+(?:[\w,-]+\s+){{0,3}}?(?:settlements|villages|towns|communities|hamlets)\s+"
               rf"(?:in|of)\s+(?:the\s+)?(?:[A-Z][\w’'-]+\s+(?:and\s+)?)?(?P<o>{_LIST})", re.I),
    # Where people lived before: "lived in X", "no longer want to live in X", "go back to living in X".
    re.compile(rf"\b(?:(?:no\s+longer|back\s+to|used\s+to|previously|formerly)\s+(?:\w+\s+){{0,3}}?"
               rf"(?:live|living)|lived)\s+in\s+(?P<o>{_LIST})", re.I),
    re.compile(rf"^(?:[^<]{{0,40}})(?P<o>{_LIST})\s+accounted\s+for", re.I),
    # "students who had been studying in Iran returned": where a group had been staying
    re.compile(rf"\bwho\s+had\s+(?:been\s+)?(?:living|working|studying|staying|lived|studied|stayed)\s+in\s+(?:the\s+)?"
               rf"(?P<o>{_LIST})", re.I),
    # "citizens stranded in Iran were brought home": where they were stuck is where they leave
    # ("stuck for days at a Moscow airport" too)
    re.compile(rf"\b(?:stranded|stuck|trapped)\s+(?:for\s+(?:\w+\s+){{1,2}}?)?(?:in|at)\s+(?:the\s+|an?\s+)?"
               rf"(?P<o>{_LIST})", re.I),
    # "420 migrants were turned back at the border crossing in the Orenburg region": where they were stopped
    re.compile(rf"\b(?:turned\s+back|(?:denied|refused)\s+entry)\s+(?:at|in|on)\s+(?:the\s+)?(?:[\w-]+\s+){{0,5}}?"
               rf"(?:(?:at|in|on)\s+(?:the\s+)?)?(?P<o>{_LIST})", re.I),
    # "Russia deported more than 3,000 Tajik migrants": the state that expels is where they leave
    re.compile(rf"(?P<o>{_LIST})\s+(?:has\s+|had\s+|have\s+)?(?:deported|expelled)\b", re.I),
    # "Authorities in the X region began moving children to ...": the authorities of the place left
    re.compile(rf"\b(?:authorities|officials)\s+in\s+(?:the\s+)?(?P<o>{_LIST})\s+(?:have\s+|had\s+)?(?:began|begun|"
               rf"started|ordered|evacuated|moved|relocated|(?:are|were)\s+moving)\b", re.I),
    # where people were held or signed up before being sent on: "detained at a centre in the X region"
    re.compile(rf"\b(?:(?:were|was|been|being|migrants|citizens|nationals|men|people|workers)\s+held|detained|recruited|arrested|rounded\s+up)\s+(?:(?:at|in)\s+)?(?:[\w-]+\s+){{0,6}}?"
               rf"(?:in|at|near)\s+(?:the\s+)?(?P<o>{_LIST})", re.I),
]
_DEST = [
    re.compile(rf"\b(?:arrived|arrive|arriving|arrival|landed)\s+(?:in|at|to)\s+(?P<d>{_LIST})", re.I),
    re.compile(rf"\b(?:re)?settled\s+in\s+(?:the\s+)?(?P<d>{_LIST})", re.I),
    re.compile(rf"\b(?:entered|crossed\s+(?:the\s+border\s+)?into|fled\s+(?:in)?to)\s+(?:neighbou?ring\s+)?(?P<d>{_LIST})",
               re.I),
    re.compile(rf"\b(?:relocat\w*|moved|moving|travel+ed|departure|left|fled|evacuated|return(?:ed|ing)?|sent|deployed|went|gone|"
               rf"headed|heading|deported|repatriated|expelled|transferred|flown|flew|brought|taken|bused|bussed|came|come|coming|"
               rf"set\s+(?:off|out)|put\s+on)\b"
               rf"[^.;]{{0,80}}?\b(?:to|for|into)\s+(?:the\s+(?=<))?(?:neighbou?ring\s+|(?:[\w-]+\s+){{1,3}}?in\s+(?:the\s+)?)?"
               rf"(?P<d>{_LIST})", re.I),
    re.compile(rf"\b(?:war|war\s+effort|front(?:\s+lines?)?|fight|fighting|fought|serve|serving|conflict)\s+"
               rf"(?:for\s+<\d+>\s+)?in\s+(?P<d>{_LIST})", re.I),
    re.compile(rf"\b(?:(?:are|were|is|was|now)\s+)(?:living|working|staying)\s+in\s+(?P<d>{_LIST})", re.I),
    re.compile(rf"\b(?:worked|work|employed)\s+in\s+(?P<d>{_LIST})", re.I),
    re.compile(rf"\b(?:invasion\s+of|war\s+(?:in|on|against)|fight\s+against)\s+(?P<d>{_LIST})", re.I),
    re.compile(rf"\b(?:killed|died|wounded|captured)\s+(?:\w+\s+){{0,2}}?in\s+(?:the\s+)?(?P<d>{_LIST})", re.I),
    re.compile(r"(?P<d><\d+>)\s+(?:hosted|hosts|received|welcomed|took\s+in|accepted)\b", re.I),
    # "left to work abroad, most of them in Russia": where most of a group went
    re.compile(rf"\b(?:most|many|some|half|the\s+majority|the\s+rest|\d[\d,.]*(?:\s+(?:million|thousand))?)\s+of\s+them\s+"
               rf"(?:in|to)\s+(?P<d>{_LIST})", re.I),
    # the next part of a split total: "... went to <0>, and some 150,000 to <1>", "including 5,100 to <0>"
    re.compile(rf"\b(?:and|including)\s+(?:some\s+|about\s+|around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?"
               rf"\d[\d,.]*(?:\s+(?:million|thousand))?\s+(?:more\s+)?(?:to|in)\s+(?:the\s+)?(?P<d>{_LIST})", re.I),
    re.compile(rf"\b(?:migrants|workers|refugees)\s+in\s+(?P<d>{_LIST})", re.I),
]
_FLOWS = GatedGroup(_DEST + _ORIGIN)  # one pass over a sentence finds the words of them all
# ("staging protests", "assembled crowds" stage no operation)
_STAGING = Gated(re.compile(r"\b(?:warehouse|staging|assembled|launched\s+from|smuggl\w*|hideout|"
                            r"base\s+of\s+operations)\b(?!\s+(?:(?:a|an|the|mass|street|new)\s+)?(?:protests?|"
                            r"rall(?:y|ies)|demonstrations?|sit-ins?|strikes?|marches|crowds?|shows?|concerts?))",
                            re.I))


# Clauses that tell when or why, not what happened: "when Russian troops crossed the river", "after the city
# came under drone attack", "as Russian forces pressed an offensive" (an "as" clause only with a verb of a
# continuing campaign: "as reported by", "such as" are none).
_WHEN = Gated(re.compile(
    r"\b(?:since|after|before|following|when|until|amid|because\s+of|due\s+to|in\s+response\s+to)\b[^,.;—]*", re.I))
_CAMPAIGN = Gated(re.compile(
    r"\bas\s+(?:[\w’'-]+\s+){1,10}?(?:pressed|pushed|continued|intensified|mounted|stepped\s+up|kept\s+up|"
    r"escalated|raged|waged|advanced|ground\s+on)\b[^,.;—]*", re.I))


def context_clauses(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Spans of ``text[start:end]`` that tell when or why something happened, each with True for an "as"
    clause of a continuing campaign (whose strikes are background, not news)."""
    low = lowered(text[start:end])
    out = [(m.start(), m.end(), False) for m in _WHEN.finditer_in(text, low, start, end)]
    return out + [(m.start(), m.end(), True) for m in _CAMPAIGN.finditer_in(text, low, start, end)]


def mask_places(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """The sentence ``text[start:end]`` with each place span replaced by ``<i>``; also each mask's offset."""
    out, pos, where = [], start, []
    for i, (a, b) in enumerate(spans):
        out.append(text[pos:a])
        where.append(sum(len(x) for x in out))
        out.append(f"<{i}>")
        pos = b
    out.append(text[pos:end])
    return "".join(out), where


_POSSESSOR = re.compile(r"<\d+>[’']s\s+(?=<\d+>)")
_OWNER = re.compile(r"<(\d+)>[’']s\b(?!\s+(?:border\s+|frontline\s+|front-line\s+)?(?:villages|towns|settlements|"
                    r"communities|districts|areas)\b)")  # "the X region's border villages": places in X
_NOT_ORIGIN = re.compile(r"(?:statement|report|reports|data|sources?|according\s+to|message|letter)\s+"
                         r"(?:\w+\s+){0,2}from\s+$", re.I)


def flow_roles(masked: str) -> dict[int, str]:
    """Mask index -> "origin" or "destination" from the flow patterns of one masked sentence.

    A possessor ("<0>'s <1>": Russia's Chelyabinsk region) gives way to the place it qualifies, and a
    place that owns something ("Ukraine's intelligence") or the source of a statement is no endpoint.
    """
    return dict(_flow_roles(masked))  # a copy: callers add roles of their own


# a masked sentence met again (a wire story in several feeds) is read once
@lru_cache(maxsize=1024)
def _flow_roles(masked: str) -> dict[int, str]:
    masked = _POSSESSOR.sub("", masked)
    found = _FLOWS.finditers(masked)
    owners = {int(i) for i in _OWNER.findall(masked)}
    roles: dict[int, str] = {i: "none" for i in owners}
    for matches in found[:len(_DEST)]:
        for m in matches:
            for i in re.findall(r"<(\d+)>", m.group("d")):
                roles.setdefault(int(i), "destination")
    for matches in found[len(_DEST):]:
        for m in matches:
            if _NOT_ORIGIN.search(masked, max(0, m.start("o") - 60), m.start("o")):
                continue
            for i in re.findall(r"<(\d+)>", m.group("o")):
                if roles.get(int(i)) is None:
                    roles[int(i)] = "origin"
    return {i: r for i, r in roles.items() if r != "none"}


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


# "ALMATY, Kazakhstan (AP) —", "KYIV, Ukraine, June 5 (Reuters) -": where the reporter files from, at
# the start of the text; a capitalised city needs an agency in brackets to count as one.
_DATELINE = re.compile(r"\A\s*(?:[A-Z][A-Z'.-]+(?:\s+[A-Z][A-Z'.-]+){0,3}|(?=[A-Z][\w'., -]{0,40}\([A-Za-z/-]{2,12}\)))"
                       r"[\w'., -]{0,60}?(?:\([A-Za-z/-]{2,12}\))?\s*(?:—|–|--?)\s")


def dateline_end(text: str) -> int:
    """Where a wire dateline ("TASHKENT, Uzbekistan (AP) —") at the start of ``text`` ends; 0 for none.

    >>> dateline_end("BISHKEK, Kyrgyzstan — Officials said"), dateline_end("Kyiv said on Monday - not one")
    (22, 0)
    """
    m = _DATELINE.match(text, 0, 120)
    return m.end() if m else 0


def dateline_spans(text: str) -> list[tuple[int, int]]:
    r"""The datelines heading the text or any of its paragraphs (a roundup's "MOSCOW (Reuters) -" too).

    >>> dateline_spans("BISHKEK — Drones were seen.\n\nMOSCOW (Reuters) - Drones struck a depot.")
    [(0, 10), (29, 48)]
    """
    out = []
    at = 0
    while at >= 0:
        start = at + 1 if at else 0
        while start < len(text) and text[start] in "\n\r":
            start += 1
        m = _DATELINE_HERE.match(text, start, start + 120)
        if m:
            out.append((start, m.end()))
        at = text.find("\n", start)
    return out


_DATELINE_HERE = re.compile(_DATELINE.pattern.removeprefix(r"\A"))


def literal_resolutions(resolutions: tuple[Resolution, ...], text: str = "") -> list[Resolution]:
    """Resolutions usable as incident locations: literal mentions with a place, in text order; the places
    of a dateline say where the report was filed, not where anything happened."""
    lines = dateline_spans(text) if text else []
    return sorted((r for r in resolutions if r.place is not None
                   and not any(s <= r.mention.start < e for s, e in lines) and (
        r.mention.literal or r.place.kind is PlaceKind.COUNTRY and (
            _the_country_later(text, r.mention.end) or speaks_of_own_people(text, r.mention.end)))),
                  key=lambda r: r.mention.start)


_THE_COUNTRY = re.compile(r"\b(?:from|out\s+of|in|into|left)\s+the\s+country\b", re.I)


def _the_country_later(text: str, end: int) -> bool:
    """True when "the country" later in the sentence refers back to a state named as a government
    ("Kazakhstan's Interior Ministry said 230 foreigners were expelled from the country")."""
    stop = text.find(".", end)
    stop = len(text) if stop < 0 else stop
    return _THE_COUNTRY.search(text, end, min(stop, end + 250)) is not None


# a country's authority speaking ("Uzbekistan's migration agency said", "in Uzbekistan, the agency said") of
# its "citizens"
_AUTHORITY_AFTER = re.compile(r"(?:['’]s|,)?\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:ministry|agency|service|government|"
                              r"authorities|officials|embassy|consulate|committee|department|ombudsman)\b", re.I)
_OWN_PEOPLE = re.compile(r"\b(?:citizens|nationals|compatriots)\b", re.I)


def speaks_of_own_people(text: str, end: int, stop: int | None = None) -> bool:
    """True when a country named just before ``end`` is a government speaking of its own citizens later in
    the sentence ("Kyrgyzstan's Foreign Ministry said 300 nationals were flown home from Iran")."""
    if not _AUTHORITY_AFTER.match(text, end):
        return False
    if stop is None:
        stop = text.find(".", end)
        stop = len(text) if stop < 0 else stop
    for m in _OWN_PEOPLE.finditer(text, end, min(stop, end + 250)):
        before = text[max(end, m.start() - 30):m.start()].split()
        if not (before and before[-1][:1].isupper()):  # "Afghan nationals" are someone else's
            return True
    return False


# "debris fell on the refinery's territory": a facility named in the sentence before
_FACILITY_BACK = Gated(re.compile(r"\bthe\s+(?:refinery|plant|port|airfield|air\s+base|base|depot|oil\s+depot|factory|"
                                  r"terminal|facility|enterprise|substation|warehouse)(?:[’']s)?\b", re.I))


def refers_back(text: str, start: int, end: int) -> bool:
    """True when the span names a facility with "the" ("the refinery's territory"), told before."""
    return _FACILITY_BACK.search(text, lowered(text[start:end]), start, end) is not None


# "shot down 58 of the 72 drones launched across the country": a nationwide tally, not the counts of one event
WIDE = re.compile(r"\b(?:across|throughout|all\s+over)\s+(?:the\s+(?:whole\s+)?country|Ukraine|Russia)\b|"
                  r"\bnationwide\b", re.I)
# "said on Tuesday", "told reporters on Monday", "said later on Sunday": when something was said
STATEMENT = re.compile(r"\b(?:said|says|told\s+\w+|announced|reported|added|stated|wrote|denied|dismissed|"
                       r"rejected)\s+(?:later\s+|earlier\s+|in\s+an?\s+(?:report|statement|post)\s+)?$", re.I)
# "the service on Tuesday denied reports that ...": the day of the statement, told before its verb
STATEMENT_AFTER = re.compile(r"\s+(?:said|denied|dismissed|rejected|refuted)\s+(?:reports|claims|that)\b", re.I)


def forecast(text: str, dates: list[DateSpan], published: dt.date) -> bool:
    """Every date of the sentence but the day of a statement lies after publication, told relative to it
    ("next year"; a written date after it may be a wrong publication date)."""
    told = [d for d in dates if not d.since and not STATEMENT.search(text, max(0, d.start - 30), d.start)]
    return any(d.relative for d in told) and all(d.date.start > published for d in told)
