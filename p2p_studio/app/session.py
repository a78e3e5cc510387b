"""The document model of the desktop app: photo, captions, parameters, mask, history.

A QObject with ``*_changed`` signals that widgets bind to. It imports no torch: engine work goes
through :mod:`p2p_studio.app.controller` and the worker. Everything is saved to a session folder
shortly after each change (atomically), so closing or crashing loses nothing.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import time
import uuid
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from p2p_studio.app.jobs import InversionState
from p2p_studio.core.errors import InputError
from p2p_studio.core.files import atomic_write
from p2p_studio.core.photos import load_photo
from p2p_studio.core.results import EditResult, WordMap
from p2p_studio.core.settings import EditSettings

SESSION_FILE = "session.json"
SHARES = "shares"  # maps.npz entry: rows of (prompt, word index, share); the others are the heat maps


@dataclass
class HistoryItem:
    """The session's record of one :class:`EditResult`: its values, the user's marks (star, painted
    mask) and an id. Images live in the session folder and are loaded when shown."""

    id: str
    caption: str
    edit: str
    settings: EditSettings
    plan: str
    created: float
    seconds: float
    starred: bool = False
    painted: bool = False
    image: Image.Image | None = field(default=None, repr=False, compare=False)
    mask: Image.Image | None = field(default=None, repr=False, compare=False)
    word_maps: list[WordMap] = field(default_factory=list, repr=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("image", "mask", "word_maps")}
        data["settings"] = self.settings.to_dict()
        return data

    @classmethod
    def from_result(cls, item_id: str, result: EditResult, painted: bool) -> HistoryItem:
        return cls(item_id, result.caption, result.edit, result.settings, result.plan, time.time(), result.seconds,
                   painted=painted, image=result.image, mask=result.mask, word_maps=list(result.word_maps))


class _SettingsCommand(QUndoCommand):
    """A settings change; consecutive changes of the same single key merge into one undo step."""

    def __init__(self, session: Session, old: EditSettings, new: EditSettings, key: str | None) -> None:
        super().__init__(f"change {key}" if key else "restore parameters")
        self.session, self.old, self.new, self.key = session, old, new, key

    def redo(self) -> None:
        self.session._apply_settings(self.new)

    def undo(self) -> None:
        self.session._apply_settings(self.old)

    def id(self) -> int:
        return 1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if isinstance(other, _SettingsCommand) and self.key is not None and other.key == self.key:
            self.new = other.new
            return True
        return False


class _MaskCommand(QUndoCommand):
    def __init__(self, session: Session, old: np.ndarray | None, new: np.ndarray | None, text: str) -> None:
        super().__init__(text)
        self.session, self.old, self.new = session, old, new

    def redo(self) -> None:
        self.session._apply_mask(self.new)

    def undo(self) -> None:
        self.session._apply_mask(self.old)


class Session(QObject):
    photo_changed = Signal()
    caption_changed = Signal(str)
    edit_changed = Signal(str)
    settings_changed = Signal(object)  # EditSettings
    mask_changed = Signal()
    history_changed = Signal()
    current_changed = Signal(object)  # HistoryItem or None
    inversion_changed = Signal(object, str)  # InversionState, text

    def __init__(self, folder: Path, defaults: EditSettings | None = None, autosave_ms: int = 400) -> None:
        super().__init__()
        self.folder = Path(folder)
        self.defaults = defaults or EditSettings()
        self.settings = self.defaults
        self.photo: Image.Image | None = None
        self.photo_path: Path | None = None
        self.photo_sha256 = ""
        self.caption = ""
        self.edit = ""
        self.mask: np.ndarray | None = None  # painted mask, float [0, 1] at photo resolution
        self.history: list[HistoryItem] = []
        self.current: HistoryItem | None = None
        self.inversion_state = InversionState.NONE
        self.undo_stack = QUndoStack(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(autosave_ms)
        self._timer.timeout.connect(self.save_now)
        self._loading = False

    # --- photo and captions ---------------------------------------------------------------------
    def open_photo(self, source: Path | bytes) -> None:
        """Open a photo file (or clipboard PNG bytes). Raises :class:`InputError` on bad input."""
        image = load_photo(source)
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
        self.photo = image
        self.photo_path = None if isinstance(source, bytes) else Path(source)
        self.photo_sha256 = hashlib.sha256(data).hexdigest()
        self.mask = None
        self.current = None
        self.undo_stack.clear()
        self.set_inversion(InversionState.NONE, "")
        self._save_photo_copy()
        self._clear_history()
        self.photo_changed.emit()
        self.current_changed.emit(None)
        self.mask_changed.emit()
        self.schedule_save()

    @property
    def photo_key(self) -> str:
        return self.photo_sha256

    @property
    def photo_name(self) -> str:
        return self.photo_path.name if self.photo_path else "pasted photo"

    def set_caption(self, text: str) -> None:
        if text != self.caption:
            self.caption = text
            self.caption_changed.emit(text)
            self.schedule_save()

    def set_edit(self, text: str) -> None:
        if text != self.edit:
            self.edit = text
            self.edit_changed.emit(text)
            self.schedule_save()

    def set_inversion(self, state: InversionState, text: str) -> None:
        self.inversion_state = state
        self.inversion_changed.emit(state, text)

    # --- undoable parameters and mask -----------------------------------------------------------
    def set_param(self, key: str, value: Any) -> None:
        """Change one setting (from a widget); a value out of bounds raises :class:`InputError`."""
        new = self.settings.replace(**{key: value})
        if new != self.settings:
            self.undo_stack.push(_SettingsCommand(self, self.settings, new, key))

    def set_params(self, values: dict[str, Any]) -> None:
        """Change several settings as one undo step."""
        self.set_settings(self.settings.replace(**values))

    def set_settings(self, settings: EditSettings) -> None:
        """Restore a whole set of settings as one undo step (from a history item or a recipe)."""
        if settings != self.settings:
            self.undo_stack.push(_SettingsCommand(self, self.settings, settings, None))

    def _apply_settings(self, settings: EditSettings) -> None:
        self.settings = settings
        self.settings_changed.emit(settings)
        self.schedule_save()

    def set_mask(self, mask: np.ndarray | None, text: str = "paint mask") -> None:
        self.undo_stack.push(_MaskCommand(self, None if self.mask is None else self.mask.copy(),
                                          None if mask is None else mask.copy(), text))

    def _apply_mask(self, mask: np.ndarray | None) -> None:
        self.mask = None if mask is None else mask.copy()
        self.mask_changed.emit()
        self.schedule_save()

    # --- history --------------------------------------------------------------------------------
    def add_result(self, result: EditResult, painted: bool = False) -> HistoryItem:
        item = HistoryItem.from_result(uuid.uuid4().hex[:12], result, painted)
        self._write_item(item)
        self.history.append(item)
        self.history_changed.emit()
        self.select(item)
        return item

    def select(self, item: HistoryItem | None) -> None:
        if item is not None:
            self.ensure_images(item)
        self.current = item
        if item is not None and item.mask is not None:
            self._apply_mask(np.asarray(item.mask, dtype=np.float32) / 255.0)
        self.current_changed.emit(item)

    def restore_parameters(self, item: HistoryItem) -> None:
        self.set_caption(item.caption)
        self.set_edit(item.edit)
        self.set_settings(item.settings)

    def delete(self, item: HistoryItem) -> None:
        self.history = [h for h in self.history if h.id != item.id]
        shutil.rmtree(self._item_dir(item), ignore_errors=True)
        if self.current is not None and self.current.id == item.id:
            self.current = None
            self.current_changed.emit(None)
        self.history_changed.emit()
        self.schedule_save()

    def toggle_star(self, item: HistoryItem) -> None:
        item.starred = not item.starred
        self.history_changed.emit()
        self.schedule_save()

    # --- persistence ----------------------------------------------------------------------------
    def schedule_save(self) -> None:
        if not self._loading:
            self._timer.start()

    def save_now(self) -> None:
        self._timer.stop()
        state = {
            "version": 1, "caption": self.caption, "edit": self.edit, "settings": self.settings.to_dict(),
            "photo": {"name": str(self.photo_path) if self.photo_path else None, "sha256": self.photo_sha256},
            "history": [h.to_json() for h in self.history],
            "current": self.current.id if self.current else None,
        }
        text = json.dumps(state, indent=1, default=str)
        atomic_write(self.folder / SESSION_FILE, lambda tmp: tmp.write_text(text, encoding="utf-8"))
        if self.mask is not None:
            self._save_image(self.folder / "mask.png", Image.fromarray(np.round(self.mask * 255).astype(np.uint8)))
        else:
            (self.folder / "mask.png").unlink(missing_ok=True)

    def restore(self) -> bool:
        """Load the saved session, if any. Returns whether a photo was restored."""
        path = self.folder / SESSION_FILE
        if not path.is_file():
            return False
        try:
            state = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            return False
        self._loading = True
        try:
            photo_file = self.folder / "photo.png"
            if photo_file.is_file():
                self.photo = load_photo(photo_file)
                name = state.get("photo", {}).get("name")
                self.photo_path = Path(name) if name else None
                self.photo_sha256 = state.get("photo", {}).get("sha256", "")
            self.caption, self.edit = state.get("caption", ""), state.get("edit", "")
            self.settings = _settings_or(state.get("settings", {}), self.defaults)
            self.history = [self._item_from_json(h) for h in state.get("history", [])
                            if (self.folder / "items" / h.get("id", "?")).is_dir()]
            mask_file = self.folder / "mask.png"
            if mask_file.is_file() and self.photo is not None:
                self.mask = np.asarray(Image.open(mask_file).convert("L"), dtype=np.float32) / 255.0
        finally:
            self._loading = False
        self.photo_changed.emit()
        self.caption_changed.emit(self.caption)
        self.edit_changed.emit(self.edit)
        self.settings_changed.emit(self.settings)
        self.history_changed.emit()
        current = next((h for h in self.history if h.id == state.get("current")), None)
        if current is not None:
            self.select(current)
        self.mask_changed.emit()
        return self.photo is not None

    def _item_from_json(self, data: dict[str, Any]) -> HistoryItem:
        known = {k: v for k, v in data.items() if k in HistoryItem.__dataclass_fields__}
        known["settings"] = _settings_or(known.get("settings", {}), self.defaults)
        return HistoryItem(**known)

    def _item_dir(self, item: HistoryItem) -> Path:
        return self.folder / "items" / item.id

    def _write_item(self, item: HistoryItem) -> None:
        folder = self._item_dir(item)
        folder.mkdir(parents=True, exist_ok=True)
        if item.image is not None:
            self._save_image(folder / "image.png", item.image)
        if item.mask is not None:
            self._save_image(folder / "mask.png", item.mask)
        if item.word_maps:
            buffer = io.BytesIO()
            arrays = {f"{m.prompt}_{m.index}_{m.word}": m.heat for m in item.word_maps}
            arrays[SHARES] = np.array([[m.prompt, m.index, m.share] for m in item.word_maps], dtype=np.float64)
            np.savez_compressed(buffer, **arrays)
            atomic_write(folder / "maps.npz", lambda tmp: tmp.write_bytes(buffer.getvalue()))
        self.schedule_save()

    def ensure_images(self, item: HistoryItem) -> None:
        """Load an item's images and heat maps from the session folder if not in memory."""
        folder = self._item_dir(item)
        if item.image is None and (folder / "image.png").is_file():
            item.image = Image.open(folder / "image.png").convert("RGB")
        if item.mask is None and (folder / "mask.png").is_file():
            item.mask = Image.open(folder / "mask.png").convert("L")
        if not item.word_maps and (folder / "maps.npz").is_file():
            with np.load(folder / "maps.npz") as data:
                shares = {(int(p), int(i)): float(v) for p, i, v in data[SHARES]} if SHARES in data.files else {}
                for key in data.files:
                    if key == SHARES:
                        continue
                    prompt, index, word = key.split("_", 2)
                    share = shares.get((int(prompt), int(index)), 1.0)
                    item.word_maps.append(WordMap(int(prompt), word, int(index), data[key], share))

    def _save_photo_copy(self) -> None:
        if self.photo is not None:
            self._save_image(self.folder / "photo.png", self.photo)

    def _clear_history(self) -> None:
        """History belongs to one photo: a new photo starts a new one."""
        for item in self.history:
            shutil.rmtree(self._item_dir(item), ignore_errors=True)
        self.history = []
        self.history_changed.emit()

    @staticmethod
    def _save_image(path: Path, image: Image.Image) -> None:
        atomic_write(path, lambda tmp: image.save(tmp, format="PNG"))


def _settings_or(data: Any, default: EditSettings) -> EditSettings:
    """Settings read from the session file, or *default* where they do not validate."""
    try:
        return EditSettings.from_dict(data)
    except InputError:
        return default
