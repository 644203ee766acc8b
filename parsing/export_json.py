"""`threadline export` as JSON, written a large chunk at a time.

The shape is exactly the pydantic model `CorpusExport` (the tests validate the output with it).
`thread_value` gives a thread as the model's dict; the writer gives the bytes of encoding those
dicts one by one with the json module, without making them: posts of page text are written
straight from their entity spans (`export_posts`), and only threads whose posts a format gave
whole (an archive's) go through the dicts. So a million-post corpus, or a single post holding
millions of entities, is never held in memory as model objects or dicts.
"""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Sequence
from typing import Any, BinaryIO, TextIO

from . import background
from .corpus import Corpus
from .entities.extract import CodePoints, extract_spans
from .entities.spans import EntityKind, Span
from .export_posts import Chunks, add_posts, escape_controls, thread_groups
from .index import CorpusIndex
from .related import related_threads

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))
_BATCH = 10_000
_COPY = 1 << 20


def write_json(
    corpus: Corpus,
    index: CorpusIndex,
    threads: Sequence[int],
    out: TextIO,
    with_related: bool = False,
) -> None:
    """Write `{"threads": [...], "skipped": [...]}`, one thread a line.

    Threads of page text are written straight from their entity spans, many at a time
    (`export_posts`); a thread with posts a format gave whole (an archive's) is written from
    `thread_value`'s dicts, a batch of entities at a time. Into a file or pipe, a large export
    is written in two halves at once: the second by a forked process into a temporary file,
    copied out after the first.
    """
    ids = corpus.ids_of(threads)
    first, second = halves(corpus, threads) if _parallel(out) else (threads, ())
    rest = None
    if second:

        def write_second(into: BinaryIO) -> None:
            text = io.TextIOWrapper(into, encoding=out.encoding, errors=out.errors)
            _write_threads(
                text, corpus, index, second, ids, with_related=with_related, started=bool(first)
            )
            text.flush()
            text.detach()

        rest = background.later_written(write_second)
    try:
        out.write('{"threads": [')
        _write_threads(out, corpus, index, first, ids, with_related=with_related, started=False)
        if rest is not None:
            with rest.result() as written:
                out.flush()
                shutil.copyfileobj(written, out.buffer, _COPY)
    except BaseException:
        if rest is not None:
            rest.cancel()
        raise
    chunks = Chunks(out)
    chunks.add('\n], "skipped": [')
    for position, line in enumerate(corpus.skipped):
        chunks.add("\n" if position == 0 else ",\n")
        skipped = {"source": corpus.sources[line.source].name, "line": line.line, "text": line.text}
        chunks.add(_ENCODER.encode(skipped))
    chunks.add("\n]}\n")
    chunks.flush()


def halves(corpus: Corpus, threads: Sequence[int]) -> tuple[Sequence[int], Sequence[int]]:
    """`threads` cut where about half their text is on either side; all in the first when
    they are too little text for a second process to pay."""
    posts = corpus.posts
    sizes = []
    for thread in threads:
        span = corpus.thread_posts(thread)
        sizes.append(posts.text_end[span.stop - 1] - posts.text_start[span.start] if span else 0)
    total = sum(sizes)
    if total < background.PARALLEL_BYTES:
        return threads, ()
    cut, written = 0, 0
    while written < total // 2:
        written += sizes[cut]
        cut += 1
    return threads[:cut], threads[cut:]


def _parallel(out: TextIO) -> bool:
    """Can the export be written by two processes: is `out` a file or pipe with bytes below?"""
    try:
        out.fileno()
    except (AttributeError, OSError, ValueError):
        return False
    return hasattr(out, "buffer")


def _write_threads(
    out: TextIO,
    corpus: Corpus,
    index: CorpusIndex,
    threads: Sequence[int],
    ids: dict[int, str],
    *,
    with_related: bool,
    started: bool,
) -> None:
    """The threads' JSON, each after `,\\n` (the first after `\\n` unless `started`)."""
    chunks = Chunks(out)
    lead = ",\n" if started else "\n"
    for group in thread_groups(corpus, threads):
        heads: dict[int, tuple[str, str]] = {}
        plain: list[int] = []
        for thread in group:
            if _given_posts(corpus, thread):
                if plain:
                    add_posts(chunks, corpus, plain, index.evidence, heads)
                    plain = []
                chunks.add(lead)
                chunks.flush()
                _write_thread(
                    out, corpus, index, thread, thread_id=ids[thread], with_related=with_related
                )
            else:
                head, tail = _head(corpus, index, thread, ids[thread], with_related=with_related)
                heads[thread] = (lead + head, tail)
                plain.append(thread)
            lead = ",\n"
        if plain:
            add_posts(chunks, corpus, plain, index.evidence, heads)
    chunks.flush()


def _given_posts(corpus: Corpus, thread: int) -> bool:
    """Does a post of the thread carry what a format said of it (date, media, entities)?"""
    meta = corpus.post_meta
    return bool(meta) and any(post in meta for post in corpus.thread_posts(thread))


def _head(
    corpus: Corpus,
    index: CorpusIndex,
    thread: int,
    thread_id: str,
    *,
    with_related: bool,
) -> tuple[str, str]:
    """The thread's JSON before its posts, and after them."""
    value = thread_value(corpus, index, thread, with_related, posts=False, thread_id=thread_id)
    related = value.pop("related", None)
    after = "]}" if related is None else '], "related": ' + _ENCODER.encode(related) + "}"
    return _ENCODER.encode(value)[:-1] + ', "posts": [', after


