"""Migration flows: who moved from where to where (origins, destination), or a counted group where
it is reported, in one sentence."""

from __future__ import annotations

import re

from mapper.incident_flow_patterns import STILL_THERE, animals_moved, flow_roles, mask_places, plural_demonym
from mapper.incident_flows import (
    GROUP,
    PREC_RANK,
    THEATRE,
    departure_office,
    destination_named_before,
    flow_subtype,
    going_home,
    goods_only,
    home_authority,
    in_custody,
    lede_workers,
    no_flow,
    ordered_out,
    origin_named_before,
    recast_roles,
)
from mapper.incident_merge import Candidate
from mapper.incident_rules import is_background, speaks_of_own_people
from mapper.incident_sentence import MOVING_UNITS, Sentence, counts, location, new_candidate
from mapper.incident_shares import by_destination, by_rank
from mapper.incident_states import (
    counting_state,
    expelling_state,
    hiring_countries,
    moving_regions,
    receiving_state,
    registering_state,
    sending_state,
)
from mapper.incident_status import speaker_spans
from mapper.incident_text import dateline_end
from mapper.incident_two_moves import home_of_workers, two_kinds
from mapper.model import Figure, IncidentType, Location, PlaceKind, Precision, Resolution, Source
from mapper.prefilter import looking_ahead

_MOVES = frozenset({"evacuation", "return", "relocation"})  # subtypes whose trigger is a move word
_PEOPLE_WORDS = frozenset({"migrants", "migrant worker*", "guest worker*", "migrant labo*"})
_MIGRATION_SUBTYPES = ("evacuation", "recruitment", "return", "labour migration", "relocation")
_TIME_CLAUSE = re.compile(r"\b(?:since|after|before|following|when|until)\b[^,.;]*$|"
                          r"\bwho\s+(?:(?:had|have|has)\s+)?(?:\w+\s+)?$", re.I)  # "men who (had) fought"
_WAR = re.compile(r"\b(?:army|military|front|war|fight\w*|combat|soldiers?|call-up|draft|defen[cs]e\s+ministry|"
                  r"ministry\s+of\s+defen[cs]e)\b", re.I)
_ENLISTED = re.compile(r"recruit|enlist|conscript|mobili|sign|contract|military\s+contract|coerced|sent\s+to|joined|"
                       r"call|draft")
_ONE_RECRUIT = re.compile(r"\b(?:he|she)\s+(?:had\s+|has\s+|was\s+)?(?:been\s+)?(?:recruited|enlisted|signed)\b", re.I)
_RETURNEES = re.compile(r"kandas|qandas|oralman|kairylman")  # words that name people by their return to a homeland
# soldiers or prisoners of war moved ("the freed soldiers crossed into Ukraine"): troops or a swap, no migration,
# unless civilians move with them
_TROOPS = re.compile(r"\b(?:soldiers|servicemen|troops|prisoners\s+of\s+war|POWs|captives)\b", re.I)
_CIVILIANS = re.compile(r"\b(?:civilians|migrants|citizens|nationals|residents|families|children|women|workers|"
                        r"refugees|evacuees|people)\b", re.I)
# a sentence about one person: "A Tajik citizen who was recruited from a detention centre ...", "One Kyrgyz man, ..."
_ONE_PERSON = re.compile(r"\s*(?:A|An|One)\s+(?:\d+-year-old\s+)?"
                         r"(?:[A-Z][\w-]+\s+)?(?:citizen|national|man|woman|migrant|worker|resident|native|conscript|"
                         r"prisoner|inmate)\b(?:\s+of\s+[A-Z][\w-]+)?\s*(?:,|who\b)")
# "The number of Kyrgyz workers fell to 345,000": a count of people stated as a level reached
_NUMBER_OF = re.compile(r"\bnumber\s+of\s+(?:[\w-]+\s+){0,3}?(?:workers|migrants|citizens|people|labou?rers)\s+"
                        r"(?:\w+\s+)?(?:fell|rose|dropped|grew|increased|decreased|climbed|reached)\s+(?:to\s+)?"
                        r"(?:about\s+|almost\s+|nearly\s+|some\s+)?(?P<n>\d{1,3}(?:,\d{3})+|\d+)\b", re.I)
