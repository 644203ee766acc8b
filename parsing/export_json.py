"""`threadline export` as JSON, written a large chunk at a time.

The shape is exactly the pydantic model `CorpusExport` (the tests validate the output with it).
`thread_value` gives a thread as the model's dict; the writer (`export_writer`) gives the bytes
of encoding those dicts one by one with the json module, without making them: posts of page text
are written straight from their entity spans (`export_posts`), and only threads whose posts a
format gave whole (an archive's) go through the dicts (`_write_thread`). So a million-post corpus,
or a single post holding millions of entities, is never held in memory as model objects or dicts.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import partial
from json.encoder import encode_basestring
from typing import Any, TextIO

from .corpus import Corpus
from .entities.extract import CodePoints, extract_spans
from .entities.spans import EntityKind, Span
from .export_chunks import Chunks, escape_controls
from .index import CorpusIndex
from .related import related_threads
from .tables import SkippedLine

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))
_BATCH = 10_000


def write_json(
    corpus: Corpus,
    index: CorpusIndex,
    threads: Sequence[int],
    out: TextIO,
    with_related: bool = False,
    *,
    read_flags: bool = False,
) -> None:
    """Write `{"threads": [...], "skipped": [...]}`, one thread a line (`export_writer`);
    `read_flags` when `index` has not read the flags of `threads` (`export_index`)."""
    from .export_writer import write_export

    write_export(corpus, index, threads, out, with_related=with_related, flags=read_flags)


def _given_posts(corpus: Corpus, thread: int) -> bool:
    """Does a post of the thread carry what a format said of it (date, media, entities)?"""
    meta = corpus.post_meta
    return bool(meta) and any(post in meta for post in corpus.thread_posts(thread))


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
        value["related"] = related_entries(corpus, index, thread)
    return value


def related_entries(corpus: Corpus, index: CorpusIndex, thread: int) -> list[dict[str, Any]]:
    """The thread's related threads as the model's dicts: id, score, reasons (and `same`)."""
    found_related = (index.batch_related or partial(related_threads, index))(thread)
    ids = corpus.ids_of([item.thread for item in found_related])
    return [
        {"id": ids[item.thread], "score": item.score, "reasons": list(item.reasons)}
        | ({"same": True} if item.same else {})
        for item in found_related
    ]


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


def add_skipped(chunks: Chunks, names: Sequence[str], lines: Sequence[SkippedLine]) -> None:
    """The skipped `lines` (of the sources named `names`), each after `\\n` (the first) or
    `,\\n`, as the encoder writes `{"source": name, "line": line, "text": text}`: a page of
    chrome skips most of its lines, so each entry is formatted with the encoder's own string
    function rather than by encoding a dict, a batch at a time."""
    quoted = [encode_basestring(name) for name in names]
    for first in range(0, len(lines), _BATCH):
        batch = lines[first : first + _BATCH]
        chunks.add(
            ("\n" if first == 0 else ",\n")
            + ",\n".join(
                f'{{"source": {quoted[source]}, "line": {line}, "text": {encode_basestring(text)}}}'
                for source, line, text in batch
            )
        )
