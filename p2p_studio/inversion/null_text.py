"""Null-text inversion (Mokady et al.): optimise the unconditional embedding per step."""

from __future__ import annotations

import torch
import torch.nn.functional as F

from p2p_studio.core.settings import NullTextSettings
from p2p_studio.inversion.predict import NoisePredictor, guide
from p2p_studio.inversion.progress import Progress, Reporter
from p2p_studio.inversion.schedule import DDIMSchedule

PHASE = "Null-text"


def optimise_null_text(
    predict: NoisePredictor,
    schedule: DDIMSchedule,
    trajectory: list[torch.Tensor],
    cond: torch.Tensor,
    uncond_init: torch.Tensor,
    settings: NullTextSettings = NullTextSettings(),
    reporter: Reporter | None = None,
) -> list[torch.Tensor]:
    """Return one optimised unconditional embedding per step (fp32, CPU).

    Guided sampling with these embeddings follows the DDIM-inversion *trajectory* (the pivots).
    Only the embedding is optimised, always in fp32; the model may run in half precision.
    """
    reporter = reporter or Reporter()
    n = schedule.num_steps
    device = predict.device
    cond = cond.detach().to(device)
    uncond = uncond_init.detach().float().to(device)
    latent = trajectory[0].float().to(device)
    result: list[torch.Tensor] = []
    for k in range(n):
        t = schedule.timesteps[k]
        target = trajectory[k + 1].float().to(device)
        with torch.no_grad():
            out_cond = predict(latent, t, cond)
        uncond = uncond.clone().requires_grad_(True)
        optimiser = torch.optim.Adam([uncond], lr=settings.lr(k))
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
