"""The settings schema: every knob of an inversion and edit, with its bounds, default and help text.

One place for all of it (no torch, no Qt): the command line builds its options from these fields
(:mod:`p2p_studio.cli`), the app's widgets take their ranges and tooltips from them, and values
that come from a file, the command line or a widget are checked here once (:meth:`EditSettings.from_dict`,
:meth:`EditSettings.validate`). Everything past that boundary is a typed, immutable value.
"""

from __future__ import annotations

import dataclasses
import enum
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from p2p_studio.core.errors import InputError


class Method(str, enum.Enum):
    """Inversion methods. The value is the name users type."""

    NULL_TEXT = "null-text"
    NEGATIVE_PROMPT = "negative-prompt"
    DIRECT = "direct"
    DDIM = "ddim"

    @property
    def hint(self) -> str:
        """The one-line trade-off shown next to the method."""
        return _METHOD_HINTS[self]


_METHOD_HINTS = {
    Method.NULL_TEXT: "best fidelity; optimises the empty prompt per step (slowest)",
    Method.NEGATIVE_PROMPT: "fast (seconds): uses the caption as negative prompt (slightly less faithful)",
    Method.DIRECT: "fast (seconds): the source branch follows the inversion exactly",
    Method.DDIM: "plain DDIM inversion; drifts at high guidance (for comparison)",
}

class BlendMaps(str, enum.Enum):
    """Which cross-attention maps of an edited caption the local-blend mask is made from."""

    #: While injection is on, the maps the edited branch actually uses (its source's, mapped and
    #: re-weighted); after it, its own. The authors' code does this (its store is overwritten in place).
    INJECTED = "injected"
    #: Always the edited branch's own maps, as computed before injection (the paper's wording).
    OWN = "own"


class MaskKind(str, enum.Enum):
    """How the local-blend mask is made from the attention maps."""

    #: The word's cross-attention map propagated through the UNet's self-attention at a finer
    #: level, so the mask's edge follows the object instead of coarse map cells.
    REFINED = "refined"
    #: The authors' mask: the coarse cross-attention map, max-pooled, upsampled and thresholded.
    REFERENCE = "reference"

    @property
    def hint(self) -> str:
        return _MASK_HINTS[self]


_MASK_HINTS = {
    MaskKind.REFINED: "follows the object's outline (self-attention refined)",
    MaskKind.REFERENCE: "the authors' coarse mask (cross-attention cells, max-pooled)",
}

DEVICES = ("auto", "cuda", "mps", "cpu")
PRECISIONS = ("auto", "fp32", "fp16", "bf16")
SEED_LIMIT = 2**64  # torch.Generator.manual_seed takes seeds in [0, 2**64)


@dataclass(frozen=True)
class Spec:
    """Bounds and help of one numeric setting (``lo``/``hi`` inclusive unless marked open)."""

    help: str
    lo: float | None = None
    hi: float | None = None
    lo_open: bool = False
    hi_open: bool = False
    flag: str | None = None  # command-line option; None: not offered on the command line
    label: str = ""

    def display(self, name: str) -> str:
        """How field *name* is called in messages: its label and option where it has them."""
        return f"{self.label or name} ({self.flag})" if self.flag is not None else name

    def check(self, name: str, value: float) -> None:
        """Raise :class:`InputError` naming *name* unless *value* is finite and within the bounds
        (integers of any size are compared exactly, never converted to a float that overflows)."""
        if isinstance(value, float) and not math.isfinite(value):
            raise InputError(f"{name} must be a finite number, not {value}")
        low_ok = self.lo is None or (value > self.lo if self.lo_open else value >= self.lo)
        high_ok = self.hi is None or (value < self.hi if self.hi_open else value <= self.hi)
        if not (low_ok and high_ok):
            raise InputError(f"{name} must be in {self.range_text()}, not {shown(value)}")

    def range_text(self) -> str:
        left = "(" if self.lo_open else "["
        right = ")" if self.hi_open else "]"
        lo = "-inf" if self.lo is None else f"{self.lo:g}"
        hi = "inf" if self.hi is None else f"{self.hi:g}"
        return f"{left}{lo}, {hi}{right}"


