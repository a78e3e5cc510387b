"""Parameter sweeps: a grid of edit settings run as one batch, and the contact sheet of its results.

A sweep varies only what each edited caption may set on its own inside one batched run (the
injection windows, the local-blend start and the re-weighting factor); everything the inversion or
the shared source branch depends on stays the run's. Torch-free: the command line, the app's
panel and the engine share these types.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from p2p_studio.core.captions import MAX_WEIGHT, parse_weights, set_weights
from p2p_studio.core.errors import InputError
from p2p_studio.core.settings import EditSettings, spec_of

#: Sweep keys and the settings field each sets (``weight`` sets the edited caption's markup).
AXES = {"cross": "cross", "self": "self_fraction", "blend-start": "blend_start", "weight": ""}
#: A grid above this many cells is refused (each cell is one edited caption of a batched run).
MAX_CELLS = 64
#: How many edited captions share one batched UNet call unless asked otherwise.
DEFAULT_BATCH = 8


@dataclass(frozen=True)
class SweepAxis:
    """One swept parameter and its values, in the order given."""

    key: str
    values: tuple[float, ...]

    def check(self) -> None:
        if self.key not in AXES:
            raise InputError("cannot sweep {key!r}; choose from {items}", key=self.key, items=', '.join(AXES))
        if not self.values:
            raise InputError("the sweep of {key} has no values", key=self.key)
        if len(set(self.values)) != len(self.values):
            raise InputError("the sweep of {key} repeats a value", key=self.key)
        for value in self.values:
            if self.key == "weight":
                if not abs(value) <= MAX_WEIGHT:
                    raise InputError("sweep weight {value:g} is out of range [{low:g}, {high:g}]",
                                     value=value, low=-MAX_WEIGHT, high=MAX_WEIGHT)
            else:
                spec_of(EditSettings, AXES[self.key]).check(f"sweep {self.key}", value)

    def text(self) -> str:
        return f"{self.key}={','.join(f'{v:g}' for v in self.values)}"


def parse_axis(text: str) -> SweepAxis:
    """``"cross=0.2,0.5,0.8"`` -> :class:`SweepAxis` (validated)."""
    key, sep, values = text.partition("=")
    key = key.strip().lower()
    if not sep or not key:
        raise InputError("expected KEY=V1,V2,... for a sweep, got {text!r}", text=text)
    try:
        numbers = tuple(float(v) for v in values.replace(" ", "").split(",") if v)
    except ValueError:
        raise InputError("the sweep {text!r} has a value that is not a number", text=text) from None
    axis = SweepAxis(key, numbers)
    axis.check()
    return axis


@dataclass(frozen=True)
class SweepCell:
    """One cell of the grid: the edited caption and settings it runs with, and where it sits."""

    edit: str
    settings: EditSettings
    values: tuple[tuple[str, float], ...]
    row: int
    column: int

    @property
    def label(self) -> str:
        """``cross 0.5 · self 0.2``."""
        return " · ".join(f"{key} {value:g}" for key, value in self.values)

    @property
    def slug(self) -> str:
        """A file-name part: ``cross0.5-self0.2``."""
        return "-".join(f"{key}{value:g}" for key, value in self.values)


@dataclass(frozen=True)
class SweepGrid:
    """The axes of a sweep. The first axis runs along the columns, the others down the rows."""

    axes: tuple[SweepAxis, ...]

    @classmethod
    def parse(cls, texts: Sequence[str]) -> SweepGrid:
        """From ``KEY=V1,V2`` texts (repeatable options, or one line with spaces between axes)."""
        axes = tuple(parse_axis(t) for text in texts for t in text.split())
        grid = cls(axes)
        grid.check()
        return grid

    def check(self) -> None:
        if not self.axes:
            raise InputError("a sweep needs at least one KEY=V1,V2,... axis")
        keys = [a.key for a in self.axes]
        if len(set(keys)) != len(keys):
            raise InputError("a sweep names the same parameter twice")
        for axis in self.axes:
            axis.check()
        if self.size > MAX_CELLS:
            raise InputError("the sweep has {size} cells; at most {most}", size=self.size, most=MAX_CELLS)

    @property
    def size(self) -> int:
        n = 1
        for axis in self.axes:
            n *= len(axis.values)
        return n

    @property
    def shape(self) -> tuple[int, int]:
        """``(rows, columns)`` of the contact sheet."""
        return self.size // len(self.axes[0].values), len(self.axes[0].values)

    def text(self) -> str:
        return " ".join(a.text() for a in self.axes)

    def cells(self, edit: str, settings: EditSettings) -> list[SweepCell]:
        """Every combination, row by row. A ``weight`` axis needs ``(word:f)`` markup in *edit*."""
        self.check()
        if any(a.key == "weight" for a in self.axes) and not parse_weights(edit).weights:
            raise InputError("a weight sweep needs (word:factor) markup in the edited caption, e.g. a (red:2) car")
        columns = len(self.axes[0].values)
        cells = []
        # the first axis varies fastest, so consecutive cells fill a row
        for index, combo in enumerate(itertools.product(*(a.values for a in reversed(self.axes)))):
            values = tuple(zip((a.key for a in self.axes), reversed(combo), strict=True))
            changes = {AXES[key]: value for key, value in values if key != "weight"}
            weight = dict(values).get("weight")
            cells.append(SweepCell(
                edit=set_weights(edit, weight) if weight is not None else edit,
                settings=settings.replace(**changes), values=values,
                row=index // columns, column=index % columns))
        return cells


@dataclass(frozen=True)
class SheetLayout:
    """Where everything sits on a contact sheet: thumbnails of ``thumb_size``, a label line under
    each, the grid's axes in a title line."""

    thumb_size: tuple[int, int]
    font_size: int
    columns: int
    rows: int
    pad: int = 6

    @property
    def line(self) -> int:
        return self.font_size + 5

    @property
    def size(self) -> tuple[int, int]:
        tw, th = self.thumb_size
        return (self.columns * (tw + self.pad) + self.pad,
                self.line + self.pad + self.rows * (th + self.line + self.pad) + self.pad)

    def box(self, cell: SweepCell) -> tuple[int, int, int, int]:
        """``(left, top, right, bottom)`` of the cell's thumbnail."""
        tw, th = self.thumb_size
        x = self.pad + cell.column * (tw + self.pad)
        y = self.line + 2 * self.pad + cell.row * (th + self.line + self.pad)
        return x, y, x + tw, y + th


