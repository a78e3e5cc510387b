"""Photos as tensors and back, and full-resolution compositing (reading photos: :mod:`p2p_studio.core.photos`)."""

from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F
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


#: :func:`outward_feather` drops alpha below this (the Gaussian's far tail): past about one
#: feather width from the mask the photo stays as it was.
FEATHER_TAIL = 0.15


def outward_feather(mask: torch.Tensor, size: tuple[int, int], feather: float) -> Image.Image:
    """:func:`feathered_mask` softened outwards only: alpha is 255 on every pixel of the hard mask
    and fades to 0 within about one *feather* width outside it."""
    hard = feathered_mask(mask, size, 0)
    if feather <= 0:
        return hard
    soft = np.asarray(hard.filter(ImageFilter.GaussianBlur(feather)), dtype=np.float32) / 255
    fade = np.clip((soft - FEATHER_TAIL) / (1 - FEATHER_TAIL), 0, 1)
    alpha = np.maximum(np.asarray(hard, dtype=np.float32) / 255, fade)
    return Image.fromarray(np.round(alpha * 255).astype(np.uint8))


def composite(original: Image.Image, edited: Image.Image, alpha: Image.Image) -> Image.Image:
    """Blend *edited* (any size) into *original* through *alpha*; where alpha is 0 the result is
    exactly the original pixel."""
    edited_full = edited.resize(original.size, Image.Resampling.LANCZOS)
    return Image.composite(edited_full, original, alpha)


#: The long side the photo is reduced to as the guide of a mask's edge (the fast guided filter:
#: the edge is found at this size, then scaled up with the mask).
GUIDE_SIDE = 1024


def guide_of(photo: Image.Image, side: int = GUIDE_SIDE) -> torch.Tensor:
    """*photo* as ``(3, h, w)`` in [0, 1], its long side at most *side*."""
    scale = min(1.0, side / max(photo.size))
    size = (max(1, round(photo.width * scale)), max(1, round(photo.height * scale)))
    small = photo.convert("RGB").resize(size, Image.Resampling.BOX) if size != photo.size else photo.convert("RGB")
    return torch.from_numpy(np.asarray(small, dtype=np.float32) / 255.0).permute(2, 0, 1)


def _box(x: torch.Tensor, r: int) -> torch.Tensor:
    """Mean of *x* ``(..., h, w)`` over a ``(2r+1)^2`` window (clipped at the borders), by sums."""
    h, w = x.shape[-2:]
    c = F.pad(x, (1, 0, 1, 0)).cumsum(-1).cumsum(-2)
    ys, xs = torch.arange(h), torch.arange(w)
    y0, y1 = (ys - r).clamp(0, h), (ys + r + 1).clamp(0, h)
    x0, x1 = (xs - r).clamp(0, w), (xs + r + 1).clamp(0, w)
    total = (c[..., y1, :][..., x1] - c[..., y0, :][..., x1] - c[..., y1, :][..., x0] + c[..., y0, :][..., x0])
    area = (y1 - y0)[:, None] * (x1 - x0)[None, :]
    return total / area


def guided_filter(p: torch.Tensor, guide: torch.Tensor, radius: int, eps: float) -> torch.Tensor:
    """He et al.'s guided filter of *p* ``(h, w)`` by each channel of *guide* ``(C, h, w)``,
    averaged: *p* made locally linear in the photo, so its edges move onto the photo's."""
    mean_i, mean_p = _box(guide, radius), _box(p[None], radius)
    cov = _box(guide * p[None], radius) - mean_i * mean_p
    var = _box(guide * guide, radius) - mean_i * mean_i
    a = cov / (var + eps)
    b = mean_p - a * mean_i
    return (_box(a, radius) * guide + _box(b, radius)).mean(0)


#: :func:`grown_alike` reaches its distance in at most this many rounds (a wider window each).
GROW_ROUNDS = 4


def grown_alike(mask: torch.Tensor, guide: torch.Tensor, distance: int, tolerance: float) -> torch.Tensor:
    """A bool mask ``(h, w)`` grown by up to *distance* pixels into pixels whose colour in *guide*
    ``(C, h, w)`` is within *tolerance* (RMS over channels, in [0, 1]) of the mean colour of the
    mask pixels near them: it spreads through the rest of an object it covers most of (a shape's
    tips) and stops at the object's edge. Rounds of ``ceil(distance / GROW_ROUNDS)`` pixels keep the
    cost flat at any photo size."""
    m = mask.clone()
    step = max(1, -(-distance // GROW_ROUNDS))
    for _ in range(-(-distance // step)):
        inside = m[None].float()
        count = _box(inside, step)
        ring = (count > 0) & ~m
        if not ring.any():
            break
        mean = _box(guide * inside, step) / count.clamp_min(1e-6)
        close = ((guide - mean) ** 2).mean(0).sqrt() <= tolerance
        added = ring[0] & close
        if not added.any():
            break
        m = m | added
    return m


def rim_of(mask: torch.Tensor, guide: torch.Tensor, tolerance: float, reach: int = 2) -> torch.Tensor:
    """The pixels next to *mask* ``(h, w)`` that are not background: a colour in *guide* more than
    *tolerance* (RMS) from the mean of the unmasked pixels within *reach* of them. An object's
    anti-aliased edge (a mix of its colour and the background's) is rim; plain background is not."""
    outside = (~mask)[None].float()
    ring = (_box(mask[None].float(), 1)[0] > 0) & ~mask
    count = _box(outside, reach)
    background = _box(guide * outside, reach) / count.clamp_min(1e-6)
    return ring & (((guide - background) ** 2).mean(0).sqrt() > tolerance)
