"""Export a diffusers SD 1.x or SDXL pipeline as one original-layout (LDM) ``.safetensors`` checkpoint.

This is the format of the single files people download (``v1-5-pruned-emaonly.safetensors``):
``model.diffusion_model.*`` for the UNet, ``first_stage_model.*`` for the VAE and
``cond_stage_model.transformer.*`` for the CLIP text encoder. SDXL files
(``sd_xl_base_1.0.safetensors``) hold the first text encoder under
``conditioner.embedders.0.transformer.*`` and the second, in OpenCLIP's layout (one fused
attention input projection per layer), under ``conditioner.embedders.1.model.*``. Tests use it to prove that the
single-file loading path works end to end, by loading the export back through diffusers'
``from_single_file`` and comparing every weight with the original.
"""

from __future__ import annotations

from pathlib import Path

import torch
from diffusers import AutoencoderKL, UNet2DConditionModel
from safetensors.torch import save_file
from transformers import CLIPTextModel, CLIPTextModelWithProjection

_RESNET_UNET = {
    "norm1": "in_layers.0",
    "conv1": "in_layers.2",
    "norm2": "out_layers.0",
    "conv2": "out_layers.3",
    "time_emb_proj": "emb_layers.1",
    "conv_shortcut": "skip_connection",
}
_TOP_UNET = {
    "time_embedding.linear_1": "time_embed.0",
    "time_embedding.linear_2": "time_embed.2",
    "conv_in": "input_blocks.0.0",
    "conv_norm_out": "out.0",
    "conv_out": "out.2",
    "add_embedding.linear_1": "label_emb.0.0",  # SDXL's pooled text + time ids embedding
    "add_embedding.linear_2": "label_emb.0.2",
}
_VAE_ATTENTION = {"group_norm": "norm", "to_q": "q", "to_k": "k", "to_v": "v", "to_out.0": "proj_out"}


def _unet_prefixes(unet: UNet2DConditionModel) -> dict[str, str]:
    """Map each diffusers module prefix of the UNet to its LDM prefix."""
    per_block = unet.config.layers_per_block
    n = len(unet.config.block_out_channels)
    mapping = dict(_TOP_UNET)
    for i in range(n):
        for j in range(per_block):
            slot = i * (per_block + 1) + j + 1
            mapping[f"down_blocks.{i}.resnets.{j}"] = f"input_blocks.{slot}.0"
            mapping[f"down_blocks.{i}.attentions.{j}"] = f"input_blocks.{slot}.1"
        if i < n - 1:
            mapping[f"down_blocks.{i}.downsamplers.0.conv"] = f"input_blocks.{(i + 1) * (per_block + 1)}.0.op"
        has_attention = unet.up_blocks[i].attentions if hasattr(unet.up_blocks[i], "attentions") else None
        for j in range(per_block + 1):
            slot = i * (per_block + 1) + j
            mapping[f"up_blocks.{i}.resnets.{j}"] = f"output_blocks.{slot}.0"
            mapping[f"up_blocks.{i}.attentions.{j}"] = f"output_blocks.{slot}.1"
        if i < n - 1:
            last = i * (per_block + 1) + per_block
            mapping[f"up_blocks.{i}.upsamplers.0.conv"] = f"output_blocks.{last}.{2 if has_attention else 1}.conv"
    mapping["mid_block.resnets.0"] = "middle_block.0"
    mapping["mid_block.attentions.0"] = "middle_block.1"
    mapping["mid_block.resnets.1"] = "middle_block.2"
    return mapping


def _rename(key: str, prefixes: dict[str, str], inner: dict[str, str]) -> str:
    """Replace the longest matching module prefix of *key*, then the inner layer name."""
    for prefix in sorted(prefixes, key=len, reverse=True):
        if key.startswith(prefix + "."):
            rest = key[len(prefix) + 1:]
            for old, new in inner.items():
                if rest.startswith(old + "."):
                    rest = new + rest[len(old):]
                    break
            return f"{prefixes[prefix]}.{rest}"
    raise KeyError(f"no LDM name for {key}")


def unet_to_ldm(unet: UNet2DConditionModel) -> dict[str, torch.Tensor]:
    prefixes = _unet_prefixes(unet)
    out = {}
    for key, value in unet.state_dict().items():
        inner = _RESNET_UNET if ".resnets." in key else {}
        out["model.diffusion_model." + _rename(key, prefixes, inner)] = value
    return out


