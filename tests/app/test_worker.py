"""The real engine worker on the tiny model: plan previews without a model load, exports that do
not wait behind an inversion, failures that carry their kind."""

from __future__ import annotations

import logging
import os

import pytest
from PIL import Image

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from p2p_studio.app.jobs import Edit, Export, Invert, Inverted, Job, Plan
from p2p_studio.app.worker import EngineWorker
from p2p_studio.core.errors import ErrorKind
from p2p_studio.core.recipe import Recipe, read_recipe
from p2p_studio.core.settings import EditSettings, Method, ModelChoice


@pytest.fixture
def worker(qapp, tiny_dir, tmp_path):
    w = EngineWorker(ModelChoice(str(tiny_dir), device="cpu", cache_dir=str(tmp_path / "cache")))
    events: list[tuple[str, Job | None, object]] = []
    w.job_finished.connect(lambda job, payload: events.append(("finished", job, payload)))
    w.job_failed.connect(lambda job, failure: events.append(("failed", job, failure)))
    w.job_cancelled.connect(lambda job: events.append(("cancelled", job, None)))
    w.job_started.connect(lambda job: events.append(("started", job, None)))
    w.plan_ready.connect(lambda plan: events.append(("plan", None, plan)))
    w.model_ready.connect(lambda info: events.append(("model", None, info)))
    w.events = events  # type: ignore[attr-defined]
    yield w
    w.shutdown()


def _of(worker, kind: str) -> list[tuple[str, Job | None, object]]:
    return [e for e in worker.events if e[0] == kind]


def test_plan_previews_need_only_the_tokenizer(worker, qtbot) -> None:
    request = worker.request_plan("a cat on a bench", "a tiger on a bench", EditSettings())
    qtbot.waitUntil(lambda: bool(_of(worker, "plan")), timeout=30_000)
    plan = _of(worker, "plan")[0][2]
    assert isinstance(plan, Plan) and plan.request == request and not plan.is_error
    assert str(plan.text).startswith("swap") and "tiger" in str(plan.text)
    assert not _of(worker, "model")  # no model was loaded for it


def test_an_export_does_not_wait_behind_an_inversion(worker, qtbot, cat_photo, tmp_path) -> None:
    slow = EditSettings(steps=50, method=Method.NULL_TEXT)
    inversion = worker.submit(Invert(cat_photo, "cat", "a cat on a bench", slow))
    qtbot.waitUntil(lambda: any(e[1] is inversion for e in _of(worker, "started")), timeout=60_000)
    recipe = Recipe("a cat on a bench", "a dog on a bench", slow)
    export = worker.submit(Export(tmp_path / "out.png", Image.new("RGB", (32, 24)), recipe))
    qtbot.waitUntil(lambda: any(e[1] is export for e in _of(worker, "finished")), timeout=30_000)
    assert not any(e[1] is inversion for e in _of(worker, "finished"))  # still inverting
    assert read_recipe(tmp_path / "out.png") == recipe
    worker.cancel(inversion.id)
    qtbot.waitUntil(lambda: any(e[1] is inversion for e in _of(worker, "cancelled")), timeout=30_000)


def test_failures_carry_their_kind(worker, qtbot, cat_photo, caplog) -> None:
    caplog.set_level(logging.INFO, logger="p2p_studio.app.worker")
    settings = EditSettings(steps=2, method=Method.DDIM, blend_words=("zebra",))
    job = worker.submit(Edit(cat_photo, "cat", "a cat on a bench", "a dog on a bench", settings))
    qtbot.waitUntil(lambda: bool(_of(worker, "failed")), timeout=60_000)
    failed_job, failure = _of(worker, "failed")[0][1:]
    assert failed_job is job and failure.kind is ErrorKind.INPUT
    assert str(failure.message) == "blend word 'zebra' is in neither caption"
    ok = worker.submit(Invert(cat_photo, "cat", "a cat on a bench", EditSettings(steps=2, method=Method.DDIM)))
    qtbot.waitUntil(lambda: any(e[1] is ok for e in _of(worker, "finished")), timeout=60_000)
    payload = next(e[2] for e in _of(worker, "finished") if e[1] is ok)
    assert isinstance(payload, Inverted) and payload.caption == "a cat on a bench"
    logged = [r.getMessage() for r in caplog.records]  # the log file tells what happened
    assert f"job {job.id} edit failed: blend word 'zebra' is in neither caption" in logged
    assert any(m.startswith(f"job {ok.id} invert done in ") for m in logged), logged


def test_a_job_of_an_unknown_kind_fails_and_is_never_taken_for_another(worker, qtbot) -> None:
    """The dispatch is one table; before, any job it did not know was run as a recipe read."""
    import dataclasses
    from typing import ClassVar

    from p2p_studio.app.jobs import JobKind

    @dataclasses.dataclass(frozen=True)
    class Mystery:
        kind: ClassVar[JobKind] = JobKind.READ_RECIPE  # files thread, like a recipe read
        path: str = "x.png"

    job = worker.submit(Mystery())  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: bool(_of(worker, "failed")), timeout=10_000)
    (_, failed_job, failure), = _of(worker, "failed")
    assert failed_job is job and failure.kind is ErrorKind.INTERNAL
    assert "no handler for Mystery jobs" in str(failure.message) and not _of(worker, "finished")


def test_a_loaded_model_reports_its_defaults_and_the_expected_time_of_an_edit(worker, qtbot) -> None:
    from p2p_studio.app.jobs import LoadModel
    from p2p_studio.core.settings import ModelDefaults

    job = worker.submit(LoadModel(worker._choice))
    qtbot.waitUntil(lambda: any(e[1] is job for e in _of(worker, "finished")), timeout=60_000)
    info = next(e[2] for e in _of(worker, "finished") if e[1] is job)
    assert info == _of(worker, "model")[0][2]  # measured once: the signal and the job's result agree
    assert info.defaults == ModelDefaults() and info.sampler == "ddim" and not info.stochastic
    # null-text at 50 steps, guidance 7.5: 50 DDIM rows + 50 x (1 + 10 x 3) + 50 steps x 2 captions x 2 halves
    assert info.default_rows == 50 + 50 * 31 + 200 and info.row_seconds > 0
    expected = str(info.expected_edit)
    assert expected.startswith("An edit of a photo at this model's defaults (50 steps, guidance 7.5, "
                               "null-text inversion) takes up to ")
    assert expected.endswith(f"on cpu: 1800 UNet evaluations of {info.row_seconds:.3g} s each.")
    assert info.region_rows == 20 * 2  # the last 40 % of the 50 steps again, both halves of guidance
    region = str(info.expected_region)
    assert region.startswith("Redrawing the edited region of a large photo (Detail: auto or region) adds about ")
    assert region.endswith(" (40 evaluations).")


def test_a_preview_decoder_that_cannot_serve_is_reported_with_the_model(qapp, qtbot, tiny_dir, tmp_path) -> None:
    from p2p_studio.app.jobs import LoadModel

    (tmp_path / "not-taesd").mkdir()
    choice = ModelChoice(str(tiny_dir), device="cpu", preview_decoder=str(tmp_path / "not-taesd"))
    worker = EngineWorker(choice)
    infos: list = []
    worker.model_ready.connect(infos.append)
    try:
        worker.submit(LoadModel(choice))
        qtbot.waitUntil(lambda: bool(infos), timeout=60_000)
    finally:
        worker.shutdown()
    assert infos[0].previews == "the model's VAE"
    assert str(infos[0].previews_note).startswith(f"preview decoder {tmp_path / 'not-taesd'}: cannot be read (")
