"""The batched path to related threads (`related_batch`, for an export of every thread) gives
the very lists of `related.related_threads` (threads, scores to the last bit, reasons, order),
under the budgets as they are and under budgets small enough that every bound bites: holders
left unread, candidates cut, common features pooled."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from parsing import build_index, related, related_scores
from parsing.index import CorpusIndex
from parsing.related_batch import RelatedBatch

from .helpers import REPO, parse_text

_PIECES = [
    "🇨🇳", "🇷🇺", "🇰🇿", "🇫🇷", "@grainwatch", "@Port_Desk", "@silo_ledger", "#tankers",
    "#GrainDeal", "harbourlog.example/a", "silo.example/b", "pipeline", "pipelines", "tariff",
    "steppe", "freight", "barley", "quotas", "ferry", "ferries", "convoy", "ledger", "harbour",
    "grain corridor", "ferry quotas", "steppe freight",
]  # fmt: skip
"""Invented words, phrases, flags, handles, tags and links, few enough that threads share many."""
_THREADS = st.lists(
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=16), min_size=2, max_size=24
)
_SHARING = [
    ["🇨🇳", "🇷🇺", "pipeline", "@grainwatch", "grain corridor", "pipeline"],
    ["🇷🇺", "🇨🇳", "pipelines", "@grainwatch", "barley", "#GrainDeal", "grain corridor"],
    ["🇫🇷", "barley", "#GrainDeal", "🇷🇺", "ferry quotas"],
    ["🇷🇺", "🇨🇳", "🇰🇿", "@grainwatch", "barley", "steppe freight", "ferry"],
    ["🇨🇳", "🇷🇺", "ferry", "ferries", "convoy", "ledger", "@Port_Desk"],
]
"""Flag pairs, handles, phrases and words shared among five threads."""
_BOUNDS = {
    "as they are": {},
    "few reads, few candidates": {"_READ_BUDGET": 7, "_CANDIDATE_BUDGET": 3},
    "common features pooled": {
        "_CAP_FLOOR": 1, "_COMMON_SHARE": 8, "_CANDIDATE_CAP": 2, "_POOL_CAP": 3, "_SCAN_CAP": 5,
    },
    "everything bounded": {
        "_CAP_FLOOR": 2, "_COMMON_SHARE": 4, "_CANDIDATE_CAP": 2, "_READ_BUDGET": 3,
        "_CANDIDATE_BUDGET": 2, "_POOL_CAP": 2, "_SCAN_CAP": 4, "_SHORTLIST": 3,
        "_NOISE_SAMPLE": 2,
    },
}  # fmt: skip
"""Settings of `related` under which each bound of a call bites on a corpus of a few threads."""


def _index(threads: list[list[str]]) -> CorpusIndex:
    return build_index(parse_text("".join("1/ " + " ".join(t) + "\n\n" for t in threads)))


@settings(max_examples=60, deadline=None)
@given(_THREADS, st.sampled_from(sorted(_BOUNDS)), st.integers(1, 6))
@example(_SHARING, "as they are", related.MAX_RELATED)
@example(_SHARING, "common features pooled", related.MAX_RELATED)
@example(_SHARING, "everything bounded", 1)
def test_the_batched_lists_are_the_reference_lists(
    threads: list[list[str]], bounds: str, limit: int
) -> None:
    """Every thread's related threads by the batched path equal `related_threads`'s."""
    index = _index(threads)
    batch = RelatedBatch(index)
    with pytest.MonkeyPatch.context() as patch:
        for name, value in _BOUNDS[bounds].items():
            patch.setattr(related, name, value)
        for thread in range(index.thread_count):
            assert batch.related(thread, limit) == related.related_threads(index, thread, limit)


@settings(max_examples=60, deadline=None)
@given(_THREADS, st.sampled_from(sorted(_BOUNDS)))
@example(_SHARING, "everything bounded")
def test_candidates_and_rough_scores_are_the_references_to_the_bit(
    threads: list[list[str]], bounds: str
) -> None:
    """Each thread's weights are those of `related.thread_weights`, its candidates those of
    `related._candidates`, and their rough scores
    those of `related_scores.rough_scores`, equal as floats (sums in another order, the same
    to the last bit), for the candidates that share a feature, with what each shares, its
    uses of it, and a bound on its score."""
    index = _index(threads)
    batch = RelatedBatch(index)
    with pytest.MonkeyPatch.context() as patch:
        for name, value in _BOUNDS[bounds].items():
            patch.setattr(related, name, value)
        for thread in range(index.thread_count):
            features, weights, weighted = related.thread_weights(index, thread)
            if not features:
                continue
            ids = np.array([batch.ids[feature] for feature in features])
            batch_weights, batch_weighted, own = batch.weights(thread, ids)
            assert (batch_weights, batch_weighted) == (weights, weighted)
            assert own.tolist() == [weighted[feature] for feature in features]
            found = batch._candidates(thread, features, ids, own, related.MAX_RELATED)
            expected = related._candidates(index, thread, weighted, related.MAX_RELATED)
            assert set(found.tolist()) == expected
            scores, shared = batch._rough(features, ids, own, weights=weights, candidates=found)
            rough = related_scores.rough_scores(index, features, expected, weighted, weights)
            sharing = found[shared.sharing].tolist()
            assert dict(zip(sharing, scores[shared.sharing].tolist(), strict=True)) == rough.scores
            for other in sharing:
                assert shared(other) == rough.shared(other)
                uses = related._uses_in(index, other, rough.shared(other))
                assert shared.uses_in(other, shared(other)) == uses
                score = related._score(
                    index, other, shared(other), uses, weighted=weighted, weights=weights
                )
                assert shared.bound(other, 0.0) >= score


@pytest.mark.parametrize("bounds", ["few reads, few candidates", "everything bounded"])
def test_holders_are_left_unread_in_the_example(bounds: str) -> None:
    """Under these bounds the example's first thread has more holders of rare features than
    are read, so the property above checks the budget's cut, not only the plain steps."""
    index = _index(_SHARING)
    with pytest.MonkeyPatch.context() as patch:
        for name, value in _BOUNDS[bounds].items():
            patch.setattr(related, name, value)
        cap = related._rare_cap(index)
        held = [len(index.threads_with(feature)) for feature in index.features[0]]
        assert sum(size for size in held if size <= cap) > related._READ_BUDGET


