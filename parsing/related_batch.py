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
from functools import partial
from itertools import chain
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from . import related
from .related_scores import flag_factor
from .related_weights import _dyadic, _saturated, _weight

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from .index import CorpusIndex, Feature

_HOLDER = np.dtype(f"u{array('I').itemsize}")
_UNREAD = np.iinfo(np.int64).max


def _summed(
    owner: NDArray[np.int64], weights: NDArray[np.float64], count: int
) -> NDArray[np.float64]:
    """The sum of `weights` of each of `count` owners (each weight's owner in `owner`)."""
    return cast("NDArray[np.float64]", np.bincount(owner, weights=weights, minlength=count))


def _ragged(starts: NDArray[np.int64], sizes: NDArray[np.int64]) -> NDArray[np.int64]:
    """The positions `starts[i]`, ..., `starts[i] + sizes[i] - 1` for each i, in order."""
    ends = np.cumsum(sizes)
    return np.repeat(starts - (ends - sizes), sizes) + np.arange(ends[-1] if len(ends) else 0)


class _Shared:
    """What each candidate shares with the thread (`related_scores.Rough.shared`), and how
    often it uses each (`related._uses_in`), from the places in the thread of each
    candidate's shared features (`owner`: the candidate's place in `candidates`, in order)
    and its `uses` of them."""

    def __init__(
        self,
        features: tuple[Feature, ...],
        candidates: NDArray[np.int64],
        owner: NDArray[np.int64],
        places: NDArray[np.int64],
        *,
        uses: NDArray[np.uint8],
        bounds: NDArray[np.float64],
    ) -> None:
        self.features = features
        # Each candidate's places in order: the thread's order of what it shares.
        keys = owner * len(features) + places
        order = np.argsort(keys)
        self.places = keys[order] % len(features)
        self.uses = uses[order]
        counts = np.bincount(owner, minlength=len(candidates))
        self.sharing = counts > 0
        ends = np.cumsum(counts)
        # Read one candidate at a time: as Python values, not numpy's.
        self.at = dict(zip(candidates.tolist(), range(len(candidates)), strict=True))
        self.starts, self.ends = (ends - counts).tolist(), ends.tolist()
        self.bounds = bounds.tolist()

    def bound(self, other: int, estimate: float) -> float:
        """More than the score of `other` (whatever its rough score `estimate`)."""
        bound: float = self.bounds[self.at[other]]
        return bound

    def _span(self, other: int) -> slice:
        at = self.at[other]
        return slice(self.starts[at], self.ends[at])

    def __call__(self, other: int) -> list[Feature]:
        return list(map(self.features.__getitem__, self.places[self._span(other)].tolist()))

    def uses_in(self, other: int, shared: list[Feature]) -> bytes:
        """How often `other` uses each of `shared` (what it shares, as `self(other)`)."""
        return self.uses[self._span(other)].tobytes()


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
        # Each thread's features (as ids) in its order, and its uses of each, end to end.
        flat = list(chain.from_iterable(index.features))
        self.thread_features = np.fromiter(map(self.ids.__getitem__, flat), np.int64, len(flat))
        threads = len(index.features)
        per_thread = np.fromiter(map(len, index.features), np.int64, threads)
        self.thread_starts = np.concatenate(([0], np.cumsum(per_thread)))
        self.thread_uses = np.frombuffer(b"".join(index.counts), np.uint8)
        self.weight = np.array(list(map(partial(_weight, index), postings)), np.float64)
        """Per feature: `related_weights._weight`."""
        salience = (_saturated(index, thread, index.counts[thread]) for thread in range(threads))
        self.thread_salience = np.fromiter(chain.from_iterable(salience), np.float64, len(flat))
        """Per feature of each thread (as `thread_features`): its `_salience` there."""
        self.sums = np.zeros(threads, np.float64)
        self.first = np.full(threads, _UNREAD, np.int64)
        """Per thread, while a call reads the holders: the sum of their weights and the first
        place read (`_candidates`), else 0 and `_UNREAD`."""
        self.position = np.full(len(sizes), -1, np.int64)
        """Per feature: its place among the features of the thread being called for, else -1."""

    def related(self, thread: int, limit: int = related.MAX_RELATED) -> list[related.RelatedThread]:
        """`related.related_threads(index, thread, limit)`."""
        index = self.index
        features = index.features[thread]
        if not features:
            return []
        ids = self.thread_features[self.thread_starts[thread] : self.thread_starts[thread + 1]]
        weights, weighted, own = self.weights(thread, ids)
        candidates = self._candidates(thread, features, ids, own, limit)
        scores, shared_by = self._rough(features, ids, own, weights=weights, candidates=candidates)
        sharing = shared_by.sharing
        # Largest first, ties by the larger thread: `sorted(..., reverse=True)` of pairs.
        order = np.lexsort((candidates, scores))[::-1]
        order = order[sharing[order]]
        by_score = list(zip(scores[order].tolist(), candidates[order].tolist(), strict=True))
        return related.listed(
            index,
            thread,
            by_score,
            shared_by,
            weighted=weighted,
            weights=weights,
            bound=shared_by.bound,
            uses_in=shared_by.uses_in,
            limit=limit,
        )

    def weights(
        self, thread: int, ids: NDArray[np.int64]
    ) -> tuple[dict[Feature, float], dict[Feature, float], NDArray[np.float64]]:
        """`related.thread_weights` of the thread (its features' `ids`), each step over its
        features at once; and the weights as it uses them as an array."""
        features = self.index.features[thread]
        plain = self.weight[ids]
        salience = np.array(_saturated(self.index, thread, self.index.counts[thread]))
        dyadic: Any = _dyadic
        own: NDArray[np.float64] = dyadic(plain * salience)
        weights = dict(zip(features, plain.tolist(), strict=True))
        return weights, dict(zip(features, own.tolist(), strict=True)), own

    def _candidates(
        self,
        thread: int,
        features: tuple[Feature, ...],
        ids: NDArray[np.int64],
        own: NDArray[np.float64],
        limit: int,
    ) -> NDArray[np.int64]:
        """`related._candidates`, in order: the holders of the rare features, rarest first,
        read up to the budget and summed by thread; the best `_CANDIDATE_BUDGET` (ties: the
        first read); the common pool when they are too few."""
        index = self.index
        held = self.sizes[ids]
        by_rarity = np.argsort(held, kind="stable")
        is_rare = held[by_rarity] <= related._rare_cap(index)
        rare = by_rarity[is_rare]
        room = related._READ_BUDGET - index.sole_count(thread)
        sizes = held[rare]
        read = np.clip(room - (np.cumsum(sizes) - sizes), 0, sizes)
        found = self.holders[_ragged(self.starts[ids[rare]], read)]
        others = found != thread
        found, adding = found[others], np.repeat(own[rare], read)[others]
        # Summed by thread, with each one's first read, in scratch arrays as long as the
        # corpus's threads, set back where they were written: a call costs what it reads.
        read_at = np.arange(len(found))
        np.add.at(self.sums, found, adding)
        np.minimum.at(self.first, found, read_at)
        threads = found[self.first[found] == read_at]  # in the order first read
        sums = self.sums[threads]
        self.sums[threads], self.first[threads] = 0.0, _UNREAD
        if len(threads) > related._CANDIDATE_BUDGET:
            # The largest sums first, ties by the first read (a stable sort).
            best = np.argsort(-sums, kind="stable")[: related._CANDIDATE_BUDGET]
            threads = threads[best]
        threads = np.sort(threads)
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
    ) -> tuple[NDArray[np.float64], _Shared]:
        """`related_scores.rough_scores`: the sum of what each candidate shares as the thread
        uses it, times `flag_factor` when it shares two flags or more; and what each shares."""
        starts = self.thread_starts[candidates]
        sizes = self.thread_starts[candidates + 1] - starts
        entries = _ragged(starts, sizes)
        theirs = self.thread_features[entries]
        owner = np.repeat(np.arange(len(candidates)), sizes)
        position = self.position
        position[ids] = np.arange(len(ids))
        places = position[theirs]
        position[ids] = -1
        shares = places >= 0
        owner, places, entries = owner[shares], places[shares], entries[shares]
        count = len(candidates)
        shared_own = own[places]
        scores = _summed(owner, shared_own, count)
        used = _summed(owner, shared_own * self.thread_salience[entries], count)
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
                flags_lift = factor(flag_weights[pairs], shared_weights[pairs])
                scores[pairs] *= flags_lift
                used[pairs] *= flags_lift
        uses = self.thread_uses[entries]
        # The score with each candidate's own uses (`related._score`), added in another order:
        # a bound past its rounding.
        bounds = used * (1 + 1e-9)
        return scores, _Shared(features, candidates, owner, places, uses=uses, bounds=bounds)
