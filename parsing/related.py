"""Related threads: the others that share the most distinctive flags, people, tags, sites and words.

A thread's score against another is the sum of what they share, each shared feature weighted by
how rare it is in the corpus (IDF) and by its kind: a shared mention or hashtag says more than a
shared flag. Only features held by few threads (at most a twentieth of them, and never more than
`_CANDIDATE_CAP`) are used to find candidates, so even a flag or word that half the corpus uses
costs nothing; it still adds to the score of candidates found through rarer features.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

from .entities.flags import flag_emoji
from .index import CorpusIndex, Feature

MAX_RELATED = 5
MIN_SCORE = 2.0
_CANDIDATE_CAP = 5000
_COMMON_SHARE = 20
"""A feature held by more than 1/20 of the threads (and more than `_CAP_FLOOR`) is common:
it only narrows candidates found otherwise, or is intersected with other common ones."""
_CAP_FLOOR = 64
# Flags are what these threads are filed by; words are the weakest hint.
_KIND_WEIGHT = {"flag": 1.5, "mention": 1.0, "hashtag": 1.2, "domain": 0.8, "word": 0.4}
_MAX_REASONS = 4
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
    """What the two share, most telling first: ("🇨🇳 🇷🇺", "@dmitritrenin", "dependency")."""


def related_threads(
    index: CorpusIndex, thread: int, limit: int = MAX_RELATED
) -> list[RelatedThread]:
    """Up to `limit` other threads, best first; none scoring below `MIN_SCORE`."""
    features = index.features[thread]
    own = set(features)
    weights = {feature: _weight(index, feature) for feature in features}
    candidates = _candidates(index, features, limit)
    candidates.discard(thread)
    scored = []
    for other in candidates:
        score = sum(weights[f] for f in index.features[other] if f in own)
        if score >= MIN_SCORE:
            scored.append((-score, other))
    scored.sort()
    return [
        RelatedThread(other, round(-score, 3), _reasons(index, features, other, weights))
        for score, other in scored[:limit]
    ]


def related_cost(index: CorpusIndex, thread: int) -> int:
    """About how many candidates `related_threads` would score for `thread`: a caller with a
    frame to keep (the reader) runs the cheap ones in place and the rest in the background."""
    cap = _rare_cap(index)
    sizes = [len(index.threads_with(feature)) for feature in index.features[thread]]
    rare = sum(size for size in sizes if size <= cap)
    common = [size for size in sizes if size > cap]
    return rare + (_POOL_CAP if common else 0)  # common ones: one capped intersection


def _candidates(index: CorpusIndex, features: tuple[Feature, ...], limit: int) -> set[int]:
    """Threads worth scoring: all holders of the rarer features; where those are too few,
    threads that share the common ones too (see `_common_pool`)."""
    found: set[int] = set()
    common: list[Feature] = []
    cap = _rare_cap(index)
    for feature in features:
        holders = index.threads_with(feature)
        if len(holders) <= cap:
            found.update(holders)
        else:
            common.append(feature)
    if len(found) <= limit and common:
        found.update(_common_pool(index, common, limit))
    return found


def _common_pool(index: CorpusIndex, common: list[Feature], limit: int) -> list[int]:
    """Up to `_POOL_CAP` holders of the rarest common feature that hold the next ones too
    (at most `_INTERSECTED` in all), or, when too few hold them all, of the rarest alone.

    Only the first `_SCAN_CAP` holders are intersected with cached sets of the others: the
    whole intersection would cost every call as much as the corpus has threads, and
    `export --related` calls it for every thread."""
    common.sort(key=lambda feature: len(index.threads_with(feature)))
    first = index.threads_with(common[0])
    others = [index.holder_set(feature) for feature in common[1:_INTERSECTED]]
    pool = sorted(set(first[:_SCAN_CAP]).intersection(*others))[:_POOL_CAP]
    if len(pool) <= limit:
        pool = list(islice(first, _POOL_CAP))
    return pool


def _rare_cap(index: CorpusIndex) -> int:
    """The most threads a feature may have and still be used to find candidates."""
    return min(_CANDIDATE_CAP, max(_CAP_FLOOR, len(index.features) // _COMMON_SHARE))


def _weight(index: CorpusIndex, feature: Feature) -> float:
    return _KIND_WEIGHT[feature[0]] * index.idf(feature)


def _reasons(
    index: CorpusIndex, own: tuple[Feature, ...], other: int, weights: dict[Feature, float]
) -> tuple[str, ...]:
    theirs = set(index.features[other])
    shared = [f for f in own if f in theirs]
    flags = [key for kind, key in shared if kind == "flag"]
    others = sorted((f for f in shared if f[0] != "flag"), key=lambda f: (-weights[f], f))
    reasons = [" ".join(flag_emoji(code) for code in flags)] if flags else []
    reasons += [_describe(feature) for feature in others]
    return tuple(reasons[:_MAX_REASONS])


def _describe(feature: Feature) -> str:
    kind, key = feature
    if kind == "mention":
        return "@" + key
    if kind == "hashtag":
        return "#" + key
    return key
