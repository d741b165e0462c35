"""Gazetteers: the protocol, the shipped SQLite file, an in-memory one, and the online fallback."""

from mapper.gazetteer.base import BBox, Gazetteer, LatLon, NameIndex
from mapper.gazetteer.build import BuildInfo, build, default_path, open_gazetteer
from mapper.gazetteer.memory import MemoryGazetteer
from mapper.gazetteer.sqlite import SqliteGazetteer

__all__ = ["BBox", "BuildInfo", "Gazetteer", "LatLon", "MemoryGazetteer", "NameIndex", "SqliteGazetteer",
           "build", "default_path", "open_gazetteer"]
