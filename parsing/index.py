"""Inverted indexes over a corpus: which threads use a flag, a mention, a hashtag, a domain, a word.

Built once per corpus in two passes over each thread's bytes (entities, then words). Filters and
related threads then answer from these maps in milliseconds instead of rereading text.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from .corpus import Corpus
from .entities.glued import GluedEvidence
from .entities.tally import Tally, apply_glued, tally
from .stopwords import STOP_WORDS

# A word: letters only, four or more, not part of a handle, tag, link or file name.
_WORD = re.compile(
    rb"(?<![a-z0-9_@#$/\-])(?<![a-z0-9]\.)[a-z]{4,}+(?![a-z0-9_@#$/\-])(?!\.[a-z0-9])"
)
WORDS_PER_THREAD = 8

Feature = tuple[str, str]
"""(kind, key): ("flag", "RU"), ("mention", "dmitritrenin"), ("word", "dependency") …"""


@dataclass
class CorpusIndex:
    """What each thread holds, and which threads hold each thing."""

    tally: Tally = field(default_factory=Tally)
    """Entity counts for the whole corpus, glued tokens split."""
    evidence: GluedEvidence = field(default_factory=lambda: GluedEvidence(frozenset()))
    flags: list[tuple[str, ...]] = field(default_factory=list)
    """Per thread: its flag codes in order of first appearance."""
    features: list[tuple[Feature, ...]] = field(default_factory=list)
    """Per thread: everything related threads can share."""
    postings: dict[Feature, list[int]] = field(default_factory=lambda: defaultdict(list))
    """Per feature: the threads that hold it, in order."""
    thread_count: int = 0

    def threads_with(self, feature: Feature) -> list[int]:
        return self.postings.get(feature, [])

    def idf(self, feature: Feature) -> float:
        return math.log(1 + self.thread_count / max(len(self.threads_with(feature)), 1))


def build_index(corpus: Corpus, progress: Callable[[int, int], None] | None = None) -> CorpusIndex:
    """Index every thread of `corpus`; `progress(done, total)` is called now and then.

    Memory stays proportional to the features kept (a few dozen per thread): entity counts and
    word counts are folded into the index thread by thread and then dropped.
    """
    total = corpus.thread_count
    report = progress or (lambda done, of: None)
    entity_features: list[tuple[Feature, ...]] = []
    with_glued: list[int] = []
    whole = Tally()
    for thread in range(total):
        counts = _thread_tally(corpus, thread)
        whole.add(counts)
        if counts.glued:
            with_glued.append(thread)
        entity_features.append(_entity_features(counts))
        if thread % 4096 == 0:
            report(thread, 3 * total)
    evidence = GluedEvidence.gather(whole.domains, whole.glued_tokens())
    apply_glued(whole, evidence)
    for thread in with_glued:
        # Re-read the few threads with glued tokens: their mentions and links change.
        counts = _thread_tally(corpus, thread)
        apply_glued(counts, evidence)
        entity_features[thread] = _entity_features(counts)
    index = CorpusIndex(tally=whole, evidence=evidence, thread_count=total)
    frequency = _document_frequency(corpus, lambda done: report(total + done, 3 * total))
    postings: dict[Feature, list[int]] = defaultdict(list)
    for thread in range(total):
        index.flags.append(tuple(key for kind, key in entity_features[thread] if kind == "flag"))
        features = entity_features[thread] + _top_words(_words(corpus, thread), frequency)
        index.features.append(features)
        for feature in features:
            postings[feature].append(thread)
        if thread % 4096 == 0:
            report(2 * total + thread, 3 * total)
    index.postings = dict(postings)
    return index


_DF_SAMPLE = 20_000


def _document_frequency(corpus: Corpus, report: Callable[[int], None]) -> _Frequency:
    """How many threads use each word; from an even sample when the corpus is large."""
    total = corpus.thread_count
    step = max(1, total // _DF_SAMPLE)
    counts: Counter[str] = Counter()
    sampled = 0
    for thread in range(0, total, step):
        counts.update(_words(corpus, thread).keys())
        sampled += 1
        if sampled % 4096 == 0:
            report(thread)
    return _Frequency(counts, sampled)


@dataclass(frozen=True, slots=True)
class _Frequency:
    threads_with: Counter[str]
    threads: int


def _thread_span(corpus: Corpus, thread: int) -> tuple[int, int]:
    posts = corpus.thread_posts(thread)
    return corpus.posts.text_start[posts.start], corpus.posts.text_end[posts.stop - 1]


def _thread_tally(corpus: Corpus, thread: int) -> Tally:
    start, end = _thread_span(corpus, thread)
    return tally(corpus.source_of(thread).buf, start, end)


def _entity_features(counts: Tally) -> tuple[Feature, ...]:
    features: list[Feature] = [("flag", code) for code, n in counts.flags.items() if n > 0]
    features += sorted({("mention", name.lower()) for name, n in counts.mentions.items() if n > 0})
    features += sorted({("hashtag", tag.lower()) for tag, n in counts.hashtags.items() if n > 0})
    features += sorted(("domain", domain) for domain, n in counts.domains.items() if n > 0)
    return tuple(features)


def _words(corpus: Corpus, thread: int) -> Counter[str]:
    start, end = _thread_span(corpus, thread)
    text = bytes(corpus.source_of(thread).buf[start:end])
    found = Counter(_WORD.findall(text.lower()))
    for stop in STOP_WORDS.intersection(found):
        del found[stop]
    return Counter({word.decode(): n for word, n in found.items()})


def _top_words(words: Counter[str], frequency: _Frequency) -> tuple[Feature, ...]:
    """The thread's most distinctive words by TF-IDF; words no other thread uses left out."""
    seen, threads = frequency.threads_with, frequency.threads

    def weight(word: str) -> float:
        return (1 + math.log(words[word])) * math.log(1 + threads / seen[word])

    shared = [word for word in words if 1 < seen[word] < threads]
    best = sorted(shared, key=lambda word: (-weight(word), word))[:WORDS_PER_THREAD]
    return tuple(("word", word) for word in sorted(best))
