"""What a page says of the threads laid out from it: author, handle, date and length.

After a page source is laid out, each of its threads gets the metadata of the chrome lines
skipped between the thread before it and itself (and of those right after it, where a hashtag
listing puts `Read N tweets`), read by `page_meta`. Those lines stay listed in `skipped`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from ..given import ThreadMeta
from ..page_meta import dated_teaser_lines, listing_handle, only_teaser_lines, page_meta

if TYPE_CHECKING:
    from ..corpus import Corpus

_UNSAID = ThreadMeta()
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


class PageState(NamedTuple):
    """What the threads of a page read so far tell the ones after them."""

    listing: str | None = None
    """The handle of the `More from @x` listing the threads laid out now are teasers of."""
    names: dict[str, str] = {}  # noqa: RUF012 (never changed: a reader copies it)
    """Each handle's display name, as the page's headers gave it."""
    previous: ThreadMeta | None = None
    """What the page said of the thread before, while the threads are an author page's."""


def attach_page_meta(
    corpus: Corpus,
    first_thread: int,
    first_skipped: int,
    fallback: ThreadMeta = _UNSAID,
    *,
    state: PageState = PageState(),  # noqa: B008 (a tuple, never changed)
    above: Sequence[str] = (),
    below: Sequence[str] = (),
) -> PageState:
    """Give the threads from `first_thread` on (one source's, just laid out) what the skipped
    lines from `first_skipped` on say of them; a field the page leaves unsaid is taken from
    `fallback` (a clipping's front matter). For a part of a source laid out alone (`export`
    on two cores): `state` is what the parts above left, `above` the skipped lines after their
    last thread, `below` those of the part under it before its first thread; what this part
    leaves is returned."""
    skipped = corpus.skipped[first_skipped:]
    at = 0
    listing, previous = state.listing, state.previous
    names = dict(state.names)
    for thread in range(first_thread, corpus.thread_count):
        first, last = corpus.first_line(thread), corpus.last_line(thread)
        before: list[str] = list(above) if thread == first_thread else []
        while at < len(skipped) and skipped[at].line < first:
            before.append(skipped[at].text)
            at += 1
        inside: list[str] = []
        while at < len(skipped) and skipped[at].line <= last:
            # Skipped inside the thread (a conversation's lines): not about the next one.
            inside.append(skipped[at].text)
            at += 1
        after: list[str] = []
        ahead = at
        while ahead < len(skipped) and skipped[ahead].line > last:
            following = thread + 1 < corpus.thread_count
            if following and skipped[ahead].line >= corpus.first_line(thread + 1):
                break
            after.append(skipped[ahead].text)
            ahead += 1
        if thread + 1 == corpus.thread_count:
            after += below
        found = page_meta(before, after, inside)
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
        meta = ThreadMeta(
            author=found.author if found.author is not None else fallback.author,
            handle=found.handle if found.handle is not None else fallback.handle,
            date=_dated(found.date, fallback.date),
            declared_posts=found.declared_posts,
        )
        if meta != _UNSAID:
            corpus.thread_meta[thread] = meta
        previous = meta if meta.author is not None or meta.handle is not None else None
    return PageState(listing, names, previous)


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
