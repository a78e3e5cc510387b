"""Fault injection on the session folder: every bad file is moved aside with one line, nothing the
user made is deleted, and the app starts."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from p2p_studio.app import store as store_module
from p2p_studio.app.session import Session
from p2p_studio.app.store import SESSION_FILE, parse_state
from p2p_studio.core.photos import read_photo
from p2p_studio.core.results import EditResult, WordMap
from p2p_studio.core.settings import EditSettings
from p2p_studio.core.text import Message, joined


def _result(session: Session, tint: int) -> EditResult:
    heat = np.ones((4, 4), dtype=np.float32)
    return EditResult("a cat", "a dog", session.settings, Message.of("swap"),
                      Image.new("RGB", session.photo.size, (tint, 0, 0)), session.photo,
                      Image.new("L", session.photo.size, 255), (WordMap(1, "dog", 1, heat, 1.0),),
                      1.0, False)


@pytest.fixture
def saved(qapp, tmp_path, cat_file) -> Path:
    """A session folder with a photo, captions and two results, flushed to disk."""
    session = Session(tmp_path / "session")
    session.open_photo(cat_file)
    session.set_caption("a cat")
    session.set_edit("a dog")
    for tint in (10, 20):
        session.add_result(_result(session, tint))
    session.close()
    return tmp_path / "session"


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


OPEN: list[Session] = []


@pytest.fixture(autouse=True)
def _close_sessions():
    """Every Session a test opens is closed (its writer thread finished) before the next test."""
    yield
    while OPEN:
        OPEN.pop().close()


def _restore(folder: Path) -> tuple[Session, list[str], bool]:
    session = Session(folder)
    OPEN.append(session)
    notes: list[str] = []
    session.notice.connect(notes.append)
    restored = session.restore()
    return session, notes, restored


def test_a_clean_session_restores_whole(saved) -> None:
    session, notes, restored = _restore(saved)
    assert restored and notes == [] and session.caption == "a cat" and len(session.history) == 2
    for item in session.history:
        session.ensure_images(item)
        assert item.image is not None and item.mask is not None and item.word_maps
    session.close()


@pytest.mark.parametrize(("content", "why"), [
    (os.urandom(3000), "not valid JSON"),
    (b"[1, 2, 3]", "the JSON is not an object"),
    (b"[" * 200_000 + b"]" * 200_000, "not valid JSON"),
    (json.dumps({"caption": 5}).encode(), "caption must be text"),
    (json.dumps({"caption": "a", "captoin": "typo"}).encode(), "unknown key 'captoin'"),
    (json.dumps({"caption": "x" * 50_000_000}).encode(), "larger than the limit of 20,000,000"),
    (b"", "not valid JSON"),
])
def test_a_damaged_session_json_is_moved_aside_and_results_are_kept(saved, content, why) -> None:
    before = _files(saved)
    (saved / SESSION_FILE).write_bytes(content)
    session, notes, restored = _restore(saved)
    assert not restored and session.photo is None and session.history == []
    assert len(notes) == 1 and why in notes[0] and "moved aside to session.json." in notes[0], notes
    aside = list(saved.glob("session.json.*.corrupt"))
    assert len(aside) == 1 and aside[0].read_bytes() == content and not (saved / SESSION_FILE).exists()
    after = _files(saved)
    assert {k: v for k, v in after.items() if k.startswith(("items", "photo"))} == \
        {k: v for k, v in before.items() if k.startswith(("items", "photo"))}  # nothing the user made is gone


def test_bad_values_inside_a_good_session_are_dropped_one_by_one(saved) -> None:
    state = json.loads((saved / SESSION_FILE).read_text())
    state["settings"]["seed"] = 10**30
    state["history"][0]["id"] = "../../../../somewhere"
    (saved / SESSION_FILE).write_text(json.dumps(state))
    session, notes, restored = _restore(saved)
    assert restored and session.settings == EditSettings() and len(session.history) == 1
    assert "settings reset to defaults" in notes[0] and "1 unreadable history entries left out" in notes[0]
    assert len(list((saved / "items").iterdir())) == 2  # the dropped entry's files are still there


def test_a_damaged_or_missing_photo_keeps_captions_and_results(saved) -> None:
    photo = next(saved.glob("photo-*.png"))
    photo.write_bytes(photo.read_bytes()[:200])  # truncated
    session, notes, restored = _restore(saved)
    assert not restored and session.caption == "a cat" and len(session.history) == 2
    assert "damaged or truncated" in notes[0] and "moved aside" in notes[0] and "2 results" in notes[0]
    session, notes, restored = _restore(saved)  # now it is missing altogether
    assert not restored and "is missing" in notes[0] and len(session.history) == 2


def test_damaged_result_files_leave_the_result_without_them(saved) -> None:
    item_dirs = sorted((saved / "items").iterdir())
    (item_dirs[0] / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n broken")
    (item_dirs[0] / "maps.npz").write_bytes(b"PK garbage")
    (saved / "mask.png").write_bytes(b"broken")
    session, _notes, restored = _restore(saved)
    assert restored
    broken = next(h for h in session.history if h.id == item_dirs[0].name)
    session.ensure_images(broken)
    assert broken.image is None and broken.word_maps == []
    assert len(list(saved.glob("mask.png.*.corrupt"))) == 1
    session.close()


def test_deleting_a_result_never_leaves_the_items_folder(saved, tmp_path) -> None:
    outside = tmp_path / "precious"
    outside.mkdir()
    (outside / "keep.txt").write_text("mine")
    session, _, _ = _restore(saved)
    item = session.history[0]
    item.id = "../../precious"
    with pytest.raises(ValueError, match="not a history id"):
        session.delete(item)
    session.close()
    assert (outside / "keep.txt").read_text() == "mine"


def test_another_photo_keeps_the_results_of_the_first_and_goes_back_to_them(saved, tmp_path, qtbot) -> None:
    other = tmp_path / "other.png"
    Image.new("RGB", (64, 48), (0, 200, 0)).save(other)
    session, _, _ = _restore(saved)
    first = session.photo_sha256
    kept = {p.name for p in (saved / "items").iterdir()}
    session.open_photo(other)
    assert session.history == [] and len(session.items) == 2  # History shows this photo's: none yet
    session.close()
    again, notes, restored = _restore(saved)
    assert restored and notes == [] and again.history == [] and again.photo.size == (64, 48)
    assert {p.name for p in saved.glob("photo-*.png")} == {f"photo-{read_photo(other).sha256[:16]}.png",
                                                             f"photo-{first[:16]}.png"}
    assert {p.name for p in (saved / "items").iterdir()} == kept  # nothing the user made is deleted
    assert again.other_photos() == [(first, "cat.jpg", 2)]
    with qtbot.waitSignal(again.photo_changed, timeout=5000):
        again.switch_photo(first)
    assert again.photo_sha256 == first and len(again.history) == 2 and again.photo.size == read_photo(
        saved / f"photo-{first[:16]}.png").image.size
    assert again.other_photos() == []  # the other photo has no results


KILLER = r"""
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
from PIL import Image
from p2p_studio.app.session import Session
from p2p_studio.core.photos import read_photo
app = QApplication([])
folder, photos = sys.argv[1], sys.argv[2:]
loaded = [read_photo(p) for p in photos]
session = Session(folder, autosave_ms=1)
print("ready", flush=True)
from p2p_studio.core.results import EditResult
from p2p_studio.core.text import Message
n = 0
while True:
    photo = loaded[n % len(loaded)]
    session.set_photo(photo)
    session.set_caption("caption of " + photo.sha256[:16])
    image = Image.new("RGB", photo.image.size, (n % 256, 0, 0))
    result = EditResult("a", "b", session.settings, Message.of("swap"), image, photo.image, None, (), 1.0, False)
    session.add_result(result)
    if n % 2:
        session.flush()
    n += 1
