"""Local blend: outside each edit's mask, its latents are pinned to the source branch's."""

from __future__ import annotations

import torch

from p2p_studio.engine.masks import WordMasks
from p2p_studio.engine.plan import EditPlan
from p2p_studio.engine.windows import StepWindows


class LocalBlend:
    """Blends every edit that has blend words or a hand-painted mask, from its blend step on."""

    def __init__(self, plans: list[EditPlan], words: WordMasks, user_masks: list[torch.Tensor | None]) -> None:
        """*user_masks*: per edit, a hand-made ``(h, w)`` bool mask at latent size that replaces
        the attention-derived mask (``None`` entries keep the derived one)."""
        if len(user_masks) != len(plans):
            raise ValueError(f"{len(user_masks)} user masks for {len(plans)} edits")
        self.plans = plans
        self.words = words
        self.user_masks = user_masks
        #: ``(E, h, w)``: the masks the last blend used.
        self.last: torch.Tensor | None = None
        self._blended: set[int] = set()

    def applies(self, edit: int) -> bool:
        """Whether edit *edit* (0-based) is blended at all: a user mask, or blend words."""
        return self.user_masks[edit] is not None or self.plans[edit].local_blend

    def derives(self, edit: int) -> bool:
        """Whether edit *edit*'s mask comes from attention (blend words and no user mask)."""
        return self.user_masks[edit] is None and self.plans[edit].local_blend

    def blended(self, edit: int) -> bool:
        """Whether edit *edit* was blended by the steps run so far."""
        return edit in self._blended

    def in_force(self) -> torch.Tensor | None:
        """``(E, h, w)`` masks now: user masks where given, else the attention's."""
        derived = self.words.latent() if any(m is None for m in self.user_masks) else None
        if derived is None and any(m is None for m in self.user_masks):
            return None
        h, w = self.words.recorder.grid.latent_hw
        rows = []
        for e, user in enumerate(self.user_masks):
            if user is not None:
                rows.append(user.to(torch.bool).reshape(h, w))
            elif derived is not None:
                rows.append(derived[e])
        return torch.stack(rows)

    def blend(self, latents: torch.Tensor, windows: StepWindows) -> torch.Tensor:
        """After a scheduler step: outside the mask, the edited latents := the source's."""
        now = [e for e in range(len(self.plans)) if self.applies(e) and windows.blend_open(e)]
        if not now:
            return latents
        masks = self.in_force()
        if masks is None:
            return latents
        self.last = masks
        out = latents.clone()
        for e in now:
            out[e + 1] = torch.where(masks[e].to(latents.device)[None], latents[e + 1], latents[0])
        self._blended.update(now)
        return out
