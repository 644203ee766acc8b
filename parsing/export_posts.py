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
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from itertools import repeat
from json.encoder import encode_basestring
from typing import NamedTuple, TextIO

from .corpus import Corpus
from .entities.batch import read_batch
from .entities.extract import extract_spans
from .entities.glued import GluedEvidence
from .entities.spans import Span
from .export_entities import code_points, continuation_marks, entity_json, per_post

GROUP_BYTES = 1 << 20
"""Post text read per `extract_spans` call: large enough that its fixed cost vanishes."""
_PIECES = 1 << 14
"""Pieces gathered before a write: a few large writes instead of several per post."""
# JSON escapes C0 controls itself; DEL and C1 controls are escaped too, so that printing the
# export to a terminal cannot drive it. They can only stand inside strings, so a whole chunk
# is escaped at once.
_RAW_CONTROLS = re.compile("[\x7f-\x9f]")
_WINDOW = 1 << 16
"""Entities formatted at once; a post with more (millions, in one long line) goes by windows."""
_POST_OPEN = '{"number": %s, "first_line": %d, "last_line": %d, "text": %s, "entities": ['
_POST = _POST_OPEN + "%s]}"
# C1 controls are C2 80..C2 9F in UTF-8: posts without them or DEL need no escaping pass. A
# pattern that starts with a literal byte is searched for fast; DEL is looked for on its own.
_C1_CONTROL = re.compile(rb"\xc2[\x80-\x9f]")


def escape_controls(text: str) -> str:
    return _RAW_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class Chunks:
    """JSON text gathered in pieces and written a large chunk at a time."""

    __slots__ = ("out", "pieces")

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.pieces: list[str] = []

    def add(self, piece: str, *, clean: bool = False) -> None:
        """Add `piece`; `clean` when it is known to hold no control to escape."""
        self.pieces.append(piece if clean else escape_controls(piece))
        if len(self.pieces) >= _PIECES:
            self.flush()

    def flush(self) -> None:
        if self.pieces:
            self.out.write("".join(self.pieces))
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


class Part(NamedTuple):
    """Posts of one thread to write, with the JSON before and after them (controls escaped)."""

    thread: int
    posts: range
    head: str
    tail: str


def add_posts(
    chunks: Chunks, corpus: Corpus, parts: Sequence[Part], evidence: GluedEvidence
) -> None:
    """Add each part to `chunks`: its head, its posts with their entities (after `, ` but the
    first), its tail."""
    read = _read(corpus, parts, evidence)
    if len(read.spans) > _WINDOW:
        _add_by_window(chunks, parts, read)
        return
    entities = per_post(read.text, read.marks, read.spans, read.cuts, read.bases)
    post_json = list(map(str.__add__, read.opened, entities))
    first = 0
    for part in parts:
        last = first + len(part.posts)
        chunks.add(part.head, clean=True)
        posts = "]}, ".join(post_json[first:last]) + ("]}" if last > first else "")
        chunks.add(posts, clean=read.clean)
        chunks.add(part.tail, clean=True)
        first = last
    chunks.flush()


class _Read(NamedTuple):
    """The posts of some parts read in one batch (`entities.batch`)."""

    text: str
    marks: bytes
    """`continuation_marks` of the joined posts."""
    spans: list[Span]
    starts: list[int]
    """Where each post starts in the joined bytes, and one more entry."""
    bases: list[int]
    """Where each post starts in `text`."""
    cuts: list[int]
    """Where each post's spans start in `spans`, and one more entry."""
    opened: list[str]
    """Each post's JSON up to its first entity."""
    clean: bool
    """No control to escape in them."""


def _read(corpus: Corpus, parts: Sequence[Part], evidence: GluedEvidence) -> _Read:
    columns = corpus.posts
    posts: list[int] = []
    pieces: list[bytes] = []
    for part in parts:
        source = corpus.source_of(part.thread)
        posts += part.posts
        pieces += [corpus.post_bytes(post, source) for post in part.posts]
    batch = read_batch(pieces, evidence)
    joined, spans, starts = batch.joined, batch.spans, batch.starts
    text = joined.decode("utf-8", "replace")
    marks = continuation_marks(joined)
    bases, ends = code_points(marks, starts[:-1], [start - 1 for start in starts[1:]])
    opened = list(
        map(
            _POST_OPEN.__mod__,
            zip(
                [number or "null" for number in map(columns.number.__getitem__, posts)],
                map(columns.first_line.__getitem__, posts),
                map(columns.last_line.__getitem__, posts),
                map(encode_basestring, map(text.__getitem__, map(slice, bases, ends))),
                strict=True,
            ),
        )
    )
    cuts = list(map(bisect_left, repeat([span.start for span in spans]), starts))
    clean = b"\x7f" not in joined and _C1_CONTROL.search(joined) is None
    return _Read(text, marks, spans, starts, bases, cuts, opened, clean)


def _add_by_window(chunks: Chunks, parts: Sequence[Part], read: _Read) -> None:
    """`add_posts` for posts with too many entities to format at once: each post's entities
    are formatted and added `_WINDOW` at a time."""
    text, marks, spans, cuts, bases, clean = (
        read.text, read.marks, read.spans, read.cuts, read.bases, read.clean
    )  # fmt: skip
    post = 0
    for part in parts:
        chunks.add(part.head, clean=True)
        for position in range(len(part.posts)):
            chunks.add(("" if position == 0 else ", ") + read.opened[post], clean=clean)
            origin = (read.starts[post], bases[post])
            for first in range(cuts[post], cuts[post + 1], _WINDOW):
                window = spans[first : min(first + _WINDOW, cuts[post + 1])]
                entities = entity_json(text, marks, window, repeat(bases[post]), origin)
                lead = "" if first == cuts[post] else ", "
                chunks.add(lead + ", ".join(entities), clean=clean)
                origin = (window[-1].end, _point(marks, window[-1].end, origin))
            chunks.add("]}", clean=True)
            post += 1
        chunks.add(part.tail, clean=True)
    chunks.flush()


def _point(marks: bytes, byte: int, origin: tuple[int, int]) -> int:
    """The code point at `byte`, counted from `origin` (a byte offset and its code point)."""
    return byte - (origin[0] - origin[1]) - marks.count(1, origin[0], byte)


def post_opening(corpus: Corpus, post: int, text: str) -> str:
    """A post's JSON up to its first entity (`text` its decoded text), controls escaped."""
    columns = corpus.posts
    number = columns.number[post] or "null"
    values = (number, columns.first_line[post], columns.last_line[post], encode_basestring(text))
    return escape_controls(_POST_OPEN % values)


def add_entities(chunks: Chunks, raw: bytes, start: int, end: int, evidence: GluedEvidence) -> bool:
    """Add the entities of `raw[start:end]`, a post's UTF-8 text from just after a space (or its
    start) to just after a space (or its end), offsets counted from the post's start: no entity
    crosses a space, and a space stands for the start and end of a text in every rule. Whether
    there were any."""
    piece = raw[start:end]
    spans = extract_spans(piece, evidence)
    marks = continuation_marks(piece)
    text = piece.decode("utf-8", "replace")
    origin = start - continuation_marks(raw[:start]).count(1)  # the piece's first code point
    for first in range(0, len(spans), _WINDOW):
        window = spans[first : first + _WINDOW]
        entities = entity_json(text, marks, window, repeat(-origin), (0, 0))
        chunks.add(("" if first == 0 else ", ") + ", ".join(entities))
    chunks.flush()
    return bool(spans)
