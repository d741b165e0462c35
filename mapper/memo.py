"""A bounded memo of a function of one key whose hits cost a plain dict look-up, no Python call."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Remembered(dict[K, V], Generic[K, V]):
    """``memo[key]`` is ``fn(key)``, worked out on the first look-up and kept; all answers are dropped
    when ``limit`` are kept. Pass ``memo.__getitem__`` where a function is wanted: a remembered answer
    then comes from C, without the frame of a Python function that looks it up.

    >>> squares = Remembered(lambda n: n * n, limit=2)
    >>> squares[3], squares[4], len(squares), squares[5], len(squares)
    (9, 16, 2, 25, 1)
    """

    __slots__ = ("fn", "limit")

    def __init__(self, fn: Callable[[K], V], limit: int = 200_000) -> None:
        super().__init__()
        self.fn = fn
        self.limit = limit

    def __missing__(self, key: K) -> V:
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.fn(key)
        return value
