"""Words of a caption the text encoder may not read as meant: a typo it splits into sub-word pieces
(``cirlce`` → ``cir·l·ce``) or one that happens to be a rare token (``bleu``). A warning with the
likely word, never a refusal: compounds such as ``photorealistic`` are split too and work."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from typing import Protocol

from p2p_studio.core.text import Message

#: How CLIP's BPE vocabulary marks a token that ends a word.
WORD_END = "</w>"
#: A whole-word token at least this many times further down the BPE merge order (rarer) than a word
#: one adjacent-letter swap away is taken for a typo of it: ``bleu`` (rank 30114) for ``blue``
#: (1746); ``form`` (1907) for ``from`` (633) is not.
RARER = 10
#: Split words of this many letters may be two typos away from the word meant (shorter ones, one:
#: two edits of ``bokeh`` reach ``broke``; longer ones are mostly compounds, and slow to search).
TWO_TYPOS = range(6, 11)
#: Endings that split a known word harmlessly (``giraffes`` → ``giraffe·s``).
ENDINGS = ("s", "es")
_WORDS = re.compile(r"[^\W\d_]+")  # runs of letters, any script
#: Latin letters with accents (café, naïve): English text may have them; other scripts are flagged.
_LATIN = re.compile(r"[\u00c0-\u024f]")


class HasVocabulary(Protocol):
    def get_vocab(self) -> dict[str, int]: ...


class Vocabulary:
    """The whole-word tokens of a tokenizer, by merge rank (lower: more frequent)."""

    def __init__(self, vocab: Mapping[str, int]) -> None:
        ends = len(WORD_END)
        self._rank = {t[:-ends]: i for t, i in vocab.items()
                      if t.endswith(WORD_END) and t[:-ends].isascii() and t[:-ends].isalpha()}
        self._found: dict[str, str | None] = {}

    @classmethod
    def of(cls, tokenizer: HasVocabulary) -> Vocabulary:
        return cls(tokenizer.get_vocab())

    def suggestion(self, word: str) -> str | None:
        """The word *word* (lower case letters) is likely a typo of, or ``None``."""
        rank = self._rank.get(word)
        if rank is not None:
            likelier = [s for s in _swaps(word) if s in self._rank and self._rank[s] * RARER <= rank]
            return min(likelier, key=self._rank.__getitem__) if likelier else None
        if any(word.endswith(e) and word[:-len(e)] in self._rank for e in ENDINGS):
            return None
        if word not in self._found:
            self._found[word] = self._nearest(word)
        return self._found[word]

    def _nearest(self, word: str) -> str | None:
        """The whole word one edit from *word* (two neighbours swapped, the likeliest typo, first;
        else the most frequent with a letter deleted, inserted or replaced); else, for words of
        :data:`TWO_TYPOS` letters, the most frequent two edits away."""
        for found in (_swaps(word) & self._rank.keys(), _edits(word) & self._rank.keys()):
            if found:
                return min(found, key=self._rank.__getitem__)
        if len(word) not in TWO_TYPOS:
            return None
        twice = {w2 for w in _edits(word) for w2 in _edits(w)} & self._rank.keys()
        return min(twice, key=self._rank.__getitem__) if twice else None

    def warnings(self, texts: Iterable[str]) -> list[Message]:
        """One line per suspicious word of *texts* (each word once, in order of appearance), and
        one for text in another script than English's (the text encoders learnt English captions)."""
        seen: set[str] = set()
        lines: list[Message] = []
        script_said = False
        for text in texts:
            foreign = [c for c in text if c.isalpha() and not c.isascii() and not _LATIN.match(c)]
            if foreign and not script_said:
                script_said = True
                lines.append(Message.of("'{text}' is not English: the text encoder was trained on English captions, "
                                        "so write the caption in English", text="".join(foreign[:12])))
            for word in _WORDS.findall(text.lower()):
                if len(word) < 3 or not word.isascii() or word in seen:
                    continue
                seen.add(word)
                if (likely := self.suggestion(word)) is None:
                    continue
                lines.append(Message.of("'{word}' is a rare word for the text encoder; did you mean '{likely}'?"
                                        if word in self._rank else
                                        "'{word}' is not a word the text encoder knows; did you mean '{likely}'?",
                                        word=word, likely=likely))
        return lines


def _swaps(word: str) -> set[str]:
    """Every string two neighbouring letters of *word* swapped."""
    return {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)} - {word}


def _edits(word: str) -> set[str]:
    """Every string one deletion, swap of neighbours, replacement or insertion of a letter away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    letters = string.ascii_lowercase
    return ({a + b[1:] for a, b in splits if b}
            | _swaps(word)
            | {a + c + b[1:] for a, b in splits if b for c in letters}
            | {a + c + b for a, b in splits for c in letters}) - {word}
