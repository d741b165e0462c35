"""The status of a reported incident (confirmed, claimed, denied) from who reports it and how.

The rule, applied to the sentence that reports the incident (first that holds wins):

1. **denied** when the sentence denies it ("denied", "rejected", "could not confirm").
2. **confirmed** when it is confirmed in so many words ("confirmed", "officially"), not negated.
3. **claimed** when it is hedged or alleged ("claimed", "alleged", "reportedly", "unconfirmed",
   "may have").
4. When the sentence attributes the report ("said", "says", "according to", "reported", "told",
   "wrote", "posted"), the speaker decides. The speaker is the clause before the verb ("Police in
   the region said"; ", the regional governor said") or after it ("according to Telegram channels",
   "said the governor"); a bare "he" or "the ministry" is the speaker of the sentence before.

   - **confirmed** when a speaker is an authority that reports what it found or what happened:
     police, governors, mayors, emergency services, local or regional officials and administrations,
     prosecutors, embassies, migration agencies (on either side of the war); national officials and
     ministries not qualified as Russian or Ukrainian ("officials said", "the foreign ministry",
     "Kyrgyz labour ministry"); the military or security body of a state that is no party to the war
     ("Kazakhstan's defence ministry", "Uzbek border guards");
   - **claimed** otherwise: a party to the conflict (a military or security body qualified as
     Russian or Ukrainian, or one that can only be theirs: SBU, FSB, HUR, an unqualified one counting
     as a party; national officials qualified so: "a senior Russian official", "Ukrainian officials"),
     an unverified source (Telegram channels, social media, bloggers, residents, witnesses), or anyone
     else (a named person, a report, the media).
5. **confirmed** when there is no cue at all: the article states the incident as fact.

Cue words live in ``mapper/data/lexicons/cues.csv`` (classes denied, confirmed, claimed,
attribution, authority, official, military, party, belligerent, neutral, unverified, anaphor).
"""

from __future__ import annotations

import re

from mapper.incident_hedges import denials, hedges
from mapper.incident_owners import own_media, owner_vouches
from mapper.incident_text import dateline_end, dateline_outlet
from mapper.lexicon import Lexicon
from mapper.model import Status
from mapper.prefilter import looking_ahead

_CLAUSE_END = re.compile(r"[,;:(“”\"—–]|\b(?:that|and|but|while)\b")
# the same, the last one before a point: the greedy prefix makes re look from the end backwards
_LAST_CLAUSE_END = re.compile(r"(?s:.*)(?:[,;:(“”\"—–]|\b(?:that|and|but|while)\b)")
_PRONOUN = re.compile(r"\b(?:he|she|they|it|him|her|them)\b", re.I)  # ("according to him")
_NOBODY = re.compile(r"\b(?:no|nobody|none|not)\b", re.I)
_AGENT = re.compile(r"\s+(?:\w+\s+)?by\b")
_AS_BEFORE = re.compile(r"\bas\s+(?:(?:first|initially|earlier|previously|originally)\s+)?$", re.I)
_STATE_SPEAKER = re.compile(r"\s*(?:the\s+)?[A-Z]\w+(?:\s+[A-Z]\w+)?\s*")  # "Kazakhstan", "the Kyrgyz Republic"
# Words of an institution's name ("Ministry of Labour, Migration and Employment"): a clause made of them
# alone is part of a name cut at a comma or "and", whose start lies further back.
_PERSON = re.compile(r"\s*[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}\s*")  # a bare name: "Oleg Nikolayev " before "said"
_NAME_END = re.compile(r"[A-Z][\w’'-]*\s*(?:,|\band)\s*$")  # "Labour, " or "Labour and ": a name goes on
_NAME_WORDS = frozenset({"the", "of", "and", "for", "a"})  # small words inside a body's name
_NAME_PART = re.compile(r"\s*(?!The\b)[A-Z][\w’'-]*\s*(?:(?:[A-Z][\w’'-]*|of|and|for|the)\s*)*")
_QUALIFIER_SPAN = 30  # characters before a military body where its country is named
_INVERSION_SPAN = 40  # ", said the governor": how far after the verb the speaker may be named
# "Tatarstan's head Rustam Minnikhanov", "Bashkortostan head Radiy Khabirov", "the republic's head": a Russian
# region's head of government (in code: lexicon keys are letters only; not "SBU head", an acronym)
_REGION_HEAD = re.compile(r"\b(?:(?:republic|region)(?:’|')s\s+head\b|[A-Z][a-z][\w-]*(?:(?:’|')s)?\s+head\s+[A-Z])")
# "Governor Oleh Kiper reports that": a name or a body right before the verb (not "asked Moscow to explain
# reports that")
_NAMED_BEFORE = re.compile(r"(?:[A-Z][\w’'-]+|ministry|administration|police|governor|mayor|service)\s+$")
_PRONOUN_BACK = 6  # how many sentences back "he said" may find its speaker across sentences quoting nobody
_AUTHORITY, _CLAIM, _OTHER, _NONE = "authority", "claim", "other", ""
# the items of a military bulletin by direction or front: "In the Pokrovsk direction, ...", "On the Zaporizhzhia front"
_BULLETIN_ITEM = re.compile(r"\s*(?:(?:In|On|Along)\s+the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?\s+"
                            r"(?:direction|front|axis|sector)\b")