def sheet_layout(grid: SweepGrid, image_size: tuple[int, int], thumb: int = 256) -> SheetLayout:
    """The layout for results of *image_size* whose long side is shown at *thumb* pixels."""
    w, h = image_size
    scale = thumb / max(w, h)
    rows, columns = grid.shape
    return SheetLayout((max(1, round(w * scale)), max(1, round(h * scale))), max(11, thumb // 20), columns, rows)


def contact_sheet(images: Sequence[Image.Image], cells: Sequence[SweepCell], grid: SweepGrid,
                  thumb: int = 256) -> Image.Image:
    """The results in their grid, each labelled with its values, the grid's axes written on top."""
    if len(images) != len(cells) or not images:
        raise ValueError(f"{len(images)} images for {len(cells)} cells")
    layout = sheet_layout(grid, images[0].size, thumb)
    try:
        font: ImageFont.ImageFont | ImageFont.FreeTypeFont = ImageFont.load_default(layout.font_size)
    except (TypeError, OSError):  # a Pillow without FreeType: the fixed bitmap font
        font = ImageFont.load_default()
    sheet = Image.new("RGB", layout.size, "white")
    draw = ImageDraw.Draw(sheet)
    draw.text((layout.pad, layout.pad), f"sweep {grid.text()}", fill="black", font=font)
    for image, cell in zip(images, cells, strict=True):
        left, top, right, bottom = layout.box(cell)
        sheet.paste(image.convert("RGB").resize((right - left, bottom - top), Image.Resampling.LANCZOS), (left, top))
        draw.text((left, bottom + 2), cell.label, fill="black", font=font)
    return sheet
