"""How long an edit will take on this machine: its UNet rows, counted from the settings the run
will use, times the seconds one row takes here (measured once, when the model loads)."""

from __future__ import annotations

import time

import torch

from inversion import Method as LibraryMethod
from inversion import ReNoiseSettings, inversion_rows
from inversion.cost import rows_per_guided
from p2p_studio.core.detail import STRENGTH
from p2p_studio.core.settings import EditSettings
from p2p_studio.engine.editor import Editor, null_text_settings, refine_start


def edit_rows(editor: Editor, settings: EditSettings, edits: int = 1, photo: bool = True) -> int:
    """Batch-1 UNet evaluations of an edit with *edits* edited captions: the photo's inversion (at
    most; see :func:`inversion.inversion_rows`) and the batched denoising of source and edits."""
    schedule = editor.schedule(settings.steps)
    embeds = editor.predict.embeds_guidance
    rows = settings.steps * (1 + edits) * rows_per_guided(settings.guidance, embeds)
    if photo:
        rows += inversion_rows(LibraryMethod(settings.method.value), schedule, null_text_settings(settings),
                               ReNoiseSettings.for_steps(settings.steps, settings.guidance), embeds)
    return rows


def region_rows(editor: Editor, settings: EditSettings, edits: int = 1) -> int:
    """Batch-1 UNet evaluations the edited-region redraw adds to an edit (``detail`` ``auto`` or
    ``region``, where it applies): the last :data:`~p2p_studio.core.detail.STRENGTH` of the steps
    again, for each edited caption."""
    steps = settings.steps - refine_start(settings.steps, STRENGTH)
    return steps * edits * rows_per_guided(settings.guidance, editor.predict.embeds_guidance)


@torch.no_grad()
def seconds_per_row(editor: Editor) -> float:
    """Seconds of one batch-1 UNet evaluation at the model's native size, measured here. Off the
    CPU the first call (kernel selection, lazy set-up) is a warm-up and the second is timed."""
    model = editor.model
    side = model.native_size // model.vae_scale
    latents = torch.zeros(1, model.latent_channels, side, side)
    cond = editor.empty_embedding(editor.time_ids(None))
    timestep = editor.schedule(1).timesteps[0]
    counted = editor.predict.evaluations
    seconds = 0.0
    for _ in range(1 if model.device.type == "cpu" else 2):
        _sync(model.device)
        start = time.perf_counter()
        editor.predict(latents, timestep, cond)
        _sync(model.device)
        seconds = time.perf_counter() - start
    editor.predict.evaluations = counted  # a measurement, not part of any run
    return seconds


def _sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)
