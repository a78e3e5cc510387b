"""Detail inside the edit on a large photo: whole photo vs edited region; prints JSON.

    python benchmarks/bench_detail.py [--model demo] [--side 1024] [-n 6] [--steps 50] [--out DIR]

Held-out demo scenes are rendered at *side* px (crisp, as a large photo is) and a colour or shape
word is swapped, once with ``--detail whole`` and once with ``--detail region``, each from a cold
start (its own inversion). Edge sharpness is the gradient energy (squared Sobel magnitude of the
luminance, summed over the edit's mask grown by 1/32 of the side; both modes have the same mask)
of the edit over that of the scene rendered with the edited caption at the same size: 1.0 is as
crisp as the photo's own edges (a shape drawn a little off its true place still counts). Also: the
seconds of each mode, the target attribute (the demo's judge), and that pixels outside the mask
are the photo's exactly.

``ceiling`` isolates the mode's resolution: the photo's own object edges
after the VAE round trip at the working size (the whole photo, or the region the edit used), over
the photo's — how much of the photo's detail an edit in that mode can hold at all.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from pathlib import Path

import cv2
import numpy as np
import torch
from PIL import Image

from p2p_studio.core.detail import MARGIN, STRENGTH
from p2p_studio.core.resources import DEMO_MODEL, resolve_model
from p2p_studio.core.settings import Detail, EditSettings, Method
from p2p_studio.demo.evaluate import has_attribute, swap_for
from p2p_studio.demo.judge import judge
from p2p_studio.demo.world import HELD_OUT_SEED, render, scene_from_seed, shape_masks
from p2p_studio.engine.editor import Editor
from p2p_studio.engine.images import to_image
from p2p_studio.engine.loading import load_model

#: Seeds of this benchmark's scenes (held out, apart from the evaluation's).
_SEEDS = HELD_OUT_SEED + 7_000


def edge_energy(image: np.ndarray, outline: np.ndarray) -> float:
    """Sum of the squared luminance gradient of *image* (RGB uint8) over the pixels of *outline*."""
    grey = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY).astype(np.float32) / 255.0
    gx, gy = cv2.Sobel(grey, cv2.CV_32F, 1, 0, ksize=3), cv2.Sobel(grey, cv2.CV_32F, 0, 1, ksize=3)
    return float(((gx * gx + gy * gy) * outline).sum())


def outline_band(silhouette: np.ndarray, width: int) -> np.ndarray:
    """Pixels within *width* of the edge of a boolean *silhouette*."""
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * width + 1, 2 * width + 1))
    mask = silhouette.astype(np.uint8)
    return (cv2.dilate(mask, kernel) - cv2.erode(mask, kernel)).astype(bool)


def round_trip(editor: Editor, array: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray:
    """*array* with its *box* replaced by the box's VAE round trip at the working size, scaled back:
    the most of the photo's detail an edit made at that size can hold."""
    crop = editor.prepare(Image.fromarray(array).crop(box))
    with torch.no_grad():
        decoded = editor.model.decode(editor.model.encode_image(crop.pixels))[0]
    out = array.copy()
    out[box[1]:box[3], box[0]:box[2]] = np.asarray(
        to_image(decoded).convert("RGB").resize(crop.original.size, Image.Resampling.LANCZOS))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default=DEMO_MODEL)
    parser.add_argument("--side", type=int, default=1024)
    parser.add_argument("-n", type=int, default=6)
    parser.add_argument("--steps", type=int, default=50)
    parser.add_argument("--margin", type=float, default=MARGIN, help="context around the mask (a measurement knob)")
    parser.add_argument("--strength", type=float, default=STRENGTH,
                        help="share of the steps the region pass redraws (a measurement knob)")
    parser.add_argument("--out", type=Path, default=None, help="also write each edit's images here")
    args = parser.parse_args()
    editor = Editor(load_model(resolve_model(args.model), device="cpu"))
    editor.region_margin, editor.region_strength = args.margin, args.strength
    rows: dict[str, dict[str, list[float]]] = {
        m: {"sharpness": [], "seconds": [], "gain": [], "ceiling": [], "took": []} for m in ("whole", "region")}
    exact, used = [], []
    for i in range(args.n):
        seed = _SEEDS + i
        scene = scene_from_seed(seed)
        attribute, value = swap_for(scene, random.Random(seed))
        edited = scene.with_shape(**{attribute: value})
        array = render(scene, args.side, supersample=2)
        truth = render(edited, args.side, supersample=2)
        band: np.ndarray | None = None  # the mask's area, from the first (whole-photo) run
        photo = editor.prepare(Image.fromarray(array))
        own = outline_band(shape_masks(scene, args.side, supersample=2)[0] > 0.5, max(2, args.side // 64))
        for mode in ("whole", "region"):
            settings = EditSettings(steps=args.steps, method=Method.DIRECT, seed=seed, detail=Detail(mode))
            start = time.perf_counter()
            run = editor.edit(photo, scene.caption(), [edited.caption()], settings)
            rows[mode]["seconds"].append(time.perf_counter() - start)
            out = run.edits[0]
            full = np.asarray(out.full.convert("RGB"))
            if band is None:
                alpha = np.asarray(out.mask_full) > 0 if out.mask_full is not None else np.ones(full.shape[:2], bool)
                band = cv2.dilate(alpha.astype(np.uint8), np.ones((args.side // 32,) * 2, np.uint8)).astype(bool)
            rows[mode]["sharpness"].append(edge_energy(full, band) / edge_energy(truth, band))
            small = np.asarray(out.full.convert("RGB").resize((editor.model.native_size,) * 2, Image.Resampling.BOX))
            rows[mode]["took"].append(float(has_attribute(judge(small), attribute, value)))
            rows[mode]["gain"].append(run.region.gain if run.region is not None else 1.0)
            box = run.region.box if run.region is not None else (0, 0, args.side, args.side)
            rows[mode]["ceiling"].append(edge_energy(round_trip(editor, array, box), own) / edge_energy(array, own))
            if mode == "region":
                used.append(run.region is not None)
                alpha = np.asarray(out.mask_full) if out.mask_full is not None else np.ones(full.shape[:2])
                exact.append(bool(np.array_equal(full[alpha == 0], array[alpha == 0])))
            if args.out is not None:
                args.out.mkdir(parents=True, exist_ok=True)
                out.full.save(args.out / f"{i}-{mode}.png")
        if args.out is not None:
            Image.fromarray(array).save(args.out / f"{i}-photo.png")

    def mean(values: list[float]) -> float:
        return round(statistics.fmean(values), 3)

    report = {
        "model": args.model, "photo_side": args.side, "native_size": editor.model.native_size, "photos": args.n,
        "steps": args.steps, "inversion": "direct", "margin": args.margin, "strength": args.strength,
        "whole": {"edge_sharpness": mean(rows["whole"]["sharpness"]), "seconds": mean(rows["whole"]["seconds"]),
                  "ceiling": mean(rows["whole"]["ceiling"]), "target_attribute": mean(rows["whole"]["took"])},
        "region": {"edge_sharpness": mean(rows["region"]["sharpness"]), "seconds": mean(rows["region"]["seconds"]),
                   "ceiling": mean(rows["region"]["ceiling"]), "target_attribute": mean(rows["region"]["took"]),
                   "detail_gain": mean(rows["region"]["gain"]), "region_used": f"{sum(used)}/{len(used)}",
                   "outside_mask_identical": f"{sum(exact)}/{len(exact)}"},
    }
    report["region_over_whole"] = {
        "edge_sharpness": round(report["region"]["edge_sharpness"] / report["whole"]["edge_sharpness"], 3),
        "seconds": round(report["region"]["seconds"] / report["whole"]["seconds"], 3),
        "ceiling": round(report["region"]["ceiling"] / report["whole"]["ceiling"], 3),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
