"""How much a feature shared by two threads weighs: its kind's weight times its rarity, and
how much each thread uses it (BM25's saturation against the thread's length). Every weight is
a multiple of `_QUANTUM`, so sums of them are exact in any order."""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache

from .index import CorpusIndex, Feature

_KIND_WEIGHT = {
    "phrase": 1.0,
    "hashtag": 0.9,
    "mention": 0.8,
    "word": 0.6,
    "domain": 0.4,
    "flag": 0.5,
}
_K1 = 1.2
_B = 0.75
"""BM25's usual saturation and length normalisation."""
_MOST_SALIENT = math.sqrt(_K1 + 1) * (1 + 1e-9)
"""More than any `_salience` (and than a sum's rounding): a rough score times this bounds
the score with the candidate's own uses."""


def _salience(index: CorpusIndex, thread: int, features: Iterable[Feature]) -> dict[Feature, float]:
    """How much each feature says about the thread, by BM25's saturation of its uses against
    the thread's length, as a square root: one use in a thread of average length is 1.0, one in
    a thread four times as long 0.67, three there 0.98 (a long thread shares a few words with
    everything; what it repeats is what it is about)."""
    uses_of = dict(zip(index.features[thread], index.counts[thread], strict=True))
    features = list(features)
    uses = bytes(map(uses_of.__getitem__, features))
    return dict(zip(features, _saturated(index, thread, uses), strict=True))


def _saturated(index: CorpusIndex, thread: int, uses: bytes) -> list[float]:
    """`_salience` of features the thread uses `uses` times."""
    if thread >= len(index.lengths):
        return [1.0] * len(uses)
    return list(map(_saturation(index.lengths[thread], index.mean_length).__getitem__, uses))


def _most_salient(index: CorpusIndex, thread: int) -> float:
    """More than the `_salience` of any feature of the thread (and than a sum's rounding): its
    most used feature's, the saturation rising with the uses."""
    if thread >= len(index.lengths):
        return 1.0 + 1e-9
    most = max(index.counts[thread], default=0)
    return _saturation(index.lengths[thread], index.mean_length)[most] * (1 + 1e-9)


_QUANTUM = 2.0**-32
"""Every weight, salience and weight as used is a multiple of this, under 2: a sum of up to a
million of them is exact (it needs at most 53 bits) in any order, so a batched path adding
them in its own order finds the same sums to the last bit (`related_batch`). Fine enough to
leave every score as written to three decimals where it was (the seed's and demo's lists)."""


def _dyadic(value: float) -> float:
    """`value` rounded down to a multiple of `_QUANTUM` (down: a salience stays under
    `_MOST_SALIENT`). Floor division by a power of two is exact, for a float or for each of
    an array's (`related_batch`)."""
    return value // _QUANTUM * _QUANTUM


class _Saturation(dict[int, float]):
    """The salience of each number of uses in threads of one length, worked out once."""

    def __init__(self, norm: float) -> None:
        super().__init__()
        self.norm = norm

    def __missing__(self, uses: int) -> float:
        saturated = math.sqrt(uses * (_K1 + 1) / (uses + self.norm))
        saturated = self[uses] = _dyadic(saturated)
        return saturated


@lru_cache(maxsize=1 << 12)
def _saturation(length: int, mean_length: float) -> _Saturation:
    """BM25's length normalisation of threads of `length` words: a few thousand lengths serve
    every thread of a corpus."""
    return _Saturation(_K1 * (1 - _B + _B * (length / mean_length)))


def _weight(index: CorpusIndex, feature: Feature) -> float:
    """The kind's weight times the feature's IDF against the IDF of a feature of one thread."""
    return _kind_weight(feature[0], len(index.threads_with(feature)), index.thread_count)


@lru_cache(maxsize=1 << 14)
def _kind_weight(kind: str, holders: int, threads: int) -> float:
    """`_weight` of a feature of `kind` held by `holders` of `threads` (as `CorpusIndex.idf`):
    a few thousand holder counts serve every feature of a corpus."""
    unique = math.log(1 + max(threads, 1))
    return _dyadic(_KIND_WEIGHT[kind] * math.log(1 + threads / max(holders, 1)) / unique)
