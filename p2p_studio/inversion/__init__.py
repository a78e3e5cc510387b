"""Inversion of real images into a diffusion model's noise space.

Pure torch + diffusers on top of :mod:`p2p_studio.core`; imports no other layer of P2P Studio.
"""

from __future__ import annotations

import torch

from p2p_studio.core.errors import Cancelled
from p2p_studio.core.settings import Method, NullTextSettings
from p2p_studio.inversion.ddim import ddim_invert
from p2p_studio.inversion.null_text import optimise_null_text
from p2p_studio.inversion.predict import NoisePredictor, guide
from p2p_studio.inversion.progress import Progress, ProgressFn, Reporter, StopFn
from p2p_studio.inversion.result import InversionResult, Unconditional
from p2p_studio.inversion.schedule import DDIMSchedule, step_coefficients

__all__ = [
    "Cancelled",
    "DDIMSchedule",
    "InversionResult",
    "Method",
    "NoisePredictor",
    "NullTextSettings",
    "Progress",
    "ProgressFn",
    "Reporter",
    "StopFn",
    "Unconditional",
    "ddim_invert",
    "guide",
    "invert",
    "optimise_null_text",
    "step_coefficients",
]


def invert(
    method: Method,
    predict: NoisePredictor,
    schedule: DDIMSchedule,
    clean_latents: torch.Tensor,
    cond: torch.Tensor,
    empty: torch.Tensor,
    settings: NullTextSettings = NullTextSettings(),
    reporter: Reporter | None = None,
) -> InversionResult:
    """Invert *clean_latents* (already VAE-encoded and scaled) under caption embedding *cond*.

    *empty* is the embedding of the empty caption (the starting point for null-text).
    """
    method = Method(method)
    trajectory = ddim_invert(predict, schedule, clean_latents, cond, reporter)
    if method is Method.NULL_TEXT:
        optimised = optimise_null_text(predict, schedule, trajectory, cond, empty, settings, reporter)
        return InversionResult(method, trajectory, Unconditional.OPTIMISED, settings.guidance, optimised)
    if method is Method.NEGATIVE_PROMPT:
        return InversionResult(method, trajectory, Unconditional.SOURCE, settings.guidance)
    return InversionResult(method, trajectory, Unconditional.EMPTY, settings.guidance,
                           pin_source=method is Method.DIRECT)
