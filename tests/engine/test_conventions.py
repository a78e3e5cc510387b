"""The reference's conventions (google/prompt-to-prompt), pinned exactly; see docs/conventions.md."""

from __future__ import annotations

import itertools
import random

import pytest
import torch
from attention_probe import attend, record

from p2p_studio.core.settings import BlendMaps, EditSettings
from p2p_studio.engine.alignment import align, refine_map, swap_map
from p2p_studio.engine.captions import tokenize
from p2p_studio.engine.control import AttentionControl
from p2p_studio.engine.plan import make_plan


def _lcs(a: list[int], b: list[int]) -> int:
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a)):
        for j in range(len(b)):
            table[i + 1][j + 1] = table[i][j] + 1 if a[i] == b[j] else max(table[i][j + 1], table[i + 1][j])
    return table[-1][-1]


def test_alignment_is_a_longest_common_subsequence() -> None:
    rng = random.Random(0)
    for _ in range(300):
        a = [rng.randrange(5) for _ in range(rng.randrange(0, 9))]
        b = [rng.randrange(5) for _ in range(rng.randrange(0, 9))]
        pairs = [(i, j) for j, i in enumerate(align(a, b)) if i is not None]
        assert all(a[i] == b[j] for i, j in pairs)
        assert all(i1 < i2 for (i1, _), (i2, _) in itertools.pairwise(pairs))
        assert len(pairs) == _lcs(a, b)


def test_a_repeated_phrase_aligns_to_its_first_occurrence(tiny) -> None:
    src = tokenize(tiny.tokenizer, "a red car", tiny.max_tokens)
    tgt = tokenize(tiny.tokenizer, "a red car and a red car", tiny.max_tokens)
    m = refine_map(src, tgt)
    first, second = tgt.words[:3], tgt.words[4:]
    assert [m.sources_of(w.start) for w in first] == [[w.start] for w in src.words]
    assert all(m.keep_own[w.start] for w in (tgt.words[3], *second))
    assert m.sources_of(tgt.eos) == [src.eos]


@pytest.mark.parametrize("edited", ["a black cat on a bench", "a cat"])
def test_refinement_padding_maps_each_position_to_itself(tiny, edited) -> None:
    src = tokenize(tiny.tokenizer, "a cat on a bench", tiny.max_tokens)
    tgt = tokenize(tiny.tokenizer, edited, tiny.max_tokens)
    m = refine_map(src, tgt)
    for j in range(tgt.eos + 1, tiny.max_tokens):
        assert m.sources_of(j) == [j] and float(m.matrix[j, j]) == 1.0


@pytest.mark.parametrize(("steps", "cross", "self_steps", "blend"), [(14, 12, 5, 2), (50, 40, 20, 10), (10, 8, 4, 2)])
def test_step_windows_follow_the_reference_arithmetic(tiny, steps, cross, self_steps, blend) -> None:
    """cross: int(0.8 * (T + 1)) (the alpha table's T + 1 rows); self and blend: int(f * T)."""
    settings = EditSettings(steps=steps, cross=0.8, self_fraction=0.4, blend_start=0.2,
                            cross_words={"dog": 0.3})
    plan = make_plan(tiny.tokenizer, "a cat on a bench", "a dog on a bench", tiny.max_tokens, settings)
    dog = plan.target.find("dog")[0].start
    assert int(plan.cross_steps[:, 0].sum()) == cross and bool(plan.cross_steps[cross - 1, 0])
    assert int(plan.cross_steps[:, dog].sum()) == int(0.3 * (steps + 1))
    assert (plan.self_steps, plan.blend_start) == (self_steps, blend)
    ctl = AttentionControl([plan], settings, (16, 16), 3)
    assert ctl.windows.self_steps == self_steps
    ctl.begin_step(blend - 1)
    assert not ctl.windows.blend_open(0)
    ctl.begin_step(blend)
    assert ctl.windows.blend_open(0)
    assert plan.windows() == (f"cross-attention replaced for steps 0–{cross - 1} of {steps}; "
                              f"dog: 0–{int(0.3 * (steps + 1)) - 1}, self-attention 0–{self_steps - 1}, "
                              f"blend from step {blend}")


