"""An installed wheel carries the resources (demo model, samples, icons) and finds them."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
sys.path.insert(0, sys.argv[1])
import p2p_studio, p2p_studio.core.resources as r
print(json.dumps({"module": p2p_studio.__file__, "root": str(r.resources_root()),
                  "model": r.resolve_model("demo"), "samples": [str(s.path) for s in r.samples()]}))
"""


def test_installed_wheel_finds_its_own_resources(tmp_path: Path) -> None:
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(tmp_path / "wheel"), str(ROOT)],
                   check=True, cwd=tmp_path)
    wheel = next((tmp_path / "wheel").glob("p2p_studio-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for needed in ("p2p_studio/_resources/demo-model/unet/diffusion_pytorch_model.safetensors",
                   "p2p_studio/_resources/samples/samples.json", "p2p_studio/_resources/icons/p2p-studio-256.png",
                   "inversion/__init__.py", "inversion/null_text.py"):  # the inversion library, beside the app
        assert needed in names
    site = tmp_path / "site"
    subprocess.run([*pip, "install", "--no-deps", "--target", str(site), str(wheel)], check=True)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}  # no P2P_STUDIO_RESOURCES
    out = subprocess.run([sys.executable, "-c", PROBE, str(site)], capture_output=True, text=True, cwd=tmp_path,
                         env=env, check=True)
    found = json.loads(out.stdout)
    installed = site / "p2p_studio"
    assert Path(found["module"]).parent == installed
    assert Path(found["root"]) == installed / "_resources"
    assert (Path(found["model"]) / "model_index.json").is_file()
    assert found["samples"] and all(Path(p).is_file() and Path(p).is_relative_to(installed) for p in found["samples"])
