"""Connects the session (document) to the engine worker: what runs when, and where results go.

It knows the worker only through its signals and ``submit``/``cancel`` methods (it is handed the
worker object), so neither it nor the widgets import torch.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from p2p_studio.eta import clock
from p2p_studio.jobs import EditOutcome, ExportRequest, Job, JobKind, ProgressReport
from p2p_studio.session import HistoryItem, Session

#: One-line trade-offs shown next to the inversion method.
METHOD_HINTS = {
    "null-text": "best fidelity; optimises the empty prompt per step (slowest)",
    "negative-prompt": "fast (seconds): uses the caption as negative prompt (slightly less faithful)",
    "direct": "fast (seconds): the source branch follows the inversion exactly",
    "ddim": "plain DDIM inversion; drifts at high guidance (for comparison)",
}
OOM_HINT = "Try a smaller photo, fewer edits at once, or Settings → Device: cpu / Precision: fp16."


class WorkerLike(Protocol):
    job_started: Any
    progress: Any
    job_finished: Any
    job_failed: Any
    job_cancelled: Any
    plan_ready: Any
    model_ready: Any

    def submit(self, kind: JobKind, **params: Any) -> Job: ...
    def request_plan(self, caption: str, edit: str, settings: dict[str, Any]) -> int: ...
    def cancel(self, job_id: int) -> None: ...
    def cancel_all(self) -> None: ...


class Controller(QObject):
    """Runs inversions and edits for the session and reports their state for the window."""

    status = Signal(str)  # one-line status text
    error = Signal(str)  # one-line error for the user
    progress = Signal(str, float, str)  # phase text, fraction, ETA text
    busy_changed = Signal(bool)
    plan_changed = Signal(str, bool)  # text, is_error
    model_changed = Signal(dict)
    exported = Signal(str)
    recipe_found = Signal(dict, str)  # recipe, path

    def __init__(self, session: Session, worker: WorkerLike, auto_invert_ms: int = 700) -> None:
        super().__init__()
        self.session, self.worker = session, worker
        self.model: dict[str, Any] = {}
        self._jobs: dict[int, Job] = {}
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
        worker.job_finished.connect(self._on_finished)
        worker.job_failed.connect(self._on_failed)
        worker.job_cancelled.connect(self._on_cancelled)
        worker.plan_ready.connect(self._on_plan)
        worker.model_ready.connect(self._on_model)
        session.caption_changed.connect(self._caption_changed)
        session.edit_changed.connect(lambda _: self._plan_timer.start())
        session.settings_changed.connect(self._settings_changed)
        session.photo_changed.connect(self._photo_changed)

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
        if self._invert_job is not None and self._invert_job.id == job.id:
            self._invert_job = None
        if not self._jobs:
            self.busy_changed.emit(False)

    # --- inversion ----------------------------------------------------------------------------
    def _caption_changed(self, _: str) -> None:
        self._plan_timer.start()
        if self.session.photo is not None and self.session.caption.strip():
            self.session.set_inversion("stale", "caption changed")
            self._auto.start()

    def _photo_changed(self) -> None:
        self.cancel_all()
        if self.session.caption.strip() and self.session.photo is not None:
            self._auto.start()

    def _settings_changed(self, _: dict) -> None:
        self._plan_timer.start()

    def start_inversion(self) -> Job | None:
        s = self.session
        if s.photo is None:
            self.error.emit("Open a photo first (File → Open, drag and drop, or paste).")
            return None
        if not s.caption.strip():
            self.error.emit("Type a caption that describes the photo first.")
            return None
        if self._invert_job is not None:
            self.worker.cancel(self._invert_job.id)
        self._invert_job = self._track(self.worker.submit(
            JobKind.INVERT, photo=s.photo, photo_key=s.photo_key, caption=s.caption, settings=dict(s.settings)))
        s.set_inversion("queued", "waiting")
        return self._invert_job

    def stop_inversion(self) -> None:
        if self._invert_job is not None:
            self.worker.cancel(self._invert_job.id)

    # --- editing ------------------------------------------------------------------------------
    def queue_edit(self, edit: str | None = None, use_mask: bool = False) -> Job | None:
        """Queue an edit of the current photo (inverting first if needed)."""
        s = self.session
        edit = (edit if edit is not None else s.edit).strip()
        if s.photo is None:
            self.error.emit("Open a photo first.")
            return None
        if not s.caption.strip() or not edit:
            self.error.emit("Both the caption and the edited caption are needed.")
            return None
        mask = s.mask if use_mask and s.mask is not None else None
        job = self.worker.submit(JobKind.EDIT, photo=s.photo, photo_key=s.photo_key, caption=s.caption,
                                 edit=edit, settings=dict(s.settings), mask=mask)
        job.params["painted"] = mask is not None
        self.status.emit(f"Queued: {edit}")
        return self._track(job)

    def cancel_current(self) -> None:
        """Stop what runs now (Esc); queued edits stay queued."""
        for job in self._jobs.values():
            if job.state.value == "running":
                self.worker.cancel(job.id)

    def cancel_all(self) -> None:
        for job in list(self._jobs.values()):
            self.worker.cancel(job.id)

    # --- export and recipes -------------------------------------------------------------------
    def export(self, item: HistoryItem, path: Path) -> Job | None:
        s = self.session
        if item.image is None:
            self.error.emit("This result has no image to save.")
            return None
        if s.photo_path is not None and Path(path).resolve() == s.photo_path.resolve():
            self.error.emit("Refusing to overwrite the original photo; choose another file name.")
            return None
        request = ExportRequest(Path(path), item.image, item.caption, item.edit, item.settings, s.photo_sha256,
                                self.model.get("spec", ""))
        return self._track(self.worker.submit(JobKind.EXPORT, request=request))

    def check_recipe(self, path: Path) -> Job:
        return self._track(self.worker.submit(JobKind.READ_RECIPE, path=str(path)))

    def apply_recipe(self, recipe: dict[str, Any]) -> None:
        self.session.set_caption(recipe.get("caption", self.session.caption))
        self.session.set_edit(recipe.get("edit", self.session.edit))
        self.session.set_params(recipe.get("settings", {}))

    # --- worker signals -----------------------------------------------------------------------
    def _ask_plan(self) -> None:
        s = self.session
        if s.caption.strip() and " ".join(s.edit.split()) == " ".join(s.caption.split()):
            self.plan_changed.emit("Change words of the caption here to describe the edit you want.", False)
        elif s.caption.strip() and s.edit.strip():
            self._plan_request = self.worker.request_plan(s.caption, s.edit, dict(s.settings))
        else:
            self.plan_changed.emit("Type the caption of the photo, then change words in the edit.", False)

    def _on_plan(self, request: int, text: str, is_error: bool) -> None:
        if request == self._plan_request:
            self.plan_changed.emit(text, is_error)

    def _on_model(self, info: dict) -> None:
        self.model = dict(info)
        self.model_changed.emit(self.model)

    def _on_started(self, job: Job) -> None:
        if job.kind is JobKind.INVERT:
            self.session.set_inversion("running", "starting")
        self.status.emit(_started_text(job))

    def _on_progress(self, report: ProgressReport) -> None:
        eta = f"ETA {clock(report.eta_seconds)}" if report.fraction > 0.02 else "ETA …"
        self.progress.emit(report.text, report.fraction, eta)
        if report.kind is JobKind.INVERT:
            self.session.set_inversion("running", report.text)

    def _on_finished(self, job: Job, payload: Any) -> None:
        self._untrack(job)
        if job.kind is JobKind.INVERT:
            how = "from cache" if payload["cached"] else f"in {payload['seconds']:.1f} s"
            self.session.set_inversion("ready", f"inverted {how}")
            self.status.emit(f"Photo inverted {how}; type an edit and press Edit (Ctrl+Enter).")
        elif job.kind is JobKind.EDIT:
            result: EditOutcome = payload
            if job.params.get("photo_key") == self.session.photo_key:
                self.session.set_inversion("ready", "inverted")
                self.session.add_result(result, painted=bool(job.params.get("painted")))
            self.status.emit(f"Edited in {result.seconds:.1f} s: {result.edit}")
        elif job.kind is JobKind.EXPORT:
            self.exported.emit(str(payload))
            self.status.emit(f"Saved {payload}")
        elif job.kind is JobKind.READ_RECIPE and payload:
            self.recipe_found.emit(payload, job.params["path"])
        self.progress.emit("", 1.0, "")

    def _on_failed(self, job: Job, message: str) -> None:
        self._untrack(job)
        if job.kind is JobKind.INVERT:
            self.session.set_inversion("failed", message)
        if "out of memory" in message.lower():
            message = f"{message} {OOM_HINT}"
        self.error.emit(message)
        self.progress.emit("", 0.0, "")

    def _on_cancelled(self, job: Job) -> None:
        self._untrack(job)
        if job.kind is JobKind.INVERT:
            self.session.set_inversion("cancelled", "stopped")
        self.status.emit(f"Cancelled: {_started_text(job).lower()}")
        self.progress.emit("", 0.0, "")


def _started_text(job: Job) -> str:
    return {
        JobKind.INVERT: "Inverting the photo",
        JobKind.EDIT: f"Editing: {job.params.get('edit', '')}",
        JobKind.LOAD_MODEL: "Loading model",
        JobKind.EXPORT: "Saving",
        JobKind.READ_RECIPE: "Reading recipe",
        JobKind.PLAN: "Planning",
    }[job.kind]
