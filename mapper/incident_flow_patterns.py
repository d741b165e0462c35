"""Flow patterns over a sentence whose places are masked: which place is an origin, which a destination."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from mapper.lexicon import Trigger
from mapper.prefilter import Gated, GatedGroup, looking_ahead, lowered

# "200 more nationals still in Israel", "where some 200,000 civilians still live": people who stayed, no move
STILL_THERE = re.compile(r"\b(?:still|remain(?:s|ed|ing)?|stay(?:s|ed|ing)?)\s+(?:\w+\s+)?(?:in|live|living|there)\b",
                         re.I)
# Groups of people who move, enlist or are evacuated; a lone traveller ("he", "a passenger") is no flow.
_PEOPLE = Gated(re.compile(r"\b(?:people|persons|individuals|migrants|citizens|nationals|residents|civilians|"
                           r"children|women|men|families|workers|refugees|evacuees|students|volunteers|soldiers|"
                           r"fighters|recruits|conscripts|labou?rers|asylum\s+seekers|pilgrims|displaced|orphans|"
                           r"mercenaries|servicemen|migrant|citizenship|foreigners|nurses|caregivers|kandas|oralmans?|"
                           r"repatriates)\b", re.IGNORECASE))



def has_people(text: str, start: int, end: int) -> bool:
    """True when the span names a group of people (so "parts arrived" or "he returned" is no migration)."""
    return _PEOPLE.search(text, lowered(text[start:end]), start, end) is not None


# Flow patterns over a sentence whose place mentions are masked as <0>, <1>, ... (see mask_places).
_COUNT = r"(?:(?:some|about|around|nearly|almost|over|more\s+than)\s+)?\d[\d,.]*(?:\s+(?:million|thousand))?"
_LIST = r"<\d+>(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)<\d+>)*"
# A move told in a relative clause after the place it went through: "the Chaman crossing, through which about
# 9,000 people left", "Upper Lars, where 12,000 people crossed on Sunday" (a population or a workforce, "where
# 12,000 people live", has no move verb); the antecedent may carry its region and a landmark opposite it
_PEOPLE_WORD = r"(?:people|persons|migrants|refugees|travell?ers|civilians|returnees|passengers|[A-Z][a-z]+s)"
_REL = (rf",\s+(?P<rel>(?:through|via|across)\s+which|where)\s+{_COUNT}\s+(?:[\w-]+\s+){{0,2}}?{_PEOPLE_WORD}\s+"
        r"(?:had\s+|have\s+|has\s+)?")
_OUT_VERB, _IN_VERB = r"(?P<v>left|departed)\b", r"(?P<v>passed|crossed|entered|came|arrived|returned)\b"
_ANTECEDENT = (r"(?:\s+(?:border\s+)?(?:crossing|checkpoint|post|pass|bridge|terminal))?(?:\s+(?:in|on|at)\s+"
               r"(?:the\s+)?<\d+>(?:\s+(?:region|province|oblast))?)?(?:,\s+(?:opposite|across\s+from|near|next\s+to)\s+"
               r"[^.;,]{0,40}?)?")
REL_MOVE = re.compile(rf"{_REL}(?P<v>left|departed|passed|crossed|entered|came|arrived|returned)\b")
_REL_OUT = re.compile(rf"(?P<o><\d+>){_ANTECEDENT}{_REL}{_OUT_VERB}")
_REL_IN = re.compile(rf"(?P<d><\d+>){_ANTECEDENT}{_REL}{_IN_VERB}")


def relative_moves(text: str, low: str) -> Iterator[Trigger]:
    """Migration triggers for a move told in a relative clause after its place ("Upper Lars, where 12,000
    people crossed"): the verb, a return if "returned", else a relocation."""
    if " which " in low or " where " in low:
        for m in REL_MOVE.finditer(text):
            verb = m.group("v").lower()
            yield Trigger("migration", "return" if verb == "returned" else "relocation",
                          f"{m.group('rel').lower()} {verb}", m.start("v"), m.end("v"))


# "fled Afghanistan into Tajikistan's Khatlon region", "left Kharkiv for Lviv", "escaped from Mariupol to
# Zaporizhzhia" (headlines: "Migrants flee X into Y"): a move worded with its origin right after the verb and its
# destination after for/into/to, the two names side by side ("left" alone is too common a word to be a move;
# "fled" is a lexicon term)
_NAME = r"(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}"
ORIGIN_FIRST = re.compile(rf"\b(?P<v>left|leaves|flee|flees|escaped|escapes)\s+(?:from\s+)?{_NAME}"
                          rf"(?:[’']s\s+{_NAME})?(?:\s+(?:region|province|oblast|district))?\s+(?:for|into|to)\s+"
                          rf"(?:the\s+)?[A-Z]")


_LEFT_VOLUNTARILY = re.compile(rf"\b(?P<v>left)\s+{_NAME}\s+voluntarily\b")


# "More than 14,000 people crossed the Zhibek Zholy checkpoint": a counted crossing at a named post (a bare
# "crossed" is as often a river, a line or a threshold)
_CROSSED_POST = re.compile(rf"\b{_COUNT}\s+(?:[\w-]+\s+){{0,2}}?{_PEOPLE_WORD}\s+(?:had\s+|have\s+|has\s+)?"
                           r"(?P<v>crossed|passed\s+through)\s+(?:the\s+)?[A-Z][\w’'-]+(?:[\s-]+[A-Z][\w’'-]+){0,2}\s+"
                           r"(?:border\s+)?(?:checkpoint|crossing|post)\b")


def moves_with_ends(text: str, low: str) -> Iterator[Trigger]:
    """Migration triggers the lexicon cannot see in one word: a move told in a relative clause after its place
    (``relative_moves``), and a move told origin first ("fled Afghanistan into Tajikistan"): a relocation."""
    yield from relative_moves(text, low)
    if "crossed" in low or "passed through" in low:
        for m in _CROSSED_POST.finditer(text):
            yield Trigger("migration", "relocation", m.group("v").lower(), m.start("v"), m.end("v"))
    if "voluntarily" in low:  # "1,260 Kyrgyz citizens left Russia voluntarily": a voluntary departure, home
        for m in _LEFT_VOLUNTARILY.finditer(text):
            yield Trigger("migration", "return", "left voluntarily", m.start("v"), m.end("v"))
    if "left " in low or "fle" in low or "escape" in low:
        for m in ORIGIN_FIRST.finditer(text):
            yield Trigger("migration", "relocation", m.group("v").lower(), m.start("v"), m.end("v"))


_ORIGIN = [
    _REL_OUT,
    # "fled <0> into <1>", "escaped from <0>", "Migrants flee <0> ...": where they fled from
    re.compile(rf"\b(?:fled|flee|flees|fleeing|escaped|escapes|escaping|leaves|leaving)\s+(?:from\s+)?(?:the\s+)?"
               rf"(?P<o>{_LIST})", re.I),
    # "about 9,000 left through Chaman": where they went out
    re.compile(rf"\b(?:left|departed|went\s+out)\s+through\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?:(?:in|at|of)\s+"
               rf"(?:the\s+)?)?(?P<o>{_LIST})", re.I),
    re.compile(rf"\b(?:come|came|comes|coming|arrived|fled|evacuat\w*|returned|deported|migrants|citizens|"
               rf"nationals|people|children|workers|refugees)\b[^<.;]{{0,60}}?\bfrom\s+"
               rf"(?:(?!\b(?:for|to|in|into|by|at|through|via)\b)[^<.;]){{0,50}}?"
               rf"(?P<o>{_LIST})", re.I),
    re.compile(rf"\b(?:from|out\s+of|left)\s+(?:the\s+(?:[\w-]+\s+)?(?:town|city|village|region|country)\s+of\s+|the\s+|"
               rf"neighbou?ring\s+)?(?P<o>{_LIST})", re.I),
    # "from villages in the X district", "out of villages around X": where the people lived
    re.compile(rf"\b(?:from|out\s+of)\s+(?:\w+\s+){{0,3}}?(?:in|of|around|near)\s+(?:the\s+)?(?:\w+\s+)?(?P<o>{_LIST})",
               re.I),
    re.compile(rf"\b(?:citizens|nationals|natives)\s+of\s+[^<.;]{{0,40}}?(?P<o>{_LIST})", re.I),
    # "residents of the X region's border villages were evacuated" ("... taken to shelters in Y"): where they lived
    re.compile(rf"\b(?:residents|inhabitants)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?P<o>{_LIST})(?=[^<.;]{{0,60}}"
               rf"\b(?:evacuat|relocat|moved|taken|bused|bussed|brought|transported))", re.I),
    # "began evacuating residents of 12 villages in the X district": the same, the move told first (with a count:
    # "evacuated about 1,500 residents of two villages in the X district")
    re.compile(rf"\bevacuat\w*\s+(?:[\w,.]+\s+){{0,3}}?(?:residents|inhabitants|people|families|civilians|children)\s+"
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
    _REL_IN,
    # "About 27,000 came through posts in the Kostanay region", "2,600 returned through Torkham", "entered <0>
    # through the Upper Lars checkpoint": where they entered (the named post, more precise than the country)
    re.compile(rf"\b(?:came|come|coming|arrived|entered|returned|crossed|passed)\s+(?:back\s+|home\s+|(?:into\s+)?<\d+>\s+)?"
               rf"through\s+"
               rf"(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?:(?:in|at|of)\s+(?:the\s+)?)?(?P<d>{_LIST})", re.I),
    # "14,000 people crossed the Zhibek Zholy checkpoint": the named post they went through
    # (counted people: "troops crossed the Oskil River" is no move of people)
    re.compile(rf"\b{_COUNT}\s+(?:[\w-]+\s+){{0,2}}?{_PEOPLE_WORD}\s+(?:had\s+|have\s+|has\s+)?(?:crossed|passed\s+"
               r"through)\s+the\s+(?P<d><\d+>)"),
    # "flew home from Russian cities through Tashkent airport", "return from <0> via <1>": where they came in
    # ("returned home from <0> in September through <1> and <2> airports": a time between them)
    re.compile(rf"\b(?:came|come|arrived|returned|return|returns|flew|flown)\s+(?:back\s+|home\s+)?from\s+"
               rf"[^<.;]{{0,30}}?(?:<\d+>\s+)?(?:[^<.;]{{0,30}}?\s)?(?:through|via)\s+(?:the\s+)?(?P<d>{_LIST})", re.I),
    re.compile(rf"\b(?:arrived|arrive|arriving|arrival|landed)\s+(?:in|at|to)\s+(?P<d>{_LIST})", re.I),
    re.compile(rf"\b(?:re)?settled\s+in\s+(?:the\s+)?(?P<d>{_LIST})", re.I),
    re.compile(rf"\b(?<!-)(?:entered|entering|enters|crossed\s+(?:the\s+border\s+)?into|fled\s+(?:in)?to)\s+(?:neighbou?ring\s+)?"
               rf"(?P<d>{_LIST})",
               re.I),
    re.compile(rf"\b(?:relocat\w*|moved|moving|crossed|travel+(?:ed|ing)|departure|departed|departing|left|leaving|leaves|fled|flee|flees|escaped|escapes|evacuated|return(?:ed|ing)?|sent|deployed|went|gone|"
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
    # "Russia remained the main destination: 4,900 citizens moved there"
    re.compile(r"(?P<d><\d+>)\s+(?:remained|remains|was|is|became|has\s+become)\s+(?:the|their)\s+(?:main|top|largest|"
               r"biggest|leading|most\s+popular|preferred)\s+destination\b", re.I),
    # "<0> took 2,900 workers and <1> 800": receiving states listed each with its count, the verb told once
    re.compile(rf"(?P<d><\d+>\s+(?:took|received|hosted|accepted|welcomed)\s+{_COUNT}\s+(?:[\w-]+\s+){{0,2}}?"
               rf"(?:workers|migrants|labou?rers|citizens|nationals|people|refugees|students|of\s+them)"
               rf"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)<\d+>\s+{_COUNT}\b(?!\s*%|\s+per))+)", re.I),
    # "<0> accounted for 21,400 people, <1> for 9,100 and <2> for 7,800": destinations' shares, the verb told once
    re.compile(rf"(?P<d><\d+>\s+(?:accounted\s+for|made\s+up)\s+{_COUNT}(?:\s+[\w-]+){{0,2}}?"
               rf"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)<\d+>\s+for\s+{_COUNT}\b(?!\s*%|\s+per))+)", re.I),
    # "left to work abroad, most of them in Russia": where most of a group went
    re.compile(rf"\b(?:most|many|some|half|the\s+majority|the\s+rest|\d[\d,.]*(?:\s+(?:million|thousand))?)\s+of\s+them\s+"
               rf"(?:in|to)\s+(?P<d>{_LIST})", re.I),
    # the next part of a split total: "... went to <0>, and some 150,000 to <1>", "including 5,100 to <0>",
    # "6,400 went to <0>, 4,100 to <1> and 1,300 to <2>", "52,000 left for <0>, 38,000 for <1>"
    re.compile(rf"(?:\b(?:and|including)|,)\s+(?:some\s+|about\s+|around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?"
               rf"\d[\d,.]*(?:\s+(?:million|thousand))?\s+(?:more\s+)?(?:to|in|for)\s+(?:the\s+)?(?P<d>{_LIST})", re.I),
    re.compile(rf"\b(?:migrants|workers|refugees)\s+in\s+(?P<d>{_LIST})", re.I),
]
# the same over the plain text, a list's people word standing in for a move word: "took 2,900 workers and Germany 800"
RECEIVED_EACH = re.compile(rf"\b(?:took|received|hosted|accepted|welcomed)\s+{_COUNT}\s+(?:[\w-]+\s+){{0,2}}?"
                           rf"(?:workers|migrants|labou?rers|citizens|nationals|people|refugees|students|of\s+them)"
                           rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+"
                           rf"{_COUNT}\b(?!\s*%|\s+per)")
# "Kazakhstan accounted for 21,400 people, Turkey for 9,100 and South Korea for 7,800": an agency's shares of
# the flow told just before, by destination
ACCOUNTED_EACH = re.compile(rf"\b(?:accounted\s+for|made\s+up)\s+{_COUNT}\s+(?:[\w-]+\s+){{0,2}}?"
                            rf"(?:workers|migrants|labou?rers|citizens|nationals|people)?"
                            rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+"
                            rf"for\s+{_COUNT}\b(?!\s*%|\s+per)")
# "Another 7,400 went to Kazakhstan": more people of the kind just told, gone to another destination (not "Another 300
# are due to leave in May", a plan)
ANOTHER_WENT = re.compile(rf"\b(?:[Aa]\s+further|[Aa]nother|[Aa]n\s+additional)\s+{_COUNT}\s+(?:[\w-]+\s+){{0,2}}?"
                          r"(?:went|left|travell?ed|moved|departed|headed|flew)\s+(?:to|for)\b")
_FLOWS = GatedGroup(_DEST + _ORIGIN)  # one pass over a sentence finds the words of them all


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


MASK_INDEX = re.compile(r"<(\d+)>")  # the index of each masked place
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
            for i in MASK_INDEX.findall(m.group("d")):
                roles.setdefault(int(i), "destination")
    for matches in found[len(_DEST):]:
        for m in matches:
            if _NOT_ORIGIN.search(masked, max(0, m.start("o") - 60), m.start("o")):
                continue
            for i in MASK_INDEX.findall(m.group("o")):
                if roles.get(int(i)) is None:
                    roles[int(i)] = "origin"
    return {i: r for i, r in roles.items() if r != "none"}

# Patterns searched over sentences and windows, behind a look-ahead at the letters their matches start with
# (prefilter.looking_ahead): the same matches, most positions rejected at one character
STILL_THERE, _NOT_ORIGIN = map(looking_ahead, (STILL_THERE, _NOT_ORIGIN))


# animals on the move ("14,000 flamingos had arrived from the Caspian coast", wildlife features, bird counts):
# seasonal migration of birds, herds or fish is no human flow; cheap substrings first, then the words
_ANIMAL_HINTS = ("bird", "flamingo", "flock", "stork", "geese", "goose", "swan", "herd", "antelope", "saiga",
                 "fish", "whale", "locust")
_ANIMALS = re.compile(r"\b(?:\w+birds?|birds?|flamingos?|flocks?|storks?|geese|goose|swans?|herds?|antelopes?|"
                      r"saigas?|fish|whales?|locusts?)\b", re.I)


def animals_moved(chunk: str) -> bool:
    """Whether the text names animals that move (birds, herds, fish): a wildlife story, no human flow."""
    low = chunk.lower()
    return any(w in low for w in _ANIMAL_HINTS) and bool(_ANIMALS.search(chunk))


# demonyms whose plural is the word itself: "2,300 ethnic Kyrgyz", "400 Chinese"
_INVARIANT_PLURALS = frozenset({"Kyrgyz", "Turkmen", "Chinese", "Vietnamese", "Lebanese", "Sudanese", "Japanese",
                                "Swiss"})


def plural_demonym(demonym: str) -> bool:
    """True for a demonym in the plural ("Uzbeks", and the invariant "Kyrgyz", "Chinese")."""
    return demonym.endswith("s") or demonym in _INVARIANT_PLURALS
