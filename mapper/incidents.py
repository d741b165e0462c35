"""Extract incidents (drone events, migration flows, operations) from parsed articles and merge reports."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from pathlib import Path

from mapper.incident_across import merge_across
from mapper.incident_article import article_candidates
from mapper.incident_feed import group_by_item
from mapper.incident_finish import finish
from mapper.incident_genre import dated_allusions
from mapper.incident_headings import group_by_heading
from mapper.incident_lede import lede_tally, sum_of_parts, summarised, summary_lede
from mapper.incident_longform import imagery_confirms
from mapper.incident_memo import remembered
from mapper.incident_merge import Candidate, group_article
from mapper.incident_text import sentences
from mapper.lexicon import Lexicon, load_lexicon
from mapper.model import Incident, IncidentType, ParsedArticle, Place, Precision

_ENDS = ("origin", "destination")


def extract_incidents(parsed_articles: Iterable[ParsedArticle], *, lexicon: Lexicon | None = None,
                      lexicon_dir: Path | None = None, default_year: int | None = None,
                      capital_of: Callable[[str], Place | None] | None = None) -> list[Incident]:
    """Find the incidents the articles report and merge reports of the same event.

    Parameters
    ----------
    parsed_articles
        Articles with their resolved mentions (``mapper.pipeline.parse_articles``).
    lexicon, lexicon_dir
        Trigger and cue lexicon, or a folder holding ``triggers.csv`` and ``cues.csv``
        (default: the shipped ``mapper/data/lexicons``).
    default_year
        Year for relative dates in articles without a publication date.
    capital_of
        Country code -> its capital; when given, flows from or to a whole country are drawn from or to
        the capital (the country's own point can lie in an empty steppe far from any route).

    Returns
    -------
    list[Incident]
        One per real-world event, with one source per reporting sentence, ordered by first report.
    """
    lex = lexicon or load_lexicon(lexicon_dir)
    cands: list[Candidate] = []
    for parsed in parsed_articles:
        cands.extend(remembered(parsed, lex, default_year,
                                lambda p=parsed: _article_events(p, lex, default_year)))
    incidents = finish(merge_across(cands))
    return [_flow_at_capitals(inc, capital_of) for inc in incidents] if capital_of else incidents


def _article_events(parsed: ParsedArticle, lex: Lexicon, default_year: int | None) -> list[Candidate]:
    """One article's events: its sentences' candidates, then the lede's tallies and summaries, grouped
    into events, and a claim confirmed by later imagery."""
    text = parsed.article.text
    cands = dated_allusions(article_candidates(parsed, lex, default_year), text)  # an opinion piece's news
    cands = summary_lede(lede_tally(cands, text))  # a lede's total or summary joins the events told after it
    sents = sentences(text)  # a feed item by item; a post's place headings each apart
    cands = group_by_item(text, sents, sum_of_parts(cands), group_by_heading(text, sents, group_article))
    return imagery_confirms(summarised(cands), text)


def _flow_at_capitals(inc: Incident, capital_of: Callable[[str], Place | None]) -> Incident:
    """A flow from or to a whole country is drawn from or to its capital (still at country precision)."""
    if inc.type is not IncidentType.MIGRATION:
        return inc
    locs = []
    for loc in inc.locations:
        cap = capital_of(loc.country) if loc.precision is Precision.COUNTRY and loc.role in _ENDS else None
        locs.append(dataclasses.replace(loc, lat=cap.lat, lon=cap.lon) if cap else loc)
    return dataclasses.replace(inc, locations=tuple(locs))
