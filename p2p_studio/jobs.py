"""Jobs the desktop app hands to its engine worker, and what comes back (no torch, no Qt).

Widgets build these plain requests; only :mod:`p2p_studio.worker` turns them into engine calls.
"""

from __future__ import annotations

import enum
import itertools
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image


class JobState(enum.Enum):
    QUEUED = "queued"
    RUNNING = "running"
    FINISHED = "finished"
    CANCELLED = "cancelled"
    FAILED = "failed"


class JobKind(enum.Enum):
    LOAD_MODEL = "load-model"
    PLAN = "plan"
    INVERT = "invert"
    EDIT = "edit"
    EXPORT = "export"
    READ_RECIPE = "read-recipe"


@dataclass
class Job:
    """One request to the worker. ``params`` depend on the kind (see :mod:`p2p_studio.worker`)."""

    kind: JobKind
    params: dict[str, Any]
    id: int = 0
    state: JobState = JobState.QUEUED
    cancel_event: threading.Event = field(default_factory=threading.Event, repr=False)

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


@dataclass
class WordMap:
    """Where one word of a caption attends: ``(h, w)`` map normalised to [0, 1]."""

    prompt: int  # 0: the source caption, 1..: edited captions
    word: str
    index: int  # word index in its caption
    heat: np.ndarray


@dataclass
class EditOutcome:
    """A finished edit, in display-ready form."""

    caption: str
    edit: str
    settings: dict[str, Any]
    plan: str
    image: Image.Image  # full resolution
    reconstruction: Image.Image
    mask: Image.Image | None  # alpha at full resolution (L), None without local blend
    word_maps: list[WordMap]
    seconds: float
    inversion_cached: bool


@dataclass
class ExportRequest:
    path: Path
    image: Image.Image
    caption: str
    edit: str
    settings: dict[str, Any]
    photo_sha256: str
    model: str
