"""Exceptions raised by incident-mapper.

::

    MapperError
    ├── InputError(MapperError, ValueError)     unreadable article, bad date, bad option value
    ├── GazetteerError(MapperError)             missing, corrupt or outdated gazetteer file
    └── OutputError(MapperError, OSError)       outputs cannot be written

The CLI catches ``MapperError`` once and prints its message with a non-zero exit.
"""


class MapperError(Exception):
    """Base class of every error the tool reports to its user."""


class InputError(MapperError, ValueError):
    """Input the tool cannot use: an unreadable file, a bad option value, a bad date."""


class GazetteerError(MapperError):
    """The gazetteer file is missing, corrupt or stale; the message says how to rebuild it."""


class OutputError(MapperError, OSError):
    """An output file or folder cannot be written."""
