"""Inverted indexes over a corpus: which threads use a flag, a mention, a hashtag, a domain, a word.

Built once per corpus in two passes over each thread's bytes (entities, then words). Filters and
related threads then answer from these maps in milliseconds instead of rereading text.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import repeat
from typing import TYPE_CHECKING, TypeVar

from .corpus import Corpus
from .entities.by_thread import tally_by_thread
from .entities.glued import GluedEvidence, RememberedSplits
from .entities.glued_counts import apply_glued
from .entities.link_tokens import LinkTokens, read_link_tokens
from .entities.tally import Tally, glued_tokens
from .entities.urls import count_links
from .entity_features import FeatureFolder
from .entity_features import feature_uses as _uses
from .index_pickle import packed_state, unpacked_state
from .index_sole import set_apart_sole_terms
from .thread_terms import thread_span, thread_terms, thread_text, top_terms
from .words.frequency import Frequency, Term
from .words.terms import term_keys

if TYPE_CHECKING:
    from .related import RelatedThread

R = TypeVar("R")
Feature = tuple[str, str]
"""(kind, key): ("flag", "RU"), ("mention", "dmitritrenin"), ("word", "sanct") (a stem),
("phrase", "central bank") (two stems) …"""


@dataclass
class CorpusIndex:
    """What each thread holds, and which threads hold each thing."""

    evidence: GluedEvidence = field(default_factory=lambda: GluedEvidence(frozenset()))
    flags: list[tuple[str, ...]] = field(default_factory=list)
    """Per thread: its flag codes in order of first appearance."""
    features: list[tuple[Feature, ...]] = field(default_factory=list)
    """Per thread: everything related threads can share."""
    postings: dict[Feature, array[int]] = field(default_factory=dict)
    """Per feature: the threads that hold it, in order (4 bytes a thread: a list would take
    36, an int object and a pointer, and a million posts hold millions of them)."""
    thread_count: int = 0
    counts: list[bytes] = field(default_factory=list)
    """Per thread: how often it uses each of its features (at most 255), in their order."""
    lengths: array[int] = field(default_factory=lambda: array("I"))
    """Per thread: how many words it has (stop words left out)."""
    sole: array[int] = field(default_factory=lambda: array("B"))
    """Per thread: how many words and phrases it holds that no other thread holds. They are
    left out of `features`, `counts` and `postings` (`index_sole`): they are never shared, and
    on a corpus of many authors they are most of the index."""
    mean_length: float = 1.0
    written: dict[Feature, str] = field(default_factory=dict)
    """How a feature was first written: `MID_RF` for ("mention", "mid_rf"), `central banks`
    for ("phrase", "central bank")."""
    holder_sets: dict[Feature, frozenset[int]] = field(
        default_factory=dict, compare=False, repr=False
    )
    """The holders of features held by many threads, as sets, made as related threads ask
    (`related_scores.holders`)."""
    batch_related: Callable[[int], list[RelatedThread]] | None = field(
        default=None, compare=False, repr=False
    )
    """`related_threads` by the batched path, made by an export (`share_related`); not pickled."""

    def __getstate__(self) -> dict[str, object]:
        kept = {name: value for name, value in self.__dict__.items() if name != "batch_related"}
        return packed_state(kept)

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(unpacked_state(state))

    def threads_with(self, feature: Feature) -> array[int]:
        return self.postings.get(feature) or array("I")

    def idf(self, feature: Feature) -> float:
        return math.log(1 + self.thread_count / max(len(self.threads_with(feature)), 1))

    def sole_count(self, thread: int) -> int:
        """How many of the thread's words and phrases no other thread holds (`sole`)."""
        return self.sole[thread] if thread < len(self.sole) else 0

    def feature_count(self, thread: int) -> int:
        """How many features the thread has, those it holds alone included."""
        return len(self.features[thread]) + self.sole_count(thread)


