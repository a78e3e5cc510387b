"""ReNoise inversion (Garibi et al. 2024): a fixed-point iteration per inversion step.

Plain DDIM inversion evaluates the model at the *less* noisy latent, ``out(z_{k+1}, t_k)``, and
so drifts. ReNoise re-evaluates the model at its current estimate of the noisier latent and
inverts the step again with that output, a few times per step, then averages the later outputs;
each output is pulled towards what the model predicts for a forward-noised photo (patch KL) and
towards white noise (auto-correlation), the authors' noise regularisation. With the sampler's own
guidance the fixed point is a latent the sampler maps back onto the photo's trajectory.

The iteration follows the authors' ``inversion_step`` (github garibida/ReNoise-Inversion,
``src/renoise_inversion.py``); the tests hold a port of it. Deviations: the regulariser's
reference output is computed with the same guidance as the estimate (the authors' batch pairs the
rows up wrongly when guidance is on), patches span every latent channel (not a fixed 4), and the
step arithmetic is :class:`~inversion.schedule.Schedule`'s, for every prediction type and sampler:
the exact inverse of a stochastic step given its noise (the authors' Euler-ancestral ``inv_step``
approximates it), with exact noise correction afterwards (:mod:`inversion.stochastic`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import torch
import torch.nn.functional as F

from inversion.conditioning import Conditioning
from inversion.predict import NoisePredictor
from inversion.progress import Progress, Reporter
from inversion.schedule import Schedule

PHASE = "ReNoise inversion"
_EPSILON = 1e-6


@dataclass(frozen=True)
class ReNoiseSettings:
    """The iteration and its regularisation; defaults are the authors' few-step configuration."""

    #: Model evaluations per step after the first estimate (``num_renoise_steps``).
    iterations: int = 9
    #: ...and at most this many at the least noisy levels (``max_num_renoise_steps_first_step``).
    first_iterations: int = 5
    #: Timesteps below this are the "first" (least noisy) levels (``first_step_max_timestep``).
    first_below: int = 250
    #: Outputs ``[start, stop)`` of the iteration are averaged (``average_step_range``) ...
    average: tuple[int, int] = (8, 10)
    #: ... and these at the first levels (``average_first_step_range``).
    first_average: tuple[int, int] = (0, 5)
    #: Weight of the patch-KL pull towards the forward-noised photo's output (``lambda_kl``).
    kl_weight: float = 0.065
    #: Weight of the auto-correlation penalty (``lambda_ac``).
    ac_weight: float = 20.0
    #: Gradient steps of the regularisation (``num_reg_steps``; 0 turns it off).
    regularise_steps: int = 4
    #: Random shifts per auto-correlation step (``num_ac_rolls``).
    ac_rolls: int = 5
    #: Side of the square latent patches the KL compares.
    patch: int = 4
    #: Seeds the forward noise and the random shifts: the same seed gives the same inversion.
    seed: int = 0
    #: Stop a step's iteration once its fixed-point residual grows past this factor of the
    #: smallest seen, and keep its first estimate (ours, not the authors': strong
    #: guidance over large steps makes the iteration diverge; ``None``: never stop).
    divergence: float | None = 2.0

    @classmethod
    def for_steps(cls, steps: int, guidance: float = 7.5) -> ReNoiseSettings:
        """P2P Studio's configuration for *steps* and *guidance*, without the noise regularisation
        (it lowered the demo model's reconstruction by 0.9-4.7 dB at 4-20 steps and runs away on a
        random-weight model): above 10 steps the authors' 50-step iteration (one re-evaluation per
        step); up to 10 their few-step one, or without guidance, where the iteration converges in a
        few evaluations, three re-evaluations with the last two averaged (0.06 dB below nine on the
        demo model at 4 steps, 16 UNet rows instead of 36; ``benchmarks/bench_inversions.py``)."""
        if steps > 10:
            return cls(iterations=1, regularise_steps=0)
        if guidance <= 1.0:
            return cls(iterations=3, first_iterations=3, average=(2, 4), first_average=(0, 4), regularise_steps=0)
        return cls(regularise_steps=0)

    def plan(self, timestep: float) -> tuple[int, tuple[int, int]]:
        """``(iterations, averaged range)`` at *timestep*."""
        if timestep < self.first_below:
            return min(self.first_iterations, self.iterations), self.first_average
        return self.iterations, self.average


class StepModel:
    """One inversion step's model calls: conditional, or guided like the sampler that follows."""

    def __init__(self, predict: NoisePredictor, timestep: int | float, cond: Conditioning, uncond: Conditioning,
                 guidance: float) -> None:
        self.predict, self.timestep, self.cond, self.uncond, self.guidance = predict, timestep, cond, uncond, guidance

    def __call__(self, latents: torch.Tensor) -> torch.Tensor:
        return self.predict.guided(latents, self.timestep, self.uncond, self.cond, self.guidance)


@torch.no_grad()
def renoise_invert(
    predict: NoisePredictor,
    schedule: Schedule,
    clean_latents: torch.Tensor,
    cond: Conditioning,
    uncond: Conditioning,
    guidance: float,
    settings: ReNoiseSettings,
    reporter: Reporter | None = None,
    step_noise: list[torch.Tensor] | None = None,
) -> list[torch.Tensor]:
    """Return the trajectory ``[x_T, ..., x_0]`` (``N + 1`` fp32 latents on the CPU), inverting
    the sampler that runs with *guidance* (conditional only at 1 or below) and *uncond*; a
    stochastic sampler's steps are undone with *step_noise* (one tensor per step)."""
    reporter = reporter or Reporter()
    n = schedule.num_steps
    generator = torch.Generator().manual_seed(settings.seed)
    clean = clean_latents.float().to(predict.device)
    noise = torch.randn(clean.shape, generator=generator).to(clean.device)
    latent = clean
    trajectory = [latent.cpu()]
    for i, k in enumerate(reversed(range(n))):
        reporter.check(PHASE)
        step = StepModel(predict, schedule.timesteps[k], cond, uncond, guidance)
        drawn = step_noise[k].to(clean.device) if step_noise else None
        latent = renoise_step(step, schedule, k, latent, schedule.add_noise(clean, noise, k), settings, generator,
                              drawn)
        trajectory.append(latent.cpu())
        reporter.report(Progress(PHASE, i + 1, n))
    trajectory.reverse()
    return trajectory


