"""Finding, downloading and loading Stable Diffusion models (hub id, diffusers folder, single file).

Every size the engine uses is read from the loaded model here: image size, latent channels, VAE
scale and scaling factor, token count, prediction type.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from diffusers import AutoencoderKL, DDIMScheduler, UNet2DConditionModel
from transformers import CLIPTextModel, CLIPTokenizer

from p2p_studio.core.errors import InputError, ModelError
from p2p_studio.core.resources import DEMO_MODEL, ResourceMissingError, resolve_model
from p2p_studio.core.settings import ModelChoice
from p2p_studio.engine.threads import use_threads_for
from p2p_studio.inversion.schedule import PREDICTION_TYPES

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
WEIGHTED = ("unet", "vae", "text_encoder")
#: Files fetched for a hub id (the components only, not the big single-file duplicates).
HUB_PATTERNS = [
    "model_index.json",
    "unet/*",
    "vae/*",
    "text_encoder/*",
    "tokenizer/*",
    "scheduler/*",
]
HUB_IGNORE = ["*.bin", "*.ckpt", "*.msgpack", "*.onnx", "*.onnx_data", "*fp16*", "*non_ema*", "*.pb"]


def quiet_libraries() -> None:
    """Silence the libraries' loading bars and advisory warnings: our own progress reporting
    replaces them (and a windowed app on Windows has no stderr for them to write to)."""
    import logging
    import warnings

    from diffusers.utils import logging as dlog
    from transformers.utils import logging as tlog

    for library in ("diffusers", "transformers", "huggingface_hub", "accelerate"):
        warnings.filterwarnings("ignore", category=FutureWarning, module=library)
    for lib in (tlog, dlog):
        lib.set_verbosity_error()
        lib.disable_progress_bar()
    logging.getLogger("transformers").setLevel(logging.ERROR)


def pick_device(name: str = "auto") -> torch.device:
    """``auto`` picks cuda, then mps, then cpu; an explicit device must be available."""
    if name == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
            return torch.device("mps")
        return torch.device("cpu")
    if name == "cuda" and not torch.cuda.is_available():
        raise InputError("device 'cuda' requested but no CUDA GPU is available to PyTorch")
    if name == "mps" and not (getattr(torch.backends, "mps", None) and torch.backends.mps.is_available()):
        raise InputError("device 'mps' requested but Apple's Metal backend is not available")
    if name not in ("cuda", "mps", "cpu"):
        raise InputError(f"unknown device {name!r}; use auto, cuda, mps or cpu")
    return torch.device(name)


def pick_dtype(device: torch.device, precision: str = "auto") -> torch.dtype:
    """Half precision on a GPU by default, fp32 on the CPU."""
    table = {"fp32": torch.float32, "fp16": torch.float16, "bf16": torch.bfloat16}
    if precision == "auto":
        return torch.float16 if device.type in ("cuda", "mps") else torch.float32
    if precision not in table:
        raise InputError(f"unknown precision {precision!r}; use auto, fp32, fp16 or bf16")
    return table[precision]


@dataclass
class LoadedModel:
    """The components of an SD-shaped model plus the facts the engine reads from them."""

    name: str
    tokenizer: CLIPTokenizer
    text_encoder: CLIPTextModel
    unet: UNet2DConditionModel
    vae: AutoencoderKL
    scheduler_config: dict[str, Any]
    device: torch.device
    dtype: torch.dtype
    fingerprint: str = field(default="")

    def __post_init__(self) -> None:
        if not self.fingerprint:
            self.fingerprint = model_fingerprint(self)

    @property
    def threads(self) -> int:
        """CPU threads torch uses (set per model when it was loaded: :mod:`p2p_studio.engine.threads`)."""
        return torch.get_num_threads()

    @property
    def max_tokens(self) -> int:
        """Context length of the text encoder (BOS and EOS included)."""
        limit = int(self.text_encoder.config.max_position_embeddings)
        return min(int(self.tokenizer.model_max_length), limit)

    @property
    def vae_scale(self) -> int:
        return 1 << (len(self.vae.config.block_out_channels) - 1)

    @property
    def latent_channels(self) -> int:
        return int(self.unet.config.in_channels)

    @property
    def native_size(self) -> int:
        """The image side the model was trained at (512 for SD 1.x, 768 for SD 2.x-v)."""
        sample = self.unet.config.sample_size
        sample = sample[0] if isinstance(sample, (list, tuple)) else sample
        return int(sample) * self.vae_scale

    @property
    def size_multiple(self) -> int:
        """Image sides must be multiples of this so every UNet level tiles exactly."""
        return self.vae_scale << (len(self.unet.config.block_out_channels) - 1)

    @property
    def prediction_type(self) -> str:
        return str(self.scheduler_config.get("prediction_type", "epsilon"))

    @torch.no_grad()
    def encode_ids(self, ids: torch.Tensor) -> torch.Tensor:
        """Token ids ``(n, max_tokens)`` -> fp32 embeddings ``(n, max_tokens, width)``."""
        out: torch.Tensor = self.text_encoder(ids.to(self.device), return_dict=False)[0]
        return out.float()

    @torch.no_grad()
    def encode_image(self, pixels: torch.Tensor) -> torch.Tensor:
        """Pixels in [-1, 1] ``(n, 3, H, W)`` -> scaled fp32 latents (distribution mean)."""
        vae = self.vae
        latents: torch.Tensor = vae.encode(pixels.to(self.device, vae.dtype)).latent_dist.mean.float()
        shift = getattr(vae.config, "shift_factor", None) or 0.0
        return (latents - shift) * float(vae.config.scaling_factor)

    @torch.no_grad()
    def decode(self, latents: torch.Tensor) -> torch.Tensor:
        """Scaled latents -> pixels in [0, 1], fp32 on the CPU."""
        vae = self.vae
        shift = getattr(vae.config, "shift_factor", None) or 0.0
        z = latents.float() / vae.config.scaling_factor + shift
        images: torch.Tensor = vae.decode(z.to(self.device, vae.dtype), return_dict=False)[0]
        return ((images.float() + 1) / 2).clamp(0, 1).cpu()


def model_fingerprint(model: LoadedModel) -> str:
    """A content hash of configs and a few weight tensors: identifies the model in cache keys."""
    h = hashlib.sha256()
    for part in (model.unet.config, model.vae.config, model.text_encoder.config.to_dict(), model.scheduler_config):
        h.update(json.dumps(dict(part), sort_keys=True, default=str).encode())
    tensors = [
        model.unet.conv_in.weight,
        model.unet.conv_out.weight,
        model.vae.decoder.conv_out.weight,
        model.text_encoder.get_input_embeddings().weight[:256],
    ]
    for t in tensors:
        h.update(t.detach().float().cpu().numpy().tobytes())
    return h.hexdigest()[:24]


def check_model_folder(folder: Path, allow_pickle: bool = False) -> None:
    """Raise a :class:`ModelError` naming every missing component of a diffusers folder.

    Weights must be ``.safetensors``: pickled ``.bin`` files can run code when loaded, so they are
    refused unless *allow_pickle*.
    """
    missing: list[str] = []
    for component, configs in COMPONENTS.items():
        sub = folder / component
        if not any((sub / c).is_file() for c in configs):
            missing.append(f"{component}/{configs[0]}")
        elif component in WEIGHTED and not any(sub.glob("*.safetensors")):
            if not any(sub.glob("*.bin")):
                missing.append(f"{component} weights (*.safetensors)")
            elif not allow_pickle:
                raise ModelError(
                    f"the {component} weights in {folder} are pickle files (.bin), which can run code when "
                    "loaded; convert them to .safetensors, or allow them explicitly (--allow-pickle) if you "
                    "trust their source")
    if missing:
        raise ModelError(
            f"model folder {folder} is incomplete: missing {', '.join(missing)}; "
            "download the whole model again (e.g. `hf download ORG/NAME --local-dir FOLDER`)"
        )


def load_model(
    spec: str = DEMO_MODEL,
    device: str = "auto",
    precision: str = "auto",
    allow_pickle: bool = False,
    config: str | None = None,
    tqdm_class: Any = None,
) -> LoadedModel:
    """Load a model from a hub id, a local diffusers folder, a single-file checkpoint, or ``demo``.

    *config* (single files only) names a diffusers folder or hub id whose configs describe the
    checkpoint; without it diffusers infers one (which needs those configs cached or online).
    """
    dev = pick_device(device)
    dtype = pick_dtype(dev, precision)
    try:
        spec = resolve_model(spec)
    except ResourceMissingError as exc:
        raise ModelError(f"the built-in demo model is missing ({exc}); reinstall P2P Studio") from exc
    path = Path(spec).expanduser()
    if path.is_dir():
        check_model_folder(path, allow_pickle)
        return _load_folder(path, spec, dev, dtype, allow_pickle)
    if path.is_file():
        return _load_single_file(path, dev, dtype, allow_pickle, config)
    if _looks_like_path(spec):
        raise ModelError(f"no model file or folder at {spec}")
    folder = _hub_snapshot(spec, tqdm_class)
    check_model_folder(folder, allow_pickle)
    return _load_folder(folder, spec, dev, dtype, allow_pickle)


def load_choice(choice: ModelChoice, tqdm_class: Any = None) -> LoadedModel:
    """:func:`load_model` for a validated :class:`ModelChoice`."""
    choice.validate()
    return load_model(choice.spec, choice.device, choice.precision, choice.allow_pickle, choice.config, tqdm_class)


@dataclass(frozen=True)
class TokenizerOnly:
    """A model's tokenizer and context length, read without loading any weights."""

    tokenizer: CLIPTokenizer
    max_tokens: int