# "<Tajik nationals> have left Russia": a group of a nationality leaving a state
_LEFT_STATE = re.compile(r"\b(?:have|has|had)\s+(?:since\s+)?left\s+(?:the\s+)?[A-Z][\w-]+")
FURTHER = re.compile(r"\b(?:[Aa]\s+further|[Aa]nother|[Aa]n\s+additional)\s+(?:about\s+|some\s+|nearly\s+|almost\s+)?"
                      r"\d")
FROM_THE_COUNTRY = re.compile(r"\bfrom\s+the\s+country\b")  # (its origin, named the sentence before)
_LIVED_IN = re.compile(r"\bwho\s+(?:had\s+|have\s+)?(?:been\s+)?(?:living|lived|working|worked|staying|stayed|"
                       r"studying|studied)\s+in\s+(?:the\s+)?(?:(?:southern|northern|eastern|western|central)\s+)?$",
                       re.I)
_FOUGHT = re.compile(r"\b(?:fought|mercenar\w*|troops|invasion|battlefield|drafted)\b", re.I)


# "Separately, ...", "Meanwhile ...": a sentence that turns to other news continues no flow told before
_TOPIC_SHIFT = re.compile(r"\s*(?:Separately|Meanwhile|Elsewhere|In\s+other\s+news|In\s+a\s+separate\s+\w+)\b")


def _new_topic(sent: Sentence, before: int) -> bool:
    """True when ``sent`` starts other news than sentence ``before`` told: it opens on a topic shift, or it
    names a time of its own that none of the earlier sentence's times overlaps ("in October" after "In
    September 2022")."""
    if _TOPIC_SHIFT.match(sent.text, sent.start) or sent.new_item(before):  # (or the next item of a feed)
        return True
    own = [d.date for d in sent.dates() if not d.since]
    prev = [d.date for d in sent.dates(before) if not d.since]
    return bool(own and prev) and not any(a.start <= b.end and b.start <= a.end for a in own for b in prev)


