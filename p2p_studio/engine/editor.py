"""The edit pipeline: prepare a photo, invert it (cached), run Prompt-to-Prompt, deliver images."""

from __future__ import annotations

import dataclasses
import hashlib
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

from inversion import Cancelled as LibraryCancelled
from inversion import (
    Conditioning,
    DDIMSchedule,
    InversionResult,
    NoisePredictor,
    NullTextSettings,
    Progress,
    Reporter,
    SchedulerError,
    StepsError,
    invert,
)
from inversion import Method as LibraryMethod
from p2p_studio.core.errors import Cancelled, InputError, ModelError, NumericalError, OutOfMemory
from p2p_studio.core.photos import working_size
from p2p_studio.core.results import EditResult, Fidelity, psnr
from p2p_studio.core.settings import EditSettings, Method, ModelChoice
from p2p_studio.core.sweep import DEFAULT_BATCH, SweepCell
from p2p_studio.engine.cache import InversionCache, cache_origin
from p2p_studio.engine.captions import Caption, tokenize
from p2p_studio.engine.control import AttentionControl, attention_levels, controlled_attention
from p2p_studio.engine.images import composite, feathered_mask, to_image, to_tensor
from p2p_studio.engine.loading import load_tokenizer
from p2p_studio.engine.maps import word_maps
from p2p_studio.engine.model import LoadedModel
from p2p_studio.engine.plan import EditPlan, make_plan
from p2p_studio.engine.preview import LatentPreview

EDIT_PHASE = "Editing"


@contextmanager
def library_errors() -> Iterator[None]:
    """The inversion library's errors as P2P Studio's: a step count the scheduler cannot run is the
    user's input, a scheduler it cannot use is the model's, a stop is the app's :class:`Cancelled`."""
    try:
        yield
    except StepsError as exc:
        raise InputError(str(exc)) from None
    except SchedulerError as exc:
        raise ModelError(str(exc)) from None
    except LibraryCancelled as exc:
        raise Cancelled(exc.phase) from None


def null_text_settings(settings: EditSettings) -> NullTextSettings:
    """The library's null-text settings from the validated schema's (the guidance is the edit's)."""
    return NullTextSettings(**dataclasses.asdict(settings.inversion_settings()))


def require_finite(tensor: torch.Tensor, where: str) -> None:
    """Stop with :class:`NumericalError` if *tensor* holds NaN or infinity (broken weights, an
    overflow in half precision): a black or unchanged image is never delivered as a result."""
    if not bool(torch.isfinite(tensor).all()):
        raise NumericalError(f"the model produced NaN or infinity at {where}; nothing was written (on a GPU try "
                             "--precision fp32; otherwise the model's weights may be damaged)")


def check_plans(choice: ModelChoice, caption: str, edits: Sequence[str], settings: EditSettings) -> None:
    """Plan every edit with the model's tokenizer alone, before any weights load: a caption too long
    for the text encoder fails in a second. Nothing is checked where the tokenizer cannot be read
    without the whole model (the load checks it then)."""
    found = load_tokenizer(choice)
    if found is not None:
        for edit in edits:
            make_plan(found.tokenizer, caption, edit, found.max_tokens, settings)
#: About this many previews per edit when a reporter asks for them.
PREVIEWS_PER_RUN = 10


@dataclass
class PreparedPhoto:
    """A user photo at full resolution and resized for the model."""

    original: Image.Image
    size: tuple[int, int]
    pixels: torch.Tensor
    digest: str
    #: The photo at the model's working size (what the reconstruction is compared with).
    working: Image.Image


@dataclass
class EditedImage:
    """One edited caption of a run: at the model's size, and at the photo's (``full``)."""

    plan: EditPlan
    image: Image.Image
    full: Image.Image
    mask: torch.Tensor | None = None
    mask_full: Image.Image | None = None
    #: The settings this caption was edited with (a sweep's cell differs from the run's).
    settings: EditSettings | None = None


