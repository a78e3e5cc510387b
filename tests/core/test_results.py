"""Reconstruction quality: PSNR and the verdict shown next to the inversion method."""

from __future__ import annotations

import math

import numpy as np
import pytest

from p2p_studio.core.results import FAITHFUL_DB, POOR_DB, Fidelity, psnr
from p2p_studio.core.settings import Method


def test_psnr_of_a_known_error() -> None:
    a = np.zeros((4, 4, 3), np.uint8)
    b = a.copy()
    b[0, 0, 0] = 255  # one of 48 values off by 255: mse = 255^2 / 48
    assert psnr(a, b) == pytest.approx(10 * math.log10(48))
    assert psnr(a, a) == math.inf
    with pytest.raises(ValueError, match="differ in shape"):
        psnr(a, a[:2])


@pytest.mark.parametrize(
    ("method", "db", "text", "hinted"),
    [
        (Method.NULL_TEXT, 31.24, "null-text 31.2 dB — faithful", False),
        (Method.DDIM, 17.4, "ddim 17.4 dB — try null-text", True),
        (Method.DIRECT, FAITHFUL_DB - 0.01, "direct 25.0 dB — try null-text", True),
        (Method.NULL_TEXT, POOR_DB - 1, "null-text 19.0 dB — poor", True),
        (Method.NULL_TEXT, FAITHFUL_DB - 1, "null-text 24.0 dB — fair", True),
    ],
)
def test_fidelity_line_and_hint(method, db, text, hinted) -> None:
    quality = Fidelity(method, db)
    assert str(quality) == text
    assert (quality.hint is not None) is hinted
    assert quality.to_dict()["psnr_db"] == round(db, 2)
