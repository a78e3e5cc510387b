"""Reconstruction of DDIM, ReNoise and null-text inversion by step count on the demo model; JSON.

    python benchmarks/bench_inversions.py [--photos 6] [--steps 4 8 10 20 50] [--guidance 7.5 1]
                                          [--null-text-steps 10 50] [--evaluate-at 10]

For every held-out rendered photo of the demo evaluation, each method inverts the photo under
its caption and the source branch is sampled back (the edit's own path: ``Editor.edit`` with the
caption as its edit); reported are the mean and worst reconstruction PSNR, seconds per photo and
UNet evaluations (batch rows) per photo, per guidance. ``--evaluate-at`` adds the demo
evaluation's swap and mask figures with ReNoise at that step count (same photos as the app's).
"""

from __future__ import annotations

import argparse
import json
import time
from typing import Any

import numpy as np

from p2p_studio.core.resources import DEMO_MODEL, resolve_model
from p2p_studio.core.settings import Method
from p2p_studio.demo.evaluate import _photo_case, evaluate_masks, evaluate_real_photos
from p2p_studio.engine.editor import Editor
from p2p_studio.engine.loading import load_model


def reconstruction(editor: Editor, method: Method, steps: int, guidance: float, photos: int) -> dict[str, Any]:
    psnrs, seconds = [], []
    editor.predict.evaluations = 0
    for i in range(photos):
        case = _photo_case(editor, i, steps, None)
        settings = case.settings.replace(method=method, guidance=guidance, blend=False)
        start = time.perf_counter()
        result = editor.edit(case.photo, case.scene.caption(), [case.scene.caption()], settings)
        seconds.append(time.perf_counter() - start)
        assert result.fidelity is not None
        psnrs.append(result.fidelity.psnr_db)
    return {"psnr_db_mean": round(float(np.mean(psnrs)), 2), "psnr_db_min": round(float(np.min(psnrs)), 2),
            "seconds_per_photo": round(float(np.mean(seconds)), 2),
            "unet_rows_per_photo": editor.predict.evaluations // photos}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default=DEMO_MODEL)
    parser.add_argument("--photos", type=int, default=6)
    parser.add_argument("--steps", type=int, nargs="+", default=[4, 8, 10, 20, 50])
    parser.add_argument("--guidance", type=float, nargs="+", default=[7.5, 1.0])
    parser.add_argument("--null-text-steps", type=int, nargs="*", default=[10, 50])
    parser.add_argument("--evaluate-at", type=int, default=10, help="0: leave out the swap and mask figures")
    args = parser.parse_args()
    editor = Editor(load_model(resolve_model(args.model), device="cpu"))
    report: dict[str, Any] = {"model": args.model, "photos": args.photos, "reconstruction": {}}
    for guidance in args.guidance:
        rows: dict[str, Any] = {}
        for steps in args.steps:
            methods = [Method.DDIM, Method.RENOISE]
            if steps in args.null_text_steps and guidance > 1:
                methods.append(Method.NULL_TEXT)
            row = {m.value: reconstruction(editor, m, steps, guidance, args.photos) for m in methods}
            row["renoise_minus_ddim_db"] = round(row["renoise"]["psnr_db_mean"] - row["ddim"]["psnr_db_mean"], 2)
            rows[str(steps)] = row
        report["reconstruction"][f"guidance {guidance:g}"] = rows
    if args.evaluate_at:
        overrides = {"method": Method.RENOISE.value}
        report[f"renoise_{args.evaluate_at}_steps"] = {
            "photos": evaluate_real_photos(editor, n=args.photos, steps=args.evaluate_at, overrides=overrides),
            "masks": evaluate_masks(editor, n=args.photos, steps=args.evaluate_at, overrides=overrides),
        }
        report[f"null_text_{args.evaluate_at}_steps"] = {
            "photos": evaluate_real_photos(editor, n=args.photos, steps=args.evaluate_at)}
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
