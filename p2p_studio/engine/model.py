"""A loaded model and the facts the engine reads from it (sizes, kind, conditioning, encoding)."""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import torch
from diffusers import AutoencoderKL, UNet2DConditionModel
from transformers import CLIPTextModel, CLIPTextModelWithProjection, CLIPTokenizer

from inversion import Conditioning, Sampler


class ModelKind(str, enum.Enum):
    """The model families the engine tells apart (shown in the app, recorded in recipes)."""

    SD1 = "sd1"
    SD2 = "sd2"
    SDXL = "sdxl"


#: SDXL's micro-conditioning: original size (h, w), crop top-left (y, x), target size (h, w).
TIME_IDS = 6


@dataclass(frozen=True)
class LoadedLora:
    """A LoRA fused into a model: its file name, content hash and scale (what recipes record)."""

    name: str
    sha256: str
    scale: float


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
    #: The sampler runs use (an :class:`inversion.Sampler` value; resolved when the model loads)
    sampler: str = "ddim"
    #: LoRAs fused into the weights (part of the fingerprint)
    loras: tuple[LoadedLora, ...] = ()

    def __post_init__(self) -> None:
        if not self.fingerprint:
            self.fingerprint = model_fingerprint(self)

    @property
    def threads(self) -> int:
        """CPU threads torch uses (set per model when it was loaded: :mod:`p2p_studio.engine.threads`)."""
        return torch.get_num_threads()

    @property
    def stochastic(self) -> bool:
        """Whether the sampler adds noise each step (null-text inversion cannot run then)."""
        return Sampler(self.sampler).stochastic

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
    if model.loras:
        h.update(json.dumps([dataclasses.astuple(lora) for lora in model.loras]).encode())
    tensors = [
        model.unet.conv_in.weight,
        model.unet.conv_out.weight,
        model.vae.decoder.conv_out.weight,
        model.text_encoder.get_input_embeddings().weight[:256],
    ]
    for t in tensors:
        h.update(t.detach().float().cpu().numpy().tobytes())
    return h.hexdigest()[:24]
