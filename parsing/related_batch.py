"""Related threads of many threads (`export --related`), each step over arrays: the same lists
as `related.related_threads`, whose rules it follows step by step.

The holders of every feature are one array (`CorpusIndex.postings` laid end to end), and each
thread's features another, so that a call's steps (the rare features' holders read up to the
budget, summed by thread, the best kept; the candidates' features matched against the
thread's, summed) run in compiled code rather than a Python step per holder and per feature
shared. Sums are added in another order than `related_threads` adds them, and are the same to
the last bit: every weight is a multiple of `related_weights._QUANTUM`. The shortlist is scored
by `related.listed`, as the reference does.

numpy is imported here only: the reader never imports this module (it would cost its memory).
"""

from __future__ import annotations

from array import array
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from . import related
from .related_scores import flag_factor

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from .index import CorpusIndex, Feature

_HOLDER = np.dtype(f"u{array('I').itemsize}")


def _summed(
    owner: NDArray[np.int64], weights: NDArray[np.float64], count: int
) -> NDArray[np.float64]:
    """The sum of `weights` of each of `count` owners (each weight's owner in `owner`)."""
    return cast("NDArray[np.float64]", np.bincount(owner, weights=weights, minlength=count))


def _ragged(starts: NDArray[np.int64], sizes: NDArray[np.int64]) -> NDArray[np.int64]:
    """The positions `starts[i]`, ..., `starts[i] + sizes[i] - 1` for each i, in order."""
    ends = np.cumsum(sizes)
    return np.repeat(starts - (ends - sizes), sizes) + np.arange(ends[-1] if len(ends) else 0)


class RelatedBatch:
    """`related_threads` of any thread of `index`, from arrays made once (before an export's
    fork, so that both processes read the same pages)."""

    def __init__(self, index: CorpusIndex) -> None:
        self.index = index
        postings = index.postings
        self.ids = dict(zip(postings, range(len(postings)), strict=True))
        sizes = np.fromiter(map(len, postings.values()), np.int64, len(postings))
        self.sizes = sizes
        self.starts = np.concatenate(([0], np.cumsum(sizes)))
        self.holders = np.frombuffer(b"".join(postings.values()), _HOLDER)
        # Each thread's features (as ids), threads in order: the holders sorted by thread.
        by_thread = np.argsort(self.holders, kind="stable")
        self.thread_features = np.repeat(np.arange(len(sizes), dtype=np.int32), sizes)[by_thread]
        per_thread = np.bincount(self.holders, minlength=len(index.features))
        self.thread_starts = np.concatenate(([0], np.cumsum(per_thread)))
        self.position = np.full(len(sizes), -1, np.int64)
        """Per feature: its place among the features of the thread being called for, else -1."""

    def related(self, thread: int, limit: int = related.MAX_RELATED) -> list[related.RelatedThread]:
        """`related.related_threads(index, thread, limit)`."""
        index = self.index
        features, weights, weighted = related.thread_weights(index, thread)
        if not features:
            return []
        ids = np.fromiter(map(self.ids.__getitem__, features), np.int64, len(features))
        own = np.fromiter(map(weighted.__getitem__, features), np.float64, len(features))
        candidates = self._candidates(thread, features, ids, own, limit)
        scores, kept = self._rough(features, ids, own, weights=weights, candidates=candidates)
        # Largest first, ties by the larger thread: `sorted(..., reverse=True)` of pairs.
        order = np.lexsort((kept, scores))[::-1]
        by_score = list(zip(scores[order].tolist(), kept[order].tolist(), strict=True))

        def shared_by(other: int) -> list[Feature]:
            return list(filter(set(index.features[other]).__contains__, features))

        return related.listed(
            index, thread, by_score, shared_by, weighted=weighted, weights=weights, limit=limit
        )

    def _candidates(
        self,
        thread: int,
        features: tuple[Feature, ...],
        ids: NDArray[np.int64],
        own: NDArray[np.float64],
        limit: int,
    ) -> NDArray[np.int64]:
        """`related._candidates`: the holders of the rare features, rarest first, read up to
        the budget and summed by thread; the best `_CANDIDATE_BUDGET` (ties: the first read);
        the common pool when they are too few."""
        index = self.index
        held = self.sizes[ids]
        by_rarity = np.argsort(held, kind="stable")
        is_rare = held[by_rarity] <= related._rare_cap(index)
        rare = by_rarity[is_rare]
        room = related._READ_BUDGET - index.sole_count(thread)
        sizes = held[rare]
        read = np.clip(room - (np.cumsum(sizes) - sizes), 0, sizes)
        found = self.holders[_ragged(self.starts[ids[rare]], read)]
        threads, first, which = np.unique(found, return_index=True, return_inverse=True)
        sums = _summed(which, np.repeat(own[rare], read), len(threads))
        others = threads != thread
        threads, first, sums = threads[others], first[others], sums[others]
        if len(threads) > related._CANDIDATE_BUDGET:
            threads = threads[np.lexsort((first, -sums))[: related._CANDIDATE_BUDGET]]
        if len(threads) <= limit and not is_rare.all():
            common = [features[position] for position in by_rarity[~is_rare].tolist()]
            pool = np.array(related._common_pool(index, common, limit), np.int64)
            threads = np.union1d(threads, pool[pool != thread])
        return threads

    def _rough(
        self,
        features: tuple[Feature, ...],
        ids: NDArray[np.int64],
        own: NDArray[np.float64],
        *,
        weights: dict[Feature, float],
        candidates: NDArray[np.int64],
    ) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
        """`related_scores.rough_scores`: each candidate sharing a feature, with the sum of
        what it shares as the thread uses it, times `flag_factor` when it shares two flags or
        more; the scores, and the candidates they are of."""
        starts = self.thread_starts[candidates]
        sizes = self.thread_starts[candidates + 1] - starts
        theirs = self.thread_features[_ragged(starts, sizes)]
        owner = np.repeat(np.arange(len(candidates)), sizes)
        position = self.position
        position[ids] = np.arange(len(ids))
        places = position[theirs]
        position[ids] = -1
        shares = places >= 0
        owner, places = owner[shares], places[shares]
        count = len(candidates)
        scores = _summed(owner, own[places], count)
        # A thread's flags come first among its features.
        flags = sum(1 for kind, _ in features if kind == "flag")
        if flags > 1:
            plain = np.fromiter(map(weights.__getitem__, features), np.float64, len(features))
            is_flag = places < flags
            pairs = np.bincount(owner[is_flag], minlength=count) > 1
            if pairs.any():
                flag_weights = _summed(owner[is_flag], plain[places[is_flag]], count)
                shared_weights = _summed(owner, plain[places], count)
                # The rule, applied to each candidate's sums at once.
                factor: Any = flag_factor
                scores[pairs] *= factor(flag_weights[pairs], shared_weights[pairs])
        sharing = np.bincount(owner, minlength=count) > 0
        return scores[sharing], candidates[sharing]
