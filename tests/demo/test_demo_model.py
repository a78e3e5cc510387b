"""What users care about, checked on the bundled demo model with the OpenCV judge.

The targets are the product's (issue 4). Where the current demo model falls short, the test keeps
the target and is marked xfail with the measured figure (see resources/demo-model/README.md).
Photos use 12 scenes, as the evaluation does: a 90 % bar needs more than 6 samples to mean 90 %.
"""

from __future__ import annotations

import pytest

from p2p_studio.demo.evaluate import (
    evaluate_generation,
    evaluate_real_photos,
    evaluate_reweighting,
    evaluate_swaps,
)
from p2p_studio.engine.editor import Editor
from p2p_studio.engine.loading import load_model

pytestmark = pytest.mark.slow
SHORT = ("demo model v2 (55 + 16 + 115 CPU minutes of UNet training, then 50 with the grounding loss); "
         "see resources/demo-model/README.md")


@pytest.fixture(scope="module")
def demo() -> Editor:
    return Editor(load_model("demo", device="cpu"))


@pytest.fixture(scope="module")
def generation(demo: Editor) -> dict:
    return evaluate_generation(demo, n=16)


@pytest.fixture(scope="module")
def swaps(demo: Editor) -> dict:
    return evaluate_swaps(demo, n=16)


@pytest.fixture(scope="module")
def photos(demo: Editor) -> dict:
    return evaluate_real_photos(demo, n=12)


def test_the_demo_model_is_an_ordinary_sd_folder(demo: Editor) -> None:
    model = demo.model
    assert model.prediction_type == "epsilon" and model.native_size == 64
    assert model.vae.config.scaling_factor != 0.18215
    assert type(model.unet).__name__ == "UNet2DConditionModel"


def test_generation_draws_the_captioned_shape_and_colour(generation: dict) -> None:
    assert generation["correct"] >= 0.9, generation
    assert generation["unseen_captions"] >= 0.9, generation  # the 12 caption combinations never trained on


@pytest.mark.xfail(reason="measured 0.71 with P2P vs 0.58 for plain re-generation on 24 seeds (target 0.9 and "
                   "clearly above plain): the attribute changes in 0.92, the centroid stays within 2 px in 0.79 "
                   f"(most misses land at 2-3 px); {SHORT}", strict=False)
def test_word_swap_changes_the_word_and_keeps_the_layout(swaps: dict) -> None:
    assert swaps["p2p_success"] >= 0.9, swaps
    assert swaps["plain_regeneration_success"] <= swaps["p2p_success"] - 0.2, swaps


def test_real_photo_edit_keeps_every_pixel_outside_the_mask(photos: dict) -> None:
    assert photos["outside_mask_identical"] == 1.0, photos


def test_real_photo_reconstruction_psnr(photos: dict) -> None:
    assert photos["psnr_db_min"] >= 30, photos


def test_real_photo_edit_shows_the_target_attribute(photos: dict) -> None:
    assert photos["target_attribute_inside"] >= 0.9, photos


@pytest.mark.xfail(reason="measured mean saturation 0.7699 .. 0.7687 for factors -1..3: the colour reaches the "
                   "shape through the words after it (the text encoder is causal), so weighting the colour word "
                   f"alone barely moves it; {SHORT}", strict=False)
def test_reweighting_the_colour_word_changes_saturation_monotonically(demo: Editor) -> None:
    report = evaluate_reweighting(demo, n=6)
    assert report["mean_is_monotonic"], report
    assert report["mean_saturation"][-1] > report["mean_saturation"][0] + 0.05, report