def build_index(
    corpus: Corpus,
    progress: Callable[[int, int], None] | None = None,
    entities_done: Callable[[CorpusIndex], None] | None = None,
    *,
    with_words: bool = True,
    parallel: bool = False,
    keep_sole: bool = False,
    cut: int | None = None,
) -> CorpusIndex:
    """Index every thread of `corpus`; `progress(done, total)` is called now and then.
    Without `with_words`, the index of entities alone is returned (enough for filters and export;
    only related threads need the words). With `parallel`, the threads from `cut` on (by
    default, the second half) are indexed in a forked process in each pass
    (`background.later`: only when this process runs no other thread, else here), and the two
    stretches joined: the index is the same wherever the cut falls. The words and
    phrases a thread holds alone are counted, not kept (`index_sole`), unless `keep_sole`
    (for tests and benches that compare the two: related threads are the same).

    Two passes: entities (flags, mentions, hashtags, link domains), then each thread's most
    distinctive words and phrases (`words.terms`). What filters need is all in the first; so
    the index of entities alone is handed to `entities_done` as soon as it is complete (a
    reader filters with it while the words are read). Threads are read in batches
    (`tally_by_thread`) and their counts folded into a few dozen features each (at most
    `WORDS_PER_THREAD` words and `PHRASES_PER_THREAD` phrases), so memory follows the
    features, not the text.
    """
    total = corpus.thread_count
    report = progress or (lambda done, of: None)
    evidence, tokens = _evidence_and_link_tokens(corpus, parallel=parallel)
    halves = _stretches(total, total // 2 if cut is None else cut) if parallel else [range(total)]
    entities = CorpusIndex(evidence=evidence, thread_count=total)
    for part in _each_half(
        halves, lambda threads: _entity_part(corpus, evidence, tokens, threads, report)
    ):
        entities.flags += part.flags
        entities.features += part.features
        entities.counts += part.counts
        _join(entities.postings, part.postings)
        _join_written(entities.written, part.written)
    tokens.clear()  # tens of megabytes at a million posts, of no use to the words
    if entities_done is not None:
        entities_done(entities)
    if not with_words:
        return entities
    # The words go into new containers: `entities` may be in use in another thread by now.
    index = CorpusIndex(evidence=evidence, flags=entities.flags, thread_count=total)
    index.written = dict(entities.written)
    index.postings = dict(entities.postings)
    frequency = _document_frequency(corpus, entities)

    def words_of(threads: range) -> _Part:
        return _word_part(corpus, entities, frequency, threads, report)

    for part in _each_half(halves, words_of):
        index.features += part.features
        index.counts += part.counts
        index.lengths += part.lengths
        _join(index.postings, part.postings)
        _join_written(index.written, part.written)
    index.mean_length = max(1.0, sum(index.lengths) / max(total, 1))
    index.written = shared_writings(index.written, index.postings)
    if not keep_sole:
        set_apart_sole_terms(index)
    if parallel:
        share_features(index, halves[1])
    report(2 * total, 2 * total)
    return index


def share_features(index: CorpusIndex, threads: range) -> None:
    """Each feature of `threads`, and of the writings, made the postings' own key object.
    The threads indexed in another process hold copies of the features the others hold too
    (and each pass's process its own copies of the entities): kept, at a million posts of
    many authors, tens of thousands of tuples and strings held twice, in the index and in the
    cache. Shared, the pickle sends each once too."""
    own = {feature: feature for feature in index.postings}
    key = own.__getitem__
    features = index.features
    features[threads.start : threads.stop] = [
        tuple(map(key, held)) for held in features[threads.start : threads.stop]
    ]
    index.written = {key(feature): text for feature, text in index.written.items()}


def shared_writings(
    written: dict[Feature, str], postings: dict[Feature, array[int]]
) -> dict[Feature, str]:
    """The writings of the features two threads or more hold, where they differ from the key
    (`related._describe` shows the key otherwise): only what two threads share is ever shown,
    and a corpus of many authors holds mostly phrases of one thread each (at 100k posts of
    thousands of handles, 64k of 72k features), whose writings would be a fifth of the index;
    a fifth of the rest are written as their key (a lower-case handle, a word that is its own
    stem)."""
    no_holders: array[int] = array("I")
    return {
        feature: text
        for feature, text in written.items()
        if text != feature[1] and len(postings.get(feature, no_holders)) > 1
    }


@dataclass
class _Part:
    """What one pass found in a stretch of threads (the words pass leaves `flags` empty and
    gives only the words' postings)."""

    flags: list[tuple[str, ...]] = field(default_factory=list)
    features: list[tuple[Feature, ...]] = field(default_factory=list)
    counts: list[bytes] = field(default_factory=list)
    lengths: array[int] = field(default_factory=lambda: array("I"))
    postings: dict[Feature, array[int]] = field(default_factory=dict)
    written: dict[Feature, str] = field(default_factory=dict)

    def __getstate__(self) -> dict[str, object]:
        # Pickled back from the forked process: its words' postings as one array, not one
        # pickled call each (at a million posts of many authors, 0.3 s less of its pickling,
        # which the joining waits for; `index_pickle`).
        return packed_state(self.__dict__)

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(unpacked_state(state))


def _stretches(total: int, cut: int) -> list[range]:
    """The threads before `cut` and those from it on (`cut` held between 0 and `total`)."""
    cut = min(max(cut, 0), total)
    return [range(cut), range(cut, total)]


def _each_half(halves: list[range], work: Callable[[range], R]) -> Iterator[R]:
    """`work` on each stretch of threads, the second in a forked process meanwhile. Each
    result is given as it comes: the caller joins the first while the second is still being
    worked out (or pickled back), rather than after."""
    if len(halves) == 1:
        yield work(halves[0])
        return
    from .background import later

    second = later(lambda: work(halves[1]))
    yield work(halves[0])
    yield second()


def _evidence_and_link_tokens(
    corpus: Corpus, *, parallel: bool
) -> tuple[GluedEvidence, list[LinkTokens]]:
    """`glued_evidence`, and each source's link tokens kept for the entity pass; with
    `parallel`, the second half of a big corpus read in a forked process."""
    from .export_index import evidence_and_link_tokens

    if parallel:
        return evidence_and_link_tokens(corpus)
    domains: Counter[str] = Counter()
    tokens = [
        read_link_tokens(source.buf, 0, len(source.buf), domains) for source in corpus.sources
    ]
    glued = Tally()
    for source in corpus.sources:
        glued.glued.update(glued_tokens(source.buf))
    return GluedEvidence.gather(domains, glued.glued_tokens()), tokens


def _join(postings: dict[Feature, array[int]], more: dict[Feature, array[int]]) -> None:
    """Add the postings of later threads."""
    for feature, threads in more.items():
        held = postings.get(feature)
        if held is None:
            postings[feature] = threads
        else:
            held += threads


def _join_written(written: dict[Feature, str], more: dict[Feature, str]) -> None:
    """The first writing of each feature stays: `more` is of later threads."""
    for feature, text in more.items():
        written.setdefault(feature, text)


def _entity_part(
    corpus: Corpus,
    evidence: GluedEvidence,
    tokens: list[LinkTokens],
    threads: range,
    report: Callable[[int, int], None],
) -> _Part:
    part = _Part()
    postings: defaultdict[Feature, list[int]] = defaultdict(list)
    folder = FeatureFolder(part.written)
    splits = RememberedSplits(evidence)
    shared_flags: dict[tuple[str, ...], tuple[str, ...]] = {}
    """One tuple per distinct run of flags: most threads carry one of a few."""
    for first in range(threads.start, threads.stop, _BATCH):
        batch = range(first, min(first + _BATCH, threads.stop))
        for thread, counts in zip(batch, _batch_tallies(corpus, batch, tokens), strict=True):
            if counts.glued:
                apply_glued(counts, splits)
            features, flags, uses = folder.fold(counts)
            part.flags.append(shared_flags.setdefault(flags, flags))
            part.features.append(features)
            part.counts.append(uses)
            # Each feature's list of threads found and added to in C: there are millions.
            deque(map(list.append, map(postings.__getitem__, features), repeat(thread)), 0)
        report(batch.stop, 2 * corpus.thread_count)
    part.postings = _compact(postings)
    return part


def _word_part(
    corpus: Corpus,
    entities: CorpusIndex,
    frequency: Frequency,
    threads: range,
    report: Callable[[int, int], None],
) -> _Part:
    part = _Part()
    postings: defaultdict[Feature, list[int]] = defaultdict(list)
    shared: dict[Feature, Feature] = {}
    total = corpus.thread_count
    for thread in threads:
        terms = thread_terms(corpus, entities, thread)
        best = top_terms(terms, frequency, part.written)
        words = tuple(map(shared.setdefault, best, best))
        part.features.append(entities.features[thread] + words)
        part.counts.append(entities.counts[thread] + _uses(best))
        part.lengths.append(min(terms.words.total(), 2**32 - 1))
        deque(map(list.append, map(postings.__getitem__, words), repeat(thread)), 0)
        if thread % _BATCH == _BATCH - 1:
            report(total + thread + 1, 2 * total)
    part.postings = _compact(postings)
    return part


def _compact(postings: dict[Feature, list[int]]) -> dict[Feature, array[int]]:
    return {feature: array("I", threads) for feature, threads in postings.items()}


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


def _batch_tallies(
    corpus: Corpus, threads: range, tokens: list[LinkTokens] | None = None
) -> list[Tally]:
    """Entity counts for consecutive threads, one scan per pattern for each source they use."""
    tallies: list[Tally] = []
    position = threads.start
    while position < threads.stop:
        source = corpus.threads.source[position]
        end = position
        while end < threads.stop and corpus.threads.source[end] == source:
            end += 1
        spans = [thread_span(corpus, thread) for thread in range(position, end)]
        kept = tokens[source] if tokens else None
        tallies += tally_by_thread(corpus.sources[source].buf, spans, kept)
        position = end
    return tallies


def _document_frequency(corpus: Corpus, entities: CorpusIndex) -> Frequency:
    """How many threads use each term; from an even sample when the corpus is large. Counted
    in this process even when the passes go in halves: a fork and its counts pickled back cost
    more CPU than the half it would count, and the word keys found here are then known to both
    processes of the word pass (the second would otherwise find its half's keys again)."""
    total = corpus.thread_count
    step = max(1, total // _DF_SAMPLE)
    sample = range(0, total, step)
    counts: Counter[Term] = Counter()
    for thread in sample:
        counts.update(term_keys(*thread_text(corpus, entities, thread)))
    return Frequency.of(counts, len(sample), exact=step == 1)
