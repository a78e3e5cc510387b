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
        config = getattr(unet, "config", None)
        #: Width of the guidance embedding of a guidance-distilled UNet (LCM models), else ``None``
        self.guidance_width: int | None = getattr(config, "time_cond_proj_dim", None)

    @property
    def dtype(self) -> torch.dtype:
        return next(self.unet.parameters()).dtype

    @property
    def device(self) -> torch.device:
        return next(self.unet.parameters()).device

    @property
    def embeds_guidance(self) -> bool:
        """Whether the UNet takes its guidance scale as an input (LCM's distilled models) instead of
        running classifier-free guidance."""
        return self.guidance_width is not None

    def __call__(self, latents: torch.Tensor, timestep: int | float, cond: Conditioning,
                 guidance: float | None = None) -> torch.Tensor:
        """Model output for a batch; a one-row *cond* is broadcast over the batch. *guidance*: the
        scale a guidance-distilled UNet is told (ignored by others)."""
        n = latents.shape[0]
        cond = cond.expand(n)
        self.evaluations += n
        extra = {}
        if self.guidance_width is not None and guidance is not None:
            embedding = guidance_embedding(guidance, self.guidance_width).expand(n, -1)
            extra["timestep_cond"] = embedding.to(self.device, self.dtype)
        out: torch.Tensor = self.unet(
            latents.to(self.device, self.dtype), timestep, return_dict=False,
            **cond.unet_kwargs(self.device, self.dtype), **extra,
        )[0]
        return out.float()

    def guided(
        self, latents: torch.Tensor, timestep: int | float, uncond: Conditioning, cond: Conditioning, scale: float
    ) -> torch.Tensor:
        """Classifier-free guided output: one UNet call on ``[uncond; cond]``; at a *scale* of 1 or
        below (diffusers' convention, few-step models run at 0) the conditional half alone; for a
        guidance-distilled UNet the conditional half told the scale."""
        n = latents.shape[0]
        if self.embeds_guidance:
            return self(latents, timestep, cond.expand(n), guidance=scale)
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


def guidance_embedding(scale: float, width: int) -> torch.Tensor:
    """The ``(1, width)`` sinusoidal embedding of ``scale - 1`` that guidance-distilled (LCM)
    UNets take as ``timestep_cond``, as diffusers' LCM pipeline computes it."""
    w = torch.tensor([scale - 1.0]) * 1000.0
    half = width // 2
    freqs = torch.exp(torch.arange(half, dtype=torch.float32) * -(torch.log(torch.tensor(10000.0)) / (half - 1)))
    angles = w[:, None] * freqs[None, :]
    embedding = torch.cat([torch.sin(angles), torch.cos(angles)], dim=1)
    if width % 2 == 1:
        embedding = torch.nn.functional.pad(embedding, (0, 1))
    return embedding
