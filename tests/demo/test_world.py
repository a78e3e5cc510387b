"""The demo world and its judge: rendering, captions, held-out combinations."""

from __future__ import annotations

import math
import random
from dataclasses import replace

import numpy as np
import pytest

from p2p_studio.demo.judge import colour_saturation, foreground_mask, judge
from p2p_studio.demo.train import DemoSpec
from p2p_studio.demo.world import (
    HELD_OUT_SEED,
    POSITIONS,
    SHAPES,
    held_out_combos,
    is_held_out,
    render,
    scene_from_seed,
    training_scene,
    unseen_caption_scene,
)
from p2p_studio.testing.clip_tokenizer import clip_tokenizer


def test_rendering_is_reproducible_and_resolution_independent() -> None:
    scene = scene_from_seed(HELD_OUT_SEED + 5, two_shapes=0.5)
    assert np.array_equal(render(scene, 64), render(scene_from_seed(HELD_OUT_SEED + 5, two_shapes=0.5), 64))
    small, large = judge(render(scene, 64)), judge(render(scene, 256))
    assert small.shape == large.shape and small.colour == large.colour
    assert math.dist([c * 4 for c in small.centroid], large.centroid) < 4


@pytest.mark.parametrize("side", [64, 128])
def test_judge_reads_every_held_out_scene_correctly(side: int) -> None:
    for seed in range(HELD_OUT_SEED, HELD_OUT_SEED + 300):
        scene = scene_from_seed(seed)
        shape = scene.shapes[0]
        verdict = judge(render(scene, side))
        (cx, cy), _ = shape.centre_radius(side)
        assert (verdict.shape, verdict.colour) == (shape.shape, shape.colour), scene.caption()
        assert math.dist(verdict.centroid, (cx - 0.5, cy - 0.5)) < 1.0 * side / 64


def test_colour_saturation_falls_when_the_colour_fades_or_turns() -> None:
    scene = scene_from_seed(HELD_OUT_SEED + 11).with_shape(colour="red")
    image = render(scene, 64)
    region = foreground_mask(image) > 0
    full = colour_saturation(image, region, "red")
    assert full > 0.6 and colour_saturation(image, region, "blue") == 0.0
    grey = image.mean(axis=2, keepdims=True)
    faded = (0.5 * image + 0.5 * grey).astype(np.uint8)  # half-way to grey
    assert 0.2 < colour_saturation(faded, region, "red") < full - 0.2
    turned = render(scene.with_shape(colour="blue"), 64)
    assert colour_saturation(turned, region, "red") < 0.05


def test_judge_sees_a_swapped_word() -> None:
    scene = scene_from_seed(HELD_OUT_SEED + 11)
    other = next(s for s in SHAPES if s != scene.shapes[0].shape)
    swapped = judge(render(scene.with_shape(shape=other)))
    assert swapped.shape == other
    assert math.dist(swapped.centroid, judge(render(scene)).centroid) < 1.5


def test_training_never_shows_a_held_out_combination() -> None:
    rng = random.Random(0)
    assert len(held_out_combos()) > 0
    for _ in range(3000):
        assert not any(is_held_out(s) for s in training_scene(rng).shapes)
    assert all(is_held_out(unseen_caption_scene(HELD_OUT_SEED + i).shapes[0]) for i in range(50))


def test_every_caption_fits_the_demo_models_tokens() -> None:
    tokenizer, spec = clip_tokenizer(DemoSpec().max_tokens), DemoSpec()
    rng = random.Random(1)
    longest = max(len(tokenizer(training_scene(rng, two_shapes=1.0).caption()).input_ids) for _ in range(500))
    assert longest <= spec.max_tokens


def test_unplaced_captions_leave_every_position_out_and_keep_the_old_data_stream() -> None:
    for scene in (scene_from_seed(7), scene_from_seed(8, two_shapes=1.0)):
        free = replace(scene, placed=False)
        assert not any(phrase in free.caption() for phrase, _ in POSITIONS.values())
        phrases = [f"a {s.size} {s.colour} {s.shape}" for s in scene.shapes]
        assert free.caption() == " and ".join(phrases) + f" on a {scene.background} background"
        assert scene.caption() != free.caption()
        np.testing.assert_array_equal(render(free), render(scene))  # the picture is the same
        assert free.with_shape(colour="blue").placed is False
    # unplaced=0 draws no extra random numbers: earlier runs' scenes are reproduced exactly
    a, b = random.Random(5), random.Random(5)
    assert [training_scene(a) for _ in range(50)] == [training_scene(b, 0.25, 0.0) for _ in range(50)]
    rng = random.Random(5)
    share = sum(not training_scene(rng, 0.25, 0.4).placed for _ in range(500)) / 500
    assert 0.33 < share < 0.47
