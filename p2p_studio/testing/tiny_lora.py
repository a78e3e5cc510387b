"""A random LoRA for a tiny model, written as diffusers writes LoRAs (for tests and benchmarks).

``python -m p2p_studio.testing.tiny_lora MODEL_FOLDER OUT.safetensors``
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import torch


def write_tiny_lora(model_folder: Path, out: Path, seed: int = 0, rank: int = 2, text_encoder: bool = True) -> Path:
    """Write a LoRA with random weights for the attention projections of the UNet (and the first
    text encoder) of the diffusers model in *model_folder* to *out* (``.safetensors``)."""
    from diffusers import StableDiffusionPipeline, UNet2DConditionModel
    from peft import LoraConfig
    from transformers import CLIPTextModel

    torch.manual_seed(seed)
    unet = UNet2DConditionModel.from_pretrained(model_folder, subfolder="unet")
    unet.add_adapter(LoraConfig(r=rank, lora_alpha=rank, target_modules=["to_q", "to_k", "to_v", "to_out.0"]))
    layers = {"unet_lora_layers": _randomised(unet)}
    if text_encoder:
        encoder = CLIPTextModel.from_pretrained(model_folder, subfolder="text_encoder")
        encoder.add_adapter(LoraConfig(r=rank, lora_alpha=rank, target_modules=["q_proj", "v_proj"]))
        layers["text_encoder_lora_layers"] = _randomised(encoder)
    with tempfile.TemporaryDirectory() as tmp:
        StableDiffusionPipeline.save_lora_weights(tmp, safe_serialization=True, **layers)
        written = Path(tmp) / "pytorch_lora_weights.safetensors"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(written.read_bytes())
    return out


def _randomised(module: torch.nn.Module) -> dict[str, torch.Tensor]:
    from diffusers.utils import convert_state_dict_to_diffusers
    from peft.utils import get_peft_model_state_dict

    with torch.no_grad():
        for name, param in module.named_parameters():
            if "lora_B" in name:
                param.normal_(std=0.2)
    return convert_state_dict_to_diffusers(get_peft_model_state_dict(module))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    print(write_tiny_lora(args.model, args.out, args.seed))


if __name__ == "__main__":
    main()
