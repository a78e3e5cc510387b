"""Which inversion, and the knobs of null-text optimisation (plain values, no validation schema:
an application checks its users' input before it builds these)."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Method(str, enum.Enum):
    """Inversion methods; the value is the usual name."""

    NULL_TEXT = "null-text"  #: Mokady et al.: optimise the unconditional embedding per step
    NEGATIVE_PROMPT = "negative-prompt"  #: Miyake et al.: the caption as the unconditional embedding
    DIRECT = "direct"  #: Ju et al. (PnP inversion): pin the source branch to the inversion
    DDIM = "ddim"  #: plain DDIM inversion
    RENOISE = "renoise"  #: Garibi et al.: fixed-point iteration per step, for few-step models too


@dataclass(frozen=True)
class NullTextSettings:
    """Guidance and the optimiser of null-text inversion; defaults are the paper's."""

    guidance: float = 7.5
    inner_steps: int = 10
    learning_rate: float = 1e-2
    #: lr at step i is ``learning_rate * (1 - i * lr_decay)`` (floored at 10 % of it).
    lr_decay: float = 1e-2
    early_stop_epsilon: float = 1e-5
    #: the early-stop threshold grows by this much per step: ``epsilon + i * slope``.
    early_stop_slope: float = 2e-5

    def lr(self, step: int) -> float:
        return self.learning_rate * max(1.0 - step * self.lr_decay, 0.1)

    def threshold(self, step: int) -> float:
        return self.early_stop_epsilon + step * self.early_stop_slope
