"""The desktop app's engine worker: the one place where the app calls the engine.

Two threads. The engine thread owns the model and runs model loads, inversions and edits one at a
time in submission order; plan previews jump its queue and are answered between steps while a
long job runs, so typing stays responsive during an inversion (they need only the tokenizer). The
file thread writes exports and reads recipes, so saving never waits behind an inversion.
Cancelling sets the job's event, which the engine checks every UNet evaluation. Results come
back as Qt signals carrying the typed values of :mod:`p2p_studio.app.jobs`.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PIL import Image
from PySide6.QtCore import QObject, Signal

from p2p_studio.app.jobs import (
    Edit,
    Export,
    Failure,
    FoundRecipe,
    Invert,
    Inverted,
    Job,
    JobIds,
    JobParams,
    JobPayload,
    LoadModel,
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
from p2p_studio.core.captions import unchanged
from p2p_studio.core.errors import Cancelled, ErrorKind, P2PError, unexpected
from p2p_studio.core.eta import EtaTracker, remaining
from p2p_studio.core.photos import LoadedPhoto, read_photo
from p2p_studio.core.recipe import find_loras, read_recipe, save_png
from p2p_studio.core.results import EditResult
from p2p_studio.core.settings import EditSettings, ModelChoice
from p2p_studio.core.text import Message

if TYPE_CHECKING:  # the engine (torch) is imported on the engine thread: the window opens first
    from p2p_studio.engine import Editor, PreparedPhoto, Progress, Reporter, TokenizerOnly, Vocabulary

log = logging.getLogger(__name__)

#: Longest side of the sweep sheet's thumbnails (made on the engine thread).
SWEEP_THUMB = 224
_WAKE = object()  # queue marker: a plan request is waiting
_STOP = object()


class EngineWorker(QObject):
    """Owns the model; runs jobs on its threads; reports through signals."""

    job_started = Signal(object)  # Job
    progress = Signal(object)  # ProgressReport
    preview = Signal(object)  # Preview
    job_finished = Signal(object, object)  # Job, JobPayload
    job_failed = Signal(object, object)  # Job, Failure
    job_cancelled = Signal(object)  # Job
    plan_ready = Signal(object)  # Plan
    model_ready = Signal(object)  # ModelInfo

    def __init__(self, choice: ModelChoice) -> None:
        super().__init__()
        self._choice = choice
        self._editor: Editor | None = None
        self._tokenizer: TokenizerOnly | None = None
        self._words: tuple[object, Vocabulary] | None = None  # a tokenizer and its vocabulary
        self._info: ModelInfo | None = None
        self._ids = JobIds()
        self._queues: dict[bool, queue.Queue[Any]] = {False: queue.Queue(), True: queue.Queue()}
        self._lock = threading.Lock()  # guards the fields below, shared by the UI and the two threads
        self._plan_request: tuple[int, str, str, EditSettings] | None = None
        self._pending: dict[int, Job] = {}
        self._photos: dict[str, PreparedPhoto] = {}
        self._threads = [
            threading.Thread(target=self._loop, args=(self._queues[on_files],), daemon=True,
                             name="p2p-files" if on_files else "p2p-engine")
            for on_files in (False, True)
        ]
        for thread in self._threads:
            thread.start()

    # --- called from the UI thread --------------------------------------------------------------
    def submit(self, params: JobParams) -> Job:
        job = Job(params, id=self._ids.next())
        with self._lock:
            self._pending[job.id] = job
        self._queues[job.kind.on_file_thread].put(job)
        return job

    def request_plan(self, caption: str, edit: str, settings: EditSettings) -> int:
        """Ask for the plan of an edit; only the newest request is answered."""
        request = self._ids.next()
        with self._lock:
            self._plan_request = (request, caption, edit, settings)
        self._queues[False].put(_WAKE)
        return request

    def set_model(self, choice: ModelChoice) -> Job:
        """Switch model (takes effect in queue order); the next job loads it."""
        return self.submit(LoadModel(choice))

    def cancel(self, job_id: int) -> None:
        with self._lock:
            job = self._pending.get(job_id)
        if job is not None:
            job.cancel()

    def cancel_all(self) -> None:
        with self._lock:
            jobs = list(self._pending.values())
        for job in jobs:
            job.cancel()

    def shutdown(self, timeout: float = 10.0) -> None:
        self.cancel_all()
        for q in self._queues.values():
            q.put(_STOP)
        for thread in self._threads:
            thread.join(timeout)

    # --- the worker threads ---------------------------------------------------------------------
    def _loop(self, jobs: queue.Queue[Any]) -> None:
        engine_thread = jobs is self._queues[False]
        if engine_thread:
            from p2p_studio.engine import quiet_libraries

            quiet_libraries()
        while True:
            item = jobs.get()
            if item is _STOP:
                return
            if engine_thread:
                self._answer_plan()
            if item is not _WAKE:
                self._run(item)

    def _run(self, job: Job) -> None:
        try:
            if job.cancelled:
                self.job_cancelled.emit(job)
                return
            self.job_started.emit(job)
            started = time.perf_counter()
            payload = self._handle(job)
        except Cancelled:
            log.info("job %s %s cancelled", job.id, job.kind.value)
            self.job_cancelled.emit(job)
        except P2PError as exc:
            log.warning("job %s %s failed: %s", job.id, job.kind.value, exc)
            self.job_failed.emit(job, Failure(exc.kind, exc.message))
        except Exception as exc:  # a bug: report it in one line, keep the details in the log
            log.error("job %s failed:\n%s", job.kind.value, traceback.format_exc())
            message = Message.of("{error}; details are in the log", error=unexpected(exc))
            self.job_failed.emit(job, Failure(ErrorKind.INTERNAL, message))
        else:
            log.info("job %s %s done in %.1f s", job.id, job.kind.value, time.perf_counter() - started)
            self.job_finished.emit(job, payload)
        finally:
            with self._lock:
                self._pending.pop(job.id, None)

    def _handle(self, job: Job) -> JobPayload:
        """Run *job* by the handler of its kind; a job of a kind without one is an error, never
        mistaken for another kind."""
        handler = self._handlers.get(type(job.params))
        if handler is None:
            raise TypeError(f"no handler for {type(job.params).__name__} jobs")
        return handler(job, job.params)

    @property
    def _handlers(self) -> dict[type, Callable[[Job, Any], JobPayload]]:
        """Job parameter type -> the method that runs it."""
        return {LoadModel: self._load, Invert: self._invert, Edit: self._edit, Sweep: self._sweep,
                Export: self._export, OpenPhoto: self._open, ReadRecipe: self._read_recipe}

    @staticmethod
    def _export(job: Job, p: Export) -> Path:
        return save_png(p.path.parent, p.path.stem, p.image, p.recipe)  # never over an existing file

    @staticmethod
    def _open(job: Job, p: OpenPhoto) -> LoadedPhoto:
        return read_photo(p.source)

    @staticmethod
    def _read_recipe(job: Job, p: ReadRecipe) -> FoundRecipe | None:
        recipe = read_recipe(p.path)
        if recipe is None:
            return None
        return FoundRecipe(recipe, find_loras(recipe.loras, p.lora_folders), p.lora_folders)

    def _reporter(self, job: Job) -> Reporter:
        from p2p_studio.engine import Reporter

        tracker = EtaTracker()
        last = [0.0]

        def on_progress(progress: Progress) -> None:
            now = time.monotonic()
            if now - last[0] >= 0.05 or progress.fraction >= 1.0:  # at most 20 updates a second
                last[0] = now
                est = tracker.update(progress)
                self.progress.emit(ProgressReport(job.id, job.kind, est.text, est.fraction, est.eta_seconds))
            self._answer_plan()

        def on_preview(progress: Progress, image: Image.Image) -> None:
            self.preview.emit(Preview(job.id, image, progress.step, progress.total))

        return Reporter(on_progress=on_progress, should_stop=job.cancel_event.is_set, on_preview=on_preview)

    def _answer_plan(self) -> None:
        with self._lock:
            request, self._plan_request = self._plan_request, None
        if request is None:
            return
        request_id, caption, edit, settings = request
        from p2p_studio.engine import make_plan

        words = WordWarnings()
        try:
            tokens = self._tokens()
            vocabulary = self._vocabulary(tokens)
            mine = tuple(vocabulary.warnings([caption]))
            words = WordWarnings(mine, tuple(w for w in vocabulary.warnings([edit]) if w not in mine))
            if not edit.strip() or unchanged(caption, edit):
                self.plan_ready.emit(Plan(request_id, None, False, words))
                return
            plan = make_plan(tokens.tokenizer, caption, edit, tokens.max_tokens, settings)
            self.plan_ready.emit(Plan(request_id, plan.summary_message(), False, words))
        except P2PError as exc:
            self.plan_ready.emit(Plan(request_id, exc.message, True, words))
        except Exception as exc:  # a plan preview must never take the worker down
            log.error("plan failed:\n%s", traceback.format_exc())
            self.plan_ready.emit(Plan(request_id, Message(unexpected(exc)), True, words))

    def _vocabulary(self, tokens: TokenizerOnly) -> Vocabulary:
        """The tokenizer's :class:`Vocabulary`, kept while the tokenizer is the same one."""
        if self._words is None or self._words[0] is not tokens.tokenizer:
            from p2p_studio.engine import Vocabulary

            self._words = (tokens.tokenizer, Vocabulary.of(tokens.tokenizer))
        return self._words[1]

    def _tokens(self) -> TokenizerOnly:
        """The tokenizer for plans: from the loaded model, else from the model's files alone."""
        from p2p_studio.engine import TokenizerOnly, load_tokenizer

        if self._editor is not None:
            model = self._editor.model
            return TokenizerOnly(model.tokenizer, model.max_tokens)
        if self._tokenizer is None:
            self._tokenizer = load_tokenizer(self._choice)
        if self._tokenizer is None:  # only the whole model tells (e.g. a hub id not yet downloaded)
            model = self._ensure_editor(None).model
            return TokenizerOnly(model.tokenizer, model.max_tokens)
        return self._tokenizer

    # --- engine handlers ------------------------------------------------------------------------
    def _ensure_editor(self, job: Job | None) -> Editor:
        from p2p_studio.engine import Editor, InversionCache, load_choice, load_tiny_decoder

        if self._editor is None:
            choice = self._choice
            bar = None
            if job is not None:
                self.progress.emit(ProgressReport(job.id, job.kind, "Loading model", 0.0, 0.0))
                bar = download_progress_class(lambda text, frac, eta: self.progress.emit(
                    ProgressReport(job.id, job.kind, text, frac, eta)), job.cancel_event.is_set)
            model = load_choice(choice, tqdm_class=bar)
            editor = Editor(model, InversionCache(Path(choice.cache_dir) if choice.cache_dir else None))
            editor.preview_decoder, note = load_tiny_decoder(choice.preview_decoder, model)
            if job is not None:
                self.progress.emit(ProgressReport(job.id, job.kind, "Timing one UNet evaluation", 1.0, 0.0))
            self._info = describe(editor, choice, note)
            self._editor = editor
            self.model_ready.emit(self._info)
        return self._editor

    def _load(self, job: Job, p: LoadModel) -> ModelInfo:
        if p.choice != self._choice or self._editor is None:
            self._choice, self._editor, self._tokenizer = p.choice, None, None
            self._photos.clear()
        self._ensure_editor(job)
        assert self._info is not None
        return self._info

    def _prepared(self, photo: Image.Image, key: str) -> PreparedPhoto:
        editor = self._ensure_editor(None)
        if key not in self._photos:
            self._photos = {key: editor.prepare(photo)}  # keep only the current photo
        return self._photos[key]

    def _invert(self, job: Job, p: Invert) -> Inverted:
        editor = self._ensure_editor(job)
        photo = self._prepared(p.photo, p.photo_key)
        start = time.perf_counter()
        _, cached = editor.invert(photo, p.caption, p.settings, self._reporter(job))
        return Inverted(p.caption, cached, time.perf_counter() - start)

    def _edit(self, job: Job, p: Edit) -> EditResult:
        editor = self._ensure_editor(job)
        photo = self._prepared(p.photo, p.photo_key)
        masks = [p.mask] if p.mask is not None else None
        run = editor.edit(photo, p.caption, [p.edit], p.settings, self._reporter(job), user_masks=masks)
        return run.results()[0]

    def _sweep(self, job: Job, p: Sweep) -> SweepDone:
        editor = self._ensure_editor(job)
        photo = self._prepared(p.photo, p.photo_key)
        start = time.perf_counter()
        run = editor.sweep(photo, p.caption, p.cells, p.settings, self._reporter(job))
        results = tuple(run.results())
        thumbnails = []
        for result in results:  # here, not on the UI thread: the results are photo-sized
            thumb = result.image.copy()
            thumb.thumbnail((SWEEP_THUMB, SWEEP_THUMB), Image.Resampling.LANCZOS)
            thumbnails.append(thumb)
        return SweepDone(p.grid, p.cells, results, tuple(thumbnails), time.perf_counter() - start)


