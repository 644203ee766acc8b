"""The word pass's fast paths against plain readings of the same rules: `text_terms` (words and
phrases found and counted in C) against a loop over each word and each pair of neighbours, and
`Frequency.best` against TF-IDF weighed term by term and picked with `heapq.nsmallest`."""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from hypothesis import example, given
from hypothesis import strategies as st

from parsing.words.frequency import Frequency
from parsing.words.terms import Terms, _key, _tag_parts, term_keys, text_terms

from .helpers import FIXTURES

_LETTERS = rb"[a-z\xc3-\xd3\x80-\xbf]{3,}+"
_AFTER = rb"(?![\w@/\-'&]|\.\w)"
_WORD_AND_PAIR = re.compile(
    rb"(?<![\w@#$/.\-'&])(?=(" + _LETTERS + rb"[ \t]++" + _LETTERS + _AFTER + rb")?)("
    + _LETTERS + rb")" + _AFTER
)  # fmt: skip
"""A word, and the word with the next one when only spaces part them."""


@dataclass
class Reading:
    """Words and phrases with their counts, and how each was first written."""

    words: Counter[str] = field(default_factory=Counter)
    phrases: Counter[str] = field(default_factory=Counter)
    written: dict[str, str] = field(default_factory=dict)
    phrase_written: dict[str, str] = field(default_factory=dict)


def reference_terms(text: bytes, hashtags: dict[str, int] | None = None) -> Reading:
    """The terms of `text`, one word and one pair at a time."""
    words, pairs = [], []
    for pair, word in _WORD_AND_PAIR.findall(text.lower()):
        key = _key(word)
        if key is not None:
            words.append(key)
        if pair:
            first, second = pair.split()
            one, two = _key(first), _key(second)
            if one is not None and two is not None and one[0] != two[0]:
                pairs.append((one, two))
    for tag, count in (hashtags or {}).items():
        parts = [key for key in map(_key, _tag_parts(tag)) if key is not None]
        words += parts * count
        pairs += [(one, two) for one, two in pairwise(parts) if one[0] != two[0]] * count
    expected = Reading()
    for stem, word in words:
        expected.words[stem] += 1
        expected.written.setdefault(stem, word)
    for one, two in pairs:
        phrase = one[0] + " " + two[0]
        expected.phrases[phrase] += 1
        expected.phrase_written.setdefault(phrase, one[1] + " " + two[1])
    return expected


def read(terms: Terms) -> Reading:
    """What `terms` counts, and how it says each term was first written."""
    return Reading(
        terms.words,
        terms.phrases,
        {stem: terms.written(stem) for stem in terms.words},
        {phrase: terms.phrase_written(phrase) for phrase in terms.phrases},
    )


_WORDS = [
    "Central", "central", "bank", "banks", "Reserves", "reserve", "the", "and", "Grain",
    "exports", "САНКЦИИ", "санкций", "año", "Über", "naïve", "seeing", "gas", "ab", "x",
    "Russia’s", "«Grain»", "🇺🇦diaspora", "1", "e.g", ".com", "fleet.example/cargo", "@bank",
    "#grain", "$GAS",
]  # fmt: skip
_BETWEEN = [" ", " ", " ", " ", "  ", "\t", "\n", ". ", ", ", ":", "/", "-", "'", "&", "—", ""]
_TEXTS = st.one_of(
    st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_BETWEEN)), max_size=30).map(
        lambda pieces: "".join(word + between for word, between in pieces)
    ),
    st.text(max_size=80),
)
_TAGS = st.dictionaries(
    st.sampled_from(["RussianWorld", "COVID19Vaccine", "NATO", "grain", "BankBank", "G7"]),
    st.integers(1, 3),
    max_size=3,
)


@given(_TEXTS, _TAGS)
@example("Central Bank reserves, central banks  reserve\tbanks", {"CentralBanks": 1})
@example("banks bank reserve bank banks", {"BankTheBanks": 2})
def test_text_terms_equal_the_reference(text: str, tags: dict[str, int]) -> None:
    """Any text, with any hashtags, gives the same words, phrases and written forms as the
    plain reading."""
    assert read(text_terms(text.encode(), tags)) == reference_terms(text.encode(), tags)


def test_text_terms_of_the_fixtures_equal_the_reference() -> None:
    """Every fixture file's text gives the same terms as the plain reading."""
    files = sorted(path for path in FIXTURES.rglob("*") if path.is_file())
    assert len(files) > 20
    for path in files:
        text = path.read_bytes()
        assert read(text_terms(text)) == reference_terms(text), path.name


def reference_best(
    counts: Counter[str], threads: int, exact: bool, uses: Counter[str], count: int
) -> list[tuple[str, int]]:
    """The `count` heaviest terms of `uses`: TF-IDF term by term, then `heapq.nsmallest`."""
    least, common = (2 if exact else 1), max(2, threads // 2)
    idf = {term: math.log(1 + threads / n) for term, n in counts.items() if least <= n <= common}
    weighed = []
    for term, n in uses.items():
        tf = 1 + math.log(min(n, 9))
        if term in idf:
            weighed.append((-idf[term] * tf, term))
        elif not exact and term not in counts:
            weighed.append((-math.log(1 + threads) * tf, term))
    return [(term, uses[term]) for _, term in heapq.nsmallest(count, weighed)]


_TERMS = st.sampled_from([f"t{n}" for n in range(12)])


@given(
    st.dictionaries(_TERMS, st.integers(1, 30)),
    st.integers(1, 60),
    st.booleans(),
    st.dictionaries(_TERMS, st.integers(1, 14)),
    st.integers(1, 8),
)
def test_best_terms_equal_the_reference(
    counts: dict[str, int], threads: int, exact: bool, uses: dict[str, int], count: int
) -> None:
    """The terms picked, their order and their uses are those of the plain TF-IDF ranking."""
    frequency = Frequency.of(Counter(counts), threads, exact)
    expected = reference_best(Counter(counts), threads, exact, Counter(uses), count)
    assert frequency.best(Counter(uses), count) == expected


@given(_TEXTS, _TAGS)
def test_term_keys_are_the_keys_of_text_terms(text: str, tags: dict[str, int]) -> None:
    """The distinct words and phrases the document frequency counts are those `text_terms`
    counts."""
    terms = text_terms(text.encode(), tags)
    assert term_keys(text.encode(), tags) == set(terms.words) | set(terms.phrases)


_STEM = st.one_of(
    st.text(alphabet="abzàéжяё", min_size=3, max_size=5),
    st.sampled_from(_WORDS)
    .map(lambda word: _key(word.lower().encode()))
    .filter(bool)
    .map(lambda key: key[0] if key else ""),
)


@given(st.lists(st.tuples(_STEM, _STEM), max_size=8))
@example([("bank", "rate"), ("banka", "rate"), ("bankà", "aaa")])
def test_phrases_sort_as_their_pairs_of_stems(pairs: list[tuple[str, str]]) -> None:
    """A phrase's key (two stems and a space) sorts where the pair of its stems sorts, so
    that ties between phrases break as they would between the pairs."""
    assert sorted(first + " " + second for first, second in pairs) == [
        first + " " + second for first, second in sorted(pairs)
    ]
