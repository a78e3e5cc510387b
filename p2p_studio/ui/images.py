"""Conversions between Pillow/numpy images and QImage for display."""

from __future__ import annotations

import numpy as np
from PIL import Image
from PySide6.QtGui import QColor, QImage


def to_qimage(image: Image.Image) -> QImage:
    rgba = image.convert("RGBA")
    data = rgba.tobytes()
    q = QImage(data, rgba.width, rgba.height, rgba.width * 4, QImage.Format.Format_RGBA8888)
    return q.copy()  # own the pixels (data is freed when this function returns)


def _rgba_to_qimage(rgba: np.ndarray) -> QImage:
    rgba = np.ascontiguousarray(rgba)
    h, w = rgba.shape[:2]
    return QImage(rgba.data, w, h, w * 4, QImage.Format.Format_RGBA8888).copy()


def alpha_overlay(mask: np.ndarray | None, colour: QColor) -> QImage | None:
    """A translucent single-colour overlay whose opacity follows *mask* (float [0, 1])."""
    if mask is None:
        return None
    rgba = np.zeros((*mask.shape, 4), np.uint8)
    rgba[..., 0], rgba[..., 1], rgba[..., 2] = colour.red(), colour.green(), colour.blue()
    rgba[..., 3] = np.round(np.clip(mask, 0, 1) * colour.alpha()).astype(np.uint8)
    return _rgba_to_qimage(rgba)


def heat_overlay(heat: np.ndarray, width: int, height: int) -> QImage:
    """A jet-like colour map of a low-resolution heat map, smoothly scaled to the photo."""
    small = Image.fromarray(np.round(np.clip(heat, 0, 1) * 255).astype(np.uint8))
    h = np.asarray(small.resize((width, height), Image.Resampling.BICUBIC), dtype=np.float32) / 255
    rgba = np.zeros((height, width, 4), np.uint8)
    rgba[..., 0] = np.clip(1.5 - np.abs(4 * h - 3), 0, 1) * 255
    rgba[..., 1] = np.clip(1.5 - np.abs(4 * h - 2), 0, 1) * 255
    rgba[..., 2] = np.clip(1.5 - np.abs(4 * h - 1), 0, 1) * 255
    rgba[..., 3] = np.round(60 + 150 * h).astype(np.uint8)
    return _rgba_to_qimage(rgba)


def thumbnail(image: Image.Image, side: int) -> QImage:
    copy = image.copy()
    copy.thumbnail((side, side), Image.Resampling.LANCZOS)
    return to_qimage(copy)