# a sentence's opening time clause up to a cue word ("When President Vladimir Putin announced ...")
_WHEN_CLAUSE = re.compile(r"\s*(?:When|After|Before|Since|Shortly\s+after)\s+[^,;]*")
_THAT_AFTER = re.compile(r"\s+(?:that|on\s+\w+\s+that)\b")


def sentence_status(lex: Lexicon, text: str, sents: list[tuple[int, int]], i: int) -> tuple[Status, str]:
    """Status of the incident reported by sentence ``i`` of ``text`` and the cue that decided it.

    Parameters
    ----------
    lex
        The lexicon whose ``cues.csv`` gives the cue words.
    text, sents, i
        The article text, its sentence spans and the index of the reporting sentence.

    Returns
    -------
    tuple[Status, str]
        The status and the cue word ("" when the sentence states the incident as fact).
    """
    s, e = sents[i]
    cues = lex.cues_in(text, s, e)
    denied = denials(text, s, cues.get("denied", []))
    if denied:
        return Status.DENIED, denied[0][0]
    confirmed = [(t, o) for t, o in cues.get("confirmed", [])
                 if "not" not in text[max(s, o - 12):o].lower().split()]
    if confirmed:
        return Status.CONFIRMED, confirmed[0][0]
    claimed = hedges(text, s, cues.get("claimed", []))
    kinds = None
    if claimed and all(t in ("reports that", "report that") and _NAMED_BEFORE.search(text, max(s, o - 30), o)
                       for t, o in claimed):
        kinds = _speakers(lex, text, sents, i)
        if any(k == _AUTHORITY for k, _ in kinds):
            claimed = []  # "Odesa regional governor Oleh Kiper reports that drones struck ...": an authority's report
    if claimed:
        return Status.CLAIMED, claimed[0][0]
    if kinds is None:
        kinds = _speakers(lex, text, sents, i)
    if not kinds:
        # "In the Kostiantynivka direction, units repelled ... Fighting also continued near ...": an item of the
        # bulletin a speaker was quoted on before (the item's paragraph goes on with it)
        if i > 0 and (_BULLETIN_ITEM.match(text, s) or (
                _BULLETIN_ITEM.match(text, sents[i - 1][0]) and "\n" not in text[sents[i - 1][1]:s])):
            for j in range(i - 1, max(-1, i - 4), -1):
                if _speakers(lex, text, sents, j):
                    return sentence_status(lex, text, sents, j)
        src = _source_line(text)  # "(Translated from the Russian Defence Ministry's Telegram channel.)": the
        if src is not None:       # whole text is the body's statement, its sentences quoting nobody
            kind, who = _classify(lex, text, src[0], *src)
            if kind == _CLAIM:
                return Status.CLAIMED, f"source line: {who}"
        head = _HEAD_LINE.match(text)  # "General Staff of the Armed Forces of Ukraine: operational information
        if head is not None:           # ...": a statement published whole under its body's name
            kind, who = _classify(lex, text, 0, *head.span("who"))
            if kind == _CLAIM:
                return Status.CLAIMED, f"heading: {who}"
        return Status.CONFIRMED, ""
    cue = cues["attribution"][0][0]
    handler = _handled_by(lex, text, s, e)
    if handler:  # "villagers reported debris that was later collected by the military": the body has it
        return Status.CONFIRMED, handler
    kinds = owner_vouches(text, s, e, kinds, _AUTHORITY, _OTHER)  # ("the consortium said" names an attack?)
    if any(k == _AUTHORITY for k, _ in kinds):
        who = next(w for k, w in kinds if k == _AUTHORITY)
        return Status.CONFIRMED, f"{cue}: {who}"
    who = next((w for k, w in kinds if w), "")
    return Status.CLAIMED, f"{cue}: {who}" if who else cue


