"""Train the demo model from scratch: ``python -m p2p_studio.demo.train OUT_DIR [options]``.

Two phases, both reproducible from ``--seed``:

1. the VAE (L1 + MSE reconstruction, a tiny KL term) on rendered scenes; its scaling factor is then
   measured so latents have unit variance, as Stable Diffusion's do;
2. the UNet and a small CLIP text encoder jointly (epsilon prediction, SD's noise schedule, min-SNR
   loss weighting, 10 % empty captions for classifier-free guidance, an EMA of the weights),
   optionally with a grounding loss (``--grounding``) that pulls each object word's
   cross-attention onto its object, the property Prompt-to-Prompt relies on in Stable Diffusion.

The result is an ordinary diffusers Stable Diffusion folder (weights stored in fp16 to keep it small)
with the real CLIP tokenizer, so the engine runs it exactly as it runs Stable Diffusion.
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import random
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from diffusers import AutoencoderKL, DDIMScheduler, StableDiffusionPipeline, UNet2DConditionModel
from transformers import CLIPTextConfig, CLIPTextModel, CLIPTokenizer

from p2p_studio.demo.world import COLOURS, HELD_OUT_SEED, SHAPES, Scene, render, shape_masks, training_scene
from p2p_studio.engine.captions import tokenize
from p2p_studio.testing.clip_tokenizer import clip_tokenizer


@dataclass(frozen=True)
class DemoSpec:
    image_size: int = 64
    max_tokens: int = 32
    vae_channels: tuple[int, ...] = (32, 64, 64)
    unet_channels: tuple[int, ...] = (48, 96, 96)
    text_width: int = 32
    text_layers: int = 2
    heads: int = 4
    norm_groups: int = 16
    two_shapes: float = 0.25
    empty_caption: float = 0.1


@dataclass
class TrainSettings:
    seed: int = 0
    vae_steps: int = 1500
    vae_batch: int = 16
    vae_lr: float = 1e-3
    unet_steps: int = 6000
    unet_batch: int = 32
    unet_lr: float = 6e-4
    warmup: int = 200
    ema_decay: float = 0.999
    min_snr_gamma: float = 5.0
    #: Weight of the grounding loss: the share of each object word's cross-attention (size, colour,
    #: shape) that falls outside its object, and of the background words' that falls on objects,
    #: averaged over cross-attention layers. 0 turns it off (plain diffusion training).
    grounding: float = 0.0
    #: What the grounding loss asks of a word's map: ``inside`` (share of attention outside the
    #: region: a map peaked on one spot of its object scores perfectly, so blend masks from it are
    #: too small) or ``cover`` (1 - Bhattacharyya coefficient with the uniform distribution over
    #: the region: 0 only when the map covers its object evenly and nothing else).
    grounding_target: str = "inside"
    #: Probability per caption of a decoy context: the text states of a caption with one shape's
    #: colour or shape word changed, except at that word itself. The real attribute is then only
    #: in its own token, so the UNet learns to read it there (what word swap and re-weighting act
    #: on) instead of from later tokens, which a causal text encoder lets carry it too. 0 = off.
    decoy_context: float = 0.0
    #: Probability per caption of leaving the shapes' positions out ("a small red circle on a white
    #: background"), so the model also learns to take the layout from the noise: the case where
    #: plain re-generation loses the layout and prompt-to-prompt must keep it. 0 = off.
    unplaced_captions: float = 0.0
    #: Stop the UNet phase after this many minutes (0: no limit), saving what there is.
    unet_minutes: float = 0.0
    #: Phase 3: decoder-only fine-tuning. The encoder (and so the latent space the UNet learnt)
    #: is frozen, so this only sharpens reconstructions.
    decoder_steps: int = 600
    decoder_lr: float = 3e-4


# --- components -------------------------------------------------------------------------------
def build_vae(spec: DemoSpec) -> AutoencoderKL:
    n = len(spec.vae_channels)
    return AutoencoderKL(
        block_out_channels=spec.vae_channels, down_block_types=("DownEncoderBlock2D",) * n,
        up_block_types=("UpDecoderBlock2D",) * n, latent_channels=4, layers_per_block=1,
        norm_num_groups=spec.norm_groups, sample_size=spec.image_size,
    )


def build_unet(spec: DemoSpec) -> UNet2DConditionModel:
    n = len(spec.unet_channels)
    return UNet2DConditionModel(
        sample_size=spec.image_size // 2 ** (len(spec.vae_channels) - 1), in_channels=4, out_channels=4,
        layers_per_block=1, block_out_channels=spec.unet_channels,
        down_block_types=("CrossAttnDownBlock2D",) * (n - 1) + ("DownBlock2D",),
        up_block_types=("UpBlock2D",) + ("CrossAttnUpBlock2D",) * (n - 1),
        cross_attention_dim=spec.text_width, attention_head_dim=8, norm_num_groups=spec.norm_groups,
    )


def build_text_encoder(spec: DemoSpec, tokenizer: CLIPTokenizer) -> CLIPTextModel:
    return CLIPTextModel(CLIPTextConfig(
        vocab_size=len(tokenizer), hidden_size=spec.text_width, intermediate_size=4 * spec.text_width,
        num_hidden_layers=spec.text_layers, num_attention_heads=spec.heads,
        max_position_embeddings=spec.max_tokens, bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id, pad_token_id=tokenizer.pad_token_id,
    ))


def build_scheduler() -> DDIMScheduler:
    """Stable Diffusion's noise schedule."""
    return DDIMScheduler(num_train_timesteps=1000, beta_start=0.00085, beta_end=0.012,
                         beta_schedule="scaled_linear", clip_sample=False, set_alpha_to_one=False,
                         steps_offset=1, prediction_type="epsilon")


