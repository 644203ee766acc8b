"""The JSON export of many threads, written in two halves at once.

Threads of page text are written straight from their entity spans, many at a time
(`export_posts`); a thread with posts a format gave whole (an archive's) is written from
`export_json.thread_value`'s dicts, a batch of entities at a time. Into a file or pipe, a large
export is written in two halves of about the same text: the second by a forked process into a
temporary file, copied out after the first. When the middle falls inside a long thread (one
20 MB line is one post), that thread is cut inside a post, just after a space: no entity
crosses a space, and a space stands for a text's start and end in every rule, so each side
reads its part of the post on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from json.encoder import encode_basestring
from typing import BinaryIO, NamedTuple, TextIO

from . import background, export_posts
from .corpus import Corpus
from .export_chunks import Chunks, copy_out, escape_controls, text_over
from .export_index import read_flags
from .export_json import _given_posts, _write_thread, add_skipped, encode, related_entries
from .export_links import KeptLinks
from .export_posts import Part, add_entities, add_opening, add_posts, thread_groups
from .index import CorpusIndex


class Shared(NamedTuple):
    """A thread written by both processes: the first writes its posts before `post` and the
    entities of `post` before byte `cut` (just after a space, or 0), the second the rest."""

    thread: int
    post: int
    cut: int


class Halves(NamedTuple):
    first: Sequence[int]
    second: Sequence[int]
    shared: Shared | None = None
    """Between `first` and `second`: a long thread cut inside, when the middle falls in it."""


def write_export(
    corpus: Corpus,
    index: CorpusIndex,
    threads: Sequence[int],
    out: TextIO,
    *,
    with_related: bool,
    flags: bool,
) -> None:
    """Write `{"threads": [...], "skipped": [...]}`, one thread a line; with `flags`, each
    process reads the flags of the threads it writes into `index` first."""
    if with_related:
        share_related(corpus, index)
    plan = halves(corpus, threads) if parallel(out) else Halves(threads, ())
    shared = [] if plan.shared is None else [plan.shared.thread]
    rest = None
    if plan.second or plan.shared:

        def write_second(into: BinaryIO) -> None:
            mine = [*shared, *plan.second]
            if flags:
                read_flags(corpus, index.flags, mine)
            ids = corpus.ids_of(mine)  # each process hashes its own threads
            with text_over(into, out) as text:
                writer = _Writer(text, corpus, index, ids, with_related)
                if plan.shared is not None:
                    writer.resume(plan.shared)
                writer.threads(plan.second, started=bool(plan.first) or plan.shared is not None)

        rest = background.later_written(write_second)
    try:
        out.write('{"threads": [')
        mine = [*plan.first, *shared]
        if flags:
            read_flags(corpus, index.flags, mine)
        writer = _Writer(out, corpus, index, corpus.ids_of(mine), with_related)
        writer.threads(plan.first, started=False)
        wrote = plan.shared is not None and writer.stop(plan.shared, started=bool(plan.first))
        if rest is not None:
            with rest.result() as written:
                if wrote and written.read(1) == b"{":  # entities on both sides of the cut
                    out.write(", ")
                out.flush()
                written.seek(0)
                copy_out(written, out.buffer)
    except BaseException:
        if rest is not None:
            rest.cancel()
        raise
    chunks = Chunks(out)
    chunks.add('\n], "skipped": [', clean=True)
    add_skipped(chunks, [source.name for source in corpus.sources], corpus.skipped)
    chunks.add("\n]}\n", clean=True)
    chunks.flush()


def share_related(corpus: Corpus, index: CorpusIndex) -> None:
    """Before the fork of an export with related threads, what both processes read: related
    entries name threads from anywhere in the corpus, a few per thread, so every id is hashed
    once (rather than a walk of the corpus for each thread), and the arrays of the batched
    path to every thread's related threads are made once (`related_batch`, which imports
    numpy: only here, never in the reader)."""
    from .related_batch import RelatedBatch

    corpus.thread_ids  # noqa: B018
    if index.batch_related is None:
        index.batch_related = RelatedBatch(index).related


def halves(corpus: Corpus, threads: Sequence[int], *, whole: bool = False) -> Halves:
    """`threads` cut where about half their text is on either side (inside a long thread of
    page text when the middle falls in it, unless `whole` threads are asked for); all in the
    first when they are too little text for a second process to pay."""
    posts = corpus.posts
    sizes = []
    for thread in threads:
        span = corpus.thread_posts(thread)
        sizes.append(posts.text_end[span.stop - 1] - posts.text_start[span.start] if span else 0)
    total = sum(sizes)
    if total < background.PARALLEL_BYTES:
        return Halves(threads, ())
    cut, written = 0, 0
    while written + sizes[cut] < total // 2:
        written += sizes[cut]
        cut += 1
    thread = threads[cut]
    if whole or sizes[cut] < export_posts.GROUP_BYTES or _given_posts(corpus, thread):
        return Halves(threads[: cut + 1], threads[cut + 1 :])
    shared = middle_of(corpus, thread, total // 2 - written)
    return Halves(threads[:cut], threads[cut + 1 :], shared)


def middle_of(corpus: Corpus, thread: int, offset: int) -> Shared:
    """Where to cut `thread` about `offset` bytes into its text: in the post there, just after
    a space (at the post's start when it has none)."""
    posts = corpus.posts
    span = corpus.thread_posts(thread)
    post = span.start
    for post in span:
        size = posts.text_end[post] - posts.text_start[post]
        if offset < size:
            break
        offset -= size
    raw = corpus.post_bytes(post)
    space = raw.find(b" ", min(offset, len(raw)))
    if space < 0:
        space = raw.rfind(b" ", 0, offset)
    return Shared(thread, post, space + 1)


def _string(text: str | None) -> str:
    return "null" if text is None else encode_basestring(text)


def parallel(out: TextIO) -> bool:
    """Can the export be written by two processes: is `out` a file or pipe with bytes below?"""
    try:
        out.fileno()
    except (AttributeError, OSError, ValueError):
        return False
    return hasattr(out, "buffer")


class _Writer:
    """Threads' JSON into `out`, each after `,\\n` (the first after `\\n` unless started)."""

    def __init__(
        self,
        out: TextIO,
        corpus: Corpus,
        index: CorpusIndex,
        ids: dict[int, str],
        with_related: bool,
        *,
        links: KeptLinks | None = None,
    ) -> None:
        """`links`: the link spans of the corpus's source, read before, if it has one."""
        self.out, self.corpus, self.index, self.ids = out, corpus, index, ids
        self.with_related = with_related
        self.chunks = Chunks(out)
        self.links = links

    def head(self, thread: int) -> tuple[str, str]:
        """The thread's JSON before its posts, and after them (controls escaped)."""
        # `thread_value` without its dict and encoder call: the same keys in the same order,
        # each value as the encoder writes it (the tests hold the bytes equal).
        corpus = self.corpus
        source = corpus.source_of(thread).name
        meta = corpus.meta(thread)
        missing = ", ".join(map(str, corpus.missing(thread)))
        flags = ", ".join(map(encode_basestring, self.index.flags[thread]))
        declared = "null" if meta.declared_posts is None else meta.declared_posts
        head = (
            f'{{"id": {encode_basestring(self.ids[thread])}, '
            f'"title": {encode_basestring(corpus.title(thread))}, '
            f'"source": {encode_basestring(source)}, "first_line": {corpus.first_line(thread)}, '
            f'"last_line": {corpus.last_line(thread)}, "missing": [{missing}], '
            f'"flags": [{flags}], "author": {_string(meta.author)}, '
            f'"handle": {_string(meta.handle)}, "date": {_string(meta.date)}, '
            f'"declared_posts": {declared}, "posts": ['
        )
        if not self.with_related:
            return escape_controls(head), "]}"
        related = encode(related_entries(corpus, self.index, thread))
        return escape_controls(head), '], "related": ' + related + "}"

    def threads(self, threads: Sequence[int], *, started: bool) -> None:
        corpus, chunks, evidence = self.corpus, self.chunks, self.index.evidence
        lead = ",\n" if started else "\n"
        for group in thread_groups(corpus, threads):
            parts: list[Part] = []
            for thread in group:
                if _given_posts(corpus, thread):
                    if parts:
                        add_posts(chunks, corpus, parts, evidence, self.links)
                        parts = []
                    chunks.add(lead, clean=True)
                    chunks.flush()
                    thread_id, related = self.ids[thread], self.with_related
                    _write_thread(
                        self.out, corpus, self.index, thread, thread_id=thread_id,
                        with_related=related,
                    )  # fmt: skip
                else:
                    head, tail = self.head(thread)
                    parts.append(Part(thread, corpus.thread_posts(thread), lead + head, tail))
                lead = ",\n"
            if parts:
                add_posts(chunks, corpus, parts, evidence, self.links)
        chunks.flush()

    def stop(self, shared: Shared, *, started: bool) -> bool:
        """Write `shared`'s thread up to its cut; whether an entity came before the cut."""
        corpus, chunks, evidence = self.corpus, self.chunks, self.index.evidence
        head, _ = self.head(shared.thread)
        before = range(corpus.thread_posts(shared.thread).start, shared.post)
        lead = ",\n" if started else "\n"
        add_posts(chunks, corpus, [Part(shared.thread, before, lead + head, "")], evidence)
        raw = corpus.post_bytes(shared.post)
        chunks.add(", " if before else "", clean=True)
        add_opening(chunks, corpus, shared.post, raw)
        wrote = add_entities(chunks, raw, 0, shared.cut, evidence)
        self.out.flush()
        return wrote

    def resume(self, shared: Shared) -> None:
        """Write `shared`'s thread from its cut on (from an entity, or the end of the list)."""
        corpus, chunks, evidence = self.corpus, self.chunks, self.index.evidence
        raw = corpus.post_bytes(shared.post)
        add_entities(chunks, raw, shared.cut, len(raw), evidence)
        _, tail = self.head(shared.thread)
        after = range(shared.post + 1, corpus.thread_posts(shared.thread).stop)
        opening = "]}" + (", " if after else "")
        add_posts(chunks, corpus, [Part(shared.thread, after, opening, tail)], evidence)