"""


def test_kill_9_during_photo_switches_and_autosave_never_mixes_photo_and_caption(qapp, tmp_path) -> None:
    photos = []
    for i, colour in enumerate(((200, 0, 0), (0, 0, 200), (0, 200, 0))):
        path = tmp_path / f"p{i}.png"
        Image.new("RGB", (48 + 16 * i, 40), colour).save(path)
        photos.append(path)
    sizes = {read_photo(p).sha256[:16]: Image.open(p).size for p in photos}
    folder = tmp_path / "session"
    rng = random.Random(7)
    for _ in range(6):
        proc = subprocess.Popen([sys.executable, "-c", KILLER, str(folder), *map(str, photos)],
                                stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.6))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        session, notes, restored = _restore(folder)
        assert notes == [], notes
        if restored:  # the restored photo is the one session.json names, whole; so are its results
            assert session.photo.size == sizes[session.photo_sha256[:16]]
            for item in session.history:
                session.ensure_images(item)
                assert item.image is not None and item.image.size == session.photo.size
        session.close()


def test_emitting_signals_keeps_pythons_reference_counts(qapp) -> None:
    """PySide6 6.12.0's Signal.emit returned True without a reference: after a few thousand emits
    (progress reports at 20 a second) Python aborted with bool_dealloc. constraints.txt pins 6.11."""
    import gc

    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        plain = Signal()
        carrying = Signal(object)

    emitter = Emitter()
    gc.collect()
    before = sys.getrefcount(True)
    for _ in range(1000):
        emitter.plain.emit()
        emitter.carrying.emit(EditSettings())
    gc.collect()
    assert sys.getrefcount(True) >= before - 5


def test_restoring_and_showing_results_decode_off_the_ui_thread(saved, qtbot, monkeypatch) -> None:
    import threading

    from p2p_studio.app import session as session_module
    from p2p_studio.app import store as store_module

    decoded_on: list[str] = []
    real_load, real_read = store_module.decode_photo, session_module._read_item_files

    def load(*args, **kwargs):
        decoded_on.append(threading.current_thread().name)
        return real_load(*args, **kwargs)

    def read(*args, **kwargs):
        decoded_on.append(threading.current_thread().name)
        return real_read(*args, **kwargs)

    monkeypatch.setattr(store_module, "decode_photo", load)
    monkeypatch.setattr(session_module, "_read_item_files", read)
    session = Session(saved)
    loaded: list[str] = []
    session.item_loaded.connect(lambda item: loaded.append(item.id))
    session.restore_in_background()
    qtbot.waitUntil(lambda: session.photo is not None and len(session.history) == 2, timeout=20_000)
    for item in session.history:
        session.request_images(item)
    qtbot.waitUntil(lambda: len(set(loaded)) == 2, timeout=20_000)
    assert all(item.image is not None and item.word_maps for item in session.history)
    assert decoded_on and threading.main_thread().name not in decoded_on
    session.close()


# --- second round (issue 26): numbers out of range, symlinks, FIFOs, bombs, control characters ---

def _edit_state(folder: Path, change) -> bytes:
    state = json.loads((folder / SESSION_FILE).read_text())
    change(state)
    text = json.dumps(state).encode()
    (folder / SESSION_FILE).write_bytes(text)
    return text


def _saved_history(folder: Path) -> list[str]:
    return [h["id"] for h in json.loads((folder / SESSION_FILE).read_text())["history"]]


def test_a_huge_integer_as_a_results_time_keeps_the_whole_history(saved) -> None:
    ids = _saved_history(saved)

    def change(state: dict) -> None:
        state["history"][0]["seconds"] = 10**400  # 401 digits: float() overflows
        state["history"][1]["created"] = -(10**20)

    _edit_state(saved, change)
    session, notes, restored = _restore(saved)
    assert restored and [h.id for h in session.history] == ids and notes == []
    assert session.history[0].seconds == 0.0 and session.history[1].created == 0.0
    session.set_caption("a cat, again")  # the autosave that emptied the history
    session.flush()
    assert _saved_history(saved) == ids


def test_a_huge_integer_as_a_real_setting_resets_settings_only_and_keeps_a_copy(saved) -> None:
    ids = _saved_history(saved)
    original = _edit_state(saved, lambda state: state["settings"].update(guidance=10**400))
    session, notes, restored = _restore(saved)
    assert restored and [h.id for h in session.history] == ids and session.settings == EditSettings()
    assert len(notes) == 1 and "settings reset to defaults (Guidance (--guidance) is out of range" in notes[0]
    copies = list(saved.glob("session.json.*.partial"))
    assert len(copies) == 1 and copies[0].read_bytes() == original and copies[0].name in notes[0]


def test_an_integer_beyond_pythons_digit_limit_moves_the_file_aside_whole(saved) -> None:
    original = (saved / SESSION_FILE).read_bytes().replace(b'"version": 2', b'"version": ' + b"9" * 5000)
    assert original != (saved / SESSION_FILE).read_bytes()
    (saved / SESSION_FILE).write_bytes(original)
    session, notes, _ = _restore(saved)
    assert len(notes) == 1 and "not valid JSON" in notes[0] and "moved aside" in notes[0]
    session.set_caption("new work")
    session.flush()
    aside = list(saved.glob("session.json.*.corrupt"))
    assert len(aside) == 1 and aside[0].read_bytes() == original


def test_a_restore_that_fails_in_any_way_is_never_saved_over(saved, monkeypatch) -> None:
    """An exception nobody foresaw while reading, and a file that cannot even be moved aside: the
    session shows a note and session.json keeps its bytes however often the app saves."""
    original = (saved / SESSION_FILE).read_bytes()

    def explode(*_args, **_kwargs):
        raise RuntimeError("something unforeseen")

    monkeypatch.setattr(store_module, "parse_state", explode)
    monkeypatch.setattr(store_module.SessionStore, "quarantine", lambda self, relative, why: f"{relative}: {why}")
    session = Session(saved)
    OPEN.append(session)
    notes: list[str] = []
    session.notice.connect(notes.append)
    session.restore()
    assert len(notes) == 1 and "unexpected content (RuntimeError)" in notes[0] and "not saved over" in notes[0]
    session.set_caption("typed after the failed restore")
    session.flush()
    session.flush()
    assert (saved / SESSION_FILE).read_bytes() == original
    assert "the session is not saved" in " ".join(notes[1:])  # said, not silent


def test_background_restore_that_raises_leaves_a_note_and_the_file(saved, qtbot, monkeypatch) -> None:
    original = (saved / SESSION_FILE).read_bytes()
    monkeypatch.setattr(Session, "_read_files", lambda self: 1 / 0)
    session = Session(saved)
    OPEN.append(session)
    notes: list[str] = []
    session.notice.connect(notes.append)
    session.restore_in_background()
    qtbot.waitUntil(lambda: bool(notes), timeout=10_000)
    assert "could not be restored (ZeroDivisionError)" in notes[0]
    session.set_caption("x")
    session.flush()
    assert (saved / SESSION_FILE).read_bytes() == original


def _outside_tree(tmp_path: Path, item_ids: list[str]) -> Path:
    outside = tmp_path / "not-ours"
    for item_id in item_ids:
        (outside / item_id).mkdir(parents=True)
        (outside / item_id / "holiday.jpg").write_bytes(b"precious")
    return outside


def test_a_symlinked_items_folder_is_never_followed_to_delete_or_write(saved, tmp_path, cat_file) -> None:
    ids = _saved_history(saved)
    outside = _outside_tree(tmp_path, ids)
    items = saved / "items"
    items.rename(saved / "items-real")
    items.symlink_to(outside, target_is_directory=True)
    session, _notes, _ = _restore(saved)
    assert len(session.history) == 2
    session.delete(session.history[0])
    session.open_photo(cat_file)  # opening a photo removed the old results, through the link
    session.flush()
    assert all((outside / i / "holiday.jpg").read_bytes() == b"precious" for i in ids)
    assert sorted(p.name for p in outside.iterdir()) == sorted(ids)
    assert "leads outside" in str(session.store.take_error())


def test_a_symlinked_result_folder_is_not_followed(saved, tmp_path) -> None:
    ids = _saved_history(saved)
    outside = _outside_tree(tmp_path, ids[:1])
    real = saved / "items" / ids[0]
    shutil.rmtree(real)
    real.symlink_to(outside / ids[0], target_is_directory=True)
    session, _notes, _ = _restore(saved)
    session.delete(next(h for h in session.history if h.id == ids[0]))
    session.flush()
    assert (outside / ids[0] / "holiday.jpg").read_bytes() == b"precious"


def _fifo(path: Path) -> None:
    path.unlink(missing_ok=True)
    os.mkfifo(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_as_session_json_or_as_a_result_image_blocks_nothing(saved, qtbot) -> None:
    ids = _saved_history(saved)
    _fifo(saved / "items" / ids[0] / "image.png")
    session, notes, restored = _restore(saved)
    assert restored
    item = next(h for h in session.history if h.id == ids[0])
    item.image = None
    session.request_images(item)
    qtbot.waitUntil(lambda: bool(item.word_maps), timeout=5_000)
    assert item.image is None
    session.close()
    _fifo(saved / SESSION_FILE)
    started = time.monotonic()
    session, notes, restored = _restore(saved)
    assert not restored and "not a regular file" in notes[0]
    session.close()  # raised TimeoutError after 30 s when the writer thread hung on the FIFO
    assert time.monotonic() - started < 10


def _lying_npz(shape: tuple[int, ...]) -> bytes:
    """An .npz whose array header claims *shape* of float32 but holds 16 bytes of data."""
    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(header, {"descr": "<f4", "fortran_order": False, "shape": shape})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("1_1_dog.npy", header.getvalue() + b"\0" * 16)
    return buffer.getvalue()


def test_a_maps_bomb_costs_only_the_maps(saved, monkeypatch) -> None:
    ids = _saved_history(saved)
    (saved / "items" / ids[0] / "maps.npz").write_bytes(_lying_npz((100_000, 100_000)))
    bomb = io.BytesIO()
    np.savez_compressed(bomb, **{"1_1_dog": np.zeros((2048, 2048), np.float32)})  # 16 MB unpacked
    (saved / "items" / ids[1] / "maps.npz").write_bytes(bomb.getvalue())
    assert len(bomb.getvalue()) < 100_000
    monkeypatch.setattr(store_module, "MAX_MAPS_BYTES", 4_000_000)
    session, _notes, _ = _restore(saved)
    for item in session.history:
        session.ensure_images(item)
        assert item.image is not None and item.word_maps == []


def test_control_characters_in_the_stored_photo_name_are_not_a_path() -> None:
    state = parse_state(json.dumps({"photo": {"name": "/home/u/a\u0000b.png", "file": "photo.png"}}), EditSettings())
    assert state.photo_name is None and state.photo_file == "photo.png"
    state = parse_state(json.dumps({"photo": {"name": "/home/u/café.png"}}), EditSettings())
    assert state.photo_name == "/home/u/café.png"


def test_background_reads_run_on_the_writer_thread_only(saved, qtbot) -> None:
    names: list[str] = []
    real = store_module.SessionStore.read_bytes

    def spy(self, relative, limit):
        names.append(threading.current_thread().name)
        return real(self, relative, limit)

    store_module.SessionStore.read_bytes = spy  # type: ignore[method-assign]
    try:
        session = Session(saved)
        OPEN.append(session)
        session.restore_in_background()
        qtbot.waitUntil(lambda: len(session.history) == 2, timeout=10_000)
    finally:
        store_module.SessionStore.read_bytes = real  # type: ignore[method-assign]
    assert names and all(n.startswith("p2p-session") for n in names)


def test_a_sweep_cells_label_is_saved_and_restored(qapp, tmp_path, cat_file) -> None:
    session = Session(tmp_path / "session")
    session.open_photo(cat_file)
    session.set_caption("a cat")
    items = session.add_results([_result(session, 10), _result(session, 20)], labels=["cross 0.2", "cross 0.5"])
    assert session.current is items[0]
    session.close()
    restored, notes, ok = _restore(tmp_path / "session")
    assert ok and notes == [] and [i.label for i in restored.history] == ["cross 0.2", "cross 0.5"]


PLAN = Message.of("{plan}; {windows}",
                  plan=Message.of("{kind}: {changes}", kind=Message.of("swap"), changes="dog ← cat"),
                  windows=joined(["cross 0–40%", "self 0–20%"]))


def test_a_results_plan_is_restored_as_a_message_and_a_forged_one_as_its_english_line(qapp, tmp_path,
                                                                                      cat_file) -> None:
    session = Session(tmp_path / "session")
    session.open_photo(cat_file)
    session.set_caption("a cat")
    session.add_result(dataclasses.replace(_result(session, 10), plan=PLAN))
    session.close()
    restored, notes, ok = _restore(tmp_path / "session")
    assert ok and notes == [] and restored.history[0].plan == PLAN  # template and fields, to translate
    restored.close()
    state = json.loads((tmp_path / "session" / SESSION_FILE).read_text())
    entry = state["history"][0]
    assert entry["plan"] == "swap: dog ← cat; cross 0–40%; self 0–20%"
    forged = [{"template": "{p0:>999999999}", "fields": [["p0", "x"]]},  # a width: a gigabyte of spaces
              {"template": "{p0.__class__.__mro__}", "fields": [["p0", "x"]]},
              {"template": "{other}", "fields": [["p0", "x"]]},
              {"template": "{p0:,}", "fields": [["p0", "text"]]},  # does not render
              {"template": "{p0}", "fields": [["p0", True]]},
              {"template": "{p0}", "fields": [["p0", {"template": "{p0}", "fields": [["p0", "x" * 5000]]}]]},
              {"template": "x", "fields": [], "extra": 1}, "a plan", None]
    for message in forged:
        state["history"][0]["plan_message"] = message
        (tmp_path / "session" / SESSION_FILE).write_text(json.dumps(state))
        restored, notes, ok = _restore(tmp_path / "session")
        assert ok and notes == [] and len(restored.history) == 1, message
        assert restored.history[0].plan == Message(entry["plan"]), message
        restored.close()


def test_results_saved_before_they_had_a_photo_belong_to_the_sessions_photo(saved) -> None:
    data = json.loads((saved / "session.json").read_text())
    for entry in data["history"]:
        del entry["photo_sha256"], entry["photo_name"]
    (saved / "session.json").write_text(json.dumps(data))
    session, notes, restored = _restore(saved)
    assert restored and notes == [] and len(session.history) == 2
    assert {h.photo_sha256 for h in session.history} == {session.photo_sha256} and session.other_photos() == []
