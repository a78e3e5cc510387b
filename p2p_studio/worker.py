"""The desktop app's engine worker: one thread that owns the model and runs every engine call.

Widgets never call the engine; they submit :class:`~p2p_studio.jobs.Job` requests here and get
Qt signals back (delivered on the UI thread). Jobs run one at a time in submission order; plan
previews jump the queue, and are answered between steps while a long job runs, so typing stays
responsive during an inversion. Cancelling sets the job's event, which the engine checks every
UNet evaluation.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image
from PySide6.QtCore import QObject, Signal

from inversion import Progress, Reporter
from p2p_studio import __version__
from p2p_studio.engine.cache import InversionCache
from p2p_studio.engine.editor import Editor, EditResult, PreparedPhoto
from p2p_studio.engine.errors import Cancelled, InputError, P2PError
from p2p_studio.engine.files import unique_path
from p2p_studio.engine.loading import LoadedModel, load_model, quiet_libraries
from p2p_studio.engine.output import a1111_parameters, read_recipe, save_png
from p2p_studio.engine.plan import EditSettings
from p2p_studio.eta import EtaTracker
from p2p_studio.jobs import EditOutcome, ExportRequest, Job, JobIds, JobKind, JobState, ProgressReport, WordMap

log = logging.getLogger(__name__)

_WAKE = object()  # queue marker: a plan request is waiting
_STOP = object()


@dataclass(frozen=True)
class ModelChoice:
    spec: str
    device: str = "auto"
    precision: str = "auto"
    cache_dir: str | None = None
    config: str | None = None  # configs for a single-file checkpoint


def default_settings() -> dict[str, Any]:
    """The engine's default edit settings as plain data (for the session, which has no engine)."""
    return EditSettings().to_dict()


