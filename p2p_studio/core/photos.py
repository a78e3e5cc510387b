"""Reading user photos safely and sizing them for a model (any aspect ratio, no centre crop).

No torch and no Qt, so the desktop app can open and check a photo on its own thread at once.
"""

from __future__ import annotations

import errno
import hashlib
import io
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from p2p_studio.core.errors import InputError
from p2p_studio.core.files import describe_os_error, read_regular_file, text_of
from p2p_studio.core.text import Message

FORMATS = ("JPEG", "PNG", "WEBP", "BMP", "TIFF", "MPO", "GIF")
#: File name endings of the formats (folder scans, file dialogs, ``p2p-studio photo.jpg``).
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".bmp", ".gif")
#: Refuse images above this many pixels before decoding them (a 400-megapixel photo is 1.2 GB).
DEFAULT_MAX_PIXELS = 120_000_000
#: Photo files above this size are refused before reading (a 120-MP 16-bit TIFF is about 720 MB).
MAX_FILE_BYTES = 1_000_000_000
MIN_SIDE = 16
#: What a pasted photo is called in messages.
CLIPBOARD = Message.of("clipboard image")


def read_photo_bytes(path: Path | str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a photo file; only regular files (a FIFO, device or socket would block or
    never end), at most *limit* bytes. Raises :class:`InputError` with the reason."""
    name = text_of(Path(path).name)
    try:
        return read_regular_file(Path(path), limit)
    except FileNotFoundError:
        raise InputError("{name}: file not found", name=name) from None
    except OSError as exc:
        if exc.errno == errno.EINVAL:
            raise InputError("{name}: not a regular file (a folder, pipe or device cannot be opened "
                             "as a photo)", name=name) \
                from None
        if exc.errno == errno.EFBIG:
            raise InputError("{name}: the file is larger than {megabytes:,.0f} MB, the largest photo "
                             "that can be opened", name=name, megabytes=limit / 1e6) from None
        raise InputError("{name}: {reason}", name=name, reason=describe_os_error(exc)) from None


def load_photo(source: Path | str | bytes, max_pixels: int = DEFAULT_MAX_PIXELS) -> Image.Image:
    """Open a photo as 8-bit RGB with its EXIF orientation applied.

    Transparent images are flattened onto white; CMYK, palette, greyscale and 16-bit images are
    converted. Unreadable, truncated, unsupported, tiny or huge files raise :class:`InputError`.
    The pixel limit is *max_pixels* alone (Pillow's own bomb check is replaced by it).
    """
    if isinstance(source, bytes):
        return decode_photo(source, CLIPBOARD, max_pixels)
    return decode_photo(read_photo_bytes(source), text_of(Path(source).name), max_pixels)


def decode_photo(data: bytes, name: str | Message, max_pixels: int = DEFAULT_MAX_PIXELS) -> Image.Image:
    """:func:`load_photo` for bytes already read; *name* is used in messages."""
    return _decode(data, name, max_pixels)[0]


def _decode(data: bytes, name: str | Message, max_pixels: int) -> tuple[Image.Image, Message | None]:
    """The photo, and a note on what of the file was used where that is not all of it (the first
    frame of an animation)."""
    too_large = Message.of("{name}: the image is larger than the limit of {limit:,} pixels; downscale it first",
                           name=name, limit=max_pixels)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # bomb warnings: the header check decides; the rest is noise on bad files
            with Image.open(io.BytesIO(without_png_text(data))) as img:
                _check_header(img, name, max_pixels)
                note = _animation_note(img, name)
                img.load()  # the first frame
                return to_rgb8(ImageOps.exif_transpose(img)), note
    except InputError:
        raise
    except Image.DecompressionBombError:
        raise InputError(too_large) from None
    except UnidentifiedImageError:
        raise InputError("{name}: not an image file, or a format P2P Studio cannot read", name=name) from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise InputError("{name}: the image file is damaged or truncated ({reason})", name=name, reason=exc) from None
    except Exception as exc:  # any other failure inside a decoder is a file it cannot read, never a crash
        raise InputError("{name}: the image file is damaged or unsupported ({reason})",
                         name=name, reason=type(exc).__name__) from None


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: Text chunks carry metadata (XMP, comments, recipes), nothing of the pixels.
PNG_TEXT_CHUNKS = frozenset({b"tEXt", b"zTXt", b"iTXt"})


def without_png_text(data: bytes) -> bytes:
    """A PNG's bytes without its text chunks (other data unchanged).

    Decoding the pixels of a photo whose XMP packet is larger than Pillow's text-chunk limit must
    not fail; the limit stays in force for the recipe reader, which reads the text. Anything that
    is not a well-formed chunk sequence is returned as it is, for the decoder to judge.
    """
    if not data.startswith(PNG_SIGNATURE):
        return data
    kept = [PNG_SIGNATURE]
    pos = len(PNG_SIGNATURE)
    while pos + 12 <= len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        end = pos + 12 + length
        if end > len(data):
            return data
        if data[pos + 4:pos + 8] not in PNG_TEXT_CHUNKS:
            kept.append(data[pos:end])
        pos = end
    kept.append(data[pos:])
    return b"".join(kept)


def _animation_note(img: Image.Image, name: str | Message) -> Message | None:
    """For an animation (GIF, WebP, APNG), that its first frame is the photo. An MPO's further
    frames (a phone's stereo or preview images) are not frames of the picture: no note."""
    if img.format == "MPO" or not getattr(img, "is_animated", False):
        return None
    return Message.of("{name}: an animation of {frames} frames; its first frame is used",
                      name=name, frames=int(getattr(img, "n_frames", 2)))


def _check_header(img: Image.Image, name: str | Message, max_pixels: int) -> None:
    if img.format not in FORMATS:
        raise InputError("{name}: {format} images are not supported; use JPEG, PNG, WebP, BMP, TIFF "
                         "or GIF", name=name, format=img.format)
    w, h = img.size
    if w * h > max_pixels:
        raise InputError("{name}: {w}×{h} is larger than the limit of {limit:,} pixels; downscale it first",
                         name=name, w=w, h=h, limit=max_pixels)
    if min(w, h) < MIN_SIDE:
        raise InputError("{name}: {w}×{h} is too small; photos need at least {least} pixels per side",
                         name=name, w=w, h=h, least=MIN_SIDE)


def to_rgb8(img: Image.Image) -> Image.Image:
    """Convert any Pillow mode to 8-bit RGB (alpha composited over white)."""
    if img.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        arr = np.asarray(img, dtype=np.float64)
        top = 65535.0 if arr.max(initial=0) > 255 or img.mode.startswith("I;16") else 255.0
        arr = np.clip(arr / top * 255.0 + 0.5, 0, 255).astype(np.uint8)
        return Image.fromarray(arr).convert("RGB")
    if img.mode == "F":
        arr = np.asarray(img, dtype=np.float64)
        top = 1.0 if arr.max(initial=0) <= 1.0 else 255.0
        return Image.fromarray(np.clip(arr / top * 255 + 0.5, 0, 255).astype(np.uint8)).convert("RGB")
    if img.mode == "P" and "transparency" in img.info:
        img = img.convert("RGBA")
    if img.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        rgba = img.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    return img.convert("RGB")


def working_size(width: int, height: int, native: int, multiple: int) -> tuple[int, int]:
    """The model-side size: long side = *native*, aspect kept, both sides multiples of *multiple*."""
    scale = native / max(width, height)

    def side(v: int) -> int:
        return max(multiple, round(v * scale / multiple) * multiple)

    return side(width), side(height)


@dataclass(frozen=True)
class LoadedPhoto:
    """A decoded photo and the identity of its file (made off the UI thread by :func:`read_photo`)."""

    image: Image.Image
    sha256: str
    path: Path | None  # None for a pasted image
    #: What of the file was used where it was not all of it (an animation's first frame).
    note: Message | None = None


def read_photo(source: Path | bytes) -> LoadedPhoto:
    """Read and decode a photo file (or clipboard PNG bytes); :class:`InputError` on bad input."""
    if isinstance(source, bytes):
        image, note = _decode(source, CLIPBOARD, DEFAULT_MAX_PIXELS)
        return LoadedPhoto(image, hashlib.sha256(source).hexdigest(), None, note)
    data = read_photo_bytes(source)
    image, note = _decode(data, text_of(Path(source).name), DEFAULT_MAX_PIXELS)
    return LoadedPhoto(image, hashlib.sha256(data).hexdigest(), Path(source), note)
