"""Settings: presets with their sizes, the sampler, LoRAs (kept across restarts), the expected
time per edit; choosing a few-step model moves the edit settings to its defaults."""

from __future__ import annotations

import json
import shutil

from PySide6.QtCore import QSettings

from p2p_studio.app.app_settings import AppSettings
from p2p_studio.app.jobs import ModelInfo
from p2p_studio.core.resources import SD_TURBO
from p2p_studio.core.settings import LoraChoice, Method, ModelChoice, ModelDefaults
from p2p_studio.core.text import Message
from p2p_studio.ui.settings_dialog import SettingsDialog

LORAS = (LoraChoice("/loras/style.safetensors", 0.8), LoraChoice("C:\\loras\\lcm-lora-sdv1-5.safetensors", 1.0))


def test_the_sampler_and_loras_are_kept_and_junk_entries_left_out(tmp_path) -> None:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings = AppSettings(ModelChoice("some/model", sampler="lcm", loras=LORAS, preview_decoder="/taesd"))
    settings.save(store)
    assert AppSettings.load(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)) == settings
    store.setValue("loras", ["a.ckpt", "b.safetensors:abc", "c.safetensors:9", "/ok/d.safetensors:0.5"])
    store.setValue("sampler", "dpm++")
    store.setValue("preview_decoder", "  ")
    loaded = AppSettings.load(store)
    assert loaded.model.loras == (LoraChoice("/ok/d.safetensors", 0.5),) and loaded.model.sampler == "auto"
    assert loaded.model.preview_decoder == "auto"


def test_the_dialog_shows_presets_loras_and_the_expected_time(qtbot) -> None:
    choice = ModelChoice(SD_TURBO, sampler="euler-a", loras=LORAS, cache_dir="/c")
    info = ModelInfo(choice, SD_TURBO, "cpu", "float32", 512, 77, "epsilon", "sd2", sampler="euler-a",
                     stochastic=True, defaults=ModelDefaults(4, 0.0, Method.RENOISE, Message.of("a few-step model")),
                     row_seconds=2.5, default_rows=27, previews="TAESD (madebyollin/taesd)")
    dialog = SettingsDialog(AppSettings(choice), None, info)
    qtbot.addWidget(dialog)
    assert dialog.result_settings().model == choice  # nothing lost by opening and closing
    assert "4 steps without guidance" in dialog.model_note.text() and "5.2 GB" in dialog.model_note.text()
    assert dialog.expected.text() == ("An edit of a photo at this model's defaults (4 steps, guidance 0, renoise "
                                      "inversion) takes about 1 min 8 s on cpu: 27 UNet evaluations of 2.5 s each.")
    assert dialog.previews.text().startswith("Previews are drawn by TAESD (madebyollin/taesd). auto: TAESD when")
    dialog.preview_decoder.setText("none")
    assert dialog.result_settings().model.preview_decoder == "none"
    dialog.preview_decoder.setText("")
    assert dialog.result_settings().model == choice
    dialog.model.setCurrentText("/my/own/model")
    assert dialog.expected.text().startswith("Measured when the model has loaded")
    assert dialog.previews.text().startswith("auto: TAESD when it is in the hub cache")
    assert "local diffusers folder" in dialog.model_note.text()
    dialog.add_lora("/loras/old.ckpt")
    assert dialog.lora_error.text() == "LoRA old.ckpt: only .safetensors files are loaded (a pickle can run code)"
    dialog.add_lora("/loras/new.safetensors")
    assert dialog.loras.loras()[-1] == LoraChoice("/loras/new.safetensors", 1.0) and dialog.lora_error.isHidden()
    dialog.loras.cellWidget(0, 2).click()  # remove the first
    assert [lora.name for lora in dialog.result_settings().model.loras] == ["lcm-lora-sdv1-5.safetensors",
                                                                             "new.safetensors"]
    from test_app import _screenshot_folder

    dialog.model.setCurrentText(SD_TURBO)
    dialog.resize(700, 640)
    dialog.show()
    assert dialog.grab().save(str(_screenshot_folder() / "9-settings-few-step.png"))


def test_choosing_a_few_step_model_moves_the_edit_settings_to_its_defaults(studio, wait_for, tiny_dir,
                                                                          tmp_path) -> None:
    turbo = tmp_path / "tiny-turbo"
    shutil.copytree(tiny_dir, turbo)
    config_file = turbo / "scheduler" / "scheduler_config.json"
    config_file.write_text(json.dumps({**json.loads(config_file.read_text()),
                                       "_class_name": "EulerAncestralDiscreteScheduler",
                                       "timestep_spacing": "trailing"}))
    studio.session.set_params({"steps": 50, "method": "null-text"})  # the papers' defaults
    new = AppSettings(ModelChoice(str(turbo), device="cpu"))
    studio.window.settings = new
    studio.window.settings_changed.emit(new)
    wait_for(lambda: studio.controller.model is not None and studio.controller.model.name == str(turbo), 120)
    s = studio.session.settings
    assert (s.steps, s.guidance, s.method) == (4, 0.0, Method.RENOISE)
    panel = studio.window.panel
    assert panel.method.currentText() == "renoise"
    assert not panel.method.model().item(panel.method.findText("null-text")).isEnabled()
    assert str(studio.controller.model.expected_edit).startswith("An edit of a photo at this model's defaults (4 steps")


def test_a_recipe_restores_its_lora_when_the_file_is_found(studio, wait_for, tiny_dir, cat_file, tmp_path,
                                                           monkeypatch) -> None:
    """The LoRA is matched by name and content hash in the user's LoRA folders, on the worker; a
    file of the same name with other content is not taken for it."""
    from PySide6.QtWidgets import QMessageBox

    from p2p_studio.cli import main
    from p2p_studio.core.recipe import RecipeLora, find_loras
    from p2p_studio.testing.tiny_lora import write_tiny_lora

    made = write_tiny_lora(tiny_dir, tmp_path / "made" / "style.safetensors")
    out = tmp_path / "out"
    assert main(["edit", str(cat_file), "--caption", "a cat", "--edit", "a dog", "--model", str(tiny_dir),
                 "--steps", "2", "--inversion", "ddim", "--lora", f"{made}:0.7", "--out", str(out)]) == 0
    png = next(p for p in out.glob("*.png") if "style" not in p.name and "-mask" not in p.name
               and "reconstruction" not in p.name)
    folder = studio.folder / "loras"  # the data folder's LoRA folder
    folder.mkdir()
    (folder / "style.safetensors").write_bytes(b"another file of the same name")
    assert find_loras([RecipeLora("style.safetensors", "0" * 64, 0.7)], [folder]).missing == ("style.safetensors",)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    studio.window.open_path(png)
    wait_for(lambda: bool(asked), 30)
    assert f"not found in {folder}: style.safetensors (the edit runs without them)" in asked[0]
    shutil.copy(made, folder / "style.safetensors")
    asked.clear()
    found: list = []
    studio.controller.recipe_found.connect(lambda f, _path: found.append(f))
    studio.window.open_path(png)
    wait_for(lambda: bool(asked), 30)
    assert "LoRAs style.safetensors at 0.7 (found: restored with the recipe)" in asked[0]
    studio.window.restore_recipe(found[0])
    assert studio.window.settings.model.loras == (LoraChoice(str(folder / "style.safetensors"), 0.7),)
    wait_for(lambda: studio.controller.model is not None and bool(studio.controller.model.choice.loras), 120)
    assert studio.session.edit == "a dog"
    # kept across a restart
    assert AppSettings.load(studio.store).model.loras == studio.window.settings.model.loras
