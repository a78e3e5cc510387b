"""What a preview costs on SD 1.5 at 512 px: the model's VAE decoder vs TAESD's; prints JSON.

    python benchmarks/bench_decoders.py [--size 512] [--repeats 3] [--no-unet]

Random weights in the published architectures (cost does not depend on weight values): the SD
VAE (AutoencoderKL, 4 levels of 128-512 channels) decoding the full latent and the half-side one
previews use past 32 latent cells, TAESD (AutoencoderTiny, its defaults) decoding the full latent,
and, for scale, one batch-2 SD-1.5 UNet evaluation (a guided step of one caption) at the same
size. Medians of *repeats* on this machine's CPU.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import torch
import torch.nn.functional as F
from diffusers import AutoencoderKL, AutoencoderTiny, UNet2DConditionModel


def _median_seconds(call: Callable[[], object], repeats: int) -> float:
    call()  # warm-up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=512)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-unet", action="store_true", help="skip timing the UNet step")
    args = parser.parse_args()
    torch.manual_seed(0)
    side = args.size // 8
    latent = torch.randn(1, 4, side, side)
    half = F.interpolate(latent, scale_factor=0.5, mode="area")
    vae = AutoencoderKL(block_out_channels=(128, 256, 512, 512), layers_per_block=2, latent_channels=4,
                        down_block_types=("DownEncoderBlock2D",) * 4, up_block_types=("UpDecoderBlock2D",) * 4).eval()
    taesd = AutoencoderTiny().eval()
    with torch.no_grad():
        report: dict[str, object] = {
            "size": args.size, "threads": torch.get_num_threads(), "repeats": args.repeats,
            "vae_decoder_weights": sum(p.numel() for p in vae.decoder.parameters()),
            "taesd_decoder_weights": sum(p.numel() for p in taesd.decoder.parameters()),
            "vae_decode_s": _median_seconds(lambda: vae.decode(latent), args.repeats),
            "vae_half_side_decode_s": _median_seconds(lambda: vae.decode(half), args.repeats),
            "taesd_decode_s": _median_seconds(lambda: taesd.decode(latent), args.repeats),
        }
        if not args.no_unet:
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from bench_engine import SD15_UNET

            unet = UNet2DConditionModel(**SD15_UNET).eval()
            text = torch.randn(2, 77, 768)
            report["unet_step_s"] = _median_seconds(
                lambda: unet(latent.expand(2, -1, -1, -1), 500, encoder_hidden_states=text), max(1, args.repeats // 2))
    seconds = {k: float(v) for k, v in report.items() if k.endswith("_s") and isinstance(v, float)}
    report.update({k: round(v, 3) for k, v in seconds.items()})
    report["taesd_over_vae_half_side"] = round(seconds["taesd_decode_s"] / seconds["vae_half_side_decode_s"], 3)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
