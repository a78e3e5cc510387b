"""Per-word attention heat maps from a run's averaged cross-attention (for the app and ``--maps``)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import torch

from p2p_studio.core.results import WordMap
from p2p_studio.engine.captions import Caption


def word_maps(attention: torch.Tensor | None, captions: Sequence[Caption], prompts: Sequence[int]) -> list[WordMap]:
    """Heat maps of every word of the captions at *prompts* (indices into ``attention``'s first axis).

    *attention* is ``(P, L, h, w)``; a word's map is the sum over its tokens. Each map is divided
    by its own peak, and :attr:`WordMap.share` keeps the peak relative to the caption's strongest
    word, so both a word's shape and the words' relative strength can be shown. The maps are
    numbered by their position in *prompts* (0 the source, 1 the edited caption).
    """
    if attention is None:
        return []
    maps: list[WordMap] = []
    for number, p in enumerate(prompts):
        caption = captions[p]
        heats = [attention[p, w.start:w.end].sum(0).float().numpy() for w in caption.words]
        peaks = [float(h.max()) for h in heats]
        strongest = max(peaks, default=0.0)
        for i, (word, heat, peak) in enumerate(zip(caption.words, heats, peaks, strict=True)):
            normalised = heat / peak if peak > 0 else heat
            share = peak / strongest if strongest > 0 else 0.0
            maps.append(WordMap(number, word.text, i, normalised.astype(np.float32), share))
    return maps
