"""The app follows a few-step model's defaults (ReNoise, its steps and guidance) without undoing
what the user set; null-text is off in the panel where the sampler adds noise."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from p2p_studio.app.controller import StudioController
from p2p_studio.app.jobs import ModelInfo
from p2p_studio.app.session import Session
from p2p_studio.core.settings import EditSettings, Method, ModelChoice, ModelDefaults
from p2p_studio.core.text import Message
from tests.app.test_controller import FakeWorker

FEW = ModelDefaults(4, 0.0, Method.RENOISE, Message.of("a few-step model"))


def _info(name: str, defaults: ModelDefaults, stochastic: bool = False) -> ModelInfo:
    return ModelInfo(ModelChoice(name), name, "cpu", "float32", 512, 77, "epsilon", "sd2",
                     sampler="euler-a" if stochastic else "ddim", stochastic=stochastic, defaults=defaults)


def _setup(qapp, tmp_path):
    worker = FakeWorker()
    session = Session(tmp_path / "session", autosave_ms=10_000)
    controller = StudioController(session, worker, auto_invert_ms=10_000)
    status: list[str] = []
    controller.status.connect(status.append)
    return worker, session, controller, status


def _three(s: EditSettings) -> tuple[int, float, Method]:
    return s.steps, s.guidance, s.method


def test_a_few_step_model_brings_its_defaults_and_an_ordinary_one_takes_them_back(qapp, tmp_path) -> None:
    worker, session, _, status = _setup(qapp, tmp_path)
    session.set_param("threshold", 0.4)
    worker.model_ready.emit(_info("stabilityai/sd-turbo", FEW, stochastic=True))
    assert _three(session.settings) == (4, 0.0, Method.RENOISE) and session.settings.threshold == 0.4
    assert status[-1] == "sd-turbo is a few-step model: edits use 4 steps, guidance 0, renoise inversion."
    session.set_param("steps", 6)  # the user's choice survives the next switch
    worker.model_ready.emit(_info("sd15", ModelDefaults()))
    assert _three(session.settings) == (6, 7.5, Method.NULL_TEXT)
    session.undo_stack.undo()
    assert _three(session.settings) == (6, 0.0, Method.RENOISE)  # one undo step


def test_the_same_defaults_again_change_nothing(qapp, tmp_path) -> None:
    worker, session, _, status = _setup(qapp, tmp_path)
    worker.model_ready.emit(_info("sd15", ModelDefaults()))
    assert session.settings == EditSettings() and status == []
    worker.model_ready.emit(_info("turbo", FEW))
    session.set_param("guidance", 1.0)
    worker.model_ready.emit(_info("turbo", FEW))  # reloaded (another device): nothing moves
    assert _three(session.settings) == (4, 1.0, Method.RENOISE)


def test_a_session_saved_with_ordinary_defaults_follows_the_loaded_few_step_model(qapp, tmp_path) -> None:
    _, session, _, _ = _setup(qapp, tmp_path)
    session.set_param("steps", 50)
    session.set_caption("a cat")
    session.flush()
    session.close()
    worker, restored, _, _ = _setup(qapp, tmp_path)
    worker.model_ready.emit(_info("turbo", FEW))  # the model is up before the session is read
    assert restored.restore() is False  # no photo, but captions and settings
    assert restored.caption == "a cat" and _three(restored.settings) == (4, 0.0, Method.RENOISE)


def test_the_panel_turns_null_text_off_for_a_sampler_that_adds_noise(qapp, tmp_path) -> None:
    from p2p_studio.ui.edit_panel import EditPanel

    worker, session, controller, _ = _setup(qapp, tmp_path)
    panel = EditPanel(session, controller)
    entry = panel.method.model().item(panel.method.findText("null-text"))
    worker.model_ready.emit(_info("turbo", FEW, stochastic=True))
    assert not entry.isEnabled() and "euler-a sampler" in entry.toolTip()
    assert panel.method.currentText() == "renoise"
    worker.model_ready.emit(_info("sd15", ModelDefaults()))
    assert entry.isEnabled() and panel.method.currentText() == "null-text"


def test_an_inversion_queued_with_the_old_defaults_runs_again_with_the_models(qapp, tmp_path, cat_file) -> None:
    from p2p_studio.app.jobs import Invert

    worker, session, controller, _ = _setup(qapp, tmp_path)
    worker.read(controller.open_photo(cat_file))
    session.set_caption("a cat")
    first = controller.start_inversion()
    assert first.params.settings.method is Method.NULL_TEXT
    worker.model_ready.emit(_info("turbo", FEW, stochastic=True))  # the load finished before it ran
    assert first.id in worker.cancelled
    again = worker.jobs[-1]
    assert isinstance(again.params, Invert) and again is not first
    assert _three(again.params.settings) == (4, 0.0, Method.RENOISE)
