"""One article's incident candidates, sentence by sentence: the triggers, places, dates, figures and status
of each sentence and its neighbours, before the reports of one event are grouped (``mapper.incidents``)."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Sequence

from mapper.dates import DateSpan, when_told
from mapper.incident_again import reason_apart, told_before
from mapper.incident_complete import HARM_UNITS, HARMED, complete_previous
from mapper.incident_crossings import border_left, into_the_ledes_country
from mapper.incident_dates import (
    NIGHT,
    SentenceDates,
    date_for,
    days_before_the_last,
    forecast,
    sentence_dates,
    sentence_figures,
    this_week,
    undated,
)
from mapper.incident_drone import WEAK_DRONE_TERMS, drone_target
from mapper.incident_evacuated_after import district_of_the_city, evacuated_after, stranded_by_war
from mapper.incident_fell import fell_there
from mapper.incident_firm_sites import firm_towns
from mapper.incident_flow_patterns import ACCOUNTED_EACH, ANOTHER_WENT, RECEIVED_EACH, moves_with_ends
from mapper.incident_flows import evacuated_alike, fled_war, under_fire, war_zones
from mapper.incident_hedges import report_denials
from mapper.incident_kinds import DIRECTION_ITEM, carry_name, drone, mixed_attack, operation, siteless_name
from mapper.incident_longform import (
    RANKED_NEXT,
    came_home,
    carried_home,
    community_heading,
    counted_moves,
    debris_of_the_lede,
    heading_place,
    hypothetical_paragraphs,
    lede_attack,
    ranked_next,
    same_period,
    series_since_then,
)
from mapper.incident_merge import Candidate
from mapper.incident_migration import FROM_THE_COUNTRY, FURTHER, migration
from mapper.incident_neighbours import (
    SOME_OF_THEM,
    THE_GROUP,
    city_told_before,
    follow_up,
    fought_where_told_next,
    group_told_before,
    harm_to_the_fight,
    official_cue,
    recruited_there,
    struck_again,
    told_elsewhere,
    when_it_took_place,
)
from mapper.incident_nights import night_of_the_news, run_of_nights
from mapper.incident_of_the_drones import of_the_ledes_drones
from mapper.incident_region import attacker, region_told_before, speaker_place
from mapper.incident_rules import (
    context_clauses,
    evacuated_since,
    literal_resolutions,
    names_airspace,
    told_as_no_event,
)
from mapper.incident_scheme import under_the_scheme
from mapper.incident_sentence import PerSentence, Sentence, counts
from mapper.incident_side import side_told_before
from mapper.incident_sighted_again import sighted_again
from mapper.incident_split import split_reports
from mapper.incident_status import sentence_status
from mapper.incident_text import habit_clause_start, sentences, where_perfect
from mapper.incident_tolls import only_pointing_back, toll_elsewhere, toll_follows, toll_of_unplaced_attack
from mapper.incident_transport import put_on_transport
from mapper.incident_vague import recently
from mapper.incident_war_moves import fled_the_fighting
from mapper.incident_words import no_event_word
from mapper.incident_workplaces import staff_moved, workplace_countries
from mapper.lexicon import Lexicon, Trigger
from mapper.model import DatePrecision, IncidentType, ParsedArticle, Precision, Source, Status
from mapper.prefilter import looking_ahead

_TOLL = re.compile(r"\b(?:death\s+toll|number\s+of\s+(?:dead|deaths|victims|injured|wounded|injuries))\b", re.I)
_HISTORY_YEARS = 10  # events dated this many calendar years before publication (or more) are background
_OF_THEM = re.compile(r"\b(?:of|among)\s+(?:them|those|whom)\b", re.I)

# "It was at least the third strike on the station this year", "It was not the first attack on the depot": an
# ordinal count of events told before, a recurrence
_NTH = re.compile(r"\b(?:not\s+the\s+first|the\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                  r"\d+(?:st|nd|rd|th)))\s+(?:such\s+)?(?:strike|attack|drone\s+attack|find|incident|time)\b", re.I)


_HIT_TALLY = frozenset({"hits were recorded", "hits were registered"})


def _this_week(dates: Sequence[DateSpan], published: dt.date | None) -> bool:
    """True when one of ``dates`` (not a "since") is of the week before ``published``."""
    return published is not None and any(not d.since and this_week(d, published) for d in dates)


def article_candidates(parsed: ParsedArticle, lex: Lexicon, default_year: int | None) -> list[Candidate]:
    """The events one article reports, sentence by sentence, before reports of one event are grouped."""
    art, text = parsed.article, parsed.article.text
    sents = list(sentences(text))
    if not sents:
        return []
    starts = [s for s, _ in sents]

    def bucket(items: list, key) -> list[list]:  # type: ignore[type-arg]
        out: list[list] = [[] for _ in sents]  # type: ignore[type-arg]
        for it in items:
            at = key(it)
            i = bisect.bisect_right(starts, at) - 1
            if i >= 0 and at < sents[i][1]:
                out[i].append(it)
        return out

    workplaces = workplace_countries(parsed.resolutions, text) + firm_towns(parsed.resolutions, text)  # (and Azot)
    res_by = bucket(sorted(literal_resolutions(parsed.resolutions, text) + workplaces, key=lambda r: r.mention.start),
                    lambda r: r.mention.start)
    moved_to = {r.mention.start for r in workplaces}
    demonyms_by = bucket([r for r in parsed.resolutions if r.place is not None and r.mention.reason == "demonym"
                          and r.mention.start not in moved_to
                          and r.precision in (Precision.COUNTRY, Precision.AREA)], lambda r: r.mention.start)
    states_by = bucket([r for r in parsed.resolutions if r.place is not None and r.mention.reason == "metonymy"
                        and r.precision is Precision.COUNTRY], lambda r: r.mention.start)  # "Pakistan's ministry"
    low = text.lower()
    # (an untyped migration word is a group, not a mention: "planned to send 10,000 seasonal workers" is no flow)
    trig_by = bucket([t for t in lex.find(text) if not t.subtype and t.type != "migration" or not (
        told_as_no_event(text, low, t.start) and not evacuated_since(text, t) or no_event_word(text, t))],
                     lambda t: t.start)
    # Moves the lexicon cannot see in one word: a counted move named by a noun ("recorded 186,000 returns"), a
    # move verb split by its group ("flew 148 citizens home"), the move after its place ("Upper Lars, where
    # 12,000 people crossed") or told origin first ("left Kharkiv for Lviv")
    for t in itertools.chain(counted_moves(text, low), carried_home(text, low), moves_with_ends(text, low),
                             put_on_transport(text, low)):  # "put on two Somon Air flights"
        if not told_as_no_event(text, low, t.start):  # ("planned to send 10,000 workers to X": a plan)
            trig_by[bisect.bisect_right(starts, t.start) - 1].append(t)
    # Dates and figures only for the sentences that need them (an event here or two sentences on).
    dates_by = SentenceDates(sents, lambda t: sentence_dates(t, art.published, default_year), text)
    figs_by = PerSentence(sents, sentence_figures, text)
    drone_marked = [any(t.type == "drone" and not t.subtype and not drone_target(text, t) for t in ts)
                    for ts in trig_by]
    ref_year = art.published.year if art.published else default_year
    out: list[Candidate] = []
    denials = report_denials(lex, text)
    pending: tuple[int, tuple[str, str]] | None = None  # a named operation told with no site, and where
    fire: list[tuple[int, int]] | None = None  # where the article tells of states under fire (read when needed)
    scenarios = hypothetical_paragraphs(text)
    for i, (s, e) in enumerate(sents):
        trig = trig_by[i]
        if scenarios and any(a <= s < b for a, b in scenarios):  # "Imagine a night ... drones hit the plant"
            continue
        if denials and out and i - max(out[-1].sents) == 1 and any(s <= d < e for d in denials):
            for c in out:
                if i - max(c.sents) == 1 and c.status is Status.CLAIMED:
                    c.status, c.cued = Status.DENIED, True
                    c.rules.append("status denied (the next sentence denies the report)")
        if out and out[-1].type is not IncidentType.MIGRATION \
                and (not trig or only_pointing_back(text, s, trig, bool(res_by[i]))) \
                and HARMED.search(text, s, e) and not toll_elsewhere(res_by[i], out[-1]) and (
                toll_follows(text, sents, max(out[-1].sents), i, out[-1].type.value, trig_by[i - 1])  # "... a fire.
                # Two were injured."
                or i - max(out[-1].sents) <= 3 and _TOLL.search(text, s, e)):  # "It revised the number of
            # injured down to 88": a follow-up's corrected toll of the event told just before
            out[-1].figures += [f for f in counts(undated(figs_by[i], dates_by[i]), out[-1].type)
                                if f.unit in {"killed", "injured", "people"} and f not in out[-1].figures]
            continue
        if not trig and res_by[i] and i and HARMED.search(text, s, e):  # "... 653 drones at Ukraine. Three people
            # were injured in the Fastiv district": where the attack told with no place struck
            struck = toll_of_unplaced_attack(text, sents, i, trig_by, max(out[-1].sents) if out else None)
            trig = [struck] if struck else trig
        if not trig:  # "About 870,000 of them went to Russia": a count of the people just told
            # (with no place, only to add its count to the event of the sentence before)
            # "the United Kingdom took 2,900 workers and Germany 800": states listed with the people each received;
            # "Another 7,400 went to Kazakhstan": more of the kind of flow just told
            if not any(t.type == "migration" and t.subtype for j in (i - 1, i - 2) if j >= 0 for t in trig_by[j]):
                continue  # (a move word just before, looked for first: the patterns scan the whole sentence)
            m = (_OF_THEM.search(text, s, e) or RECEIVED_EACH.search(text, s, e) or RANKED_NEXT.search(text, s, e)
                 or ACCOUNTED_EACH.search(text, s, e) or ANOTHER_WENT.search(text, s, e)) \
                if res_by[i] or (out and i - max(out[-1].sents) == 1) else None
            if m is None:
                continue
            trig = [Trigger("migration", "", m.group(0), m.start(), m.end())]
        cues = lex.cues_in(text, s, e)
        if cues.get("history") and not _this_week(dates_by[i], art.published):  # "During the war, factories were
            cues.setdefault("general", []).extend(cues["history"])  # evacuated": history, not the week's news
        if cues.get("general"):  # a sentence about a kind of event in general, or a trailing clause of habit
            cut = habit_clause_start(text, s, cues["general"])
            if cut is None or not any(t.start < cut for t in trig):
                continue
            trig = [t for t in trig if t.start < cut]
            res_by[i] = [r for r in res_by[i] if r.mention.start < cut]
            cues = lex.cues_in(text, s, cut)
        acts = any(t.subtype and t.type != "migration" for t in trig)  # an event word of a drone or an operation
        if not res_by[i] and i and acts:
            city = city_told_before(text, (s, e), res_by[i - 1])  # "On October 2, a strike on a district of the city"
            if city and (any(not d.since for d in dates_by[i]) or (  # (or the event just told is at that city:
                    out and i - max(out[-1].sents) == 1  # "debris fell on Voronezh overnight ... Air defences
                    and any(loc.place_id == city[0].place.place_id for loc in out[-1].locs))):  # type: ignore
                res_by[i] = city  # destroyed 20 drones over the city")
        if res_by[i] and i and acts \
                and all(speaker_place(text, r) for r in res_by[i]):  # "The Krasnodar region's operational
            res_by[i] = city_told_before(text, (s, e), res_by[i - 1]) or res_by[i]  # headquarters confirmed that
            # debris fell on the territory of the port": the port of the town told before, not the speaker's region
        if any(t.subtype for t in trig) \
                and (not res_by[i] or all(speaker_place(text, r) or attacker(text, r) for r in res_by[i])):
            # "air defences destroyed 18 drones over the region" ("Odesa regional military administration head ...
            # wrote that Russia had attacked the region": the title's region, not its city)
            res_by[i] = region_told_before(text, (s, e), sents, i, parsed.resolutions) or side_told_before(
                text, (s, e), sents, i, parsed.resolutions) or res_by[i]  # "evacuated from the Kyrgyz side"
        if not res_by[i] and i and acts:  # "Shebekino. At 07:15 a
            res_by[i] = heading_place(text, sents[i - 1], res_by[i - 1], s)  # drone struck a car": the heading's
        clauses = None  # found only for sentences with an event word of a drone or an operation
        if res_by[i] and acts:
            clauses = context_clauses(text, s, e)
            if any(camp for _a, _b, camp in clauses):  # "as Russian forces pressed an offensive": background
                trig = [t for t in trig if t.type == "migration" or not t.subtype
                        or not any(a <= t.start < b for a, b, camp in clauses if camp)]
        made: list[Candidate] = []
        if res_by[i]:
            # the sentence before, and the one after in the same paragraph (a new paragraph may be another story)
            near = [j for j in range(max(0, i - 1), min(len(sents), i + 2))
                    if j <= i or "\n" not in text[e:sents[j][0]]]
            # "struck a workshop where drones were assembled": drones named here only as the target's make
            # are not turned into drone weapons by the drones of a neighbouring sentence
            own = [t for t in trig if t.type == "drone" and not t.subtype]
            # ("the enemy attacked the district with artillery and kamikaze drones. X and Y were targeted": the
            # drones of a mixed attack told just before are that operation's weapons, no drone event's)
            near_drone = (any(drone_marked[j] and (j == i or not mixed_attack(text, *sents[j])) for j in near)
                          or lede_attack(text, s, e, drone_marked, dates_by[i])) \
                and not (own and all(drone_target(text, t) for t in own)) \
                and not (not own and DIRECTION_ITEM.match(text, s))  # a front item's attacks are ground fighting
            military = near_drone or any(t.type == "operation" and t.subtype != "staging"
                                         for j in near for t in trig_by[j])
            sent = Sentence(art, i, trig, res_by[i], lex, dates_by, figs_by, clauses, trig_by)
            # "have used drones to hit refineries since early 2024": a state of affairs, not one event
            # "photographed air defence positions ... The information was used ... drone attacks": air
            # defences with no drone of their own sentence and no act are no interception
            acted = own or any(t.type == "drone" and t.subtype and t.term not in WEAK_DRONE_TERMS for t in trig)
            made = operation(sent, military, near_drone) or (drone(sent) if near_drone and acted else [])
            if not made and not near_drone and i >= 2 and (drone_marked[i - 2] or debris_of_the_lede(
                    text, s, e, drone_marked, trig)):  # (or debris told paragraphs after a drone lede)
                # "Drones entered Polish airspace. Airports were closed. Debris was found in a house in X."
                # "... 120 drones. Air defences shot down 97 of them. Hits were recorded at 9 locations": where the
                # rest struck
                made = [c for c in drone(sent) if c.subtype == "debris" or c.subtype == "strike" and any(
                    t.term in _HIT_TALLY for t in trig)]
            # (a series, unless each event is told by its day: "have been logged since early 2024 ...: Ualy
            # (February 18), Atameken (March 18)")
            if made and (dates_by[i] and all(d.since for d in dates_by[i]) or series_since_then(text, s, e) and not any(
                    d.date.precision is DatePrecision.DAY and not d.since for d in dates_by[i])):
                made = []  # ("Since then, sightings over airports in X, Y and Z have closed runways": a series)
            air = [r for r in res_by[i] if names_airspace(text, r)]  # "Polish airspace": a drone's place only
            # "Tajikistan was second with 486,000": a state ranked after the flow told before
            ranked = ranked_next(sent, out) if len(trig) == 1 and RANKED_NEXT.fullmatch(
                text, trig[0].start, trig[0].end) else []
            moved = ranked or migration(Sentence(art, i, trig, [r for r in res_by[i] if r not in air], lex, dates_by,
                                                 figs_by, clauses, trig_by) if air else sent, out, demonyms_by[i],
                                        states_by[i])
            if moved and made and all(any(a <= t.start < b for a, b, _c in sent.clauses())
                                      for t in trig if t.subtype and t.type != "migration"):
                # "students were bused out after the city came under drone attack": the reason (told last, when at
                # a place of its own: "evacuated residents of X after border guards exchanged fire near Y")
                made, moved = moved, reason_apart(made, moved, res_by[i], sent.clauses())
            made += moved
            made = district_of_the_city(made, out, i, trig, "\n" not in text[sents[i - 1][1]:s] if i else False)
            if not made and trig and out:  # "On 21 August, drones set the site on fire, halting flows to
                # Hungary": the places named are no site, the facility told before is
                made = struck_again(out, i, trig, dates_by, (text, s, e), res_by[i - 1] if i else [])
        elif demonyms_by[i] and (any(t.subtype == "return" for t in trig) or (  # "6,900 ethnic Kazakhs returned home"
                out and out[-1].subtype == "labour migration" and i - max(out[-1].sents) == 1
                and any(t.type == "migration" and not t.subtype for t in trig))) or (
                out and out[-1].type is IncidentType.MIGRATION and i - max(out[-1].sents) == 1
                and any(t.type == "migration" for t in trig)
                and (FURTHER.search(text, s, e) or FROM_THE_COUNTRY.search(text, s, e))) or (
                out and any(t.term == "departures" for t in trig)):  # "... The number of Kyrgyz workers fell to
            # 345,000": the next nationality of a list of flows; "A further 62,000 arrived"; counted departures
            sent = Sentence(art, i, trig, [], lex, dates_by, figs_by, clauses, trig_by)
            made = migration(sent, out, demonyms_by[i], states_by[i])
        else:  # "An earlier attack on the plant, on September 18, ...": the facility told before, another day
            sent = Sentence(art, i, trig, [], lex, dates_by, figs_by, clauses, trig_by)  # (this sentence's, not
            # the last one's: its actors and told figures go to what is made here)
            made = (struck_again(out, i, trig, dates_by, (text, s, e), res_by[i - 1] if i else [])
                    or sighted_again(out, i, trig, dates_by, (text, s, e))) if trig and out else []
            if not made and trig:  # "143,000 citizens came home from abroad", filed from their country
                made = came_home(sent, parsed.resolutions)
            if not made and trig:  # "About 1,000 residents were evacuated, he said": from around the strike just told
                made = evacuated_after(art.id, i, trig, out,
                                       counts(undated(figs_by[i], dates_by[i]), IncidentType.MIGRATION))
            if not made and i and any(t.subtype == "recruitment" for t in trig) and SOME_OF_THEM.match(text, s, e):
                # "Police in X detained 23 migrants. Nine of them were taken to an enlistment office": there
                made = recruited_there(art.id, i, res_by[i - 1], group_told_before(figs_by, dates_by, i)
                                       + group_told_before(figs_by, dates_by, i + 1))
            if not made and i + 1 < len(sents) and "\n" not in text[e:sents[i + 1][0]]:
                # "Heavier fighting erupted along the border. About 100 people were killed, and residents of the
                # Batken region fled": the fighting is where the next sentence counts its victims
                nxt = sents[i + 1]
                made = fought_where_told_next(art.id, i, trig, res_by[i + 1], [
                    f for f in counts(undated(figs_by[i + 1], dates_by[i + 1]), IncidentType.OPERATION)
                    if f.unit in HARM_UNITS]) if HARMED.search(text, *nxt) else []
        if pending and i - pending[0] <= 2 and carry_name(made, pending[1]):
            pending = None
        elif not made and trig:
            name = siteless_name(text, s, e, trig)
            pending = (i, name) if name else pending
        if made and i and text[max(0, sents[i - 1][0] - 4):sents[i - 1][0]].rstrip(" \t").endswith("\n"):
            head = [r for r in parsed.resolutions if sents[i - 1][0] <= r.mention.start < sents[i - 1][1]]
            for c in made:
                community_heading(c, text, sents[i - 1], head)
        for c in made:  # "brought home 418 citizens from Iran", the strikes on Iran told before: an evacuation
            if c.type is IncidentType.MIGRATION and c.subtype in ("return", "relocation"):
                fire = under_fire(text) if fire is None else fire
                zones = war_zones([f for f in fire if f[0] < e], parsed.resolutions) if fire else set()
                if fled_war(text, s, e, zones, c.locs, c.subtype):
                    c.subtype = "evacuation"
                    c.rules.append("evacuation: out of a country under fire")
            stranded_by_war(c, text, s, e)
        if made and art.published and forecast(text, dates_by[i], art.published):
            continue  # "migration is likely to fall next year": a forecast or a plan is no event
        prev = follow_up(out, i, made, text, s, e)  # "The attack took place late on Wednesday in ..."
        if prev is not None:
            when_it_took_place(prev, dates_by.events(i), res_by[i])
            prev.sources.append(Source(art.id, text[s:e], s, e, art.title, art.url, art.published))
            prev.sents.add(i)
            continue
        if not made:  # no event of its own: its figures may complete the event of the previous sentence
            complete_previous(out, i, sents, text, trig, trig_by, figs_by[i], dates_by[i], art)
            continue
        told_before(out, made, i, lex, (text, s, e), res_by[i], dates_by.events(i))
        date, src = date_for(text, dates_by, i, trig, art.published, default_year)
        date, src = recently(text, s, e, date, src, art.published)  # "recently counterattacked": no neighbour's day
        date, src = of_the_ledes_drones(text, (s, e), out, dates_by, date, src)  # "one of the drones": the lede's
        if src != "sentence":  # "The find came two days after X reported a drone attack": X's day
            date, src = days_before_the_last(text, s, e, out, i, date, src)
            date, src = same_period(text, s, e, out, date, src) if out else (date, src)  # "Over the same period"
        nth = _NTH.search(text, s, e)
        if nth is not None and src != "sentence":
            continue  # "It was not the first attack on the depot": the article's strike counted, no other event
        repeated = bool(cues.get("repeated")) or nth is not None
        if src != "sentence" and (repeated or where_perfect(text, s, e, trig)):
            date, src = None, ""  # "hit multiple times": recurring, no single date to give
        elif repeated and not any(d.date.end - d.date.start <= NIGHT or when_told(text, d) for d in dates_by.events(i))\
                and all(c.type is not IncidentType.MIGRATION for c in made):
            continue  # "have been attacked several times this year": recurring over a span, no event
        figs = undated(figs_by[i], dates_by[i])
        status, cue = sentence_status(lex, text, sents, i)
        for c in made:
            if c.date is None:
                c.date, c.date_src = date, src
            if not c.figures:  # (a flow split by destination carries each destination's own count)
                c.figures = counts(sent.told(figs) if c.type is IncidentType.MIGRATION else figs, c.type)
                if any(m.type is IncidentType.MIGRATION for m in made) and c.type is not IncidentType.MIGRATION:
                    c.figures = [f for f in c.figures if f.unit != "people"]  # (the people counted are the move's)
            if not c.figures and c.type is IncidentType.MIGRATION and THE_GROUP.match(text, s, e):
                c.figures = group_told_before(figs_by, dates_by, i)
            c.status, c.cued, why = status, bool(cue), cue
            if status is Status.CLAIMED and len(made) > 1 and told_elsewhere(lex, text, (s, e), c, res_by[i]):
                c.status, c.cued, why = Status.CONFIRMED, False, ""  # "on 14 January a drone was found near X,
                # and in May villagers in Y reported debris": the villagers' word is the second clause's only
            if c.subtype in ("labour migration", "return") and status is Status.CLAIMED and official_cue(lex, cue):
                c.status = Status.CONFIRMED  # a warring state's count of workers or deportations: official
                # statistics, no war claim
            c.rules.append(f"status {c.status.value}" + (f" (cue '{why}')" if why else ""))
            c.sources = [Source(art.id, text[s:e], s, e, art.title, art.url, art.published)]
            c.paras = {text.count("\n", 0, s)}
            c.articles = {art.id}
            c.actors = sent.actors()
        made = split_reports(made, res_by[i], figs, trig, dates_by, i, text)
        # "landed in Normandy in 1944": history told as background, not news; so is a running total since
        # then ("since 1991, 1.1 million ethnic Kazakhs have returned")
        if ref_year and src != "sentence" and any(d.since and d.date.start.year <= ref_year - _HISTORY_YEARS
                                                  for d in dates_by[i]):
            continue
        run_of_nights(text, s, e, made, res_by[i], dates_by.events(i))  # "for a second night in a row"
        night_of_the_news(made, dates_by, i, art.published)  # "overnight" in a report of the day before
        into_the_ledes_country(made, demonyms_by[0] if i else [], demonyms_by[i])  # "Afghans ... into Afghanistan"
        border_left(made, text, (s, e), parsed.resolutions, demonyms_by[i])  # "On the Pakistan border, ... returned"
        if staff_moved(text, s, e):  # "the company said it had moved about 60 workers to X": its staff, no migrants
            made = [c for c in made if c.type is not IncidentType.MIGRATION]
        under_the_scheme(text, s, e, made, out)  # "have gone to Britain under the programme": the workers' scheme
        harm_to_the_fight(made, out, i)
        fell_there(made, out, text, s, i)  # "shot down over the Gomel region. One of them fell near X"
        out.extend(c for c in made if not (ref_year and c.date and c.date.end.year <= ref_year - _HISTORY_YEARS))
    fled_the_fighting(out, text)  # "brought home ... as the fighting in the region spread"
    evacuated_alike(out, text)
    return out

# Patterns searched over sentences and windows, behind a look-ahead at the letters their matches start with
# (prefilter.looking_ahead): the same matches, most positions rejected at one character
_NTH, _OF_THEM, _TOLL = map(looking_ahead, (_NTH, _OF_THEM, _TOLL))
