"""Where an edit is generated at the model's working size: the whole photo, or the region around its
mask (the "edited region" detail mode).

A model works at one size (SD 1.5: 512 px on the long side); a 4000×3000 photo edited whole gets
its edit scaled up 7.8×. Redrawing the region around the mask, cropped from the edit and scaled to
the working size, gives the edit as many pixels as the crop has, up to the photo's own. The
geometry here is pure arithmetic on pixel boxes; the engine crops, redraws and pastes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from p2p_studio.core.settings import Detail
from p2p_studio.core.text import Message

__all__ = ["AUTO_GAIN", "MARGIN", "MAX_ASPECT", "STRENGTH", "Box", "Region", "choose_region", "outlook"]

#: ``auto`` redraws the region when it gives at least this many times the whole photo's detail.
AUTO_GAIN = 1.5
#: Context around the mask's bounding box on each side, as a fraction of the box's long side.
MARGIN = 0.25
#: The crop is never more elongated than this (models are trained on near-square crops).
MAX_ASPECT = 2.0
#: The region's redraw runs this share of the steps again (the rest is the whole pass's edit).
STRENGTH = 0.4
#: Crop edges snap outwards to multiples of this fraction of the photo's long side, so a second
#: edit with a slightly different mask crops the same region (and redraws it from the same noise).
SNAP = 1 / 64

#: ``(left, top, right, bottom)`` in pixels, right and bottom exclusive.
Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class Region:
    """The crop a region pass redraws, and how much more detail it gives than the whole photo."""

    box: Box
    #: Working-size pixels per photo pixel in the region over the same in the whole photo.
    gain: float

    @property
    def size(self) -> tuple[int, int]:
        return self.box[2] - self.box[0], self.box[3] - self.box[1]

    def describe(self) -> Message:
        (w, h), (left, top) = self.size, self.box[:2]
        return Message.of("edited region {w}×{h} px at ({left}, {top}), {gain:.1f}× the detail of the whole photo",
                          w=w, h=h, left=left, top=top, gain=self.gain)


def _detail(long_side: int, native: int) -> float:
    """Working-size pixels per photo pixel for an image of *long_side* (never above 1: a crop
    smaller than the working size gains no real detail by being scaled up)."""
    return min(1.0, native / long_side)


def _span(lo: int, hi: int, length: int, limit: int, snap: int) -> tuple[int, int]:
    """The interval of *length* centred on ``[lo, hi)``, edges snapped outwards, moved (not cut)
    to lie inside ``[0, limit)``."""
    centre = (lo + hi) / 2
    start, end = math.floor((centre - length / 2) / snap) * snap, math.ceil((centre + length / 2) / snap) * snap
    if end - start >= limit:
        return 0, limit
    shift = max(0, -start) - max(0, end - limit)
    return start + shift, end + shift


def region_around(bounds: Box, photo_size: tuple[int, int], native: int, margin: float = MARGIN) -> Region:
    """The crop around the mask's bounding box *bounds*: the box with *margin* on each side,
    no more elongated than :data:`MAX_ASPECT`, at least the working size on its long side, inside
    the photo."""
    left, top, right, bottom = bounds
    width, height = photo_size
    pad = margin * max(right - left, bottom - top)
    w, h = right - left + 2 * pad, bottom - top + 2 * pad
    w, h = max(w, h / MAX_ASPECT), max(h, w / MAX_ASPECT)
    if max(w, h) < native:
        w, h = w * native / max(w, h), h * native / max(w, h)
    snap = max(1, round(SNAP * max(photo_size)))
    x0, x1 = _span(left, right, min(width, math.ceil(w)), width, snap)
    y0, y1 = _span(top, bottom, min(height, math.ceil(h)), height, snap)
    gain = _detail(max(x1 - x0, y1 - y0), native) / _detail(max(photo_size), native)
    return Region((x0, y0, x1, y1), gain)


def choose_region(mode: Detail, bounds: Box | None, photo_size: tuple[int, int], native: int,
                  margin: float = MARGIN) -> Region | None:
    """The region to redraw, or ``None`` for the whole photo: never for ``whole`` or without a
    mask (*bounds* ``None``: the whole photo may change); for ``region`` whenever it adds detail;
    for ``auto`` when it adds at least :data:`AUTO_GAIN` times."""
    if mode is Detail.WHOLE or bounds is None:
        return None
    region = region_around(bounds, photo_size, native, margin)
    return region if region.gain >= (AUTO_GAIN if mode is Detail.AUTO else 1.0 + 1e-9) else None


def outlook(mode: Detail, photo_size: tuple[int, int], native: int) -> Message:
    """Before an edit: how the photo's detail will be handled, in one sentence."""
    scale = max(photo_size) / native
    if mode is Detail.WHOLE or scale < AUTO_GAIN:
        if scale > 1:
            return Message.of("detail: whole photo at the model's {native} px, scaled up {scale:.1f}×",
                              native=native, scale=scale)
        return Message.of("detail: whole photo at the model's {native} px", native=native)
    return Message.of("detail: the edited region is redrawn at {native} px when its mask is small (the photo is "
                      "{scale:.1f}× the model's size; {strength:.0%} of the steps again)" if mode is Detail.AUTO else
                      "detail: the edited region is redrawn at {native} px when it adds detail (the photo is "
                      "{scale:.1f}× the model's size; {strength:.0%} of the steps again)",
                      native=native, scale=scale, strength=STRENGTH)
