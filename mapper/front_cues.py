"""Words that put a place on the front line of the war in Ukraine: "the front line", combat right before a name
("killed near Avdiivka", "advancing on Kurakhovo") or a capture told after it ("Kurakhovo is now under its
control"). Read by ``mapper.resolve``, which gives a Ukrainian reading of such a name the front's support."""

from __future__ import annotations

import re

from mapper.prefilter import Gated

WAR_FRONT = re.compile(r"\b(?:the\s+front(?:\s+line)?|front[- ]?lines?)\b"
                       r"(?![- ](?:of|page|door|row|seat|runner|yard|porch|desk|lawn|end|office|window|gate|cover)\b)",
                       re.I)
WAR_WORDS = re.compile(r"\b(?:war|troops|(?:armed\s+|Russian\s+|Ukrainian\s+)forces|soldiers?|army|military|brigades?|"
                       r"battalions?|shelling|artillery|"
                       r"offensive|mobili[sz]ed|mobili[sz]ation)\b", re.I)  # the front of a war, not of a queue
# Combat right before a name places it on the front as "the front" does ("its offensive around Pokrovsk",
# "killed near Avdiivka", "captured Kurakhove", "the fall of Vuhledar"), in an article with war words.
# Looked for only right before a name with a Ukrainian reading (a scan of every text costs 5 %).
# A Russian or Ukrainian communiqué's words count too: "advancing on Kurakhovo", "had \"liberated\" Krasnogorovka",
# "gains near Seversk", "attacks in the direction of Lyman"; and a headline's "Russian troops took Vuhledar",
# "Ukrainian forces abandoned Avdiivka", "took control of Kurakhove"; a withdrawal ("have withdrawn from positions
# east of Kurakhovo", "pulled out of Krinki") and a feed headline's bare noun ("claim capture of Ugledar").
COMBAT_BEFORE = re.compile(r"\b(?:(?i:offensive|assaults?|advances?|advancing|attacks?|attacking|pushing|gains|"
                           r"fighting|battles?|killed|died)\s+(?:on|near|around|for|towards?|outside|at|"
                           r"in\s+the\s+direction\s+of)|(?i:captured|recaptured|encircled|stormed|liberated|seized|"
                           r"took|taken|retook|retaken|entered|overran|overrun|abandoned|defending|defended)"
                           r"[\"”’']?|(?i:took|taken|seized|gained|regained|lost)\s+control\s+of|"
                           r"(?i:withdr[ae]wn?|withdrawing|pulled\s+(?:back|out)|retreated|retreating)\s+(?:from|of)"
                           r"(?:\s+(?:positions|trenches|lines)\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?\s+of|"
                           r"in|near|around|outside))?|"
                           r"(?:the\s+|(?i:claims?|claimed|confirms?|confirmed|announces?|announced|denies|denied)\s+)"
                           r"(?:capture|fall|encirclement|liberation)\s+of)\s+$")
# ... as a capture or contest told after it does ("Gornyak and Kurakhovo are now under its control").
COMBAT_AFTER = re.compile(r"\s+(?:(?:is|are|was|were|has\s+been|have\s+been|had\s+been|remains?|remained)\s+"
                          r"(?:now\s+|still\s+|reportedly\s+|fully\s+|almost\s+)?(?:captured|taken|liberated|"
                          r"stormed|encircled|surrounded|contested|under\s+(?:(?:its|their|\w+ian)\s+)?control)"
                          r"|(?:fell|has\s+fallen|had\s+fallen)\b)", re.I)
COMBAT_GATED = Gated(COMBAT_BEFORE)
COMBAT_AFTER_GATED = Gated(COMBAT_AFTER)