def _spec(*args: Any, **kw: Any) -> dict[str, Spec]:
    """Field metadata holding the field's :class:`Spec`."""
    return {"spec": Spec(*args, **kw)}


def spec_of(cls: type, name: str) -> Spec:
    """The :class:`Spec` of field *name* of a settings dataclass."""
    spec = {f.name: f for f in dataclasses.fields(cls)}[name].metadata.get("spec")
    if not isinstance(spec, Spec):
        raise KeyError(f"{cls.__name__}.{name} has no spec")
    return spec


@dataclass(frozen=True)
class NullTextSettings:
    """Null-text optimisation (Mokady et al.); defaults are the paper's."""

    guidance: float = field(default=7.5, metadata=_spec("classifier-free guidance scale", 0, 50, lo_open=True))
    inner_steps: int = field(default=10, metadata=_spec("Adam iterations per step at most", 1, 1000))
    learning_rate: float = field(
        default=1e-2, metadata=_spec("Adam learning rate at the first step", 0, 1, lo_open=True))
    #: lr at step i is ``learning_rate * (1 - i * lr_decay)`` (floored at 10 % of it).
    lr_decay: float = field(default=1e-2, metadata=_spec("learning-rate decay per step", 0, 1))
    early_stop_epsilon: float = field(default=1e-5, metadata=_spec("stop a step's optimisation below this loss", 0, 1))
    #: the early-stop threshold grows by this much per step: ``epsilon + i * slope``.
    early_stop_slope: float = field(default=2e-5, metadata=_spec("growth of the early-stop loss per step", 0, 1))

    def lr(self, step: int) -> float:
        return self.learning_rate * max(1.0 - step * self.lr_decay, 0.1)

    def threshold(self, step: int) -> float:
        return self.early_stop_epsilon + step * self.early_stop_slope

    def validate(self) -> None:
        _check_specs(self)