@dataclass
class EditRun:
    """Everything one batched run produced: the source branch, each edited caption, and the
    tensors behind them (latents, attention maps) for analysis and tests."""

    reconstruction: Image.Image
    reconstruction_full: Image.Image
    edits: list[EditedImage]
    latents: torch.Tensor
    #: ``(P, L, h, w)`` averaged cross-attention maps per prompt (source first).
    attention: torch.Tensor | None
    captions: list[Caption]
    settings: EditSettings
    timings: dict[str, float] = field(default_factory=dict)
    inversion_cached: bool = False
    #: The source branch against the photo (real-photo edits only).
    fidelity: Fidelity | None = None

    def results(self) -> list[EditResult]:
        """Each edited caption as the display-ready :class:`EditResult` the other layers use."""
        seconds = self.timings.get("total", 0.0)
        return [
            EditResult(
                caption=self.captions[0].text, edit=out.plan.edit, settings=out.settings or self.settings,
                plan=out.plan.summary(), image=out.full, reconstruction=self.reconstruction_full,
                mask=out.mask_full, word_maps=tuple(word_maps(self.attention, self.captions, (0, i + 1))),
                seconds=seconds, inversion_cached=self.inversion_cached, fidelity=self.fidelity,
            )
            for i, out in enumerate(self.edits)
        ]


@contextmanager
def out_of_memory_as_error(device: torch.device) -> Iterator[None]:
    """Turn the many out-of-memory exceptions into one clear :class:`OutOfMemory`."""
    try:
        yield
    except torch.OutOfMemoryError as exc:
        raise OutOfMemory(_oom_message(device)) from exc
    except RuntimeError as exc:
        if "out of memory" in str(exc).lower():
            raise OutOfMemory(_oom_message(device)) from exc
        raise


def _oom_message(device: torch.device) -> str:
    return (
        f"the {device.type} device ran out of memory; try fewer edited captions, half precision, "
        "a smaller photo size or the CPU"
    )


