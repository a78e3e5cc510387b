"""Atomic file writes: a crash never leaves a half-written file behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def atomic_write(path: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` for a temporary file beside *path*, then rename it over *path*."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def unique_path(folder: Path, stem: str, suffix: str, avoid: tuple[Path, ...] = ()) -> Path:
    """``folder/stem.suffix``, or ``stem-2``, ``stem-3``... if taken or in *avoid*."""
    avoid_resolved = {p.resolve() for p in avoid}
    n = 1
    while True:
        name = f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}"
        candidate = Path(folder) / name
        if not candidate.exists() and candidate.resolve() not in avoid_resolved:
            return candidate
        n += 1
