"""Models as plain data, without Pydantic's serializer.

Pydantic builds a model's serializer (its core schema) the first time the model
is dumped, which costs milliseconds per model on every run of a short-lived
command. The models here are plain records (fields of strings, numbers, dates,
literals, lists, dicts and other models), so walking their fields gives the same
JSON as ``model_dump(mode="json")``, in the same order; a test holds the two equal
for every command's answer.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel

_SCALARS = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    """``value`` as JSON-ready data: models become dicts of their fields in
    declaration order, dates ISO strings, enums their values, tuples lists."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is list or kind is tuple:
        return [item if type(item) in _SCALARS else plain(item) for item in value]
    if isinstance(value, BaseModel):
        data = {}
        for name in kind.__pydantic_fields__:
            field = getattr(value, name)
            data[name] = field if type(field) in _SCALARS else plain(field)
        return data
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, enum.Enum):
        return plain(value.value)
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def fields_of(model: BaseModel, names: set[str] | None = None) -> dict[str, Any]:
    """The model's field values (not copies), all or only ``names``."""
    return {
        name: getattr(model, name)
        for name in type(model).__pydantic_fields__
        if names is None or name in names
    }


M = TypeVar("M", bound=BaseModel)


def build(model: type[M], values: dict[str, Any]) -> M:
    """An instance of ``model`` holding ``values`` (every field, in order) as they
    are: for data validated before, such as a knowledge-base snapshot."""
    instance = model.__new__(model)
    _store(instance, values, set(values))
    return instance


def _store(instance: object, values: dict[str, Any], given: set[str]) -> None:
    object.__setattr__(instance, "__dict__", values)
    object.__setattr__(instance, "__pydantic_fields_set__", given)
    object.__setattr__(instance, "__pydantic_extra__", None)
    object.__setattr__(instance, "__pydantic_private__", None)


Shape = tuple[dict[str, None], frozenset[str], dict[str, Callable[[], Any]]]
_SHAPES: dict[type, Shape] = {}


def _shape(model: type) -> Shape:
    """A model's field names (in order), required fields and default makers, worked
    out once per model."""
    if model not in _SHAPES:
        fields: dict[str, Any] = model.__pydantic_fields__  # type: ignore[attr-defined]
        defaults: dict[str, Callable[[], Any]] = {
            name: functools.partial(info.get_default, call_default_factory=True, validated_data={})
            for name, info in fields.items()
            if not info.is_required()
        }
        required = frozenset(name for name, info in fields.items() if info.is_required())
        names: dict[str, None] = dict.fromkeys(fields)
        _SHAPES[model] = (names, required, defaults)
    return _SHAPES[model]


def _refuse(model: str, names: dict[str, None], required: frozenset[str], data: dict[str, Any]) -> None:
    unknown = sorted(data.keys() - names.keys())
    if unknown:
        raise TypeError(f"{model} has no field {', '.join(unknown)}")
    raise TypeError(f"{model} needs {', '.join(sorted(required - data.keys()))}")


class Trusted:
    """A mixin for models our own code builds from entries already validated,
    with types mypy has checked: the constructor stores the values without
    validating them again (and so without building a validator)."""

    def __init__(self, **data: Any) -> None:
        names, required, defaults = _shape(type(self))
        if not required <= data.keys() or not data.keys() <= names.keys():
            _refuse(type(self).__name__, names, required, data)
        values = {name: data[name] if name in data else defaults[name]() for name in names}
        _store(self, values, set(data))

    # Pydantic calls a model's own __init__ when it validates data into the model
    # (``model_validate``) unless the __init__ is marked as its base one, as
    # Pydantic marks its own. Marked, validation stays full validation; only
    # direct construction skips it.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]
