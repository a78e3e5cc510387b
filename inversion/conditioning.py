"""What a UNet is conditioned on, as one typed value instead of tensors with hidden rows.

SD 1.x/2.x UNets take the text encoder's token states. SDXL's also take a pooled text embedding
and six "time ids" (original size, crop, target size) as added conditioning. Carrying all three
together lets guidance, batching and null-text optimisation treat every model alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import torch


@dataclass(frozen=True)
class Conditioning:
    """Text conditioning of ``n`` rows: token states ``(n, L, D)``; for SDXL-style UNets also the
    pooled embedding ``(n, P)`` and the time ids ``(1, k)`` (one set for the whole batch)."""

    states: torch.Tensor
    pooled: torch.Tensor | None = None
    time_ids: torch.Tensor | None = None

    def __post_init__(self) -> None:
        if self.states.ndim != 3:
            raise ValueError(f"token states must be (n, tokens, width), not {tuple(self.states.shape)}")
        if self.pooled is not None and (self.pooled.ndim != 2 or self.pooled.shape[0] != self.rows):
            raise ValueError(f"the pooled embedding must be ({self.rows}, width), not {tuple(self.pooled.shape)}")

    @property
    def rows(self) -> int:
        return int(self.states.shape[0])

    def __getitem__(self, rows: slice) -> Conditioning:
        return replace(self, states=self.states[rows], pooled=None if self.pooled is None else self.pooled[rows])

    def expand(self, n: int) -> Conditioning:
        """The same conditioning for *n* rows (a one-row conditioning is broadcast)."""
        if self.rows == n:
            return self
        if self.rows != 1:
            raise ValueError(f"cannot expand {self.rows} rows of conditioning to {n}")
        return replace(self, states=self.states.expand(n, -1, -1),
                       pooled=None if self.pooled is None else self.pooled.expand(n, -1))

    @staticmethod
    def cat(parts: Sequence[Conditioning]) -> Conditioning:
        """Rows of several conditionings, in order (their time ids must agree; the first's are kept)."""
        first = parts[0]
        pooled = None if first.pooled is None else torch.cat([_pooled(p) for p in parts])
        return replace(first, states=torch.cat([p.states for p in parts]), pooled=pooled)

    def to(self, device: torch.device | str | None = None, dtype: torch.dtype | None = None) -> Conditioning:
        return self._map(lambda t: t.to(device=device, dtype=dtype))

    def detach(self) -> Conditioning:
        return self._map(torch.Tensor.detach)

    def float(self) -> Conditioning:
        return self._map(torch.Tensor.float)

    def cpu(self) -> Conditioning:
        return self._map(torch.Tensor.cpu)

    def trainable(self) -> list[torch.Tensor]:
        """The tensors an optimiser may change: the token states and the pooled embedding."""
        return [self.states] + ([self.pooled] if self.pooled is not None else [])

    def unet_kwargs(self, device: torch.device, dtype: torch.dtype) -> dict[str, Any]:
        """Keyword arguments of a diffusers UNet call for these rows."""
        kwargs: dict[str, Any] = {"encoder_hidden_states": self.states.to(device, dtype)}
        if self.pooled is not None:
            if self.time_ids is None:
                raise ValueError("SDXL-style conditioning needs time ids (the photo's size); none were given")
            time_ids = self.time_ids.to(device, dtype).expand(self.rows, -1)
            kwargs["added_cond_kwargs"] = {"text_embeds": self.pooled.to(device, dtype), "time_ids": time_ids}
        return kwargs

    def _map(self, fn: Any) -> Conditioning:
        return Conditioning(fn(self.states), None if self.pooled is None else fn(self.pooled),
                            None if self.time_ids is None else fn(self.time_ids))


def _pooled(part: Conditioning) -> torch.Tensor:
    if part.pooled is None:
        raise ValueError("cannot join conditioning with and without a pooled embedding")
    return part.pooled
