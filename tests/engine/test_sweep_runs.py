"""Parameter sweeps in batched runs: per-edit windows, chunking, progress, recipes."""

from __future__ import annotations

import pytest
import torch

from inversion import Reporter
from p2p_studio.core.errors import InputError
from p2p_studio.core.settings import EditSettings, Method
from p2p_studio.core.sweep import SweepGrid
from p2p_studio.engine.cache import InversionCache
from p2p_studio.engine.editor import Editor

CAPTION = "a cat sitting on a bench"


@pytest.fixture
def editor(tiny):
    return Editor(tiny)


def test_a_sweep_in_chunks_equals_each_cell_run_alone(tiny, tmp_path, cat_photo) -> None:
    editor = Editor(tiny, InversionCache(tmp_path))
    # no local blend: on the random model a mask cell can flip with the batch's float rounding
    base = EditSettings(steps=4, method=Method.DDIM, blend=False)
    grid = SweepGrid.parse(["cross=0.2,0.8", "self=0,0.5"])
    cells = grid.cells("a (tiger:2) sitting on a bench", base)
    photo = editor.prepare(cat_photo)
    inversion, _ = editor.invert(photo, CAPTION, base)
    before = editor.predict.evaluations
    run = editor.sweep(photo, CAPTION, cells, base, batch=3)
    # two batched runs (3 edits + source, 1 + source) from the cached inversion; each evaluation
    # counts the conditional and unconditional rows of every prompt
    assert editor.predict.evaluations - before == base.steps * 2 * (4 + 2)
    assert run.latents.shape[0] == 1 + len(cells) and len(run.results()) == len(cells)
    for i, cell in enumerate(cells):
        alone = editor.edit(photo, CAPTION, [cell.edit], cell.settings, inversion=inversion)
        # the same arithmetic up to the batch's float summation order
        torch.testing.assert_close(run.latents[i + 1], alone.latents[1], rtol=0, atol=1e-4)
        result = run.results()[i]
        assert result.settings == cell.settings and result.edit == "a (tiger:2) sitting on a bench"
    assert run.attention is not None and run.attention.shape[0] == 1 + len(cells)


def test_a_blend_start_past_the_last_step_means_no_blend(editor, cat_photo) -> None:
    base = EditSettings(steps=4, method=Method.DDIM)
    cells = SweepGrid.parse(["blend-start=0.25,1"]).cells("a dog sitting on a bench", base)
    run = editor.sweep(editor.prepare(cat_photo), CAPTION, cells, base)
    assert run.edits[0].mask is not None and run.edits[1].mask is None


def test_sweep_progress_counts_the_steps_of_every_run(editor, cat_photo) -> None:
    import time

    base = EditSettings(steps=3, method=Method.DDIM)
    cells = SweepGrid.parse(["cross=0.2,0.5,0.8"]).cells("a dog sitting on a bench", base)
    seen = []

    def report(progress) -> None:
        seen.append(progress)
        if progress.phase != "Editing" and progress.step == progress.total:
            time.sleep(0.2)  # the inversion takes at least this long

    run = editor.sweep(editor.prepare(cat_photo), CAPTION, cells, base, Reporter(report), batch=1)
    steps = [(p.step, p.total) for p in seen if p.phase == "Editing"]
    assert steps == [(k, 9) for k in range(1, 10)]
    # the sweep's one inversion is in its timings, once
    assert run.timings["inversion"] >= 0.2
    assert run.timings["total"] >= run.timings["inversion"] + run.timings["edit"]


def test_edits_of_one_run_must_share_the_run_settings(editor, cat_photo) -> None:
    base = EditSettings(steps=3, method=Method.DDIM)
    with pytest.raises(InputError, match="share guidance"):
        editor.plans(CAPTION, ["a dog sitting on a bench"], base, [base.replace(guidance=3.0)])
    with pytest.raises(InputError, match="weight sweep needs"):
        SweepGrid.parse(["weight=1,2"]).cells("a dog sitting on a bench", base)
