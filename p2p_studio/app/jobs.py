"""Messages between the UI thread and the engine worker (no torch, no Qt): one typed request per
job kind, and what comes back. Only :mod:`p2p_studio.app.worker` turns requests into engine calls.
"""

from __future__ import annotations

import enum
import itertools
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import numpy as np
from PIL import Image

from p2p_studio.core.errors import ErrorKind
from p2p_studio.core.photos import LoadedPhoto
from p2p_studio.core.recipe import FoundLoras, Recipe
from p2p_studio.core.results import EditResult
from p2p_studio.core.settings import EditSettings, ModelChoice, ModelDefaults
from p2p_studio.core.sweep import SweepCell, SweepGrid
from p2p_studio.core.text import Message


class JobKind(enum.Enum):
    LOAD_MODEL = "load-model"
    INVERT = "invert"
    EDIT = "edit"
    SWEEP = "sweep"
    EXPORT = "export"
    READ_RECIPE = "read-recipe"
    OPEN_PHOTO = "open-photo"

    @property
    def on_file_thread(self) -> bool:
        """File jobs run on their own thread, never behind an inversion on the engine's."""
        return self in (JobKind.EXPORT, JobKind.READ_RECIPE, JobKind.OPEN_PHOTO)


class InversionState(enum.Enum):
    NONE = "none"
    STALE = "stale"  # a caption was typed: the inversion starts when typing pauses
    QUEUED = "queued"
    RUNNING = "running"
    READY = "ready"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def active(self) -> bool:
        return self in (InversionState.QUEUED, InversionState.RUNNING)


@dataclass(frozen=True)
class LoadModel:
    kind: ClassVar[JobKind] = JobKind.LOAD_MODEL
    choice: ModelChoice

    def label(self) -> Message:
        """What the status line says while the job runs."""
        return Message.of("Loading model")


@dataclass(frozen=True)
class Invert:
    kind: ClassVar[JobKind] = JobKind.INVERT
    photo: Image.Image
    photo_key: str
    caption: str
    settings: EditSettings

    def label(self) -> Message:
        return Message.of("Inverting the photo")


@dataclass(frozen=True)
class Edit:
    kind: ClassVar[JobKind] = JobKind.EDIT
    photo: Image.Image
    photo_key: str
    caption: str
    edit: str
    settings: EditSettings
    #: A hand-painted blend mask (float [0, 1] at the photo's resolution), or None.
    mask: np.ndarray | None = None

    @property
    def painted(self) -> bool:
        return self.mask is not None

    def label(self) -> Message:
        return Message.of("Editing: {edit}", edit=self.edit)


@dataclass(frozen=True)
class Sweep:
    """A parameter sweep of one edited caption: every cell in batched runs from one inversion."""

    kind: ClassVar[JobKind] = JobKind.SWEEP
    photo: Image.Image
    photo_key: str
    caption: str
    grid: SweepGrid
    cells: tuple[SweepCell, ...]
    settings: EditSettings

    def label(self) -> Message:
        return Message.of("Sweeping {cells} cells: {grid}", cells=len(self.cells), grid=self.grid.text())


@dataclass(frozen=True)
class SweepDone:
    """A finished sweep: each cell's result (with its own settings) and a thumbnail for the sheet."""

    grid: SweepGrid
    cells: tuple[SweepCell, ...]
    results: tuple[EditResult, ...]
    thumbnails: tuple[Image.Image, ...]
    seconds: float


@dataclass(frozen=True)
class Export:
    kind: ClassVar[JobKind] = JobKind.EXPORT
    path: Path
    image: Image.Image
    recipe: Recipe

    def label(self) -> Message:
        return Message.of("Saving")


@dataclass(frozen=True)
class ReadRecipe:
    """Read a PNG's recipe and look its LoRAs up in *lora_folders* (hashing them: off the UI thread)."""

    kind: ClassVar[JobKind] = JobKind.READ_RECIPE
    path: Path
    lora_folders: tuple[Path, ...] = ()

    def label(self) -> Message:
        return Message.of("Reading recipe")


@dataclass(frozen=True)
class FoundRecipe:
    """A recipe read from a PNG, with its LoRAs looked up among the user's."""

    recipe: Recipe
    loras: FoundLoras
    folders: tuple[Path, ...] = ()


@dataclass(frozen=True)
class OpenPhoto:
    """Read and decode a photo file (or pasted PNG bytes) off the UI thread."""

    kind: ClassVar[JobKind] = JobKind.OPEN_PHOTO
    source: Path | bytes

    def label(self) -> Message:
        return Message.of("Opening the photo")


JobParams = LoadModel | Invert | Edit | Sweep | Export | ReadRecipe | OpenPhoto


