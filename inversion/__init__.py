"""Inversion of real images into a diffusion model's noise space: DDIM, null-text (Mokady et al.),
negative-prompt (Miyake et al.), Direct (Ju et al.) and ReNoise inversion (Garibi et al.), on a
plain diffusers UNet, for the DDIM, Euler, Euler-ancestral and LCM samplers.

A library of its own: torch and diffusers only. An application checks its users' input, builds a
:class:`Conditioning` from its text encoders and a :class:`Schedule` from its scheduler's config
(:func:`make_schedule`), and calls :func:`invert`; progress and cancellation go through a
:class:`Reporter`.
"""

from __future__ import annotations

import torch

from inversion.conditioning import Conditioning
from inversion.cost import inversion_rows
from inversion.ddim import ddim_invert
from inversion.errors import Cancelled, InversionError, SchedulerError, StepsError
from inversion.null_text import optimise_null_text
from inversion.predict import NoisePredictor, guide, guides
from inversion.progress import Progress, ProgressFn, Reporter, StopFn
from inversion.renoise import ReNoiseSettings, renoise_invert
from inversion.result import InversionResult, Unconditional
from inversion.samplers import EulerSchedule, LCMSchedule, Sampler, make_schedule
from inversion.schedule import PREDICTION_TYPES, DDIMSchedule, Schedule, step_coefficients
from inversion.settings import Method, NullTextSettings
from inversion.stochastic import correct_noise, draw_step_noise

__all__ = [
    "PREDICTION_TYPES",
    "Cancelled",
    "Conditioning",
    "DDIMSchedule",
    "EulerSchedule",
    "InversionError",
    "InversionResult",
    "LCMSchedule",
    "Method",
    "NoisePredictor",
    "NullTextSettings",
    "Progress",
    "ProgressFn",
    "ReNoiseSettings",
    "Reporter",
    "Sampler",
    "Schedule",
    "SchedulerError",
    "StepsError",
    "StopFn",
    "Unconditional",
    "correct_noise",
    "ddim_invert",
    "draw_step_noise",
    "guide",
    "guides",
    "inversion_rows",
    "invert",
    "make_schedule",
    "optimise_null_text",
    "renoise_invert",
    "step_coefficients",
]


#: What the DDIM pass is called in progress reports, per method that runs it: the method chosen
#: (Direct and negative-prompt inversion are this pass alone; null-text optimises after it).
PHASES = {Method.DDIM: "DDIM inversion", Method.DIRECT: "Direct inversion",
          Method.NEGATIVE_PROMPT: "Negative-prompt inversion", Method.NULL_TEXT: "DDIM inversion"}


def invert(
    method: Method,
    predict: NoisePredictor,
    schedule: Schedule,
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
    optimises for it, ReNoise inverts the sampler that uses it, a stochastic sampler's noise is
    corrected for it). *renoise*: ReNoise's settings (default: :meth:`ReNoiseSettings.for_steps`;
    its seed also draws a stochastic sampler's noise). Raises :class:`Cancelled` when the reporter
    asks to stop, :class:`SchedulerError` for null-text on a stochastic sampler.
    """
    method = Method(method)
    renoise = renoise or ReNoiseSettings.for_steps(schedule.num_steps, settings.guidance)
    if method is Method.NULL_TEXT and schedule.stochastic:
        raise SchedulerError("null-text inversion needs a deterministic sampler, not {sampler}: "
                             "use ReNoise or Direct inversion (the sampler's noise makes them exact)",
                             sampler=schedule.name)
    drawn = draw_step_noise(schedule, tuple(clean_latents.shape), renoise.seed + 1)
    if method is Method.RENOISE:
        trajectory = renoise_invert(predict, schedule, clean_latents, cond, empty, settings.guidance, renoise,
                                    reporter, drawn)
    else:
        trajectory = ddim_invert(predict, schedule, clean_latents, cond, reporter, drawn, PHASES[method])
    if method is Method.NULL_TEXT:
        optimised = optimise_null_text(predict, schedule, trajectory, cond, empty, settings, reporter)
        return InversionResult(method, trajectory, Unconditional.OPTIMISED, settings.guidance, optimised)
    unconditional = Unconditional.SOURCE if method is Method.NEGATIVE_PROMPT else Unconditional.EMPTY
    result = InversionResult(method, trajectory, unconditional, settings.guidance, pin_source=method is Method.DIRECT)
    if schedule.stochastic:
        uncond = [result.unconditional_at(k, empty, cond) for k in range(schedule.num_steps)]
        result.step_noise = correct_noise(predict, schedule, trajectory, cond, uncond, settings.guidance, reporter)
    return result
