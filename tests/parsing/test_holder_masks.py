"""Masks of a common feature's holders: the candidates that hold it, and no memory kept once
the index is gone."""

from __future__ import annotations

import gc

from parsing import holder_masks
from parsing.index import CorpusIndex

TAG = ("hashtag", "grain")


def an_index() -> CorpusIndex:
    return CorpusIndex(postings={TAG: [1, 4, 5, 9]}, thread_count=10)


def test_the_candidates_that_hold_a_feature_in_their_order() -> None:
    """Of the candidates, those among the feature's holders, in the candidates' order; none
    for a feature no thread holds."""
    index = an_index()
    assert holder_masks.holders_among(index, TAG, [9, 0, 4, 3, 1]) == [9, 4, 1]
    assert holder_masks.holders_among(index, ("mention", "nobody"), [1, 4]) == []


def test_masks_go_with_their_index() -> None:
    """The masks made for an index are dropped when the index is."""
    index = an_index()
    holder_masks.holders_among(index, TAG, [1])
    key = id(index)
    assert key in holder_masks._MASKS
    del index
    gc.collect()
    assert key not in holder_masks._MASKS