def renoise_step(predict: StepModel, schedule: Schedule, k: int, lower: torch.Tensor, forward: torch.Tensor,
                 settings: ReNoiseSettings, generator: torch.Generator,
                 noise: torch.Tensor | None = None) -> torch.Tensor:
    """Undo denoising step *k*: the latent at ``timesteps[k]`` from *lower*, the latent after it.

    *forward* is the photo noised forward to that level; the model's output there is what the
    KL term pulls every estimate's output towards. Where the iteration diverges (strong guidance
    over large steps), its first estimate is returned instead: plain DDIM inversion's (regularised
    where regularisation starts at the first iteration)."""
    iterations, (start, stop) = settings.plan(schedule.timesteps[k])
    target: torch.Tensor | None = None
    estimate, mean = lower, None
    guard = _DivergenceGuard(settings.divergence)
    for i in range(iterations + 1):
        if i == 0 and settings.regularise_steps > 0:
            target, out = predict(torch.cat([forward, estimate])).chunk(2)
        else:
            out = predict(estimate)
        if start <= i < stop:
            j = i - start
            mean = out.clone() if mean is None else j * mean / (j + 1) + out / (j + 1)
        if i >= start:
            out = regularise(out, target, settings, generator)
        following = schedule.invert(out, k, lower, noise)
        if i > 0 and guard.diverges(estimate, following):
            return guard.first
        estimate = following
    if mean is not None:
        estimate = schedule.invert(regularise(mean, target, settings, generator), k, lower, noise)
    return estimate


class _DivergenceGuard:
    """Watches the fixed-point residual ``|next - estimate|`` of a step's estimates."""

    def __init__(self, factor: float | None) -> None:
        self.factor = factor
        self.smallest = math.inf
        #: The first estimate (plain DDIM inversion's, unless regularised).
        self.first = torch.empty(0)

    def diverges(self, estimate: torch.Tensor, following: torch.Tensor) -> bool:
        """Whether the residual of *estimate* has grown past ``factor`` x the smallest one seen."""
        if self.factor is None:
            return False
        if self.first.numel() == 0:
            self.first = estimate
        residual = float((following - estimate).norm())
        self.smallest = min(self.smallest, residual)
        return residual > self.factor * self.smallest


def regularise(out: torch.Tensor, target: torch.Tensor | None, settings: ReNoiseSettings,
               generator: torch.Generator) -> torch.Tensor:
    """Gradient steps on the patch KL to *target* and on the auto-correlation of *out*."""
    for _ in range(settings.regularise_steps):
        if settings.kl_weight > 0 and target is not None:
            grad = _gradient(lambda x: patch_kl(x, target, settings.patch), out)
            out = out - settings.kl_weight * grad.clamp(-100, 100)
        if settings.ac_weight > 0:
            for _ in range(settings.ac_rolls):
                grad = _gradient(lambda x: auto_correlation(x, generator), out)
                out = out - settings.ac_weight * (grad / settings.ac_rolls)
        out = out.detach()
    return out


def _gradient(loss_of: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor) -> torch.Tensor:
    with torch.enable_grad():
        var = x.detach().clone().requires_grad_(True)
        loss = loss_of(var)
        (grad,) = torch.autograd.grad(loss, var)
    return grad.detach()


def _patches(x: torch.Tensor, size: int) -> torch.Tensor:
    """``(1, C, H, W)`` → ``(N, C, size * size)``: square patches over every channel (a remainder
    at the right and bottom edges is left out)."""
    _, c, h, w = x.shape
    rows, cols = h // size, w // size
    x = x[0, :, : rows * size, : cols * size].reshape(c, rows, size, cols, size)
    return x.permute(1, 3, 0, 2, 4).reshape(rows * cols, c, size * size)


def patch_kl(x: torch.Tensor, target: torch.Tensor, size: int) -> torch.Tensor:
    """Sum over patches of the channels' summed ``|KL|`` between Gaussians fitted to each."""
    p, q = _patches(x, size), _patches(target, size)
    mu_p, mu_q = p.mean(-1), q.mean(-1)
    var_p, var_q = p.var(-1), q.var(-1)
    kl = torch.log((var_q + _EPSILON) / (var_p + _EPSILON)) + (var_p + (mu_p - mu_q) ** 2) / (var_q + _EPSILON) - 1
    return kl.abs().sum()


def auto_correlation(x: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
    """Squared mean correlation of each channel with itself shifted by a random amount, down and
    across, over a pyramid of 2x average-pooled copies down to 8 rows (pix2pix-zero's penalty)."""
    loss = x.new_zeros(())
    for channel in x[0]:
        level = channel[None, None]
        while True:
            shift = int(torch.randint(0, max(level.shape[2] // 2, 1), (1,), generator=generator).item())
            loss = loss + (level * torch.roll(level, shifts=shift, dims=2)).mean() ** 2
            loss = loss + (level * torch.roll(level, shifts=shift, dims=3)).mean() ** 2
            if level.shape[2] <= 8:
                break
            level = F.avg_pool2d(level, kernel_size=2)
    return loss
