"""Markdown clippings (Obsidian Web Clipper and the like): a saved page written in Markdown.

The clipping is turned into the text a copy of the page would have given, line for line
(`clipping_text`), and laid out as page text. The front matter's title, author and date fill
what the page's own header leaves unsaid; the lines the clipper wrote itself are listed as
skipped; a Markdown link's address, which the text no longer shows, is kept as a link entity of
the post whose text shows the link.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import Claim
from .pages import suffix

if TYPE_CHECKING:
    from ..clipping_text import LinkSpan
    from ..containers import Entry
    from ..corpus import Corpus

# The Markdown reading modules are imported in `read`: `stats` asks every format whether it
# claims a file, and a corpus of page text never needs them.

SUFFIXES = frozenset({".md", ".markdown"})


class ClippingsFormat:
    name = "Markdown clipping"

    def claims(self, members: Sequence[str]) -> list[Claim]:
        return [Claim(member) for member in members if suffix(member) in SUFFIXES]

    def sniff(self, name: str, head: bytes) -> bool:
        return suffix(name) in SUFFIXES

    def read(self, entry: Entry, corpus: Corpus) -> None:
        from ..clipping_text import clipping_to_text
        from ..decoding import decode
        from ..given import ThreadMeta
        from ..tables import SkippedLine
        from .page_threads import attach_page_meta

        decoded = decode(entry.data())
        page = clipping_to_text(bytes(decoded.data).decode("utf-8", "replace"))
        threads, skipped = corpus.thread_count, len(corpus.skipped)
        source = corpus.add_source(
            entry.name,
            page.text.encode("utf-8", "surrogatepass"),
            post_starts=page.post_starts,
            thread_starts=page.thread_starts,
        )
        if decoded.replaced:
            corpus.warnings.append(f"{entry.name}: {decoded.replaced} invalid bytes replaced")
        index = corpus.sources.index(source)
        corpus.skipped += [SkippedLine(index, line, text) for line, text in page.dropped]
        corpus.skipped[skipped:] = sorted(corpus.skipped[skipped:], key=lambda s: s.line)
        meta = page.meta
        attach_page_meta(
            corpus,
            threads,
            skipped,
            ThreadMeta(meta.author, meta.handle, meta.date, None),
            teasers_from=min(page.thread_starts, default=None),
        )
        _attach_links(corpus, threads, page.links, page.text)


def _attach_links(corpus: Corpus, first_thread: int, links: Sequence[LinkSpan], text: str) -> None:
    """Each link whose shown text lies inside a post becomes an extra link entity of it, in
    code points of the post's text. `text`: the clipping's text the `links` are spans of."""
    from ..given import GivenEntity, PostMeta

    if not links or first_thread >= corpus.thread_count:
        return
    buf = corpus.sources[corpus.threads.source[first_thread]].buf
    links = _on_their_lines(text, buf, links)
    posts = range(corpus.threads.first_post[first_thread], corpus.post_count)
    starts = _code_points(buf, [corpus.posts.text_start[post] for post in posts])
    ends = _code_points(buf, [corpus.posts.text_end[post] for post in posts])
    extra: dict[int, list[GivenEntity]] = {}
    for link in links:
        at = bisect.bisect_right(starts, link.start) - 1
        if at < 0 or link.end > ends[at]:
            continue  # a link in a skipped line, or across a post's end
        post = posts[at]
        if post in corpus.posts.holes:
            continue  # a post with its marker cut out: offsets would not line up
        start, end = link.start - starts[at], link.end - starts[at]
        extra.setdefault(post, []).append(GivenEntity("link", start, end, link.url))
    for post, entities in extra.items():
        corpus.post_meta[post] = PostMeta(extra=tuple(entities))


def _on_their_lines(
    text: str, buf: bytes | bytearray, links: Sequence[LinkSpan]
) -> Sequence[LinkSpan]:
    """`links`, spans of the clipping's `text`, as code points of `buf`, that text laid out.
    The layout may move text within a post over the blanks a picture's mark left
    (`blanked_gaps`), but every line keeps its number and its text its column up to where
    those blanks were put: a link is found again by its line and column. On the line where
    they were put before a line of structure in its middle, the text from there on keeps its
    place instead, as the line's end does: a link not found by its column is found by the
    shift of the line's end."""
    before = [0] + [match.end() for match in re.finditer("\n", text)]
    byte_starts = [0]
    at = buf.find(b"\n")
    while at >= 0:
        byte_starts.append(at + 1)
        at = buf.find(b"\n", at + 1)
    after = _code_points(buf, byte_starts)
    if len(after) != len(before):
        return links  # not the text's lines (no layout changes their count)
    before.append(len(text))
    after.append(after[-1] + len(bytes(buf[byte_starts[-1] :]).decode("utf-8", "replace")))
    shown = bytes(buf).decode("utf-8", "replace")
    moved = []
    for link in links:
        line = bisect.bisect_right(before, link.start) - 1
        shift = after[line] - before[line]
        if shown[link.start + shift : link.end + shift] != text[link.start : link.end]:
            shift = after[line + 1] - before[line + 1]
        moved.append(link._replace(start=link.start + shift, end=link.end + shift))
    return moved


def _code_points(buf: bytes | bytearray, offsets: list[int]) -> list[int]:
    """The code-point positions of ascending byte `offsets` into `buf`."""
    positions, count, previous = [], 0, 0
    for offset in offsets:
        count += len(bytes(buf[previous:offset]).decode("utf-8", "replace"))
        positions.append(count)
        previous = offset
    return positions


FORMAT = ClippingsFormat()
