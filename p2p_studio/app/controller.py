"""Connects the session (document) to the engine worker: what runs when, and where results go.

It knows the worker only through its signals and ``submit``/``cancel`` methods (it is handed the
worker object, a :class:`WorkerLike`), so neither it nor the widgets import torch, and its tests
run against a fake worker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PIL import Image
from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QTimer, Signal

from p2p_studio import __version__
from p2p_studio.app.core_text import fidelity_hint, fidelity_text, message_text, progress_text, sentence
from p2p_studio.app.jobs import (
    Edit,
    Export,
    Failure,
    FoundRecipe,
    InversionState,
    Invert,
    Inverted,
    Job,
    JobKind,
    JobParams,
    JobPayload,
    ModelInfo,
    OpenPhoto,
    Plan,
    Preview,
    ProgressReport,
    ReadRecipe,
    Sweep,
    SweepDone,
    WordWarnings,
)
from p2p_studio.app.session import HistoryItem, Session
from p2p_studio.core.captions import UNCHANGED, unchanged
from p2p_studio.core.detail import outlook
from p2p_studio.core.errors import ErrorKind, InputError
from p2p_studio.core.eta import clock
from p2p_studio.core.photos import LoadedPhoto
from p2p_studio.core.recipe import Recipe
from p2p_studio.core.results import EditResult, Fidelity
from p2p_studio.core.settings import EditSettings, ModelChoice, ModelDefaults
from p2p_studio.core.sweep import SweepCell, SweepGrid

OOM_HINT = str(QT_TRANSLATE_NOOP(
    "StudioController", "Try a smaller photo, fewer edits at once, or Settings → Device: cpu / Precision: fp16."))


class WorkerLike(Protocol):
    job_started: Any
    progress: Any
    preview: Any
    job_finished: Any
    job_failed: Any
    job_cancelled: Any
    plan_ready: Any
    model_ready: Any

    def submit(self, params: JobParams) -> Job: ...
    def request_plan(self, caption: str, edit: str, settings: EditSettings) -> int: ...
    def cancel(self, job_id: int) -> None: ...
    def cancel_all(self) -> None: ...
    def set_model(self, choice: ModelChoice) -> Job: ...
    def shutdown(self, timeout: float = 10.0) -> None: ...


@dataclass(frozen=True)
class SweepSheet:
    """A finished sweep as the window shows it: each cell with its history item and thumbnail."""

    grid: SweepGrid
    cells: tuple[SweepCell, ...]
    items: tuple[HistoryItem, ...]
    thumbnails: tuple[Image.Image, ...]


class StudioController(QObject):
    """Runs inversions and edits for the session and reports their state for the window."""

    status = Signal(str)  # one-line status text
    error = Signal(str)  # one-line error for the user
    progress = Signal(str, float, str)  # phase text, fraction, ETA text
    busy_changed = Signal(bool)
    plan_changed = Signal(str, bool)  # text, is_error
    #: Words the text encoder is likely to misread, per caption (:class:`WordWarnings`).
    words_changed = Signal(object)
    model_changed = Signal(object)  # ModelInfo
    exported = Signal(str)
    recipe_found = Signal(object, str)  # FoundRecipe, path
    photo_opened = Signal(object)  # Path, or None for a pasted image
    preview = Signal(object, str)  # PIL image of the running edit (latent resolution), caption line
    sweep_ready = Signal(object)  # SweepSheet

    def __init__(self, session: Session, worker: WorkerLike, auto_invert_ms: int = 700) -> None:
        super().__init__()
        self.session, self.worker = session, worker
        self.model: ModelInfo | None = None
        #: The model defaults the session's settings follow (see :meth:`ModelDefaults.follow`).
        self._defaults = ModelDefaults()
        #: Where a recipe's LoRAs are looked for (by name, then content hash).
        self.lora_folders: list[Path] = []
        self._jobs: dict[int, Job] = {}
        self._running: set[int] = set()  # ids of started jobs (known from job_started, on this thread)
        self._last_progress: dict[int, ProgressReport] = {}  # per running job
        self._after_open: dict[int, Callable[[], None]] = {}
        self._plan_request = 0
        self._invert_job: Job | None = None
        self._auto = QTimer(self)
        self._auto.setSingleShot(True)
        self._auto.setInterval(auto_invert_ms)
        self._auto.timeout.connect(self.start_inversion)
        self._plan_timer = QTimer(self)
        self._plan_timer.setSingleShot(True)
        self._plan_timer.setInterval(150)
        self._plan_timer.timeout.connect(self._ask_plan)
        worker.job_started.connect(self._on_started)
        worker.progress.connect(self._on_progress)
        worker.preview.connect(self._on_preview)
        worker.job_finished.connect(self._on_finished)
        worker.job_failed.connect(self._on_failed)
        worker.job_cancelled.connect(self._on_cancelled)
        worker.plan_ready.connect(self._on_plan)
        worker.model_ready.connect(self._on_model)
        session.caption_changed.connect(self._caption_changed)
        session.edit_changed.connect(lambda _: self._plan_timer.start())
        session.settings_changed.connect(self._settings_changed)
        session.photo_changed.connect(self._photo_changed)
        session.restored.connect(lambda: self._follow(self._defaults, ModelDefaults()))

    # --- state ------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def _track(self, job: Job) -> Job:
        self._jobs[job.id] = job
        self.busy_changed.emit(True)
        return job

    def _untrack(self, job: Job) -> None:
        self._jobs.pop(job.id, None)
        self._running.discard(job.id)
        self._last_progress.pop(job.id, None)
        if self._invert_job is not None and self._invert_job.id == job.id:
            self._invert_job = None
        if not self._jobs:
            self.busy_changed.emit(False)

    # --- inversion ----------------------------------------------------------------------------
    def _caption_changed(self, _: str) -> None:
        self._plan_timer.start()
        if self.session.photo is not None and self.session.caption.strip():
            before = self.session.inversion_state in (InversionState.NONE, InversionState.CANCELLED)
            self.session.set_inversion(InversionState.STALE, "Inverts when you stop typing" if before else
                                       "Caption changed: inverts again when you stop typing")
            self._auto.start()

    def _photo_changed(self) -> None:
        self.cancel_all(keep_model=True)
        if self.session.caption.strip() and self.session.photo is not None:
            self._auto.start()

    def _settings_changed(self, _: EditSettings) -> None:
        self._plan_timer.start()

    def start_inversion(self) -> Job | None:
        s = self.session
        if s.photo is None:
            self.error.emit(self.tr("Open a photo first (File → Open, drag and drop, or paste)."))
            return None
        if not s.caption.strip():
            self.error.emit(self.tr("Type a caption that describes the photo first."))
            return None
        if self._invert_job is not None:
            self.worker.cancel(self._invert_job.id)
        self._invert_job = self._track(self.worker.submit(Invert(s.photo, s.photo_key, s.caption, s.settings)))
        s.set_inversion(InversionState.QUEUED, "queued")
        return self._invert_job

    def stop_inversion(self) -> None:
        if self._invert_job is not None:
            self.worker.cancel(self._invert_job.id)

    # --- editing ------------------------------------------------------------------------------
    def _ready_to_edit(self, edit: str) -> bool:
        """Whether there is a photo and both captions, and the edit changes something; says what is
        missing otherwise."""
        if self.session.photo is None:
            self.error.emit(self.tr("Open a photo first."))
            return False
        if not self.session.caption.strip() or not edit:
            self.error.emit(self.tr("Both the caption and the edited caption are needed."))
            return False
        if unchanged(self.session.caption, edit):
            self.error.emit(f"{_unchanged_sentence()}.")
            return False
        return True

    def edit_blocked(self) -> str | None:
        """Why the session's edited caption cannot be queued as it stands (``None``: it can)."""
        s = self.session
        return _unchanged_sentence() if unchanged(s.caption, s.edit) else None

    def queue_edit(self, edit: str | None = None, use_mask: bool = False) -> Job | None:
        """Queue an edit of the current photo (inverting first if needed)."""
        s = self.session
        edit = (edit if edit is not None else s.edit).strip()
        if not self._ready_to_edit(edit) or s.photo is None:
            return None
        mask = s.mask if use_mask and s.mask is not None else None
        self._auto.stop()  # the edit inverts first; a second inversion queued behind it would only hit the cache
        job = self.worker.submit(Edit(s.photo, s.photo_key, s.caption, edit, s.settings, mask))
        self.status.emit(self.tr("Queued: {edit}").format(edit=edit))
        return self._track(job)

    def queue_sweep(self, axes: str) -> Job | None:
        """Queue a sweep of the current edit over *axes* (``cross=0.2,0.5 self=0.2,0.4``)."""
        s = self.session
        edit = s.edit.strip()
        if not self._ready_to_edit(edit) or s.photo is None:
            return None
        try:
            grid = SweepGrid.parse([axes])
            cells = tuple(grid.cells(edit, s.settings))
        except InputError as exc:
            self.error.emit(self.tr("Sweep: {reason}").format(reason=exc))
            return None
        self._auto.stop()
        job = self.worker.submit(Sweep(s.photo, s.photo_key, s.caption, grid, cells, s.settings))
        self.status.emit(self.tr("Queued: sweep of {cells} cells ({grid})").format(cells=len(cells), grid=grid.text()))
        return self._track(job)

    def load_model(self, choice: ModelChoice) -> Job:
        """Load *choice* (in queue order): tracked like any job, so the status bar shows it."""
        return self._track(self.worker.set_model(choice))

    def cancel_current(self) -> None:
        """Stop what runs now (Esc); queued edits stay queued."""
        for job_id in self._running:
            self.worker.cancel(job_id)

    def cancel_all(self, keep_model: bool = False) -> None:
        """Cancel every job; with *keep_model*, not a model load (another photo needs the model)."""
        for job in list(self._jobs.values()):
            if not (keep_model and job.kind is JobKind.LOAD_MODEL):
                self.worker.cancel(job.id)

    # --- photos, export and recipes ---------------------------------------------------------------
    def open_photo(self, source: Path | bytes, then: Callable[[], None] | None = None) -> Job:
        """Read a photo file (or pasted PNG bytes) on the file thread, then make it the session's
        photo and call *then*; a PNG with a recipe is offered for restoring."""
        job = self._track(self.worker.submit(OpenPhoto(source)))
        if then is not None:
            self._after_open[job.id] = then
        return job

    @property
    def opening(self) -> bool:
        """Whether a photo is being read."""
        return any(job.kind is JobKind.OPEN_PHOTO for job in self._jobs.values())

    def recipe_for(self, item: HistoryItem) -> Recipe:
        s = self.session
        model = self.model.choice.spec if self.model is not None else ""
        kind = self.model.kind if self.model is not None else ""
        return Recipe(caption=item.caption, edit=item.edit, settings=item.settings, model=model, model_kind=kind,
                      photo_name=s.photo_name, photo_sha256=s.photo_sha256, app_version=__version__)

    def export(self, item: HistoryItem, path: Path) -> Job | None:
        s = self.session
        s.ensure_images(item)
        if item.image is None:
            self.error.emit(self.tr("This result has no image to save."))
            return None
        if s.photo_path is not None and _same_path(Path(path), s.photo_path):
            self.error.emit(self.tr("Refusing to overwrite the original photo; choose another file name."))
            return None
        return self._track(self.worker.submit(Export(Path(path), item.image, self.recipe_for(item))))

    def check_recipe(self, path: Path) -> Job:
        return self._track(self.worker.submit(ReadRecipe(Path(path), tuple(self.lora_folders))))

    def apply_recipe(self, recipe: Recipe) -> None:
        self.session.set_caption(recipe.caption)
        self.session.set_edit(recipe.edit)
        self.session.set_settings(recipe.settings)

    # --- worker signals -----------------------------------------------------------------------
    def _ask_plan(self) -> None:
        """Ask the worker for the plan and the words warnings; say at once what it cannot plan."""
        s = self.session
        if s.caption.strip():
            self._plan_request = self.worker.request_plan(s.caption, s.edit, s.settings)
        else:
            self._plan_request = 0
            self.words_changed.emit(WordWarnings())
        if unchanged(s.caption, s.edit):
            self.plan_changed.emit(self.tr("Change words of the caption here to describe the edit you want."), False)
        elif not (s.caption.strip() and s.edit.strip()):
            self.plan_changed.emit(self.tr("Type the caption of the photo, then change words in the edit."), False)

    def _on_plan(self, plan: Plan) -> None:
        if plan.request != self._plan_request:
            return
        self.words_changed.emit(plan.words)
        if plan.text is not None:
            self.plan_changed.emit(message_text(plan.text) + self._detail_line(plan), plan.is_error)

    def _detail_line(self, plan: Plan) -> str:
        """How the photo's detail will be handled, on its own line under a plan (photo and model known)."""
        if plan.is_error or self.model is None or self.session.photo is None:
            return ""
        return "\n" + message_text(outlook(self.session.settings.detail, self.session.photo.size,
                                            self.model.native_size))

    def _on_model(self, info: ModelInfo) -> None:
        self.model = info
        self._follow(info.defaults, self._defaults)
        self.model_changed.emit(info)
        self._plan_timer.start()  # the plan's detail line depends on the model's size
        if info.previews_note is not None:
            self.status.emit(sentence(message_text(info.previews_note)) + ".")

    def _follow(self, defaults: ModelDefaults, previous: ModelDefaults) -> None:
        """Settings left at *previous* defaults take *defaults* (a model switch; a session saved
        with an ordinary model's defaults restored for a few-step one); what the user set stays."""
        self._defaults = defaults
        followed = defaults.follow(self.session.settings, previous)
        if followed != self.session.settings:
            self.session.set_settings(followed)
            if self._invert_job is not None and self._invert_job.id in self._jobs:
                self.start_inversion()  # queued with the old defaults: again, with the model's
            if defaults.reason is not None and self.model is not None:
                self.status.emit(self.tr("{model} is {reason}: edits use {settings}.").format(
                    model=Path(self.model.name).name, reason=message_text(defaults.reason),
                    settings=message_text(defaults.describe())))

    def _on_started(self, job: Job) -> None:
        self._running.add(job.id)
        if isinstance(job.params, Invert):
            method = job.params.settings.method.value
            self.session.set_inversion(InversionState.RUNNING,
                                       self.tr("{method} inversion: encoding the photo…").format(method=method))
        if job.kind is not JobKind.READ_RECIPE:  # a glance at an opened PNG: what it finds speaks
            self.status.emit(message_text(job.params.label()))

    def _on_progress(self, report: ProgressReport) -> None:
        self._last_progress[report.job_id] = report
        self._show(report)
        if report.kind is JobKind.INVERT:
            self.session.set_inversion(InversionState.RUNNING, report.text)

    def _show(self, report: ProgressReport) -> None:
        eta = self.tr("ETA {time}").format(time=clock(report.eta_seconds) if report.fraction > 0.02 else "…")
        self.progress.emit(progress_text(report.text), report.fraction, eta)

    def _after_job(self, fraction: float) -> None:
        """The phase and bar once a job has ended: those of a job still running (a model that is
        still loading when a recipe has been read: not the finished job's full bar), else none."""
        running = [job for i, job in self._jobs.items() if i in self._running]
        if not running:
            self.progress.emit("", fraction, "")
            return
        job = running[-1]
        last = self._last_progress.get(job.id)
        label = message_text(job.params.label())
        self._show(last if last is not None else ProgressReport(job.id, job.kind, label, 0.0, 0.0))

    def _on_preview(self, preview: Preview) -> None:
        job = self._jobs.get(preview.job_id)
        if job is None or not isinstance(job.params, Edit | Sweep) or job.params.photo_key != self.session.photo_key:
            return
        what = f"“{job.params.edit}”" if isinstance(job.params, Edit) else "the sweep"
        self.preview.emit(preview.image, f"Preview of {what}, step {preview.step} of {preview.total}")

    def _on_finished(self, job: Job, payload: JobPayload) -> None:
        """A job's result, to the handler of its kind (a model load reports through model_ready)."""
        self._untrack(job)
        handlers: dict[JobKind, Callable[[Any, Any], None]] = {
            JobKind.INVERT: self._inverted, JobKind.EDIT: self._edited, JobKind.SWEEP: self._sweep_done,
            JobKind.EXPORT: self._exported, JobKind.READ_RECIPE: self._recipe_read,
            JobKind.OPEN_PHOTO: lambda p, photo: self._photo_read(job, photo),
        }
        handler = handlers.get(job.kind)
        if handler is not None and payload is not None:
            handler(job.params, payload)
        self._after_job(1.0)

    def _inverted(self, p: Invert, done: Inverted) -> None:
        how = self.tr("from cache") if done.cached else self.tr("in {seconds} s").format(seconds=f"{done.seconds:.1f}")
        self.session.set_inversion(InversionState.READY, self.tr("inverted {how}").format(how=how))
        self.status.emit(self.tr("Photo inverted {how}; type an edit and press Edit (Ctrl+Enter).").format(how=how))

    def _edited(self, p: Edit, result: EditResult) -> None:
        quality = result.fidelity
        if p.photo_key == self.session.photo_key:
            self._inversion_ready(quality)
            self.session.add_result(result, painted=p.painted)
        hint = " " + self.tr("Reconstruction {psnr} dB: {hint}.").format(
            psnr=f"{quality.psnr_db:.1f}", hint=fidelity_hint(quality)) if quality and quality.hint else ""
        self.status.emit(self.tr("Edited in {seconds} s: {edit}.").format(seconds=f"{result.seconds:.1f}",
                                                                          edit=result.edit) + hint)

    def _exported(self, p: Export, path: Path) -> None:
        self.exported.emit(str(path))
        self.status.emit(self.tr("Saved {path}").format(path=path))

    def _recipe_read(self, p: ReadRecipe, found: FoundRecipe) -> None:
        self.status.emit(self.tr("Read the recipe of {name}.").format(name=p.path.name))
        self.recipe_found.emit(found, str(p.path))

    def _inversion_ready(self, quality: Fidelity | None) -> None:
        """An edit of the current photo finished: its inversion is ready, with how faithful it is."""
        self.session.set_inversion(InversionState.READY, fidelity_text(quality) if quality else self.tr("inverted"))

    def _sweep_done(self, p: Sweep, done: SweepDone) -> None:
        if p.photo_key == self.session.photo_key:
            self._inversion_ready(done.results[0].fidelity if done.results else None)
            labels = [cell.label for cell in done.cells] if len(done.cells) == len(done.results) else None
            items = self.session.add_results(list(done.results), labels=labels)
            self.sweep_ready.emit(SweepSheet(done.grid, done.cells, tuple(items), done.thumbnails))
        self.status.emit(self.tr("Swept {cells} cells in {seconds} s; click a cell of the sheet to restore its "
                                 "parameters.").format(cells=len(done.results), seconds=f"{done.seconds:.1f}"))

    def _photo_read(self, job: Job, photo: LoadedPhoto) -> None:
        self.session.set_photo(photo)
        self.photo_opened.emit(photo.path)
        if photo.note:
            self.status.emit(f"{photo.note}.")
        if photo.path is not None and photo.path.suffix.lower() == ".png":
            self.check_recipe(photo.path)
        if (then := self._after_open.pop(job.id, None)) is not None:
            then()

    def _on_failed(self, job: Job, failure: Failure) -> None:
        self._untrack(job)
        self._after_open.pop(job.id, None)
        message = message_text(failure.message)
        if job.kind is JobKind.INVERT:
            self.session.set_inversion(InversionState.FAILED, message)
        if failure.kind is ErrorKind.OUT_OF_MEMORY:
            message = f"{message} {self.tr(OOM_HINT)}"
        self.error.emit(message)
        self._after_job(0.0)

    def _on_cancelled(self, job: Job) -> None:
        self._untrack(job)
        self._after_open.pop(job.id, None)
        if job.kind is JobKind.INVERT:
            self.session.set_inversion(InversionState.CANCELLED, self.tr("stopped"))
        self.status.emit(self.tr("Cancelled: {job}").format(job=_lower_first(message_text(job.params.label()))))
        self._after_job(0.0)


def _same_path(a: Path, b: Path) -> bool:
    """Whether *a* and *b* name one file; a path that cannot even be resolved (a NUL in a name
    read from a file) names none of the user's files."""
    try:
        return a.resolve() == b.resolve()
    except (OSError, ValueError):
        return False


def _lower_first(text: str) -> str:
    """*text* with its first letter lower case, to follow words such as "Cancelled: "."""
    return text[:1].lower() + text[1:]


def _unchanged_sentence() -> str:
    """Why an edit that changes no word is refused, as a sentence in the user's language (the CLI
    prints the line as it is)."""
    return sentence(message_text(UNCHANGED))
