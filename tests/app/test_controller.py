"""The controller and session against a fake worker: no torch, no model, exact messages and state."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QObject, Signal

from p2p_studio.app.controller import OOM_HINT, StudioController
from p2p_studio.app.jobs import (
    Edit,
    Export,
    Failure,
    FoundRecipe,
    InversionState,
    Invert,
    Inverted,
    Job,
    JobIds,
    JobParams,
    LoadModel,
    OpenPhoto,
    Plan,
    Preview,
    ProgressReport,
    ReadRecipe,
    WordWarnings,
)
from p2p_studio.app.session import Session
from p2p_studio.core.errors import ErrorKind, InputError
from p2p_studio.core.photos import read_photo
from p2p_studio.core.recipe import FoundLoras, Recipe
from p2p_studio.core.results import EditResult, Fidelity, WordMap
from p2p_studio.core.settings import EditSettings, Method, ModelChoice
from p2p_studio.core.text import Message

CAPTION, EDIT = "a cat sitting on a bench", "a tiger sitting on a bench"


class FakeWorker(QObject):
    """The worker's interface; the test plays the worker thread by emitting its signals."""

    job_started = Signal(object)
    progress = Signal(object)
    preview = Signal(object)
    job_finished = Signal(object, object)
    job_failed = Signal(object, object)
    job_cancelled = Signal(object)
    plan_ready = Signal(object)
    model_ready = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.ids = JobIds()
        self.jobs: list[Job] = []
        self.plans: list[tuple[int, str, str, EditSettings]] = []
        self.cancelled: list[int] = []

    def submit(self, params: JobParams) -> Job:
        job = Job(params, id=self.ids.next())
        self.jobs.append(job)
        return job

    def request_plan(self, caption: str, edit: str, settings: EditSettings) -> int:
        request = self.ids.next()
        self.plans.append((request, caption, edit, settings))
        return request

    def cancel(self, job_id: int) -> None:
        self.cancelled.append(job_id)

    def cancel_all(self) -> None:
        self.cancelled.extend(j.id for j in self.jobs)

    def set_model(self, choice: ModelChoice) -> Job:
        return self.submit(LoadModel(choice))

    def shutdown(self, timeout: float = 10.0) -> None:
        pass

    def read(self, job: Job) -> None:
        """Play the file thread for an OpenPhoto job."""
        assert isinstance(job.params, OpenPhoto)
        self.job_started.emit(job)
        self.job_finished.emit(job, read_photo(job.params.source))


@pytest.fixture
def app(qapp, tmp_path, cat_file):
    worker = FakeWorker()
    session = Session(tmp_path / "session", autosave_ms=10_000)
    controller = StudioController(session, worker, auto_invert_ms=10_000)
    errors: list[str] = []
    controller.error.connect(errors.append)
    worker.read(controller.open_photo(cat_file))
    assert session.photo is not None and session.photo_path == cat_file and not controller.busy
    session.set_caption(CAPTION)
    session.set_edit(EDIT)
    return worker, session, controller, errors


def _result(session: Session, settings: EditSettings) -> EditResult:
    image = Image.new("RGB", session.photo.size, (10, 20, 30))
    heat = np.linspace(0, 1, 16, dtype=np.float32).reshape(4, 4)
    return EditResult(CAPTION, EDIT, settings, Message.of("swap: tiger ← cat"), image, session.photo, None,
                      (WordMap(1, "tiger", 1, heat, 0.5),), 1.5, False)


def test_inversion_runs_with_the_session_settings_and_reports_typed_state(app) -> None:
    worker, session, controller, _ = app
    session.set_param("method", "negative-prompt")
    job = controller.start_inversion()
    assert isinstance(job.params, Invert) and job.params.settings is session.settings
    assert job.params.settings.method is Method.NEGATIVE_PROMPT and job.params.caption == CAPTION
    assert session.inversion_state is InversionState.QUEUED and controller.busy
    texts = []
    session.inversion_changed.connect(lambda state, text: texts.append(text))
    worker.job_started.emit(job)
    assert session.inversion_state is InversionState.RUNNING
    assert texts == ["negative-prompt inversion: encoding the photo…"]  # until its first progress report
    worker.job_finished.emit(job, Inverted(CAPTION, cached=False, seconds=2.25))
    assert session.inversion_state is InversionState.READY and not controller.busy


