"""Engine benchmark on an SD-1.5- or SDXL-architecture UNet with random weights; prints JSON.

Timings do not depend on weight values, so random weights measure the real architecture.

    python benchmarks/bench_engine.py [--arch sd15|sdxl] [--size 256] [--steps 6] [--null-text-steps 2]

On a GPU it defaults to 512 px in fp16. Figures:
* ``p2p_over_plain``: P2P edit (swap + local blend, one edited caption, the default refined mask)
  divided by plain batched CFG denoising of the same batch and steps with diffusers' own attention
  processor (target <= 1.05); ``p2p_reference_mask_over_plain``: the same with the authors' mask,
  which records no self-attention;
* ``null_text``: seconds and UNet evaluations per inversion step;
* ``attention_store_bytes``: size of the attention store after N steps, for two values of N
  (must be equal: the store does not grow with the number of steps);
* ``peak_memory_bytes``: the GPU's peak allocation (``torch.cuda.max_memory_allocated``), or on
  the CPU the process's peak resident size (the model's weights included).

SDXL (``--arch sdxl``) runs at 1024 px on a GPU; on the CPU its defaults are small (256 px, 4
steps, one null-text step): a 2.6 G-parameter UNet in fp32 takes about 10 GB of memory.
"""

from __future__ import annotations

import argparse
import json
import platform
import time

import torch
from diffusers import AutoencoderKL, UNet2DConditionModel
from diffusers.models.attention_processor import AttnProcessor2_0
from transformers import CLIPTextConfig, CLIPTextModel, CLIPTextModelWithProjection

from inversion import Conditioning, DDIMSchedule, Method, NullTextSettings, Reporter, invert
from p2p_studio.core.settings import EditSettings, MaskKind
from p2p_studio.engine.devices import pick_device
from p2p_studio.engine.editor import Editor
from p2p_studio.engine.model import LoadedModel
from p2p_studio.engine.run import RunSpec
from p2p_studio.testing.clip_tokenizer import clip_tokenizer

# The published SD 1.5 configs (architecture only).
SD15_UNET = dict(
    sample_size=64, in_channels=4, out_channels=4, layers_per_block=2,
    block_out_channels=(320, 640, 1280, 1280), cross_attention_dim=768, attention_head_dim=8,
    down_block_types=("CrossAttnDownBlock2D",) * 3 + ("DownBlock2D",),
    up_block_types=("UpBlock2D",) + ("CrossAttnUpBlock2D",) * 3,
)
SD15_TEXT = dict(hidden_size=768, intermediate_size=3072, num_attention_heads=12, max_position_embeddings=77)
SD15_SCHEDULER = dict(
    _class_name="PNDMScheduler", num_train_timesteps=1000, beta_start=0.00085, beta_end=0.012,
    beta_schedule="scaled_linear", set_alpha_to_one=False, steps_offset=1, skip_prk_steps=True,
    prediction_type="epsilon", clip_sample=False,
)


# The published SD 2.1 configs (architecture only; SD-Turbo is this UNet), 768 px native.
SD21_UNET = dict(SD15_UNET, sample_size=96, cross_attention_dim=1024, attention_head_dim=(5, 10, 20, 20),
                 use_linear_projection=True)
SD21_TEXT = dict(hidden_size=1024, intermediate_size=4096, num_attention_heads=16, max_position_embeddings=77)