# --- data --------------------------------------------------------------------------------------
def batch(rng: random.Random, size: int, spec: DemoSpec) -> tuple[torch.Tensor, list[str]]:
    """A batch of rendered training scenes in [-1, 1] and their captions."""
    pixels, scenes = scene_batch(rng, size, spec)
    return pixels, [s.caption() for s in scenes]


def scene_batch(
    rng: random.Random, size: int, spec: DemoSpec, unplaced: float = 0.0
) -> tuple[torch.Tensor, list[Scene]]:
    scenes = [training_scene(rng, spec.two_shapes, unplaced) for _ in range(size)]
    images = np.stack([render(s, spec.image_size) for s in scenes])
    return torch.from_numpy(images).permute(0, 3, 1, 2).float() / 127.5 - 1, scenes


#: Words of a shape's phrase ("a small red circle on the left") grounded on the shape: its size,
#: colour and shape, and the last word, its position (the shape word again in a caption without positions).
_OBJECT_WORDS = (1, 2, 3, -1)
#: Index in a shape's phrase of the words a decoy context may change.
_DECOY_WORDS = {"colour": 2, "shape": 3}


def _phrase_starts(scene: Scene) -> list[int]:
    """Index of each shape's first caption word (phrases are joined by "and")."""
    starts, first = [], 0
    for phrase in scene.phrases():
        starts.append(first)
        first += len(phrase.split()) + 1
    return starts


def grounding_targets(
    scenes: list[Scene], tokenizer: CLIPTokenizer, spec: DemoSpec
) -> tuple[torch.Tensor, torch.Tensor]:
    """Where each token's attention belongs: ``(B, L, H, W)`` regions in [0, 1] and ``(B, L)``
    weights (1 for grounded tokens: object words -> their shape, background words -> the rest)."""
    side, length = spec.image_size, spec.max_tokens
    regions = torch.zeros(len(scenes), length, side, side)
    weights = torch.zeros(len(scenes), length)
    for b, scene in enumerate(scenes):
        words = tokenize(tokenizer, scene.caption(), length).words
        masks = torch.from_numpy(shape_masks(scene, side))
        for k, (phrase, first) in enumerate(zip(scene.phrases(), _phrase_starts(scene), strict=True)):
            count = len(phrase.split())
            for index in _OBJECT_WORDS:
                word = words[first + index % count]
                regions[b, word.start : word.end] = masks[k]
                weights[b, word.start : word.end] = 1.0
        for word in words[-2:]:  # "<colour> background"
            regions[b, word.start : word.end] = 1 - masks.sum(0).clamp(max=1)
            weights[b, word.start : word.end] = 1.0
    return regions, weights


