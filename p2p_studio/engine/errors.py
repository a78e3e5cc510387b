"""Errors the engine raises for users (defined in :mod:`p2p_studio.errors`), and cancellation."""

from __future__ import annotations

from inversion.progress import Cancelled
from p2p_studio.errors import InputError, ModelError, OutOfMemory, P2PError

__all__ = ["Cancelled", "InputError", "ModelError", "OutOfMemory", "P2PError"]
