"""Word heat maps computed in the engine: per-word shape and across-word strength, exactly."""

from __future__ import annotations

import numpy as np
import torch

from p2p_studio.engine.captions import tokenize
from p2p_studio.engine.maps import word_maps


def test_maps_are_normalised_per_word_and_across_words(tiny) -> None:
    captions = [tokenize(tiny.tokenizer, "a red car", tiny.max_tokens),
                tokenize(tiny.tokenizer, "a blue car", tiny.max_tokens)]
    attention = torch.zeros(2, tiny.max_tokens, 2, 2)
    attention[0, 2] = torch.tensor([[0.1, 0.4], [0.0, 0.2]])  # "red": peak 0.4
    attention[0, 3] = torch.tensor([[0.8, 0.0], [0.0, 0.0]])  # "car": peak 0.8, the strongest
    maps = word_maps(attention, captions, (0,))
    assert [(m.prompt, m.word, m.index) for m in maps] == [(0, "a", 0), (0, "red", 1), (0, "car", 2)]
    red, car = maps[1], maps[2]
    assert np.array_equal(red.heat, np.array([[0.25, 1.0], [0.0, 0.5]], dtype=np.float32))
    assert (red.share, car.share, maps[0].share) == (0.5, 1.0, 0.0)
    assert not maps[0].heat.any()  # an empty map stays empty, no division by zero
    assert [m.prompt for m in word_maps(attention, captions, (0, 1))] == [0, 0, 0, 1, 1, 1]
    assert word_maps(None, captions, (0,)) == []
