"""Edit settings and the edit plan derived from a pair of captions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import torch
from transformers import PreTrainedTokenizerBase

from inversion import Method, NullTextSettings
from p2p_studio.engine.alignment import TokenMap, refine_map, swap_map
from p2p_studio.engine.captions import Caption, Word, parse_weights, tokenize
from p2p_studio.engine.errors import InputError


@dataclass
class EditSettings:
    """Every knob of an inversion + edit run. Defaults follow the papers."""

    steps: int = 50
    guidance: float = 7.5
    method: Method = Method.NULL_TEXT
    #: Fraction of steps (from the start) in which cross-attention maps are injected.
    cross: float = 0.8
    #: Per-word overrides of ``cross`` (target-caption words).
    cross_words: dict[str, float] = field(default_factory=dict)
    #: Fraction of steps in which self-attention maps are injected.
    self_fraction: float = 0.4
    #: Self-attention is injected only on maps whose side is at most this fraction of the latent
    #: side. The null-text inversion reference (real photos, our main flow) uses 32x32 maps at
    #: 512 px, i.e. latent/2; the P2P notebook 16x16 (0.25). On the demo model's word swaps 0.5 kept
    #: the layout in 85 % of 40 held-out seeds against 77.5 % for 0.25 (77.5 vs 72.5 % on 40 others).
    self_max_scale: float = 0.5
    blend: bool = True
    #: Local-blend words; ``None`` means the words the edit changes.
    blend_words: tuple[str, ...] | None = None
    threshold: float = 0.3
    #: Threshold each word map between its minimum and maximum instead of between 0 and its
    #: maximum (the paper). Where attention has a floor (small or fine-tuned models put 40-50 %
    #: of the peak on every position) the paper's rule masks the whole image; where the floor is
    #: near 0, as in the paper's SD maps, both rules agree.
    mask_from_floor: bool = True
    #: Fraction of steps after which local blend starts.
    blend_start: float = 0.2
    subtract_words: tuple[str, ...] = ()
    subtract_threshold: float = 0.3
    #: Resolution of the maps used for the blend mask, as a fraction of the latent side.
    blend_scale: float = 0.25
    #: ...but never coarser than this many positions per side where the UNet has a finer level
    #: (the paper's 16: SD at 512 px is unchanged; a 64-px model with latent 16 blends on its
    #: 16x16 maps, not 4x4, whose one-cell pooling would spread the mask over a quarter of the photo).
    blend_min_side: int = 16
    #: Mask edge softening in pixels at the photo's resolution; ``None``: 0.5 % of the long side.
    feather: float | None = None
    seed: int = 0
    null_text: NullTextSettings = field(default_factory=NullTextSettings)

    def validate(self) -> None:
        checks = [
            (1 <= self.steps <= 1000, "steps must be between 1 and 1000"),
            (0 < self.guidance <= 50, "guidance must be in (0, 50]"),
            (0 <= self.cross <= 1, "--cross must be a fraction between 0 and 1"),
            (all(0 <= v <= 1 for v in self.cross_words.values()), "per-word cross fractions must be in [0, 1]"),
            (0 <= self.self_fraction <= 1, "--self must be a fraction between 0 and 1"),
            (0 < self.threshold < 1, "--threshold must be between 0 and 1"),
            (0 <= self.blend_start <= 1, "blend start must be a fraction between 0 and 1"),
            (0 < self.blend_scale <= 1 and 0 < self.self_max_scale <= 1, "map scales must be in (0, 1]"),
            (self.blend_min_side >= 1, "blend map side must be at least 1"),
        ]
        for ok, message in checks:
            if not ok:
                raise InputError(message)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able form (stored in exported PNGs and sessions)."""
        data = {k: v for k, v in self.__dict__.items() if k != "null_text"}
        data["method"] = Method(self.method).value
        data["blend_words"] = list(self.blend_words) if self.blend_words is not None else None
        data["subtract_words"] = list(self.subtract_words)
        data["null_text"] = dict(self.null_text.__dict__)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EditSettings:
        """Inverse of :meth:`to_dict`; unknown keys are ignored, bad values raise InputError."""
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        try:
            if "method" in known:
                known["method"] = Method(known["method"])
            if known.get("blend_words") is not None:
                known["blend_words"] = tuple(known["blend_words"])
            if "subtract_words" in known:
                known["subtract_words"] = tuple(known["subtract_words"])
            if "null_text" in known:
                known["null_text"] = NullTextSettings(**known["null_text"])
            settings = cls(**known)
        except (TypeError, ValueError) as exc:
            raise InputError(f"invalid settings in recipe: {exc}") from None
        settings.validate()
        return settings

    def inversion_settings(self) -> NullTextSettings:
        return NullTextSettings(**{**self.null_text.__dict__, "guidance": self.guidance})


