"""Caption words the text encoder is likely to misread, on the real CLIP vocabulary."""

from __future__ import annotations

import pytest

from p2p_studio.engine.vocabulary import Vocabulary
from p2p_studio.testing.clip_tokenizer import clip_tokenizer


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return Vocabulary.of(clip_tokenizer(77))


@pytest.mark.parametrize(("word", "meant"), [
    ("cirlce", "circle"),  # split into cir·l·ce; two letters swapped
    ("dgo", "dog"),  # a swap before the likelier-looking deletion ('do')
    ("bnech", "bench"),
    ("squirel", "squirrel"),  # a letter missing
    ("coffe", "coffee"),
    ("lamborgini", "lamborghini"),
    ("photgraph", "photograph"),
    ("bleu", "blue"),  # a whole-word token, but about 17 times rarer than the word one swap away
])
def test_a_typo_gets_the_word_meant(vocabulary, word, meant) -> None:
    assert vocabulary.suggestion(word) == meant


@pytest.mark.parametrize("word", [
    "circle", "from", "form", "angel", "three", "trail",  # words, rare or not, with a neighbour
    "giraffes", "boxes",  # a known word and a plural ending
    "photorealistic", "skyscraper", "bokeh", "artstation",  # split, but nothing near enough
])
def test_words_and_compounds_get_no_warning(vocabulary, word) -> None:
    assert vocabulary.suggestion(word) is None


def test_warnings_name_each_word_once_in_order(vocabulary) -> None:
    lines = vocabulary.warnings(["a red Cirlce on a bleu square", "a (bleu:1.5) cirlce, 8k, photorealistic"])
    assert [str(line) for line in lines] == [
        "'cirlce' is not a word the text encoder knows; did you mean 'circle'?",
        "'bleu' is a rare word for the text encoder; did you mean 'blue'?",
    ]
    assert vocabulary.warnings(["a cat sitting on a bench", "a tiger sitting on a bench"]) == []


def test_a_caption_in_another_script_is_warned_about_once(vocabulary) -> None:
    lines = [str(line) for line in vocabulary.warnings(["一只猫坐在长椅上", "一只老虎坐在长椅上", "a café"])]
    assert lines == ["'一只猫坐在长椅上' is not English: the text encoder was trained on English captions, "
                     "so write the caption in English"]
    assert vocabulary.warnings(["a naïve café in München"]) == []  # accented Latin letters are English enough
    assert len(vocabulary.warnings(["a script", "一只猫"])) == 1  # a word 'script' does not hide the line
