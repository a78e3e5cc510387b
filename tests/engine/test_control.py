"""Attention control: exact equalities the algorithm guarantees, and processor restoration.

Probabilities go through :meth:`AttentionControl.attend`, the path the processor takes after
projecting a layer's input (see ``attention_probe``)."""

from __future__ import annotations

import pytest
import torch
from attention_probe import attend, record
from diffusers.models.attention_processor import AttnProcessor2_0

from p2p_studio.core.settings import EditSettings, MaskKind
from p2p_studio.engine.control import (
    AttentionControl,
    ControlledAttnProcessor,
    LayerCase,
    controlled_attention,
    refine_start,
)
from p2p_studio.engine.masks import Guides
from p2p_studio.engine.plan import make_plan


def _controller(tiny, src, tgts, latent_hw=(32, 32), **kw):
    settings = EditSettings(steps=10, **kw)
    plans = [make_plan(tiny.tokenizer, src, t, tiny.max_tokens, settings) for t in tgts]
    return AttentionControl(plans, settings, latent_hw, len(tiny.unet.config.block_out_channels))


def _random_probs(batch, heads, q, k, seed=0):
    g = torch.Generator().manual_seed(seed)
    return torch.rand(batch, heads, q, k, generator=g).softmax(-1)


def test_reweighting_scales_exactly_the_chosen_columns(tiny) -> None:
    ctl = _controller(tiny, "a cat on a bench", ["a (cat:2.5) on a (bench:-1)"])
    ctl.begin_step(0)
    probs = _random_probs(4, 2, 64, tiny.max_tokens)
    assert ctl.case(True, 64) is LayerCase.CONDITIONAL
    out = attend(ctl, probs, is_cross=True)
    plan = ctl.windows.plans[0]
    cat, bench = plan.target.find("cat")[0].start, plan.target.find("bench")[0].start
    expected = out[2].clone()
    expected[..., cat] *= 2.5
    expected[..., bench] *= -1
    assert torch.equal(out[3], expected)
    torch.testing.assert_close(out[:3], probs[:3])  # unconditional half and source are not edited


def test_swap_injects_source_maps_then_releases(tiny) -> None:
    ctl = _controller(tiny, "a cat on a bench", ["a dog on a bench"], cross=0.5)
    probs = _random_probs(4, 2, 64, tiny.max_tokens, seed=1)
    ctl.begin_step(4)
    out = attend(ctl, probs, True)
    assert torch.equal(out[3], out[2])
    ctl.begin_step(5)
    out = attend(ctl, probs, True)
    torch.testing.assert_close(out[3], probs[3])
    assert not torch.equal(out[3], out[2])


def test_self_attention_injected_only_at_low_resolution_and_early(tiny) -> None:
    ctl = _controller(tiny, "a cat", ["a dog"], self_fraction=0.3, self_max_scale=0.25)
    ctl.begin_step(0)
    assert ctl.case(False, 8 * 8) is LayerCase.SOURCE_ONLY and ctl.case(False, 16 * 16) is LayerCase.FUSED
    probs = _random_probs(4, 2, 64, 64)
    out = attend(ctl, probs, False)
    assert torch.equal(out[3], out[2])
    torch.testing.assert_close(out[2], probs[2])
    ctl.begin_step(3)
    assert ctl.case(False, 8 * 8) is LayerCase.FUSED


def test_each_edit_keeps_its_own_self_attention_window(tiny) -> None:
    settings = EditSettings(steps=10, self_max_scale=0.25)
    plans = [make_plan(tiny.tokenizer, "a cat", "a dog", tiny.max_tokens, settings.replace(self_fraction=f))
             for f in (0.3, 0.1, 0.0)]
    ctl = AttentionControl(plans, settings, (32, 32), len(tiny.unet.config.block_out_channels))
    probs = _random_probs(8, 2, 64, 64, seed=3)
    ctl.begin_step(0)  # edits 1 and 2 inject, edit 3 (window 0) keeps its own
    assert ctl.case(False, 64) is LayerCase.CONDITIONAL
    out = attend(ctl, probs, False)
    assert torch.equal(out[5], out[4]) and torch.equal(out[6], out[4]) and not torch.equal(out[7], out[4])
    torch.testing.assert_close(out[7], probs[7])
    ctl.begin_step(1)  # only edit 1 still injects
    out = attend(ctl, probs, False)
    assert torch.equal(out[5], out[4]) and not torch.equal(out[6], out[4])
    torch.testing.assert_close(out[6:], probs[6:])
    ctl.begin_step(3)  # no edit injects: nothing is materialised for self-attention
    assert ctl.case(False, 64) is LayerCase.FUSED
    torch.testing.assert_close(attend(ctl, probs, False), probs)