# The published SDXL base 1.0 configs (architecture only).
SDXL_UNET = dict(
    sample_size=128, in_channels=4, out_channels=4, layers_per_block=2, block_out_channels=(320, 640, 1280),
    down_block_types=("DownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D"),
    up_block_types=("CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "UpBlock2D"),
    transformer_layers_per_block=(1, 2, 10), cross_attention_dim=2048, attention_head_dim=(5, 10, 20),
    use_linear_projection=True, addition_embed_type="text_time", addition_time_embed_dim=256,
    projection_class_embeddings_input_dim=2816,
)
SDXL_TEXT_2 = dict(hidden_size=1280, intermediate_size=5120, num_attention_heads=20, max_position_embeddings=77,
                   projection_dim=1280)
SDXL_SCHEDULER = {**SD15_SCHEDULER, "_class_name": "EulerDiscreteScheduler", "timestep_spacing": "leading"}


def _vae(device: torch.device) -> AutoencoderKL:
    return AutoencoderKL(block_out_channels=(8, 8, 8, 8), norm_num_groups=8, latent_channels=4,
                         down_block_types=("DownEncoderBlock2D",) * 4,
                         up_block_types=("UpDecoderBlock2D",) * 4).to(device).eval()


def build_model(device: torch.device, dtype: torch.dtype, arch: str = "sd15") -> LoadedModel:
    """A random-weight model of *arch* (``sd15``, ``sd21`` or ``sdxl``): the real UNet, shallow
    text encoders and a small VAE of the right widths (only the UNet is timed)."""
    torch.manual_seed(0)
    unet_config, text_config = {"sd15": (SD15_UNET, SD15_TEXT), "sd21": (SD21_UNET, SD21_TEXT),
                                "sdxl": (SDXL_UNET, SD15_TEXT)}[arch]
    unet = UNet2DConditionModel(**unet_config).to(device, dtype).eval().requires_grad_(False)
    text = CLIPTextModel(CLIPTextConfig(num_hidden_layers=1, vocab_size=49408, **text_config)).to(device).eval()
    tokenizer = clip_tokenizer(SD15_TEXT["max_position_embeddings"])
    if arch != "sdxl":
        return LoadedModel(f"{arch}-architecture-random", tokenizer, text, unet, _vae(device), SD15_SCHEDULER,
                           device, dtype)
    second = CLIPTextModelWithProjection(CLIPTextConfig(num_hidden_layers=1, vocab_size=49408, **SDXL_TEXT_2))
    return LoadedModel("sdxl-architecture-random", tokenizer, text, unet, _vae(device), SDXL_SCHEDULER, device,
                       dtype, text_encoder_2=second.to(device).eval(),
                       tokenizer_2=clip_tokenizer(SD15_TEXT["max_position_embeddings"], pad="!"),
                       zero_empty_prompt=True)


def peak_memory(device: torch.device) -> int:
    if device.type == "cuda":
        return int(torch.cuda.max_memory_allocated(device))
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * 1024  # Linux reports KiB


def _sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize()


def plain_denoise(editor: Editor, noise: torch.Tensor, cond: Conditioning, uncond: Conditioning,
                  steps: int, guidance: float) -> float:
    """Baseline: the same batched CFG loop with diffusers' fused attention processor."""
    editor.model.unet.set_attn_processor(AttnProcessor2_0())
    schedule = DDIMSchedule(editor.model.scheduler_config, steps)
    x = noise.expand(cond.rows, -1, -1, -1).clone()
    _sync(noise.device)
    start = time.perf_counter()
    with torch.no_grad():
        for k in range(steps):
            x = schedule.step(editor.predict.guided(x, schedule.timesteps[k], uncond, cond, guidance), k, x)
    _sync(noise.device)
    return time.perf_counter() - start


def p2p_denoise(editor: Editor, noise: torch.Tensor, cond: Conditioning, uncond: Conditioning,
                plans: list, settings: EditSettings) -> tuple[float, int]:
    _sync(noise.device)
    start = time.perf_counter()
    spec = RunSpec(noise, plans[0].source, plans, cond, lambda k: uncond, settings, (settings,) * len(plans))
    _, controller = editor.pipeline.denoise(spec, Reporter())
    _sync(noise.device)
    stored = [t for t in (controller.recorder.cross_sum, controller.recorder.self_sum) if t is not None]
    store = sum(t.numel() * t.element_size() for t in stored)
    return time.perf_counter() - start, store


def main() -> None:
    parser = argparse.ArgumentParser()
    device = pick_device("auto")
    gpu = device.type == "cuda"
    parser.add_argument("--arch", choices=("sd15", "sd21", "sdxl"), default="sd15")
    parser.add_argument("--size", type=int, default=None, help="default: 512 (SDXL 1024) on a GPU, 256 on the CPU")
    parser.add_argument("--steps", type=int, default=None, help="default: 20 on a GPU, 6 (SDXL 4) on the CPU")
    parser.add_argument("--null-text-steps", type=int, default=None, help="default: 5 on a GPU, 2 (SDXL 1) on the CPU")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    sdxl = args.arch == "sdxl"
    args.size = args.size or (1024 if sdxl else 512) if gpu else args.size or 256
    args.steps = args.steps or (20 if gpu else 4 if sdxl else 6)
    args.null_text_steps = args.null_text_steps or (5 if gpu else 1 if sdxl else 2)
    dtype = torch.float16 if gpu else torch.float32
    torch.set_grad_enabled(False)
    model = build_model(device, dtype, args.arch)
    editor = Editor(model)
    time_ids = model.time_ids((args.size, args.size), (args.size, args.size))
    caption, edited = "a cat sitting on a bench", "a tiger sitting on a bench"
    settings = EditSettings(steps=args.steps)
    plans = editor.plans(caption, [edited], settings)
    captions = [plans[0].source, plans[0].target]
    cond = editor.embed(captions, time_ids)
    uncond = editor.empty_embedding(time_ids)
    side = args.size // model.vae_scale
    noise = torch.randn(1, model.latent_channels, side, side, generator=torch.Generator().manual_seed(0)).to(device)

    reference = settings.replace(mask=MaskKind.REFERENCE.value)
    plain_denoise(editor, noise, cond, uncond, 1, settings.guidance)  # warm-up
    plain_times, p2p_times, reference_times = [], [], []
    for _ in range(args.repeats):  # interleaved, so that a busy moment costs each alike
        plain_times.append(plain_denoise(editor, noise, cond, uncond, args.steps, settings.guidance))
        t, store = p2p_denoise(editor, noise, cond, uncond, plans, settings)
        p2p_times.append(t)
        reference_times.append(p2p_denoise(editor, noise, cond, uncond, plans, reference)[0])
    short = EditSettings(steps=max(2, args.steps // 2))
    _, store_short = p2p_denoise(editor, noise, cond, uncond, editor.plans(caption, [edited], short), short)

    torch.set_grad_enabled(True)
    nt_settings = NullTextSettings()
    editor.predict.evaluations = 0
    schedule = DDIMSchedule(model.scheduler_config, args.null_text_steps)
    start = time.perf_counter()
    invert(Method.NULL_TEXT, editor.predict, schedule, noise, cond[:1], uncond, nt_settings)
    _sync(device)
    nt_seconds = time.perf_counter() - start

    plain, p2p = min(plain_times), min(p2p_times)
    print(json.dumps({
        "arch": args.arch, "model_kind": model.kind.value,
        "device": str(device), "dtype": str(dtype).replace("torch.", ""), "cpu": platform.processor() or None,
        "torch_threads": torch.get_num_threads(), "size_px": args.size, "latent": side, "steps": args.steps,
        "batch": 2 * cond.rows,
        "plain_denoise_s": round(plain, 3), "p2p_edit_s": round(p2p, 3),
        "p2p_over_plain": round(p2p / plain, 3),
        "p2p_reference_mask_over_plain": round(min(reference_times) / plain, 3),
        "null_text": {
            "steps": args.null_text_steps, "seconds": round(nt_seconds, 2),
            "seconds_per_step": round(nt_seconds / args.null_text_steps, 2),
            "unet_evaluations": editor.predict.evaluations,
            "evaluations_per_step": round(editor.predict.evaluations / args.null_text_steps, 1),
        },
        "attention_store_bytes": {str(short.steps): store_short, str(args.steps): store},
        "peak_memory_bytes": peak_memory(device),
    }, indent=2))


if __name__ == "__main__":
    main()