def _write_thread(
    out: TextIO,
    corpus: Corpus,
    index: CorpusIndex,
    thread: int,
    *,
    thread_id: str,
    with_related: bool,
) -> None:
    """A thread as `thread_value` gives it, its entities encoded a batch at a time (a post
    can hold millions)."""
    head = thread_value(corpus, index, thread, with_related, posts=False, thread_id=thread_id)
    related = head.pop("related", None)
    out.write(encode(head)[:-1] + ', "posts": [')
    source = corpus.source_of(thread)
    for position, post in enumerate(corpus.thread_posts(thread)):
        raw = corpus.post_bytes(post, source)
        text = raw.decode("utf-8", "replace")
        value = _post_value(corpus, post, text, [])
        after = _after_entities(value) if corpus.post_meta else ""
        out.write(("" if position == 0 else ", ") + encode(value)[:-2])
        given = given_entities(corpus, post, raw, text, index)
        if given is not None:
            out.write(encode(given)[1:-1])
        else:
            spans = extract_spans(raw, index.evidence)
            offsets = CodePoints(raw)
            for first in range(0, len(spans), _BATCH):
                batch = entity_values(text, spans[first : first + _BATCH], offsets)
                out.write(("" if first == 0 else ", ") + encode(batch)[1:-1])
        out.write("]" + after + "}")
    out.write("]")
    if related is not None:
        out.write(', "related": ' + encode(related))
    out.write("}")


def encode(value: Any) -> str:
    return escape_controls(_ENCODER.encode(value))


def thread_value(
    corpus: Corpus,
    index: CorpusIndex,
    thread: int,
    with_related: bool,
    posts: bool = True,
    *,
    entities: bool = True,
    thread_id: str | None = None,
) -> dict[str, Any]:
    """A thread as the model's dict: id, title, source, lines, missing, flags, posts, related
    (posts with empty entity lists without `entities`, for a caller that does not show them)."""
    source = corpus.source_of(thread)
    post_values = []
    for post in corpus.thread_posts(thread) if posts else ():
        raw = corpus.post_bytes(post, source)
        text = raw.decode("utf-8", "replace")
        found = []
        if entities:
            found = given_entities(corpus, post, raw, text, index) or entity_values(
                text, extract_spans(raw, index.evidence), CodePoints(raw)
            )
        post_values.append(_post_value(corpus, post, text, found))
    value: dict[str, Any] = {
        "id": corpus.ids_of([thread])[thread] if thread_id is None else thread_id,
        "title": corpus.title(thread),
        "source": source.name,
        "first_line": corpus.first_line(thread),
        "last_line": corpus.last_line(thread),
        "missing": corpus.missing(thread),
        "flags": list(index.flags[thread]),
        **corpus.meta(thread)._asdict(),
    }
    if posts:
        value["posts"] = post_values
    if with_related:
        found_related = related_threads(index, thread)
        ids = corpus.ids_of([item.thread for item in found_related])
        value["related"] = [
            {"id": ids[item.thread], "score": item.score, "reasons": list(item.reasons)}
            | ({"same": True} if item.same else {})
            for item in found_related
        ]
    return value


def _post_value(corpus: Corpus, post: int, text: str, entities: list[Any]) -> dict[str, Any]:
    value: dict[str, Any] = {
        "number": corpus.posts.number[post] or None,
        "first_line": corpus.posts.first_line[post],
        "last_line": corpus.posts.last_line[post],
        "text": text,
        "entities": entities,
    }
    meta = corpus.post_meta.get(post) if corpus.post_meta else None
    if meta is not None:
        if meta.date is not None:
            value["date"] = meta.date
        if meta.media:
            value["media"] = list(meta.media)
    return value


def _after_entities(value: dict[str, Any]) -> str:
    """The keys `_post_value` puts after `entities`, taken out of `value` and encoded, so the
    entities can be written between (`value` must end with `entities`)."""
    rest = {key: value.pop(key) for key in ("date", "media") if key in value}
    return encode(rest)[1:-1] and ", " + encode(rest)[1:-1]


def given_entities(
    corpus: Corpus, post: int, raw: bytes, text: str, index: CorpusIndex
) -> list[dict[str, Any]] | None:
    """The entities a format listed for the post (an archive's), with the flags found in its
    text, in text order; None when the format listed none and the text is to be read."""
    meta = corpus.post_meta.get(post) if corpus.post_meta else None
    if meta is None or (meta.entities is None and not meta.extra):
        return None
    spans = extract_spans(raw, index.evidence)
    if meta.entities is not None:
        spans = [span for span in spans if span.kind is EntityKind.FLAG]
    values = entity_values(text, spans, CodePoints(raw))
    listed = (meta.entities or ()) + meta.extra
    taken = [(given.start, given.end) for given in listed]
    values = [v for v in values if not any(v["start"] < e and s < v["end"] for s, e in taken)]
    for given in listed:
        entity: dict[str, Any] = {
            "kind": given.kind,
            "start": given.start,
            "end": given.end,
            "text": text[given.start : given.end],
            "value": given.value,
        }
        if given.kind == "link":
            entity["truncated"] = given.truncated
        values.append(entity)
    return sorted(values, key=lambda entity: (entity["start"], entity["end"]))


def entity_values(text: str, spans: list[Span], offsets: CodePoints) -> list[dict[str, Any]]:
    """The model's entity dicts: kind, start, end, text, value, and `truncated` for links.

    `offsets` turns the spans' byte offsets into code points; it moves forward across calls.
    """
    values = []
    for span in spans:
        start, end = offsets.at(span.start), offsets.at(span.end)
        entity: dict[str, Any] = {
            "kind": span.kind.value,
            "start": start,
            "end": end,
            "text": text[start:end],
            "value": span.value,
        }
        if span.kind is EntityKind.LINK:
            entity["truncated"] = span.truncated
        values.append(entity)
    return values
