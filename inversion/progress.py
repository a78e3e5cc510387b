"""Progress reporting and cooperative cancellation shared by every long-running loop."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from inversion.errors import Cancelled


@dataclass(frozen=True)
class Progress:
    """One progress event: ``step`` of ``total`` in ``phase`` (and an inner iteration, if any)."""

    phase: str
    step: int
    total: int
    inner: int = 0
    inner_total: int = 0

    @property
    def fraction(self) -> float:
        """Completed fraction of the phase, counting inner iterations as part of a step."""
        if self.total <= 0:
            return 1.0
        done = self.step - 1 + (self.inner / self.inner_total if self.inner_total else 1.0)
        return min(max(done / self.total, 0.0), 1.0)


ProgressFn = Callable[[Progress], None]
StopFn = Callable[[], bool]
#: Receives a preview image (PIL) of the result as it forms, with the progress it belongs to.
PreviewFn = Callable[[Progress, Any], None]


@dataclass
class Reporter:
    """Bundles the progress and preview callbacks and the stop flag a loop is given."""

    on_progress: ProgressFn | None = None
    should_stop: StopFn | None = None
    on_preview: PreviewFn | None = None

    def report(self, progress: Progress) -> None:
        if self.on_progress is not None:
            self.on_progress(progress)

    def preview(self, progress: Progress, image: Any) -> None:
        if self.on_preview is not None:
            self.on_preview(progress, image)

    def check(self, phase: str) -> None:
        """Raise :class:`Cancelled` if a stop was requested."""
        if self.should_stop is not None and self.should_stop():
            raise Cancelled(phase)
