"""What a page says of the threads laid out from it: author, handle, date and length.

After a page source is laid out, each of its threads gets the metadata of the chrome lines
skipped between the thread before it and itself (and of those right after it, where a hashtag
listing puts `Read N tweets`), read by `page_meta`. Those lines stay listed in `skipped`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from ..given import ThreadMeta
from ..page_meta import dated_teaser_lines, listing_handle, only_teaser_lines, page_meta

if TYPE_CHECKING:
    from ..corpus import Corpus
    from ..tables import SkippedLine

_UNSAID = ThreadMeta()
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class PageState:
    """Where to resume giving a source's threads their metadata, and what the threads before
    that point told the next ones: a page read in two parts (`split_read`) resumes at the
    first part's last thread once the second is laid out after it, since that thread's
    metadata may come from lines skipped after it, in the second part."""

    thread: int
    skipped: int
    """The first of the skipped lines not yet read: `corpus.skipped[skipped:]`."""
    listing: str | None = None
    """The handle of the `More from @x` listing the threads laid out now are teasers of."""
    names: dict[str, str] = field(default_factory=dict)
    """Each handle's display name, as the page's headers gave it."""
    previous: ThreadMeta | None = None
    """What the page said of the thread before, while the threads are an author page's."""
    carried: tuple[str | None, ThreadMeta | None] = (None, None)
    """`listing` and `previous` as the last thread read leaves them, for the first thread of a
    part laid out as a corpus of its own (`for_next_part`)."""

    def for_next_part(self) -> PageState:
        """Where the threads of the part under this one, laid out as a corpus of its own
        (`export` on two cores), start: its first thread, told what this part's threads told."""
        listing, previous = self.carried
        return PageState(0, 0, listing, self.names, previous)


def attach_page_meta(
    corpus: Corpus,
    first_thread: int,
    first_skipped: int,
    fallback: ThreadMeta = _UNSAID,
    *,
    state: PageState | None = None,
    count: int | None = None,
    above: Sequence[str] = (),
    below: Sequence[str] = (),
    teasers_from: int | None = None,
) -> PageState:
    """Give the threads from `first_thread` on (one source's, just laid out) what the skipped
    lines from `first_skipped` on say of them; a field the page leaves unsaid is taken from
    `fallback` (a clipping's front matter). `state` resumes where an earlier call left off
    (`first_thread` and `first_skipped` are then its own); `count`: the threads laid out,
    when more are than the corpus counts yet. Returns where to resume: at the last thread.
    For a part of a source laid out as a corpus of its own: `above`, the skipped lines of the
    part over it after its last thread, `below`, those of the part under it before its first.
    `teasers_from`: the line where a clipping's teasers of other threads begin; those threads
    take only the handle from `fallback` (the clipped page's author and date are its own)."""
    if state is not None:
        first_thread, first_skipped = state.thread, state.skipped
    start = state or PageState(first_thread, first_skipped)
    count = corpus.thread_count if count is None else count
    skipped = corpus.skipped
    at = first_skipped
    listing, names, previous = start.listing, start.names, start.previous
    resume = first_thread, at, listing, previous
    first_post = corpus.threads.first_post
    first_lines, last_lines = corpus.posts.first_line, corpus.posts.last_line
    # The credits embedded tweets' last lines end with: read as lines skipped inside a thread.
    credits = corpus.sources[-1].credits if corpus.sources else []
    plain = fallback is _UNSAID and not credits
    for thread in range(first_thread, count):
        resume = thread, at, listing, previous
        first, last = first_lines[first_post[thread]], last_lines[first_post[thread + 1] - 1]
        # The next thread's first line (none after the last: every line after it is its own).
        stop = first_lines[first_post[thread + 1]] if thread + 1 < count else None
        edge = (thread == first_thread and above) or (stop is None and below)
        if plain and listing is None and previous is None and not edge:
            # Most threads have no skipped line of their own: before the next thread's start.
            line = skipped[at].line if at < len(skipped) else None
            if line is None or (line > last and stop is not None and line >= stop):
                continue  # nothing read, nothing carried over: the page says nothing of it
        before, inside, after, at = _lines_around(skipped, at, first, last, stop)
        if credits:
            inside = _with_credits(inside, credits, first, last)
        if thread == first_thread:
            before[:0] = above
        if stop is None:
            after += below
        found = page_meta(before, after, [text for _, text in inside])
        if found.author is not None and found.handle is not None:
            names[found.handle.lower()] = found.author
        listed = listing_handle(before)
        if listed is not None:
            listing = listed
        elif listing is not None and found.handle is None and only_teaser_lines(before):
            # A teaser after the first under "More from @x": the heading says whose it is.
            found = found._replace(handle=listing, author=names.get(listing.lower()))
        else:
            listing = None
        unsigned = found.author is None and found.handle is None
        if unsigned and previous is not None and dated_teaser_lines(before):
            # An author page's next thread: only its date and length head it.
            found = found._replace(author=previous.author, handle=previous.handle)
        given = fallback
        if teasers_from is not None and first >= teasers_from:
            given = ThreadMeta(handle=fallback.handle)
        meta = ThreadMeta(
            author=found.author if found.author is not None else given.author,
            handle=found.handle if found.handle is not None else given.handle,
            date=_dated(found.date, given.date),
            declared_posts=found.declared_posts,
        )
        if meta != _UNSAID:
            corpus.thread_meta[thread] = meta
        previous = meta if meta.author is not None or meta.handle is not None else None
    # The names the last thread added stay: read again, it adds the same ones.
    carried = listing, previous
    thread, at, listing, previous = resume
    return PageState(thread, at, listing, names, previous, carried)


