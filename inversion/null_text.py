"""Null-text inversion (Mokady et al.): optimise the unconditional embedding per step."""

from __future__ import annotations

import torch
import torch.nn.functional as F

from inversion.conditioning import Conditioning
from inversion.predict import NoisePredictor, guide, guides
from inversion.progress import Progress, Reporter
from inversion.schedule import Schedule
from inversion.settings import NullTextSettings

PHASE = "Null-text"


def optimise_null_text(
    predict: NoisePredictor,
    schedule: Schedule,
    trajectory: list[torch.Tensor],
    cond: Conditioning,
    uncond_init: Conditioning,
    settings: NullTextSettings = NullTextSettings(),
    reporter: Reporter | None = None,
) -> list[Conditioning]:
    """Return one optimised unconditional conditioning per step (fp32, CPU).

    Guided sampling with these follows the DDIM-inversion *trajectory* (the pivots). The token
    states are optimised, and for SDXL-style models the pooled embedding too (it is half of the
    unconditional signal guidance subtracts); always in fp32, the model may run in half precision.
    At a guidance of 1 or below the sampler never reads the unconditional output: nothing to
    optimise, the initial conditioning is every step's.
    """
    reporter = reporter or Reporter()
    n = schedule.num_steps
    if not guides(settings.guidance):
        return [uncond_init.detach().float().cpu()] * n
    device = predict.device
    cond = cond.detach().to(device)
    uncond = uncond_init.detach().float().to(device)
    latent = trajectory[0].float().to(device)
    result: list[Conditioning] = []
    for k in range(n):
        t = schedule.timesteps[k]
        target = trajectory[k + 1].float().to(device)
        with torch.no_grad():
            out_cond = predict(latent, t, cond)
        uncond = _trainable_copy(uncond)
        optimiser = torch.optim.Adam(uncond.trainable(), lr=settings.lr(k))
        for j in range(settings.inner_steps):
            reporter.check(PHASE)
            out_uncond = predict(latent, t, uncond)
            prev = schedule.step(guide(out_uncond, out_cond, settings.guidance), k, latent)
            loss = F.mse_loss(prev, target)
            optimiser.zero_grad(set_to_none=True)
            loss.backward()  # type: ignore[no-untyped-call]
            optimiser.step()
            reporter.report(Progress(PHASE, k + 1, n, j + 1, settings.inner_steps))
            if loss.item() < settings.threshold(k):
                break
        uncond = uncond.detach()
        result.append(uncond.cpu())
        with torch.no_grad():
            out_uncond = predict(latent, t, uncond)
            latent = schedule.step(guide(out_uncond, out_cond, settings.guidance), k, latent)
    return result


def _trainable_copy(cond: Conditioning) -> Conditioning:
    return Conditioning(cond.states.clone().requires_grad_(True),
                        None if cond.pooled is None else cond.pooled.clone().requires_grad_(True), cond.time_ids)
