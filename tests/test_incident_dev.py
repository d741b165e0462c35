"""Held-out-style development set for incident extraction (``tests/data/incident_dev.jsonl``).

The paragraphs were written for this project in the style of news reports on its subjects (drones over
Russia, Kazakhstan, Uzbekistan and Ukraine, Central Asian labour migration, military operations); none
is copied from an article or from the seed. Each line lists the incidents an analyst would map:
type, subtype, a place name one location must carry, the date (an ISO string or a list of acceptable
ones), the status and the figures that must be found. Rows ``dev-*`` were written first and guided
the fixes; rows ``ho-*`` to ``ho12-*`` were written afterwards, batch by batch, and run once before any
change they prompted, as checks that the fixes carry over (``ho12-*``, 11 rows: 4/11 at first sight;
``ho13-*``, 11 rows: 6/11 at first sight, 11/11 after the fixes they prompted; ``ho14-*``, 12 whole
articles: 3/12 at first sight, 10/12 after the fixes; ``ho15-*``, 11 whole articles written for precision:
6/11 and one extra incident at first sight, 9/11 and no extra after the fixes; ``ho16-*``, 11 whole articles
from Ukrainian regional governors, the General Staff and heads of Russian regions far from the border: 5/11
and one extra incident at first sight, 10/11 and no extra after the fixes; ``ho17-*``, 10 whole articles on
Central Asia and the Caucasus: 6/10 and one extra incident at first sight, 9/10 and one extra after the fixes;
``ho18-*``, 12 whole articles (Russian and Ukrainian officials' drone reports, strikes on cities, drone debris abroad,
deportations and labour departures, a Kyrgyz-Tajik clash, a drone law and a migration forecast): 9/12 and three
extra incidents, one in place of a missed strike, at first sight, 12/12 and no extra after the fixes; ``ho19-*``,
12 whole articles (drone sightings over Kazakh and Uzbek airports and plants, strikes deep in Russia, General Staff
claims in Crimea and Donetsk, a village captured near Pokrovsk, a prisoner exchange, migrant raids and a deportation,
seasonal workers for South Korea and Britain, a drone downed over Belarus during an exercise, an analysis piece and a
verdict): 6/12 and three extra incidents at first sight (ho19-06, first written with the captured village as an
operation strike, follows ho16-08: a capture is no event of the schema), 12/12 and no extra after the fixes;
``ho20-*``, 8 long articles of 8 paragraphs with dated background events (earlier drone finds, earlier strikes on
the same refinery, yearly migration statistics, earlier border wars): 0/8 at first sight, 12 of 29 expected
incidents missed and two extra, one a metonymic 'forcing Moscow to restrict' in an analysis piece; 4/8 after the
fixes, with 1 of 31 expected incidents missed and no extra; gold entries of two rows were changed after first
sight to follow the dev set's and the seed gold's conventions, see the rows' notes); ``ho21-*``, 7 long articles
(a week of drone attacks told from Moscow, drone wreckage in three Kazakh villages, quarterly Uzbek labour departures,
a Kharkiv offensive told by the governor, Tajik returns after the Crocus City Hall attack, a drone incursion into Latvia
and Lithuania with earlier ones in Poland and Romania, an analysis piece): 0/7 at first sight, 25 of 30 expected
incidents missed or wrong and six extra; 2/7 after the fixes, with 10 of 29 expected incidents missed or wrong and
two extra (gold entries of three rows were changed after first sight to follow the seed gold's and the status rule's
conventions, see the rows' notes); ``ho22-*``, 7 long
articles (drone strikes on Caspian and Volga targets with Kazakhstan's oil routes, Kyrgyz departures by airport and
month, the Engels base and the Saratov refinery with dated 2022 strikes, exercises beside a border shoot-out, drone
debris and yearly relocations in Georgia, a denied clash at the Turkmen border, a timeline of eight drone finds in
Kazakhstan): 2/7 at first sight, 21 of 35 expected incidents missed or wrong and three extra; 6/7 after the fixes,
5 of 35 missed or wrong (all in ho22-03, counted as at first sight, by the greedy row matcher) and no extra; gold
entries of two rows were changed after first sight, see the rows' notes); ``ho23-*``, 7 long articles (a named
operation on four Russian air bases with
drones hidden in lorries, a Kyrgyz evacuation from Iran through Turkmen and Azerbaijani crossings, drone wreckage near
an Atyrau village with an earlier find, migrants pressed into army contracts in detention centres, a night drone attack
on Lviv, Lutsk and Khmelnytskyi with Polish jets scrambled, half-yearly Kazakh labour statistics with returnees, a
feature with one dated departure): 2/7 at first sight, 18 of 28 expected incidents missed or wrong and three extra;
3/7 after the fixes, with 16 of 28 missed or wrong and two extra (gold entries of two rows were changed after first
sight to follow the seed gold's and the dev set's conventions, see the rows' notes); ``ho24-*``, 6 long articles (a
drone crash near a West Kazakhstan village with an earlier find, a weekend of governors' casualty and evacuation reports
from the Belgorod, Kursk and Bryansk regions, Uzbek and Tajik workers recruited for the Alabuga drone plant, a strike
on the Unecha pumping station with satellite imagery and earlier strikes, monthly Russian entry bans and deportations
of Kyrgyz citizens with return flights to Osh and Bishkek, drone fragments by the Danube in Romania and Moldova with
strikes on Izmail): 0/6 at first sight, 15 of 29 expected incidents missed or wrong and four extra; 0/6 after the fixes,
12 of 29 missed or wrong and four extra (ho24-04 lacks only an extra; the places of one row were changed
after first sight, see its note); ``ho25-*``, 8 articles in the house styles of Central Asian, Russian and Ukrainian
agencies (Kazinform, 24.kg, Trend, UzA, TASS and UNN datelines, 'Photo:', 'Author:', 'Read also:' and 'Recall'
lines; a Kazakh emergency department's drone find, a Kyrgyz deportation flight to Osh, Uzbek departures to Britain
and Germany, a Sumy military administration's daily shelling bulletin by hromada, a Russian ministry tally by region
with governors' reports, a night strike on Kharkiv, a drone strike on the CPC terminal told from Astana): 1/8 at first
sight, 11 of 19 expected incidents missed or wrong and no extra; 5/8 after the fixes, 5 of 19 missed or wrong (two of
them ho25-04's, counted by the greedy row matcher) and no extra; ``lead-*``, articles the lead wrote while reviewing
whole outputs (``lead-01``, a Kyrgyz-Tajik border shooting with a dated displacement and return figures after
'Separately': 1/3 incidents right at first sight; ``lead-02``, Uzbek labour departures by destination with
deportations and a dated deportation flight: 2/6 at first sight and one extra, 5/6 and no extra after the fixes;
``lead-03``, a General Staff update by direction with a governor's strike and shelling reports: 3/5 at first sight,
5/5 after the fixes; ``lead-04``, a sea-drone strike near Novorossiysk with a strike 'earlier in November' at the same
port: 2/3 at first sight, 3/3 after; ``lead-05``, migrant raids near Moscow with call-ups and the year's expulsions
compared with last year's: 1/2 at first sight, 2/2 after; ``lead-06``, a drone crash near Atyrau with the Kazakh
defence ministry's response: 2/3 at first sight, 3/3 after; ``lead-07``, a long feature on Urals drone strikes and
Central Asian workers: 3/6 at first sight, 6/6 after; ``lead-08``, a refinery strike with two earlier strikes on it
told by month: 1/3 at first sight, 3/3 after); ``ho26-*``, 6 long articles of 8-9 paragraphs with lede summaries (two
governors' overnight drone strikes with a ministry tally and dated strikes on the same depot and air base, drone
wreckage near a Kostanay village with two earlier finds told in one sentence, nine months of Tajik departures by
destination with returns, deportations and a flight, a Zaporizhzhia governor's day of guided bombs, artillery, a drone
and an evacuation, a night drone attack on Odesa region ports with fragments in Romania, a strike on the Orenburg gas
plant told from Astana): 0/6 at first sight, 14 of 35 expected incidents missed or wrong (counted by a one-to-one
matcher) and four extra (a lede's 'the fighting has moved closer' read as a relocation, 'It was not the first attack
on the depot', remittances 'sent home', the General Staff's repelled assaults); 3/6 after the fixes, 3 of 35 missed or
wrong and no extra (the fixes also pass ho21-03 and ho23-06, and move ho21-04, ho23-02, ho24-02 and ho24-03; gold
entries of two ho26 rows were changed after first sight, see their notes); ``ho27-*``, 6 long articles of 8-10
paragraphs in genres new to the set (a live blog of a night of drone attacks told newest first, an investigation of
migrants pressed into army contracts with named cases, a labour agency's press release with departures by destination
and month, a weekly roundup of drone debris in Kazakhstan, Moldova, Romania and Poland, a regional administration's
daily summary by community, an analysis piece with two dated events among habits): 1/6 at first sight, 17 of 29
expected incidents missed or wrong and two extra (an Air Force alert of drones 'heading for Kharkiv and Dnipro' read as
a strike, the month's total 'left for temporary employment abroad' read as a relocation); 5/6 after the fixes, 1 of 29
missed and no extra (the fixes also pass ho26-03 and ho26-04; the gold of one row was changed after first
sight to drop a comparison's baseline months, see its note); ``ho28-*``, 11 articles of kinds the set had few of (a
three-country evacuation from Lebanon and Israel, Afghan returns from Iran and Pakistan with onward flights, a ministry
tally over eleven Russian regions with governors' strikes, Ukrainian governors' day of drone strikes with casualties,
Kyrgyz remittances with returns and departures, deportation flights with detentions and entry bans, a mercenary verdict
with a call-up raid near Moscow, CSTO drills beside a Tajik-Afghan border clash, a Kyrgyz-Tajik border clash with an
evacuation, a drone light show and farm drones with tourism as two negatives): 1/11 at first sight, 21 of 41 expected
incidents right and three extra (a diaspora estimate, detained migrants, seasonal work 'every spring'; four more
wrong in place of expected ones: citizens who 'want to leave', tonnes of food aid 'moved', remittances 'came home', a
speaker's Bishkek); 7/11 after the fixes, 33 of 40 right and no extra (the gold of one row was changed after first
sight, see its note); ``ho29-*``, 10 articles in styles the set had few of (drone sightings closing Danish, Kazakh and
Uzbek airports with residents' reports beside authorities', a General Staff refinery claim against a governor's
'industrial enterprise' fire, Russian debris-and-fire reports on two refineries, an analyst's assessment of advances
and assaults by direction, a cross-border raid told by the FSB and the HUR, Uzbek departures by destination with a
return wave, migrants recruited from detention, a new drone find beside last year's, an opinion piece): 2/10 at
first sight, 9 of 27 expected incidents right and six extra; 6/10 after the fixes, 23 of 28 right and two extra
(the gold of two rows was changed after first sight to follow the status rule and ho7-07, see their notes); ``ho30-*``,
8 articles in styles the set had few of (a Russian ministry's evening and overnight summaries with Moscow-time
windows, an Air Force morning tally with a regional casualty update, a Kazinform drone find with the akimat's
statement, one labour flow told by Russian and Tajik ministries, a daily evacuation from Donetsk towns, a Belgorod
governor's shelling by village, a follow-up's new death toll, bird migration counted by drones): 2/8 at first sight,
7 of 15 expected incidents right and two extra; 7/8 after the fixes, 12 of 15 right and no extra; ``ho31-*``, 7
articles in the shapes that failed most (a daily evacuation by town with three counts in one sentence and a running
total, flights home told with 'flew ... home', 'brought back' and 'repatriated', an analysis piece naming past
incursions and airport closures beside a news report of a drone crash in Poland, a governor's 'shelling and drone
attacks on 12 villages', an air base strike claimed and confirmed by satellite images days later, recruitment from
detention told for one man and then for a group): 1/7 at first sight, 3 of 14 expected incidents right and two extra;
3/7 after the fixes, 7 of 14 right and no extra; ``ho32-*`` and ``ho33-*``, 8
articles each (a corrected toll, a refinery and an air base strike told by both sides with earlier strikes, an
incursion into Romania with fragments and a crash in Moldova, nine months of entries for work ranked by origin, a
Pakistan-Afghanistan border closure with returns, drills, a timeline of airport sightings, a live blog by day header,
balloons beside a drone sighting in Lithuania, deportations, a drone strike and a shooting from Afghanistan in
Tajikistan, a governor's day, an agency's corrected figures, and three negatives with drones, migration and
'operations'): ho32 2/8 at first sight, 11 of 21 expected incidents right and one extra, 8/8, 21 of 21 and no extra
after the fixes; ho33 2/8, 13 of 28 and two extra at first sight (the gold of one row was changed after first sight,
see its note), 7/8, 29 of 29 and one extra after; ``ho34-*`` and ``ho35-*``, 8 articles each (the seed's
genres as other outlets write them: steppe drone finds, a refinery and an air base strike "overnight into" a
weekday, departures and returns by official statistics, CSTO and SCO drills; then RSS headlines with ledes, a
translated ministry bulletin, an analysis recapping dated finds, events placed by a district or region only,
denials, and a drone light show and a bird migration as negatives): ho34 4/8, 15 of 21 and one extra at first
sight, ho35 5/8, 13 of 18 and one extra; 8/8, 21 of 21 and 8/8, 18 of 18, no extra, after the fixes; ``ho36-*``
(migration and displacement: mobilisation departures by checkpoint, a Karabakh exodus by running totals, Afghan
returns by crossing, refugee stocks in prose, remittances) and ``ho37-*`` (raids across the Russian border, the
Kyrgyz-Tajik border war, an offensive told by both sides, sea drones, air defence over cities, a police operation and
a film as negatives), 8 articles each: ho36 2/8, 5 of 19 and no extra, ho37 2/8, 8 of 15 and two extra at first
sight; ho36 4/8, 9 of 19, no extra, and ho37 7/8, 13 of 15, one extra, after the fixes (the gold of one ho37 row
was changed after first sight, see its note); ``ho38-*`` (Central Asian state agencies and portals: monthly
departures by destination with 'accounted for' shares, an emergency ministry's drone find with the details after
'According to it,', an exercise at a named range beside a radar detection, expulsions and a deportation train, a
fallen object with social-media videos, returns by air and rail, and a drone light show and farm-drone subsidies as
negatives), ``ho39-*`` (Ukrainian and Russian regional daily summaries: tallies by settlement and weapon, shelling
and drones told clause by clause, governors' posts from three regions, a toll by town with an evacuation, a siren
test as a negative) and ``ho40-*`` (long features and analysis: energy routes with a buried refinery strike, labour
statistics in prose, Soviet deportations and a war-game scenario as negatives, a front-line city, airports closed
by drones), 8 articles each: ho38 5/8, 9 of 15 expected incidents right and no extra; ho39 1/8, 12 of 32 and no
extra; ho40 5/8, 8 of 11 and two extra at first sight; after the fixes ho38 7/8, 14 of 15; ho39 7/8, 26 of 28; ho40
7/8, 9 of 11; no extra (the gold of five rows was changed after first sight, see their notes; on the changed gold
the first sight is ho39 2/8, 15 of 28 and ho40 6/8, 9 of 11); ``ho41-*``, 8 short items (feed pages and a live
blog of headline-and-summary items, a headline-only item in headlinese, a negative feed and a negative headline): 4/8,
11 of 16 expected incidents right and no extra at first sight (on the gold changed after first sight, see ho41-03's
note, 5/8 and 12 of 16); 8/8, 16 of 16 and no extra after the fixes; ``ho42-*``, 8 follow-up and multi-source
stories (one night's refinery strike told by a governor, the ministry and a residents' channel; a corrected toll; a
drone find updated with 'UPDATE:' paragraphs and a second find; two strikes on one day in neighbouring districts; a
deportation told by both countries; an evacuation order updated with the day's count and shelling; a postponed
trial and border talks as negatives): 6/8, 10 of 12 expected incidents right (two lacked a count) and no extra at
first sight; 8/8, 12 of 12 and no extra after the fixes; ``ho43-*``, 8 drone sightings and hybrid incidents in
Europe as wire services and national broadcasters tell them (airports closed in Munich, Copenhagen, Oslo and Brussels,
drones over air bases, an incursion into Poland with debris, balloons from Belarus beside a drone over a base, a drone
crash in Latvia, and a procurement story and a hobby drone fine as negatives): 4/8, 5 of 10 expected incidents right
and two extra at first sight; 7/8, 9 of 10 and no extra after the fixes; ``ho44-*``, 8 migration stories as
outlets on Central Asia and Russia tell them (flights home after raids, deportation counts, a queue at the Kazakh
border, Russians through Upper Lars and into Kazakhstan after the call-up, a holiday return to Ukraine, nurses to
Germany and workers to Saudi Arabia, and a census and a remittance report as negatives): 5/8, 7 of 9 expected
incidents right and one extra at first sight; 8/8, 9 of 9 and no extra after the fixes; ``ho45-*``, 8 officials' short
updates and translated Telegram posts (Russian governors' posts quoted whole or timed, an oblast head's timed night
updates, a Kazakh emergencies ministry notice, a Telegram channel's blasts confirmed as drone debris, an evacuation
flight landing), ``ho46-*``, 8 ministry tallies beside General Staff claims (a tally by region with a pumping station
claim, an oil depot, a substation, an airfield, uncrewed boats and sea drones on both seas, a port, the daily clash
count, the Air Force's night tally), ``ho47-*``, 8 Central Asian migration items ('X sent N workers to Y', crossings
at Zhibek Zholy, Kordai and Dostyk, patent rules beside a deportation flight, naturalised men sent to the front,
kandas repatriation, monthly deportations and voluntary returns) and ``ho48-*``, 8 items written for precision (a
drone show, an explainer, a drone law, oil market news, football as negatives; an anniversary, an exercise announced
and a remittance forecast each beside one event), at first sight: ho45 1/8, 4 of 15 expected incidents right and no
extra; ho46 5/8, 10 of 15 and no extra; ho47 3/8, 6 of 9 and two extra; ho48 5/8, 2 of 3 and three extra (the gold of
ho46-08 and ho47-07 was changed after first sight to follow the dev set's conventions, see their notes; on the changed
gold ho46 is 6/8, 11 of 14 and ho47 4/8, 7 of 9); after the fixes ho45 4/8, 11 of 15; ho46 7/8, 13 of 14; ho47 8/8, 9
of 9; ho48 7/8, 2 of 3; no extra; ``ho49-*``, 8 long wire stories of 8-9 paragraphs in the Reuters, AP and AFP
styles (a refinery strike with the ministry's tally and a dated earlier strike, a night's missile and drone attack on
Kharkiv and Odesa beside peace talks with a 2024 strike, a drone find with two earlier finds, a deportation flight with
two months' departures, a day of shelling, a drone strike and an evacuation in the Zaporizhzhia region, jets scrambled
in Poland beside a strike in the Lviv region, quarterly Tajik departures by destination, sea-drone strikes on tankers
and the CPC terminal), ``ho50-*``, 8 items from Central Asian outlets in English (Kun.uz, AKIpress, 24.kg, Kazinform,
Asia-Plus, the Times of Central Asia, Azattyk and Ozodi: a drone find with a 'Recall' line, a border shooting, monthly
deportations with a year-to-date total, kandas, a man recruited from detention, an evacuation flight with an earlier
one, a recruitment case, a raid on migrants with a deportation flight), ``ho51-*``, 8 official statements as published
(a General Staff summary by direction, a Russian ministry tally listed by region, a military administration's daily
summary, a governor's day by district, the Air Force's night tally by weapon, an oblast head's evening, night and
morning, a Russian governor's post, a ministry's weekly summary) and ``ho52-*``, 8 items for mixed precision (an
anniversary analysis, a mercenary verdict, a counter-drone budget and a stock of migrants as negatives; a passive
debris report, a count before its destination, a strike told in a subordinate clause, 'Of the 96 drones ..., 34 were
destroyed'), at first sight: ho49 2/8, 14 of 25 expected incidents right and three extra; ho50 0/8, 3 of 10 and one
extra; ho51 1/8, 5 of 15 and five extra; ho52 4/8, 2 of 4 and two extra (the gold of nine rows was changed after first
sight to follow the dev set's conventions, see their notes; on the changed gold ho49 is 2/8, 14 of 23 and four extra;
ho50 2/8, 5 of 10 and one extra; ho51 2/8, 5 of 17 and four extra); after the fixes ho49 4/8, 18 of 23 and one extra;
ho50 4/8, 6 of 10 and no extra; ho51 7/8, 15 of 17 and no extra; ho52 8/8, 4 of 4 and no extra; ``ho53-*``, 8
reports of three events each told by two or three outlets (a refinery strike with a revised toll and the attacker's
claim, a drone find dated by weekday and in full, a night strike on Kharkiv whose toll rose twice), ``ho54-*``, 8
maritime and energy items (a sea drone on the CPC terminal told by the consortium, a missile on a tanker in port,
Caspian Flotilla ships, an oil depot with an evacuation, substations, a Danube port, a negative on exports), ``ho55-*``,
8 Central Asian migration policy items where only some sentences are events (quotas, patents, the register of
controlled persons, a regional work ban, flights home from the Gulf and Germany, an amnesty beside monthly departures)
and ``ho56-*``, 8 short items and headlines with a lede, at first sight: ho53 6/8, 7 of 8 expected incidents right
and two extra; ho54 4/8, 3 of 8 and no extra; ho55 5/8, 4 of 7 and one extra; ho56 7/8, 5 of 6 and no extra (the gold
of ho53-03 and ho54-07 was changed after first sight, see their notes; on the changed gold ho53 is 7/8, 8 of 8;
the three reports of the Kharkiv strike, their tolls revised, stayed three events across articles);
after the fixes ho53 8/8, 8 of 8 and no extra; ho54 7/8, 7 of 8 and no extra; ho55 8/8, 7 of 7 and no extra;
ho56 8/8, 6 of 6 and no extra; ``ho57-*``, 8 Russian
governors' and ministry reports of refinery and plant fires after drone attacks (debris on an enterprise in a named
district, a ministry tally beside a governor's refinery fire, a depot hit 'on Tuesday evening' with a guard killed, a
fire 'the previous night' with an earlier dated strike, a night told by two governors after a summing-up lede, and a
region's protective measures and refinery throughput as negatives), ``ho58-*``, 8 Central Asian migration statistics
and policy releases (quarterly departures by destination told 'Another N went to ...', a first group to a new
destination, nine months' returns with the deported 'Of them', foreign workers registered on arrival in Kazakhstan, a
quarter's departures and returns 'over the same period', a month's expulsions, and patents and a household survey as
negatives), ``ho59-*``, 8 drone sightings in Europe and Central Asia (an airport closed two days running, Liege with an
air base, Karup, residents' report the police found no evidence for, a radar detection near Urgench, a drone over the
Atyrau refinery, Orland and Karlskrona told by the armed forces and the police, and a procurement plan as a negative)
and ``ho60-*``, 8 operations and exercises (CSTO and SCO drills as negatives, a Kyrgyz-Tajik border shooting, a
cross-border raid told by the FSB, an offensive claimed by a general staff, a sea-drone attack on a port, a shoot-out
on the Tajik-Afghan border, a special forces landing in Crimea), at first sight: ho57 5/8, 11 of 13 expected
incidents right and one extra; ho58 4/8, 4 of 13 and no extra; ho59 3/8, 5 of 9 and one extra; ho60 7/8, 5 of 6 and
no extra (the gold of ho59-06 was changed after first sight, see its note; on the changed gold ho59 is 4/8, 6 of 10
and no extra); after the fixes ho57 8/8, 13 of 13; ho58 8/8, 13 of 13; ho59 8/8, 10 of 10; ho60 8/8, 6 of 6; no extra;
``ho61-*``, 8 weekly round-ups and timelines from Russia and Ukraine (a governor's week told day by day in one
paragraph, a refinery's timeline of four dated attacks with a debris fall, a governor's weekly summary with a week's
evacuation, a week in brief as day-headed lines, a timeline under dated day headings, a week of drone attacks on
Moscow, and a week of laws and a week of diplomacy as negatives), ``ho62-*``, 8 translated official posts (a
governor's post by district heading, a military administration's morning summary, a General Staff evening update by 'X
direction:' heading, a ministry's evening tally headed with its posting time, an acting governor's day, 'The night was
restless in ...', a governor's night, and a siren test as a negative), ``ho63-*``, 8 drone incursions (debris in a
Polish village after a night of shoot-downs, a radar track and fragments in Romania, a crash by a Moldovan border
town, wreckage near Jonava with a crash in Latvia, a shoot-down over a Polish district, drones downed over Belarus
with one falling near a town, and fighter jets over Estonia and an anti-drone budget as negatives) and ``ho64-*``, 8
items from Central Asia's southern borders (a shoot-out with smugglers on the Panj, foreigners handed over at the
Termez-Hairatan bridge beside citizens flown home, Iran's deportations through Islam Qala with a running total, a
denied clash at the Turkmen border, ethnic Kyrgyz resettled from the Wakhan, workers to Mazar-i-Sharif beside eight
months' departures, a drone from Afghanistan on a Tajik border post, and border trade as a negative), at first sight:
ho61 5/8, 17 of 21 expected incidents right and no extra; ho62 4/8, 6 of 16 and no extra; ho63 7/8, 10 of 11 and one
extra; ho64 4/8, 6 of 10 and two extra; after the fixes ho61 8/8, 21 of 21; ho62 8/8, 16 of 16; ho63 8/8, 11 of 11;
ho64 7/8, 9 of 10; one extra (ho64-05, see its entry below). A known-failure pass of the tenth session, on the 565
rows before ho57, took them from 527 to 533 passing by class (a consortium reporting an attack on its own terminal, an
authority's own Telegram channel, a count since a month told on a statement day, tankers struck at sea with another
event as a time mark and their day told after the statement's, and curated border villages: Kok-Tash, Dorogoshch,
Gulbahor); lead-01's 'Kok-Tash in the Leilek district' now takes the Batken district's Kok-Tash and fails, and
ho50-02's gold place became that village. A second known-failure pass, on 629 rows, took them from 596 to 601 passing
by class (two targets struck in one clause, small towns naming power plants, a month 'of this year', Uzbek Latin
district names in their Russian spelling, a find's day told after the report's, an event told in a when-clause after
'since', a capital that 'lifted' restrictions as its government, a town named only in a plant's firm, one town's
strike told twice far apart on one day, debris of 'one of the drones' dated by the lede). ``ho65-*``, 8 items on the
Black Sea and Crimea (sea drones destroyed off Sevastopol, an underwater blast on the Crimean bridge with dated
earlier attacks, strikes on the Saky, Belbek and Kacha air bases with the ministry's tally and a governor's
shoot-downs, a grain ship hit in Chornomorsk with debris in the Izmail district, a tanker hit off Turkey's Kastamonu
coast, a Feodosia depot with residents moved out and a claim on Dzhankoi, and a mine countermeasures exercise as a
negative), ``ho66-*``, 8 strikes deep in Russia told by governors and the General Staff with 'the first time' and
distances (Nizhnekamsk, Ufa with a shoot-down over Salavat, Novocheboksarsk, Perm's 'industrial enterprise', Orenburg
with debris in Orsk, Kirishi with shoot-downs near the plant, the Soltsy air base, and protective measures as a
negative), ``ho67-*``, 8 items on people on the move (returns from Poland before the school year, arrivals in Moldova
after strikes, Russians into Kazakhstan and through Upper Lars after the call-up, a deportation flight from Leipzig to
Tashkent, an evacuation train from Pavlohrad to Lviv with a week's count, an evacuation bus to Dnipro, half a year's
returns and arrivals in Moldova, and temporary protection as a negative) and ``ho68-*``, 8 Central Asian security
items (a drone over the Tengiz field, wreckage in the Kasbi district, a Kyrgyz-Tajik border shooting, a shoot-out on
the Panj, a drone closing Termez airport, a crash near a Mangystau village with earlier finds, and a CSTO drill and a
mercenary verdict as negatives), at first sight: ho65 4/8, 7 of 13 expected incidents right and no extra; ho66 6/8, 8
of 11 and no extra; ho67 3/8, 7 of 10 and two extra (a part 'including 64 children' as a flow of its own, refugees
going home 'as the front line has stabilised' read as recruitment); ho68 7/8, 5 of 6 and no extra (the gold of four
rows was changed after first sight: ho65-02's place to the bridge the text names, ho66-05's shoot-down with debris in
one sentence to an interception and ho66-06's governor's attack with a fire to one confirmed strike, as the set's
conventions have them, and ho67-02's arrivals after strikes to an evacuation; on the changed gold ho66 is 8/8, 10 of
10 and ho67 4/8, 8 of 10); after the fixes ho65 6/8, 10 of 13; ho66 8/8, 10 of 10; ho67 8/8, 10 of 10; ho68 7/8, 5 of
6; no extra. An ``optional`` expected incident (as in the seed gold) need not be found.
Run as a script for the pass rate: ``PYTHONPATH=. python3 tests/test_incident_dev.py`` (the path makes a
worktree run its own package).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from mapper.incidents import extract_incidents
from mapper.model import Article, Incident
from mapper.names import skeleton
from mapper.pipeline import capital_lookup, parse_article

DEV = Path(__file__).parent / "data" / "incident_dev.jsonl"
ROWS = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
#: Articles the extractor still gets wrong, with why (strict: a fix must remove the entry).
KNOWN_FAILURES: dict[str, str] = {
    "ho28-01": "the dated 2023 evacuation ('after the Hamas attack on Israel, Kazakhstan flew about 1,000 people home "
               "on several flights') names the country left only in its time clause (background): it is lost, and the "
               "matcher pairs its gold with the lede's total",
    "ho28-02": "'Tajik officials say about 1,200 Afghan refugees have arrived in ... Vahdat', joined by ', and' to "
               "Germany's flight to Leipzig, merges into that flow; the 2023 expulsion drive 'pushed nearly 500,000 "
               "people across the border' has no move word",
    "ho28-09": "'since September 2022, when fighting killed about 100 people and drove more than 136,000 residents "
               "... from their homes': 'fighting killed' is no raid and 'drove ... from their homes' no move word (a "
               "'from their homes' trigger read history and causes as displacements on LGL and GeoVirus)",
    "ho4-07": "a denied staging claim has the launch country as its place, and countries are no operation sites",
    "ho8-06": "Salavat is named only in a company's name and a distance sentence, so the strike "
              "lands on the Bashkortostan region",
    "ho20-04": "the lede's shoot-out 'into the Surkhandarya region' keeps the region: the next sentence places the "
               "men 'near the village of Gulbahor in the Termez district' (a curated village now) with no event word; "
               "Afghans who 'crossed into Uzbekistan' as Kabul fell are read as a relocation, not an evacuation",
    "ho21-04": "'six guided bombs' is no counted unit, so the glide bombs on Vovchansk keep no count; 'more than "
               "11,000 people were evacuated' in a clause after 'Russian troops attacked' goes to the attack",
    "ho21-06": "the incursion into Poland is told with the jets' shoot-downs in one sentence, so it is read as an "
               "interception and a country is no interception site: the 10 September events are lost, and "
               "the Wyryki-Wola debris (a curated village now) takes the Poland sighting's place",
    "ho21-07": "an analysis piece's summary of recruiting ('Russian recruiters have offered contracts and citizenship "
               "to workers from Uzbekistan, Tajikistan and Kyrgyzstan') reads like the reported trends the seed gold "
               "maps; only the genre tells it apart",
    "ho22-03": "Engels and Saratov lie 15 km apart across the Volga: the governor's report of damage in both merges "
               "into the strike on the Engels base, so the refinery strike stays the attacker's claim; the ministry's "
               "tally over three regions takes in the Rostov governor's 'attack repelled near Millerovo' (one "
               "interception, confirmed), where the gold keeps the tally and the governor's interception apart",
    "ho23-01": "the Russian ministry's 'confirmed that airfields in four regions had come under attack' names no "
               "site, so nothing ties it to the SBU's account and the operation stays 'claimed'; the December 2022 "
               "strikes on Engels, told in a ', when' clause after 'since December 2022', are found now",
    "ho23-02": "the border crossings (Sarakhs, Astara) are dropped as transit points; Kazakhstan's evacuation has "
               "no place but the transit countries",
    "ho23-04": "the lede's detention centre (Sakharovo, 'outside Moscow') is in the next sentence, so the case lands "
               "on the home country with the article's month, and the relatives' account is not read as a claim; the "
               "Kazan round-up's place is lost to the nationalities; the rights group's count of the dead merges with "
               "the Yekaterinburg offer",
    "ho24-02": "the governor's '18 drones over the region' is placed at the Bryansk region his title names (since "
               "the region anaphor), but is dated the night after Sunday and confirmed where the gold has the "
               "weekend's night and claimed",
    "ho24-03": "'One recruitment agency in Namangan said it had sent 75 people to Yelabuga' is confirmed (the agency"
               " is no party to doubt) and placed at Yelabuga as the text names it; 'Tatarstan's leader' is no "
               "official title, so the 2024 Alabuga strike stays claimed; the lede's 'factory ... that assembles "
               "attack drones' is a strike on the Tatarstan region",
    "ho24-05": "monthly entry bans ('imposed entry bans on 760 ... in April, 910 in May') and the lede's 5,000 barred "
               "are read as returns to Osh and Bishkek, 'compared with 870 in May' is no second count, 'Another "
               "flight, carrying 142 people ... landed in Bishkek' is a relocation (its deportation told the sentence "
               "before), and the stock 'around 350,000 ... were working in Russia' is a labour flow",
    "ho25-04": "'Mortar and artillery shelling was recorded in the Velykopysarivska community' (same day, same kind) "
               "merges into the region's daily shelling, whose hromada list names Velyka Pysarivka, where the gold "
               "keeps the community's shelling apart",
    "ho27-02": "the Tver case is told for one man in the lede ('he had signed a one-year contract with Russia's "
               "Defence Ministry at a police station in Tver': a contract with no military word, one man) and for the "
               "group with no recruitment word ('Sherzod and three other Uzbek workers were detained on August 6 ... "
               "All four signed that night'): the case is lost",
    "ho31-02": "flights home from transit capitals ('flew 148 Uzbek citizens home from Baku', 'brought back 96 people "
               "from Ashgabat'): the origin Iran is told in the next clause ('They had left Iran overland'), so the "
               "first stays a return from Baku and the second an evacuation from Ashgabat (the total's 'since the "
               "fighting began' makes the flows from Iran evacuations)",
    "ho36-08": "'the airport in Bishkek received 11,400 passengers from Russian cities' has no move word but the "
               "time clause's 'mobilisation' (a recruitment)",
    "ho37-01": "the raid is dated by the sentence's first day ('Fighting continued ... on Tuesday ... attacked the "
               "village of Kozinka on Monday'); the governor's dead and wounded, told with a drone's attack on a "
               "building, go to the drone strike; the evacuees 'taken to temporary shelters in Belgorod' keep only "
               "their destination; 'Two groups of Russian citizens fighting on Ukraine's side' is read as recruitment",
    "ho38-05": "residents' videos of 'a bright moving object' in the sky over Nukus name no drone (the article's "
               "drone is the fallen object told before): the sighting is lost, and reading any 'object in the sky' "
               "beside a drone story as a drone would map balloons and meteors",
    "ho39-04": "'drones hit the Kyivskyi district of Kharkiv' is resolved to the city itself, so the strike keeps the "
               "city's name, not the district's",
    "ho17-02": "an airliner 'damaged by fire from the ground over Russia' has no strike trigger and is lost, and "
               "Russia's explanation that 'Ukrainian drones were attacking Grozny at the time' is mapped as a claimed "
               "drone strike",
    "ho45-04": "the village of Kobylki is not in the gazetteer: the drone on the tractor is placed at the Glushkovo "
               "district",
    "ho50-04": "the kandas count names no destination (the origins and the regions they settled in are read as its "
               "ends; Kazakhstan is implied by 'kandas' and the Astana dateline only), and the year-to-date total "
               "'have returned to their historical homeland' names no place: lost",
    "lead-01": "'near the village of Kok-Tash in the Leilek district': the gazetteer's one Kok-Tash (the Batken "
               "district's, added in the tenth session) is taken, and the Leilek district, placed only at its "
               "region's point, cannot show it to be a namesake elsewhere",
    "ho64-05": "a resettled group told twice ('The first 28 families ... arrived in Kyrgyzstan', then 'The 117 people "
               "were flown from Dushanbe to Osh and will be settled in villages of the Naryn region') stays two "
               "relocations, and the region they are to settle in, told in the future, is no end of the flight",
    "ho65-04": "the governor's interceptions 'over the city's northern districts', told with debris that 'set dry "
               "grass on fire near the airfield', join the Kacha airfield strike told just before (the airfield named "
               "again), so the interception is lost",
    "ho65-06": "the tanker's blast is told with no drone word ('hit by an explosion off Turkey's Black Sea coast', the "
               "province only a distance's reference), and the sea-drone claim's only place is where the tanker 'was "
               "heading to' (Novorossiysk), which becomes the strike's site; the Turkish ministry's word makes it "
               "confirmed",
    "ho68-08": "the village of Akkuduk in the Mangystau region is not in the gazetteer: the crash is placed at the "
               "region",
}


def article(row: dict[str, Any]) -> Article:
    """The development row as an Article."""
    return Article(row["id"], row["text"], published=dt.date.fromisoformat(row["published"]))


def _place_ok(want: str, inc: Incident) -> bool:
    key = skeleton(want)
    return any(key in skeleton(loc.name) or skeleton(loc.name) in key for loc in inc.locations)


def _matches(want: dict[str, Any], inc: Incident) -> list[str]:
    """What differs between an expected incident and a predicted one of the same type (empty: a match)."""
    wrong = []
    if inc.subtype != want["subtype"]:
        wrong.append(f"subtype {inc.subtype}")
    if not _place_ok(want["place"], inc):
        wrong.append(f"places {[loc.name for loc in inc.locations]}")
    dates = want["date"] if isinstance(want["date"], list) else [want["date"]]
    got = inc.date.iso() if inc.date else None
    if got not in dates:
        wrong.append(f"date {got}")
    if inc.status.value != want["status"]:
        wrong.append(f"status {inc.status.value}")
    values = {f.value for f in inc.figures}
    missing = [v for v in want["figures"] if float(v) not in values]
    if missing:
        wrong.append(f"figures {sorted(values)} lack {missing}")
    return wrong


def problems(row: dict[str, Any], incidents: list[Incident]) -> list[str]:
    """Why the predicted incidents of one row differ from its expected ones (empty: the row passes).

    An ``optional`` expected incident (as in the seed gold) need not be found, and the one incident whose
    type, subtype, place and date agree with it is not counted extra."""
    out, left = [], list(incidents)
    for want in (w for w in row["expected"] if not w.get("optional")):
        same_type = [i for i in left if i.type.value == want["type"]]
        scored = sorted(((len(_matches(want, i)), n, i) for n, i in enumerate(same_type)), key=lambda t: t[:2])
        if not scored:
            out.append(f"missed {want['type']} {want['subtype']} at {want['place']}")
            continue
        best = scored[0][2]
        out += [f"{want['type']} {want['subtype']} at {want['place']}: {w}" for w in _matches(want, best)]
        left.remove(best)
    for want in (w for w in row["expected"] if w.get("optional")):
        hit = next((i for i in left if i.type.value == want["type"] and not any(
            w.startswith(("places", "date", "subtype")) for w in _matches(want, i))), None)
        if hit is not None:
            left.remove(hit)
    out += [f"extra {i.type.value} {i.subtype} at {[loc.name for loc in i.locations]}" for i in left]
    return out


def run_row(row: dict[str, Any], gazetteer: Any) -> list[Incident]:
    """The incidents the full pipeline extracts from one row."""
    parsed = parse_article(article(row), gazetteer)
    return extract_incidents([parsed], capital_of=capital_lookup(gazetteer))


@pytest.mark.parametrize("row", [pytest.param(r, id=r["id"], marks=pytest.mark.xfail(
    reason=KNOWN_FAILURES[r["id"]], strict=True)) if r["id"] in KNOWN_FAILURES else pytest.param(r, id=r["id"])
    for r in ROWS])
def test_dev_row(row: dict[str, Any], gazetteer: Any) -> None:
    assert problems(row, run_row(row, gazetteer)) == []


def test_reports_of_one_event_merge_across_articles(gazetteer: Any) -> None:
    rows = [r for r in ROWS if any(w.get("event") for w in r["expected"]) and r["id"] not in KNOWN_FAILURES]
    incidents = extract_incidents([parse_article(article(r), gazetteer) for r in rows])
    events: dict[tuple[str, str, str], set[str]] = {}
    wanted: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for r in rows:
        for w in r["expected"]:
            if w.get("event"):
                events.setdefault((w["event"], w["type"], w["subtype"]), set()).add(r["id"])
                wanted.setdefault((w["event"], w["type"], w["subtype"]), []).append(w)
    assert events
    for (key, type_, subtype), ids in events.items():  # (an article may tell other events of the kind)
        holders = [i for i in incidents if (i.type.value, i.subtype) == (type_, subtype)
                   and ids & {s.article_id for s in i.sources}
                   and any(not _matches(w, i) for w in wanted[(key, type_, subtype)])]
        assert len(holders) == 1 and {s.article_id for s in holders[0].sources} >= ids, key


def main() -> int:
    """Print each row's problems and the pass rate."""
    from mapper.gazetteer import open_gazetteer

    gazetteer = open_gazetteer()
    passed = 0
    for row in ROWS:
        found = problems(row, run_row(row, gazetteer))
        passed += not found
        print(f"{row['id']:8} {'ok' if not found else 'FAIL'}  {'; '.join(found)}")
    print(f"passed {passed}/{len(ROWS)} ({passed / len(ROWS):.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
