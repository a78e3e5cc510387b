"""Caption text without a tokenizer: word normalisation and the ``(word:1.5)`` re-weighting syntax.

Torch-free, so the edit panel (Ctrl+Up/Down) and the engine share one parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from p2p_studio.core.errors import InputError
from p2p_studio.core.text import Message

_WEIGHT = re.compile(r"\(([^():]+):\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*\)")
_PUNCT = ".,;:!?\"'()[]{}"
#: Longer captions are refused before tokenising (a CLIP caption holds at most a few hundred characters).
MAX_CAPTION_CHARS = 2000
#: Re-weighting factors are refused beyond this size: far larger ones overflow the attention (NaN).
MAX_WEIGHT = 10.0


def check_caption(text: str, what: str = "caption") -> str:
    """*text* if it is a caption of a sane size made of real characters; :class:`InputError` otherwise.

    A command-line argument with a byte that is not UTF-8 arrives as a lone surrogate, which no
    tokenizer, JSON writer or terminal can take: it is refused here, before any model loads.
    """
    if len(text) > MAX_CAPTION_CHARS:
        raise InputError("the {what} is too long: {count:,} characters (at most {limit:,})",
                         what=what, count=len(text), limit=MAX_CAPTION_CHARS)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = text[exc.start:exc.end].encode("utf-8", "surrogateescape").hex(" ")
        raise InputError("the {what} contains a byte that is not UTF-8 text (0x{bad} at character "
                         "{position}); type it again or set a UTF-8 locale",
                         what=what, bad=bad, position=exc.start + 1) from None
    if "\0" in text:
        raise InputError("the {what} contains a NUL character", what=what)
    return text


def check_words(text: str, what: str = "caption") -> list[str]:
    """The words of a caption that must have some (:func:`check_caption` plus: not empty)."""
    words = check_caption(text, what).split()
    if not words:
        raise InputError("the {what} is empty", what=what)
    return words


def normalise_word(word: str) -> str:
    """Lower-case and strip surrounding punctuation (how words are compared and looked up)."""
    return word.strip(_PUNCT).lower()


@dataclass(frozen=True)
class Weighted:
    """A caption with its ``(word:factor)`` markup removed, and the factors per word index."""

    text: str
    weights: tuple[tuple[int, float], ...]


def parse_weights(text: str) -> Weighted:
    """``"a (red:1.5) car"`` -> ``"a red car"`` with weight 1.5 on word 1. Negative factors allowed."""
    check_caption(text, "edited caption")
    plain: list[str] = []
    weights: list[tuple[int, float]] = []
    pos = 0
    for m in _WEIGHT.finditer(text):
        plain.extend(text[pos : m.start()].split())
        phrase = m.group(1).split()
        if not phrase:
            raise InputError("empty word in re-weighting {markup!r}", markup=m.group(0))
        factor = float(m.group(2))
        if not abs(factor) <= MAX_WEIGHT:  # also NaN, and 1e999 (inf)
            raise InputError("re-weighting factor {factor} in {markup!r} is out of range: use a "
                             "factor between {low:g} and {high:g}",
                             factor=m.group(2), markup=m.group(0), low=-MAX_WEIGHT, high=MAX_WEIGHT)
        weights.extend((len(plain) + i, factor) for i in range(len(phrase)))
        plain.extend(phrase)
        pos = m.end()
    plain.extend(text[pos:].split())
    if re.search(r"\([^()]*:", _WEIGHT.sub(" ", text)):
        raise InputError("cannot read the re-weighting in {text!r}; write it as (word:1.5)", text=text)
    return Weighted(" ".join(plain), tuple(weights))


def reweight(text: str, cursor: int, delta: float) -> tuple[str, int]:
    """Raise or lower by *delta* the weight of the word under *cursor*; returns the text and new cursor."""
    for m in re.finditer(r"\S+", text):
        start, end = m.span()
        if start <= cursor <= end:
            weighted = _WEIGHT.fullmatch(m.group())
            word, factor = (weighted[1].strip(), float(weighted[2])) if weighted else (m.group(), 1.0)
            factor = round(factor + delta, 2)
            new = word if abs(factor - 1.0) < 1e-9 else f"({word}:{factor:g})"
            return text[:start] + new + text[end:], start + len(new)
    return text, cursor


def set_weights(text: str, factor: float) -> str:
    """*text* with every ``(word:f)`` factor set to *factor* (the words and the rest kept)."""
    return _WEIGHT.sub(lambda m: f"({m.group(1)}:{factor:g})", text)


def check_edit_words(caption: str, edits: list[str], blend: tuple[str, ...] | None, subtract: tuple[str, ...],
                     cross_words: list[str]) -> None:
    """Everything about captions and the words settings name that needs no tokenizer: captions not
    empty, ``(word:f)`` markup readable and in range, blend and subtract words in one of the
    captions, per-word cross fractions on words of the edited caption. :class:`InputError` otherwise.

    Words are whitespace-separated and compared as :func:`normalise_word` does, exactly as the
    engine's plan finds them, so what passes here is found there.
    """
    source = [normalise_word(w) for w in check_words(caption)]
    for edit in edits:
        weighted = parse_weights(edit)
        target = [normalise_word(w) for w in check_words(weighted.text, "edited caption")]
        if unchanged(caption, edit):
            raise InputError(UNCHANGED)
        for what, words in (("blend", blend or ()), ("subtract", subtract)):
            for word in words:
                if not (_has(source, word) or _has(target, word)):
                    raise InputError("{what} word {word!r} is in neither caption", what=what, word=word)
        for word in cross_words:
            if not _has(target, word):
                raise InputError("cross-attention word {word!r} is not in the edited caption", word=word)


#: Why an edited caption that changes nothing is refused (the edit would be a blurred copy of the photo).
UNCHANGED = Message.of("the edited caption is the same as the caption — change a word")


def unchanged(caption: str, edit: str) -> bool:
    """Whether *edit* asks for nothing: the caption's words (compared as :func:`normalise_word`
    does) and no word re-weighted by a factor other than 1. Unreadable markup is not "unchanged":
    its own check says what is wrong."""
    try:
        weighted = parse_weights(edit)
    except InputError:
        return False
    same = [normalise_word(w) for w in caption.split()] == [normalise_word(w) for w in weighted.text.split()]
    return same and all(f == 1 for _, f in weighted.weights) and bool(caption.split())


def _has(words: list[str], phrase: str) -> bool:
    return bool(phrase.split()) and bool(phrase_starts(words, phrase))


def phrase_starts(keys: list[str], phrase: str) -> list[int]:
    """Where *phrase* (one word or several) occurs in *keys*, the caption's normalised words: the
    index of each occurrence's first word. The engine finds blend and subtract words the same way."""
    parts = [normalise_word(p) for p in phrase.split()]
    return [i for i in range(len(keys) - len(parts) + 1) if keys[i:i + len(parts)] == parts]
