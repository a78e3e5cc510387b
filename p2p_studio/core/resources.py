"""Find bundled data (the demo model, sample photos, icons, styles) wherever the app runs.

One helper for a source checkout or editable install (``resources/`` next to the package), an
installed wheel (``p2p_studio/_resources``, copied there by ``setup.py``), a frozen PyInstaller
bundle (``sys._MEIPASS/resources``) and an explicit override (``P2P_STUDIO_RESOURCES``).
Imports nothing of ours, so every layer may use it.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

#: The name that selects the bundled demo model wherever a model is accepted.
DEMO_MODEL = "demo"
#: What the user is pointed to when they want real photos edited with Stable Diffusion.
STABLE_DIFFUSION = "stable-diffusion-v1-5/stable-diffusion-v1-5"
STABLE_DIFFUSION_XL = "stabilityai/stable-diffusion-xl-base-1.0"
STABLE_DIFFUSION_2 = "stabilityai/stable-diffusion-2-1"
SD_TURBO = "stabilityai/sd-turbo"
SDXL_TURBO = "stabilityai/sdxl-turbo"


@dataclass(frozen=True)
class ModelPreset:
    """A model the Settings dialog offers by name, with what choosing it means."""

    spec: str
    title: str
    #: Working size, steps and the download (fp32 safetensors of the components P2P Studio fetches).
    note: str


MODEL_PRESETS = (
    ModelPreset(DEMO_MODEL, "Demo", "built in: knows only coloured shapes; 64 px, an edit in seconds on a CPU"),
    ModelPreset(STABLE_DIFFUSION, "Stable Diffusion 1.5", "512 px, 50 steps; about 4.3 GB downloaded once"),
    ModelPreset(STABLE_DIFFUSION_2, "Stable Diffusion 2.1", "768 px, 50 steps; about 5.2 GB downloaded once"),
    ModelPreset(STABLE_DIFFUSION_XL, "SDXL", "1024 px, 50 steps; about 14 GB downloaded once; "
                "a GPU with 12 GB or more"),
    ModelPreset(SD_TURBO, "SD-Turbo (few-step)", "512 px, 4 steps without guidance, ReNoise inversion; "
                "about 5.2 GB downloaded once"),
    ModelPreset(SDXL_TURBO, "SDXL-Turbo (few-step)", "512 px, 4 steps without guidance, ReNoise inversion; "
                "about 14 GB downloaded once; a GPU with 12 GB or more"),
)


def preset_of(spec: str) -> ModelPreset | None:
    """The preset named *spec*, if it is one."""
    return next((p for p in MODEL_PRESETS if p.spec == spec.strip()), None)


#: Environment variable naming the model to use when none is given.
MODEL_ENV = "P2P_STUDIO_MODEL"


class ResourceMissingError(FileNotFoundError):
    """A bundled file is not where the installation should have put it."""


def resources_root() -> Path:
    candidates = []
    if override := os.environ.get("P2P_STUDIO_RESOURCES"):
        candidates.append(Path(override))
    if frozen := getattr(sys, "_MEIPASS", None):
        candidates.append(Path(frozen) / "resources")
    here = Path(__file__).resolve().parents[1]  # the p2p_studio package
    candidates += [here / "_resources", here.parent / "resources"]
    for folder in candidates:
        if folder.is_dir():
            return folder
    raise ResourceMissingError(f"resources folder not found (looked in {', '.join(map(str, candidates))})")


def resource_path(*parts: str) -> Path:
    path = resources_root().joinpath(*parts)
    if not path.exists():
        raise ResourceMissingError(f"bundled resource {'/'.join(parts)} is missing from {resources_root()}")
    return path


def default_model() -> str:
    """The model used when none is configured: ``$P2P_STUDIO_MODEL`` or the bundled demo model."""
    return os.environ.get(MODEL_ENV) or DEMO_MODEL


def resolve_model(spec: str) -> str:
    """Turn ``demo`` into the bundled demo model's folder; anything else is returned unchanged."""
    return str(resource_path("demo-model")) if spec == DEMO_MODEL else spec


@dataclass(frozen=True)
class Sample:
    """A bundled sample photo with a caption and a suggested edit."""

    path: Path
    caption: str
    edit: str


def samples() -> list[Sample]:
    index = resource_path("samples", "samples.json")
    entries = json.loads(index.read_text(encoding="utf-8"))
    return [Sample(index.parent / e["file"], e["caption"], e["edit"]) for e in entries]
