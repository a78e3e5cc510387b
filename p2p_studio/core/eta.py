"""Progress text and ETA shared by the command line and the desktop app (no torch, no Qt)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol


class ProgressLike(Protocol):
    @property
    def phase(self) -> str: ...

    @property
    def step(self) -> int: ...

    @property
    def total(self) -> int: ...

    @property
    def inner(self) -> int: ...

    @property
    def inner_total(self) -> int: ...

    @property
    def fraction(self) -> float: ...


def clock(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss`` past an hour)."""
    seconds = max(int(seconds + 0.5), 0)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def remaining(elapsed: float, fraction: float) -> float:
    """Seconds left when *fraction* of the work took *elapsed* seconds (0 before any progress)."""
    return elapsed / fraction - elapsed if fraction > 0 else 0.0


@dataclass(frozen=True)
class Estimate:
    text: str
    fraction: float
    eta_seconds: float
    new_phase: bool


class EtaTracker:
    """Turns a stream of progress events into text, a fraction and an ETA, phase by phase."""

    def __init__(self, now: Callable[[], float] | None = None) -> None:
        self._now = now or time.monotonic
        self.phase = ""
        self.started = 0.0

    def update(self, progress: ProgressLike) -> Estimate:
        new_phase = progress.phase != self.phase
        if new_phase:
            self.phase, self.started = progress.phase, self._now()
        frac = progress.fraction
        elapsed = self._now() - self.started
        eta = remaining(elapsed, frac)
        text = f"{progress.phase} {progress.step}/{progress.total}"
        if progress.inner_total:
            text += f" (iter {progress.inner}/{progress.inner_total})"
        return Estimate(text, frac, eta, new_phase)

    def reset(self) -> None:
        self.phase = ""
