"""Mask derivation: each edit's word masks cut from the recorded attention maps."""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F

from p2p_studio.core.settings import EditSettings, MaskKind
from p2p_studio.engine.captions import Word
from p2p_studio.engine.images import grown_alike, guided_filter, rim_of
from p2p_studio.engine.plan import EditPlan
from p2p_studio.engine.recorder import MapRecorder

#: Propagation steps through self-attention for refined masks (see :meth:`WordMasks.refine`).
REFINE_PASSES = 2
#: The guided filter's window radius in latent cells and its regularisation (intensities in
#: [0, 1]; lower follows weaker edges). Chosen on the demo evaluation (docs/conventions.md).
GUIDE_CELLS = 3
GUIDE_EPS = 1e-3
#: After the guided cut an outline spreads up to this many latent cells into pixels of the colour
#: of the object it covers, within this RMS tolerance (a shape's tips and corners, which get little
#: attention; see docs/conventions.md).
GROW_CELLS = 2.0
GROW_TOLERANCE = 0.05
#: Then it takes the object's rim: the pixels next to it more than this (RMS) from the background
#: around them, such as an anti-aliased edge (docs/conventions.md).
RIM_TOLERANCE = 0.1


@dataclass(frozen=True)
class Guides:
    """The images a photo-size mask's edges follow: the old object's in the photo, each new
    object's in its edit (``(3, h, w)`` in [0, 1] each, see :func:`~p2p_studio.engine.images.guide_of`)."""

    photo: torch.Tensor
    edits: tuple[torch.Tensor, ...]


def _token_weights(words: tuple[Word, ...], length: int) -> torch.Tensor:
    weights = torch.zeros(length)
    for w in words:
        weights[w.start : w.end] = 1.0
    return weights


class WordMasks:
    """Per edit: the union of the source and edited blend words' masks, minus the subtract words'.

    The reference mask is the blend-level map, max-pooled, cut at a fraction of its range; a
    refined mask first propagates that map through the prompt's recorded self-attention."""

    def __init__(self, plans: list[EditPlan], settings: EditSettings, recorder: MapRecorder) -> None:
        self.plans = plans
        self.settings = settings
        self.recorder = recorder

    @property
    def refined(self) -> bool:
        """Whether masks are refined: asked for, and self-attention maps were recorded (a UNet
        without attention at the refine level leaves the reference mask)."""
        return self.settings.mask is MaskKind.REFINED and self.recorder.self_sum is not None

    def latent(self) -> torch.Tensor | None:
        """``(E, h, w)`` masks at the latent's size for the latent blend: cut at ``threshold``, so
        they leave the edit room to form."""
        return self.cut(self.recorder.grid.latent_hw, self.settings.threshold)

    def outline(self, size: tuple[int, int], guides: Guides | None = None) -> torch.Tensor | None:
        """``(E, h, w)`` masks at *size* for the photo-size composite. A refined mask is cut at
        ``outline_threshold`` of the same maps: the objects' outline rather than the blend's margin.
        With *guides* each word map's edges move onto those of the image its object is in."""
        threshold = self.settings.outline_threshold if self.refined else self.settings.threshold
        return self.cut(size, threshold, guides)

    def cut(self, size: tuple[int, int], threshold: float, guides: Guides | None = None) -> torch.Tensor | None:
        maps = self.recorder.cross_maps()
        if maps is None or not self.plans:
            return None
        masks = []
        for e, plan in enumerate(self.plans, start=1):
            photo, edited = (guides.photo, guides.edits[e - 1]) if guides is not None else (None, None)
            mask = self._cut(self._score(maps, 0, plan.blend_source, True), threshold, size, photo)
            mask |= self._cut(self._score(maps, e, plan.blend_target, True), threshold, size, edited, rim=False)
            if plan.subtract_source or plan.subtract_target:
                # each caption's map thresholded on its own (no pooling), then their union
                limit = self.settings.subtract_threshold
                sub = self._cut(self._score(maps, 0, plan.subtract_source, False), limit, size)
                sub |= self._cut(self._score(maps, e, plan.subtract_target, False), limit, size)
                mask &= ~sub
            masks.append(mask)
        return torch.stack(masks)

    def _score(self, maps: torch.Tensor, prompt: int, words: tuple[Word, ...], pool: bool) -> torch.Tensor:
        """The map a word mask is cut from: the words' summed cross-attention map (max-pooled where
        *pool*), or that map propagated through the prompt's self-attention."""
        weights = _token_weights(words, maps.shape[1]).to(maps.device)
        m = (maps[prompt] * weights[:, None, None]).sum(0)
        if self.refined:
            return self.refine(m, prompt)
        if pool:
            m = F.max_pool2d(m[None, None], 3, stride=1, padding=1)[0, 0]
        return m

    def refine(self, m: torch.Tensor, prompt: int) -> torch.Tensor:
        """``A @ m``: each position takes the word-map value of the positions it attends to, where
        ``A`` is the prompt's head- and step-averaged self-attention at the refine level. Attention
        stays within an object, so the product keeps the map's extent but takes the object's edges."""
        attention = self.recorder.self_attention(prompt)
        assert attention is not None
        h, w = self.recorder.grid.refine_hw
        m = F.interpolate(m[None, None], size=(h, w), mode="bilinear", align_corners=False).reshape(-1)
        m = (m - m.min()) / (m.max() - m.min()).clamp_min(1e-12)
        for _ in range(REFINE_PASSES):
            m = attention @ m
        return m.reshape(h, w)

    def _cut(self, m: torch.Tensor, threshold: float, size: tuple[int, int],
             guide: torch.Tensor | None = None, rim: bool = True) -> torch.Tensor:
        """A score map upsampled (bilinear, not the reference code's nearest: map cells would show
        as steps) to *size* and cut at *threshold* of its range; with a *guide*, first upsampled
        to the guide's size and filtered by it (edge-aware: a map cell that straddles an object's
        edge is split along the photo's edge), cut, spread through the rest of the object it covers
        (:func:`grown_alike`) and, with *rim*, over its rim (:func:`rim_of`), then upsampled to
        *size*. The photo's object takes its rim (its anti-aliased edge must not show beside the new
        object); the edit's does not (its rim is the model's blur, and the new edge is cut crisp)."""
        first = tuple(guide.shape[-2:]) if guide is not None else size
        m = F.interpolate(m[None, None], size=first, mode="bilinear", align_corners=False)[0, 0]
        floor = m.min() if self.settings.mask_from_floor else m.new_zeros(())
        span = m.max() - floor
        if span <= 0:
            return torch.zeros(size, dtype=torch.bool, device=m.device)
        m = (m - floor) / span
        if guide is not None:
            cell = max(1, round(first[1] / self.recorder.grid.latent_hw[1]))  # guide pixels per latent cell
            guide = guide.to(m.device)
            m = guided_filter(m, guide, GUIDE_CELLS * cell, GUIDE_EPS)
            cut = grown_alike(m > threshold, guide, round(GROW_CELLS * cell), GROW_TOLERANCE)
            if rim:
                cut |= rim_of(cut, guide, RIM_TOLERANCE)
            return F.interpolate(cut[None, None].float(), size=size, mode="bilinear", align_corners=False)[0, 0] > 0.5
        return m > threshold
