"""Held-out-style development set for the geoparser (``tests/data/geoparse_dev.jsonl``).

The paragraphs were written for this project in the style of wire reports on its subjects (the war in
Ukraine, drone attacks on Russian regions, Crimea, air bases, border crossings, Central Asian cities and
labour migration); none is copied from an article, the seed or a gold corpus. Each line has the format
of ``../shared/eval-data`` (toponym spans, ``literal`` flag, GeoNames id where GeoNames has the place,
else a point). Rows ``dev-*`` were written first and scored before any fix (end to end strict F1 0.924
as first written, 0.962 once four spans of "X air base" and "X airport" were corrected to the
convention that the generic word belongs to the span; accuracy@161 over all gold 0.926); they guided
the fixes. Rows ``ho-*`` were written after those fixes and scored once before any change they
prompted, as a check that the fixes carry over (12 paragraphs: end to end strict F1 0.944, overlap F1
0.976, every matched toponym within 161 km; the misses were the annotator's: two toponyms left out,
"Dnipropetrovsk region" and "Gorno-Badakhshan autonomous region" cut before their generic word, and
"Ukraine's military said" not marked non-literal, all corrected here). Rows ``ho2-*`` (15 paragraphs on
the front, drone strikes deep in Russia and Central Asian migration) were written after the fixes for the
incident helper's news failures and scored once before any change they prompted: end to end strict F1
0.976, overlap F1 0.992, accuracy@161 over all gold 0.984 (gold spans 1.0); the misses were "soldiers in
neighbouring Myrnohrad said" read as a government (fixed) and "Alabuga special economic zone" found as
"Alabuga" (fixed later). Rows ``g3-*`` (15 paragraphs, 116 literal toponyms, in styles the set lacked:
datelines, long analysis pieces, district lists, oblast/krai/okrug/tumani/raion, old spellings, Kyrgyz and
Tajik border places, Caspian ports, organisations and surnames that are places) were scored once before any
change they prompted: end to end strict F1 0.947, overlap F1 0.965, accuracy@161 over all gold 0.931
(gold spans 0.957); what they prompted and what still fails is in the README. Rows ``g4-*`` (12 paragraphs, 81
literal toponyms: the Caspian, Belarus, Moldova, the Russian Far East, occupied Ukraine, the Afghan border and
the Chinese crossings; "X-based", "X-bound", "Moscow-backed", hyphenated pairs) were scored once before any
change they prompted: end to end strict F1 0.921, overlap F1 0.921, accuracy@161 over all gold 0.852 (gold
spans 0.951). Rows ``g5-*`` (22 paragraphs, 181 literal toponyms: Kyrgyz-Tajik border districts, the Pamirs,
Karakalpakstan and Khorezm, Turkmen ports and railways, Bashkortostan, Tatarstan, Orenburg, Saratov, Tambov,
Leningrad oblast and Krasnodar krai towns, Crimea, the Donetsk, Zaporizhzhia, Kharkiv and Sumy fronts, Belarus,
Georgia, Azerbaijan and Iran, Turkey, deportation flights, Kashkadarya districts; rivers, airports and
airfields, a strait, "the Gulf", demonyms, metonymy and company names) were scored once before any change
they prompted: end to end strict F1 0.983 (P 1.0, R 0.967), overlap F1 0.983, accuracy@161 over matched
toponyms 0.989 and over all gold 0.956 (gold spans 0.972). Gold points the gazetteer lacked are true
coordinates, some approximate (Begishevo airport, Medininkai, the Bosporus, the Dashoguz province, whose
point is a rough centre of the welayat). After the fixes they prompted (README) the batch scores strict
F1 1.0 and accuracy@161 over all gold 1.0. Rows ``g6-*`` (21 paragraphs, 157 literal toponyms, in the
manner of other outlets: an air force tally over Ukrainian oblasts in Ukrainian spelling, a regional military
administration post, occupied towns, Russian republics and their cities, a TASS dateline, Russian spellings of
Ukrainian towns, Kazakh renamings, Tajik, Kyrgyz, Uzbek and Turkmen provinces and districts, a Danube port,
metonymy and company names) were scored once before any change they prompted: end to end strict F1 0.964
(P 0.980, R 0.949), overlap F1 0.977, accuracy@161 over matched toponyms 1.0 and over all gold 0.962 (gold
spans 0.987). Gold points the gazetteer lacks are true coordinates, approximate: the Baikonur cosmodrome,
Altynkol (the railway station beside Khorgos), the Termez district (around its town). After the fixes they
prompted (README) the batch scores strict F1 0.984 and accuracy@161 over all gold 0.987.
Rows ``g7-*`` (18 paragraphs, 105 literal toponyms: Russian spellings of Ukrainian places, the new Kazakh
regions, organisation names, metonymy, given names that are places, rivers and seas, datelines) were scored once
before any change they prompted: end to end strict F1 0.971 (0.962 before two dateline countries left out were
added), overlap F1 0.981, accuracy@161 over all gold 0.971 (gold spans 0.981); after the fixes 0.976 and 0.981.
Rows ``g8-*`` (18 paragraphs, 68 literal toponyms: ambiguous names settled by a named region, the article's
country or the front; lakes, rivers and ranges) scored before any change they prompted: end to end strict F1 0.985,
accuracy@161 over all gold 0.971 (gold spans 0.971); after the fixes 0.993 and 1.0.
Rows ``g9-*`` (15 whole articles, 170 literal toponyms: labour migration, remittances, deportations through Moscow
and Yekaterinburg airports, Central Asian border crossings; gold points the gazetteer lacks are approximate: the Oybek
crossing, the Sakharovo centre, Lake Baikal) scored before any change they prompted: end to end strict F1 0.979,
accuracy@161 over all gold 0.953 (gold spans 0.971); after the fixes 0.988 and 0.971 (gold spans 0.982).
Rows ``g10-*`` (15 paragraphs, 169 literal toponyms: Dagestan, Chechnya and Ingushetia, the Armenian-Azerbaijani
border, Georgia, balloons and drones over Lithuania, Poland and Latvia, Moldova and Transnistria, strikes on
Tatarstan, Bashkortostan, Orenburg, Saratov and Samara, the Donetsk, Kharkiv, Zaporizhzhia and Sumy fronts, Kazakh,
Kyrgyz and Tajik border places, raids on migrants; namesakes abroad such as Chita, Dimitrovgrad, Aksu, Bender,
Khotin, Mirny and Novgorod, towns before or after their region, demonyms, metonymy) scored before any change they
prompted: end to end strict F1 0.973 as written, accuracy@161 over all gold 0.953 (gold spans 0.959); 0.976 and
0.970 (gold spans 0.976) once four annotation slips were put to the set's conventions ("Moscow-installed" not
marked non-literal; the Volga, the Kama river and Central Asia given other points than the set's). The misses
were "In Gori" read as Ingoré, "Ingush" as Ingushetia, "Aksu, in the Pavlodar region" as the southern Aksu, the
unlisted villages Ditsi and Przewodow, Begishevo without its "airport", "Karachaganak field" cut before "field".
After the fixes (README) strict F1 0.985, accuracy@161 over all gold 0.982 (gold spans 0.988). The "Kama river"
stood for the village of Kama (GeoNames 553878) while the gazetteer had no river; it has the curated river's point
since the river entered the gazetteer, as the set's other rivers do.
Rows ``g11-*`` (15 paragraphs, 156 toponyms: Fergana valley and Khatlon origin towns, Kazakh-Chinese, Kazakh-Kyrgyz,
Kazakh-Uzbek and Turkmen-Uzbek crossings, the Georgian-Turkish Sarpi crossing, Caspian ports (Aktau, Kuryk, Alat,
Turkmenbashi, Olya, Makhachkala), the Afghan border, migrant raids in the Far East and Siberia, Russian and Ukrainian
spellings of the Donetsk front, traps: company names with places, Tchaikovsky, the poet Abai, "Lorry drivers";
approximate points: the Panj, Shir Khan Bandar, Hairatan, the Dnipro river) scored before any change they prompted:
end to end strict F1 0.990, accuracy@161 over all gold 0.994 (gold spans 0.994). The misses were "The Dostyk
crossing" (a rare name with no locative word), "Lorry drivers" read as Armenia's Lori province, "verses by Abai, the
national poet" read as the town of Abay, and, with gold spans, "a driver from Osh" in a Russian context read as
Krasnoslobodsk (Moksha "Osh", "town"). After the fixes (README) strict F1 1.0, accuracy@161 over all gold 1.0
(gold spans 0.994: Osh still).
Rows ``g12-*`` (15 scraped pages and messenger posts, 105 literal toponyms, noisy formats: bylines, "Updated"
timestamps, photo captions, "Read more:" and "Related:" lines with Title Case headlines, an all-caps headline, bullet
lists of regions, Telegram governor posts with emoji and hashtags, HTML remnants (&nbsp;, &amp;, &#39;, &rsquo;, stray
tags), transliterations in parentheses ("Oral (Uralsk)", "Khujand (Khodjent)"), inline Cyrillic names, quotes inside
quotes, "Kyiv-Warsaw", "Moscow-bound", "Minsk-based"; traps: bylines, agencies, company and exchange names) scored
before any change they prompted: end to end strict F1 0.967 as written, accuracy@161 over all gold 0.990 (gold spans
0.981); 0.976 and 0.990 (gold spans 0.990) once "Vnukovo and Domodedovo airports" was put to the set's convention for
a shared plural generic ("Domodedovo", as "the Belgorod, Kursk and Bryansk regions") and "home to Russia's strategic
bombers" marked literal as "Russia's largest refineries" is (0.977 and 0.991 then). The misses: every toponym
touching an HTML entity ("KYIV&nbsp;—", "Russia&#39;s defence ministry", "Saratov&nbsp;region"), "Sevastopol &amp;
Feodosia" read as a firm's name, "KAZAKH BORDER AS" in an all-caps headline read as Petropavl and Bordères, and
metonymy the recogniser did not see (not counted by the scorer, which leaves non-literal gold out):
"Kazakhstan's central bank kept", "Uzbekistan's border committee blamed", the headline "Kazakhstan Tightens Rules".
After the fixes (README) strict F1 1.0, accuracy@161 over all gold 1.0 (gold spans 1.0).
Rows ``g13-*`` (5 whole articles of 8-9 paragraphs each, 195 toponyms: drone wreckage in villages and districts of
the West Kazakhstan and Aktobe regions named paragraphs apart from their region; the Donetsk, Zaporizhzhia and Kharkiv
fronts with Russian spellings quoted from Russian officials ("Konstantinovka", "Krasnoarmeysk", "Gulyaipole",
"Kupyansk"); labour migration between Russian cities and Central Asian home towns; the Caspian and Caucasus trade
routes; a week of strikes on refineries and air bases in many Russian regions; approximate points: district
centres for districts, the Kazansky station, Upper Lars, Sheremetyevo) scored before any change they prompted: end to
end strict F1 0.982 as written, accuracy@161 over all gold 0.969 (gold spans 0.980); 0.987 and 0.969 once two
annotation slips were put to the set's conventions (Russia given another point than the set's; "Morozovsk airfield"
cut before its generic word). The misses: "Akim of the Kargaly district, Serik Amanov" read as the Turkish district
of Serik (twice), Komyshuvakha, after a paragraph on the city of Zaporizhzhia, read as the namesake in the Donetsk
region, "the North-South route" found as two places, the unlisted "Bokeyorda" district (twice) and the Kazansky
station; metonymy not seen (not counted): "asked Russia last year", "has worried Moscow". After the fixes (README)
strict F1 0.995, accuracy@161 over all gold 0.985 (gold spans 0.990): the bare "Bokeyorda" is still not found, and
"Bokeyorda district" is found but resolved to GeoNames' point for the district, which is the region's centre, 314 km
off; "the Kazansky station" is not found (a bare "station" joins no name; "Kazansky railway station" is).
Rows ``g14-*`` (21 paragraphs, 166 literal toponyms, wire copy: Ukrainian General Staff and oblast administration
reports with towns bare after "near", "around", "towards", "in the direction of", hromadas, oblasts; Russian
governors' Telegram-style posts with districts, villages and "the regional centre" of regions whose seat has another
name (Sverdlovsk, Tatarstan, West Kazakhstan); a Russian Defence Ministry communiqué in Russian spellings
("Krasnogorovka", "Ugledar", "Seversk", "Krasny Liman", "Dzerzhinsk"); Russian facility adjectives ("the
Novoshakhtinsky refinery", "the Syzransky and Novokuibyshevsky refineries"); Kazinform, 24.kg and AKIpress datelines
with districts, auls, border crossings and Tajik and Uzbek romanisations; migration flows between named cities;
"the Kazansky station", "the Crimean bridge", "across the Dnipro") scored before any change they prompted: end to end
strict F1 0.966 (P 1.0, R 0.934), accuracy@161 over all gold 0.928 (gold spans 0.946). The misses: "the regional
centre/capital" of Sverdlovsk, Tatarstan and West Kazakhstan (seats not called as the region), "Novoshakhtinsky"
and "Syzransky" (adjectives the gazetteer also lists as a Primorye village and a district), "Krasnogorovka",
"Kurakhovo" and "Ugledar" in the communiqué (variants with no locative word, dropped), the Kazansky station, the
Crimean bridge, "Across the Dnipro" read as the city, the unlisted spelling "Kabodiyon". After the fixes (README)
strict F1 0.997, accuracy@161 over all gold 0.994 (gold spans 1.0): "Kabodiyon" (GeoNames' Qubodiyon) is still
not found.
Rows ``g15-*`` (10 long articles of 7-10 paragraphs, 405 literal toponyms). Rows g15-01 to g15-08 (335 toponyms): a
migrant's road Khujand - Tashkent - Shymkent - Aralsk - Samara - Moscow with Moscow districts; a front-line town
(Orikhiv) with its villages and hromadas; the Kazakh oil routes (CPC, Tengiz, Kashagan, Aktau, Kuryk,
Baku-Tbilisi-Ceyhan, Ust-Luga, Schwedt); drone defence across nine Russian regions (Istra, Armavir, Novomoskovsk, an
Aleksandrovka); the Batken-Isfara border (Batken town and region, Vorukh, Kok-Tash, Ak-Sai, Sokh); Black Sea and
Caucasus shipping (Poti, Anaklia, Pivdennyi, Armavir in Armenia, Red Bridge); balloons and drones over Lithuania,
Latvia and Poland; an analysis with metonymy, demonyms, people and firms named like places ("Aral Sultanov", "Air
Astana"). Approximate points: Fotehobod, Novoprokopivka, Omelnyk, Aleksandrovka and its district, Yuzhnaya Ozereyevka,
Kashagan, Chorkuh, Sokh, the Jabbor Rasulov and Leilek districts, Red Bridge, Gaigalava, Wyryki, Kuznica, the Suwałki
Gap. Scored before any change they prompted: end to end strict F1 0.960 as written, accuracy@161 over all gold 0.931
(gold spans 0.949); 0.965 and 0.931 once three annotation slips were put to the set's conventions ("the Caspian fleet"
literal as the set's Caspian is, "Belarus has stationed" and "US sanctions" non-literal). The misses: the "Kakhovka
dam" and "Rēzekne municipality" cut before their generic word, the three names of "Baku-Tbilisi-Ceyhan", small places
with no support nearby (Khorgos, Ust-Luga after "reaching", Kadamjay, "Kok-Tash, a Kyrgyz village" read as a Tajik
namesake), "the Baltic" not found, names the gazetteer lacks (Butovo, Novoprokopivka, Chorkuh, Sokh, Gaigalava,
Wyryki, the Suwałki Gap, Kashagan, "Sulukta"), wrong namesakes (Sakharovo, Omelnyk, Pivdennyi, "Red Bridge" read as a
Tennessee hamlet), "the Druzhba pipeline" read as a place. After the fixes (README) these rows score strict F1 0.982,
accuracy@161 over all gold 0.955 (gold spans 0.958); 0.983 with main merged, whose change no longer reads "the Druzhba
pipeline" as a place. Rows g15-09 and g15-10 (70 toponyms: the Pavlodar Aksu with its region named paragraphs away,
Ekibastuz, Bayanaul; Kronstadt bare, Kotlin Island, the Leningrad region's ports and towns) were written after those
fixes and scored before any change: strict F1 0.963 as written, accuracy@161 over all gold 0.927; 0.978 and 0.943 once
"the former Soviet Union" and "reach Europe" were marked as the set marks such names and Karaganda given the city (not
the region) it means. Their misses, still open: Kotlin Island and the Torfyanovka crossing (not in the gazetteer), the
port of Aktau read as a namesake near Karaganda (the article's many north Kazakh places outweigh the bigger city). The
whole batch: strict F1 0.982, accuracy@161 over all gold 0.953 (gold spans 0.956).
Rows ``g16-*`` (12 wire paragraphs, 148 literal toponyms: the Pokrovsk district and its villages, refineries
(Syzran, Novokuibyshevsk, Volgograd's Krasnoarmeysky district, Afipsky) and air bases (Engels, Borisoglebsk, Olenya,
Shaykovka, Belbek), the Graivoron and Glushkovo border districts, the Shostka and Vasylivka districts, Kazakh floods
(Tselinograd and Arshaly districts, the Ishim, Nura and Tobol), Kyrgyz, Uzbek, Tajik and Turkmen districts,
crossings and migrants' destinations (Korea, Turkey, the Gulf, Russian cities); approximate points: villages and
district seats, Kotlyne, Glotovo, Dorogoshch, the Dostuk crossing) scored before any change they prompted: end to end
strict F1 0.969 as written, accuracy@161 over all gold 0.938 (gold spans 0.932); 0.983 and 0.960 (gold spans 0.960)
once five annotation slips were put to the set's conventions (Russia's point; "the regional centre" and "Gagarin
airport" annotated; "crossing" and "checkpoint" left out of the span). The misses: "Police in the Pokrovsk district"
read as the district (a common word coarsened to its container), the unlisted Kotlyne, Glotovo, Dorogoshch and Dostuk,
"Gagarin airport" read as the town of Gagarin, Volgograd's Krasnoarmeysky district read as Samara's. After the fixes
(README) strict F1 0.990, accuracy@161 over all gold 0.980 (gold spans 0.973): Glotovo, Dorogoshch and Dostuk are
still not found, and with gold spans the Krasnoarmeysky district after "the Samara region" is still read as Samara's.
Rows ``g17-*`` (11 pieces, 390 literal toponyms, 3,900 words: three long analyses of Central Asian water, security
and foreign policy full of metonymy (Tashkent's reforms, the Kremlin, Astana and Moscow), three migration reports
naming Russian, Korean, Turkish, Gulf and European destinations, three war reports (the Kakhovka reservoir, the
Zaporizhzhia nuclear power plant, the Chonhar bridge, Danube and Black Sea ports, power plants, the Oskil and a
canal, drone strikes on Russian regions), a Missouri storm by county and town, an mpox report by Congolese province)
scored before any change they prompted: end to end strict F1 0.937 as written, accuracy@161 over all gold 0.942 (gold
spans 0.947); 0.958 and 0.949 (gold spans 0.951) once the annotator's slips were put to the set's conventions (a
possessive's "'s" left out of the span, "region" and "river" kept in it, "How Central Asia Reads" and "Uganda
reported" marked non-literal, the Naryn river given the set's river point). The misses: works named with their
generic word ("the Qosh Tepa canal", "the Zaporizhzhia nuclear power plant", "the Shardara reservoir") cut or missed,
the bare "Rogun" after "the Rogun dam" dropped as an unsupported hamlet, "Gimhae" dropped as a bare district
(Gimhae-si), the port of Pivdennyi and Kherson's Dniprovskyi district read as namesakes, places the gazetteer lacked
(Maksat and Chorkuh by Vorukh, Mes Aynak, Akorda, Plauru, Western Siberia). After the fixes (README) strict F1 0.991,
accuracy@161 over all gold 0.987 (gold spans 0.990); still open: Kok-Tash (read as Somoniyon) and Kherson's
Dniprovskyi district (as Dnipro's raion), the Siverskyi Donets-Donbas canal end to end, "the Bear" of a headline's
metaphor, "the Druzhba system", "the Harb-Maidon range" and the unlisted Mashtakov crossing.
Rows ``g18-*`` (11 pieces, 190 literal toponyms: a live blog and a Telegram-style governor's post with
timestamps and bullets in Russian spellings (Kiev oblast, Kharkov, Odessa, Chernomorsk, Zaporozhye oblast, Nikolaev,
Lugansk, Kharkov's and Nikolaev's city districts), Soviet and older names (Leninabad, Kurgan-Tyube, Alma-Ata,
Ust-Kamenogorsk, Semipalatinsk, Krasnovodsk, Tashauz, Gurjev, Frunze, Artemovsk, Chasov Yar, Yelisavetgrad),
"oblysy"/"audany"/"viloyati"/"tumani"/"okrug", Şymkent, Boʻstonliq, Kam'yanske, Kup'yansk; a Title Case headline
("Drones Hit Refinery In Ryazan Region"), all-caps datelines and briefs; namesakes: Aktau, Aral and the Aral Sea,
Balkhash and the lake, Issyk-Kul, Naryn town, region and river, Osh city and region, Sumy, Kursk, Belgorod and
Donetsk cities and oblasts, Georgia the country and the US state, Armenia the country and the Colombian city; a
cholera outbreak across the Sahel and East Africa) scored before any change they prompted: end to end strict F1
0.949 as written, accuracy@161 over all gold 0.899 (gold spans 0.915); 0.957 and 0.926 (gold spans 0.942) once the
annotator's slips were put to the set's conventions (two "Russia" spans the builder had put inside "Russian", "the
Tula governor" left out, the Sahel, the Horn of Africa, West and East Africa and the Khanty-Mansi okrug given other
points than GeoNames'). After the fixes (README) strict F1 0.989, accuracy@161 over all gold 0.989 (gold spans 0.984).
Rows ``g19-*`` (8 pieces, 85 literal toponyms: drone sightings over European airports and air bases, Polish,
Romanian, Moldovan and Baltic places where drones fell, Russian border villages, Nordic crossings) scored before any
change they prompted: end to end strict F1 0.868, accuracy@161 over all gold 0.777 as written (gold spans 0.788);
0.868 and 0.800 once Russia was given the set's other point. After the fixes (README) strict F1 0.964, accuracy@161
over all gold 0.929 (gold spans 0.929).
Rows ``g20-*`` (8 short local-news pieces, 74 literal toponyms: the Batken-Leilek-Isfara border and its enclaves,
Karakalpakstan and Khorezm, Kazakh oil and mining towns, Turkmen velayats and the Karakum canal, the Chinese and
Uzbek crossings, the Syr Darya, Chu and Talas, migrants' home villages named with their district) scored before any
change they prompted: end to end strict F1 0.959, accuracy@161 over all gold 0.946 as written (gold spans 0.973);
0.973 and 0.959 once two slips were put to the set's conventions ("the regional centre" annotated, "water talks
with Isfara" non-literal). The misses: "the Republic of Karakalpakstan" cut to its last word, the Sokh exclave and
Kadamjay (districts whose seats the gazetteer lacks, named bare), Dostlik read as the Jizzakh town (the Andijan
crossing is not in the gazetteer). After the fixes (README) strict F1 1.0, accuracy@161 over all gold 0.986; Dostlik
is still wrong.
Rows ``g21-*`` (10 wire paragraphs, 148 literal toponyms: Abkhazia and South Ossetia, Syunik and the Karabakh
exodus, the North Caucasus republics, the Tajik-, Turkmen- and Uzbek-Afghan borders, Transnistria and Gagauzia,
refinery and factory strikes on the Volga and in the Urals, Krasnodar krai ports and air bases, Crimea) and ``g22-*``
(10 pieces, 152 literal toponyms: Channel, central Mediterranean, Cretan and Canary migrant routes, the
Belarus-Poland-Baltic border, the Balkan route, Baltic and Nordic drone sightings, Black Sea and Danube shipping,
Soviet and current spellings side by side, Russian republics, krais and okrugs) scored before any change they
prompted: end to end strict F1 0.969 and 0.963, accuracy@161 over all gold 0.946 and 0.934 (gold spans 0.959 and
0.928). After the fixes (README) 0.979 / 0.953 and 0.987 / 0.954; still failing: places the gazetteer lacks
(Khurvaleti, Ergneti, Aqina, the Cuciurgan power plant, the Sheskharis terminal, Port Kavkaz, Gavdos, El Hierro,
Dubicze Cerkiewne, Kapitan Andreevo, Lipa by Bihać, Manston in Kent, the Araks river) and Primorsk read as the
Kaliningrad namesake.
Rows ``g23-*`` (10 Central Asian domestic reports as regional outlets publish them in English, 121 literal
toponyms: Kazakh, Kyrgyz, Tajik, Uzbek and Turkmen towns, districts (audany, tumani, velayat), border posts,
mines, reservoirs and passes, with both spellings side by side: Qaraghandy/Karaganda, Shymkent/Chimkent,
Oskemen/Ust-Kamenogorsk, Khujand/Khodjent, Qarshi/Karshi, Oral/Uralsk, Qonaev/Kapchagay, Zhaiyk/Ural) and
``g24-*`` (10 front-line daily reports at settlement level, 136: the Pokrovsk, Kostiantynivka, Lyman, Kupiansk,
Huliaipole and Orikhiv directions, Kherson's banks, Sumy hromadas, Kursk and Belgorod border villages, a Russian
communiqué in Russian spellings, namesakes such as Shevchenko, Novopavlivka, Murom, Khotin, Zolochiv, Prymorske,
Pokrovske and Alekseyevka) scored before any change they prompted: end to end strict F1 0.936 and 0.955 as
written (0.959 once "Ukraine's eastern forces" was annotated non-literal), accuracy@161 over all gold 0.926 and
0.912 (gold spans 0.909 and 0.897). Gold points the gazetteer lacks are approximate: the Uba river, the
Bukhtarma, Kairakkum (Bahri Tojik), Papan, Talimarjan and Oskil reservoirs, Kurshab, Keles, Shurtan, Tamga, the
Shahriston and Tosor passes, Bila Hora, Stupochky, Predtechyne, Pleshchiivka, Oleksandro-Shultyne, Hrekivka,
Kamianka by Dvorichna, Stepove by Orikhiv, Murom and Gora-Podol, Nikolskoye, Novye Yurkovichi, the Shostka raion
and the city districts of Zaporizhzhia and Kherson. After the fixes (README) 0.971 / 0.950 and 0.970 / 0.934.
Rows ``g25-*`` (10 wire and regional-outlet stories, 54 literal toponyms and 36 non-literal) carry the furniture of
news as it arrives: outlets and agencies named with a place ("told the Kyiv Independent", "The Moscow Times",
"KHUJAND, Asia-Plus —", "Radio Free Europe", "France 24", "Caspian News"), a Reuters sign-off with its
reporters' cities, photo credits ("Photo: Reuters / Kyiv", "(AP Photo/Staff)"), "Related:", "See also:",
"Read more:", "Most read" and "Tags:" lists and a newsletter sign-up. Places in an outlet's name are
non-literal (the set's convention for organisations); places in furniture are marked non-literal too, as they
do not locate the story (so are the four places of g12's related headlines, which g12 had marked literal).
The scorer leaves non-literal gold out on both sides, so the batch's measure is the count of places the
recogniser still marks literal (mapped) inside those spans. Scored before any change they prompted: end to end
strict F1 0.938 as written, 1.0 once the annotator's slips were put right (the dateline's "Ukraine" and six
outlet-name places left out, a wrong GeoNames id for Istaravshan), accuracy@161 over all gold 0.981 (the Tobol
read as the town of Tobol); 26 places mapped inside outlet names and furniture, 21 of them places the story does
not name. After the fixes (README) none.
Rows ``g26-*`` (8 wire pieces, 86 literal toponyms: drone strikes and migrant raids deep inside Russia, in
Tatarstan, Bashkortostan, Orenburg, Samara, Saratov, Volgograd, Krasnodar krai and Leningrad oblast ports, with
"Orenburgskaya oblast", "Saratov Oblast'", "Krasnodarsky krai", "Bashkiria", "Kuban", namesakes such as Marks,
Armavir, Primorsk and Zelenodolsk), ``g27-*`` (7 pieces, 93: Caspian ports, the China-Europe rail crossings,
Kazakh, Uzbek, Tajik and Turkmen regions by old and new names, Leninabad, Chimkent, Krasnovodsk) and ``g28-*`` (7
pieces, 81: the Black Sea, the Kerch Strait, Sevastopol Bay, Moldova and Transnistria, Belarus, the Baltic, the
Suwalki Gap; ministries, a football club, "Brussels" and "the Minsk agreements" non-literal) scored before any
change they prompted: end to end strict F1 0.959, 0.934 and 0.931 as written, accuracy@161 over all gold 0.988,
0.978 and 0.963; 0.977 / 0.988, 0.978 / 0.978 and 0.943 / 0.963 once the annotator's slips were put to the set's
conventions (datelines, "Sughd province", "Lebap province", "Primorsko-Akhtarsk air base", "Mihail Kogalniceanu
air base" and "Alabuga special economic zone" with their generic words; "Kazakhstan Temir Zholy" non-literal).
After the fixes (README) 0.994 / 1.0, 1.0 / 1.0 and 1.0 / 1.0.
Rows ``g29-*`` (8 rows of short items: feed headlines with a summary, breaking-news alerts, live-blog entries, wire
briefs, one-line capture reports; old spellings such as Ugledar, Avdeyevka, Kurakhovo, Nikolaev, Dnepropetrovsk,
Kirovograd, Pavlograd, small Central Asian and Russian towns; 50 literal toponyms), ``g30-*`` (8 paragraphs on renamed
places, 89: Kirovohrad/Kropyvnytskyi, Krasnoarmeysk/Pokrovsk, Dzerzhinsk/Toretsk, Akmolinsk to Astana, Kapchagay/Konaev,
Semipalatinsk, Ust-Kamenogorsk, Guryev, Frunze, Leninabad, Kurgan-Tyube, Krasnovodsk, Dniprodzerzhynsk, Komsomolsk,
Illichivsk, Ordzhonikidze, Stalino, Voroshilovgrad, Zhdanov, Kuibyshev, Gorky, Stalingrad, Sverdlovsk) and ``g31-*`` (8
paragraphs, 63: names shared with places elsewhere: Georgia and Atlanta, Moscow (Idaho), Odessa (Texas), Paris
(Texas), Alexandria (Virginia and Egypt), both Tripolis, two Pervomaisks, two Chernigovkas, Nikolaevka in Crimea,
Mary, Osh, Victoria (British Columbia); Khersones) scored before any change they prompted: end to end strict F1
0.980, 0.989 and 0.992, accuracy@161 over all gold 0.960, 0.966 and 0.921. After the fixes (README) 1.0 / 1.0,
0.994 / 0.989 and 0.992 / 0.952.
Rows ``g32-*`` (8 wire and analysis pieces, 65 literal toponyms: the long-range air war on Russia's strategic
bases, Olenya, Belaya, Engels, Ukrainka, Shaykovka, Soltsy, Dyagilevo, Morozovsk, Millerovo, Yeysk, the Crimean
airfields Saky, Belbek and Kacha, a Spider Web-style lorry raid, satellite-imagery analysis, the Zapad exercise in
Belarus) and ``g33-*`` (8 pieces, 68: Afghanistan's northern borders, Termez and Hairatan, the Panj, Panji Poyon and
Shir Khan Bandar, Ishkashim and the Wakhan, Serhetabat (Kushka) and Torghundi, Imamnazar and Aqina, refugees,
trade, a canal dispute, a drug seizure at Ayritom) scored before any change they prompted: end to end strict F1
0.976 and 0.946, accuracy@161 over all gold 0.954 and 0.897 (gold spans 0.954 and 0.926). After the fixes
(README) 0.992 / 0.985 and 1.0 / 1.0.
Rows ``g34-*`` (8 pieces, 58 literal toponyms: drone sightings over Danish, Norwegian, German, Belgian and
Lithuanian airports and bases, Danish and Norwegian spellings, Jutland, Zealand, Bornholm, the Øresund and the Little
Belt) and ``g35-*`` (8 pieces, 54: the Armenian-Azerbaijani border, Nakhchivan and Syunik, the Lachin, Berdzor and
Zangezur corridors, Stepanakert/Khankendi and Shusha/Shushi, Georgia's South Ossetia line and the Pankisi Gorge, the
North Caucasus republics; metonymy such as "Baku accused Yerevan") scored before any change they prompted: end to
end strict F1 0.887 and 0.933, accuracy@161 over all gold 0.810 and 0.944 (gold spans 0.845 and 0.926). Gold
points the gazetteer lacked are approximate: the Ørland air station, Værnes, Haakonsvern, the Little Belt, Büchel
and Kleine Brogel (the bases), the Pankisi Gorge, the Lachin and Zangezur corridors, the Araks. After the fixes
(README) 0.983 / 0.966 and 1.0 / 1.0.
Rows ``g36-*`` (8 front-line reports, 56 literal toponyms: villages and hromadas of the Donetsk, Zaporizhzhia,
Kharkiv, Sumy and Dnipropetrovsk regions named with their district, "the village of X in the Y district"; namesakes
such as Bilenke, Khotin, Zolochiv, Zaliznychne and Yablunivka), ``g37-*`` (8 governors' reports, 52: Kursk, Belgorod,
Bryansk and Voronezh border villages and districts, Tyotkino, Gornal, Korenevo, Snagost, Olgovka, Grayvoron, Dunayka,
Spodaryushino, Klimovo, Suzemka, Pogar, Starodub, Rovenki, Alekseyevka), ``g38-*`` (8 Central Asian trade, water and
border pieces, 53: Zhibek Zholy, Kordai, Bakhty and Daut-Ata crossings, the Zhetysay, Maktaaral, Vanj, Kungrad, Ulan and
Glubokoye districts, Kara-Suu beside Uzbekistan's Qorasuv, the Syr Darya, Amu Darya, Irtysh and Ulba), ``g39-*`` (8
pieces on the drone supply chain and far abroad, 57: Alabuga and Yelabuga, Amirabad and Bandar Anzali on the Caspian,
Rajin and the port of Vostochny, Parchin, Istanbul, Dubai, Mersin, Poti, Izhevsk and Kirov; names shared worldwide:
Hyderabad, Valencia (Venezuela), Birmingham (Alabama), Perth) and ``g40-*`` (8 Nordic, Baltic and Arctic pieces, 48:
the closed Finnish crossings, Narva and Ivangorod, Koidula, Severomorsk, Kirovsk and Apatity on the Kola Peninsula,
Svalbard's Longyearbyen and Barentsburg, Kirkenes and Storskog, common-word names: Tapa, Moss, Boden, Silene) scored
before any change they prompted: end to end strict F1 0.991, 0.950, 0.991, 0.991 and 0.957, accuracy@161 over all
gold 0.964, 0.885, 0.981, 0.947 and 0.917 (gold spans 0.964, 0.885, 0.981, 0.947 and 0.938). Gold points the
gazetteer lacks are approximate: Mykolaipillia, Novoekonomichne, Oleksandro-Kalynove, Yablunivka and Dachne in the
Donetsk and Dnipropetrovsk fronts, Gornal, Zhuravlevka, Ilek-Penkovka, Snagost, Olgovka, Dunayka, Spodaryushino,
Martynovka and Makhnovka by the Kursk and Belgorod border, the Maktaaral and Ulan districts (GeoNames' points for them
are their region's), Daut-Ata, Amirabad port, Vostochny port, Parchin, Raja-Jooseppi, the Narva river, Koidula,
Barentsburg and Terehova; the Sumy, Shostka, Okhtyrka, Krasnaya Yaruga and Kungrad districts have their towns' points.
The misses: villages and crossings the gazetteer lacks (Oleksandro-Kalynove, Gornal, Snagost, Olgovka, Dunayka,
Spodaryushino, Daut-Ata, Parchin, Raja-Jooseppi, Koidula, Barentsburg, Terehova) and, where it has only a namesake
elsewhere, that namesake (Yablunivka in Zakarpattia, Makhnovka as Makhnivka in Vinnytsia, "Iran's port of Amirabad" as
an inland Amirabad, "Vostochny, near Nakhodka" as a Vostochny in the North Caucasus); metonymy not seen (not counted):
"Finland kept all crossings closed", "Oslo has barred", "Bishkek lodged a protest", "Iran ships drones". After the
fixes (README) every batch scores strict F1 1.0 and accuracy@161 over all gold 1.0 (gold spans 1.0), mostly through
curated rows for the villages, crossings, ports and sites the extracts lack; "The Shahed drones Russia launches at
Ukraine" (a relative clause) still reads Russia literally.
Rows ``g41-*`` (8 paragraphs, 49 literal toponyms: Russian and Soviet spellings as news still writes them: Kiev,
Kharkov, Nikolaev, Odessa, Zaporozhye, Artemovsk beside Bakhmut, Lugansk, Severodonetsk, Ochakov, Leninabad,
Kurgan-Tyube, Frunze, Alma-Ata, Semipalatinsk, Chimkent, Uralsk/Oral, Guryev, Krasnovodsk, Akmolinsk, Tselinograd,
Nur-Sultan), ``g42-*`` (2 long articles of 8 and 9 paragraphs, 87: a week of the long-range drone war across Russian
and Ukrainian regions, cities and air bases with background history and a sign-off; a migrant's year from Osh to
Podolsk, Kazan and Surgut with remittance figures and home towns), ``g43-*`` (8, 65: Khorgos, Alashankou, Urumqi,
Irkeshtam, the Torugart pass, Kashgar, Xinjiang's Aksu prefecture, Yining, Tacheng, Bakhty, Zabaykalsk and
Manzhouli, Kyakhta, Ulaanbaatar, Erenhot, the Altai and Kosh-Agach; Sarakhs, Bajgiran, Serhetabat, Torghundi, Aqina,
Islam Qala, Milak, Zaranj), ``g44-*`` (8 pieces of page furniture, 36 literal and 19 non-literal: all-caps
headlines, bylines with a city, Reuters, AP, TASS and AKIpress datelines, photo captions and credits, "Read also",
"Related", "See also", "Most read", "Tags", a live blog's "09:12 Kyiv time", a Telegram post's hashtag) and
``g45-*`` (8, 38: Most, two Mirnys, Zarya, Vostok, Kirov the city beside Lenin, Kirov and Frunze the men, Pishpek,
Wagner, the Africa Corps, the Azov brigade beside the sea and the town, Pobeda, Rodina, Mir cards, the Sever and
Vostok units) were scored before any change they prompted: end to end strict F1 0.989, 0.989, 0.953, 1.0 and 0.949
as written (g41-01 was left out of that first run by a slip of the row builder and scored after the fixes, with
main's code: 1.0), accuracy@161 over all gold 0.977, 1.0, 0.923, 1.0 and 0.974 (gold spans 1.0, 1.0, 0.969, 1.0
and 0.974); 0.990, 1.0, 0.953, 1.0 and 0.987 (accuracy 0.980, 1.0, 0.923, 1.0, 0.974) with g41-01 and once three
annotation slips were put to the set's conventions ("Oskil river" and "Plesetsk cosmodrome" with their generic
words, "the Africa Corps" non-literal). The misses: "which Kazakhs now call Oral" (an English word) dropped, the
"Torugart pass" and "Aksu prefecture" cut before their generic word (Aksu then read as the Kazakh town), Zabaykalsk
read as the Zabaykalsky krai (an alias of the krai) although the text places it in that krai, "on to Erenhot" (a
town of 16,000 in GeoNames after "to") dropped, Bajgiran not in the gazetteer, Milak read as a town in Uttar
Pradesh, "Mirny, the diamond town in Yakutia" read as the other Mirny the text names, "the Zarya plant" mapped to a
Moscow-region Zarya; places mapped inside non-literal gold (not counted): "Kyiv time", "the Azov brigade",
metonymy ("which Kyiv calls", "Ukraine's drones", "Washington's envoy", "Russia launched", "Russia-Ukraine war").
Four earlier spans were put to the convention that the generic word belongs to the span ("the Torugart pass" in
g9-7, g17-02 and g23-09, "Aksu prefecture" in g8-7), which the tool now finds so. After the fixes (README)
every batch scores strict F1 1.0 and accuracy@161 over all gold 1.0 (gold spans 1.0); still mapped inside
non-literal gold: "which Kyiv calls", "Uzbekistan ... depends", "Russia's Sever group of forces".
Row ``g42-03`` (a long article on the China-Europe rail routes, 52 literal toponyms: Dostyk, Khorgos, Kostanay,
Petropavl, Brest, Małaszewicze, Duisburg, the Middle Corridor through Kyzylorda, Aralsk, Beyneu, Aktau, Kuryk, Alat,
Tbilisi, Kars; Kungrad, Nukus, Navoi, Bukhara, Turkmenabat, Termez, Hairatan, Mazar-i-Sharif, the Hindu Kush; gold
points the gazetteer lacks are approximate: Małaszewicze, Hairatan, the Hindu Kush) was written after those fixes and
scored once before any change it prompted: strict F1 0.990, accuracy@161 over all gold 0.962; the misses: the
unlisted Małaszewicze and "Alat, south of Baku" read as a district of the Bukhara region the article also names.
After a curated row and the bearing rule's extension to a name said once (README) 1.0 and 1.0. Row ``g42-04`` (a
long article on Kherson and the southern front, 37 literal toponyms: both banks of the Dnipro, Oleshky, Hola
Prystan, Nova Kakhovka, the Kakhovka dam, Antonivka, Bilozerka, Kherson's Dniprovskyi district (an approximate point),
Snihurivka, Ochakiv, the Southern Bug, the Kinburn Spit, Henichesk, Chonhar, Skadovsk, the Odesa ports, Reni, Galati
and Tulcea), written after all the fixes and scored once: strict F1 1.0, accuracy@161 1.0 ("when Russia withdrew
across it" still mapped, not counted).
Rows ``g46-*`` (8 paragraphs, 40 literal toponyms: Kazakh Latin-alphabet and new official spellings (Qostanai,
Aqtöbe, Oral, Atyraū, Qaraghandy, Şymkent, Türkistan, Qonaev beside Kapchagay, the Jetisu, Abai and Ulytau regions of
2022), Uzbek Latin (Qashqadaryo, Surxondaryo, Toshkent, Samarqand, Farg'ona), Ukrainian apostrophes and Russian
spellings (Kam'ianske, Dnipropetrovs'k, Kryvyi Rih/Krivoy Rog, Zaporozhye, Bilhorod-Dnistrovskyi, the Dniester
estuary)), ``g47-*`` (8, 32: names in parentheses, slashes and dashes: "Pokrovsk (Krasnoarmeysk)", "Oral/Uralsk",
"the Kherson-Mykolaiv highway", "the Kyiv-Odesa road", "Almaty–Bishkek", "Vovchansk (Kharkiv region)",
"Bryansk/Kursk"), ``g48-*`` (8 live-blog entries, timelines, digests, bullet lists and a flattened table, 35),
``g49-*`` (8, 33: Vladivostok, Nakhodka, Sakhalin and Prigorodnoye, Kamchatka and Vilyuchinsk, Yakutsk and the Lena,
Norilsk and Dudinka on the Yenisei, the Northern Sea Route, Sabetta on the Yamal peninsula, Pevek, Novaya Zemlya) and
``g50-*`` (8, 35: Hmeimim and Tartus, Benghazi, Bamako, Port Sudan and the Red Sea, Bab el-Mandeb, the Cape of Good
Hope, Dubai and Abu Dhabi, Antalya and Istanbul, Hurghada and Sharm el-Sheikh; names shared worldwide: Alexandria,
Tripoli, Latakia, Homs) were scored before any change they prompted: end to end strict F1 0.935, 1.0, 0.986, 0.921 and
0.899 as written, accuracy@161 over all gold 0.925, 1.0, 0.971, 0.818 and 0.806 (gold spans 0.950, 1.0, 0.971, 0.788
and 0.889); 0.935, 1.0, 0.986, 0.952 and 0.895 (accuracy 0.925, 1.0, 0.971, 0.849, 0.800) once six annotation slips
were put to the set's conventions ("Ukraine's General Staff said", "Kyrgyzstan's border service said" and "Russia has
kept aircraft" non-literal; "Yamal peninsula", "Hmeimim air base" and "Bab el-Mandeb strait" with their generic words;
the Lena given the gazetteer's river point). Gold points the gazetteer lacked are approximate: the Dniester estuary,
the Dostuk crossing (the set's earlier point), Sakhalin island, Prigorodnoye, the Northern Sea Route, Sabetta, the
Yamal peninsula, Hmeimim, the Bab el-Mandeb, the Cape of Good Hope. The misses: names with an Arabic article
("Sharm el-Sheikh", "Bab el-Mandeb") not found, the "Dniester estuary" cut before its generic word, "in Aqtöbe and
Oral this week" (an English word before a time) dropped, "the town ... north of Almaty that was called Kapchagay"
(an old name with another name between) dropped, "the Red Sea" read as Sudan's Red Sea state in a story on Sudan,
"Novaya Zemlya, the Arctic archipelago in the Arkhangelsk region" read as the district named after it (whose GeoNames
point is the region's centre), "Posted by ... in Bishkek" (a byline) mapped, names the gazetteer lacked (Jetisu,
Hmeimim, Sabetta, Prigorodnoye, the Northern Sea Route, the Dostuk crossing, the Cape of Good Hope, read as a "Good
Hope" in the US), Sakhalin read as the oblast (whose point is at sea, 370 km from the island's), and "Latakia and
Homs" read as Libya's Al Khums (also "Homs") in a story naming Tripoli as the Libyan capital. After the fixes
(README) strict F1 1.0, 1.0, 0.986, 0.969 and 0.986, accuracy@161 over all gold 1.0, 1.0, 0.971, 0.909 and 1.0;
still failing: the Dostuk crossing, Prigorodnoye and the Northern Sea Route (not in the gazetteer), Sakhalin (the
oblast; the island's curated row loses to it with no cue in the text).
Rows ``g51-*`` (8 wire paragraphs, 68 literal toponyms: Armenian towns (Gyumri, Vanadzor, Ijevan, Dilijan, Goris,
Sisian, Jermuk, Kapan, Meghri), Georgian ports and towns, Abkhazia and the Psou crossing, the Baku-Tbilisi-Kars rail
line, Krasnodar krai and Crimean ports, the Sea of Azov and the Kerch Strait), ``g52-*`` (8 Ukrainian regional
administrations' daily reports, 67: Zaporizhzhia, Kherson, Sumy, Kharkiv, Dnipropetrovsk and Mykolaiv hromadas,
districts and villages, Russian spellings from occupation officials: Zaporozhye, Kharkov, Nikolaev, Volchansk,
Aleshki, Golaya Pristan, Energodar, Vasilyevka), ``g53-*`` (8, 54: Rogun, Nurek and Kambarata, the Caspian ports,
Khorgos, Dostyk and Alashankou, Termez, Navoi, Almalyk, Ekibastuz, Karaganda/Karagandy, Turkmen railways),
``g54-*`` (7, 43: refineries and their regions: Ryazan, Novokuibyshevsk, Syzran, Kstovo, Volgograd, Tuapse,
Primorsk, Ust-Luga, Almetyevsk, Nizhnekamsk, Orsk, Salavat, Ukhta, Afipsky, Ilsky, Novoshakhtinsk) and ``g55-*`` (8,
53: migrant raids in Kotelniki, Lyubertsy and Balashikha, deportations through Vnukovo, Domodedovo and Sheremetyevo
to Khujand, Osh and Manas, Korea, Istanbul's districts, Europe; word-names that are no places: a friend called
Florence, a hostel called Paris, the Manas epic, "Hope", "Victory") were scored before any change they prompted:
end to end strict F1 0.977, 0.993, 0.952, 0.977 and 0.963 as written, accuracy@161 over all gold 0.956, 0.956,
0.909, 1.0 and 0.981 (gold spans 0.956, 0.956, 0.946, 1.0 and 0.981); 0.977, 1.0, 0.962, 1.0 and 0.982
(accuracy 0.956, 0.970, 0.926, 1.0, 0.981) once four annotation slips were put to the set's conventions
("Dyagilevo air base" and "Kapotnya district" with their generic words; "the regional capital" after "In
Karaganda," and "the regional centre" in a sentence that names the seat not annotated, as the set leaves such
appositions). Gold points the gazetteer lacked are approximate: the Psou crossing, Boyuk Kesik, Svaneti,
Stanislav (Kherson region), Zaporizhzhia's Shevchenkivskyi district, Sangtuda, the Nurek dam, Kambarata-2, the
Toktogul reservoir, Volgograd's Krasnoarmeysky district, Moscow's Kapotnya district. The misses: "opposite Dostyk"
(a small town after a word not read as locative) dropped, and with it the later "at Dostyk"; "her friend Florence"
read as the Italian city; "the Manas epic" read as a town; places the gazetteer lacked (Psou, Boyuk Kesik,
Svaneti, Sangtuda, Kambarata-2); Zaporizhzhia's Shevchenkivskyi district read as Kyiv's (the gazetteer has only
Kyiv's); "the Chervonohryhorivka and Pokrovske hromadas" of the Nikopol district read as the larger Pokrovske of the
Synelnykove district the next sentence names (163 km off); "flights from Manas" read as Jalal-Abad, whose main name
in GeoNames' cities500 is "Manas". After the fixes (README) strict F1 1.0 for every batch, accuracy@161 over all
gold 1.0, 1.0, 1.0, 1.0 and 0.981 (gold spans the same); still failing: "flights from Manas" (the airport; the
gazetteer's "Manas" is Jalal-Abad by GeoNames' main name). The fixes also put right two older misses: Kherson's
Dniprovskyi district in g17-07 and the Pokrovske hromada in g24-10.
In the tenth session a known-failure pass made the Dostuk crossing, Prigorodnoye and the Northern Sea Route curated
rows (the route placed at the Vilkitsky Strait, 339 km from the set's approximate point: still far), the Sakhalin
oblast's point came ashore (the centre of the land inside its places' hull, 163 km from the island's point: g49-02
still far), g29-06's gold for the oblast, its old point at sea, moved to 50 N 143 E, and "on Zealand" is read (its
English frequency comes from "New Zealand").
Rows ``g56-*`` (7 wire paragraphs, 50 literal toponyms: drones over Romania, Poland, Lithuania, Latvia and Moldova:
Tulcea county, Plauru, Galati, Grindu, the Lublin voivodeship, Hrubieszow, Przewodow, Rzeszow, Suwalki, the Varena
district, the Rezekne municipality, Ocnita, Giurgiulesti), ``g57-*`` (7, 39: the Afghan border of Central Asia:
Termez, Hairatan, Shahritus, Khorog, Ishkashim, Panji Poyon, Sherkhan Bandar, Imam Sahib, Serhetabat/Kushka,
Turghundi, the Darvoz district, Kalai-Khumb), ``g58-*`` (7, 37: Belarus and the Russian west: Mozyr, Novopolotsk,
Brest, Terespol, Bruzgi, Grodno, Machulishchy, Lida, Zyabrovka, Roslavl, Pskov, Baltiysk, Chernyakhovsk, Sovetsk,
Ashmyany, Kalinkovichi), ``g59-*`` (6, 27: the Shahed route: Alabuga and Yelabuga, Bandar Anzali, Amirabad,
Astrakhan, Makhachkala, Isfahan, Bandar Abbas, Izhevsk and the Kupol plant (a firm, not annotated), Dubai, Sharjah,
"the Volga-Caspian route") and ``g60-*`` (7, 34: word-names: Mirny, Polyarny, Druzhba the Sumy town beside the
Druzhba pipeline, Pobeda and Zarya as firms, Rodina a hostel, Chad, Jordan and Victoria as people, Georgia the US
state and the country, Split, Nice, "Most migrants", "Reading the figures") were scored before any change they
prompted: end to end strict F1 0.990, 0.961, 0.931, 0.962 and 0.970 as written, accuracy@161 over all gold 0.980,
1.0, 0.946, 0.889 and 0.939 (gold spans 0.980, 1.0, 0.946, 0.926 and 0.970); 0.990, 1.0, 0.959, 0.962 and 0.985
(accuracy 0.980, 1.0, 0.946, 0.889, 0.941) once four annotation slips were put to the set's conventions ("Panj
river" and "Roslavl district" with their generic words, "Pamir crossings" and "the Plesetsk cosmodrome" annotated).
Gold points the gazetteer lacked are approximate: Isaccea, the Borcea air base, Bruzgi, Zyabrovka, Amirabad, the
Darvoz district (at Kalai-Khumb), the Plesetsk cosmodrome. The misses: "Residents of Przewodow" and "An airfield at
Zyabrovka" (unlisted places; the sentence's "An airfield" read as Ann, Myanmar), the Bruzgi crossing (unlisted),
"the ports of Bandar Anzali and Amirabad" (the second of a plural "ports of" read as an inland Amirabad, 327 km
off), "the Volga-Caspian route" (the sentence-initial "The" taken for a first name before a hyphenated pair, and
the sea's adjective dropped), "volunteers from Georgia, his home state" read as the country, "another sailed for
Nice" (a common word after "for" dropped). After the fixes (README) strict F1 1.0 and accuracy@161 over all gold
1.0 for every batch (gold spans the same); not counted by the scorer: "the US state of Georgia" with no comma in
the text is still the country, and a bare "Grodno" is read as its region (the region's point is 94 km from the
city's); the fixes also put right two older misses: Przewodow in g10-05 and the port of Pivdennyi in
g15-06.
Rows ``g61-*`` (7 paragraphs, 56 literal toponyms: Central Asian outlets' domestic news, tumani, rayon and audany
districts, regional centres, Latin and Russian spellings side by side: Qarshi/Karshi, Jizzax/Jizzakh,
Shymkent/Chimkent, Oskemen/Ust-Kamenogorsk, Semey/Semipalatinsk), ``g62-*`` (7, 35: the Ukrainian front in
Ukrainian and Russian names: Toretsk/Dzerzhinsk, Bakhmut/Artemovsk, Kostiantynivka/Konstantinovka, Svatove,
Kreminna, Enerhodar, Nova Kakhovka), ``g63-*`` (7, 44: the Caspian and the Volga: Tengiz, Kashagan, Karachaganak,
Kuryk, Turkmenbashi, Makhachkala, the Volga-Don canal, Saratov and Engels, Samara, Kazan, Ulyanovsk) and ``g64-*``
(7, 34: wire items with lists and abbreviations: US, UK, EU, UAE, RF, KZ, the Baltics, the Caucasus, the Gulf,
the Far East, Siberia, the Urals; traps: Air Astana, "Urals crude", "an EU report") were scored before any change
they prompted: end to end strict F1 0.974, 1.0, 0.989 and 0.906, accuracy@161 over all gold 0.982, 0.971, 0.977
and 0.853 (gold spans the same but g61 0.991 and g64 0.921 strict). Gold points the gazetteer lacked are
approximate: the Rasht valley, the Kazaly audany (at Ayteke Bi), the Small Aral Sea, the Russian Far East, the
Baltics; rivers, seas, fields, the canal and the Caucasus have the set's points. The misses: "Asia-Plus" (an outlet)
read as Asia, twice; the Small Aral Sea and Kashagan (unlisted); "Toretsk, which it calls by its Soviet name
Dzerzhinsk" (the Dzerzhinsk near Nizhny Novgorod, 500 km off); "the Far East", "the Baltics", "RF" and "KZ"
(unlisted); "Air Astana" read as the capital; not counted: "Urals crude" and "an EU report" read literally. After
the fixes (README) g61, g62 and g63 score strict F1 1.0 and accuracy@161 over all gold 1.0; g64 0.971 and 0.971
(gold spans 0.985 and 0.971): the bare "the Far East" is still not found (left out of the gazetteer, as English
also uses it for East Asia); not counted: "an EU report said" is still literal. The fixes also put right g15-03's
Kashagan, g23-05's "Asia-Plus" and, with gold spans, g19-06's "Baltic states".
Run as a script for the figures:
``PYTHONPATH=. python3 tests/test_geoparse_dev.py`` from the checkout.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from mapper.evaluate import score_geoparse
from mapper.gazetteer import open_gazetteer
from mapper.gazetteer.sqlite import SqliteGazetteer
from mapper.model import Article
from mapper.pipeline import places_records

DEV = Path(__file__).parent / "data" / "geoparse_dev.jsonl"
ROWS = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]


def scores(gazetteer: SqliteGazetteer, *, spans: bool = False) -> dict[str, Any]:
    """The set's figures end to end, or (``spans``) resolving the gold spans only."""
    articles = [Article(r["id"], r["text"], spans=tuple((t["start"], t["end"]) for t in r["toponyms"])
                        if spans else None) for r in ROWS]
    preds = list(places_records(articles, gazetteer))
    return score_geoparse(ROWS, preds, per_doc=True)


