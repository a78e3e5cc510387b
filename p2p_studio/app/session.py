"""The document model of the desktop app: photo, captions, parameters, mask, history.

A QObject with ``*_changed`` signals that widgets bind to. It imports no torch: engine work goes
through :mod:`p2p_studio.app.controller` and the worker. Everything is saved to the session folder
shortly after each change, by :class:`~p2p_studio.app.store.SessionStore` on its writer thread, so
closing or crashing loses nothing and the UI thread does not wait for the disk.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from p2p_studio.app.core_text import message_text
from p2p_studio.app.jobs import InversionState
from p2p_studio.app.store import ITEMS, ItemRecord, SessionState, SessionStore, photo_file_name
from p2p_studio.core.files import text_of
from p2p_studio.core.photos import LoadedPhoto, read_photo
from p2p_studio.core.results import EditResult, WordMap
from p2p_studio.core.settings import EditSettings
from p2p_studio.core.text import Message, joined

log = logging.getLogger(__name__)
SHARES = "shares"  # maps.npz entry: rows of (prompt, word index, share); the others are the heat maps


@dataclass
class HistoryItem(ItemRecord):
    """The session's record of one :class:`EditResult`: the stored record (:class:`ItemRecord`)
    plus its images, which live in the session folder and are loaded when shown."""

    image: Image.Image | None = field(default=None, repr=False, compare=False)
    mask: Image.Image | None = field(default=None, repr=False, compare=False)
    word_maps: list[WordMap] = field(default_factory=list, repr=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(ItemRecord)}
        data["settings"] = self.settings.to_dict()
        data["plan"], data["plan_message"] = str(self.plan), self.plan.to_data()
        return data

    @classmethod
    def from_record(cls, record: ItemRecord) -> HistoryItem:
        return cls(**{f.name: getattr(record, f.name) for f in fields(ItemRecord)})

    @classmethod
    def from_result(cls, item_id: str, result: EditResult, painted: bool, label: str = "") -> HistoryItem:
        return cls(item_id, result.caption, result.edit, result.settings, result.plan, time.time(), result.seconds,
                   painted=painted, label=label, image=result.image, mask=result.mask,
                   word_maps=list(result.word_maps))


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
    notice = Signal(str)  # one line about the session files (a file moved aside, a failed save)
    item_loaded = Signal(object)  # HistoryItem whose images arrived from disk
    restored = Signal()  # a saved session was applied (its settings replaced the current ones)
    _item_read = Signal(str, object)  # item id, ItemFiles (emitted on the writer thread)
    _snapshot_read = Signal(object)  # Snapshot (emitted on the writer thread)
    _stored_photo_read = Signal(object)  # LoadedPhoto or a note (emitted on the writer thread)

    def __init__(self, folder: Path, defaults: EditSettings | None = None, autosave_ms: int = 400,
                 read_only: bool = False) -> None:
        super().__init__()
        self.folder = Path(folder)
        self.store = SessionStore(self.folder, read_only)
        self.photo_file: str | None = None
        self.defaults = defaults or EditSettings()
        self.settings = self.defaults
        self.photo: Image.Image | None = None
        self.photo_path: Path | None = None
        self.photo_sha256 = ""
        self.caption = ""
        self.edit = ""
        self.mask: np.ndarray | None = None  # painted mask, float [0, 1] at photo resolution
        #: Every result of the session, of every photo it was made from (History shows the current
        #: photo's: :attr:`history`).
        self.items: list[HistoryItem] = []
        self.current: HistoryItem | None = None
        self.inversion_state = InversionState.NONE
        self.undo_stack = QUndoStack(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(autosave_ms)
        self._timer.timeout.connect(self.save_now)
        self._loading = False
        self._item_read.connect(self._on_item_read)  # queued: emitted on the writer thread
        self._snapshot_read.connect(self._apply_snapshot)
        self._stored_photo_read.connect(self._stored_photo)

    # --- photo and captions ---------------------------------------------------------------------
    def open_photo(self, source: Path | bytes) -> None:
        """Open a photo file (or clipboard PNG bytes) here and now; :class:`InputError` on bad input.
        The app reads photos on its file thread (:func:`read_photo`) and calls :meth:`set_photo`."""
        self.set_photo(read_photo(source))

    def set_photo(self, photo: LoadedPhoto) -> None:
        """Make *photo* the session's photo. The results of the others stay (History shows this
        photo's; :meth:`other_photos` lists the rest, :meth:`switch_photo` goes back to one).

        On disk the new photo and the new session.json are written before a photo no result was
        made from is removed, so a crash at any moment leaves one consistent session.
        """
        self.photo, self.photo_path, self.photo_sha256 = photo.image, photo.path, photo.sha256
        self.photo_file = photo_file_name(photo.sha256)
        self.mask = None
        self.current = None
        self.undo_stack.clear()
        self.set_inversion(InversionState.NONE, "")
        self.store.write_image(self.photo_file, photo.image)
        self.save_now()
        self.store.remove_photos_except({self.photo_file} | {photo_file_name(h.photo_sha256) for h in self.items})
        self.photo_changed.emit()
        self.history_changed.emit()
        self.current_changed.emit(None)
        self.mask_changed.emit()

    @property
    def photo_key(self) -> str:
        return self.photo_sha256

    @property
    def history(self) -> list[HistoryItem]:
        """The current photo's results, oldest first."""
        return [h for h in self.items if h.photo_sha256 == self.photo_sha256]

    def other_photos(self) -> list[tuple[str, str, int]]:
        """The other photos with results: SHA-256, file name (text, "" for a pasted photo) and how
        many results, the most recently edited first."""
        seen: dict[str, tuple[str, int]] = {}
        for h in reversed(self.items):
            if h.photo_sha256 and h.photo_sha256 != self.photo_sha256:
                name, count = seen.get(h.photo_sha256, (text_of(Path(h.photo_name).name) if h.photo_name else "", 0))
                seen[h.photo_sha256] = (name, count + 1)
        return [(sha, name, count) for sha, (name, count) in seen.items()]

    def switch_photo(self, sha256: str) -> None:
        """Go back to a photo of :meth:`other_photos` (its copy in the session folder is read on
        the writer thread); :attr:`notice` says so if it cannot be read."""
        name = next((h.photo_name for h in self.items if h.photo_sha256 == sha256), "")

        def read() -> None:
            image = self.store.read_photo(photo_file_name(sha256))
            self._stored_photo_read.emit(image if isinstance(image, Message) else
                                         LoadedPhoto(image, sha256, Path(name) if name else None))

        self.store.read_in_background(read)

    def _stored_photo(self, photo: LoadedPhoto | Message) -> None:
        if isinstance(photo, Message):
            self.notice.emit(message_text(photo))
        else:
            self.set_photo(photo)
    @property
    def photo_name(self) -> str:
        """The photo's file name as text that can always be written (non-UTF-8 bytes escaped)."""
        return text_of(self.photo_path.name) if self.photo_path else "pasted photo"

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
        return self.add_results([result], painted)[0]

    def add_results(self, results: list[EditResult], painted: bool = False,
                    labels: list[str] | None = None) -> list[HistoryItem]:
        """Results into the history (a sweep's at once, each *labels* entry naming its cell: one
        update); the first becomes current before History redraws, so its highlight is on it."""
        names = labels if labels is not None else [""] * len(results)
        items = [HistoryItem.from_result(uuid.uuid4().hex[:12], result, painted, label)
                 for result, label in zip(results, names, strict=True)]
        for item in items:
            item.photo_sha256, item.photo_name = self.photo_sha256, str(self.photo_path or "")
            self._write_item(item)
        self.items.extend(items)
        if items:
            self.current = items[0]
        self.history_changed.emit()
        if items:
            self.select(items[0])
        return items

    def select(self, item: HistoryItem | None) -> None:
        """Make *item* current; its images are read in the background if they are not in memory
        (:attr:`current_changed` is emitted again when they arrive)."""
        self.current = item
        if item is not None:
            self.request_images(item)
            if item.mask is not None:
                self._apply_mask(np.asarray(item.mask, dtype=np.float32) / 255.0)
        self.current_changed.emit(item)

    def request_images(self, item: HistoryItem) -> None:
        """Read an item's image, mask and heat maps on the writer thread (after their writes);
        :attr:`item_loaded` follows on this thread."""
        if _complete(item):
            return
        self.store.read_in_background(lambda: self._item_read.emit(item.id, _read_item_files(self.store, item.id)))

    def _on_item_read(self, item_id: str, files: ItemFiles) -> None:
        item = next((h for h in self.items if h.id == item_id), None)
        if item is None:
            return
        item.image = item.image or files.image
        item.mask = item.mask or files.mask
        item.word_maps = item.word_maps or files.word_maps
        self.item_loaded.emit(item)
        if self.current is item:
            if item.mask is not None:
                self._apply_mask(np.asarray(item.mask, dtype=np.float32) / 255.0)
            self.current_changed.emit(item)

    def restore_parameters(self, item: HistoryItem) -> None:
        self.set_caption(item.caption)
        self.set_edit(item.edit)
        self.set_settings(item.settings)

    def delete(self, item: HistoryItem) -> None:
        self.items = [h for h in self.items if h.id != item.id]
        if self.current is not None and self.current.id == item.id:
            self.current = None
            self.current_changed.emit(None)
        self.history_changed.emit()
        self.save_now()  # the record goes first, then its files
        self.store.remove_items({item.id})

    def toggle_star(self, item: HistoryItem) -> None:
        item.starred = not item.starred
        self.history_changed.emit()
        self.schedule_save()

    # --- persistence ----------------------------------------------------------------------------
    def schedule_save(self) -> None:
        if not self._loading:
            self._timer.start()

    def save_now(self) -> None:
        """Queue the current state for writing (the writer thread keeps the order of writes)."""
        self._timer.stop()
        state = {
            "version": 2, "caption": self.caption, "edit": self.edit, "settings": self.settings.to_dict(),
            "photo": {"name": str(self.photo_path) if self.photo_path else None, "sha256": self.photo_sha256,
                      "file": self.photo_file},
            "history": [h.to_json() for h in self.items],
            "current": self.current.id if self.current else None,
        }
        self.store.write_state(json.dumps(state, indent=1, default=str))
        if self.mask is not None:
            self.store.write_image("mask.png", Image.fromarray(np.round(self.mask * 255).astype(np.uint8)))
        else:
            self.store.remove("mask.png")
        if (error := self.store.take_error()) is not None:
            self.notice.emit(message_text(error))

    def flush(self) -> None:
        """Write what is pending now and wait for the disk (closing, tests)."""
        self.save_now()
        self.store.flush()

    def restore(self) -> bool:
        """Load the saved session here and now. Returns whether a photo was restored.

        Nothing of the folder is deleted here: a file that cannot be read is moved aside and
        :attr:`notice` says so in one line; everything else is kept.
        """
        return self._apply_snapshot(self._read_snapshot())

    def restore_in_background(self) -> None:
        """:meth:`restore`, with the files read and decoded on the writer thread."""
        self.store.read_in_background(lambda: self._snapshot_read.emit(self._read_snapshot()))

    def _read_snapshot(self) -> Snapshot | None:
        """The saved session read and checked; whatever goes wrong, a note, never an exception (on
        the writer thread an exception would vanish, and the next save replace the session)."""
        try:
            return self._read_files()
        except Exception as exc:
            log.exception("restoring the session failed")
            self.store.hold_state()
            return Snapshot(SessionState(), [Message.of("the session could not be restored ({reason}); its files are "
                                                        "kept as they are and not saved over",
                                                        reason=type(exc).__name__)])

    def _read_files(self) -> Snapshot | None:
        state = self.store.read_state(self.defaults)
        if state is None:
            return None
        snapshot = Snapshot(state, list(state.notes))
        if state.photo_file is not None:
            photo = self.store.read_photo(state.photo_file)
            if isinstance(photo, Message):
                snapshot.notes.append(photo)
            else:
                snapshot.photo = photo
                snapshot.mask = self.store.read_mask(photo.size)
        snapshot.items = {r.id for r in state.history if self.store.item_dir(r.id).is_dir()}
        return snapshot

    def _apply_snapshot(self, snapshot: Snapshot | None) -> bool:
        if snapshot is None:
            return False
        state = snapshot.state
        if snapshot.photo is not None:
            self.photo, self.photo_file = snapshot.photo, state.photo_file
            self.photo_path = Path(state.photo_name) if state.photo_name else None
            self.mask = snapshot.mask
        self.photo_sha256 = state.photo_sha256  # its results show even where the photo is lost
        self.caption, self.edit, self.settings = state.caption, state.edit, state.settings
        self.items = [HistoryItem.from_record(r) for r in state.history if r.id in snapshot.items]
        for item in self.items:  # saved before results were kept per photo: the session's photo's
            if not item.photo_sha256:
                item.photo_sha256 = state.photo_sha256
                item.photo_name = state.photo_name or ""
        self.photo_changed.emit()
        self.caption_changed.emit(self.caption)
        self.edit_changed.emit(self.edit)
        self.settings_changed.emit(self.settings)
        self.history_changed.emit()
        current = next((h for h in self.history if h.id == state.current), None)
        if current is not None:
            self.select(current)
        self.mask_changed.emit()
        if snapshot.notes:
            kept = self.tr(" (kept: the captions and {count} results)").format(count=len(self.items)) \
                if self.items else ""
            self.notice.emit(message_text(joined(snapshot.notes)) + kept)
        self.restored.emit()
        return self.photo is not None

    @property
    def has_saved_state(self) -> bool:
        """Whether the folder holds a session (or results) that a first-run sample must not replace."""
        return (self.folder / "session.json").exists() or any((self.folder / "items").glob("*"))

    def _write_item(self, item: HistoryItem) -> None:
        files: dict[str, Callable[[Path], None]] = {}
        if item.image is not None:
            files["image.png"] = _png_writer(item.image)
        if item.mask is not None:
            files["mask.png"] = _png_writer(item.mask)
        if item.word_maps:
            files["maps.npz"] = _maps_writer(list(item.word_maps))
        self.store.write_item(item.id, files)
        self.schedule_save()

    def ensure_images(self, item: HistoryItem) -> None:
        """Read an item's images and heat maps here and now if they are not in memory (export of a
        result never shown); damaged files leave the item without them."""
        if _complete(item):
            return
        self.store.flush()  # its files may still be on their way to disk
        files = _read_item_files(self.store, item.id)
        item.image = item.image or files.image
        item.mask = item.mask or files.mask
        item.word_maps = item.word_maps or files.word_maps

    def close(self) -> None:
        """Write what is pending and stop the writer thread (the session is read-only after)."""
        self._timer.stop()
        self.flush()
        self.store.close()


