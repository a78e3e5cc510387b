"""The edit plan derived from a pair of captions and the edit settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import torch
from transformers import PreTrainedTokenizerBase

from p2p_studio.core.errors import InputError
from p2p_studio.core.settings import EditSettings
from p2p_studio.core.text import Message, joined
from p2p_studio.engine.alignment import TokenMap, refine_map, swap_map
from p2p_studio.engine.captions import Caption, Word, parse_weights, tokenize


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
    #: Local blend applies from this step on (0-based), where :attr:`local_blend` is on.
    blend_start: int
    local_blend: bool
    #: The edited caption as typed, ``(word:f)`` markup included (what a recipe must record).
    edit: str = ""

    @property
    def steps(self) -> int:
        """The number of denoising steps the plan is for."""
        return int(self.cross_steps.shape[0])

    def explain(self) -> dict[str, Any]:
        """The plan in plain data, for ``--explain`` and the app."""
        tgt_labels = self.target.token_labels()
        mapping = [str(change) for change in self._changes()]
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
            "local_blend": self.local_blend,
            "blend_start_step": self.blend_start if self.local_blend else None,
            "windows": self.windows(),
        }

    def _changes(self) -> list[Message]:
        """Each edited-caption token whose map does not come from the same token of the caption,
        with where it comes from (``tiger ← cat``, ``blue ← (own map)``)."""
        src_labels, tgt_labels = self.source.token_labels(), self.target.token_labels()
        changes = []
        for j, label in enumerate(tgt_labels):
            sources = self.token_map.sources_of(j)
            if not sources:
                changes.append(Message.of("{token} ← (own map)", token=label))
            elif len(sources) > 1 or src_labels[sources[0]] != label:
                changes.append(Message.of("{token} ← {sources}", token=label,
                                          sources=" + ".join(src_labels[i] for i in sources)))
        return changes

    def windows(self) -> str:
        """The step windows in steps, e.g. ``cross-attention replaced for steps 0–39 of 50,
        self-attention 0–19, blend from step 10`` (steps count from 0)."""
        return str(self.windows_message())

    def windows_message(self) -> Message:
        """:meth:`windows` as a message to translate."""
        default = int(self.cross_steps[:, 0].sum())
        words = {w.text: int(self.cross_steps[:, w.start].sum()) for w in self.target.words}
        own = joined((Message.of("; {word}: {span}", word=w, span=_span(n)) for w, n in words.items() if n != default),
                     "")
        text = Message.of("cross-attention replaced for steps {cross} of {total}{words}, self-attention {self_steps}",
                          cross=_span(default), total=self.steps, words=own, self_steps=_span(self.self_steps))
        return Message.of("{windows}, blend from step {start}", windows=text, start=self.blend_start) \
            if self.local_blend else text

    def summary(self) -> str:
        """One line in plain words, e.g. ``swap cat → tiger, local blend on cat/tiger``."""
        return str(self.summary_message())

    def summary_message(self) -> Message:
        """:meth:`summary` as a message to translate."""
        kind = joined((KINDS[part] for part in self.kind.split("+")), "+")
        changes = self._changes()
        text = Message.of("{kind}: {changes}", kind=kind, changes=joined(changes)) if changes else kind
        words = [w.text for w in self.blend_source + self.blend_target]
        if self.local_blend:
            text = Message.of("{plan}, local blend on {words}", plan=text, words="/".join(dict.fromkeys(words)))
        return Message.of("{plan}; {windows}", plan=text, windows=self.windows_message())


#: The kinds of edit, as the plan names them.
KINDS = {"swap": Message.of("swap"), "refine": Message.of("refine"), "reweight": Message.of("reweight"),
         "none": Message.of("none")}


def _span(n: int) -> str | Message:
    """Steps ``0..n-1`` as the plan writes them."""
    return f"0–{n - 1}" if n > 1 else "0" if n == 1 else Message.of("none")


def cross_window(steps: int, fraction: float) -> int:
    """How many steps, from the first, replace cross-attention: ``int(f * (T + 1))`` (at most T).

    The reference's ``get_time_words_attention_alpha`` builds a table of T + 1 rows and marks the
    first ``int(f * rows)``; the same float arithmetic gives the same count for every T.
    """
    return min(int(fraction * (steps + 1)), steps)


def fraction_note(settings: EditSettings) -> str:
    """What the window fractions come to at ``settings.steps``, naming any that the rounding down
    empties (at 4 steps a self-attention fraction of 0.2 is no step at all)."""
    n = settings.steps
    windows = (("cross-attention", settings.cross, cross_window(n, settings.cross), "int(f·(T+1))"),
               ("self-attention", settings.self_fraction, step_window(n, settings.self_fraction), "int(f·T)"))
    parts = [f"{name} {f:g} → {k} of {n} ({rule})" for name, f, k, rule in windows]
    parts.append(f"blend start {settings.blend_start:g} → step {step_window(n, settings.blend_start)} (int(f·T))")
    text = f"windows are fractions of the {n} steps, rounded down: " + ", ".join(parts)
    empty = [name for name, f, k, _ in windows if f > 0 and k == 0]
    return text + (f"; at {n} steps the {' and '.join(empty)} window covers no step" if empty else "")


def step_window(steps: int, fraction: float) -> int:
    """``int(f * T)``: the reference's count for self-attention replacement and local-blend start."""
    return int(fraction * steps)


def _lookup(
    caption: Caption, other: Caption, words: tuple[str, ...], what: str
) -> tuple[tuple[Word, ...], tuple[Word, ...]]:
    """Find *words* in either caption; each must occur in at least one of them."""
    in_caption: list[Word] = []
    in_other: list[Word] = []
    for word in words:
        a, b = caption.find(word), other.find(word)
        if not a and not b:
            raise InputError("{what} word {word!r} is in neither caption", what=what, word=word)
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
    cross_steps[: cross_window(steps, settings.cross)] = True
    for text, fraction in settings.cross_words.items():
        hits = target.find(text)
        if not hits:
            raise InputError("cross-attention word {word!r} is not in the edited caption", word=text)
        for w in hits:
            cross_steps[:, w.start : w.end] = False
            cross_steps[: cross_window(steps, fraction), w.start : w.end] = True
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
        self_steps=step_window(steps, settings.self_fraction),
        blend_start=step_window(steps, settings.blend_start),
        local_blend=settings.blend and bool(blend_src or blend_tgt),
        edit=" ".join(edited_text.split()),
    )