def migration(sent: Sentence, earlier: list[Candidate], demonyms: list[Resolution] | None = None,
              states: list[Resolution] | None = None) -> list[Candidate]:
    """A migration flow (origins, destination) or a counted group where it is reported; ``demonyms``: the
    sentence's demonyms ("Kazakh citizens"), who the people are when no pattern names where they come from;
    ``states``: countries named for their government ("Pakistan's interior ministry")."""
    text, i, s, e, trig, res = sent.text, sent.i, sent.start, sent.end, sent.triggers, sent.places
    if not any(t.type == "migration" for t in trig):
        return []  # (what follows needs a move word or a people word of the migration lexicon)
    mig = [t for t in trig if t.type == "migration" and t.subtype and not no_flow(text, t)]
    if any(ordered_out(text, t) for t in trig) and not any(t.subtype in _MOVES for t in mig):
        return []  # "courts ordered 74 migrants expelled": the order is the news, the migrants named in it no flow
    if (s, e) == sent.lede() and _TREND.search(text, s, e) and not any(c.isdigit() for c in text[s:e]):
        return []  # a lede's "The number of Kyrgyz workers leaving for Russia has dropped sharply": a trend the
        # article goes on to count, no move of its own
    # "entered X since the mobilisation was announced": a trigger in a time clause is background
    main = [t for t in mig if not _TIME_CLAUSE.search(text, max(s, t.start - 60), t.start)] or mig
    subtype = next((st for st in _MIGRATION_SUBTYPES if any(t.subtype == st for t in main)), "")
    if not subtype:  # "97 of its nationals had left Iran", told after an evacuation: more of the same kind
        # a people word, or "of them" (not a move word rejected above: "schemes have sent a few hundred")
        people = [t for t in trig if t.type == "migration" and not t.subtype]
        if not people or all(in_custody(text, t) for t in people):
            return []  # (no people word, or only people detained: "police detained 640 migrants during raids")
        prev = next((c for c in reversed(earlier) if c.type is IncidentType.MIGRATION and i - max(c.sents) <= 2), None)
        subtype = prev.subtype if prev is not None else sent.recent()
        if demonyms and _LEFT_STATE.search(text, s, e):
            subtype = "return"  # "more than 1 million Tajik nationals have left Russia": they went home
        if not subtype and sent.counted() and any(_RETURNEES.match(t.term) for t in trig if t.type == "migration"):
            subtype = "return"  # "Kazakhstan received 12,000 kandas in 2024": a counted repatriate group came home
        if not subtype and sent.counted() and hiring_countries(sent, res):
            subtype = "labour migration"  # "South Korea took another 22,000 Uzbek workers": workers taken in
        if not subtype or not (sent.counted() or _NUMBER_OF.search(text, s, e)) or STILL_THERE.search(text, s, e):
            return []
        mig = [t for t in trig if t.type == "migration"]
    if subtype != "recruitment" and _TROOPS.search(text, s, e) and not _CIVILIANS.search(text, s, e):
        return []
    if subtype == "recruitment" and _ONE_PERSON.match(text, max(s, dateline_end(text)), e) and not sent.counted():
        return []  # "A Tajik citizen who was recruited ... has been killed": one man's story, no group (as a convict's)
    if animals_moved(text[s:e]) and not _CIVILIANS.search(text, s, e):
        return []
    # recruiting soldiers: people implied, where a word says they were recruited ("the front line" alone is
    # only a place)
    at_war = subtype == "recruitment" and any(_ENLISTED.match(t.term) for t in mig) and bool(_WAR.search(text, s, e)) \
        and not (_ONE_RECRUIT.search(text, s, e) and not sent.counted())  # ("he had been recruited": one man's story)
    if subtype == "recruitment" and all(t.term.startswith(("recruit", "sign", "offered")) for t in mig
                                        if t.subtype == subtype) \
            and not _WAR.search(text, max(0, s - 200), e) and not _FOUGHT.search(text, max(0, s - 200), e) \
            and not any(c.subtype == "recruitment" and c.type is IncidentType.MIGRATION for c in earlier):
        # "50 nurses left for Germany under a recruitment agreement": hired for work (unless the article
        # has told recruiting for the war already)
        subtype = "labour migration"
    last = earlier[-1] if earlier else None
    goes_on = (last is not None and last.type is IncidentType.MIGRATION and i - max(last.sents) == 1
               and all(loc.role != "destination" for loc in last.locs) and not _new_topic(sent, max(last.sents)))
    if not res and last is not None and last.type is IncidentType.MIGRATION and i - max(last.sents) == 1 \
            and (FURTHER.search(text, s, e) or FROM_THE_COUNTRY.search(text, s, e) and sent.counted(MOVING_UNITS)):
        # "A further 62,000 arrived in 2023", "it counted 1.1 million returns from the country": the flow told before
        return [new_candidate(sent, IncidentType.MIGRATION, last.subtype, list(last.locs),
                              f"migration {last.subtype}: more of the flow told before")]
    # "3,400 Russians crossed into Kazakhstan": a counted nationality in the plural is a group of people
    crowd = subtype != "labour migration" and any(_CROWD.search(text, max(s, r.mention.start - 30), r.mention.start)
                                                  for r in demonyms or () if plural_demonym(r.mention.text))
    places = [r for r in res if r.place is not None]
    masked, _ = mask_places(text, s, e, [(r.mention.start, r.mention.end) for r in places])
    roles = flow_roles(masked)
    hired = hiring_countries(sent, places) if subtype == "labour migration" else []
    roles.update({k: "destination" for k in hired if k not in roles})  # "South Korea took another 22,000 Uzbek workers"
    if subtype in ("relocation", "evacuation") and "origin" not in roles.values():
        roles.update({k: "origin" for k in moving_regions(sent, places) if k not in roles})  # "the Belgorod region has
        # relocated 3,000 children from border districts"
    if _arrival_of_earlier(sent, earlier, places, roles):
        return []  # "... evacuated 63 citizens from Israel. ... The plane landed in Tashkent": where that flow ended
    if subtype != "evacuation" and goods_only(sent.figures()):
        return []  # "transfers fell to $1.1 billion as more came home", "moved 65,000 tonnes of aid": money or goods
    if not (goes_on or at_war or sent.group() or crowd):
        return []
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
    for k, r in enumerate(places) if subtype in ("return", "evacuation") and " who " in text[s:e] else ():
        if k not in roles and _LIVED_IN.search(text, max(s, r.mention.start - 50), r.mention.start):
            roles[k] = "origin"  # "97 Uzbeks who had been living in southern Lebanon were ... flown home"
    back = departure_office(text, places, roles) if subtype == "labour migration" else None
    if back is not None:
        roles[back] = "origin"  # "officials in Osh said about 300 people had left for South Korea"
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
    stat = _NUMBER_OF.search(text, s, e) if not places else None
    if stat and subtype == "labour migration" and demonyms and last is not None and goes_on is False \
            and last.subtype == subtype and i - max(last.sents) == 1:
        # "612,000 Tajiks came to work in Russia. The number of Kyrgyz workers fell to 345,000": the next
        # nationality going where the flow before went
        home = _nationality(sent, demonyms, [], subtype)
        dest = [loc for loc in last.locs if loc.role == "destination"][:1]
        if not (home and dest):
            return []
        cand = new_candidate(sent, IncidentType.MIGRATION, subtype, home + dest,
                             f"migration labour migration of {demonyms[0].mention.text} workers; destination "
                             "of the flow before")
        cand.figures = [Figure(float(stat.group("n").replace(",", "")), "people", stat.group("n"))]
        return [cand]
    if not places and subtype in ("relocation", "labour migration") and _WORKERS_OF.search(text, s, e):
        # "For the whole of 2024, the ministry counted 652,000 departures of labour migrants": the origin of the
        # workers' flow the article told first
        home = next(([loc for loc in c.locs if loc.role == "origin" and loc.precision is Precision.COUNTRY][:1]
                     for c in earlier if c.type is IncidentType.MIGRATION and c.subtype == "labour migration"), [])
        rule = "migration labour migration 'departures'; origin of the workers told first"
        return [new_candidate(sent, IncidentType.MIGRATION, "labour migration", home, rule)] if home else []
    if not places and subtype == "relocation" and sent.counted() and (host := receiving_state(sent, states or [], [])):
        # "Kazakhstan said 98,000 Russians had entered since Sept. 21": the state counting who came in
        home = _nationality(sent, demonyms, host, subtype) if demonyms else []
        return [new_candidate(sent, IncidentType.MIGRATION, subtype, home + host,
                              f"migration relocation '{mig[0].term}'; the state counting arrivals")]
    if not places:  # "6,900 ethnic Kazakhs returned to their historical homeland": home is the demonym's country
        home = _nationality(sent, demonyms, [], subtype) if demonyms and subtype == "return" and sent.counted() else []
        origin = (expelling_state(sent, demonyms) or counting_state(sent, states or [], home)) if home else []
        return [new_candidate(sent, IncidentType.MIGRATION, subtype, origin + home,
                              f"migration return '{mig[0].term}'; home of the group")] if home else []
    term = next((t.term for t in mig if t.subtype == subtype), mig[0].term)
    rule = f"migration {subtype} '{term}'"
    if subtype in ("return", "recruitment"):
        recast_roles(sent, places, roles, subtype)
    elif "destination" in roles.values():  # "the D-Day invasion of Europe": a war's theatre, no one's destination
        roles = {k: role for k, role in roles.items() if role != "destination"
                 or not THEATRE.search(text, max(s, places[k].mention.start - 20), places[k].mention.start)}
    locs = [location(places[k], role) for k, role in sorted(roles.items())]
    if subtype == "return" and demonyms and "origin" not in roles.values():
        locs = expelling_state(sent, demonyms) + locs  # "Iranian authorities sent back 168,000 Afghans"
    if subtype == "relocation" and any(t.type != "migration" and t.subtype in {"strike", "raid"}
                                       and sent.in_background(t.start) for t in trig):
        subtype, rule = "evacuation", rule + "; moved away from an attack"  # "bused out after drone attacks"
    subtype, why, locs = flow_subtype(text, s, e, subtype, demonyms or [], locs)
    rule += why
    if subtype == "relocation" and _SHARE_OPENER.match(text, s) and any(
            c.type is IncidentType.MIGRATION and c.subtype == "labour migration" and i - max(c.sents) == 1
            for c in earlier):  # "48,200 citizens left for work abroad. Of them, 31,500 departed for Russia"
        subtype, rule = "labour migration", rule + "; a share of the workers told before"
    if demonyms and locs:
        home = _nationality(sent, demonyms, [], subtype) if subtype == "recruitment" and any(
            f.figure.unit == "killed" and f.figure.value >= 2 for f in sent.figures()) else []
        if home:  # "at least 52 Tajik citizens killed in Ukraine this year after being recruited in Russia": the war's
            locs, rule = home, rule + "; the recruited dead counted by their nationality"  # dead, mapped at home
        else:
            locs += _nationality(sent, demonyms, locs, subtype)
    if locs and subtype in ("labour migration", "relocation") and all(loc.role == "destination" for loc in locs):
        locs = sending_state(sent, states or []) + locs  # "Uzbekistan sent 12,400 workers to Britain"
    if subtype == "relocation" and not any(loc.role == "destination" for loc in locs) and (
            host := receiving_state(sent, states or [], locs)):  # "Kazakhstan said 98,000 Russians had entered"
        locs += host + (_nationality(sent, demonyms, locs + host, subtype) if demonyms else [])
    elif subtype == "labour migration" and not any(loc.role == "destination" for loc in locs) and (
            host := registering_state(sent, places + (states or []), locs)):  # "Kazakhstan registered ... who arrived"
        locs += host
    prev = next((c for c in reversed(earlier) if c.type is IncidentType.MIGRATION and i - max(c.sents) <= 2
                 and any(loc.role == "destination" for loc in c.locs) and not sent.new_item(max(c.sents))), None)
    if not any(loc.role == "destination" for loc in locs) and prev is not None:
        if not locs and len(text[s:places[0].mention.start].split()) <= 3:
            # "X accounted for ... migrants": the subject place is another origin of the same flow
            locs = [location(places[0], "origin")]
        home = home_of_workers([prev]) if subtype == "return" and prev.subtype == "labour migration" else []
        if home:  # "... 52,000 left for South Korea. About 230,000 returned home from Russia": home, not Korea
            locs, rule = locs + home, rule + "; home of the workers told before"
        else:
            locs += [loc for loc in prev.locs if loc.role == "destination"][:1]
            rule += "; destination from the previous sentence"
    if subtype == "relocation" and i > 0 and lede_workers(text, sent.lede(), locs,
                                                          [r.mention.text for r in demonyms or ()]):
        subtype, rule = "labour migration", rule + "; the lede's workers"
    if not locs and demonyms and subtype == "recruitment" and all(  # "citizens of Central Asian states are
            r.place.precision is Precision.COUNTRY for r in places):  # type: ignore[union-attr]  # fighting for Russia"
        locs = _nationality(sent, demonyms, [], subtype)
    if not locs and (at_war or sent.counted()):  # a counted group, or recruiting for a war, at one precise place
        speakers = speaker_spans(sent.lexicon, text, s, e)  # "the Red Cross' X said": who speaks, not where
        locs = [location(r, "site") for r in sorted(places, key=lambda r: PREC_RANK[r.place.precision])  # type: ignore
                if r.place and r.place.precision is not Precision.AREA and r.place.kind is not PlaceKind.PHYSICAL
                and not sent.in_background(r.mention.start)
                and not any(a <= r.mention.start < b for a, b in speakers)][:1]
        rule += "; no flow pattern, place where reported"
    # (an evacuation or a recruitment may name only its region: "recruited ... in the Rostov region")
    fine = (Precision.POINT, Precision.DISTRICT, Precision.REGION) if subtype in ("evacuation", "recruitment") \
        else (Precision.POINT,)
    if not locs or all(loc.role == "site" and loc.precision not in fine for loc in locs):
        return []  # no flow and no precise place: a country named beside migrants is not an event site
    told_by = {t.term for t in mig if t.subtype == subtype}  # (empty for workers on the move: a relocation word)
    if subtype == "labour migration" and not sent.counted(MOVING_UNITS) and (
            all(loc.role == "origin" for loc in locs) or told_by and told_by <= _PEOPLE_WORDS
            or all(t.term == "migrants" for t in mig)):
        # "checks on migrants from Central Asia": where they come from, no move and no count (the 145 killed
        # in an attack told beside them are no migrants); "Tajik migrants in Russia describe ...", "complaints
        # from migrants", "raids on migrants": who they are, with no move and no count
        return []
    seen, uniq = set(), []
    for loc in locs:
        if (loc.place_id, loc.role) not in seen:
            seen.add((loc.place_id, loc.role))
            uniq.append(loc)
    if subtype == "return" and not any(loc.role == "destination" for loc in uniq):
        uniq += home_of_workers(earlier)  # "... recorded 186,000 returns, most of them from Russia": home
    ranked = by_rank(sent, uniq)
    if ranked:  # "citizens of China, who received 3,100, followed by Turkey with 1,450": one flow per country
        out = []
        for locs, fig in ranked:
            cand = new_candidate(sent, IncidentType.MIGRATION, subtype, locs, rule + "; its own count in a ranking")
            cand.figures = counts([fig], IncidentType.MIGRATION)
            out.append(cand)
        return out
    for end in ("destination", "origin"):
        split = by_destination(sent, places, roles, end)
        if split:  # "870,000 went to Russia, and some 150,000 to Kazakhstan": one flow per destination (or origin:
            out = []  # "1.5 million crossed back from Iran, and some 610,000 came from Pakistan")
            for k, fig in split:
                cand = new_candidate(sent, IncidentType.MIGRATION, subtype, [x for x in uniq if x.role != end]
                                     + [location(places[k], end)], rule + "; its own count")
                cand.figures = counts([fig], IncidentType.MIGRATION)
                out.append(cand)
            return out
    return two_kinds(sent, new_candidate(sent, IncidentType.MIGRATION, subtype, uniq, rule), earlier)