@dataclass(frozen=True)
class EditPlan:
    """How one edited caption is derived from the source caption."""

    source: Caption
    target: Caption
    kind: str
    token_map: TokenMap
    #: Per target position: multiplier of its cross-attention map (1 where not re-weighted).
    weights: torch.Tensor
    blend_source: tuple[Word, ...]
    blend_target: tuple[Word, ...]
    subtract_source: tuple[Word, ...]
    subtract_target: tuple[Word, ...]
    #: ``(steps, L)``: whether target position j takes the source map at step k.
    cross_steps: torch.Tensor
    self_steps: int

    def explain(self) -> dict[str, Any]:
        """The plan in plain data, for ``--explain`` and the app."""
        src_labels, tgt_labels = self.source.token_labels(), self.target.token_labels()
        mapping = []
        for j, label in enumerate(tgt_labels):
            sources = self.token_map.sources_of(j)
            if not sources:
                mapping.append(f"{label} ← (own map)")
            elif len(sources) > 1 or src_labels[sources[0]] != label:
                mapping.append(f"{label} ← {' + '.join(src_labels[i] for i in sources)}")
        changed = torch.nonzero(self.weights != 1).flatten()
        reweighted = {tgt_labels[j]: round(float(self.weights[j]), 4) for j in changed}
        steps = self.cross_steps.shape[0]
        per_word = {w.text: int(self.cross_steps[:, w.start].sum()) for w in self.target.words}
        default = int(self.cross_steps[:, 0].sum())
        return {
            "kind": self.kind,
            "source": self.source.text,
            "target": self.target.text,
            "changed_tokens": mapping,
            "reweighted": reweighted,
            "blend_words": {"source": [w.text for w in self.blend_source],
                            "target": [w.text for w in self.blend_target]},
            "subtract_words": {"source": [w.text for w in self.subtract_source],
                               "target": [w.text for w in self.subtract_target]},
            "cross_replace_steps": {"default": default, "total": steps,
                                    "per_word": {k: v for k, v in per_word.items() if v != default}},
            "self_replace_steps": self.self_steps,
        }

    def summary(self) -> str:
        """One line in plain words, e.g. ``swap cat → tiger, local blend on cat/tiger``."""
        info = self.explain()
        changes = [m for m in info["changed_tokens"]]
        text = self.kind + (": " + "; ".join(changes) if changes else "")
        words = info["blend_words"]["source"] + info["blend_words"]["target"]
        if words:
            text += ", local blend on " + "/".join(dict.fromkeys(words))
        return text


def _window(steps: int, fraction: float) -> int:
    return round(fraction * steps)


def _lookup(
    caption: Caption, other: Caption, words: tuple[str, ...], what: str
) -> tuple[tuple[Word, ...], tuple[Word, ...]]:
    """Find *words* in either caption; each must occur in at least one of them."""
    in_caption: list[Word] = []
    in_other: list[Word] = []
    for word in words:
        a, b = caption.find(word), other.find(word)
        if not a and not b:
            raise InputError(f"{what} word {word!r} is in neither caption")
        in_caption.extend(a)
        in_other.extend(b)
    return tuple(in_caption), tuple(in_other)


def make_plan(
    tokenizer: PreTrainedTokenizerBase, source_text: str, edited_text: str, length: int, settings: EditSettings
) -> EditPlan:
    """Derive the edit from the captions: same word count with substitutions -> swap, otherwise
    refine; ``(word:f)`` markup adds re-weighting. Blend words default to the changed words."""
    source = tokenize(tokenizer, source_text, length)
    weighted = parse_weights(edited_text)
    target = tokenize(tokenizer, weighted.text, length)
    weights = torch.ones(length)
    for index, factor in weighted.weights:
        if index < len(target.words):
            word = target.words[index]
            weights[word.start : word.end] = factor

    same_count = len(source.words) == len(target.words)
    changed = [i for i, (a, b) in enumerate(zip(source.words, target.words, strict=False)) if a.key != b.key]
    if same_count:
        token_map = swap_map(source, target)
        kind = "swap" if changed else ("reweight" if weighted.weights else "none")
        auto_src = tuple(source.words[i] for i in changed)
        auto_tgt = tuple(target.words[i] for i in changed)
        if not changed:
            auto_tgt = tuple(target.words[i] for i, _ in weighted.weights if i < len(target.words))
            auto_src = tuple(source.words[i] for i, _ in weighted.weights if i < len(source.words))
    else:
        token_map = refine_map(source, target)
        kind = "refine"
        auto_tgt = tuple(w for w in target.words if bool(token_map.keep_own[w.start : w.end].any()))
        used = set((token_map.matrix > 0).nonzero()[:, 0].tolist())
        auto_src = tuple(w for w in source.words if not set(w.positions) & used)
    if weighted.weights and kind in ("swap", "refine"):
        kind += "+reweight"

    if settings.blend_words is not None:
        blend_src, blend_tgt = _lookup(source, target, settings.blend_words, "blend")
    else:
        blend_src, blend_tgt = auto_src, auto_tgt
    sub_src, sub_tgt = _lookup(source, target, settings.subtract_words, "subtract")

    steps = settings.steps
    cross_steps = torch.zeros(steps, length, dtype=torch.bool)
    cross_steps[: _window(steps, settings.cross)] = True
    for word, fraction in settings.cross_words.items():
        hits = target.find(word)
        if not hits:
            raise InputError(f"cross-attention word {word!r} is not in the edited caption")
        for w in hits:
            cross_steps[:, w.start : w.end] = False
            cross_steps[: _window(steps, fraction), w.start : w.end] = True
    return EditPlan(
        source=source,
        target=target,
        kind=kind,
        token_map=token_map,
        weights=weights,
        blend_source=blend_src,
        blend_target=blend_tgt,
        subtract_source=sub_src,
        subtract_target=sub_tgt,
        cross_steps=cross_steps,
        self_steps=_window(steps, settings.self_fraction),
    )
