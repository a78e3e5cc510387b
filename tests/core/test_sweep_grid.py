"""Sweep grids: parsing, cells, and the contact sheet."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from p2p_studio.core.captions import parse_weights, set_weights
from p2p_studio.core.errors import InputError
from p2p_studio.core.settings import EditSettings
from p2p_studio.core.sweep import MAX_CELLS, SweepGrid, contact_sheet, parse_axis, sheet_layout


def test_cells_fill_rows_along_the_first_axis() -> None:
    grid = SweepGrid.parse(["cross=0.2,0.5,0.8", "self=0.2,0.4"])
    assert grid.shape == (2, 3) and grid.size == 6
    cells = grid.cells("a tiger on a bench", EditSettings())
    assert [(c.row, c.column) for c in cells] == [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2)]
    assert [(c.settings.cross, c.settings.self_fraction) for c in cells] == [
        (0.2, 0.2), (0.5, 0.2), (0.8, 0.2), (0.2, 0.4), (0.5, 0.4), (0.8, 0.4)]
    assert cells[4].label == "cross 0.5 · self 0.4" and cells[4].slug == "cross0.5-self0.4"
    assert all(c.settings.run_differences(EditSettings()) == [] for c in cells)


def test_one_line_holds_several_axes() -> None:
    assert SweepGrid.parse(["cross=0.2,0.8 blend-start=0,0.5"]) == SweepGrid.parse(["cross=0.2,0.8",
                                                                                  "blend-start=0,0.5"])


def test_weight_axis_sets_every_markup_factor() -> None:
    cells = SweepGrid.parse(["weight=1,2.5"]).cells("a (red:2) car on a (wet:1.5) road", EditSettings())
    assert [c.edit for c in cells] == ["a (red:1) car on a (wet:1) road", "a (red:2.5) car on a (wet:2.5) road"]
    assert parse_weights(cells[1].edit).weights == ((1, 2.5), (5, 2.5))
    assert set_weights("no markup", 3) == "no markup"


@pytest.mark.parametrize(("texts", "message"), [
    (["cross"], "expected KEY=V1,V2"),
    (["guidance=1,2"], "cannot sweep 'guidance'"),
    (["cross=0.2,x"], "not a number"),
    (["cross=0.2,1.5"], r"sweep cross must be in \[0, 1\], not 1.5"),
    (["cross=0.2,0.2"], "repeats a value"),
    (["cross=0.2", "cross=0.5"], "same parameter twice"),
    (["weight=20"], "out of range"),
    ([], "at least one"),
])
def test_bad_sweeps_are_refused_with_one_line(texts, message) -> None:
    with pytest.raises(InputError, match=message):
        SweepGrid.parse(texts)


def test_grids_larger_than_the_limit_are_refused() -> None:
    values = ",".join(f"{i / 100:g}" for i in range(9))
    with pytest.raises(InputError, match=f"at most {MAX_CELLS}"):
        SweepGrid.parse([f"cross={values}", f"self={values}"])
    assert parse_axis(f"cross={values}").values[-1] == 0.08


def test_contact_sheet_places_each_result_in_its_cell() -> None:
    grid = SweepGrid.parse(["cross=0.2,0.5,0.8", "self=0.2,0.4"])
    cells = grid.cells("a tiger", EditSettings())
    colours = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 0), (0, 255, 255), (255, 0, 255)]
    images = [Image.new("RGB", (80, 40), c) for c in colours]
    sheet = np.asarray(contact_sheet(images, cells, grid, thumb=60))
    layout = sheet_layout(grid, (80, 40), thumb=60)
    assert layout.thumb_size == (60, 30) and sheet.shape == (layout.size[1], layout.size[0], 3)
    boxes = [layout.box(c) for c in cells]
    for (left, top, right, bottom), colour in zip(boxes, colours, strict=True):
        assert (sheet[top:bottom, left:right] == colour).all()
        assert (sheet[bottom + 1:bottom + layout.line, left:right] < 128).any()  # its label
    # side by side along a row, the second row below the first row's labels
    assert boxes[1][0] - boxes[0][2] == layout.pad and boxes[3][1] - boxes[0][3] == layout.line + layout.pad
    assert (sheet[:layout.line + layout.pad, :120] < 128).any()  # the title
