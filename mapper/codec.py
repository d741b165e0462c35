"""Model values as JSON data and back: what the store keeps and what workers ship."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import operator
import types
import typing
from collections.abc import Callable
from enum import Enum
from typing import Any


def encode(value: Any) -> Any:
    """A model value as plain JSON data (dataclasses -> dicts, enums -> values, dates -> ISO).

    >>> encode((dt.date(2024, 5, 1), 3))
    ['2024-05-01', 3]
    """
    kind = type(value)
    fn = _ENCODERS.get(kind)
    if fn is None:
        if dataclasses.is_dataclass(kind):
            hints = typing.get_type_hints(kind)
            plain = [n for n, h in hints.items() if h in (str, int, float, bool)]  # copied as they are
            nested = [n for n in hints if n not in plain]
            fn = lambda v: {**{n: getattr(v, n) for n in plain},  # noqa: E731
                            **{n: encode(getattr(v, n)) for n in nested}}
        elif issubclass(kind, Enum):
            fn = operator.attrgetter("value")
        elif issubclass(kind, dt.date):
            fn = kind.isoformat
        elif issubclass(kind, (tuple, list)):
            fn = lambda v: [encode(x) for x in v]  # noqa: E731
        else:
            fn = lambda v: v  # noqa: E731
        _ENCODERS[kind] = fn
    return fn(value)


_ENCODERS: dict[type, Callable[[Any], Any]] = {}


def decode(tp: Any, data: Any) -> Any:
    """The inverse of :func:`encode`, guided by the type hints of the model dataclasses.

    >>> decode(tuple[dt.date, ...], ["2024-05-01"])
    (datetime.date(2024, 5, 1),)
    """
    return _decoder(tp)(data)


_DECODERS: dict[Any, Callable[[Any], Any]] = {}


def _decoder(tp: Any) -> Callable[[Any], Any]:
    # One closure per type, built once: decoding thousands of stored values stays cheap.
    if tp in _DECODERS:
        return _DECODERS[tp]
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        inner = _decoder(next(a for a in args if a is not type(None)))
        fn = inner
    elif origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])
        fn = lambda d: tuple(item(v) for v in d)  # noqa: E731
    elif origin is tuple:
        items = [_decoder(a) for a in args]
        fn = lambda d: tuple(f(v) for f, v in zip(items, d, strict=True))  # noqa: E731
    elif dataclasses.is_dataclass(tp):
        fields = {k: _decoder(h) for k, h in typing.get_type_hints(tp).items()}
        fn = lambda d: tp(**{k: fields[k](v) for k, v in d.items() if k in fields})  # noqa: E731
    elif isinstance(tp, type) and issubclass(tp, Enum):
        fn = tp
    elif tp is dt.date:
        fn = dt.date.fromisoformat
    elif tp is float:
        fn = float
    else:
        fn = lambda d: d  # noqa: E731
    _DECODERS[tp] = lambda d: None if d is None else fn(d)
    return _DECODERS[tp]


def dumps(value: Any) -> str:
    """``value`` encoded as compact ASCII JSON: lone surrogates from undecodable input survive a
    round trip through SQLite or a pipe."""
    return json.dumps(encode(value), ensure_ascii=True, separators=(",", ":"))


def loads(tp: Any, text: str | bytes) -> Any:
    """The ``tp`` value :func:`dumps` wrote as ``text``."""
    return decode(tp, json.loads(text))
