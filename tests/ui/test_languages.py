"""The app in Simplified Chinese, Japanese and Korean: every text of the catalogues translated and
compiled, the core's texts marked for translation, and each language's window with nothing cut off."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel

from p2p_studio.app.core_text import MARKED, message_text, progress_text
from p2p_studio.app.i18n import LANGUAGE_ENV, LANGUAGES, install_language, language_for
from p2p_studio.core.detail import outlook
from p2p_studio.core.errors import InputError
from p2p_studio.core.settings import Detail, EditSettings

ROOT = Path(__file__).resolve().parents[2]


def test_the_catalogues_translate_every_text_of_the_app() -> None:
    """lupdate over the code finds no text without a translation, every translation keeps its
    source's {placeholders}, and each .qm is its .ts compiled (scripts/translations.py --check)."""
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "translations.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0 and done.stderr == "", done.stderr


def test_every_core_text_the_app_shows_is_marked_for_translation() -> None:
    import inversion
    from inversion import null_text, renoise, stochastic
    from p2p_studio.core.resources import MODEL_PRESETS
    from p2p_studio.core.results import Fidelity
    from p2p_studio.core.settings import EditSettings, MaskKind, Method, spec_of
    from p2p_studio.engine import editor, pipeline

    shown = set()
    for field in dataclasses.fields(EditSettings):
        try:
            spec = spec_of(EditSettings, field.name)
        except KeyError:  # a field without a spec has no label or help to show
            continue
        shown |= {text for text in (spec.label, spec.help) if text}
    shown |= {kind.hint for kinds in (Method, MaskKind, Detail) for kind in kinds}
    shown |= {text for preset in MODEL_PRESETS for text in (preset.title, preset.note)}
    for method, psnr, few in ((Method.DDIM, 15.0, False), (Method.NULL_TEXT, 25.0, False),
                              (Method.RENOISE, 15.0, True), (Method.DIRECT, 40.0, False)):
        quality = Fidelity(method, psnr, few)
        shown |= {quality.verdict, quality.short_template, quality.hint_template or quality.verdict}
    shown |= {*inversion.PHASES.values(), null_text.PHASE, renoise.PHASE, stochastic.PHASE, editor.EDIT_PHASE,
              editor.REGION_PHASE, pipeline.REFINE_PHASE, "Loading model", "Downloading model",
              "Timing one UNet evaluation", "Reading recipe"}
    assert shown - set(MARKED) == set()


@pytest.mark.parametrize(("system", "code"), [("zh_CN", "zh_CN"), ("zh_TW", "zh_CN"), ("ja_JP", "ja"),
                                              ("ko_KR", "ko"), ("de_DE", "en"), ("C", "en"), ("en_US", "en")])
def test_auto_follows_the_system_locale(system, code) -> None:
    assert language_for("auto", system) == code
    assert language_for("ja", system) == "ja"  # a choice in Settings wins


def _engine_lines_are_translated(s, qtbot, wait_for, tmp_path) -> None:
    """The plan, a word warning and an error line from the engine and core, in the window's language."""
    def tr(text: str) -> str:
        return QCoreApplication.translate("core", text)

    plan, swap = s.window.panel.plan, tr("swap")
    detail = outlook(s.session.settings.detail, s.session.photo.size, s.controller.model.native_size)
    assert swap != "swap" and plan.text().startswith(swap) and plan.text().endswith("\n" + message_text(detail))
    assert "cross-attention" not in plan.text() and "detail:" not in plan.text()
    s.session.set_edit("a blue cirlce")
    wait_for(lambda: "cirlce" in s.window.panel.edit_words.text(), 60)
    unknown = tr("'{word}' is not a word the text encoder knows; did you mean '{likely}'?")
    assert s.window.panel.edit_words.text() == "⚠ " + unknown.format(word="cirlce", likely="circle")
    with qtbot.waitSignal(s.controller.error, timeout=30_000) as failed:
        s.controller.open_photo(tmp_path / "gone.png")
    assert failed.args == [tr("{name}: file not found").format(name="gone.png")] and "not found" not in failed.args[0]
    item, entry = s.session.history[0], s.window.history.item(0)
    assert message_text(item.plan) in entry.toolTip().split("\n") and message_text(item.plan) != str(item.plan)
    with pytest.raises(InputError) as bad:
        EditSettings.from_dict({"steps": 2.5})
    steps = tr("{label} ({flag})").format(label=tr("Steps"), flag="--steps")
    assert message_text(bad.value.message) == tr("{what} must be a whole number, not {value}").format(
        what=steps, value="2.5") != str(bad.value)