# the last line of a reproduced statement naming where it comes from: "(Translated from the Russian Defence
# Ministry's Telegram channel.)", "Source: Ukraine's General Staff"
_SOURCE_LINE = re.compile(r"\n\s*\(?(?:Translated\s+from|Source:|Sources:|Via)\s+(?P<who>[^\n]{3,120}?)\)?\.?\)?\s*\Z")

# the first line of a statement published whole, naming its body before a colon: "Ministry of Defence of the
# Russian Federation: during the past night ...", "General Staff of the Armed Forces of Ukraine: operational ...",
# and the time it posted: "Russian Defence Ministry, 23:15 Moscow time:"
_HEAD_LINE = re.compile(r"\s*(?P<who>[A-Z][^\n:.\"“]{5,90}?)(?:,[^\n]{0,40}?\b\d{1,2}:\d{2}\b[^\n:]{0,40}?)?:\s")


def _source_line(text: str) -> tuple[int, int] | None:
    """The span naming the source in a statement's last line ("Translated from X"), if there is one."""
    m = _SOURCE_LINE.search(text, max(0, len(text) - 200))
    return m.span("who") if m else None


def _speakers(lex: Lexicon, text: str, sents: list[tuple[int, int]], i: int,
              depth: int = 0) -> list[tuple[str, str]]:
    """(kind, cue word) of each speaker the sentence quotes; empty when it quotes nobody."""
    s, e = sents[i]
    out = []
    outlet = dateline_outlet(text)
    for term, off in lex.cues_in(text, s, e).get("attribution", []):
        if _WHEN_CLAUSE.fullmatch(text, max(s, dateline_end(text)) if s < 120 else s, off) \
                and not _THAT_AFTER.match(text, off + len(term)):
            continue  # "When Putin announced a mobilisation in 2022, 400,000 crossed": the time, no source
        if _AS_BEFORE.search(text, max(s, off - 25), off) and not _AGENT.match(text, off + len(term)):
            continue  # "143,000 came home, not 162,000 as first reported": the earlier figure, no source
        windows = _windows(text, s, e, term, off)
        if _NOBODY.search(text, *windows[0]):
            continue  # "no casualties were reported": nothing is attributed
        if outlet and re.search(rf"(?<![\w.]){re.escape(outlet)}(?![\w])", text[slice(*windows[0])], re.I):
            continue  # "Earlier, UNN reported that" in UNN's own story: the article's voice, no one it quotes
        kind, who = _NONE, ""
        for a, b in windows:
            kind, who = _classify(lex, text, s, a, b)
            if kind:
                break
        if kind == _NONE and depth < 2 and (lex.cues_in(text, *windows[0]).get("anaphor")
                                            or _PRONOUN.search(text, *windows[0])):
            # "the agency said": the agency (named earlier in this sentence too, the first one included)
            kind, who = _body_named_before(lex, text, sents, i, windows[0])
            if kind == _NONE and i > 0:  # "he said", "the ministry added": the speaker of the sentence before
                prev = []
                for j in range(i - 1, max(-1, i - _PRONOUN_BACK - 1), -1):  # sentences between that quote nobody
                    prev = _speakers(lex, text, sents, j, depth + 1)  # ("In Nikopol, a drone hit a car. ... No
                    if prev:                                          # one was hurt. ..., he said"): the speaker
                        break                                         # named before them
                kind, who = next(iter(prev), (_NONE, ""))
        out.append((kind or _OTHER, who))
    return out


