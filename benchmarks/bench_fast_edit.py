"""A whole edit of a photo (inversion + one edited caption) the fast way and the old ways; JSON.

    python benchmarks/bench_fast_edit.py [--arch sd21|sd15|sdxl] [--size 512] [--steps 4]
                                         [--baseline-steps N] [--run-baselines]

Random weights on the real UNet (timings do not depend on weight values). The fast edit is
ReNoise at ``--steps`` (4) with guidance 0 (no unconditional half), as SD-Turbo runs; it is timed
twice on one photo: the first edit inverts, the second finds the inversion in the cache.
The baselines are today's defaults at 50 steps and guidance 7.5: null-text and Direct. With
``--run-baselines`` (the default on a GPU) they run in full; otherwise they run ``--baseline-steps``
(2) of their 50 and are extrapolated from the measured seconds per UNet row, and say so
(``"estimated": true``). Reported per edit: seconds and UNet rows (batch-1 evaluations).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import torch
from PIL import Image
from skimage import data

from inversion import DDIMSchedule, Method, NullTextSettings, invert
from p2p_studio.core.settings import EditSettings
from p2p_studio.core.settings import Method as AppMethod
from p2p_studio.engine.cache import InversionCache
from p2p_studio.engine.devices import pick_device
from p2p_studio.engine.editor import Editor

sys.path.insert(0, str(Path(__file__).parent))
from bench_engine import build_model, peak_memory

CAPTION, EDITED = "a cat sitting on a bench", "a tiger sitting on a bench"


def _sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def timed_edit(editor: Editor, photo: Image.Image, settings: EditSettings) -> dict[str, Any]:
    _sync(editor.model.device)
    editor.predict.evaluations = 0
    start = time.perf_counter()
    run = editor.edit(editor.prepare(photo), CAPTION, [EDITED], settings)
    _sync(editor.model.device)
    return {"seconds": round(time.perf_counter() - start, 3), "unet_rows": editor.predict.evaluations,
            "inversion_cached": run.inversion_cached}


def baseline(editor: Editor, photo: Image.Image, method: AppMethod, steps: int, run_all: bool,
             seconds_per_row: float) -> dict[str, Any]:
    """A 50-step edit at guidance 7.5 by *method*: in full, or a *steps*-step inversion measured
    and the whole extrapolated (its UNet rows per step x 50, plus 50 edit steps of 2 prompts x 2
    halves) at the fast edit's seconds per row."""
    settings = EditSettings(steps=50, method=method, guidance=7.5)
    if run_all:
        return {**timed_edit(editor, photo, settings), "estimated": False}
    prepared = editor.prepare(photo)
    latents = editor.model.encode_image(prepared.pixels)
    cond = editor.embed([editor.plans(CAPTION, [EDITED], settings)[0].source])
    editor.predict.evaluations = 0
    invert(Method(method.value), editor.predict, DDIMSchedule(editor.model.scheduler_config, steps), latents, cond,
           editor.empty_embedding(None), NullTextSettings(guidance=7.5))
    rows = editor.predict.evaluations / steps * 50 + 50 * 4
    return {"seconds": round(rows * seconds_per_row, 1), "unet_rows": int(rows), "estimated": True,
            "measured_inversion_steps": steps}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--arch", choices=("sd15", "sd21", "sdxl"), default="sd21")
    parser.add_argument("--size", type=int, default=512)
    parser.add_argument("--steps", type=int, default=4)
    parser.add_argument("--baseline-steps", type=int, default=2)
    parser.add_argument("--run-baselines", action="store_true", default=None)
    args = parser.parse_args()
    device = pick_device("auto")
    gpu = device.type == "cuda"
    run_all = gpu if args.run_baselines is None else args.run_baselines
    model = build_model(device, torch.float16 if gpu else torch.float32, args.arch)
    photo = Image.fromarray(np.asarray(data.chelsea())).resize((args.size, args.size), Image.Resampling.LANCZOS)
    with tempfile.TemporaryDirectory() as cache:
        editor = Editor(model, InversionCache(Path(cache)))
        fast = EditSettings(steps=args.steps, method=AppMethod.RENOISE, guidance=0.0)
        first = timed_edit(editor, photo, fast)
        second = timed_edit(editor, photo, fast)
    per_row = first["seconds"] / max(first["unet_rows"], 1)
    editor = Editor(model)
    baselines = {m.value: baseline(editor, photo, m, args.baseline_steps, run_all, per_row)
                 for m in (AppMethod.NULL_TEXT, AppMethod.DIRECT)}
    print(json.dumps({
        "arch": args.arch, "device": str(device), "size_px": args.size, "torch_threads": torch.get_num_threads(),
        "fast": {"method": "renoise", "steps": args.steps, "guidance": 0.0, "first_edit": first,
                 "second_edit": second, "seconds_per_unet_row": round(per_row, 4)},
        "baselines_50_steps": baselines,
        "speed_up": {k: round(v["seconds"] / first["seconds"], 1) for k, v in baselines.items()},
        "peak_memory_bytes": peak_memory(device),
    }, indent=1))


if __name__ == "__main__":
    main()
