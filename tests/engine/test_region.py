"""The edited-region mode on the tiny model: the whole pass's edit, cut to the region, is redrawn at
the working size and pasted back through the whole pass's own mask; every other pixel is the
photo's, exactly."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from inversion import Reporter
from p2p_studio.core.detail import STRENGTH
from p2p_studio.core.errors import Cancelled
from p2p_studio.core.settings import Detail, EditSettings, Method
from p2p_studio.engine.detail import mask_bounds, paste
from p2p_studio.engine.editor import REGION_PHASE, Editor, refine_start
from p2p_studio.engine.pipeline import REFINE_PHASE

CAPTION = "a cat sitting on a bench"
EDIT = "a tiger sitting on a bench"


@pytest.fixture
def editor(tiny):
    return Editor(tiny)


@pytest.fixture(scope="module")
def big_photo(cat_photo) -> Image.Image:
    return cat_photo.resize((1804, 1200), Image.Resampling.LANCZOS)


def _painted(size: tuple[int, int]) -> np.ndarray:
    mask = np.zeros((size[1], size[0]), np.float32)
    mask[500:700, 800:1000] = 1.0  # a small square, as a user would brush it
    return mask


def _settings(detail: Detail) -> EditSettings:
    return EditSettings(steps=3, method=Method.DIRECT, blend=False, detail=detail)


def test_the_region_is_edited_again_and_only_the_mask_changes(editor, big_photo) -> None:
    photo, painted = editor.prepare(big_photo), _painted(big_photo.size)
    whole = editor.edit(photo, CAPTION, [EDIT], _settings(Detail.WHOLE), user_masks=[painted])
    region = editor.edit(photo, CAPTION, [EDIT], _settings(Detail.AUTO), user_masks=[painted])
    assert whole.region is None and region.region is not None
    left, top, right, bottom = region.region.box
    assert left <= 800 and top <= 500 and right >= 1000 and bottom >= 700
    a, b = whole.edits[0], region.edits[0]
    assert a.mask_full is not None and b.mask_full is not None
    assert np.array_equal(np.asarray(a.mask_full), np.asarray(b.mask_full))  # the same mask, exactly
    alpha, original, full = np.asarray(b.mask_full), np.asarray(big_photo), np.asarray(b.full)
    assert np.array_equal(full[alpha == 0], original[alpha == 0])  # untouched pixels bit-exact
    outside = np.ones(alpha.shape, bool)
    outside[top:bottom, left:right] = False
    assert np.array_equal(full[outside], original[outside])
    inside = alpha == 255
    assert not np.array_equal(full[inside], np.asarray(a.full)[inside])  # the region pass made these
    assert b.full.size == big_photo.size and b.image.size == photo.size
    assert "edited region" in str(region.results()[0].plan) and "edited region" not in str(whole.results()[0].plan)
    assert {"detail", "detail_refine", "detail_decode"} <= set(region.timings)
    again = editor.edit(photo, CAPTION, [EDIT], _settings(Detail.AUTO), user_masks=[painted])
    assert np.array_equal(np.asarray(again.edits[0].full), full)  # the redraw's noise is the seed's
    other = editor.edit(photo, CAPTION, [EDIT], _settings(Detail.AUTO).replace(seed=1), user_masks=[painted])
    assert not np.array_equal(np.asarray(other.edits[0].full)[inside], full[inside])


def test_no_region_without_a_mask_or_detail_to_gain(editor, big_photo, cat_photo) -> None:
    global_edit = EditSettings(steps=2, method=Method.DIRECT, blend=False, detail=Detail.REGION)
    assert editor.edit(editor.prepare(big_photo), CAPTION, [EDIT], global_edit).region is None
    small = cat_photo.resize((128, 85), Image.Resampling.LANCZOS)  # the tiny model's working size
    mask = np.ones((85, 128), np.float32)
    mask[:, :20] = 0
    run = editor.edit(editor.prepare(small), CAPTION, [EDIT], _settings(Detail.REGION), user_masks=[mask])
    assert run.region is None


def test_the_region_pass_reports_its_phases_previews_the_whole_edit_and_stops(editor, big_photo) -> None:
    phases: list[str] = []
    previews: list[tuple[int, Image.Image]] = []
    reporter = Reporter(on_progress=lambda p: phases.append(p.phase),
                        on_preview=lambda p, image: previews.append((len(phases), image)))
    photo, painted = editor.prepare(big_photo), _painted(big_photo.size)
    editor.edit(photo, CAPTION, [EDIT], _settings(Detail.REGION), reporter, user_masks=[painted])
    first_region = phases.index(f"{REGION_PHASE}: {REFINE_PHASE}")
    assert phases[first_region:] == [f"{REGION_PHASE}: {REFINE_PHASE}"] * (3 - refine_start(3, STRENGTH))
    shown_at, image = previews[-1]
    assert shown_at == first_region and max(image.size) <= 2 * editor.model.native_size
    phases.clear()
    stop = Reporter(on_progress=lambda p: phases.append(p.phase),
                    should_stop=lambda: any(p.startswith(REGION_PHASE) for p in phases))
    with pytest.raises(Cancelled):  # 6 steps: the redraw has two, and stops before its second
        editor.edit(photo, CAPTION, [EDIT], _settings(Detail.REGION).replace(steps=6), stop, user_masks=[painted])
    assert phases[-1].startswith(REGION_PHASE)


def test_the_redraw_starts_part_way_and_runs_a_step_at_least() -> None:
    assert refine_start(50, 0.4) == 30 and refine_start(4, 0.4) == 2 and refine_start(4, 0.1) == 3
    assert refine_start(1, 0.4) == 0 and refine_start(10, 1.0) == 0


def test_paste_keeps_every_pixel_the_alpha_leaves_out() -> None:
    rng = np.random.default_rng(0)
    original = Image.fromarray(rng.integers(0, 256, (60, 80, 3), dtype=np.uint8))
    edited = Image.fromarray(rng.integers(0, 256, (16, 16, 3), dtype=np.uint8))
    alpha = np.zeros((30, 40), np.uint8)
    alpha[10:20, 10:30] = 255
    alpha[12, 5] = 100
    full = paste(original, (20, 15, 60, 45), edited, Image.fromarray(alpha))
    a = np.zeros((60, 80), np.uint8)
    a[15:45, 20:60] = alpha
    o, f = np.asarray(original), np.asarray(full)
    assert np.array_equal(f[a == 0], o[a == 0]) and not np.array_equal(f[a == 255], o[a == 255])
    assert mask_bounds([Image.fromarray(alpha), None]) is None
    assert mask_bounds([Image.fromarray(alpha), Image.fromarray(np.zeros_like(alpha))]) == (5, 10, 30, 20)
    assert mask_bounds([Image.fromarray(np.zeros_like(alpha))]) is None


@pytest.mark.parametrize("sampler", ["euler-a", "lcm"])
def test_the_region_redraw_runs_on_sdxl_and_samplers_that_add_noise(tiny_sdxl_dir, big_photo, sampler) -> None:
    from p2p_studio.core.settings import ModelChoice
    from p2p_studio.engine.loading import load_choice

    editor = Editor(load_choice(ModelChoice(str(tiny_sdxl_dir), device="cpu", sampler=sampler)))
    settings = EditSettings(steps=4, guidance=1.0, method=Method.RENOISE, blend=False, detail=Detail.REGION)
    run = editor.edit(editor.prepare(big_photo), "a cat", ["a dog"], settings, user_masks=[_painted(big_photo.size)])
    alpha, full, original = np.asarray(run.edits[0].mask_full), np.asarray(run.edits[0].full), np.asarray(big_photo)
    assert run.region is not None and editor.model.kind.value == "sdxl"
    assert np.array_equal(full[alpha == 0], original[alpha == 0]) and not np.array_equal(full, original)


@pytest.mark.parametrize("guidance", [7.5, 1.0])
def test_the_expected_region_rows_are_the_ones_the_redraw_runs(editor, big_photo, guidance) -> None:
    """Settings' expected time counts the redraw as ``region_rows``: the UNet evaluations an edit
    with the region pass runs beyond the same edit without it."""
    from p2p_studio.engine.estimate import region_rows

    photo, painted = editor.prepare(big_photo), _painted(big_photo.size)
    settings = _settings(Detail.WHOLE).replace(steps=10, guidance=guidance)
    inversion, _ = editor.invert(photo, CAPTION, settings)
    counts = []
    for detail in (Detail.WHOLE, Detail.REGION):
        before = editor.predict.evaluations
        editor.edit(photo, CAPTION, [EDIT], settings.replace(detail=detail), user_masks=[painted],
                    inversion=inversion)
        counts.append(editor.predict.evaluations - before)
    assert counts[1] - counts[0] == region_rows(editor, settings) == 4 * (2 if guidance > 1 else 1)
