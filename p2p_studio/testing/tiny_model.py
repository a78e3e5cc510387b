"""Write a tiny Stable-Diffusion-shaped diffusers folder with random weights.

``python -m p2p_studio.testing.tiny_model OUT_DIR [--v-prediction | --sdxl] [--seed N] [--single-file FILE]``

The model has every component and code path of SD 1.x/2.x (VAE, CLIP text encoder with the real
CLIP tokenizer, cross-attention UNet with four resolutions, DDIM scheduler) but is small enough
for CPU tests. ``--sdxl`` writes the SDXL layout instead: two text encoders (the second with a
projection, both with the real CLIP tokenizer), a ``text_time`` UNet without attention at the top
level and with transformer blocks of several depths. Random weights are made *well-conditioned*
so that inversion is testable:

* the VAE scaling factor is measured so latents have unit variance, as in real SD;
* the UNet output layer is scaled down, so the model's prediction changes slowly along the DDIM
  trajectory (the assumption DDIM inversion makes), while the text still steers it;
* cross-attention logits are sharpened so each word attends to some regions more than others,
  which gives local-blend masks that cover part of the image, as with a trained model.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from diffusers import (
    AutoencoderKL,
    DDIMScheduler,
    StableDiffusionPipeline,
    StableDiffusionXLPipeline,
    UNet2DConditionModel,
)
from transformers import CLIPTextConfig, CLIPTextModel, CLIPTextModelWithProjection

from p2p_studio.testing.clip_tokenizer import clip_tokenizer


@dataclass(frozen=True)
class TinySpec:
    """Shape of the tiny model. Sizes deliberately differ from SD's (no 512/77/64 anywhere)."""

    image_size: int = 128
    max_tokens: int = 32
    text_width: int = 32
    unet_channels: tuple[int, ...] = (32, 32, 64, 64)
    vae_channels: tuple[int, ...] = (8, 16, 16)
    heads: int = 4
    output_scale: float = 0.05
    #: Cross-attention logits are multiplied by this, so maps vary over the image as in a
    #: trained model (random weights give near-uniform maps, and so trivial blend masks).
    cross_sharpness: float = 12.0
    v_prediction: bool = False
    seed: int = 0
    #: SDXL layout (two text encoders, ``text_time`` conditioning, several transformer depths).
    sdxl: bool = False
    #: SDXL: the second text encoder's width and its projection (the pooled embedding's size).
    text_width_2: int = 48
    projection_dim: int = 24
    #: SDXL: transformer blocks per UNet level (the top level has no attention).
    transformer_depths: tuple[int, ...] = (1, 1, 2)
    time_embed_dim: int = 8


def _text_config(spec: TinySpec, width: int, **extra: int) -> CLIPTextConfig:
    return CLIPTextConfig(
        vocab_size=49408,
        hidden_size=width,
        intermediate_size=2 * width,
        num_hidden_layers=2,
        num_attention_heads=spec.heads,
        max_position_embeddings=spec.max_tokens,
        bos_token_id=49406,
        eos_token_id=49407,
        pad_token_id=49407,
        **extra,
    )


def _text_encoder(spec: TinySpec) -> CLIPTextModel:
    return CLIPTextModel(_text_config(spec, spec.text_width))


def _vae(spec: TinySpec) -> AutoencoderKL:
    n = len(spec.vae_channels)
    return AutoencoderKL(
        in_channels=3,
        out_channels=3,
        down_block_types=("DownEncoderBlock2D",) * n,
        up_block_types=("UpDecoderBlock2D",) * n,
        block_out_channels=spec.vae_channels,
        latent_channels=4,
        layers_per_block=1,
        norm_num_groups=8,
        sample_size=spec.image_size,
    )


def _unet(spec: TinySpec, latent_size: int) -> UNet2DConditionModel:
    n = len(spec.unet_channels)
    unet = UNet2DConditionModel(
        sample_size=latent_size,
        in_channels=4,
        out_channels=4,
        layers_per_block=1,
        block_out_channels=spec.unet_channels,
        down_block_types=("CrossAttnDownBlock2D",) * (n - 1) + ("DownBlock2D",),
        up_block_types=("UpBlock2D",) + ("CrossAttnUpBlock2D",) * (n - 1),
        cross_attention_dim=spec.text_width,
        attention_head_dim=spec.heads,
        norm_num_groups=8,
    )
    _condition(unet, spec)
    return unet


def _sdxl_unet(spec: TinySpec, latent_size: int) -> UNet2DConditionModel:
    n = len(spec.transformer_depths)
    channels = spec.unet_channels[:n]
    unet = UNet2DConditionModel(
        sample_size=latent_size,
        in_channels=4,
        out_channels=4,
        layers_per_block=1,
        block_out_channels=channels,
        down_block_types=("DownBlock2D",) + ("CrossAttnDownBlock2D",) * (n - 1),
        up_block_types=("CrossAttnUpBlock2D",) * (n - 1) + ("UpBlock2D",),
        transformer_layers_per_block=spec.transformer_depths,
        cross_attention_dim=spec.text_width + spec.text_width_2,
        attention_head_dim=spec.heads,
        use_linear_projection=True,
        addition_embed_type="text_time",
        addition_time_embed_dim=spec.time_embed_dim,
        projection_class_embeddings_input_dim=6 * spec.time_embed_dim + spec.projection_dim,
        norm_num_groups=8,
    )
    _condition(unet, spec)
    return unet


