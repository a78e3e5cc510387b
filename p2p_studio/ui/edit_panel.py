"""The right-hand panel: caption, inversion, edited caption, plan, parameters, words, mask tools."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from p2p_studio.app.controller import StudioController
from p2p_studio.app.core_text import core_text, message_text, progress_text, sentence
from p2p_studio.app.jobs import InversionState, ModelInfo, WordWarnings
from p2p_studio.app.session import Session
from p2p_studio.core.captions import reweight
from p2p_studio.core.errors import InputError
from p2p_studio.core.settings import Detail, EditSettings, MaskKind, Method, spec_of
from p2p_studio.core.sweep import AXES, DEFAULT_BATCH, SweepGrid
from p2p_studio.ui.flow import FlowLayout

#: The grid the Sweep box starts with: the paper's usual range of injection windows.
DEFAULT_SWEEP = "cross=0.2,0.5,0.8 self=0.2,0.4"
RUN_TIP = str(QT_TRANSLATE_NOOP("EditPanel", "Queue this edit (Ctrl+Enter); results land in the history"))


class WeightedLineEdit(QLineEdit):
    """A line edit where Ctrl+Up/Down re-weights the word under the cursor."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            delta = 0.1 if event.key() == Qt.Key.Key_Up else -0.1
            text, cursor = reweight(self.text(), self.cursorPosition(), delta)
            self.setText(text)
            self.setCursorPosition(cursor)
            self.textEdited.emit(text)
            return
        super().keyPressEvent(event)


