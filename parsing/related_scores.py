"""Rough scores of the candidates for a thread's related threads: the sum over the features a
candidate shares of their weight as the thread uses them, two flags or more shared counting
`FLAG_PAIR` times.

Two ways to the same sums (added in another order). From each candidate's features: one tuple
hashed per feature per candidate, but for its flags, told by their codes. From the holders of
each of the thread's features: a set intersection of ints per feature, in C, then a Python
step per feature a candidate shares. The second is cheaper only where the thread's features
are held by few threads, and far dearer where they are held by many (the candidates share
many of them, and the holders are long lists): it is taken when reading the holders costs no
more than hashing the candidates' features would (`_READ_PER_HASH`), so either way the cost
is bounded by the candidates'."""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Collection
from itertools import compress
from operator import itemgetter

from .index import CorpusIndex, Feature

FLAG_PAIR = 5
"""Two or more shared flags (🇨🇳 🇷🇺) name the relation a thread is about: they count five times."""
_READ_PER_HASH = 1.5
"""Holders read (an int looked up in the small set of candidates) per feature of a candidate
hashed (a tuple of two strings hashed and looked up), for about the same work: counted in
instructions (callgrind) on generated corpora of 100k posts, a holder read costs 420 to 540,
a candidate's feature 510 to 700."""


def rough_scores(
    index: CorpusIndex,
    features: tuple[Feature, ...],
    candidates: set[int],
    weighted: dict[Feature, float],
    weights: dict[Feature, float],
) -> dict[int, float]:
    """Each candidate that shares a feature, with its score by what it shares: `weighted`
    (the features' weights as the thread uses them) summed, times the flags' share when two
    flags or more are shared (`weights`: the weights alone)."""
    holders = [index.threads_with(feature) for feature in features]
    hashed = sum(map(len, map(index.features.__getitem__, candidates)))
    if sum(map(len, holders)) <= _READ_PER_HASH * hashed:
        return _from_holders(features, holders, candidates, weighted, weights)
    return _from_candidates(index, features, candidates, weighted, weights)


def _from_candidates(
    index: CorpusIndex,
    features: tuple[Feature, ...],
    candidates: set[int],
    weighted: dict[Feature, float],
    weights: dict[Feature, float],
) -> dict[int, float]:
    """`rough_scores` read from each candidate's features. Flags are told by their codes
    (`index.flags`: strings, whose hashes are kept), the other features by tuples hashed anew
    each time: most candidates of a thread with many flags share two or more."""
    codes = {key: (kind, key) for kind, key in features if kind == "flag"}
    rest = {feature for feature in features if feature[0] != "flag"}
    own_codes = frozenset(codes)
    flagged = len(own_codes) > 1
    code_weighted = {code: weighted[feature] for code, feature in codes.items()}.__getitem__
    code_weight = {code: weights[feature] for code, feature in codes.items()}.__getitem__
    add_weighted, add_weight = weighted.__getitem__, weights.__getitem__
    scores = {}
    for other in candidates:
        their_codes = index.flags[other]
        # A thread's flags come first among its features: the rest follow them.
        shared = rest.intersection(index.features[other][len(their_codes) :])
        both = own_codes.intersection(their_codes)
        if shared or both:
            score = sum(map(add_weighted, shared)) + sum(map(code_weighted, both))
            if flagged and len(both) > 1:
                flag_weights = sum(map(code_weight, both))
                score *= flag_factor(flag_weights, flag_weights + sum(map(add_weight, shared)))
            scores[other] = score
    return scores


def with_flags(score: float, shared: Collection[Feature], weights: dict[Feature, float]) -> float:
    """`score` with two or more shared flags counting `FLAG_PAIR` times."""
    is_flag = map("flag".__eq__, map(itemgetter(0), shared))
    flags = list(map(weights.__getitem__, compress(shared, is_flag)))
    if len(flags) < 2:
        return score
    return score * flag_factor(sum(flags), sum(map(weights.__getitem__, shared)))


def flag_factor(flag_weights: float, shared_weights: float) -> float:
    """What a score is multiplied by when two flags or more are shared: the flags' share of
    the shared features' weights (`flag_weights` of `shared_weights`) counts `FLAG_PAIR`
    times."""
    return 1 + (FLAG_PAIR - 1) * flag_weights / shared_weights


def _from_holders(
    features: tuple[Feature, ...],
    holders: list[array[int]],
    candidates: set[int],
    weighted: dict[Feature, float],
    weights: dict[Feature, float],
) -> dict[int, float]:
    """`rough_scores` read from the holders of each feature (the sums are added in another
    order: they may differ in their last bits)."""
    scores = dict.fromkeys(candidates, 0.0)
    flagged = sum(1 for kind, _ in features if kind == "flag") > 1
    plain = dict.fromkeys(candidates, 0.0) if flagged else {}
    # With two flags or more: the sum of the shared features' weights alone, for `with_flags`.
    flag_weights: dict[int, float] = {}
    flag_counts: Counter[int] = Counter()
    for feature, held_by in zip(features, holders, strict=True):
        holding = candidates.intersection(held_by)
        adding = weighted[feature]
        if not flagged:
            for other in holding:
                scores[other] += adding
            continue
        weight = weights[feature]
        for other in holding:
            scores[other] += adding
            plain[other] += weight
        if feature[0] == "flag":
            flag_counts.update(holding)
            for other in holding:
                flag_weights[other] = flag_weights.get(other, 0.0) + weight
    for other, count in flag_counts.items():
        if count > 1:  # as `with_flags`
            scores[other] *= flag_factor(flag_weights[other], plain[other])
    return {other: score for other, score in scores.items() if score > 0}