def test_a_finished_edit_lands_in_history_only_for_its_own_photo(app, tmp_path) -> None:
    worker, session, controller, _ = app
    job = controller.queue_edit()
    assert isinstance(job.params, Edit) and job.params.edit == EDIT and not job.params.painted
    worker.job_finished.emit(job, _result(session, job.params.settings))
    assert [h.edit for h in session.history] == [EDIT] and session.history[0].word_maps[0].share == 0.5
    other = controller.queue_edit()
    Image.new("RGB", (64, 48), (200, 0, 0)).save(tmp_path / "other.png")
    worker.read(controller.open_photo(tmp_path / "other.png"))  # a new photo: the running edit is stale
    worker.job_finished.emit(other, _result(session, session.settings))
    assert session.history == []


def test_an_edit_that_changes_nothing_is_not_queued_and_says_why(app) -> None:
    worker, session, controller, errors = app
    assert controller.edit_blocked() is None
    session.set_edit(f" {CAPTION.upper()} ")
    message = "The edited caption is the same as the caption — change a word"
    assert controller.edit_blocked() == message
    assert controller.queue_edit() is None and controller.queue_sweep("cross=0.2,0.5") is None
    assert errors == [f"{message}."] * 2 and not [j for j in worker.jobs if isinstance(j.params, Edit)]
    session.set_edit(CAPTION.replace("cat", "(cat:1.5)"))  # re-weighting is an edit
    assert controller.edit_blocked() is None and isinstance(controller.queue_edit().params, Edit)


@pytest.mark.parametrize(("method", "db", "label", "hint"), [
    (Method.NULL_TEXT, 31.24, "null-text 31.2 dB — faithful", None),
    (Method.DDIM, 17.4, "ddim 17.4 dB — try null-text", "Reconstruction 17.4 dB: try null-text inversion"),
])
def test_the_inversion_line_shows_the_reconstruction_quality(app, method, db, label, hint) -> None:
    worker, session, controller, _ = app
    states, status = [], []
    session.inversion_changed.connect(lambda state, text: states.append((state, text)))
    controller.status.connect(status.append)
    job = controller.queue_edit()
    result = dataclasses.replace(_result(session, job.params.settings), fidelity=Fidelity(method, db))
    worker.job_finished.emit(job, result)
    assert states[-1] == (InversionState.READY, label)
    assert (hint in status[-1]) if hint else ("dB" not in status[-1])


def test_previews_of_the_running_edit_reach_the_window_only_for_its_photo(app, tmp_path) -> None:
    worker, _, controller, _ = app
    shown = []
    controller.preview.connect(lambda image, text: shown.append((image, text)))
    job = controller.queue_edit()
    small = Image.new("RGB", (8, 6), (1, 2, 3))
    worker.preview.emit(Preview(job.id, small, 4, 20))
    assert shown == [(small, f"Preview of “{EDIT}”, step 4 of 20")]
    Image.new("RGB", (64, 48), (200, 0, 0)).save(tmp_path / "other.png")
    worker.read(controller.open_photo(tmp_path / "other.png"))  # another photo: its old edit's previews are stale
    worker.preview.emit(Preview(job.id, small, 6, 20))
    assert len(shown) == 1


def test_failures_are_reported_by_kind(app) -> None:
    worker, session, controller, errors = app
    job = controller.start_inversion()
    worker.job_failed.emit(job, Failure(ErrorKind.OUT_OF_MEMORY, Message.of("the cuda device ran out of memory")))
    assert errors[-1] == f"the cuda device ran out of memory {OOM_HINT}"
    assert session.inversion_state is InversionState.FAILED
    job = controller.queue_edit()
    worker.job_failed.emit(job, Failure(ErrorKind.INPUT, Message.of("blend word 'zebra' is in neither caption")))
    assert errors[-1] == "blend word 'zebra' is in neither caption" and not controller.busy


