"""`threadline export --format markdown`: threads as Markdown, written from the dicts the
export models are made of (`export_json.thread_value`), with no model validated (nor pydantic
imported)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, BinaryIO, TextIO

from . import background
from .corpus import Corpus
from .export_chunks import copy_out, text_over
from .export_json import thread_value
from .export_writer import Halves, halves, parallel, share_related
from .gaps import describe_gap, gaps_before_posts
from .index import CorpusIndex
from .safe_text import visible

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
"""Characters that open or close Markdown inline markup anywhere in a line (`~` strikes out or
fences code)."""
_ENTITY = re.compile(r"&(?=[A-Za-z][A-Za-z0-9]*;)")
"""An `&` that opens a named entity (`&lt;`; a numbered one needs `#`, escaped)."""
_LINE_OPENING = re.compile(r"^([ \t]*)([-+=])|^([ \t]*[0-9]+)([.)])")
"""What opens a block only at a line's start: a list item (`- `, `+ `, `1.`, `1)`), or under a
line of text a heading's rule (`---`, `===`)."""


def write_markdown(
    corpus: Corpus,
    index: CorpusIndex,
    threads: Sequence[int],
    out: TextIO,
    with_related: bool = False,
) -> None:
    """Write `to_markdown` of the threads and a line end, thread by thread (each followed by a
    line end: what the two processes of `export_halves` write too), from the dicts the models are
    made of (`thread_value`, the model's fields): Markdown shows no entities, so none are
    extracted, no model is validated, and no thread is kept once written (memory follows the
    largest thread).

    Into a file or pipe, the second half of the threads (by their text, `export_writer.halves`)
    is written by a forked process into a temporary file, copied out after the first half: the
    same bytes, with related threads looked for on both cores."""
    if with_related:
        share_related(corpus, index)
    plan = halves(corpus, threads, whole=True) if parallel(out) else Halves(threads, ())
    rest = None
    if plan.second:

        def write_second(into: BinaryIO) -> None:
            with text_over(into, out) as text:
                _write_threads(corpus, index, plan.second, text, with_related)

        rest = background.later_written(write_second)
    try:
        _write_threads(corpus, index, plan.first, out, with_related)
        if rest is not None:
            with rest.result() as written:
                out.flush()
                copy_out(written, out.buffer)
    except BaseException:
        if rest is not None:
            rest.cancel()
        raise
    if not threads:
        out.write("\n")


def _write_threads(
    corpus: Corpus, index: CorpusIndex, threads: Sequence[int], out: TextIO, with_related: bool
) -> None:
    ids = corpus.ids_of(threads)  # at once: each thread's alone would walk the corpus before it
    for thread in threads:
        out.write(markdown_of(corpus, index, thread, ids[thread], with_related) + "\n")


def markdown_of(
    corpus: Corpus, index: CorpusIndex, thread: int, thread_id: str, with_related: bool = False
) -> str:
    """A thread's Markdown (`thread_markdown`), named `thread_id`."""
    value = thread_value(corpus, index, thread, with_related, entities=False, thread_id=thread_id)
    return "\n".join(thread_markdown(value))


def thread_markdown(thread: dict[str, Any]) -> list[str]:
    """A thread's Markdown lines, from its dict as `thread_value` gives it (or a `Thread`
    model's dump)."""
    lines: list[str] = []
    lines.append(f"# {_markdown(thread['title'])}")
    flags = " ".join(thread["flags"])
    handle = thread["handle"]
    byline = " · ".join(
        part
        for part in (thread["author"], f"@{handle}" if handle else None, thread["date"])
        if part
    )
    lines_of = f"lines {thread['first_line']}–{thread['last_line']}"
    meta = f"{thread['source']}, {lines_of} · id {thread['id']}"
    meta = f"{byline} · {meta}" if byline else meta
    lines.append(f"*{_markdown(meta)}{' · ' + flags if flags else ''}*")
    lines.append("")
    posts = thread["posts"]
    numbers = [post["number"] for post in posts]
    total = max((number or 0 for number in numbers), default=0)
    for post, gap in zip(posts, gaps_before_posts(numbers), strict=True):
        if gap is not None:
            lines += [f"> {describe_gap(*gap)}", ""]
        label = f"**{post['number']}/{total}**" if post["number"] else "**·**"
        body = _post_body(post["text"])
        lines += [f"{label} {body}", ""]
    related = thread.get("related")
    if related:
        lines.append(
            "Related: "
            + "; ".join(f"{r['id']} ({_markdown(' · '.join(r['reasons']))})" for r in related)
        )
        lines.append("")
    return lines


def _post_body(text: str) -> str:
    """A post's text as the rest of one paragraph, each line ended by a hard break. No line
    opens a block: a line after the first (which follows the post's label) has its opening
    escaped, and a blank one is a hard break alone (`\\`), since a blank line would end the
    paragraph and let the next open a block (indented code, a list of any number)."""
    written = _markdown(text)
    if "\n" not in written:
        return written
    lines = written.split("\n")
    for number in range(1, len(lines)):
        lines[number] = _LINE_OPENING.sub(_escaped_opening, lines[number])
    last = len(lines) - 1
    return "\n".join(
        line if number == last else line + "  " if line.strip(" \t") else "\\"
        for number, line in enumerate(lines)
    )


def _escaped_opening(found: re.Match[str]) -> str:
    if found.group(2) is not None:
        return f"{found.group(1)}\\{found.group(2)}"
    return f"{found.group(3)}\\{found.group(4)}"


def _markdown(text: str) -> str:
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", visible(text))
    return _ENTITY.sub(r"\\&", escaped) if "&" in escaped else escaped