def _cut_off(window) -> list[str]:
    """Visible one-line texts (buttons, check boxes, labels that do not wrap, group titles) given
    less width than Qt's own size hint asks for them."""
    found = []
    for widget in window.findChildren(QAbstractButton) + window.findChildren(QLabel):
        if not widget.isVisible() or not widget.text() or (isinstance(widget, QLabel) and widget.wordWrap()):
            continue
        need = widget.sizeHint().width()
        if widget.width() < need:
            found.append(f"{type(widget).__name__} {widget.text()!r}: {widget.width()} of {need} px")
    for box in window.findChildren(QGroupBox):
        need = box.fontMetrics().horizontalAdvance(box.title()) + 16
        if box.isVisible() and box.width() < need:
            found.append(f"QGroupBox {box.title()!r}: {box.width()} of {need} px")
    return found


@pytest.mark.parametrize("code", ["zh_CN", "ja", "ko"])
def test_the_window_speaks_the_language_and_nothing_is_cut_off(qtbot, tmp_path, make_studio, wait_for, monkeypatch,
                                                                code) -> None:
    from test_app import _screenshot_folder

    from p2p_studio.ui.settings_dialog import SettingsDialog

    monkeypatch.setenv(LANGUAGE_ENV, code)
    s = make_studio(tmp_path / "data", "demo")
    qtbot.addWidget(s.window)
    try:
        assert s.language == code
        edit = QCoreApplication.translate("EditPanel", "Edit")
        assert edit != "Edit" and s.window.panel.run.text() == edit
        assert s.window.menuBar().actions()[0].text() == QCoreApplication.translate("MainWindow", "&File")
        hint = QCoreApplication.translate("core", Detail.AUTO.hint)
        assert hint != Detail.AUTO.hint and s.window.panel.detail.toolTip().startswith(f"auto: {hint}")
        region, refining = (QCoreApplication.translate("core", text) for text in ("Edited region", "Refining"))
        assert progress_text("Edited region: Refining 3/20") == f"{region}: {refining} 3/20"
        s.window.resize(1280, 800)
        s.window.show()
        s.start()
        wait_for(lambda: s.controller.model is not None and len(s.session.history) == 1, 300)
        QApplication.processEvents()
        faithful = QCoreApplication.translate("core", "faithful")
        assert faithful != "faithful" and f"dB — {faithful}" in s.window.panel.inversion_label.text()
        _engine_lines_are_translated(s, qtbot, wait_for, tmp_path)
        assert _cut_off(s.window) == []
        assert s.window.grab().save(str(_screenshot_folder() / f"15-language-{code}.png"))
        dialog = SettingsDialog(s.window.settings, s.window, s.controller.model)
        qtbot.addWidget(dialog)
        dialog.resize(760, 700)
        dialog.show()
        QApplication.processEvents()
        assert dialog.windowTitle() == QCoreApplication.translate("SettingsDialog", "Settings") != "Settings"
        assert dialog.language.findData(code) >= 0 and dialog.language.itemText(dialog.language.findData(code)) == \
            LANGUAGES[code]
        unet = QCoreApplication.translate("core", "{steps} steps").format(steps=s.controller.model.defaults.steps)
        assert unet in dialog.expected.text() and "An edit of a photo" not in dialog.expected.text()
        assert _cut_off(dialog) == []
        assert dialog.grab().save(str(_screenshot_folder() / f"15-settings-{code}.png"))
    finally:
        s.shutdown()
        monkeypatch.setenv(LANGUAGE_ENV, "en")
        install_language(QCoreApplication.instance(), "en")  # the next tests read English
    assert QCoreApplication.translate("EditPanel", "Edit") == "Edit"