def test_escape_cancels_only_what_has_started(app) -> None:
    worker, _, controller, _ = app
    first, second = controller.queue_edit(), controller.queue_edit()
    worker.job_started.emit(first)
    controller.cancel_current()
    assert worker.cancelled == [first.id] and second.id not in worker.cancelled


def test_export_sends_the_items_recipe_and_never_the_original_path(app, cat_file, tmp_path) -> None:
    worker, session, controller, errors = app
    job = controller.queue_edit()
    worker.job_finished.emit(job, _result(session, session.settings.replace(cross=0.6)))
    item = session.history[0]
    assert controller.export(item, cat_file) is None and "overwrite the original" in errors[-1]
    export = controller.export(item, tmp_path / "out.png")
    assert isinstance(export.params, Export)
    recipe = export.params.recipe
    assert (recipe.caption, recipe.edit, recipe.settings.cross) == (CAPTION, EDIT, 0.6)
    assert recipe.photo_sha256 == session.photo_sha256 and recipe.photo_name == cat_file.name


def test_export_of_a_photo_whose_name_is_not_utf8_writes_its_recipe(app, cat_file, tmp_path) -> None:
    """Issue 26: the app's export failed with UnicodeEncodeError for ``caf\\xe9.jpg``."""
    import os
    import shutil

    from p2p_studio.core.recipe import read_recipe, save_png

    worker, session, controller, _ = app
    odd = Path(os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9.jpg"))
    shutil.copy(cat_file, odd)
    worker.read(controller.open_photo(odd))
    session.set_caption(CAPTION)
    session.set_edit(EDIT)
    job = controller.queue_edit()
    worker.job_finished.emit(job, _result(session, session.settings))
    export = controller.export(session.history[0], odd.with_name(odd.stem + "-edit.png"))
    params = export.params
    written = save_png(params.path.parent, params.path.stem, params.image, params.recipe)  # what the worker does
    assert read_recipe(written).photo_name == "caf\\xe9.jpg" and written.name == odd.stem + "-edit.png"
    session.flush()
    restored = Session(tmp_path / "session")
    assert restored.restore() and restored.photo_path == odd
    restored.close()


def test_a_recipe_restores_as_one_undo_step(app) -> None:
    _, session, controller, _ = app
    before = session.settings
    recipe = Recipe("a dog", "a wolf", EditSettings(steps=12, cross=0.3, method=Method.DIRECT))
    controller.apply_recipe(recipe)
    assert (session.caption, session.edit, session.settings) == ("a dog", "a wolf", recipe.settings)
    session.undo_stack.undo()
    assert session.settings == before


def test_widget_values_are_checked_by_the_schema(app) -> None:
    _, session, _, _ = app
    with pytest.raises(InputError, match=r"^Cross-attention steps \(--cross\) must be in \[0, 1\], not 1.5$"):
        session.set_param("cross", 1.5)
    session.set_param("cross", 0.5)
    session.set_param("cross", 0.4)  # consecutive changes of one key merge into one undo step
    session.undo_stack.undo()
    assert session.settings.cross == EditSettings().cross


def test_plan_answers_only_the_newest_request(app, qtbot) -> None:
    worker, session, controller, _ = app
    shown: list[tuple[str, bool]] = []
    controller.plan_changed.connect(lambda text, error: shown.append((text, error)))
    session.set_edit("a dog sitting on a bench")
    qtbot.waitUntil(lambda: len(worker.plans) >= 1, timeout=2000)
    newest = worker.plans[-1][0]
    worker.plan_ready.emit(Plan(newest - 1, Message.of("stale"), False))
    worker.plan_ready.emit(Plan(newest, Message.of("swap: dog ← cat"), False))
    assert shown == [("swap: dog ← cat", False)]
    assert isinstance(worker.plans[-1][3], EditSettings)


def test_the_controller_and_session_import_no_torch() -> None:
    code = ("import sys; import p2p_studio.app.controller, p2p_studio.app.session, p2p_studio.app.studio; "
            "print(sorted(m for m in ('torch', 'diffusers', 'transformers', 'p2p_studio.engine') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2], env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.strip() == "[]"


def test_a_second_app_on_one_session_folder_is_read_only(qapp, tmp_path, cat_file) -> None:
    from p2p_studio.app.studio import Studio

    first = Studio(tmp_path, make_worker=lambda _choice: FakeWorker())
    second = Studio(tmp_path, make_worker=lambda _choice: FakeWorker())
    try:
        assert not first.read_only and second.read_only and "read-only" in second.lock_message
        first.worker.read(first.controller.open_photo(cat_file))
        first.session.set_caption("the first window's caption")
        first.session.flush()
        saved = (tmp_path / "session" / "session.json").read_bytes()
        second.session.set_caption("the second window's caption")
        second.session.flush()
        assert (tmp_path / "session" / "session.json").read_bytes() == saved  # the second wrote nothing
        fresh = Studio(tmp_path, make_worker=lambda _choice: FakeWorker(), session_name="session-2")
        assert not fresh.read_only
        fresh.shutdown()
    finally:
        first.shutdown()
        second.shutdown()
    third = Studio(tmp_path, make_worker=lambda _choice: FakeWorker())  # the lock went with the first
    assert not third.read_only
    third.shutdown()


def test_a_recipe_with_the_largest_seed_crosses_the_thread_and_restores(app, tmp_path) -> None:
    """Recipes cross as typed values (a dict with a huge int through a Qt signal crashed the app)."""
    worker, session, controller, _ = app
    job = controller.check_recipe(tmp_path / "x.png")
    found: list[tuple[FoundRecipe, str]] = []
    controller.recipe_found.connect(lambda recipe, path: found.append((recipe, path)))
    recipe = FoundRecipe(Recipe("a cat", "a dog", EditSettings(seed=2**64 - 1)), FoundLoras())
    worker.job_finished.emit(job, recipe)
    assert found == [(recipe, str(tmp_path / "x.png"))]
    controller.apply_recipe(found[0][0].recipe)
    assert session.settings.seed == 2**64 - 1


def test_a_sweep_queues_its_cells_and_lands_as_one_sheet_for_its_own_photo(app, tmp_path) -> None:
    from p2p_studio.app.jobs import Sweep, SweepDone

    worker, session, controller, errors = app
    assert controller.queue_sweep("cross=0.2,2") is None and not worker.jobs[1:]
    assert errors == ["Sweep: sweep cross must be in [0, 1], not 2.0"]
    job = controller.queue_sweep("cross=0.2,0.8 self=0.1,0.3")
    assert isinstance(job.params, Sweep) and job.params.settings is session.settings
    assert [(c.settings.cross, c.settings.self_fraction) for c in job.params.cells] == [
        (0.2, 0.1), (0.8, 0.1), (0.2, 0.3), (0.8, 0.3)]
    sheets = []
    controller.sweep_ready.connect(sheets.append)
    results = tuple(_result(session, c.settings) for c in job.params.cells)
    thumbs = tuple(Image.new("RGB", (8, 6)) for _ in results)
    worker.job_finished.emit(job, SweepDone(job.params.grid, job.params.cells, results, thumbs, 3.0))
    assert [h.settings for h in session.history] == [c.settings for c in job.params.cells]
    assert len(sheets) == 1 and sheets[0].items == tuple(session.history) and session.current is session.history[0]
    assert not controller.busy
    stale = controller.queue_sweep("cross=0.2,0.8")
    Image.new("RGB", (64, 48), (200, 0, 0)).save(tmp_path / "other.png")
    worker.read(controller.open_photo(tmp_path / "other.png"))
    worker.job_finished.emit(stale, SweepDone(stale.params.grid, stale.params.cells, results[:2], thumbs[:2], 1.0))
    assert len(sheets) == 1 and session.history == []  # a new photo starts a new history


def test_an_unusable_data_folder_opens_read_only_and_says_why(qapp, tmp_path, cat_file, monkeypatch) -> None:
    """Issue 26: P2P_STUDIO_DATA naming a file died with FileExistsError; a read-only one said
    'Another P2P Studio window is using …', which was false."""
    import errno

    from p2p_studio.app.studio import Studio
    from p2p_studio.core import files

    a_file = tmp_path / "data.txt"
    a_file.write_text("not a folder")
    studio = Studio(a_file, make_worker=lambda _choice: FakeWorker())
    try:
        assert studio.read_only and studio.lock is None
        assert studio.lock_message.startswith(f"The data folder {a_file} is a file, not a folder. This window")
        assert "Another P2P Studio window" not in studio.lock_message
    finally:
        studio.shutdown()
    assert a_file.read_text() == "not a folder"

    writable = Studio(tmp_path / "data", make_worker=lambda _choice: FakeWorker())
    writable.worker.read(writable.controller.open_photo(cat_file))
    writable.session.set_caption("saved before the disk became read-only")
    writable.shutdown()
    before = {p.name: p.read_bytes() for p in (tmp_path / "data" / "session").iterdir() if p.is_file()}

    def read_only(*_args, **_kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(files.tempfile, "mkstemp", read_only)
    studio = Studio(tmp_path / "data", make_worker=lambda _choice: FakeWorker())
    try:
        assert studio.read_only and "the file system is read-only" in studio.lock_message
        assert studio.session.restore() and studio.session.caption == "saved before the disk became read-only"
        studio.session.set_caption("typed in the read-only window")
        studio.session.flush()
    finally:
        studio.shutdown()
    after = {p.name: p.read_bytes() for p in (tmp_path / "data" / "session").iterdir() if p.is_file()}
    assert after == before


def test_the_desktop_app_starts_on_a_data_folder_that_is_a_file(qapp, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from p2p_studio.ui import desktop

    a_file = tmp_path / "data"
    a_file.write_text("x")
    warned: list[str] = []
    monkeypatch.setenv("P2P_STUDIO_DATA", str(a_file))
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: warned.append(text))
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    monkeypatch.setattr(desktop.DesktopStudio, "start", lambda self, first_run_demo=True: None)
    assert desktop.run(["p2p-studio"]) == 0
    assert len(warned) == 1 and warned[0].startswith(f"The data folder {a_file} is a file, not a folder")


def test_a_fifo_as_settings_ini_does_not_hang_the_start(qapp, tmp_path) -> None:
    """QSettings blocks forever reading a FIFO: it is moved aside first, with a note."""
    import os

    from p2p_studio.app.studio import Studio

    folder = tmp_path / "data"
    folder.mkdir()
    os.mkfifo(folder / "settings.ini")
    studio = Studio(folder, make_worker=lambda _choice: FakeWorker())
    try:
        assert "was not a regular file; it was moved aside" in studio.settings_note
        assert len(list(folder.glob("settings.ini.*.corrupt"))) == 1
        assert studio.settings.model.spec  # the defaults
    finally:
        studio.shutdown()


def test_an_animated_gif_opens_at_its_first_frame_and_the_status_says_so(app, tmp_path) -> None:
    worker, session, controller, errors = app
    statuses: list[str] = []
    controller.status.connect(statuses.append)
    frames = [Image.new("RGB", (48, 32), colour) for colour in ((0, 0, 250), (250, 0, 0))]
    frames[0].save(tmp_path / "loop.gif", save_all=True, append_images=frames[1:], duration=80)
    worker.read(controller.open_photo(tmp_path / "loop.gif"))
    assert session.photo_path == tmp_path / "loop.gif" and session.photo.getpixel((5, 5)) == (0, 0, 250)
    assert statuses[-1] == "loop.gif: an animation of 2 frames; its first frame is used." and not errors


def test_words_warnings_come_with_every_plan_and_a_caption_alone_asks_for_them(app, qtbot) -> None:
    worker, session, controller, _ = app
    plans: list[tuple[str, bool]] = []
    words: list[WordWarnings] = []
    controller.plan_changed.connect(lambda text, error: plans.append((text, error)))
    controller.words_changed.connect(words.append)
    session.set_edit("")
    session.set_caption("a cat on a bnech")
    qtbot.waitUntil(lambda: bool(worker.plans) and worker.plans[-1][1:3] == ("a cat on a bnech", ""), timeout=2000)
    assert plans[-1] == ("Type the caption of the photo, then change words in the edit.", False)
    warning = Message.of("'{word}' is not a word the text encoder knows; did you mean '{likely}'?", word="bnech",
                         likely="bench")
    worker.plan_ready.emit(Plan(worker.plans[-1][0], None, False, WordWarnings((warning,))))
    assert words == [WordWarnings((warning,), ())] and len(plans) == 1  # no plan: the line said stays
    session.set_caption("")
    qtbot.waitUntil(lambda: len(words) == 2, timeout=2000)
    assert words[-1] == WordWarnings()  # no caption: the warning goes


def test_the_inversion_line_says_caption_changed_only_after_an_inversion(qapp, tmp_path, cat_file) -> None:
    worker = FakeWorker()
    session = Session(tmp_path / "session", autosave_ms=10_000)
    controller = StudioController(session, worker, auto_invert_ms=10_000)
    lines: list[tuple[InversionState, str]] = []
    session.inversion_changed.connect(lambda state, text: lines.append((state, text)))
    worker.read(controller.open_photo(cat_file))
    session.set_caption(CAPTION)
    assert lines[-1] == (InversionState.STALE, "Inverts when you stop typing")  # nothing inverted yet
    job = controller.start_inversion()
    worker.job_finished.emit(job, Inverted(CAPTION, cached=False, seconds=1.0))
    session.set_caption("a cat sitting on a wooden bench")
    assert lines[-1] == (InversionState.STALE, "Caption changed: inverts again when you stop typing")


def test_when_a_job_ends_the_status_bar_shows_the_one_still_running(app, tmp_path) -> None:
    """A recipe read while the model loads: then the load's phase and bar, not the recipe's full bar."""
    worker, _, controller, _ = app
    shown: list[tuple[str, float, str]] = []
    said: list[str] = []
    controller.progress.connect(lambda text, fraction, eta: shown.append((text, fraction, eta)))
    controller.status.connect(said.append)
    load = controller.load_model(ModelChoice(spec="demo"))
    worker.job_started.emit(load)
    worker.progress.emit(ProgressReport(load.id, load.kind, "Downloading unet", 0.4, 30.0))
    read = controller._track(worker.submit(ReadRecipe(tmp_path / "x.png")))
    worker.job_started.emit(read)
    assert said[-1] == "Loading model" and controller.busy  # a recipe glance does not take the line
    worker.job_finished.emit(read, FoundRecipe(Recipe("a cat", "a dog"), FoundLoras()))
    assert said[-1] == "Read the recipe of x.png."
    assert shown[-1] == ("Downloading unet", 0.4, "ETA 0:30") and controller.busy
    worker.job_finished.emit(load, None)
    assert shown[-1] == ("", 1.0, "") and not controller.busy


def test_another_photo_cancels_the_old_photos_jobs_but_not_the_model_load(app, tmp_path) -> None:
    worker, _, controller, _ = app
    load = controller.load_model(ModelChoice(spec="demo"))
    invert = controller.start_inversion()
    Image.new("RGB", (64, 48), (200, 0, 0)).save(tmp_path / "other.png")
    worker.read(controller.open_photo(tmp_path / "other.png"))
    assert invert.id in worker.cancelled and load.id not in worker.cancelled
