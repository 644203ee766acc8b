"""The candidates of a thread's related threads are bounded whatever the corpus: at most
`_CANDIDATE_BUDGET`, the best by the weight they share of the thread's rare features, found
among at most `_READ_BUDGET` holders read rarest feature first."""

from __future__ import annotations

import random
from array import array

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsing import related
from parsing.index import CorpusIndex, Feature

_THREADS = 60


@st.composite
def _corpora(draw: st.DrawFn) -> tuple[CorpusIndex, dict[Feature, float]]:
    """Thread 0 holding a few features, each held by any share of 60 threads (thread 0 among
    them), with any weights."""
    count = draw(st.integers(1, 8))
    features = [("word", f"w{n}") for n in range(count)]
    seed = draw(st.integers(0, 2**32))
    rng = random.Random(seed)
    postings: dict[Feature, array[int]] = {}
    for feature in features:
        held = set(rng.sample(range(1, _THREADS), draw(st.integers(0, _THREADS - 1)))) | {0}
        postings[feature] = array("I", sorted(held))
    weighted = {f: draw(st.floats(0.01, 5.0)) for f in features}
    index = CorpusIndex(
        features=[tuple(features)] + [() for _ in range(1, _THREADS)],
        postings=postings,
        thread_count=_THREADS,
    )
    return index, weighted


@given(_corpora(), st.integers(1, 30), st.integers(1, 200))
def test_candidates_are_the_best_by_the_rare_features_they_share(
    corpus: tuple[CorpusIndex, dict[Feature, float]], budget: int, reads: int
) -> None:
    """Never the thread itself nor more than the budget; each candidate was read (a holder of
    a feature among the first `reads` holders, rarest feature first) and shares at least the
    weight of any holder read and left out."""
    index, weighted = corpus
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(related, "_CANDIDATE_BUDGET", budget)
        patch.setattr(related, "_READ_BUDGET", reads)
        patch.setattr(related, "_CANDIDATE_CAP", 10**6)  # every feature rare
        patch.setattr(related, "_COMMON_SHARE", 1)
        candidates = related._candidates(index, 0, weighted, related.MAX_RELATED)
    by_rarity = sorted(weighted, key=lambda feature: len(index.threads_with(feature)))
    read = [(f, other) for f in by_rarity for other in index.threads_with(f)][:reads]
    shares: dict[int, float] = {}
    for feature, other in read:
        shares[other] = shares.get(other, 0.0) + weighted[feature]
    del shares[0]  # thread 0 holds every feature: the first read is its own
    assert 0 not in candidates
    assert len(candidates) == min(budget, len(shares))
    assert candidates <= set(shares)
    left = set(shares) - candidates
    if left:
        assert min(shares[c] for c in candidates) >= max(shares[other] for other in left)


@given(_corpora(), st.integers(1, 20))
def test_the_thread_itself_is_never_a_candidate_when_common_features_pool(
    corpus: tuple[CorpusIndex, dict[Feature, float]], cap: int
) -> None:
    """Features held by more than `cap` threads are common: where the rare ones find few
    candidates, the holders of the common ones are pooled, and the thread holds those too; it
    is still never its own candidate (it would be listed as its own copy)."""
    index, weighted = corpus
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(related, "_CANDIDATE_CAP", cap)
        patch.setattr(related, "_CAP_FLOOR", 1)
        patch.setattr(related, "_COMMON_SHARE", 1)
        candidates = related._candidates(index, 0, weighted, related.MAX_RELATED)
    assert 0 not in candidates
