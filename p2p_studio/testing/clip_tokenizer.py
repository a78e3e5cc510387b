"""Build the real CLIP BPE tokenizer offline from the vocabulary that open-clip-torch ships."""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path

from transformers import CLIPTokenizer

VOCAB_FILE = "bpe_simple_vocab_16e6.txt.gz"
#: Number of merges CLIP uses: vocabulary size minus byte tokens (2x256) minus two special tokens.
_CLIP_VOCAB_SIZE = 49408


class VocabularyNotFoundError(RuntimeError):
    """The open-clip-torch vocabulary file is not installed."""


def find_vocabulary() -> Path:
    """Locate ``bpe_simple_vocab_16e6.txt.gz`` inside the installed open-clip-torch package.

    The package is located with ``find_spec`` only: importing ``open_clip`` would need torchvision.
    """
    spec = importlib.util.find_spec("open_clip")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / VOCAB_FILE
        if path.is_file():
            return path
    raise VocabularyNotFoundError(
        f"{VOCAB_FILE} not found: install it with `pip install --no-deps open-clip-torch`"
    )


def _bytes_to_unicode() -> dict[int, str]:
    """GPT-2/CLIP reversible byte -> printable character table."""
    printable = (
        list(range(ord("!"), ord("~") + 1))
        + list(range(ord("¡"), ord("¬") + 1))
        + list(range(ord("®"), ord("ÿ") + 1))
    )
    table = {b: chr(b) for b in printable}
    extra = 0
    for b in range(256):
        if b not in table:
            table[b] = chr(256 + extra)
            extra += 1
    return table


def vocabulary_and_merges(path: Path | None = None) -> tuple[dict[str, int], list[str]]:
    """Return CLIP's token->id table and merge list, in the order the original CLIP builds them."""
    with gzip.open(path or find_vocabulary()) as f:
        lines = f.read().decode("utf-8").split("\n")
    n_merges = _CLIP_VOCAB_SIZE - 2 * 256 - 2
    merges = lines[1 : n_merges + 1]
    symbols = list(_bytes_to_unicode().values())
    tokens = symbols + [s + "</w>" for s in symbols] + ["".join(m.split()) for m in merges]
    tokens += ["<|startoftext|>", "<|endoftext|>"]
    return {tok: i for i, tok in enumerate(tokens)}, merges


def clip_tokenizer(model_max_length: int) -> CLIPTokenizer:
    """The real CLIP BPE tokenizer, built in memory with the given context length."""
    vocab, merges = vocabulary_and_merges()
    pairs = [tuple(m.split()) for m in merges]
    return CLIPTokenizer(vocab=vocab, merges=pairs, model_max_length=model_max_length)