# "debris that was later collected by the military", "fragments removed by sappers": an official body that
# took or examined the object found has seen it, whoever first reported it
_HANDLED = re.compile(r"\b(?:collected|recovered|removed|retrieved|taken\s+away|picked\s+up|examined|inspected|"
                      r"defused|seized)\s+by\b", re.I)


def _handled_by(lex: Lexicon, text: str, s: int, e: int) -> str:
    """"<verb> by: <body>" when ``text[s:e]`` tells that an authority or a military body handled the object
    reported ("collected by the military"); "" when it does not."""
    for m in _HANDLED.finditer(text, s, e):
        cues = lex.cues_in(text, m.end(), _clause_end(text, m.end(), min(e, m.end() + _BODY_SPAN)))
        if cues.get("unverified"):
            continue
        body = next((cues[k][0][0] for k in ("authority", "military", "official") if cues.get(k)), "")
        if body:
            return f"{m.group(0)}: {body}"
    return ""


_BODY_SPAN = 40  # characters around an earlier mention of a body where its name and qualifiers are
_BARE_BODY = re.compile(r"\b(?:the|its|this|that)\s+$", re.I)


def _body_named_before(lex: Lexicon, text: str, sents: list[tuple[int, int]], i: int,
                       window: tuple[int, int]) -> tuple[str, str]:
    """(kind, cue word) of "the agency", "the ministry" quoted in sentence ``i``, from the last earlier
    sentence that names that body in full ("the Agency for External Labour Migration", "the Defence
    Ministry"), however far back; ("", "") when none does."""
    nouns = [term for term, _off in lex.cues_in(text, *window).get("anaphor", []) if not term.endswith("*")]
    if not nouns:
        return _NONE, ""
    low = text.lower()
    for j in range(i, -1, -1):  # ("officers of Russia's Investigative Committee ... , the committee said": its own)
        a, b = (sents[j][0], window[0]) if j == i else sents[j]
        at = low.rfind(nouns[0], a, b)
        while at >= 0:
            if text[at].isupper() or not _BARE_BODY.search(text, max(a, at - 6), at):  # (not "the agency")
                end = at + len(nouns[0])  # (the name may go on to its clause's end: "the Ministry of Defence of X")
                kind, who = _classify(lex, text, a, max(a, at - _BODY_SPAN),
                                      _clause_end(text, end, min(b, end + _BODY_SPAN)))
                if kind:
                    return kind, who
            at = low.rfind(nouns[0], a, at)
    return _NONE, ""