def test_fused_path_matches_diffusers_processor(tiny) -> None:
    unet = tiny.unet
    ctl = _controller(tiny, "a cat", [])
    g = torch.Generator().manual_seed(0)
    x = torch.randn(2, 4, 32, 32, generator=g)
    emb = torch.randn(2, tiny.max_tokens, unet.config.cross_attention_dim, generator=g)
    with torch.no_grad():
        unet.set_attn_processor(AttnProcessor2_0())
        reference = unet(x, 500, encoder_hidden_states=emb).sample
        with controlled_attention(unet, ctl):
            ctl.begin_step(0)
            ours = unet(x, 500, encoder_hidden_states=emb).sample
    torch.testing.assert_close(ours, reference, rtol=1e-4, atol=1e-5)
    assert ctl.recorder.cross_sum is not None  # blend-resolution maps were recorded on the explicit path


def test_an_edit_through_the_unet_equals_the_unedited_batch_where_nothing_is_injected(tiny) -> None:
    """Identical captions with every window closed: each layer's explicit path gives what fused
    attention gives, so every prompt's prediction is the source's (to float precision)."""
    unet = tiny.unet
    ctl = _controller(tiny, "a cat", ["a cat"], cross=0.0, self_fraction=0.0)
    g = torch.Generator().manual_seed(1)
    x = torch.randn(1, 4, 32, 32, generator=g).expand(4, -1, -1, -1)
    emb = torch.randn(2, tiny.max_tokens, unet.config.cross_attention_dim, generator=g).repeat_interleave(2, 0)
    with torch.no_grad(), controlled_attention(unet, ctl):
        ctl.begin_step(9)
        out = unet(x, 500, encoder_hidden_states=emb).sample
    torch.testing.assert_close(out[1], out[0], rtol=1e-5, atol=1e-6)
    torch.testing.assert_close(out[3], out[2], rtol=1e-5, atol=1e-6)
    assert ctl.recorder.cross_count > 0


def test_processors_restored_after_error(tiny) -> None:
    unet = tiny.unet
    before = unet.attn_processors
    ctl = _controller(tiny, "a cat", ["a dog"])

    def boom(*_a, **_k):
        raise RuntimeError("boom")

    ctl.edit = boom
    with pytest.raises(RuntimeError, match="boom"), controlled_attention(unet, ctl):
        assert all(isinstance(p, ControlledAttnProcessor) for p in unet.attn_processors.values())
        ctl.begin_step(0)
        unet(torch.zeros(4, 4, 32, 32), 10, encoder_hidden_states=torch.zeros(4, tiny.max_tokens, 32))
    after = unet.attn_processors
    assert after.keys() == before.keys() and all(after[k] is before[k] for k in before)


def test_attention_store_does_not_grow_with_steps(tiny) -> None:
    ctl = _controller(tiny, "a cat", ["a dog"])
    h, w = ctl.grid.blend_hw  # the level whose maps are stored
    probs = _random_probs(4, 2, h * w, tiny.max_tokens)
    sizes = []
    for k in range(10):
        ctl.begin_step(k)
        attend(ctl, probs, True)
        sizes.append(ctl.recorder.cross_sum.numel())
    assert len(set(sizes)) == 1 and ctl.recorder.cross_count == 10


@pytest.mark.parametrize(
    ("latent_hw", "levels", "min_side", "blend_hw"),
    [
        ((64, 64), 4, 8, (16, 16)),  # SD 1.x at 512 px: the paper's 16x16 maps
        ((96, 64), 4, 8, (24, 16)),  # non-square photos keep the latent/4 level
        ((16, 16), 3, 8, (8, 8)),  # a 64-px model: 4x4 would be too coarse for a mask
        ((16, 16), 3, 1, (4, 4)),  # the floor can be switched off
        ((8, 8), 3, 16, (8, 8)),  # never finer than the latent itself
    ],
)
def test_blend_maps_are_latent_quarter_but_not_too_coarse(tiny, latent_hw, levels, min_side, blend_hw) -> None:
    settings = EditSettings(steps=10, blend_min_side=min_side)
    plan = make_plan(tiny.tokenizer, "a cat on a bench", "a dog on a bench", tiny.max_tokens, settings)
    ctl = AttentionControl([plan], settings, latent_hw, levels)
    assert ctl.grid.blend_hw == blend_hw


