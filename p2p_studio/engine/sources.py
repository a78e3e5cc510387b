"""Where a model comes from: diffusers folders (what they must hold), the hub cache, and single-file
checkpoints (which family a file is). Nothing here loads weights."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from p2p_studio.core.errors import ModelError, first_line
from p2p_studio.core.resources import STABLE_DIFFUSION, STABLE_DIFFUSION_2, STABLE_DIFFUSION_XL
from p2p_studio.core.text import Message
from p2p_studio.engine.model import ModelKind

PICKLE_SUFFIXES = (".ckpt", ".pt", ".pth", ".bin")


#: What a diffusers folder must contain; each entry: subfolder, files of which one must exist.
COMPONENTS: dict[str, tuple[str, ...]] = {
    "unet": ("config.json",),
    "vae": ("config.json",),
    "text_encoder": ("config.json",),
    # tokenizer_config.json alone loads without error but gives a tokenizer with no vocabulary.
    "tokenizer": ("vocab.json", "tokenizer.json"),
    "scheduler": ("scheduler_config.json",),
}


#: What an SDXL folder holds besides: the second text encoder and its tokenizer.
SDXL_COMPONENTS: dict[str, tuple[str, ...]] = {
    "text_encoder_2": ("config.json",),
    "tokenizer_2": ("vocab.json", "tokenizer.json"),
}


WEIGHTED = ("unet", "vae", "text_encoder", "text_encoder_2")


#: Files fetched for a hub id (the components only, not the big single-file duplicates).
HUB_PATTERNS = [
    "model_index.json",
    "unet/*",
    "vae/*",
    "text_encoder/*",
    "tokenizer/*",
    "text_encoder_2/*",
    "tokenizer_2/*",
    "scheduler/*",
]


HUB_IGNORE = ["*.bin", "*.ckpt", "*.msgpack", "*.onnx", "*.onnx_data", "*fp16*", "*non_ema*", "*.pb"]


def check_model_folder(folder: Path, allow_pickle: bool = False) -> None:
    """Raise a :class:`ModelError` naming every missing component of a diffusers folder.

    Weights must be ``.safetensors``: pickled ``.bin`` files can run code when loaded, so they are
    refused unless *allow_pickle*.
    """
    missing: list[str] = []
    refuse_not_a_model(folder)
    refuse_refiner(folder)
    components = {**COMPONENTS, **(SDXL_COMPONENTS if is_sdxl_folder(folder) else {})}
    for component, configs in components.items():
        sub = folder / component
        if not any((sub / c).is_file() for c in configs):
            missing.append(f"{component}/{configs[0]}")
        elif component in WEIGHTED and not any(sub.glob("*.safetensors")):
            if not any(sub.glob("*.bin")):
                missing.append(f"{component} weights (*.safetensors)")
            elif not allow_pickle:
                raise ModelError(
                    "the {component} weights in {folder} are pickle files (.bin), which can run code "
                    "when loaded; convert them to .safetensors, or allow them explicitly "
                    "(--allow-pickle) if you trust their source",
                    component=component, folder=folder)
    if missing:
        raise ModelError(
            "model folder {folder} is incomplete: missing {items}; download the whole model again "
            "(e.g. `hf download ORG/NAME --local-dir FOLDER`)",
            folder=folder, items=', '.join(missing)
        )


def refuse_not_a_model(folder: Path) -> None:
    """A folder with neither ``model_index.json`` nor any component folder is not a model at all
    (a typo, the photos folder): say so, rather than list five missing components."""
    if (folder / "model_index.json").exists() or any((folder / c).is_dir() for c in COMPONENTS):
        return
    checkpoints = sorted(p.name for p in folder.glob("*.safetensors"))[:3]
    hint = (Message.of("; for a single checkpoint file pass the file itself, e.g. {file}",
                       file=folder / checkpoints[0]) if checkpoints
            else Message.of("; pass a diffusers model folder, a .safetensors checkpoint or a hub id such as {hub_id}",
                            hub_id=STABLE_DIFFUSION))
    raise ModelError("{folder} is not a model folder (no model_index.json, no unet/ or vae/ "
                     "folder){hint}", folder=folder, hint=hint)


def model_index(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads((folder / "model_index.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def is_sdxl_folder(folder: Path) -> bool:
    return (folder / "text_encoder_2").is_dir() or "XL" in str(model_index(folder).get("_class_name", ""))


def refuse_refiner(folder: Path) -> None:
    """SDXL refiners denoise another model's output (one text encoder, aesthetic-score conditioning)."""
    index = model_index(folder)
    first = index.get("text_encoder")
    no_first = isinstance(first, list) and first[:1] == [None]
    if index.get("requires_aesthetics_score") or ("XL" in str(index.get("_class_name", "")) and no_first):
        raise refiner_refused(str(folder))


