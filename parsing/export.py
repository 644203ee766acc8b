"""`threadline export`: threads as pydantic models, and as Markdown."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TextIO

from .corpus import Corpus
from .export_json import encode, thread_value
from .gaps import describe_gap, gaps_before_posts
from .index import CorpusIndex
from .models import CorpusExport, Skipped, Thread
from .safe_text import visible

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def thread_model(corpus: Corpus, index: CorpusIndex, thread: int, with_related: bool) -> Thread:
    """A thread as the validated pydantic model (the JSON export writes the same dict)."""
    return Thread.model_validate(thread_value(corpus, index, thread, with_related))


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
    """The export as one JSON text (for a whole corpus, `export_json.write_json` streams)."""
    return encode(export.model_dump(mode="json"))


def to_markdown(export: CorpusExport) -> str:
    lines: list[str] = []
    for thread in export.threads:
        lines += _thread_markdown(thread)
    return "\n".join(lines)


def write_markdown(
    corpus: Corpus,
    index: CorpusIndex,
    threads: Sequence[int],
    out: TextIO,
    with_related: bool = False,
) -> None:
    """Write `to_markdown` of the threads thread by thread: Markdown shows no entities, so none
    are extracted, and no thread is kept once written (memory follows the largest thread)."""
    for number, thread in enumerate(threads):
        value = thread_value(corpus, index, thread, with_related, entities=False)
        text = "\n".join(_thread_markdown(Thread.model_validate(value)))
        out.write(text if number == 0 else "\n" + text)
    out.write("\n")


def _thread_markdown(thread: Thread) -> list[str]:
    lines: list[str] = []
    lines.append(f"# {_markdown(thread.title)}")
    flags = " ".join(thread.flags)
    byline = " · ".join(
        part
        for part in (thread.author, f"@{thread.handle}" if thread.handle else None, thread.date)
        if part
    )
    meta = f"{thread.source}, lines {thread.first_line}–{thread.last_line} · id {thread.id}"
    meta = f"{byline} · {meta}" if byline else meta
    lines.append(f"*{_markdown(meta)}{' · ' + flags if flags else ''}*")
    lines.append("")
    total = max((post.number or 0 for post in thread.posts), default=0)
    gaps = gaps_before_posts(post.number for post in thread.posts)
    for post, gap in zip(thread.posts, gaps, strict=True):
        if gap is not None:
            lines += [f"> {describe_gap(*gap)}", ""]
        label = f"**{post.number}/{total}**" if post.number else "**·**"
        body = _markdown(post.text).replace("\n", "  \n")
        lines += [f"{label} {body}", ""]
    if thread.related:
        lines.append(
            "Related: "
            + "; ".join(f"{r.id} ({_markdown(' · '.join(r.reasons))})" for r in thread.related)
        )
        lines.append("")
    return lines


def _markdown(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", visible(text))
