"""End-to-end editing on the tiny model: blend exactness, cache, batching, seeds."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PIL import Image

from inversion import Reporter
from p2p_studio.core.errors import Cancelled, InputError
from p2p_studio.core.results import Fidelity, psnr
from p2p_studio.core.settings import Detail, EditSettings, Method
from p2p_studio.engine.cache import InversionCache
from p2p_studio.engine.editor import Editor

CAPTION = "a cat sitting on a bench"
EDIT = "a tiger sitting on a bench"


@pytest.fixture
def editor(tiny, tmp_path):
    return Editor(tiny, InversionCache(tmp_path / "cache"))


def test_identical_captions_with_full_injection_reproduce_the_source(editor, cat_photo) -> None:
    s = EditSettings(steps=4, method=Method.NEGATIVE_PROMPT, cross=1.0, self_fraction=1.0, self_max_scale=1.0,
                     blend=False)
    result = editor.edit(editor.prepare(cat_photo), CAPTION, [CAPTION], s)
    assert torch.equal(result.latents[1], result.latents[0])
    assert np.array_equal(np.asarray(result.edits[0].image), np.asarray(result.reconstruction))


def test_outside_the_mask_edit_equals_source_and_original(editor, cat_photo) -> None:
    # random weights give broad maps: a high threshold yields a partial mask (asserted below)
    s = EditSettings(steps=6, method=Method.DIRECT, threshold=0.8, blend_start=0.0)
    photo = editor.prepare(cat_photo)
    result = editor.edit(photo, CAPTION, ["a tiger sitting on a bench"], s)
    out = result.edits[0]
    coverage = float(out.mask.float().mean())
    assert 0.02 < coverage < 0.98, coverage
    outside = ~out.mask.to(result.latents.device)
    assert torch.equal(result.latents[1][:, outside], result.latents[0][:, outside])
    assert not torch.equal(result.latents[1], result.latents[0])
    # full resolution: every pixel outside the feathered mask is the user's original pixel
    alpha = np.asarray(out.mask_full)
    original, full = np.asarray(cat_photo), np.asarray(out.full)
    assert out.full.size == cat_photo.size
    assert (alpha == 0).mean() > 0.01
    assert np.array_equal(full[alpha == 0], original[alpha == 0])
    assert not np.array_equal(full, original)


def test_a_painted_mask_replaces_the_derived_one(editor, cat_photo) -> None:
    s = EditSettings(steps=4, method=Method.DIRECT, blend=False, blend_start=0.0)
    photo = editor.prepare(cat_photo)
    width, height = cat_photo.size
    painted = np.zeros((height, width), np.float32)
    painted[:, : width // 3] = 1.0  # the left third, as a user would brush it
    result = editor.edit(photo, CAPTION, ["a tiger sitting on a bench"], s, user_masks=[painted])
    out = result.edits[0]
    side = out.mask.shape[-1]
    assert out.mask[:, : side // 3 - 1].all() and not out.mask[:, side // 3 + 1:].any()
    outside = ~out.mask
    assert torch.equal(result.latents[1][:, outside], result.latents[0][:, outside])
    alpha = np.asarray(out.mask_full)
    assert np.array_equal(alpha > 127, painted > 0.5)
    full, original = np.asarray(out.full), np.asarray(cat_photo)
    assert np.array_equal(full[alpha == 0], original[alpha == 0])
    with pytest.raises(InputError, match="2 masks given for 1 edited captions"):
        editor.edit(photo, CAPTION, ["a tiger sitting on a bench"], s, user_masks=[painted, None])


def test_direct_inversion_pins_source_to_the_photo_latents(editor, cat_photo) -> None:
    photo = editor.prepare(cat_photo)
    s = EditSettings(steps=4, method=Method.DIRECT)
    result = editor.edit(photo, CAPTION, ["a dog sitting on a bench"], s)
    inversion, cached = editor.invert(photo, CAPTION, s)
    assert cached
    torch.testing.assert_close(result.latents[0].cpu(), inversion.trajectory[-1][0], rtol=0, atol=0)


def test_cache_hit_does_no_inversion_work(tiny, tmp_path, cat_photo) -> None:
    s = EditSettings(steps=3, method=Method.NULL_TEXT, detail=Detail.WHOLE)  # no region redraw to count
    first = Editor(tiny, InversionCache(tmp_path))
    r1 = first.edit(first.prepare(cat_photo), CAPTION, ["a dog sitting on a bench"], s)
    assert not r1.inversion_cached
    second = Editor(tiny, InversionCache(tmp_path))
    r2 = second.edit(second.prepare(cat_photo), CAPTION, ["a dog sitting on a bench"], s)
    assert r2.inversion_cached
    # only the edit batch ran: steps x (uncond + cond) x (source + 1 edit)
    assert second.predict.evaluations == 3 * 2 * 2
    assert torch.equal(r1.latents, r2.latents)
    # a different caption is a different inversion
    other = second.invert(second.prepare(cat_photo), "a cat on a bench", s)
    assert not other[1]


def test_several_edits_share_one_inversion_and_one_batch(tiny, cat_photo) -> None:
    editor = Editor(tiny)
    s = EditSettings(steps=3, method=Method.DDIM)
    edits = ["a dog sitting on a bench", "a cat sitting on a wooden bench", "a (cat:2) sitting on a bench"]
    result = editor.edit(editor.prepare(cat_photo), CAPTION, edits, s)
    assert len(result.edits) == 3 and result.latents.shape[0] == 4
    inversion_evals = 3
    assert editor.predict.evaluations == inversion_evals + 3 * 2 * 4
    assert result.attention.shape[:2] == (4, tiny.max_tokens)


def test_cancel_during_edit_restores_processors_and_editor_stays_usable(editor, cat_photo) -> None:
    before = editor.model.unet.attn_processors
    photo = editor.prepare(cat_photo)
    s = EditSettings(steps=5, method=Method.DDIM)
    seen = []

    def stop() -> bool:
        return len([p for p in seen if p.phase == "Editing"]) >= 2

    with pytest.raises(Cancelled):
        editor.edit(photo, CAPTION, ["a dog sitting on a bench"], s, Reporter(seen.append, stop))
    assert len([p for p in seen if p.phase == "Editing"]) == 2
    after = editor.model.unet.attn_processors
    assert all(after[k] is before[k] for k in before)
    assert editor.edit(photo, CAPTION, ["a dog sitting on a bench"], s).edits


def test_generate_draws_noise_like_stable_diffusion_pipeline(tiny) -> None:
    from diffusers import DDIMScheduler, StableDiffusionPipeline

    pipe = StableDiffusionPipeline(
        vae=tiny.vae, text_encoder=tiny.text_encoder, tokenizer=tiny.tokenizer, unet=tiny.unet,
        scheduler=DDIMScheduler.from_config(tiny.scheduler_config), safety_checker=None, feature_extractor=None,
        requires_safety_checker=False,
    )
    pipe.set_progress_bar_config(disable=True)
    expected = pipe(CAPTION, num_inference_steps=4, guidance_scale=7.5, output_type="latent",
                    generator=torch.Generator("cpu").manual_seed(7)).images
    result = Editor(tiny).generate(CAPTION, ["a dog sitting on a bench"], EditSettings(steps=4, seed=7, blend=False))
    torch.testing.assert_close(result.latents[:1].cpu(), expected, rtol=1e-4, atol=1e-4)
    assert result.edits[0].image.size == (tiny.native_size, tiny.native_size)


def test_out_of_memory_becomes_one_clear_error() -> None:
    from p2p_studio.core.errors import OutOfMemory
    from p2p_studio.engine.guards import out_of_memory_as_error

    for exc in (torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2 GiB"),
                RuntimeError("MPS backend out of memory")):
        with pytest.raises(OutOfMemory, match="ran out of memory; try fewer"), \
                out_of_memory_as_error(torch.device("cuda")):
            raise exc
    with pytest.raises(RuntimeError, match="unrelated"), out_of_memory_as_error(torch.device("cpu")):
        raise RuntimeError("unrelated")


def test_the_composite_feathers_outwards_a_narrow_band_and_keeps_every_other_pixel(editor, cat_photo) -> None:
    """A refined outline is opaque on all of the hard mask (its edge is the object's edge) and soft
    only outside it, within one feather width (0.5 % of the long side) plus rounding; every pixel
    beyond that band is the user's original, bit for bit."""
    from scipy.ndimage import distance_transform_edt

    s = EditSettings(steps=6, method=Method.DIRECT, threshold=0.8, blend_start=0.0)
    photo = editor.prepare(cat_photo)
    hard = np.asarray(editor.edit(photo, CAPTION, [EDIT], s.replace(feather=0)).edits[0].mask_full) > 0
    out = editor.edit(photo, CAPTION, [EDIT], s).edits[0]
    alpha = np.asarray(out.mask_full)
    assert 0.02 < hard.mean() < 0.98
    assert (alpha[hard] == 255).all()  # nothing of the photo shows through inside the outline
    assert ((alpha > 0) & (alpha < 255)).any()  # feathered, not a hard cut
    feather = 0.005 * max(cat_photo.size)
    beyond = distance_transform_edt(~hard) > feather + 1
    assert beyond.mean() > 0.01 and not alpha[beyond].any()
    full, original = np.asarray(out.full), np.asarray(cat_photo)
    assert np.array_equal(full[beyond], original[beyond])


def test_fidelity_is_the_source_branch_against_the_photo(editor, cat_photo) -> None:
    photo = editor.prepare(cat_photo)
    result = editor.edit(photo, CAPTION, ["a tiger sitting on a bench"], EditSettings(steps=3, method=Method.DDIM))
    expected = psnr(np.asarray(result.reconstruction), np.asarray(photo.working))
    assert result.fidelity == Fidelity(Method.DDIM, expected)
    assert result.results()[0].fidelity == result.fidelity
    assert photo.working.size == photo.size == result.reconstruction.size


@pytest.mark.parametrize("vae", [False, True])
def test_previews_show_the_edit_forming_and_change_nothing(editor, cat_photo, vae) -> None:
    s = EditSettings(steps=20, method=Method.DIRECT)
    photo = editor.prepare(cat_photo)
    shown = []
    reporter = Reporter(on_preview=lambda progress, image: shown.append((progress.step, image)))
    editor.vae_previews = vae
    try:
        with_previews = editor.edit(photo, CAPTION, [EDIT], s, reporter)
    finally:
        editor.vae_previews = True
    plain = editor.edit(photo, CAPTION, [EDIT], s)
    assert torch.equal(with_previews.latents, plain.latents)  # previews only read
    steps = [step for step, _ in shown]
    assert steps[0] == 1 and steps[-1] == 19 and len(steps) <= 10  # the last one the step before the end
    h, w = plain.latents.shape[-2:]
    scale = editor.model.vae_scale
    sizes = {image.size for _, image in shown}  # the linear map at the latent's size, the VAE at the photo's
    assert sizes == {(w, h)} if not vae else sizes <= {(w, h), (w * scale, h * scale)}
    if not vae:
        assert steps == [1, 3, 5, 7, 9, 11, 13, 15, 17, 19]


def test_the_preview_map_is_the_least_squares_fit_on_the_photo(tiny, cat_photo) -> None:
    from p2p_studio.engine.preview import LatentPreview, _design

    latent = torch.randn(4, 12, 16, generator=torch.Generator().manual_seed(0))
    preview = LatentPreview.fit(latent, cat_photo)
    small = np.asarray(cat_photo.resize((16, 12), Image.Resampling.BOX), dtype=np.float32) / 255
    x, y = _design(latent), torch.from_numpy(small).reshape(-1, 3)
    residual = x @ preview.weights - y
    assert torch.allclose(x.T @ residual, torch.zeros(5, 3), atol=1e-3)  # normal equations hold
    assert preview.image(latent).size == (16, 12)
