"""The posts of page text as export JSON, written straight from the entity spans.

`export_json.thread_value` is the reference: a dict per post and per entity, encoded by the json
module. At a million posts those dicts, and `extract_spans` called once per post, were most of
an export's time. Here the posts of many threads are read in one `extract_spans` call
(`entities.batch`), decoded once, and each post and entity is written as the encoder would write
its dict (same keys, same order, same separators, strings through the encoder's own C function),
so the bytes are the reference's (tests/parsing/test_export_writer.py holds them equal).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from itertools import chain, repeat
from json.encoder import encode_basestring
from operator import itemgetter
from typing import NamedTuple

from .corpus import Corpus
from .entities.batch import read_batch
from .entities.extract import extract_span_tuples
from .entities.glued import GluedEvidence
from .entities.spans import EntityKind, SpanTuple
from .export_chunks import JSON_SPECIAL, Chunks, clean, escape_controls, json_string
from .export_links import KeptLinks

GROUP_BYTES = 1 << 20
"""Post text read per `extract_spans` call: large enough that its fixed cost vanishes."""
_PIECES = 1 << 14
"""Entities a post may have and still be written in one piece; more go a window at a time."""
_LINK = EntityKind.LINK
_START = itemgetter(1)
_OPEN = {kind: f'{{"kind": "{kind.value}", "start": ' for kind in EntityKind}
_TRUE, _FALSE = ', "truncated": true}', ', "truncated": false}'
_CONTINUATIONS = bytes(1 if 0x80 <= byte < 0xC0 else 0 for byte in range(256))
_CONTINUATION, _SPECIAL = 1, 2
_MARKS = bytes(
    _CONTINUATION if 0x80 <= byte < 0xC0 else _SPECIAL if JSON_SPECIAL.match(bytes([byte])) else 0
    for byte in range(256)
)
"""What `_Entities.marks` holds for each byte: a continuation byte of UTF-8, or a byte a JSON
string escapes, or neither."""


def thread_groups(corpus: Corpus, threads: Sequence[int]) -> Iterator[list[int]]:
    """`threads` in runs of about `GROUP_BYTES` of text each (a longer thread alone)."""
    group: list[int] = []
    size = 0
    posts = corpus.posts
    for thread in threads:
        span = corpus.thread_posts(thread)
        if span:
            size += posts.text_end[span.stop - 1] - posts.text_start[span.start]
        group.append(thread)
        if size >= GROUP_BYTES:
            yield group
            group, size = [], 0
    if group:
        yield group


class Part(NamedTuple):
    """Posts of one thread to write, with the JSON before and after them (controls escaped)."""

    thread: int
    posts: range
    head: str
    tail: str


def add_posts(
    chunks: Chunks,
    corpus: Corpus,
    parts: Sequence[Part],
    evidence: GluedEvidence,
    links: KeptLinks | None = None,
) -> None:
    """Add each part to `chunks`: its head, its posts with their entities (after `, ` but the
    first), its tail.

    One loop over the batch's posts and spans, each piece appended to a list of its own: a
    call per piece to `Chunks.add` was a fifth of the time. A post with more entities than
    `_PIECES` goes through `_Entities`, which writes them a window at a time. `links`, the
    link spans of the parts' source read before, are taken from there where they can be."""
    columns = corpus.posts
    links_at = None if links is None else _links_at(links, corpus, parts)
    joined, starts, spans = read_batch(_texts(corpus, parts), evidence, links_at)
    entities = _Entities(chunks, joined, spans, clean(joined))
    count, find, clean_text = entities.marks.count, entities.marks.find, entities.clean
    first_lines, last_lines, numbers = columns.first_line, columns.last_line, columns.number
    # Each post's first span (and after the last, their number), found in C for the batch.
    firsts = list(map(bisect_left, repeat(entities.starts), starts))
    errors = chunks.errors  # `Chunks.encode`, its call left out
    written: list[bytes] = []
    add = written.append
    index = skipped = byte = at = 0
    between = ""  # the JSON between two posts' texts, gathered to be encoded once
    for part in parts:
        between += part.head
        lead = ""
        for post in part.posts:
            start, stop = starts[index], starts[index + 1] - 1
            index += 1
            if byte < start:  # past the separator and what a window of entities left
                skipped += count(1, byte, start)
            base = start - skipped
            opening = (
                f'{between}{lead}{{"number": {numbers[post] or "null"}, '
                f'"first_line": {first_lines[post]}, "last_line": {last_lines[post]}, "text": "'
            )
            add(opening.encode("utf-8", errors))
            if clean_text and find(_SPECIAL, start, stop) < 0:
                add(joined[start:stop])
            else:
                add(json_string(joined[start:stop], clean=clean_text))
            lead, byte = ", ", start
            last = firsts[index]
            if last - at > _PIECES:  # written a window at a time, after what is gathered
                add(b'", "entities": [')
                _write(chunks, written)
                skipped, byte = entities.add_post(at, start, stop, base)
                at, between = last, "]}"
                continue
            found: list[str] = []
            if last > at:
                byte, skipped = entities.texts(found, spans[at:last], byte, skipped, base)
            at = last
            skipped += count(1, byte, stop)
            byte = stop + 1  # the separator is no continuation byte
            between = f'", "entities": [{", ".join(found)}]}}'
            if not clean_text:
                between = escape_controls(between)
        between += part.tail
    add(between.encode("utf-8", errors))
    _write(chunks, written)
    chunks.flush()


