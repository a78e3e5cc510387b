"""Plain DDIM inversion: run the sampler backwards with the conditional prediction only."""

from __future__ import annotations

import torch

from inversion.conditioning import Conditioning
from inversion.predict import NoisePredictor
from inversion.progress import Progress, Reporter
from inversion.schedule import Schedule

PHASE = "DDIM inversion"


@torch.no_grad()
def ddim_invert(
    predict: NoisePredictor,
    schedule: Schedule,
    clean_latents: torch.Tensor,
    cond: Conditioning,
    reporter: Reporter | None = None,
    step_noise: list[torch.Tensor] | None = None,
    phase: str = PHASE,
) -> list[torch.Tensor]:
    """Return the trajectory ``[x_T, ..., x_0]`` (``N + 1`` fp32 latents on the CPU).

    Each step evaluates the model at the *less* noisy latent with the noisier timestep,
    ``eps(z_{t-1}, t)``: the approximation that makes plain DDIM inversion drift. A stochastic
    sampler's steps are undone with *step_noise* (one tensor per step). *phase* names the pass in
    progress reports (the method it serves: Direct and negative-prompt inversion are this pass).
    """
    reporter = reporter or Reporter()
    n = schedule.num_steps
    latent = clean_latents.float().to(predict.device)
    trajectory = [latent.cpu()]
    for i, k in enumerate(reversed(range(n))):
        reporter.check(phase)
        out = predict(latent, schedule.timesteps[k], cond)
        noise = step_noise[k].to(latent.device) if step_noise else None
        latent = schedule.invert(out, k, latent, noise)
        trajectory.append(latent.cpu())
        reporter.report(Progress(phase, i + 1, n))
    trajectory.reverse()
    return trajectory