class Editor:
    """Runs inversions and edits on one loaded model. Not thread-safe: use from one worker."""

    def __init__(self, model: LoadedModel, cache: InversionCache | None = None) -> None:
        self.model = model
        self.cache = cache
        self.predict = NoisePredictor(model.unet)

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

    def schedule(self, steps: int) -> DDIMSchedule:
        """The model's DDIM schedule of *steps* steps (a bad count or config: one-line errors)."""
        with library_errors():
            return DDIMSchedule(self.model.scheduler_config, steps)

    def plans(self, caption: str, edits: Sequence[str], settings: EditSettings,
              per_edit: Sequence[EditSettings] | None = None) -> list[EditPlan]:
        """The plan of each edited caption; with *per_edit*, each with its own settings, which may
        differ from the run's *settings* only in :data:`PER_EDIT_FIELDS` (one batch shares the rest)."""
        settings.validate()
        if per_edit is None:
            return [make_plan(self.model.tokenizer, caption, e, self.model.max_tokens, settings) for e in edits]
        if len(per_edit) != len(edits):
            raise InputError(f"{len(per_edit)} settings given for {len(edits)} edited captions")
        for own in per_edit:
            if differences := settings.run_differences(own):
                raise InputError(f"edits of one run must share {', '.join(differences)}")
        return [make_plan(self.model.tokenizer, caption, e, self.model.max_tokens, own)
                for e, own in zip(edits, per_edit, strict=True)]

    # --- inversion --------------------------------------------------------------------------
    def inversion_origin(self, photo: PreparedPhoto, caption: str, settings: EditSettings) -> str:
        """Everything an inversion depends on, as the text its cache entry must carry."""
        method = Method(settings.method)
        extra = settings.inversion_settings().__dict__ if method is Method.NULL_TEXT else {}
        time_ids = self.time_ids(photo)
        sizes = {"time_ids": time_ids.tolist()} if time_ids is not None else {}
        return cache_origin(photo=photo.digest, size=photo.size, caption=" ".join(caption.split()),
                            model=self.model.fingerprint, method=method.value, steps=settings.steps,
                            guidance=settings.guidance, null_text=extra, **sizes)

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
        if self.cache is not None:
            hit = self.cache.get(origin, settings.steps, latent_shape, empty)
            if hit is not None:
                return hit, True
        with out_of_memory_as_error(self.model.device), library_errors():
            latents = self.model.encode_image(photo.pixels)
            require_finite(latents, "encoding the photo")
            result = invert(
                LibraryMethod(settings.method.value), self.predict, self.schedule(settings.steps), latents,
                self.embed([source], time_ids), empty, null_text_settings(settings), reporter,
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
        *per_edit*: each edited caption's own settings (see :meth:`plans`).
        """
        plans = self.plans(caption, edits, settings, per_edit)
        if user_masks is not None and len(user_masks) != len(plans):
            raise InputError(f"{len(user_masks)} masks given for {len(plans)} edited captions")
        timings: dict[str, float] = {}
        start = time.perf_counter()
        cached = False
        if inversion is None:
            inversion, cached = self.invert(photo, caption, settings, reporter)
        if inversion.num_steps != settings.steps:
            raise InputError(f"the inversion has {inversion.num_steps} steps but the edit asks for {settings.steps}")
        timings["inversion"] = time.perf_counter() - start
        source = tokenize(self.model.tokenizer, caption, self.model.max_tokens)
        captions = [source] + [p.target for p in plans]
        time_ids = self.time_ids(photo)
        cond = self.embed(captions, time_ids)
        empty, source_emb = self.empty_embedding(time_ids), cond[:1]
        pin = inversion.trajectory if inversion.pin_source else None

        def uncond_at(k: int) -> Conditioning:
            return inversion.unconditional_at(k, empty, source_emb)

        latent_masks = _latent_masks(user_masks, tuple(inversion.noise.shape[-2:])) if user_masks else None
        preview = None
        if reporter is not None and reporter.on_preview is not None:
            preview = LatentPreview.fit(inversion.trajectory[-1][0], photo.working)
        result = self._run(inversion.noise, uncond_at, cond, captions, plans, settings, pin, reporter, timings,
                           latent_masks, photo.original.size, preview, per_edit)
        result.inversion_cached = cached
        result.fidelity = Fidelity(Method(settings.method), psnr(np.asarray(result.reconstruction),
                                                                 np.asarray(photo.working.convert("RGB"))))
        self._deliver_full(result, photo.original, user_masks)
        timings["total"] = time.perf_counter() - start
        return result

    def generate(
        self, caption: str, edits: Sequence[str], settings: EditSettings, reporter: Reporter | None = None,
        per_edit: Sequence[EditSettings] | None = None,
    ) -> EditRun:
        """Text-to-image P2P from a seed (the paper's Algorithm 1).

        The initial noise is drawn as diffusers' ``StableDiffusionPipeline`` draws it with
        ``generator=torch.Generator(device).manual_seed(seed)`` at the model's native size.
        """
        from diffusers.utils.torch_utils import randn_tensor

        plans = self.plans(caption, edits, settings, per_edit)
        source = tokenize(self.model.tokenizer, caption, self.model.max_tokens)
        captions = [source] + [p.target for p in plans]
        side = self.model.native_size // self.model.vae_scale
        device = self.model.device
        generator = torch.Generator(device="cpu" if device.type == "mps" else device).manual_seed(settings.seed)
        noise = randn_tensor((1, self.model.latent_channels, side, side), generator=generator, device=device,
                             dtype=self.model.dtype).float()
        noise = noise * self.schedule(settings.steps).init_noise_sigma
        time_ids = self.time_ids(None)
        empty = self.empty_embedding(time_ids)
        timings: dict[str, float] = {}
        start = time.perf_counter()
        result = self._run(noise, lambda k: empty, self.embed(captions, time_ids), captions, plans, settings, None,
                           reporter, timings, per_edit=per_edit)
        for out in result.edits:
            out.full = out.image
        result.reconstruction_full = result.reconstruction
        timings["total"] = time.perf_counter() - start
        return result

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
            raise InputError(f"the sweep batch must be at least 1, not {batch}")
        chunks = [list(cells[i:i + batch]) for i in range(0, len(cells), batch)]
        self.plans(caption, [c.edit for c in cells], settings, [c.settings for c in cells])  # fail before inverting
        start = time.perf_counter()
        inversion, cached = (None, False) if photo is None else self.invert(photo, caption, settings, reporter)
        inverted = time.perf_counter() - start
        runs = []
        for n, chunk in enumerate(chunks):
            part = _part_reporter(reporter, n, len(chunks))
            edits, own = [c.edit for c in chunk], [c.settings for c in chunk]
            if photo is None:
                runs.append(self.generate(caption, edits, settings, part, own))
            else:
                runs.append(self.edit(photo, caption, edits, settings, part, inversion, per_edit=own))
        merged = _merge_runs(runs)
        merged.inversion_cached = cached
        for key in ("inversion", "total"):  # the runs were given the inversion: count it once here
            merged.timings[key] = merged.timings.get(key, 0.0) + inverted
        return merged

    def _run(
        self,
        noise: torch.Tensor,
        uncond_at: Callable[[int], Conditioning],
        cond: Conditioning,
        captions: list[Caption],
        plans: list[EditPlan],
        settings: EditSettings,
        pin: list[torch.Tensor] | None,
        reporter: Reporter | None,
        timings: dict[str, float],
        user_masks: list[torch.Tensor | None] | None = None,
        full_size: tuple[int, int] | None = None,
        preview: LatentPreview | None = None,
        per_edit: Sequence[EditSettings] | None = None,
    ) -> EditRun:
        """Denoise and decode; with *full_size* (w, h), derived masks are also cut at that size
        from the same maps (``mask_full``), so their edges are not the latent's cells."""
        reporter = reporter or Reporter()
        t0 = time.perf_counter()
        with out_of_memory_as_error(self.model.device):
            latents, controller = self.denoise(noise, uncond_at, cond, plans, settings, pin, reporter, user_masks,
                                               preview)
        timings["edit"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        with out_of_memory_as_error(self.model.device):
            decoded = self.model.decode(latents)
            require_finite(decoded, "decoding")
            images = [to_image(x) for x in decoded]
        timings["decode"] = time.perf_counter() - t0
        masks = controller.masks
        outputs = [
            EditedImage(plan, images[i + 1], images[i + 1],
                       masks[i] if masks is not None and controller.blended(i) else None, settings=edit_settings)
            for i, (plan, edit_settings) in enumerate(zip(plans, per_edit or [settings] * len(plans), strict=True))
        ]
        if full_size is not None and masks is not None:
            self._full_masks(controller, outputs, full_size, settings)
        return EditRun(images[0], images[0], outputs, latents, controller.attention_maps(), captions, settings, timings)

    def denoise(
        self,
        noise: torch.Tensor,
        uncond_at: Callable[[int], Conditioning],
        cond: Conditioning,
        plans: list[EditPlan],
        settings: EditSettings,
        pin: list[torch.Tensor] | None,
        reporter: Reporter,
        user_masks: list[torch.Tensor | None] | None = None,
        preview: LatentPreview | None = None,
    ) -> tuple[torch.Tensor, AttentionControl]:
        """The P2P sampling loop: every caption of *cond* denoised together from *noise*.

        Returns the final latents (source first) and the controller holding maps and masks. With
        *preview*, about ten times per run the clean latent the model predicts for the first edited
        caption goes to ``reporter.preview`` as an image.
        """
        schedule = self.schedule(settings.steps)
        prompts = cond.rows
        device = self.model.device
        latent_hw = (noise.shape[-2], noise.shape[-1])
        levels = len(self.model.unet.config.block_out_channels)
        controller = AttentionControl(plans, settings, latent_hw, levels, self.model.max_tokens, user_masks,
                                      attention_levels(self.model.unet))
        x = noise.to(device).float().expand(prompts, -1, -1, -1).clone()
        every = max(1, settings.steps // PREVIEWS_PER_RUN)
        with controlled_attention(self.model.unet, controller), torch.no_grad(), library_errors():
            for k in range(settings.steps):
                reporter.check(EDIT_PHASE)
                controller.begin_step(k)
                out = self.predict.guided(x, schedule.timesteps[k], uncond_at(k).to(device), cond, settings.guidance)
                if preview is not None and (k + 1) % every == 0 and k + 1 < settings.steps:
                    shown = min(1, prompts - 1)
                    image = preview.image(schedule.predict_clean(out[shown], k, x[shown]))
                    reporter.preview(Progress(EDIT_PHASE, k + 1, settings.steps), image)
                x = schedule.step(out, k, x)
                if pin is not None:
                    x[0] = pin[k + 1].to(device)
                x = controller.blend(x)
                require_finite(x, f"step {k + 1} of {settings.steps}")
                reporter.report(Progress(EDIT_PHASE, k + 1, settings.steps))
        return x, controller

    @staticmethod
    def _full_masks(controller: AttentionControl, outputs: list[EditedImage], size: tuple[int, int],
                    settings: EditSettings) -> None:
        """Feathered alpha at the photo's size for each edit whose mask the attention gave."""
        derived = [i for i, out in enumerate(outputs) if out.mask is not None and controller.user_masks[i] is None]
        full = controller.outline_masks((size[1], size[0])) if derived else None
        if full is None:
            return
        feather = settings.feather if settings.feather is not None else max(1.0, 0.005 * max(size))
        for i in derived:
            outputs[i].mask_full = feathered_mask(full[i], size, feather)

    def _deliver_full(self, result: EditRun, original: Image.Image,
                      user_masks: Sequence[np.ndarray | None] | None = None) -> None:
        """Results at the photo's own resolution; blended edits keep every unmasked original pixel."""
        size = original.size
        result.reconstruction_full = result.reconstruction.resize(size, Image.Resampling.LANCZOS)
        for i, out in enumerate(result.edits):
            if out.mask is None:
                out.full = out.image.resize(size, Image.Resampling.LANCZOS)
                continue
            user = user_masks[i] if user_masks is not None else None
            if user is not None:
                out.mask_full = _mask_image(user, size)
            assert out.mask_full is not None
            out.full = composite(original, out.image, out.mask_full)


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


def _merge_runs(runs: list[EditRun]) -> EditRun:
    """Runs that share their source branch as one: its source once, then every run's edits."""
    first = runs[0]
    if len(runs) == 1:
        return first
    maps = [r.attention for r in runs]
    attention = None
    if all(m is not None for m in maps):
        attention = torch.cat([m if i == 0 else m[1:] for i, m in enumerate(maps) if m is not None])
    timings: dict[str, float] = {}
    for r in runs:
        for key, value in r.timings.items():
            timings[key] = timings.get(key, 0.0) + value
    return EditRun(
        first.reconstruction, first.reconstruction_full, [e for r in runs for e in r.edits],
        torch.cat([first.latents] + [r.latents[1:] for r in runs[1:]]), attention,
        first.captions + [c for r in runs[1:] for c in r.captions[1:]], first.settings, timings,
        fidelity=first.fidelity,
    )


def _latent_masks(user_masks: Sequence[np.ndarray | None], latent_hw: tuple[int, ...]) -> list[torch.Tensor | None]:
    """Hand-painted masks at latent size: a latent cell is edited where most of its pixels are."""
    out: list[torch.Tensor | None] = []
    for mask in user_masks:
        if mask is None:
            out.append(None)
            continue
        t = torch.from_numpy(np.asarray(mask, dtype=np.float32))[None, None]
        out.append(F.interpolate(t, size=latent_hw, mode="area")[0, 0] > 0.5)
    return out


def _mask_image(mask: np.ndarray, size: tuple[int, int]) -> Image.Image:
    """A painted float mask as an 8-bit alpha image at *size* (its soft edges are kept)."""
    arr = np.clip(np.asarray(mask, dtype=np.float32), 0, 1)
    return Image.fromarray(np.round(arr * 255).astype(np.uint8)).resize(size, Image.Resampling.BILINEAR)
