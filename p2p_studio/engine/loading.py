"""Loading Stable Diffusion models (hub id, diffusers folder, single file) into a
:class:`~p2p_studio.engine.model.LoadedModel`, component by component, with every check that
the parts fit together. Where models come from: :mod:`p2p_studio.engine.sources`; devices and
precision: :mod:`p2p_studio.engine.devices`; the sizes the engine reads from a model:
:mod:`p2p_studio.engine.model`.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import torch
from diffusers import AutoencoderKL, DDIMScheduler, UNet2DConditionModel
from transformers import CLIPTextModel, CLIPTextModelWithProjection, CLIPTokenizer

from inversion import PREDICTION_TYPES, Sampler
from p2p_studio.core.errors import ModelError, first_line
from p2p_studio.core.resources import DEMO_MODEL, ResourceMissingError, resolve_model
from p2p_studio.core.settings import ModelChoice
from p2p_studio.engine.devices import pick_device, pick_dtype
from p2p_studio.engine.lora import apply_loras
from p2p_studio.engine.model import TIME_IDS, LoadedModel, ModelKind
from p2p_studio.engine.sources import (
    BASE_CONFIGS,
    PICKLE_SUFFIXES,
    cached_configs,
    cached_snapshot,
    check_model_folder,
    hub_snapshot,
    is_sdxl_folder,
    looks_like_path,
    model_index,
    single_file_kind,
)
from p2p_studio.engine.threads import use_threads_for

T = TypeVar("T")
M = TypeVar("M", CLIPTextModel, CLIPTextModelWithProjection)


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
        raise ModelError("the built-in demo model is missing ({reason}); reinstall P2P Studio", reason=exc) from exc
    path = Path(spec).expanduser()
    if path.is_dir():
        check_model_folder(path, allow_pickle)
        return _load_folder(path, spec, dev, dtype, allow_pickle)
    if path.is_file():
        return _load_single_file(path, dev, dtype, allow_pickle, config)
    if looks_like_path(spec):
        raise ModelError("no model file or folder at {spec}", spec=spec)
    folder = hub_snapshot(spec, tqdm_class)
    check_model_folder(folder, allow_pickle)
    return _load_folder(folder, spec, dev, dtype, allow_pickle)


def load_choice(choice: ModelChoice, tqdm_class: Any = None) -> LoadedModel:
    """:func:`load_model` for a validated :class:`ModelChoice`, its LoRAs fused and its sampler
    resolved."""
    choice.validate()
    model = load_model(choice.spec, choice.device, choice.precision, choice.allow_pickle, choice.config, tqdm_class)
    loras = apply_loras(model, choice.loras)
    sampler = resolve_sampler(choice.sampler, model.scheduler_config, [lora.path for lora in choice.loras])
    return dataclasses.replace(model, sampler=sampler.value, loras=loras, fingerprint="")


def resolve_sampler(name: str, scheduler_config: dict[str, Any], lora_paths: Sequence[str] = ()) -> Sampler:
    """The sampler *name* stands for: ``auto`` is LCM with an LCM-LoRA (its file name says ``lcm``,
    or its folder's does, as the hub's ``lcm-lora-sdv1-5/pytorch_lora_weights.safetensors``), else
    the model's own."""
    if name != "auto":
        return Sampler(name)
    if any("lcm" in part.lower() for lora in lora_paths for part in Path(lora).parts[-4:]):
        return Sampler.LCM
    return Sampler.of(scheduler_config)


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
    if folder is None and not path.exists() and not looks_like_path(spec):
        folder = cached_snapshot(spec)
    if folder is None:
        return None
    try:
        tokenizer = CLIPTokenizer.from_pretrained(folder, subfolder="tokenizer")
        encoder = json.loads((folder / "text_encoder" / "config.json").read_text(encoding="utf-8"))
        limit = int(encoder["max_position_embeddings"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return TokenizerOnly(tokenizer, min(int(tokenizer.model_max_length), limit))


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
    if is_sdxl_folder(folder):
        second = (_component(folder, "tokenizer_2",
                             lambda: CLIPTokenizer.from_pretrained(folder, subfolder="tokenizer_2")),
                  _text_encoder(CLIPTextModelWithProjection, folder, "text_encoder_2", dtype, safe))
    zero_empty = bool(model_index(folder).get("force_zeros_for_empty_prompt", second is not None))
    return _assemble(name, tokenizer, text_encoder, unet, vae, scheduler_config, device, dtype, second, zero_empty)


def _component(folder: Path, part: str, load: Callable[[], T]) -> T:
    """Load one component of a model folder; any failure is one :class:`ModelError` naming it."""
    try:
        return load()
    except ModelError:
        raise
    except Exception as exc:  # the libraries raise many types (RuntimeError for a size mismatch)
        raise ModelError("could not read the {part} of the model in {folder}: {reason}",
                         part=part, folder=folder, reason=_mismatch(exc)) from exc


def _text_encoder(cls: type[M], folder: Path, part: str, dtype: torch.dtype, safe: bool | None) -> M:
    """A text encoder whose every weight came from its file: transformers fills weights that its
    config.json asks for but the file lacks with random values, silently; that is refused here."""
    model, info = _component(folder, part, lambda: cls.from_pretrained(
        folder, subfolder=part, dtype=dtype, use_safetensors=safe, output_loading_info=True,
        ignore_mismatched_sizes=True))  # reported below, with the weights' names, instead of a RuntimeError
    missing = sorted(info.get("missing_keys", ())) + sorted(str(k[0] if isinstance(k, tuple) else k)
                                                            for k in info.get("mismatched_keys", ()))
    if missing:
        raise ModelError("could not read the {part} of the model in {folder}: its config.json does "
                         "not match its weights ({count} weights missing or of another shape, e.g. "
                         "{missing})",
                         part=part, folder=folder, count=len(missing), missing=missing[0])
    return model


def _mismatch(exc: BaseException) -> str:
    """The informative line of a loading error: a size-mismatch line if there is one, else the first."""
    lines = [line.strip(" |-") for line in str(exc).splitlines() if line.strip()]
    found = next((line for line in lines if "mismatch" in line.lower() or "expected shape" in line), None)
    line = found if found is not None else first_line(exc)
    return line.split(". If you want", 1)[0].replace("Cannot load  because ", "")[:300]


def _load_single_file(
    path: Path, device: torch.device, dtype: torch.dtype, allow_pickle: bool, config: str | None
) -> LoadedModel:
    suffix = path.suffix.lower()
    if suffix in PICKLE_SUFFIXES and not allow_pickle:
        raise ModelError(
            "{name} is a legacy pickle checkpoint, which can run arbitrary code when loaded; use a "
            ".safetensors file, or allow it explicitly (--allow-pickle) if you trust its source",
            name=path.name
        )
    if suffix not in (".safetensors", *PICKLE_SUFFIXES):
        raise ModelError("{name}: expected a diffusers folder, a .safetensors checkpoint or a hub id",
                         name=path.name)
    from diffusers import StableDiffusionPipeline, StableDiffusionXLPipeline

    kind = single_file_kind(path)
    sdxl = kind is ModelKind.SDXL
    kwargs: dict[str, Any] = {"torch_dtype": dtype}
    if not sdxl:
        kwargs.update(safety_checker=None, requires_safety_checker=False)
    base = BASE_CONFIGS[kind]
    # diffusers would fetch missing configs from the hub by itself: we never download silently
    found = config or cached_configs(base)
    if found is None:
        raise ModelError("{name} needs its model's configs: pass --model-config FOLDER (a diffusers "
                         "folder of the same model family), or fetch them once with `hf download "
                         "{base} --include '*.json' '*.txt'`",
                         name=path.name, base=base)
    kwargs["config"] = found
    try:
        pipeline = StableDiffusionXLPipeline if sdxl else StableDiffusionPipeline
        pipe = pipeline.from_single_file(str(path), **kwargs)
    except Exception as exc:  # diffusers raises many types for unreadable checkpoints
        raise ModelError(
            "could not load checkpoint {name}: {reason} (is --model-config a diffusers folder of the "
            "same model family?)", name=path.name, reason=first_line(exc)
        ) from exc
    second = (pipe.tokenizer_2, pipe.text_encoder_2) if sdxl else None
    zero_empty = bool(getattr(pipe.config, "force_zeros_for_empty_prompt", False)) if sdxl else False
    return _assemble(
        str(path), pipe.tokenizer, pipe.text_encoder, pipe.unet, pipe.vae.to(torch.float32),
        dict(pipe.scheduler.config), device, dtype, second, zero_empty,
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
    second: tuple[CLIPTokenizer, CLIPTextModelWithProjection] | None = None,
    zero_empty_prompt: bool = False,
) -> LoadedModel:
    train = scheduler_config.get("num_train_timesteps")
    if isinstance(train, bool) or not isinstance(train, int) or train < 1:
        raise ModelError("{name}: the scheduler config is invalid (num_train_timesteps = {train!r})",
                         name=name, train=train)
    prediction = scheduler_config.get("prediction_type", "epsilon")
    if prediction not in PREDICTION_TYPES:
        raise ModelError("{name}: unsupported prediction type {prediction!r}", name=name, prediction=prediction)
    if scheduler_config.get("rescale_betas_zero_snr") is True and prediction == "epsilon":
        raise ModelError("{name}: the scheduler has zero terminal SNR (rescale_betas_zero_snr: true) "
                         "with epsilon prediction, which cannot denoise its noisiest level; such "
                         "models use v-prediction (prediction_type: v_prediction in "
                         "scheduler/scheduler_config.json)", name=name)
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
        raise ModelError("{name}: the UNet expects text states of width {width}, the "
                         "text encoders give {widths}",
                         name=name, width=unet.config.cross_attention_dim, widths=widths)
    text_time = unet.config.addition_embed_type == "text_time"
    if text_time != (second is not None):
        raise ModelError("{name}: an SDXL UNet needs SDXL's two text encoders (and only it does)", name=name)
    if second is not None:
        expected = TIME_IDS * int(unet.config.addition_time_embed_dim) + int(second.config.projection_dim)
        added = int(unet.config.projection_class_embeddings_input_dim)
        if added != expected:
            raise ModelError("{name}: the UNet's added conditioning ({added} values) is not SDXL's "
                             "pooled embedding and {ids} time ids ({expected})",
                             name=name, added=added, ids=TIME_IDS, expected=expected)


def _check_tokenizers_agree(name: str, first: CLIPTokenizer, second: CLIPTokenizer) -> None:
    """Token alignment uses the first tokenizer for both encoders: the two must split words alike."""
    same = (first.get_vocab() == second.get_vocab() and first.bos_token_id == second.bos_token_id
            and first.eos_token_id == second.eos_token_id)
    if not same:
        raise ModelError("{name}: the two tokenizers of this SDXL model differ, so one token "
                         "alignment cannot serve both text encoders", name=name)


