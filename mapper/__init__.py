"""incident-mapper: an offline-first geoparser and incident mapper for news articles.

>>> import mapper
>>> gaz = mapper.open_gazetteer()                                   # doctest: +SKIP
>>> for article in mapper.read_articles(["news.jsonl"]):            # doctest: +SKIP
...     parsed = mapper.parse_article(article, gaz)                 # recognise + resolve
...     incidents = mapper.extract_incidents([parsed])
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from mapper.errors import GazetteerError, InputError, MapperError, OutputError
from mapper.model import (
    Article,
    FuzzyDate,
    Incident,
    IncidentType,
    Location,
    Mention,
    ParsedArticle,
    Place,
    PlaceKind,
    Precision,
    Resolution,
    Source,
    Status,
)

__version__ = "0.1.0"

# Stage functions load lazily, so that `mapper geocode` starts without numpy, folium or pandas.
_LAZY = {
    "extract_incidents": "mapper.incidents",
    "open_gazetteer": "mapper.gazetteer",
    "parse_article": "mapper.pipeline",
    "parse_articles": "mapper.pipeline",
    "read_articles": "mapper.articles",
    "recognize": "mapper.toponyms",
    "resolve": "mapper.resolve",
    "run": "mapper.pipeline",
    "write_outputs": "mapper.outputs",
}

__all__ = [
    "Article",
    "FuzzyDate",
    "GazetteerError",
    "Incident",
    "IncidentType",
    "InputError",
    "Location",
    "MapperError",
    "Mention",
    "OutputError",
    "ParsedArticle",
    "Place",
    "PlaceKind",
    "Precision",
    "Resolution",
    "Source",
    "Status",
    "extract_incidents",
    "open_gazetteer",
    "parse_article",
    "parse_articles",
    "read_articles",
    "recognize",
    "resolve",
    "run",
    "write_outputs",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'mapper' has no attribute {name!r}")
