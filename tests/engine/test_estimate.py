"""The expected cost of an edit: the UNet rows counted before a run equal those the run takes
(null-text: at most), whatever the method, sampler and guidance."""

from __future__ import annotations

import dataclasses

import pytest

from inversion import Sampler
from p2p_studio.core.settings import EditSettings, Method
from p2p_studio.engine.editor import Editor
from p2p_studio.engine.estimate import edit_rows, seconds_per_row

CAPTION, EDITS = "a cat sitting on a bench", ["a dog sitting on a bench", "a cat sitting on a sofa"]
CASES = [
    (Sampler.DDIM, Method.DDIM, 7.5, 5),
    (Sampler.DDIM, Method.DIRECT, 7.5, 5),
    (Sampler.DDIM, Method.NEGATIVE_PROMPT, 3.0, 5),
    (Sampler.DDIM, Method.RENOISE, 0.0, 4),
    (Sampler.DDIM, Method.RENOISE, 7.5, 4),
    (Sampler.DDIM, Method.RENOISE, 7.5, 12),
    (Sampler.EULER_ANCESTRAL, Method.RENOISE, 0.0, 4),
    (Sampler.EULER_ANCESTRAL, Method.DIRECT, 2.0, 3),
    (Sampler.LCM, Method.RENOISE, 1.0, 4),
]


@pytest.mark.parametrize(("sampler", "method", "guidance", "steps"), CASES,
                         ids=[f"{c[0].value}-{c[1].value}-{c[2]:g}-{c[3]}" for c in CASES])
def test_the_rows_counted_before_an_edit_are_the_rows_it_takes(tiny, cat_photo, sampler, method, guidance,
                                                               steps) -> None:
    model = dataclasses.replace(tiny, sampler=sampler.value, fingerprint="",
                                scheduler_config={**tiny.scheduler_config, "timestep_spacing": "trailing"})
    editor = Editor(model)
    settings = EditSettings(steps=steps, method=method, guidance=guidance, blend=False)
    expected = edit_rows(editor, settings, edits=len(EDITS))
    editor.edit(editor.prepare(cat_photo), CAPTION, EDITS, settings)
    assert editor.predict.evaluations == expected


def test_null_text_is_counted_at_most_and_generation_without_an_inversion(tiny, cat_photo) -> None:
    editor = Editor(tiny)
    settings = EditSettings(steps=3, guidance=7.5, blend=False)
    editor.edit(editor.prepare(cat_photo), CAPTION, EDITS[:1], settings)
    assert 3 * 2 * 2 + 3 < editor.predict.evaluations <= edit_rows(editor, settings)  # optimised, at most
    editor.predict.evaluations = 0
    editor.generate(CAPTION, EDITS[:1], settings)
    assert editor.predict.evaluations == edit_rows(editor, settings, photo=False) == 3 * 2 * 2


def test_measuring_a_row_leaves_the_count_alone(tiny) -> None:
    editor = Editor(tiny)
    assert seconds_per_row(editor) > 0 and editor.predict.evaluations == 0
