"""Write the bundled sample photos: ``python -m p2p_studio.demo.samples OUT_DIR``.

Each sample is a scene of the demo world rendered larger than the model's native size (so the app
shows full-resolution delivery), from a held-out seed, with its caption and a suggested edit, listed
in ``samples.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from PIL import Image

from p2p_studio.demo.world import Scene, Shape, render

#: (file, scene, edit as changes to the first shape). Chosen to show a colour and a shape swap.
SAMPLES: tuple[tuple[str, Scene, dict[str, str]], ...] = (
    ("red-circle.png", Scene((Shape("circle", "red", "large", "left", 0.01, -0.01, 0.0),), "paper", 7),
     {"colour": "blue"}),
    ("green-square.png", Scene((Shape("square", "green", "large", "center", 0.0, 0.02, 0.01),), "striped", 3),
     {"shape": "triangle"}),
)


def write_samples(out_dir: Path, side: int = 256) -> list[dict[str, str]]:
    out_dir.mkdir(parents=True, exist_ok=True)
    entries = []
    for name, scene, change in SAMPLES:
        Image.fromarray(render(scene, side)).save(out_dir / name, optimize=True)
        entries.append({"file": name, "caption": scene.caption(), "edit": scene.with_shape(**change).caption()})
    (out_dir / "samples.json").write_text(json.dumps(entries, indent=2) + "\n", encoding="utf-8")
    return entries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--side", type=int, default=256)
    args = parser.parse_args(argv)
    for entry in write_samples(args.out_dir, args.side):
        print(json.dumps(entry))
    return 0


if __name__ == "__main__":
    sys.exit(main())