def _vae_prefixes(vae: AutoencoderKL) -> dict[str, str]:
    n = len(vae.config.block_out_channels)
    per_block = vae.config.layers_per_block
    mapping = {}
    for i in range(n):
        for j in range(per_block):
            mapping[f"encoder.down_blocks.{i}.resnets.{j}"] = f"encoder.down.{i}.block.{j}"
        mapping[f"encoder.down_blocks.{i}.downsamplers.0.conv"] = f"encoder.down.{i}.downsample.conv"
        for j in range(per_block + 1):
            mapping[f"decoder.up_blocks.{i}.resnets.{j}"] = f"decoder.up.{n - 1 - i}.block.{j}"
        mapping[f"decoder.up_blocks.{i}.upsamplers.0.conv"] = f"decoder.up.{n - 1 - i}.upsample.conv"
    for part in ("encoder", "decoder"):
        mapping[f"{part}.mid_block.resnets.0"] = f"{part}.mid.block_1"
        mapping[f"{part}.mid_block.resnets.1"] = f"{part}.mid.block_2"
        mapping[f"{part}.mid_block.attentions.0"] = f"{part}.mid.attn_1"
        for same in ("conv_in", "conv_out", "conv_norm_out"):
            mapping[f"{part}.{same}"] = f"{part}.{same.replace('conv_norm_out', 'norm_out')}"
    mapping["quant_conv"] = "quant_conv"
    mapping["post_quant_conv"] = "post_quant_conv"
    return mapping


def vae_to_ldm(vae: AutoencoderKL) -> dict[str, torch.Tensor]:
    prefixes = _vae_prefixes(vae)
    out = {}
    for key, value in vae.state_dict().items():
        if ".attentions." in key:
            new = _rename(key, prefixes, _VAE_ATTENTION)
            if value.ndim == 2:  # LDM stores the attention projections as 1×1 convolutions
                value = value[:, :, None, None]
        else:
            new = _rename(key, prefixes, {"conv_shortcut": "nin_shortcut"})
        out["first_stage_model." + new] = value
    return out


def text_encoder_to_ldm(text_encoder: CLIPTextModel, prefix: str = "cond_stage_model.transformer.",
                        ) -> dict[str, torch.Tensor]:
    # Original checkpoints name the weights as transformers 4 did: ``text_model.embeddings...``.
    return {
        prefix + (k if k.startswith("text_model.") else "text_model." + k): v
        for k, v in text_encoder.state_dict().items()
    }


_OPEN_CLIP_LAYER = {"layer_norm1": "ln_1", "layer_norm2": "ln_2", "mlp.fc1": "mlp.c_fc", "mlp.fc2": "mlp.c_proj",
                    "self_attn.out_proj": "attn.out_proj"}


def open_clip_to_ldm(encoder: CLIPTextModelWithProjection, prefix: str) -> dict[str, torch.Tensor]:
    """SDXL's second text encoder in OpenCLIP's names, q/k/v fused into ``in_proj``."""
    state = {k.removeprefix("text_model."): v for k, v in encoder.state_dict().items()}
    out = {
        prefix + "token_embedding.weight": state.pop("embeddings.token_embedding.weight"),
        prefix + "positional_embedding": state.pop("embeddings.position_embedding.weight"),
        prefix + "ln_final.weight": state.pop("final_layer_norm.weight"),
        prefix + "ln_final.bias": state.pop("final_layer_norm.bias"),
        prefix + "text_projection": state.pop("text_projection.weight").T,
    }
    for i in range(encoder.config.num_hidden_layers):
        layer, block = f"encoder.layers.{i}.", f"{prefix}transformer.resblocks.{i}."
        for kind in ("weight", "bias"):
            out[f"{block}attn.in_proj_{kind}"] = torch.cat(
                [state.pop(f"{layer}self_attn.{p}_proj.{kind}") for p in ("q", "k", "v")])
            for old, new in _OPEN_CLIP_LAYER.items():
                out[f"{block}{new}.{kind}"] = state.pop(f"{layer}{old}.{kind}")
    state.pop("embeddings.position_ids", None)
    if state:
        raise KeyError(f"no OpenCLIP name for {sorted(state)}")
    return out


def export_single_file(folder: Path, out_file: Path) -> Path:
    """Write the SD 1.x or SDXL diffusers model in *folder* as one LDM-layout ``.safetensors`` file."""
    unet = UNet2DConditionModel.from_pretrained(folder, subfolder="unet")
    vae = AutoencoderKL.from_pretrained(folder, subfolder="vae")
    text_encoder = CLIPTextModel.from_pretrained(folder, subfolder="text_encoder")
    if (Path(folder) / "text_encoder_2").is_dir():
        second = CLIPTextModelWithProjection.from_pretrained(folder, subfolder="text_encoder_2")
        texts = {**text_encoder_to_ldm(text_encoder, "conditioner.embedders.0.transformer."),
                 **open_clip_to_ldm(second, "conditioner.embedders.1.model.")}
    else:
        texts = text_encoder_to_ldm(text_encoder)
    state = {**unet_to_ldm(unet), **vae_to_ldm(vae), **texts}
    save_file({k: v.contiguous() for k, v in state.items()}, str(out_file))
    return Path(out_file)
