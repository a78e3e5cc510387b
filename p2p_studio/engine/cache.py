"""On-disk cache of inversion results, keyed by everything that determines them.

Each entry carries its origin (model fingerprint, photo digest and size, caption, method and
settings) in its metadata and is used only when that origin matches exactly: an entry copied,
renamed or written for another photo or model is a miss, never a wrong result.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from inversion import Conditioning, InversionResult
from p2p_studio.core.files import atomic_write, describe_os_error, remove_stale_parts

log = logging.getLogger(__name__)
ORIGIN_KEY = "p2p_origin"


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("p2p-studio", appauthor=False)) / "inversions"


def cache_origin(**parts: Any) -> str:
    """The canonical text of what an inversion was made from (image digest, caption, model...)."""
    return json.dumps(parts, sort_keys=True, default=str)


def cache_key(origin: str) -> str:
    return hashlib.sha256(origin.encode()).hexdigest()[:32]


class InversionCache:
    """Inversion results as safetensors files in one folder; unreadable, foreign or damaged
    entries count as misses, and a failed write costs only the cache entry."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_cache_dir()
        remove_stale_parts(self.folder)

    def path(self, origin: str) -> Path:
        return self.folder / f"{cache_key(origin)}.safetensors"

    def get(self, origin: str, steps: int, latent_shape: tuple[int, ...],
            empty: Conditioning, stochastic: bool = False) -> InversionResult | None:
        """The entry made from *origin*, if it holds what such an inversion holds (step count,
        latent and embedding shapes, a *stochastic* sampler's step noise, float dtypes, finite
        values); anything else is a miss, and the next :meth:`put` replaces it."""
        path = self.path(origin)
        if not path.is_file():
            return None
        try:
            if InversionResult.metadata(path).get(ORIGIN_KEY) != origin:
                return None
            result = InversionResult.load(path)
            result.check(steps, latent_shape, empty, stochastic)
        except Exception as exc:  # a damaged entry is a miss, never fatal
            log.warning("inversion cache entry %s not used: %s", path.name, exc)
            return None
        return result

    def put(self, origin: str, result: InversionResult) -> Path | None:
        """Store *result*; a failure (full disk, no permission) is logged, never raised."""
        try:
            return atomic_write(self.path(origin), lambda tmp: result.save(tmp, {ORIGIN_KEY: origin}))
        except OSError as exc:
            log.warning("inversion not cached in %s: %s", self.folder, describe_os_error(exc))
            return None
