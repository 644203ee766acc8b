"""Threads whose posts a format gives whole (an X archive), and what a page says of a thread.

Page text is laid out into posts by the layout rules; an archive already knows its threads,
posts, dates and entities. Both end in the same corpus columns: the given posts' texts are
written one after another into a buffer of their own, which becomes the source the columns
point into, so everything that reads a corpus (reader, export, stats, filters, search, related
threads) reads them as it reads pages. What the columns cannot hold (a thread's author and date,
a post's date, media and the entities the archive lists) is kept beside them, by position.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .corpus import Corpus


class ThreadMeta(NamedTuple):
    """What a page or archive says of a thread; None where it says nothing."""

    author: str | None = None
    """The author's display name."""
    handle: str | None = None
    """The author's handle, without `@`."""
    date: str | None = None
    """ISO `YYYY-MM-DD` when the year is known, otherwise as shown (`Feb 27`)."""
    declared_posts: int | None = None
    """How many posts the page says the thread has ("20 tweets")."""


class GivenEntity(NamedTuple):
    """An entity a format lists itself: code-point offsets into the post's text."""

    kind: str
    """`mention`, `link`, `hashtag` or `cashtag` (flags are always found in the text)."""
    start: int
    end: int
    value: str
    truncated: bool = False


class PostMeta(NamedTuple):
    """What an archive says of a post beyond its text."""

    date: str | None = None
    media: tuple[str, ...] = ()
    """The kinds of media the post carried (`photo`, `video`, `animated_gif`)."""
    entities: tuple[GivenEntity, ...] | None = None
    """The post's mentions, links, hashtags and cashtags as the archive lists them (None: find
    them in the text, as for page text)."""
    extra: tuple[GivenEntity, ...] = ()
    """Entities added to those found in the text (a clipping's Markdown links, whose address
    the text no longer shows); an entity found in the text at the same place gives way."""


class GivenPost(NamedTuple):
    number: int
    text: str
    meta: PostMeta = PostMeta()


class GivenThread(NamedTuple):
    posts: tuple[GivenPost, ...]
    meta: ThreadMeta = ThreadMeta()


_POST_GAP = "\n\n"
_THREAD_GAP = "\n\n\n"


def add_given_threads(corpus: Corpus, name: str, threads: list[GivenThread]) -> None:
    """Append `threads` to `corpus` as one source named `name`.

    A post's text is written with its line ends normalised to `\\n`, and its line numbers are
    those of the source's text, so `first_line`/`last_line` point into what `export` shows.
    """
    from .corpus import Source

    pieces: list[bytes] = []
    bounds: list[tuple[int, int]] = []
    position, line = 0, 1
    lines: list[tuple[int, int]] = []
    for thread_number, thread in enumerate(threads):
        for post_number, post in enumerate(thread.posts):
            gap = _POST_GAP if post_number else (_THREAD_GAP if thread_number else "")
            encoded = (gap + _normalised(post.text)).encode("utf-8", "surrogatepass")
            pieces.append(encoded)
            start = position + len(gap)
            position += len(encoded)
            line += gap.count("\n")
            last = line + _normalised(post.text).count("\n")
            bounds.append((start, position))
            lines.append((line, last))
            line = last
    buf = bytearray(b"".join(pieces))
    corpus.sources.append(Source(name, buf, "utf-8", 0))
    source = len(corpus.sources) - 1
    posts, columns = corpus.posts, corpus.threads
    posts.reach(len(buf))
    at = 0
    for thread in threads:
        if not thread.posts:
            continue
        thread_index = len(columns)
        if thread.meta != ThreadMeta():
            corpus.thread_meta[thread_index] = thread.meta
        for post in thread.posts:
            start, end = bounds[at]
            first_line, last_line = lines[at]
            at += 1
            if post.meta != PostMeta():
                corpus.post_meta[len(posts)] = post.meta
            posts.text_start.append(start)
            posts.text_end.append(end)
            posts.first_line.append(first_line)
            posts.last_line.append(last_line)
            posts.number.append(post.number)
        columns.source.append(source)
        columns.first_post.append(len(posts))
    corpus.__dict__.pop("thread_ids", None)


def _normalised(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
