"""A parameter sweep in batched runs against the same cells run one by one; prints JSON.

    python benchmarks/bench_sweep.py [--model demo] [--steps 50] [--repeats 3]
        [--sweep cross=0.2,0.5,0.8 --sweep self=0.2,0.4] [--batch 8]

Both ways start from the same inversion of the bundled sample photo (computed once, outside the
timing) and produce the same cells; the runs alternate and the medians are compared. One by one,
every cell denoises the source branch again beside its edit; batched, the source is denoised once
per run of up to ``--batch`` edits, so the UNet evaluates fewer rows (``rows_*``) and makes fewer calls.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from PIL import Image

from p2p_studio.core.resources import DEMO_MODEL, resolve_model, samples
from p2p_studio.core.settings import EditSettings, Method
from p2p_studio.core.sweep import DEFAULT_BATCH, SweepGrid
from p2p_studio.engine.editor import Editor
from p2p_studio.engine.loading import load_model


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default=DEMO_MODEL)
    parser.add_argument("--steps", type=int, default=50)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--sweep", action="append", default=[])
    parser.add_argument("--batch", type=int, default=DEFAULT_BATCH)
    args = parser.parse_args()
    grid = SweepGrid.parse(args.sweep or ["cross=0.2,0.5,0.8", "self=0.2,0.4"])
    model = load_model(resolve_model(args.model), device="cpu")
    editor = Editor(model)
    sample = samples()[0]
    photo = editor.prepare(Image.open(sample.path).convert("RGB"))
    settings = EditSettings(steps=args.steps, method=Method.DIRECT)
    cells = grid.cells(sample.edit, settings)
    inversion, _ = editor.invert(photo, sample.caption, settings)

    def batched() -> int:
        before = editor.predict.evaluations
        chunks = [cells[i:i + args.batch] for i in range(0, len(cells), args.batch)]
        for chunk in chunks:
            editor.edit(photo, sample.caption, [c.edit for c in chunk], settings, inversion=inversion,
                        per_edit=[c.settings for c in chunk])
        return editor.predict.evaluations - before

    def one_by_one() -> int:
        before = editor.predict.evaluations
        for cell in cells:
            editor.edit(photo, sample.caption, [cell.edit], cell.settings, inversion=inversion)
        return editor.predict.evaluations - before

    times: dict[str, list[float]] = {"batched": [], "one_by_one": []}
    rows: dict[str, int] = {}
    for _ in range(args.repeats):
        for name, run in (("one_by_one", one_by_one), ("batched", batched)):
            start = time.perf_counter()
            rows[name] = run()
            times[name].append(time.perf_counter() - start)
    single, batch = statistics.median(times["one_by_one"]), statistics.median(times["batched"])
    print(json.dumps({
        "model": args.model, "threads": model.threads, "steps": args.steps,
        "repeats": args.repeats, "grid": grid.text(), "cells": len(cells), "batch": args.batch,
        "one_by_one_s": round(single, 3), "batched_s": round(batch, 3), "speedup": round(single / batch, 3),
        "rows_one_by_one": rows["one_by_one"], "rows_batched": rows["batched"],
        "all_s": {k: [round(t, 3) for t in v] for k, v in times.items()},
    }, indent=2))


if __name__ == "__main__":
    main()
