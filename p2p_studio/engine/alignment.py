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


def _map_swap_tail(matrix: torch.Tensor, src_eos: int, tgt_eos: int) -> None:
    """EOS and padding of a swap: target ``tgt_eos + k`` takes source ``src_eos + k``.

    Where the captions' token counts differ the tails have different lengths; the last position of
    the shorter tail then takes (or gives) all that is left, as a swapped word of unequal token
    counts does. So every source position keeps its whole attention mass and every target position
    has a source: injected attention rows still sum to one.
    """
    length = matrix.shape[0]
    src_tail, tgt_tail = length - src_eos, length - tgt_eos
    shared = min(src_tail, tgt_tail) - 1
    for k in range(shared):
        matrix[src_eos + k, tgt_eos + k] = 1.0
    sources = range(src_eos + shared, length)
    targets = range(tgt_eos + shared, length)
    for i in sources:
        for j in targets:
            matrix[i, j] = 1.0 / len(targets)


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
    _map_swap_tail(matrix, source.eos, target.eos)
    return TokenMap(matrix, torch.zeros(length, dtype=torch.bool))


_LEFT, _UP, _DIAG = 1, 2, 3


def align(a: list[int], b: list[int], match: int = 1, mismatch: int = -1, gap: int = 0) -> list[int | None]:
    """Needleman-Wunsch global alignment of *b* against *a*: for each item of *b*, the index of
    the aligned (equal) item of *a*, or ``None`` if it was inserted or substituted.

    Ties are broken as the reference's ``seq_aligner.global_align`` breaks them (a gap in *a*
    first, then a gap in *b*, then the diagonal), so a repeated phrase aligns to its first
    occurrence, as in the authors' code.
    """
    n, m = len(a), len(b)
    score = [[0] * (m + 1) for _ in range(n + 1)]
    trace = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        score[i][0], trace[i][0] = i * gap, _UP
    for j in range(1, m + 1):
        score[0][j], trace[0][j] = j * gap, _LEFT
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            left, up = score[i][j - 1] + gap, score[i - 1][j] + gap
            diag = score[i - 1][j - 1] + (match if a[i - 1] == b[j - 1] else mismatch)
            best = max(left, up, diag)
            score[i][j] = best
            trace[i][j] = _LEFT if best == left else _UP if best == up else _DIAG
    result: list[int | None] = [None] * m
    i, j = n, m
    while i > 0 or j > 0:
        step = trace[i][j]
        if step == _DIAG:
            i, j = i - 1, j - 1
            if a[i] == b[j]:
                result[j] = i
        elif step == _LEFT:
            j -= 1
        else:
            i -= 1
    return result


def refine_map(source: Caption, target: Caption) -> TokenMap:
    """Refinement: globally align token ids (BOS/EOS included); aligned tokens take their
    source map, new tokens keep their own, and padding position ``j`` takes source position ``j``
    (the reference's ``get_refinement_mapper``)."""
    length = source.length
    matrix = torch.zeros(length, length)
    keep = torch.zeros(length, dtype=torch.bool)
    for j, i in enumerate(align(list(source.ids), list(target.ids))):
        if i is None:
            keep[j] = True
        else:
            matrix[i, j] = 1.0
    for j in range(target.eos + 1, length):
        matrix[j, j] = 1.0
    return TokenMap(matrix, keep)