@dataclass(frozen=True)
class EditSettings:
    """Every knob of an inversion + edit run. Defaults follow the papers; CHANGELOG.md records the
    measurements behind those that differ."""

    steps: int = field(default=50, metadata=_spec("denoising steps", 1, 1000, flag="--steps", label="Steps"))
    guidance: float = field(default=7.5, metadata=_spec(
        "classifier-free guidance scale", 0, 50, lo_open=True, flag="--guidance", label="Guidance"))
    method: Method = Method.NULL_TEXT
    cross: float = field(default=0.8, metadata=_spec(
        "fraction of steps (from the start) in which the caption's cross-attention maps are injected", 0, 1,
        flag="--cross", label="Cross-attention steps"))
    #: Per-word overrides of ``cross`` (edited-caption words).
    cross_words: Mapping[str, float] = field(default_factory=dict)
    self_fraction: float = field(default=0.4, metadata=_spec(
        "fraction of steps in which self-attention maps are injected", 0, 1, flag="--self",
        label="Self-attention steps"))
    #: Self-attention is injected only on maps whose side is at most this fraction of the latent side
    #: (latent/2: the null-text inversion reference's 32x32 maps at 512 px).
    self_max_scale: float = field(default=0.5, metadata=_spec(
        "largest self-attention map injected, as a fraction of the latent side", 0, 1, lo_open=True))
    blend: bool = True
    #: Local-blend words; ``None`` means the words the edit changes.
    blend_words: tuple[str, ...] | None = None
    threshold: float = field(default=0.3, metadata=_spec(
        "local-blend mask threshold", 0, 1, lo_open=True, hi_open=True, flag="--threshold", label="Blend threshold"))
    #: Threshold each word map between its minimum and maximum instead of between 0 and its maximum
    #: (the paper): where attention has a floor the paper's rule masks the whole image; where the
    #: floor is near 0, as in the paper's SD maps, both rules agree.
    mask_from_floor: bool = True
    blend_start: float = field(default=0.2, metadata=_spec(
        "fraction of steps before local blend starts", 0, 1, flag="--blend-start", label="Blend start"))
    blend_maps: BlendMaps = BlendMaps.INJECTED
    mask: MaskKind = MaskKind.REFINED
    #: Refined masks propagate the word map through self-attention maps of this side (fraction of
    #: the latent side; never coarser than the blend maps).
    refine_scale: float = field(default=0.5, metadata=_spec(
        "self-attention map side used to refine the mask, as a fraction of the latent side", 0, 1, lo_open=True))
    #: Refined masks: the latent blend cuts the map at ``threshold`` (room for the edit to form);
    #: the composite at the photo's resolution cuts the same map here, at the objects' outline.
    outline_threshold: float = field(default=0.6, metadata=_spec(
        "refined masks: threshold of the photo-size composite mask (lower keeps more around the object)",
        0, 1, lo_open=True, hi_open=True, flag="--outline-threshold", label="Outline threshold"))
    subtract_words: tuple[str, ...] = ()
    subtract_threshold: float = field(default=0.3, metadata=_spec(
        "threshold of the subtracted words' mask", 0, 1, lo_open=True, hi_open=True))
    #: Resolution of the maps used for the blend mask, as a fraction of the latent side.
    blend_scale: float = field(default=0.25, metadata=_spec(
        "blend-map side as a fraction of the latent side", 0, 1, lo_open=True))
    #: ...but never coarser than this many positions per side where the UNet has a finer level (the
    #: paper's 16: SD at 512 px is unchanged; a 64-px model blends on its 16x16 maps, not 4x4).
    blend_min_side: int = field(default=16, metadata=_spec("smallest blend-map side in positions", 1, 1024))
    #: Mask edge softening in pixels at the photo's resolution; ``None``: 0.5 % of the long side.
    feather: float | None = field(default=None, metadata=_spec("mask edge softening in pixels", 0, 1000))
    seed: int = field(default=0, metadata=_spec(
        "random seed (generate: the initial noise)", 0, SEED_LIMIT, hi_open=True, flag="--seed", label="Seed"))
    null_text: NullTextSettings = field(default_factory=NullTextSettings)

    def validate(self) -> None:
        """Raise :class:`InputError` with one line if any value is out of its bounds."""
        _check_specs(self)
        if not isinstance(self.method, Method):
            raise InputError(f"unknown inversion method {self.method!r}")
        if not isinstance(self.mask, MaskKind):
            raise InputError(f"unknown mask kind {self.mask!r}")
        for word, fraction in self.cross_words.items():
            spec_of(EditSettings, "cross").check(f"the cross-attention fraction of {word!r}", fraction)
        self.null_text.validate()

    def run_differences(self, other: EditSettings) -> list[str]:
        """The settings *other* has different from these outside :data:`PER_EDIT_FIELDS`: an edited
        caption of a batched run may set only those on its own."""
        mine, theirs = self.to_dict(), other.to_dict()
        return [k for k in mine if k not in PER_EDIT_FIELDS and mine[k] != theirs[k]]

    def replace(self, **changes: Any) -> EditSettings:
        """A copy with *changes* (plain values as from a widget or file), validated."""
        return EditSettings.from_dict({**self.to_dict(), **_plain(changes)})

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able form (stored in recipes and sessions)."""
        data = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        data["method"] = self.method.value
        data["blend_maps"] = self.blend_maps.value
        data["mask"] = self.mask.value
        data["cross_words"] = dict(self.cross_words)
        data["blend_words"] = list(self.blend_words) if self.blend_words is not None else None
        data["subtract_words"] = list(self.subtract_words)
        data["null_text"] = dataclasses.asdict(self.null_text)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EditSettings:
        """Inverse of :meth:`to_dict`, for untrusted data: unknown keys are ignored, missing keys take
        their defaults, a wrong type or an out-of-bounds value raises :class:`InputError`."""
        if not isinstance(data, Mapping):
            raise InputError("settings must be a JSON object")
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name in data:
                values[f.name] = _convert(f.name, data[f.name])
        settings = cls(**values)
        settings.validate()
        return settings

    def inversion_settings(self) -> NullTextSettings:
        return dataclasses.replace(self.null_text, guidance=self.guidance)


@dataclass(frozen=True)
class ModelChoice:
    """Which model to run, and where: the one record of it (app settings, worker, CLI)."""

    spec: str
    device: str = "auto"
    precision: str = "auto"
    cache_dir: str | None = None
    config: str | None = None  # configs for a single-file checkpoint
    allow_pickle: bool = False

    def validate(self) -> None:
        if not self.spec.strip():
            raise InputError("no model given")
        if self.device not in DEVICES:
            raise InputError(f"device must be one of {', '.join(DEVICES)}, not {self.device!r}")
        if self.precision not in PRECISIONS:
            raise InputError(f"precision must be one of {', '.join(PRECISIONS)}, not {self.precision!r}")


def _check_specs(obj: Any) -> None:
    for f in dataclasses.fields(obj):
        spec = f.metadata.get("spec")
        value = getattr(obj, f.name)
        if spec is None or value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InputError(f"{f.name} must be a number, not {shown(value)}")
        spec.check(spec.display(f.name), value)


#: What each edited caption of one batched run may set on its own (they shape its plan: injection
#: windows, blend and subtract words, blend start); the rest is shared by the run.
PER_EDIT_FIELDS = frozenset({"cross", "cross_words", "self_fraction", "blend_start", "blend", "blend_words",
                             "subtract_words"})


def _plain(changes: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(changes)
    for key in ("method", "blend_maps", "mask"):
        if isinstance(out.get(key), enum.Enum):
            out[key] = out[key].value
    if isinstance(out.get("null_text"), NullTextSettings):
        out["null_text"] = dataclasses.asdict(out["null_text"])
    return out


def _words(name: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(w, str) for w in value):
        raise InputError(f"{name} must be a list of words")
    return tuple(value)


def shown(value: Any) -> str:
    """*value* for a message: short, and never an exception (a 5,000-digit integer cannot even be
    turned into text by default)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return f"an integer of about {int(value.bit_length() * 0.30103) + 1:,} digits"
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}..."