def decoy_captions(
    scenes: list[Scene], rng: random.Random, probability: float, tokenizer: CLIPTokenizer, length: int
) -> tuple[list[str], torch.Tensor]:
    """For each scene, a decoy caption (one shape's colour or shape word changed; the caption itself
    when not drawn) and a ``(B, L)`` mask of the token positions to take from the real caption."""
    decoys, keep_real = [], torch.zeros(len(scenes), length, dtype=torch.bool)
    for b, scene in enumerate(scenes):
        if rng.random() >= probability:
            decoys.append(scene.caption())
            continue
        k = rng.randrange(len(scene.shapes))
        attribute = rng.choice(sorted(_DECOY_WORDS))
        current = getattr(scene.shapes[k], attribute)
        values = sorted(COLOURS) if attribute == "colour" else list(SHAPES)
        decoy = scene.with_shape(k, **{attribute: rng.choice([v for v in values if v != current])})
        word = tokenize(tokenizer, scene.caption(), length).words[_phrase_starts(scene)[k] + _DECOY_WORDS[attribute]]
        keep_real[b, word.start : word.end] = True
        decoys.append(decoy.caption())
    return decoys, keep_real


class RecordingCrossAttention:
    """Training-time processor for cross-attention layers: plain attention that also keeps each
    layer's head-averaged probabilities ``(B, Q, L)``, with gradients, for the grounding loss."""

    def __init__(self) -> None:
        self.maps: list[torch.Tensor] = []

    def __call__(self, attn: torch.nn.Module, hidden_states: torch.Tensor,
                 encoder_hidden_states: torch.Tensor | None = None, attention_mask: torch.Tensor | None = None,
                 temb: torch.Tensor | None = None, *args: object, **kwargs: object) -> torch.Tensor:
        if encoder_hidden_states is None or hidden_states.ndim != 3:
            raise ValueError("RecordingCrossAttention only serves transformer cross-attention layers")
        query = attn.head_to_batch_dim(attn.to_q(hidden_states))
        key = attn.head_to_batch_dim(attn.to_k(encoder_hidden_states))
        value = attn.head_to_batch_dim(attn.to_v(encoder_hidden_states))
        probs = attn.get_attention_scores(query, key, None)
        batch = hidden_states.shape[0]
        self.maps.append(probs.view(batch, attn.heads, *probs.shape[1:]).mean(1))
        out = attn.batch_to_head_dim(torch.bmm(probs, value))
        return attn.to_out[1](attn.to_out[0](out)) / attn.rescale_output_factor


def install_recorder(unet: UNet2DConditionModel) -> RecordingCrossAttention:
    """Put a :class:`RecordingCrossAttention` on every cross-attention layer (``attn2``)."""
    recorder = RecordingCrossAttention()
    processors = {name: (recorder if ".attn2." in name else proc) for name, proc in unet.attn_processors.items()}
    unet.set_attn_processor(processors)
    return recorder


GROUNDING_TARGETS = ("inside", "cover")


def grounding_loss(
    maps: list[torch.Tensor], regions: torch.Tensor, weights: torch.Tensor, target: str = "inside"
) -> torch.Tensor:
    """Mean over layers and grounded tokens of how far each token's map is from its region
    (see :attr:`TrainSettings.grounding_target`); 0 is perfect, 1 the worst."""
    if target not in GROUNDING_TARGETS:
        raise ValueError(f"grounding target must be one of {GROUNDING_TARGETS}, not {target!r}")
    total = regions.new_zeros(())
    for probs in maps:
        side = math.isqrt(probs.shape[1])
        region = F.adaptive_avg_pool2d(regions, side).flatten(2).transpose(1, 2)  # (B, Q, L)
        share = probs / probs.sum(1, keepdim=True).clamp_min(1e-8)
        if target == "inside":
            score = (share * region).sum(1)  # (B, L)
        else:
            uniform = region / region.sum(1, keepdim=True).clamp_min(1e-8)
            product = share * uniform
            score = (product.clamp_min(1e-12).sqrt() * (product > 0)).sum(1)  # finite gradient at 0
        total = total + ((1 - score) * weights).sum() / weights.sum().clamp_min(1)
    return total / max(1, len(maps))