def refiner_refused(name: str) -> ModelError:
    return ModelError("{name} is an SDXL refiner, which only refines another model's output; use an "
                      "SDXL base model (e.g. {base}) or one of its fine-tunes",
                      name=name, base=BASE_CONFIGS[ModelKind.SDXL])


def cached_snapshot(repo_id: str) -> Path | None:
    from huggingface_hub import snapshot_download

    try:
        return Path(snapshot_download(repo_id, allow_patterns=["tokenizer/*", "text_encoder/config.json"],
                                      local_files_only=True))
    except Exception:  # not cached, or not a valid id: the caller loads the whole model instead
        return None


def looks_like_path(spec: str) -> bool:
    return (
        spec.startswith((".", "/", "~"))
        or os.sep in spec.replace("/", "")
        or spec.endswith((".safetensors", *PICKLE_SUFFIXES))
        or spec.count("/") != 1
    )


def hub_snapshot(repo_id: str, tqdm_class: Any = None) -> Path:
    from huggingface_hub import constants, snapshot_download
    from huggingface_hub.errors import HFValidationError, LocalEntryNotFoundError, RepositoryNotFoundError

    how = Message.of("download it on a connected machine with `hf download {repo_id}` or pass a local folder or "
                     ".safetensors file", repo_id=repo_id)
    try:
        return Path(snapshot_download(repo_id, allow_patterns=HUB_PATTERNS, ignore_patterns=HUB_IGNORE,
                                      local_files_only=True))
    except HFValidationError as exc:
        raise ModelError("{repo_id!r} is neither a model folder, a checkpoint file nor a hub id",
                         repo_id=repo_id) from exc
    except LocalEntryNotFoundError:
        if constants.HF_HUB_OFFLINE:
            raise ModelError("model {repo_id} is not in the local cache and offline mode is on; {how}",
                             repo_id=repo_id, how=how) from None
    try:
        kwargs = {"tqdm_class": tqdm_class} if tqdm_class is not None else {}
        return Path(snapshot_download(repo_id, allow_patterns=HUB_PATTERNS, ignore_patterns=HUB_IGNORE, **kwargs))
    except RepositoryNotFoundError as exc:
        raise ModelError("model {repo_id} does not exist on the hub (or needs a login)", repo_id=repo_id) from exc
    except Exception as exc:  # network errors come in many classes
        reason = type(exc).__name__
        raise ModelError("model {repo_id} is not cached and could not be downloaded ({reason}); {how}",
                         repo_id=repo_id, reason=reason, how=how) from exc


#: The hub repository whose configs describe each single-file family.
BASE_CONFIGS: dict[ModelKind, str] = {
    ModelKind.SD1: STABLE_DIFFUSION,
    ModelKind.SD2: STABLE_DIFFUSION_2,
    ModelKind.SDXL: STABLE_DIFFUSION_XL,
}


#: Keys that tell single-file checkpoints apart (the LDM layout names of their text encoders).
SDXL_KEY = "conditioner.embedders.1.model.positional_embedding"


SDXL_REFINER_KEY = "conditioner.embedders.0.model.text_projection"


SD2_KEY = "cond_stage_model.model.positional_embedding"  # SD 2.x's OpenCLIP text encoder


def cached_configs(repo_id: str) -> str | None:
    """The configs of *repo_id* if the local hub cache has them (nothing is downloaded)."""
    from huggingface_hub import snapshot_download

    try:
        return str(snapshot_download(repo_id, allow_patterns=["*.json", "*.txt"], local_files_only=True))
    except Exception:  # not cached
        return None


def single_file_kind(path: Path) -> ModelKind:
    """The family of a checkpoint from its key names (a ``.safetensors`` header only; pickles are
    taken for SD 1.x); refiners are refused."""
    if path.suffix.lower() != ".safetensors":
        return ModelKind.SD1
    from safetensors import safe_open

    try:
        with safe_open(str(path), framework="pt") as f:
            keys = set(f.keys())
    except Exception as exc:  # not a safetensors file, or a damaged header
        raise ModelError("could not load checkpoint {name}: {reason}", name=path.name, reason=first_line(exc)) from exc
    if SDXL_REFINER_KEY in keys and SDXL_KEY not in keys:
        raise refiner_refused(path.name)
    if SDXL_KEY in keys:
        return ModelKind.SDXL
    return ModelKind.SD2 if SD2_KEY in keys else ModelKind.SD1
