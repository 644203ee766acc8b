"""Related threads' fast steps against plain readings of the same rules: a candidate's score
(`related._score`: each step in C over the shared features) and its evidence against a loop
over the shared features, as the rules say them; rough scores against the same sums."""

from __future__ import annotations

import math
import statistics
from array import array

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from parsing import build_index, related, related_scores, related_weights
from parsing.index import CorpusIndex, Feature

from .helpers import parse_text

_PIECES = [
    "🇨🇳", "🇷🇺", "🇰🇿", "🇫🇷", "@grainwatch", "@Port_Desk", "#tankers", "#GrainDeal",
    "harbourlog.example/a", "silo.example/b", "pipeline", "pipelines", "tariff", "steppe",
    "freight", "barley", "quotas", "ferry", "ferries", "convoy", "ledger", "harbour",
]  # fmt: skip
"""Invented words, flags, handles, tags and links, few enough that threads share many."""
_SHARING = [
    ["🇨🇳", "🇷🇺", "pipeline", "@grainwatch", "pipeline"],
    ["🇷🇺", "🇨🇳", "pipelines", "@grainwatch", "barley", "#GrainDeal"],
    ["🇫🇷", "barley", "#GrainDeal", "🇷🇺"],
]
"""Two flags, a handle, a word and a tag shared."""
_THREADS = st.lists(
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14), min_size=2, max_size=9
)


def quantised(value: float) -> float:
    """`value` rounded down to a multiple of the weights' quantum."""
    return math.floor(value / related_weights._QUANTUM) * related_weights._QUANTUM


def reference_salience(index: CorpusIndex, thread: int, feature: Feature) -> float:
    """BM25's saturation of the feature's uses in the thread, as a square root, quantised."""
    if thread >= len(index.lengths):
        return 1.0
    uses = index.counts[thread][index.features[thread].index(feature)]
    norm = related_weights._K1 * (
        1 - related_weights._B + related_weights._B * index.lengths[thread] / index.mean_length
    )
    return quantised(math.sqrt(uses * (related_weights._K1 + 1) / (uses + norm)))


def reference_score(index: CorpusIndex, thread: int, other: int) -> float:
    """Shared features' weights as `thread` uses them times their salience in `other`, summed
    one at a time; two flags or more shared count `FLAG_PAIR` times their share."""
    features = index.features[thread]
    shared = list(set(features).intersection(index.features[other]))
    weights = {f: related._weight(index, f) for f in features}
    total = 0.0
    for feature in shared:
        own_use = reference_salience(index, thread, feature)
        total += quantised(weights[feature] * own_use) * reference_salience(index, other, feature)
    flags = [weights[f] for f in shared if f[0] == "flag"]
    if len(flags) < 2:
        return total
    plain = sum(weights[f] for f in shared)
    return total * (1 + (related_scores.FLAG_PAIR - 1) * sum(flags) / plain)


def reference_evidence(shared: list[Feature]) -> int:
    count = 0
    for kind, _ in shared:
        count += {"phrase": 2, "hashtag": 2, "mention": 2, "word": 1, "domain": 1}.get(kind, 0)
    return count + (2 if sum(kind == "flag" for kind, _ in shared) > 1 else 0)


def _index(threads: list[list[str]]) -> CorpusIndex:
    return _index_of("".join("1/ " + " ".join(t) + "\n\n" for t in threads))


def _index_of(text: str) -> CorpusIndex:
    return build_index(parse_text(text))


@given(_THREADS)
@example(_SHARING)
def test_scores_and_evidence_equal_the_reference(threads: list[list[str]]) -> None:
    """Every pair of threads sharing a feature gets the score and the evidence of the plain
    loop over what they share (the score to within a sum's rounding)."""
    index = _index(threads)
    for thread, features in enumerate(index.features):
        _, weights, weighted = related.thread_weights(index, thread)
        for other in range(len(index.features)):
            shared = list(set(features).intersection(index.features[other]))
            if other == thread or not shared:
                continue
            uses = related._uses_in(index, other, shared)
            score = related._score(index, other, shared, uses, weighted=weighted, weights=weights)
            assert math.isclose(score, reference_score(index, thread, other), rel_tol=1e-12)
            assert related._evidence(shared) == reference_evidence(shared)


_WAYS = {
    "holders as lists": {"SET_FROM": 10**9, "_READ_PER_HASH": 10**9},
    "holders as sets": {"SET_FROM": 0, "_READ_PER_HASH": 10**9},
    "from the candidates": {"_READ_PER_HASH": -1},
}
"""Settings of `related_scores` that take each way to the rough scores."""


