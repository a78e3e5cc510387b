"""The demo model's grounding loss: targets from the renderer, the loss itself, the recording processor."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
import torch
from diffusers.models.attention_processor import AttnProcessor2_0

from p2p_studio.demo.train import (
    DemoSpec,
    TrainSettings,
    build_unet,
    build_vae,
    decoy_captions,
    grounding_loss,
    grounding_targets,
    install_recorder,
    train_unet,
)
from p2p_studio.demo.world import sample_scene, shape_masks
from p2p_studio.engine.captions import tokenize
from p2p_studio.testing.clip_tokenizer import clip_tokenizer

SPEC = DemoSpec()


@pytest.fixture(scope="module")
def tokenizer():
    return clip_tokenizer(SPEC.max_tokens)


def test_grounding_targets_put_each_object_word_on_its_own_shape(tokenizer) -> None:
    scene = sample_scene(random.Random(3), two_shapes=1.0)
    assert len(scene.shapes) == 2
    regions, weights = grounding_targets([scene], tokenizer, SPEC)
    masks = torch.from_numpy(shape_masks(scene, SPEC.image_size))
    caption = tokenize(tokenizer, scene.caption(), SPEC.max_tokens)
    for k, shape in enumerate(scene.shapes):
        for word in (shape.colour, shape.shape, shape.position):
            hits = caption.find(word)  # both shapes may be squares: then the k-th
            hit = hits[k] if len(hits) == 2 else hits[0]
            assert bool(weights[0, hit.start] == 1)
            assert torch.equal(regions[0, hit.start], masks[k])
    background = caption.find("background")[0]
    assert torch.equal(regions[0, background.start], 1 - masks.sum(0).clamp(max=1))
    for word in ("a", "on", "and"):
        assert all(bool(weights[0, w.start] == 0) for w in caption.find(word))
    assert not bool(weights[0, 0]) and not bool(weights[0, caption.eos])


def test_grounding_targets_of_a_caption_without_positions(tokenizer) -> None:
    scene = replace(sample_scene(random.Random(3), two_shapes=1.0), placed=False)
    regions, weights = grounding_targets([scene], tokenizer, SPEC)
    masks = torch.from_numpy(shape_masks(scene, SPEC.image_size))
    caption = tokenize(tokenizer, scene.caption(), SPEC.max_tokens)
    grounded = {w.text for w in caption.words if bool(weights[0, w.start] == 1)}
    assert grounded == {"small", "background", scene.background} | {s.colour for s in scene.shapes} | {
        s.shape for s in scene.shapes}
    for k, shape in enumerate(scene.shapes):
        hits = caption.find(shape.colour)
        assert torch.equal(regions[0, hits[0].start], masks[k])
    decoys, keep = decoy_captions([scene], random.Random(0), 1.0, tokenizer, SPEC.max_tokens)
    (kept,) = [w for w in caption.words if bool(keep[0, w.start])]
    assert kept.text in {s.colour for s in scene.shapes} | {s.shape for s in scene.shapes}
    assert decoys[0] != scene.caption() and replace(scene, placed=True).caption() != decoys[0]


def test_grounding_loss_is_the_share_of_attention_outside_the_region() -> None:
    side, length = 8, 5
    regions = torch.zeros(1, length, 16, 16)
    regions[0, 1, :8, :8] = 1  # token 1 belongs in the top-left quarter
    weights = torch.zeros(1, length)
    weights[0, 1] = 1
    top_left = torch.zeros(side, side)
    top_left[:4, :4] = 1
    inside = torch.zeros(1, side * side, length)
    inside[0, :, 1] = top_left.flatten()
    uniform = torch.full((1, side * side, length), 1 / length)
    assert grounding_loss([inside], regions, weights).item() == pytest.approx(0.0)
    assert grounding_loss([uniform], regions, weights).item() == pytest.approx(0.75)
    assert grounding_loss([inside, uniform], regions, weights).item() == pytest.approx(0.375)
    peak = torch.zeros(1, side * side, length)
    peak[0, 0, 1] = 1  # all of token 1 on one spot of its region: "inside" is content, "cover" is not
    assert grounding_loss([peak], regions, weights).item() == pytest.approx(0.0)
    assert grounding_loss([inside], regions, weights, "cover").item() == pytest.approx(0.0, abs=1e-6)
    assert grounding_loss([peak], regions, weights, "cover").item() == pytest.approx(0.75)  # 1 - sqrt(1/16)
    assert grounding_loss([uniform], regions, weights, "cover").item() == pytest.approx(0.5)  # 1 - sqrt(1/4)
    with pytest.raises(ValueError, match="grounding target"):
        grounding_loss([peak], regions, weights, "outside")


def test_recording_processor_changes_nothing_but_keeps_differentiable_maps() -> None:
    unet = build_unet(SPEC)
    side = unet.config.sample_size
    g = torch.Generator().manual_seed(0)
    x = torch.randn(2, 4, side, side, generator=g)
    states = torch.randn(2, SPEC.max_tokens, SPEC.text_width, generator=g)
    unet.set_attn_processor(AttnProcessor2_0())
    with torch.no_grad():
        reference = unet(x, 500, states).sample
    recorder = install_recorder(unet)
    states.requires_grad_(True)
    out = unet(x, 500, states).sample
    torch.testing.assert_close(out, reference, rtol=1e-4, atol=1e-5)
    attn2 = [name for name in unet.attn_processors if ".attn2." in name]
    assert len(recorder.maps) == len(attn2)
    for probs in recorder.maps:
        assert probs.shape[0] == 2 and probs.shape[2] == SPEC.max_tokens
        torch.testing.assert_close(probs.sum(-1), torch.ones(probs.shape[:2]))
    recorder.maps[0][..., 3].sum().backward()
    assert states.grad is not None and bool(states.grad.abs().sum() > 0)


def test_decoy_captions_differ_in_one_attribute_word_and_keep_only_its_tokens(tokenizer) -> None:
    scenes = [sample_scene(random.Random(seed), two_shapes=0.5) for seed in range(40)]
    decoys, keep_real = decoy_captions(scenes, random.Random(0), 0.5, tokenizer, SPEC.max_tokens)
    changed = 0
    for scene, decoy, keep in zip(scenes, decoys, keep_real, strict=True):
        real = tokenize(tokenizer, scene.caption(), SPEC.max_tokens)
        fake = tokenize(tokenizer, decoy, SPEC.max_tokens)
        differing = [i for i, (a, b) in enumerate(zip(real.ids, fake.ids, strict=True)) if a != b]
        assert keep.nonzero().flatten().tolist() == differing  # exactly the changed word's tokens
        if differing:
            changed += 1
            (word,) = [w for w in real.words if w.start == differing[0]]
            assert word.text in {s.colour for s in scene.shapes} | {s.shape for s in scene.shapes}
    assert 10 < changed < 30  # about half
    none, _ = decoy_captions(scenes, random.Random(0), 0.0, tokenizer, SPEC.max_tokens)
    assert none == [s.caption() for s in scenes]


def test_grounded_training_reports_the_grounding_loss(tokenizer) -> None:
    spec = replace(SPEC, unet_channels=(16, 32, 32), vae_channels=(16, 32, 32), norm_groups=8)
    settings = TrainSettings(unet_steps=2, unet_batch=2, warmup=1, grounding=0.1, grounding_target="cover",
                             decoy_context=0.5)
    vae = build_vae(spec).eval().requires_grad_(False)
    unet, _, stats = train_unet(spec, settings, vae, tokenizer, log=lambda _line: None)
    assert 0 < stats["grounding_loss"] < 1
    assert not any(".attn2." in n and type(p).__name__ == "RecordingCrossAttention"
                   for n, p in unet.attn_processors.items())

