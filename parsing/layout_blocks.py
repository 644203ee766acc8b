"""The layout rules that read a page's blocks rather than a thread's lines: a listing's teasers
and a blog's embedded tweets, each known by the chrome line that closes it, and a page's opening
paragraph above a thread's label.

- A listing's teaser starts under a line between teasers or under the listing's heading; it is
  also the text that runs into a line between teasers (`Read N tweets`, the date or length line
  above the next teaser), which is how the first teaser of a listing copied from below its top
  is known. Inside a teaser a 🧵 head is text (see `LayoutBuilder._on_head`).
- A blog that embeds a thread's tweets puts a line under each (`— Name (@handle) March 3,
  2020`). The text above the first embedded tweet (numbered, so that its start is known) and
  the text under the last one that runs into the page's chrome, which no such line ends, are the
  blog's own: each a thread of its own, kept whole rather than dropped as chrome (a blogger's
  introduction may say things the thread does not), never the thread's first or last post.
  (Under the last tweet at the end of a copy, or above a marker, the text may be the start of a
  tweet the copy cut: it stays the thread's.)
- A page that opens with one paragraph of unnumbered text, then, a blank line apart, a bare
  `Thread 🧵` line, shows one thread: the paragraph announces the thread the label heads
  (`Here is a short guide to tides.`, then `Thread 🧵`), as its author wrote them in one first
  tweet. The label separates two threads only where a thread stands above it (numbered posts,
  several paragraphs). So the paragraph stays open past the label: it is the first post's start
  when the author numbers at line ends (`/1` under the text ends it), the thread's unnumbered
  lead when the label stands right above `1/` (see `_labels_intro`).
"""

from __future__ import annotations

import re

