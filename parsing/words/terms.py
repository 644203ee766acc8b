"""The terms of a text: stems of its words and phrases of two words, with how often each is used.

Words are letters only, three or more, outside handles, tags, cashtags, links and file names; a
phrase is two such words next to each other (only spaces between), neither a stop word. Both are
found by regular expressions over the UTF-8 bytes and counted before any per-word work, so the
Python work per thread follows its distinct words, not its length.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from operator import itemgetter

from .stems import stem
from .stopwords import STOP_WORDS

_LETTERS = rb"[a-z\xc3-\xd3\x80-\xbf]{3,}+"
"""ASCII letters (the text is lowered first) and the bytes of two-byte letters (Latin-1 to
Cyrillic). One byte class is several times faster than an alternation; the tails of other
characters it picks up (`’`, `—`, emoji) are dropped when the word is decoded."""
_BEFORE = rb"(?<![\w@#$/.\-'&])"
_AFTER = rb"(?![\w@/\-'&]|\.\w)"
_WORD = re.compile(
    _BEFORE
    + rb"(?=("
    + _LETTERS
    + rb"[ \t]++"
    + _LETTERS
    + _AFTER
    + rb")?)("
    + _LETTERS
    + rb")"
    + _AFTER
)
"""A word, and the word with the next one when only spaces part them: one pass over the text
finds the words and the phrases."""
_HASHTAG_PART = re.compile(r"[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|\d+|[^\W\d_]+")
"""`RussianWorld` → Russian World; `COVID19Vaccine` → COVID 19 Vaccine."""
_STOP_STEMS = STOP_WORDS | frozenset(stem(word) for word in STOP_WORDS if len(word) > 4)
"""`seeing` goes with `see`; short stop words' stems (`mad` of `made`) are words of their own."""

Phrase = tuple[str, str]


@dataclass(slots=True)
class Terms:
    """Stems and stem pairs with their counts, and the words as first written for each."""

    words: Counter[str] = field(default_factory=Counter)
    phrases: Counter[Phrase] = field(default_factory=Counter)
    written: dict[str, str] = field(default_factory=dict)
    """Stem → the word as first written (lower case)."""

    phrase_words: dict[Phrase, tuple[str, str]] = field(default_factory=dict)
    """Phrase → its two words as first written together."""

    def phrase_written(self, phrase: Phrase) -> str:
        first, second = self.phrase_words.get(phrase) or (
            self.written[phrase[0]],
            self.written[phrase[1]],
        )
        return first + " " + second


def text_terms(text: bytes, hashtags: dict[str, int] | None = None) -> Terms:
    """The terms of UTF-8 `text` (any case); `hashtags` (tag → uses) add their parts' words.

    Every step maps cached lookups over the words in C (`map`, `filter`, `Counter`): a
    per-word Python loop made this several times slower than reading the entities."""
    lowered = text.lower()
    terms = Terms()
    matches = _WORD.findall(lowered)
    keys: list[tuple[str, str] | None] = list(map(_key, map(itemgetter(1), matches)))
    pairs = list(filter(None, map(_pair_key, filter(None, map(itemgetter(0), matches)))))
    for tag, count in (hashtags or {}).items():
        parts = [key for key in map(_key, _tag_parts(tag)) if key is not None]
        keys += parts * count
        pairs += [
            ((one[0], two[0]), (one[1], two[1])) for one, two in pairwise(parts) if one[0] != two[0]
        ] * count
    present = list(filter(None, keys))
    terms.words = Counter(map(itemgetter(0), present))
    terms.phrases = Counter(map(itemgetter(0), pairs))
    # The first use of each term is how it is written: one pass, last to first.
    terms.written = dict(reversed(present))
    terms.phrase_words = dict(reversed(pairs))
    return terms


@lru_cache(maxsize=200_000)
def _pair_key(pair: bytes) -> tuple[Phrase, tuple[str, str]] | None:
    """((stem, stem), (word, word)) for two words parted by spaces; None when either is a stop
    word or both have one stem."""
    first, second = pair.split()
    one, two = _key(first), _key(second)
    if one is None or two is None or one[0] == two[0]:
        return None
    return (one[0], two[0]), (one[1], two[1])


def _tag_parts(tag: str) -> list[bytes]:
    return [part.lower().encode() for part in hashtag_words(tag)]


def hashtag_words(tag: str) -> list[str]:
    """The words a hashtag joins, by case changes and digits; parts under three letters go."""
    return [part for part in _HASHTAG_PART.findall(tag) if len(part) >= 3 and not part.isdigit()]


@lru_cache(maxsize=200_000)
def _key(raw: bytes) -> tuple[str, str] | None:
    """(stem, word) for a lowered word's bytes; None for a stop word."""
    word = raw.decode("utf-8", "ignore")
    if not raw.isascii():
        word = word.lower()
    if word in STOP_WORDS or len(word) < 3:
        return None
    key = stem(word)
    return None if key in _STOP_STEMS else (key, word)
