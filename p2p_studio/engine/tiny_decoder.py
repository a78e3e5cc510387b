"""An optional tiny preview decoder (TAESD): a distilled VAE decoder of about a million weights, for
previews on large models. Never downloaded by the app: ``auto`` takes TAESD from the hub cache
when the user has fetched it (``hf download madebyollin/taesd``; ``…/taesdxl`` for SDXL), and a
folder or hub id can be named instead. Results are always decoded by the model's own VAE.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import torch
from PIL import Image

from p2p_studio.core.text import Message
from p2p_studio.engine.images import to_image
from p2p_studio.engine.model import LoadedModel, ModelKind

#: TAESD's hub repositories per model family (Ollin Boer Bohan's tiny autoencoders).
TAESD_REPOS = {ModelKind.SD1: "madebyollin/taesd", ModelKind.SD2: "madebyollin/taesd",
               ModelKind.SDXL: "madebyollin/taesdxl"}
AUTO, NONE = "auto", "none"


@dataclass(frozen=True)
class TinyDecoder:
    """A loaded tiny decoder: *name* as the user sees it."""

    name: str
    vae: Any  # diffusers.AutoencoderTiny

    def decode(self, latent: torch.Tensor) -> Image.Image:
        """One scaled latent ``(C, h, w)`` (the model's VAE space, as TAESD is trained) as an image."""
        with torch.no_grad():
            scale = float(self.vae.config.scaling_factor)
            first = next(self.vae.parameters())
            out = self.vae.decode(latent[None].to(first.device, first.dtype) / scale).sample
        return to_image(((out[0].float() + 1) / 2).clamp(0, 1).cpu())


def load_tiny_decoder(
    spec: str, model: LoadedModel, hub_cache: str | None = None
) -> tuple[TinyDecoder | None, Message | None]:
    """The preview decoder *spec* names for *model*, and a line when one was asked for and cannot
    serve (``None`` otherwise). ``none``: none. ``auto``: TAESD for the model's family from the hub
    cache (*hub_cache*, default huggingface_hub's), silently none where it is not there. A folder
    or hub id: read from disk or the cache only (never downloaded here)."""
    spec = spec.strip()
    if spec in ("", NONE):
        return None, None
    source = TAESD_REPOS.get(model.kind) if spec == AUTO else spec
    if source is None:
        return None, None
    from diffusers import AutoencoderTiny

    try:
        vae = AutoencoderTiny.from_pretrained(source, local_files_only=True, cache_dir=hub_cache)
    except Exception as exc:  # missing, partial or not a tiny autoencoder: previews use the VAE
        if spec == AUTO:
            return None, None
        return None, Message.of("preview decoder {spec}: cannot be read ({reason}); previews use the model's VAE",
                                spec=spec, reason=type(exc).__name__)
    channels = int(vae.config.latent_channels)
    if channels != model.latent_channels:
        return None, Message.of("preview decoder {spec}: made for {channels}-channel latents, the model has "
                                "{latent}; previews use the model's VAE",
                                spec=source, channels=channels, latent=model.latent_channels)
    vae = vae.to(model.device, model.dtype).eval()
    return TinyDecoder(source, vae), None
