"""Writing results: PNGs with A1111-style ``parameters`` text and P2P Studio's JSON recipe."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PIL import Image, PngImagePlugin

from p2p_studio.engine.files import atomic_write

RECIPE_KEY = "p2p_studio"


def a1111_parameters(caption: str, settings: dict[str, Any], size: tuple[int, int], model: str,
                     extra: dict[str, Any] | None = None) -> str:
    """The ``parameters`` text chunk other tools (A1111, ComfyUI readers, civitai) understand."""
    fields = {
        "Steps": settings["steps"],
        "Sampler": "DDIM",
        "CFG scale": settings["guidance"],
        "Seed": settings.get("seed", 0),
        "Size": f"{size[0]}x{size[1]}",
        "Model": model,
        **(extra or {}),
    }
    line = ", ".join(f"{k}: {v}" for k, v in fields.items())
    return f"{caption}\nNegative prompt: \n{line}"


def save_png(path: Path, image: Image.Image, parameters: str | None = None,
             recipe: dict[str, Any] | None = None) -> Path:
    """Write *image* atomically as PNG with optional metadata chunks."""
    info = PngImagePlugin.PngInfo()
    if parameters is not None:
        info.add_text("parameters", parameters)
    if recipe is not None:
        info.add_text(RECIPE_KEY, json.dumps(recipe, ensure_ascii=False))

    def write(tmp: Path) -> None:
        image.save(tmp, format="PNG", pnginfo=info)

    return atomic_write(path, write)


def read_recipe(path: Path) -> dict[str, Any] | None:
    """The JSON recipe of a PNG written by :func:`save_png`, or ``None`` if it has none."""
    try:
        with Image.open(path) as img:
            text = img.info.get(RECIPE_KEY) if hasattr(img, "info") else None
    except OSError:
        return None
    if not text:
        return None
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return None
    return data if isinstance(data, dict) else None