class EditPanel(QWidget):
    word_clicked = Signal(int, int)  # prompt (0 source, 1 edit), word index
    mask_visible = Signal(bool)
    paint_mode = Signal(object)  # None, "add", "erase"
    brush_size = Signal(int)

    def __init__(self, session: Session, controller: StudioController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.controller = session, controller
        self._syncing = False
        layout = QVBoxLayout(self)
        layout.addWidget(self._caption_box())
        layout.addWidget(self._edit_box())
        layout.addWidget(self._params_box())
        layout.addWidget(self._sweep_box())
        layout.addWidget(self._words_box())
        layout.addWidget(self._mask_box())
        layout.addStretch(1)
        session.caption_changed.connect(self._sync_caption)
        session.edit_changed.connect(self._sync_edit)
        session.settings_changed.connect(self._sync_settings)
        session.inversion_changed.connect(self._sync_inversion)
        session.current_changed.connect(self._sync_words)
        controller.plan_changed.connect(self._show_plan)
        controller.words_changed.connect(self._show_words)
        controller.model_changed.connect(self._sync_model)
        self._sync_settings(session.settings)
        self._sync_run()

    # --- building ---------------------------------------------------------------------------
    def _caption_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("1. Caption of the photo"))
        self.caption = QLineEdit()
        self.caption.setPlaceholderText(self.tr("e.g. a cat sitting on a bench"))
        self.caption.textEdited.connect(self._caption_edited)
        self.method = QComboBox()
        self.method.addItems([m.value for m in Method])
        self.method.currentTextChanged.connect(lambda m: self._set("method", m))
        self.method_hint = QLabel()
        self.method_hint.setWordWrap(True)
        self.method_hint.setProperty("hint", True)
        self.invert = QPushButton(self.tr("Invert"))
        self.invert.setToolTip(self.tr("Start or stop the inversion (it also starts by itself once the caption is "
                                       "set)"))
        self.invert.clicked.connect(self._toggle_invert)
        self.inversion_label = QLabel(self.tr("No photo yet"))
        self.inversion_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.method, 1)
        row.addWidget(self.invert)
        form = QFormLayout(box)
        self.caption_words = _warning_label()
        form.addRow(self.caption)
        form.addRow(self.caption_words)
        form.addRow(self.tr("Inversion"), row)
        form.addRow(self.method_hint)
        form.addRow(self.inversion_label)
        return box

    def _edit_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("2. Edited caption"))
        self.edit = WeightedLineEdit()
        self.edit.setPlaceholderText(self.tr("change words: a tiger sitting on a bench; (word:1.5) re-weights"))
        self.edit.setToolTip(self.tr("Ctrl+Up / Ctrl+Down raise or lower the weight of the word under the cursor"))
        self.edit.textEdited.connect(self._edit_edited)
        self.edit.returnPressed.connect(lambda: self.controller.queue_edit())
        self.plan = QLabel()
        self.plan.setWordWrap(True)
        self.plan.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.run = QPushButton(self.tr("Edit"))
        self.run.setToolTip(self.tr(RUN_TIP))
        self.run.clicked.connect(lambda: self.controller.queue_edit())
        self.run_masked = QPushButton(self.tr("Re-run with painted mask"))
        self.run_masked.setToolTip(self.tr("Run the edit again using the mask as you painted it"))
        self.run_masked.clicked.connect(lambda: self.controller.queue_edit(use_mask=True))
        QShortcut(QKeySequence("Ctrl+Return"), self).activated.connect(lambda: self.controller.queue_edit())
        buttons = QHBoxLayout()
        buttons.addWidget(self.run, 1)
        buttons.addWidget(self.run_masked)
        self.edit_words = _warning_label()
        v = QVBoxLayout(box)
        v.addWidget(self.edit)
        v.addWidget(self.edit_words)
        v.addWidget(self.plan)
        v.addLayout(buttons)
        return box

    def _params_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Parameters"))
        form = QFormLayout(box)
        self.cross = self._real("cross")
        self.self_frac = self._real("self_fraction")
        self.threshold = self._real("threshold")
        self.blend = QCheckBox(self.tr("Local blend"))
        self.blend.setToolTip(self.tr("Keep everything outside the edited words' region exactly as in the photo"))
        self.blend.toggled.connect(lambda on: self._set("blend", on))
        self.blend_words = QLineEdit()
        self.blend_words.setPlaceholderText(self.tr("default: the changed words"))
        self.blend_words.editingFinished.connect(self._blend_words_edited)
        self.mask_kind = self._choice("mask", MaskKind)
        self.detail = self._choice("detail", Detail)
        self.seed = self._whole("seed")
        self.steps = self._whole("steps")
        self.guidance = self._real("guidance", step=0.5, decimals=1)
        label = {key: core_text(spec_of(EditSettings, key).label or key)
                 for key in ("cross", "self_fraction", "threshold", "steps", "guidance", "seed")}
        form.addRow(label["cross"], self.cross)
        form.addRow(label["self_fraction"], self.self_frac)
        form.addRow(self.blend)
        form.addRow(self.tr("Blend words"), self.blend_words)
        form.addRow(label["threshold"], self.threshold)
        form.addRow(self.tr("Mask"), self.mask_kind)
        form.addRow(self.tr("Detail"), self.detail)
        form.addRow(label["steps"], self.steps)
        form.addRow(label["guidance"], self.guidance)
        form.addRow(label["seed"], self.seed)
        return box

    def _sweep_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Sweep"))
        self.sweep_axes = QLineEdit(DEFAULT_SWEEP)
        self.sweep_axes.setToolTip(self.tr(
            "KEY=V1,V2,... per axis, separated by spaces; KEY: {keys} (weight sets every (word:f) factor of the "
            "edited caption). The first axis runs across the sheet.").format(keys=", ".join(AXES)))
        self.sweep_axes.textChanged.connect(self._sweep_edited)
        self.sweep_axes.returnPressed.connect(self._run_sweep)
        self.sweep_info = QLabel()
        self.sweep_info.setWordWrap(True)
        self.sweep_info.setProperty("hint", True)
        self.run_sweep = QPushButton(self.tr("Run sweep"))
        self.run_sweep.setToolTip(self.tr("Edit with every combination in batched runs; the results fill a contact "
                                          "sheet and the history, each with its own parameters"))
        self.run_sweep.clicked.connect(self._run_sweep)
        row = QHBoxLayout()
        row.addWidget(self.sweep_axes, 1)
        row.addWidget(self.run_sweep)
        v = QVBoxLayout(box)
        v.addLayout(row)
        v.addWidget(self.sweep_info)
        self._sweep_edited(self.sweep_axes.text())
        return box

    def _sweep_edited(self, text: str) -> None:
        try:
            grid = SweepGrid.parse([text])
        except InputError as exc:
            self.sweep_info.setText(message_text(exc.message))
            self.run_sweep.setEnabled(False)
            return
        rows, columns = grid.shape
        self.sweep_info.setText(self.tr("{cells} cells ({columns} × {rows}), batched {batch} edits per run").format(
            cells=grid.size, columns=columns, rows=rows, batch=DEFAULT_BATCH))
        self.run_sweep.setEnabled(True)

    def _run_sweep(self) -> None:
        if self.run_sweep.isEnabled():
            self.controller.queue_sweep(self.sweep_axes.text())

    def _whole(self, key: str) -> QSpinBox:
        """A spin box for whole-number setting *key* with the schema's bounds and help text."""
        lo, hi = _bounds(key, 1.0)
        spin = QSpinBox()
        spin.setRange(int(lo), int(min(hi, 2**31 - 1)))  # a Qt spin box holds 32-bit integers
        spin.setToolTip(_help(key))
        spin.valueChanged.connect(lambda v: self._set(key, int(v)))  # last: setting the range writes nothing
        return spin

    def _choice(self, key: str, choices: type[MaskKind] | type[Detail]) -> QComboBox:
        """A combo box of the enum setting *key*: one entry per value, each with its hint."""
        combo = QComboBox()
        for choice in choices:
            combo.addItem(choice.value)
            combo.setItemData(combo.count() - 1, core_text(choice.hint), Qt.ItemDataRole.ToolTipRole)
        combo.setToolTip("; ".join(f"{c.value}: {core_text(c.hint)}" for c in choices))
        combo.currentTextChanged.connect(lambda value: self._set(key, value))
        return combo

    def _real(self, key: str, step: float = 0.05, decimals: int = 2) -> QDoubleSpinBox:
        """A spin box for real-valued setting *key* with the schema's bounds and help text."""
        lo, hi = _bounds(key, 10.0 ** -decimals)
        spin = QDoubleSpinBox()
        spin.setDecimals(decimals)
        spin.setSingleStep(step)
        spin.setRange(lo, hi)
        spin.setToolTip(_help(key))
        spin.valueChanged.connect(lambda v: self._set(key, round(v, decimals + 1)))  # last, as above
        return spin

    def _words_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Where each word attends (click a word)"))
        self.words_layout = QVBoxLayout(box)
        self.words_hint = QLabel(self.tr("Run an edit to see the attention maps of its words."))
        self.words_hint.setWordWrap(True)
        self.words_layout.addWidget(self.words_hint)
        self._word_rows: list[QWidget] = []
        return box

    def _mask_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Blend mask"))
        self.show_mask = QCheckBox(self.tr("Show mask (M)"))
        self.show_mask.toggled.connect(self.mask_visible.emit)
        self.paint_add = _tool_button(self.tr("Paint"))
        self.paint_erase = _tool_button(self.tr("Erase"))
        for button, mode in ((self.paint_add, "add"), (self.paint_erase, "erase")):
            button.setCheckable(True)
            button.toggled.connect(lambda on, m=mode: self._paint_toggled(m, on))
        self.brush = QSlider(Qt.Orientation.Horizontal)
        self.brush.setRange(2, 200)
        self.brush.setValue(24)
        self.brush.valueChanged.connect(self.brush_size.emit)
        clear = _tool_button(self.tr("Clear"))
        clear.clicked.connect(lambda: self.session.set_mask(None, "clear mask"))
        row = QHBoxLayout()
        for w in (self.show_mask, self.paint_add, self.paint_erase, clear):
            row.addWidget(w)
        v = QVBoxLayout(box)
        v.addLayout(row)
        brush_row = QHBoxLayout()
        brush_row.addWidget(QLabel(self.tr("Brush")))
        brush_row.addWidget(self.brush, 1)
        v.addLayout(brush_row)
        return box

    # --- user input -> session ----------------------------------------------------------------
    def _set(self, key: str, value: Any) -> None:
        if not self._syncing:
            try:
                self.session.set_param(key, value)
            except InputError as exc:
                self.controller.error.emit(message_text(exc.message))

    def _caption_edited(self, text: str) -> None:
        had_edit = bool(self.session.edit) and self.session.edit != self.session.caption
        self.session.set_caption(text)
        if not had_edit:  # the edit field starts as a copy of the caption
            self.session.set_edit(text)

    def _edit_edited(self, text: str) -> None:
        self.session.set_edit(text)

    def _blend_words_edited(self) -> None:
        words = self.blend_words.text().split()
        self._set("blend_words", words or None)

    def _toggle_invert(self) -> None:
        if self.session.inversion_state.active:
            self.controller.stop_inversion()
        else:
            self.controller.start_inversion()

    def _paint_toggled(self, mode: str, on: bool) -> None:
        other = self.paint_erase if mode == "add" else self.paint_add
        if on and other.isChecked():
            other.setChecked(False)
        active = "add" if self.paint_add.isChecked() else "erase" if self.paint_erase.isChecked() else None
        if on:
            self.show_mask.setChecked(True)
        self.paint_mode.emit(active)

    # --- session -> widgets -------------------------------------------------------------------
    def _sync_caption(self, text: str) -> None:
        if self.caption.text() != text:
            self.caption.setText(text)
        self._sync_run()

    def _sync_edit(self, text: str) -> None:
        if self.edit.text() != text:
            self.edit.setText(text)
        self._sync_run()

    def _sync_run(self) -> None:
        """Edit and the sweep are off, saying why, while the edited caption changes nothing."""
        blocked = self.controller.edit_blocked()
        for button in (self.run, self.run_masked):
            button.setEnabled(blocked is None)
        self.run.setToolTip(blocked or self.tr(RUN_TIP))

    def _sync_model(self, info: ModelInfo) -> None:
        """Null-text cannot run where the sampler adds noise each step: its entry is off, and says why."""
        entry = self.method.model().item(self.method.findText(Method.NULL_TEXT.value))  # type: ignore[attr-defined]
        entry.setEnabled(not info.stochastic)
        entry.setToolTip(self.tr("not with the {sampler} sampler, which adds noise each step: renoise is its "
                                 "faithful inversion").format(sampler=info.sampler) if info.stochastic else "")

    def _sync_settings(self, settings: EditSettings) -> None:
        self._syncing = True
        try:
            self.method.setCurrentText(settings.method.value)
            self.method_hint.setText(core_text(settings.method.hint))
            self.cross.setValue(settings.cross)
            self.self_frac.setValue(settings.self_fraction)
            self.threshold.setValue(settings.threshold)
            self.blend.setChecked(settings.blend)
            self.mask_kind.setCurrentText(settings.mask.value)
            self.detail.setCurrentText(settings.detail.value)
            self.blend_words.setText(" ".join(settings.blend_words or []))
            self.steps.setValue(settings.steps)
            self.guidance.setValue(settings.guidance)
            self.seed.setValue(min(settings.seed, self.seed.maximum()))
        finally:
            self._syncing = False

    def _sync_inversion(self, state: InversionState, text: str) -> None:
        self.invert.setText(self.tr("Stop") if state.active else self.tr("Invert"))
        shown = progress_text(text)
        labels = {InversionState.NONE: self.tr("Not inverted yet"),
                  InversionState.READY: self.tr("Ready ({quality})").format(quality=shown),
                  InversionState.FAILED: self.tr("Failed: {reason}").format(reason=shown),
                  InversionState.CANCELLED: self.tr("Stopped")}
        self.inversion_label.setText(shown if state.active else labels.get(state, shown))

    def _show_words(self, words: WordWarnings) -> None:
        """Words the text encoder is likely to misread, under the caption they are in (a warning,
        never a stop)."""
        for label, lines in ((self.caption_words, words.caption), (self.edit_words, words.edit)):
            shown = [message_text(line) for line in lines]
            label.setText("\n".join(f"⚠ {sentence(line)}" for line in shown))
            label.setVisible(bool(lines))

    def _show_plan(self, text: str, is_error: bool) -> None:
        self.plan.setText(text)
        self.plan.setProperty("error", is_error)
        self.plan.style().unpolish(self.plan)
        self.plan.style().polish(self.plan)

    def _sync_words(self, item: object) -> None:
        for row in self._word_rows:
            row.deleteLater()
        self._word_rows = []
        maps = getattr(item, "word_maps", None) or []
        self.words_hint.setVisible(not maps)
        for prompt, title in ((0, self.tr("caption")), (1, self.tr("edit"))):
            words = sorted((m for m in maps if m.prompt == prompt), key=lambda m: m.index)
            if not words:
                continue
            row = QWidget()
            h = FlowLayout(row)  # long captions wrap instead of widening the panel
            h.addWidget(QLabel(f"{title}:"))
            for m in words:
                button = _tool_button(m.word)
                button.setAutoRaise(True)
                button.clicked.connect(lambda _=False, p=prompt, i=m.index: self.word_clicked.emit(p, i))
                h.addWidget(button)
            self.words_layout.addWidget(row)
            self._word_rows.append(row)


def _tool_button(text: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    return button


def _bounds(key: str, nudge: float) -> tuple[float, float]:
    """The range a spin box for setting *key* can show: the schema's bounds, an open bound moved
    in by *nudge* (the nearest value the box can show)."""
    spec = spec_of(EditSettings, key)
    lo = (spec.lo or 0) + (nudge if spec.lo_open else 0)
    hi = (spec.hi if spec.hi is not None else 1e9) - (nudge if spec.hi_open else 0)
    return lo, hi


def _help(key: str) -> str:
    return sentence(core_text(spec_of(EditSettings, key).help))


def _warning_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setProperty("warning", True)
    label.setVisible(False)
    return label
