"""Persistent application settings (model, device, precision, cache folder, recent files)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path

from PySide6.QtCore import QSettings

from p2p_studio.resources import default_model

MAX_RECENT = 10


@dataclass
class AppSettings:
    model: str = field(default_factory=default_model)
    model_config: str = ""
    device: str = "auto"
    precision: str = "auto"
    cache_dir: str = ""
    recent: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, store: QSettings) -> AppSettings:
        settings = cls()
        for f in fields(cls):
            value = store.value(f.name)
            if value is None:
                continue
            if f.name == "recent":
                value = [str(v) for v in (value if isinstance(value, list) else [value]) if v]
            setattr(settings, f.name, value)
        return settings

    def save(self, store: QSettings) -> None:
        for f in fields(self):
            store.setValue(f.name, getattr(self, f.name))
        store.sync()

    def add_recent(self, path: Path) -> None:
        text = str(Path(path).resolve())
        self.recent = [text, *[r for r in self.recent if r != text][:MAX_RECENT - 1]]
