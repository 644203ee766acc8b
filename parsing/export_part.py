"""One part of a big page-text source, parsed and written as JSON by one process
(`export_halves`).

A part is cut where the layout starts afresh (`split_points`), so its threads, posts and
skipped lines are those of the whole source, its line numbers less the lines above it. What a
part cannot know alone, it learns from the other part in one exchange (`Note`) before either
writes: the glued-token evidence of the whole source, the page metadata that runs across the
cut (`page_threads.PageState`), and how often each thread's digest came before (for ids).
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple, TextIO

from .corpus import Corpus
from .decoding import normalise_newlines
from .entities.glued import GluedEvidence, Tails, add_tail
from .entities.tally import Tally, glued_tokens
from .entities.urls import count_links, counted_link_spans
from .export_chunks import Chunks
from .export_index import read_flags
from .export_json import add_skipped
from .export_links import KeptLinks
from .export_markdown import markdown_of
from .export_writer import _Writer
from .filters import filter_threads
from .formats.page_threads import PageState, attach_page_meta
from .index import CorpusIndex


class Note(NamedTuple):
    """What a part tells the other before writing."""

    domains: frozenset[str]
    """Its link domains (the evidence for glued tokens is read over the whole source)."""
    tails: Tails
    """What its glued tokens say (`GluedEvidence.from_tails`)."""
    skipped: list[str]
    """The first part: its skipped lines after its last thread; the second: those before its
    first thread (page metadata reads the lines between two threads)."""
    replaced: int
    """Invalid UTF-8 sequences replaced in the part."""
    lines: int
    shapes: frozenset[Shape] | None = None
    """The second part's: the shapes of the threads it writes, when it knows them before it
    hears from the first (None: every shape). Only threads of these shapes can hash alike."""
    state: PageState | None = None
    """The first part's: what its threads tell the threads after them."""
    digests: Counter[str] | None = None
    """The first part's: how many of its threads (those of the second part's `shapes`, and of
    its own chosen threads) have each digest."""


Shape = tuple[int, int, int]


class Filters(NamedTuple):
    """What `export` selects by: every flag in `codes`, `search` in a post, the `author`."""

    codes: Sequence[str] = ()
    search: str | None = None
    author: str | None = None

    @property
    def selects(self) -> bool:
        """Whether they choose some threads (a selection), rather than every one."""
        return bool(self.codes or self.search or self.author)


