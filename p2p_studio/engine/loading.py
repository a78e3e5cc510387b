"""Finding, downloading and loading Stable Diffusion models (hub id, diffusers folder, single file).

Every size the engine uses is read from the loaded model here: image size, latent channels, VAE
scale and scaling factor, token count, prediction type.
"""

from __future__ import annotations

import enum
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import torch
from diffusers import AutoencoderKL, DDIMScheduler, UNet2DConditionModel
from transformers import CLIPTextModel, CLIPTextModelWithProjection, CLIPTokenizer

from inversion import PREDICTION_TYPES, Conditioning
from p2p_studio.core.errors import InputError, ModelError
from p2p_studio.core.resources import DEMO_MODEL, ResourceMissingError, resolve_model
from p2p_studio.core.settings import ModelChoice
from p2p_studio.engine.threads import use_threads_for

T = TypeVar("T")
M = TypeVar("M", CLIPTextModel, CLIPTextModelWithProjection)
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


class ModelKind(str, enum.Enum):
    """The model families the engine tells apart (shown in the app, recorded in recipes)."""

    SD1 = "sd1"
    SD2 = "sd2"
    SDXL = "sdxl"


#: SDXL's micro-conditioning: original size (h, w), crop top-left (y, x), target size (h, w).
TIME_IDS = 6


@dataclass
class LoadedModel:
    """The components of an SD-shaped model plus the facts the engine reads from them.

    SDXL models have a second text encoder (``text_encoder_2``, with a projection: the pooled
    embedding) and its tokenizer. Text is encoded to an :class:`inversion.Conditioning`: the token
    states of both encoders side by side, the pooled embedding and the photo's time ids.
    """

    name: str
    tokenizer: CLIPTokenizer
    text_encoder: CLIPTextModel
    unet: UNet2DConditionModel
    vae: AutoencoderKL
    scheduler_config: dict[str, Any]
    device: torch.device
    dtype: torch.dtype
    fingerprint: str = field(default="")
    text_encoder_2: CLIPTextModelWithProjection | None = None
    tokenizer_2: CLIPTokenizer | None = None
    #: SDXL: the unconditional text states are zeros rather than the empty caption's (its config).
    zero_empty_prompt: bool = False
    #: Where the text encoders wait between encodings when that is not :attr:`device` (SDXL on a
    #: GPU: the CPU, which leaves their 1.6 GB of GPU memory to the UNet's activations).
    text_home: torch.device | None = None

    def __post_init__(self) -> None:
        if not self.fingerprint:
            self.fingerprint = model_fingerprint(self)

    @property
    def threads(self) -> int:
        """CPU threads torch uses (set per model when it was loaded: :mod:`p2p_studio.engine.threads`)."""
        return torch.get_num_threads()

    @property
    def kind(self) -> ModelKind:
        if self.text_encoder_2 is not None:
            return ModelKind.SDXL
        if self.prediction_type == "v_prediction" or int(self.text_encoder.config.hidden_size) == 1024:
            return ModelKind.SD2  # v-prediction, or the OpenCLIP ViT-H text encoder of SD 2.x
        return ModelKind.SD1

    def time_ids(self, original_hw: tuple[int, int], target_hw: tuple[int, int]) -> torch.Tensor | None:
        """SDXL's ``add_time_ids`` for a photo of *original_hw* worked at *target_hw*, crop (0, 0);
        ``None`` for models without that conditioning."""
        if self.text_encoder_2 is None:
            return None
        return torch.tensor([[*original_hw, 0, 0, *target_hw]], dtype=torch.float32)

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
    def encode_ids(self, ids: torch.Tensor, time_ids: torch.Tensor | None = None) -> Conditioning:
        """Token ids ``(n, max_tokens)`` -> fp32 conditioning: token states ``(n, max_tokens, width)``.

        SDXL: both encoders' penultimate hidden states side by side, the pooled embedding (the
        second encoder's projected output), as ``StableDiffusionXLPipeline.encode_prompt`` does,
        and *time_ids* (see :meth:`time_ids`).
        """
        ids = ids.to(self.device)
        if self.text_encoder_2 is None:
            out: torch.Tensor = self.text_encoder(ids, return_dict=False)[0]
            return Conditioning(out.float())
        with self._text_encoders_on_device():
            first = self.text_encoder(ids, output_hidden_states=True).hidden_states[-2]
            second = self.text_encoder_2(self._second_ids(ids), output_hidden_states=True)
        states = torch.cat([first.float(), second.hidden_states[-2].float()], dim=-1)
        return Conditioning(states, second.text_embeds.float(), time_ids)

    @contextmanager
    def _text_encoders_on_device(self) -> Iterator[None]:
        """The text encoders on :attr:`device` while encoding, back at :attr:`text_home` after."""
        encoders = [e for e in (self.text_encoder, self.text_encoder_2) if e is not None]
        if self.text_home is None:
            yield
            return
        for encoder in encoders:
            encoder.to(self.device)
        try:
            yield
        finally:
            for encoder in encoders:
                encoder.to(self.text_home)
            if self.device.type == "cuda":
                torch.cuda.empty_cache()

    def _second_ids(self, ids: torch.Tensor) -> torch.Tensor:
        """The ids the second tokenizer gives: the same words, its own padding after the end token."""
        assert self.tokenizer_2 is not None
        pad = self.tokenizer_2.pad_token_id
        if pad is None or pad == self.tokenizer.pad_token_id:
            return ids
        eos = ids == self.tokenizer.eos_token_id
        after_end = (eos.int().cumsum(dim=1) - eos.int()) > 0  # every position after the first end token
        return torch.where(after_end, torch.full_like(ids, pad), ids)

    def empty_embedding(self, time_ids: torch.Tensor | None = None) -> Conditioning:
        """The unconditional conditioning: the empty caption's, or zeros where the model says so."""
        ids = self.tokenizer("", padding="max_length", max_length=self.max_tokens, return_tensors="pt").input_ids
        empty = self.encode_ids(ids, time_ids)
        if not self.zero_empty_prompt:
            return empty
        return Conditioning(torch.zeros_like(empty.states),
                            None if empty.pooled is None else torch.zeros_like(empty.pooled), time_ids)

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
    parts = [model.unet.config, model.vae.config, model.text_encoder.config.to_dict(), model.scheduler_config]
    if model.text_encoder_2 is not None:
        parts.append(model.text_encoder_2.config.to_dict())
    for part in parts:
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
    _refuse_refiner(folder)
    components = {**COMPONENTS, **(SDXL_COMPONENTS if _is_sdxl_folder(folder) else {})}
    for component, configs in components.items():
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


