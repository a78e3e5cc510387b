"""The settings schema: every knob of an inversion and edit, with its bounds, default and help text.

One place for all of it (no torch, no Qt): the command line builds its options from these fields
(:mod:`p2p_studio.cli`), the app's widgets take their ranges and tooltips from them, and values
that come from a file, the command line or a widget are checked once, by the validator
:mod:`p2p_studio.core.schema` builds from these fields (:meth:`EditSettings.from_dict`,
:meth:`EditSettings.validate`). Everything past that boundary is a typed, immutable value.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from p2p_studio.core.errors import InputError
from p2p_studio.core.schema import Spec, read_into, read_number, shown, spec_field, spec_of
from p2p_studio.core.text import Message, joined

__all__ = ["DEVICES", "FEW_STEPS", "LORA_SCALE", "MODEL_DEFAULT_FIELDS", "PER_EDIT_FIELDS", "PRECISIONS", "SAMPLERS",
           "SEED_LIMIT", "BlendMaps", "Detail", "EditSettings", "LoraChoice", "MaskKind", "Method", "ModelChoice",
           "ModelDefaults", "NullTextSettings", "Spec", "read_number", "shown", "spec_of"]


class Method(str, enum.Enum):
    """Inversion methods. The value is the name users type."""

    NULL_TEXT = "null-text"
    NEGATIVE_PROMPT = "negative-prompt"
    DIRECT = "direct"
    DDIM = "ddim"
    RENOISE = "renoise"

    @property
    def hint(self) -> str:
        """The one-line trade-off shown next to the method."""
        return _METHOD_HINTS[self]


_METHOD_HINTS = {
    Method.NULL_TEXT: "best fidelity; optimises the empty prompt per step (slowest)",
    Method.NEGATIVE_PROMPT: "fast (seconds): uses the caption as negative prompt (slightly less faithful)",
    Method.DIRECT: "fast (seconds): the source branch follows the inversion exactly",
    Method.DDIM: "plain DDIM inversion; drifts at high guidance (for comparison)",
    Method.RENOISE: "fast and faithful at few steps: re-evaluates each inversion step (ReNoise)",
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

class Detail(str, enum.Enum):
    """Where the edit is generated at the model's working size (see :mod:`p2p_studio.core.detail`)."""

    #: The edited region where it adds detail (a photo well above the working size, a small mask).
    AUTO = "auto"
    #: The whole photo at the working size, scaled up into the photo (the authors' way).
    WHOLE = "whole"
    #: The region around the mask redrawn at the working size from the edit and put back.
    REGION = "region"

    @property
    def hint(self) -> str:
        return _DETAIL_HINTS[self]


_DETAIL_HINTS = {
    Detail.AUTO: "the region around the edit redrawn when the photo is well above the model's size and "
                 "the edit small",
    Detail.WHOLE: "the whole photo at the model's size, scaled up (fastest)",
    Detail.REGION: "the region around the edit, redrawn at the model's size whenever that adds detail",
}

DEVICES = ("auto", "cuda", "mps", "cpu")
PRECISIONS = ("auto", "fp32", "fp16", "bf16")
#: Samplers: ``auto`` is the model's own (DDIM for schedulers the engine does not run; LCM with an
#: LCM-LoRA); the others as :class:`inversion.Sampler` names them.
SAMPLERS = ("auto", "ddim", "euler", "euler-a", "lcm")
#: A LoRA's scale is in this range (negative scales invert a style; beyond 4 images break).
LORA_SCALE = (-4.0, 4.0)
SEED_LIMIT = 2**64  # torch.Generator.manual_seed takes seeds in [0, 2**64)


@dataclass(frozen=True)
class NullTextSettings:
    """Null-text optimisation (Mokady et al.); defaults are the paper's."""

    guidance: float = field(default=7.5, metadata=spec_field("classifier-free guidance scale", 0, 50))
    inner_steps: int = field(default=10, metadata=spec_field("Adam iterations per step at most", 1, 1000))
    learning_rate: float = field(
        default=1e-2, metadata=spec_field("Adam learning rate at the first step", 0, 1, lo_open=True))
    #: lr at step i is ``learning_rate * (1 - i * lr_decay)`` (floored at 10 % of it).
    lr_decay: float = field(default=1e-2, metadata=spec_field("learning-rate decay per step", 0, 1))
    early_stop_epsilon: float = field(
        default=1e-5, metadata=spec_field("stop a step's optimisation below this loss", 0, 1))
    #: the early-stop threshold grows by this much per step: ``epsilon + i * slope``.
    early_stop_slope: float = field(default=2e-5, metadata=spec_field("growth of the early-stop loss per step", 0, 1))

    def lr(self, step: int) -> float:
        return self.learning_rate * max(1.0 - step * self.lr_decay, 0.1)

    def threshold(self, step: int) -> float:
        return self.early_stop_epsilon + step * self.early_stop_slope


