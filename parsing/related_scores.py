"""Rough scores of the candidates for a thread's related threads: the sum over the features a
candidate shares of their weight as the thread uses them, two flags or more shared counting
`FLAG_PAIR` times.

Read from the holders of each of the thread's features: the candidates among them are a set
intersection in C, then a Python step per feature a candidate shares. Holders of a feature held
by many threads are kept as a set (`holders`), so that the intersection costs no more than the
candidates, whatever the corpus: read as a list, a flag's holders cost a call as much as a
tenth of the corpus. The thread's flags are told apart by bits, and a candidate's shared flags
added once: most candidates of a thread with flags share them."""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Collection
from itertools import compress
from operator import itemgetter

from .index import CorpusIndex, Feature

FLAG_PAIR = 5
"""Two or more shared flags (🇨🇳 🇷🇺) name the relation a thread is about: they count five times."""
SET_FROM = 500
"""Holders read as a set past this many: about twice the candidates of a call."""


def holders(index: CorpusIndex, feature: Feature) -> array[int] | frozenset[int]:
    """The threads that hold `feature`: as a set, kept in `index`, when they are many."""
    held = index.threads_with(feature)
    if len(held) <= SET_FROM:
        return held
    kept = index.holder_sets.get(feature)
    if kept is None:
        kept = index.holder_sets[feature] = frozenset(held)
    return kept


def rough_scores(
    index: CorpusIndex,
    features: tuple[Feature, ...],
    candidates: set[int],
    weighted: dict[Feature, float],
    weights: dict[Feature, float],
) -> tuple[dict[int, float], dict[int, list[Feature]]]:
    """Each candidate that shares a feature, with its score by what it shares: `weighted`
    (the features' weights as the thread uses them) summed in the order of `features`, the
    shared flags' after the rest, times the flags' share when two flags or more are shared
    (`weights`: the weights alone); and the features each shares, in the order of `features`
    (a step per feature shared, where reading them from a candidate's features costs a hash
    of each)."""
    scores: dict[int, float] = {}
    shared_by: defaultdict[int, list[Feature]] = defaultdict(list)
    plain: dict[int, float] = {}
    """With two flags or more: the sum of the shared features' weights alone, for `with_flags`."""
    flagged = sum(1 for kind, _ in features if kind == "flag") > 1
    flag_bits: dict[int, Feature] = {}
    held_flags: dict[int, int] = {}
    """Per candidate: the thread's flags it holds, a bit each (`flag_bits`)."""
    score_of, plain_of, flags_of = scores.get, plain.get, held_flags.get
    for feature in features:
        holding = candidates.intersection(holders(index, feature))
        if not holding:
            continue
        for other in holding:
            shared_by[other].append(feature)
        if feature[0] == "flag":
            bit = 1 << len(flag_bits)
            flag_bits[bit] = feature
            for other in holding:
                held_flags[other] = flags_of(other, 0) | bit
            continue
        adding = weighted[feature]
        for other in holding:
            scores[other] = score_of(other, 0.0) + adding
        if flagged:
            weight = weights[feature]
            for other in holding:
                plain[other] = plain_of(other, 0.0) + weight
    # Candidates hold a few combinations of the thread's flags: each is summed once.
    by_bits: dict[int, tuple[float, float, bool]] = {}
    for other, bits in held_flags.items():
        summed = by_bits.get(bits)
        if summed is None:
            shared = [flag for bit, flag in flag_bits.items() if bits & bit]
            flag_weights = sum(map(weights.__getitem__, shared))
            summed = (sum(map(weighted.__getitem__, shared)), flag_weights, len(shared) > 1)
            by_bits[bits] = summed
        flag_score, flag_weights, pair = summed
        score = score_of(other, 0.0) + flag_score
        if pair:
            score *= flag_factor(flag_weights, flag_weights + plain_of(other, 0.0))
        scores[other] = score
    return scores, shared_by


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
