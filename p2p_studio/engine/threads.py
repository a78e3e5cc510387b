"""How many CPU threads the engine uses, chosen per model.

Measured on a 2-core machine (CHANGELOG.md, issue 21): a model as small as the demo's (3 M UNet
parameters) runs as fast on one thread as on two, and two such processes with two threads each
collapse to a third of their speed (OpenMP threads spin waiting for a descheduled sibling); an
SD-sized UNet runs twice as fast on two threads. So: one thread for small models, every core this
process may use for large ones; ``P2P_STUDIO_THREADS`` or ``OMP_NUM_THREADS`` override both.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

import torch

THREADS_ENV = "P2P_STUDIO_THREADS"
#: Below this many UNet parameters one thread is as fast as several (per-operation work is small).
SMALL_MODEL_PARAMETERS = 50_000_000


def available_cores() -> int:
    """Cores this process may run on (its affinity mask where the OS has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def choose_threads(parameters: int, env: Mapping[str, str] | None = None) -> int:
    """Intra-op threads for a UNet of *parameters* parameters on the CPU."""
    env = os.environ if env is None else env
    for name in (THREADS_ENV, "OMP_NUM_THREADS"):
        value = env.get(name, "").strip()
        if value.isdigit() and int(value) > 0:
            return int(value)
    return 1 if parameters < SMALL_MODEL_PARAMETERS else available_cores()


def use_threads_for(unet: torch.nn.Module, device: torch.device) -> int:
    """Set torch's CPU thread count for *unet*; returns it (unchanged off the CPU)."""
    if device.type == "cpu":
        torch.set_num_threads(choose_threads(sum(p.numel() for p in unet.parameters())))
    return torch.get_num_threads()
