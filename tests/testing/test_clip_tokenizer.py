"""The test models' tokenizer is CLIP's own, read from the demo model's folder."""

from __future__ import annotations

import pytest

from p2p_studio.testing.clip_tokenizer import clip_tokenizer, vocabulary_and_merges


def test_clip_ids_of_a_caption() -> None:
    tokenizer = clip_tokenizer(77)
    # CLIP's published ids: <|startoftext|> a cat sitting on a bench <|endoftext|>
    assert tokenizer("a cat sitting on a bench").input_ids == [49406, 320, 2368, 4919, 525, 320, 8771, 49407]
    assert tokenizer.model_max_length == 77


def test_a_vocabulary_that_is_not_clips_is_refused(tmp_path) -> None:
    bad = tmp_path / "tokenizer.json"
    bad.write_text('{"model": {"vocab": {"a": 0}, "merges": []}}')
    with pytest.raises(ValueError, match="does not hold CLIP's vocabulary"):
        vocabulary_and_merges(bad)
