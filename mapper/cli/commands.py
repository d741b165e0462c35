"""Imports every command module so that each registers itself on the ``cli`` group."""

# One import line per command module, sorted.
import mapper.cli.eval  # noqa: F401
import mapper.cli.gazetteer  # noqa: F401
import mapper.cli.geocode  # noqa: F401
import mapper.cli.incidents  # noqa: F401
import mapper.cli.places  # noqa: F401
import mapper.cli.run  # noqa: F401
import mapper.cli.store  # noqa: F401