def read_number(name: str, value: Any, integer: bool) -> int | float:
    """A number as read from a file, typed for its field: a whole-number field takes only integers
    (never ``3.0``, never ``true``); a real field takes reals and integers that fit a float, never
    NaN or infinity. Bounds are the field's :class:`Spec`'s business."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(f"{name} must be a number, not {shown(value)}")
    if integer:
        if not isinstance(value, int):
            raise InputError(f"{name} must be a whole number, not {shown(value)}")
        return value
    try:
        return float(value)
    except OverflowError:
        raise InputError(f"{name} is out of range ({shown(value)})") from None



def _convert(name: str, value: Any) -> Any:
    """One field's plain value as its typed value (types only; bounds are checked by validate)."""
    if name == "method":
        try:
            return Method(value)
        except ValueError:
            names = ", ".join(m.value for m in Method)
            raise InputError(f"unknown inversion method {shown(value)}; use {names}") from None
    if name == "blend_maps":
        try:
            return BlendMaps(value)
        except ValueError:
            raise InputError(f"blend_maps must be one of {', '.join(b.value for b in BlendMaps)}") from None
    if name == "mask":
        try:
            return MaskKind(value)
        except ValueError:
            names = ", ".join(m.value for m in MaskKind)
            raise InputError(f"mask must be one of {names}, not {shown(value)}") from None
    if name in ("blend", "mask_from_floor"):
        if not isinstance(value, bool):
            raise InputError(f"{name} must be true or false, not {shown(value)}")
        return value
    if name == "blend_words":
        return None if value is None else _words(name, value)
    if name == "subtract_words":
        return _words(name, value)
    if name == "cross_words":
        if not isinstance(value, Mapping) or not all(isinstance(k, str) for k in value):
            raise InputError("cross_words must map words to fractions")
        return {k: read_number(f"cross fraction of {k!r}", v, False) for k, v in value.items()}
    if name == "null_text":
        if not isinstance(value, Mapping):
            raise InputError("null_text must be a JSON object")
        fields = {f.name: f for f in dataclasses.fields(NullTextSettings)}
        known: dict[str, Any] = {k: read_number(k, v, fields[k].type == "int") for k, v in value.items() if k in fields}
        return NullTextSettings(**known)
    if name == "feather" and value is None:
        return None
    return read_number(name, value, EditSettings.__dataclass_fields__[name].type == "int")
