"""The optional tiny preview decoder (TAESD): found in a folder or the hub cache, never downloaded,
refused in one line where it cannot serve; previews use it, results never do."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from inversion import Reporter
from p2p_studio.core.settings import Detail, EditSettings, Method
from p2p_studio.engine.editor import Editor
from p2p_studio.engine.tiny_decoder import TAESD_REPOS, load_tiny_decoder


def _write_taesd(folder: Path, channels: int = 4) -> Path:
    """A random tiny autoencoder with two decoder blocks: it upsamples latents 2x (the tiny model's
    VAE: 4x), so its previews are told apart by their size."""
    from diffusers import AutoencoderTiny

    torch.manual_seed(0)
    AutoencoderTiny(encoder_block_out_channels=(8, 8), decoder_block_out_channels=(8, 8), num_encoder_blocks=(1, 1),
                    num_decoder_blocks=(1, 1), latent_channels=channels).save_pretrained(folder)
    return folder


def test_a_folder_is_loaded_and_decodes_a_latent(tiny, tmp_path) -> None:
    decoder, note = load_tiny_decoder(str(_write_taesd(tmp_path / "taesd")), tiny)
    assert decoder is not None and note is None and decoder.name == str(tmp_path / "taesd")
    image = decoder.decode(torch.zeros(4, 10, 12))
    assert image.size == (24, 20) and image.mode == "RGB"


def test_auto_takes_taesd_from_the_hub_cache_only(tiny, tmp_path) -> None:
    cache = tmp_path / "hub"
    assert load_tiny_decoder("auto", tiny, str(cache)) == (None, None)  # not fetched: nothing to say
    repo = cache / f"models--{TAESD_REPOS[tiny.kind].replace('/', '--')}"
    commit = "0123456789abcdef" * 2 + "01234567"  # the cache's layout: refs/main names a snapshot
    _write_taesd(repo / "snapshots" / commit)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(commit)
    decoder, note = load_tiny_decoder("auto", tiny, str(cache))
    assert decoder is not None and decoder.name == "madebyollin/taesd" and note is None
    assert load_tiny_decoder("none", tiny, str(cache)) == (None, None)


def test_a_decoder_that_cannot_serve_is_named_in_one_line(tiny, tmp_path) -> None:
    decoder, note = load_tiny_decoder(str(_write_taesd(tmp_path / "sd3", channels=16)), tiny)
    assert decoder is None and str(note) == (f"preview decoder {tmp_path / 'sd3'}: made for 16-channel latents, "
                                             "the model has 4; previews use the model's VAE")
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "config.json").write_text("{not json")
    decoder, message = load_tiny_decoder(str(tmp_path / "junk"), tiny)
    note = str(message)
    assert decoder is None and note.startswith(f"preview decoder {tmp_path / 'junk'}: cannot be read (")
    assert note.endswith("); previews use the model's VAE") and "\n" not in note


def test_previews_come_from_the_tiny_decoder_and_the_result_from_the_vae(tiny, tmp_path, cat_photo) -> None:
    editor = Editor(tiny)
    settings = EditSettings(steps=6, method=Method.DIRECT, detail=Detail.WHOLE)
    photo = editor.prepare(cat_photo)
    inversion, _ = editor.invert(photo, "a cat on a bench", settings)

    def run() -> tuple[list, np.ndarray]:
        shown: list = []
        result = editor.edit(photo, "a cat on a bench", ["a dog on a bench"], settings,
                             Reporter(on_preview=lambda p, image: shown.append(image)), inversion=inversion)
        return shown, np.asarray(result.edits[0].full)

    vae_previews, plain = run()
    editor.preview_decoder, _ = load_tiny_decoder(str(_write_taesd(tmp_path / "taesd")), tiny)
    tiny_previews, with_tiny = run()
    latent_w = photo.size[0] // tiny.vae_scale  # (a later preview may be the linear map's, latent-sized)
    assert vae_previews[0].width == latent_w * tiny.vae_scale and tiny_previews[0].width == latent_w * 2
    assert {p.width for p in tiny_previews} <= {latent_w * 2, latent_w}
    assert np.array_equal(plain, with_tiny)  # the result is the model's VAE's either way


@pytest.mark.parametrize("spec", ["", "  none "])
def test_no_decoder_asked_for(tiny, spec) -> None:
    assert load_tiny_decoder(spec, tiny) == (None, None)
