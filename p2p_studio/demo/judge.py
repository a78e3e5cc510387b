"""An OpenCV judge for the demo world: what shape, what colour, and where.

The foreground is every clearly saturated pixel (all shape colours are saturated, no background
is); the shape comes from the largest contour's polygon, the colour from the nearest palette entry
to the foreground's median colour, the position from the contour's centroid.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from p2p_studio.demo.world import COLOURS

#: HSV saturation (0-255) above which a pixel counts as foreground.
SATURATION_THRESHOLD = 110
#: Hue of each palette colour (OpenCV scale 0-180).
_HUES = {name: int(cv2.cvtColor(np.uint8([[rgb]]), cv2.COLOR_RGB2HSV)[0, 0, 0]) for name, rgb in COLOURS.items()}


@dataclass(frozen=True)
class Verdict:
    shape: str | None
    colour: str | None
    centroid: tuple[float, float] | None
    area: float

    @property
    def found(self) -> bool:
        return self.shape is not None


def foreground_mask(image: np.ndarray) -> np.ndarray:
    hsv = cv2.cvtColor(image, cv2.COLOR_RGB2HSV)
    mask = (hsv[..., 1] > SATURATION_THRESHOLD) & (hsv[..., 2] > 60)
    return mask.astype(np.uint8)


def _shape_of(contour: np.ndarray) -> str:
    perimeter = cv2.arcLength(contour, True)
    vertices = len(cv2.approxPolyDP(contour, 0.06 * perimeter, True))
    area = cv2.contourArea(contour)
    (_, _), radius = cv2.minEnclosingCircle(contour)
    fill = area / max(np.pi * radius**2, 1e-6)  # circle 1.0, square 0.64, triangle 0.41
    if vertices == 3 or fill < 0.5:
        return "triangle"
    if vertices == 4 and fill < 0.78:
        return "square"
    return "circle" if fill >= 0.72 else "square"


def _hue_distance(a: int | np.ndarray, b: int) -> int | np.ndarray:
    """Distance on OpenCV's hue circle (0-180); element-wise for arrays."""
    d = np.abs(a - b)
    return np.minimum(d, 180 - d)


def judge(image: np.ndarray) -> Verdict:
    """Judge the largest shape of an RGB ``uint8`` image."""
    mask = foreground_mask(image)
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    if not contours:
        return Verdict(None, None, None, 0.0)
    contour = max(contours, key=cv2.contourArea)
    area = cv2.contourArea(contour)
    if area < 0.004 * image.shape[0] * image.shape[1]:
        return Verdict(None, None, None, area)
    region = np.zeros_like(mask)
    cv2.drawContours(region, [contour], -1, 1, thickness=-1)
    inside = (region > 0) & (mask > 0)
    hue = int(np.median(cv2.cvtColor(image, cv2.COLOR_RGB2HSV)[..., 0][inside]))
    colour = min(_HUES, key=lambda name: _hue_distance(_HUES[name], hue))
    m = cv2.moments(region, binaryImage=True)
    centroid = (m["m10"] / m["m00"], m["m01"] / m["m00"])
    return Verdict(_shape_of(contour), colour, centroid, area)


def colour_saturation(image: np.ndarray, region: np.ndarray, colour: str) -> float:
    """Mean saturation (0-1) of *colour* inside *region*: a pixel counts with its HSV saturation
    when its hue is nearest to *colour*'s among the palette, with 0 otherwise. Falls as the colour
    fades to grey and as it turns into another colour."""
    hsv = cv2.cvtColor(image, cv2.COLOR_RGB2HSV)
    hues = hsv[..., 0][region].astype(int)
    distances = np.stack([_hue_distance(hues, h) for h in _HUES.values()])
    nearest = np.array(list(_HUES))[distances.argmin(0)]
    saturation = hsv[..., 1][region].astype(np.float64) / 255
    return float(np.where(nearest == colour, saturation, 0.0).mean()) if region.any() else 0.0


def mean_saturation(image: np.ndarray, region: np.ndarray) -> float:
    """Mean HSV saturation (0-1) of *image* inside the boolean *region*."""
    saturation = cv2.cvtColor(image, cv2.COLOR_RGB2HSV)[..., 1].astype(np.float64) / 255
    return float(saturation[region].mean()) if region.any() else 0.0