@pytest.mark.parametrize(("from_floor", "expected_cells"), [(True, 4 * 4), (False, 8 * 8)])
def test_blend_mask_thresholds_above_the_attention_floor(tiny, from_floor, expected_cells) -> None:
    """A word map with a 50 % floor and a 2x2 peak: thresholding between min and max masks the
    peak (dilated by the 3x3 pool to 4x4 cells); the paper's 0-to-max rule masks everything."""
    settings = EditSettings(steps=10, mask_from_floor=from_floor, blend_min_side=8)
    plan = make_plan(tiny.tokenizer, "a cat on a bench", "a dog on a bench", tiny.max_tokens, settings)
    ctl = AttentionControl([plan], settings, (16, 16), 3)
    h, w = ctl.grid.blend_hw
    assert (h, w) == (8, 8)
    word = torch.full((h, w), 0.5)
    word[3:5, 3:5] = 1.0
    store = torch.zeros(2, h * w, tiny.max_tokens)
    for prompt, words in ((0, plan.blend_source), (1, plan.blend_target)):
        store[prompt, :, words[0].start] = word.flatten()
    record(ctl, store)
    mask = ctl.blender.words.latent()[0]
    cells = mask.reshape(h, 2, w, 2).all(3).all(1)  # latent 16x16 -> blend cells 8x8
    assert int(cells.sum()) == expected_cells
    if from_floor:
        assert cells[2:6, 2:6].all()


def _disc(h: int, w: int, cy: float, cx: float, r: float) -> torch.Tensor:
    y, x = torch.meshgrid(torch.arange(h, dtype=torch.float32), torch.arange(w, dtype=torch.float32), indexing="ij")
    return (y - cy) ** 2 + (x - cx) ** 2 <= r**2


def _object_attention(obj: torch.Tensor) -> torch.Tensor:
    """Self-attention of a two-region image: every position attends evenly within its own region."""
    flat = obj.flatten()
    same = (flat[:, None] == flat[None, :]).float()
    return same / same.sum(-1, keepdim=True)


def _disc_masks(tiny, kind: str) -> tuple[AttentionControl, torch.Tensor, int]:
    """A controller whose recorded maps are a blocky word map over a disc (source and edit alike)
    and self-attention that stays within the disc; the disc; the step the blend starts."""
    settings = EditSettings(steps=10, blend_min_side=8, mask=MaskKind(kind))
    plan = make_plan(tiny.tokenizer, "a cat on a bench", "a dog on a bench", tiny.max_tokens, settings)
    ctl = AttentionControl([plan], settings, (16, 16), 3)
    assert ctl.grid.blend_hw == (8, 8) and ctl.grid.refine_hw == (16, 16)
    disc = _disc(16, 16, 7.5, 6.5, 4.2)
    word = torch.zeros(8, 8)
    word[1:7, 1:6] = 1.0  # cells covering the disc and some background beside it
    store = torch.zeros(2, 64, tiny.max_tokens)
    store[0, :, plan.blend_source[0].start] = word.flatten()
    store[1, :, plan.blend_target[0].start] = word.flatten()
    record(ctl, store)
    # the object's attention with a floor that softmax(log) keeps finite; its outline is the disc's
    probs = (_object_attention(disc) + 1e-30)[None, None].expand(4, 2, -1, -1)
    ctl.begin_step(plan.blend_start - 1)  # no mask is read before the blend starts: nothing recorded
    assert ctl.case(False, 256) is LayerCase.FUSED
    for step in (plan.blend_start, 9):  # the injected step records the source's maps for every prompt
        ctl.begin_step(step)
        assert (ctl.case(False, 256) is not LayerCase.FUSED) is (kind == "refined")
        attend(ctl, probs, is_cross=False)
    return ctl, disc, plan.blend_start


