"""The torch-free caption helpers: re-weighting syntax shared by the engine and the edit panel."""

from __future__ import annotations

import pytest

from p2p_studio.core.captions import parse_weights, reweight
from p2p_studio.core.errors import InputError


def test_ctrl_up_reweights_the_word_under_the_cursor() -> None:
    assert reweight("a tiger on a bench", 4, 0.1) == ("a (tiger:1.1) on a bench", 13)
    assert reweight("a (tiger:1.1) on a bench", 5, -0.1)[0] == "a tiger on a bench"
    assert reweight("a (tiger:0.1) on a bench", 5, -0.2)[0] == "a (tiger:-0.1) on a bench"
    assert reweight("a tiger", 99, 0.1) == ("a tiger", 99)


def test_what_reweight_writes_parse_weights_reads() -> None:
    text, _ = reweight("a red car", 3, 0.5)
    weighted = parse_weights(text)
    assert weighted.text == "a red car" and weighted.weights == ((1, 1.5),)
    with pytest.raises(InputError, match="re-weighting"):
        parse_weights("a (red:1.5 car")