def test_dev_set_is_well_formed() -> None:
    assert len(ROWS) >= 103
    for r in ROWS:
        for t in r["toponyms"]:
            assert r["text"][t["start"]:t["end"]] == t["name"], (r["id"], t)
            assert -90 <= t["lat"] <= 90 and -180 <= t["lon"] <= 180


def test_end_to_end_floor(gazetteer: SqliteGazetteer) -> None:
    s = scores(gazetteer)
    assert s["strict_f1"] >= 0.97 and s["lenient_f1"] >= 0.98, s
    assert s["e2e_acc161"] >= 0.97, s


@pytest.mark.parametrize(("batch", "f1", "acc"), [("g10-", 0.985, 0.98), ("g11-", 1.0, 1.0),
                                                    ("g12-", 1.0, 1.0), ("g13-", 0.99, 0.98),
                                                    ("g14-", 0.995, 0.99),
                                                    ("g15-", 0.98, 0.95), ("g16-", 0.985, 0.97),
                                                    ("g17-", 0.985, 0.98), ("g18-", 0.985, 0.985),
                                                    ("g19-", 0.96, 0.925),
                                                    ("g20-", 0.985, 0.98),
                                                    ("g21-", 0.975, 0.95), ("g22-", 0.985, 0.95),
                                                    ("g23-", 0.97, 0.945), ("g24-", 0.965, 0.93),
                                                    ("g25-", 1.0, 0.98), ("g26-", 0.99, 1.0),
                                                    ("g27-", 1.0, 1.0), ("g28-", 1.0, 1.0),
                                                    ("g29-", 1.0, 1.0), ("g30-", 0.99, 0.985),
                                                    ("g31-", 0.99, 0.95), ("g32-", 0.99, 0.98),
                                                    ("g33-", 1.0, 1.0), ("g34-", 0.98, 0.965),
                                                    ("g35-", 1.0, 1.0), ("g36-", 1.0, 1.0),
                                                    ("g37-", 1.0, 1.0), ("g38-", 1.0, 1.0),
                                                    ("g39-", 1.0, 1.0), ("g40-", 1.0, 1.0),
                                                    ("g41-", 1.0, 1.0), ("g42-", 1.0, 1.0),
                                                    ("g43-", 1.0, 1.0), ("g44-", 1.0, 1.0),
                                                    ("g45-", 1.0, 1.0), ("g46-", 1.0, 1.0),
                                                    ("g47-", 1.0, 1.0), ("g48-", 0.985, 0.97),
                                                    ("g49-", 0.965, 0.905), ("g50-", 0.985, 1.0),
                                                    ("g51-", 1.0, 1.0), ("g52-", 1.0, 1.0),
                                                    ("g53-", 1.0, 1.0), ("g54-", 1.0, 1.0),
                                                    ("g55-", 1.0, 0.98), ("g56-", 1.0, 1.0),
                                                    ("g57-", 1.0, 1.0), ("g58-", 1.0, 1.0),
                                                    ("g59-", 1.0, 1.0), ("g60-", 1.0, 1.0),
                                                    ("g61-", 1.0, 1.0), ("g62-", 1.0, 1.0),
                                                    ("g63-", 1.0, 1.0), ("g64-", 0.97, 0.97)])
