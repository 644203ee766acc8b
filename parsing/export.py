"""`threadline export`: selected threads as JSON (the model's shape) or Markdown."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence

from .corpus import Corpus
from .entities.extract import extract_spans
from .entities.models_of import entities_of
from .index import CorpusIndex
from .models import CorpusExport, Post, Related, Skipped, Thread
from .related import related_threads
from .safe_text import visible

# JSON escapes C0 controls itself; DEL and C1 controls are escaped too, so that printing the
# export to a terminal cannot drive it.
_RAW_CONTROLS = re.compile("[\x7f-\x9f]")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def thread_model(corpus: Corpus, index: CorpusIndex, thread: int, with_related: bool) -> Thread:
    source = corpus.source_of(thread)
    posts = []
    for post in corpus.thread_posts(thread):
        raw = corpus.post_bytes(post, source)
        text = raw.decode("utf-8", "replace")
        posts.append(
            Post(
                number=corpus.posts.number[post] or None,
                first_line=corpus.posts.first_line[post],
                last_line=corpus.posts.last_line[post],
                text=text,
                entities=entities_of(text, raw, extract_spans(raw, index.evidence)),
            )
        )
    related = None
    if with_related:
        ids = corpus.thread_ids
        related = [
            Related(id=ids[r.thread], score=r.score, reasons=list(r.reasons))
            for r in related_threads(index, thread)
        ]
    return Thread(
        id=corpus.thread_ids[thread],
        title=corpus.title(thread),
        source=source.name,
        first_line=corpus.first_line(thread),
        last_line=corpus.last_line(thread),
        missing=corpus.missing(thread),
        flags=list(index.flags[thread]),
        posts=posts,
        related=related,
    )


def export_model(
    corpus: Corpus, index: CorpusIndex, threads: Sequence[int], with_related: bool = False
) -> CorpusExport:
    return CorpusExport(
        threads=[thread_model(corpus, index, thread, with_related) for thread in threads],
        skipped=[
            Skipped(source=corpus.sources[line.source].name, line=line.line, text=line.text)
            for line in corpus.skipped
        ],
    )


def to_json(export: CorpusExport) -> str:
    text = json.dumps(export.model_dump(mode="json"), ensure_ascii=False, indent=2)
    return _RAW_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def to_markdown(export: CorpusExport) -> str:
    lines: list[str] = []
    for thread in export.threads:
        lines.append(f"# {_markdown(thread.title)}")
        flags = " ".join(thread.flags)
        meta = f"{thread.source}, lines {thread.first_line}–{thread.last_line} · id {thread.id}"
        lines.append(f"*{_markdown(meta)}{' · ' + flags if flags else ''}*")
        lines.append("")
        by_number = {post.number: post for post in thread.posts if post.number}
        total = max(by_number, default=0)
        for post in thread.posts:
            if post.number is not None:
                for gap in _gap_before(post.number, by_number):
                    lines += [f"> post {gap} is missing", ""]
            label = f"**{post.number}/{total}**" if post.number else "**·**"
            body = _markdown(post.text).replace("\n", "  \n")
            lines += [f"{label} {body}", ""]
        if thread.related:
            lines.append(
                "Related: "
                + "; ".join(f"{r.id} ({_markdown(' · '.join(r.reasons))})" for r in thread.related)
            )
            lines.append("")
    return "\n".join(lines)


def _gap_before(number: int, by_number: Mapping[int, Post]) -> list[int]:
    """The missing numbers just below `number`: each gap is told once, before the post after it."""
    gap = []
    previous = number - 1
    while previous >= 1 and previous not in by_number:
        gap.append(previous)
        previous -= 1
    return gap[::-1]


def _markdown(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", visible(text))
