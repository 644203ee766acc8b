"""The words and phrases one thread holds alone, set apart from the index as a count per thread.

Related threads rank threads by what they share, and a term one thread holds is never shared.
On a corpus of thousands of authors most two-word phrases belong to one thread each (at 100k
posts of many handles, 64k of the index's 72k features), and each costs the index a key, its
text and a list of holders: two thirds of its memory, and most of the time it takes to send
(pickled from the process that builds it). They leave the index once every thread's terms are
in (before, a term held once in one part may be held again in another), and what the ranking
reads of them stays, as numbers: how many features a thread has (`CorpusIndex.feature_count`,
for "same thread" and for a candidate's cost), and that the thread holds one of the rarest
features (it is found first among the holders of the rarest features, `related._candidates`).
Entities held by one thread stay: filters list their holder.
"""

from __future__ import annotations

from array import array
from collections import Counter
from itertools import compress
from operator import and_, itemgetter, not_
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .index import CorpusIndex

TERM_KINDS = frozenset({"word", "phrase"})


def set_apart_sole_terms(index: CorpusIndex) -> None:
    """Take the words and phrases held by one thread out of `index`'s postings, features and
    counts, and count them in `index.sole`. Each step over the postings runs in C, and reads
    them in their order (no key hashed again); the last is a step per thread holding any."""
    postings = index.postings
    held_once = map((1).__eq__, map(len, postings.values()))
    terms = map(TERM_KINDS.__contains__, map(itemgetter(0), postings))
    alone = list(map(and_, held_once, terms))
    sole = set(compress(postings, alone))
    holders = Counter(map(itemgetter(0), compress(postings.values(), alone)))
    # A new dict: one that had them popped would keep its size.
    index.postings = dict(compress(postings.items(), map(not_, alone)))
    counted = index.sole = array("B", bytes(index.thread_count))
    features, counts = index.features, index.counts
    is_sole = sole.__contains__
    for thread, count in holders.items():
        counted[thread] = count
        held = features[thread]
        kept = list(map(not_, map(is_sole, held)))
        features[thread] = tuple(compress(held, kept))
        counts[thread] = bytes(compress(counts[thread], kept))
