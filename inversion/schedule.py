"""Sampler arithmetic in fp32, for every diffusers prediction type.

Every sampler step the library supports is linear in the sample, the model output and the step's
fresh noise: ``x_s = c * x_t + d * model_output + e * noise`` (``e = 0`` for a deterministic
step such as DDIM's with eta = 0). Writing it this way makes the inverse exact whenever the model
output is unchanged across the step - which is precisely the approximation an inversion makes,
whatever the model predicts (epsilon, v or the clean sample) - and gives the noise that makes a
stochastic step land on a given latent.

Latents are always in the "variance-preserving" space the UNet reads (diffusers' Euler samplers
keep theirs scaled by ``sqrt(sigma^2 + 1)``; the two agree at the clean end).
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


Coefficients = tuple[float, float, float]


class Schedule:
    """The timesteps of an N-step run of one sampler and the step arithmetic between them.

    Index ``k`` (0..N-1) is the k-th denoising step, from level ``timesteps[k]`` to the next one
    (or to the sampler's end after the last step). A trajectory stored as a list has ``N + 1``
    entries: entry ``k`` is the latent at the start of step ``k``; entry ``N`` is clean.
    Subclasses give the timesteps, levels and one ``(c, d, e)`` per step.
    """

    #: The sampler's name, as :class:`~inversion.samplers.Sampler` spells it.
    name = "ddim"

    def __init__(self, timesteps: list[int | float], levels: list[float], prediction_type: str,
                 coefficients: list[Coefficients], init_noise_sigma: float = 1.0,
                 draws: list[bool] | None = None) -> None:
        self.num_steps = len(timesteps)
        #: The model's timestep at each step (integers, or fractional ones for interpolated sigmas)
        self.timesteps = timesteps
        #: alpha-bar at the start of each step, and after the last one
        self.levels = levels
        self.prediction_type = prediction_type
        #: The scale of the initial noise (in the UNet's space)
        self.init_noise_sigma = init_noise_sigma
        self._coefficients = coefficients
        #: Which steps draw fresh noise in diffusers' scheduler (the order a generator is read in)
        self.draws = draws if draws is not None else [c[2] != 0.0 for c in coefficients]
        #: One step from each level straight to the clean end (alpha-bar 1), for previews
        self._to_clean = [step_coefficients(levels[k], 1.0, prediction_type) for k in range(self.num_steps)]

    @property
    def stochastic(self) -> bool:
        """Whether any step adds fresh noise (then a run needs one noise tensor per step)."""
        return any(c[2] != 0.0 for c in self._coefficients)

    def noise_scale(self, k: int) -> float:
        """How much of step ``k``'s fresh noise enters its result (``e``)."""
        return self._coefficients[k][2]

    def step(self, model_output: torch.Tensor, k: int, sample: torch.Tensor,
             noise: torch.Tensor | None = None) -> torch.Tensor:
        """Denoise *sample* through step ``k`` (*noise*: the step's fresh noise, when it has any)."""
        c, d, e = self._coefficients[k]
        out = c * sample + d * model_output
        return out + e * _need(noise, k) if e != 0.0 else out

    def invert(self, model_output: torch.Tensor, k: int, sample: torch.Tensor,
               noise: torch.Tensor | None = None) -> torch.Tensor:
        """Undo step ``k``: from the less noisy *sample* back to the level of ``timesteps[k]``."""
        c, d, e = self._coefficients[k]
        if e != 0.0:
            sample = sample - e * _need(noise, k)
        return (sample - d * model_output) / c

    def required_noise(self, model_output: torch.Tensor, k: int, sample: torch.Tensor,
                       following: torch.Tensor) -> torch.Tensor:
        """The noise with which step ``k`` takes *sample* exactly to *following* (zeros where the
        step adds none)."""
        c, d, e = self._coefficients[k]
        if e == 0.0:
            return torch.zeros_like(sample)
        return (following - c * sample - d * model_output) / e

    def predict_clean(self, model_output: torch.Tensor, k: int, sample: torch.Tensor) -> torch.Tensor:
        """The clean latent the model predicts from *sample* at step ``k`` (for previews)."""
        c, d = self._to_clean[k]
        return c * sample + d * model_output

    def add_noise(self, clean: torch.Tensor, noise: torch.Tensor, k: int) -> torch.Tensor:
        """*clean* noised forward to the level of ``timesteps[k]``."""
        a = self.levels[k]
        return math.sqrt(a) * clean + math.sqrt(1 - a) * noise


def _need(noise: torch.Tensor | None, k: int) -> torch.Tensor:
    if noise is None:
        raise ValueError(f"step {k} of a stochastic sampler needs its noise")
    return noise


def configured(cls: Any, scheduler_config: dict[str, Any], num_steps: int, **overrides: Any) -> Any:
    """A diffusers scheduler of class *cls* from the model's config, set to *num_steps* steps (a
    count it cannot run: :class:`StepsError`; an invalid config: one :class:`SchedulerError` line)."""
    if num_steps < 1:
        raise StepsError("the number of steps must be at least 1")
    train = scheduler_config.get("num_train_timesteps", 1000)
    if isinstance(train, bool) or not isinstance(train, int) or train < 1:
        raise SchedulerError("the model's scheduler config is invalid: num_train_timesteps = {train!r}", train=train)
    if num_steps > train:
        raise StepsError("{steps} steps are more than the model's scheduler has ({train})",
                         steps=num_steps, train=train)
    try:
        scheduler = cls.from_config(dict(scheduler_config), **overrides)
        scheduler.set_timesteps(num_steps)
    except (ValueError, TypeError, KeyError, NotImplementedError, IndexError) as exc:
        raise SchedulerError("the model's scheduler config is invalid: {reason}", reason=str(exc)) from None
    return scheduler


def check_terminal(levels: list[float], prediction_type: str) -> None:
    """Refuse an epsilon model on a schedule whose noisiest level is pure noise."""
    if prediction_type == "epsilon" and min(levels[:-1]) <= 0.0:
        raise SchedulerError("the model's scheduler has zero terminal SNR (rescale_betas_zero_snr: true): its "
                             "noisiest level is pure noise, which an epsilon-prediction model cannot denoise; such "
                             "models use v-prediction (prediction_type: v_prediction in the scheduler config)")


class DDIMSchedule(Schedule):
    """Deterministic DDIM (eta = 0) with the model's timestep spacing: Prompt-to-Prompt's sampler."""

    name = "ddim"

    def __init__(self, scheduler_config: dict[str, Any], num_steps: int) -> None:
        scheduler = configured(DDIMScheduler, scheduler_config, num_steps, clip_sample=False)
        timesteps: list[int | float] = [int(t) for t in scheduler.timesteps]
        prediction_type: str = scheduler.config.prediction_type
        alphas = scheduler.alphas_cumprod.double()
        levels = [float(alphas[int(t)]) for t in timesteps] + [float(scheduler.final_alpha_cumprod)]
        check_terminal(levels, prediction_type)
        coefficients = [(*step_coefficients(levels[k], levels[k + 1], prediction_type), 0.0)
                        for k in range(num_steps)]
        super().__init__(timesteps, levels, prediction_type, coefficients, float(scheduler.init_noise_sigma))
