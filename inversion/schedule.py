"""Deterministic DDIM arithmetic (eta = 0) in fp32, for every diffusers prediction type.

One DDIM step from noise level ``a_t`` (alpha-bar) to ``a_s`` is linear in the sample and in the
model output: ``x_s = c * x_t + d * out``. Writing it this way makes the inverse exact whenever the
model output is unchanged across the step - which is precisely the approximation DDIM inversion
makes, whatever the model predicts (epsilon, v or the clean sample).
"""

from __future__ import annotations

import math
from typing import Any

import torch
from diffusers import DDIMScheduler

from inversion.errors import SchedulerError, StepsError

PREDICTION_TYPES = ("epsilon", "v_prediction", "sample")


def step_coefficients(a_t: float, a_s: float, prediction_type: str) -> tuple[float, float]:
    """Return ``(c, d)`` with ``x_s = c * x_t + d * model_output`` for one DDIM step."""
    if prediction_type == "epsilon":
        c = math.sqrt(a_s / a_t)
        return c, math.sqrt(1 - a_s) - c * math.sqrt(1 - a_t)
    if prediction_type == "v_prediction":
        c = math.sqrt(a_s * a_t) + math.sqrt((1 - a_s) * (1 - a_t))
        return c, math.sqrt((1 - a_s) * a_t) - math.sqrt(a_s * (1 - a_t))
    if prediction_type == "sample":
        c = math.sqrt((1 - a_s) / (1 - a_t))
        return c, math.sqrt(a_s) - c * math.sqrt(a_t)
    raise ValueError(f"unsupported prediction type {prediction_type!r}; expected one of {PREDICTION_TYPES}")


class DDIMSchedule:
    """The timesteps of an N-step DDIM run and the step arithmetic between them.

    Index ``k`` (0..N-1) is the k-th denoising step, from level ``timesteps[k]`` to the next one
    (or to the scheduler's final alpha after the last step). A trajectory stored as a list has
    ``N + 1`` entries: entry ``k`` is the latent at the start of step ``k``; entry ``N`` is clean.
    """

    def __init__(self, scheduler_config: dict[str, Any], num_steps: int) -> None:
        if num_steps < 1:
            raise StepsError("the number of steps must be at least 1")
        train = scheduler_config.get("num_train_timesteps", 1000)
        if isinstance(train, bool) or not isinstance(train, int) or train < 1:
            raise SchedulerError(f"the model's scheduler config is invalid: num_train_timesteps = {train!r}")
        if num_steps > train:
            raise StepsError(f"{num_steps} steps are more than the model's scheduler has ({train})")
        try:
            scheduler = DDIMScheduler.from_config(dict(scheduler_config), clip_sample=False)
        except (ValueError, TypeError, KeyError, NotImplementedError) as exc:
            raise SchedulerError(f"the model's scheduler config is invalid: {exc}") from None
        scheduler.set_timesteps(num_steps)
        self.num_steps = num_steps
        self.timesteps: list[int] = [int(t) for t in scheduler.timesteps]
        self.prediction_type: str = scheduler.config.prediction_type
        self.init_noise_sigma = float(scheduler.init_noise_sigma)
        alphas = scheduler.alphas_cumprod.double()
        final = float(scheduler.final_alpha_cumprod)
        levels = [float(alphas[t]) for t in self.timesteps] + [final]
        #: alpha-bar at the start of each step, and after the last one
        self.levels = levels
        if self.prediction_type == "epsilon" and min(levels[:-1]) <= 0.0:
            raise SchedulerError("the model's scheduler has zero terminal SNR (rescale_betas_zero_snr: true): its "
                                 "noisiest level is pure noise, which an epsilon-prediction model cannot denoise; such "
                                 "models use v-prediction (prediction_type: v_prediction in the scheduler config)")
        self._coefficients = [
            step_coefficients(levels[k], levels[k + 1], self.prediction_type) for k in range(num_steps)
        ]
        #: one DDIM step from each level straight to the clean end (alpha-bar 1)
        self._to_clean = [step_coefficients(levels[k], 1.0, self.prediction_type) for k in range(num_steps)]

    def step(self, model_output: torch.Tensor, k: int, sample: torch.Tensor) -> torch.Tensor:
        """Denoise *sample* through step ``k``."""
        c, d = self._coefficients[k]
        return c * sample + d * model_output

    def predict_clean(self, model_output: torch.Tensor, k: int, sample: torch.Tensor) -> torch.Tensor:
        """The clean latent the model predicts from *sample* at step ``k`` (for previews)."""
        c, d = self._to_clean[k]
        return c * sample + d * model_output

    def add_noise(self, clean: torch.Tensor, noise: torch.Tensor, k: int) -> torch.Tensor:
        """*clean* noised forward to the level of ``timesteps[k]``."""
        a = self.levels[k]
        return math.sqrt(a) * clean + math.sqrt(1 - a) * noise

    def invert(self, model_output: torch.Tensor, k: int, sample: torch.Tensor) -> torch.Tensor:
        """Undo step ``k``: from the less noisy *sample* back to the level of ``timesteps[k]``."""
        c, d = self._coefficients[k]
        return (sample - d * model_output) / c
