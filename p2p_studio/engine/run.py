"""What one edit run takes in and gives back: the photo, the run specification, the results."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

from inversion import Conditioning
from p2p_studio.core.detail import Region
from p2p_studio.core.results import EditResult, Fidelity
from p2p_studio.core.settings import EditSettings
from p2p_studio.core.text import Message, joined
from p2p_studio.engine.captions import Caption
from p2p_studio.engine.maps import word_maps
from p2p_studio.engine.plan import EditPlan
from p2p_studio.engine.preview import Previews


@dataclass(frozen=True)
class PreparedPhoto:
    """A user photo at full resolution and resized for the model."""

    original: Image.Image
    size: tuple[int, int]
    pixels: torch.Tensor
    digest: str
    #: The photo at the model's working size (what the reconstruction is compared with).
    working: Image.Image


@dataclass(frozen=True)
class RunSpec:
    """One batched Prompt-to-Prompt run: every caption denoised together from *noise*."""

    noise: torch.Tensor
    source: Caption
    plans: list[EditPlan]
    #: Conditioning of the source and every edited caption, one row each (source first).
    cond: Conditioning
    #: The unconditional conditioning at step *k* (null-text optimises it per step).
    uncond_at: Callable[[int], Conditioning]
    settings: EditSettings
    #: Each edit's settings (a sweep's cells differ from the run's in per-edit fields only).
    per_edit: tuple[EditSettings, ...]
    #: The photo of a real-photo edit (results composited at its size); ``None``: generated.
    photo: PreparedPhoto | None = None
    #: The inverted trajectory the source branch is pinned to (Direct inversion), per step.
    pin: list[torch.Tensor] | None = None
    #: Per edit, a hand-painted float mask in [0, 1] at any resolution, or ``None``.
    painted: tuple[np.ndarray | None, ...] | None = None
    preview: Previews | None = None
    #: A stochastic sampler's noise of each step, shared by every caption (empty: deterministic).
    step_noise: tuple[torch.Tensor, ...] = ()

    @property
    def captions(self) -> list[Caption]:
        return [self.source] + [p.target for p in self.plans]

    @property
    def latent_hw(self) -> tuple[int, int]:
        return self.noise.shape[-2], self.noise.shape[-1]

    def latent_masks(self) -> list[torch.Tensor | None] | None:
        """The painted masks at latent size: a latent cell is edited where most of its pixels are."""
        if self.painted is None:
            return None
        out: list[torch.Tensor | None] = []
        for mask in self.painted:
            if mask is None:
                out.append(None)
                continue
            t = torch.from_numpy(np.asarray(mask, dtype=np.float32))[None, None]
            out.append(F.interpolate(t, size=self.latent_hw, mode="area")[0, 0] > 0.5)
        return out


@dataclass(frozen=True)
class EditedImage:
    """One edited caption of a run: at the model's size, and at the photo's (``full``)."""

    plan: EditPlan
    image: Image.Image
    full: Image.Image
    #: The latent-size blend mask this edit was blended with, if it was.
    mask: torch.Tensor | None
    #: The alpha it was composited into the photo with (real photos, blended edits).
    mask_full: Image.Image | None
    #: The settings this caption was edited with (a sweep's cell differs from the run's).
    settings: EditSettings


@dataclass(frozen=True)
class EditRun:
    """Everything one edit (or sweep) produced: the source branch, each edited caption, and the
    tensors behind them (latents, attention maps) for analysis and tests."""

    reconstruction: Image.Image
    reconstruction_full: Image.Image
    edits: list[EditedImage]
    latents: torch.Tensor
    #: ``(P, L, h, w)`` averaged cross-attention maps per prompt (source first).
    attention: torch.Tensor | None
    captions: list[Caption]
    settings: EditSettings
    #: Seconds per phase: ``inversion``, ``edit``, ``decode`` and ``total``.
    timings: dict[str, float] = field(default_factory=dict)
    inversion_cached: bool = False
    #: The source branch against the photo (real-photo edits only).
    fidelity: Fidelity | None = None
    #: The region edited again at the working size (``None``: the whole photo only).
    region: Region | None = None

    def results(self) -> list[EditResult]:
        """Each edited caption as the display-ready :class:`EditResult` the other layers use."""
        seconds = self.timings.get("total", 0.0)
        return [
            EditResult(
                caption=self.captions[0].text, edit=out.plan.edit, settings=out.settings,
                plan=self._plan(out.plan), image=out.full, reconstruction=self.reconstruction_full,
                mask=out.mask_full, word_maps=tuple(word_maps(self.attention, self.captions, (0, i + 1))),
                seconds=seconds, inversion_cached=self.inversion_cached, fidelity=self.fidelity,
            )
            for i, out in enumerate(self.edits)
        ]

    def _plan(self, plan: EditPlan) -> Message:
        """An edit's plan line for History, with the region redrawn where there was one."""
        summary = plan.summary_message()
        return joined([summary, self.region.describe()]) if self.region is not None else summary


@dataclass(frozen=True)
class Batch:
    """What one batched run decoded, before it becomes (part of) an :class:`EditRun`."""

    #: The source branch at the model's working size.
    reconstruction: Image.Image
    edits: list[EditedImage]
    latents: torch.Tensor
    attention: torch.Tensor | None
    captions: list[Caption]
    seconds: dict[str, float]

    @staticmethod
    def merge(batches: list[Batch]) -> Batch:
        """Batches that share their source branch as one: its source once, then every batch's edits."""
        first = batches[0]
        maps = [b.attention for b in batches]
        attention = None
        if all(m is not None for m in maps):
            attention = torch.cat([m if i == 0 else m[1:] for i, m in enumerate(maps) if m is not None])
        seconds: dict[str, float] = {}
        for b in batches:
            for key, value in b.seconds.items():
                seconds[key] = seconds.get(key, 0.0) + value
        return Batch(first.reconstruction, [e for b in batches for e in b.edits],
                     torch.cat([first.latents] + [b.latents[1:] for b in batches[1:]]), attention,
                     first.captions + [c for b in batches[1:] for c in b.captions[1:]], seconds)
