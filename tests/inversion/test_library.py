"""The top-level ``inversion`` package is a library of its own: usable on a plain diffusers UNet
with P2P Studio absent (the design card's top level)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

ALONE = r"""
import sys
sys.modules["p2p_studio"] = None  # any import of P2P Studio now fails
import torch
from diffusers import DDIMScheduler, UNet2DConditionModel

import inversion
from inversion import Cancelled, Conditioning, DDIMSchedule, Method, NoisePredictor, NullTextSettings, Reporter

torch.manual_seed(0)
unet = UNet2DConditionModel(sample_size=8, in_channels=4, out_channels=4, layers_per_block=1,
                            block_out_channels=(16, 32), down_block_types=("CrossAttnDownBlock2D", "DownBlock2D"),
                            up_block_types=("UpBlock2D", "CrossAttnUpBlock2D"), cross_attention_dim=16,
                            attention_head_dim=4, norm_num_groups=8)
config = dict(DDIMScheduler(beta_schedule="scaled_linear", beta_start=0.00085, beta_end=0.012).config)
latents = torch.randn(1, 4, 8, 8)
cond, empty = Conditioning(torch.randn(1, 6, 16)), Conditioning(torch.zeros(1, 6, 16))
predict, schedule = NoisePredictor(unet), DDIMSchedule(config, 3)
result = inversion.invert(Method.NULL_TEXT, predict, schedule, latents, cond, empty, NullTextSettings(inner_steps=2))
assert len(result.trajectory) == 4 and len(result.optimised) == 3
assert torch.equal(result.trajectory[-1], latents)
try:
    inversion.invert(Method.DDIM, predict, schedule, latents, cond, empty, reporter=Reporter(should_stop=lambda: True))
except Cancelled as exc:
    print("cancelled:", exc.phase)
try:
    DDIMSchedule(config, 5000)
except inversion.StepsError as exc:
    print("steps:", exc)
print("p2p_studio imported:", any(name.startswith("p2p_studio.") for name in sys.modules))
print("from:", inversion.__file__)
"""


def test_the_library_runs_without_p2p_studio(tmp_path) -> None:
    shutil.copytree(ROOT / "inversion", tmp_path / "inversion")  # the package alone on the path
    done = subprocess.run([sys.executable, "-c", ALONE], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(tmp_path), "OMP_NUM_THREADS": "1"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["cancelled: DDIM inversion",
                                        "steps: 5000 steps are more than the model's scheduler has (1000)",
                                        "p2p_studio imported: False",
                                        f"from: {tmp_path / 'inversion' / '__init__.py'}"]
