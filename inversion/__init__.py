"""Inversion of real images into a diffusion model's noise space: DDIM, null-text (Mokady et al.),
negative-prompt (Miyake et al.), Direct (Ju et al.) and ReNoise inversion (Garibi et al.), on a
plain diffusers UNet.

A library of its own: torch and diffusers only. An application checks its users' input, builds a
:class:`Conditioning` from its text encoders and a :class:`DDIMSchedule` from its scheduler's
config, and calls :func:`invert`; progress and cancellation go through a :class:`Reporter`.
"""

from __future__ import annotations

import torch

from inversion.conditioning import Conditioning
from inversion.ddim import ddim_invert
from inversion.errors import Cancelled, InversionError, SchedulerError, StepsError
from inversion.null_text import optimise_null_text
from inversion.predict import NoisePredictor, guide, guides
from inversion.progress import Progress, ProgressFn, Reporter, StopFn
from inversion.renoise import ReNoiseSettings, renoise_invert
from inversion.result import InversionResult, Unconditional
from inversion.schedule import PREDICTION_TYPES, DDIMSchedule, step_coefficients
from inversion.settings import Method, NullTextSettings

__all__ = [
    "PREDICTION_TYPES",
    "Cancelled",
    "Conditioning",
    "DDIMSchedule",
    "InversionError",
    "InversionResult",
    "Method",
    "NoisePredictor",
    "NullTextSettings",
    "Progress",
    "ProgressFn",
    "ReNoiseSettings",
    "Reporter",
    "SchedulerError",
    "StepsError",
    "StopFn",
    "Unconditional",
    "ddim_invert",
    "guide",
    "guides",
    "invert",
    "optimise_null_text",
    "renoise_invert",
    "step_coefficients",
]


def invert(
    method: Method,
    predict: NoisePredictor,
    schedule: DDIMSchedule,
    clean_latents: torch.Tensor,
    cond: Conditioning,
    empty: Conditioning,
    settings: NullTextSettings = NullTextSettings(),
    reporter: Reporter | None = None,
    renoise: ReNoiseSettings | None = None,
) -> InversionResult:
    """Invert *clean_latents* (VAE-encoded and scaled, ``(1, C, h, w)``) under the caption's
    conditioning *cond*; *empty* is the empty caption's (null-text starts from it).

    ``settings.guidance`` is the guidance the result is meant to be sampled with (null-text
    optimises for it, ReNoise inverts the sampler that uses it). *renoise*: ReNoise's settings
    (default: :meth:`ReNoiseSettings.for_steps`). Raises :class:`Cancelled` when the reporter asks
    to stop.
    """
    method = Method(method)
    if method is Method.RENOISE:
        found = renoise_invert(predict, schedule, clean_latents, cond, empty, settings.guidance,
                               renoise or ReNoiseSettings.for_steps(schedule.num_steps, settings.guidance), reporter)
        return InversionResult(method, found, Unconditional.EMPTY, settings.guidance)
    trajectory = ddim_invert(predict, schedule, clean_latents, cond, reporter)
    if method is Method.NULL_TEXT:
        optimised = optimise_null_text(predict, schedule, trajectory, cond, empty, settings, reporter)
        return InversionResult(method, trajectory, Unconditional.OPTIMISED, settings.guidance, optimised)
    if method is Method.NEGATIVE_PROMPT:
        return InversionResult(method, trajectory, Unconditional.SOURCE, settings.guidance)
    return InversionResult(method, trajectory, Unconditional.EMPTY, settings.guidance,
                           pin_source=method is Method.DIRECT)
