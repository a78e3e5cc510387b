"""Injection: the source's attention written into the edited prompts' conditional probabilities."""

from __future__ import annotations

import torch

from p2p_studio.engine.plan import EditPlan


class AttentionInjector:
    """Word swap, refinement and re-weighting of cross-attention, and the copy of self-attention.

    Both work in place on the conditional half ``(P, heads, Q, K)`` of a layer, source first."""

    def __init__(self, plans: list[EditPlan]) -> None:
        self.edits = len(plans)
        if plans:
            self.matrix = torch.stack([p.token_map.matrix for p in plans])  # (E, L_source, L_target)
            self.keep_own = torch.stack([p.token_map.keep_own for p in plans])  # (E, L)
            self.weights = torch.stack([p.weights for p in plans])  # (E, L)

    def replace_cross(self, cond: torch.Tensor, now: torch.Tensor) -> None:
        """Edited prompt *e*'s map of target token *j* := the source's maps mapped through the
        token map (its own where the plan keeps it), times its weight, where ``now[e, j]``."""
        src, own = cond[0], cond[1:]
        dev = cond.device
        mapped = torch.einsum("hqs,est->ehqt", src, self.matrix.to(dev, src.dtype))
        mapped = torch.where(self.keep_own.to(dev)[:, None, None, :], own, mapped)
        mapped.mul_(self.weights.to(dev, src.dtype)[:, None, None, :])
        cond[1:] = torch.where(now.to(dev)[:, None, None, :], mapped, own)

    @staticmethod
    def copy_self(cond: torch.Tensor, now: torch.Tensor) -> None:
        """The edits marked in *now* ``(E,)`` take the source's self-attention."""
        cond[1:][now.to(cond.device)] = cond[0]
