"""The running app without its widgets: settings, session, engine worker and controller, wired.

The window (:mod:`p2p_studio.ui.desktop`) is built on top of a :class:`Studio`; the controller and
session tests use one with a fake worker.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings

from p2p_studio.app.app_settings import AppSettings
from p2p_studio.app.controller import StudioController, WorkerLike
from p2p_studio.app.session import Session
from p2p_studio.core.resources import DEMO_MODEL, ResourceMissingError, samples
from p2p_studio.core.settings import Method, ModelChoice

APP_NAME = "P2P Studio"


def data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(os.environ.get("P2P_STUDIO_DATA") or user_data_dir(APP_NAME, appauthor=False))


def engine_worker(choice: ModelChoice) -> WorkerLike:
    """The real worker (imports torch and the engine only when called)."""
    from p2p_studio.app.worker import EngineWorker

    return EngineWorker(choice)


class Studio:
    """Everything the running app is made of except widgets, wired together."""

    def __init__(self, folder: Path | None = None,
                 make_worker: Callable[[ModelChoice], WorkerLike] = engine_worker) -> None:
        self.folder = Path(folder) if folder else data_dir()
        self.store = QSettings(str(self.folder / "settings.ini"), QSettings.Format.IniFormat)
        self.settings = AppSettings.load(self.store)
        self.worker = make_worker(self.settings.model)
        self.session = Session(self.folder / "session")
        self.controller = StudioController(self.session, self.worker)

    def save_settings(self, settings: AppSettings) -> None:
        self.settings = settings
        settings.save(self.store)

    def apply_settings(self, settings: AppSettings) -> None:
        """A new model choice: stop what runs and load it (in queue order)."""
        self.controller.cancel_all()
        self.worker.set_model(settings.model)

    def start(self, first_run_demo: bool = True) -> None:
        """Restore the last session, or on a first run with the demo model, open its sample."""
        restored = self.session.restore()
        if not restored and first_run_demo and self.settings.model.spec == DEMO_MODEL:
            self.open_sample()

    def open_sample(self) -> bool:
        try:
            sample = samples()[0]
        except (ResourceMissingError, IndexError) as exc:
            self.controller.error.emit(f"sample photo missing: {exc}")
            return False
        if not self.controller.open_photo(sample.path):
            return False
        self.session.set_caption(sample.caption)
        self.session.set_edit(sample.edit)
        # Direct inversion: exact reconstruction in seconds, so the first edit appears at once.
        self.session.set_param("method", Method.DIRECT)
        self.controller.queue_edit()
        self.controller.status.emit("This is the built-in demo: a complete edit of a sample photo. "
                                    "Open your own photo with Ctrl+O; for real photos pick Stable Diffusion "
                                    "in Settings.")
        return True

    def shutdown(self) -> None:
        self.session.save_now()
        self.worker.shutdown()
