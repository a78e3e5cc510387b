"""The samplers besides DDIM - Euler and Euler-ancestral (SD-Turbo, SDXL-Turbo, Lightning), LCM
(LCM models and LCM-LoRAs) - as :class:`~inversion.schedule.Schedule` coefficients.

Each takes its timesteps and noise levels from the diffusers scheduler of the same name built from
the model's config, so a run here follows the stock pipeline's (the tests compare the latents);
the arithmetic is redone in float64 in the UNet's variance-preserving space.
"""

from __future__ import annotations

import enum
import math
from typing import Any

from diffusers import EulerAncestralDiscreteScheduler, EulerDiscreteScheduler, LCMScheduler

from inversion.errors import SchedulerError
from inversion.schedule import Coefficients, DDIMSchedule, Schedule, check_terminal, configured, step_coefficients


class Sampler(str, enum.Enum):
    """The samplers a run can use; the value is the usual name."""

    DDIM = "ddim"  #: deterministic DDIM, Prompt-to-Prompt's (and the default for any other class)
    EULER = "euler"  #: Euler (deterministic), diffusers' ``EulerDiscreteScheduler``
    EULER_ANCESTRAL = "euler-a"  #: Euler-ancestral (fresh noise per step): SD-Turbo, SDXL-Turbo
    LCM = "lcm"  #: latent consistency (fresh noise per step): LCM models and LCM-LoRAs

    @classmethod
    def of(cls, scheduler_config: dict[str, Any]) -> Sampler:
        """The sampler a model ships with (its scheduler config's class); DDIM for every other class
        (PNDM, DPM-Solver, ...), as the Prompt-to-Prompt reference does."""
        return _BY_CLASS.get(str(scheduler_config.get("_class_name", "")), cls.DDIM)

    @property
    def stochastic(self) -> bool:
        """Whether a step adds fresh noise (the inversion then stores each step's noise)."""
        return self in (Sampler.EULER_ANCESTRAL, Sampler.LCM)


_BY_CLASS = {
    "EulerDiscreteScheduler": Sampler.EULER,
    "EulerAncestralDiscreteScheduler": Sampler.EULER_ANCESTRAL,
    "LCMScheduler": Sampler.LCM,
}


def make_schedule(sampler: Sampler | str, scheduler_config: dict[str, Any], num_steps: int) -> Schedule:
    """The *num_steps*-step schedule of *sampler* for a model with *scheduler_config*."""
    sampler = Sampler(sampler)
    if sampler is Sampler.EULER:
        return EulerSchedule(scheduler_config, num_steps, ancestral=False)
    if sampler is Sampler.EULER_ANCESTRAL:
        return EulerSchedule(scheduler_config, num_steps, ancestral=True)
    if sampler is Sampler.LCM:
        return LCMSchedule(scheduler_config, num_steps)
    return DDIMSchedule(scheduler_config, num_steps)


def _model_timestep(t: float) -> int | float:
    """A timestep as the model gets it: an integer where it is one."""
    return int(t) if float(t).is_integer() else float(t)


class EulerSchedule(Schedule):
    """Euler, or Euler-ancestral, on the sigmas of diffusers' scheduler (as their configs set them:
    trailing timesteps for the Turbo models).

    In sigma space (``X = z / sqrt(a)``, ``sigma^2 = (1 - a) / a``) a step moves ``X`` along
    ``(X - x0) / sigma`` to ``sigma_down`` and, ancestral, adds ``sigma_up`` of fresh noise; with
    ``x0 = p z + q out`` this is ``z_s = c z + d out + e noise`` in the UNet's space.
    """

    def __init__(self, scheduler_config: dict[str, Any], num_steps: int, ancestral: bool) -> None:
        cls = EulerAncestralDiscreteScheduler if ancestral else EulerDiscreteScheduler
        scheduler = configured(cls, scheduler_config, num_steps)
        self.name = Sampler.EULER_ANCESTRAL.value if ancestral else Sampler.EULER.value
        prediction_type = str(scheduler.config.prediction_type)
        if prediction_type not in ("epsilon", "v_prediction") and ancestral:
            raise SchedulerError("the Euler-ancestral sampler cannot run a {prediction!r}-prediction model",
                                 prediction=prediction_type)
        sigmas = [float(s) for s in scheduler.sigmas.double()]
        if len(sigmas) != num_steps + 1 or sigmas[0] <= 0.0 or not all(math.isfinite(s) for s in sigmas):
            raise SchedulerError("the model's scheduler config gives Euler sigmas this library cannot run")
        levels = [1.0 / (s * s + 1.0) for s in sigmas]
        check_terminal(levels, prediction_type)
        coefficients = [_euler(sigmas[k], sigmas[k + 1], prediction_type, ancestral) for k in range(num_steps)]
        init = float(scheduler.init_noise_sigma) / math.sqrt(sigmas[0] ** 2 + 1.0)
        super().__init__([_model_timestep(float(t)) for t in scheduler.timesteps], levels, prediction_type,
                         coefficients, init, draws=[ancestral] * num_steps)


def _euler(sigma: float, sigma_to: float, prediction_type: str, ancestral: bool) -> Coefficients:
    """One Euler(-ancestral) step from *sigma* to *sigma_to* as ``(c, d, e)``."""
    up = math.sqrt(sigma_to**2 * (sigma**2 - sigma_to**2) / sigma**2) if ancestral else 0.0
    down = math.sqrt(max(sigma_to**2 - up**2, 0.0)) if ancestral else sigma_to
    a_t, a_s = 1.0 / (sigma**2 + 1.0), 1.0 / (sigma_to**2 + 1.0)
    p, q = step_coefficients(a_t, 1.0, prediction_type)
    ratio = (down - sigma) / sigma
    root_s = math.sqrt(a_s)
    return root_s * ((1.0 + ratio) / math.sqrt(a_t) - ratio * p), -root_s * ratio * q, root_s * up


class LCMSchedule(Schedule):
    """Latent consistency sampling: each step predicts the clean latent through the boundary
    condition (``c_skip z + c_out x0``) and noises it forward to the next level with fresh noise;
    the last step returns the prediction itself."""

    name = Sampler.LCM.value

    def __init__(self, scheduler_config: dict[str, Any], num_steps: int) -> None:
        scheduler = configured(LCMScheduler, scheduler_config, num_steps, clip_sample=False, thresholding=False)
        prediction_type = str(scheduler.config.prediction_type)
        alphas = scheduler.alphas_cumprod.double()
        timesteps: list[int | float] = [int(t) for t in scheduler.timesteps]
        if len(timesteps) != num_steps:
            raise SchedulerError("the LCM sampler gives {count} timesteps for {steps} steps",
                                 count=len(timesteps), steps=num_steps)
        levels = [float(alphas[int(t)]) for t in timesteps] + [1.0]
        check_terminal(levels, prediction_type)
        coefficients = []
        for k, t in enumerate(timesteps):
            c_skip, c_out = (float(v) for v in scheduler.get_scalings_for_boundary_condition_discrete(int(t)))
            p, q = step_coefficients(levels[k], 1.0, prediction_type)
            c, d = c_skip + c_out * p, c_out * q
            if k + 1 < num_steps:
                a_next = levels[k + 1]
                coefficients.append((math.sqrt(a_next) * c, math.sqrt(a_next) * d, math.sqrt(1.0 - a_next)))
            else:
                coefficients.append((c, d, 0.0))
        super().__init__(timesteps, levels, prediction_type, coefficients, float(scheduler.init_noise_sigma),
                         draws=[k + 1 < num_steps for k in range(num_steps)])
