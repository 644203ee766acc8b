"""The layout rules that read a page's blocks rather than a thread's lines: a listing's teasers
and a blog's embedded tweets, each known by the chrome line that closes it (how each opens: see
`layout_openings`).

- A listing's teaser starts under a line between teasers or under the listing's heading; it is
  also the text that runs into a line between teasers (`Read N tweets`, the date or length line
  above the next teaser), which is how the first teaser of a listing copied from below its top
  is known. Inside a teaser a 🧵 head is text (see `LayoutBuilder._on_head`).
- A blog that embeds a thread's tweets puts a line under each (`— Name (@handle) March 3,
  2020`). The text above the first embedded tweet (numbered, so that its start is known) and
  the text under the last one that runs into the page's chrome or the copy's end, which no such
  line ends, are the blog's own: each a thread of its own, kept whole rather than dropped as
  chrome (a blogger's introduction may say things the thread does not), never the thread's first
  or last post. (Text under the last tweet that ends in a post number, or stands above a marker,
  is the author's numbering going on: it stays the thread's.)
"""

from __future__ import annotations

from .events import (
    BARE_HEAD,
    CHROME,
    EMBEDS,
    EMOJI,
    END,
    HEAD,
    LISTING_HEAD,
    PASS,
    PICTURE_END,
    START,
    TEASER_EDGE,
    Event,
    next_line,
)
from .layout_trailers import TrailingRules
from .neighbours import line_end
from .tables import PostColumns, SkippedLine, ThreadColumns
from .teaser_tails import teaser_closing_number
from .trailing_numbers import Trailer, first_trailer, trailing_numbers

TEASER_BOUNDS = (TEASER_EDGE, LISTING_HEAD)
"""The numbers of the chrome lines a listing's teaser starts under."""


