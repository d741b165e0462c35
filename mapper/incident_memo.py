"""Articles that carry a text met before (a wire story in several feeds, the copies of a batch): from the text's
second reading on, its events are worked out once and copied under each article's id, as the lexicon's scans and
the sentence caches are one level down. A text read once costs a dict look-up: most texts are never met again."""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from mapper.incident_merge import Candidate
from mapper.lexicon import Lexicon
from mapper.model import ParsedArticle

_SEEN: OrderedDict[tuple[Any, ...], None] = OrderedDict()
_TOLD: OrderedDict[tuple[Any, ...], tuple[Lexicon, str, tuple[Any, ...], list[Candidate]]] = OrderedDict()
_SEEN_MAX, _TOLD_MAX = 1024, 128


def remembered(parsed: ParsedArticle, lex: Lexicon, default_year: int | None,
               work_out: Callable[[], list[Candidate]]) -> list[Candidate]:
    """The article's grouped candidates (``work_out()``); those of an article with the same text, headline,
    link, date and readings of its places, read before with the same lexicon, copied under this article's id."""
    art = parsed.article
    key = (art.text, art.title, art.url, art.published, default_year, id(lex))
    hit = _TOLD.get(key)
    if hit is not None and hit[0] is lex and hit[2] == _readings(parsed):
        _TOLD.move_to_end(key)
        return [_told_by(c, hit[1], art.id) for c in hit[3]]
    cands = work_out()
    if key in _SEEN and _TOLD_MAX:  # a second reading: kept, untouched by merging, for the copies to come
        _TOLD[key] = (lex, art.id, _readings(parsed), [_told_by(c, art.id, art.id) for c in cands])
        if len(_TOLD) > _TOLD_MAX:
            _TOLD.popitem(last=False)
    else:
        _SEEN[key] = None
        if len(_SEEN) > _SEEN_MAX:
            _SEEN.popitem(last=False)
    return cands


def _readings(parsed: ParsedArticle) -> tuple[Any, ...]:
    """What the incident stage reads of an article's places."""
    return tuple((r.mention.start, r.mention.end, r.mention.literal, r.mention.reason, r.mention.generic, r.precision,
                  r.place.place_id if r.place else "") for r in parsed.resolutions)


def _told_by(c: Candidate, was: str, aid: str) -> Candidate:
    """A copy of ``c`` (nothing shared that merging changes), reported by article ``aid`` instead of ``was``."""
    return dataclasses.replace(
        c, locs=list(c.locs), figures=list(c.figures), rules=list(c.rules), sents=set(c.sents),
        actors=list(c.actors), paras=set(c.paras), article_id=aid if c.article_id == was else c.article_id,
        sources=[dataclasses.replace(src, article_id=aid) if src.article_id == was else src for src in c.sources],
        articles={aid if a == was else a for a in c.articles})