# "The plane landed", "the evacuees were met", "They were put on": the group or transport told before
_TOLD_BEFORE = re.compile(r"\b(?:[Tt]he\s+(?:[\w-]+\s+)?(?:evacuees|group|plane|aircraft|flights?|train|bus(?:es)?|"
                          r"passengers|returnees|deportees)|They)\b")


_SAID_BY = re.compile(r"[,\"”]\s+(?:said|says|told\s+\w+)\s+(?=[a-z])")


def _arrival_of_earlier(sent: Sentence, earlier: list[Candidate], places: list[Resolution],
                        roles: dict[int, str]) -> bool:
    """True when the sentence only tells where a flow of the last three sentences ended ("The train arrived in
    Lviv", "one to Dushanbe and the other to Khujand"), with no count of its own or with the group or the
    transport named again: its destinations replace that flow's (a transit country or the home country)."""
    if "destination" not in roles.values() or "origin" in roles.values():
        return False
    prev = next((c for c in reversed(earlier) if c.type is IncidentType.MIGRATION), None)
    if prev is None or not 0 < sent.i - max(prev.sents) <= 3 or not any(loc.role == "origin" for loc in prev.locs):
        return False  # (the cheap tests first: the speakers are looked for only when a flow may end here)
    speakers = speaker_spans(sent.lexicon, sent.text, sent.start, sent.end)
    tail = _SAID_BY.search(sent.text, sent.start, sent.end)
    speakers += [(tail.end(), sent.end)] if tail else []  # '"...," said a lawyer who advises migrants in Moscow'
    dests = [k for k, role in roles.items() if role == "destination"  # (not "said a lawyer ... in Moscow")
             and not any(a <= places[k].mention.start < b for a, b in speakers)
             and not _WHERE_THEY_WERE.search(sent.text, max(0, places[k].mention.start - 30), places[k].mention.start)]
    if not dests:
        return False
    if sent.counted(MOVING_UNITS) and not _TOLD_BEFORE.search(sent.text, sent.start, sent.end):
        return False
    left = {loc.country for loc in prev.locs if loc.role == "origin"} - {""}
    if all(places[k].place.kind is PlaceKind.COUNTRY and places[k].place.country in left  # type: ignore[union-attr]
           for k in dests):
        return False  # "... most of them in Russia" after a flow from Russia: where they were, not where they went
    if all(any(loc.role == "origin" and loc.place_id == places[k].place.place_id for loc in prev.locs)  # type: ignore
           for k in dests):  # "left Pavlohrad for Lviv. They had been brought to Pavlohrad by bus": a leg before
        prev.sents.add(sent.i)
        return True
    prev.locs = [loc for loc in prev.locs if loc.role != "destination"] + [
        location(places[k], "destination") for k in sorted(dests)]
    if "destination from a later sentence" not in prev.rules:
        prev.rules.append("destination from a later sentence")
    prev.sents.add(sent.i)
    art = sent.article
    prev.sources.append(Source(art.id, sent.text[sent.start:sent.end], sent.start, sent.end, art.title, art.url,
                               art.published))
    return True


