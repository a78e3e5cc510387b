"""When previews are drawn by the VAE and when by the linear map: the budget, on a fake clock."""

from __future__ import annotations

import pytest
import torch
from PIL import Image

from p2p_studio.engine.preview import LatentPreview, Previews, preview_latent


class Run:
    """A fake run: each step takes *step* seconds, a decode *decode* seconds."""

    def __init__(self, step: float, decode: float) -> None:
        self.now, self.step, self.decode_seconds, self.decoded = 0.0, step, decode, 0

    def clock(self) -> float:
        return self.now

    def decode(self, latent: torch.Tensor) -> Image.Image:
        self.now += self.decode_seconds
        self.decoded += 1
        return Image.new("RGB", (latent.shape[-1] * 8, latent.shape[-2] * 8), "blue")

    def play(self, previews: Previews, steps: int) -> list[tuple[int, str]]:
        """The steps previews were shown after, and by what ('vae' or 'linear')."""
        previews.begin(steps)
        shown = []
        for done in range(1, steps + 1):
            self.now += self.step
            if previews.due(done):
                image = previews.image(torch.zeros(4, 8, 8), done)
                shown.append((done, "vae" if image.size == (64, 64) else "linear"))
        return shown


LINEAR = LatentPreview(torch.zeros(5, 3))


@pytest.mark.parametrize(("decode", "expected"), [
    (0.01, [(s, "vae") for s in range(4, 50, 5)]),  # cheap: ten, all drawn by the VAE
    (0.5, [(4, "vae"), (17, "vae"), (33, "vae"), (49, "vae")]),  # 4 % of 50 s: 4 decodes in all
    (2.0, [(4, "vae")] + [(s, "linear") for s in range(9, 50, 5)]),  # not even 3 fit: the linear map
])
def test_the_vae_draws_as_many_previews_as_fit_the_budget(decode, expected) -> None:
    run = Run(step=1.0, decode=decode)
    assert run.play(Previews(LINEAR, run.decode, run.clock), 50) == expected
    decodes = [how for _, how in expected].count("vae")
    assert decodes * decode <= 0.04 * 50 or decodes == 1  # within budget, or the one that measured


def test_without_a_decoder_the_linear_map_shows_about_ten_and_the_last_is_before_the_end() -> None:
    run = Run(step=1.0, decode=0.0)
    assert run.play(Previews(LINEAR, None, run.clock), 20) == [(s, "linear") for s in range(1, 20, 2)]
    assert run.play(Previews(LINEAR, None, run.clock), 4) == [(1, "linear"), (2, "linear"), (3, "linear")]
    assert run.decoded == 0


def test_large_latents_are_decoded_at_half_their_side() -> None:
    small, large = torch.randn(4, 32, 24), torch.randn(4, 64, 48)
    assert preview_latent(small) is small
    halved = preview_latent(large)
    assert halved.shape == (4, 32, 24) and torch.allclose(halved[:, 0, 0], large[:, :2, :2].mean((1, 2)))
