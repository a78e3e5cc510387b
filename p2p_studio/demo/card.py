"""Write the demo model's model card from its training record and a measured evaluation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from p2p_studio.demo.world import BACKGROUNDS, COLOURS, HELD_OUT_COMBOS, POSITIONS, SHAPES, SIZES


def _parameters(folder: Path) -> dict[str, int]:
    from safetensors import safe_open

    counts = {}
    for part in ("unet", "vae", "text_encoder"):
        total = 0
        for file in (folder / part).glob("*.safetensors"):
            with safe_open(str(file), "pt") as f:
                total += sum(_numel(f, key) for key in f.keys())  # noqa: SIM118 - not a mapping
        counts[part] = total
    return counts


def _numel(handle: Any, key: str) -> int:
    n = 1
    for d in handle.get_slice(key).get_shape():
        n *= d
    return n


def _grounded(run: dict[str, Any]) -> str:
    text = ""
    if run.get("grounding"):
        if run.get("grounding_target", "inside") == "cover":
            text = (f", grounding loss weight {run['grounding']}: 1 - Bhattacharyya coefficient between each "
                    f"object word's map and its shape ended at {run['grounding_loss']:.2f}")
        else:
            text = (f", grounding loss weight {run['grounding']}: object words' attention outside their shape "
                    f"ended at {run['grounding_loss']:.0%}")
    if run.get("decoy_context"):
        text += (f", decoy contexts for {run['decoy_context']:.0%} of captions (text states of a caption with "
                 "one colour or shape word changed, except at that word)")
    if run.get("unplaced_captions"):
        text += f", {run['unplaced_captions']:.0%} of captions without positions"
    return text


def _swap_shortfall(name: str, swaps: dict[str, Any]) -> list[str]:
    ok, plain = swaps.get("p2p_success"), swaps.get("plain_regeneration_success")
    if ok is None or plain is None or (ok >= 0.9 and plain <= ok - 0.2):
        return []
    return [f"- {name}: {ok:.0%} of seeds keep the layout within {swaps.get('tolerance_px')} px "
            f"(target 90%), plain re-generation {plain:.0%} (target: clearly lower)."]


def shortfalls(evaluation: dict[str, Any]) -> list[str]:
    """One line per product target (issue 4) that *evaluation* misses."""
    gen, photos, reweight = (evaluation.get(k, {}) for k in ("generation", "photos", "reweighting"))
    lines = _swap_shortfall("word swap", evaluation.get("swaps", {}))
    lines += _swap_shortfall("word swap without positions", evaluation.get("swaps_free_layout", {}))
    checks = [
        (gen.get("correct", 1.0) >= 0.9, f"- generation: {gen.get('correct')} right (target 0.9)."),
        (photos.get("psnr_db_min", 99) >= 30, f"- real photos: reconstruction down to {photos.get('psnr_db_min')} dB."),
        (photos.get("outside_mask_identical", 1.0) == 1.0, "- real photos: pixels outside the mask changed."),
        (photos.get("target_attribute_inside", 1.0) >= 0.9,
         f"- real photos: target attribute inside the mask in {photos.get('target_attribute_inside')} (target 0.9)."),
        (reweight.get("colour_is_monotonic", True), "- re-weighting: saturation is not monotonic in the factor."),
    ]
    return lines + [text for ok, text in checks if not ok]


def model_card(folder: Path, evaluation: dict[str, Any]) -> str:
    training = json.loads((folder / "training.json").read_text())
    spec, vae, unet = training["spec"], training["vae"], training["unet"]
    more = training.get("unet_continued") or []
    more = [more] if isinstance(more, dict) else more
    decoder = training.get("decoder")
    continued = "".join(f" Then continued for {run['steps']} steps from those weights (fresh optimiser, lr "
                        f"{run['lr']}{_grounded(run)}), {run['seconds']} s." for run in more)
    commands = [training.get("command", f"python -m p2p_studio.demo.train OUT --seed {training['settings']['seed']}")]
    commands += [run["command"] for run in more if run.get("command")]
    made = ", then\n".join(f"`{c}`" for c in commands)
    decoded = (f"\n- Decoder fine-tuned alone (encoder frozen, so the latent space is unchanged) for "
               f"{decoder['steps']} steps: held-out reconstruction {decoder['psnr_db']} dB." if decoder else "")
    params = _parameters(folder)
    size_mb = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6
    gen, swaps, free = (evaluation.get(k, {}) for k in ("generation", "swaps", "swaps_free_layout"))
    photos, reweight = evaluation.get("photos", {}), evaluation.get("reweighting", {})
    return f"""# P2P Studio demo model

