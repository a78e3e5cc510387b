"""Cost of live previews during an edit; prints JSON.

    python benchmarks/bench_preview.py [--model demo] [--steps 50] [--repeats 5]

Runs the same edit of the bundled sample photo (one inversion, reused) with and without a preview
callback, alternating, and reports the median seconds of each and their ratio (target <= 1.05).
The demo model's UNet is tiny, so its ratio is the worst case: on Stable Diffusion a UNet step
costs far more while a preview (a least-squares map applied to the latent) costs the same.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from PIL import Image

from inversion import Reporter
from p2p_studio.core.resources import DEMO_MODEL, resolve_model, samples
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
    previews: list[int] = []
    with_preview = Reporter(on_preview=lambda progress, image: previews.append(progress.step))
    times: dict[str, list[float]] = {"plain": [], "preview": []}
    for _ in range(args.repeats):
        for name, reporter in (("plain", None), ("preview", with_preview)):
            start = time.perf_counter()
            editor.edit(photo, sample.caption, [sample.edit], settings, reporter, inversion=inversion)
            times[name].append(time.perf_counter() - start)
    plain, preview = statistics.median(times["plain"]), statistics.median(times["preview"])
    print(json.dumps({"model": args.model, "steps": args.steps, "repeats": args.repeats,
                      "previews_per_edit": len(previews) // args.repeats, "plain_s": round(plain, 3),
                      "preview_s": round(preview, 3), "preview_over_plain": round(preview / plain, 3)}, indent=2))


if __name__ == "__main__":
    main()
