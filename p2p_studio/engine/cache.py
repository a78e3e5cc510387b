"""On-disk cache of inversion results, keyed by everything that determines them."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from p2p_studio.core.files import atomic_write
from p2p_studio.inversion import InversionResult


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("p2p-studio", appauthor=False)) / "inversions"


def cache_key(**parts: Any) -> str:
    """Stable hash of JSON-serialisable key parts (image digest, caption, model, method...)."""
    blob = json.dumps(parts, sort_keys=True, default=str).encode()
    return hashlib.sha256(blob).hexdigest()[:32]


class InversionCache:
    """Inversion results as safetensors files in one folder; unreadable entries count as misses."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_cache_dir()

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.safetensors"

    def get(self, key: str) -> InversionResult | None:
        path = self.path(key)
        if not path.is_file():
            return None
        try:
            return InversionResult.load(path)
        except Exception:  # a damaged entry is dropped, never fatal
            path.unlink(missing_ok=True)
            return None

    def put(self, key: str, result: InversionResult) -> Path:
        return atomic_write(self.path(key), result.save)
