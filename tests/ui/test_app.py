"""The desktop app end to end on the tiny model (offscreen): the workflow users follow."""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from p2p_studio.app.jobs import InversionState
from p2p_studio.core.recipe import read_recipe

CAPTION = "a cat sitting on a bench"
EDIT = "a dog sitting on a bench"


def drop(window, path: Path) -> None:
    """Drop a file on the window and wait until the file thread has read it."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    settle(window)


def settle(window, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while window.controller.opening and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.005)
    QApplication.processEvents()


def run_edit(studio, wait_for, cat_file: Path, edit: str = EDIT) -> None:
    def type_into(widget, text: str) -> None:
        widget.setText(text)
        widget.textEdited.emit(text)

    drop(studio.window, cat_file)
    type_into(studio.window.panel.caption, CAPTION)
    wait_for(lambda: studio.session.inversion_state is InversionState.READY)
    type_into(studio.window.panel.edit, edit)
    count = len(studio.session.history)
    studio.window.panel.run.click()
    wait_for(lambda: len(studio.session.history) == count + 1)


def test_drop_caption_edit_puts_a_result_in_history_while_the_ui_stays_responsive(studio, wait_for, cat_file,
                                                                                   ticker):
    etas: list[str] = []
    studio.controller.progress.connect(lambda text, frac, eta: etas.append(eta))
    run_edit(studio, wait_for, cat_file)
    ticker.stop()
    item = studio.session.history[0]
    assert item.edit == EDIT and item.image is not None
    assert item.image.size == Image.open(cat_file).size  # delivered at the photo's resolution
    assert "swap" in str(item.plan) and "dog" in str(item.plan)
    assert studio.window.history.count() == 1
    assert ticker.ticks > 20 and ticker.longest_gap < 1.0, (ticker.ticks, ticker.longest_gap)
    assert any(re.fullmatch(r"ETA \d+:\d\d", e) for e in etas), etas
    assert "Edited" in studio.window.message.text()
    words = [m.word for m in item.word_maps if m.prompt == 1]
    assert words == EDIT.split()  # heat maps for every word of the edit


def test_plan_preview_follows_the_typed_edit(studio, wait_for, type_into):
    type_into(studio.window.panel.caption, CAPTION)
    type_into(studio.window.panel.edit, "a tiger sitting on a bench")
    wait_for(lambda: "tiger" in studio.window.panel.plan.text(), 30)
    assert studio.window.panel.plan.text().startswith("swap")
    type_into(studio.window.panel.edit, "a cat sitting on a wooden bench")
    wait_for(lambda: studio.window.panel.plan.text().startswith("refine"), 30)
    panel = studio.window.panel
    assert not panel.caption_words.isVisibleTo(panel) and not panel.edit_words.isVisibleTo(panel)
    type_into(panel.caption, "a cat sitting on a bnech")
    type_into(panel.edit, "a tigre sitting on a bnech")  # each warned under its own caption; the plan goes on
    wait_for(lambda: panel.edit_words.isVisibleTo(panel), 30)
    assert panel.caption_words.text() == "⚠ 'bnech' is not a word the text encoder knows; did you mean 'bench'?"
    assert panel.edit_words.text() == "⚠ 'tigre' is not a word the text encoder knows; did you mean 'tiger'?"
    wait_for(lambda: panel.plan.text().startswith("swap"), 30)
    studio.window.resize(1280, 800)
    assert studio.window.grab().save(str(_screenshot_folder() / "11-words-warning.png"))
    type_into(panel.caption, CAPTION)
    type_into(panel.edit, "a tiger sitting on a bench")
    wait_for(lambda: not panel.caption_words.isVisibleTo(panel) and not panel.edit_words.isVisibleTo(panel), 30)


def test_cancel_stops_the_inversion_and_the_app_stays_usable(studio, wait_for, cat_file, type_into):
    studio.session.set_params({"method": "null-text", "steps": 25})
    drop(studio.window, cat_file)
    type_into(studio.window.panel.caption, CAPTION)
    wait_for(lambda: studio.session.inversion_state is InversionState.RUNNING
             and "Null-text" in studio.window.phase.text())
    QTest.keyClick(studio.window, Qt.Key.Key_Escape)
    wait_for(lambda: studio.session.inversion_state is InversionState.CANCELLED, 10)
    assert not studio.controller.busy
    studio.session.set_params({"method": "negative-prompt", "steps": 3})
    studio.window.panel.invert.click()
    wait_for(lambda: studio.session.inversion_state is InversionState.READY)


def test_bad_photos_give_one_line_errors_and_leave_the_app_usable(studio, tmp_path, cat_file, wait_for):
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    drop(studio.window, broken)
    message = studio.window.message.text()
    assert message.startswith("⚠") and "broken.jpg" in message and "\n" not in message
    assert studio.session.photo is None
    drop(studio.window, cat_file)
    assert studio.session.photo is not None and not studio.window.message.text().startswith("⚠")


def test_a_missing_model_is_reported_in_the_window(qtbot, tmp_path, cat_file, wait_for, make_studio, type_into):
    s = make_studio(tmp_path / "data", str(tmp_path / "no-such-model"))
    qtbot.addWidget(s.window)
    try:
        drop(s.window, cat_file)
        type_into(s.window.panel.caption, CAPTION)
        wait_for(lambda: s.session.inversion_state is InversionState.FAILED, 30)
        assert "no model file or folder" in s.window.message.text()
    finally:
        s.shutdown()


def test_undo_and_redo_parameters_and_mask(studio, cat_file):
    drop(studio.window, cat_file)
    default = studio.session.settings.cross
    studio.window.panel.cross.setValue(0.5)
    assert studio.session.settings.cross == 0.5
    studio.session.undo_stack.undo()
    assert studio.session.settings.cross == default and studio.window.panel.cross.value() == default
    studio.session.undo_stack.redo()
    assert studio.window.panel.cross.value() == 0.5
    mask = np.zeros((studio.session.photo.height, studio.session.photo.width), np.float32)
    mask[:10] = 1
    studio.session.set_mask(mask)
    studio.session.undo_stack.undo()
    assert studio.session.mask is None


def test_painting_the_mask_and_rerunning_keeps_unpainted_pixels(studio, wait_for, cat_file):
    run_edit(studio, wait_for, cat_file)
    panel, canvas = studio.window.panel, studio.window.canvas
    panel.paint_add.setChecked(True)
    studio.session.set_mask(None)
    rect = canvas.image_rect()
    start = QPoint(int(rect.left() + rect.width() * 0.2), int(rect.center().y()))
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for dx in range(0, int(rect.width() * 0.2), 5):
        QTest.mouseMove(canvas, start + QPoint(dx, 0))
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(
        int(rect.width() * 0.2), 0))
    painted = studio.session.mask
    assert painted is not None and 0 < (painted > 0.5).mean() < 0.3
    panel.run_masked.click()
    wait_for(lambda: len(studio.session.history) == 2)
    item = studio.session.history[-1]
    assert item.painted
    original, result = np.asarray(studio.session.photo), np.asarray(item.image)
    outside = painted == 0
    assert np.array_equal(result[outside], original[outside])
    assert not np.array_equal(result, original)


def test_export_writes_a_recipe_png_and_never_overwrites(studio, wait_for, cat_file, tmp_path):
    photo = tmp_path / "cat.jpg"
    shutil.copy(cat_file, photo)
    digest = hashlib.sha256(photo.read_bytes()).hexdigest()
    run_edit(studio, wait_for, photo)
    item = studio.session.current
    studio.controller.export(item, photo)
    assert "overwrite the original" in studio.window.message.text()
    saved: list[str] = []
    studio.controller.exported.connect(saved.append)
    target = tmp_path / "cat-edit.png"
    for _ in range(2):
        studio.controller.export(item, target)
    wait_for(lambda: len(saved) == 2, 30)
    assert saved[0] == str(target) and saved[1].endswith("cat-edit-2.png")
    with Image.open(target) as img:
        assert img.size == Image.open(photo).size
        assert img.info["parameters"].startswith(EDIT)
    recipe = read_recipe(target)
    assert recipe is not None and recipe.edit == EDIT and recipe.caption == CAPTION and recipe.photo_sha256 == digest
    assert hashlib.sha256(photo.read_bytes()).hexdigest() == digest


def test_the_session_survives_a_restart(qtbot, studio, wait_for, cat_file, make_studio):
    run_edit(studio, wait_for, cat_file)
    studio.session.toggle_star(studio.session.history[0])
    folder = studio.folder
    studio.shutdown()
    again = make_studio(folder, studio.settings.model.spec)
    qtbot.addWidget(again.window)
    try:
        assert again.session.restore()
        assert again.session.caption == CAPTION and again.session.edit == EDIT
        assert len(again.session.history) == 1 and again.session.history[0].starred
        wait_for(lambda: again.session.history[0].image is not None, 30)  # read on the session's thread
        assert again.window.history.count() == 1
        assert np.array_equal(np.asarray(again.session.photo), np.asarray(Image.open(cat_file).convert("RGB")))
    finally:
        again.shutdown()


def test_the_window_fits_1280x800_and_renders(studio, cat_file, tmp_path):
    drop(studio.window, cat_file)
    studio.window.resize(1280, 800)
    shot = studio.window.grab()
    assert (shot.width(), shot.height()) == (1280, 800)
    assert studio.window.canvas.width() > 600 and studio.window.canvas.height() > 400
    image = shot.toImage()
    assert len({image.pixel(x, 300) for x in range(0, 800, 10)}) > 10  # the photo is drawn


def test_download_progress_reports_bytes_and_cancels():
    from p2p_studio.app.worker import download_progress_class
    from p2p_studio.core.errors import Cancelled

    reports, stop = [], [False]
    bar_class = download_progress_class(lambda *r: reports.append(r), lambda: stop[0])
    bar = bar_class(total=4_000_000_000, unit="B", name="huggingface_hub.snapshot_download")
    bar.update(1_000_000_000)
    text, fraction, _ = reports[-1]
    assert text == "Downloading model 1.00 / 4.00 GB" and fraction == 0.25
    stop[0] = True
    with pytest.raises(Cancelled):
        bar.update(1)


def test_opening_an_exported_png_offers_its_recipe(studio, wait_for, cat_file, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    run_edit(studio, wait_for, cat_file)
    saved: list[str] = []
    studio.controller.exported.connect(saved.append)
    studio.controller.export(studio.session.current, tmp_path / "result.png")
    wait_for(lambda: bool(saved), 30)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    studio.session.set_param("cross", 0.3)
    studio.window.open_path(Path(saved[0]))
    wait_for(lambda: bool(asked), 30)
    assert EDIT in asked[0]
    assert studio.session.edit == EDIT and studio.session.settings.cross == 0.8


@pytest.mark.slow
def test_first_run_shows_a_complete_demo_edit_offline(qtbot, tmp_path, make_studio, wait_for):
    """No model configured: the demo model and its sample photo give a finished edit at once.

    (Whether the edit is *right* is the demo model's business: tests/demo/test_demo_model.py.)
    """
    s = make_studio(tmp_path / "data", "demo")
    qtbot.addWidget(s.window)
    try:
        s.start()
        settle(s.window)  # the sample photo is read on the file thread
        sample = s.session.photo
        assert sample is not None and s.session.caption.startswith("a large red circle")
        assert "blue circle" in s.session.edit
        wait_for(lambda: len(s.session.history) == 1, 300)
        item = s.session.history[0]
        assert item.image.size == sample.size and item.mask is not None
        outside = np.asarray(item.mask) == 0
        assert outside.any(), "the blend mask covers the whole photo"
        assert np.array_equal(np.asarray(item.image)[outside], np.asarray(sample)[outside])
        assert not np.array_equal(np.asarray(item.image), np.asarray(sample))
        assert s.controller.model.choice.spec == "demo"
        assert re.fullmatch(r"Ready \(direct \d+\.\d dB — faithful\)", s.window.panel.inversion_label.text())
        # the same edit with the authors' coarse mask, for comparison; screenshots of both
        s.window.resize(1280, 800)
        s.window.show()
        shots = _screenshot_folder()
        for kind in ("refined", "reference"):
            if kind == "reference":
                s.window.panel.mask_kind.setCurrentText(kind)
                s.controller.queue_edit()
                wait_for(lambda: len(s.session.history) == 2, 300)
            s.window.panel.show_mask.setChecked(True)
            assert s.window.grab().save(str(shots / f"5-first-edit-{kind}-mask.png"))
            s.window.panel.show_mask.setChecked(False)
            assert s.window.grab().save(str(shots / f"5-first-edit-{kind}.png"))
        refined, reference = (np.asarray(h.mask) > 127 for h in s.session.history)
        assert s.session.history[1].settings.mask.value == "reference"
        assert refined.sum() < reference.sum()  # the outline, not the coarse cells around it
    finally:
        s.shutdown()


@pytest.mark.slow
def test_a_large_photo_gets_its_edited_region_redrawn(qtbot, tmp_path, make_studio, wait_for):
    """The plan says how detail is handled; the result's line says the region was redrawn."""
    from p2p_studio.demo.world import HELD_OUT_SEED, render, scene_from_seed

    scene = scene_from_seed(HELD_OUT_SEED + 7001)  # a small blue triangle on the left
    photo = tmp_path / "scene.png"
    Image.fromarray(render(scene, 512)).save(photo)
    s = make_studio(tmp_path / "data", "demo")
    qtbot.addWidget(s.window)
    try:
        s.start()
        wait_for(lambda: s.controller.model is not None and not s.controller.busy, 300)
        drop(s.window, photo)
        settle(s.window)
        s.session.set_params({"steps": 10, "method": "direct"})
        s.window.panel.caption.setText(scene.caption())
        s.window.panel.caption.textEdited.emit(scene.caption())
        edit = scene.with_shape(shape="circle").caption()
        s.window.panel.edit.setText(edit)
        s.window.panel.edit.textEdited.emit(edit)
        wait_for(lambda: "the photo is 8.0×" in s.window.panel.plan.text(), 60)  # not the first-run sample's
        assert s.window.panel.plan.text().endswith(
            "\ndetail: the edited region is redrawn at 64 px when its mask is small (the photo is 8.0× the model's "
            "size; 40% of the steps again)")
        assert s.window.panel.detail.currentText() == "auto"
        count = len(s.session.history)
        s.window.panel.run.click()
        wait_for(lambda: len(s.session.history) == count + 1, 300)
        item = s.session.history[-1]
        assert "; edited region " in str(item.plan) and "× the detail of the whole photo" in str(item.plan)
        s.window.resize(1280, 800)
        s.window.show()
        settle(s.window)
        assert s.window.grab().save(str(_screenshot_folder() / "14-detail-region.png"))
    finally:
        s.shutdown()


def _screenshot_folder() -> Path:
    folder = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_cancel_during_an_edit_stops_it_and_the_next_edit_runs(studio, wait_for, cat_file, type_into):
    drop(studio.window, cat_file)
    studio.session.set_params({"steps": 30})
    type_into(studio.window.panel.caption, CAPTION)
    wait_for(lambda: studio.session.inversion_state is InversionState.READY)
    type_into(studio.window.panel.edit, EDIT)
    studio.window.panel.run.click()
    wait_for(lambda: studio.window.phase.text().startswith("Editing"), 60)
    QTest.keyClick(studio.window, Qt.Key.Key_Escape)
    wait_for(lambda: not studio.controller.busy, 10)
    assert "Cancelled" in studio.window.message.text() and not studio.session.history
    studio.session.set_params({"steps": 3})
    studio.window.panel.caption.textEdited.emit(CAPTION)  # same caption: the cached inversion is reused
    studio.window.panel.run.click()
    wait_for(lambda: len(studio.session.history) == 1)


def test_more_bad_inputs_each_give_a_visible_message(studio, wait_for, cat_file, tmp_path, type_into):
    text = tmp_path / "notes.png"
    text.write_text("this is not a picture")
    tiny = tmp_path / "dot.png"
    Image.new("RGB", (1, 1)).save(tiny)
    huge = tmp_path / "huge.png"
    Image.new("1", (12_000, 11_000)).save(huge)
    limit = "larger than the limit of 120,000,000 pixels"
    for path, expected in ((text, "not an image file"), (tiny, "too small"), (huge, limit)):
        drop(studio.window, path)
        assert expected in studio.window.message.text(), studio.window.message.text()
    drop(studio.window, cat_file)
    type_into(studio.window.panel.caption, CAPTION)
    wait_for(lambda: studio.session.inversion_state is InversionState.READY)  # its status line comes first
    panel = studio.window.panel
    type_into(panel.edit, CAPTION)
    assert not panel.run.isEnabled() and not panel.run_masked.isEnabled()
    assert panel.run.toolTip() == "The edited caption is the same as the caption — change a word"
    wait_for(lambda: "Change words" in panel.plan.text())
    studio.window.resize(1280, 800)
    assert studio.window.grab().save(str(_screenshot_folder() / "10-edit-unchanged.png"))
    type_into(panel.edit, EDIT)
    assert panel.run.isEnabled() and panel.run.toolTip().startswith("Queue this edit")
    studio.session.set_param("blend_words", ["zebra"])
    wait_for(lambda: "zebra" in studio.window.panel.plan.text(), 30)
    studio.window.panel.run.click()
    wait_for(lambda: "zebra" in studio.window.message.text() and not studio.controller.busy)
    assert studio.window.message.text().startswith("⚠") and not studio.session.history


def test_screenshots_of_the_main_states(studio, wait_for, cat_file, type_into):
    """Saves PNGs under test-output/screenshots for a person to look at."""
    folder = _screenshot_folder()
    window = studio.window
    window.resize(1280, 800)

    def shot(name: str) -> None:
        path = folder / f"{name}.png"
        assert window.grab().save(str(path)) and path.stat().st_size > 10_000

    shot("1-empty")
    studio.session.set_params({"method": "null-text", "steps": 20})
    drop(window, cat_file)
    type_into(window.panel.caption, CAPTION)
    wait_for(lambda: "Null-text" in window.phase.text())
    shot("2-inverting")
    window.controller.cancel_current()
    wait_for(lambda: not studio.controller.busy)
    studio.session.set_params({"method": "negative-prompt", "steps": 3})
    run_edit(studio, wait_for, cat_file)
    hidden = _pixels(window.canvas)
    window.panel.show_mask.setChecked(True)
    shot("3-result-with-mask")
    _assert_overlay_is_the_mask(window.canvas, hidden, _pixels(window.canvas), studio.session.mask)
    window.panel.show_mask.setChecked(False)
    window.show_word_map(1, 1)
    shot("4-attention-map")
    assert not np.array_equal(_pixels(window.canvas), hidden)  # the heat map is drawn over the photo


def _pixels(widget) -> np.ndarray:
    """What *widget* shows, as an RGB array (its real rendering)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    widget.grab().toImage().save(buffer, "PNG")
    return np.asarray(Image.open(io.BytesIO(bytes(data.data()))).convert("RGB")).astype(np.int16)


def _assert_overlay_is_the_mask(canvas, hidden: np.ndarray, shown: np.ndarray, mask: np.ndarray) -> None:
    """The red overlay changes exactly the pixels of the photo's rectangle where the mask is set:
    nothing outside the photo, redder where it is, and as much of the photo as the mask covers."""
    rect = canvas.image_rect()
    ratio = shown.shape[1] / canvas.width()  # device pixels per widget pixel
    left, top = round(rect.left() * ratio), round(rect.top() * ratio)
    right, bottom = round(rect.right() * ratio), round(rect.bottom() * ratio)
    changed = np.abs(shown - hidden).sum(axis=2) > 0
    inside = np.zeros_like(changed)
    inside[max(top, 0):bottom, max(left, 0):right] = True
    assert changed.any() and not (changed & ~inside).any()
    assert (shown[changed, 0] >= hidden[changed, 0]).mean() > 0.95  # the overlay is red
    coverage = float((mask > 0).mean())
    assert 0.02 < coverage < 0.98 and abs(changed[inside].mean() - coverage) < 0.05, (changed[inside].mean(), coverage)


def test_the_panel_shows_the_sessions_settings_and_the_schemas_bounds(studio) -> None:
    """Building the spin boxes must not write their range minimum into the session."""
    from p2p_studio.core.settings import EditSettings, spec_of

    panel, settings = studio.window.panel, studio.session.settings
    assert settings.guidance == EditSettings().guidance and settings.threshold == EditSettings().threshold
    assert panel.guidance.value() == settings.guidance and panel.threshold.value() == settings.threshold
    assert (panel.cross.minimum(), panel.cross.maximum()) == (0.0, 1.0)
    assert panel.threshold.minimum() > 0 and panel.threshold.maximum() < 1  # an open interval
    assert panel.cross.toolTip().lower() == spec_of(EditSettings, "cross").help


def test_the_canvas_shows_the_edit_forming(studio, wait_for, cat_file, type_into):
    window = studio.window
    window.resize(1280, 800)
    drop(window, cat_file)
    studio.session.set_params({"steps": 30})
    type_into(window.panel.caption, CAPTION)
    wait_for(lambda: studio.session.inversion_state is InversionState.READY)
    type_into(window.panel.edit, EDIT)
    window.panel.run.click()
    wait_for(lambda: window.message.text().startswith("Preview of"), 60)
    assert re.fullmatch(rf"Preview of “{EDIT}”, step \d+ of 30", window.message.text())
    preview = window.canvas.after
    assert preview is not None and preview.width() < Image.open(cat_file).width  # the latent's size
    assert window.grab().save(str(_screenshot_folder() / "6-edit-preview.png"))
    wait_for(lambda: len(studio.session.history) == 1)
    assert window.canvas.after.width() == Image.open(cat_file).width  # the result replaced it


@pytest.mark.slow
def test_a_sweep_fills_a_contact_sheet_and_a_click_restores_its_cell(studio, wait_for, cat_file, type_into):
    window = studio.window
    window.resize(1280, 800)
    drop(window, cat_file)
    studio.session.set_params({"method": "negative-prompt", "steps": 24})
    type_into(window.panel.caption, CAPTION)
    wait_for(lambda: studio.session.inversion_state is InversionState.READY)
    type_into(window.panel.edit, EDIT)
    window.panel.sweep_axes.setText("cross=0.2,0.5,0.8 self=0.2,0x")
    assert not window.panel.run_sweep.isEnabled() and "not a number" in window.panel.sweep_info.text()
    window.panel.sweep_axes.setText("cross=0.2,0.5,0.8 self=0.2,0.4")
    assert window.panel.sweep_info.text().startswith("6 cells (3 × 2)")
    window.panel.run_sweep.click()
    wait_for(lambda: re.fullmatch(r"Editing (\d+)/24", window.phase.text()) is not None
             and int(window.phase.text().split()[1].split("/")[0]) > 6, 120)  # one batched run of 24 steps
    assert window.grab().save(str(_screenshot_folder() / "7-sweep-progress.png"))
    wait_for(lambda: len(studio.session.history) == 6, 300)
    assert window.centre.currentWidget() is window.sheet
    labels = [b.text() for b in window.sheet.buttons]
    assert labels == [f"cross {c} · self {s}" for s in (0.2, 0.4) for c in (0.2, 0.5, 0.8)]
    items = studio.session.history
    assert [(i.settings.cross, i.settings.self_fraction) for i in items] == [
        (c, s) for s in (0.2, 0.4) for c in (0.2, 0.5, 0.8)]
    assert all(i.settings.replace(cross=0.8, self_fraction=0.4) == studio.session.settings for i in items)
    assert [window.history.item(r).text() for r in range(6)] == labels  # each cell by its values
    assert window.history.currentRow() == 0 and studio.session.current is items[0]
    assert window.grab().save(str(_screenshot_folder() / "8-sweep-sheet.png"))
    for button, thumb in zip(window.sheet.buttons, window.sheet.sheet.thumbnails, strict=True):
        shown = button.icon().pixmap(button.iconSize()).toImage()
        assert (shown.width(), shown.height()) == thumb.size  # each cell shows its own result
        assert shown.pixelColor(thumb.width // 2, thumb.height // 2).getRgb()[:3] == thumb.getpixel(
            (thumb.width // 2, thumb.height // 2))
    studio.session.set_params({"cross": 0.7})
    window.sheet.buttons[4].click()  # cross 0.5, self 0.4
    assert studio.session.current is items[4] and window.centre.currentWidget() is window.canvas
    assert window.history.currentRow() == 4  # the highlight follows the canvas
    assert (studio.session.settings.cross, studio.session.settings.self_fraction) == (0.5, 0.4)
    assert window.panel.cross.value() == 0.5 and studio.session.edit == EDIT
    assert studio.controller.recipe_for(items[4]).settings == items[4].settings
    assert "cross 0.5, self 0.4" in window.message.text()
    QTest.keyClick(window, Qt.Key.Key_G)
    assert window.centre.currentWidget() is window.sheet and window.sheet.buttons[4].isChecked()


def test_the_first_edit_flow_with_an_sdxl_model(qtbot, tmp_path, tiny_sdxl_dir, cat_file, make_studio, wait_for,
                                                 type_into):
    s = make_studio(tmp_path / "data", str(tiny_sdxl_dir))
    qtbot.addWidget(s.window)
    try:
        s.window.show()
        s.session.set_params({"steps": 3, "method": "negative-prompt"})
        run_edit(s, wait_for, cat_file)
        assert s.controller.model.kind == "sdxl" and s.window.windowTitle().endswith("(SDXL)")
        item = s.session.history[0]
        assert item.image.size == Image.open(cat_file).size and item.mask is not None
        outside = np.asarray(item.mask) == 0
        assert outside.any() and np.array_equal(np.asarray(item.image)[outside],
                                                np.asarray(Image.open(cat_file).convert("RGB"))[outside])
        assert s.controller.recipe_for(item).model_kind == "sdxl"
    finally:
        s.shutdown()


def test_paste_opens_the_clipboards_image(studio, wait_for) -> None:
    from PySide6.QtGui import QColor, QImage
    from PySide6.QtWidgets import QApplication

    image = QImage(96, 64, QImage.Format.Format_RGB32)
    image.fill(QColor(10, 200, 30))
    QApplication.clipboard().setImage(image)
    studio.window.paste()
    wait_for(lambda: studio.session.photo is not None, 30)
    assert studio.session.photo.size == (96, 64) and studio.session.photo.getpixel((5, 5)) == (10, 200, 30)
    assert studio.session.photo_name == "pasted photo"


def test_ctrl_return_queues_the_edit(studio, wait_for, cat_file, type_into) -> None:
    window = studio.window
    drop(window, cat_file)
    type_into(window.panel.caption, CAPTION)
    wait_for(lambda: studio.session.inversion_state is InversionState.READY)
    type_into(window.panel.edit, EDIT)
    window.panel.edit.setFocus()
    QTest.keyClick(window.panel.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_for(lambda: len(studio.session.history) == 1)
    assert studio.session.history[0].edit == EDIT
    assert [b.text() for b in (window.panel.paint_add, window.panel.paint_erase)] == ["Paint", "Erase"]


def test_another_photo_keeps_the_first_photos_results_a_click_away(studio, wait_for, cat_file, tmp_path) -> None:
    window = studio.window
    window.resize(1280, 800)
    studio.session.set_params({"method": "negative-prompt", "steps": 3})
    run_edit(studio, wait_for, cat_file)
    assert not window.photos.isVisibleTo(window)  # one photo: nothing to switch to
    other = tmp_path / "beach.png"
    Image.new("RGB", (96, 64), (30, 120, 200)).save(other)
    drop(window, other)
    assert studio.session.history == [] and window.history.count() == 0 and len(studio.session.items) == 1
    assert window.photos.isVisibleTo(window)
    assert [window.photos.itemText(i) for i in range(window.photos.count())] == [
        "This photo: 0 results", "cat.jpg: 1 result"]
    assert window.grab().save(str(_screenshot_folder() / "13-history-other-photos.png"))
    window.photos.activated.emit(1)
    wait_for(lambda: len(studio.session.history) == 1)
    assert window.history.count() == 1 and studio.session.photo_path == cat_file
    assert studio.session.photo.size == Image.open(cat_file).size
    assert not window.photos.isVisibleTo(window)  # the other photo has no results