@pytest.mark.parametrize("kind", ["refined", "reference"])
def test_refined_mask_takes_the_objects_outline_from_self_attention(tiny, kind) -> None:
    """The refined mask is exactly the disc; the reference mask is the pooled block."""
    ctl, disc, _ = _disc_masks(tiny, kind)
    mask = ctl.blender.words.latent()[0]
    if kind == "refined":
        assert ctl.recorder.self_count == 2 and ctl.recorder.self_sum.shape == (2, 256, 256)
        assert torch.equal(mask, disc)
        full = ctl.blender.words.outline((64, 64))[0]  # photo size: the same disc, 4x finer edges
        assert torch.equal(full.reshape(16, 4, 16, 4)[:, 1:3, :, 1:3].all(3).all(1), disc)
    else:
        assert ctl.recorder.self_sum is None
        assert mask.sum() > disc.sum() * 1.5 and bool(mask[disc].all())


def _ring(mask: torch.Tensor) -> torch.Tensor:
    """The pixels just outside *mask* (its 3x3 neighbours)."""
    grown = torch.nn.functional.max_pool2d(mask[None, None].float(), 3, stride=1, padding=1)[0, 0] > 0
    return grown & ~mask


def test_the_photos_object_takes_its_rim_and_the_edits_blur_is_cut(tiny) -> None:
    """With guides, the outline covers the photo's anti-aliased edge (the old object must not show
    beside the new one) but not the model's blurred edge around the new object."""
    ctl, _, _ = _disc_masks(tiny, "refined")
    words = ctl.blender.words
    disc = words.outline((64, 64))[0]  # the cut without guides: the disc at the photo's size
    ring = _ring(disc)
    left = torch.zeros_like(disc)
    left[:, :26] = True  # the disc's left half (its centre is at x = 28)
    paper, red, blue = (torch.tensor(c)[:, None, None] for c in ([0.9, 0.9, 0.85], [0.85, 0.15, 0.15],
                                                                   [0.15, 0.2, 0.85]))
    photo = torch.where(disc, red, paper)
    photo = torch.where(ring & left, (red + paper) / 2, photo)  # anti-aliased on the left only
    edited = torch.where(disc, blue, paper)
    edited = torch.where(ring, (blue + paper) / 2, edited)  # the model's blur all round
    full = words.outline((64, 64), Guides(photo, (edited,)))[0]
    assert bool(full[disc].all()) and bool(full[ring & left].all())
    assert not bool(full[ring & ~left].any())


def test_refined_mask_store_is_flat_in_steps_and_off_without_blend(tiny) -> None:
    """The store is the head-averaged sum of each prompt's own maps (the refine level, latent size
    here, is finer than the injected levels), one ``(P, Q, Q)`` tensor whatever the steps."""
    ctl = _controller(tiny, "a cat", ["a dog"], latent_hw=(16, 16), blend_min_side=8)
    probs = _random_probs(4, 2, 256, 256)
    start = ctl.windows.plans[0].blend_start
    assert start == 2  # the default blend start, 0.2 of 10 steps
    for k in range(10):
        ctl.begin_step(k)
        assert (ctl.case(False, 256) is LayerCase.FUSED) is (k < start)  # recorded from the blend's start
        attend(ctl, probs, False)
    assert ctl.recorder.self_sum.shape == (2, 256, 256) and ctl.recorder.self_count == 10 - start
    torch.testing.assert_close(ctl.recorder.self_sum / (10 - start), probs[2:].mean(1))
    off = _controller(tiny, "a cat", ["a dog"], latent_hw=(16, 16), blend=False)
    off.begin_step(9)
    assert off.case(False, 256) is LayerCase.FUSED


@pytest.mark.parametrize(("starts", "first"), [((0.2,), 2), ((0.5, 0.3), 3), ((1.0,), 9), ((0.0,), 0)])
def test_self_attention_is_recorded_from_the_first_blend_on(tiny, starts, first) -> None:
    """Refined masks read self-attention from the earliest blend start; a blend that starts at the
    end still has the last step's maps for the photo-size composite."""
    plans = [make_plan(tiny.tokenizer, "a cat", "a dog", tiny.max_tokens, EditSettings(steps=10, blend_start=f))
             for f in starts]
    assert refine_start(plans) == first
    ctl = AttentionControl(plans, EditSettings(steps=10), (16, 16), len(tiny.unet.config.block_out_channels))
    assert ctl.recorder.self_from == first