def _links_at(
    links: KeptLinks, corpus: Corpus, parts: Sequence[Part]
) -> Callable[[list[int]], list[SpanTuple] | None] | None:
    """How the batch of `parts` takes its links from `links` (`read_batch`), or None when a
    post's text is not one slice of their source (a hole in it, another source)."""
    columns = corpus.posts
    holes, sources = columns.holes, corpus.threads.source
    for part in parts:
        if corpus.sources[sources[part.thread]].buf is not links.buf:
            return None
        if holes and any(post in holes for post in part.posts):
            return None
    text_start, text_end = columns.text_start, columns.text_end
    ranges = [slice(part.posts.start, part.posts.stop) for part in parts]
    starts = list(chain.from_iterable(map(text_start.__getitem__, ranges)))
    ends = list(chain.from_iterable(map(text_end.__getitem__, ranges)))
    return partial(links.of_posts, starts, ends)


def _texts(corpus: Corpus, parts: Sequence[Part]) -> list[bytes | bytearray]:
    """The UTF-8 texts of the parts' posts, in order: sliced straight from their sources, but
    for the few posts with a hole."""
    columns = corpus.posts
    text_start, text_end, holes = columns.text_start, columns.text_end, columns.holes
    texts: list[bytes | bytearray] = []
    for part in parts:
        source = corpus.source_of(part.thread)
        posts = part.posts
        if holes and any(post in holes for post in posts):
            texts += [corpus.post_bytes(post, source) for post in posts]
            continue
        buf = source.buf
        starts, ends = text_start[posts.start : posts.stop], text_end[posts.start : posts.stop]
        texts += [buf[start:end] for start, end in zip(starts, ends, strict=True)]
    return texts


def _write(chunks: Chunks, written: list[bytes]) -> None:
    """Add the pieces gathered to `chunks` as one, and forget them."""
    chunks.add_bytes(b"".join(written))
    written.clear()


