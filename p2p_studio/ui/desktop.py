"""The desktop application: a :class:`~p2p_studio.app.studio.Studio` with its main window."""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from p2p_studio import __version__
from p2p_studio.app.i18n import install_language
from p2p_studio.app.studio import APP_NAME, Studio, data_dir
from p2p_studio.core.resources import ResourceMissingError, resource_path
from p2p_studio.ui.main_window import MainWindow


class DesktopStudio(Studio):
    """The app as a user sees it: the Studio plus its main window."""

    def __init__(self, folder: Path | None = None, session_name: str = "session") -> None:
        super().__init__(folder, session_name=session_name)
        app = QCoreApplication.instance()
        self.language = install_language(app, self.settings.language) if app is not None else "en"
        self.window = MainWindow(self.session, self.controller, self.settings, self.save_settings)
        self.window.settings_changed.connect(self.apply_settings)
        if self.read_only:
            self.window.setWindowTitle(QCoreApplication.translate("MainWindow", "P2P Studio — read-only"))
            self.window.show_error(self.lock_message)
        elif self.settings_note:
            self.window.show_error(self.settings_note)


def open_studio() -> DesktopStudio:
    """The app on the user's data folder; if another window holds its session, ask whether to
    start a fresh session (saved beside it) or to look at the other one read-only."""
    studio = DesktopStudio()
    if not studio.read_only:
        return studio
    if studio.unwritable:  # nothing can be saved anywhere here: say why, and show what there is
        QMessageBox.warning(studio.window, QCoreApplication.translate("MainWindow", "P2P Studio cannot save"),
                            studio.lock_message)
        return studio
    answer = QMessageBox.question(
        studio.window, QCoreApplication.translate("MainWindow", "P2P Studio is already open"),
        QCoreApplication.translate("MainWindow", "Another P2P Studio window is using your session. Start a fresh "
                                   "session (saved separately)?\n\nChoose No to look at the other window's session "
                                   "read-only."))
    if answer != QMessageBox.StandardButton.Yes:
        return studio
    studio.shutdown()
    return DesktopStudio(session_name=time.strftime("session-%Y%m%d-%H%M%S"))


def app_icon() -> QIcon:
    """The app's icon at every bundled size (Qt picks the right one per use); empty if missing."""
    icon = QIcon()
    with contextlib.suppress(ResourceMissingError):
        for path in sorted(resource_path("icons").glob("p2p-studio-*.png")):
            icon.addFile(str(path))
    return icon


def make_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setStyle("Fusion")  # follows the system's light or dark colour scheme
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("p2p-studio")  # Wayland matches the window to p2p-studio.desktop
    with contextlib.suppress(ResourceMissingError):
        app.setStyleSheet(resource_path("styles", "app.qss").read_text(encoding="utf-8"))
    return app


def start_log(folder: Path) -> None:
    """Log to ``p2p-studio.log`` in the data folder; where that cannot be written, to stderr."""
    fmt = "%(asctime)s %(levelname)s %(name)s: %(message)s"
    log = folder / "p2p-studio.log"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if log.exists() and not log.is_file():  # a FIFO would block the start forever
            raise OSError(f"{log} is not a regular file")
        logging.basicConfig(filename=str(log), level=logging.INFO, format=fmt)
    except (OSError, ValueError):
        logging.basicConfig(level=logging.INFO, format=fmt)


def run(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    app = make_application(argv)
    start_log(data_dir())
    logging.getLogger(__name__).info("P2P Studio %s started (data in %s)", __version__, data_dir())
    studio = open_studio()
    studio.window.show()
    photos = [Path(a) for a in argv[1:] if not a.startswith("-")]
    studio.start(first_run_demo=not photos)
    if photos:
        studio.window.open_path(photos[0])
    code = app.exec()
    studio.shutdown()
    return code
