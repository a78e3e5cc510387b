"""What an edit produces, in the one form every layer passes on (no torch: images and arrays)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

from p2p_studio.core.settings import EditSettings


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
    plan: str  # the plan in one line, e.g. "swap: tiger ← cat, local blend on cat/tiger"
    image: Image.Image
    reconstruction: Image.Image
    mask: Image.Image | None  # 8-bit alpha of the local blend; None without local blend
    word_maps: tuple[WordMap, ...]
    seconds: float
    inversion_cached: bool
