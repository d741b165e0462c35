"""The tokens name recognition looks at (``mapper.toponyms``): capitalised words, numbers and the few lower-case
words that may stand inside or right after a name, with their offsets, possessives and contractions."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, repeat

from mapper.cues import CONTRACTION, ORDINAL, Token
from mapper.prefilter import alternation
from mapper.toponym_forms import NAME_ONLY_GENERICS, TRAILING_GENERIC

_ABBREV = {"st", "mt", "ft", "ste", "pt"}
# Lower-case words that may stand inside a multi-word name (Sea of Azov, Rostov-on-Don, Bosnia and Herzegovina).
CONNECTORS = {"of", "and", "on", "upon", "de", "del", "la", "le", "du", "des", "da", "do", "al", "el", "the",
              "y", "sur", "am", "an", "der", "di", "al-", "ul", "og"}

# Only the words recognition looks at become tokens: capitalised words and numbers, and the few
# lower-case words that can stand inside or right after a name. Other words only leave a gap, which
# is enough to tell that a name cannot run across them.
_LOWER_KEPT = CONNECTORS | {w for words, _ in TRAILING_GENERIC for w in words} | NAME_ONLY_GENERICS | {"for"}


# A kept lower-case word may carry a possessive: "the Kursk region's Korenevo district".
# Inside a name an apostrophe or modifier letter may stand before a hyphen and a typographic ‘ for
# one (GeoNames' "Ust’-Ilimsk", "Qo‘qon", "Pereslavl’-Zalesskiy"): the name index reads them as the plain spelling.
# An Arabic article joined to the next capitalised word stands inside a name ("Sharm el-Sheikh", "Ras al-Khaimah",
# "Deir ez-Zor", "Bab el-Mandeb"): one token, so the name runs across it.
_ARABIC_ARTICLE = r"(?:al|el|ad|ed|adh|ash|esh|ath|az|ez|ar|er|as|es|an|en|at|et|ul|ud|us)-[^\W_a-z]\w*"
ARABIC_ARTICLE = re.compile(_ARABIC_ARTICLE)
_TOKEN_BODY = (r"(?:[^\W_a-z]\w*(?:(?:['’]?-|['’‘])\w+)*|" + _ARABIC_ARTICLE + r"(?:-\w+)*|(?:"
               + alternation(_LOWER_KEPT) + r")(?:['’]s)?(?![\w'’-]))")
_APOSTROPHE = re.compile("['’]")
# gap, separator, token, gap, ..., gap over " " + text: a token follows a character that may not stand
# inside a word (or the start of the text), and opening with that character lets the scan skip to the
# next such one instead of trying a match at every position (a token never ends with one)
_TOKEN_SPLIT = re.compile(rf"([^\w'’-])({_TOKEN_BODY})")


def tokens(text: str) -> list[Token]:
    """The tokens recognition looks at, with their offsets; a possessive's "'s" and a closing apostrophe cut off."""
    # One split gives the tokens and the gaps between them, their lengths the offsets (one more than in
    # the text: a space goes before it); each Token is made without the NamedTuple's Python-level __new__
    # (a third of the cost).
    parts = _TOKEN_SPLIT.split(" " + text)
    ends = list(accumulate(map(len, parts), initial=-1))[1:]
    starts = ends[1::3]
    no = repeat(False)
    out = list(map(tuple.__new__, repeat(Token), zip(starts, ends[2::3], parts[2::3], no, no, strict=False)))
    if "'" in text or "’" in text:  # possessives and contractions: the rare tokens with an apostrophe
        holding = set()  # the tokens an apostrophe of the text falls in
        for q in _APOSTROPHE.finditer(text):
            n = bisect_right(starts, q.start()) - 1
            if n >= 0 and n < len(out) and q.start() < out[n].end:
                holding.add(n)
        for n in sorted(holding):
            tok = out[n]
            t = tok.text
            e = tok.end
            poss = len(t) > 2 and t[-2] in "'’" and t[-1] in "sS"
            if poss:
                e, t = e - 2, t[:-2]
            elif t[-1] in "'’":
                e, t = e - 1, t[:-1]
            out[n] = Token(tok.start, e, t, poss, bool(CONTRACTION.search(t)))
    return out


def starts_name(tok: Token) -> bool:
    """A capitalised word or an ordinal ("1st"), not a contraction."""
    if tok.contraction:
        return False
    c = tok.text[0]
    return c.isupper() or (c.isdigit() and bool(ORDINAL.match(tok.text)))


def gap_ok(text: str, a: Token, b: Token) -> bool:
    """What lies between tokens ``a`` and ``b`` may stand inside a name: a space, a hyphen, "St. "."""
    gap = text[a.end:b.start]
    if a.possessive:  # "Kazakhstan's Mangistau Region" ends at the possessive, unless a name goes on
        return gap[2:] == " "  # ("the People's Republic of China", "Martha's Vineyard")
    if gap == " " or gap == "-":
        return True
    return gap == ". " and a.text.lower() in _ABBREV
