"""Few-step samplers (Euler, Euler-ancestral, LCM): a generation's source branch equals the stock
diffusers pipeline's latents; a photo inverted through a stochastic sampler comes back exactly
with its stored noise; identical captions reproduce the source."""

from __future__ import annotations

import dataclasses

import pytest
import torch

from inversion import Method as LibraryMethod
from inversion import NoisePredictor, Sampler, SchedulerError, make_schedule
from p2p_studio.core.settings import EditSettings, Method
from p2p_studio.engine.editor import Editor
from p2p_studio.engine.model import LoadedModel

CAPTION = "a cat sitting on a bench"
EDIT = "a dog sitting on a bench"
#: The few-step models' settings: trailing timesteps (SD-Turbo, SDXL-Turbo ship them).
TRAILING = {"timestep_spacing": "trailing"}
CASES = [(Sampler.EULER_ANCESTRAL, 0.0), (Sampler.EULER, 7.5), (Sampler.LCM, 1.0)]


def with_sampler(model: LoadedModel, sampler: Sampler, **config: object) -> LoadedModel:
    return dataclasses.replace(model, sampler=sampler.value, scheduler_config={**model.scheduler_config, **config},
                               fingerprint="")


def _scheduler(sampler: Sampler, config: dict):
    from diffusers import EulerAncestralDiscreteScheduler, EulerDiscreteScheduler, LCMScheduler

    cls = {Sampler.EULER: EulerDiscreteScheduler, Sampler.EULER_ANCESTRAL: EulerAncestralDiscreteScheduler,
           Sampler.LCM: LCMScheduler}[sampler]
    return cls.from_config(config)


def _stock(model: LoadedModel, sampler: Sampler, guidance: float, steps: int, seed: int) -> torch.Tensor:
    from diffusers import StableDiffusionPipeline, StableDiffusionXLPipeline

    scheduler = _scheduler(sampler, model.scheduler_config)
    if model.text_encoder_2 is not None:
        pipe = StableDiffusionXLPipeline(
            vae=model.vae, text_encoder=model.text_encoder, text_encoder_2=model.text_encoder_2,
            tokenizer=model.tokenizer, tokenizer_2=model.tokenizer_2, unet=model.unet, scheduler=scheduler,
            force_zeros_for_empty_prompt=model.zero_empty_prompt)
    else:
        pipe = StableDiffusionPipeline(
            vae=model.vae, text_encoder=model.text_encoder, tokenizer=model.tokenizer, unet=model.unet,
            scheduler=scheduler, safety_checker=None, feature_extractor=None, requires_safety_checker=False)
    pipe.set_progress_bar_config(disable=True)
    return pipe(CAPTION, num_inference_steps=steps, guidance_scale=guidance, output_type="latent",
                generator=torch.Generator("cpu").manual_seed(seed)).images


@pytest.mark.parametrize(("sampler", "guidance"), CASES, ids=[c[0].value for c in CASES])
@pytest.mark.parametrize("which", ["tiny", "tiny_sdxl"])
def test_the_source_branch_equals_the_stock_pipeline(request, which, sampler, guidance) -> None:
    model = with_sampler(request.getfixturevalue(which), sampler, **TRAILING)
    expected = _stock(model, sampler, guidance, 4, 7)
    result = Editor(model).generate(CAPTION, [EDIT], EditSettings(steps=4, seed=7, guidance=guidance, blend=False))
    torch.testing.assert_close(result.latents[:1].cpu(), expected, rtol=1e-4, atol=1e-4)
    assert not torch.allclose(result.latents[1:2], result.latents[:1], atol=1e-3)  # the edit differs


def test_a_guidance_distilled_lcm_model_equals_the_lcm_pipeline(tiny) -> None:
    """LCM's own models take the guidance scale as an embedding (``time_cond_proj_dim``) and run no
    classifier-free guidance: as ``LatentConsistencyModelPipeline`` does."""
    from diffusers import LatentConsistencyModelPipeline, LCMScheduler, UNet2DConditionModel

    torch.manual_seed(0)
    unet = UNet2DConditionModel.from_config({**tiny.unet.config, "time_cond_proj_dim": 16}).eval()
    model = dataclasses.replace(tiny, unet=unet, sampler=Sampler.LCM.value, fingerprint="")
    pipe = LatentConsistencyModelPipeline(
        vae=tiny.vae, text_encoder=tiny.text_encoder, tokenizer=tiny.tokenizer, unet=unet,
        scheduler=LCMScheduler.from_config(tiny.scheduler_config), safety_checker=None, feature_extractor=None,
        requires_safety_checker=False)
    pipe.set_progress_bar_config(disable=True)
    expected = pipe(CAPTION, num_inference_steps=4, guidance_scale=6.0, output_type="latent",
                    generator=torch.Generator("cpu").manual_seed(3)).images
    editor = Editor(model)
    assert editor.predict.embeds_guidance
    result = editor.generate(CAPTION, [EDIT], EditSettings(steps=4, seed=3, guidance=6.0, blend=False))
    torch.testing.assert_close(result.latents[:1].cpu(), expected, rtol=1e-4, atol=1e-4)
    other = editor.generate(CAPTION, [EDIT], EditSettings(steps=4, seed=3, guidance=2.0, blend=False))
    assert not torch.allclose(other.latents[:1], result.latents[:1], atol=1e-3)  # the scale is used


