"""Every kind of photo a user may drop in: odd modes, orientation, damage, size."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from p2p_studio.core.errors import InputError
from p2p_studio.core.photos import load_photo, working_size


def _save(img: Image.Image, path, fmt: str, **kw):
    img.save(path, format=fmt, **kw)
    return path


def test_exif_orientation_is_applied(tmp_path, cat_photo) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 degrees clockwise on display
    path = _save(cat_photo, tmp_path / "rot.jpg", "JPEG", exif=exif.tobytes())
    img = load_photo(path)
    assert img.size == (cat_photo.height, cat_photo.width)


@pytest.mark.parametrize("mode", ["RGBA", "LA", "P", "CMYK", "L", "I;16"])
def test_odd_modes_become_rgb8(tmp_path, cat_photo, mode) -> None:
    if mode == "I;16":
        arr = (np.asarray(cat_photo.convert("L"), dtype=np.uint16) * 257)
        img = Image.fromarray(arr)
        fmt, name = "PNG", "x.png"
    else:
        img = cat_photo.convert(mode)
        fmt, name = ("TIFF", "x.tif") if mode == "CMYK" else ("PNG", "x.png")
    out = load_photo(_save(img, tmp_path / name, fmt))
    assert out.mode == "RGB" and out.size == cat_photo.size
    if mode == "I;16":  # 16-bit values are scaled, not clipped to white
        grey = np.asarray(cat_photo.convert("L"), dtype=np.int16)
        assert np.abs(np.asarray(out)[..., 0].astype(np.int16) - grey).max() <= 1


def test_transparent_pixels_become_white(tmp_path) -> None:
    img = Image.new("RGBA", (32, 32), (255, 0, 0, 0))
    out = load_photo(_save(img, tmp_path / "t.png", "PNG"))
    assert out.getpixel((0, 0)) == (255, 255, 255)


@pytest.mark.parametrize("fmt", ["WEBP", "BMP", "TIFF", "PNG", "JPEG", "GIF"])
def test_supported_formats(tmp_path, cat_photo, fmt) -> None:
    assert load_photo(_save(cat_photo, tmp_path / f"x.{fmt.lower()}", fmt)).size == cat_photo.size


def test_bad_files_give_clear_errors(tmp_path, cat_photo) -> None:
    text = tmp_path / "notes.png"
    text.write_text("not an image")
    with pytest.raises(InputError, match="not an image"):
        load_photo(text)
    buf = io.BytesIO()
    cat_photo.save(buf, format="PNG")
    truncated = tmp_path / "cut.png"
    truncated.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    with pytest.raises(InputError, match="damaged or truncated"):
        load_photo(truncated)
    with pytest.raises(InputError, match="too small"):
        load_photo(_save(Image.new("RGB", (1, 1)), tmp_path / "dot.png", "PNG"))
    with pytest.raises(InputError, match="not found"):
        load_photo(tmp_path / "missing.jpg")
    pcx = _save(cat_photo, tmp_path / "x.pcx", "PCX")
    with pytest.raises(InputError, match="PCX images are not supported; use JPEG, PNG, WebP, BMP, TIFF or GIF"):
        load_photo(pcx)


def test_huge_images_are_refused_before_decoding(tmp_path) -> None:
    path = _save(Image.new("RGB", (4000, 3000)), tmp_path / "big.png", "PNG")
    with pytest.raises(InputError, match="larger than the limit of 10,000,000 pixels"):
        load_photo(path, max_pixels=10_000_000)
    assert load_photo(path).size == (4000, 3000)


def test_working_size_keeps_aspect_and_multiples() -> None:
    assert working_size(451, 300, 512, 64) == (512, 320)
    assert working_size(300, 451, 768, 64) == (512, 768)
    assert working_size(4000, 100, 512, 64) == (512, 64)
    w, h = working_size(1000, 1000, 128, 32)
    assert (w, h) == (128, 128)


def test_feathered_mask_keeps_edges_and_rounds_cell_corners() -> None:
    import torch

    from p2p_studio.engine.images import feathered_mask

    mask = torch.zeros(8, 8, dtype=torch.bool)
    mask[2:6, 2:6] = True  # a 4x4-cell square, 16 px cells at 128 px
    alpha = np.asarray(feathered_mask(mask, (128, 128), 0)) > 127
    assert alpha[32:96, 32:96][8:-8, 8:-8].all()  # the inside, away from the edges
    assert alpha[64, 33] and alpha[33, 64] and not alpha[64, 30] and not alpha[30, 64]  # edges stay put
    assert not alpha[32, 32] and not alpha[95, 95]  # corners are cut
    assert 0.9 < alpha.sum() / (64 * 64) < 1.0
    assert not alpha[:28].any() and not alpha[:, 100:].any()
