"""Measure what the demo model can do: ``python -m p2p_studio.demo.evaluate [--model DIR] [-n N]``.

Prints JSON. Every scene, caption and seed comes from the held-out range (never used in training);
half of the generation captions are combinations the model never saw. All edits go through the
same :class:`~p2p_studio.engine.editor.Editor` the app and CLI use, with default settings unless
stated.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from PIL import Image

from p2p_studio.core.results import psnr
from p2p_studio.core.settings import EditSettings
from p2p_studio.demo.judge import Verdict, colour_saturation, foreground_mask, judge, mean_saturation
from p2p_studio.demo.world import (
    COLOURS,
    HELD_OUT_SEED,
    SHAPES,
    Scene,
    render,
    scene_from_seed,
    shape_masks,
    unseen_caption_scene,
)
from p2p_studio.engine.editor import Editor
from p2p_studio.engine.run import PreparedPhoto

#: Offsets into the held-out seed range, one per measurement, so they never share scenes.
_GENERATION, _SWAP, _PHOTO, _REWEIGHT = 0, 100_000, 200_000, 300_000
MEASUREMENTS = ("generation", "swaps", "swaps_free_layout", "photos", "masks", "reweighting")


def _array(image: Image.Image) -> np.ndarray:
    return np.asarray(image.convert("RGB"))


def _matches(verdict: Verdict, scene: Scene) -> bool:
    return verdict.shape == scene.shapes[0].shape and verdict.colour == scene.shapes[0].colour


def _distance(a: Verdict, b: Verdict) -> float:
    if a.centroid is None or b.centroid is None:
        return math.inf
    return math.dist(a.centroid, b.centroid)


def _rate(values: list[bool]) -> float:
    return round(sum(values) / max(1, len(values)), 3)


def evaluate_generation(editor: Editor, n: int, steps: int = 50) -> dict[str, Any]:
    """Shape and colour right in text-to-image samples; half the captions never seen in training."""
    unseen, seen = [], []
    for i in range(n):
        seed = HELD_OUT_SEED + _GENERATION + i
        scene = unseen_caption_scene(seed) if i % 2 == 0 else scene_from_seed(seed)
        result = editor.generate(scene.caption(), [], EditSettings(steps=steps, seed=seed))
        (unseen if i % 2 == 0 else seen).append(_matches(judge(_array(result.reconstruction)), scene))
    return {"samples": n, "correct": _rate(unseen + seen), "unseen_captions": _rate(unseen),
            "seen_captions_unseen_seeds": _rate(seen)}


def swap_for(scene: Scene, rng: random.Random) -> tuple[str, str]:
    """Swap the colour or the shape word of the scene's shape: returns (attribute, new value)."""
    shape = scene.shapes[0]
    if rng.random() < 0.5:
        return "colour", rng.choice([c for c in sorted(COLOURS) if c != shape.colour])
    return "shape", rng.choice([s for s in SHAPES if s != shape.shape])


def has_attribute(verdict: Verdict, attribute: str, value: str) -> bool:
    """Whether the judge saw *value* for *attribute* (``colour`` or ``shape``)."""
    return (verdict.colour if attribute == "colour" else verdict.shape) == value


