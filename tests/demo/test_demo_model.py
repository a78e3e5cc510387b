"""What users care about, checked on the bundled demo model with the OpenCV judge.

The targets are the product's (issue 4). Where the current demo model falls short, the test keeps
the target and is marked xfail with the measured figure (see resources/demo-model/README.md).
Photos use 12 scenes, as the evaluation does: a 90 % bar needs more than 6 samples to mean 90 %.
"""

from __future__ import annotations

import itertools

import pytest

from p2p_studio.demo.evaluate import (
    evaluate_generation,
    evaluate_masks,
    evaluate_real_photos,
    evaluate_reweighting,
    evaluate_swaps,
)
from p2p_studio.engine.cache import InversionCache
from p2p_studio.engine.editor import Editor
from p2p_studio.engine.loading import load_model

pytestmark = [pytest.mark.slow, pytest.mark.demo_model]  # minutes: outside `make test-fast`


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Editor:
    # a cache: the mask measurement edits the same photos as the photo measurement
    return Editor(load_model("demo", device="cpu"), InversionCache(tmp_path_factory.mktemp("inversions")))


@pytest.fixture(scope="module")
def generation(demo: Editor) -> dict:
    return evaluate_generation(demo, n=16)


@pytest.fixture(scope="module")
def swaps(demo: Editor) -> dict:
    return evaluate_swaps(demo, n=16)


@pytest.fixture(scope="module")
def swaps_free_layout(demo: Editor) -> dict:
    return evaluate_swaps(demo, n=16, placed=False)


@pytest.fixture(scope="module")
def photos(demo: Editor) -> dict:
    return evaluate_real_photos(demo, n=12)


@pytest.fixture(scope="module")
def masks(demo: Editor, photos: dict) -> dict:
    return evaluate_masks(demo, n=6)


@pytest.fixture(scope="module")
def reweighting(demo: Editor) -> dict:
    return evaluate_reweighting(demo, n=6)


def test_the_demo_model_is_an_ordinary_sd_folder(demo: Editor) -> None:
    model = demo.model
    assert model.prediction_type == "epsilon" and model.native_size == 64
    assert model.vae.config.scaling_factor != 0.18215
    assert type(model.unet).__name__ == "UNet2DConditionModel"


def test_generation_draws_the_captioned_shape_and_colour(generation: dict) -> None:
    assert generation["correct"] >= 0.9, generation
    assert generation["unseen_captions"] >= 0.9, generation  # the 12 caption combinations never trained on


@pytest.mark.xfail(reason="target not met by demo model v3: P2P 0.83 vs plain re-generation 0.92 on 24 held-out "
                   "seeds (target >= 0.9 and clearly above plain); CHANGELOG.md lists what was tried", strict=True)
def test_word_swap_changes_the_word_and_keeps_the_layout(swaps: dict) -> None:
    assert swaps["p2p_success"] >= 0.9, swaps
    assert swaps["plain_regeneration_success"] <= swaps["p2p_success"] - 0.2, swaps


@pytest.mark.xfail(reason="target not met by demo model v3 on captions without positions: P2P 0.71 vs plain "
                   "0.54 on 24 held-out seeds (target >= 0.9); CHANGELOG.md lists what was tried", strict=True)
def test_word_swap_keeps_a_layout_that_only_the_noise_decided(swaps_free_layout: dict) -> None:
    assert swaps_free_layout["p2p_success"] >= 0.9, swaps_free_layout
    assert swaps_free_layout["plain_regeneration_success"] <= swaps_free_layout["p2p_success"] - 0.2, \
        swaps_free_layout


def test_real_photo_edit_keeps_every_pixel_outside_the_mask(photos: dict) -> None:
    assert photos["outside_mask_identical"] == 1.0, photos


def test_real_photo_reconstruction_psnr(photos: dict) -> None:
    assert photos["psnr_db_min"] >= 30, photos


def test_real_photo_edit_shows_the_target_attribute(photos: dict) -> None:
    assert photos["target_attribute_inside"] >= 0.9, photos


def test_refined_masks_follow_the_rendered_silhouettes(masks: dict) -> None:
    """Against the scenes' true silhouettes: the refined composite mask overlaps them far better
    than the reference's coarse mask and hardly reaches past one latent cell from them."""
    refined, reference = masks["refined"], masks["reference"]
    assert refined["iou_full"] >= 0.75 and refined["iou_full"] >= reference["iou_full"] + 0.2, masks
    assert refined["beyond_one_cell"] <= 0.05 < reference["beyond_one_cell"], masks
    assert refined["changed_outside"] < reference["changed_outside"], masks
    assert refined["border_stub"] <= reference["border_stub"], masks  # border attention is not mask


def test_reweighting_the_colour_word_down_fades_that_colour(reweighting: dict) -> None:
    factors = reweighting["factors"]
    down = reweighting["colour_saturation"][: factors.index(1.0) + 1]  # the lowest factor .. 1
    assert factors[0] < 0 and all(b > a for a, b in itertools.pairwise(down)), reweighting
    assert down[-1] - down[0] > 0.2, reweighting


def test_reweighting_the_colour_word_changes_saturation_monotonically(reweighting: dict) -> None:
    """Over the paper's factors (c in [-2, 2]); the palette colours are already saturated, so
    weighting up raises saturation only a little, but it must not lower it."""
    paper, saturation = reweighting["paper_factors"], reweighting["colour_saturation"]
    assert paper[0] == -2.0 and paper[-1] == 2.0, reweighting
    assert reweighting["colour_is_monotonic"], reweighting
    up = saturation[reweighting["factors"].index(2.0)] - saturation[reweighting["factors"].index(1.0)]
    assert up > 0, reweighting


def test_previews_show_the_edited_colour_by_mid_run_and_end_near_the_result(demo: Editor, monkeypatch) -> None:
    """The bundled first-run edit (red circle -> blue) with VAE previews (the budget opened here:
    when they are used is tested on a fake clock in tests/engine/test_preview.py)."""
    import numpy as np
    from PIL import Image

    from inversion import Reporter
    from p2p_studio.core.resources import samples
    from p2p_studio.core.results import psnr
    from p2p_studio.core.settings import EditSettings, Method
    from p2p_studio.engine import preview

    monkeypatch.setattr(preview, "PREVIEW_BUDGET", 1.0)
    sample = samples()[0]
    photo = demo.prepare(Image.open(sample.path).convert("RGB"))
    shown: list[tuple[int, Image.Image]] = []
    run = demo.edit(photo, sample.caption, [sample.edit], EditSettings(steps=50, method=Method.DIRECT),
                    Reporter(on_preview=lambda progress, image: shown.append((progress.step, image))))
    final = np.asarray(run.edits[0].image.convert("RGB"))

    def blue(image: np.ndarray) -> float:
        return float(((image[..., 2].astype(int) - image[..., 0]) > 60).mean())

    pixels = [(step, np.asarray(im.convert("RGB").resize(run.edits[0].image.size))) for step, im in shown]
    assert pixels[-1][0] == 49 and psnr(pixels[-1][1], final) > 28  # measured 32.4 dB (the linear map: 12.3)
    assert blue(final) > 0.15 and any(blue(p) > blue(final) / 2 for step, p in pixels if step <= 25)
