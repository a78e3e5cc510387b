"""The inversion cache: entries prove their origin, and a failed write costs only the entry."""

from __future__ import annotations

import errno
import logging
import shutil

import torch
from PIL import Image

from inversion import Conditioning
from p2p_studio.core.settings import EditSettings, Method
from p2p_studio.engine import cache as cache_module
from p2p_studio.engine.cache import InversionCache
from p2p_studio.engine.editor import Editor

SETTINGS = EditSettings(steps=2, method=Method.DDIM)


def test_an_entry_from_another_photo_or_model_is_a_miss(tiny, tiny_v, cat_photo, tmp_path) -> None:
    cache = InversionCache(tmp_path)
    editor = Editor(tiny, cache)
    a = editor.prepare(cat_photo)
    b = editor.prepare(cat_photo.transpose(Image.Transpose.FLIP_LEFT_RIGHT))
    inverted_a, cached = editor.invert(a, "a cat", SETTINGS)
    assert not cached and editor.invert(a, "a cat", SETTINGS)[1]  # the real hit
    path_a = cache.path(editor.inversion_origin(a, "a cat", SETTINGS))
    path_b = cache.path(editor.inversion_origin(b, "a cat", SETTINGS))
    shutil.copy(path_a, path_b)  # photo A's entry under photo B's name
    inverted_b, cached = editor.invert(b, "a cat", SETTINGS)
    assert not cached and not torch.equal(inverted_b.noise, inverted_a.noise)
    other_model = Editor(tiny_v, cache)
    a_v = other_model.prepare(cat_photo)
    shutil.copy(path_a, cache.path(other_model.inversion_origin(a_v, "a cat", SETTINGS)))
    assert not other_model.invert(a_v, "a cat", SETTINGS)[1]


def test_a_damaged_entry_is_a_miss(tiny, cat_photo, tmp_path) -> None:
    cache = InversionCache(tmp_path)
    editor = Editor(tiny, cache)
    photo = editor.prepare(cat_photo)
    editor.invert(photo, "a cat", SETTINGS)
    cache.path(editor.inversion_origin(photo, "a cat", SETTINGS)).write_bytes(b"\x00" * 100)
    assert not editor.invert(photo, "a cat", SETTINGS)[1]


def test_a_failed_cache_write_is_a_warning_not_a_failed_edit(tiny, cat_photo, tmp_path, monkeypatch, caplog) -> None:
    def full(*_args: object, **_kw: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(cache_module, "atomic_write", full)
    editor = Editor(tiny, InversionCache(tmp_path))
    with caplog.at_level(logging.WARNING):
        run = editor.edit(editor.prepare(cat_photo), "a cat", ["a dog"], SETTINGS)
    assert run.edits[0].full.size == cat_photo.size and not run.inversion_cached
    assert "inversion not cached" in caplog.text and "the disk is full" in caplog.text


def _rewrite(path, change) -> None:
    """Re-save a cache entry with its origin kept and its tensors changed by *change*."""
    from inversion import InversionResult

    meta = InversionResult.metadata(path)
    result = InversionResult.load(path)
    change(result)
    result.save(path, {cache_module.ORIGIN_KEY: meta[cache_module.ORIGIN_KEY]})


def test_an_entry_with_its_origin_but_wrong_tensors_is_a_miss_and_is_replaced(tiny, cat_photo, tmp_path) -> None:
    """Issue 26: latents of another shape under the right origin were 'images differ in shape' on
    every run until the cache was cleared."""
    cache = InversionCache(tmp_path)
    editor = Editor(tiny, cache)
    photo = editor.prepare(cat_photo)
    good, _ = editor.invert(photo, "a cat", SETTINGS)
    path = cache.path(editor.inversion_origin(photo, "a cat", SETTINGS))
    changes = {
        "shape": lambda r: r.trajectory.__setitem__(0, torch.zeros(1, 4, 3, 5)),
        "dtype": lambda r: r.trajectory.__setitem__(1, r.trajectory[1].to(torch.int32)),
        "nan": lambda r: r.trajectory[0].view(-1).__setitem__(0, float("nan")),
        "steps": lambda r: r.trajectory.pop(),
        "optimised": lambda r: r.optimised.append(Conditioning(torch.zeros(1, 2, 3))),
    }
    for name, change in changes.items():
        _rewrite(path, change)
        inverted, cached = editor.invert(photo, "a cat", SETTINGS)
        assert not cached and torch.equal(inverted.noise, good.noise), name
        again, cached = editor.invert(photo, "a cat", SETTINGS)
        assert cached and torch.equal(again.noise, good.noise), name  # the bad entry was replaced
    run = editor.edit(photo, "a cat", ["a dog"], SETTINGS)
    assert run.inversion_cached and run.edits[0].full.size == cat_photo.size


def test_nan_weights_stop_with_one_line_and_write_nothing(tiny_dir, cat_file, tmp_path, capsys) -> None:
    """A model with a NaN in its UNet (or fp16 overflow on a GPU) gave an all-black edit, exit 0."""
    from safetensors.torch import load_file, save_file

    from p2p_studio.cli import main

    broken = tmp_path / "broken"
    shutil.copytree(tiny_dir, broken)
    weights = next((broken / "unet").glob("*.safetensors"))
    tensors = load_file(str(weights))
    name = next(k for k in tensors if k.endswith("conv_out.bias"))
    tensors[name][0] = float("nan")
    save_file(tensors, str(weights))
    out = tmp_path / "out"
    for method in ("ddim", "direct"):
        code = main(["edit", str(cat_file), "--caption", "a cat", "--edit", "a dog", "--model", str(broken),
                     "--steps", "2", "--inversion", method, "--no-cache", "--out", str(out)])
        err = capsys.readouterr().err
        assert code == 1 and "the model produced NaN or infinity at inversion step" in err, err
        assert err.splitlines()[-1].startswith("p2p-studio: error:") and list(out.iterdir()) == []


def test_nan_while_denoising_or_decoding_is_caught_where_it_appears(tiny, cat_photo, monkeypatch) -> None:
    import pytest

    from p2p_studio.core.errors import NumericalError

    editor = Editor(tiny)
    photo = editor.prepare(cat_photo)
    inversion, _ = editor.invert(photo, "a cat", SETTINGS)
    real_decode = tiny.decode
    monkeypatch.setattr(tiny, "decode", lambda latents: real_decode(latents) * float("inf"))
    with pytest.raises(NumericalError, match="at decoding"):
        editor.edit(photo, "a cat", ["a dog"], SETTINGS, inversion=inversion)
    monkeypatch.undo()
    real_guided = editor.predict.guided

    def overflow(x, t, *args, **kwargs):
        return real_guided(x, t, *args, **kwargs) * (float("nan") if int(t) < 500 else 1.0)

    monkeypatch.setattr(editor.predict, "guided", overflow)
    with pytest.raises(NumericalError, match="at step 2 of 2"):
        editor.edit(photo, "a cat", ["a dog"], SETTINGS, inversion=inversion)
