"""The main window: canvas in the middle, edit panel on the right, history below, status at the bottom."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from p2p_studio.app.app_settings import AppSettings
from p2p_studio.app.controller import StudioController, SweepSheet
from p2p_studio.app.core_text import message_text
from p2p_studio.app.jobs import FoundRecipe, ModelInfo
from p2p_studio.app.session import HistoryItem, Session
from p2p_studio.core.photos import PHOTO_SUFFIXES
from p2p_studio.core.settings import SAMPLERS
from p2p_studio.ui.canvas import Canvas
from p2p_studio.ui.edit_panel import EditPanel
from p2p_studio.ui.images import thumbnail, to_qimage
from p2p_studio.ui.settings_dialog import SettingsDialog
from p2p_studio.ui.sweep_sheet import SweepSheetView

PHOTO_PATTERNS = " ".join("*" + s for s in PHOTO_SUFFIXES)
THUMB = 96


class MainWindow(QMainWindow):
    settings_changed = Signal(object)  # AppSettings

    def __init__(self, session: Session, controller: StudioController, settings: AppSettings,
                 save_settings: Callable[[AppSettings], None]) -> None:
        super().__init__()
        self.session, self.controller, self.settings = session, controller, settings
        self._icons: dict[str, QIcon] = {}  # history thumbnails by result id
        self._save_settings = save_settings
        self.setWindowTitle(self.tr("P2P Studio"))
        self.setAcceptDrops(True)
        self.resize(1280, 800)
        self.canvas = Canvas()
        self.sheet = SweepSheetView()
        self.centre = QStackedWidget()  # the photo, or the contact sheet of the last sweep
        self.centre.addWidget(self.canvas)
        self.centre.addWidget(self.sheet)
        self.setCentralWidget(self.centre)
        self.panel = EditPanel(session, controller)
        scroll = QScrollArea()
        scroll.setWidget(self.panel)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(380)
        self._dock(self.tr("Edit"), scroll, Qt.DockWidgetArea.RightDockWidgetArea)
        self.history = QListWidget()
        self.history.setViewMode(QListWidget.ViewMode.IconMode)
        self.history.setIconSize(QSize(THUMB, THUMB))
        self.history.setFlow(QListWidget.Flow.LeftToRight)
        self.history.setWrapping(False)
        self.history.setWordWrap(True)  # a label on two lines under its thumbnail, not cut after a few words
        self.history.setFixedHeight(THUMB + 48)
        self.history.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.history.customContextMenuRequested.connect(self._history_menu)
        self.history.currentRowChanged.connect(self._history_selected)
        self.photos = QComboBox()  # the other photos with results: a click away
        self.photos.setToolTip(self.tr("Results of other photos of this session: pick one to go back to it"))
        self.photos.activated.connect(self._photo_chosen)
        history_box = QWidget()
        box = QVBoxLayout(history_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.photos)
        box.addWidget(self.history)
        history_dock = self._dock(self.tr("History"), history_box, Qt.DockWidgetArea.BottomDockWidgetArea)
        history_dock.setMaximumHeight(THUMB + 110)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self._status_bar()
        self._menus()
        self._bind()
        self._refresh_photo()

    # --- layout -------------------------------------------------------------------------------
    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(area, dock)
        return dock

    def _status_bar(self) -> None:
        bar = self.statusBar()
        self.message = QLabel(self.tr("Open a photo to start."))
        self.message.setObjectName("message")
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setMaximumWidth(260)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.phase = QLabel()
        self.phase.setMinimumWidth(self.fontMetrics().horizontalAdvance("Null-text 50/50 (iter 10/10)") + 8)
        self.eta = QLabel()
        self.cancel = QPushButton(self.tr("Cancel (Esc)"))
        self.cancel.clicked.connect(self.controller.cancel_current)
        self.cancel.hide()
        self._clear_phase = QTimer(self)
        self._clear_phase.setSingleShot(True)
        self._clear_phase.setInterval(1500)
        self._clear_phase.timeout.connect(lambda: None if self.controller.busy else self.phase.setText(""))
        bar.addWidget(self.message, 1)
        for w in (self.phase, self.progress, self.eta, self.cancel):
            bar.addPermanentWidget(w)

    def _action(self, menu: QMenu, text: str, shortcut: str | QKeySequence.StandardKey | None,
                slot: Callable[[], Any], checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(lambda *_: slot())
        menu.addAction(action)
        self.addAction(action)
        return action

    def _menus(self) -> None:
        m = self.menuBar()
        file = m.addMenu(self.tr("&File"))
        self._action(file, self.tr("&Open photo…"), QKeySequence.StandardKey.Open, self.open_dialog)
        self._action(file, self.tr("&Paste photo"), QKeySequence.StandardKey.Paste, self.paste)
        self.recent_menu = file.addMenu(self.tr("Open &recent"))
        self._fill_recent()
        file.addSeparator()
        self._action(file, self.tr("&Save result…"), QKeySequence.StandardKey.Save, self.save_result)
        file.addSeparator()
        self._action(file, self.tr("Se&ttings…"), "Ctrl+,", self.open_settings)
        self._action(file, self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        edit = m.addMenu(self.tr("&Edit"))
        undo = self.session.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.session.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit.addActions([undo, redo])
        edit.addSeparator()
        self._action(edit, self.tr("Run &edit"), None, lambda: self.controller.queue_edit())
        self._action(edit, self.tr("&Cancel"), "Esc", self.controller.cancel_current)
        view = m.addMenu(self.tr("&View"))
        self._action(view, self.tr("&Fit"), "Ctrl+0", self.canvas.fit)
        self._action(view, self.tr("&100 %"), "Ctrl+1", self.canvas.actual_size)
        self._action(view, self.tr("Zoom &in"), QKeySequence.StandardKey.ZoomIn, lambda: self.canvas.zoom_by(1.25))
        self._action(view, self.tr("Zoom &out"), QKeySequence.StandardKey.ZoomOut, lambda: self.canvas.zoom_by(0.8))
        view.addSeparator()
        self._action(view, self.tr("&Split before/after"), "S", lambda: self.canvas.set_mode("split"))
        self._action(view, self.tr("Toggle &before/after"), "T", self.toggle_before_after)
        self._action(view, self.tr("Show &mask"), "M", lambda: self.panel.show_mask.toggle())
        self._action(view, self.tr("S&weep sheet / photo"), "G", self.toggle_sheet)
        help_menu = m.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&About P2P Studio"), None, self._about)

    def _bind(self) -> None:
        s, c = self.session, self.controller
        s.photo_changed.connect(self._refresh_photo)
        s.history_changed.connect(self._refresh_history)
        s.current_changed.connect(self._show_item)
        s.mask_changed.connect(self._refresh_mask)
        c.status.connect(self.show_message)
        c.error.connect(self.show_error)
        c.progress.connect(self._show_progress)
        c.preview.connect(self._show_preview)
        c.sweep_ready.connect(self._show_sheet)
        self.sheet.cell_chosen.connect(self._sheet_cell)
        self.sheet.closed.connect(lambda: self.centre.setCurrentWidget(self.canvas))
        c.busy_changed.connect(self._busy)
        c.model_changed.connect(lambda info: self.setWindowTitle(f"P2P Studio — {_model_title(info)}"))
        c.recipe_found.connect(self._offer_recipe)
        c.photo_opened.connect(self._photo_opened)
        s.notice.connect(self.show_error)
        s.item_loaded.connect(self._item_loaded)
        self.canvas.mask_painted.connect(lambda mask: s.set_mask(mask))
        self.panel.word_clicked.connect(self.show_word_map)
        self.panel.mask_visible.connect(lambda _: self._refresh_mask())
        self.panel.paint_mode.connect(self._paint_mode)
        self.panel.brush_size.connect(lambda v: setattr(self.canvas, "brush", float(v)))

    # --- photo --------------------------------------------------------------------------------
    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open photo"), "", self.tr(
            "Photos ({patterns});;All files (*)").format(patterns=PHOTO_PATTERNS))
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> None:
        """Open a photo (read on the file thread; :meth:`_photo_opened` follows)."""
        self.controller.open_photo(Path(path))

    def _photo_opened(self, path: Path | None) -> None:
        if path is None:
            self.show_message(self.tr("Pasted a photo from the clipboard."))
            return
        self.settings.add_recent(path)
        self._save_settings(self.settings)
        self._fill_recent()
        self.show_message(self.tr("Opened {name}. Type its caption; inversion starts by itself.").format(
            name=path.name))

    def paste(self) -> None:
        image = QApplication.clipboard().image()
        if image.isNull():
            self.show_error(self.tr("The clipboard holds no image."))
            return
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub says bytes; PySide6 6.11 takes str
        self.controller.open_photo(bytes(data.data()))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasImage():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.open_path(Path(urls[0].toLocalFile()))
            event.acceptProposedAction()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for text in self.settings.recent:
            action = self.recent_menu.addAction(text)
            action.triggered.connect(lambda _=False, p=text: self.open_path(Path(p)))
        self.recent_menu.setEnabled(bool(self.settings.recent))

    def _refresh_photo(self) -> None:
        s = self.session
        self.canvas.set_photo(to_qimage(s.photo) if s.photo is not None else None)
        self._refresh_history()

    # --- results ------------------------------------------------------------------------------
    def _refresh_photos(self) -> None:
        """The photos combo: this photo first, then the others with results (hidden without)."""
        others = self.session.other_photos()
        self.photos.clear()
        self.photos.addItem(self.tr("This photo: {results}").format(results=self._results(len(self.session.history))),
                            "")
        for sha, name, count in others:
            self.photos.addItem(self.tr("{photo}: {results}").format(photo=name or self.tr("pasted photo"),
                                                                     results=self._results(count)), sha)
        self.photos.setVisible(bool(others))

    def _photo_chosen(self, index: int) -> None:
        sha = self.photos.itemData(index)
        if sha:
            self.session.switch_photo(sha)

    def _refresh_history(self) -> None:
        self._refresh_photos()
        self.history.blockSignals(True)
        self.history.clear()
        for item in self.session.history:
            label = ("★ " if item.starred else "") + (item.label or item.edit)
            entry = QListWidgetItem(label)
            if (icon := self._icon(item)) is not None:
                entry.setIcon(icon)
            else:
                self.session.request_images(item)  # read off the UI thread; _item_loaded follows
            lines = [item.edit, item.label, message_text(item.plan), f"{item.seconds:.1f} s",
                     self.tr("painted mask") if item.painted else ""]
            entry.setToolTip("\n".join(line for line in lines if line))
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.history.addItem(entry)
        current = self.session.current
        if current is not None:
            ids = [h.id for h in self.session.history]
            if current.id in ids:
                self.history.setCurrentRow(ids.index(current.id))
        self.history.blockSignals(False)

    def _icon(self, item: HistoryItem) -> QIcon | None:
        if item.id not in self._icons and item.image is not None:
            self._icons[item.id] = QIcon(QPixmap.fromImage(thumbnail(item.image, THUMB)))
        return self._icons.get(item.id)

    def _item_loaded(self, item: HistoryItem) -> None:
        for row in range(self.history.count()):
            entry = self.history.item(row)
            if entry.data(Qt.ItemDataRole.UserRole) == item.id and (icon := self._icon(item)) is not None:
                entry.setIcon(icon)

    def _history_selected(self, row: int) -> None:
        if 0 <= row < len(self.session.history):
            self.session.select(self.session.history[row])

    def _show_item(self, item: HistoryItem | None) -> None:
        self.canvas.set_result(to_qimage(item.image) if item is not None and item.image is not None else None)
        ids = [h.id for h in self.session.history]
        if item is not None and item.id in ids and self.history.currentRow() != ids.index(item.id):
            self.history.blockSignals(True)  # the highlight follows what the canvas shows
            self.history.setCurrentRow(ids.index(item.id))
            self.history.blockSignals(False)
        mask = self.session.mask
        columns = mask.sum(axis=0) if item is not None and mask is not None else None
        if columns is not None and (weight := float(columns.sum())) > 0:
            # the split line through the middle of the edited region: half of it before, half after
            self.canvas.split = float((columns * np.arange(len(columns))).sum() / weight + 0.5) / len(columns)
        self._refresh_mask()

    def _show_sheet(self, sheet: SweepSheet) -> None:
        self.sheet.show_sheet(sheet)
        self.sheet.mark(self.session.current)
        self.centre.setCurrentWidget(self.sheet)

    def _sheet_cell(self, item: HistoryItem) -> None:
        """A cell was clicked: its result on the canvas, its parameters in the panel."""
        self.session.select(item)
        self.session.restore_parameters(item)
        self.sheet.mark(item)
        self.centre.setCurrentWidget(self.canvas)
        self.show_message(self.tr("Restored the parameters of {edit} ({values}); G shows the sweep sheet "
                                  "again.").format(
            edit=item.edit, values=", ".join(_cell_values(self.sheet, item))))

    def toggle_sheet(self) -> None:
        if self.sheet.sheet is None:
            self.show_message(self.tr("No sweep yet: set the grid under Sweep and press Run sweep."))
            return
        showing = self.centre.currentWidget() is self.sheet
        if not showing:
            self.sheet.mark(self.session.current)
        self.centre.setCurrentWidget(self.canvas if showing else self.sheet)

    def _show_preview(self, image: Image.Image, text: str) -> None:
        """The running edit as it forms (a small image the canvas scales); the result replaces it."""
        self.centre.setCurrentWidget(self.canvas)
        self.canvas.set_result(to_qimage(image))
        self.show_message(text)

    def _refresh_mask(self) -> None:
        self.canvas.set_mask(self.session.mask, self.panel.show_mask.isChecked())

    def show_word_map(self, prompt: int, index: int) -> None:
        item = self.session.current
        for m in item.word_maps if item else []:
            if m.prompt == prompt and m.index == index:
                self.panel.show_mask.setChecked(False)
                self.canvas.set_heat(m.heat)
                self.show_message((self.tr("Attention of “{word}” (caption)") if prompt == 0 else
                                   self.tr("Attention of “{word}” (edit)")).format(word=m.word))
                return

    def _paint_mode(self, mode: str | None) -> None:
        self.canvas.paint_mode = mode
        if mode and self.session.mask is None and self.session.photo is not None:
            self.show_message(self.tr("Paint where the edit may change the photo; then ‘Re-run with painted mask’."))

    def _history_menu(self, pos: QPoint) -> None:
        row = self.history.indexAt(pos).row()
        if not 0 <= row < len(self.session.history):
            return
        item = self.session.history[row]
        menu = QMenu(self)
        menu.addAction(self.tr("Restore its parameters"), lambda: self.session.restore_parameters(item))
        menu.addAction(self.tr("Unstar") if item.starred else self.tr("Star"), lambda: self.session.toggle_star(item))
        menu.addAction(self.tr("Save as…"), lambda: self.save_result(item))
        menu.addSeparator()
        menu.addAction(self.tr("Delete"), lambda: self.session.delete(item))
        menu.exec(self.history.mapToGlobal(pos))

    def toggle_before_after(self) -> None:
        self.canvas.set_mode("before" if self.canvas.mode != "before" else "after")

    def save_result(self, item: HistoryItem | None = None) -> None:
        item = item or self.session.current
        if item is None:
            self.show_error(self.tr("No result to save yet: run an edit first."))
            return
        stem = Path(self.session.photo_name).stem or "photo"
        folder = self.session.photo_path.parent if self.session.photo_path else Path.home()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save result"), str(folder / f"{stem}-edit.png"),
                                              "PNG (*.png)")
        if path:
            self.controller.export(item, Path(path))

    def _offer_recipe(self, found: FoundRecipe, path: str) -> None:
        recipe = found.recipe
        loras = found.loras.text(found.folders)
        answer = QMessageBox.question(
            self, self.tr("Restore recipe?"),
            self.tr("{name} was made by P2P Studio:\n\n“{edit}”\n\nRestore its caption, edit and parameters?").format(
                name=Path(path).name, edit=recipe.edit) + (f"\n\n{loras}." if loras else ""))
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_recipe(found)

    def restore_recipe(self, found: FoundRecipe) -> None:
        """Captions and settings into the session; LoRAs that were found (and the sampler they were
        run with) into the model choice, which reloads the model when they differ."""
        self.controller.apply_recipe(found.recipe)
        if not found.loras.found:
            return
        sampler = found.recipe.sampler if found.recipe.sampler in SAMPLERS else "auto"
        self._use_settings(dataclasses.replace(
            self.settings, model=dataclasses.replace(self.settings.model, loras=found.loras.found, sampler=sampler)))

    # --- status -------------------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.message.setProperty("error", False)
        self._restyle(self.message)
        self.message.setText(text)

    def show_error(self, text: str) -> None:
        self.message.setProperty("error", True)
        self._restyle(self.message)
        self.message.setText(f"⚠ {text}")
        self.message.setToolTip(text)  # a long line is cut by the status bar; the whole of it is here

    @staticmethod
    def _restyle(widget: QWidget) -> None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    def _show_progress(self, text: str, fraction: float, eta: str) -> None:
        self.phase.setText(text)
        self.eta.setText(eta)
        self.progress.setValue(int(fraction * 1000))

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel.setVisible(busy)
        if not busy:
            self._clear_phase.start()  # owned by the window: never fires after it is gone
            self.eta.setText("")

    # --- settings -----------------------------------------------------------------------------
    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self, self.controller.model)
        if dialog.exec():
            self._use_settings(dialog.result_settings())

    def _use_settings(self, new: AppSettings) -> None:
        """Keep *new* settings; a changed model choice is loaded."""
        changed = new.model != self.settings.model
        self.settings = new
        self._save_settings(new)
        if changed:
            self.settings_changed.emit(new)

    def _about(self) -> None:
        from p2p_studio import __version__

        QMessageBox.about(self, self.tr("About P2P Studio"), f"P2P Studio {__version__}\n" + self.tr(
            "Edit photos by editing their caption (Prompt-to-Prompt with null-text inversion)."))

    def _results(self, count: int) -> str:
        """"1 result", "3 results"."""
        return self.tr("1 result") if count == 1 else self.tr("{count} results").format(count=count)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.session.save_now()
        super().closeEvent(event)


def _cell_values(view: SweepSheetView, item: HistoryItem) -> list[str]:
    """The swept values of *item*'s cell, e.g. ``["cross 0.5", "self 0.2"]``."""
    sheet = view.sheet
    if sheet is None:
        return []
    for cell, cell_item in zip(sheet.cells, sheet.items, strict=True):
        if cell_item.id == item.id:
            return [f"{key} {value:g}" for key, value in cell.values]
    return []


MODEL_KINDS = {"sd1": "SD 1.x", "sd2": "SD 2.x", "sdxl": "SDXL"}


def _model_title(info: ModelInfo) -> str:
    """``name (SDXL)``: the model and the family the engine detected."""
    kind = MODEL_KINDS.get(info.kind, info.kind)
    return f"{Path(info.name).name} ({kind})" if kind else Path(info.name).name



