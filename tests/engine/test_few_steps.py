"""Edits at few steps: ReNoise inversion through the editor, and guidance of 1 or below, where the
unconditional half of the batch is never computed."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from p2p_studio.core.settings import EditSettings, Method
from p2p_studio.engine.cache import InversionCache
from p2p_studio.engine.editor import Editor

CAPTION = "a cat sitting on a bench"
EDIT = "a tiger sitting on a bench"


@pytest.fixture
def editor(tiny, tmp_path):
    return Editor(tiny, InversionCache(tmp_path / "cache"))


@pytest.mark.parametrize("guidance", [1.0, 0.0, 7.5])
def test_identical_captions_reproduce_the_source_with_renoise(editor, cat_photo, guidance) -> None:
    s = EditSettings(steps=4, method=Method.RENOISE, guidance=guidance, cross=1.0, self_fraction=1.0,
                     self_max_scale=1.0, blend=False)
    result = editor.edit(editor.prepare(cat_photo), CAPTION, [CAPTION], s)
    assert torch.equal(result.latents[1], result.latents[0])
    assert np.array_equal(np.asarray(result.edits[0].image), np.asarray(result.reconstruction))
    assert result.fidelity is not None and result.fidelity.method is Method.RENOISE


def test_renoise_reconstructs_the_photo_better_than_ddim_at_four_steps(editor, cat_photo) -> None:
    """In latent space: the random tiny VAE alone limits the pixels to about 12 dB either way."""
    photo = editor.prepare(cat_photo)
    clean = editor.model.encode_image(photo.pixels)
    s = EditSettings(steps=4, guidance=1.0, blend=False)
    errors = {m: float(((editor.edit(photo, CAPTION, [EDIT], s.replace(method=m)).latents[0] - clean) ** 2).mean())
              for m in (Method.DDIM, Method.RENOISE)}
    assert errors[Method.RENOISE] < 0.01 * errors[Method.DDIM], errors


def test_the_renoise_settings_are_part_of_the_cache_key(editor, cat_photo) -> None:
    photo = editor.prepare(cat_photo)
    s = EditSettings(steps=4, method=Method.RENOISE)
    assert '"renoise"' in editor.inversion_origin(photo, CAPTION, s)
    assert '"renoise"' not in editor.inversion_origin(photo, CAPTION, s.replace(method=Method.DDIM))
    assert editor.inversion_origin(photo, CAPTION, s) != editor.inversion_origin(photo, CAPTION, s.replace(steps=20))


@pytest.mark.parametrize("guidance", [1.0, 0.5])
def test_at_guidance_one_or_below_only_the_conditional_half_runs(editor, cat_photo, guidance) -> None:
    """The batch is the P prompts alone (no unconditional rows), and the edit still injects: a swap
    differs from the source, the identical caption equals it."""
    photo = editor.prepare(cat_photo)
    s = EditSettings(steps=4, method=Method.DDIM, guidance=guidance, blend=False)
    inversion, _ = editor.invert(photo, CAPTION, s)
    editor.predict.evaluations = 0
    result = editor.edit(photo, CAPTION, [EDIT, CAPTION], s.replace(cross=1.0, self_fraction=1.0,
                                                                    self_max_scale=1.0), inversion=inversion)
    assert editor.predict.evaluations == 4 * 3  # 3 prompts x 4 steps, no unconditional rows
    assert torch.equal(result.latents[2], result.latents[0])
    assert not torch.equal(result.latents[1], result.latents[0])


def test_guidance_one_equals_the_conditional_prediction(editor, cat_photo) -> None:
    """diffusers' convention: no guidance at 1 or below, so the source branch of a generation at
    0.5 equals the one at 1 exactly (before: an interpolation towards the unconditional output)."""
    a = editor.generate(CAPTION, [EDIT], EditSettings(steps=3, guidance=1.0, seed=4))
    b = editor.generate(CAPTION, [EDIT], EditSettings(steps=3, guidance=0.5, seed=4))
    assert torch.equal(a.latents, b.latents)