def _lines_around(
    skipped: list[SkippedLine], at: int, first: int, last: int, stop: int | None
) -> tuple[list[str], list[tuple[int, str]], list[str], int]:
    """The skipped lines from `at` before a thread's `first` line, inside it (up to `last`)
    and after it (before `stop`, the next thread's first line), and where the next thread's
    start: those after it may be the next one's too."""
    before: list[str] = []
    while at < len(skipped) and skipped[at].line < first:
        before.append(skipped[at].text)
        at += 1
    inside: list[tuple[int, str]] = []
    while at < len(skipped) and skipped[at].line <= last:
        # Skipped inside the thread (a conversation's lines): not about the next one.
        inside.append((skipped[at].line, skipped[at].text))
        at += 1
    after: list[str] = []
    ahead = at
    while (
        ahead < len(skipped)
        and skipped[ahead].line > last
        and (stop is None or skipped[ahead].line < stop)
    ):
        after.append(skipped[ahead].text)
        ahead += 1
    return before, inside, after, at


def _with_credits(
    inside: list[tuple[int, str]], credits: list[tuple[int, str]], first: int, last: int
) -> list[tuple[int, str]]:
    """The lines skipped `inside` a thread and the `credits` on its lines (`first` to
    `last`), in line order. The credits are in line order: those of the thread are found by
    bisection, not by a look through all the page's for each thread."""
    low = bisect_left(credits, first, key=_line_of)
    high = bisect_right(credits, last, lo=low, key=_line_of)
    return sorted(inside + credits[low:high])


def _line_of(credit: tuple[int, str]) -> int:
    return credit[0]


def _dated(shown: str | None, given: str | None) -> str | None:
    """The page's date, or `given` (a clipping's front matter) where the page shows none or
    shows the same day without its year (`Jun 22` and `2026-06-22`): the year makes it whole."""
    if shown is None:
        return given
    if given is None or _ISO.fullmatch(shown) or not _ISO.fullmatch(given):
        return shown
    try:
        day = datetime.strptime(f"{shown.replace('.', '')} 2000", "%b %d %Y")
    except ValueError:
        try:
            day = datetime.strptime(f"{shown.replace('.', '')} 2000", "%d %b %Y")
        except ValueError:
            return shown
    return given if given[5:] == day.strftime("%m-%d") else shown