class Part:
    """A part of a source, parsed: its corpus and what the other part needs of it."""

    def __init__(
        self, name: str, data: bytearray, filters: Filters, *, entities: bool = True
    ) -> None:
        """Parse the part, and read what does not wait for the other part: the evidence it
        holds for glued tokens (with `entities`: Markdown shows none); the threads it writes,
        unless the author decides (page metadata runs across the cut); their digests, when it
        writes them all."""
        data = normalise_newlines(data)
        self.lines = data.count(b"\n")
        """The part ends where a line starts: this many lines come before the next part."""
        corpus = self.corpus = Corpus()
        buf = corpus.add_source(name, data, normalised=True).buf
        self.replaced = corpus.sources[0].replaced
        corpus.warnings.clear()  # the caller tells of the whole source's replacements
        self.tails: Tails = {}
        self.domains: frozenset[str] = frozenset()
        self.links: KeptLinks | None = None
        """Its links, read with the evidence and kept for the writing when it writes every
        thread (a selection writes too few to pay for keeping them all)."""
        if entities:
            domains: Counter[str] = Counter()
            if filters.selects:
                count_links(buf, 0, len(buf), domains)
            else:
                self.links = KeptLinks(buf, counted_link_spans(buf, 0, len(buf), domains))
            glued = glued_tokens(buf, 0, len(buf))
            counted = Tally()
            counted.glued = glued
            for token in counted.glued_tokens():
                add_tail(self.tails, token)
            self.domains = frozenset(domains)
        count = corpus.thread_count
        self.index = CorpusIndex(flags=[()] * count, thread_count=count)
        self.filters = filters
        self.chosen: list[int] | None = None
        self.bases: dict[int, str] = {}
        self.ids: dict[int, str] = {}
        if not filters.author:
            self.chosen = self._choose()
        if self.chosen is not None and len(self.chosen) == count:
            self._hash(None)

    def note(self, below: Note | None = None) -> Note:
        """What this part tells the other: the second part first, then the first part, which
        reads its page metadata with what the second said (`below`) before it tells its
        state."""
        corpus = self.corpus
        threads, skipped = corpus.thread_count, corpus.skipped
        if below is None:
            # With no thread, every skipped line is above the first: the last line of a file
            # that ends without a newline is one more than `self.lines` counts.
            lines = [
                line.text for line in skipped if not threads or line.line < corpus.first_line(0)
            ]
            shapes = None if self.chosen is None else self._shapes(self.chosen)
            return Note(self.domains, self.tails, lines, self.replaced, self.lines, shapes)
        last = corpus.last_line(threads - 1) if threads else 0
        lines = [line.text for line in skipped if line.line > last]
        state = attach_page_meta(corpus, 0, 0, below=below.skipped)
        if self.chosen is None:
            self.chosen = self._choose()
        if below.shapes is None:
            self._hash(None)
        else:
            self._hash(below.shapes | self._shapes(self.chosen))
        digests = Counter(self.bases.values())
        return Note(
            self.domains, self.tails, lines, self.replaced, self.lines, None, state, digests
        )

    def settle(self, other: Note, *, first: bool) -> None:
        """Take in what the other part said: page metadata, ids; the evidence of the whole."""
        corpus = self.corpus
        seen: Counter[str] = Counter()
        if not first:
            assert other.state is not None and other.digests is not None
            attach_page_meta(corpus, 0, 0, state=other.state.for_next_part(), above=other.skipped)
            seen.update(other.digests)
            _shift_lines(corpus, other.lines)
            if self.chosen is None:
                self.chosen = self._choose()
            self._hash(self._shapes(self.chosen))
        for thread, base in self.bases.items():
            seen[base] += 1
            self.ids[thread] = base if seen[base] == 1 else f"{base}-{seen[base]}"
        tails: Tails = {tail: set(names) for tail, names in self.tails.items()}
        for tail, names in other.tails.items():
            tails.setdefault(tail, set()).update(names)
        self.index.evidence = GluedEvidence.from_tails(self.domains | other.domains, tails)

    def _choose(self) -> list[int]:
        """The threads of the part the filters pick, in order (their flags read into the
        index)."""
        corpus, index, filters = self.corpus, self.index, self.filters
        bare = CorpusIndex(thread_count=corpus.thread_count)
        threads = filter_threads(corpus, bare, (), filters.search, author=filters.author)
        read_flags(corpus, index.flags, threads)
        if filters.codes:
            wanted = set(filters.codes)
            threads = [thread for thread in threads if wanted.issubset(index.flags[thread])]
        return threads

    def _shapes(self, threads: Sequence[int]) -> frozenset[Shape]:
        return frozenset(map(self.corpus._thread_shape, threads))

    def _hash(self, shapes: frozenset[Shape] | None) -> None:
        """Hash the threads of `shapes` (None: all) not hashed yet; `bases` stays in order."""
        corpus = self.corpus
        if len(self.bases) == corpus.thread_count:
            return
        shape = corpus._thread_shape
        threads = [
            thread
            for thread in range(corpus.thread_count)
            if thread not in self.bases and (shapes is None or shape(thread) in shapes)
        ]
        self.bases.update(zip(threads, corpus.thread_digests(threads), strict=True))
        self.bases = dict(sorted(self.bases.items()))

    def write_threads(self, out: TextIO) -> None:
        """The chosen threads' JSON, each after `\\n` (the first) or `,\\n`."""
        assert self.chosen is not None
        writer = _Writer(out, self.corpus, self.index, self.ids, False, links=self.links)
        writer.threads(self.chosen, started=False)

    def write_markdown(self, out: TextIO) -> None:
        """The chosen threads' Markdown, each followed by a line end."""
        assert self.chosen is not None
        for thread in self.chosen:
            out.write(markdown_of(self.corpus, self.index, thread, self.ids[thread]) + "\n")

    def write_skipped(self, out: TextIO) -> None:
        """The skipped lines' JSON, each after `\\n` (the first) or `,\\n`."""
        corpus = self.corpus
        chunks = Chunks(out)
        # A part is one source's: every line skipped is its first source's.
        names = [corpus.sources[0].name] * len(corpus.sources)
        add_skipped(chunks, names, corpus.skipped)
        chunks.flush()


def _shift_lines(corpus: Corpus, by: int) -> None:
    """Number the lines of a part as in the whole source, `by` lines coming before it."""
    posts = corpus.posts
    posts.first_line = array("i", [line + by for line in posts.first_line])
    posts.last_line = array("i", [line + by for line in posts.last_line])
    corpus.skipped = [line._replace(line=line.line + by) for line in corpus.skipped]