def test_common_features_are_pooled_in_the_example(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under "common features pooled" the example's first thread holds only common features,
    so its candidates come from the pool (`related._common_pool`)."""
    index = _index(_SHARING)
    for name, value in _BOUNDS["common features pooled"].items():
        monkeypatch.setattr(related, name, value)
    cap = related._rare_cap(index)
    assert all(len(index.threads_with(feature)) > cap for feature in index.features[0])
    assert related.related_threads(index, 0)  # found among the pool


def test_the_reader_never_loads_numpy() -> None:
    """The reader's modules and a related call load no numpy: only an export of every
    thread's related threads does (its memory at a million posts is at its limit)."""
    script = (
        "import sys, tui.app, parsing\n"
        "from parsing.related import related_threads\n"
        f"corpus = parsing.load_corpus([{str(REPO / 'tests/fixtures/encoding/base.txt')!r}])\n"
        "related_threads(parsing.build_index(corpus), 0)\n"
        "print('numpy' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


_TWINS = [
    ["🇨🇳", "🇷🇺", "@grainwatch", "barley"],
    *[["🇨🇳", "🇷🇺", "@grainwatch", "barley", "ferry"]] * 4,
    *[["🇨🇳", "🇷🇺", "@grainwatch", "barley", "convoy"]] * 4,
]
"""A thread and eight others that tie on their rough scores, more than a small shortlist."""


@settings(max_examples=40, deadline=None)
@given(_THREADS, st.sampled_from(sorted(_BOUNDS)))
@example(_TWINS, "everything bounded")
@example(_TWINS, "few reads, few candidates")
def test_the_shortlist_is_read_in_the_references_order(
    threads: list[list[str]], bounds: str
) -> None:
    """The candidates reach `related.listed` in the reference's order, ties included (the
    larger thread first): where the shortlist cuts among equal rough scores, another order
    would list other threads."""
    index = _index(threads)
    batch = RelatedBatch(index)
    seen: list[list[tuple[float, int]]] = []
    listed = related.listed

    def noting(
        index: CorpusIndex, thread: int, by_score: list[tuple[float, int]], *args: Any, **kw: Any
    ) -> list[related.RelatedThread]:
        seen.append(list(by_score))
        return listed(index, thread, by_score, *args, **kw)

    with pytest.MonkeyPatch.context() as patch:
        for name, value in _BOUNDS[bounds].items():
            patch.setattr(related, name, value)
        patch.setattr(related, "listed", noting)
        for thread in range(index.thread_count):
            batch.related(thread)
            batched = seen.pop() if seen else []
            related.related_threads(index, thread)
            assert batched == seen.pop()