@dataclass(frozen=True)
class EditSettings:
    """Every knob of an inversion + edit run. Defaults follow the papers; CHANGELOG.md records the
    measurements behind those that differ."""

    steps: int = field(default=50, metadata=spec_field("denoising steps", 1, 1000, flag="--steps", label="Steps"))
    guidance: float = field(default=7.5, metadata=spec_field(
        "classifier-free guidance scale (1 or below: none, the conditional prediction alone)", 0, 50,
        flag="--guidance", label="Guidance"))
    method: Method = Method.NULL_TEXT
    cross: float = field(default=0.8, metadata=spec_field(
        "fraction of steps (from the start) in which the caption's cross-attention maps are injected", 0, 1,
        flag="--cross", label="Cross-attention steps"))
    #: Per-word overrides of ``cross`` (edited-caption words).
    cross_words: Mapping[str, float] = field(default_factory=dict, metadata=spec_field(
        "fraction of steps in which one word's cross-attention map is injected", 0, 1,
        label="cross-attention fraction"))
    self_fraction: float = field(default=0.4, metadata=spec_field(
        "fraction of steps in which self-attention maps are injected", 0, 1, flag="--self",
        label="Self-attention steps"))
    #: Self-attention is injected only on maps whose side is at most this fraction of the latent side
    #: (latent/2: the null-text inversion reference's 32x32 maps at 512 px).
    self_max_scale: float = field(default=0.5, metadata=spec_field(
        "largest self-attention map injected, as a fraction of the latent side", 0, 1, lo_open=True))
    blend: bool = True
    #: Local-blend words; ``None`` means the words the edit changes.
    blend_words: tuple[str, ...] | None = None
    threshold: float = field(default=0.3, metadata=spec_field(
        "local-blend mask threshold", 0, 1, lo_open=True, hi_open=True, flag="--threshold", label="Blend threshold"))
    #: Threshold each word map between its minimum and maximum instead of between 0 and its maximum
    #: (the paper): where attention has a floor the paper's rule masks the whole image; where the
    #: floor is near 0, as in the paper's SD maps, both rules agree.
    mask_from_floor: bool = True
    blend_start: float = field(default=0.2, metadata=spec_field(
        "fraction of steps before local blend starts", 0, 1, flag="--blend-start", label="Blend start"))
    blend_maps: BlendMaps = BlendMaps.INJECTED
    mask: MaskKind = MaskKind.REFINED
    detail: Detail = Detail.AUTO
    #: Refined masks propagate the word map through self-attention maps of this side (fraction of
    #: the latent side; never coarser than the blend maps).
    refine_scale: float = field(default=0.5, metadata=spec_field(
        "self-attention map side used to refine the mask, as a fraction of the latent side", 0, 1, lo_open=True))
    #: Refined masks: the latent blend cuts the map at ``threshold`` (room for the edit to form);
    #: the composite at the photo's resolution cuts the same map here, at the objects' outline.
    outline_threshold: float = field(default=0.6, metadata=spec_field(
        "refined masks: threshold of the photo-size composite mask (lower keeps more around the object)",
        0, 1, lo_open=True, hi_open=True, flag="--outline-threshold", label="Outline threshold"))
    subtract_words: tuple[str, ...] = ()
    subtract_threshold: float = field(default=0.3, metadata=spec_field(
        "threshold of the subtracted words' mask", 0, 1, lo_open=True, hi_open=True))
    #: Resolution of the maps used for the blend mask, as a fraction of the latent side.
    blend_scale: float = field(default=0.25, metadata=spec_field(
        "blend-map side as a fraction of the latent side", 0, 1, lo_open=True))
    #: ...but never coarser than this many positions per side where the UNet has a finer level (the
    #: paper's 16: SD at 512 px is unchanged; a 64-px model blends on its 16x16 maps, not 4x4).
    blend_min_side: int = field(default=16, metadata=spec_field("smallest blend-map side in positions", 1, 1024))
    #: Mask edge softening in pixels at the photo's resolution; ``None``: 0.5 % of the long side.
    feather: float | None = field(default=None, metadata=spec_field("mask edge softening in pixels", 0, 1000))
    seed: int = field(default=0, metadata=spec_field(
        "random seed (generate: the initial noise)", 0, SEED_LIMIT, hi_open=True, flag="--seed", label="Seed"))
    null_text: NullTextSettings = field(default_factory=NullTextSettings)

    def validate(self) -> None:
        """Raise :class:`InputError` with one line unless every value is of its type and within its
        bounds (settings built in code, e.g. from parsed options; files go through :meth:`from_dict`)."""
        EditSettings.from_dict(self.to_dict())

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
        data["detail"] = self.detail.value
        data["cross_words"] = dict(self.cross_words)
        data["blend_words"] = list(self.blend_words) if self.blend_words is not None else None
        data["subtract_words"] = list(self.subtract_words)
        data["null_text"] = dataclasses.asdict(self.null_text)
        return data

    @classmethod
    def from_dict(cls, data: Any) -> EditSettings:
        """Inverse of :meth:`to_dict`, for untrusted data (:mod:`p2p_studio.core.schema`): missing keys
        take their defaults; an unknown key, a wrong type or an out-of-bounds value raises
        :class:`InputError` with one line."""
        return read_into(cls, data)

    def inversion_settings(self) -> NullTextSettings:
        return dataclasses.replace(self.null_text, guidance=self.guidance)


