"""Which source token's attention map each edited token takes.

A :class:`TokenMap` is a matrix ``A`` (source positions x target positions): the edited branch's
map for target token ``j`` becomes ``sum_i source_map_i * A[i, j]``, except for tokens flagged
``keep_own`` (new words), which keep their own maps.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from p2p_studio.core.errors import InputError
from p2p_studio.engine.captions import Caption


@dataclass(frozen=True)
class TokenMap:
    matrix: torch.Tensor  # (L, L) float32
    keep_own: torch.Tensor  # (L,) bool

    def sources_of(self, target: int) -> list[int]:
        """Source positions feeding *target* (empty for a new token)."""
        if self.keep_own[target]:
            return []
        return torch.nonzero(self.matrix[:, target] > 0).flatten().tolist()


def _map_tail(matrix: torch.Tensor, src_from: int, tgt_from: int) -> None:
    """EOS and padding: target position ``tgt_from + k`` takes source ``src_from + k``."""
    length = matrix.shape[0]
    for k in range(length - max(src_from, tgt_from)):
        matrix[src_from + k, tgt_from + k] = 1.0


def swap_map(source: Caption, target: Caption) -> TokenMap:
    """Word-for-word mapping for captions with the same number of words.

    A swapped word's source tokens spread evenly over its target tokens (each target token gets
    the word's total source map divided by its token count); every later token maps to its own
    shifted counterpart, so different token counts never misalign the rest of the caption.
    """
    if len(source.words) != len(target.words):
        raise InputError("a word swap needs captions with the same number of words")
    length = source.length
    matrix = torch.zeros(length, length)
    matrix[0, 0] = 1.0
    for sw, tw in zip(source.words, target.words, strict=True):
        n_src, n_tgt = sw.end - sw.start, tw.end - tw.start
        if n_src == n_tgt:
            for i, j in zip(sw.positions, tw.positions, strict=True):
                matrix[i, j] = 1.0
        else:
            for j in tw.positions:
                matrix[sw.start : sw.end, j] = 1.0 / n_tgt
    _map_tail(matrix, source.eos, target.eos)
    return TokenMap(matrix, torch.zeros(length, dtype=torch.bool))


def align(a: list[int], b: list[int], match: int = 1, mismatch: int = -1, gap: int = 0) -> list[int | None]:
    """Needleman-Wunsch global alignment of *b* against *a*: for each item of *b*, the index of
    the aligned (equal) item of *a*, or ``None`` if it was inserted or substituted."""
    n, m = len(a), len(b)
    score = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        score[i][0] = i * gap
    for j in range(1, m + 1):
        score[0][j] = j * gap
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            diag = score[i - 1][j - 1] + (match if a[i - 1] == b[j - 1] else mismatch)
            score[i][j] = max(diag, score[i - 1][j] + gap, score[i][j - 1] + gap)
    result: list[int | None] = [None] * m
    i, j = n, m
    while i > 0 and j > 0:
        same = a[i - 1] == b[j - 1]
        if same and score[i][j] == score[i - 1][j - 1] + match:
            result[j - 1] = i - 1
            i, j = i - 1, j - 1
        elif score[i][j] == score[i][j - 1] + gap:
            j -= 1
        elif score[i][j] == score[i - 1][j] + gap:
            i -= 1
        else:
            i, j = i - 1, j - 1
    return result


def refine_map(source: Caption, target: Caption) -> TokenMap:
    """Refinement: globally align token ids (BOS/EOS included); aligned tokens take their
    source map, new tokens keep their own."""
    length = source.length
    matrix = torch.zeros(length, length)
    keep = torch.zeros(length, dtype=torch.bool)
    for j, i in enumerate(align(list(source.ids), list(target.ids))):
        if i is None:
            keep[j] = True
        else:
            matrix[i, j] = 1.0
    _map_tail(matrix, source.eos + 1, target.eos + 1)
    return TokenMap(matrix, keep)
