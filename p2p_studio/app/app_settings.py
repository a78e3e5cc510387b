"""Persistent application settings: the model choice and recent files (``settings.ini``)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QSettings

from p2p_studio.core.resources import default_model
from p2p_studio.core.settings import DEVICES, PRECISIONS, ModelChoice

MAX_RECENT = 10


@dataclass
class AppSettings:
    model: ModelChoice = field(default_factory=lambda: ModelChoice(default_model()))
    recent: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, store: QSettings) -> AppSettings:
        """Read the store; a missing or unusable value keeps its default."""

        def text(key: str, default: str = "") -> str:
            value = store.value(key)
            return value if isinstance(value, str) else default

        base = ModelChoice(default_model())
        device, precision = text("device", "auto"), text("precision", "auto")
        choice = replace(base, spec=text("model") or base.spec, config=text("model_config") or None,
                         device=device if device in DEVICES else "auto",
                         precision=precision if precision in PRECISIONS else "auto",
                         cache_dir=text("cache_dir") or None)
        recent = store.value("recent")
        items = recent if isinstance(recent, list) else [recent] if recent else []
        return cls(choice, [str(v) for v in items if v][:MAX_RECENT])

    def save(self, store: QSettings) -> None:
        m = self.model
        for key, value in (("model", m.spec), ("model_config", m.config or ""), ("device", m.device),
                           ("precision", m.precision), ("cache_dir", m.cache_dir or ""), ("recent", self.recent)):
            store.setValue(key, value)
        store.sync()

    def add_recent(self, path: Path) -> None:
        text = str(Path(path).resolve())
        self.recent = [text, *[r for r in self.recent if r != text][:MAX_RECENT - 1]]
