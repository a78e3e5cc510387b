"""Settings: which model (demo, a hub id, a local folder, a single file), device, precision, cache."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from p2p_studio.app.app_settings import AppSettings
from p2p_studio.core.resources import DEMO_MODEL, STABLE_DIFFUSION, STABLE_DIFFUSION_XL
from p2p_studio.core.settings import DEVICES, PRECISIONS, ModelChoice

HOW_TO_SWITCH = (
    f"The built-in <b>demo</b> model only knows coloured shapes. For real photos choose "
    f"<b>{STABLE_DIFFUSION}</b> (downloaded once, about 2 GB of the repository, then offline), "
    f"<b>{STABLE_DIFFUSION_XL}</b> (SDXL, 1024 px: about 14 GB once; a GPU with 12 GB or more), "
    "a local diffusers folder, or a single <code>.safetensors</code> checkpoint."
)


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setMinimumWidth(560)
        self.model = QComboBox()
        self.model.setEditable(True)
        self.model.addItems([DEMO_MODEL, STABLE_DIFFUSION, "stabilityai/stable-diffusion-2-1", STABLE_DIFFUSION_XL])
        self.model.setCurrentText(settings.model.spec)
        folder, file = QPushButton("Folder…"), QPushButton("File…")
        folder.clicked.connect(self._pick_folder)
        file.clicked.connect(self._pick_file)
        row = QHBoxLayout()
        row.addWidget(self.model, 1)
        row.addWidget(folder)
        row.addWidget(file)
        self.model_config = QLineEdit(settings.model.config or "")
        self.model_config.setPlaceholderText("only for single files offline: a diffusers folder with the configs")
        self.device = QComboBox()
        self.device.addItems(list(DEVICES))
        self.device.setCurrentText(settings.model.device)
        self.precision = QComboBox()
        self.precision.addItems(list(PRECISIONS))
        self.precision.setCurrentText(settings.model.precision)
        self.cache = QLineEdit(settings.model.cache_dir or "")
        self.cache.setPlaceholderText("default: the user cache folder")
        hint = QLabel(HOW_TO_SWITCH)
        hint.setWordWrap(True)
        memory = QLabel("Out of memory? Use fp16 on a GPU, the cpu device, or fewer edited captions at once.")
        memory.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Model", row)
        form.addRow("", hint)
        form.addRow("Model configs", self.model_config)
        form.addRow("Device", self.device)
        form.addRow("Precision", self.precision)
        form.addRow("Inversion cache", self.cache)
        form.addRow("", memory)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._settings = settings

    def _pick_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Diffusers model folder")
        if path:
            self.model.setCurrentText(path)

    def _pick_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Checkpoint", "", "Checkpoints (*.safetensors)")
        if path:
            self.model.setCurrentText(path)

    def result_settings(self) -> AppSettings:
        choice = ModelChoice(spec=self.model.currentText().strip() or DEMO_MODEL,
                             config=self.model_config.text().strip() or None, device=self.device.currentText(),
                             precision=self.precision.currentText(), cache_dir=self.cache.text().strip() or None)
        return AppSettings(model=choice, recent=list(self._settings.recent))
