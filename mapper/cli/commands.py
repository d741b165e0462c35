"""Imports every command module so that each registers itself on the ``cli`` group."""

# One line per command module, sorted.
from mapper.cli import eval  # noqa: F401
from mapper.cli import store  # noqa: F401
