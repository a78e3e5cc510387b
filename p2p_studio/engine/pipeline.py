"""The Prompt-to-Prompt pipeline of one batched run: denoise → decode → masks → composite.

It reads like diffusers' ``__call__``: one :class:`~p2p_studio.engine.run.RunSpec` in (noise,
conditioning, plans, the photo), one :class:`~p2p_studio.engine.run.Batch` out. Inversion and
the run specification are the :class:`~p2p_studio.engine.editor.Editor`'s.
"""

from __future__ import annotations

import numpy as np
import torch
from PIL import Image

from inversion import Conditioning, NoisePredictor, Progress, Reporter, Schedule, make_schedule
from p2p_studio.core.settings import EditSettings
from p2p_studio.engine.control import AttentionControl, controlled_attention
from p2p_studio.engine.grid import attention_levels
from p2p_studio.engine.guards import Stopwatch, library_errors, out_of_memory_as_error, require_finite
from p2p_studio.engine.images import composite, feathered_mask, guide_of, outward_feather, to_image
from p2p_studio.engine.masks import Guides
from p2p_studio.engine.model import LoadedModel
from p2p_studio.engine.run import Batch, EditedImage, RunSpec

EDIT_PHASE = "Editing"
REFINE_PHASE = "Refining"


class P2PPipeline:
    """Runs batched Prompt-to-Prompt denoising on one loaded model."""

    def __init__(self, model: LoadedModel) -> None:
        self.model = model
        self.predict = NoisePredictor(model.unet)

    def schedule(self, steps: int) -> Schedule:
        """The schedule of the model's sampler for *steps* steps (a bad count or config: one-line
        errors)."""
        with library_errors():
            return make_schedule(self.model.sampler, self.model.scheduler_config, steps)

    def run(self, spec: RunSpec, reporter: Reporter | None = None) -> Batch:
        """Denoise → decode → masks at the photo's size → composite."""
        clock = Stopwatch()
        with out_of_memory_as_error(self.model.device):
            with clock.phase("edit"):
                latents, control = self.denoise(spec, reporter or Reporter())
            with clock.phase("decode"):
                images = self.decode(latents)
        edits = self._deliver(spec, control, images)
        return Batch(images[0], edits, latents, control.recorder.cross_maps(), spec.captions, clock.seconds)

    def denoise(self, spec: RunSpec, reporter: Reporter) -> tuple[torch.Tensor, AttentionControl]:
        """The P2P sampling loop: every caption of the run denoised together from its noise.

        Returns the final latents (source first) and the controller holding maps and masks. With a
        preview, about ten times per run the clean latent the model predicts for the first edited
        caption goes to ``reporter.preview`` as an image.
        """
        settings, steps = spec.settings, spec.settings.steps
        schedule = self.schedule(steps)
        if schedule.stochastic and len(spec.step_noise) != steps:
            raise ValueError(f"the {schedule.name} sampler needs the noise of each of its {steps} steps")
        prompts = spec.cond.rows
        device = self.model.device
        levels = len(self.model.unet.config.block_out_channels)
        control = AttentionControl(spec.plans, settings, spec.latent_hw, levels, spec.latent_masks(),
                                   attention_levels(self.model.unet))
        x = spec.noise.to(device).float().expand(prompts, -1, -1, -1).clone()
        if spec.preview is not None:
            spec.preview.begin(steps)
        with controlled_attention(self.model.unet, control), torch.no_grad(), library_errors():
            for k in range(steps):
                reporter.check(EDIT_PHASE)
                control.begin_step(k)
                out = self.predict.guided(x, schedule.timesteps[k], spec.uncond_at(k).to(device), spec.cond,
                                          settings.guidance)
                if spec.preview is not None and spec.preview.due(k + 1):
                    shown = min(1, prompts - 1)
                    image = spec.preview.image(schedule.predict_clean(out[shown], k, x[shown]), k + 1)
                    reporter.preview(Progress(EDIT_PHASE, k + 1, steps), image)
                x = schedule.step(out, k, x, spec.step_noise[k].to(device) if spec.step_noise else None)
                if spec.pin is not None:
                    x[0] = spec.pin[k + 1].to(device)
                x = control.blender.blend(x, control.windows)
                require_finite(x, f"step {k + 1} of {steps}")
                reporter.report(Progress(EDIT_PHASE, k + 1, steps))
        return x, control

    def refine(self, clean: torch.Tensor, cond: Conditioning, uncond: Conditioning, settings: EditSettings,
               start: int, reporter: Reporter | None = None) -> torch.Tensor:
        """Image to image from step *start* of ``settings.steps`` (SDEdit): *clean* latents, one row
        per row of *cond*, noised to that step's level with noise drawn from ``settings.seed`` and
        denoised under *cond* — the structure stays, the model redraws the detail at this size."""
        reporter = reporter or Reporter()
        schedule = self.schedule(settings.steps)
        device = self.model.device
        generator = torch.Generator().manual_seed(settings.seed)

        def draw() -> torch.Tensor:
            return torch.randn(tuple(clean.shape), generator=generator).to(device)

        total = settings.steps - start
        with out_of_memory_as_error(device), torch.no_grad(), library_errors():
            x = schedule.add_noise(clean.to(device).float(), draw(), start)
            for k in range(start, settings.steps):
                reporter.check(REFINE_PHASE)
                out = self.predict.guided(x, schedule.timesteps[k], uncond.to(device), cond, settings.guidance)
                x = schedule.step(out, k, x, draw() if schedule.draws[k] else None)
                require_finite(x, f"refining step {k + 1 - start} of {total}")
                reporter.report(Progress(REFINE_PHASE, k + 1 - start, total))
        return x

    def decode(self, latents: torch.Tensor) -> list[Image.Image]:
        decoded = self.model.decode(latents)
        require_finite(decoded, "decoding")
        return [to_image(x) for x in decoded]

    def _deliver(self, spec: RunSpec, control: AttentionControl, images: list[Image.Image]) -> list[EditedImage]:
        """Each edit at the photo's resolution: a blended edit keeps every unmasked original pixel,
        with the painted mask or the attention's outline cut at the photo's size (its edges are
        not the latent's cells)."""
        blender = control.blender
        masks = [blender.last[e] if blender.last is not None and blender.blended(e) else None
                 for e in range(len(spec.plans))]
        photo = spec.photo
        if photo is None:
            return [EditedImage(plan, images[e + 1], images[e + 1], masks[e], None, spec.per_edit[e])
                    for e, plan in enumerate(spec.plans)]
        size = photo.original.size
        derived = [e for e, m in enumerate(masks) if m is not None and blender.derives(e)]
        guides = None
        if derived and blender.words.refined:  # a reference mask keeps the authors' coarse cut
            guide = guide_of(photo.original)
            # each edit's guide at the photo guide's size, so its outline is cut as finely as the
            # photo's (at the working size its rim would be steps of a whole working pixel)
            side = (guide.shape[2], guide.shape[1])
            edited = tuple(guide_of(image.resize(side, Image.Resampling.BILINEAR)) for image in images[1:])
            guides = Guides(guide, edited)
        outline = blender.words.outline((size[1], size[0]), guides) if derived else None
        feather = spec.settings.feather if spec.settings.feather is not None else max(1.0, 0.005 * max(size))
        # an outline on the object's very edge is feathered outwards only: a soft edge inside it
        # would let the old object's edge through
        soften = outward_feather if guides is not None else feathered_mask
        edits = []
        for e, plan in enumerate(spec.plans):
            image, alpha = images[e + 1], None
            if masks[e] is not None:
                painted = spec.painted[e] if spec.painted is not None else None
                if painted is not None:
                    alpha = _mask_image(painted, size)
                elif outline is not None:
                    alpha = soften(outline[e], size, feather)
            full = composite(photo.original, image, alpha) if alpha is not None else image.resize(
                size, Image.Resampling.LANCZOS)
            edits.append(EditedImage(plan, image, full, masks[e], alpha, spec.per_edit[e]))
        return edits


def _mask_image(mask: np.ndarray, size: tuple[int, int]) -> Image.Image:
    """A painted float mask as an 8-bit alpha image at *size* (its soft edges are kept)."""
    arr = np.clip(np.asarray(mask, dtype=np.float32), 0, 1)
    return Image.fromarray(np.round(arr * 255).astype(np.uint8)).resize(size, Image.Resampling.BILINEAR)
