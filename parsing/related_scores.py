"""Rough scores of the candidates for a thread's related threads: the sum over the features a
candidate shares of their weight as the thread uses them, two flags or more shared counting
`FLAG_PAIR` times.

Two ways to the same sums (added in another order). From each candidate's features: one tuple
hashed per feature per candidate. From the holders of each of the thread's features: a set
intersection of ints per feature, in C, then a Python step per feature a candidate shares. The
second is a fifth cheaper where the thread's features are held by few threads (a corpus of
many handles, each in a few hundred threads), and dearer where they are held by many (the
candidates share many of them, and the holders are long lists): it is taken when reading the
holders costs no more than hashing the candidates' features would (`_READ_PER_HASH`), so
either way the cost is bounded by the candidates'.
"""

from __future__ import annotations

from array import array
from collections import Counter

from .index import CorpusIndex, Feature

FLAG_PAIR = 5
"""Two or more shared flags (🇨🇳 🇷🇺) name the relation a thread is about: they count five times."""
_READ_PER_HASH = 4
"""Holders read (an int looked up in the small set of candidates) per feature of a candidate
hashed (a tuple of two strings hashed and looked up), for about the same time."""


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
    own = set(features)
    flags = {feature for feature in features if feature[0] == "flag"}
    scores = {}
    for other in candidates:
        shared = own.intersection(index.features[other])
        if shared:
            score = sum(map(weighted.__getitem__, shared))
            if len(flags) > 1 and len(flags.intersection(shared)) > 1:
                score = with_flags(score, shared, weights)
            scores[other] = score
    return scores


def with_flags(score: float, shared: set[Feature], weights: dict[Feature, float]) -> float:
    """`score` with two or more shared flags counting `FLAG_PAIR` times."""
    flags = [weights[f] for f in shared if f[0] == "flag"]
    if len(flags) < 2:
        return score
    return score * (1 + (FLAG_PAIR - 1) * sum(flags) / sum(map(weights.__getitem__, shared)))


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
            scores[other] *= 1 + (FLAG_PAIR - 1) * flag_weights[other] / plain[other]
    return {other: score for other, score in scores.items() if score > 0}
