"""The frozen values that travel between pipeline stages; nothing else."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class PlaceKind(StrEnum):
    """What sort of place a gazetteer row is."""

    CONTINENT = "continent"
    COUNTRY = "country"
    REGION = "region"  # first-level subdivision (oblast, state, province)
    DISTRICT = "district"  # second-level subdivision and below (rayon, county)
    POPULATED = "populated place"
    FACILITY = "facility"  # air base, airport, border or railway station, test range
    PHYSICAL = "physical feature"  # mountain range, river, lake
    AREA = "area"  # broad named area with no administrative standing (Central Asia)


class Precision(StrEnum):
    """How exactly a resolved location is known, finest first."""

    POINT = "point"
    DISTRICT = "district"
    REGION = "region"
    COUNTRY = "country"
    AREA = "area"


#: The precision a place of each kind gives when it is the resolved location.
KIND_PRECISION: dict[PlaceKind, Precision] = {
    PlaceKind.CONTINENT: Precision.AREA,
    PlaceKind.AREA: Precision.AREA,
    PlaceKind.COUNTRY: Precision.COUNTRY,
    PlaceKind.REGION: Precision.REGION,
    PlaceKind.DISTRICT: Precision.DISTRICT,
    PlaceKind.POPULATED: Precision.POINT,
    PlaceKind.FACILITY: Precision.POINT,
    PlaceKind.PHYSICAL: Precision.AREA,
}


#: The end of the ``source`` of a subdivision that carries its parent region's (or country's) point, no
#: better one known: the point is approximate (the map draws every district dashed, as approximate).
REGION_POINT = "(approximate: the region's point)"
#: Longer article texts are refused with a clear error rather than parsed for minutes (about 300,000
#: words, far beyond any news article; 8 MB of text costs over a minute and 1.6 GB to parse).
MAX_TEXT_CHARS = 2_000_000


def too_long(text: str, article_id: str) -> str | None:
    """Why an article's text is refused (over :data:`MAX_TEXT_CHARS`), or None when it is not."""
    if len(text) <= MAX_TEXT_CHARS:
        return None
    return f"article {article_id}: text is {len(text):,} characters, over the limit of {MAX_TEXT_CHARS:,}; split it"


def _check_coords(owner: str, lat: float, lon: float) -> None:
    if not (isinstance(lat, (int, float)) and math.isfinite(lat) and -90.0 <= lat <= 90.0):
        raise ValueError(f"{owner}: latitude must be in [-90, 90], got {lat!r}")
    if not (isinstance(lon, (int, float)) and math.isfinite(lon) and -180.0 <= lon <= 180.0):
        raise ValueError(f"{owner}: longitude must be in [-180, 180], got {lon!r}")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry.

    ``place_id`` says where the row came from: ``geonames:<id>`` or ``curated:<slug>``
    (``nominatim:<osm id>`` for a cached online answer).
    """

    place_id: str
    name: str
    kind: PlaceKind
    lat: float
    lon: float
    country: str = ""  # ISO 3166-1 alpha-2; "" for continents and multi-country areas
    admin1: str = ""  # GeoNames admin1 code within the country, e.g. "07"
    admin2: str = ""  # GeoNames admin2 code where known
    admin1_name: str = ""  # display name of the first-level subdivision
    feature_class: str = ""  # GeoNames feature class (P, A, S, T, H, L)
    feature_code: str = ""  # GeoNames feature code (PPLC, ADM1, AIRB, ...)
    population: int = 0
    source: str = ""  # dataset or reference the row comes from
    derived: bool = False  # True when no source gave a point and we derived one

    def __post_init__(self) -> None:
        if not self.place_id or ":" not in self.place_id:
            raise ValueError(f"place_id must look like 'geonames:<id>', got {self.place_id!r}")
        if not self.name:
            raise ValueError(f"{self.place_id}: name must not be empty")
        if not isinstance(self.kind, PlaceKind):
            object.__setattr__(self, "kind", PlaceKind(self.kind))
        _check_coords(self.place_id, self.lat, self.lon)

    @property
    def precision(self) -> Precision:
        """The precision this place gives as a location: what the text named (a district stays a district
        when its point is its region's, see ``REGION_POINT``; the incident rules reason on the mention)."""
        return KIND_PRECISION[self.kind]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read; offsets elsewhere index ``text``."""

    id: str
    text: str
    title: str = ""
    published: dt.date | None = None
    url: str = ""
    source: str = ""
    path: str = ""  # file it was read from, for error messages
    spans: tuple[tuple[int, int], ...] | None = None  # given mention spans (resolution-only mode)

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id:
            raise ValueError(f"article id must be a non-empty string, got {self.id!r}")
        if not isinstance(self.text, str):
            raise ValueError(f"article {self.id}: text must be a string, got {type(self.text).__name__}")


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name found in an article: ``text == article.text[start:end]``."""

    article_id: str
    start: int
    end: int
    text: str
    name: str = ""  # the name to look up (possessive and generic word removed); defaults to text
    generic: str = ""  # generic word qualifying it: region, district, village, station, ...
    literal: bool = True  # False: demonym, metonymy, metaphor, part of an organisation's name
    reason: str = ""  # how it was recognised, or why it is not literal
    weak: str = ""  # why a one-word reading is doubtful: common-word, initial, acronym, allcaps, name-part; "cued"
    # when a locative word precedes it ("from Petropavl"); "" when nothing is said either way

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"mention offsets must satisfy 0 <= start < end, got {self.start}, {self.end}")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"mention text {self.text!r} does not span {self.start}..{self.end}")
        if not self.name:
            object.__setattr__(self, "name", self.text)


