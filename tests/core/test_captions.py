"""The torch-free caption helpers: re-weighting syntax shared by the engine and the edit panel."""

from __future__ import annotations

import pytest

from p2p_studio.core.captions import UNCHANGED, check_edit_words, parse_weights, reweight, unchanged
from p2p_studio.core.errors import InputError


def test_ctrl_up_reweights_the_word_under_the_cursor() -> None:
    assert reweight("a tiger on a bench", 4, 0.1) == ("a (tiger:1.1) on a bench", 13)
    assert reweight("a (tiger:1.1) on a bench", 5, -0.1)[0] == "a tiger on a bench"
    assert reweight("a (tiger:0.1) on a bench", 5, -0.2)[0] == "a (tiger:-0.1) on a bench"
    assert reweight("a tiger", 99, 0.1) == ("a tiger", 99)


def test_what_reweight_writes_parse_weights_reads() -> None:
    text, _ = reweight("a red car", 3, 0.5)
    weighted = parse_weights(text)
    assert weighted.text == "a red car" and weighted.weights == ((1, 1.5),)
    with pytest.raises(InputError, match="re-weighting"):
        parse_weights("a (red:1.5 car")


@pytest.mark.parametrize(("edit", "expected"), [
    ("a red circle", True),
    ("A  Red circle.", True),  # the words the tokenizer sees: case, spacing and punctuation aside
    ("a (red:1) circle", True),
    ("a (red:1.5) circle", False),  # re-weighting the same words is an edit
    ("a blue circle", False),
    ("a red circle on grass", False),
    ("a (red:x) circle", False),  # unreadable markup: its own message, not this one
])
def test_an_edited_caption_that_changes_nothing_is_refused_in_one_line(edit: str, expected: bool) -> None:
    assert unchanged("a red circle", edit) is expected
    if expected:
        with pytest.raises(InputError) as info:
            check_edit_words("a red circle", ["a blue circle", edit], None, (), [])
        assert str(info.value) == str(UNCHANGED) == "the edited caption is the same as the caption — change a word"
    elif edit != "a (red:x) circle":
        check_edit_words("a red circle", [edit], None, (), [])