def speaker_spans(lex: Lexicon, text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Spans of ``text[s:e]`` that name who is quoted ("the General Staff in Kyiv" said): the places
    there say where the speaker sits, not where the incident happened."""
    out = []
    for term, off in lex.cues_in(text, s, e).get("attribution", []):
        out += [(a, b) for a, b in _windows(text, s, e, term, off) if _classify(lex, text, s, a, b)[0]][:1]
    # "residents of X posted videos of what they said was a drone": the hedge names its speaker in "what they";
    # the places before it are where the report comes from
    return [(_what_said(text, a, b), b) for a, b in out]


_WHAT_SAID = re.compile(r"\bwhat\s+(?:[\w-]+\s+){1,2}$", re.I)


def _what_said(text: str, a: int, b: int) -> int:
    """Start of a "what they" hedge that ends the speaker span ``text[a:b]``, else ``a``."""
    if text.find("what ", a, b) < 0:
        return a
    m = _WHAT_SAID.search(text, a, b)
    return m.start() if m else a


def _windows(text: str, s: int, e: int, term: str, off: int) -> list[tuple[int, int]]:
    """Where the speaker of the reporting verb ``term`` at ``off`` may be named, most likely first."""
    if term.lower() == "according to":
        return [(off + len(term), _clause_end(text, off + len(term), e))]
    before = _clause_start(text, s, off)
    for _ in range(3):
        if before <= s or not text[before:off].strip() or not _NAME_PART.fullmatch(text, before, off) \
                or not _NAME_END.search(text, max(s, before - 30), before):
            break
        prev = _clause_start(text, s, before - 1)
        if sum(w[0].islower() and w not in _NAME_WORDS for w in text[prev:before].split()) > 2:
            break  # "debris damaged a house in Lyudinovo, Governor X said": a clause, not a name going on
        before = prev
    windows = [(before, off)]
    agent = _AGENT.match(text, off + len(term), e)  # "as reported by the governor"
    if agent:
        windows.insert(0, (agent.end(), _clause_end(text, agent.end(), e)))
    if not text[before:off].strip(" ,"):  # ", said the governor" or "X, head of Y, said"
        after = off + len(term)
        windows.append((after, min(_clause_end(text, after, e), after + _INVERSION_SPAN)))
        if before > s:
            name = _clause_start(text, s, before - 1)
            windows.append((name, before - 1))
            if name > s and _PERSON.fullmatch(text, name, before - 1):  # "the governor of X, Oleg Nikolayev, said"
                windows.append((_clause_start(text, s, name - 1), name - 1))
    return windows


def _classify(lex: Lexicon, text: str, sent_start: int, a: int, b: int) -> tuple[str, str]:
    """Kind of the speaker named in ``text[a:b]``: a party or an unverified source beats an authority."""
    cues = lex.cues_in(text, a, b)
    for term, _off in cues.get("party", []):
        return _CLAIM, term
    # "the regional military administration": a civil authority whose name holds a military word
    civil = [(off, off + len(term)) for term, off in cues.get("authority", [])]
    for term, off in cues.get("military", []):
        if any(x <= off < y for x, y in civil):
            continue
        if _side(lex, text, sent_start, a, off, off + len(term), b) != "neutral":
            return _CLAIM, term
    if cues.get("unverified") and not own_media(text, cues["unverified"], cues.get("authority", [])):
        return _CLAIM, cues["unverified"][0][0]
    if cues.get("authority"):
        return _AUTHORITY, cues["authority"][0][0]
    for term, off in cues.get("official", []):
        if _side(lex, text, None, a, off, off + len(term), b) == "belligerent":
            return _CLAIM, term
    for kind in ("official", "military"):
        if cues.get(kind):
            return _AUTHORITY, cues[kind][0][0]
    if _REGION_HEAD.search(text, a, b):
        return _AUTHORITY, "head"  # "Bashkortostan's head Radiy Khabirov": a region's head of government
    if cues.get("neutral") and not cues.get("belligerent") and _STATE_SPEAKER.fullmatch(text, a, b):
        return _AUTHORITY, cues["neutral"][0][0]  # "Kazakhstan said": the government of a state at peace
    return _introduced(lex, text, sent_start, a, b)


_SURNAME = re.compile(r"\s*([A-Z][a-z][\w’'-]+)(?:\s+(?:also|further|later|then))?\s*")  # ("Fedorov also said")


def _introduced(lex: Lexicon, text: str, sent_start: int, a: int, b: int) -> tuple[str, str]:
    """The kind of a speaker named by surname alone ("Busargin said then") from the title given where the
    article introduced the person ("Saratov region governor Roman Busargin said", "Sergei Melikov, the head
    of Dagestan, said")."""
    m = _SURNAME.fullmatch(text, a, b) or _SURNAME.fullmatch(text, text.rfind(",", a, b) + 1 or a, b)
    if m is None:  # (and after an opening time clause: "Overnight into Friday, Sobyanin reported")
        return _NONE, ""
    full = next(reversed(list(re.compile(rf"\b[A-Z][\w’'-]+\s+{re.escape(m.group(1))}\b").finditer(
        text, 0, sent_start))), None)
    if full is None:
        return _NONE, ""
    before = _clause_start(text, max(0, full.start() - 60), full.start())
    after = text.find(",", full.end(), full.end() + 2)
    windows = [(before, full.start())] + ([(after + 1, _clause_end(text, after + 1, min(len(text), after + 50)))]
                                          if after >= 0 else [])
    if not text[before:full.start()].strip() and text[:before].rstrip().endswith(","):
        # "the head of the regional military administration, Oleh Syniehubov, said": the title is the clause
        # before the name's comma
        comma = text.rfind(",", 0, before)
        windows.append((_clause_start(text, max(0, comma - 80), comma), comma))
    for x, y in windows:
        kind, who = _classify(lex, text, max(0, full.start() - 200), x, y) if y > x else (_NONE, "")
        if kind:
            return kind, who
    return _NONE, ""


# "near Taskala, close to the border with Russia's Saratov region, and the Defence Ministry said": the state
# named in a border phrase qualifies the border, not the body that speaks (as "opposite the Russian post of X"
# qualifies the post across the border)
_BORDER_WITH = re.compile(r"\b(?:border\s+with|bordering|opposite)\s+(?:the\s+)?$", re.I)


def _side(lex: Lexicon, text: str, sent_start: int | None, a: int, start: int, end: int, b: int) -> str:
    """"belligerent" or "neutral" for the state a body belongs to ("Ukraine's air force", "the General
    Staff in Kyiv", "Kazakhstan's defence ministry"); with ``sent_start``, the nearest qualifier earlier in
    the sentence when the body names none; "" when none is found."""
    near = lex.cues_in(text, max(a, start - _QUALIFIER_SPAN), start)
    after = lex.cues_in(text, end, min(b, end + 12))
    wide = lex.cues_in(text, sent_start, start) if sent_start is not None else {}
    mixed: list[tuple[int, str]] = []
    for found in (near, after, wide):
        hits = [(off, side) for side in ("belligerent", "neutral") for _t, off in found.get(side, [])
                if found is not wide or not _BORDER_WITH.search(text, max(0, off - 16), off)]
        if found is wide and len({side for _o, side in hits}) == 2:
            mixed = hits  # "entered Romanian airspace during a Russian attack on Ukrainian ports": the dateline decides
            break
        if hits:
            return max(hits)[1] if found is not after else min(hits)[1]
    # "ATYRAU, Kazakhstan (Reuters) - ... The defence ministry said": a body the sentence does not qualify
    # belongs to the state the report is filed from
    dateline = lex.cues_in(text, 0, dateline_end(text)) if sent_start is not None else {}
    lines = [(off, side) for side in ("belligerent", "neutral") for _t, off in dateline.get(side, [])]
    if lines or mixed:
        return max(lines or mixed)[1]
    return ""


def _clause_start(text: str, s: int, off: int) -> int:
    """Start of the clause that ends at ``off`` (the speaker before a reporting verb)."""
    m = _LAST_CLAUSE_END.match(text, s, off)
    return m.end() if m else s


def _clause_end(text: str, a: int, e: int) -> int:
    m = _CLAUSE_END.search(text, a, e)
    return m.start() if m else e


# Patterns searched over sentences and windows, behind a look-ahead at the letters their matches start with
# (prefilter.looking_ahead): the same matches, most positions rejected at one character
(_BARE_BODY, _HANDLED, _NOBODY, _PRONOUN) = map(looking_ahead, (_BARE_BODY, _HANDLED, _NOBODY, _PRONOUN))