class _Entities:
    """The entity spans of a batch of posts, added to `chunks` in order, post after post."""

    def __init__(
        self, chunks: Chunks, joined: bytes, spans: Sequence[SpanTuple], clean: bool
    ) -> None:
        self.chunks, self.spans, self.clean, self.joined = chunks, spans, clean, joined
        # A byte offset less the continuation bytes before it is a code-point offset; `marks`
        # has a 1 where `joined` has a continuation byte, counted forward in C without copies,
        # and a 2 where a JSON string needs an escape, found with `find` (a search of the
        # pattern itself reads a byte in several times the time).
        self.marks = joined.translate(_MARKS)
        self.starts = list(map(_START, spans))
        self.at = self.byte = self.skipped = 0

    def add(self, stop: int, base: int) -> bool:
        """Add the entities that start before byte `stop`, their offsets less `base` (code
        points), joined by `, ` (a window of `_PIECES` at a time); whether there were any."""
        spans, first = self.spans, self.at
        last = bisect_left(self.starts, stop, first)
        if last == first:
            return False
        byte, skipped = self.byte, self.skipped
        for window in range(first, last, _PIECES):
            found: list[str] = []
            window_spans = spans[window : min(window + _PIECES, last)]
            byte, skipped = self.texts(found, window_spans, byte, skipped, base)
            lead = "" if window == first else ", "
            self.chunks.add(lead + ", ".join(found), clean=self.clean)
        self.at, self.byte, self.skipped = last, byte, skipped
        return True

    def add_post(self, at: int, start: int, stop: int, base: int) -> tuple[int, int]:
        """Add the entities of the post at bytes `start:stop`, from span `at`, offsets less
        `base`; the continuation bytes before `stop`, and `stop`."""
        self.at, self.byte, self.skipped = at, start, start - base
        self.add(stop, base)
        return start - base + self.marks.count(1, start, stop), stop

    def texts(
        self, found: list[str], spans: Sequence[SpanTuple], byte: int, skipped: int, base: int
    ) -> tuple[int, int]:
        """Append the JSON of each of `spans` (in order, from this batch) to `found`, offsets
        less `base` (code points); `byte` is how far the batch has been counted and `skipped`
        how many continuation bytes lie before it; both are returned moved on.

        Each span's text is decoded on its own (the batch is valid UTF-8: its posts are pieces
        of sources, each made valid when read in), which costs less than decoding the batch
        once and slicing it, and its length is the span's width in code points: the
        continuation bytes inside it are its bytes less that width, and only those between
        spans are counted."""
        joined, count, decode, opening = self.joined, self.marks.count, bytes.decode, _OPEN
        add = found.append
        for kind, span_start, span_end, value, truncated in spans:
            text = decode(joined[span_start:span_end])
            skipped += count(1, byte, span_start)
            low = span_start - skipped - base
            width = len(text)
            skipped += span_end - span_start - width
            byte = span_end
            add(
                f'{opening[kind]}{low}, "end": {low + width}, "text": {encode_basestring(text)}, '
                f'"value": {encode_basestring(value)}'
                f"{(_TRUE if truncated else _FALSE) if kind is _LINK else '}'}"
            )
        return byte, skipped


def add_opening(chunks: Chunks, corpus: Corpus, post: int, raw: bytes) -> None:
    """Add a post's JSON up to its first entity (`raw` its UTF-8 text), its text a piece of its
    own: a long post's text is written without another copy."""
    columns = corpus.posts
    number = columns.number[post] or "null"
    lines = f'"first_line": {columns.first_line[post]}, "last_line": {columns.last_line[post]}'
    chunks.add(f'{{"number": {number}, {lines}, "text": "', clean=True)
    chunks.add_bytes(json_string(raw, clean=clean(raw)))
    chunks.add('", "entities": [', clean=True)


def add_entities(chunks: Chunks, raw: bytes, start: int, end: int, evidence: GluedEvidence) -> bool:
    """Add the entities of `raw[start:end]`, a post's UTF-8 text from its start or just after a
    space to its end or just after a space, offsets counted from the post's start: no entity
    crosses a space, and a space stands for the start and end of a text in every rule. Whether
    there were any."""
    piece = raw[start:end]
    origin = start - raw[:start].translate(_CONTINUATIONS).count(1)  # the piece's code point
    entities = _Entities(chunks, piece, extract_span_tuples(piece, evidence), clean(piece))
    wrote = entities.add(len(piece), -origin)
    chunks.flush()
    return wrote