@dataclass
class Snapshot:
    """A session read from disk (off the UI thread), ready to apply."""

    state: SessionState
    notes: list[Message]
    photo: Image.Image | None = None
    mask: np.ndarray | None = None
    items: set[str] = field(default_factory=set)  # history ids whose folders exist


@dataclass(frozen=True)
class ItemFiles:
    image: Image.Image | None
    mask: Image.Image | None
    word_maps: list[WordMap]


def _complete(item: HistoryItem) -> bool:
    return item.image is not None and (item.mask is not None or not item.painted) and bool(item.word_maps)


def _png_writer(image: Image.Image) -> Callable[[Path], None]:
    return lambda tmp: image.save(tmp, format="PNG")


def _maps_writer(maps: list[WordMap]) -> Callable[[Path], None]:
    def write(tmp: Path) -> None:
        arrays: dict[str, Any] = {f"{m.prompt}_{m.index}_{m.word}": m.heat for m in maps}
        arrays[SHARES] = np.array([[m.prompt, m.index, m.share] for m in maps], dtype=np.float64)
        with open(tmp, "wb") as stream:
            np.savez_compressed(stream, **arrays)

    return write


def _read_item_files(store: SessionStore, item_id: str) -> ItemFiles:
    """A result's files; a damaged, missing or hostile one is None (never an exception)."""
    folder = f"{ITEMS}/{item_id}"
    arrays = store.read_maps(f"{folder}/maps.npz")
    return ItemFiles(store.read_image(f"{folder}/image.png", "RGB"), store.read_image(f"{folder}/mask.png", "L"),
                     _word_maps(arrays) if arrays is not None else [])


def _word_maps(arrays: dict[str, np.ndarray]) -> list[WordMap]:
    maps: list[WordMap] = []
    try:
        table = arrays.get(SHARES)
        shares = {(int(p), int(i)): float(v) for p, i, v in table} if table is not None else {}
        for key, value in arrays.items():
            if key == SHARES:
                continue
            prompt, index, word = key.split("_", 2)
            heat = np.asarray(value, dtype=np.float32)
            if heat.ndim != 2:
                raise ValueError("a heat map is not two-dimensional")
            maps.append(WordMap(int(prompt), word, int(index), heat, shares.get((int(prompt), int(index)), 1.0)))
    except (ValueError, KeyError, TypeError, OverflowError):
        return []
    return maps