@pytest.mark.parametrize("sampler", [Sampler.EULER_ANCESTRAL, Sampler.LCM], ids=["euler-a", "lcm"])
@pytest.mark.parametrize("method", [Method.RENOISE, Method.DDIM, Method.DIRECT])
def test_stored_noise_brings_the_photo_back_exactly(tiny, cat_photo, sampler, method) -> None:
    """Through a stochastic sampler with the inversion's corrected noise, sampling the caption lands
    on the inverted trajectory to float precision after every step that adds noise, whatever the
    inversion's own error (both samplers' last step adds none: what it leaves is the inversion's
    fixed-point residual there, which Direct inversion's pin removes from the source branch); an
    edited caption identical to the caption gives the source exactly (unpinned: not Direct's)."""
    model = with_sampler(tiny, sampler, **TRAILING)
    editor = Editor(model)
    photo = editor.prepare(cat_photo)
    settings = EditSettings(steps=4, guidance=1.0, method=method, blend=False)
    inversion, _ = editor.invert(photo, CAPTION, settings)
    schedule = editor.schedule(4)
    noisy = [k for k in range(4) if schedule.noise_scale(k) != 0.0]
    assert len(inversion.step_noise) == 4 and noisy == [0, 1, 2]
    run = editor.edit(photo, CAPTION, [CAPTION, EDIT], settings, inversion=inversion)
    if method is not Method.DIRECT:
        assert torch.equal(run.latents[1], run.latents[0])
    assert not torch.allclose(run.latents[2], run.latents[0], atol=1e-3)
    if method is Method.DIRECT:
        torch.testing.assert_close(run.latents[0].cpu(), inversion.trajectory[-1][0], rtol=0, atol=2e-5)
    predict, x = NoisePredictor(model.unet), inversion.trajectory[0]
    empty, cond = editor.empty_embedding(), editor.embed([run.captions[0]])
    with torch.no_grad():
        for k in noisy:
            x = schedule.step(predict.guided(x, schedule.timesteps[k], empty, cond, 1.0), k, x, inversion.step_noise[k])
            torch.testing.assert_close(x, inversion.trajectory[k + 1], rtol=0, atol=2e-5)
        drift = schedule.step(predict(x, schedule.timesteps[3], cond), 3, x) - inversion.trajectory[0].new_tensor(
            inversion.trajectory[4])
    if method is Method.DIRECT:
        return
    plain = editor.edit(photo, CAPTION, [EDIT], settings, inversion=dataclasses.replace(
        inversion, step_noise=[torch.zeros_like(n) for n in inversion.step_noise]))
    assert float(drift.abs().max()) < 0.1 * float((plain.latents[0].cpu() - inversion.trajectory[-1][0]).abs().max())


def test_without_its_noise_a_stochastic_sampler_drifts_and_null_text_is_refused(tiny, cat_photo) -> None:
    from p2p_studio.core.errors import ModelError

    model = with_sampler(tiny, Sampler.EULER_ANCESTRAL, **TRAILING)
    editor = Editor(model)
    photo = editor.prepare(cat_photo)
    inversion, _ = editor.invert(photo, CAPTION, EditSettings(steps=4, guidance=1.0, method=Method.RENOISE))
    forgot = dataclasses.replace(inversion, step_noise=[torch.randn_like(n) for n in inversion.step_noise])
    run = editor.edit(photo, CAPTION, [EDIT], EditSettings(steps=4, guidance=1.0, blend=False), inversion=forgot)
    assert float((run.latents[0].cpu() - inversion.trajectory[-1][0]).abs().max()) > 0.1
    with pytest.raises(ModelError, match="null-text inversion needs a deterministic sampler"):
        editor.invert(photo, CAPTION, EditSettings(steps=4, guidance=7.5, method=Method.NULL_TEXT))
    assert LibraryMethod.NULL_TEXT.value == Method.NULL_TEXT.value


def test_samplers_are_read_from_the_model_and_their_timesteps_follow_diffusers(tiny) -> None:
    assert Sampler.of({"_class_name": "EulerAncestralDiscreteScheduler"}) is Sampler.EULER_ANCESTRAL
    assert Sampler.of({"_class_name": "LCMScheduler"}) is Sampler.LCM
    assert Sampler.of({"_class_name": "PNDMScheduler"}) is Sampler.DDIM  # P2P's reference does the same
    config = {**tiny.scheduler_config, **TRAILING}
    for sampler in (Sampler.EULER, Sampler.EULER_ANCESTRAL, Sampler.LCM):
        reference = _scheduler(sampler, config)
        reference.set_timesteps(4)
        assert make_schedule(sampler, config, 4).timesteps == [int(t) for t in reference.timesteps]
    with pytest.raises(SchedulerError, match="Euler-ancestral sampler cannot run"):
        make_schedule(Sampler.EULER_ANCESTRAL, {**config, "prediction_type": "sample"}, 4)