def _condition(unet: UNet2DConditionModel, spec: TinySpec) -> None:
    """Slow-changing output and sharp cross-attention (see the module docstring)."""
    with torch.no_grad():
        unet.conv_out.weight.mul_(spec.output_scale)
        unet.conv_out.bias.mul_(spec.output_scale)
        gain = spec.cross_sharpness**0.5
        for name, module in unet.named_modules():
            if name.endswith("attn2"):
                module.to_q.weight.mul_(gain)
                module.to_k.weight.mul_(gain)


def _scheduler(spec: TinySpec) -> DDIMScheduler:
    return DDIMScheduler(
        num_train_timesteps=1000,
        beta_start=0.00085,
        beta_end=0.012,
        beta_schedule="scaled_linear",
        clip_sample=False,
        set_alpha_to_one=False,
        steps_offset=1,
        prediction_type="v_prediction" if spec.v_prediction else "epsilon",
    )


def _calibration_images(size: int) -> torch.Tensor:
    """Real photos from scikit-image when available, else smooth random images, in [-1, 1]."""
    try:
        from skimage import data

        photos = [data.astronaut(), data.chelsea(), data.coffee()]
    except ImportError:  # pragma: no cover - scikit-image is a test dependency
        rng = np.random.default_rng(0)
        photos = [(rng.random((8, 8, 3)) * 255).astype(np.uint8) for _ in range(3)]
    tensors = []
    for photo in photos:
        t = torch.from_numpy(np.ascontiguousarray(photo)).permute(2, 0, 1)[None].float() / 127.5 - 1
        tensors.append(torch.nn.functional.interpolate(t, size=(size, size), mode="area"))
    return torch.cat(tensors)


@torch.no_grad()
def _latent_scaling_factor(vae: AutoencoderKL, size: int) -> float:
    latents = vae.encode(_calibration_images(size)).latent_dist.mean
    return float(f"{1.0 / latents.std().item():.5g}")


def build_tiny_pipeline(spec: TinySpec = TinySpec()) -> StableDiffusionPipeline | StableDiffusionXLPipeline:
    """Build the tiny pipeline in memory (deterministic for a given spec)."""
    torch.manual_seed(spec.seed)
    vae = _vae(spec)
    vae_scale = 2 ** (len(spec.vae_channels) - 1)
    vae.register_to_config(scaling_factor=_latent_scaling_factor(vae, spec.image_size))
    if spec.sdxl:
        return StableDiffusionXLPipeline(
            vae=vae,
            text_encoder=_text_encoder(spec),
            text_encoder_2=CLIPTextModelWithProjection(
                _text_config(spec, spec.text_width_2, projection_dim=spec.projection_dim)),
            tokenizer=clip_tokenizer(spec.max_tokens),
            tokenizer_2=clip_tokenizer(spec.max_tokens, pad="!"),
            unet=_sdxl_unet(spec, spec.image_size // vae_scale),
            scheduler=_scheduler(spec),
            force_zeros_for_empty_prompt=True,
        )
    text_encoder = _text_encoder(spec)
    unet = _unet(spec, spec.image_size // vae_scale)
    return StableDiffusionPipeline(
        vae=vae,
        text_encoder=text_encoder,
        tokenizer=clip_tokenizer(spec.max_tokens),
        unet=unet,
        scheduler=_scheduler(spec),
        safety_checker=None,
        feature_extractor=None,
        requires_safety_checker=False,
    )


def write_tiny_model(out_dir: Path, spec: TinySpec = TinySpec()) -> Path:
    """Write the tiny model as a diffusers folder (safetensors) and return its path."""
    out_dir = Path(out_dir)
    pipe = build_tiny_pipeline(spec)
    pipe.save_pretrained(out_dir, safe_serialization=True)
    return out_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--v-prediction", action="store_true", help="SD 2.x-style v-prediction")
    parser.add_argument("--sdxl", action="store_true", help="the SDXL layout (two text encoders, text_time UNet)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--single-file", type=Path, metavar="FILE",
                        help="also write an original-layout .safetensors checkpoint (SD 1.x or SDXL layout; "
                        "load it with --model FILE --model-config OUT_DIR)")
    args = parser.parse_args(argv)
    if args.single_file and args.v_prediction:
        parser.error("--single-file exports the SD 1.x and SDXL layouts; it cannot be combined with --v-prediction")
    if args.sdxl and args.v_prediction:
        parser.error("--sdxl and --v-prediction cannot be combined")
    spec = TinySpec(v_prediction=args.v_prediction, seed=args.seed, sdxl=args.sdxl)
    path = write_tiny_model(args.out_dir, spec)
    print(path)
    if args.single_file:
        from p2p_studio.testing.single_file import export_single_file

        print(export_single_file(path, args.single_file))
    return 0


if __name__ == "__main__":
    sys.exit(main())
