"""What an edit produces, in the one form every layer passes on (no torch: images and arrays)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PIL import Image

from p2p_studio.core.settings import EditSettings, Method
from p2p_studio.core.text import Message

#: Reconstruction PSNR (dB) from which an inversion counts as faithful, and below which it is poor.
#: Null-text and Direct inversion of SD 1.4 reach about 27 dB on PIE-Bench backgrounds, DDIM about 18.
FAITHFUL_DB = 25.0
POOR_DB = 20.0


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    """Peak signal-to-noise ratio of two 8-bit images of the same shape, in dB (inf if equal)."""
    if a.shape != b.shape:
        raise ValueError(f"images differ in shape: {a.shape} vs {b.shape}")
    mse = float(np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2))
    return math.inf if mse == 0 else 10 * math.log10(255.0**2 / mse)


@dataclass(frozen=True)
class Fidelity:
    """How faithfully an inversion reconstructs the photo: the source branch's PSNR against the
    photo, both at the model's working size."""

    method: Method
    psnr_db: float
    #: A few-step model: ReNoise is its faithful inversion (null-text is for 50-step models and
    #: cannot run with a sampler that adds noise).
    few_step: bool = False

    @property
    def verdict(self) -> str:
        if self.psnr_db >= FAITHFUL_DB:
            return "faithful"
        return "fair" if self.psnr_db >= POOR_DB else "poor"

    @property
    def better(self) -> Method:
        """The most faithful inversion for this model."""
        return Method.RENOISE if self.few_step else Method.NULL_TEXT

    @property
    def hint_template(self) -> str | None:
        """:attr:`hint` with ``{method}`` in place of the better method (the app translates it)."""
        if self.verdict == "faithful":
            return None
        if self.method is not self.better:
            return "try {method} inversion for a closer reconstruction"
        if self.few_step:
            return "check that the caption describes the photo, or use more steps"
        return "check that the caption describes the photo, or raise the null-text iterations"

    @property
    def hint(self) -> str | None:
        """One line for a reconstruction that is not faithful, else ``None``."""
        template = self.hint_template
        return template.format(method=self.better.value) if template is not None else None

    @property
    def short_template(self) -> str:
        """The verdict in a word or two, ``{method}`` standing for the better method."""
        return "try {method}" if self.hint and self.method is not self.better else self.verdict

    def __str__(self) -> str:
        """``null-text 31.2 dB — faithful``; ``ddim 17.4 dB — try null-text``."""
        return f"{self.method.value} {self.psnr_db:.1f} dB — {self.short_template.format(method=self.better.value)}"

    def to_dict(self) -> dict[str, object]:
        return {"method": self.method.value, "psnr_db": round(self.psnr_db, 2), "verdict": self.verdict,
                "hint": self.hint}


@dataclass(frozen=True)
class WordMap:
    """Where one word of a caption attends, averaged over the steps and layers of the run."""

    prompt: int  # 0: the source caption, 1: the edited caption
    word: str
    index: int  # word index in its caption
    #: ``(h, w)`` float32 in [0, 1]: the word's own map divided by its peak (shows its shape).
    heat: np.ndarray
    #: The word's peak relative to the strongest word of the same caption, in (0, 1] (0 for an empty
    #: map): multiply ``heat`` by it to compare words with each other.
    share: float

    def image(self, size: tuple[int, int], relative: bool = False) -> Image.Image:
        """The map as an 8-bit grey image at *size* (bilinear); *relative* scales it by its share."""
        heat = np.clip(self.heat * (self.share if relative else 1.0), 0.0, 1.0)
        return Image.fromarray(np.round(heat * 255).astype(np.uint8)).resize(size, Image.Resampling.BILINEAR)


@dataclass(frozen=True)
class EditResult:
    """One edited caption's result at the photo's resolution: what the engine hands out, the app's
    worker sends to the UI thread and the session keeps in its history."""

    caption: str
    edit: str
    settings: EditSettings
    plan: Message  # the plan in one line, e.g. "swap: tiger ← cat, local blend on cat/tiger"
    image: Image.Image
    reconstruction: Image.Image
    mask: Image.Image | None  # 8-bit alpha of the local blend; None without local blend
    word_maps: tuple[WordMap, ...]
    seconds: float
    inversion_cached: bool
    #: The reconstruction's quality; ``None`` for text-to-image runs (no photo to compare with).
    fidelity: Fidelity | None = None
