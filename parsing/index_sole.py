"""The words and phrases one thread holds alone, set apart from the index as a count per thread.

Related threads rank threads by what they share, and a term one thread holds is never shared.
On a corpus of thousands of authors most two-word phrases belong to one thread each (at 100k
posts of many handles, 64k of the index's 72k features), and each costs the index a key, its
text and a list of holders: two thirds of its memory. They leave the index once every thread's
terms are in (before, a term held once in one part may be held again in another), and
what the ranking reads of them stays, as numbers: how many features a thread has
(`CorpusIndex.feature_count`, for "same thread" and for a candidate's cost), and that the
thread holds one of the rarest features (it is found first among the holders of the rarest
features, `related._candidates`). Entities held by one thread stay: filters list their holder.
"""

from __future__ import annotations

from array import array
from collections import Counter
from itertools import compress, filterfalse
from operator import itemgetter, not_
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .index import CorpusIndex, Feature

TERM_KINDS = frozenset({"word", "phrase"})


def set_apart_sole_terms(index: CorpusIndex) -> None:
    """Take the words and phrases held by one thread out of `index`'s postings, features and
    counts, and count them in `index.sole`; every step but the last runs in C."""
    postings = index.postings
    once = list(compress(postings, map((1).__eq__, map(len, postings.values()))))
    sole: set[Feature] = set(compress(once, map(TERM_KINDS.__contains__, map(itemgetter(0), once))))
    holders = Counter(map(itemgetter(0), map(postings.__getitem__, sole)))
    # A new dict: one that had them popped would keep its size.
    index.postings = dict(compress(postings.items(), map(not_, map(sole.__contains__, postings))))
    counted = index.sole = array("B", bytes(index.thread_count))
    features, counts = index.features, index.counts
    is_sole = sole.__contains__
    for thread, alone in holders.items():
        counted[thread] = alone
        held = features[thread]
        kept = list(map(not_, map(is_sole, held)))
        features[thread] = tuple(filterfalse(is_sole, held))
        counts[thread] = bytes(compress(counts[thread], kept))
