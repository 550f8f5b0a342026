"""The pipeline's result as JSON and back, unchanged: what an analysis that waits for its turn is stored as.

Read back through the dataclasses' own type hints, so tuples come back as tuples, datetimes as datetimes (with
their offset, or naive) and nested dataclasses as themselves; a field added to ``nlp.types`` needs nothing here.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import datetime
from functools import cache

from stories.nlp.types import Analysis


def analysis_to_json(analysis: Analysis) -> dict:
    return _dump(analysis)


def analysis_from_json(data: dict) -> Analysis:
    return _load(Analysis, data)


def _dump(value):
    if dataclasses.is_dataclass(value):
        return {f.name: _dump(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_dump(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _dump(item) for key, item in value.items()}
    if value is None or isinstance(value, str | int | float):  # bool is an int
        return value
    raise TypeError(f"{type(value).__name__} has no JSON form in a stored analysis")


@cache
def _hints(cls: type) -> dict[str, object]:
    return typing.get_type_hints(cls)


def _load(hint, data):
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if data is None:
            return None
        if len(options) != 1:
            raise TypeError(f"cannot read {hint} back: only X | None unions are stored")
        return _load(options[0], data)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_load(args[0], item) for item in data)
        return tuple(_load(arg, item) for arg, item in zip(args, data, strict=True))
    if origin is dict or hint is dict:
        return dict(data)
    if dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        return hint(
            **{f.name: _load(hints[f.name], data[f.name]) for f in dataclasses.fields(hint) if f.init}
        )
    if hint is datetime:
        return datetime.fromisoformat(data)
    if hint in (str, int, float, bool):
        return data
    raise TypeError(f"cannot read {hint} back from a stored analysis")
