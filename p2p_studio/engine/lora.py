"""LoRAs (``.safetensors``): checked against the model, then fused into its weights.

diffusers' LoRA loading (with peft) reads every common format - diffusers', peft's, kohya's -
into one naming; before anything is loaded, each of its layers must name a module of this model
with the LoRA's input and output widths, so a LoRA for another model family is refused in one
line instead of being half applied (peft skips unknown layers with a warning) or failing deep in
a load. Fused LoRAs cost nothing per step.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import torch

from p2p_studio.core.errors import ModelError, first_line
from p2p_studio.core.files import file_sha256
from p2p_studio.core.settings import LoraChoice
from p2p_studio.core.text import Message
from p2p_studio.engine.model import LoadedLora, LoadedModel

_KEY = re.compile(r"^(unet|text_encoder|text_encoder_2)\.(.+?)\.(?:lora(?:_linear_layer)?\.(down|up)|lora_(A|B))"
                  r"(?:\.[^.]+)?\.weight$")
#: Layers of these kinds take a LoRA (their widths are what the check compares).
_WIDTHS = {torch.nn.Linear: ("in_features", "out_features"), torch.nn.Conv2d: ("in_channels", "out_channels")}


def apply_loras(model: LoadedModel, loras: Sequence[LoraChoice]) -> tuple[LoadedLora, ...]:
    """Fuse *loras* into *model*'s weights, each at its scale; a file that is missing, unreadable
    or made for another model is one :class:`ModelError` line, raised before any is fused."""
    if not loras:
        return ()
    pipe = _pipeline(model)
    loaded, paths = [], []
    for lora in loras:
        path = Path(lora.path).expanduser()
        if not path.is_file():
            raise ModelError("LoRA {name}: no such file ({path})", name=lora.name, path=path)
        try:
            state, _alphas = pipe.lora_state_dict(str(path))
        except Exception as exc:  # safetensors and the format converters raise many types
            raise ModelError("LoRA {name} could not be read: {reason}",
                             name=lora.name, reason=first_line(exc)) from None
        check_fits(model, lora.name, state)
        loaded.append(LoadedLora(lora.name, file_sha256(path), lora.scale))
        paths.append(path)
    names = [f"lora{i}" for i in range(len(loras))]
    for lora, path, adapter in zip(loras, paths, names, strict=True):
        try:
            pipe.load_lora_weights(str(path), adapter_name=adapter)
        except Exception as exc:
            raise ModelError("LoRA {name} could not be loaded: {reason}",
                             name=lora.name, reason=first_line(exc)) from None
    pipe.set_adapters(names, adapter_weights=[lora.scale for lora in loras])
    pipe.fuse_lora(adapter_names=names, lora_scale=1.0)
    pipe.unload_lora_weights()
    return tuple(loaded)


def check_fits(model: LoadedModel, name: str, state: dict[str, torch.Tensor]) -> None:
    """Raise :class:`ModelError` unless every LoRA layer in *state* fits a layer of *model*."""
    components: dict[str, torch.nn.Module | None] = {
        "unet": model.unet, "text_encoder": model.text_encoder, "text_encoder_2": model.text_encoder_2}
    layers = 0
    for key, tensor in state.items():
        match = _KEY.match(key)
        if match is None:
            continue
        part, module_path, up_down, a_b = match.groups()
        layers += 1
        problem = _misfit(components[part], module_path, tensor, (up_down or a_b) in ("down", "A"))
        if problem:
            raise ModelError("LoRA {name} does not fit this model ({kind}): {part}.{module_path} "
                             "{problem} - a LoRA made for another model family?",
                             name=name, kind=model.kind.value, part=part, module_path=module_path, problem=problem)
    if layers == 0:
        raise ModelError("LoRA {name} has no LoRA layers this program can read", name=name)


def _misfit(component: torch.nn.Module | None, path: str, tensor: torch.Tensor, down: bool) -> Message | None:
    """Why a LoRA matrix does not fit the layer at *path* (``None`` when it does)."""
    if component is None:
        return Message.of("is a layer of a second text encoder, which this model does not have")
    try:
        layer = component.get_submodule(path)
    except AttributeError:
        return Message.of("is not a layer of this model")
    widths = next((w for cls, w in _WIDTHS.items() if isinstance(layer, cls)), None)
    if widths is None:
        return Message.of("is a {layer}, which takes no LoRA", layer=type(layer).__name__)
    want = int(getattr(layer, widths[0] if down else widths[1]))
    have = int(tensor.shape[1] if down else tensor.shape[0])
    if want != have:
        if down:
            return Message.of("has {want} inputs, the LoRA {have}", want=want, have=have)
        return Message.of("has {want} outputs, the LoRA {have}", want=want, have=have)
    return None


def _pipeline(model: LoadedModel) -> Any:
    """A diffusers pipeline around the model's components, for its LoRA loading."""
    from diffusers import DDIMScheduler, StableDiffusionPipeline, StableDiffusionXLPipeline

    scheduler = DDIMScheduler()
    if model.text_encoder_2 is not None:
        return StableDiffusionXLPipeline(
            vae=model.vae, text_encoder=model.text_encoder, text_encoder_2=model.text_encoder_2,
            tokenizer=model.tokenizer, tokenizer_2=model.tokenizer_2, unet=model.unet, scheduler=scheduler)
    return StableDiffusionPipeline(
        vae=model.vae, text_encoder=model.text_encoder, tokenizer=model.tokenizer, unet=model.unet,
        scheduler=scheduler, safety_checker=None, feature_extractor=None, requires_safety_checker=False)