class PageBlocks(TrailingRules):
    """The teaser and embed rules of `LayoutBuilder`."""

    def __init__(
        self,
        buf: bytes | bytearray,
        source: int,
        posts: PostColumns,
        threads: ThreadColumns,
        skipped: list[SkippedLine],
    ) -> None:
        super().__init__(buf, source, posts, threads, skipped)
        self._after_embed = False
        """Whether the last chrome the thread went on past was the line under a tweet a blog
        embeds (`EMBEDS`)."""
        self.opening_text = -1
        """Where the number opening a teaser under its date line that is its text stands
        (`teaser_openings`; -1: none)."""

    def _begin(self, events: list[Event]) -> None:
        """Start laying out `events`: the text at their start may be a listing's teaser."""
        self._events = events
        self._in_teaser = self._ends_at_teaser_edge(0)

    def _on_start(self, event: Event) -> None:
        """A `START` (a post or thread start the page's markup gave) or a `PICTURE_END`, which
        is only read with the numbers at line ends when the post it stands in closes
        (`_close_post`)."""
        if event.kind == PICTURE_END:
            self.picture_ends.append(Trailer(event.text_start, event.start, event.number))
        elif event.opens:
            self._on_thread_start(event.start)
        else:
            self._on_post_start(event.start)

    def _teaser_under(self, events: list[Event], index: int) -> bool:
        """Whether the text from `events[index]` on is a teaser, chrome just above it (the last
        line before `events[index]`)."""
        # [index - 1][2]: the last chrome line's number.
        return events[index - 1][2] in TEASER_BOUNDS or self._ends_at_teaser_edge(index)

    def _ends_at_teaser_edge(self, index: int) -> bool:
        """Whether the text from `_events[index]` on runs, past head and emoji lines only, into
        a line between a listing's teasers (`TEASER_EDGE`): that text is a teaser too. A
        listing copied from below its top shows its first teaser under nothing, or under chrome
        no teaser follows; the edge under it says what it is, as the edge above says it of the
        others. Asked wherever unnumbered text may open a thread (the source's start, after
        chrome, at a head that opens one), so a source cut there reads the teaser as the whole
        does."""
        at = self._past_lead_lines(index)
        events = self._events
        if at == len(events) or events[at][1] != CHROME or events[at][2] != TEASER_EDGE:
            return False
        self._peeked = max(self._peeked, events[at][0])
        return True

    def _close_teaser_by_its_number(self, edge: Event) -> bool:
        """Close the open unnumbered teaser at `edge`, the line between teasers under it, as
        post 1 when the one number that ends its lines is 1 (`… in short. 1/5`): a teaser
        starts with its thread's first post, and the page bounds it, so that number is the
        author's (as at the end of any post the page bounds, see `_close_by_its_number`). Any
        other single number stays text, and several are read as at any post's close. True when
        closed so."""
        if (
            not self._in_teaser
            or edge.number != TEASER_EDGE
            or self.start < 0
            or self.number
            or self.marker_line >= 0
        ):
            return False
        limit = edge.start
        if trailing_numbers(self.buf, self.start, limit, self._ends_in(limit)):
            return False
        found = teaser_closing_number(self.buf, self.start, limit)
        return found is not None and self._close_by_its_number(limit)

    def _blog_intro_ends(self, start: int) -> bool:
        """Close the open unnumbered post, above the marker `_events[_index]` at `start`, as a
        thread of its own when the marker's post is the first tweet a blog embeds: the post
        above is the blog's words (unless the marker numbers it, alone under it). True when
        closed so."""
        # The line right under the marker: a head or emoji line there may open another thread.
        under = next_line(self._events, self._index + 1)
        if under is None or under.kind != PASS or under.number not in EMBEDS:
            return False
        if self._is_trailer(self._events[self._index]):
            return False  # a bare `1/` under the text it numbers: that text is the first tweet
        self._close_post(start, preamble=True)
        self._close_thread()
        return True

    def _passed_embed(self, events: list[Event], index: int) -> None:
        """Note whether the chrome the thread went on past, up to `events[index]`, ended an
        embedded tweet."""
        self._after_embed = events[index - 1][2] in EMBEDS  # [2]: the number

    def _leave_embedded_thread(self) -> None:
        """At the page's chrome, close the thread whose last post a blog embedded, before the
        text between them, which no embed line ends: the blog's closing words, a thread of its
        own."""
        if self.goes_on and self._after_embed:
            self._close_thread()

    def _part_closing_words(self, stop: int) -> None:
        """Where the thread in progress ends at `stop` (a marker that restarts the numbering or
        opens a thread, a head, the copy's end), move the open post to a thread of its own when
        it is unnumbered text under the last tweet a blog embedded: no embed line ended it, so
        it is the blog's words, as above the page's chrome (`_leave_embedded_thread`). Text
        ending in a post number is a tweet the author numbered (its embed line cut off with the
        copy): it stays."""
        if (
            self.goes_on
            and self._after_embed
            and self.start >= 0
            and self.number == 0
            and first_trailer(self.buf, self.start, stop) is None
        ):
            first = self.start
            self.start = -1
            self._close_thread()
            self._open_unnumbered(first)

    def _on_post_start(self, start: int) -> None:
        """A post of the thread in progress begins at `start`, as the page's markup says: close
        the open post there; the text from `start` on is the next post (see `_adopt_free_text`).
        """
        self._adopt_free_text(start)
        self._close_post(start, bounded=True)
        self.free_from = start
        self.goes_on = self.thread_open
        self._after_embed = False  # the post that goes on ends no embedded tweet

    def _on_thread_start(self, start: int) -> None:
        """Another thread begins at `start`, as the page's markup says (a listing's teaser
        linked to its own thread): close the open post and its thread there; the text from
        `start` on opens the next thread."""
        self._adopt_free_text(start)
        self._close_post(start, bounded=True)
        self._close_thread()
        self.free_from = start
        self.goes_on = False
        self.last_number = 0
        self._after_embed = False

    def _stands_above(self, line: Event, following: Event | None) -> bool:
        """A head or emoji line with only blank lines between it and a marker or another lead."""
        if following is None or following.kind in (CHROME, PASS, START, END):
            return False
        end = line_end(self.buf, line.start)
        if line.kind == HEAD and not BARE_HEAD.fullmatch(self.buf, line.start, end):
            return False  # "THREAD: Here is why …" is a post of its own
        return not self._text_below(end, following.start)

    def _past_lead_lines(self, index: int) -> int:
        """The index of the first event from `_events[index]` on that is no head or emoji line
        (nor a `PICTURE_END`, no line at all)."""
        events = self._events
        while index < len(events) and events[index][1] in (HEAD, EMOJI, PICTURE_END):  # the kind
            index += 1
        return index
