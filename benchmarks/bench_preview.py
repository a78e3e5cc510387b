"""Cost of live previews during an edit; prints JSON.

    python benchmarks/bench_preview.py [--model demo] [--steps 50] [--repeats 5]

Runs the same edit of the bundled sample photo (one inversion, reused) without previews, with the
default previews (the VAE where it fits the budget) and with the linear map only, alternating, and
reports the median seconds of each and the ratios (target <= 1.05), the previews per edit, and
how close the last preview is to the result (PSNR, the preview scaled to the result's size).
The demo model's UNet is tiny, so its ratio is the worst case for the VAE.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

import numpy as np
from PIL import Image

from inversion import Reporter
from p2p_studio.core.resources import DEMO_MODEL, resolve_model, samples
from p2p_studio.core.results import psnr
from p2p_studio.core.settings import EditSettings, Method
from p2p_studio.engine.editor import Editor
from p2p_studio.engine.loading import load_model


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default=DEMO_MODEL)
    parser.add_argument("--steps", type=int, default=50)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    editor = Editor(load_model(resolve_model(args.model), device="cpu"))
    sample = samples()[0]
    photo = editor.prepare(Image.open(sample.path).convert("RGB"))
    settings = EditSettings(steps=args.steps, method=Method.DIRECT)
    inversion, _ = editor.invert(photo, sample.caption, settings)
    shown: dict[str, list[tuple[int, Image.Image]]] = {"preview": [], "linear": []}
    times: dict[str, list[float]] = {"plain": [], "preview": [], "linear": []}
    for _ in range(args.repeats):
        for name in times:
            editor.vae_previews = name != "linear"
            reporter = None if name == "plain" else Reporter(
                on_preview=lambda progress, image, kept=shown[name]: kept.append((progress.step, image)))
            if name != "plain":
                shown[name].clear()
            start = time.perf_counter()
            run = editor.edit(photo, sample.caption, [sample.edit], settings, reporter, inversion=inversion)
            times[name].append(time.perf_counter() - start)
    final = np.asarray(run.edits[0].image.convert("RGB"))
    median = {name: statistics.median(t) for name, t in times.items()}
    report = {"model": args.model, "steps": args.steps, "repeats": args.repeats, "plain_s": round(median["plain"], 3)}
    for name in ("preview", "linear"):
        last = np.asarray(shown[name][-1][1].convert("RGB").resize(run.edits[0].image.size, Image.Resampling.BILINEAR))
        report[name] = {"previews_per_edit": len(shown[name]), "steps_shown": [s for s, _ in shown[name]],
                        "seconds": round(median[name], 3), "over_plain": round(median[name] / median["plain"], 3),
                        "last_preview_psnr_db": round(psnr(last, final), 2)}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
