"""What the words around a bare number say it counts: totals and tolls raised to it, a move verb before or after
it, a listed count's place (patterns for ``mapper.figures``)."""

from __future__ import annotations

import re

from mapper.prefilter import looking_ahead

# "bringing the night's total to 11": the count the words before it total
TOTAL_TO = looking_ahead(re.compile(r"\b(?:bringing|brought|raising|taking)\s+the\s+(?:[\w’']+\s+){0,2}total\s+"
                                   r"(?:number\s+)?(?:to|at)\s+(?:about\s+|more\s+than\s+|at\s+least\s+)?$", re.I))


# "The death toll from Wednesday's strike has risen to 31", "the number of injured had risen to 12": a follow-up's new
# count of the harmed, the noun told before the verb; so is a correction ("revised the number of injured down to 88",
# "the number of injured was also revised, to 64 from 52")
TOLL_TO = re.compile(r"\b(?:(?P<dead>(?:death\s+)?toll|number\s+of\s+(?:dead|deaths|victims|fatalities|"
                     r"people\s+killed))|number\s+of\s+(?:injured|wounded|injuries|people\s+injured))\b[^.;]{0,90}?"
                     r"\b(?:rose|risen|climbed|increased|reached|grown|grew|(?:revised|corrected|lowered|raised|updated)"
                     r"(?:\s+(?:down|up)(?:wards?)?)?|down|up),?\s+to\s+"
                     r"(?:about\s+|at\s+least\s+|more\s+than\s+|nearly\s+)?$", re.I)

# "The number of ethnic Armenians who have left ... reached 88,780": a running count of people, the noun told first
NUMBER_TO = re.compile(r"\bnumber\s+of\s+(?:[\w-]+\s+){0,2}?(?:people|refugees|residents|migrants|citizens|civilians|"
                       r"evacuees|returnees|[A-Z][a-z]+(?:ians|ans|eks|iks|khs|ens|is))\b[^.;]{0,90}?"
                       r"\b(?:(?:rose|risen|climbed|increased|reached|grown|grew|stood)\s+(?:to\s+|at\s+)?|"
                       # "fell by 18 percent in the first ten months, to": a level reached either way
                       r"(?:rose|risen|climbed|increased|grown|grew|fell|fallen|dropped|declined|decreased)"
                       r"(?:\s+|[^.;]{1,70}?,?\s+)to\s+)"
                       r"(?:about\s+|at\s+least\s+|more\s+than\s+|nearly\s+|almost\s+)?$")
# "out of a population it put at about 120,000", "a town with a population of 20,000": who live there, no count of
# anything that happened
POPULATION_OF = re.compile(r"\bpopulation\s+(?:of\s+|(?:it|they|officials|the\s+\w+)\s+(?:put|puts|estimated|"
                           r"estimates)\s+at\s+)(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|over\s+|"
                           r"more\s+than\s+)?$", re.I)

LIST_ITEM_BEFORE = re.compile(r"(?:,\s+(?:and\s+)?|\s+and\s+)$")
YEAR = re.compile(r"(?:19|20)\d\d")
# "sent back 168,000 Afghans, while Pakistan expelled 54,000": a state's move verb before the bare count
MOVED_BEFORE = re.compile(r"\b(?:expelled|deported|sent\s+back|evacuated|brought\s+(?:back|home)|repatriated)\s+"
                          r"(?:(?:about|around|some|nearly|almost|another|more\s+than|over)\s+)?$", re.I)
MOVED_AFTER = re.compile(r"\s+(?:(?:were|was|have\s+been|had\s+been|have|had)\s+)?(?:sent|left|went|gone|departed|"
                         r"travell?ed|moved|flew|headed|returned|arrived|crossed|came\s+(?:home|back))\b", re.I)
# "27,500 crossed into Poland, while 25,100 crossed back": a clause of its own opens on the bare count
# (or after a time phrase or ", and": "In the first half of 2025, 214,000 left for Russia ..., and 96,000 came home";
# or after "Of them,": "Of them, 44,100 went to Russia", a share of the group told before)
CLAUSE_OPENS = re.compile(r"(?:^\s*|,\s+(?:while|whereas|and)\s+|(?:\b(?:19|20)\d\d|\b(?:half|quarter|year|month)|"
                          r"\b(?:of|among)\s+(?:them|these|those))\s*,\s+)"
                          r"(?:about\s+|around\s+|some\s+|nearly\s+|over\s+|"
                          r"more\s+than\s+)?$", re.I)

