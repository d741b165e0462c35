"""Build hook: a wheel ships the hand-curated gazetteer sources (``data/gazetteer/*.csv``) inside the package.

An editable install reads them from the checkout; a wheel or ``pip install .`` has no checkout, so
``build_py`` copies them to ``mapper/data/gazetteer_sources/`` (read by ``mapper.gazetteer.build``).
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

_SOURCES = Path(__file__).resolve().parent / "data" / "gazetteer"


class BuildPy(build_py):
    """``build_py`` plus the curated sources."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "mapper" / "data" / "gazetteer_sources"
        target.mkdir(parents=True, exist_ok=True)
        for name in ("curated.csv", "aliases.csv", "README.md"):
            shutil.copy2(_SOURCES / name, target / name)


setup(cmdclass={"build_py": BuildPy})
