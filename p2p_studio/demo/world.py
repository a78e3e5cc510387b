"""The demo model's world: one or two flat-coloured shapes on a plain or lightly textured background.

Scenes are sampled from a seed, rendered with OpenCV and described by a caption generated from the
scene ("a small red circle on the left on a white background"). The same code renders the training
data and the *real photos* used to test inversion (scenes drawn from seeds never used in training).
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass, replace

import cv2
import numpy as np

COLOURS: dict[str, tuple[int, int, int]] = {
    "red": (215, 40, 40),
    "green": (40, 165, 60),
    "blue": (40, 80, 215),
    "yellow": (235, 200, 35),
}
SHAPES: tuple[str, ...] = ("circle", "square", "triangle")
SIZES: dict[str, float] = {"small": 0.15, "large": 0.25}  # radius as a fraction of the image side
#: Position word -> (phrase, centre as fractions of the side).
POSITIONS: dict[str, tuple[str, tuple[float, float]]] = {
    "left": ("on the left", (0.28, 0.5)),
    "right": ("on the right", (0.72, 0.5)),
    "center": ("in the center", (0.5, 0.5)),
    "top": ("at the top", (0.5, 0.28)),
    "bottom": ("at the bottom", (0.5, 0.72)),
}
BACKGROUNDS: tuple[str, ...] = ("white", "gray", "black", "striped", "paper")
_PLAIN = {"white": (242, 242, 242), "gray": (140, 140, 140), "black": (28, 28, 28)}
#: Pairs of positions two shapes can take without overlapping.
_PAIRS = (("left", "right"), ("top", "bottom"))
#: Seeds at or above this are never used for training; tests and evaluation draw from there.
HELD_OUT_SEED = 1_000_000_000
#: Number of (size, colour, shape, position) combinations never shown in training, so evaluation
#: can use captions the model has never seen (with any background).
HELD_OUT_COMBOS = 12


@dataclass(frozen=True)
class Shape:
    shape: str
    colour: str
    size: str
    position: str
    #: Jitter of the centre and the radius, as fractions of the side (kept when a word is swapped).
    dx: float = 0.0
    dy: float = 0.0
    dr: float = 0.0

    def phrase(self, placed: bool = True) -> str:
        """"a small red circle on the left"; without the position phrase when not *placed*."""
        words = f"a {self.size} {self.colour} {self.shape}"
        return f"{words} {POSITIONS[self.position][0]}" if placed else words

    def centre_radius(self, side: int) -> tuple[tuple[float, float], float]:
        fx, fy = POSITIONS[self.position][1]
        return ((fx + self.dx) * side, (fy + self.dy) * side), (SIZES[self.size] + self.dr) * side


@dataclass(frozen=True)
class Scene:
    shapes: tuple[Shape, ...]
    background: str
    #: Seed of the background texture (stripes phase, paper blotches).
    texture_seed: int = 0
    #: Whether the caption names each shape's position; when not, the layout is left to the noise.
    placed: bool = True

    def phrases(self) -> list[str]:
        return [s.phrase(self.placed) for s in self.shapes]

    def caption(self) -> str:
        return " and ".join(self.phrases()) + f" on a {self.background} background"

    def with_shape(self, index: int = 0, **changes: str) -> Scene:
        """The same scene with attributes of one shape changed (for the expected result of an edit)."""
        shapes = list(self.shapes)
        shapes[index] = replace(shapes[index], **changes)
        return replace(self, shapes=tuple(shapes))


@functools.cache
def held_out_combos() -> frozenset[tuple[str, str, str, str]]:
    """The (size, colour, shape, position) combinations that training never renders."""
    combos = [(z, c, s, p) for z in SIZES for c in sorted(COLOURS) for s in SHAPES for p in POSITIONS]
    return frozenset(random.Random(12345).sample(combos, HELD_OUT_COMBOS))


def is_held_out(shape: Shape) -> bool:
    return (shape.size, shape.colour, shape.shape, shape.position) in held_out_combos()


def training_scene(rng: random.Random, two_shapes: float = 0.25, unplaced: float = 0.0) -> Scene:
    """A scene whose caption contains no held-out combination; with probability *unplaced* its
    caption leaves the positions out (no random number is drawn for that when *unplaced* is 0, so
    earlier training runs' data streams are unchanged)."""
    while True:
        scene = sample_scene(rng, two_shapes)
        if not any(is_held_out(s) for s in scene.shapes):
            return replace(scene, placed=False) if unplaced and rng.random() < unplaced else scene


def unseen_caption_scene(seed: int) -> Scene:
    """A single-shape scene (held-out seed) whose caption never occurs in training."""
    rng = random.Random(seed)
    size, colour, shape, position = rng.choice(sorted(held_out_combos()))
    base = _sample_shape(rng, position, colour, size)
    return Scene((replace(base, shape=shape),), rng.choice(BACKGROUNDS), rng.randrange(1 << 30))


def sample_scene(rng: random.Random, two_shapes: float = 0.25) -> Scene:
    """Draw a scene; *two_shapes* is the probability of a second shape."""
    background = rng.choice(BACKGROUNDS)
    if rng.random() < two_shapes:
        positions = rng.choice(_PAIRS)
        colours = rng.sample(sorted(COLOURS), 2)
        shapes = tuple(_sample_shape(rng, p, c, "small") for p, c in zip(positions, colours, strict=True))
    else:
        shapes = (_sample_shape(rng, rng.choice(list(POSITIONS)), rng.choice(sorted(COLOURS)),
                                rng.choice(list(SIZES))),)
    return Scene(shapes, background, rng.randrange(1 << 30))


def _sample_shape(rng: random.Random, position: str, colour: str, size: str) -> Shape:
    return Shape(rng.choice(SHAPES), colour, size, position,
                 dx=rng.uniform(-0.04, 0.04), dy=rng.uniform(-0.04, 0.04), dr=rng.uniform(-0.02, 0.02))


def scene_from_seed(seed: int, two_shapes: float = 0.0) -> Scene:
    return sample_scene(random.Random(seed), two_shapes)


def _background(name: str, side: int, seed: int) -> np.ndarray:
    if name in _PLAIN:
        return np.full((side, side, 3), _PLAIN[name], np.uint8)
    rng = np.random.default_rng(seed)
    if name == "striped":
        period = side / 8
        phase = rng.uniform(0, period)
        x = np.arange(side)[None, :] + np.arange(side)[:, None]  # diagonal stripes
        light = ((x + phase) % period) < period / 2
        img = np.where(light[..., None], np.array([238, 238, 238]), np.array([212, 212, 220]))
        return img.astype(np.uint8)
    # "paper": warm off-white with smooth low-contrast blotches
    noise = cv2.GaussianBlur(rng.normal(0, 1, (side, side)).astype(np.float32), (0, 0), side / 12)
    noise /= max(float(np.abs(noise).max()), 1e-6)
    base = np.array([232, 222, 200], np.float32)
    return np.clip(base + 14 * noise[..., None], 0, 255).astype(np.uint8)


def _polygon(shape: Shape, side: int, supersample: int) -> tuple[str, np.ndarray | tuple]:
    (cx, cy), r = shape.centre_radius(side * supersample)
    if shape.shape == "circle":
        return "circle", (round(cx), round(cy), round(r))
    if shape.shape == "square":
        h = r * 0.85  # same area scale as the circle, roughly
        pts = [(cx - h, cy - h), (cx + h, cy - h), (cx + h, cy + h), (cx - h, cy + h)]
    else:  # upward equilateral triangle with its centroid at the centre
        pts = [(cx, cy - r * 1.1), (cx + r * 0.95, cy + r * 0.55), (cx - r * 0.95, cy + r * 0.55)]
    return "poly", np.round(np.array(pts)).astype(np.int32)


def _draw(canvas: np.ndarray, shape: Shape, side: int, supersample: int, colour: tuple[int, ...]) -> None:
    kind, geometry = _polygon(shape, side, supersample)
    if kind == "circle":
        cx, cy, r = geometry
        cv2.circle(canvas, (cx, cy), r, colour, -1, cv2.LINE_8)
    else:
        cv2.fillPoly(canvas, [geometry], colour, cv2.LINE_8)


def shape_masks(scene: Scene, side: int = 64, supersample: int = 4) -> np.ndarray:
    """Per shape, the fraction (0-1) of each pixel it covers: ``(shapes, side, side)`` float32.
    A later shape hides an earlier one where they overlap, as in :func:`render`."""
    big = side * supersample
    labels = np.zeros((big, big), np.uint8)
    for index, shape in enumerate(scene.shapes, start=1):
        _draw(labels, shape, side, supersample, (index,))
    masks = [(labels == index).astype(np.float32) for index in range(1, len(scene.shapes) + 1)]
    return np.stack([cv2.resize(m, (side, side), interpolation=cv2.INTER_AREA) for m in masks])


def render(scene: Scene, side: int = 64, supersample: int = 4) -> np.ndarray:
    """Render *scene* as an RGB ``uint8`` array (anti-aliased by drawing at *supersample*× size)."""
    big = side * supersample
    canvas = cv2.resize(_background(scene.background, side, scene.texture_seed), (big, big),
                        interpolation=cv2.INTER_NEAREST).copy()
    for shape in scene.shapes:
        _draw(canvas, shape, side, supersample, tuple(int(c) for c in COLOURS[shape.colour]))
    return cv2.resize(canvas, (side, side), interpolation=cv2.INTER_AREA)