def load_tokenizer(choice: ModelChoice) -> TokenizerOnly | None:
    """The tokenizer of *choice* from its files alone (plan previews need nothing more).

    Works for a diffusers folder, the demo model, a hub id already in the local cache and a single
    file with a config folder; ``None`` where only loading the whole model would tell.
    """
    try:
        spec = resolve_model(choice.spec)
    except ResourceMissingError:
        return None
    path = Path(spec).expanduser()
    folder: Path | None = path if path.is_dir() else None
    if folder is None and path.is_file() and choice.config and Path(choice.config).is_dir():
        folder = Path(choice.config)
    if folder is None and not path.exists() and not _looks_like_path(spec):
        folder = _cached_snapshot(spec)
    if folder is None:
        return None
    try:
        tokenizer = CLIPTokenizer.from_pretrained(folder, subfolder="tokenizer")
        encoder = json.loads((folder / "text_encoder" / "config.json").read_text(encoding="utf-8"))
        limit = int(encoder["max_position_embeddings"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return TokenizerOnly(tokenizer, min(int(tokenizer.model_max_length), limit))


def _cached_snapshot(repo_id: str) -> Path | None:
    from huggingface_hub import snapshot_download

    try:
        return Path(snapshot_download(repo_id, allow_patterns=["tokenizer/*", "text_encoder/config.json"],
                                      local_files_only=True))
    except Exception:  # not cached, or not a valid id: the caller loads the whole model instead
        return None


def _looks_like_path(spec: str) -> bool:
    return (
        spec.startswith((".", "/", "~"))
        or os.sep in spec.replace("/", "")
        or spec.endswith((".safetensors", *PICKLE_SUFFIXES))
        or spec.count("/") != 1
    )


def _hub_snapshot(repo_id: str, tqdm_class: Any = None) -> Path:
    from huggingface_hub import constants, snapshot_download
    from huggingface_hub.errors import HFValidationError, LocalEntryNotFoundError, RepositoryNotFoundError

    how = f"download it on a connected machine with `hf download {repo_id}` or pass a local folder or .safetensors file"
    try:
        return Path(snapshot_download(repo_id, allow_patterns=HUB_PATTERNS, ignore_patterns=HUB_IGNORE,
                                      local_files_only=True))
    except HFValidationError as exc:
        raise ModelError(f"{repo_id!r} is neither a model folder, a checkpoint file nor a hub id") from exc
    except LocalEntryNotFoundError:
        if constants.HF_HUB_OFFLINE:
            raise ModelError(f"model {repo_id} is not in the local cache and offline mode is on; {how}") from None
    try:
        kwargs = {"tqdm_class": tqdm_class} if tqdm_class is not None else {}
        return Path(snapshot_download(repo_id, allow_patterns=HUB_PATTERNS, ignore_patterns=HUB_IGNORE, **kwargs))
    except RepositoryNotFoundError as exc:
        raise ModelError(f"model {repo_id} does not exist on the hub (or needs a login)") from exc
    except Exception as exc:  # network errors come in many classes
        reason = type(exc).__name__
        raise ModelError(f"model {repo_id} is not cached and could not be downloaded ({reason}); {how}") from exc


def _load_folder(folder: Path, name: str, device: torch.device, dtype: torch.dtype,
                 allow_pickle: bool = False) -> LoadedModel:
    safe = None if allow_pickle else True  # None: safetensors where present, else the allowed pickles
    try:
        tokenizer = CLIPTokenizer.from_pretrained(folder, subfolder="tokenizer")
        text_encoder = CLIPTextModel.from_pretrained(folder, subfolder="text_encoder", dtype=dtype,
                                                     use_safetensors=safe)
        unet = UNet2DConditionModel.from_pretrained(folder, subfolder="unet", torch_dtype=dtype, use_safetensors=safe)
        # The VAE stays in fp32: SD VAEs overflow to black or NaN images in fp16.
        vae = AutoencoderKL.from_pretrained(folder, subfolder="vae", torch_dtype=torch.float32, use_safetensors=safe)
        scheduler_config = dict(DDIMScheduler.load_config(folder, subfolder="scheduler"))
    except (OSError, ValueError, KeyError, TypeError, json.JSONDecodeError, pickle.UnpicklingError,
            EOFError) as exc:
        raise ModelError(f"could not read the model in {folder}: {_first_line(exc)}") from exc
    return _assemble(name, tokenizer, text_encoder, unet, vae, scheduler_config, device, dtype)


def _load_single_file(
    path: Path, device: torch.device, dtype: torch.dtype, allow_pickle: bool, config: str | None
) -> LoadedModel:
    suffix = path.suffix.lower()
    if suffix in PICKLE_SUFFIXES and not allow_pickle:
        raise ModelError(
            f"{path.name} is a legacy pickle checkpoint, which can run arbitrary code when loaded; "
            "use a .safetensors file, or allow it explicitly (--allow-pickle) if you trust its source"
        )
    if suffix not in (".safetensors", *PICKLE_SUFFIXES):
        raise ModelError(f"{path.name}: expected a diffusers folder, a .safetensors checkpoint or a hub id")
    from diffusers import StableDiffusionPipeline

    kwargs: dict[str, Any] = {"torch_dtype": dtype, "safety_checker": None, "requires_safety_checker": False}
    if config:
        kwargs["config"] = config
    try:
        pipe = StableDiffusionPipeline.from_single_file(str(path), **kwargs)
    except Exception as exc:  # diffusers raises many types for unreadable checkpoints
        raise ModelError(
            f"could not load checkpoint {path.name}: {_first_line(exc)} "
            "(single files need their model configs cached, online access, or --model-config FOLDER)"
        ) from exc
    return _assemble(
        str(path), pipe.tokenizer, pipe.text_encoder, pipe.unet, pipe.vae.to(torch.float32),
        dict(pipe.scheduler.config), device, dtype,
    )


def _assemble(
    name: str,
    tokenizer: CLIPTokenizer,
    text_encoder: CLIPTextModel,
    unet: UNet2DConditionModel,
    vae: AutoencoderKL,
    scheduler_config: dict[str, Any],
    device: torch.device,
    dtype: torch.dtype,
) -> LoadedModel:
    train = scheduler_config.get("num_train_timesteps")
    if isinstance(train, bool) or not isinstance(train, int) or train < 1:
        raise ModelError(f"{name}: the scheduler config is invalid (num_train_timesteps = {train!r})")
    prediction = scheduler_config.get("prediction_type", "epsilon")
    if prediction not in PREDICTION_TYPES:
        raise ModelError(f"{name}: unsupported prediction type {prediction!r}")
    for module in (text_encoder, unet, vae):
        module.requires_grad_(False).eval()
    use_threads_for(unet, device)
    return LoadedModel(
        name=name,
        tokenizer=tokenizer,
        text_encoder=text_encoder.to(device),
        unet=unet.to(device),
        vae=vae.to(device),
        scheduler_config=scheduler_config,
        device=device,
        dtype=dtype,
    )


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
