"""Trigger words that report no event where they stand: a law's beneficiaries, a recruiting poster, "found
themselves", a headline's plan, criticism ("came under fire from critics"), nothing found, a distance from the front,
a quantity that fell or hit a record, a campaign's effect."""

from __future__ import annotations

import re

from mapper.incident_feed import headline_plan
from mapper.lexicon import Trigger
from mapper.prefilter import looking_ahead

_REFLEXIVE = re.compile(r"\s+(?:themselves|himself|herself|itself|ourselves|myself)\b")


# "recruitment posters are now common in Moscow's metro": things that recruit, no one recruited
_RECRUITING_THING = re.compile(r"recruit(?:ment|ing)\s+(?:posters?|adverts?|advertisements?|ads|billboards?|banners?|"
                               r"leaflets?|flyers?|videos?)\b", re.I)
# "passed a law in 2024 letting foreigners who sign a military contract apply for citizenship": whom a law or
# decree is for, no one moved or recruited
_PROVISION = re.compile(r"\b(?:law|decree|bill|rules?|regulations?|amendments?)\s+(?:[\w-]+\s+){0,3}?(?:letting|"
                        r"allowing|lets|allows|granting|permitting|that\s+(?:lets|allows|let|allowed|grants))\s+"
                        r"(?:[\w-]+\s+){0,4}$", re.I)


def no_event_term(text: str, t: Trigger) -> bool:
    """A trigger that tells no event here: whom a law is for, a recruiting poster, "found themselves", a headline's
    plan ("Kazakhstan to buy 200 drones")."""
    if headline_plan(text, t.start):
        return True
    if t.type == "migration" and (_provision_before(text, t.start) or (
            t.subtype == "recruitment" and _RECRUITING_THING.match(text, t.start))):
        return True
    if t.type == "migration" and "cooperat" in text[max(0, t.start - 80):t.start] \
            and _COOPERATING_ON.search(text, max(0, t.start - 80), t.start):
        return True  # "the two states are cooperating on returns and on recruiting workers for care homes": a field
    if t.term.endswith("under fire") and _CRITICISED.match(text, t.end):
        return True  # "The government has come under fire from officials in X for ...": criticism, no shooting
    if (t.term == "found" or t.subtype == "interception") and _NOT_BEFORE.search(text, max(0, t.start - 12), t.start):
        return True  # "police had not found the operators", "the drone had not been shot down": nothing happened
    return t.term == "found" and _REFLEXIVE.match(text, t.end) is not None  # "citizens who found themselves in ..."


def _provision_before(text: str, at: int) -> bool:
    """True when a law's or decree's provision ends at ``at`` (:data:`_PROVISION`); its verbs (letting, allows, grants,
    permitting) looked for first as lowered substrings (none holds i, k or s, which re's case folding may match
    otherwise)."""
    before = text[max(0, at - 90):at].lower()
    return ("let" in before or "allow" in before or "grant" in before or "perm" in before) \
        and _PROVISION.search(text, max(0, at - 90), at) is not None


# "cooperating on returns and on recruiting workers", "cooperation in sending workers": what states work together on
_COOPERATING_ON = re.compile(r"\bcooperat(?:e|es|ed|ing|ion)\s+(?:on|in)\s+(?:[\w-]+,?\s+){0,8}?$", re.I)
_PROGRESSIVE = re.compile(r"\b(?:were|are|was|is|been)\s+$", re.I)
_NOT_BEFORE = re.compile(r"\b(?:not|never|n[’']t|yet\s+to\s+be|no\s+one)\s+(?:yet\s+|been\s+)?$", re.I)


# "came under fire from critics", "for not sending", "over its response": fire of words
_CRITICISED = re.compile(r"\s+(?:for|over)\b|\s+from\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:officials|critics|lawmakers|"
                         r"opposition|activists|groups|residents|parents|media|press|public|politicians|parliament|"
                         r"deputies|MPs|unions?|voters)\b")


# "the number ... has dropped sharply", "dropped by 30 percent", "fell to": a quantity falling, no bomb dropped
_FELL = re.compile(r"\s+(?:sharply|steeply|significantly|slightly|dramatically|markedly|considerably|(?:by|to|below)\s+"
                   r"(?:about\s+|almost\s+|nearly\s+|more\s+than\s+|a\s+|half|a\s+third|a\s+quarter|\d))", re.I)


# "traders weighed the effect of Ukrainian drone attacks on refineries": a campaign's effect (attacks, strikes:
# a plural), no report of one attack
_EFFECT_OF = re.compile(r"\b(?:effects?|impacts?|consequences|fallout)\s+of\s+(?:(?:recent|repeated|continued)\s+)?"
                        r"(?:[\w-]+\s+){0,2}$", re.I)
