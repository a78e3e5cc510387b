"""The real CLIP BPE tokenizer, offline, from the vocabulary the bundled demo model ships.

The demo model's ``tokenizer/tokenizer.json`` holds CLIP's 49,408-token vocabulary and its 48,894
merges unchanged (the same table open-clip-torch ships as ``bpe_simple_vocab_16e6.txt.gz``), so
tiny test models and the demo model's training get real CLIP tokenisation with no extra package.
"""

from __future__ import annotations

import json
from pathlib import Path

from transformers import CLIPTokenizer

from p2p_studio.core.resources import resource_path

#: CLIP's vocabulary size: 2 x 256 byte symbols, the merges, and two special tokens.
CLIP_VOCAB_SIZE = 49408


def vocabulary_file() -> Path:
    return resource_path("demo-model", "tokenizer", "tokenizer.json")


def vocabulary_and_merges(path: Path | None = None) -> tuple[dict[str, int], list[str]]:
    """CLIP's token -> id table and its merges (``"a b"`` strings), in CLIP's order."""
    model = json.loads((path or vocabulary_file()).read_text(encoding="utf-8"))["model"]
    vocab: dict[str, int] = model["vocab"]
    merges = [m if isinstance(m, str) else " ".join(m) for m in model["merges"]]
    if len(vocab) != CLIP_VOCAB_SIZE or len(merges) != CLIP_VOCAB_SIZE - 2 * 256 - 2:
        raise ValueError(f"{path or vocabulary_file()} does not hold CLIP's vocabulary")
    return vocab, merges


def clip_tokenizer(model_max_length: int, pad: str | None = None) -> CLIPTokenizer:
    """The real CLIP BPE tokenizer, built in memory with the given context length; *pad* sets the
    padding token (SDXL's second tokenizer pads with ``!``, the first with ``<|endoftext|>``)."""
    vocab, merges = vocabulary_and_merges()
    pairs = [tuple(m.split()) for m in merges]
    extra = {"pad_token": pad} if pad is not None else {}
    return CLIPTokenizer(vocab=vocab, merges=pairs, model_max_length=model_max_length, **extra)
