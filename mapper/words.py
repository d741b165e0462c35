"""English word frequencies (from ``wordfreq``) in a memory-mapped trie beside the gazetteer.

``wordfreq`` reads its whole English list (290,000 words, a quarter of a second) on its first lookup, which a
short run pays in full. The same values, taken from ``wordfreq`` once and kept in a ``marisa-trie`` file, open
in milliseconds; the file is named after the installed list, so a new ``wordfreq`` release builds a new one.
Words that are not plain lower-case letters (``"port au prince"``, ``"5th"``) are still asked of ``wordfreq``,
whose tokeniser decides what they are.
"""

from __future__ import annotations

import contextlib
import os
import re
from functools import cache
from importlib.util import find_spec
from pathlib import Path

import marisa_trie

_PLAIN = re.compile(r"[a-z]+")
_SCALE = 100  # zipf_frequency rounds to two decimals: stored as hundredths, exact
_FORMAT = "<H"


def _list_file() -> Path | None:
    """The installed ``wordfreq`` English list, found without importing the package."""
    spec = find_spec("wordfreq")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "data" / "large_en.msgpack.gz"
    return path if path.exists() else None


def table_path(directory: Path) -> Path | None:
    """Where the table for the installed list lives in ``directory`` (None without ``wordfreq``'s list)."""
    source = _list_file()
    if source is None:
        return None
    stat = source.stat()
    return directory / f"words-en.{stat.st_size}-{stat.st_mtime_ns}.marisa"


def build_table(path: Path) -> None:
    """Write the table (every plain word of ``wordfreq``'s large English list with its Zipf frequency)
    atomically to ``path``."""
    from wordfreq import iter_wordlist, zipf_frequency

    words = [w for w in iter_wordlist("en", "large") if _PLAIN.fullmatch(w)]
    trie = marisa_trie.RecordTrie(_FORMAT, ((w, (round(zipf_frequency(w, "en") * _SCALE),)) for w in words))
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        trie.save(str(tmp))
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


@cache
def _table() -> marisa_trie.RecordTrie | None:
    from mapper.gazetteer.build import default_path

    path = table_path(default_path().parent)
    if path is None:
        return None
    try:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            build_table(path)
        trie = marisa_trie.RecordTrie(_FORMAT)
        trie.mmap(str(path))
    except OSError:  # a read-only place: wordfreq answers every lookup
        return None
    return trie


def zipf(word: str) -> float:
    """Zipf frequency of ``word`` (already lower-cased) as an English word, as ``wordfreq.zipf_frequency``
    gives it: 0 for words it does not list, about 7 for "the"."""
    if _PLAIN.fullmatch(word):
        trie = _table()
        if trie is not None:
            hit = trie.get(word)
            return hit[0][0] / _SCALE if hit else 0.0
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")
