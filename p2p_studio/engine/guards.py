"""Guards around the engine's runs: errors in one line, numbers checked, phases timed."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

import torch

from inversion import Cancelled as LibraryCancelled
from inversion import SchedulerError, StepsError
from p2p_studio.core.errors import Cancelled, InputError, ModelError, NumericalError, OutOfMemory
from p2p_studio.core.text import Message


@contextmanager
def library_errors() -> Iterator[None]:
    """The inversion library's errors as P2P Studio's: a step count the scheduler cannot run is the
    user's input, a scheduler it cannot use is the model's, a stop is the app's :class:`Cancelled`."""
    try:
        yield
    except StepsError as exc:
        raise InputError(Message.of(exc.template, **exc.fields)) from None
    except SchedulerError as exc:
        raise ModelError(Message.of(exc.template, **exc.fields)) from None
    except LibraryCancelled as exc:
        raise Cancelled(exc.phase) from None


def require_finite(tensor: torch.Tensor, where: str) -> None:
    """Stop with :class:`NumericalError` if *tensor* holds NaN or infinity (broken weights, an
    overflow in half precision): a black or unchanged image is never delivered as a result."""
    if not bool(torch.isfinite(tensor).all()):
        raise NumericalError("the model produced NaN or infinity at {where}; nothing was written (on a GPU try "
                             "--precision fp32; otherwise the model's weights may be damaged)", where=where)


class Stopwatch:
    """Seconds per named phase of a run."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


@contextmanager
def out_of_memory_as_error(device: torch.device) -> Iterator[None]:
    """Turn the many out-of-memory exceptions into one clear :class:`OutOfMemory`."""
    try:
        yield
    except torch.OutOfMemoryError as exc:
        raise OutOfMemory(_oom_message(device)) from exc
    except RuntimeError as exc:
        if "out of memory" in str(exc).lower():
            raise OutOfMemory(_oom_message(device)) from exc
        raise


def _oom_message(device: torch.device) -> Message:
    return Message.of("the {device} device ran out of memory; try fewer edited captions, half precision, "
                      "a smaller photo size or the CPU", device=device.type)
