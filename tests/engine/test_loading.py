"""Model sources: local folder, hub id from the cache, single files; and their errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from p2p_studio.engine.errors import InputError, ModelError
from p2p_studio.engine.loading import load_model, pick_device


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
