"""Model sources: local folder, hub id from the cache, single files; and their errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from p2p_studio.core.errors import InputError, ModelError
from p2p_studio.engine.devices import pick_device
from p2p_studio.engine.loading import load_model


def test_sizes_are_read_from_the_model(tiny) -> None:
    assert tiny.max_tokens == tiny.text_encoder.config.max_position_embeddings == 32
    assert tiny.native_size == 128 and tiny.vae_scale == 4 and tiny.size_multiple == 32
    assert tiny.prediction_type == "epsilon"
    assert tiny.vae.config.scaling_factor != 0.18215


def test_incomplete_folder_names_what_is_missing(tiny_dir, tmp_path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(tiny_dir, broken)
    shutil.rmtree(broken / "vae")
    (broken / "unet" / "diffusion_pytorch_model.safetensors").unlink()
    with pytest.raises(ModelError, match=r"missing unet weights .*vae/config.json|missing vae/config.json"):
        load_model(str(broken), device="cpu")


@pytest.mark.parametrize("checkpoint", [None, "model.safetensors"])
def test_a_folder_that_is_not_a_model_is_told_apart_from_an_incomplete_one(tmp_path, checkpoint) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "cat.jpg").write_bytes(b"not read")
    if checkpoint:
        (folder / checkpoint).write_bytes(b"not read")
    with pytest.raises(ModelError) as info:
        load_model(str(folder), device="cpu")
    message = str(info.value)
    assert message.startswith(f"{folder} is not a model folder (no model_index.json, no unet/ or vae/ folder); ")
    assert "incomplete" not in message
    assert (f"pass the file itself, e.g. {folder / checkpoint}" in message if checkpoint
            else "a .safetensors checkpoint or a hub id" in message)


def _fake_hub_cache(cache: Path, repo: str, source: Path) -> None:
    folder = cache / f"models--{repo.replace('/', '--')}"
    snapshot = folder / "snapshots" / ("0" * 40)
    shutil.copytree(source, snapshot)
    (folder / "refs").mkdir(parents=True)
    (folder / "refs" / "main").write_text("0" * 40)


def test_hub_id_loads_from_cache_offline(tiny_dir, tmp_path, monkeypatch) -> None:
    from huggingface_hub import constants

    _fake_hub_cache(tmp_path, "p2p-tests/tiny", tiny_dir)
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path))
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)
    model = load_model("p2p-tests/tiny", device="cpu")
    assert model.max_tokens == 32
    with pytest.raises(ModelError, match=r"not in the local cache and offline mode is on.*hf download p2p-tests/abs"):
        load_model("p2p-tests/absent", device="cpu")


def test_pickle_checkpoints_are_refused(tmp_path) -> None:
    ckpt = tmp_path / "model.ckpt"
    ckpt.write_bytes(b"\x80\x04not really a pickle")
    with pytest.raises(ModelError, match="legacy pickle checkpoint"):
        load_model(str(ckpt), device="cpu")


def test_unreadable_single_file_is_a_clear_error(tmp_path) -> None:
    bad = tmp_path / "model.safetensors"
    bad.write_bytes(b"garbage")
    with pytest.raises(ModelError, match=r"could not load checkpoint model\.safetensors"):
        load_model(str(bad), device="cpu")


def test_missing_path_and_bad_device(tmp_path) -> None:
    with pytest.raises(ModelError, match="no model file or folder"):
        load_model(str(tmp_path / "nothing"), device="cpu")
    assert pick_device("cpu").type == "cpu"
    with pytest.raises(InputError):
        pick_device("tpu")


@pytest.fixture(scope="module")
def tiny_single_file(tiny_dir, tmp_path_factory) -> Path:
    from p2p_studio.testing.single_file import export_single_file

    return export_single_file(tiny_dir, tmp_path_factory.mktemp("single") / "tiny-v1.safetensors")


def test_single_file_checkpoint_loads_the_same_weights(tiny, tiny_dir, tiny_single_file, monkeypatch) -> None:
    import torch
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)
    model = load_model(str(tiny_single_file), device="cpu", config=str(tiny_dir))
    assert model.name == str(tiny_single_file)
    assert (model.max_tokens, model.native_size, model.prediction_type) == (32, 128, "epsilon")
    assert model.vae.config.scaling_factor == tiny.vae.config.scaling_factor
    for part in ("unet", "vae", "text_encoder"):
        ours, theirs = getattr(model, part).state_dict(), getattr(tiny, part).state_dict()
        assert ours.keys() == theirs.keys()
        assert all(torch.equal(ours[k], theirs[k]) for k in ours), part


def test_cli_edits_with_a_single_file_checkpoint(tiny_dir, tiny_single_file, cat_file, tmp_path, capsys) -> None:
    import json

    from p2p_studio.cli import main

    code = main(["edit", str(cat_file), "--caption", "a cat on a bench", "--edit", "a dog on a bench",
                 "--model", str(tiny_single_file), "--model-config", str(tiny_dir), "--steps", "2",
                 "--inversion", "ddim", "--out", str(tmp_path), "--no-cache", "--device", "cpu", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert Path(json.loads(out)["outputs"]["edits"][0]["image"]).is_file()


def test_single_file_without_configs_offline_says_what_to_do(tiny_single_file, monkeypatch) -> None:
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tiny_single_file.parent / "empty-cache"))
    download = r"`hf download stable-diffusion-v1-5/stable-diffusion-v1-5 --include '\*.json' '\*.txt'`"
    with pytest.raises(ModelError, match=rf"tiny-v1\.safetensors needs its model's configs: pass --model-config "
                                         rf"FOLDER .*{download}$"):
        load_model(str(tiny_single_file), device="cpu")


def test_tokenizer_without_vocabulary_is_incomplete(tiny_dir, tmp_path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(tiny_dir, broken)
    for name in ("vocab.json", "merges.txt", "tokenizer.json"):
        (broken / "tokenizer" / name).unlink(missing_ok=True)
    with pytest.raises(ModelError, match=r"missing tokenizer/vocab.json"):
        load_model(str(broken), device="cpu")


def test_demo_is_the_default_and_a_missing_demo_is_a_clear_error(tmp_path, monkeypatch) -> None:
    import inspect

    assert inspect.signature(load_model).parameters["spec"].default == "demo"
    monkeypatch.setenv("P2P_STUDIO_RESOURCES", str(tmp_path))
    with pytest.raises(ModelError, match=r"built-in demo model is missing"):
        load_model("demo", device="cpu")


def test_folders_with_pickled_weights_are_refused_unless_allowed(tiny_dir, tmp_path) -> None:
    import json
    import shutil

    import torch
    from transformers import CLIPTextModel

    folder = tmp_path / "pickled"
    shutil.copytree(tiny_dir, folder)
    encoder = folder / "text_encoder"
    model = CLIPTextModel.from_pretrained(encoder)
    for weights in encoder.glob("*.safetensors"):
        weights.unlink()
    torch.save(model.state_dict(), encoder / "pytorch_model.bin")
    with pytest.raises(ModelError, match=r"text_encoder weights in .* are pickle files \(\.bin\)"):
        load_model(str(folder), device="cpu")
    assert load_model(str(folder), device="cpu", allow_pickle=True).max_tokens > 0

    broken = tmp_path / "broken-scheduler"
    shutil.copytree(tiny_dir, broken)
    config = broken / "scheduler" / "scheduler_config.json"
    config.write_text(json.dumps({**json.loads(config.read_text()), "num_train_timesteps": 0}))
    with pytest.raises(ModelError, match=r"scheduler config is invalid \(num_train_timesteps = 0\)"):
        load_model(str(broken), device="cpu")


def _with_config(source: Path, folder: Path, component: str, **changes: object) -> Path:
    import json

    shutil.copytree(source, folder)
    config = folder / component / ("scheduler_config.json" if component == "scheduler" else "config.json")
    config.write_text(json.dumps({**json.loads(config.read_text()), **changes}))
    return folder


@pytest.mark.parametrize(("component", "changes", "message"), [
    # size mismatch: a transformers RuntimeError traceback before
    ("text_encoder", {"hidden_size": 48}, r"text_encoder .*config.json does not match its weights \(\d+ weights"),
    # more layers than the file holds: transformers filled them with random weights, silently
    ("text_encoder", {"num_hidden_layers": 5}, r"text_encoder .*e\.g\. encoder\.layers\.2\."),
    ("unet", {"cross_attention_dim": 48}, r"^could not read the unet .*to_k\.weight expected shape"),
    ("vae", {"latent_channels": 8}, r"^could not read the vae .*: decoder\.conv_in\.weight expected shape"),
])
def test_a_config_that_does_not_match_its_weights_names_the_component(tiny_dir, tmp_path, component, changes,
                                                                      message) -> None:
    folder = _with_config(tiny_dir, tmp_path / "m", component, **changes)
    with pytest.raises(ModelError, match=message) as caught:
        load_model(str(folder), device="cpu")
    assert "\n" not in str(caught.value) and len(str(caught.value)) < 400


def test_zero_terminal_snr_schedules(tiny_dir, tiny_v_dir, cat_photo, tmp_path) -> None:
    """Real fine-tunes ship ``rescale_betas_zero_snr`` with trailing timesteps (a ZeroDivisionError
    before): v-prediction models invert and edit; epsilon-prediction ones are refused in one line."""
    import numpy as np
    import torch

    from p2p_studio.core.settings import EditSettings, Method, NullTextSettings
    from p2p_studio.engine import Editor

    zero_snr = {"rescale_betas_zero_snr": True, "timestep_spacing": "trailing"}
    with pytest.raises(ModelError, match=r"zero terminal SNR \(rescale_betas_zero_snr: true\) with epsilon"):
        load_model(str(_with_config(tiny_dir, tmp_path / "eps", "scheduler", **zero_snr)), device="cpu")
    model = load_model(str(_with_config(tiny_v_dir, tmp_path / "v", "scheduler", **zero_snr)), device="cpu")
    editor = Editor(model)
    photo = editor.prepare(cat_photo)
    for method in Method:
        settings = EditSettings(steps=3, method=method, null_text=NullTextSettings(inner_steps=2))
        inversion, _ = editor.invert(photo, "a cat", settings)
        run = editor.edit(photo, "a cat", ["a dog"], settings, inversion=inversion)
        assert torch.isfinite(run.latents).all() and np.asarray(run.edits[0].full).std() > 0
        if method is Method.DIRECT:  # the source branch follows the inversion to the photo's latent
            assert torch.equal(run.latents[0], inversion.trajectory[-1][0])
