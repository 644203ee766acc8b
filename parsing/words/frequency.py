"""Which of a thread's words and phrases are distinctive: TF-IDF against how many threads use
each term (counted over the corpus, or an even sample of its threads)."""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from itertools import compress, repeat
from operator import eq, gt, mul

Term = str
"""A word's stem, or a phrase: two stems and a space between (`words.terms`)."""


@dataclass(frozen=True, slots=True)
class Frequency:
    """The IDF of each term worth keeping: used by more than one thread when every thread was
    counted, by at most half of them (what half the threads use tells nothing about which of
    them belong together)."""

    idf: dict[Term, float]
    """Every term counted by more than one thread: its IDF, or 0.0 when it is not worth
    keeping. A term of one thread weighs as one unseen (`unseen_idf`: the same float) and is
    left out: nearly all terms are, and lookups in the rest stay in the processor's cache."""
    unseen_idf: float
    """The IDF of a term the sample missed (a rare one); 0.0 when every thread was counted."""

    @classmethod
    def of(cls, counts: Counter[Term], threads: int, exact: bool) -> Frequency:
        least, common = (2 if exact else 1), max(2, threads // 2)
        idf = {
            term: math.log(1 + threads / n) if least <= n <= common else 0.0
            for term, n in counts.items()
            if n > 1
        }
        return cls(idf, 0.0 if exact else math.log(1 + threads))

    def best(self, uses: Counter[Term], count: int) -> list[tuple[Term, int]]:
        """The `count` terms of `uses` with the highest TF-IDF, heaviest first (then in order).

        One lookup of each term, all in C (`map`): this runs twice for every thread. A term
        not worth keeping weighs 0.0 and is left out; any other weighs less (minus its IDF
        times its TF, both positive)."""
        terms, counted = list(uses), list(uses.values())
        weights = list(
            map(
                mul,
                map(self.idf.get, terms, repeat(self.unseen_idf)),
                map(_LESS_TF.__getitem__, counted),
            )
        )
        if len(weights) > count:
            ordered = sorted(weights)
            bound = ordered[count - 1]
            if bound < 0.0:
                # Floats alone sort several times faster than tuples: only the terms lighter
                # than the `count`th lightest are sorted with their weights (often none), and
                # those as light as it (often many: every term used once and seen nowhere
                # else) by their terms alone.
                lighter = bisect_left(ordered, bound)
                kept = []
                if lighter:
                    weighed = zip(weights, terms, counted, strict=True)
                    kept = sorted(compress(weighed, map(gt, repeat(bound), weights)))
                # The terms differ: sorted alone, they sort as with their uses, and faster.
                tied = sorted(compress(terms, map(eq, repeat(bound), weights)))
                return [(term, uses) for _, term, uses in kept] + [
                    (term, uses[term]) for term in tied[: count - lighter]
                ]
        # The terms differ, so sorting never compares their uses.
        weighed = zip(weights, terms, counted, strict=True)
        heaviest = sorted(compress(weighed, map(gt, repeat(0.0), weights)))
        return [(term, uses) for _, term, uses in heaviest[:count]]


class _SaturatedTF(dict[int, float]):
    """Minus (1 + log(uses)), uses counted up to 9: beyond that a term is simply what the
    thread is about. Negative, so that the heaviest terms sort first."""

    def __missing__(self, uses: int) -> float:
        return self[9]


_LESS_TF = _SaturatedTF((n, -(1 + math.log(n))) for n in range(1, 10))
