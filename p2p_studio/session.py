"""The document model of the desktop app: photo, captions, parameters, mask, history.

A QObject with ``*_changed`` signals that widgets bind to. It imports no torch: engine work goes
through :mod:`p2p_studio.controller` and the worker. Everything is saved to a session folder
shortly after each change (atomically), so closing or crashing loses nothing.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from p2p_studio.engine.files import atomic_write
from p2p_studio.jobs import EditOutcome, WordMap
from p2p_studio.photos import load_photo

SESSION_FILE = "session.json"


@dataclass
class HistoryItem:
    """One finished edit. Images live in the session folder and are loaded when shown."""

    id: str
    caption: str
    edit: str
    settings: dict[str, Any]
    plan: str
    created: float
    seconds: float
    starred: bool = False
    painted: bool = False
    image: Image.Image | None = field(default=None, repr=False, compare=False)
    mask: Image.Image | None = field(default=None, repr=False, compare=False)
    word_maps: list[WordMap] = field(default_factory=list, repr=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if k not in ("image", "mask", "word_maps")}


class _ParamCommand(QUndoCommand):
    def __init__(self, session: Session, key: str, old: Any, new: Any) -> None:
        super().__init__(f"change {key}")
        self.session, self.key, self.old, self.new = session, key, old, new

    def redo(self) -> None:
        self.session._apply_param(self.key, self.new)

    def undo(self) -> None:
        self.session._apply_param(self.key, self.old)

    def id(self) -> int:
        return 1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if isinstance(other, _ParamCommand) and other.key == self.key:
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
    settings_changed = Signal(dict)
    mask_changed = Signal()
    history_changed = Signal()
    current_changed = Signal(object)  # HistoryItem or None
    inversion_changed = Signal(str, str)  # state, text
    saved = Signal()

    def __init__(self, folder: Path, defaults: dict[str, Any], autosave_ms: int = 400) -> None:
        super().__init__()
        self.folder = Path(folder)
        self.defaults = dict(defaults)
        self.settings: dict[str, Any] = dict(defaults)
        self.photo: Image.Image | None = None
        self.photo_path: Path | None = None
        self.photo_sha256 = ""
        self.caption = ""
        self.edit = ""
        self.mask: np.ndarray | None = None  # painted mask, float [0, 1] at photo resolution
        self.history: list[HistoryItem] = []
        self.current: HistoryItem | None = None
        self.inversion_state = "none"
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
        self.set_inversion("none", "")
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

    def set_inversion(self, state: str, text: str) -> None:
        self.inversion_state = state
        self.inversion_changed.emit(state, text)

    # --- undoable parameters and mask -----------------------------------------------------------
    def set_param(self, key: str, value: Any) -> None:
        old = self.settings.get(key)
        if old != value:
            self.undo_stack.push(_ParamCommand(self, key, old, value))

    def set_params(self, values: dict[str, Any]) -> None:
        """Restore a set of parameters as one undo step (e.g. from a history item or a recipe)."""
        changed = {k: v for k, v in values.items() if k in self.defaults and self.settings.get(k) != v}
        if not changed:
            return
        self.undo_stack.beginMacro("restore parameters")
        for key, value in changed.items():
            self.undo_stack.push(_ParamCommand(self, key, self.settings.get(key), value))
        self.undo_stack.endMacro()

    def _apply_param(self, key: str, value: Any) -> None:
        self.settings[key] = value
        self.settings_changed.emit(dict(self.settings))
        self.schedule_save()

    def set_mask(self, mask: np.ndarray | None, text: str = "paint mask") -> None:
        self.undo_stack.push(_MaskCommand(self, None if self.mask is None else self.mask.copy(),
                                          None if mask is None else mask.copy(), text))

    def _apply_mask(self, mask: np.ndarray | None) -> None:
        self.mask = None if mask is None else mask.copy()
        self.mask_changed.emit()
        self.schedule_save()

    # --- history --------------------------------------------------------------------------------
    def add_result(self, result: EditOutcome, painted: bool = False) -> HistoryItem:
        item = HistoryItem(uuid.uuid4().hex[:12], result.caption, result.edit, dict(result.settings), result.plan,
                           time.time(), result.seconds, painted=painted, image=result.image, mask=result.mask,
                           word_maps=result.word_maps)
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
        self.set_params(item.settings)

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
            "version": 1, "caption": self.caption, "edit": self.edit, "settings": self.settings,
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
        self.saved.emit()

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
            self.settings = {**self.defaults, **{k: v for k, v in state.get("settings", {}).items()
                                                 if k in self.defaults}}
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
        self.settings_changed.emit(dict(self.settings))
        self.history_changed.emit()
        current = next((h for h in self.history if h.id == state.get("current")), None)
        if current is not None:
            self.select(current)
        self.mask_changed.emit()
        return self.photo is not None

    def _item_from_json(self, data: dict[str, Any]) -> HistoryItem:
        known = {k: v for k, v in data.items() if k in HistoryItem.__dataclass_fields__}
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
            np.savez_compressed(buffer, **{f"{m.prompt}_{m.index}_{m.word}": m.heat for m in item.word_maps})
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
                for key in data.files:
                    prompt, index, word = key.split("_", 2)
                    item.word_maps.append(WordMap(int(prompt), word, int(index), data[key]))

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
