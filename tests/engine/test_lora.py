"""LoRAs: fused at their scale, recorded in recipes, refused in one line when made for another
model family."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch

from p2p_studio.core.errors import ModelError
from p2p_studio.core.files import file_sha256
from p2p_studio.core.settings import EditSettings, LoraChoice, ModelChoice
from p2p_studio.engine.editor import Editor
from p2p_studio.engine.loading import load_choice
from p2p_studio.testing.tiny_lora import write_tiny_lora

CAPTION, EDIT = "a cat sitting on a bench", "a dog sitting on a bench"
SETTINGS = EditSettings(steps=3, seed=5, blend=False)


@pytest.fixture(scope="module")
def lora(tiny_dir, tmp_path_factory) -> Path:
    return write_tiny_lora(tiny_dir, tmp_path_factory.mktemp("loras") / "style.safetensors")


def _latents(choice: ModelChoice) -> tuple[torch.Tensor, object]:
    model = load_choice(choice)
    return Editor(model).generate(CAPTION, [EDIT], SETTINGS).latents, model


def test_a_lora_changes_the_output_and_scale_zero_equals_none(tiny_dir, lora) -> None:
    base = ModelChoice(str(tiny_dir), device="cpu", precision="fp32")
    plain, plain_model = _latents(base)
    styled, model = _latents(ModelChoice(str(tiny_dir), device="cpu", precision="fp32",
                                         loras=(LoraChoice(str(lora), 0.8),)))
    zero, zero_model = _latents(ModelChoice(str(tiny_dir), device="cpu", precision="fp32",
                                            loras=(LoraChoice(str(lora), 0.0),)))
    assert float((styled - plain).abs().max()) > 1e-2
    assert torch.equal(zero, plain)
    assert [(x.name, x.sha256, x.scale) for x in model.loras] == [("style.safetensors", file_sha256(lora), 0.8)]
    assert len({plain_model.fingerprint, model.fingerprint, zero_model.fingerprint}) == 3  # cache keys differ
    assert not any("lora" in name for name, _ in model.unet.named_modules())  # fused: plain layers again


def test_a_lora_for_another_model_family_is_refused_in_one_line(tiny_dir, tiny_sdxl_dir, tmp_path) -> None:
    other = write_tiny_lora(tiny_sdxl_dir, tmp_path / "xl.safetensors", text_encoder=False)
    with pytest.raises(ModelError) as caught:
        load_choice(ModelChoice(str(tiny_dir), device="cpu", loras=(LoraChoice(str(other)),)))
    message = str(caught.value)
    assert "LoRA xl.safetensors does not fit this model (sd1)" in message and "\n" not in message
    junk = tmp_path / "junk.safetensors"
    junk.write_bytes(b"not a safetensors file")
    with pytest.raises(ModelError, match=r"LoRA junk\.safetensors could not be read"):
        load_choice(ModelChoice(str(tiny_dir), device="cpu", loras=(LoraChoice(str(junk)),)))


def test_the_cli_records_the_lora_and_sampler_in_every_recipe(tiny_dir, tiny_sdxl_dir, lora, tmp_path,
                                                               capsys) -> None:
    from p2p_studio.cli import main
    from p2p_studio.core.recipe import read_recipe

    code = main(["generate", "--caption", CAPTION, "--edit", EDIT, "--model", str(tiny_dir), "--steps", "2",
                 "--lora", f"{lora}:0.5", "--sampler", "euler-a", "--guidance", "0", "--out", str(tmp_path),
                 "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    recipe = read_recipe(Path(json.loads(out)["outputs"]["edits"][0]["image"]))
    assert recipe is not None and recipe.sampler == "euler-a"
    assert [(x.name, x.sha256, x.scale) for x in recipe.loras] == [("style.safetensors", file_sha256(lora), 0.5)]
    other = write_tiny_lora(tiny_sdxl_dir, tmp_path / "xl.safetensors", text_encoder=False)
    code = main(["generate", "--caption", CAPTION, "--edit", EDIT, "--model", str(tiny_dir), "--steps", "2",
                 "--lora", str(other), "--out", str(tmp_path)])
    _, err = capsys.readouterr()
    assert code != 0 and err.count("\n") == 1 and "does not fit this model" in err
    code = main(["generate", "--caption", CAPTION, "--edit", EDIT, "--model", str(tiny_dir),
                 "--lora", f"{lora}:7", "--out", str(tmp_path)])
    _, err = capsys.readouterr()
    assert code == 2 and "scale 7 is outside -4 to 4" in err
