"""Calling the UNet with fp32 inputs/outputs and classifier-free guidance."""

from __future__ import annotations

import torch

from inversion.conditioning import Conditioning


class NoisePredictor:
    """Runs a diffusers UNet in its own dtype while the caller works in fp32.

    Keeping latents, guidance and step arithmetic in fp32 is what keeps half-precision runs
    from collapsing to black images.
    """

    def __init__(self, unet: torch.nn.Module) -> None:
        self.unet = unet
        self.evaluations = 0

    @property
    def dtype(self) -> torch.dtype:
        return next(self.unet.parameters()).dtype

    @property
    def device(self) -> torch.device:
        return next(self.unet.parameters()).device

    def __call__(self, latents: torch.Tensor, timestep: int, cond: Conditioning) -> torch.Tensor:
        """Model output for a batch; a one-row *cond* is broadcast over the batch."""
        cond = cond.expand(latents.shape[0])
        self.evaluations += latents.shape[0]
        out: torch.Tensor = self.unet(
            latents.to(self.device, self.dtype), timestep, return_dict=False,
            **cond.unet_kwargs(self.device, self.dtype),
        )[0]
        return out.float()

    def guided(
        self, latents: torch.Tensor, timestep: int, uncond: Conditioning, cond: Conditioning, scale: float
    ) -> torch.Tensor:
        """Classifier-free guided output: one UNet call on ``[uncond; cond]``; at a *scale* of 1 or
        below (diffusers' convention, few-step models run at 0) the conditional half alone."""
        n = latents.shape[0]
        if not guides(scale):
            return self(latents, timestep, cond.expand(n))
        both = Conditioning.cat([uncond.expand(n), cond.expand(n)])
        out = self(torch.cat([latents, latents]), timestep, both)
        out_uncond, out_cond = out.chunk(2)
        return guide(out_uncond, out_cond, scale)


def guides(scale: float) -> bool:
    """Whether classifier-free guidance at *scale* reads the unconditional output (above 1)."""
    return scale > 1.0


def guide(out_uncond: torch.Tensor, out_cond: torch.Tensor, scale: float) -> torch.Tensor:
    """Classifier-free guidance, ``u + w (c - u)``; ``c`` at a scale of 1 or below."""
    if not guides(scale):
        return out_cond
    return out_uncond + scale * (out_cond - out_uncond)