def download_progress_class(report: Callable[[str, float, float], None], should_stop: Callable[[], bool]) -> type:
    """A tqdm class for ``snapshot_download``: byte-level progress as text, fraction and ETA.

    Raising :class:`Cancelled` from ``update`` stops the download; huggingface_hub keeps the partial
    files and resumes them next time.
    """
    import io

    from tqdm.auto import tqdm

    class DownloadBar(tqdm):  # type: ignore[misc]
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
                eta = remaining(time.monotonic() - self._started, frac)
                report(f"Downloading model {self.n / 1e9:.2f} / {self.total / 1e9:.2f} GB", frac, eta)
            return None if shown is None else bool(shown)

    return DownloadBar


def describe(editor: Editor, choice: ModelChoice, previews_note: Message | None = None) -> ModelInfo:
    """The loaded model as the app shows it, with one UNet evaluation timed here."""
    from p2p_studio.engine import edit_rows, model_defaults, region_rows, seconds_per_row

    model = editor.model
    defaults = model_defaults(model)
    typical = EditSettings(steps=defaults.steps, guidance=defaults.guidance, method=defaults.method)
    return ModelInfo(choice=choice, name=model.name, device=str(model.device),
                     dtype=str(model.dtype).replace("torch.", ""), native_size=model.native_size,
                     max_tokens=model.max_tokens, prediction=model.prediction_type, kind=model.kind.value,
                     sampler=model.sampler, stochastic=model.stochastic, defaults=defaults,
                     row_seconds=seconds_per_row(editor), default_rows=edit_rows(editor, typical),
                     region_rows=region_rows(editor, typical),
                     previews=f"TAESD ({editor.preview_decoder.name})" if editor.preview_decoder is not None
                     else ModelInfo.previews, previews_note=previews_note)
