"""What an inversion costs before it runs: batch-1 UNet evaluations ("rows"), from the same
settings the methods use, so a caller can show the expected time of a run."""

from __future__ import annotations

from inversion.predict import guides
from inversion.renoise import ReNoiseSettings
from inversion.schedule import Schedule
from inversion.settings import Method, NullTextSettings

#: One Adam iteration of null-text inversion in rows: a forward and a backward pass (about two).
NULL_TEXT_ITERATION_ROWS = 3


def rows_per_guided(guidance: float, embeds_guidance: bool = False) -> int:
    """Rows of one guided evaluation: two above guidance 1 (the unconditional half), else one."""
    return 2 if guides(guidance) and not embeds_guidance else 1


def inversion_rows(method: Method | str, schedule: Schedule, settings: NullTextSettings,
                   renoise: ReNoiseSettings | None = None, embeds_guidance: bool = False) -> int:
    """Rows :func:`inversion.invert` takes at most with these arguments: exact for DDIM, Direct,
    negative-prompt and ReNoise (less only where ReNoise stops a diverging step early); for
    null-text, every step's Adam iterations counted in full (early stopping makes it faster)."""
    method = Method(method)
    n = schedule.num_steps
    guided = rows_per_guided(settings.guidance, embeds_guidance)
    if method is Method.RENOISE:
        renoise = renoise or ReNoiseSettings.for_steps(n, settings.guidance)
        rows = sum((renoise.plan(t)[0] + 1) * guided for t in schedule.timesteps)
        if renoise.regularise_steps > 0:
            rows += n * guided  # the forward-noised latent's output rides along with the first estimate
    else:
        rows = n  # the DDIM trajectory: the conditional output once per step
    if method is Method.NULL_TEXT and guides(settings.guidance):
        rows += n * (1 + settings.inner_steps * NULL_TEXT_ITERATION_ROWS)
    if schedule.stochastic:  # the noise correction: one guided evaluation per step that draws noise
        rows += guided * sum(1 for k in range(n) if schedule.noise_scale(k) != 0.0)
    return rows
