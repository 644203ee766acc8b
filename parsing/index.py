"""Inverted indexes over a corpus: which threads use a flag, a mention, a hashtag, a domain, a word.

Built once per corpus in two passes over each thread's bytes (entities, then words). Filters and
related threads then answer from these maps in milliseconds instead of rereading text.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from .corpus import Corpus
from .entities.by_thread import tally_by_thread
from .entities.glued import GluedEvidence
from .entities.glued_counts import apply_glued
from .entities.tally import Tally, glued_tokens
from .entities.urls import count_links
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

    evidence: GluedEvidence = field(default_factory=lambda: GluedEvidence(frozenset()))
    flags: list[tuple[str, ...]] = field(default_factory=list)
    """Per thread: its flag codes in order of first appearance."""
    features: list[tuple[Feature, ...]] = field(default_factory=list)
    """Per thread: everything related threads can share."""
    postings: dict[Feature, list[int]] = field(default_factory=lambda: defaultdict(list))
    """Per feature: the threads that hold it, in order."""
    thread_count: int = 0

    holder_sets: dict[Feature, frozenset[int]] = field(default_factory=dict, repr=False)
    """`threads_with` as sets, made on first use (for the common features only)."""

    def threads_with(self, feature: Feature) -> list[int]:
        return self.postings.get(feature, [])

    def holder_set(self, feature: Feature) -> frozenset[int]:
        held = self.holder_sets.get(feature)
        if held is None:
            held = self.holder_sets[feature] = frozenset(self.threads_with(feature))
        return held

    def idf(self, feature: Feature) -> float:
        return math.log(1 + self.thread_count / max(len(self.threads_with(feature)), 1))


def build_index(
    corpus: Corpus,
    progress: Callable[[int, int], None] | None = None,
    entities_done: Callable[[CorpusIndex], None] | None = None,
    *,
    with_words: bool = True,
) -> CorpusIndex:
    """Index every thread of `corpus`; `progress(done, total)` is called now and then.
    Without `with_words`, the index of entities alone is returned (enough for filters and export;
    only related threads need the words).

    Two passes: entities (flags, mentions, hashtags, link domains), then each thread's most
    distinctive words. What filters need is all in the first, a third of the time; so the index
    of entities alone is handed to `entities_done` as soon as it is complete (a reader filters
    with it while the words are read). Threads are read in batches (`tally_by_thread`) and their
    counts folded into a few dozen features each, so memory follows the features, not the text.
    """
    total = corpus.thread_count
    report = progress or (lambda done, of: None)
    evidence = glued_evidence(corpus)
    entities = CorpusIndex(evidence=evidence, thread_count=total)
    postings: dict[Feature, list[int]] = defaultdict(list)
    shared: dict[Feature, Feature] = {}
    """One tuple object per distinct feature: a million-post corpus repeats them millions of
    times, and sharing them saves over a hundred megabytes."""
    for first in range(0, total, _BATCH):
        threads = range(first, min(first + _BATCH, total))
        for thread, counts in zip(threads, _batch_tallies(corpus, threads), strict=True):
            if counts.glued:
                apply_glued(counts, evidence)
            features = tuple(shared.setdefault(f, f) for f in _entity_features(counts))
            entities.flags.append(tuple(key for kind, key in features if kind == "flag"))
            entities.features.append(features)
            for feature in features:
                postings[feature].append(thread)
        report(threads.stop, 2 * total)
    entities.postings = dict(postings)
    if entities_done is not None:
        entities_done(entities)
    if not with_words:
        return entities
    # The words go into new containers: `entities` may be in use in another thread by now.
    index = CorpusIndex(evidence=evidence, flags=entities.flags, thread_count=total)
    frequency = _document_frequency(corpus)
    for thread in range(total):
        words = tuple(
            shared.setdefault(f, f) for f in _top_words(_words(corpus, thread), frequency)
        )
        index.features.append(entities.features[thread] + words)
        for feature in words:
            postings[feature].append(thread)
        if thread % _BATCH == _BATCH - 1:
            report(total + thread + 1, 2 * total)
    index.postings = dict(postings)
    report(2 * total, 2 * total)
    return index


def glued_evidence(corpus: Corpus) -> GluedEvidence:
    """The corpus-wide evidence for splitting glued mention+link tokens: every link's domain
    and every glued token, from one quick pass over each buffer."""
    domains: Counter[str] = Counter()
    glued = Tally()
    for source in corpus.sources:
        glued.glued.update(glued_tokens(source.buf))
        count_links(source.buf, 0, len(source.buf), domains)
    return GluedEvidence.gather(domains, glued.glued_tokens())


_BATCH = 512
_DF_SAMPLE = 4_000
"""Threads read to estimate how common each word is; enough for TF-IDF to rank words."""


def _batch_tallies(corpus: Corpus, threads: range) -> list[Tally]:
    """Entity counts for consecutive threads, one scan per pattern for each source they use."""
    tallies: list[Tally] = []
    position = threads.start
    while position < threads.stop:
        source = corpus.threads.source[position]
        end = position
        while end < threads.stop and corpus.threads.source[end] == source:
            end += 1
        spans = [_thread_span(corpus, thread) for thread in range(position, end)]
        tallies += tally_by_thread(corpus.sources[source].buf, spans)
        position = end
    return tallies


def _document_frequency(corpus: Corpus) -> _Frequency:
    """How many threads use each word; from an even sample when the corpus is large."""
    total = corpus.thread_count
    step = max(1, total // _DF_SAMPLE)
    counts: Counter[bytes] = Counter()
    sampled = 0
    for thread in range(0, total, step):
        counts.update(_words(corpus, thread).keys())
        sampled += 1
    return _Frequency(counts, sampled)


@dataclass(frozen=True, slots=True)
class _Frequency:
    threads_with: Counter[bytes]
    threads: int

    def idf(self, word: bytes) -> float:
        return math.log(1 + self.threads / self.threads_with[word])


def _thread_span(corpus: Corpus, thread: int) -> tuple[int, int]:
    posts = corpus.thread_posts(thread)
    return corpus.posts.text_start[posts.start], corpus.posts.text_end[posts.stop - 1]


def _entity_features(counts: Tally) -> tuple[Feature, ...]:
    features: list[Feature] = [("flag", code) for code, n in counts.flags.items() if n > 0]
    features += sorted({("mention", name.lower()) for name, n in counts.mentions.items() if n > 0})
    features += sorted({("hashtag", tag.lower()) for tag, n in counts.hashtags.items() if n > 0})
    features += sorted(("domain", domain) for domain, n in counts.domains.items() if n > 0)
    return tuple(features)


def _words(corpus: Corpus, thread: int) -> Counter[bytes]:
    """How often each word (lower case, not a stop word) is used in a thread."""
    start, end = _thread_span(corpus, thread)
    found = Counter(_WORD.findall(corpus.source_of(thread).buf[start:end].lower()))
    for stop in STOP_WORDS.intersection(found):
        del found[stop]
    return found


def _top_words(words: Counter[bytes], frequency: _Frequency) -> tuple[Feature, ...]:
    """The thread's most distinctive words by TF-IDF; words no other thread uses left out."""
    seen, threads = frequency.threads_with, frequency.threads
    # A word half the threads use tells nothing about which of them belong together.
    common = max(2, threads // 2)
    shared = [word for word in words if 1 < seen[word] <= common]

    def rank(word: bytes) -> tuple[float, int, bytes]:
        weight = (1 + math.log(words[word])) * frequency.idf(word)
        return (-weight, seen[word], word)  # heaviest, then rarest, then alphabetical

    best = heapq.nsmallest(WORDS_PER_THREAD, shared, key=rank)
    return tuple(("word", word.decode()) for word in sorted(best))
