"""The open post and thread of one source, written into the corpus columns.

`PostColumnWriter` holds the state the layout reads and writes as it goes (the open post's
start, text, marker hole and number; the open thread; where free text may begin) and writes a
post out: its text bounds (whitespace trimmed, the marker's hole), its line numbers and number.
How an open post closes, as one post or several, is `layout_posts.PostWriter`'s.
"""

from __future__ import annotations

from .events import Event
from .neighbours import WHITESPACE, skip_whitespace, trim_end
from .tables import PostColumns, SkippedLine, ThreadColumns
from .trailing_numbers import Trailer


class PostColumnWriter:
    """The open post and thread of one source, and the columns they are written to."""

    def __init__(
        self,
        buf: bytes | bytearray,
        source: int,
        posts: PostColumns,
        threads: ThreadColumns,
        skipped: list[SkippedLine],
    ) -> None:
        self.buf = buf
        self.source = source
        self.posts = posts
        self.threads = threads
        self.skipped = skipped
        self._line_pos = 0
        self._line_no = 1
        # The open post, if any (start < 0: none). Its continuation lines begin at `cont_start`.
        self.start = -1
        self.first_line = 0
        self.text_start = 0
        self.hole = (0, 0)
        self.number = 0
        self.marker_line = -1
        """Where the open post's marker line starts (-1: unnumbered)."""
        self.min_end = 0
        """The open post reaches at least this far: its first line's text or marker."""
        self.thread_open = False
        self.last_number = 0
        self.free_from = 0
        """Where unassigned text may begin while no post is open."""
        self.goes_on = False
        """The thread goes on past the chrome that closed the last post (`layout.PASS`), and
        the open post, if any, is one of its posts after such chrome."""
        self.page_bounded = False
        """The open post began where the page said a post begins (after `PASS` chrome or a
        post start its markup gave): where the page ends it too, its end is a post's end."""
        self.picture_ends: list[Trailer] = []
        """The numbers that end a post in the middle of a line, each before a picture's mark
        (`picture_ends`), in order: read with the numbers at line ends of the unnumbered post
        they stand in when it closes."""
        self.glued_numbers = False
        """The next numbered post to close is a teaser's that may hold the numbers of the posts
        after it glued in the middle of its lines (`teaser_glued`)."""
        self.under_chrome = -1
        """Where the text under the last block of page chrome begins (-1: none yet)."""
        self.closing_at_chrome = False
        """Whether the post being closed ends where page chrome begins."""
        self.closing_at_footer = False
        """Whether that chrome is a standard-tweet unroller's footer (`UNROLLER_FOOTER`)."""
        self.under_header = False
        """Whether the chrome above `under_chrome` holds threader.app's `UNROLLER_HEADER`."""
        self._in_teaser = False
        """Whether the open post is a listing's teaser: unnumbered text right under a line
        between teasers or a listing's heading, or right above a line between teasers (see
        `LayoutBuilder._ends_at_teaser_edge`)."""

        self.under_label = -1
        """Where the text under the label that the open post's opening paragraph goes on past
        begins (`PageOpenings._labels_intro`; -1: none)."""

    def _open_marker_post(self, line: Event, start: int, lead: Event | None) -> None:
        self.goes_on = self.page_bounded = False
        self.under_label = -1
        if not self.thread_open:
            self._open_thread()
        self.start = start
        self.first_line = self._line_at(start)
        self.number = self.last_number = line.number
        text_start = line.text_start
        self.min_end = text_start
        if lead is None:
            self.text_start = text_start
            self.hole = (text_start, text_start)
        else:
            self.text_start = start
            self.hole = (line.start, text_start)
        self.marker_line = line.start

    def _open_unnumbered(self, start: int) -> None:
        self.goes_on = self.page_bounded = False
        self.under_label = -1
        if not self.thread_open:
            self._open_thread()
        self.start = self.text_start = start
        self.first_line = self._line_at(start)
        self.number = 0
        self.hole = (start, start)
        self.min_end = start + 1
        self.marker_line = -1

    def _record_skipped(self, line: Event) -> None:
        """Record `line` as chrome, in no post (each layout records what it needs of it)."""
        raise NotImplementedError

    def _append_post(self, limit: int, text_limit: int | None = None) -> None:
        buf = self.buf
        start = self.start
        content_end = limit
        while content_end > start and buf[content_end - 1] in WHITESPACE:
            content_end -= 1
        # A marker blanked out (`2/Text`, `1/n`) still ends its line: never end before it.
        content_end = max(content_end, self.min_end)
        text_start = self.text_start
        if text_limit is None:
            text_end = content_end if content_end > text_start else text_start
        else:
            text_end = trim_end(buf, text_start, text_limit)
        hole_start, hole_end = self.hole
        if hole_start == hole_end:
            if text_start < text_end and buf[text_start] in WHITESPACE:
                text_start = min(skip_whitespace(buf, text_start, len(buf)), text_end)
            hole_start = hole_end = text_start
        elif hole_end >= text_end:
            # Nothing follows the marker: the post is its lead lines alone.
            text_end = hole_start = hole_end = trim_end(buf, text_start, hole_start)
        posts = self.posts
        if hole_start != hole_end:
            posts.holes[len(posts)] = (hole_start, hole_end)
            posts.with_holes.append(len(posts))
        posts.text_start.append(text_start)
        posts.text_end.append(text_end)
        posts.first_line.append(self.first_line)
        posts.last_line.append(self.first_line + buf.count(b"\n", start, content_end - 1))
        posts.number.append(self.number)
        self.start = -1
        self.free_from = limit

    def _adopt_free_text(self, stop: int) -> bool:
        """With no post open, make text before `stop` an unnumbered post: of the thread still
        open when the post above was closed by its number at the end (see `layout_trailers`),
        else the first post of a new thread."""
        if self.start >= 0:
            return False
        first = self._first_text_line(self.free_from, stop)
        if first is None:
            return False
        if not self.last_number:
            self._close_thread()
        self._open_unnumbered(first)
        return True

    def _open_thread(self) -> None:
        self.thread_open = True
        self.last_number = 0

    def _close_thread(self) -> None:
        self.goes_on = False
        if not self.thread_open:
            return
        threads = self.threads
        if len(self.posts) > threads.first_post[-1]:
            threads.source.append(self.source)
            threads.first_post.append(len(self.posts))
        self.thread_open = False
        self.last_number = 0

    def _line_at(self, pos: int) -> int:
        """The 1-based line number of `pos`; positions must be asked for in increasing order."""
        if pos >= self._line_pos:
            self._line_no += self.buf.count(b"\n", self._line_pos, pos)
        else:
            self._line_no -= self.buf.count(b"\n", pos, self._line_pos)
        self._line_pos = pos
        return self._line_no

    def _first_text_line(self, start: int, stop: int) -> int | None:
        text = skip_whitespace(self.buf, start, stop)
        if text >= stop:
            return None
        return max(self.buf.rfind(b"\n", start, text) + 1, start)
