"""Cheap previews of an edit while it runs: a linear latent -> RGB map fitted on the photo itself.

A VAE decode per preview would cost as much as several UNet steps on a CPU. Instead, the photo's
own latent and the photo downsampled to the latent grid give, by least squares, the affine map from
latent channels to RGB that fits this model and this photo best; applying it to the clean latent
the model predicts at a step shows the edit forming (at the latent's resolution) for almost nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from PIL import Image


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
