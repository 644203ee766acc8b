"""Related threads: the others about the same thing, found by the distinctive things they share.

Each feature two threads share (flag, handle, hashtag, link domain, word stem, two-word phrase)
adds to their score its kind's weight (phrase 1.0, hashtag 0.9, handle 0.8, word 0.6, domain
0.4, flag 0.5) times its rarity (its IDF over the IDF of a feature one thread holds, so a score
reads the same in twenty threads or seventy thousand) times how much each thread uses it (BM25's
saturation against the thread's length: what a long thread mentions once counts less than what
a short one is about). Two or more shared flags (🇨🇳 🇷🇺) name a relation and count five times;
one shared flag alone is never enough.
A thread is listed when its score is at least `MIN_SCORE`, well above what most candidates reach
by chance (`_NOISE` times their median) and at least `RELATIVE_CUT` of the best, and shares
more than one word or flag (`_evidence`). Threads with nearly all features in common and about as
many words are the same thread saved twice: listed first, as "same thread".

The cost is bounded whatever the corpus: a call reads at most `_READ_BUDGET` holders of the
thread's rare features and scores at most `_CANDIDATE_BUDGET` candidates (`_candidates`).
Features held by many threads only add to the score of candidates found otherwise (or, when
there are too few, narrow a capped pool of their holders). Candidates are scored from the
holders of the thread's features when those are few, else from each candidate's features
(`related_scores`); only the best `_SHORTLIST` whose rough score could still reach the cut are
scored again. Neither changes a list: they are the same sums (to the last bits of their order).
The budgets do, on big corpora only: where a thread's rare features have at most a hundred
other holders, and two thousand in all counted feature by feature, every one is scored (the
seed's and the demo corpus's lists are held by tests).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import cache, partial
from itertools import islice, repeat
from operator import itemgetter, mul

from .entities.flags import flag_emoji
from .index import CorpusIndex, Feature
from .related_scores import rough_scores, with_flags
from .related_weights import (
    _MOST_SALIENT,
    _dyadic,
    _most_salient,
    _salience,
    _saturated,
    _weight,
)

MAX_RELATED = 5
MIN_SCORE = 0.6
RELATIVE_CUT = 0.4
_SHORTLIST = 30
_NOISE = 2.0
_NOISE_SAMPLE = 8
"""With this many candidates or more, their median score tells what sharing by chance gives."""
SAME_THREAD = "same thread"
_TERMS = ("word", "phrase")
_EVIDENCE = {"phrase": 2, "hashtag": 2, "mention": 2, "word": 1, "domain": 1}
_SAME_SHARE = 0.7
"""Threads sharing this share of their features (terms and entities alike) are one thread."""
_SAME_LEAST = 6
_SAME_LENGTH = 0.8
_MAX_REASONS = 4
_CANDIDATE_BUDGET = 100
"""Candidates scored at most: those that share the most weight of the thread's rare features.
A thread is listed only from the `_SHORTLIST` best by rough score, and a rough score is mostly
made of the rare features: a common one weighs less than any rare one of its kind (more
threads hold it, so its IDF is lower). So a thread outside the best hundred by the rare features
alone needs common features worth the lead of the shortlist's thirty to be listed; the flags of
a pair (`related_scores.FLAG_PAIR`) are what can give it that. Fewer would cost the shortlist
threads the flags lift; more, the time of a call. `python -m tests.bench.related_ab` counts the
lists this changes against another checkout."""
_READ_BUDGET = 2000
"""Holders of rare features read at most, rarest first: a feature's holders are in thread order,
so those past the budget are left whatever they share; a thread of a corpus of many handles has
thirty features held by hundreds of threads each, and reading them all would cost a call as much
as the corpus has threads."""
_CANDIDATE_CAP = 5000
_COMMON_SHARE = 20
"""A feature held by more than 1/20 of the threads (and more than `_CAP_FLOOR`) is common:
it only narrows candidates found otherwise, or is intersected with other common ones."""
_CAP_FLOOR = 64
_INTERSECTED = 4
"""Common features intersected at most, to find threads that share several of them."""
_POOL_CAP = 100
_SCAN_CAP = 10 * _POOL_CAP
"""Threads taken from that intersection: they all share the same common features, so a
hundred of them rank like all of them, and `export --related` stays linear in the threads."""


@dataclass(frozen=True, slots=True)
class RelatedThread:
    thread: int
    score: float
    reasons: tuple[str, ...]
    """What the two share, heaviest first: ("central bank", "reserves", "@MID_RF", "🇷🇺")."""
    same: bool = False
    """The same thread saved twice (reasons: "same thread")."""


def related_threads(
    index: CorpusIndex, thread: int, limit: int = MAX_RELATED
) -> list[RelatedThread]:
    """Up to `limit` other threads, the same thread saved again first, then best first.

    Every candidate is scored by its shared features as this thread uses them; the best
    `_SHORTLIST` are scored again with the candidate's own uses (`_salience`), which costs a
    lookup per shared feature."""
    features, weights, weighted = thread_weights(index, thread)
    candidates = _candidates(index, thread, weighted, limit)
    alone = index.sole_count(thread)
    rough, shared_by = rough_scores(index, features, candidates, weighted, weights, alone=alone)
    # The largest first, as `heapq.nlargest` gives them: its loop in Python costs more than
    # sorting them all in C.
    by_score = sorted(zip(rough.values(), rough, strict=True), reverse=True)
    return listed(
        index,
        thread,
        by_score,
        shared_by,
        weighted=weighted,
        weights=weights,
        bound=partial(_by_most_salient, index),
        uses_in=partial(_uses_in, index),
        limit=limit,
    )


def thread_weights(
    index: CorpusIndex, thread: int
) -> tuple[tuple[Feature, ...], dict[Feature, float], dict[Feature, float]]:
    """The thread's features, each one's weight (`_weight`), and its weight as the thread
    uses it (times its `_salience`): each a multiple of `_QUANTUM` (`_dyadic`)."""
    features = index.features[thread]
    weights = {feature: _weight(index, feature) for feature in features}
    salience = _salience(index, thread, features)
    weighted = {feature: _dyadic(weights[feature] * salience[feature]) for feature in features}
    return features, weights, weighted


def listed(
    index: CorpusIndex,
    thread: int,
    by_score: list[tuple[float, int]],
    shared_by: Callable[[int], list[Feature]],
    *,
    weighted: dict[Feature, float],
    weights: dict[Feature, float],
    bound: Callable[[int, float], float],
    uses_in: Callable[[int, list[Feature]], bytes],
    limit: int,
) -> list[RelatedThread]:
    """The related threads among the candidates `by_score` (rough scores with their threads,
    the largest first; `shared_by` gives what each shares, in the thread's order): the best
    `_SHORTLIST` scored again with their own uses, kept from the cut on. `bound`: more than
    a candidate's score can be, given its rough score (`_by_most_salient`); `uses_in`: how
    often a thread uses the features it shares (`_uses_in`)."""
    cut = _cut(by_score)
    ranked = []
    for estimate, other in by_score[:_SHORTLIST]:
        if estimate * _MOST_SALIENT < cut:
            break  # its uses could not lift it to the cut, nor any after it
        if bound(other, estimate) < cut:
            continue  # nor could its most used feature, were it shared
        shared = shared_by(other)
        uses = uses_in(other, shared)
        score = _score(index, other, shared, uses, weighted=weighted, weights=weights)
        if score >= cut and _evidence(shared) >= 2:
            same = _same_thread(index, thread, other, shared)
            ranked.append((not same, -score, other, shared))
    ranked.sort(key=itemgetter(0, 1, 2))  # each thread once: what it shares is not compared
    best = max((-score for different, score, _, _ in ranked if different), default=0.0)
    found = []
    for different, score, other, shared in ranked[:limit]:
        if different and -score < RELATIVE_CUT * best:
            break
        reasons = (SAME_THREAD,) if not different else _reasons(index, shared, weights)
        found.append(RelatedThread(other, round(-score, 3), reasons, same=not different))
    return found


def _by_most_salient(index: CorpusIndex, other: int, estimate: float) -> float:
    """More than the score of `other` with the rough score `estimate`: each shared feature as
    salient in it as its most used one."""
    return estimate * _most_salient(index, other)


def _uses_in(index: CorpusIndex, other: int, shared: list[Feature]) -> bytes:
    """How often `other` uses each of `shared` (features it holds)."""
    return bytes(map(index.counts[other].__getitem__, map(index.features[other].index, shared)))


def _score(
    index: CorpusIndex,
    other: int,
    shared: list[Feature],
    uses: bytes,
    *,
    weighted: dict[Feature, float],
    weights: dict[Feature, float],
) -> float:
    """The score of `other`: the sum over the features it shares (`shared`) of their weight as
    this thread uses them (`weighted`) times their salience in `other` (`_saturated`), two
    flags or more counting `FLAG_PAIR` times (`with_flags`). Each step runs in C over the
    shared features, in their order (the sums are those of a loop over them, to the last
    bit)."""
    used = _saturated(index, other, uses)
    score = sum(map(mul, map(weighted.__getitem__, shared), used))
    return with_flags(score, shared, weights)


def _evidence(shared: Collection[Feature]) -> int:
    """How many things two threads share: a phrase, hashtag or handle counts two, a word or
    domain one, two flags or more two. One shared word or flag, however rare, is a coincidence."""
    kinds = list(map(itemgetter(0), shared))
    flags = kinds.count("flag")
    return sum(map(_EVIDENCE.get, kinds, repeat(0))) + (2 if flags > 1 else 0)


def _cut(by_score: list[tuple[float, int]]) -> float:
    """The least score listed: `MIN_SCORE`, or above what most candidates reach by chance
    (`_NOISE` times their median) when that is higher. `by_score`: the candidates' rough
    scores (with their threads), in order."""
    if len(by_score) < _NOISE_SAMPLE:
        return MIN_SCORE
    middle = len(by_score) // 2
    if len(by_score) % 2:
        median = by_score[middle][0]
    else:
        median = (by_score[middle][0] + by_score[middle - 1][0]) / 2
    return max(MIN_SCORE, _NOISE * median)


def related_cost(index: CorpusIndex, thread: int) -> int:
    """About how many candidates `related_threads` would score for `thread`: a caller with a
    frame to keep (the reader) runs the cheap ones in place and the rest in the background."""
    cap = _rare_cap(index)
    sizes = [len(index.threads_with(feature)) for feature in index.features[thread]]
    # Each feature the thread holds alone has one holder: counted as one.
    rare = sum(size for size in sizes if size <= cap) + index.sole_count(thread)
    common = any(size > cap for size in sizes)
    return min(rare, _CANDIDATE_BUDGET) + (_POOL_CAP if common else 0)


def _same_thread(
    index: CorpusIndex, thread: int, other: int, features: Collection[Feature]
) -> bool:
    """Nearly all features in common, and about as many words: one thread saved twice (by two
    unrollers, or a page and an archive). A short thread that repeats a long one's key terms
    has far fewer words."""
    own, theirs = index.feature_count(thread), index.feature_count(other)
    shared = len(features)
    if shared < _SAME_SHARE * (own + theirs - shared):
        return False
    if sum(1 for kind, _ in features if kind in _TERMS) < _SAME_LEAST:
        return False
    lengths = index.lengths
    if max(thread, other) >= len(lengths):
        return False
    shorter, longer = sorted((lengths[thread], lengths[other]))
    return shorter >= _SAME_LENGTH * longer


def _candidates(
    index: CorpusIndex, thread: int, weighted: dict[Feature, float], limit: int
) -> set[int]:
    """Threads worth scoring: the best `_CANDIDATE_BUDGET` by what they share of the rare
    features (`_by_rare_features`); where those are too few, threads that share the common
    ones too (`_common_pool`)."""
    cap = _rare_cap(index)
    held = {feature: len(index.threads_with(feature)) for feature in weighted}
    by_rarity = sorted(held, key=held.__getitem__)
    rare = [feature for feature in by_rarity if held[feature] <= cap]
    common = by_rarity[len(rare) :]
    # The features the thread holds alone (not in `weighted`, `CorpusIndex.sole`) are the
    # rarest of all: each would have been read first, its one holder the thread itself.
    found = _by_rare_features(index, rare, weighted, _READ_BUDGET - index.sole_count(thread))
    found.pop(thread, None)
    candidates = set(found)
    if len(found) > _CANDIDATE_BUDGET:
        # Stable: of equal sums, the first found (holders of rarer features first) are kept.
        candidates = set(sorted(found, key=found.__getitem__, reverse=True)[:_CANDIDATE_BUDGET])
    if len(candidates) <= limit and common:
        candidates.update(_common_pool(index, common, limit))
        candidates.discard(thread)  # it holds the common features too
    return candidates


def _by_rare_features(
    index: CorpusIndex, rare: list[Feature], weighted: dict[Feature, float], room: int
) -> dict[int, float]:
    """The holders of `rare` (in that order, rarest first), each with the sum of the weights
    (`weighted`) of those it holds; past `room` holders read, the rest are left."""
    found: dict[int, float] = {}
    found_get = found.get
    for feature in rare:
        if room <= 0:
            break
        holders = index.threads_with(feature)
        adding = weighted[feature]
        for other in holders[:room] if len(holders) > room else holders:
            found[other] = found_get(other, 0.0) + adding
        room -= len(holders)
    return found


def _common_pool(index: CorpusIndex, common: list[Feature], limit: int) -> list[int]:
    """Up to `_POOL_CAP` holders of the rarest common feature that hold the next ones too
    (at most `_INTERSECTED` in all), or, when too few hold them all, of the rarest alone.

    Only the first `_SCAN_CAP` holders are intersected with the others: the whole intersection
    would cost every call as much as the corpus has threads (and a set of each common
    feature's holders as much once, and memory ever after). They are taken `_POOL_CAP` at a
    time, each batch with the others' holders in its span of threads (holders are in thread
    order), until the pool is full."""
    first = index.threads_with(common[0])
    others = [index.threads_with(feature) for feature in common[1:_INTERSECTED]]
    scanned = first[:_SCAN_CAP]
    pool: list[int] = []
    for start in range(0, len(scanned), _POOL_CAP):
        batch = scanned[start : start + _POOL_CAP]
        low, high = batch[0], batch[-1]
        held = set(batch)
        for holders in others:
            held.intersection_update(
                holders[bisect_left(holders, low) : bisect_right(holders, high)]
            )
        pool += sorted(held)
        if len(pool) >= _POOL_CAP:
            break
    pool = pool[:_POOL_CAP]
    if len(pool) <= limit:
        pool = list(islice(first, _POOL_CAP))
    return pool


def _rare_cap(index: CorpusIndex) -> int:
    """The most threads a feature may have and still be used to find candidates."""
    return min(_CANDIDATE_CAP, max(_CAP_FLOOR, len(index.features) // _COMMON_SHARE))


def _reasons(
    index: CorpusIndex, shared: list[Feature], weights: dict[Feature, float]
) -> tuple[str, ...]:
    """What two threads share (`shared`, in this thread's order), as written, heaviest first;
    the flags as one reason, and a word left out when a phrase or tag already shown holds it."""
    flags = [key for kind, key in shared if kind == "flag"]
    items = [(weights[f], _describe(index, f)) for f in shared if f[0] != "flag"]
    if flags:
        flag_weight = sum(weights[("flag", code)] for code in flags)
        items.append((flag_weight, " ".join(map(_emoji, flags))))
    items.sort(key=lambda item: (-item[0], item[1]))
    reasons: list[str] = []
    for _, text in items:
        if not any(text.lower() in shown.lower() for shown in reasons):
            reasons.append(text)
        if len(reasons) == _MAX_REASONS:
            break
    return tuple(reasons)


_emoji = cache(flag_emoji)
"""`flag_emoji`, each code's worked out once."""


def _describe(index: CorpusIndex, feature: Feature) -> str:
    kind, key = feature
    written = index.written.get(feature, key)
    if kind == "mention":
        return "@" + written
    if kind == "hashtag":
        return "#" + written
    return written
