"""English word frequencies (from ``wordfreq``) in a memory-mapped trie beside the gazetteer.

``wordfreq`` reads its whole English list (290,000 words, a quarter of a second) on its first lookup, which a
short run pays in full. The same frequencies, taken from ``wordfreq`` once and kept in a ``marisa-trie`` file,
open in milliseconds; the file is named after the installed list, so a new ``wordfreq`` release builds a new one.
Words of letters one space apart (``"nizhny novgorod"``) are wordfreq's own tokens: their frequencies are
combined as ``wordfreq`` combines them; anything else (``"5th"``, ``"don't"``, ``"aktöbe"``) is asked of
``wordfreq``, whose tokeniser decides.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
from functools import cache
from importlib.util import find_spec
from pathlib import Path

import marisa_trie

_PLAIN = re.compile(r"[a-z]+(?: [a-z]+)*")  # words of letters, one space apart: wordfreq's tokens as they stand
_FORMAT = "<d"  # each word's frequency as wordfreq's list gives it (a proportion of all words)
_MINIMUM = 10**0.0 / 1e9  # zipf_frequency's floor, zipf 0, as wordfreq works it out (zipf_to_freq(0))


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
    return directory / f"words-en.{stat.st_size}-{stat.st_mtime_ns}.f8.marisa"


def build_table(path: Path) -> None:
    """Write the table (every plain word of ``wordfreq``'s large English list with its frequency)
    atomically to ``path``."""
    from wordfreq import get_frequency_dict

    freqs = get_frequency_dict("en", "large")
    trie = marisa_trie.RecordTrie(_FORMAT, ((w, (f,)) for w, f in freqs.items() if _PLAIN.fullmatch(w)))
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
    trie = _table() if _PLAIN.fullmatch(word) else None
    if trie is None:
        from wordfreq import zipf_frequency

        return zipf_frequency(word, "en")
    # wordfreq's own arithmetic over its tokens (``_word_frequency``, ``zipf_frequency``): an unlisted word
    # makes the whole the floor; else 1/f = 1/f1 + 1/f2 ..., rounded to three significant digits, then to
    # hundredths of a Zipf unit
    one_over = 0.0
    for token in word.split(" "):
        hit = trie.get(token)
        if not hit:
            return round(math.log(_MINIMUM, 10) + 9, 2)
        one_over += 1.0 / hit[0][0]
    unrounded = max(1.0 / one_over, _MINIMUM)
    freq = round(unrounded, math.floor(-math.log(unrounded, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)