# "Many of the returnees had worked in Iran for years": where the group lived or worked, not where it went
_WHERE_THEY_WERE = re.compile(r"\b(?:worked|lived|stayed|studied|working|living|staying|studying)\s+in\s+(?:the\s+)?$",
                              re.I)
_SHARE_OPENER = re.compile(r"\s*(?:Of\s+(?:them|these|those)|Among\s+(?:them|these|those)|Most\s+of\s+them)\b")
_TREND = re.compile(r"\bnumbers?\s+of\s+[^.;]{0,80}?\b(?:has\s+|have\s+|had\s+)?(?:dropped|fell|fallen|rose|risen|grew|"
                    r"grown|increased|decreased|declined|doubled|halved|slumped|surged|soared|plunged)\b", re.I)
_WORKERS_OF = re.compile(r"\bdepartures\s+of\s+(?:labou?r\s+migrants|(?:migrant\s+)?workers)\b", re.I)
_OF_STATES = re.compile(r"\s+(?:states|countries|republics)\b")
_PEOPLE_OF = re.compile(r"\b(?:citizens|nationals|natives|people|migrants)\s+(?:from|of)\s+(?:the\s+)?$", re.I)
_CROWD = re.compile(r"(?:\d[\d,.]*(?:\s+(?:million|thousand))?|thousands|hundreds|dozens|millions|number)\s+(?:of\s+)?"
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
                plural_demonym(r.mention.text) and _CROWD.search(sent.text, max(sent.start, r.mention.start - 30),
                                                               r.mention.start))
                or _OF_STATES.match(sent.text, r.mention.end)  # "citizens of Central Asian states"
                and _PEOPLE_OF.search(sent.text, max(sent.start, r.mention.start - 20), r.mention.start)
                # "Uzbek authorities say 37 citizens ... have returned home": the authorities' own people
                or role == "destination" and speaks_of_own_people(sent.text, r.mention.end, sent.end)) \
                and not sent.in_background(r.mention.start):
            return [location(r, role)]
    return []

# Patterns searched over sentences and windows, behind a look-ahead at the letters their matches start with
# (prefilter.looking_ahead): the same matches, most positions rejected at one character
(_CIVILIANS, _FOUGHT, _LEFT_STATE, _NUMBER_OF, _PEOPLE_OF, _TROOPS, _WAR, _WORKERS_OF) = map(
    looking_ahead, (_CIVILIANS, _FOUGHT, _LEFT_STATE, _NUMBER_OF, _PEOPLE_OF, _TROOPS, _WAR, _WORKERS_OF))
