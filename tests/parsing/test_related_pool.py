"""The pool of threads sharing common features, read from the spans of their holders, is the
intersection of the whole holder sets."""

from __future__ import annotations

import random
from itertools import islice

from hypothesis import given
from hypothesis import strategies as st

from parsing import related
from parsing.index import CorpusIndex

_HOLDERS = st.builds(
    lambda count, seed: sorted(random.Random(seed).sample(range(3000), count)),
    st.integers(1, 2500),
    st.integers(0, 2**32),
)
"""The holders of a feature: any share of 3000 threads, in thread order."""


@given(st.lists(_HOLDERS, min_size=1, max_size=5), st.integers(1, 8))
def test_common_pool_is_the_intersection_of_the_holders(
    holders: list[list[int]], limit: int
) -> None:
    """Up to `_POOL_CAP` of the first `_SCAN_CAP` holders of the first feature that hold the
    next ones too, in thread order, or else the first holders of the first feature."""
    common = [("word", f"w{n}") for n in range(len(holders))]
    index = CorpusIndex(postings=dict(zip(common, holders, strict=True)))
    scanned = set(holders[0][: related._SCAN_CAP])
    both = scanned.intersection(*map(set, holders[1 : related._INTERSECTED]))
    expected = sorted(both)[: related._POOL_CAP]
    if len(expected) <= limit:
        expected = list(islice(holders[0], related._POOL_CAP))
    assert related._common_pool(index, common, limit) == expected
