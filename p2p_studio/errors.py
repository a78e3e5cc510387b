"""Errors shown to users: each carries one clear line of text (no torch, no Qt: every layer uses them)."""

from __future__ import annotations


class P2PError(Exception):
    """Base class: ``str(error)`` is a complete one-line message for the user."""

    exit_code = 1


class InputError(P2PError):
    """Bad photo, caption or parameter."""

    exit_code = 2


class ModelError(P2PError):
    """The model cannot be found, downloaded or read."""

    exit_code = 2


class OutOfMemory(P2PError):
    """The device ran out of memory."""

    exit_code = 3
