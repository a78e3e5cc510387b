"""Photos as tensors and back, and full-resolution compositing (reading photos: :mod:`p2p_studio.core.photos`)."""

from __future__ import annotations

import numpy as np
import torch
from PIL import Image, ImageFilter


def to_tensor(img: Image.Image, size: tuple[int, int]) -> torch.Tensor:
    """Resize to *size* (w, h) and return ``(1, 3, h, w)`` pixels in [-1, 1]."""
    resized = img.resize(size, Image.Resampling.LANCZOS) if img.size != size else img
    arr = np.asarray(resized, dtype=np.float32) / 127.5 - 1.0
    return torch.from_numpy(arr).permute(2, 0, 1)[None].contiguous()


def to_image(pixels: torch.Tensor) -> Image.Image:
    """``(3, h, w)`` in [0, 1] -> 8-bit RGB image."""
    arr = (pixels.clamp(0, 1).permute(1, 2, 0).numpy() * 255 + 0.5).astype(np.uint8)
    return Image.fromarray(arr)


def feathered_mask(mask: torch.Tensor, size: tuple[int, int], feather: float) -> Image.Image:
    """A hard ``(h, w)`` mask at *size* (w, h) with its edge softened by *feather* pixels (mode L).

    A mask of another size is upsampled bilinearly and cut at half, so edges stay where they were
    but a latent cell's corners are rounded. Alpha is 0 beyond about 3 x *feather* pixels outside
    the hard mask (three box passes of radius ~*feather*), so the original shows unchanged there.
    """
    up = Image.fromarray((mask.cpu().numpy() > 0.5).astype(np.uint8) * 255)
    if up.size != size:
        up = up.resize(size, Image.Resampling.BILINEAR).point(lambda v: 255 if v >= 128 else 0)
    return up.filter(ImageFilter.GaussianBlur(feather)) if feather > 0 else up


def composite(original: Image.Image, edited: Image.Image, alpha: Image.Image) -> Image.Image:
    """Blend *edited* (any size) into *original* through *alpha*; where alpha is 0 the result is
    exactly the original pixel."""
    edited_full = edited.resize(original.size, Image.Resampling.LANCZOS)
    return Image.composite(edited_full, original, alpha)

