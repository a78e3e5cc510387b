"""Step windows: which edits replace cross-attention, inject self-attention and blend at a step."""

from __future__ import annotations

import torch

from p2p_studio.engine.plan import EditPlan


class StepWindows:
    """The current denoising step and, per edit, the windows its plan opens at that step."""

    def __init__(self, plans: list[EditPlan]) -> None:
        self.plans = plans
        self.step = 0
        self._cross = torch.stack([p.cross_steps for p in plans]) if plans else None  # (E, steps + 1, L)
        #: Self-attention is injected while any edit's window is open; each edit has its own.
        self.self_steps = max((p.self_steps for p in plans), default=0)
        #: ``(E, L)`` bool: the target tokens that take the source's map now; ``None`` when none do.
        self.cross_now: torch.Tensor | None = None
        #: ``(E,)`` bool: the edits that take the source's self-attention now.
        self.self_now = torch.zeros(len(plans), dtype=torch.bool)
        #: Whether some edit, and whether every edit, takes the source's self-attention now (read
        #: by every attention layer, so plain flags set once per step).
        self.self_open = False
        self.self_open_for_all = False

    def begin(self, step: int) -> None:
        self.step = step
        now = None
        if self._cross is not None and step < self._cross.shape[1]:
            now = self._cross[:, step, :]
        self.cross_now = now if now is not None and bool(now.any()) else None
        open_now = [step < p.self_steps for p in self.plans]
        self.self_now = torch.tensor(open_now, dtype=torch.bool)
        self.self_open = any(open_now)
        self.self_open_for_all = bool(open_now) and all(open_now)

    def blend_open(self, edit: int) -> bool:
        """Whether edit *edit* (0-based) has reached the step its local blend starts at."""
        return self.plans[edit].blend_start <= self.step
