"""Threads and posts from one source's marked lines: the Thread Reader App layout rules.

Only marker, head, emoji-only and chrome lines are visited; the ordinary lines between them are
never looked at one by one, they simply extend the post above them. That keeps the cost at a few
operations per post, whatever the text's length.

The rules, in the order they apply:

- chrome ends the thread in progress; text after it starts a new one. Chrome the thread goes on
  past (`PASS`: a conversation's lines on old twitter.com) ends only the post in progress; text
  after it is an unnumbered post of the same thread (a listing's teasers and a blog's embedded
  tweets are known by the chrome that bounds them: see `layout_passing`, `layout_blocks`);
- a `THREAD`/🧵 head line opens a thread; with emoji-only lines, a head directly above a marker
  belongs to the post under it;
- a marker not higher than the thread's last one restarts numbering: a new thread, whose first
  post is taken from the unnumbered lines just above the marker (see `thread_starts`);
- unnumbered lines that open a thread form its first post: post 1 when `2/` follows, and a bare
  marker line under them (`1/n`) numbers them, as do the trailing numbers of `layout_trailers`;
- any other line belongs to the post above it.

The layout also says where it starts afresh (`fresh`, when asked): where all is closed and the
rest is laid out as at a source's start, so a source may be cut there (`split_points`); the rule
that makes each such point records it, so no other module has to predict these rules.
"""

from __future__ import annotations

import re

from .events import (
    CHROME,
    DATE,
    END,
    HEAD,
    MARKER,
    PASS,
    PICTURE_END,
    START,
    UNROLLER_FOOTER,
    UNROLLER_HEADER,
    Event,
    end_of_run,
)
from .layout_dates import date_numbers_post
from .layout_passing import PassingChrome
from .neighbours import WHITESPACE, line_end, skip_whitespace
from .tables import PostColumns, SkippedLine, ThreadColumns
from .thread_starts import first_post_start

_FIRST_LIST_NUMBER = re.compile(rb"1[.)][ \t]")  # perhaps a page's thread numbered as a list


