"""Numbers in news text with what they count: people, killed, drones, money, tons, durations, ages."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mapper.figure_context import (
    CLAUSE_OPENS,
    FROM_PLACE,
    GAPPED_BEFORE,
    ITEM_END,
    LIST_ITEM_BEFORE,
    MOVED_AFTER,
    MOVED_BEFORE,
    MOVES_AFTER,
    NATIONALS_AFTER,
    NOT_NATIONALS,
    NUMBER_TO,
    POPULATION_OF,
    RANKED_BEFORE,
    RECEIVED_BEFORE,
    RECORDED_BEFORE,
    SHARE_AFTER,
    SHARE_BEFORE,
    TO_PLACE,
    TOLL_TO,
    TOTAL_TO,
    YEAR,
    YEARLIKE,
    craft_share,
)
from mapper.model import Figure
from mapper.prefilter import Gated, looking_ahead, lowered

#: Units that measure time or age rather than count something that happened.
#: ("rate": an amount of goods or money per period, "8 million tonnes of crude a year", a capacity or a wage)
NON_COUNT_UNITS = frozenset({"days", "weeks", "months", "years", "hours", "minutes", "age", "percent", "km", "rate"})

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100, "hundred": 100,
    "a dozen": 12, "dozen": 12,
}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "mln": 1e6, "bn": 1e9, "m": 1e6, "k": 1e3}
_APPROX = r"(?:about|around|approximately|approx\.|nearly|almost|some|roughly|more\s+than|over|at\s+least|" \
          r"up\s+to|an\s+estimated|estimated|close\s+to|as\s+many\s+as|fewer\s+than|less\s+than|~)"

# Nouns after a number, mapped to the unit the Figure records; anything else keeps its own word.
_UNIT_WORDS: dict[str, str] = {}
for _unit, _words in {
    "people": "people persons individuals migrants citizens nationals residents civilians children women men "
              "workers refugees families passengers students labourers laborers volunteers recruits "
              "conscripts prisoners evacuees adults teenagers orphans pilgrims tourists nurses doctors teachers "
              "builders drivers welders farmhands pickers caregivers employees jobseekers foreigners "
              "kandas oralmans repatriates deportees returnees detainees villagers inhabitants pensioners travellers "
              "travelers seekers specialists engineers crew sailors seafarers",
    "fighters": "fighters soldiers troops servicemen mercenaries militants combatants guards",
    "killed": "killed dead deaths fatalities casualties",
    "injured": "injured wounded",
    "drones": "drones uavs uav drone quadcopters",
    "missiles": "missiles rockets",
    "aircraft": "aircraft planes bombers jets helicopters",
    "vehicles": "vehicles trucks lorries cars",
    "tons": "tons tonnes ton tonne",
    "documents": "visas permits patents quotas licences licenses passports",
    "km": "km kilometers kilometres kilometer kilometre",
    "days": "days day", "weeks": "weeks week", "months": "months month", "years": "years year",
    "hours": "hours hour", "minutes": "minutes minute mins",
    "percent": "percent per cent %",
}.items():
    for _w in _words.split():
        _UNIT_WORDS[_w] = _unit
_CURRENCIES = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB", "dollars": "USD", "euros": "EUR",
               "rubles": "RUB", "roubles": "RUB", "tenge": "KZT", "pounds": "GBP"}
_VERB_UNITS = {"killed": "killed", "died": "killed", "dead": "killed", "injured": "injured", "wounded": "injured",
               "evacuated": "people", "detained": "people", "arrested": "people", "deported": "people",
               "recruited": "people", "captured": "people", "shot down": "drones", "intercepted": "drones",
               "downed": "drones", "destroyed": "destroyed", "launched": "launched"}

_MAX_DIGITS = 15  # longer digit strings are identifiers or noise, not quantities
_NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"


def _trie(words: list[str]) -> str:
    """An alternation of words as a trie ("e(?:ight(?:een|y)?|leven)"): re tries a few first letters at
    each position instead of every word; a longer word before its prefix, as in a longest-first list.

    >>> _trie(["ten", "twelve", "two"])
    't(?:en|w(?:elve|o))'
    """
    children: dict[str, list[str]] = {}
    for w in words:
        if w:
            children.setdefault(w[0], []).append(w[1:])
    alts = [re.escape(first) + _trie(rest) for first, rest in sorted(children.items())]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in words else body

_WORDNUM = _trie(list(WORD_NUMBERS))
_SCALE = r"(?:thousand|million|billion|mln|bn)"
_FIGURE = re.compile(
    rf"(?P<approx>{_APPROX}\s+)?(?P<cur>US\$|\$|€|£|₽)?\s?"
    rf"(?:(?<![\w.,/\-])(?P<num>{_NUM})(?![\w.,]?\d)|\b(?P<word>{_WORDNUM})\b(?:-(?P<ones>one|two|three|four|five|six|seven|eight|nine)\b)?)"
    rf"(?:(?:\s+|-)(?P<scale>{_SCALE})\b|(?P<short>[mk])\b)?"
    rf"(?P<age>-year-old\b)?(?P<adj>-(?:day|week|month|year|hour|km|kilometer|kilometre)\b)?"
    rf"(?P<pct>\s?%)?",
    re.IGNORECASE)
# Where a figure can be: digits, or a number word (looked for only in texts that hold one).
_DIGITS = re.compile(r"\d+")
_CLOCK = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")  # "07:55": a time of day, no count
_NUMBER_WORD = Gated(re.compile(rf"\b(?:{_WORDNUM})\b", re.IGNORECASE))
_TOKEN = re.compile(r"[A-Za-z%’'-]+|[^\sA-Za-z%’'-]")
_STOP = frozenset(["have", "has", "had", "were", "was", "are", "is", "and", "or", "but", "who", "which",
                   "that", "than", "in", "on", "at", "from", "to", "by", "for", "with", "as", "per"])
_VERB_AFTER = re.compile(r"\s+(?:(?:people|of\s+them|others)(?:,\s+including\s+[^,.;]{1,40},)?\s+)?"
                         r"(?:have|has|had|were|was|are|is)\s+(?:been\s+)?"
                         r"(killed|died|dead|injured|wounded|evacuated|detained|arrested|deported|recruited|"
                         r"captured|shot\s+down|intercepted|downed|destroyed|launched)\b", re.IGNORECASE)
_HARM_AFTER = re.compile(r"(?:,\s+including\s+[^,.;]{1,40},)?\s+(?:(?:have|has|had|were|was|are|is)\s+"
                         r"(?:been\s+|reported\s+|confirmed\s+)?)?"
                         r"(killed|dead|injured|wounded|hurt)\b", re.IGNORECASE)
_OF_THOSE = re.compile(r"\s+of\s+(?:them|those|these)\s+(killed|injured|wounded|evacuated|detained|arrested|deported|"
                       r"expelled|recruited|held|rescued)\b", re.IGNORECASE)

# "the three, labour migrants from Osh", "the two who were detained": a number standing for people
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_PEOPLE_AFTER = re.compile(r"\s+who\b|\s*,\s*(?P<w>[\w-]+(?:\s+[\w-]+){0,2})", re.IGNORECASE)
# "killing two and injuring 26", "injured one employee", "killed four members of a group"
_VERB_BEFORE = re.compile(r"\b(killing|injuring|wounding|killed|injured|wounded|shot\s+dead|shooting\s+dead)\s+"
                          r"(?:at\s+least\s+|another\s+|about\s+|around\s+|nearly\s+|almost\s+|some\s+|"
                          r"more\s+than\s+|over\s+|up\s+to\s+)?$",
                          re.IGNORECASE)

# "air defences shot down or jammed 105 of them"
_DOWNED_BEFORE = re.compile(r"\b(?:shot\s+down|downed|intercepted|destroyed|jammed|suppressed)"
                            r"(?:\s+or\s+(?:[\w-]+\s+){1,2}?)?\s*(?:at\s+least\s+)?$", re.IGNORECASE)
_OF_THEM = re.compile(r"\s+of\s+them\b", re.IGNORECASE)
_CRAFT_AFTER = re.compile(r"\s+(?:boats?|surface\s+vessels?|vessels?)\b", re.IGNORECASE)
# what may stand between a count and its share: "57 drones overnight, 21 of them" (no verb, one clause)
_SHARE_COMMA = re.compile(r"(?:\s+[\w-]+){0,3}\s*,\s*(?:including\s+|of\s+which\s+)?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FigureSpan:
    """A figure found in a text: ``text[start:end]`` says ``figure``."""

    figure: Figure
    start: int
    end: int

    def shifted(self, by: int) -> FigureSpan:
        """The same figure with its offsets moved by ``by`` (from a sentence into its whole text)."""
        return FigureSpan(self.figure, self.start + by, self.end + by)

    @property
    def is_count(self) -> bool:
        """True when the figure counts something (people, drones, money), not a duration or an age."""
        return bool(self.figure.unit) and self.figure.unit not in NON_COUNT_UNITS


def find_figures(text: str) -> list[FigureSpan]:
    """Find the numbers of a text and what each counts.

    Parameters
    ----------
    text
        The text to search.

    Returns
    -------
    list[FigureSpan]
        One per number with a recognised unit, in text order; bare numbers (years, house numbers)
        whose unit cannot be told are left out.

    >>> [(f.figure.value, f.figure.unit) for f in find_figures("about 20,000 are serving; 1.8 tons of gold")]
    [(20000.0, ''), (1.8, 'tons')]
    >>> [(f.figure.value, f.figure.unit) for f in find_figures("a 37-year-old man, 18 months")]
    [(37.0, 'age'), (18.0, 'months')]
    """
    out: list[FigureSpan] = []
    pos = 0
    for a in _anchors(text):  # match the full pattern only in a window around each number
        if a.start() < pos:
            continue
        if clock := _CLOCK.match(text, a.start()):  # a clock time ("07:55 Drone hits ...", a live blog's stamp)
            pos = clock.end()
            continue
        m = _FIGURE.search(text, max(pos, a.start() - 40), min(len(text), a.end() + 24))
        if m is None or m.end() <= pos or not (m.group("num") or m.group("word")):
            continue
        pos = m.end()
        if _ONE_OF_THE_MOST.match(text, m.start("word") if m.group("word") else m.start()):
            continue  # "one of its largest drone attacks": a superlative, no count
        if m.group("word") and text[max(0, m.start("word") - 3):m.start("word")].lower() == "no ":
            continue  # "No one was injured": nobody
        value = _value(m)
        if value is None or POPULATION_OF.search(text, max(0, a.start() - 40), a.start()):
            continue
        unit, end = _unit(text, m)
        if unit is None and out and out[-1].is_count and _OF_THEM.match(text, end) \
                and _SHARE_COMMA.fullmatch(text, out[-1].end, m.start()):
            unit = out[-1].figure.unit  # "destroyed 57 drones overnight, 21 of them over X": a share of that count
        elif unit is None and out and out[-1].is_count and TOTAL_TO.search(text, max(0, a.start() - 60), a.start()):
            unit = out[-1].figure.unit  # "shot down four more drones, bringing the night's total to 11": all of them
        elif unit is None and value >= 10 and out and out[-1].figure.unit == "people" \
                and LIST_ITEM_BEFORE.search(text, max(0, a.start() - 9), a.start()) and (
                    MOVED_AFTER.match(text, end) or TO_PLACE.match(text, end) or FROM_PLACE.match(text, end)):
            unit = "people"  # "6,300 citizens were sent to Korea, 2,900 left for the UK" (or "2,900 for the UK",
            # "97 from Sloviansk"): the noun told once, and the verb too
        elif unit is None and value >= 10 and out and out[-1].figure.unit == "people" \
                and _STATE_FOR.search(text, max(0, a.start() - 40), a.start()):
            unit = "people"  # "Kazakhstan accounted for 21,400 people, Turkey for 9,100": the noun told once
        elif unit is None and value >= 10 and (MOVED_BEFORE.search(text, max(0, a.start() - 30), a.start()) or (
                CLAUSE_OPENS.search(text, max(0, a.start() - 30), a.start()) and MOVED_AFTER.match(text, end)
                and not YEAR.fullmatch(a.group()))):
            unit = "people"  # "while Pakistan expelled 54,000", "[..., while] 9,400 left for work": people moved
        elif unit is None and value >= 10 and _OF_THEM.match(text, end):
            unit = ""  # "402,000 of them went to Russia": a bare count, a share of a group told before
        elif unit is None and _OF_THEM.match(text, end) and craft_share(text, a.start()):
            unit = "drones"  # "an attack by uncrewed boats ..., destroying four of them"
        if unit is None:
            continue
        start = m.start("approx") if m.group("approx") else m.start()
        while start < end and text[start].isspace():
            start += 1
        approx = bool(m.group("approx")) and not _FEWER.match(m.group("approx"))
        if unit == "tons" or unit in _CURRENCY_CODES:
            per = _PER_PERIOD.match(text, end)
            if per:  # "can process 8 million tonnes of crude a year": a capacity, no quantity of an event
                unit, end = "rate", per.end()
        out.append(FigureSpan(Figure(value, unit, text[start:end], approx), start, end))
    if any(map(text.__contains__, _ONE_VICTIM_WORDS)):
        out = sorted(out + _one_victim(text, out), key=lambda f: f.start)
    return out

# ", Turkey for " or " and South Korea for " before a bare count: the next state of a list of shares
_STATE_FOR = re.compile(r"(?:,\s*|\s+and\s+)(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}\s+for\s+$")
_CURRENCY_CODES = frozenset(_CURRENCIES.values())
_FEWER = re.compile(r"(?i)(?:fewer|less)")  # "fewer than 10": an upper bound, no approximation
# what _one_victim needs
_ONE_VICTIM_WORDS = (" was killed", " was injured", " was wounded", " was hurt", " was hospitali", "killing a",
                     "injuring a", "wounding a", "killed a", "injured a", "wounded a", "killing one", "injuring one",
                     "wounding one", "killed one", "injured one", "wounded one", "killing the", "injuring the",
                     "wounding the", "ly injured", "ly wounded", "ly hurt", " been ", " suffered ")
_PER_PERIOD = re.compile(r"(?:\s+of\s+[\w-]+(?:\s+[\w-]+)?)?\s+(?:a|per|each|every)\s+(?:year|month|week|day)\b|"
                         r"\s+(?:annually|yearly|monthly|daily)\b", re.I)
_ONE_OF_THE_MOST = re.compile(r"(?i)one\s+of\s+(?:\S+\s+)?(?:\w+est|most)\b")
_VICTIM = (r"(?:[Tt]he\s+(?:driver|pilot|conductor|owner)\b|"  # ("killing the driver")
           r"(?:[Aa]n?|[Oo]ne)\s+(?:\d+-year-old\s+)?(?:[A-Za-z]+\s+)?(?:man|woman|boy|girl|child|person|civilian|"
           r"resident|driver|teenager|pensioner|worker|soldier|serviceman|servicewoman|border\s+guard|guard|officer|"
           r"policeman|police\s+officer|firefighter|rescuer|farmer|shepherd|migrant|passenger)\b)")
# "a 64-year-old man was killed", "one person was killed", "killing a port worker", "a guard at the depot was
# killed", "a woman was hospitalised", "a woman was slightly injured": one victim (taken to hospital: injured)
# ("The 37-year-old driver was killed on the spot": a victim first told by the age, in a bulletin's next sentence)
_ONE_VICTIM = re.compile(rf"\b(?:{_VICTIM}|The\s+\d+-year-old\s+(?:[A-Za-z]+\s+)?(?:man|woman|boy|girl|driver|"
                         r"resident|pensioner|worker|passenger))(?:\s+(?:at|of|in|on)\s+the\s+[a-z-]+)?\s+(?:was|ha[sd]\s+been)\s+"
                         r"(?:(?:slightly|lightly|seriously|badly|severely|critically)\s+)?(?P<u>killed|injured|wounded|hurt|"
                         r"hospitali[sz]ed)\b|"
                         rf"\b(?:{_VICTIM}|The\s+\d+-year-old\s+(?:[A-Za-z]+\s+)?(?:man|woman))\s+suffered\s+"
                         r"(?:[\w-]+\s+){0,2}?(?:wounds|injuries|burns)\b|"  # "The driver suffered shrapnel wounds"
                         rf"\b(?P<v>killing|injuring|wounding|killed|injured|wounded)\s+{_VICTIM}")

_AND_VICTIM = re.compile(rf"\s+and\s+{_VICTIM}")


def _one_victim(text: str, found: list[FigureSpan]) -> list[FigureSpan]:
    """"A 64-year-old man was killed", "injuring a 60-year-old woman": one victim, counted (the age is no
    count of them)."""
    out = []
    for m in _ONE_VICTIM.finditer(text):
        if text[max(0, m.start() - 3):m.start()].lower() == "no ":
            continue  # "No one was injured": nobody
        if not any(m.start() <= f.start < m.end() and f.figure.unit in ("killed", "injured") for f in found):
            unit = "killed" if (m.group("u") or m.group("v") or "").startswith("kill") else "injured"
            two = m.group("v") and _AND_VICTIM.match(text, m.end())  # "killing a man and a woman": two victims
            end = two.end() if two else m.end()
            out.append(FigureSpan(Figure(2.0 if two else 1.0, unit, text[m.start():end], False), m.start(), end))
    return out


def _anchors(text: str) -> list[re.Match[str]]:
    """Runs of digits and number words, in text order (the two never overlap: words hold no digits)."""
    found = list(_DIGITS.finditer(text))
    words = list(_NUMBER_WORD.finditer(text, lowered(text)))
    return sorted(found + words, key=lambda m: m.start()) if words else found


def _value(m: re.Match[str]) -> float | None:
    if m.group("num"):
        digits = m.group("num").replace(",", "")
        if len(digits.split(".")[0]) > _MAX_DIGITS:
            return None
        value = float(digits)
    else:
        value = float(WORD_NUMBERS[m.group("word").lower()] + WORD_NUMBERS.get((m.group("ones") or "").lower(), 0))
    scale = (m.group("scale") or m.group("short") or "").lower()
    if scale == "m" and not m.group("cur"):
        return None if not m.group("num") else value  # "5m" without currency: metres, keep as bare
    return value * _SCALES.get(scale, 1.0)


def _unit(text: str, m: re.Match[str]) -> tuple[str | None, int]:
    """The unit the figure counts and where the figure ends; ``None`` when it is a bare number."""
    end = m.end()
    if m.group("cur"):
        return _CURRENCIES[m.group("cur").lower()], end
    if m.group("age"):
        return "age", end
    if m.group("adj"):
        return _UNIT_WORDS.get(m.group("adj")[1:].lower(), "km"), end
    if m.group("pct"):
        return "percent", end
    verb = _VERB_AFTER.match(text, end)
    if verb:
        return _VERB_UNITS[" ".join(verb.group(1).lower().split())], verb.end()
    first = m.start("num") if m.group("num") else m.start("word")
    window = text[max(0, first - 130):first]
    toll = TOLL_TO.search(window) if ("toll" in window or "number of" in window) else None
    if toll:
        return "killed" if toll.group("dead") else "injured", end
    if "number of" in window and NUMBER_TO.search(window):
        return "people", end
    subset = _OF_THOSE.match(text, end)  # "18 of those expelled were put on a flight": some of a group told
    if subset:
        return _VERB_UNITS.get(subset.group(1).lower(), "people"), subset.end()
    nation = NATIONALS_AFTER.match(text, end)  # "6,900 ethnic Kazakhs", "3,400 Russians": people of a nation
    if nation and nation.group(1).lower() not in NOT_NATIONALS:
        return "people", nation.end()
    if m.group("word") and _THE_BEFORE.search(text, max(0, m.start("word") - 5), m.start("word")):
        who = _PEOPLE_AFTER.match(text, end)
        words = (who.group("w") or "").lower().split() if who else []
        if who and (not words or any(_UNIT_WORDS.get(w) == "people" for w in words)):
            return "people", end
    at0 = m.start("num") if m.group("num") else m.start("word")
    if _INCLUDING.search(text, max(0, at0 - 24), at0) and _COUNT_BEFORE.search(text, max(0, at0 - 70), at0):
        noun = _NOUN_AFTER.match(text, end)  # (the share's noun stays in its text: "two children")
        return "", noun.end() if noun and noun.group(1).lower() in _UNIT_WORDS else end  # "injuring nine people,
        # including two children": a share of the count told, no count of its own
    tentative: tuple[str, int] | None = None  # "100 injured women": the noun decides, else the adjective
    for i, w in enumerate(_TOKEN.finditer(text, end, min(len(text), end + 60))):
        word = w.group(0).lower().strip("’'")
        if i >= 5 or not word[:1].isalpha() and word != "%" or word in _STOP:
            break
        if word in _CURRENCIES:
            return _CURRENCIES[word], w.end()
        if word in ("uncrewed", "unmanned") and (craft := _CRAFT_AFTER.match(text, w.end())):
            return "drones", craft.end()  # "six uncrewed boats": sea drones
        if word in _UNIT_WORDS:
            if _UNIT_WORDS[word] in {"injured", "killed"} and tentative is None:
                tentative = (_UNIT_WORDS[word], w.end())
                continue
            head = _TOKEN.match(text, w.end() + 1)  # "two truck drivers": the last noun of a compound counts
            if head and text[w.end():w.end() + 1] == " " and head.group(0).lower() in _UNIT_WORDS \
                    and _UNIT_WORDS[head.group(0).lower()] == "people":
                return _harmed(text, m) or "people", head.end()
            if _UNIT_WORDS[word] in ("people", "fighters"):  # "injured one employee": the harm is what counts
                # "two servicemen were killed", "Two Kyrgyz border guards were wounded": so does a passive after
                after = _HARM_AFTER.match(text, w.end())
                harm = ("killed" if after.group(1).lower() in ("killed", "dead") else "injured") if after else ""
                return _harmed(text, m) or harm or _UNIT_WORDS[word], w.end()
            return _UNIT_WORDS[word], w.end()
    if tentative:
        return tentative
    if _DOWNED_BEFORE.search(text, max(0, m.start() - 40), m.start()) and _OF_THEM.match(text, end):
        return "drones", end  # "shot down or jammed 105 of them": the drones of the tally
    harmed = _harmed(text, m)
    if harmed:  # "killing two and injuring 26": the verb before says what was counted
        return harmed, end
    at = m.start("num") if m.group("num") else m.start("word")
    if m.group("num") and SHARE_BEFORE.search(text, max(0, at - 12), at) and SHARE_AFTER.match(text, end) \
            and not YEARLIKE.fullmatch(m.group("num")):
        return "", end  # "including 5,100 to South Korea and 2,300 to the UK": a total's share per place
    gap = GAPPED_BEFORE.search(text, max(0, at - 60), at) if m.group("num") else None
    if gap and ITEM_END.match(text, end) and not YEARLIKE.fullmatch(m.group("num")) \
            and _DIGIT.search(text, max(0, gap.start() - 80), gap.start()):  # (the list's first count before it)
        return "", end  # "the United Kingdom took 2,900 workers and Germany 800": an item's count, the noun told once
    if m.group("num") and ITEM_END.match(text, end) and RANKED_BEFORE.search(text, max(0, at - 60), at) \
            and not YEARLIKE.fullmatch(m.group("num")):
        return "", end  # "Tajikistan was second with 486,000": a ranked place's count, the noun told before
    moves = MOVES_AFTER.match(text, end) if m.group("num") else None
    if moves and RECORDED_BEFORE.search(text, max(0, at - 40), at):
        return "people", moves.end()  # "the agency recorded 186,000 returns": people who moved, counted by an office
    if m.group("num") and RECEIVED_BEFORE.search(text, max(0, at - 30), at) and ITEM_END.match(text, end) \
            and not YEARLIKE.fullmatch(m.group("num")):
        return "", end  # "citizens of China, who received 3,100, followed by ...": the noun told before
    bare = m.group("approx") or m.group("scale") or _MORE_OF.search(text, max(0, at - 16), at)
    thing = _THINGS_AFTER.match(text, end) if bare else None
    if thing and thing.group(1) not in _NOT_THINGS:  # "more than 300 complaints": a count of things, not people
        return thing.group(1), thing.end()
    return ("" if bare else None), end


def _harmed(text: str, m: re.Match[str]) -> str:
    """"killed" or "injured" when such a verb stands right before the number ("injuring 26"), else ""."""
    at = m.start("num") if m.group("num") else m.start("word")
    verb = _VERB_BEFORE.search(text, max(0, at - 24), at)
    if not verb:
        return ""
    return "killed" if verb.group(1).lower().startswith(("kill", "shot", "shooting")) else "injured"

_INCLUDING = re.compile(r",\s+(?:including|among\s+them)\s+(?:about\s+|some\s+|at\s+least\s+|nearly\s+)?$", re.I)
_COUNT_BEFORE = re.compile(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|"
                           r"thousands))\b[^.;]*$", re.I)
_NOUN_AFTER = re.compile(r"\s+([A-Za-z]+)\b")
_MORE_OF = re.compile(r"\b(?:[Aa]\s+further|[Aa]nother|[Aa]n\s+additional)\s+$")  # "a further 62,000": more of the same
_THINGS_AFTER = re.compile(r"\s+([a-z]{3,}[^s\W]s)\b")  # a plural noun right after the number
_NOT_THINGS = frozenset({"others", "ones", "across", "towards", "besides", "perhaps", "always", "sometimes",
                         "afterwards", "whereas", "unless", "nonetheless", "nevertheless"})
_DIGIT = re.compile(r"\b\d[\d,]*\b(?![.,]?\w)")  # a number standing alone (not a model: "737s")

# Patterns searched over sentences and windows, behind a look-ahead at the letters their matches start with
# (prefilter.looking_ahead): the same matches, most positions rejected at one character
(_DOWNED_BEFORE, _THE_BEFORE, _VERB_BEFORE) = map(looking_ahead, (_DOWNED_BEFORE, _THE_BEFORE, _VERB_BEFORE))
