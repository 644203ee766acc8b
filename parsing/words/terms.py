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
from itertools import islice, pairwise
from operator import itemgetter
from typing import cast

from .stems import stem
from .stopwords import STOP_WORDS

_LETTER = rb"[a-z\xc3-\xd3\x80-\xbf]"
"""ASCII letters (the text is lowered first) and the bytes of two-byte letters (Latin-1 to
Cyrillic). One byte class is several times faster than an alternation; the tails of other
characters it picks up (`’`, `—`, emoji) are dropped when the word is decoded."""
_NOT_BEFORE = rb"[\w@#$/.\-'&]"
_AFTER = rb"(?![\w@/\-'&]|\.\w)"
_WORD = _LETTER + rb"(?<!" + _NOT_BEFORE + rb".)" + _LETTER + rb"{2,}+" + _AFTER
"""A word. Its first letter comes first and what may not precede it is looked back at from
there: a pattern that starts with a letter class lets the engine skip to the next letter,
where one that starts by looking back is tried at every byte."""
_RUN = re.compile(_WORD + rb"(?:[ \t]++" + _WORD + rb")*+")
"""Words with only spaces between them (each pair of neighbours a phrase): one pass over the
text finds every word once, and which of them make phrases."""
_APART = b" . "
"""Put between runs: a token that is no word (under three letters), so no phrase spans it."""
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

    Every step over all the words runs in C (`findall`, `split`, `map`, `filter`, `Counter`,
    dict lookups); the Python work is per distinct word (its key, once per corpus while
    cached) and per pair of neighbouring terms (two cached keys joined: most pairs of words
    are new to any cache of pairs)."""
    keys, neighbours = _keys(text, hashtags)
    present = list(filter(None, keys))
    terms = Terms()
    terms.words = Counter(map(itemgetter(0), present))
    # The first use of each term is how it is written: one pass, last to first.
    terms.written = dict(reversed(present))
    phrases, phrase_words = terms.phrases, terms.phrase_words
    counted = phrases.get  # not Counter's `+=`: its `__missing__` is a Python call per phrase
    for one, two in neighbours:
        if one[0] != two[0]:
            phrase = (one[0], two[0])
            uses = counted(phrase)
            if uses is None:
                phrases[phrase] = 1
                phrase_words[phrase] = (one[1], two[1])
            else:
                phrases[phrase] = uses + 1
    return terms


def term_keys(text: bytes, hashtags: dict[str, int] | None = None) -> set[str | Phrase]:
    """The distinct words and phrases of `text_terms` (its keys), without counting them: what
    the document frequency needs."""
    keys, neighbours = _keys(text, hashtags)
    found: set[str | Phrase] = set(map(itemgetter(0), filter(None, keys)))
    found.update((one[0], two[0]) for one, two in neighbours if one[0] != two[0])
    return found


def _keys(
    text: bytes, hashtags: dict[str, int] | None
) -> tuple[list[Key | None], list[tuple[Key, Key]]]:
    """Each word's key (None for a stop word or a break between runs), the hashtags' parts'
    after them, and the pairs of neighbouring keys."""
    words = _APART.join(_RUN.findall(text.lower())).split()
    known = _known_keys()
    for raw in set(words).difference(known):
        known[raw] = _key(raw)
    keys = list(map(known.__getitem__, words))
    # Neighbours that are both terms: a stop word, or the break between two runs, has no key.
    following = zip(keys, islice(keys, 1, None), strict=False)  # the last word has no next
    neighbours = cast("list[tuple[Key, Key]]", list(filter(all, following)))
    for tag, count in (hashtags or {}).items():
        parts = [key for key in map(_key, _tag_parts(tag)) if key is not None]
        keys += parts * count
        neighbours += list(pairwise(parts)) * count
    return keys, neighbours


Key = tuple[str, str]
_KNOWN_LIMIT = 200_000
_known: list[dict[bytes, Key | None]] = [{}]


def _known_keys() -> dict[bytes, Key | None]:
    """Keys of the words met so far (`_key`), in a new dict once it holds `_KNOWN_LIMIT`: a
    caller keeps the dict it was given, so a call in another thread never loses its keys."""
    if len(_known[0]) >= _KNOWN_LIMIT:
        _known[0] = {}
    return _known[0]


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
