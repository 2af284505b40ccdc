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
from typing import Any, TypeVar

from pydantic import BaseModel


def plain(value: Any) -> Any:
    """``value`` as JSON-ready data: models become dicts of their fields in
    declaration order, dates ISO strings, enums their values, tuples lists."""
    if isinstance(value, BaseModel):
        return {name: plain(getattr(value, name)) for name in type(value).__pydantic_fields__}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, enum.Enum):
        return plain(value.value)
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


class Trusted:
    """A mixin for models our own code builds from entries already validated,
    with types mypy has checked: the constructor stores the values without
    validating them again (and so without building a validator)."""

    def __init__(self, **data: Any) -> None:
        fields = type(self).__pydantic_fields__  # type: ignore[attr-defined]
        unknown = set(data) - set(fields)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {', '.join(sorted(unknown))}")
        values: dict[str, Any] = {}
        for name, info in fields.items():
            if name in data:
                values[name] = data[name]
            elif info.is_required():
                raise TypeError(f"{type(self).__name__} needs {name}")
            else:
                values[name] = info.get_default(call_default_factory=True, validated_data=values)
        _store(self, values, set(data))

    # Pydantic calls a model's own __init__ when it validates data into the model
    # (``model_validate``) unless the __init__ is marked as its base one, as
    # Pydantic marks its own. Marked, validation stays full validation; only
    # direct construction skips it.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]