@given(_THREADS, st.sampled_from(sorted(_WAYS)))
@example(_SHARING, "holders as lists")
@example(_SHARING, "holders as sets")
@example(_SHARING, "from the candidates")
def test_rough_scores_equal_the_reference(threads: list[list[str]], way: str) -> None:
    """Rough scores, read from holders kept as lists or as sets or from the candidates'
    features, are the sums over what each candidate shares, and what each shares is given in
    the thread's order."""
    index = _index(threads)
    original = {name: getattr(related_scores, name) for name in _WAYS[way]}
    for name, value in _WAYS[way].items():
        setattr(related_scores, name, value)
    try:
        for thread, features in enumerate(index.features):
            weights = {f: related._weight(index, f) for f in features}
            weighted = {f: weights[f] * 2.0 for f in features}
            others = set(range(len(index.features))) - {thread}
            rough = related_scores.rough_scores(index, features, others, weighted, weights)
            for other in others:
                shared = set(features).intersection(index.features[other])
                expected = related_scores.with_flags(
                    sum(map(weighted.get, shared)), shared, weights
                )
                assert math.isclose(rough.scores.get(other, 0.0), expected, rel_tol=1e-12)
                assert (other in rough.scores) == bool(shared)
                if shared:
                    ordered = [feature for feature in features if feature in shared]
                    assert rough.shared(other) == ordered
    finally:
        for name, value in original.items():
            setattr(related_scores, name, value)


@given(st.lists(st.floats(0.0, 50.0), max_size=40))
def test_the_cut_is_the_least_score_or_twice_the_median(scores: list[float]) -> None:
    """The cut read from the scores in order is `MIN_SCORE`, or `_NOISE` times their median
    (`statistics.median`) when there are enough of them and that is higher."""
    by_score = sorted(((score, n) for n, score in enumerate(scores)), reverse=True)
    expected = related.MIN_SCORE
    if len(scores) >= related._NOISE_SAMPLE:
        expected = max(expected, related._NOISE * statistics.median(scores))
    assert related._cut(by_score) == expected


def test_holders_kept_as_sets_are_those_held_by_many(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before an export of every thread's related threads, the holders of each feature held by
    more than `SET_FROM` threads are kept as sets, and only those; flags, read from the
    candidates' codes, are not."""
    index = _index(_SHARING)
    monkeypatch.setattr(related_scores, "SET_FROM", 1)
    related_scores.hold_as_sets(index)
    many = {f for f, held in index.postings.items() if len(held) > 1 and f[0] != "flag"}
    assert many and set(index.holder_sets) == many
    for feature in many:
        assert index.holder_sets[feature] == set(index.threads_with(feature))


@given(_THREADS)
@example(_SHARING)
def test_skipping_by_the_most_used_feature_lists_the_same(threads: list[list[str]]) -> None:
    """A candidate whose rough score times the salience of its most used feature is under the
    cut is not scored again: the lists are those of scoring every candidate of the shortlist."""
    index = _index(threads)
    pruned = [related.related_threads(index, t) for t in range(len(index.features))]
    original = related._most_salient
    related._most_salient = lambda index, thread: math.inf
    try:
        whole = [related.related_threads(index, t) for t in range(len(index.features))]
    finally:
        related._most_salient = original
    assert pruned == whole


@given(st.integers(1, 5000), st.floats(1.0, 400.0), st.integers(1, 255))
def test_saturation_tables_equal_the_formula(length: int, mean: float, uses: int) -> None:
    """The salience read from a length's table is BM25's saturation as a square root rounded
    down to the quantum, and the most salient feature's bounds it."""
    index = CorpusIndex(lengths=array("I", [length]), mean_length=mean, counts=[bytes([uses])])
    norm = related_weights._K1 * (1 - related_weights._B + related_weights._B * (length / mean))
    expected = quantised(math.sqrt(uses * (related_weights._K1 + 1) / (uses + norm)))
    assert related._saturated(index, 0, bytes([uses])) == [expected]
    assert related._most_salient(index, 0) > expected


def test_a_call_makes_no_holder_set_that_costs_more_than_it_saves(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where making the sets of holders of a thread's features would read more holders than
    hashing its candidates' features, a call reads the candidates' features and keeps no set,
    though reading a hundred candidates from sets already made would cost less; the list is
    the one read from sets made beforehand (as `export --related` makes them)."""
    monkeypatch.setattr(related_scores, "SET_FROM", 20)
    words = [f"{a}{b}" for a in ("ka", "ri", "to", "mo", "la") for b in ("ne", "vi", "su", "do")]
    # Each of 800 threads: the handle and the tag, and 18 words of its own mix; the first
    # shares two words with thread 0, which holds the handle and the tag.
    own = [" ".join(words[(n + k) % 20] + "x" * (n % 5) for k in range(18)) for n in range(800)]
    own[0] += " barges silos"  # shared with thread 0 alone: a list to compare
    first = "1/ @grainwatch #harvest barges silos\n\n"
    text = first + "\n\n".join(f"1/ @grainwatch #harvest {w}" for w in own)
    index = _index_of(text)
    features = index.features[0]
    candidates = related._candidates(index, 0, dict.fromkeys(features, 1.0), related.MAX_RELATED)
    hashed = sum(len(index.features[other]) for other in candidates)
    from_sets = sum(min(len(index.threads_with(f)), len(candidates)) for f in features)
    making_sets = sum(len(index.threads_with(f)) for f in features)
    assert from_sets <= related_scores._READ_PER_HASH * hashed < making_sets
    found = related.related_threads(index, 0)
    assert [item.thread for item in found] == [1]
    assert index.holder_sets == {}
    related_scores.hold_as_sets(index)
    held_by_many = {f for f in features if len(index.threads_with(f)) > related_scores.SET_FROM}
    assert held_by_many and held_by_many <= set(index.holder_sets)
    assert related.related_threads(index, 0) == found
