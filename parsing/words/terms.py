"""The terms of a text: stems of its words and phrases of two words, with how often each is used.

Words are letters only, three or more, outside handles, tags, cashtags, links and file names; a
phrase is two such words next to each other (only spaces between), neither a stop word, of two
stems. The words are found by one regular expression over the UTF-8 bytes, each distinct word's
stem looked up in a dict (found once per corpus while cached), and the stems and the phrases
of neighbouring stems made and counted in C: the Python work per thread follows its distinct new
words, not its length. How a term was first written is read back from the words found, for the
few terms an index keeps.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, islice
from operator import eq
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

NO_TERM = ""
"""The stem of a stop word, and of the break between runs: false, so that it is filtered out,
and never a stem (three letters or more)."""


@dataclass(slots=True)
class Terms:
    """Stems and phrases with their counts, and the words they were found as, in order.

    A phrase is its two stems with a space between (`central bank`): stems have no space, and
    every character of a stem sorts after the space, so phrases sort as the pairs of stems."""

    words: Counter[str] = field(default_factory=Counter)
    phrases: Counter[str] = field(default_factory=Counter)
    found: list[bytes] = field(default_factory=list)
    """Each word as found (lowered UTF-8), then each hashtag's parts; `_APART` between runs."""
    stems: list[str] = field(default_factory=list)
    """The stem of each word of `found`, `NO_TERM` for a stop word and a break between runs."""

    def written(self, stem: str) -> str:
        """The first word of `stem` as written (lower case)."""
        return _word(self.found[self.stems.index(stem)])

    def phrase_written(self, phrase: str) -> str:
        """The two words of the first use of `phrase` as written (lower case)."""
        first, second = phrase.split(" ")
        stems = self.stems
        at = stems.index(first)
        while stems[at + 1] != second:
            at = stems.index(first, at + 1)
        return _word(self.found[at]) + " " + _word(self.found[at + 1])


def text_terms(text: bytes, hashtags: dict[str, int] | None = None) -> Terms:
    """The terms of UTF-8 `text` (any case); `hashtags` (tag → uses) add their parts' words.

    Every step over all the words runs in C (`findall`, `split`, `map`, `filter`, `zip`,
    `join`, `Counter`, dict lookups); the Python work is per distinct word new to the cache."""
    found, stems = _stems(text, hashtags)
    terms = Terms(Counter(filter(None, stems)), Counter(_phrases(stems)), found, stems)
    for phrase in _doubled(stems):
        del terms.phrases[phrase]
    return terms


def term_keys(text: bytes, hashtags: dict[str, int] | None = None) -> set[str]:
    """The distinct words and phrases of `text_terms` (its keys), without counting them: what
    the document frequency needs."""
    _, stems = _stems(text, hashtags)
    keys: set[str] = set(filter(None, stems))
    keys.update(_phrases(stems))
    keys.difference_update(_doubled(stems))
    return keys


def _stems(text: bytes, hashtags: dict[str, int] | None) -> tuple[list[bytes], list[str]]:
    """The words of `text` as found, then the parts of each use of each hashtag (its stop
    words left out: the parts either side of one make a phrase), `_APART` before each use;
    and the stem of each."""
    found = _APART.join(_RUN.findall(text.lower())).split()
    for tag, count in (hashtags or {}).items():
        parts = [part for part in _tag_parts(tag) if _key(part) is not None]
        found += [_APART_WORD, *parts] * count
    known = _known_stems()
    stems = list(map(known.get, found))
    if None in stems:  # words new to the cache: most threads of a big corpus have none
        for raw in set(found).difference(known):
            key = _key(raw)
            known[raw] = NO_TERM if key is None else key[0]
        stems = list(map(known.__getitem__, found))
    return found, cast("list[str]", stems)


def _phrases(stems: list[str]) -> map[str]:
    """The phrase of each two neighbouring stems (the last has no next), neither `NO_TERM`;
    one stem twice makes no phrase, but is among them (`_doubled`)."""
    pairs = cast(
        "filter[tuple[str, str]]", filter(all, zip(stems, islice(stems, 1, None), strict=False))
    )
    return map(" ".join, pairs)


def _doubled(stems: list[str]) -> list[str]:
    """What `_phrases` makes of a stem found twice in a row, to be taken out: rare, so a step
    per word in C finds them, and a step per one found takes it out."""
    doubled = set(compress(stems, map(eq, stems, islice(stems, 1, None))))
    doubled.discard(NO_TERM)
    return [stem + " " + stem for stem in doubled]


_APART_WORD = _APART.strip()
_KNOWN_LIMIT = 200_000
_known: list[dict[bytes, str]] = [{}]


def _known_stems() -> dict[bytes, str]:
    """Stems of the words met so far (`NO_TERM` for a stop word), in a new dict once it holds
    `_KNOWN_LIMIT`: a caller keeps the dict it was given, so a call in another thread never
    loses its stems."""
    if len(_known[0]) >= _KNOWN_LIMIT:
        _known[0] = {}
    return _known[0]


def _tag_parts(tag: str) -> list[bytes]:
    return [part.lower().encode() for part in hashtag_words(tag)]


def hashtag_words(tag: str) -> list[str]:
    """The words a hashtag joins, by case changes and digits; parts under three letters go."""
    return [part for part in _HASHTAG_PART.findall(tag) if len(part) >= 3 and not part.isdigit()]


def _word(raw: bytes) -> str:
    """A term's word as written, from its bytes as found."""
    key = _key(raw)
    assert key is not None, "a term's word is never a stop word"
    return key[1]


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