class EngineWorker(QObject):
    """Owns the model; runs jobs on its own thread; reports through signals."""

    job_queued = Signal(object)  # Job
    job_started = Signal(object)  # Job
    progress = Signal(object)  # ProgressReport
    job_finished = Signal(object, object)  # Job, payload
    job_failed = Signal(object, str)  # Job, one-line message
    job_cancelled = Signal(object)  # Job
    plan_ready = Signal(int, str, bool)  # request id, text, is_error
    model_ready = Signal(dict)  # description of the loaded model

    def __init__(self, choice: ModelChoice) -> None:
        super().__init__()
        self._choice = choice
        self._model: LoadedModel | None = None
        self._editor: Editor | None = None
        self._ids = JobIds()
        self._jobs: queue.Queue[Any] = queue.Queue()
        self._plan_lock = threading.Lock()
        self._plan_request: tuple[int, str, str, dict[str, Any]] | None = None
        self._photos: dict[str, PreparedPhoto] = {}
        self._active: Job | None = None
        self._pending: dict[int, Job] = {}
        self._thread = threading.Thread(target=self._loop, name="p2p-engine", daemon=True)
        self._thread.start()

    # --- called from the UI thread --------------------------------------------------------------
    def submit(self, kind: JobKind, **params: Any) -> Job:
        job = Job(kind, params, id=self._ids.next())
        self._pending[job.id] = job
        self._jobs.put(job)
        self.job_queued.emit(job)
        return job

    def request_plan(self, caption: str, edit: str, settings: dict[str, Any]) -> int:
        """Ask for the plan of an edit; only the newest request is answered."""
        request = self._ids.next()
        with self._plan_lock:
            self._plan_request = (request, caption, edit, dict(settings))
        self._jobs.put(_WAKE)
        return request

    def set_model(self, choice: ModelChoice) -> Job:
        """Switch model (takes effect in queue order); the next job loads it."""
        return self.submit(JobKind.LOAD_MODEL, choice=choice)

    def cancel(self, job_id: int) -> None:
        job = self._pending.get(job_id) or (self._active if self._active and self._active.id == job_id else None)
        if job is not None:
            job.cancel()

    def cancel_all(self) -> None:
        for job in list(self._pending.values()):
            job.cancel()
        if self._active is not None:
            self._active.cancel()

    @property
    def busy(self) -> bool:
        return self._active is not None or bool(self._pending)

    def shutdown(self, timeout: float = 10.0) -> None:
        self.cancel_all()
        self._jobs.put(_STOP)
        self._thread.join(timeout)

    # --- the worker thread ----------------------------------------------------------------------
    def _loop(self) -> None:
        quiet_libraries()
        while True:
            item = self._jobs.get()
            if item is _STOP:
                return
            self._answer_plan()
            if item is _WAKE:
                continue
            self._run(item)

    def _run(self, job: Job) -> None:
        self._pending.pop(job.id, None)
        if job.cancelled:
            job.state = JobState.CANCELLED
            self.job_cancelled.emit(job)
            return
        self._active = job
        job.state = JobState.RUNNING
        self.job_started.emit(job)
        try:
            payload = self._handle(job)
        except Cancelled:
            job.state = JobState.CANCELLED
            self.job_cancelled.emit(job)
        except P2PError as exc:
            job.state = JobState.FAILED
            self.job_failed.emit(job, str(exc))
        except Exception as exc:  # a bug: report it in one line, keep the details in the log
            log.error("job %s failed:\n%s", job.kind.value, traceback.format_exc())
            job.state = JobState.FAILED
            self.job_failed.emit(job, f"unexpected error ({type(exc).__name__}: {exc}); details are in the log")
        else:
            job.state = JobState.FINISHED
            self.job_finished.emit(job, payload)
        finally:
            self._active = None

    def _handle(self, job: Job) -> Any:
        handlers = {
            JobKind.LOAD_MODEL: self._load,
            JobKind.INVERT: self._invert,
            JobKind.EDIT: self._edit,
            JobKind.EXPORT: self._export,
            JobKind.READ_RECIPE: lambda j: read_recipe(Path(j.params["path"])),
        }
        return handlers[job.kind](job)

    def _reporter(self, job: Job) -> Reporter:
        tracker = EtaTracker()
        last = [0.0]

        def on_progress(progress: Progress) -> None:
            now = time.monotonic()
            if now - last[0] >= 0.05 or progress.fraction >= 1.0:  # at most 20 updates a second
                last[0] = now
                est = tracker.update(progress)
                self.progress.emit(ProgressReport(job.id, job.kind, est.text, est.fraction, est.eta_seconds))
            self._answer_plan()

        return Reporter(on_progress=on_progress, should_stop=job.cancel_event.is_set)

    def _answer_plan(self) -> None:
        with self._plan_lock:
            request, self._plan_request = self._plan_request, None
        if request is None:
            return
        request_id, caption, edit, settings = request
        try:
            editor = self._ensure_editor(None)
            plan = editor.plans(caption, [edit], EditSettings.from_dict(settings))[0]
            self.plan_ready.emit(request_id, plan.summary(), False)
        except P2PError as exc:
            self.plan_ready.emit(request_id, str(exc), True)
        except Exception as exc:  # a plan preview must never take the worker down
            log.error("plan failed:\n%s", traceback.format_exc())
            self.plan_ready.emit(request_id, f"{type(exc).__name__}: {exc}", True)

    # --- handlers -------------------------------------------------------------------------------
    def _ensure_editor(self, job: Job | None) -> Editor:
        if self._editor is None:
            choice = self._choice
            bar = None
            if job is not None:
                self.progress.emit(ProgressReport(job.id, job.kind, "Loading model", 0.0, 0.0))
                bar = download_progress_class(lambda text, frac, eta: self.progress.emit(
                    ProgressReport(job.id, job.kind, text, frac, eta)), job.cancel_event.is_set)
            model = load_model(choice.spec, choice.device, choice.precision, config=choice.config, tqdm_class=bar)
            self._model = model
            self._editor = Editor(model, InversionCache(choice.cache_dir))
            self.model_ready.emit(describe(model, choice))
        return self._editor

    def _load(self, job: Job) -> dict[str, Any]:
        choice: ModelChoice = job.params["choice"]
        if choice != self._choice or self._editor is None:
            self._choice, self._editor, self._model = choice, None, None
            self._photos.clear()
        editor = self._ensure_editor(job)
        return describe(editor.model, choice)

    def _prepared(self, photo: Image.Image, key: str) -> PreparedPhoto:
        editor = self._ensure_editor(None)
        if key not in self._photos:
            self._photos = {key: editor.prepare(photo)}  # keep only the current photo
        return self._photos[key]

    def _invert(self, job: Job) -> dict[str, Any]:
        editor = self._ensure_editor(job)
        p = job.params
        photo = self._prepared(p["photo"], p["photo_key"])
        settings = _settings(p["settings"])
        start = time.perf_counter()
        _, cached = editor.invert(photo, p["caption"], settings, self._reporter(job))
        return {"cached": cached, "seconds": time.perf_counter() - start, "caption": p["caption"]}

    def _edit(self, job: Job) -> EditOutcome:
        editor = self._ensure_editor(job)
        p = job.params
        photo = self._prepared(p["photo"], p["photo_key"])
        settings = _settings(p["settings"])
        masks = [p["mask"]] if p.get("mask") is not None else None
        start = time.perf_counter()
        result = editor.edit(photo, p["caption"], [p["edit"]], settings, self._reporter(job), user_masks=masks)
        return outcome(result, p["caption"], p["edit"], settings, time.perf_counter() - start)

    def _export(self, job: Job) -> Path:
        req: ExportRequest = job.params["request"]
        settings = _settings(req.settings)
        size = req.image.size
        recipe = {"app": "p2p-studio", "version": __version__, "model": req.model, "caption": req.caption,
                  "edit": req.edit, "settings": settings.to_dict(), "photo": {"sha256": req.photo_sha256}}
        params = a1111_parameters(req.edit, settings.to_dict(), size, req.model)
        target = unique_path(req.path.parent, req.path.stem, ".png")  # never replaces an existing file
        return save_png(target, req.image, params, recipe)


