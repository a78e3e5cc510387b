"""Desktop-app fixtures: a Studio on the tiny model, in a temporary data folder, offscreen."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _make_studio(folder: Path, model: str):
    from PySide6.QtCore import QSettings

    from p2p_studio.app.app_settings import AppSettings
    from p2p_studio.core.settings import ModelChoice
    from p2p_studio.ui.desktop import DesktopStudio

    folder.mkdir(parents=True, exist_ok=True)
    AppSettings(ModelChoice(model, device="cpu", cache_dir=str(folder / "cache"))).save(
        QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    return DesktopStudio(folder)


@pytest.fixture
def studio(qtbot, tmp_path, tiny_dir) -> Iterator:
    s = _make_studio(tmp_path / "data", str(tiny_dir))
    qtbot.addWidget(s.window)
    s.window.show()
    s.session.set_params({"steps": 3, "method": "negative-prompt"})
    yield s
    s.shutdown()


@pytest.fixture
def wait_for(qtbot) -> Callable[[Callable[[], bool], float], None]:
    def wait(condition: Callable[[], bool], timeout: float = 120.0) -> None:
        qtbot.waitUntil(condition, timeout=int(timeout * 1000))

    return wait


@pytest.fixture
def make_studio() -> Callable:
    """Build another Studio (for restarts, or other models); the caller shuts it down."""
    return _make_studio


@pytest.fixture
def type_into() -> Callable:
    def type_text(widget, text: str) -> None:
        """Set a line edit's text as a user would (textEdited fires)."""
        widget.setText(text)
        widget.textEdited.emit(text)

    return type_text


@pytest.fixture
def ticker():
    t = Ticker()
    yield t
    t.stop()


class Ticker:
    """Counts UI-thread timer ticks: if the UI thread blocks, the count stalls."""

    def __init__(self, interval_ms: int = 20) -> None:
        from PySide6.QtCore import QTimer

        self.ticks = 0
        self.longest_gap = 0.0
        self._last = time.monotonic()
        self.timer = QTimer()
        self.timer.timeout.connect(self._tick)
        self.timer.start(interval_ms)

    def _tick(self) -> None:
        now = time.monotonic()
        self.longest_gap = max(self.longest_gap, now - self._last)
        self._last = now
        self.ticks += 1

    def stop(self) -> None:
        self.timer.stop()
