"""Rough scores of the candidates for a thread's related threads: the sum over the features a
candidate shares of their weight as the thread uses them, two flags or more shared counting
`FLAG_PAIR` times.

Two ways to the same sums (added in another order). From the holders of each of the thread's
features: the candidates among them are a set intersection in C, then a Python step per feature
a candidate shares. Holders of a feature held by many threads are kept as a set (`holders`), so
that the intersection costs no more than the candidates, whatever the corpus: read as a list,
a flag's holders cost a call as much as a tenth of the corpus. The thread's flags are told
apart by bits, and a candidate's shared flags added once. From each candidate's features: one
tuple hashed per feature per candidate, but for its flags, told by their codes; cheaper where
candidates share many features (a corpus of few handles, each in thousands of threads)."""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Callable, Collection
from functools import partial
from itertools import compress
from operator import itemgetter
from typing import NamedTuple

from .index import CorpusIndex, Feature

FLAG_PAIR = 5
"""Two or more shared flags (🇨🇳 🇷🇺) name the relation a thread is about: they count five times."""
_READ_PER_HASH = 0.5
"""Holders read (an int looked up in a set, and a Python step for each one shared) per feature
of a candidate hashed (a tuple hashed and looked up) for about the same time: the two ways
cost the same where the holders read (flags aside) are about half the candidates' features,
timed on generated corpora of 100k posts of both shapes (few handles each in thousands of
threads, or thousands each in hundreds) and of 1M posts of many handles."""
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


class Rough(NamedTuple):
    scores: dict[int, float]
    """Each candidate that shares a feature, with its rough score."""
    shared: Callable[[int], list[Feature]]
    """The features a candidate of `scores` shares, in the thread's order."""


def hold_as_sets(index: CorpusIndex) -> None:
    """Keep the holders of every feature held by many as sets now (`holders`), for a caller
    about to ask for every thread's related threads in two processes: made once, and shared.
    Flags are read from the candidates' codes (`_held_flags`): their holders never are."""
    for feature, held in index.postings.items():
        if len(held) > SET_FROM and feature[0] != "flag" and feature not in index.holder_sets:
            index.holder_sets[feature] = frozenset(held)


def rough_scores(
    index: CorpusIndex,
    features: tuple[Feature, ...],
    candidates: set[int],
    weighted: dict[Feature, float],
    weights: dict[Feature, float],
    *,
    alone: int = 0,
) -> Rough:
    """Each candidate that shares a feature, with its score by what it shares: `weighted`
    (the features' weights as the thread uses them) summed, times the flags' share when two
    flags or more are shared (`weights`: the weights alone); and what each shares. `alone`:
    how many features the thread holds that no other thread does (left out of `features`, as
    of the candidates'), each counted as read once.

    Read from the holders of the thread's features other than flags where that reads no
    more than `_READ_PER_HASH` times the candidates' features, else from the candidates'
    features (the same sums, added in another order). A set of holders not made yet counts
    a read per holder: made in a call, it would cost that call as much as the corpus has
    threads for a common word, and keep the memory ever after."""
    most = len(candidates)
    # Flags are read from the candidates' codes either way: only the other holders count.
    others = features[sum(1 for kind, _ in features if kind == "flag") :]
    reads = sum(map(partial(_reads, index, most), others))
    reads += alone * min(1, most)
    hashed = sum(map(len, map(index.features.__getitem__, candidates)))
    if index.sole:  # their features held alone, too (`CorpusIndex.feature_count`)
        hashed += sum(map(index.sole.__getitem__, candidates))
    if reads <= _READ_PER_HASH * hashed:
        return _from_holders(index, features, candidates, weighted, weights)
    scores = _from_candidates(index, features, candidates, weighted, weights)

    def shared(other: int) -> list[Feature]:
        return list(filter(set(index.features[other]).__contains__, features))

    return Rough(scores, shared)


def _reads(index: CorpusIndex, most: int, feature: Feature) -> int:
    """What reading `feature`'s holders for `most` candidates costs (`rough_scores`)."""
    held = len(index.threads_with(feature))
    if held > SET_FROM and feature not in index.holder_sets:
        return held
    return min(held, most)


def _from_holders(
    index: CorpusIndex,
    features: tuple[Feature, ...],
    candidates: set[int],
    weighted: dict[Feature, float],
    weights: dict[Feature, float],
) -> Rough:
    """`rough_scores` read from the holders of each feature, in the order of `features`, the
    shared flags' after the rest; what each shares noted on the way (a step per feature
    shared, where reading it from a candidate's features would cost a hash of each).

    The flags a candidate shares are read from its codes (`index.flags`), not from the flags'
    holders: a flag is held by a good share of the corpus, whose set would cost the first
    call that meets it a step per holder, and memory ever after."""
    scores: dict[int, float] = {}
    shared_by: defaultdict[int, list[Feature]] = defaultdict(list)
    plain: dict[int, float] = {}
    """With two flags or more: the sum of the shared features' weights alone, for `with_flags`."""
    own_flags = [feature for feature in features if feature[0] == "flag"]
    held_flags = _held_flags(index, own_flags, candidates)
    # A thread's flags come first among its features, so first in what a candidate shares.
    for other, flags in held_flags.items():
        shared_by[other] = list(flags)
    flagged = len(own_flags) > 1
    score_of, plain_of = scores.get, plain.get
    for feature in features[len(own_flags) :]:
        holding = candidates.intersection(holders(index, feature))
        for other in holding:
            shared_by[other].append(feature)
        adding = weighted[feature]
        for other in holding:
            scores[other] = score_of(other, 0.0) + adding
        if flagged:
            weight = weights[feature]
            for other in holding:
                plain[other] = plain_of(other, 0.0) + weight
    # Candidates hold a few combinations of the thread's flags: each is summed once.
    by_flags: dict[tuple[Feature, ...], tuple[float, float, bool]] = {}
    for other, shared in held_flags.items():
        summed = by_flags.get(shared)
        if summed is None:
            flag_weights = sum(map(weights.__getitem__, shared))
            summed = (sum(map(weighted.__getitem__, shared)), flag_weights, len(shared) > 1)
            by_flags[shared] = summed
        flag_score, flag_weights, pair = summed
        score = score_of(other, 0.0) + flag_score
        if pair:
            score *= flag_factor(flag_weights, flag_weights + plain_of(other, 0.0))
        scores[other] = score
    return Rough(scores, shared_by.__getitem__)


def _held_flags(
    index: CorpusIndex, own_flags: list[Feature], candidates: set[int]
) -> dict[int, tuple[Feature, ...]]:
    """Each candidate holding some of `own_flags`, with those it holds, in their order: the
    codes each holds found in C, then one tuple made per combination of them."""
    if not own_flags:
        return {}
    codes = frozenset(code for _, code in own_flags)
    others = list(candidates)
    held = list(map(codes.intersection, map(index.flags.__getitem__, others)))
    combinations: dict[frozenset[str], tuple[Feature, ...]] = {}
    found = {}
    for other, shared in compress(zip(others, held, strict=True), held):
        flags = combinations.get(shared)
        if flags is None:
            flags = combinations[shared] = tuple(f for f in own_flags if f[1] in shared)
        found[other] = flags
    return found


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
