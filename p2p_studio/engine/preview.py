"""Previews of an edit while it runs: the model's own VAE where it is cheap enough, else a linear
latent -> RGB map fitted on the photo itself.

The linear map (least squares from the photo's latent to the photo downsampled to the latent grid)
costs nothing but is weak: on the demo model it shows a mosaic of latent cells and no hint of an
edited colour. The VAE decode shows the edit as it will be; :class:`Previews` measures one decode
against the run's own steps and keeps as many VAE previews (up to about ten) as fit in
:data:`PREVIEW_BUDGET` of the run, falling back to the linear map where not even
:data:`MIN_VAE_PREVIEWS` fit. Latents larger than :data:`FULL_DECODE_SIDE` are decoded at half
their side (a quarter of the cost; the preview is a glimpse, shown scaled).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

#: About this many previews per run.
PREVIEWS_PER_RUN = 10
#: The share of a run's denoising time VAE previews may take (the target is 5 % of the whole edit;
#: the margin covers the first decode's timing noise and what the projection leaves out).
PREVIEW_BUDGET = 0.04
#: Fewer VAE previews than this are not worth it: the linear map, about ten times, instead.
MIN_VAE_PREVIEWS = 3
#: Latents with a longer side are decoded at half their side for a preview.
FULL_DECODE_SIDE = 32

Decoder = Callable[[torch.Tensor], Image.Image]


def _design(latent: torch.Tensor) -> torch.Tensor:
    """``(h*w, C+1)``: each position's channels and a constant 1."""
    c = latent.shape[0]
    flat = latent.detach().float().cpu().reshape(c, -1).T
    return torch.cat([flat, torch.ones(flat.shape[0], 1)], dim=1)


@dataclass(frozen=True)
class LatentPreview:
    """An affine latent -> RGB map, ``(C+1, 3)``."""

    weights: torch.Tensor

    @classmethod
    def fit(cls, latent: torch.Tensor, photo: Image.Image) -> LatentPreview:
        """Least-squares fit on *latent* ``(C, h, w)`` and the *photo* it encodes."""
        h, w = latent.shape[-2:]
        small = photo.convert("RGB").resize((w, h), Image.Resampling.BOX)
        rgb = torch.from_numpy(np.asarray(small, dtype=np.float32) / 255.0).reshape(-1, 3)
        return cls(torch.linalg.lstsq(_design(latent), rgb).solution)

    def image(self, latent: torch.Tensor) -> Image.Image:
        """*latent* ``(C, h, w)`` as an RGB image of ``w x h`` pixels."""
        h, w = latent.shape[-2:]
        rgb = (_design(latent) @ self.weights).clamp(0, 1).reshape(h, w, 3)
        return Image.fromarray((rgb.numpy() * 255 + 0.5).astype(np.uint8))


def preview_latent(latent: torch.Tensor) -> torch.Tensor:
    """*latent* ``(C, h, w)`` as decoded for a preview: halved (area average) past
    :data:`FULL_DECODE_SIDE`, else as it is."""
    if max(latent.shape[-2:]) <= FULL_DECODE_SIDE:
        return latent
    return F.avg_pool2d(latent[None].float(), 2)[0]


class Previews:
    """When a running edit shows a preview, and drawn how: see the module docstring."""

    def __init__(self, linear: LatentPreview, decode: Decoder | None = None,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        self.linear = linear
        self.decode = decode
        self.clock = clock
        self.steps = 0
        self.every = 1
        #: Whether the VAE draws the previews (decided at the first preview of a run).
        self.uses_vae: bool | None = None
        self._start = 0.0
        self._spent = 0.0

    def begin(self, steps: int) -> None:
        """A run of *steps* starts now."""
        self.steps, self.every = steps, max(1, steps // PREVIEWS_PER_RUN)
        self.uses_vae = None if self.decode is not None else False
        self._start, self._spent = self.clock(), 0.0

    def due(self, done: int) -> bool:
        """Whether a preview is shown after *done* of the run's steps: every :attr:`every` steps,
        counted back from the step before the last (so the last preview is nearly the result;
        after the last step the result itself is shown)."""
        return done < self.steps and (self.steps - 1 - done) % self.every == 0

    def image(self, latent: torch.Tensor, done: int) -> Image.Image:
        """The preview of the clean latent *latent* ``(C, h, w)`` predicted after *done* steps."""
        started = self.clock()
        try:
            if self.uses_vae is False:
                return self.linear.image(latent)
            assert self.decode is not None
            image = self.decode(preview_latent(latent))
            if self.uses_vae is None:
                self._choose(self.clock() - started, done, started)
            return image
        finally:
            self._spent += self.clock() - started

    def _choose(self, decode_seconds: float, done: int, started: float) -> None:
        """After the first decode: as many VAE previews as fit the budget of the run's projected
        time (its steps so far, previews left out), or the linear map from now on."""
        per_step = max(started - self._start - self._spent, 0.0) / max(done, 1)
        fits = PREVIEW_BUDGET * per_step * self.steps / max(decode_seconds, 1e-9)
        if fits < MIN_VAE_PREVIEWS:
            self.uses_vae = False
            return
        self.uses_vae = True
        more = min(fits, PREVIEWS_PER_RUN) - 1  # this decode was one of them
        if sum(self.due(d) for d in range(done + 1, self.steps)) > more:
            self.every = math.ceil((self.steps - done) / more)
