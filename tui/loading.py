"""Loading a corpus in a thread, so the reader can paint the first threads while the rest loads.

The loader appends to a `Corpus` that the reader already holds and tells the screen running it
what happened with messages (posting one is safe from any thread; they do not bubble further):
`BatchLoaded` as threads complete, `FlagsIndexed` once the flag picker and flag filters can
work (a big corpus only: its flags come seconds before its other entities), `EntitiesIndexed`
once every filter can, `FullyIndexed` once related threads can, and a `Warning` for each file
skipped. Threads are only ever appended, and a thread is counted once its last post is, so the
reader never reads half-written state. A big file is parsed in one call, so the threads it has
completed so far are reported from a second thread every `BATCH_INTERVAL` seconds (a message
per thread would flood the reader at a million posts).

A corpus of `INDEX_PROCESS_BYTES` or more is indexed in another process while this one reads it
(`parsing.index_process`), which then writes the cache; a corpus read before, with files as they
were, comes from that cache (`parsing.cache`) instead, with the same messages. A single big
page file is read once between the two processes (`parsing.split_read`): this one lays out its
first part, the other the rest, which it sends laid out; the command line starts that process
before the interface (`early_index`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from textual.message import Message

from parsing import cache as corpus_cache
from parsing.corpus import Corpus
from parsing.errors import ThreadlineError
from parsing.flag_index import FlagIndexer
from parsing.index import CorpusIndex, build_index
from parsing.index_incoming import IndexProcess
from parsing.index_process import plan_files, start_index_process
from parsing.read_loop import PathLike, Plan, Planned, plan
from parsing.split_read import (
    UNSHIFTED,
    Halves,
    join_second,
    plan_halves,
    read_first,
    read_second,
)

from . import early_index
from .loading_pace import BatchReporter, Throttled, collector_paused, lock_handed_quickly
from .sources import corpus_paths

INDEX_PROCESS_BYTES = 4 << 20
"""From this size on, the index is built in another process (below it, a process costs more
than it saves)."""

Post = Callable[[Message], object]
"""Where the loader's messages go (a screen's `post_message`)."""


@dataclass(frozen=True, slots=True)
class Progress:
    phase: str
    """"reading", "indexing" or "ready"."""
    fraction: float


@dataclass
class CorpusLoader:
    """Reads `paths` (the demo corpus when empty) into `corpus`, then builds `index`."""

    class BatchLoaded(Message, bubble=False):
        """More threads are read: the first `threads` of the corpus are complete."""

        def __init__(self, threads: int, progress: Progress) -> None:
            super().__init__()
            self.threads = threads
            self.progress = progress

    class Indexing(Message, bubble=False):
        """Indexing has got this far."""

        def __init__(self, progress: Progress) -> None:
            super().__init__()
            self.progress = progress

    class FlagsIndexed(Message, bubble=False):
        """The flags of every thread are indexed, nothing else yet: the flag picker, flag
        filters and the flags of rows can use `index` (`parsing.flag_index`). For a file read
        in halves they may come before the second part's threads are counted: filters list
        the threads counted, and the rest as `BatchLoaded` counts them."""

        def __init__(self, index: CorpusIndex) -> None:
            super().__init__()
            self.index = index

    class EntitiesIndexed(Message, bubble=False):
        """The entities are indexed: filters and the flags of rows can use `index`."""

        def __init__(self, index: CorpusIndex) -> None:
            super().__init__()
            self.index = index

    class FullyIndexed(Message, bubble=False):
        """The words are indexed too: related threads can use `index`; loading is over."""

        def __init__(self, index: CorpusIndex) -> None:
            super().__init__()
            self.index = index

    class Warning(Message, bubble=False):
        """A file was skipped, or bytes in it replaced: one line for the user."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    paths: Sequence[str]
    cache: bool = True
    """Reopen from the cache of the last full read, and write it (`--no-cache` turns it off)."""
    corpus: Corpus = field(default_factory=Corpus)
    index: CorpusIndex | None = None
    entities: CorpusIndex | None = None
    """The index of entities alone: ready well before `index`, and all that filters need."""
    flags: CorpusIndex | None = None
    """The index of flags alone: ready well before `entities`, let go when they come."""
    indexing: IndexProcess | None = None
    """The process building the index (and then writing the cache), once started."""
    warnings: list[str] = field(default_factory=list)
    """Found by `prepare`, posted when `run` starts."""
    _plan: Plan = field(default_factory=lambda: Plan([], []))
    _planned: list[PathLike] = field(default_factory=list)
    """The paths `_plan` was made of."""
    _total_bytes: int = 0
    _done_bytes: int = 0
    _phase: str = "reading"
    _index_fraction: float = 0.0

    @property
    def name(self) -> str:
        """How the corpus is shown in the header."""
        if not self.paths:
            return "demo corpus"
        first = self.paths[0]
        more = f" (+{len(self.paths) - 1})" if len(self.paths) > 1 else ""
        return (
            "standard input" if first == "-" else os.path.basename(first.rstrip("/")) or first
        ) + more

    def prepare(self) -> None:
        """Find the files and their formats (quick); called before the thread starts. A path
        that cannot be read is a warning here: the command line has refused it already, unless
        it went away since."""
        try:
            self._plan = plan(self._sources)
            self._planned = self._sources
        except ThreadlineError as error:
            self.warnings.append(str(error))
            readable = [path for path in self.paths if _plannable(path)]
            self._plan = plan(readable) if readable else Plan([], [])
            self._planned = list(readable)
        self.warnings += self._plan.warnings
        self._total_bytes = self._plan.total_bytes or 1

    def run(self, post: Post) -> None:
        """Read, parse and index, posting what happens to `post`; runs in a worker thread
        (which hands the interpreter lock to the interface quickly meanwhile)."""
        with lock_handed_quickly():
            self._run(post)

    def _run(self, post: Post) -> None:
        for warning in self.warnings:
            post(self.Warning(warning))
        with collector_paused():
            index = self._reopened(post)
        if index is not None:
            early_index.claim([])  # a process started early is not needed: let it go
        else:
            index = self._read_and_index(post)
        self.index = self.entities = index
        self._phase = "ready"
        post(self.FullyIndexed(index))

    def _read_and_index(self, post: Post) -> CorpusIndex:
        files = plan_files(self._plan)
        big = files is not None and self._plan.total_bytes >= INDEX_PROCESS_BYTES
        early = early_index.claim(self._planned)
        if early is not None:
            return self._read_halves_and_index(post, early.halves, early.indexing)
        halves = plan_halves(self._plan) if big else None
        if halves is not None:
            indexing = start_index_process(self._planned, cache=self.cache, halves=halves)
            return self._read_halves_and_index(post, halves, indexing)
        indexing = start_index_process(self._planned, cache=self.cache) if big else None
        self.indexing = indexing
        # Reading leaves garbage (its line events): collected once, at the end.
        with collector_paused(collect=True), self._reporter(post):
            self._read(post)
        for warning in self.corpus.warnings:
            post(self.Warning(warning))
        self._phase = "indexing"
        post(self.Indexing(self.progress()))
        return self._index(post, indexing)

    def _read_halves_and_index(
        self, post: Post, halves: Halves, indexing: IndexProcess | None
    ) -> CorpusIndex:
        """A big file read in two parts (`parsing.split_read`): the first here, the second by
        the process that builds the index (`indexing`), which sends the flags of its threads,
        then the part laid out; the flags of the first part are found here meanwhile, and the
        part laid out here is sent to it in turn, for the index. With
        both parts' flags, every flag is known before the part is joined (`FlagsIndexed` then
        covers threads the corpus has yet to count: filters list those it has)."""
        self.indexing = indexing
        # Read in a call of its own, so that what only reading needs (the flags' indexer, with
        # every holder of a flag as an int object; the second part's own columns and flags) is
        # let go before the index comes in, whose unpickling then reuses that memory: let go
        # after it, they would leave tens of megabytes of holes between the index's objects.
        sent = self._read_halves(post, halves, indexing)
        if sent is None:
            return build_index(self.corpus)
        self._phase = "indexing"
        post(self.Indexing(self.progress()))
        return self._index(post, indexing if sent else None, flags_sent=True)

    def _read_halves(
        self, post: Post, halves: Halves, indexing: IndexProcess | None
    ) -> bool | None:
        """Both parts read and joined, and the flags posted: did the other process send its
        part (None: the file could not be read, the corpus holds what was)?"""
        flags = FlagIndexer(self.corpus)
        with self._reporter(post):
            try:
                # Only while the part is laid out (millions of short-lived tuples): the
                # interface's garbage of those seconds is then collected at once, a pause
                # that grows with how long the collector was off.
                with collector_paused(collect=True):
                    resume, check = read_first(halves, self.corpus)
            except ThreadlineError as error:  # the file went away since it was planned
                post(self.Warning(str(error)))
                if indexing is not None:
                    indexing.close()
                    indexing.reap_later()
                return None
            flags.add(self.corpus.thread_count)
            part = None
            if indexing is not None:
                indexing.wait()
                part = indexing.half_flags(check)
            if part is not None:
                flags.absorb(part)
                if flags.complete:  # no thread waits for the whole file's evidence
                    self._flags_found(post, flags)
            received = None
            if part is not None and indexing is not None:
                indexing.send_first(check, self.corpus, resume)
                received = indexing.second_half(check, self.corpus.sources[-1].buf)
            if received is None:  # no process, or it read other bytes: the second part here
                second, buf, shifted = read_second(halves)[0], None, UNSHIFTED
            else:
                second, buf, shifted = received
            join_second(self.corpus, second, resume, buf, shifted)
            self._done_bytes = self._total_bytes
        for warning in self.corpus.warnings:
            post(self.Warning(warning))
        if part is None:
            flags.add(self.corpus.thread_count)
        if self.flags is None:
            self._flags_found(post, flags)
        return received is not None

    def _flags_found(self, post: Post, flags: FlagIndexer) -> None:
        self.flags = flags.index()
        post(self.FlagsIndexed(self.flags))

    def _reopened(self, post: Post) -> CorpusIndex | None:
        """The index from the cache, the corpus filled from it too, if the cache holds them as
        the files are now."""
        files = plan_files(self._plan) if self.cache else None
        cached = corpus_cache.load(files) if files is not None else None
        if cached is None:
            return None
        # The reader already holds `corpus`: it is filled in place, as a read would fill it.
        vars(self.corpus).update(vars(cached.corpus))
        self._done_bytes = self._total_bytes
        post(self.BatchLoaded(self.corpus.thread_count, Progress("indexing", 1.0)))
        for warning in self.corpus.warnings:
            post(self.Warning(warning))
        self.entities = cached.index
        post(self.EntitiesIndexed(cached.index))
        return cached.index

    def _index(
        self, post: Post, indexing: IndexProcess | None, *, flags_sent: bool = False
    ) -> CorpusIndex:
        """The index from the other process, or built here when there is none or it failed.
        `flags_sent`: the flags are in already (a file read in halves)."""
        report = Throttled(lambda: post(self.Indexing(self.progress())))

        def index_progress(done: int, total: int) -> None:
            self._index_fraction = done / total if total else 1.0
            report()

        def entities_done(index: CorpusIndex) -> None:
            self.entities = index
            # The entities answer for the flags too: the flags' own index (small objects,
            # growing with the threads) goes now, before the whole index comes in.
            self.flags = None
            post(self.EntitiesIndexed(index))

        entities = None
        if indexing is not None:
            # The collector runs while the other process works (the interface makes garbage
            # meanwhile), and is paused only while an index comes in.
            if not flags_sent:
                indexing.wait()
                with collector_paused(young=True, collect=True):
                    self.flags = indexing.flags(self.corpus)
                if self.flags is not None:
                    post(self.FlagsIndexed(self.flags))
            if self.flags is not None:
                indexing.wait()
                with collector_paused(young=True, collect=True):
                    entities = indexing.entities(self.corpus)
            if entities is not None:
                entities_done(entities)
                # Here, while the other process sends the rest: once the flags are in, the
                # flag picker is opened and drawn, and would share the lock with this.
                self._prepare_search()
                self._index_fraction = 0.5
                post(self.Indexing(self.progress()))
                indexing.wait()
                with collector_paused(young=True, collect=True):
                    index = indexing.whole()
                if index is not None:
                    indexing.reap_later()
                    return index
            indexing.close()
            indexing.reap_later()
        if entities is None:  # else made above
            self._prepare_search()
        done = entities_done if self.entities is None else None
        with collector_paused():
            return build_index(self.corpus, index_progress, done)

    def _prepare_search(self) -> None:
        # It makes nothing that stays; what the interface drew meanwhile is collected, not
        # frozen (its garbage would then stay for good, among the index's objects).
        with collector_paused(young=True, collect=True):
            self.corpus.prepare_search()

    @property
    def _sources(self) -> list[PathLike]:
        return corpus_paths(self.paths)

    def _read(self, post: Post) -> None:
        for item in self._plan.items:
            try:
                read_item(item, self.corpus)
            except ThreadlineError as error:
                post(self.Warning(str(error)))
            self._done_bytes += item.entry.size

    def _reporter(self, post: Post) -> BatchReporter:
        """`BatchLoaded` reported every `BATCH_INTERVAL` while the files are read."""
        return BatchReporter(
            lambda: (self.corpus.thread_count, self.progress()),
            lambda threads, progress: post(self.BatchLoaded(threads, progress)),
        )

    @property
    def filter_index(self) -> CorpusIndex | None:
        """What filters read: the whole index, or the entities' while the words are read."""
        return self.index if self.index is not None else self.entities

    def progress(self) -> Progress:
        if self._phase == "reading":
            return Progress("reading", self._reading_fraction())
        if self._phase == "indexing":
            return Progress("indexing", self._index_fraction)
        return Progress("ready", 1.0)

    def _reading_fraction(self) -> float:
        """Bytes of finished files, plus how far the file being parsed has got."""
        corpus = self.corpus
        current = 0
        if corpus.sources and corpus.post_count:
            current = min(corpus.posts.text_end[-1], len(corpus.sources[-1].buf))
        return min((self._done_bytes + current) / self._total_bytes, 1.0)


def read_item(item: Planned, corpus: Corpus) -> None:
    """Read one planned file into `corpus` with its format."""
    item.format.read(item.entry, corpus)


def _plannable(path: str) -> bool:
    try:
        plan([path])
    except ThreadlineError:
        return False
    return True