def download_progress_class(report: Callable[[str, float, float], None], should_stop: Callable[[], bool]) -> type:
    """A tqdm class for ``snapshot_download``: byte-level progress as text, fraction and ETA.

    Raising :class:`Cancelled` from ``update`` stops the download; huggingface_hub keeps the partial
    files and resumes them next time.
    """
    import io

    from tqdm.auto import tqdm

    class DownloadBar(tqdm):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["file"] = io.StringIO()  # no console output from the app
            kwargs.pop("name", None)
            super().__init__(*args, **kwargs)
            self._started = time.monotonic()

        def update(self, n: float | None = 1) -> bool | None:
            if should_stop():
                raise Cancelled("Downloading model")
            shown = super().update(n)
            if self.unit == "B" and self.total:
                frac = min(self.n / self.total, 1.0)
                elapsed = time.monotonic() - self._started
                eta = elapsed / frac - elapsed if frac > 0 else 0.0
                report(f"Downloading model {self.n / 1e9:.2f} / {self.total / 1e9:.2f} GB", frac, eta)
            return shown

    return DownloadBar


def _settings(data: dict[str, Any]) -> EditSettings:
    try:
        settings = EditSettings.from_dict(data)
        settings.validate()
    except (TypeError, ValueError) as exc:
        raise InputError(f"invalid setting: {exc}") from None
    return settings


def describe(model: LoadedModel, choice: ModelChoice) -> dict[str, Any]:
    return {"name": model.name, "spec": choice.spec, "device": str(model.device),
            "dtype": str(model.dtype).replace("torch.", ""), "native_size": model.native_size,
            "max_tokens": model.max_tokens, "prediction": model.prediction_type}


def outcome(result: EditResult, caption: str, edit: str, settings: EditSettings, seconds: float) -> EditOutcome:
    """Turn an engine result into display-ready images and per-word heat maps."""
    out = result.edits[0]
    return EditOutcome(
        caption=caption, edit=edit, settings=settings.to_dict(), plan=out.plan.summary(), image=out.full,
        reconstruction=result.reconstruction_full, mask=out.mask_full, word_maps=word_maps(result),
        seconds=seconds, inversion_cached=result.inversion_cached,
    )


def word_maps(result: EditResult) -> list[WordMap]:
    if result.attention is None:
        return []
    maps = []
    for p, caption in enumerate(result.captions):
        for i, word in enumerate(caption.words):
            heat = result.attention[p, word.start:word.end].sum(0).float().numpy()
            top = float(heat.max())
            maps.append(WordMap(p, word.text, i, (heat / top if top > 0 else heat).astype(np.float32)))
    return maps