# "52,000 Uzbeks left for South Korea, 38,000 for Turkey": a destination after a listed count, its verb told once
TO_PLACE = re.compile(r"\s+(?:to|for)\s+(?:the\s+)?[A-Z]")
# "140 were taken out of X, 97 from Y and 75 from villages around Z": an origin after a listed count, likewise
FROM_PLACE = re.compile(r"\s+(?:from|out\s+of)\s+(?:the\s+)?(?:[A-Z]|(?:[\w-]+\s+)?(?:villages|towns|settlements|"
                        r"communities|areas|districts)\b)")

# A count in a list or a ranking whose noun was told before it: "including 5,100 to South Korea", "... and Germany
# 800", "Tajikistan was second with 486,000", "recorded 186,000 returns", "while Kazakhstan took 41,000"
SHARE_BEFORE = re.compile(r"(?:\bincluding|\band|,)\s+(?:some\s+|about\s+|around\s+|over\s+|nearly\s+)?$", re.I)
SHARE_AFTER = re.compile(r"\s+(?:to|in)\s+(?:the\s+)?(?:[A-Z]|(?:19|20)\d\d\b)")
# "... and Germany 800", "followed by Turkey with 1,450": a place and its count in a list whose noun came first
GAPPED_BEFORE = re.compile(r"(?:\band|,|\bfollowed\s+by)\s+(?:the\s+)?(?!(?:January|February|March|April|May|June|"
                            r"July|August|September|October|November|December)\b)[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+"
                            r"(?:with\s+)?(?:some\s+|about\s+|around\s+|over\s+|nearly\s+)?$")
RANKED_BEFORE = re.compile(r"\b[A-Z][\w’'-]*\s+(?:(?:was|came|ranked)\s+)?(?:second|third|fourth|fifth|next)\s+with\s+"
                            r"(?:some\s+|about\s+|around\s+|over\s+|nearly\s+)?$")
MOVES_AFTER = re.compile(r"\s+(?:returns|departures)\b", re.I)
RECORDED_BEFORE = re.compile(r"\b(?:recorded|registered|counted|logged)\s+(?:about\s+|some\s+|nearly\s+|almost\s+|"
                              r"more\s+than\s+|over\s+)?$", re.I)
RECEIVED_BEFORE = re.compile(r"(?:\b(?:who|which)|\b(?:while|and|but|whereas)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)\s+"
                             r"(?:received|got|took|accepted|hosted)\s+"
                             r"(?:some\s+|about\s+|around\s+|over\s+|nearly\s+)?$", re.I)
ITEM_END = re.compile(r"\s*(?:[.;,)]|$|\s(?:and|in|during)\b)")
YEARLIKE = re.compile(r"(?:1[89]|20)\d\d")


# "repelled an attack by uncrewed boats ..., destroying four of them": a share of the craft told before, by the act
_CRAFT_TOLD = re.compile(r"\b(?:drones|UAVs|(?:uncrewed|unmanned|naval)\s+(?:boats|surface\s+vessels))\b[^.!?;]{0,140}?"
                         r",?\s+(?:destroying|destroyed|shooting\s+down|shot\s+down|downing|downed|intercepting|"
                         r"intercepted)\s+$", re.I)


def craft_share(text: str, at: int) -> bool:
    """True when the number at ``at`` ("four" in "... uncrewed boats ..., destroying four of them") counts craft
    destroyed from a group of drones or sea drones the sentence has just named."""
    return bool(_CRAFT_TOLD.search(text, max(0, at - 200), at))

# "6,900 ethnic Kazakhs", "3,400 Russians": people of a nation counted
NATIONALS_AFTER = re.compile(r"\s+(?:ethnic\s+)?([A-Z][a-z]+(?:ians|ans|eks|iks|khs|ens|is)\b|"
                              # a demonym whose plural is the word itself, as a group's name ("2,300 ethnic Kyrgyz
                              # (kairylmans) moved"), not an adjective ("Two Kyrgyz border guards")
                              r"(?:Kyrgyz|Turkmen|Chinese|Vietnamese|Lebanese|Sudanese|Japanese|Swiss)(?=\s*[(,.;]|\s+"
                              r"(?:have|has|had|were|are|moved|left|returned|arrived|crossed|fled|who)\b))")
NOT_NATIONALS = frozenset({"gerans", "lancets", "orlans"})  # drone names of the same shape

# (behind a look-ahead at the letters their matches start with, prefilter.looking_ahead: the same matches)
RECEIVED_BEFORE, RECORDED_BEFORE = map(looking_ahead, (RECEIVED_BEFORE, RECORDED_BEFORE))
