"""incident-mapper: an offline-first geoparser and incident mapper for news articles."""

from mapper.errors import GazetteerError, InputError, MapperError, OutputError
from mapper.model import (
    Article,
    FuzzyDate,
    Incident,
    IncidentType,
    Location,
    Mention,
    Place,
    PlaceKind,
    Precision,
    Resolution,
    Source,
    Status,
)

__version__ = "0.1.0"

__all__ = sorted([
    "Article", "FuzzyDate", "GazetteerError", "Incident", "IncidentType", "InputError", "Location",
    "MapperError", "Mention", "OutputError", "Place", "PlaceKind", "Precision", "Resolution", "Source",
    "Status",
])