# "prices hit a record", "hit a three-year high": a quantity at a level, nothing struck (but "hit the upper floors
# of a tower", "the fifth floor of a building": a building's)
_RECORD = re.compile(r"\s+(?:(?:a|an|the|its|their|new)\s+)*(?:[\w-]+\s+)?"
                     r"(?:(?:record|high|low|peak|ceiling)s?(?![\w-])|floor(?![\w-])(?!\s+of\b))", re.I)


_RADAR_SAW = re.compile(r"\w*\s+(?:(?:had|has|have)\s+)?(?:detected|spotted|tracked|picked\s+up|showed|registered|"
                        r"recorded|saw|sees|detects|tracks)\b", re.I)
_POLICE_RAID = re.compile(r"\b(?:police|migrant|migration|immigration|anti-migrant|anti-immigrant|drug|tax|customs|"
                          r"labou?r|workplace|dawn)\s+$", re.I)
_RAID_ON_PEOPLE = re.compile(r"\w*\s+(?:on|against|targeting)\s+(?:(?:illegal|foreign|undocumented)\s+)?(?:migrants|"
                             r"workers|markets?|hostels?|dormitor(?:y|ies)|construction\s+sites?|warehouses\s+employing)\b",
                             re.I)
# "launched serial production", "launched an investigation into", "launched a website": a thing begun, not a weapon
_LAUNCHED_THING = re.compile(r"\s+(?:(?:a|an|the|its|their|his|her|new|joint|serial|mass|full-scale|large-scale|own|"
                             r"criminal|official|drone|commercial|regular|medical|cargo)\s+)*(?:production|manufactur\w*|"
                             r"assembly|investigation|probe|inquiry|case|programme|program|project|campaign|website|app|"
                             r"services?|initiative|company|business|factory|plant|line|talks|review|tender|scheme|fund|"
                             r"satellite|deliver(?:y|ies)|trials?|tests?|testing|pilot|shows?|competition|race)\b",
                             re.I)
# "taken to hospital", "taken to the Batken regional hospital": the injured, no one moved (not "nurses moved to
# hospitals in Germany": workers)
_CARRIED = ("taken", "rushed", "brought", "transported", "carried", "delivered")
_HOSPITAL = re.compile(r"\s*(?:(?:a|the)\s+)?(?:[\w-]+\s+){0,3}?(?:hospitals?|clinics?|medical\s+facility)\b", re.I)
# "1,000 kilometres from the front line": a distance, no one sent to the front; "front-line towns": places
# ("villages near the front line", "close to the front": where they lie)
_FROM_THE = re.compile(r"\b(?:(?:kilomet(?:re|er)s|km|miles)\s+(?:away\s+)?from|near|close\s+to|next\s+to)\s+the\s+$",
                       re.I)
# "as the front line has stabilised", "the front line moved closer": the line as the subject of its own verb
_FRONT_ACTS = re.compile(r"\s+(?:has|had|have|is|was|remains?|remained|stayed|stabili[sz]ed|moved|shifted|"
                         r"edged|advanced|held|runs|ran)\b", re.I)
_FRONT_PLACES = re.compile(r"[\s-]*(?:towns?|villages?|areas|communities|settlements?|cities|city|regions?)\b", re.I)


def no_event_word(text: str, t: Trigger) -> bool:
    """A trigger word that reports nothing here: "kilometres from the front line" (a distance), "the number
    dropped sharply" (a quantity falling)."""
    if t.term == "entering" and not _PROGRESSIVE.search(text, max(0, t.start - 12), t.start):
        return True  # "persons entering the country": a category of people, no move
    if t.subtype == "recruitment" and t.term.startswith("front") and (_FROM_THE.search(
            text, max(0, t.start - 40), t.start) or _FRONT_PLACES.match(text, t.end) or _FRONT_ACTS.match(text, t.end)):
        return True
    if no_event_term(text, t):
        return True
    if t.type == "migration" and t.term.startswith(_CARRIED) and _HOSPITAL.match(text, t.end):
        return True  # "taken to hospital": the injured, no one moved
    if t.term == "hit" and _RECORD.match(text, t.end):
        return True
    if t.term == "radar*" and _RADAR_SAW.match(text, t.end):
        return True  # "after radar detected objects": the radar as the sensor that saw, no target
    if t.term == "raid*" and (_POLICE_RAID.search(text, max(0, t.start - 24), t.start) or _RAID_ON_PEOPLE.match(
            text, t.end)):
        return True  # "detained in migrant raids", "police raids on markets": law enforcement, no military raid
    if t.term == "launched" and _LAUNCHED_THING.match(text, t.end):
        return True  # "launched serial production of Geran drones", "launched an investigation": no attack
    if t.subtype and text[t.end - 1:t.end] in "sS" and _EFFECT_OF.search(text, max(0, t.start - 50), t.start):
        return True
    return t.term == "dropped" and _FELL.match(text, t.end) is not None


# (behind a look-ahead at the letters their matches start with, prefilter.looking_ahead: the same matches)
_EFFECT_OF, _FROM_THE, _PROVISION = map(looking_ahead, (_EFFECT_OF, _FROM_THE, _PROVISION))
