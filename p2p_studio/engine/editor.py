"""The edit pipeline: prepare a photo, invert it (cached), run Prompt-to-Prompt, deliver images."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence
from typing import Any

import numpy as np
import torch
from PIL import Image

from inversion import (
    Conditioning,
    InversionResult,
    NullTextSettings,
    Progress,
    ReNoiseSettings,
    Reporter,
    Schedule,
    invert,
)
from inversion import Method as LibraryMethod
from p2p_studio.core.detail import MARGIN, STRENGTH, Region, choose_region
from p2p_studio.core.errors import InputError
from p2p_studio.core.photos import working_size
from p2p_studio.core.results import Fidelity, psnr
from p2p_studio.core.settings import EditSettings, Method, ModelChoice
from p2p_studio.core.sweep import DEFAULT_BATCH, SweepCell
from p2p_studio.engine.cache import InversionCache, cache_origin
from p2p_studio.engine.captions import Caption, tokenize
from p2p_studio.engine.defaults import model_defaults
from p2p_studio.engine.detail import mask_bounds, paste
from p2p_studio.engine.guards import Stopwatch, library_errors, out_of_memory_as_error, require_finite
from p2p_studio.engine.images import to_image, to_tensor
from p2p_studio.engine.loading import TokenizerOnly, load_tokenizer
from p2p_studio.engine.model import LoadedModel
from p2p_studio.engine.pipeline import P2PPipeline
from p2p_studio.engine.plan import EditPlan, make_plan
from p2p_studio.engine.preview import LatentPreview, Previews
from p2p_studio.engine.run import Batch, EditRun, PreparedPhoto, RunSpec
from p2p_studio.engine.tiny_decoder import TinyDecoder

EDIT_PHASE = "Editing"
#: Progress of the edited-region pass reads "Edited region: <phase>".
REGION_PHASE = "Edited region"


def refine_start(steps: int, strength: float) -> int:
    """The step an image-to-image pass of *strength* starts at (it runs one step at least)."""
    return steps - max(1, min(steps, round(strength * steps)))


def null_text_settings(settings: EditSettings) -> NullTextSettings:
    """The library's null-text settings from the validated schema's (the guidance is the edit's)."""
    return NullTextSettings(**dataclasses.asdict(settings.inversion_settings()))


def check_plans(choice: ModelChoice, caption: str, edits: Sequence[str],
                settings: EditSettings) -> TokenizerOnly | None:
    """Plan every edit with the model's tokenizer alone, before any weights load: a caption too long
    for the text encoder fails in a second. Returns the tokenizer; nothing is checked, and ``None``
    returned, where it cannot be read without the whole model (the load checks it then)."""
    found = load_tokenizer(choice)
    if found is not None:
        for edit in edits:
            make_plan(found.tokenizer, caption, edit, found.max_tokens, settings)
    return found
class Editor:
    """Runs inversions and edits on one loaded model. Not thread-safe: use from one worker."""

    def __init__(self, model: LoadedModel, cache: InversionCache | None = None) -> None:
        self.model = model
        self.cache = cache
        self.pipeline = P2PPipeline(model)
        self.predict = self.pipeline.predict
        #: Previews drawn by the VAE where it is cheap enough (False: the linear map always).
        self.vae_previews = True
        #: A tiny decoder (TAESD) that draws previews instead of the model's VAE.
        self.preview_decoder: TinyDecoder | None = None
        #: The edited-region mode's context around the mask and share of the steps it redraws
        #: (:data:`p2p_studio.core.detail.MARGIN`, :data:`~p2p_studio.core.detail.STRENGTH`).
        self.region_margin = MARGIN
        self.region_strength = STRENGTH

    # --- inputs -----------------------------------------------------------------------------
    def prepare(self, photo: Image.Image) -> PreparedPhoto:
        size = working_size(*photo.size, self.model.native_size, self.model.size_multiple)
        working = photo.resize(size, Image.Resampling.LANCZOS) if photo.size != size else photo
        pixels = to_tensor(working, size)
        digest = hashlib.sha256(pixels.numpy().tobytes()).hexdigest()[:32]
        return PreparedPhoto(photo, size, pixels, digest, working)

    def embed(self, captions: list[Caption], time_ids: torch.Tensor | None = None) -> Conditioning:
        """Conditioning of *captions*, one row each, padded to the model's token count (*time_ids*:
        SDXL's size conditioning, see :meth:`time_ids`)."""
        return self.model.encode_ids(torch.stack([c.padded() for c in captions]), time_ids)

    def empty_embedding(self, time_ids: torch.Tensor | None = None) -> Conditioning:
        """The unconditional (empty caption) conditioning."""
        return self.model.empty_embedding(time_ids)

    def time_ids(self, photo: PreparedPhoto | None) -> torch.Tensor | None:
        """Size conditioning (SDXL): the photo's real size, crop (0, 0), the size it is worked at;
        without a photo, the model's native size. ``None`` for models without it."""
        if photo is None:
            return self.model.time_ids((self.model.native_size,) * 2, (self.model.native_size,) * 2)
        (w, h), (tw, th) = photo.original.size, photo.size
        return self.model.time_ids((h, w), (th, tw))

    def schedule(self, steps: int) -> Schedule:
        """The schedule of the model's sampler for *steps* steps (a bad count or config: one-line
        errors)."""
        return self.pipeline.schedule(steps)

    def plans(self, caption: str, edits: Sequence[str], settings: EditSettings,
              per_edit: Sequence[EditSettings] | None = None) -> list[EditPlan]:
        """The plan of each edited caption; with *per_edit*, each with its own settings, which may
        differ from the run's *settings* only in :data:`PER_EDIT_FIELDS` (one batch shares the rest)."""
        settings.validate()
        if per_edit is None:
            return [make_plan(self.model.tokenizer, caption, e, self.model.max_tokens, settings) for e in edits]
        if len(per_edit) != len(edits):
            raise InputError("{count} settings given for {captions} edited captions",
                             count=len(per_edit), captions=len(edits))
        for own in per_edit:
            if differences := settings.run_differences(own):
                raise InputError("edits of one run must share {items}", items=', '.join(differences))
        return [make_plan(self.model.tokenizer, caption, e, self.model.max_tokens, own)
                for e, own in zip(edits, per_edit, strict=True)]

    # --- inversion --------------------------------------------------------------------------
    def inversion_origin(self, photo: PreparedPhoto, caption: str, settings: EditSettings) -> str:
        """Everything an inversion depends on, as the text its cache entry must carry."""
        method = Method(settings.method)
        extra = settings.inversion_settings().__dict__ if method is Method.NULL_TEXT else {}
        time_ids = self.time_ids(photo)
        more: dict[str, object] = {"time_ids": time_ids.tolist()} if time_ids is not None else {}
        if method is Method.RENOISE:
            more["renoise"] = dataclasses.asdict(ReNoiseSettings.for_steps(settings.steps, settings.guidance))
        return cache_origin(photo=photo.digest, size=photo.size, caption=" ".join(caption.split()),
                            model=self.model.fingerprint, sampler=self.model.sampler, method=method.value,
                            steps=settings.steps,
                            guidance=settings.guidance, null_text=extra, **more)

    def invert(
        self, photo: PreparedPhoto, caption: str, settings: EditSettings, reporter: Reporter | None = None
    ) -> tuple[InversionResult, bool]:
        """Invert *photo* under *caption*; returns ``(result, came_from_cache)``."""
        settings.validate()
        source = tokenize(self.model.tokenizer, caption, self.model.max_tokens)
        origin = self.inversion_origin(photo, caption, settings)
        time_ids = self.time_ids(photo)
        empty = self.empty_embedding(time_ids)
        height, width = photo.pixels.shape[-2:]
        latent_shape = (1, self.model.latent_channels, height // self.model.vae_scale, width // self.model.vae_scale)
        schedule = self.schedule(settings.steps)
        if self.cache is not None:
            hit = self.cache.get(origin, settings.steps, latent_shape, empty, schedule.stochastic)
            if hit is not None:
                return hit, True
        with out_of_memory_as_error(self.model.device), library_errors():
            latents = self.model.encode_image(photo.pixels)
            require_finite(latents, "encoding the photo")
            result = invert(
                LibraryMethod(settings.method.value), self.predict, schedule, latents,
                self.embed([source], time_ids), empty, null_text_settings(settings), reporter,
                ReNoiseSettings.for_steps(settings.steps, settings.guidance),
            )
        for k, latent in enumerate(reversed(result.trajectory)):
            require_finite(latent, f"inversion step {k}")
        if self.cache is not None:
            self.cache.put(origin, result)
        return result, False

    # --- editing ----------------------------------------------------------------------------
    def edit(
        self,
        photo: PreparedPhoto,
        caption: str,
        edits: list[str],
        settings: EditSettings,
        reporter: Reporter | None = None,
        inversion: InversionResult | None = None,
        user_masks: Sequence[np.ndarray | None] | None = None,
        per_edit: Sequence[EditSettings] | None = None,
    ) -> EditRun:
        """Edit a real photo; every edited caption shares the inversion and one batch.

        *user_masks* (per edit, or ``None``): a hand-painted blend mask, float in [0, 1] at any
        resolution (normally the photo's), that replaces the attention-derived mask of that edit.
        *per_edit*: each edited caption's own settings (see :meth:`plans`). *inversion*: one made
        before (its time is not counted again).
        """
        plans = self.plans(caption, edits, settings, per_edit)
        if user_masks is not None and len(user_masks) != len(plans):
            raise InputError("{count} masks given for {captions} edited captions",
                             count=len(user_masks), captions=len(plans))
        clock = Stopwatch()
        with clock.phase("total"):
            with clock.phase("inversion"):
                inversion, cached = (inversion, False) if inversion is not None else self.invert(
                    photo, caption, settings, reporter)
            spec = self.photo_run(photo, caption, plans, settings, inversion, reporter, per_edit, user_masks)
            batch = self.pipeline.run(spec, reporter)
            region = self.region_of(photo, batch, settings)
            if region is not None:
                with clock.phase("detail"):
                    batch = self._edit_region(photo, region, plans, settings, batch, reporter)
        return self._result(spec, batch, clock.seconds, cached, region)

    def region_of(self, photo: PreparedPhoto, batch: Batch, settings: EditSettings) -> Region | None:
        """The region of a whole-photo *batch* to redraw (``settings.detail``), or ``None``."""
        bounds = mask_bounds([out.mask_full for out in batch.edits])
        return choose_region(settings.detail, bounds, photo.original.size, self.model.native_size, self.region_margin)

    def _edit_region(self, photo: PreparedPhoto, region: Region, plans: list[EditPlan], settings: EditSettings,
                     whole: Batch, reporter: Reporter | None) -> Batch:
        """The edited-region pass: each whole-photo edit, cut to the region and scaled to the working
        size, is redrawn from part-way through the steps under its edited caption (image to image,
        :meth:`P2PPipeline.refine`) and pasted back through the whole pass's own mask, which the
        region holds all of: mask and untouched pixels are the whole pass's exactly. The whole-photo
        edit is shown as a preview meanwhile; reconstruction and maps stay the whole pass's."""
        if reporter is not None and reporter.on_preview is not None:
            first = whole.edits[0].full
            scale = min(1.0, 2 * self.model.native_size / max(first.size))
            reporter.preview(Progress(EDIT_PHASE, settings.steps, settings.steps),
                             first.resize((max(1, round(first.width * scale)), max(1, round(first.height * scale)))))
        crops = [self.prepare(out.full.crop(region.box)) for out in whole.edits]
        time_ids = self.time_ids(crops[0])
        with out_of_memory_as_error(self.model.device), library_errors():
            clean = self.model.encode_image(torch.cat([crop.pixels for crop in crops]))
        require_finite(clean, "encoding the edited region")
        clock = Stopwatch()
        with clock.phase("refine"):
            latents = self.pipeline.refine(clean, self.embed([p.target for p in plans], time_ids),
                                           self.empty_embedding(time_ids), settings,
                                           refine_start(settings.steps, self.region_strength),
                                           _phase_reporter(reporter, REGION_PHASE))
        with clock.phase("decode"):
            images = self.pipeline.decode(latents)
        edits = []
        for out, image in zip(whole.edits, images, strict=True):
            if out.mask_full is None:  # not chosen so (every edit has a mask); the whole edit stands
                edits.append(out)
                continue
            full = paste(photo.original, region.box, image, out.mask_full.crop(region.box))
            edits.append(dataclasses.replace(out, image=full.resize(photo.size, Image.Resampling.LANCZOS), full=full))
        seconds = {f"detail_{k}": v for k, v in clock.seconds.items()}
        return dataclasses.replace(whole, edits=edits, seconds={**whole.seconds, **seconds})

    def generate(
        self, caption: str, edits: Sequence[str], settings: EditSettings, reporter: Reporter | None = None,
        per_edit: Sequence[EditSettings] | None = None,
    ) -> EditRun:
        """Text-to-image P2P from a seed (the paper's Algorithm 1)."""
        plans = self.plans(caption, edits, settings, per_edit)
        clock = Stopwatch()
        with clock.phase("total"):
            spec = self.seed_run(caption, plans, settings, per_edit)
            batch = self.pipeline.run(spec, reporter)
        return self._result(spec, batch, clock.seconds, False)

    def sweep(
        self,
        photo: PreparedPhoto | None,
        caption: str,
        cells: Sequence[SweepCell],
        settings: EditSettings,
        reporter: Reporter | None = None,
        batch: int = DEFAULT_BATCH,
    ) -> EditRun:
        """Every cell of a parameter sweep, *batch* edited captions per batched run, all from one
        inversion of *photo* (without a photo: generated from the seed). One run's worth of results,
        the cells' edits in order; progress counts the steps of all runs together."""
        if not cells:
            raise InputError("the sweep has no cells")
        if batch < 1:
            raise InputError("the sweep batch must be at least 1, not {batch}", batch=batch)
        plans = self.plans(caption, [c.edit for c in cells], settings, [c.settings for c in cells])
        chunks = [range(i, min(i + batch, len(cells))) for i in range(0, len(cells), batch)]
        clock = Stopwatch()
        cached = False
        with clock.phase("total"):
            inversion = None
            if photo is not None:
                with clock.phase("inversion"):
                    inversion, cached = self.invert(photo, caption, settings, reporter)
            specs, batches = [], []
            for n, chunk in enumerate(chunks):
                part = _part_reporter(reporter, n, len(chunks))
                own = [cells[i].settings for i in chunk]
                specs.append(self._chunk_run(photo, caption, [plans[i] for i in chunk], settings, inversion, part, own))
                batches.append(self.pipeline.run(specs[-1], part))
        return self._result(specs[0], Batch.merge(batches), clock.seconds, cached)

    def _chunk_run(self, photo: PreparedPhoto | None, caption: str, plans: list[EditPlan], settings: EditSettings,
                   inversion: InversionResult | None, reporter: Reporter | None,
                   per_edit: Sequence[EditSettings]) -> RunSpec:
        if photo is None or inversion is None:
            return self.seed_run(caption, plans, settings, per_edit)
        return self.photo_run(photo, caption, plans, settings, inversion, reporter, per_edit)

    # --- run specifications -------------------------------------------------------------------
    def photo_run(
        self, photo: PreparedPhoto, caption: str, plans: list[EditPlan], settings: EditSettings,
        inversion: InversionResult, reporter: Reporter | None = None,
        per_edit: Sequence[EditSettings] | None = None, user_masks: Sequence[np.ndarray | None] | None = None,
    ) -> RunSpec:
        """The run that edits *photo* from its inversion (previews fitted when *reporter* takes them)."""
        if inversion.num_steps != settings.steps:
            raise InputError("the inversion has {num_steps} steps but the edit asks for {steps}",
                             num_steps=inversion.num_steps, steps=settings.steps)
        source = tokenize(self.model.tokenizer, caption, self.model.max_tokens)
        time_ids = self.time_ids(photo)
        cond = self.embed([source] + [p.target for p in plans], time_ids)
        empty, source_emb = self.empty_embedding(time_ids), cond[:1]

        def uncond_at(k: int) -> Conditioning:
            return inversion.unconditional_at(k, empty, source_emb)

        preview = None
        if reporter is not None and reporter.on_preview is not None:
            preview = Previews(LatentPreview.fit(inversion.trajectory[-1][0], photo.working),
                               self._decode_one if self.vae_previews else None)
        return RunSpec(
            inversion.noise, source, plans, cond, uncond_at, settings, _each(per_edit, settings, plans), photo,
            pin=inversion.trajectory if inversion.pin_source else None,
            painted=tuple(user_masks) if user_masks else None, preview=preview,
            step_noise=tuple(inversion.step_noise),
        )

    def _decode_one(self, latent: torch.Tensor) -> Image.Image:
        """One scaled latent ``(C, h, w)`` as an image (a preview's decode)."""
        if self.preview_decoder is not None:
            return self.preview_decoder.decode(latent)
        return to_image(self.model.decode(latent[None])[0])

    def seed_run(self, caption: str, plans: list[EditPlan], settings: EditSettings,
                 per_edit: Sequence[EditSettings] | None = None) -> RunSpec:
        """The run that generates from ``settings.seed``: the initial noise is drawn as diffusers'
        ``StableDiffusionPipeline`` draws it with ``generator=torch.Generator(device).manual_seed(seed)``
        at the model's native size."""
        from diffusers.utils.torch_utils import randn_tensor

        source = tokenize(self.model.tokenizer, caption, self.model.max_tokens)
        side = self.model.native_size // self.model.vae_scale
        device = self.model.device
        generator = torch.Generator(device="cpu" if device.type == "mps" else device).manual_seed(settings.seed)
        noise = randn_tensor((1, self.model.latent_channels, side, side), generator=generator, device=device,
                             dtype=self.model.dtype).float()
        schedule = self.schedule(settings.steps)
        # a stochastic sampler's noise, drawn after the initial noise as diffusers' schedulers draw it
        drawn = {k: randn_tensor(tuple(noise.shape), generator=generator, device=device, dtype=self.model.dtype)
                 for k in range(schedule.num_steps) if schedule.draws[k]}
        step_noise = tuple(drawn.get(k, torch.zeros_like(noise)).float() for k in range(schedule.num_steps)) \
            if schedule.stochastic else ()
        noise = noise * schedule.init_noise_sigma
        time_ids = self.time_ids(None)
        empty = self.empty_embedding(time_ids)
        cond = self.embed([source] + [p.target for p in plans], time_ids)
        return RunSpec(noise, source, plans, cond, lambda k: empty, settings, _each(per_edit, settings, plans),
                       step_noise=step_noise)

    def _result(self, spec: RunSpec, batch: Batch, seconds: dict[str, float], cached: bool,
                region: Region | None = None) -> EditRun:
        """The run's result: the batch's images and maps, timings, and the source branch's fidelity."""
        timings = {**batch.seconds, **seconds}
        photo = spec.photo
        if photo is None:
            return EditRun(batch.reconstruction, batch.reconstruction, batch.edits, batch.latents, batch.attention,
                           batch.captions, spec.settings, timings)
        fidelity = Fidelity(Method(spec.settings.method),
                            psnr(np.asarray(batch.reconstruction), np.asarray(photo.working.convert("RGB"))),
                            few_step=model_defaults(self.model).few_step)
        full = batch.reconstruction.resize(photo.original.size, Image.Resampling.LANCZOS)
        return EditRun(batch.reconstruction, full, batch.edits, batch.latents, batch.attention, batch.captions,
                       spec.settings, timings, cached, fidelity, region)


def _each(per_edit: Sequence[EditSettings] | None, settings: EditSettings, plans: list[EditPlan]) -> tuple[
        EditSettings, ...]:
    """Each edit's settings: its own where given, else the run's."""
    return tuple(per_edit) if per_edit is not None else (settings,) * len(plans)


def _phase_reporter(reporter: Reporter | None, prefix: str) -> Reporter | None:
    """A reporter whose phases read "*prefix*: phase" (and that takes no previews)."""
    if reporter is None:
        return None

    def on_progress(progress: Progress) -> None:
        reporter.report(Progress(f"{prefix}: {progress.phase}", progress.step, progress.total))

    return Reporter(on_progress=on_progress, should_stop=reporter.should_stop)


def _part_reporter(reporter: Reporter | None, part: int, parts: int) -> Reporter | None:
    """A reporter for run *part* of *parts* whose edit steps count towards all the runs' steps."""
    if reporter is None or parts == 1:
        return reporter

    def whole(progress: Progress) -> Progress:
        if progress.phase != EDIT_PHASE:
            return progress
        return Progress(EDIT_PHASE, part * progress.total + progress.step, parts * progress.total)

    def on_progress(progress: Progress) -> None:
        reporter.report(whole(progress))

    def on_preview(progress: Progress, image: Any) -> None:
        reporter.preview(whole(progress), image)

    return Reporter(on_progress=on_progress, should_stop=reporter.should_stop,
                    on_preview=on_preview if reporter.on_preview is not None else None)
