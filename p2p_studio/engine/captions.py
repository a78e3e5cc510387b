"""Captions as words and token spans, and the ``(word:1.5)`` re-weighting syntax."""

from __future__ import annotations

import re
from dataclasses import dataclass

import torch
from transformers import PreTrainedTokenizerBase

from p2p_studio.engine.errors import InputError

_WEIGHT = re.compile(r"\(([^():]+):\s*([-+]?(?:\d+\.?\d*|\.\d+))\s*\)")
_PUNCT = ".,;:!?\"'()[]{}"


def normalise_word(word: str) -> str:
    """Lower-case and strip surrounding punctuation (how words are compared and looked up)."""
    return word.strip(_PUNCT).lower()


@dataclass(frozen=True)
class Word:
    """A whitespace-separated word and its token positions ``[start, end)`` (BOS is position 0)."""

    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        return normalise_word(self.text)

    @property
    def positions(self) -> range:
        return range(self.start, self.end)


@dataclass(frozen=True)
class Caption:
    """A tokenised caption: its words, its token ids (BOS..EOS, unpadded) and the padded length."""

    text: str
    words: tuple[Word, ...]
    ids: tuple[int, ...]
    length: int
    pad_id: int

    @property
    def eos(self) -> int:
        """Position of the EOS token."""
        return len(self.ids) - 1

    def padded(self) -> torch.Tensor:
        return torch.tensor(list(self.ids) + [self.pad_id] * (self.length - len(self.ids)))

    def find(self, word: str) -> list[Word]:
        """All occurrences of *word* (a single word or a phrase) as Word spans."""
        parts = [normalise_word(p) for p in word.split()]
        keys = [w.key for w in self.words]
        hits = []
        for i in range(len(keys) - len(parts) + 1):
            if keys[i : i + len(parts)] == parts:
                first, last = self.words[i], self.words[i + len(parts) - 1]
                hits.append(Word(" ".join(w.text for w in self.words[i : i + len(parts)]), first.start, last.end))
        return hits

    def token_labels(self) -> list[str]:
        """One label per unpadded position, for display."""
        labels = ["<start>"] + [""] * (len(self.ids) - 2) + ["<end>"]
        for w in self.words:
            n = w.end - w.start
            for j, pos in enumerate(w.positions):
                labels[pos] = w.text if n == 1 else f"{w.text}[{j + 1}/{n}]"
        return labels


def tokenize(tokenizer: PreTrainedTokenizerBase, text: str, length: int) -> Caption:
    """Tokenise word by word so every word's token span is known exactly."""
    words_text = text.split()
    if not words_text:
        raise InputError("the caption is empty")
    bos, eos = tokenizer.bos_token_id, tokenizer.eos_token_id
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else eos
    ids: list[int] = [bos]
    words: list[Word] = []
    for w in words_text:
        piece = tokenizer(w, add_special_tokens=False).input_ids
        if not piece:
            continue
        words.append(Word(w, len(ids), len(ids) + len(piece)))
        ids.extend(piece)
    ids.append(eos)
    if len(ids) > length:
        raise InputError(
            f"the caption is too long: {len(ids) - 2} tokens, the model takes at most {length - 2}"
        )
    if not words:
        raise InputError(f"the caption {text!r} has no words the tokenizer understands")
    return Caption(" ".join(words_text), tuple(words), tuple(ids), length, pad)


@dataclass(frozen=True)
class Weighted:
    """A caption with its ``(word:factor)`` markup removed, and the factors per word index."""

    text: str
    weights: tuple[tuple[int, float], ...]


def parse_weights(text: str) -> Weighted:
    """``"a (red:1.5) car"`` -> ``"a red car"`` with weight 1.5 on word 1. Negative factors allowed."""
    plain: list[str] = []
    weights: list[tuple[int, float]] = []
    pos = 0
    for m in _WEIGHT.finditer(text):
        plain.extend(text[pos : m.start()].split())
        phrase = m.group(1).split()
        if not phrase:
            raise InputError(f"empty word in re-weighting {m.group(0)!r}")
        factor = float(m.group(2))
        weights.extend((len(plain) + i, factor) for i in range(len(phrase)))
        plain.extend(phrase)
        pos = m.end()
    plain.extend(text[pos:].split())
    if re.search(r"\([^()]*:", _WEIGHT.sub(" ", text)):
        raise InputError(f"cannot read the re-weighting in {text!r}; write it as (word:1.5)")
    return Weighted(" ".join(plain), tuple(weights))