@pytest.mark.parametrize(("source", "edited"), [
    ("a tigerish on grass", "a cat on grass"),  # 2 tokens -> 1: the edited caption is shorter
    ("a cat on grass", "a tigerish on grass"),  # 1 -> 2: longer
    ("a cat on grass", "a dog on grass"),
])
def test_every_injected_row_sums_to_one(tiny, source, edited) -> None:
    src = tokenize(tiny.tokenizer, source, tiny.max_tokens)
    tgt = tokenize(tiny.tokenizer, edited, tiny.max_tokens)
    m = swap_map(src, tgt)
    assert torch.allclose(m.matrix.sum(1), torch.ones(tiny.max_tokens))  # no source mass is lost
    assert all(m.sources_of(j) for j in range(tiny.max_tokens))  # no target position is left empty
    settings = EditSettings(steps=10)
    plan = make_plan(tiny.tokenizer, source, edited, tiny.max_tokens, settings)
    ctl = AttentionControl([plan], settings, (16, 16), 3)
    probs = torch.rand(4, 2, 64, tiny.max_tokens, generator=torch.Generator().manual_seed(3)).softmax(-1)
    for step in range(10):
        ctl.begin_step(step)
        out = attend(ctl, probs, is_cross=True)
        assert torch.allclose(out[3].sum(-1), torch.ones(2, 64), atol=1e-6), step


@pytest.mark.parametrize("maps", list(BlendMaps))
def test_the_blend_records_the_maps_the_convention_names(tiny, maps) -> None:
    """Reference (injected): while injection is on, the swapped word's recorded map is the source
    word's; after it, the edited branch's own. Own: always the edited branch's own map."""
    settings = EditSettings(steps=10, cross=0.5, blend_maps=maps, blend_min_side=8)
    plan = make_plan(tiny.tokenizer, "a cat on a bench", "a dog on a bench", tiny.max_tokens, settings)
    ctl = AttentionControl([plan], settings, (16, 16), 3)
    positions = ctl.grid.positions(ctl.grid.blend_factor)
    cat, dog = plan.source.find("cat")[0].start, plan.target.find("dog")[0].start
    probs = torch.rand(4, 2, positions, tiny.max_tokens, generator=torch.Generator().manual_seed(5)).softmax(-1)
    for step, injected in ((0, True), (7, False)):
        ctl.begin_step(step)
        ctl.recorder.cross_sum, ctl.recorder.cross_count = None, 0
        attend(ctl, probs, is_cross=True)
        recorded = ctl.recorder.cross_sum[1, :, dog]
        source_word, own_word = probs[2, :, :, cat].mean(0), probs[3, :, :, dog].mean(0)
        expected = source_word if injected and maps is BlendMaps.INJECTED else own_word
        assert torch.allclose(recorded, expected, atol=1e-7)
        assert torch.allclose(ctl.recorder.cross_sum[0, :, cat], source_word, atol=1e-7)  # the source is never edited


def test_subtract_words_are_thresholded_per_caption_then_united(tiny) -> None:
    """Source subtract map strong on the left, edited one weak on the right: per caption each is
    above its own threshold (both subtracted); their sum would drop the weak one."""
    settings = EditSettings(steps=10, blend_min_side=8, subtract_words=("bench",), threshold=0.01,
                            mask_from_floor=False)
    plan = make_plan(tiny.tokenizer, "a cat on a bench", "a dog on a bench", tiny.max_tokens, settings)
    ctl = AttentionControl([plan], settings, (16, 16), 3)
    h, w = ctl.grid.blend_hw
    store = torch.zeros(2, h * w, tiny.max_tokens)
    store[0, :, plan.blend_source[0].start] = 1.0  # blend everything
    store[1, :, plan.blend_target[0].start] = 1.0
    left, right = torch.zeros(h, w), torch.zeros(h, w)
    left[:, :2], right[:, -2:] = 1.0, 0.2
    store[0, :, plan.subtract_source[0].start] = left.flatten()
    store[1, :, plan.subtract_target[0].start] = right.flatten()
    record(ctl, store)
    mask = ctl.blender.words.latent()[0]
    cols = mask.reshape(16, 16).any(0)
    assert not cols[:3].any() and not cols[-3:].any() and cols[5:11].all()
