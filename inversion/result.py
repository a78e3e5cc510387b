"""The outcome of inverting a photo, and its (de)serialisation for the on-disk cache."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file

from inversion.conditioning import Conditioning
from inversion.settings import Method


class Unconditional(str, Enum):
    """What plays the role of the unconditional embedding at edit time."""

    EMPTY = "empty"  #: the embedding of "" (plain CFG)
    OPTIMISED = "optimised"  #: null-text: one optimised embedding per step
    SOURCE = "source"  #: negative-prompt inversion: the source caption's embedding


@dataclass
class InversionResult:
    """Trajectory ``[x_T .. x_0]`` plus what sampling needs to follow it back."""

    method: Method
    trajectory: list[torch.Tensor]
    unconditional: Unconditional
    guidance: float
    #: Null-text: the optimised unconditional conditioning of each step (without time ids: the
    #: run's are used, see :meth:`unconditional_at`).
    optimised: list[Conditioning] = field(default_factory=list)
    #: Direct inversion: pin the source branch to the trajectory after every step.
    pin_source: bool = False
    #: A stochastic sampler's noise of each step (after noise correction); empty for a
    #: deterministic one.
    step_noise: list[torch.Tensor] = field(default_factory=list)

    @property
    def num_steps(self) -> int:
        return len(self.trajectory) - 1

    @property
    def noise(self) -> torch.Tensor:
        return self.trajectory[0]

    def check(self, steps: int, latent_shape: tuple[int, ...], empty: Conditioning, stochastic: bool = False) -> None:
        """Raise ``ValueError`` unless this result fits an inversion of *steps* steps of latents of
        *latent_shape* for a model whose unconditional conditioning is like *empty* (and a
        *stochastic* sampler's noise): counts, shapes, floating-point dtypes and finite values (a
        result read from a file is untrusted)."""
        if self.num_steps != steps:
            raise ValueError(f"{self.num_steps} steps, not {steps}")
        noises = steps if stochastic else 0
        if len(self.step_noise) != noises:
            raise ValueError(f"{len(self.step_noise)} step noises, not {noises}")
        optimised = steps if self.unconditional is Unconditional.OPTIMISED else 0
        if len(self.optimised) != optimised:
            raise ValueError(f"{len(self.optimised)} optimised embeddings, not {optimised}")
        checks = [("latent", t, latent_shape) for t in self.trajectory]
        checks += [("step noise", t, latent_shape) for t in self.step_noise]
        for u in self.optimised:
            checks.append(("embedding", u.states, tuple(empty.states.shape)))
            if (u.pooled is None) != (empty.pooled is None):
                raise ValueError("an optimised embedding with or without a pooled embedding, unlike the model's")
            if u.pooled is not None and empty.pooled is not None:
                checks.append(("pooled embedding", u.pooled, tuple(empty.pooled.shape)))
        for what, t, shape in checks:
            if tuple(t.shape) != tuple(shape) or not t.dtype.is_floating_point:
                raise ValueError(f"a {what} of shape {tuple(t.shape)} ({t.dtype}), not {tuple(shape)}")
            if not bool(torch.isfinite(t).all()):
                raise ValueError(f"a {what} holds NaN or infinity")

    def unconditional_at(self, step: int, empty: Conditioning, source: Conditioning) -> Conditioning:
        """The unconditional conditioning at *step*, given the "" and source conditionings (whose
        time ids, the run's, every returned value carries)."""
        if self.unconditional is Unconditional.OPTIMISED:
            return replace(self.optimised[step].to(empty.states.device), time_ids=empty.time_ids)
        if self.unconditional is Unconditional.SOURCE:
            return source
        return empty

    def save(self, path: Path, extra: dict[str, str] | None = None) -> None:
        """Write the result as safetensors; *extra* goes into the file's metadata as it is."""
        tensors = {f"trajectory.{i}": t.contiguous() for i, t in enumerate(self.trajectory)}
        tensors.update({f"optimised.{i}": u.states.contiguous() for i, u in enumerate(self.optimised)})
        tensors.update({f"optimised_pooled.{i}": u.pooled.contiguous()
                        for i, u in enumerate(self.optimised) if u.pooled is not None})
        meta = {
            "method": self.method.value,
            "unconditional": self.unconditional.value,
            "guidance": repr(self.guidance),
            "pin_source": json.dumps(self.pin_source),
            **(extra or {}),
        }
        save_file(tensors, str(path), metadata=meta)

    @staticmethod
    def metadata(path: Path) -> dict[str, str]:
        """The metadata of a file written by :meth:`save` (read without loading the tensors)."""
        from safetensors import safe_open

        with safe_open(str(path), framework="pt") as f:
            return dict(f.metadata() or {})

    @classmethod
    def load(cls, path: Path) -> InversionResult:
        from safetensors import safe_open

        with safe_open(str(path), framework="pt") as f:
            meta = f.metadata()
        tensors = load_file(str(path))

        def series(prefix: str) -> list[torch.Tensor]:
            keys = sorted((k for k in tensors if k.startswith(prefix)), key=lambda k: int(k.split(".")[1]))
            return [tensors[k] for k in keys]

        pooled = series("optimised_pooled.")
        states = series("optimised.")
        if pooled and len(pooled) != len(states):
            raise ValueError(f"{len(pooled)} pooled embeddings for {len(states)} optimised steps")

        return cls(
            method=Method(meta["method"]),
            trajectory=series("trajectory."),
            unconditional=Unconditional(meta["unconditional"]),
            guidance=float(meta["guidance"]),
            optimised=[Conditioning(s, pooled[i] if pooled else None) for i, s in enumerate(states)],
            pin_source=json.loads(meta["pin_source"]),
            step_noise=series("step_noise."),
        )
