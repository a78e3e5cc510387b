"""Persistent application settings: the model choice and recent files (``settings.ini``)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QSettings

from p2p_studio.app.i18n import AUTO, LANGUAGES
from p2p_studio.core.errors import InputError
from p2p_studio.core.resources import default_model
from p2p_studio.core.settings import DEVICES, PRECISIONS, SAMPLERS, LoraChoice, ModelChoice

MAX_RECENT = 10


@dataclass
class AppSettings:
    model: ModelChoice = field(default_factory=lambda: ModelChoice(default_model()))
    recent: list[str] = field(default_factory=list)
    #: ``auto`` (the system's) or a code of :data:`p2p_studio.app.i18n.LANGUAGES`.
    language: str = AUTO

    @classmethod
    def load(cls, store: QSettings) -> AppSettings:
        """Read the store; a missing or unusable value keeps its default."""

        def text(key: str, default: str = "") -> str:
            value = store.value(key)
            return value if isinstance(value, str) else default

        base = ModelChoice(default_model())
        device, precision, sampler = text("device", "auto"), text("precision", "auto"), text("sampler", "auto")
        choice = replace(base, spec=text("model") or base.spec, config=text("model_config") or None,
                         device=device if device in DEVICES else "auto",
                         precision=precision if precision in PRECISIONS else "auto",
                         sampler=sampler if sampler in SAMPLERS else "auto",
                         cache_dir=text("cache_dir") or None, loras=_loras(_strings(store, "loras")),
                         preview_decoder=text("preview_decoder").strip() or base.preview_decoder)
        language = text("language", AUTO)
        return cls(choice, _strings(store, "recent")[:MAX_RECENT], language if language in LANGUAGES else AUTO)

    def save(self, store: QSettings) -> None:
        m = self.model
        loras = [f"{lora.path}:{lora.scale:g}" for lora in m.loras]
        for key, value in (("model", m.spec), ("model_config", m.config or ""), ("device", m.device),
                           ("precision", m.precision), ("cache_dir", m.cache_dir or ""), ("recent", self.recent),
                           ("sampler", m.sampler), ("loras", loras), ("preview_decoder", m.preview_decoder),
                           ("language", self.language)):
            store.setValue(key, value)
        store.sync()

    def lora_folders(self, data_folder: Path) -> list[Path]:
        """Where a recipe's LoRAs are looked for: the folders of the LoRAs in use, then the data
        folder's ``loras``."""
        folders = [Path(lora.path).expanduser().parent for lora in self.model.loras]
        return list(dict.fromkeys([*folders, Path(data_folder) / "loras"]))

    def add_recent(self, path: Path) -> None:
        text = str(Path(path).resolve())
        self.recent = [text, *[r for r in self.recent if r != text][:MAX_RECENT - 1]]


def _strings(store: QSettings, key: str) -> list[str]:
    """A list of strings from the store (one item comes back as a plain string, none as nothing)."""
    value = store.value(key)
    items = value if isinstance(value, list) else [value] if value else []
    return [str(v) for v in items if v]


def _loras(entries: list[str]) -> tuple[LoraChoice, ...]:
    """The stored LoRAs (``FILE:SCALE``); an entry that is not one is left out."""
    loras = []
    for entry in entries:
        try:
            loras.append(LoraChoice.parse(entry))
        except InputError:
            continue
    return tuple(loras)
