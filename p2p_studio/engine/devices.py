"""Where a model runs: the device, the precision, and quiet libraries."""

from __future__ import annotations

import torch

from p2p_studio.core.errors import InputError


def quiet_libraries() -> None:
    """Silence the libraries' loading bars and advisory warnings: our own progress reporting
    replaces them (and a windowed app on Windows has no stderr for them to write to)."""
    import logging
    import warnings

    from diffusers.utils import logging as dlog
    from transformers.utils import logging as tlog

    for library in ("diffusers", "transformers", "huggingface_hub", "accelerate"):
        warnings.filterwarnings("ignore", category=FutureWarning, module=library)
    for lib in (tlog, dlog):
        lib.set_verbosity_error()
        lib.disable_progress_bar()
    logging.getLogger("transformers").setLevel(logging.ERROR)


def pick_device(name: str = "auto") -> torch.device:
    """``auto`` picks cuda, then mps, then cpu; an explicit device must be available."""
    if name == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
            return torch.device("mps")
        return torch.device("cpu")
    if name == "cuda" and not torch.cuda.is_available():
        raise InputError("device 'cuda' requested but no CUDA GPU is available to PyTorch")
    if name == "mps" and not (getattr(torch.backends, "mps", None) and torch.backends.mps.is_available()):
        raise InputError("device 'mps' requested but Apple's Metal backend is not available")
    if name not in ("cuda", "mps", "cpu"):
        raise InputError("unknown device {name!r}; use auto, cuda, mps or cpu", name=name)
    return torch.device(name)


def pick_dtype(device: torch.device, precision: str = "auto") -> torch.dtype:
    """Half precision on a GPU by default, fp32 on the CPU."""
    table = {"fp32": torch.float32, "fp16": torch.float16, "bf16": torch.bfloat16}
    if precision == "auto":
        return torch.float16 if device.type in ("cuda", "mps") else torch.float32
    if precision not in table:
        raise InputError("unknown precision {precision!r}; use auto, fp32, fp16 or bf16", precision=precision)
    return table[precision]
