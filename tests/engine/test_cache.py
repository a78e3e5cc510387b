"""The inversion cache: entries prove their origin, and a failed write costs only the entry."""

from __future__ import annotations

import errno
import logging
import shutil

import torch
from PIL import Image

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