A small text-to-image model of a toy world, trained from scratch in this repository so that
P2P Studio works offline on first run and so that tests can check that edits are *right*.
It is an ordinary Stable-Diffusion-shaped diffusers folder (AutoencoderKL, UNet2DConditionModel
with cross-attention, CLIPTextModel with the real CLIP BPE tokenizer, DDIM scheduler); the
engine runs it through exactly the code path it uses for Stable Diffusion.

## The world it knows
One or two flat-coloured shapes on a background, {spec['image_size']}×{spec['image_size']} pixels.
- shapes: {', '.join(SHAPES)}; colours: {', '.join(COLOURS)}; sizes: {', '.join(SIZES)}
- positions: {', '.join(p for p, _ in POSITIONS.values())}
- backgrounds: {', '.join(BACKGROUNDS)} (striped and paper are lightly textured)
- captions: "a small red circle on the left on a white background", or two shapes joined by
  "and" ("a small red circle on the left and a small blue square on the right on a gray
  background"). A caption may leave the positions out ("a small red circle on a white background");
  the noise then decides where the shapes go. {HELD_OUT_COMBOS} size/colour/shape/position combinations
  were never shown in training.

It knows nothing else: other words are ignored or give noise, and photos from outside this world
cannot be reconstructed well. Use Stable Diffusion (Settings → Model) for real photos.

## How it was made
{made}
on a 2-core CPU (torch {training['torch']}); every setting is recorded in `training.json`.
- VAE ({params['vae'] / 1e6:.2f} M parameters, latent factor {2 ** (len(spec['vae_channels']) - 1)}):
  {vae['steps']} steps, batch {training['settings']['vae_batch']}, L1 + MSE, {vae['seconds']} s;
  held-out reconstruction {vae['psnr_db']} dB PSNR; scaling factor {vae['scaling_factor']} (measured).
- UNet ({params['unet'] / 1e6:.2f} M) and text encoder ({params['text_encoder'] / 1e6:.2f} M, of which
  the 49,408-entry token table is most) trained jointly: {unet['steps']} steps, batch
  {training['settings']['unet_batch']}, epsilon prediction, SD's scaled-linear noise schedule, min-SNR
  weighting, 10 % empty captions, EMA {training['settings']['ema_decay']}; {unet['seconds']} s.{continued}{decoded}
- Weights stored in fp16 ({size_mb:.1f} MB in all); the engine loads them in fp32 on CPU.

## What it can do (`python -m p2p_studio.demo.evaluate`, held-out seeds, {evaluation.get('steps')} steps)
| measurement | result | target |
|---|---|---|
| generation: shape and colour right | {gen.get('correct')} ({gen.get('unseen_captions')} on unseen captions) | ≥ 0.9 |
| word swap, attribute changes and centroid within {swaps.get('tolerance_px')} px | {swaps.get('p2p_success')} | ≥ 0.9 |
| same, plain re-generation from the same seed | {swaps.get('plain_regeneration_success')} | clearly lower |
| word swap, captions without positions (layout from the noise) | {free.get('p2p_success')} | ≥ 0.9 |
| same, plain re-generation from the same seed | {free.get('plain_regeneration_success')} | clearly lower |
| real photo: null-text reconstruction PSNR, mean / min (dB) | {photos.get('psnr_db_mean')} / \
{photos.get('psnr_db_min')} | ≥ 30 |
| real photo: pixels outside the blend mask identical | {photos.get('outside_mask_identical')} | 1.0 |
| real photo: target attribute inside the mask | {photos.get('target_attribute_inside')} | ≥ 0.9 |
| re-weighting the colour word by {reweight.get('factors')}: saturation of that colour | \
{reweight.get('colour_saturation')} | monotonic over the paper's {reweight.get('paper_factors')} |
| same, saturation of any hue | {reweight.get('mean_saturation')} | |

The full report is `evaluation.json` next to this card.

## Where it falls short of the product's targets
{chr(10).join(shortfalls(evaluation)) or "Nowhere: every target above is met."}

## Licence
Apache-2.0, like P2P Studio. The tokenizer files are OpenAI CLIP's BPE vocabulary (MIT licence).
"""


def write_card(folder: Path, evaluation: dict[str, Any]) -> None:
    (folder / "evaluation.json").write_text(json.dumps(evaluation, indent=2) + "\n", encoding="utf-8")
    (folder / "README.md").write_text(model_card(folder, evaluation), encoding="utf-8")
