"""Start the desktop app: settings, session, engine worker, controller, main window."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from p2p_studio import __version__
from p2p_studio.app_settings import AppSettings
from p2p_studio.controller import Controller
from p2p_studio.resources import DEMO_MODEL, ResourceMissingError, resource_path, samples
from p2p_studio.session import Session

APP_NAME = "P2P Studio"


def data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(os.environ.get("P2P_STUDIO_DATA") or user_data_dir(APP_NAME, appauthor=False))


def settings_store() -> QSettings:
    path = data_dir() / "settings.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)


class Studio:
    """Everything the running app is made of, wired together (also used by the tests)."""

    def __init__(self, folder: Path | None = None) -> None:
        from p2p_studio.ui.main_window import MainWindow
        from p2p_studio.worker import EngineWorker, default_settings

        self.folder = Path(folder) if folder else data_dir()
        self.store = QSettings(str(self.folder / "settings.ini"), QSettings.Format.IniFormat)
        self.settings = AppSettings.load(self.store)
        self.worker = EngineWorker(self._model_choice(self.settings))
        self.session = Session(self.folder / "session", default_settings())
        self.controller = Controller(self.session, self.worker)
        self.window = MainWindow(self.session, self.controller, self.settings, self._save_settings)
        self.window.settings_changed.connect(self._apply_settings)

    @staticmethod
    def _model_choice(s: AppSettings):
        from p2p_studio.worker import ModelChoice

        return ModelChoice(s.model, s.device, s.precision, s.cache_dir or None, s.model_config or None)

    def _save_settings(self, settings: AppSettings) -> None:
        self.settings = settings
        settings.save(self.store)

    def _apply_settings(self, settings: AppSettings) -> None:
        self.controller.cancel_all()
        self.worker.set_model(self._model_choice(settings))

    def start(self, first_run_demo: bool = True) -> None:
        """Restore the last session, or on a first run with the demo model, open its sample."""
        restored = self.session.restore()
        if not restored and first_run_demo and self.settings.model == DEMO_MODEL:
            self.open_sample()

    def open_sample(self) -> bool:
        try:
            sample = samples()[0]
        except (ResourceMissingError, IndexError) as exc:
            self.window.show_error(f"sample photo missing: {exc}")
            return False
        if not self.window.open_path(sample.path):
            return False
        self.session.set_caption(sample.caption)
        self.session.set_edit(sample.edit)
        # Direct inversion: exact reconstruction in seconds, so the first edit appears at once.
        self.session.set_param("method", "direct")
        self.controller.queue_edit()
        self.window.show_message("This is the built-in demo: a complete edit of a sample photo. "
                                 "Open your own photo with Ctrl+O; for real photos pick Stable Diffusion "
                                 "in Settings.")
        return True

    def shutdown(self) -> None:
        self.session.save_now()
        self.worker.shutdown()


def app_icon() -> QIcon:
    """The app's icon at every bundled size (Qt picks the right one per use); empty if missing."""
    icon = QIcon()
    with contextlib.suppress(ResourceMissingError):
        for path in sorted(resource_path("icons").glob("p2p-studio-*.png")):
            icon.addFile(str(path))
    return icon


def make_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setStyle("Fusion")  # follows the system's light or dark colour scheme
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("p2p-studio")  # Wayland matches the window to p2p-studio.desktop
    with contextlib.suppress(ResourceMissingError):
        app.setStyleSheet(resource_path("styles", "app.qss").read_text(encoding="utf-8"))
    return app


def run(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    app = make_application(argv)
    data_dir().mkdir(parents=True, exist_ok=True)
    logging.basicConfig(filename=str(data_dir() / "p2p-studio.log"), level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    studio = Studio()
    studio.window.show()
    photos = [Path(a) for a in argv[1:] if not a.startswith("-")]
    studio.start(first_run_demo=not photos)
    if photos:
        studio.window.open_path(photos[0])
    code = app.exec()
    studio.shutdown()
    return code
