"""Recording attention maps: head-averaged and summed over steps, one tensor per kind of map."""

from __future__ import annotations

import torch

from p2p_studio.engine.grid import MapGrid


class MapRecorder:
    """Cross-attention at the blend level (masks and the word maps shown) and, for refined masks,
    self-attention at the refine level from the step the first mask is read at. Each is a running
    sum, so memory does not grow with steps."""

    def __init__(self, prompts: int, grid: MapGrid, records_self: bool, self_from: int = 0) -> None:
        self.prompts = prompts
        self.grid = grid
        #: Whether self-attention is recorded at all (refined masks derived from attention).
        self.records_self = records_self
        #: Self-attention is recorded from this step on: materialising it costs several times
        #: fused attention, and no mask is read before the local blend starts.
        self.self_from = self_from
        self.step = 0
        self.cross_sum: torch.Tensor | None = None  # (P, Q_blend, L)
        self.cross_count = 0
        self.self_sum: torch.Tensor | None = None  # (P, Q_refine, Q_refine)
        self.self_count = 0

    def begin(self, step: int) -> None:
        self.step = step

    def takes_cross(self, positions: int) -> bool:
        """Whether a cross-attention layer with *positions* queries is at the blend level."""
        return positions == self.grid.positions(self.grid.blend_factor)

    def takes_self(self, positions: int) -> bool:
        """Whether a self-attention layer with *positions* queries is recorded."""
        return (self.records_self and self.step >= self.self_from
                and positions == self.grid.positions(self.grid.refine_factor))

    def add_cross(self, probs: torch.Tensor) -> None:
        """Add conditional cross-attention probabilities ``(P, heads, Q, L)``."""
        mean = probs.detach().float().mean(1)
        self.cross_sum = mean.clone() if self.cross_sum is None else self.cross_sum.add_(mean)
        self.cross_count += 1

    def add_self(self, probs: torch.Tensor) -> None:
        """Add conditional self-attention probabilities ``(P, heads, Q, Q)``; one row (the source's,
        when every edit takes it) counts for every prompt."""
        mean = probs.detach().float().mean(1)
        if self.self_sum is None:
            self.self_sum = mean.expand(self.prompts, -1, -1).clone()
        else:
            self.self_sum.add_(mean)
        self.self_count += 1

    def cross_maps(self) -> torch.Tensor | None:
        """Average cross-attention maps so far, ``(P, L, h, w)`` at the blend level, on the CPU."""
        if self.cross_sum is None:
            return None
        h, w = self.grid.blend_hw
        avg = self.cross_sum / max(self.cross_count, 1)
        return avg.reshape(self.prompts, h, w, -1).permute(0, 3, 1, 2).cpu()

    def self_attention(self, prompt: int) -> torch.Tensor | None:
        """Prompt *prompt*'s head- and step-averaged self-attention ``(Q, Q)`` at the refine level."""
        if self.self_sum is None:
            return None
        return self.self_sum[prompt] / max(self.self_count, 1)