@dataclass(frozen=True)
class LoraChoice:
    """A LoRA file (``.safetensors``) to fuse into the model at *scale*."""

    path: str
    scale: float = 1.0

    @classmethod
    def parse(cls, text: str) -> LoraChoice:
        """``FILE`` or ``FILE:SCALE`` (the command line's ``--lora``); one :class:`InputError` line."""
        path, scale = text, "1"
        head, sep, tail = text.rpartition(":")
        if sep and head and not tail.startswith(("/", "\\")):
            path, scale = head, tail
        try:
            value = float(scale)
        except ValueError:
            raise InputError("--lora {text!r}: the scale after ':' must be a number, not {scale!r}",
                             text=text, scale=scale) from None
        choice = cls(path, value)
        choice.validate()
        return choice

    @property
    def name(self) -> str:
        """The file's name, as recipes and the UI show it."""
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]

    def validate(self) -> None:
        if not self.path.strip():
            raise InputError("a LoRA needs a file")
        if not self.path.lower().endswith(".safetensors"):
            raise InputError("LoRA {name}: only .safetensors files are loaded (a pickle can run code)",
                             name=self.name)
        low, high = LORA_SCALE
        if not low <= self.scale <= high:  # also refuses NaN
            raise InputError("LoRA {name}: scale {scale:g} is outside {low:g} to {high:g}",
                             name=self.name, scale=self.scale, low=low, high=high)


@dataclass(frozen=True)
class ModelChoice:
    """Which model to run, and where: the one record of it (app settings, worker, CLI)."""

    spec: str
    device: str = "auto"
    precision: str = "auto"
    cache_dir: str | None = None
    config: str | None = None  # configs for a single-file checkpoint
    allow_pickle: bool = False
    sampler: str = "auto"
    loras: tuple[LoraChoice, ...] = ()
    #: The previews' decoder: ``auto`` (TAESD when in the hub cache), ``none`` (the model's VAE),
    #: or a folder or hub id of a tiny autoencoder.
    preview_decoder: str = "auto"

    def validate(self) -> None:
        if not self.spec.strip():
            raise InputError("no model given")
        if self.device not in DEVICES:
            raise InputError("device must be one of {items}, not {device!r}",
                             items=', '.join(DEVICES), device=self.device)
        if self.precision not in PRECISIONS:
            raise InputError("precision must be one of {items}, not {precision!r}",
                             items=', '.join(PRECISIONS), precision=self.precision)
        if self.sampler not in SAMPLERS:
            raise InputError("sampler must be one of {items}, not {sampler!r}",
                             items=', '.join(SAMPLERS), sampler=self.sampler)
        for lora in self.loras:
            lora.validate()


#: The settings whose defaults depend on the model (a few-step model runs at its own step count,
#: guidance and inversion); every other default is the same for every model.
MODEL_DEFAULT_FIELDS = ("steps", "guidance", "method")
#: Steps for a few-step model whose name does not say (ReNoise's and the Turbo models' 4).
FEW_STEPS = 4


@dataclass(frozen=True)
class ModelDefaults:
    """The defaults of :data:`MODEL_DEFAULT_FIELDS` a model suggests: the papers' for an ordinary
    model, ReNoise at the model's step count and guidance for a few-step one."""

    steps: int = EditSettings.steps
    guidance: float = EditSettings.guidance
    method: Method = Method.NULL_TEXT
    #: Why these differ from the papers' ("a few-step model (LCM)"); ``None`` for an ordinary model.
    reason: Message | None = None

    @property
    def few_step(self) -> bool:
        return self.reason is not None

    def fill(self, settings: EditSettings, unset: Iterable[str]) -> EditSettings:
        """*settings* with the fields named in *unset* (those the user did not set) taken from here."""
        return settings.replace(**{name: getattr(self, name) for name in unset})

    def follow(self, settings: EditSettings, previous: ModelDefaults) -> EditSettings:
        """*settings* after a switch from a model with *previous* defaults to this one: a field the
        user left at the previous model's default takes this model's; one they changed stays."""
        return self.fill(settings, [name for name in MODEL_DEFAULT_FIELDS
                                    if getattr(settings, name) == getattr(previous, name)])

    def describe(self, fields: Iterable[str] = MODEL_DEFAULT_FIELDS) -> Message:
        """``4 steps, guidance 0, renoise inversion`` (the named *fields* only, in this order)."""
        parts = {"steps": Message.of("{steps} steps", steps=self.steps),
                 "guidance": Message.of("guidance {guidance:g}", guidance=self.guidance),
                 "method": Message.of("{method} inversion", method=self.method.value)}
        return joined((parts[name] for name in MODEL_DEFAULT_FIELDS if name in fields), ", ")


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