def _training_rng(seed: int, phase: int) -> random.Random:
    return random.Random(seed * 7919 + phase)


def _lr_factor(step: int, total: int, warmup: int) -> float:
    if step < warmup:
        return (step + 1) / warmup
    return 0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * (step - warmup) / max(1, total - warmup)))


# --- phase 1: VAE ------------------------------------------------------------------------------
def train_vae(spec: DemoSpec, settings: TrainSettings, log: Callable[[str], None]) -> tuple[AutoencoderKL, dict]:
    torch.manual_seed(settings.seed)
    vae = build_vae(spec)
    opt = torch.optim.AdamW(vae.parameters(), settings.vae_lr, weight_decay=0.0)
    rng = _training_rng(settings.seed, 1)
    start, l1 = time.perf_counter(), float("nan")
    for step in range(settings.vae_steps):
        for group in opt.param_groups:
            group["lr"] = settings.vae_lr * _lr_factor(step, settings.vae_steps, settings.warmup // 2)
        pixels, _ = batch(rng, settings.vae_batch, spec)
        dist = vae.encode(pixels).latent_dist
        recon = vae.decode(dist.sample()).sample
        l1_loss = (recon - pixels).abs().mean()
        loss = l1_loss + (recon - pixels).pow(2).mean() + 1e-6 * dist.kl().mean()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(vae.parameters(), 1.0)
        opt.step()
        l1 = 0.98 * l1 + 0.02 * l1_loss.item() if step else l1_loss.item()
        if step % 100 == 0 or step == settings.vae_steps - 1:
            log(f"vae {step + 1}/{settings.vae_steps} L1 {l1:.4f} ({time.perf_counter() - start:.0f} s)")
    vae.eval().requires_grad_(False)
    scale, psnr = _measure_vae(vae, spec)
    vae.register_to_config(scaling_factor=scale)
    stats = {"steps": settings.vae_steps, "l1": round(l1, 4), "psnr_db": round(psnr, 2),
             "scaling_factor": scale, "seconds": round(time.perf_counter() - start)}
    log(f"vae done: {stats}")
    return vae, stats


@torch.no_grad()
def _measure_vae(vae: AutoencoderKL, spec: DemoSpec) -> tuple[float, float]:
    """Scaling factor for unit-variance latents, and reconstruction PSNR on held-out scenes."""
    rng = random.Random(HELD_OUT_SEED - 1)
    pixels, _ = batch(rng, 64, spec)
    latents = vae.encode(pixels).latent_dist.mean
    recon = vae.decode(latents).sample.clamp(-1, 1)
    mse = ((recon - pixels) / 2).pow(2).mean().item()
    return float(f"{1.0 / latents.std().item():.5g}"), 10 * math.log10(1 / mse)


# --- phase 2: UNet + text encoder --------------------------------------------------------------
def _encode_captions(tokenizer: CLIPTokenizer, captions: list[str], max_tokens: int) -> torch.Tensor:
    return tokenizer(captions, padding="max_length", max_length=max_tokens, truncation=True,
                     return_tensors="pt").input_ids


def _min_snr_weights(alphas_cumprod: torch.Tensor, t: torch.Tensor, gamma: float) -> torch.Tensor:
    snr = alphas_cumprod[t] / (1 - alphas_cumprod[t])
    return torch.clamp(snr, max=gamma) / snr


def train_unet(
    spec: DemoSpec, settings: TrainSettings, vae: AutoencoderKL, tokenizer: CLIPTokenizer,
    log: Callable[[str], None], checkpoint: Callable[[UNet2DConditionModel, CLIPTextModel, int], None] | None = None,
    init: tuple[UNet2DConditionModel, CLIPTextModel] | None = None, phase: int = 2,
) -> tuple[UNet2DConditionModel, CLIPTextModel, dict]:
    """Train from scratch, or continue from *init* (then with data stream *phase*, not phase 2's)."""
    torch.manual_seed(settings.seed + phase - 1)
    unet, text = init if init is not None else (build_unet(spec), build_text_encoder(spec, tokenizer))
    unet.train().requires_grad_(True)
    text.train().requires_grad_(True)
    ema_unet, ema_text = copy.deepcopy(unet).requires_grad_(False), copy.deepcopy(text).requires_grad_(False)
    params = list(unet.parameters()) + list(text.parameters())
    opt = torch.optim.AdamW(params, settings.unet_lr, weight_decay=0.01)
    alphas_cumprod = build_scheduler().alphas_cumprod
    rng = _training_rng(settings.seed, phase)
    gen = torch.Generator().manual_seed(settings.seed + phase)
    scale = vae.config.scaling_factor
    recorder = install_recorder(unet) if settings.grounding else None
    start, loss_avg, ground_avg, step = time.perf_counter(), float("nan"), float("nan"), 0
    for step in range(settings.unet_steps):
        if settings.unet_minutes and time.perf_counter() - start > 60 * settings.unet_minutes:
            log(f"time budget reached after {step} steps")
            break
        for group in opt.param_groups:
            group["lr"] = settings.unet_lr * _lr_factor(step, settings.unet_steps, settings.warmup)
        pixels, scenes = scene_batch(rng, settings.unet_batch, spec, settings.unplaced_captions)
        keep = [rng.random() >= spec.empty_caption for _ in scenes]
        captions = [s.caption() if k else "" for s, k in zip(scenes, keep, strict=True)]
        with torch.no_grad():
            latents = vae.encode(pixels).latent_dist.mean * scale
        noise = torch.randn(latents.shape, generator=gen)
        t = torch.randint(0, len(alphas_cumprod), (latents.shape[0],), generator=gen)
        a = alphas_cumprod[t].view(-1, 1, 1, 1)
        noisy = a.sqrt() * latents + (1 - a).sqrt() * noise
        ids = _encode_captions(tokenizer, captions, spec.max_tokens)
        states = text(ids).last_hidden_state
        if settings.decoy_context:
            decoys, keep_real = decoy_captions(scenes, rng, settings.decoy_context, tokenizer, spec.max_tokens)
            keep_real |= ~torch.tensor(keep)[:, None]  # empty captions stay empty
            decoy_states = text(_encode_captions(tokenizer, decoys, spec.max_tokens)).last_hidden_state
            states = torch.where(keep_real[..., None], states, decoy_states)
        pred = unet(noisy, t, states).sample
        per_sample = F.mse_loss(pred, noise, reduction="none").mean(dim=(1, 2, 3))
        diffusion = (per_sample * _min_snr_weights(alphas_cumprod, t, settings.min_snr_gamma)).mean()
        loss = diffusion
        if recorder is not None:
            regions, weights = grounding_targets(scenes, tokenizer, spec)
            weights *= torch.tensor(keep, dtype=weights.dtype)[:, None]  # empty captions: nothing to ground
            ground = grounding_loss(recorder.maps, regions, weights, settings.grounding_target)
            recorder.maps.clear()
            loss = loss + settings.grounding * ground
            ground_avg = 0.99 * ground_avg + 0.01 * ground.item() if step else ground.item()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        _ema_update(ema_unet, unet, settings.ema_decay, step)
        _ema_update(ema_text, text, settings.ema_decay, step)
        loss_avg = 0.99 * loss_avg + 0.01 * diffusion.item() if step else diffusion.item()
        if step % 100 == 0:
            rate = (step + 1) / (time.perf_counter() - start)
            grounded = f" grounding {ground_avg:.4f}" if recorder is not None else ""
            log(f"unet {step + 1}/{settings.unet_steps} loss {loss_avg:.4f}{grounded} ({rate:.2f} steps/s)")
        if checkpoint is not None and step and step % 1000 == 0:
            checkpoint(ema_unet, ema_text, step)
    stats = {"steps": step + 1, "loss": round(loss_avg, 4), "seconds": round(time.perf_counter() - start)}
    if recorder is not None:
        stats["grounding_loss"] = round(ground_avg, 4)
    log(f"unet done: {stats}")
    return ema_unet.eval(), ema_text.eval(), stats


@torch.no_grad()
def _ema_update(ema: torch.nn.Module, model: torch.nn.Module, decay: float, step: int) -> None:
    d = min(decay, (1 + step) / (10 + step))  # warm-up: early averages forget the random start fast
    for e, p in zip(ema.parameters(), model.parameters(), strict=True):
        e.lerp_(p.detach(), 1 - d)


# --- phase 3: decoder ---------------------------------------------------------------------------
def finetune_decoder(
    spec: DemoSpec, settings: TrainSettings, vae: AutoencoderKL, log: Callable[[str], None]
) -> dict:
    """Train only the decoder on the encoder's (frozen) posterior means."""
    vae.requires_grad_(False)
    vae.decoder.requires_grad_(True)
    vae.post_quant_conv.requires_grad_(True)
    params = [p for p in vae.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, settings.decoder_lr, weight_decay=0.0)
    rng = _training_rng(settings.seed, 3)
    start = time.perf_counter()
    for step in range(settings.decoder_steps):
        for group in opt.param_groups:
            group["lr"] = settings.decoder_lr * _lr_factor(step, settings.decoder_steps, 1)
        pixels, _ = batch(rng, settings.vae_batch, spec)
        with torch.no_grad():
            latents = vae.encode(pixels).latent_dist.mean
        recon = vae.decode(latents).sample
        loss = (recon - pixels).abs().mean() + (recon - pixels).pow(2).mean()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        if step % 100 == 0:
            log(f"decoder {step + 1}/{settings.decoder_steps} loss {loss.item():.4f}")
    vae.eval().requires_grad_(False)
    _, psnr = _measure_vae(vae, spec)
    stats = {"steps": settings.decoder_steps, "psnr_db": round(psnr, 2), "seconds": round(time.perf_counter() - start)}
    log(f"decoder done: {stats}")
    return stats


# --- saving ------------------------------------------------------------------------------------
def save_model(out_dir: Path, vae: AutoencoderKL, unet: UNet2DConditionModel, text: CLIPTextModel,
               tokenizer: CLIPTokenizer, info: dict) -> Path:
    """Write a diffusers folder with fp16 weights, plus ``training.json``."""
    pipe = StableDiffusionPipeline(
        vae=copy.deepcopy(vae), text_encoder=copy.deepcopy(text), tokenizer=tokenizer,
        unet=copy.deepcopy(unet), scheduler=build_scheduler(), safety_checker=None, feature_extractor=None,
        requires_safety_checker=False,
    )
    pipe.to(torch.float16).save_pretrained(out_dir, safe_serialization=True)
    (Path(out_dir) / "training.json").write_text(json.dumps(info, indent=2) + "\n")
    return Path(out_dir)


def train(out_dir: Path, spec: DemoSpec, settings: TrainSettings, log: Callable[[str], None] = print) -> Path:
    torch.set_num_threads(max(1, torch.get_num_threads()))
    tokenizer = clip_tokenizer(spec.max_tokens)
    vae, vae_stats = train_vae(spec, settings, log)
    info = {"spec": asdict(spec), "settings": asdict(settings), "vae": vae_stats,
            "torch": torch.__version__}

    def checkpoint(unet: UNet2DConditionModel, text: CLIPTextModel, step: int) -> None:
        save_model(Path(out_dir), vae, unet, text, tokenizer, {**info, "unet": {"steps": step, "partial": True}})
        log(f"checkpoint at step {step} written to {out_dir}")

    unet, text, unet_stats = train_unet(spec, settings, vae, tokenizer, log, checkpoint)
    info["unet"] = unet_stats
    if settings.decoder_steps:
        save_model(Path(out_dir), vae, unet, text, tokenizer, info)
        info["decoder"] = finetune_decoder(spec, settings, vae, log)
    return save_model(Path(out_dir), vae, unet, text, tokenizer, info)


def _load_saved(folder: Path) -> tuple[dict, DemoSpec, AutoencoderKL, UNet2DConditionModel, CLIPTextModel,
                                        CLIPTokenizer]:
    info = json.loads((folder / "training.json").read_text())
    spec = DemoSpec(**{k: tuple(v) if isinstance(v, list) else v for k, v in info["spec"].items()})
    vae = AutoencoderKL.from_pretrained(folder, subfolder="vae", torch_dtype=torch.float32)
    unet = UNet2DConditionModel.from_pretrained(folder, subfolder="unet", torch_dtype=torch.float32)
    text = CLIPTextModel.from_pretrained(folder, subfolder="text_encoder", dtype=torch.float32)
    tokenizer = CLIPTokenizer.from_pretrained(folder, subfolder="tokenizer")
    return info, spec, vae, unet, text, tokenizer


def continue_training(model_dir: Path, settings: TrainSettings, unet_steps: bool, decoder: bool,
                      log: Callable[[str], None] = print, command: str = "") -> Path:
    """Continue a saved demo model: more UNet steps (fresh optimiser and LR schedule from
    ``unet_lr``, on a data stream no earlier run used) and/or decoder fine-tuning (phase 3).
    Every run is appended to ``unet_continued`` in training.json; checkpoints every 1000 steps."""
    folder = Path(model_dir)
    info, spec, vae, unet, text, tokenizer = _load_saved(folder)
    vae.eval().requires_grad_(False)
    runs = info.get("unet_continued", [])
    runs = [runs] if isinstance(runs, dict) else runs

    def checkpoint(unet: UNet2DConditionModel, text: CLIPTextModel, step: int) -> None:
        partial = {"steps": step, "lr": settings.unet_lr, "partial": True}
        save_model(folder, vae, unet, text, tokenizer, {**info, "unet_continued": [*runs, partial]})
        log(f"checkpoint at step {step} written to {folder}")

    if unet_steps:
        unet, text, stats = train_unet(spec, settings, vae, tokenizer, log, checkpoint, init=(unet, text),
                                       phase=4 + len(runs))
        info["unet_continued"] = [*runs, {**stats, "lr": settings.unet_lr, "grounding": settings.grounding,
                                          "grounding_target": settings.grounding_target,
                                          "decoy_context": settings.decoy_context,
                                          "unplaced_captions": settings.unplaced_captions, "command": command}]
        save_model(folder, vae, unet, text, tokenizer, info)
    if decoder:
        info["decoder"] = {**finetune_decoder(spec, settings, vae, log), "lr": settings.decoder_lr}
    return save_model(folder, vae, unet, text, tokenizer, info)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train the P2P Studio demo model from scratch (CPU is fine).")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--continue-unet", action="store_true",
                        help="continue training the UNet of the model already in OUT_DIR (--unet-steps more)")
    parser.add_argument("--decoder-only", action="store_true",
                        help="only run phase 3 (decoder fine-tuning) on the model already in OUT_DIR")
    defaults = TrainSettings()
    for field, value in asdict(defaults).items():
        choices = GROUNDING_TARGETS if field == "grounding_target" else None
        parser.add_argument(f"--{field.replace('_', '-')}", type=type(value), default=value, choices=choices)
    args = parser.parse_args(argv)
    settings = TrainSettings(**{f: getattr(args, f) for f in asdict(defaults)})
    log = lambda line: print(line, flush=True)  # noqa: E731
    if args.continue_unet or args.decoder_only:
        given = sys.argv[1:] if argv is None else argv
        shown = ("OUT" if a == str(args.out_dir) else a for a in given)
        command = " ".join(["python -m p2p_studio.demo.train", *shown])
        path = continue_training(args.out_dir, settings, args.continue_unet, bool(settings.decoder_steps), log,
                                 command)
    else:
        path = train(args.out_dir, DemoSpec(), settings, log)
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