def test_batch_floor(gazetteer: SqliteGazetteer, batch: str, f1: float, acc: float) -> None:
    """The batches written last keep their after-fix figures (they have no fix of their own to hide behind)."""
    rows = [r for r in ROWS if r["id"].startswith(batch)]
    preds = list(places_records([Article(r["id"], r["text"]) for r in rows], gazetteer))
    s = score_geoparse(rows, preds)
    assert s["strict_f1"] >= f1 and s["e2e_acc161"] >= acc, s


@pytest.mark.parametrize("batch", ["g25", "g44"])
def test_no_place_mapped_from_furniture(gazetteer: SqliteGazetteer, batch: str) -> None:
    """No literal (mapped) place inside the non-literal gold: an outlet's name or page furniture (g25); headlines,
    bylines, credits, "Read also", tags, a live blog's clock and header or a Telegram hashtag (g44)."""
    rows = [r for r in ROWS if r["id"].startswith(batch + "-")]
    mapped = []
    for r, p in zip(rows, places_records([Article(r["id"], r["text"]) for r in rows], gazetteer), strict=True):
        figurative = [t for t in r["toponyms"] if not t["literal"]]
        mapped += [(r["id"], q["text"]) for q in p["places"] if q["literal"] and q["lat"] is not None
                   and any(q["start"] < t["end"] and t["start"] < q["end"] for t in figurative)]
    assert rows and not mapped, mapped


def test_given_spans_floor(gazetteer: SqliteGazetteer) -> None:
    assert scores(gazetteer, spans=True)["e2e_acc161"] >= 0.97


if __name__ == "__main__":
    gaz = open_gazetteer()
    for spans in (False, True):
        s = scores(gaz, spans=spans)
        detail = s.pop("per_doc")
        print("gold spans" if spans else "end to end", json.dumps(s))
        if "-v" in sys.argv:
            print(json.dumps(detail, indent=1, ensure_ascii=False))
