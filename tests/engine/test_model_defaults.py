"""A few-step model's defaults: ReNoise at its step count and guidance, on the command line and in
recipes; an ordinary model keeps the papers' (null-text, 50 steps, 7.5)."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from inversion import Sampler
from p2p_studio.core.recipe import read_recipe
from p2p_studio.core.results import Fidelity
from p2p_studio.core.settings import EditSettings, Method, ModelDefaults
from p2p_studio.engine.defaults import model_defaults, steps_in_names
from p2p_studio.engine.model import LoadedLora

CAPTION, EDIT = "a cat sitting on a bench", "a dog sitting on a bench"


def _model(tiny, sampler: Sampler, name: str = "tiny", loras: tuple[str, ...] = (), **config: object):
    return dataclasses.replace(tiny, name=name, sampler=sampler.value, fingerprint="",
                               scheduler_config={**tiny.scheduler_config, **config},
                               loras=tuple(LoadedLora(n, "0" * 64, 1.0) for n in loras))


def test_an_ordinary_model_keeps_the_papers_defaults(tiny) -> None:
    assert model_defaults(tiny) == ModelDefaults() == ModelDefaults(50, 7.5, Method.NULL_TEXT)
    assert not model_defaults(tiny).few_step
    # trailing timesteps alone (zero-SNR fine-tunes use them with DDIM) do not make a few-step model
    assert model_defaults(_model(tiny, Sampler.DDIM, timestep_spacing="trailing")) == ModelDefaults()


@pytest.mark.parametrize(("sampler", "name", "loras", "expected"), [
    (Sampler.EULER_ANCESTRAL, "stabilityai/sdxl-turbo", (), (4, 0.0)),
    (Sampler.EULER, "some/finetune", (), (4, 0.0)),  # trailing Euler: SD-Turbo's config
    (Sampler.LCM, "sd15", ("pytorch_lora_weights.safetensors",), (4, 1.0)),
    (Sampler.EULER, "sdxl", ("sdxl_lightning_8step_lora.safetensors",), (8, 0.0)),
    (Sampler.DDIM, "sd15", ("Hyper-SD15-2steps-lora.safetensors",), (2, 0.0)),
])
def test_few_step_models_default_to_renoise_at_their_steps(tiny, sampler, name, loras, expected) -> None:
    config = {"timestep_spacing": "trailing"} if name == "some/finetune" else {}
    defaults = model_defaults(_model(tiny, sampler, name, loras, **config))
    assert (defaults.steps, defaults.guidance, defaults.method) == (*expected, Method.RENOISE)
    assert defaults.few_step


def test_an_lcm_model_with_a_guidance_embedding_gets_its_pipelines_guidance(tiny) -> None:
    from diffusers import UNet2DConditionModel

    unet = UNet2DConditionModel.from_config({**tiny.unet.config, "time_cond_proj_dim": 16})
    defaults = model_defaults(dataclasses.replace(_model(tiny, Sampler.LCM), unet=unet))
    assert (defaults.steps, defaults.guidance) == (4, 8.5)


def test_steps_in_names() -> None:
    assert steps_in_names(["a", "sdxl_lightning_4step_unet.safetensors"]) == 4
    assert steps_in_names(["Hyper-SD15-8steps-CFG-lora"]) == 8
    assert steps_in_names(["model-v1-5", "photo 12steps", "stepson"]) is None


def test_follow_keeps_what_the_user_changed() -> None:
    few = ModelDefaults(4, 0.0, Method.RENOISE, "a few-step model")
    chosen = EditSettings(steps=12, threshold=0.4)  # steps changed; guidance and method at the defaults
    switched = few.follow(chosen, ModelDefaults())
    assert (switched.steps, switched.guidance, switched.method, switched.threshold) == (12, 0.0, Method.RENOISE, 0.4)
    back = ModelDefaults().follow(switched, few)
    assert (back.steps, back.guidance, back.method) == (12, 7.5, Method.NULL_TEXT)


def test_the_hint_of_a_few_step_model_points_to_renoise() -> None:
    assert Fidelity(Method.DDIM, 15.0, few_step=True).hint == "try renoise inversion for a closer reconstruction"
    assert "more steps" in (Fidelity(Method.RENOISE, 15.0, few_step=True).hint or "")
    assert str(Fidelity(Method.DIRECT, 15.0, few_step=True)).endswith("try renoise")
    assert Fidelity(Method.DDIM, 15.0).hint == "try null-text inversion for a closer reconstruction"


@pytest.fixture(scope="module")
def turbo_dir(tiny_dir, tmp_path_factory) -> Path:
    """The tiny model with SD-Turbo's scheduler: Euler-ancestral, trailing timesteps."""
    folder = tmp_path_factory.mktemp("turbo") / "tiny-turbo"
    shutil.copytree(tiny_dir, folder)
    config_file = folder / "scheduler" / "scheduler_config.json"
    config = json.loads(config_file.read_text())
    config.update(_class_name="EulerAncestralDiscreteScheduler", timestep_spacing="trailing")
    config_file.write_text(json.dumps(config))
    return folder


def test_the_cli_edits_a_few_step_model_with_its_defaults(turbo_dir, cat_file, tmp_path, capsys) -> None:
    from p2p_studio.cli import main

    code = main(["edit", str(cat_file), "--caption", CAPTION, "--edit", EDIT, "--model", str(turbo_dir),
                 "--out", str(tmp_path), "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert (f"note: {turbo_dir} is a few-step model: 4 steps, guidance 0, renoise inversion "
            "(set --steps, --guidance, --inversion to change)") in err
    recipe = read_recipe(Path(json.loads(out)["outputs"]["edits"][0]["image"]))
    assert recipe is not None and recipe.sampler == "euler-a"
    assert (recipe.settings.steps, recipe.settings.guidance, recipe.settings.method) == (4, 0.0, Method.RENOISE)
    # what the user sets stays; the rest still follows the model
    code = main(["edit", str(cat_file), "--caption", CAPTION, "--edit", EDIT, "--model", str(turbo_dir),
                 "--steps", "2", "--inversion", "ddim", "--out", str(tmp_path / "b"), "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "guidance 0 (set --guidance to change)" in err
    recipe = read_recipe(Path(json.loads(out)["outputs"]["edits"][0]["image"]))
    assert recipe is not None
    assert (recipe.settings.steps, recipe.settings.guidance, recipe.settings.method) == (2, 0.0, Method.DDIM)


def test_the_cli_keeps_the_papers_defaults_for_an_ordinary_model(tiny_dir, tmp_path, capsys) -> None:
    from p2p_studio.cli import main

    code = main(["generate", "--caption", CAPTION, "--edit", EDIT, "--model", str(tiny_dir), "--out", str(tmp_path),
                 "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "few-step" not in err
    recipe = read_recipe(Path(json.loads(out)["outputs"]["edits"][0]["image"]))
    assert recipe is not None
    assert (recipe.settings.steps, recipe.settings.guidance, recipe.settings.method) == (50, 7.5, Method.NULL_TEXT)
