"""One validator for everything read from a file, the command line or a widget (pydantic v2).

The settings are frozen dataclasses whose numeric fields carry a :class:`Spec` (bounds, help,
option, label): the command line and the widgets read it, and the validator here is *built from
it*, so the bounds are written once. The validator is strict where JSON and widgets are
ambiguous: a whole-number field takes integers only (never ``3.0`` or ``true``), a real field takes
numbers that fit a float (never NaN, infinity or a 400-digit integer), a flag takes ``true`` or
``false`` only, words are strings, and an unknown key is refused (a typo is an error, not a
silent default). A failure is one line, with the field's name and bounds.

Why pydantic rather than msgspec: its validation errors carry the failing location, input and
constraint in a structured form that turns into our one-line messages without parsing text, it
validates nested dataclasses and mappings from plain JSON data, and it is the most widely used
and maintained of the two.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import math
import re
import typing
from collections.abc import Hashable, Iterator, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar, cast

import annotated_types
from pydantic import BaseModel, ConfigDict, Field, Strict, TypeAdapter, ValidationError, create_model

from p2p_studio.core.errors import InputError
from p2p_studio.core.text import Message, joined, marked

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)
STRICT_TEXT = Annotated[str, Strict()]
#: Refuse keys a settings file does not know, and NaN or infinity anywhere.
CONFIG = ConfigDict(extra="forbid", allow_inf_nan=False)


@dataclass(frozen=True)
class Spec:
    """Bounds and help of one numeric setting (``lo``/``hi`` inclusive unless marked open)."""

    help: str
    lo: float | None = None
    hi: float | None = None
    lo_open: bool = False
    hi_open: bool = False
    flag: str | None = None  # command-line option; None: not offered on the command line
    label: str = ""

    def display(self, name: str) -> Message | str:
        """How field *name* is called in messages: its label (translated in the app) and option
        where it has them."""
        return Message.of("{label} ({flag})", label=Message(self.label or name), flag=self.flag) \
            if self.flag is not None else name

    def check(self, name: Message | str, value: float) -> None:
        """Raise :class:`InputError` naming *name* unless *value* is finite and within the bounds
        (integers of any size are compared exactly, never converted to a float that overflows)."""
        if isinstance(value, float) and not math.isfinite(value):
            raise InputError("{name} must be a finite number, not {value}", name=name, value=value)
        low_ok = self.lo is None or (value > self.lo if self.lo_open else value >= self.lo)
        high_ok = self.hi is None or (value < self.hi if self.hi_open else value <= self.hi)
        if not (low_ok and high_ok):
            raise InputError("{name} must be in {range_text}, not {shown}",
                             name=name, range_text=self.range_text(), shown=shown(value))

    def range_text(self) -> str:
        left = "(" if self.lo_open else "["
        right = ")" if self.hi_open else "]"
        lo = "-inf" if self.lo is None else f"{self.lo:g}"
        hi = "inf" if self.hi is None else f"{self.hi:g}"
        return f"{left}{lo}, {hi}{right}"

    def bounds(self) -> Iterator[annotated_types.BaseMetadata]:
        """The bounds as the constraints the validator applies."""
        if self.lo is not None:
            yield annotated_types.Gt(self.lo) if self.lo_open else annotated_types.Ge(self.lo)
        if self.hi is not None:
            yield annotated_types.Lt(self.hi) if self.hi_open else annotated_types.Le(self.hi)


def spec_field(*args: Any, **kw: Any) -> dict[str, Spec]:
    """Dataclass field metadata holding the field's :class:`Spec`."""
    return {"spec": Spec(*args, **kw)}


def spec_of(cls: type, name: str) -> Spec:
    """The :class:`Spec` of field *name* of a settings dataclass."""
    spec = {f.name: f for f in dataclasses.fields(cls)}[name].metadata.get("spec")
    if not isinstance(spec, Spec):
        raise KeyError(f"{cls.__name__}.{name} has no spec")
    return spec


def whole_number(cls: type, name: str) -> bool:
    """Whether field *name* of settings dataclass *cls* holds a whole number (read from its type)."""
    return typing.get_type_hints(cls)[name] is int


