from __future__ import annotations

import pytest
import torch

from p2p_studio.core.errors import InputError
from p2p_studio.engine.alignment import align, refine_map, swap_map
from p2p_studio.engine.captions import parse_weights, tokenize

L = 24


@pytest.fixture(scope="module")
def tok(tiny):
    return tiny.tokenizer


def test_word_spans_match_whole_caption_tokenisation(tok) -> None:
    text = "a tigerish cat, sitting on a bench!"
    cap = tokenize(tok, text, L)
    assert list(cap.ids) == tok(text).input_ids
    assert cap.find("tigerish")[0].end - cap.find("tigerish")[0].start == 2


def test_swap_with_different_token_counts_keeps_later_tokens_aligned(tok) -> None:
    src = tokenize(tok, "a cat sitting on a bench", L)
    tgt = tokenize(tok, "a tigerish sitting on a bench", L)
    m = swap_map(src, tgt)
    cat = src.find("cat")[0]
    tiger = tgt.find("tigerish")[0]
    # the one source token spreads evenly over the two target tokens
    for j in tiger.positions:
        assert m.sources_of(j) == [cat.start]
        assert m.matrix[cat.start, j] == pytest.approx(0.5)
    # every later word maps to its own shifted counterpart, EOS included
    for sw, tw in zip(src.words[2:], tgt.words[2:], strict=True):
        assert [m.sources_of(j) for j in tw.positions] == [[i] for i in sw.positions]
    assert m.sources_of(tgt.eos) == [src.eos]
    # mass is conserved: every source column of a word sums to one
    assert torch.allclose(m.matrix[: src.eos + 1].sum(1), torch.ones(src.eos + 1))


def test_swap_from_two_tokens_to_one(tok) -> None:
    src = tokenize(tok, "a tigerish on grass", L)
    tgt = tokenize(tok, "a cat on grass", L)
    m = swap_map(src, tgt)
    tiger = src.find("tigerish")[0]
    assert m.sources_of(tgt.find("cat")[0].start) == list(tiger.positions)
    assert m.sources_of(tgt.find("grass")[0].start) == [src.find("grass")[0].start]


def test_refine_aligns_kept_tokens_and_marks_new_ones(tok) -> None:
    src = tokenize(tok, "a cat sitting on a bench", L)
    tgt = tokenize(tok, "a fluffy cat sitting on a wooden bench", L)
    m = refine_map(src, tgt)
    new = {j for j in range(L) if m.keep_own[j]}
    assert new == set(tgt.find("fluffy")[0].positions) | set(tgt.find("wooden")[0].positions)
    assert m.sources_of(tgt.find("cat")[0].start) == [src.find("cat")[0].start]
    assert m.sources_of(tgt.find("bench")[0].start) == [src.find("bench")[0].start]
    assert m.sources_of(tgt.eos) == [src.eos]


def test_needleman_wunsch() -> None:
    assert align([1, 2, 3, 4], [1, 2, 9, 3, 4]) == [0, 1, None, 2, 3]
    assert align([1, 2, 3], [1, 3]) == [0, 2]
    assert align([], [5]) == [None]


def test_weights_syntax() -> None:
    w = parse_weights("a (red:1.5) car on (a wet street:-0.5)")
    assert w.text == "a red car on a wet street"
    assert w.weights == ((1, 1.5), (4, -0.5), (5, -0.5), (6, -0.5))
    with pytest.raises(InputError, match="re-weighting"):
        parse_weights("a (red:x) car")


def test_caption_errors(tok) -> None:
    with pytest.raises(InputError, match="empty"):
        tokenize(tok, "   ", L)
    with pytest.raises(InputError, match="too long"):
        tokenize(tok, " ".join(["word"] * L), L)
