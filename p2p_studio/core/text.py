"""Lines for the user as an English template with named fields (``"{name}: file not found"``).

``str()`` gives the English line (the CLI, logs, tests); the app translates the template and fills
in the same fields, so the core and engine stay Qt-free and every line they write can be shown in
the user's language. A field may itself be a :class:`Message` (translated in turn).
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Union

Field = Union[str, int, float, "Message"]
#: What a message read back from a file may hold (it is rendered, so it must stay small and plain).
MAX_TEMPLATE_CHARS = 2_000
MAX_FIELDS = 32
MAX_DEPTH = 4
MAX_PARTS = 256
#: Format specs a stored template may use: grouping, precision, a number type; never a width, so
#: the line stays as long as its parts.
_STORED_SPEC = re.compile(r",?(\.\d{1,2})?[dfg%]?")


def _same(template: str) -> str:
    return template


@dataclass(frozen=True)
class Message:
    """An English *template* in ``str.format`` syntax and the values of its fields."""

    template: str
    fields: tuple[tuple[str, Field], ...] = ()

    @classmethod
    def of(cls, template: str, /, **fields: object) -> Message:
        """The message *template* with *fields*: numbers and messages kept (format specs such as
        ``{size:,}`` need the number), anything else as its text."""
        return cls(template, tuple((name, _field(value)) for name, value in fields.items()))

    def render(self, translate: Callable[[str], str] = _same) -> str:
        """The line with *translate* applied to this template and every message among the fields;
        where a translated template does not fit the fields, the English one is used."""
        if not self.fields:
            return translate(self.template)
        values = {name: value.render(translate) if isinstance(value, Message) else value
                  for name, value in self.fields}
        try:
            return translate(self.template).format(**values)
        except (KeyError, IndexError, ValueError):
            return self.template.format(**values)

    def __str__(self) -> str:
        return self.render()

    def to_data(self) -> dict[str, Any]:
        """The message as JSON data (:meth:`from_data` reads it back)."""
        return {"template": self.template,
                "fields": [[name, value.to_data() if isinstance(value, Message) else value]
                           for name, value in self.fields]}

    @classmethod
    def from_data(cls, data: Any) -> Message:
        """A message written by :meth:`to_data`, read from an untrusted file: plain fields (text,
        finite numbers, messages nested at most :data:`MAX_DEPTH` deep, :data:`MAX_PARTS` in all),
        templates that name only their own fields with plain format specs, and a line that
        renders; ``ValueError`` else."""
        message = _stored_message(data, 0, [MAX_PARTS])
        try:
            message.render()
        except (ValueError, TypeError, KeyError, IndexError, OverflowError):
            raise ValueError("a stored message that does not render") from None
        return message


def marked(template: str) -> str:
    """*template* itself, marked for the catalogue (a template chosen from a table rather than
    written in a ``Message.of`` call)."""
    return template


def joined(parts: Iterable[Message | str], separator: str = "; ") -> Message:
    """Several messages as one (each translated on its own), *separator* between them (a field of
    its own, translated too: one of :data:`SEPARATORS`)."""
    items = list(parts)
    template = "{s}".join(f"{{p{i}}}" for i in range(len(items)))
    fields = tuple((f"p{i}", item) for i, item in enumerate(items))
    return Message(template, (("s", Message(separator)), *fields) if len(items) > 1 else fields)


#: The separators :func:`joined` puts between parts, marked for the catalogue.
SEPARATORS = (marked("; "), marked(", "), marked("+"))


def _stored_message(data: Any, depth: int, budget: list[int]) -> Message:
    """:meth:`Message.from_data` without the trial render; *budget* counts the parts left."""
    budget[0] -= 1
    if not isinstance(data, dict) or set(data) != {"template", "fields"} or depth > MAX_DEPTH or budget[0] < 0:
        raise ValueError("not a stored message")
    template, items = data["template"], data["fields"]
    if not isinstance(template, str) or len(template) > MAX_TEMPLATE_CHARS or not isinstance(items, list) \
            or len(items) > MAX_FIELDS:
        raise ValueError("not a stored message")
    fields = tuple(_stored_field(item, depth, budget) for item in items)
    if fields:
        _check_stored_template(template, {name for name, _ in fields})
    return Message(template, fields)


def _stored_field(item: Any, depth: int, budget: list[int]) -> tuple[str, Field]:
    if not isinstance(item, list) or len(item) != 2 or not isinstance(item[0], str) or not item[0].isidentifier():
        raise ValueError("not a stored message field")
    name, value = item
    if isinstance(value, dict):
        return name, _stored_message(value, depth + 1, budget)
    if isinstance(value, str) and len(value) <= MAX_TEMPLATE_CHARS:
        return name, value
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**63:
        return name, value
    if isinstance(value, float) and math.isfinite(value):
        return name, value
    raise ValueError("not a stored message field")


def _check_stored_template(template: str, names: set[str]) -> None:
    """``ValueError`` unless every replacement field of *template* is one of *names*, plainly."""
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is None:
            continue
        if name not in names or conversion not in (None, "r", "s") or not _STORED_SPEC.fullmatch(spec or ""):
            raise ValueError("a stored message with a field it does not hold")


def _field(value: object) -> Field:
    return value if isinstance(value, Message | str | int | float) else str(value)
