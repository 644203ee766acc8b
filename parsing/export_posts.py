"""The posts of page text as export JSON, written straight from the entity spans.

`export_json.thread_value` is the reference: a dict per post and per entity, encoded by the json
module. At a million posts those dicts, and `extract_spans` called once per post, were most of
an export's time. Here the posts of many threads are read in one `extract_spans` call
(`entities.batch`), decoded once, and each post and entity is written as the encoder would write
its dict (same keys, same order, same separators, strings through the encoder's own C function),
so the bytes are the reference's (tests/parsing/test_export_writer.py holds them equal).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from json.encoder import encode_basestring
from typing import TextIO

from .corpus import Corpus
from .entities.batch import read_batch
from .entities.glued import GluedEvidence
from .entities.spans import EntityKind

GROUP_BYTES = 1 << 20
"""Post text read per `extract_spans` call: large enough that its fixed cost vanishes."""
_PIECES = 1 << 14
"""Pieces gathered before a write: a few large writes instead of several per post."""
# JSON escapes C0 controls itself; DEL and C1 controls are escaped too, so that printing the
# export to a terminal cannot drive it. They can only stand inside strings, so a whole chunk
# is escaped at once.
_RAW_CONTROLS = re.compile("[\x7f-\x9f]")
_LINK = EntityKind.LINK
_OPEN = {kind: f'{{"kind": "{kind.value}", "start": ' for kind in EntityKind}
_TRUE, _FALSE = ', "truncated": true}', ', "truncated": false}'
_CONTINUATIONS = bytes(1 if 0x80 <= byte < 0xC0 else 0 for byte in range(256))


def escape_controls(text: str) -> str:
    return _RAW_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class Chunks:
    """JSON text gathered in pieces and written a large chunk at a time."""

    __slots__ = ("out", "pieces")

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.pieces: list[str] = []

    def add(self, piece: str) -> None:
        self.pieces.append(piece)
        if len(self.pieces) >= _PIECES:
            self.flush()

    def flush(self) -> None:
        if self.pieces:
            self.out.write(escape_controls("".join(self.pieces)))
            self.pieces = []


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


def add_posts(
    chunks: Chunks,
    corpus: Corpus,
    group: Sequence[int],
    evidence: GluedEvidence,
    heads: dict[int, tuple[str, str]],
) -> None:
    """Add each thread of `group` to `chunks`: its head (`heads[thread]`: the JSON up to its
    posts, and what follows them), then its posts with their entities."""
    columns = corpus.posts
    pieces = []
    for thread in group:
        source = corpus.source_of(thread)
        pieces += [corpus.post_bytes(post, source) for post in corpus.thread_posts(thread)]
    batch = read_batch(pieces, evidence)
    joined = batch.joined
    text = joined.decode("utf-8", "replace")
    # A byte offset less the continuation bytes before it is a code-point offset; `marks`
    # has a 1 where `joined` has a continuation byte, counted forward in C without copies.
    marks = joined.translate(_CONTINUATIONS)
    spans, starts = batch.spans, batch.starts
    at, count = 0, len(spans)
    index = 0
    out, encode = chunks.pieces, encode_basestring
    first_lines, last_lines, numbers = columns.first_line, columns.last_line, columns.number
    byte = skipped = post_byte = post_skipped = 0
    for thread in group:
        head, tail = heads[thread]
        out.append(head)
        for position, post in enumerate(corpus.thread_posts(thread)):
            start, stop = starts[index], starts[index + 1] - 1
            index += 1
            post_skipped += marks.count(1, post_byte, start)
            base = start - post_skipped
            post_skipped += marks.count(1, start, stop)
            post_byte = stop
            lines = f'"first_line": {first_lines[post]}, "last_line": {last_lines[post]}'
            out.append(
                f'{"" if position == 0 else ", "}{{"number": {numbers[post] or "null"}, {lines}, '
                f'"text": {encode(text[base : stop - post_skipped])}, "entities": ['
            )
            lead = ""
            while at < count and spans[at].start < stop:
                kind, span_start, span_end, value, truncated = spans[at]
                at += 1
                skipped += marks.count(1, byte, span_start)
                low = span_start - skipped
                skipped += marks.count(1, span_start, span_end)
                high = span_end - skipped
                byte = span_end
                entity = (
                    f'{lead}{_OPEN[kind]}{low - base}, "end": {high - base}, '
                    f'"text": {encode(text[low:high])}, "value": {encode(value)}'
                )
                if kind is _LINK:
                    out.append(entity + (_TRUE if truncated else _FALSE))
                else:
                    out.append(entity + "}")
                lead = ", "
                if len(out) >= _PIECES:
                    chunks.flush()
                    out = chunks.pieces
            out.append("]}")
        out.append(tail)
        if len(out) >= _PIECES:
            chunks.flush()
            out = chunks.pieces
