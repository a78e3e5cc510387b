"""Settings: which model (presets with their sizes, a hub id, a local folder, a single file), its
sampler and LoRAs, device, precision, cache; and how long an edit takes here with the loaded model."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from p2p_studio.app.app_settings import AppSettings
from p2p_studio.app.core_text import core_text, message_text
from p2p_studio.app.i18n import AUTO, LANGUAGES
from p2p_studio.app.jobs import ModelInfo
from p2p_studio.core.errors import InputError
from p2p_studio.core.resources import DEMO_MODEL, MODEL_PRESETS, preset_of
from p2p_studio.core.settings import DEVICES, LORA_SCALE, PRECISIONS, SAMPLERS, LoraChoice, ModelChoice

OTHER_MODEL = str(QT_TRANSLATE_NOOP("SettingsDialog", "a hub id (downloaded once, then offline), a local diffusers "
                                "folder, or a single <code>.safetensors</code> checkpoint"))
SAMPLER_HELP = {
    "auto": str(QT_TRANSLATE_NOOP("SettingsDialog", "the model's own (LCM with an LCM-LoRA)")),
    "ddim": str(QT_TRANSLATE_NOOP("SettingsDialog", "DDIM, Prompt-to-Prompt's sampler (50-step models)")),
    "euler": str(QT_TRANSLATE_NOOP("SettingsDialog", "Euler (SD-Turbo)")),
    "euler-a": str(QT_TRANSLATE_NOOP("SettingsDialog", "Euler ancestral, adds noise each step (SDXL-Turbo); stored "
                                 "with the inversion")),
    "lcm": str(QT_TRANSLATE_NOOP("SettingsDialog", "latent consistency, adds noise each step (LCM models and "
                             "LCM-LoRAs)")),
}
LORA_HINT = str(QT_TRANSLATE_NOOP("SettingsDialog", "Style LoRAs and speed LoRAs (.safetensors) are fused into the "
                              "model. An LCM-LoRA, a Hyper-SD or a Lightning LoRA makes SD 1.5 or SDXL a few-step "
                              "model: edits then default to ReNoise at its step count."))


class LoraTable(QTableWidget):
    """The LoRAs to fuse: file name (the path in its tooltip), scale, and a button to remove it."""

    def __init__(self, loras: tuple[LoraChoice, ...], parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels([self.tr("LoRA"), self.tr("Scale"), ""])
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setVisible(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setMaximumHeight(120)
        for lora in loras:
            self.add(lora)

    def add(self, lora: LoraChoice) -> None:
        lora.validate()
        row = self.rowCount()
        self.insertRow(row)
        name = QTableWidgetItem(lora.name)
        name.setToolTip(lora.path)
        self.setItem(row, 0, name)
        scale = QDoubleSpinBox()
        scale.setRange(*LORA_SCALE)
        scale.setSingleStep(0.05)
        scale.setValue(lora.scale)
        self.setCellWidget(row, 1, scale)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(lambda: self._remove(remove))
        self.setCellWidget(row, 2, remove)

    def _remove(self, button: QPushButton) -> None:
        rows = [r for r in range(self.rowCount()) if self.cellWidget(r, 2) is button]
        for row in rows:
            self.removeRow(row)

    def loras(self) -> tuple[LoraChoice, ...]:
        found = []
        for row in range(self.rowCount()):
            item, scale = self.item(row, 0), self.cellWidget(row, 1)
            assert item is not None and isinstance(scale, QDoubleSpinBox)
            found.append(LoraChoice(item.toolTip(), round(scale.value(), 4)))
        return tuple(found)


#: What the preview decoder field takes, shown under it.
PREVIEW_DECODER_HINT = str(QT_TRANSLATE_NOOP(
    "SettingsDialog", "auto: TAESD when it is in the hub cache (fetch it once with 'hf download madebyollin/taesd', "
    "or madebyollin/taesdxl for SDXL); none: the model's VAE; or a folder of a tiny autoencoder."))


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None, loaded: ModelInfo | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(640)
        self._settings, self._loaded = settings, loaded
        self.model = QComboBox()
        self.model.setEditable(True)
        for preset in MODEL_PRESETS:
            self.model.addItem(preset.spec)
            self.model.setItemData(self.model.count() - 1, f"{core_text(preset.title)}: {core_text(preset.note)}",
                                   Qt.ItemDataRole.ToolTipRole)
        self.model.setCurrentText(settings.model.spec)
        folder, file = QPushButton(self.tr("Folder…")), QPushButton(self.tr("File…"))
        folder.clicked.connect(self._pick_folder)
        file.clicked.connect(self._pick_file)
        row = QHBoxLayout()
        row.addWidget(self.model, 1)
        row.addWidget(folder)
        row.addWidget(file)
        self.model_note = QLabel()
        self.model_note.setWordWrap(True)
        self.model_note.setProperty("hint", True)
        self.model.currentTextChanged.connect(self._describe_model)
        self.model_config = QLineEdit(settings.model.config or "")
        self.model_config.setPlaceholderText(self.tr("only for single files offline: a diffusers folder with the "
                                                     "configs"))
        self.sampler = QComboBox()
        for name in SAMPLERS:
            self.sampler.addItem(f"{name}: {self.tr(SAMPLER_HELP[name])}", name)
        self.sampler.setCurrentIndex(SAMPLERS.index(settings.model.sampler))
        self.loras = LoraTable(settings.model.loras)
        add_lora = QPushButton(self.tr("Add LoRA…"))
        add_lora.clicked.connect(self._pick_lora)
        lora_hint = QLabel(self.tr(LORA_HINT))
        lora_hint.setWordWrap(True)
        lora_hint.setProperty("hint", True)
        self.lora_error = QLabel()
        self.lora_error.setProperty("error", True)
        self.lora_error.setWordWrap(True)
        self.lora_error.setVisible(False)
        self.device = QComboBox()
        self.device.addItems(list(DEVICES))
        self.device.setCurrentText(settings.model.device)
        self.precision = QComboBox()
        self.precision.addItems(list(PRECISIONS))
        self.precision.setCurrentText(settings.model.precision)
        self.cache = QLineEdit(settings.model.cache_dir or "")
        self.cache.setPlaceholderText(self.tr("default: the user cache folder"))
        memory = QLabel(self.tr("Out of memory? Use fp16 on a GPU, the cpu device, or fewer edited captions at once."))
        memory.setWordWrap(True)
        memory.setProperty("hint", True)
        self.expected = QLabel()
        self.expected.setWordWrap(True)
        self.preview_decoder = QLineEdit(settings.model.preview_decoder)
        self.preview_decoder.setPlaceholderText(self.tr("auto"))
        self.preview_decoder.setToolTip(self.tr(PREVIEW_DECODER_HINT))
        self.previews = QLabel()
        self.previews.setWordWrap(True)
        self.previews.setProperty("hint", True)
        self.language = QComboBox()
        self.language.addItem(self.tr("Automatic (the system's language)"), AUTO)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.language.setToolTip(self.tr("Takes effect when P2P Studio starts again."))
        form = QFormLayout()
        form.addRow(self.tr("Model"), row)
        form.addRow("", self.model_note)
        form.addRow(self.tr("Model configs"), self.model_config)
        form.addRow(self.tr("Sampler"), self.sampler)
        form.addRow(self.tr("LoRAs"), self.loras)
        lora_row = QHBoxLayout()
        lora_row.addWidget(add_lora)
        lora_row.addWidget(self.lora_error, 1)
        form.addRow("", lora_row)
        form.addRow("", lora_hint)
        form.addRow(self.tr("Device"), self.device)
        form.addRow(self.tr("Precision"), self.precision)
        form.addRow(self.tr("Inversion cache"), self.cache)
        form.addRow("", memory)
        form.addRow(self.tr("Time per edit"), self.expected)
        form.addRow(self.tr("Preview decoder"), self.preview_decoder)
        form.addRow("", self.previews)
        form.addRow(self.tr("Language"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._describe_model(self.model.currentText())

    def _describe_model(self, spec: str) -> None:
        preset = preset_of(spec)
        self.model_note.setText(f"<b>{core_text(preset.title)}</b>: {core_text(preset.note)}" if preset else
                                self.tr("Pick a preset above, or give {other}.").format(other=self.tr(OTHER_MODEL)))
        loaded = self._loaded
        expected = loaded.expected_edit if loaded is not None and loaded.choice.spec == spec.strip() else None
        if expected is not None:
            region = loaded.expected_region if loaded is not None else None
            self.expected.setText(message_text(expected) + (f" {message_text(region)}" if region is not None else ""))
        else:
            self.expected.setText(self.tr("Measured when the model has loaded (one UNet evaluation is timed); "
                                  "shown here afterwards."))
        if loaded is not None and loaded.choice.spec == spec.strip():
            note = f" {message_text(loaded.previews_note)}." if loaded.previews_note is not None else ""
            drawn_by = self.tr("the model's VAE") if loaded.previews == ModelInfo.previews else loaded.previews
            self.previews.setText(self.tr("Previews are drawn by {decoder}.").format(decoder=drawn_by) + note + " "
                                  + self.tr(PREVIEW_DECODER_HINT))
        else:
            self.previews.setText(self.tr(PREVIEW_DECODER_HINT))

    def _pick_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Diffusers model folder"))
        if path:
            self.model.setCurrentText(path)

    def _pick_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Checkpoint"), "", "Checkpoints (*.safetensors)")
        if path:
            self.model.setCurrentText(path)

    def _pick_lora(self) -> None:
        start = str(Path(self.loras.loras()[-1].path).parent) if self.loras.rowCount() else ""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("LoRA"), start, "LoRAs (*.safetensors)")
        if path:
            self.add_lora(path)

    def add_lora(self, path: str) -> None:
        """Add the LoRA at *path* at scale 1, or say in one line why not."""
        try:
            self.loras.add(LoraChoice(path))
        except InputError as exc:
            self.lora_error.setText(message_text(exc.message))
            self.lora_error.setVisible(True)
            return
        self.lora_error.setVisible(False)

    def result_settings(self) -> AppSettings:
        choice = ModelChoice(spec=self.model.currentText().strip() or DEMO_MODEL,
                             config=self.model_config.text().strip() or None, device=self.device.currentText(),
                             precision=self.precision.currentText(), cache_dir=self.cache.text().strip() or None,
                             sampler=str(self.sampler.currentData()), loras=self.loras.loras(),
                             allow_pickle=self._settings.model.allow_pickle,
                             preview_decoder=self.preview_decoder.text().strip() or "auto")
        return AppSettings(model=choice, recent=list(self._settings.recent), language=str(self.language.currentData()))
