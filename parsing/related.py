"""Related threads: the others that share the most distinctive flags, people, tags, sites and words.

A thread's score against another is the sum of what they share, each shared feature weighted by
how rare it is in the corpus (IDF) and by its kind: a shared mention or hashtag says more than a
shared flag. Only features held by at most `_CANDIDATE_CAP` threads are used to find candidates,
so even a flag that half a million-post corpus uses costs nothing; it still adds to the score of
candidates found through rarer features.
"""

from __future__ import annotations

from dataclasses import dataclass

from .entities.flags import flag_emoji
from .index import CorpusIndex, Feature

MAX_RELATED = 5
MIN_SCORE = 2.0
_CANDIDATE_CAP = 5000
# Flags are what these threads are filed by; words are the weakest hint.
_KIND_WEIGHT = {"flag": 1.5, "mention": 1.0, "hashtag": 1.2, "domain": 0.8, "word": 0.4}
_MAX_REASONS = 4
_INTERSECTED = 4
"""Common features intersected at most, to find threads that share several of them."""


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
    sizes = [len(index.threads_with(feature)) for feature in index.features[thread]]
    rare = sum(size for size in sizes if size <= _CANDIDATE_CAP)
    common = [size for size in sizes if size > _CANDIDATE_CAP]
    return rare + (_CANDIDATE_CAP if common else 0)  # common ones: one capped intersection


def _candidates(index: CorpusIndex, features: tuple[Feature, ...], limit: int) -> set[int]:
    """Threads worth scoring: all holders of the rarer features; where those are too few,
    the threads that share the most of the common ones (posting lists intersected)."""
    found: set[int] = set()
    common: list[list[int]] = []
    for feature in features:
        holders = index.threads_with(feature)
        if len(holders) <= _CANDIDATE_CAP:
            found.update(holders)
        else:
            common.append(holders)
    if len(found) <= limit and common:
        common.sort(key=len)
        pool = set(common[0])
        for holders in common[1:_INTERSECTED]:
            narrower = pool.intersection(holders)
            if len(narrower) <= limit:
                break
            pool = narrower
        found.update(sorted(pool)[:_CANDIDATE_CAP])
    return found


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
