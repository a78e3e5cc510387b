"""Lines for the user as an English template with named fields (``"{name}: file not found"``).

``str()`` gives the English line (the CLI, logs, tests); the app translates the template and fills
in the same fields, so the core and engine stay Qt-free and every line they write can be shown in
the user's language. A field may itself be a :class:`Message` (translated in turn).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Union

Field = Union[str, int, float, "Message"]


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


def joined(parts: Iterable[Message | str], separator: str = "; ") -> Message:
    """Several messages as one (each translated on its own), *separator* between them."""
    items = list(parts)
    template = separator.join(f"{{p{i}}}" for i in range(len(items)))
    return Message(template, tuple((f"p{i}", item) for i, item in enumerate(items)))


def _field(value: object) -> Field:
    return value if isinstance(value, Message | str | int | float) else str(value)