@dataclass(frozen=True, slots=True)
class Resolution:
    """The place chosen for a mention (``place=None`` when nothing fits)."""

    mention: Mention
    place: Place | None
    score: float = 0.0
    precision: Precision | None = None
    candidates: tuple[Place, ...] = ()  # runner-up candidates, best first, chosen one excluded
    method: str = ""  # short why: "context:containment", "prior:population", ...

    def __post_init__(self) -> None:
        if self.place is not None and self.precision is None:
            object.__setattr__(self, "precision", self.place.precision)


class IncidentType(StrEnum):
    DRONE = "drone"
    MIGRATION = "migration"
    OPERATION = "operation"


class Status(StrEnum):
    CONFIRMED = "confirmed"
    CLAIMED = "claimed"
    DENIED = "denied"


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    RANGE = "range"


@dataclass(frozen=True, slots=True)
class FuzzyDate:
    """A date known to some precision: the interval ``start``..``end`` (inclusive)."""

    start: dt.date
    end: dt.date
    precision: DatePrecision
    text: str = ""  # as written in the article

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"date range ends before it starts: {self.start} .. {self.end}")

    def iso(self) -> str:
        """ISO form at its precision: ``2025-06-19``, ``2025-06``, ``2025`` or ``start/end``."""
        if self.precision is DatePrecision.DAY:
            return self.start.isoformat()
        if self.precision is DatePrecision.MONTH:
            return self.start.isoformat()[:7]
        if self.precision is DatePrecision.YEAR:
            return str(self.start.year)
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with what it counts: people, fighters, killed, drones, money, ..."""

    value: float
    unit: str
    text: str = ""
    approximate: bool = False


@dataclass(frozen=True, slots=True)
class Location:
    """A resolved place as an incident uses it, with its role in the incident."""

    place_id: str
    name: str
    lat: float
    lon: float
    precision: Precision
    role: str = "site"  # site, origin, destination, staging, target
    country: str = ""
    admin1: str = ""  # the first-level region's code in its country ("" when unknown)

    def __post_init__(self) -> None:
        _check_coords(self.place_id, self.lat, self.lon)


@dataclass(frozen=True, slots=True)
class Source:
    """Where an incident is reported: the article and the quoted sentence."""

    article_id: str
    quote: str
    start: int
    end: int
    title: str = ""
    url: str = ""
    published: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Incident:
    """One real-world event, possibly reported by several articles."""

    incident_id: str
    type: IncidentType
    subtype: str
    locations: tuple[Location, ...]  # first is the main location; flows: origin then destination
    sources: tuple[Source, ...]
    date: FuzzyDate | None = None
    actors: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    status: Status = Status.CONFIRMED
    confidence: float = 0.5
    summary: str = ""
    name: str = ""  # a named operation, e.g. "Operation Spider Web"

    def __post_init__(self) -> None:
        if not self.locations:
            raise ValueError(f"incident {self.incident_id}: at least one location is required")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"incident {self.incident_id}: confidence must be in [0, 1], got {self.confidence}")

    @property
    def location(self) -> Location:
        """The main location (a flow's destination where it has one)."""
        dest = [loc for loc in self.locations if loc.role == "destination"]
        return dest[0] if dest else self.locations[0]

    @property
    def geometry(self) -> dict[str, Any]:
        """GeoJSON geometry: a point, a line origin -> destination, or points for a multi-site event."""
        origin = [loc for loc in self.locations if loc.role == "origin"]
        dest = [loc for loc in self.locations if loc.role == "destination"]
        if origin and dest:
            return {"type": "LineString",
                    "coordinates": [[origin[0].lon, origin[0].lat], [dest[0].lon, dest[0].lat]]}
        if len(self.locations) == 1:
            loc = self.locations[0]
            return {"type": "Point", "coordinates": [loc.lon, loc.lat]}
        return {"type": "MultiPoint", "coordinates": [[loc.lon, loc.lat] for loc in self.locations]}

    @property
    def __geo_interface__(self) -> dict[str, Any]:
        return {"type": "Feature", "id": self.incident_id, "geometry": self.geometry,
                "properties": {"incident_id": self.incident_id, "type": self.type.value,
                               "subtype": self.subtype, "date": self.date.iso() if self.date else None,
                               "status": self.status.value, "confidence": self.confidence,
                               "summary": self.summary}}


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """An article with its resolved mentions: what the geoparser hands to the incident stage."""

    article: Article
    resolutions: tuple[Resolution, ...] = field(default_factory=tuple)