def _model_index(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads((folder / "model_index.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _is_sdxl_folder(folder: Path) -> bool:
    return (folder / "text_encoder_2").is_dir() or "XL" in str(_model_index(folder).get("_class_name", ""))


def _refuse_refiner(folder: Path) -> None:
    """SDXL refiners denoise another model's output (one text encoder, aesthetic-score conditioning)."""
    index = _model_index(folder)
    first = index.get("text_encoder")
    no_first = isinstance(first, list) and first[:1] == [None]
    if index.get("requires_aesthetics_score") or ("XL" in str(index.get("_class_name", "")) and no_first):
        raise _refiner_refused(str(folder))


def _refiner_refused(name: str) -> ModelError:
    return ModelError(f"{name} is an SDXL refiner, which only refines another model's output; use an SDXL base "
                      f"model (e.g. {BASE_CONFIGS[ModelKind.SDXL]}) or one of its fine-tunes")


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
    checkpoint; without it they are looked up in the local hub cache only, and a missing one is an
    error that names the command that fetches it (diffusers would download it silently).
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
    tokenizer = _component(folder, "tokenizer", lambda: CLIPTokenizer.from_pretrained(folder, subfolder="tokenizer"))
    text_encoder = _text_encoder(CLIPTextModel, folder, "text_encoder", dtype, safe)
    unet = _component(folder, "unet", lambda: UNet2DConditionModel.from_pretrained(
        folder, subfolder="unet", torch_dtype=dtype, use_safetensors=safe))
    # The VAE stays in fp32: SD VAEs overflow to black or NaN images in fp16.
    vae = _component(folder, "vae", lambda: AutoencoderKL.from_pretrained(
        folder, subfolder="vae", torch_dtype=torch.float32, use_safetensors=safe))
    scheduler_config = _component(folder, "scheduler",
                                  lambda: dict(DDIMScheduler.load_config(folder, subfolder="scheduler")))
    second = None
    if _is_sdxl_folder(folder):
        second = (_component(folder, "tokenizer_2",
                             lambda: CLIPTokenizer.from_pretrained(folder, subfolder="tokenizer_2")),
                  _text_encoder(CLIPTextModelWithProjection, folder, "text_encoder_2", dtype, safe))
    zero_empty = bool(_model_index(folder).get("force_zeros_for_empty_prompt", second is not None))
    return _assemble(name, tokenizer, text_encoder, unet, vae, scheduler_config, device, dtype, second, zero_empty)


def _component(folder: Path, part: str, load: Callable[[], T]) -> T:
    """Load one component of a model folder; any failure is one :class:`ModelError` naming it."""
    try:
        return load()
    except ModelError:
        raise
    except Exception as exc:  # the libraries raise many types (RuntimeError for a size mismatch)
        raise ModelError(f"could not read the {part} of the model in {folder}: {_mismatch(exc)}") from exc


def _text_encoder(cls: type[M], folder: Path, part: str, dtype: torch.dtype, safe: bool | None) -> M:
    """A text encoder whose every weight came from its file: transformers fills weights that its
    config.json asks for but the file lacks with random values, silently; that is refused here."""
    model, info = _component(folder, part, lambda: cls.from_pretrained(
        folder, subfolder=part, dtype=dtype, use_safetensors=safe, output_loading_info=True,
        ignore_mismatched_sizes=True))  # reported below, with the weights' names, instead of a RuntimeError
    missing = sorted(info.get("missing_keys", ())) + sorted(str(k[0] if isinstance(k, tuple) else k)
                                                            for k in info.get("mismatched_keys", ()))
    if missing:
        raise ModelError(f"could not read the {part} of the model in {folder}: its config.json does not match its "
                         f"weights ({len(missing)} weights missing or of another shape, e.g. {missing[0]})")
    return model


def _mismatch(exc: BaseException) -> str:
    """The informative line of a loading error: a size-mismatch line if there is one, else the first."""
    lines = [line.strip(" |-") for line in str(exc).splitlines() if line.strip()]
    found = next((line for line in lines if "mismatch" in line.lower() or "expected shape" in line), None)
    line = found if found is not None else _first_line(exc)
    return line.split(". If you want", 1)[0].replace("Cannot load  because ", "")[:300]


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
    from diffusers import StableDiffusionPipeline, StableDiffusionXLPipeline

    kind = _single_file_kind(path)
    sdxl = kind is ModelKind.SDXL
    kwargs: dict[str, Any] = {"torch_dtype": dtype}
    if not sdxl:
        kwargs.update(safety_checker=None, requires_safety_checker=False)
    base = BASE_CONFIGS[kind]
    # diffusers would fetch missing configs from the hub by itself: we never download silently
    found = config or _cached_configs(base)
    if found is None:
        raise ModelError(f"{path.name} needs its model's configs: pass --model-config FOLDER (a diffusers folder "
                         f"of the same model family), or fetch them once with "
                         f"`hf download {base} --include '*.json' '*.txt'`")
    kwargs["config"] = found
    try:
        pipeline = StableDiffusionXLPipeline if sdxl else StableDiffusionPipeline
        pipe = pipeline.from_single_file(str(path), **kwargs)
    except Exception as exc:  # diffusers raises many types for unreadable checkpoints
        raise ModelError(
            f"could not load checkpoint {path.name}: {_first_line(exc)} "
            "(is --model-config a diffusers folder of the same model family?)"
        ) from exc
    second = (pipe.tokenizer_2, pipe.text_encoder_2) if sdxl else None
    zero_empty = bool(getattr(pipe.config, "force_zeros_for_empty_prompt", False)) if sdxl else False
    return _assemble(
        str(path), pipe.tokenizer, pipe.text_encoder, pipe.unet, pipe.vae.to(torch.float32),
        dict(pipe.scheduler.config), device, dtype, second, zero_empty,
    )


#: The hub repository whose configs describe each single-file family.
BASE_CONFIGS: dict[ModelKind, str] = {
    ModelKind.SD1: "stable-diffusion-v1-5/stable-diffusion-v1-5",
    ModelKind.SD2: "stabilityai/stable-diffusion-2-1",
    ModelKind.SDXL: "stabilityai/stable-diffusion-xl-base-1.0",
}
#: Keys that tell single-file checkpoints apart (the LDM layout names of their text encoders).
SDXL_KEY = "conditioner.embedders.1.model.positional_embedding"
SDXL_REFINER_KEY = "conditioner.embedders.0.model.text_projection"
SD2_KEY = "cond_stage_model.model.positional_embedding"  # SD 2.x's OpenCLIP text encoder


def _cached_configs(repo_id: str) -> str | None:
    """The configs of *repo_id* if the local hub cache has them (nothing is downloaded)."""
    from huggingface_hub import snapshot_download

    try:
        return str(snapshot_download(repo_id, allow_patterns=["*.json", "*.txt"], local_files_only=True))
    except Exception:  # not cached
        return None


def _single_file_kind(path: Path) -> ModelKind:
    """The family of a checkpoint from its key names (a ``.safetensors`` header only; pickles are
    taken for SD 1.x); refiners are refused."""
    if path.suffix.lower() != ".safetensors":
        return ModelKind.SD1
    from safetensors import safe_open

    try:
        with safe_open(str(path), framework="pt") as f:
            keys = set(f.keys())
    except Exception as exc:  # not a safetensors file, or a damaged header
        raise ModelError(f"could not load checkpoint {path.name}: {_first_line(exc)}") from exc
    if SDXL_REFINER_KEY in keys and SDXL_KEY not in keys:
        raise _refiner_refused(path.name)
    if SDXL_KEY in keys:
        return ModelKind.SDXL
    return ModelKind.SD2 if SD2_KEY in keys else ModelKind.SD1


def _assemble(
    name: str,
    tokenizer: CLIPTokenizer,
    text_encoder: CLIPTextModel,
    unet: UNet2DConditionModel,
    vae: AutoencoderKL,
    scheduler_config: dict[str, Any],
    device: torch.device,
    dtype: torch.dtype,
    second: tuple[CLIPTokenizer, CLIPTextModelWithProjection] | None = None,
    zero_empty_prompt: bool = False,
) -> LoadedModel:
    train = scheduler_config.get("num_train_timesteps")
    if isinstance(train, bool) or not isinstance(train, int) or train < 1:
        raise ModelError(f"{name}: the scheduler config is invalid (num_train_timesteps = {train!r})")
    prediction = scheduler_config.get("prediction_type", "epsilon")
    if prediction not in PREDICTION_TYPES:
        raise ModelError(f"{name}: unsupported prediction type {prediction!r}")
    if scheduler_config.get("rescale_betas_zero_snr") is True and prediction == "epsilon":
        raise ModelError(f"{name}: the scheduler has zero terminal SNR (rescale_betas_zero_snr: true) with epsilon "
                         "prediction, which cannot denoise its noisiest level; such models use v-prediction "
                         "(prediction_type: v_prediction in scheduler/scheduler_config.json)")
    tokenizer_2, text_encoder_2 = second if second is not None else (None, None)
    _check_conditioning(name, unet, text_encoder, text_encoder_2)
    if tokenizer_2 is not None:
        _check_tokenizers_agree(name, tokenizer, tokenizer_2)
    for module in (text_encoder, unet, vae, text_encoder_2):
        if module is not None:
            module.requires_grad_(False).eval()
    use_threads_for(unet, device)
    home = torch.device("cpu") if text_encoder_2 is not None and device.type == "cuda" else None
    text_device = home or device
    return LoadedModel(
        name=name,
        tokenizer=tokenizer,
        text_encoder=text_encoder.to(text_device),
        unet=unet.to(device),
        vae=vae.to(device),
        scheduler_config=scheduler_config,
        device=device,
        dtype=dtype,
        text_encoder_2=text_encoder_2.to(text_device) if text_encoder_2 is not None else None,
        tokenizer_2=tokenizer_2,
        zero_empty_prompt=zero_empty_prompt,
        text_home=home,
    )


def _check_conditioning(name: str, unet: UNet2DConditionModel, first: CLIPTextModel,
                        second: CLIPTextModelWithProjection | None) -> None:
    """The UNet must take what the text encoders give: their widths, and SDXL's pooled + time ids."""
    widths = int(first.config.hidden_size) + (int(second.config.hidden_size) if second is not None else 0)
    if int(unet.config.cross_attention_dim) != widths:
        raise ModelError(f"{name}: the UNet expects text states of width {unet.config.cross_attention_dim}, "
                         f"the text encoders give {widths}")
    text_time = unet.config.addition_embed_type == "text_time"
    if text_time != (second is not None):
        raise ModelError(f"{name}: an SDXL UNet needs SDXL's two text encoders (and only it does)")
    if second is not None:
        expected = TIME_IDS * int(unet.config.addition_time_embed_dim) + int(second.config.projection_dim)
        added = int(unet.config.projection_class_embeddings_input_dim)
        if added != expected:
            raise ModelError(f"{name}: the UNet's added conditioning ({added} values) is not SDXL's pooled "
                             f"embedding and {TIME_IDS} time ids ({expected})")


def _check_tokenizers_agree(name: str, first: CLIPTokenizer, second: CLIPTokenizer) -> None:
    """Token alignment uses the first tokenizer for both encoders: the two must split words alike."""
    same = (first.get_vocab() == second.get_vocab() and first.bos_token_id == second.bos_token_id
            and first.eos_token_id == second.eos_token_id)
    if not same:
        raise ModelError(f"{name}: the two tokenizers of this SDXL model differ, so one token alignment cannot "
                         "serve both text encoders")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