@dataclass
class Job:
    """One request to the worker. Its cancel event is the only state both threads touch."""

    params: JobParams
    id: int = 0
    cancel_event: threading.Event = field(default_factory=threading.Event, repr=False)

    @property
    def kind(self) -> JobKind:
        return self.params.kind

    def cancel(self) -> None:
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()


class JobIds:
    """Hands out increasing job ids (one counter per worker, not a module global)."""

    def __init__(self) -> None:
        self._counter = itertools.count(1)
        self._lock = threading.Lock()

    def next(self) -> int:
        with self._lock:
            return next(self._counter)


@dataclass(frozen=True)
class ProgressReport:
    job_id: int
    kind: JobKind
    text: str
    fraction: float
    eta_seconds: float


@dataclass(frozen=True)
class Preview:
    """A glimpse of an edit while it runs (the latent's resolution), at *step* of *total*."""

    job_id: int
    image: Image.Image
    step: int
    total: int


@dataclass(frozen=True)
class Failure:
    """Why a job failed: the kind decides the hint, the message is one line for the user."""

    kind: ErrorKind
    message: Message


@dataclass(frozen=True)
class ModelInfo:
    """The loaded model, as the app shows it."""

    choice: ModelChoice
    name: str
    device: str
    dtype: str
    native_size: int
    max_tokens: int
    prediction: str
    #: ``sd1``, ``sd2`` or ``sdxl``.
    kind: str = ""
    #: The sampler runs use (``ddim``, ``euler``, ``euler-a``, ``lcm``).
    sampler: str = "ddim"
    #: The sampler adds noise each step: null-text inversion cannot run (ReNoise is the faithful one).
    stochastic: bool = False
    #: What the model suggests for steps, guidance and inversion.
    defaults: ModelDefaults = field(default_factory=ModelDefaults)
    #: Seconds of one batch-1 UNet evaluation at the native size, measured when the model loaded.
    row_seconds: float = 0.0
    #: UNet evaluations of an edit of a photo at :attr:`defaults` (one edited caption; at most).
    default_rows: int = 0
    #: UNet evaluations the edited-region redraw adds to such an edit where it applies.
    region_rows: int = 0
    #: What draws the previews ("the model's VAE", or the tiny decoder's name), and why a preview
    #: decoder asked for is not used ("" when there is nothing to say).
    previews: str = "the model's VAE"
    previews_note: Message | None = None

    @property
    def expected_edit(self) -> Message | None:
        """The expected time of an edit at the model's defaults here, in one line (``None`` unmeasured)."""
        if self.row_seconds <= 0 or self.default_rows <= 0:
            return None
        amount = _duration(self.row_seconds * self.default_rows)
        return Message.of("An edit of a photo at this model's defaults ({settings}) takes up to {time} on {device}: "
                          "{rows} UNet evaluations of {row:.3g} s each." if self.defaults.method.value == "null-text"
                          else "An edit of a photo at this model's defaults ({settings}) takes about {time} on "
                          "{device}: {rows} UNet evaluations of {row:.3g} s each.",
                          settings=self.defaults.describe(), time=amount, device=self.device, rows=self.default_rows,
                          row=self.row_seconds)

    @property
    def expected_region(self) -> Message | None:
        """What redrawing the edited region of a large photo adds to :attr:`expected_edit`."""
        if self.row_seconds <= 0 or self.region_rows <= 0:
            return None
        return Message.of("Redrawing the edited region of a large photo (Detail: auto or region) adds about {time} "
                          "({rows} evaluations).", time=_duration(self.row_seconds * self.region_rows),
                          rows=self.region_rows)


@dataclass(frozen=True)
class Inverted:
    """An inversion finished (or came from the cache)."""

    caption: str
    cached: bool
    seconds: float


@dataclass(frozen=True)
class WordWarnings:
    """Lines about words the text encoder is likely to misread, per caption."""

    caption: tuple[Message, ...] = ()
    edit: tuple[Message, ...] = ()


@dataclass(frozen=True)
class Plan:
    """The answer to a plan request: one line, or one error line (``None`` where the edited caption
    is empty or changes nothing: no plan to show); and the words the text encoder is likely to
    misread, one line each: the caption's, and the edited caption's that the caption does not have."""

    request: int
    text: Message | None
    is_error: bool
    words: WordWarnings = WordWarnings()


JobPayload = ModelInfo | Inverted | EditResult | SweepDone | Path | FoundRecipe | LoadedPhoto | None


def _duration(seconds: float) -> Message:
    """``4.2 s`` or ``3 min 12 s``."""
    if seconds < 60:
        return Message.of("{seconds:.2g} s", seconds=seconds)
    minutes, rest = divmod(round(seconds), 60)
    return Message.of("{minutes} min {seconds} s", minutes=minutes, seconds=rest)
