"""Errors shown to users: each carries one clear line of text (no torch, no Qt: every layer uses them)."""

from __future__ import annotations

import enum

from p2p_studio.core.text import Message


class ErrorKind(enum.Enum):
    """What went wrong, as the app reacts to it (hints, retry, whether to show the log)."""

    INPUT = "input"
    MODEL = "model"
    OUT_OF_MEMORY = "out-of-memory"
    CANCELLED = "cancelled"
    INTERNAL = "internal"


class P2PError(Exception):
    """Base class: ``str(error)`` is a complete one-line message for the user, in English;
    :attr:`message` is the same line as a template and fields, for the app to translate."""

    exit_code = 1
    kind = ErrorKind.INTERNAL

    def __init__(self, message: str | Message = "", /, **fields: object) -> None:
        self.message = message if isinstance(message, Message) else Message.of(message, **fields)
        super().__init__(str(self.message))


class InputError(P2PError):
    """Bad photo, caption or parameter."""

    exit_code = 2
    kind = ErrorKind.INPUT


class ModelError(P2PError):
    """The model cannot be found, downloaded or read."""

    exit_code = 2
    kind = ErrorKind.MODEL


class NumericalError(P2PError):
    """The model produced NaN or infinity (broken weights, fp16 overflow): nothing is written."""

    exit_code = 1
    kind = ErrorKind.MODEL


class OutOfMemory(P2PError):
    """The device ran out of memory."""

    exit_code = 3
    kind = ErrorKind.OUT_OF_MEMORY


class Cancelled(Exception):
    """Raised inside a loop when its ``should_stop`` callback asks it to stop."""

    kind = ErrorKind.CANCELLED

    def __init__(self, phase: str = "") -> None:
        super().__init__(f"{phase or 'run'} cancelled")
        self.phase = phase


def first_line(exc: BaseException) -> str:
    """The first line of an exception's text (its type's name when it has none)."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def unexpected(exc: BaseException) -> str:
    """One line for an exception nobody foresaw (a bug): its type and first line, never a traceback."""
    return f"unexpected error ({type(exc).__name__}: {first_line(exc)})"