def evaluate_swaps(
    editor: Editor, n: int, steps: int = 50, tolerance_px: float = 2.0, placed: bool = True,
    overrides: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Word swap with default injection vs plain re-generation from the same seed.

    Success: the swapped attribute has the new value and the shape's centroid moved at most
    *tolerance_px* from the source image's. ``strict`` also asks the other attribute to match the
    edited caption. With *placed* false the captions leave the position out, so the layout comes
    from the noise alone: the case prompt-to-prompt exists for (a caption that names the position
    lets plain re-generation put the shape back in the same place by itself).
    """
    p2p, plain, strict, per_attribute = [], [], [], {"colour": [], "shape": []}
    changed, kept = [], []
    for i in range(n):
        seed = HELD_OUT_SEED + _SWAP + i
        scene = replace(scene_from_seed(seed), placed=placed)
        attribute, value = swap_for(scene, random.Random(seed))
        edited = scene.with_shape(**{attribute: value})
        settings = EditSettings.from_dict({**(overrides or {}), "steps": steps, "seed": seed})
        result = editor.generate(scene.caption(), [edited.caption()], settings)
        source, edit = judge(_array(result.reconstruction)), judge(_array(result.edits[0].image))
        changed.append(has_attribute(edit, attribute, value))
        kept.append(_distance(edit, source) <= tolerance_px)
        ok = changed[-1] and kept[-1]
        regenerated = judge(_array(editor.generate(edited.caption(), [], settings).reconstruction))
        plain.append(has_attribute(regenerated, attribute, value) and _distance(regenerated, source) <= tolerance_px)
        p2p.append(ok)
        strict.append(ok and _matches(edit, edited))
        per_attribute[attribute].append(ok)
    return {"seeds": n, "positions_in_caption": placed, "tolerance_px": tolerance_px, "p2p_success": _rate(p2p),
            "plain_regeneration_success": _rate(plain), "p2p_success_strict": _rate(strict),
            "p2p_colour_swaps": _rate(per_attribute["colour"]), "p2p_shape_swaps": _rate(per_attribute["shape"]),
            "p2p_attribute_changed": _rate(changed), "p2p_centroid_kept": _rate(kept)}


@dataclass(frozen=True)
class _PhotoCase:
    """Held-out photo *i*: its scene, the swap made to it, the rendered photo and the settings."""

    scene: Scene
    edited: Scene
    attribute: str
    value: str
    array: np.ndarray
    photo: PreparedPhoto
    settings: EditSettings


def _photo_case(editor: Editor, i: int, steps: int, overrides: Mapping[str, Any] | None,
                side: int | None = None) -> _PhotoCase:
    seed = HELD_OUT_SEED + _PHOTO + i
    scene = scene_from_seed(seed)
    attribute, value = swap_for(scene, random.Random(seed))
    array = render(scene, side or editor.model.native_size)
    settings = EditSettings.from_dict({**(overrides or {}), "steps": steps, "seed": seed})
    return _PhotoCase(scene, scene.with_shape(**{attribute: value}), attribute, value, array,
                      editor.prepare(Image.fromarray(array)), settings)


def evaluate_real_photos(editor: Editor, n: int, steps: int = 50,
                         overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Inversion of rendered photos (null-text unless *overrides* say otherwise), then a local-blend
    swap of a word."""
    psnrs, outside_identical, attribute_ok, seconds = [], [], [], []
    method = EditSettings.from_dict({**(overrides or {})}).method
    for i in range(n):
        case = _photo_case(editor, i, steps, overrides)
        attribute, value, photo_array = case.attribute, case.value, case.array
        start = time.perf_counter()
        result = editor.edit(case.photo, case.scene.caption(), [case.edited.caption()], case.settings)
        seconds.append(time.perf_counter() - start)
        psnrs.append(psnr(_array(result.reconstruction_full), photo_array))
        out = result.edits[0]
        full = _array(out.full)
        outside = np.asarray(out.mask_full) == 0 if out.mask_full is not None else np.zeros(full.shape[:2], bool)
        outside_identical.append(bool(outside.any()) and bool(np.array_equal(full[outside], photo_array[outside])))
        attribute_ok.append(has_attribute(judge(full), attribute, value))
    return {"photos": n, "method": method.value, "psnr_db_mean": round(float(np.mean(psnrs)), 2),
            "psnr_db_min": round(float(np.min(psnrs)), 2), "outside_mask_identical": _rate(outside_identical),
            "target_attribute_inside": _rate(attribute_ok), "seconds_per_photo": round(float(np.mean(seconds)), 2)}


def _iou(a: np.ndarray, b: np.ndarray) -> float:
    union = np.logical_or(a, b).sum()
    return float(np.logical_and(a, b).sum() / union) if union else 1.0


def evaluate_masks(editor: Editor, n: int, steps: int = 50, overrides: Mapping[str, Any] | None = None,
                   kinds: tuple[str, ...] = ("reference", "refined"), photo_side: int | None = None) -> dict[str, Any]:
    """Local-blend masks against the scene's true silhouettes (source and edited shape united), per
    mask kind, on the same inversions: IoU of the latent mask and of the photo-size mask, the share
    of pixels outside the silhouettes that changed, the share of the photo-size mask farther than
    one latent cell from the silhouettes, whether the edit took, and whether a mask component
    touches the border where the silhouettes do not (a stub of border attention). The photos are
    rendered at *photo_side* (default: the model's working size)."""
    side = photo_side or editor.model.native_size
    rows: dict[str, dict[str, list[float]]] = {k: {"iou_latent": [], "iou_full": [], "changed_outside": [],
                                                   "beyond_one_cell": [], "attribute": [], "border_stub": []}
                                           for k in kinds}
    for i in range(n):
        case = _photo_case(editor, i, steps, overrides, side)
        scene, edited, attribute, value, photo_array = case.scene, case.edited, case.attribute, case.value, case.array
        inversion, _ = editor.invert(case.photo, scene.caption(), case.settings)
        for kind in kinds:
            result = editor.edit(case.photo, scene.caption(), [edited.caption()], case.settings.replace(mask=kind),
                                 inversion=inversion)
            out = result.edits[0]
            latent = out.mask.shape[-1] if out.mask is not None else side
            truth_latent = (shape_masks(scene, latent)[0] > 0.5) | (shape_masks(edited, latent)[0] > 0.5)
            truth = (shape_masks(scene, side)[0] > 0.5) | (shape_masks(edited, side)[0] > 0.5)
            mask = out.mask.cpu().numpy() if out.mask is not None else np.ones_like(truth_latent)
            alpha = np.asarray(out.mask_full) > 127 if out.mask_full is not None else np.ones_like(truth)
            full = _array(out.full)
            row = rows[kind]
            row["iou_latent"].append(_iou(mask, truth_latent))
            row["iou_full"].append(_iou(alpha, truth))
            row["changed_outside"].append(float((full != photo_array).any(-1)[~truth].mean()))
            cell = side // latent  # photo pixels per latent cell
            near = cv2.distanceTransform((~truth).astype(np.uint8), cv2.DIST_L2, 5) <= cell
            row["beyond_one_cell"].append(float(alpha[~near].sum() / max(alpha.sum(), 1)))
            row["attribute"].append(float(has_attribute(judge(full), attribute, value)))
            touched = (shape_masks(scene, side)[0] > 0) | (shape_masks(edited, side)[0] > 0)  # any coverage
            row["border_stub"].append(float(_border_stub(alpha, touched)))
    report: dict[str, Any] = {"photos": n}
    for kind, row in rows.items():
        report[kind] = {name: round(float(np.mean(values)), 3) for name, values in row.items()}
        report[kind]["iou_full_min"] = round(float(np.min(row["iou_full"])), 3)
    return report


def _border_stub(mask: np.ndarray, truth: np.ndarray) -> bool:
    """Whether a component of *mask* touches the image border where no silhouette does (*truth*:
    every pixel a silhouette covers at all, so an object whose anti-aliased edge reaches the border
    touches it)."""
    _, labels = cv2.connectedComponents(mask.astype(np.uint8))
    edge = np.zeros_like(mask, dtype=bool)
    edge[0, :] = edge[-1, :] = edge[:, 0] = edge[:, -1] = True
    touching = set(np.unique(labels[edge & mask])) - {0}
    return any(not (truth & (labels == c) & edge).any() for c in touching)


#: The re-weighting factors the P2P paper uses (c in [-2, 2]); public examples go further.
PAPER_FACTORS = (-2.0, 2.0)


def _monotonic(curve: np.ndarray | list[float]) -> bool:
    return bool(np.all(np.diff(curve) >= 0))


def evaluate_reweighting(
    editor: Editor, n: int, steps: int = 50, factors: tuple[float, ...] = (-2.0, -1.0, 0.0, 0.5, 1.0, 2.0, 3.0)
) -> dict[str, Any]:
    """Saturation of the shape as the colour word's weight goes from low to high: of the word's
    colour (``colour_*``: the issue's measure, pixels of another hue count 0) and of any hue.
    Monotonicity is reported over the paper's range of factors and over all of *factors*."""
    colour_curves, any_curves = [], []
    for i in range(n):
        seed = HELD_OUT_SEED + _REWEIGHT + i
        scene = scene_from_seed(seed)
        colour, caption = scene.shapes[0].colour, scene.caption()
        edits = [caption.replace(f" {colour} ", f" ({colour}:{f:g}) ", 1) for f in factors]
        result = editor.generate(caption, edits, EditSettings(steps=steps, seed=seed, blend=False))
        region = foreground_mask(_array(result.reconstruction)) > 0
        colour_curves.append([colour_saturation(_array(out.image), region, colour) for out in result.edits])
        any_curves.append([mean_saturation(_array(out.image), region) for out in result.edits])
    return {"seeds": n, **reweighting_summary(factors, colour_curves, any_curves)}


def reweighting_summary(
    factors: tuple[float, ...], colour_curves: list[list[float]], any_curves: list[list[float]]
) -> dict[str, Any]:
    """Mean curves over seeds (one curve per seed, one value per factor) and their monotonicity
    over the paper's factors and over all of *factors*."""
    colour_mean, any_mean = np.mean(colour_curves, axis=0), np.mean(any_curves, axis=0)
    paper = [k for k, f in enumerate(factors) if PAPER_FACTORS[0] <= f <= PAPER_FACTORS[1]]
    return {"factors": list(factors), "paper_factors": [factors[k] for k in paper],
            "colour_saturation": [round(float(v), 4) for v in colour_mean],
            "colour_is_monotonic": _monotonic(colour_mean[paper]),
            "colour_is_monotonic_all_factors": _monotonic(colour_mean),
            "seeds_colour_monotonic": _rate([_monotonic(np.asarray(c)[paper]) for c in colour_curves]),
            "mean_saturation": [round(float(v), 4) for v in any_mean],
            "mean_is_monotonic": _monotonic(any_mean[paper])}


def main(argv: list[str] | None = None) -> int:
    from p2p_studio.core.resources import DEMO_MODEL, resolve_model
    from p2p_studio.engine.loading import load_model

    parser = argparse.ArgumentParser(description="Evaluate the demo model; prints JSON.")
    parser.add_argument("--model", default=DEMO_MODEL)
    parser.add_argument("-n", type=int, default=40, help="samples per measurement (photos: n/2)")
    parser.add_argument("--steps", type=int, default=50)
    parser.add_argument("--only", nargs="*", choices=MEASUREMENTS)
    parser.add_argument("--set", action="append", default=[], metavar="KEY=JSON",
                        help="edit setting for the swap and photo measurements, e.g. blend_maps='\"own\"'")
    parser.add_argument("--cache-dir", help="keep inversions here between runs")
    parser.add_argument("--photo-side", type=int, default=None,
                        help="masks: render the photos at this side (default: the model's working size)")
    parser.add_argument("--card", action="store_true",
                        help="write evaluation.json and the model card README.md into the model folder")
    args = parser.parse_args(argv)
    overrides = {key: json.loads(value) for key, _, value in (item.partition("=") for item in args.set)}
    from p2p_studio.engine.cache import InversionCache

    cache = InversionCache(Path(args.cache_dir)) if args.cache_dir else None
    editor = Editor(load_model(resolve_model(args.model), device="cpu"), cache)
    jobs = {
        "generation": lambda: evaluate_generation(editor, args.n, args.steps),
        "swaps": lambda: evaluate_swaps(editor, args.n, args.steps, overrides=overrides),
        "swaps_free_layout": lambda: evaluate_swaps(editor, args.n, args.steps, placed=False, overrides=overrides),
        "photos": lambda: evaluate_real_photos(editor, max(1, args.n // 2), args.steps, overrides=overrides),
        "masks": lambda: evaluate_masks(editor, max(1, args.n // 2), args.steps, overrides=overrides,
                                        photo_side=args.photo_side),
        "reweighting": lambda: evaluate_reweighting(editor, max(1, args.n // 4), args.steps),
    }
    report: dict[str, Any] = {"model": args.model, "steps": args.steps, "settings": overrides}
    for name in args.only or jobs:
        start = time.perf_counter()
        report[name] = {**jobs[name](), "seconds": round(time.perf_counter() - start, 1)}
        print(json.dumps({name: report[name]}), file=sys.stderr, flush=True)
    print(json.dumps(report, indent=2))
    if args.card:
        from p2p_studio.demo.card import write_card

        write_card(Path(resolve_model(args.model)), report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
