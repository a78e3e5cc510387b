"""The running app without its widgets: settings, session, engine worker and controller, wired.

The window (:mod:`p2p_studio.ui.desktop`) is built on top of a :class:`Studio`; the controller and
session tests use one with a fake worker.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QSettings

from p2p_studio.app.app_settings import AppSettings
from p2p_studio.app.controller import StudioController, WorkerLike
from p2p_studio.app.core_text import sentence
from p2p_studio.app.session import Session
from p2p_studio.core.errors import InputError
from p2p_studio.core.files import check_writable_folder, move_aside
from p2p_studio.core.resources import DEMO_MODEL, ResourceMissingError, samples
from p2p_studio.core.settings import Method, ModelChoice

APP_NAME = "P2P Studio"


def data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(os.environ.get("P2P_STUDIO_DATA") or user_data_dir(APP_NAME, appauthor=False))


def data_folder_problem(folder: Path) -> str:
    """Why P2P Studio cannot write to its data *folder* (created if missing), in one line; "" if it can."""
    try:
        check_writable_folder(folder, "the data folder")
    except InputError as exc:
        return sentence(str(exc))
    return ""


def settings_path(folder: Path) -> tuple[Path, str]:
    """The settings file to use, and a note when it is not ``folder/settings.ini``: QSettings
    blocks forever on a FIFO there, so anything but a regular file is moved aside (or, where it
    cannot be, a fresh file elsewhere is used and the settings are not kept)."""
    path = folder / "settings.ini"
    if not path.exists() or path.is_file():
        return path, ""
    try:
        aside = move_aside(path)
    except OSError:
        fallback = Path(tempfile.mkdtemp(prefix="p2p-studio-")) / "settings.ini"
        return fallback, f"{path} is not a regular file and cannot be moved aside: settings are not kept this time"
    return path, f"{path} was not a regular file; it was moved aside to {aside.name} and the defaults are used"


def engine_worker(choice: ModelChoice) -> WorkerLike:
    """The real worker (imports torch and the engine only when called)."""
    from p2p_studio.app.worker import EngineWorker

    return EngineWorker(choice)


class Studio:
    """Everything the running app is made of except widgets, wired together."""

    def __init__(self, folder: Path | None = None, make_worker: Callable[[ModelChoice], WorkerLike] = engine_worker,
                 session_name: str = "session") -> None:
        self.folder = Path(folder) if folder else data_dir()
        #: Why the data folder cannot be written ("" when it can): the app then opens read-only.
        self.unwritable = data_folder_problem(self.folder)
        settings_file, self.settings_note = settings_path(self.folder)
        self.store = QSettings(str(settings_file), QSettings.Format.IniFormat)
        self.settings = AppSettings.load(self.store)
        # One writer per session folder: a second app on it gets a read-only view (or a fresh session).
        self.lock: QLockFile | None = None
        if not self.unwritable:
            lock = QLockFile(str(self.folder / f"{session_name}.lock"))
            lock.setStaleLockTime(0)  # stale only when its process is gone, however long the first app runs
            self.lock = lock if lock.tryLock(200) else None
        self.read_only = self.lock is None
        self.worker = make_worker(self.settings.model)
        self.session = Session(self.folder / session_name, read_only=self.read_only)
        self.controller = StudioController(self.session, self.worker)
        self.controller.lora_folders = self.settings.lora_folders(self.folder)

    @property
    def lock_message(self) -> str:
        if self.unwritable:
            return QCoreApplication.translate(
                "Studio", "{reason}. This window shows the saved session read-only and saves nothing; set "
                "P2P_STUDIO_DATA to a folder you can write to.").format(reason=self.unwritable)
        return QCoreApplication.translate(
            "Studio", "Another P2P Studio window is using {folder}: this window shows it read-only and saves "
            "nothing. Close the other window, or start a fresh session.").format(folder=self.session.folder)

    def save_settings(self, settings: AppSettings) -> None:
        self.settings = settings
        self.controller.lora_folders = settings.lora_folders(self.folder)
        settings.save(self.store)

    def apply_settings(self, settings: AppSettings) -> None:
        """A new model choice: stop what runs and load it (in queue order)."""
        self.controller.cancel_all()
        self.controller.load_model(settings.model)

    def start(self, first_run_demo: bool = True) -> None:
        """Restore the last session; on a true first run (nothing saved) with the demo model, open
        its sample. A session that could not be restored whole is never replaced by the sample.
        The model starts loading at once: its defaults (a few-step model's) are known before the
        first inversion, and the first edit does not wait for it."""
        self.controller.load_model(self.settings.model)
        if self.session.has_saved_state:
            self.session.restore_in_background()
        elif first_run_demo and self.settings.model.spec == DEMO_MODEL:
            self.open_sample()

    def open_sample(self) -> bool:
        try:
            sample = samples()[0]
        except (ResourceMissingError, IndexError) as exc:
            self.controller.error.emit(f"sample photo missing: {exc}")
            return False

        def edit_the_sample() -> None:
            self.session.set_caption(sample.caption)
            self.session.set_edit(sample.edit)
            # Direct inversion: exact reconstruction in seconds, so the first edit appears at once.
            self.session.set_param("method", Method.DIRECT)
            self.controller.queue_edit()
            self.controller.status.emit(QCoreApplication.translate(
                "Studio", "This is the built-in demo: a complete edit of a sample photo. Open your own photo with "
                "Ctrl+O; for real photos pick Stable Diffusion in Settings."))

        self.controller.open_photo(sample.path, then=edit_the_sample)
        return True

    def shutdown(self) -> None:
        self.worker.shutdown()
        self.session.close()
        if self.lock is not None:
            self.lock.unlock()
