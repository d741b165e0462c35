"""Gazetteers: the protocol, the shipped SQLite file, an in-memory one, and the online fallback."""

from mapper.gazetteer.base import BBox, Gazetteer, LatLon, NameIndex

__all__ = ["BBox", "Gazetteer", "LatLon", "NameIndex"]
