"""The library's errors: one base class, and the cancellation a progress callback can ask for."""

from __future__ import annotations


class InversionError(Exception):
    """Base class of what the library raises for bad input; ``str(error)`` is one line, made of
    :attr:`template` (``str.format`` syntax) and :attr:`fields`, kept apart for an application
    that shows the line in another language."""

    def __init__(self, template: str, /, **fields: object) -> None:
        super().__init__(template.format(**fields) if fields else template)
        self.template = template
        self.fields = fields


class StepsError(InversionError, ValueError):
    """A step count the scheduler cannot run (below 1, or above its training steps)."""


class SchedulerError(InversionError):
    """A scheduler config the library cannot use (invalid, or a setting it cannot invert)."""


class Cancelled(Exception):
    """Raised inside a loop when the :class:`~inversion.progress.Reporter`'s stop callback asks."""

    def __init__(self, phase: str = "") -> None:
        super().__init__(f"{phase or 'run'} cancelled")
        self.phase = phase