from .events import (
    BARE_HEAD,
    CHROME,
    EMBED_END,
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
from .lines import line_end
from .neighbours import BLANK
from .pictures import picture_after
from .tables import PostColumns, SkippedLine, ThreadColumns
from .trailing_numbers import Trailer, last_trailer, trailing_numbers

_BLANK_LINE = re.compile(rb"\n[ \t\r]*\n\s*")
"""A blank line between two paragraphs, with the blanks up to the next one's text."""
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
        embeds (`EMBED_END`)."""

    def _begin(self, events: list[Event]) -> None:
        """Start laying out `events`: the text at their start may be a listing's teaser."""
        self._events = events
        self._in_teaser = self._ends_at_teaser_edge(0)

    def _on_start(self, event: Event) -> None:
        """A `START` (a post start the page's markup gave) or a `PICTURE_END`, which is only
        read with the numbers at line ends when the post it stands in closes (`_close_post`)."""
        if event.kind == PICTURE_END:
            self.picture_ends.append(Trailer(event.text_start, event.start, event.number))
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
        ends = self._picture_ends_in(limit) if self.picture_ends else ()
        if trailing_numbers(self.buf, self.start, limit, ends):
            return False
        found = last_trailer(self.buf, self.start, limit)
        return found is not None and found.number == 1 and self._close_by_its_number(limit)

    def _closes_teasers_first_post(self, line: Event) -> bool:
        """Close the open teaser as post 1 at the marker `line` numbered 1 with text above it
        in the teaser (`… The Edfu texts⏎1/8 In his book …`): a teaser shows its thread from the
        start, so the text above is the first post's, and a `1/` under it can only be that
        post's number, written at its end on a line of its own; the text the teaser runs on
        after it, on its line or under it, is the next post, unnumbered. A picture's
        `Image` right after the number is the first post's picture, as after any number that
        ends a post (`picture_ends`). True when closed so."""
        buf = self.buf
        if (
            line.number != 1
            or self._is_trailer(line)  # `1/` alone, read as under any text it numbers
            or self.start < 0
            or self.number
            or self.marker_line >= 0
            or self.goes_on
            or len(self.posts) > self.threads.first_post[-1]  # the thread shows a post above
            or not self._under_teaser_edge()
        ):
            return False
        end = line_end(buf, line.start)
        after = picture_after(buf, line.text_start, end)
        text = self._first_text_line(after, end)
        self.number = self.last_number = 1
        self.min_end = max(self.min_end, line.text_start)  # the number's line is the post's
        self._append_post(after if text is not None else end, text_limit=line.start)
        if text is not None:
            self._open_unnumbered(after)
        return True

    def _teaser_numbered_by(self, marker: Event) -> bool:
        """Whether the teaser that starts at `free_from` runs into `marker`, the first line of
        structure under it, and `marker` may end its first post (`_closes_teasers_first_post`):
        then the teaser goes on to it. (Any other marker ends it, with no head line between.)"""
        return (
            marker.number == 1 and self._first_text_line(self.free_from, marker.start) is not None
        )

    def _under_teaser_edge(self) -> bool:
        """Whether the open post stands right under a line between a listing's teasers or its
        heading, past head and emoji lines: a teaser (asked at the marker `_events[_index]`,
        which has ended `_in_teaser`, the state of the text above a head line)."""
        events = self._events
        above = self._index - 1
        while above >= 0 and events[above][1] in (HEAD, EMOJI, PICTURE_END):  # [1]: the kind
            above -= 1
        return above >= 0 and events[above][1] == CHROME and events[above][2] in TEASER_BOUNDS

    def _blog_intro_ends(self, start: int) -> bool:
        """Close the open unnumbered post, above the marker `_events[_index]` at `start`, as a
        thread of its own when the marker's post is the first tweet a blog embeds: the post
        above is the blog's words (unless the marker numbers it, alone under it). True when
        closed so."""
        # The line right under the marker: a head or emoji line there may open another thread.
        under = next_line(self._events, self._index + 1)
        if under is None or under.kind != PASS or under.number != EMBED_END:
            return False
        if self._is_trailer(self._events[self._index]):
            return False  # a bare `1/` under the text it numbers: that text is the first tweet
        self._close_post(start, preamble=True)
        self._close_thread()
        return True

    def _part_intro_from_first_embed(self, line: Event) -> None:
        """At the line under the first tweet a blog embeds (`line`, `EMBED_END`), with the open
        post unnumbered text since the page's chrome: close the blog's words above the tweet as
        a thread of their own, as above a numbered first tweet (`_blog_intro_ends`), the tweet
        opening the thread. Unnumbered, the tweet's start is its block's: an embedded tweet is
        one paragraph (its line breaks single) set apart from the blog's, so it is the last
        paragraph above the line; in a copy that kept no blank line, the last line."""
        if (
            line.number != EMBED_END
            or self.start < 0
            or self.number
            or self.marker_line >= 0
            or self.goes_on
            or len(self.posts) > self.threads.first_post[-1]
        ):
            return
        tweet = _last_block(self.buf, self.start, line.start)
        if tweet <= self.start:
            return  # the tweet alone: no words of the blog's above it
        self._close_post(tweet, preamble=True)
        self._close_thread()
        self._open_unnumbered(tweet)

    def _passed_embed(self, events: list[Event], index: int) -> None:
        """Note whether the chrome the thread went on past, up to `events[index]`, ended an
        embedded tweet."""
        self._after_embed = events[index - 1][2] == EMBED_END  # [2]: the number

    def _leave_embedded_thread(self) -> None:
        """At the page's chrome, close the thread whose last post a blog embedded, before the
        text between them, which no embed line ends: the blog's closing words, a thread of its
        own."""
        if self.goes_on and self._after_embed:
            self._close_thread()

    def _on_post_start(self, start: int) -> None:
        """A post of the thread in progress begins at `start`, as the page's markup says: close
        the open post there; the text from `start` on is the next post (see `_adopt_free_text`).
        """
        self._adopt_free_text(start)
        self._close_post(start, bounded=True)
        self.free_from = start
        self.goes_on = self.thread_open
        self._after_embed = False  # the post that goes on ends no embedded tweet

    def _stands_above(self, line: Event, following: Event | None) -> bool:
        """A head or emoji line with only blank lines between it and a marker or another lead."""
        if following is None or following.kind in (CHROME, PASS, START, END):
            return False
        end = line_end(self.buf, line.start)
        if line.kind == HEAD and not BARE_HEAD.fullmatch(self.buf, line.start, end):
            return False  # "THREAD: Here is why …" is a post of its own
        return not self._text_below(end, following.start)

    def _labels_intro(self, head: int) -> bool:
        """Whether the bare head line at `head` labels the thread that the open post, one
        paragraph of unnumbered text opening the source or following chrome, introduces (see
        the module's docstring): the post then goes on past the label."""
        buf = self.buf
        if (
            self.start < 0
            or self.number
            or self.marker_line >= 0
            or self.goes_on
            or self._in_teaser
            or self.last_number
            or len(self.posts) > self.threads.first_post[-1]  # a post of the thread above it
            or not BARE_HEAD.fullmatch(buf, head, line_end(buf, head))
        ):
            return False
        # One paragraph, then a blank line: a label right under a line may as well open the
        # next thread of a copy that runs two threads together.
        text_end = head
        while text_end > self.start and buf[text_end - 1] in b" \t\r\n":
            text_end -= 1
        if buf.count(b"\n", text_end, head) < 2:
            return False
        line = self.start
        while line < text_end:
            end = line_end(buf, line)
            if BLANK.fullmatch(buf, line, end):
                return False
            line = end + 1
        return True

    def _past_lead_lines(self, index: int) -> int:
        """The index of the first event from `_events[index]` on that is no head or emoji line
        (nor a `PICTURE_END`, no line at all)."""
        events = self._events
        while index < len(events) and events[index][1] in (HEAD, EMOJI, PICTURE_END):  # the kind
            index += 1
        return index


def _last_block(buf: bytes | bytearray, start: int, stop: int) -> int:
    """Where the last paragraph of the text `buf[start:stop]` (from a line start) begins, or,
    when no blank line parts it, its last line."""
    end = stop
    while end > start and buf[end - 1] in b" \t\r\n":
        end -= 1
    if end <= start:
        return start
    last = -1
    for gap in _BLANK_LINE.finditer(buf, start, end):
        last = gap.end()
    return last if last >= 0 else buf.rfind(b"\n", start, end) + 1 or start
