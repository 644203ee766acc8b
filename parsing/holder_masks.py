"""Which threads hold a common feature, as one byte per thread, kept with the index it reads.

Related threads look up a few hundred candidates in the holders of each common feature. A
mask answers that in C (`compress` over the candidates, `mask.__getitem__`), and costs a
byte per thread where a set of the holders costs about fifty bytes per holder: a common
feature is held by a twentieth of the threads or more.
"""

from __future__ import annotations

import weakref
from itertools import compress

from .index import CorpusIndex, Feature

_MASKS: dict[int, dict[Feature, bytearray]] = {}
"""Per index (by id, dropped when the index is), the masks made so far."""


def holders_among(index: CorpusIndex, feature: Feature, candidates: list[int]) -> list[int]:
    """The `candidates` that hold `feature`, in their order."""
    mask = _mask(index, feature)
    return list(compress(candidates, map(mask.__getitem__, candidates)))


def _mask(index: CorpusIndex, feature: Feature) -> bytearray:
    masks = _MASKS.get(id(index))
    if masks is None:
        masks = _MASKS[id(index)] = {}
        weakref.finalize(index, _MASKS.pop, id(index), None)
    mask = masks.get(feature)
    if mask is None:
        mask = bytearray(max(index.thread_count, len(index.features)))
        for thread in index.threads_with(feature):
            mask[thread] = 1
        masks[feature] = mask
    return mask
