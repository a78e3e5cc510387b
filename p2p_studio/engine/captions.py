"""Captions as words and token spans (the ``(word:1.5)`` syntax is read by :mod:`p2p_studio.core.captions`)."""

from __future__ import annotations

from dataclasses import dataclass

import torch
from transformers import PreTrainedTokenizerBase

from p2p_studio.core.captions import Weighted, check_words, normalise_word, parse_weights, phrase_starts
from p2p_studio.core.errors import InputError

__all__ = ["Caption", "Weighted", "Word", "parse_weights", "tokenize"]

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
        n = len(word.split())
        hits = []
        for i in phrase_starts([w.key for w in self.words], word):
            first, last = self.words[i], self.words[i + n - 1]
            hits.append(Word(" ".join(w.text for w in self.words[i : i + n]), first.start, last.end))
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
    words_text = check_words(text)
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
            "the caption is too long: {count} tokens, the model takes at most {most}",
            count=len(ids) - 2, most=length - 2
        )
    if not words:
        raise InputError("the caption {text!r} has no words the tokenizer understands", text=text)
    return Caption(" ".join(words_text), tuple(words), tuple(ids), length, pad)
