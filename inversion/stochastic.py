"""Stochastic samplers (Euler-ancestral, LCM): the fresh noise of each step, stored with an
inversion so that sampling follows the inverted trajectory.

An inversion step of a stochastic sampler undoes the step with a draw of its noise; afterwards
*noise correction* (ReNoise's, made exact) replaces each draw by the noise with which the sampler,
run with the edit's guidance and unconditional embedding, lands exactly on the inverted latent.
Sampling the source caption with the stored noise then reproduces the trajectory to float
precision, and every edited caption sees the same noise as the source.
"""

from __future__ import annotations

import torch

from inversion.conditioning import Conditioning
from inversion.predict import NoisePredictor
from inversion.progress import Progress, Reporter
from inversion.schedule import Schedule

PHASE = "Noise correction"


def draw_step_noise(schedule: Schedule, shape: tuple[int, ...], seed: int) -> list[torch.Tensor]:
    """One standard normal draw per step of a stochastic *schedule* (none for a deterministic one),
    fp32 on the CPU, from a generator seeded with *seed*."""
    if not schedule.stochastic:
        return []
    generator = torch.Generator().manual_seed(seed)
    return [torch.randn(shape, generator=generator) for _ in range(schedule.num_steps)]


@torch.no_grad()
def correct_noise(
    predict: NoisePredictor,
    schedule: Schedule,
    trajectory: list[torch.Tensor],
    cond: Conditioning,
    uncond_at: list[Conditioning],
    guidance: float,
    reporter: Reporter | None = None,
) -> list[torch.Tensor]:
    """The noise of each step with which guided sampling from ``trajectory[k]`` lands exactly on
    ``trajectory[k + 1]`` (zeros where a step adds none, without a model call)."""
    reporter = reporter or Reporter()
    device = predict.device
    noisy = [k for k in range(schedule.num_steps) if schedule.noise_scale(k) != 0.0]
    noise = [torch.zeros_like(trajectory[0]) for _ in range(schedule.num_steps)]
    for i, k in enumerate(noisy):
        reporter.check(PHASE)
        sample = trajectory[k].to(device)
        out = predict.guided(sample, schedule.timesteps[k], uncond_at[k].to(device), cond, guidance)
        noise[k] = schedule.required_noise(out, k, sample, trajectory[k + 1].to(device)).cpu()
        reporter.report(Progress(PHASE, i + 1, len(noisy)))
    return noise
