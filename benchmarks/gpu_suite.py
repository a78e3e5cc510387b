"""The GPU figures in one JSON (issue 28): run it first whenever a GPU is lent.

    benchmarks/gpu_suite.sh            # on the GPU machine; prints one JSON, under 8 minutes
    python benchmarks/gpu_suite.py --smoke   # anywhere: the same parts at toy sizes, to check it runs

Parts, each in its own process (so each peak memory is its own) with its own time limit:
* ``sd15_512_fp16``: ``bench_engine.py --arch sd15`` (P2P over plain batched denoising, 50-step
  null-text seconds, peak memory);
* ``sdxl_1024_fp16``: ``bench_engine.py --arch sdxl`` (peak memory, P2P over plain);
* ``sd_turbo_512``: ``bench_fast_edit.py --arch sd21`` (a 4-step ReNoise edit without guidance:
  first and second edit of a photo; null-text-50 and Direct-50 of the same photo).
A part that fails or runs out of time reports its last line instead of figures.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

PARTS: dict[str, tuple[list[str], list[str], int]] = {
    # name: (arguments on a GPU, arguments for --smoke, seconds allowed)
    "sd15_512_fp16": (["bench_engine.py", "--arch", "sd15", "--null-text-steps", "50"],
                      ["bench_engine.py", "--arch", "sd15", "--size", "64", "--steps", "2", "--null-text-steps", "1",
                       "--repeats", "1"], 150),
    "sdxl_1024_fp16": (["bench_engine.py", "--arch", "sdxl"],
                       ["bench_engine.py", "--arch", "sdxl", "--size", "64", "--steps", "2", "--null-text-steps", "1",
                        "--repeats", "1"], 180),
    "sd_turbo_512": (["bench_fast_edit.py", "--arch", "sd21", "--size", "512", "--run-baselines"],
                     ["bench_fast_edit.py", "--arch", "sd21", "--size", "64", "--steps", "2", "--baseline-steps", "1"],
                     150),
}


def run_part(args: list[str], limit: int) -> dict[str, Any]:
    start = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, str(HERE / args[0]), *args[1:]], capture_output=True, text=True,
                              timeout=limit, cwd=HERE.parent)
    except subprocess.TimeoutExpired:
        return {"error": f"over its {limit} s", "wall_s": limit}
    wall = round(time.perf_counter() - start, 1)
    if done.returncode != 0:
        lines = (done.stderr or done.stdout).strip().splitlines()
        return {"error": lines[-1] if lines else f"exit status {done.returncode}", "wall_s": wall}
    try:
        return {**json.loads(done.stdout), "wall_s": wall}
    except ValueError:
        return {"error": "no JSON: " + done.stdout.strip()[-200:], "wall_s": wall}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--smoke", action="store_true", help="toy sizes, for checking the suite itself")
    parser.add_argument("--only", nargs="*", choices=list(PARTS), help="these parts alone")
    options = parser.parse_args()
    report: dict[str, Any] = {"smoke": options.smoke}
    try:
        import torch

        report["torch"] = torch.__version__
        report["device"] = torch.cuda.get_device_name(0) if torch.cuda.is_available() else "cpu"
    except ImportError as exc:
        report["error"] = f"torch: {exc}"
    start = time.perf_counter()
    for name, (gpu_args, smoke_args, limit) in PARTS.items():
        if options.only and name not in options.only:
            continue
        report[name] = run_part(smoke_args if options.smoke else gpu_args, limit * (4 if options.smoke else 1))
    report["wall_s"] = round(time.perf_counter() - start, 1)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
