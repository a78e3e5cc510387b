"""Photos are untrusted input: only regular files, one pixel limit, reasons in plain words."""

from __future__ import annotations

import errno
import os
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from p2p_studio.core import files
from p2p_studio.core.errors import InputError
from p2p_studio.core.photos import DEFAULT_MAX_PIXELS, load_photo, read_photo


def test_a_fifo_is_refused_at_once_instead_of_hanging(tmp_path) -> None:
    fifo = tmp_path / "photo.jpg"
    os.mkfifo(fifo)
    code = ("import sys; from p2p_studio.core.photos import load_photo\n"
            "try:\n    load_photo(sys.argv[1])\nexcept Exception as e:\n    print(e)")
    out = subprocess.run([sys.executable, "-c", code, str(fifo)], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == ("photo.jpg: not a regular file (a folder, pipe or device cannot be opened "
                                  "as a photo)")


@pytest.mark.parametrize("path", ["/dev/null", "/dev/zero"])
def test_devices_and_folders_are_refused(tmp_path, path) -> None:
    for target in (path, tmp_path):
        with pytest.raises(InputError, match="not a regular file"):
            load_photo(target)


def test_permission_denied_is_said_so(tmp_path, monkeypatch) -> None:
    Image.new("RGB", (32, 32)).save(tmp_path / "p.png")

    def denied(*_args: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files.os, "open", denied)
    with pytest.raises(InputError, match=r"^p\.png: permission denied$"):
        load_photo(tmp_path / "p.png")


def test_one_pixel_limit_past_pillows_own(tmp_path) -> None:
    """Pillow warns above 89.5 MP and refuses above 179 MP; P2P Studio's limit (120 MP) decides."""
    between = tmp_path / "between.png"
    Image.new("1", (10_000, 9_500)).save(between)  # 95 MP: above Pillow's warning, below ours
    assert load_photo(between).size == (10_000, 9_500)
    beyond = tmp_path / "beyond.png"
    Image.new("1", (14_000, 13_000)).save(beyond)  # 182 MP: Pillow itself would refuse it
    with pytest.raises(InputError, match=f"larger than the limit of {DEFAULT_MAX_PIXELS:,} pixels"):
        load_photo(beyond)


def _tiff_with_strip_offsets_of_type(kind: int) -> bytes:
    """A valid TIFF whose StripOffsets tag (273) is re-typed (2 ASCII, 5 RATIONAL...): Pillow's
    decoder raises TypeError on it, which escaped the loader before."""
    import io
    import struct

    buffer = io.BytesIO()
    Image.new("RGB", (32, 32), (200, 10, 10)).save(buffer, format="TIFF")
    data = bytearray(buffer.getvalue())
    ifd = struct.unpack_from("<I", data, 4)[0]
    for i in range(struct.unpack_from("<H", data, ifd)[0]):
        entry = ifd + 2 + 12 * i
        if struct.unpack_from("<H", data, entry)[0] == 273:
            struct.pack_into("<H", data, entry + 2, kind)
    return bytes(data)


@pytest.mark.parametrize("kind", [2, 5, 12])
def test_a_damaged_tiff_is_one_line_not_a_traceback(tmp_path, kind) -> None:
    path = tmp_path / "scan.tif"
    path.write_bytes(_tiff_with_strip_offsets_of_type(kind))
    with pytest.raises(InputError, match=r"^scan\.tif: the image file is damaged or unsupported \(TypeError\)$"):
        load_photo(path)


def test_a_large_xmp_packet_does_not_stop_the_pixels_from_loading(tmp_path) -> None:
    """A 1.5 MB compressed XMP packet is over Pillow's 1 MB text-chunk limit: the pixels load; the
    recipe reader, which reads text, keeps Pillow's limit."""
    from PIL import PngImagePlugin

    from p2p_studio.core.recipe import read_recipe

    xmp = os.urandom(1_100_000).hex()  # incompressible: ~1.5 MB after zlib
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", xmp, zip=True)
    path = tmp_path / "edited-in-lightroom.png"
    Image.new("RGB", (40, 30), (1, 2, 3)).save(path, pnginfo=info)
    assert path.stat().st_size > 1_000_000
    with pytest.raises(ValueError, match="MAX_TEXT_CHUNK"), Image.open(path) as img:
        img.load()
    photo = load_photo(path)
    assert photo.size == (40, 30) and photo.getpixel((5, 5)) == (1, 2, 3)
    assert read_recipe(path) is None


def _seeds() -> list[tuple[str, bytes]]:
    import io

    rng = np.random.default_rng(0)
    pixels = Image.fromarray(rng.integers(0, 256, (24, 32, 3), dtype=np.uint8))
    out = []
    for fmt, kw in (("PNG", {}), ("JPEG", {"quality": 80}), ("TIFF", {}), ("TIFF", {"compression": "tiff_lzw"}),
                    ("WEBP", {"quality": 80}), ("BMP", {})):
        buffer = io.BytesIO()
        pixels.save(buffer, format=fmt, **kw)
        out.append((fmt, buffer.getvalue()))
    return out


def _retype_a_tag(data: bytearray, rng: np.random.Generator) -> None:
    """Give one entry of a little-endian TIFF's first IFD another field type (1..12)."""
    import struct

    if data[:2] != b"II" or len(data) < 8:
        return
    ifd = struct.unpack_from("<I", data, 4)[0]
    if ifd + 2 > len(data):
        return
    count = struct.unpack_from("<H", data, ifd)[0]
    entry = ifd + 2 + 12 * int(rng.integers(0, max(count, 1)))
    if entry + 4 <= len(data):
        struct.pack_into("<H", data, entry + 2, int(rng.integers(1, 13)))


def test_fuzzed_photo_headers_give_only_the_loaders_own_errors() -> None:
    """A few thousand mutated PNG/JPEG/TIFF/WebP/BMP files (fixed seed): every one either decodes to
    RGB or raises InputError; no other exception escapes the loader."""
    from p2p_studio.core.photos import decode_photo

    rng = np.random.default_rng(26)
    seeds = _seeds()
    outcomes = {"decoded": 0, "refused": 0}
    for n in range(3000):
        _fmt, original = seeds[n % len(seeds)]
        data = bytearray(original)
        head = min(len(data), 512)  # headers and the first chunks/tags: where decoders branch
        for _ in range(int(rng.integers(1, 9))):
            where = int(rng.integers(0, head if rng.random() < 0.9 else len(data)))
            choice = rng.random()
            if choice < 0.6:
                data[where] = int(rng.integers(0, 256))
            elif choice < 0.8:
                data[where:where + 4] = int(rng.integers(0, 2**32)).to_bytes(4, "little")
            else:
                del data[where:where + int(rng.integers(1, 64))]
        if _fmt == "TIFF" and rng.random() < 0.5:
            _retype_a_tag(data, rng)
        if rng.random() < 0.1:
            data = data[: int(rng.integers(8, len(data)))]
        try:
            image = decode_photo(bytes(data), f"fuzz-{n}", max_pixels=4_000_000)
        except InputError as exc:
            assert str(exc).startswith(f"fuzz-{n}: ") and "\n" not in str(exc)
            outcomes["refused"] += 1
        else:
            assert image.mode == "RGB"
            outcomes["decoded"] += 1
    assert outcomes["decoded"] > 100 and outcomes["refused"] > 1000, outcomes


def test_a_still_gif_opens_as_rgb_with_its_transparency_on_white(tmp_path) -> None:
    img = Image.new("P", (40, 30), 1)
    img.putpalette([0, 0, 0, 200, 10, 20] + [0] * 762)
    img.paste(0, (0, 0, 10, 30))  # index 0 is transparent
    img.save(tmp_path / "still.gif", transparency=0)
    photo = read_photo(tmp_path / "still.gif")
    pixels = np.asarray(photo.image)
    assert photo.image.mode == "RGB" and photo.note is None
    assert (pixels[:, :10] == 255).all() and (pixels[:, 10:] == (200, 10, 20)).all()


@pytest.mark.parametrize("suffix", [".gif", ".webp", ".png"])
def test_an_animation_opens_at_its_first_frame_and_says_so(tmp_path, suffix) -> None:
    frames = [Image.new("RGB", (32, 24), colour) for colour in ((250, 0, 0), (0, 250, 0), (0, 0, 250))]
    path = tmp_path / f"moving{suffix}"
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0,
                   **({"lossless": True} if suffix == ".webp" else {}))
    photo = read_photo(path)
    assert str(photo.note) == f"moving{suffix}: an animation of 3 frames; its first frame is used"
    assert (np.asarray(photo.image) == (250, 0, 0)).all()
