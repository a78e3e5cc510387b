"""The pixel side of the edited-region mode: the masks' bounds, and pasting the redraw back.

The region's geometry is :mod:`p2p_studio.core.detail`'s; :meth:`Editor.edit` runs the pass.
"""

from __future__ import annotations

from collections.abc import Sequence

from PIL import Image

from p2p_studio.core.detail import Box
from p2p_studio.engine.images import composite


def mask_bounds(alphas: Sequence[Image.Image | None]) -> Box | None:
    """The bounding box of every pixel any of *alphas* (mode L) lets through; ``None`` when one of
    them is missing (that edit may change the whole photo) or all are empty."""
    boxes = [alpha.getbbox() for alpha in alphas if alpha is not None]
    if len(boxes) != len(alphas) or not any(boxes):
        return None
    found = [b for b in boxes if b is not None]
    return min(b[0] for b in found), min(b[1] for b in found), max(b[2] for b in found), max(b[3] for b in found)


def paste(original: Image.Image, box: Box, edited: Image.Image, alpha: Image.Image) -> Image.Image:
    """*edited* (any size) composited through *alpha* (the crop's size) into the crop *box* of
    *original*. Outside the box and wherever *alpha* is 0 the photo's pixels are kept exactly."""
    full = original.copy()
    full.paste(composite(original.crop(box), edited, alpha), box[:2])
    return full
