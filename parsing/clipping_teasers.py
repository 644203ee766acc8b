"""The teasers of other threads in a clipping: paragraphs that are each one link to a thread on
the unroller (`[Teaser text](https://threadreaderapp.com/thread/…)`).

Under a `More from @x` heading each such paragraph is a teaser of another thread of the
author's: the listing links each teaser to its own thread, and no post of a thread links there
as its whole text. A clipper that keeps only part of the page (a newsletter's, say) may drop the
heading; the teasers are then known by standing together: two or more such paragraphs in a row,
with only blank lines between, are a listing too. One alone stays the text it stands in (a post
that links to another thread). A clipper may also repeat a teaser's hover text on the line under
its link; that line is the clipper's, not the page's.
"""

from __future__ import annotations

import re

from .markdown_inline import Span

_MORE_FROM = re.compile(r"[ \t]*More from @\w{1,20}[ \t]*")
_THREAD_PAGE = re.compile(r"https?://(?:www\.)?threadreaderapp\.com/thread/\d+")
_RUN = 2
"""Teasers that stand together without a heading: a listing of at least two."""


class Teasers:
    """Reads a clipping's lines in order (`read`) and finds where its teasers begin (`starts`,
    1-based lines: each opens a thread of its own)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self._listing = False
        self._run: list[int] = []
        self._last: str | None = None
        """The text of the teaser link on the line above, which the clipper may repeat."""

    def repeats_teaser(self, shown: str) -> bool:
        """Is the line `shown` the text of the teaser link right above it, repeated?"""
        return self._last is not None and shown.strip() == self._last

    def read(self, line: int, shown: str, spans: list[Span], paragraph_open: bool) -> None:
        """Take the clipping's `line`, as `shown` with its link `spans`, `paragraph_open` when
        the line above was text of the same paragraph."""
        text = shown.strip()
        if _MORE_FROM.fullmatch(shown):
            self._end_run()
            self._listing, self._last = True, None
        elif not text:
            self._last = None
        elif not paragraph_open and _is_teaser_link(shown, spans):
            (self.starts if self._listing else self._run).append(line)
            self._last = text
        else:
            self._last = None
            self._end_run()

    def finish(self) -> list[int]:
        """The teasers' starts, once every line is read."""
        self._end_run()
        return sorted(self.starts)

    def _end_run(self) -> None:
        if len(self._run) >= _RUN:
            self.starts += self._run
        self._run = []


def _is_teaser_link(shown: str, spans: list[Span]) -> bool:
    """Is the line `shown` (its link `spans`) one link to a thread on the unroller, as its
    whole text: a listing's teaser?"""
    text = shown.strip()
    first = len(shown) - len(shown.lstrip())
    return any(
        span.start == first
        and span.end == first + len(text)
        and _THREAD_PAGE.match(span.url) is not None
        for span in spans
    )