def shown(value: Any) -> str:
    """*value* for a message: short, and never an exception (a 5,000-digit integer cannot even be
    turned into text by default)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return f"an integer of about {int(value.bit_length() * 0.30103) + 1:,} digits"
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}..."


def read_into(cls: type[T], data: Any, what: str = "settings") -> T:
    """An instance of settings dataclass *cls* from untrusted plain data (missing keys take their
    defaults); :class:`InputError` with one line otherwise."""
    if not isinstance(data, Mapping):
        raise InputError("{what} must be a JSON object", what=what)
    try:
        model = _validator(cast(Hashable, cls)).validate_python(dict(data))
    except ValidationError as exc:
        raise InputError(one_line(exc, cls)) from None
    return _instance(cls, model)


def read_model(model: type[M], data: Any, what: str) -> M:
    """*data* validated as pydantic *model* (a file's layout); :class:`InputError` with one line."""
    if not isinstance(data, Mapping):
        raise InputError("{what} is not a JSON object", what=what)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InputError(one_line(exc, None)) from None


def read_number(name: str, value: Any, integer: bool) -> int | float:
    """One number as its field reads it (see the module's rules); :class:`InputError` otherwise."""
    try:
        number: int | float = (_WHOLE if integer else _REAL).validate_python(value)
    except ValidationError as exc:
        raise InputError(one_line(exc, None, name)) from None
    return number


_WHOLE: TypeAdapter[int] = TypeAdapter(Annotated[int, Strict()])
_REAL: TypeAdapter[float] = TypeAdapter(Annotated[float, Strict()])


@functools.cache
def _validator(cls: Hashable) -> TypeAdapter[Any]:
    return TypeAdapter(_model(cls))


@functools.cache
def _model(cls: Any) -> Any:
    """A pydantic model built from the fields of settings dataclass *cls* and their :class:`Spec`."""
    hints = typing.get_type_hints(cls)
    fields: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        kind = _kind(hints[f.name], f.metadata.get("spec"))
        factory: Any = f.default_factory
        default = Field(default_factory=factory) if f.default is dataclasses.MISSING else f.default
        fields[f.name] = (kind, default)
    return create_model(f"{cls.__name__}Data", __config__=CONFIG, **fields)


def _kind(hint: Any, spec: Spec | None) -> Any:
    """The validator's type for a field of type *hint*."""
    bounds = tuple(spec.bounds()) if spec is not None else ()
    args = typing.get_args(hint)
    if hint in (int, float):
        return Annotated[(hint, Strict(), *bounds)]
    if hint is bool:
        return Annotated[bool, Strict()]
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _model(hint)
    if type(None) in args:  # X | None
        (inner,) = [a for a in args if a is not type(None)]
        return _kind(inner, spec) | None
    if typing.get_origin(hint) is tuple and args == (str, ...):
        return tuple[STRICT_TEXT, ...]
    if typing.get_origin(hint) in (Mapping, dict) and args == (str, float):
        return dict[STRICT_TEXT, Annotated[(float, Strict(), *bounds)]]
    raise TypeError(f"no validator for fields of type {hint!r}")


def _instance(cls: type[T], model: Any) -> T:
    """Settings dataclass *cls* from its validated model (nested settings converted too)."""
    hints = typing.get_type_hints(cls)
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        value = getattr(model, f.name)
        kind = hints[f.name]
        if isinstance(kind, type) and dataclasses.is_dataclass(kind):
            value = _instance(kind, value)
        values[f.name] = value
    return cls(**values)


def one_line(exc: ValidationError, cls: type | None, name: str | None = None) -> Message:
    """The first problem of *exc* in one line, naming the field (by its label where it has one)."""
    error = exc.errors(include_url=False)[0]
    loc = [part for part in error["loc"] if isinstance(part, str)]  # field names, not list indices
    field_name = name or (loc[-1] if loc else "value")
    spec = _spec(cls, loc)
    what: Message | str = spec.display(field_name) if spec is not None else field_name
    if cls is not None and len(loc) == 2 and _is_word_map(cls, loc[0]):
        what = Message.of("the {label} of {word!r}", label=Message(spec.label if spec is not None and spec.label
                                                                   else loc[0]), word=loc[1])
    value, kind = error.get("input"), error["type"]
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        return (Message.of("unknown setting {name!r}", name=field_name) if cls is not None
                else Message.of("unknown key {name!r}", name=field_name))
    if kind in _RANGE_ERRORS and spec is not None:
        return Message.of("{name} must be in {range_text}, not {shown}", name=what, range_text=spec.range_text(),
                          shown=shown(value))
    if kind == "float_type" and isinstance(value, int) and not isinstance(value, bool):
        return Message.of("{what} is out of range ({value})", what=what, value=shown(value))
    if kind == "string_type" and any(isinstance(p, int) for p in error["loc"]):
        kind = "list_type"  # a word of a list that is not text
    if kind in ("enum", "literal_error"):
        expected = re.findall(r"'([^']*)'", str(error.get("ctx", {}).get("expected", "")))  # "'a', 'b' or 'c'"
        return Message.of("{what} must be one of {expected}, not {value}", what=what, expected=joined(expected, ", "),
                          value=shown(value))
    if kind == "string_too_long" and isinstance(value, str):
        return Message.of("{what} is {count:,} characters long", what=what, count=len(value))
    if kind == "string_pattern_mismatch":
        return Message.of("{what} is not valid ({value})", what=what, value=shown(value))
    template = _PROBLEMS.get(kind)
    if template is not None:
        return Message.of(template, what=what, value=shown(value))
    return Message.of("{what}: {reason}", what=what, reason=error["msg"].lower())


_RANGE_ERRORS = frozenset({"greater_than", "greater_than_equal", "less_than", "less_than_equal"})
#: The lines of pydantic's other error types (``{what}``: the field, ``{value}``: what it was).
_PROBLEMS = {
    "finite_number": marked("{what} must be a finite number, not {value}"),
    "int_type": marked("{what} must be a whole number, not {value}"),
    "float_type": marked("{what} must be a number, not {value}"),
    "int_parsing": marked("{what} must be a number, not {value}"),
    "float_parsing": marked("{what} must be a number, not {value}"),
    "bool_type": marked("{what} must be true or false, not {value}"),
    "tuple_type": marked("{what} must be a list of words"),
    "list_type": marked("{what} must be a list of words"),
    "string_type": marked("{what} must be text"),
    "string_too_long": marked("{what} is too long"),
    "dict_type": marked("{what} must be a JSON object"),
    "model_type": marked("{what} must be a JSON object"),
    "dataclass_type": marked("{what} must be a JSON object"),
}


def _is_word_map(cls: type, name: str) -> bool:
    return typing.get_origin(typing.get_type_hints(cls).get(name)) in (Mapping, dict)


def _spec(cls: type | None, loc: list[str]) -> Spec | None:
    """The :class:`Spec` of the field at *loc* (nested settings and per-word maps included)."""
    if cls is None or not loc:
        return None
    fields = {f.name: f for f in dataclasses.fields(cls)}
    f = fields.get(loc[0])
    if f is None:
        return None
    hint = typing.get_type_hints(cls)[loc[0]]
    if len(loc) > 1 and isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _spec(hint, loc[1:])
    spec = f.metadata.get("spec")
    return spec if isinstance(spec, Spec) else None