class LayoutBuilder(PassingChrome):
    """Appends the threads and posts of one source to shared columns: the rules that decide
    where posts and threads begin and end (the columns are written by
    `layout_writer.PostColumnWriter`)."""

    def __init__(
        self,
        buf: bytes | bytearray,
        source: int,
        posts: PostColumns,
        threads: ThreadColumns,
        skipped: list[SkippedLine],
    ) -> None:
        super().__init__(buf, source, posts, threads, skipped)
        self.chrome_texts = {}
        """The text of each chrome line by its start, taken before the line was blanked."""
        self.credits = []
        self.fresh: list[int] | None = None
        """When a list, the positions where the layout starts afresh are appended to it: nothing
        is open there, and a source that began there would be laid out exactly as what follows
        is laid out here, and nothing before it looked past it (see `_peeked`)."""
        self._in_listing = False
        """Whether a chrome line that made dates under it chrome (a listing's `More from @x`)
        stands above with no marker since: a source cut here would not see it."""
        self._marker_ends_teaser = False
        """Whether the marker being laid out ended a listing's teaser. It closes the teaser's
        post as text no longer a teaser's, where a source that ended above the marker would
        close it as a teaser's (`PostWriter._close_post`): no fresh start there."""

    def build(self, events: list[Event]) -> None:
        lead: Event | None = None
        lead_opens = False
        self._begin(events)
        last = len(events) - 1
        index = -1
        while index < last:
            index += 1
            event = events[index]
            kind = event.kind
            if kind == MARKER:
                # A numbered post ends a listing (`teaser_dates`), a fraction opening a
                # teaser's line does not.
                self._in_listing = self._in_listing and self._reads_as_text(event)
                self._marker_ends_teaser, self._in_teaser = self._in_teaser, False
            elif kind == DATE:
                if not self._date_numbers_post(events, index):
                    lead, lead_opens = None, False  # a date opening a line of text
                    continue
                event, kind = event._replace(kind=MARKER), MARKER
            if kind == MARKER:
                if lead is None and self.number and self.start >= 0:
                    stop = end_of_run(events, index, self.last_number)
                    if stop > index:
                        # The common case: the next posts of the thread in progress.
                        self._close_post(event.start)
                        self._open_marker_post(event, event.start, None)
                        index = self._run_of_posts(events, index + 1, stop) - 1
                        continue
                self._index = index
                self._on_marker(event, lead, lead_opens or event.opens)
                self._marker_ends_teaser = False
                lead, lead_opens = None, False
            elif kind == CHROME:
                index = self._on_chrome(events, index) - 1
                lead, lead_opens = None, False
            elif kind == END:
                self._on_end(event, index)
                lead, lead_opens = None, False
            elif kind == PASS:
                index = self._on_passing(events, index) - 1
                lead, lead_opens = None, False
            elif kind in (START, PICTURE_END):
                self._on_start(event)
                lead, lead_opens = None, False
            elif self._stands_above(event, events[index + 1] if index < last else None):
                lead = lead or event
                lead_opens = lead_opens or kind == HEAD
            elif kind == HEAD:
                self._on_head((lead or event).start, index)
                lead, lead_opens = None, False
            else:
                lead, lead_opens = None, False  # an emoji line amid text is just text
        self._finish()

    def _on_head(self, start: int, index: int) -> None:
        """A `THREAD`/🧵 head line `events[index]` (or its lead lines) at `start` opens a thread,
        except inside a listing's teaser: a teaser runs from one line between teasers to the
        next, and the 🧵 an author ends a first post with (alone on a line, or leading the next
        post) is text of the teaser there, not the start of another."""
        if self._in_teaser and (self._adopt_free_text(start) or self.start >= 0):
            return  # the teaser's text above it, now its open unnumbered post, goes on
        self._adopt_free_text(start)
        if self._labels_intro(start):
            return  # the page's opening paragraph goes on past its label (`layout_openings`)
        self._part_closing_words(start)
        self._close_post(start)
        self._close_thread()
        # A teaser still, under a line between teasers; a teaser too, if it runs into one.
        self._in_teaser = self._in_teaser or self._ends_at_teaser_edge(index + 1)
        self._starts_afresh(start)
        self._open_unnumbered(start)

    def _date_numbers_post(self, events: list[Event], index: int) -> bool:
        """Whether the DATE `events[index]` numbers a post here (see `layout_dates`)."""
        numbers, read_to = date_numbers_post(
            self.buf, events, index, self.last_number, self.marker_line
        )
        self._peeked = max(self._peeked, read_to)
        return numbers

    def _run_of_posts(self, events: list[Event], index: int, stop: int) -> int:
        """Lay out the plain posts of `events[index:stop]`, markers that continue the thread in
        progress with no lead line above them (see `end_of_run`), and return `stop`; everything
        else is handled one event at a time by `build`.

        This is the path almost every post takes, so it keeps its state in local variables and
        its columns in lists, added to the arrays once at the end (a list appends faster).
        """
        self._marker_ends_teaser = False  # the marker above has closed the post it ended
        buf = self.buf
        columns: tuple[list[int], ...] = ([], [], [], [], [])
        starts, ends, first_lines, last_lines, numbers = columns
        count = buf.count
        whitespace = WHITESPACE
        # The open post starts on line `first_line`, at `start`; the lines are counted from there.
        start, text_start, first_line = self.start, self.text_start, self.first_line
        number = self.number
        for limit, _, next_number, next_text_start, _ in events[index:stop]:
            end = limit
            while end > start and buf[end - 1] in whitespace:
                end -= 1
            # The marker may have been blanked: the post still ends no earlier than it does.
            text_end = end if end > text_start else text_start
            if text_start < text_end and buf[text_start] in whitespace:
                text_start = min(skip_whitespace(buf, text_start, len(buf)), text_end)
            starts.append(text_start)
            ends.append(text_end)
            first_lines.append(first_line)
            inside = count(b"\n", start, text_end - 1)
            last_lines.append(first_line + inside)
            numbers.append(number)
            # One newline usually ends the post: `buf[limit - 1]` is one, `buf[text_end - 1]` never.
            after = 1 if limit - text_end == 1 else count(b"\n", text_end - 1, limit)
            first_line += inside + after
            start = limit
            number = next_number
            text_start = next_text_start
        posts = self.posts
        posts.text_start.extend(starts)
        posts.text_end.extend(ends)
        posts.first_line.extend(first_lines)
        posts.last_line.extend(last_lines)
        posts.number.extend(numbers)
        self.marker_line = start
        self.start, self.text_start, self.first_line = start, text_start, first_line
        self.min_end = text_start
        self.number = self.last_number = number
        self.hole = (text_start, text_start)
        self._line_pos, self._line_no = start, first_line
        self.free_from = start
        return stop

    # -- events -------------------------------------------------------------------------------

    def _on_marker(self, line: Event, lead: Event | None, opens: bool) -> None:
        start = lead.start if lead is not None else line.start
        if (
            self.start < 0
            and self.thread_open
            and self.last_number
            and not self.goes_on
            and self._after_trailer(line, start, lead, opens)
        ):
            return
        restarts = opens or line.number <= self.last_number
        if self.start < 0 and not self._adopt_free_text(start) and restarts:
            self._close_thread()
            self._starts_afresh(start)
        if self.start >= 0 and self.number == 0 and not self.goes_on:
            if opens and lead is not None and self._labels_intro(lead.start):
                self._close_post(start, preamble=True)  # the thread's lead (`layout_openings`)
            elif opens and not self._is_trailer(line):
                self._close_post(start)
                self._close_thread()
                self._starts_afresh(start)
            elif self._end_preamble(line, start):
                return
            elif line.number <= self.last_number:  # numbered at line ends, now restarting
                self._close_thread()
        elif self.start >= 0:
            if opens and not self._is_trailer(line):
                self._part_closing_words(start)
                self._close_post(start)
                self._close_thread()
                self._starts_afresh(start)
            elif opens or line.number <= self.last_number:
                if self._restart(line, start):
                    return
            else:
                self._close_post(start)
        self._open_marker_post(line, start, lead)

    def _end_preamble(self, line: Event, start: int) -> bool:
        """Close the thread's unnumbered first post above `line`; True if `line` was its number."""
        if self._is_trailer(line) and self._close_by_line_end_number(line, start):
            return True
        if start == line.start and self._closes_teasers_first_post(line):
            return True
        if self._blog_intro_ends(start):
            return False  # the first embedded tweet opens the thread (see `layout_blocks`)
        split = self._preamble_split(self.start, start)
        if split is not None and not self._labels_intro(split):
            self._close_post(split)
            self._close_thread()
            self._open_unnumbered(split)
        if self._is_trailer(line):
            # `1/n` alone under the text it numbers.
            self._close_by_trailer(line, line.number)
            return True
        self._number_as_first(line.number)
        self._close_post(start, preamble=True)
        return False

    def _preamble_split(self, first: int, start: int) -> int | None:
        """Where, in the unnumbered text from `first` up to the marker (or its lead) at `start`
        that opens a thread, a first post begins after some text of its own; None if none."""
        split = first_post_start(self.buf, first, start, guess_without_cue=False)
        return split if split is not None and self._thread_above_cue(first, split, start) else None

    def _restart(self, line: Event, start: int) -> bool:
        """Close the thread in progress where `line` restarts its numbering (or opens a thread
        as a trailing `🧵1/10`); True if `line` numbered the new thread's first post."""
        number = line.number
        # `_is_trailer`, its first test inline: this runs at every restart.
        buf, after = self.buf, line.text_start
        trailing = (after >= len(buf) or buf[after] == 0x0A) and self._numbers_text_above(
            self._index
        )
        continuation = (
            min(line_end(self.buf, self.marker_line) + 1, start)
            if self.marker_line >= 0
            else self.start  # an unnumbered post after chrome the thread goes on past
        )
        split = first_post_start(
            self.buf, continuation, start, guess_without_cue=trailing or number == 2
        )
        if split is None:
            self._part_closing_words(start)
            self._close_post(start)
            self._close_thread()
            self._starts_afresh(start)
            return False
        if split > self.start:
            self._part_closing_words(split)
            self._close_post(split)
        else:
            # The open post is unnumbered text after chrome the thread went on past, and all
            # of it is the new thread's first post: it moves there whole, leaving no part behind.
            self.start = -1
        self._close_thread()
        # A source that began at `split` would take the text above `line` for its preamble:
        # the same first post, as long as that rule finds no other split in it and `line` does
        # not restart after numbers found at its line ends.
        # (Asked only when the points are recorded: it costs a second look at the lines.)
        same_as_a_preamble = self.fresh is not None and self._preamble_split(split, start) is None
        self._open_unnumbered(split)
        if trailing:
            self._close_by_trailer(line, number)
            if same_as_a_preamble:
                self._starts_afresh(split)
            return True
        if self._blog_intro_ends(start):
            return False  # as at the start of a source (`_end_preamble`)
        self._number_as_first(number)
        self._close_post(start, preamble=True)
        if same_as_a_preamble and number > self.last_number:
            self._starts_afresh(split)
        return False

    def _on_chrome(self, events: list[Event], index: int) -> int:
        """Close what is open at the chrome line `events[index]` and record it, with the chrome
        lines that follow it with only blank lines between (a page's chrome comes in blocks),
        which find nothing open. Returns the index of the first event after them."""
        start = events[index].start
        self._leave_embedded_thread()
        self._adopt_free_text(start)
        if not self._close_teaser_by_its_number(events[index]):
            self.closing_at_chrome = True
            self.closing_at_footer = events[index][2] == UNROLLER_FOOTER  # [2]: number
            self._close_post(start)
            self.closing_at_chrome = self.closing_at_footer = False
        self._close_thread()
        buf, record, free_from = self.buf, self._record_skipped, start
        self.under_header = False
        while index < len(events):
            event = events[index]
            if event[1] != CHROME or buf[free_from : event[0]].strip():  # [1]: kind, [0]: start
                break
            record(event)
            self.under_header = self.under_header or event[2] == UNROLLER_HEADER
            self._in_listing = self._in_listing or event[4]  # [4]: opens a listing
            free_from = event[3] + 1  # [3]: the line's end
            index += 1
        self.free_from = self.under_chrome = free_from
        self._in_teaser = self._teaser_under(events, index)
        if index < len(events) and events[index][1] == MARKER:
            # No date between here and the marker that ends the listing; a fraction opening
            # a teaser's line ends none (as in `build`).
            marker = events[index]
            self._lead_teaser_from(events, index)
            self._in_listing = self._in_listing and self._reads_as_text(marker)
        if not self.under_header and not _FIRST_LIST_NUMBER.match(
            buf, skip_whitespace(buf, free_from, len(buf))
        ):
            # A source cut here would not see the chrome that frames the thread under it: an
            # unroller's header over tweets run together (`standard_tweets`), a list numbered
            # from `1.` (`list_numbers`). No fresh start there.
            self._starts_afresh(min(free_from, len(buf)))
        return index

    def _record_skipped(self, line: Event) -> None:
        text = self.chrome_texts.get(line.start)
        if text is None:
            text = bytes(self.buf[line.start : line.text_start]).decode("utf-8", "replace")
        self.skipped.append(SkippedLine(self.source, self._line_at(line.start), text))

    def _finish(self) -> None:
        self._adopt_free_text(len(self.buf))
        self._part_closing_words(len(self.buf))
        self._close_post(len(self.buf))
        self._close_thread()

    def _starts_afresh(self, pos: int) -> None:
        """Record that the layout starts afresh at `pos` (everything before it is closed), unless
        a decision above read past `pos`, a listing above makes dates below it chrome, the
        text below is a listing's teaser (a source cut here would not know it is one), or the
        post above is a teaser a marker ended (`_marker_ends_teaser`)."""
        if (
            self.fresh is not None
            and pos >= self._peeked
            and not self._in_listing
            and not self._in_teaser
            and not self._marker_ends_teaser
        ):
            self.fresh.append(pos)
