"""Posts numbered by a line of their own under their text: `1/`, `🧵1/10`, `[2/n]`, `end/`.

Some authors end each post with its number on a line alone, so a copied page reads

    How the ferry timetable changed
    1/
    Winter sailings now leave at seven
    2/
    end/

A bare marker line is read the usual way, as the start of the post under it, unless the run of
bare marker lines it begins shows the other style: each has text above it, and the last one (or
an `end/` line after them) has no text under it before the next line of structure (the run may
restart its numbers: two threads numbered this way, one after the other). Read as leading
numbers, that run would leave its last post empty, which no author writes; read as trailing
numbers, every post has its text and its number. A run whose last marker has text under it stays
leading (`1/` then its text): with nothing to tell the two apart, the reading that has served
the pages so far wins. One thing tells them apart: text ending a sentence above a bare `1/`,
where the thread begins. An author who numbers first writes `1/` at the start of the first post,
so under leading numbers that text would be a post before post 1; written after its text, `1/`
closes it. The run is then trailing even when text follows its last number: that text is a post
whose number was not copied (a page cut off in it, or one the next thread's marker follows: a
marker with text of its own ends the run as the copy's end does). A copy that starts mid-thread
has no `1/`: there the run must rise by one from its first number, each number set off from the
text above it by a blank line and followed by text on the very next line, as an unroller joins
the author's paragraphs (the number one of them) and, with a single line break, the next post;
read as leading, every post would begin with a blank line before its number.

After a post closed by its number, the text up to the next number belongs to the same thread: a
trailing number that continues the run numbers it, any other marker leaves it an unnumbered post
of the thread (or, when the marker restarts numbering, the rules of a restart decide how much of
it opens the new thread).
"""

from __future__ import annotations

from .events import END, MARKER, Event, next_line
from .layout_posts import PostWriter
from .neighbours import line_end, skip_whitespace, trim_end
from .pictures import ends_sentence
from .tables import PostColumns, SkippedLine, ThreadColumns
from .thread_starts import announces, first_post_start
from .trailing_numbers import MID_THREAD_RUN, first_trailer, last_trailer


class TrailingRules(PostWriter):
    """The trailing-number rules of `LayoutBuilder`, and the look below a line they need."""

    def __init__(
        self,
        buf: bytes | bytearray,
        source: int,
        posts: PostColumns,
        threads: ThreadColumns,
        skipped: list[SkippedLine],
    ) -> None:
        super().__init__(buf, source, posts, threads, skipped)
        self._events: list[Event] = []
        self._index = 0
        """The index in `_events` of the marker being laid out."""
        self._peeked = 0
        """How far the decisions taken so far read the text below the line they were taken on."""
        self._trailing_to = -1
        """The start of the last bare marker of a run read as trailing by the text opening the
        thread above its `1/`: the markers of that run up to it number the text above them."""

    def _is_trailer(self, line: Event) -> bool:
        """Whether the marker `line` (the event at `_index`) numbers the text above it."""
        # Bare: nothing but the line end after the marker and its spaces (asked at every
        # restart, so without looking for the line's end).
        after = line.text_start
        if after < len(self.buf) and self.buf[after] != 0x0A:
            return False
        if line.start <= self._trailing_to:
            return True
        return self._numbers_text_above(self._index, opening=self._under_opening_text(line))

    def _under_opening_text(self, line: Event) -> bool:
        """Whether the bare `line` stands under the unnumbered text that opens its thread, that
        text ending a sentence (see the module's docstring) but not announcing the posts below
        it (`… a thread 🧵`, `… here's how:`): such an opening is a post of its own, and the
        numbers under it lead."""
        if self.start < 0 or self.number or self.last_number:
            return False
        end = trim_end(self.buf, self.start, line.start)
        return (
            end > self.start
            and ends_sentence(self.buf, self.start, end)
            and not announces(self.buf, self.start, end)
        )

    def _numbers_text_above(self, index: int, *, opening: bool = False) -> bool:
        """Whether the bare line `_events[index]` begins a run of trailing numbers (see the
        module's docstring); `opening`: it stands under the text that opens its thread. Reads
        below the line up to the run's end, and no further."""
        events, buf = self._events, self.buf
        event = first = events[index]
        markers = 0
        set_off = True
        """Whether each number so far rises by one and stands set off as a trailing number does
        in a copy that starts mid-thread."""
        while True:
            end = line_end(buf, event.start)
            if event.kind == MARKER and event.text_start < end:
                return False
            if event.kind == MARKER:
                rises = not markers or event.number == first.number + markers
                set_off = set_off and rises and self._set_off_above(event.start, end)
                markers += 1
            following = next_line(events, index + 1)
            stop = len(buf) if following is None else following.start
            if not self._text_below(end, stop):
                # A number right under another numbers an empty post (its picture was not
                # copied): under the opening text the run reads on past it.
                if not opening or not self._is_bare_marker(following):
                    if opening:
                        self._trailing_to = event.start
                    return True
            elif event.kind == MARKER and self._numbered_on_at_line_ends(event, end, stop):
                return True
            if (
                following is None
                or event.kind == END
                or following.kind not in (MARKER, END)
                # A marker with text of its own ends the run, as the source's end does.
                or (following.kind == MARKER and not self._is_bare_marker(following))
            ):
                if (
                    event.kind == MARKER
                    and opening
                    and self._run_numbers_the_opening(first.number, markers, set_off)
                ):
                    self._trailing_to = event.start
                    return True
                return False
            index = events.index(following, index + 1)
            event = following

    def _is_bare_marker(self, line: Event | None) -> bool:
        """Whether `line` is a marker alone on its line."""
        return (
            line is not None
            and line.kind == MARKER
            and line.text_start >= line_end(self.buf, line.start)
        )

    @staticmethod
    def _run_numbers_the_opening(first: int, markers: int, set_off: bool) -> bool:
        """Whether a run of `markers` bare numbers from `first`, under the text opening its
        thread and with text under its last, is trailing all the same (see the module's
        docstring): from 1, two numbers are enough; past 1, as many as a run found at line
        ends needs, each set off (`set_off`)."""
        if first == 1:
            return markers > 1
        return set_off and markers >= MID_THREAD_RUN

    def _set_off_above(self, start: int, end: int) -> bool:
        """Whether the line `buf[start:end]` has a blank line above it and text on the line
        right under it."""
        buf = self.buf
        above = buf.rfind(b"\n", 0, max(start - 1, 0))
        if start < 1 or skip_whitespace(buf, above + 1, start - 1) < start - 1:
            return False
        below = line_end(buf, end + 1) if end < len(buf) else end
        return end < len(buf) and skip_whitespace(buf, end + 1, below) < below

    def _numbered_on_at_line_ends(self, line: Event, start: int, stop: int) -> bool:
        """Whether the text under the bare marker `line`, up to `stop`, goes on numbering at its
        line ends from the next number (`/1` alone, then `… /2`, `… /3`): the author wrote each
        number after its post, the first on a line of its own. Read as leading, `line` would
        number a post that its text's own numbers start over."""
        following = first_trailer(self.buf, start, stop)
        self._peeked = max(self._peeked, stop)
        return following is not None and following.number == line.number + 1

    def _close_by_trailer(self, line: Event, number: int) -> None:
        """Close the open post at the end of the bare line `line`, which numbers it."""
        self._close_opening_over(number, line.start)
        self.number = self.last_number = number
        self.min_end = line.text_start
        self._close_post(line_end(self.buf, line.start), text_limit=line.start)

    def _after_trailer(self, line: Event, start: int, lead: Event | None, opens: bool) -> bool:
        """Lay out the marker `line` (or its lead lines from `start`) when the post above was
        closed by its trailing number and text lies between: True when done here."""
        tail = self._first_text_line(self.free_from, start)
        if tail is None:
            if lead is not None or line.start > self._trailing_to or opens:
                return False
            # Right under the number above: it numbers a post with no text (a picture's).
            self._open_unnumbered(line.start)
            self._close_by_trailer(line, line.number)
            return True
        trailing = lead is None and self._is_trailer(line)
        if line.number > self.last_number and not opens:
            self._open_unnumbered(tail)
            if trailing:
                self._close_by_trailer(line, line.number)
                return True
            self._append_post(start)
            self._open_marker_post(line, start, lead)
            return True
        # Numbering restarts: as at any restart, the lines above give the new thread its first
        # post when they say so (or when the marker is a trailing `1/`, which numbers them).
        split = first_post_start(
            self.buf, tail, start, guess_without_cue=trailing or line.number == 2
        )
        if split is None or split > tail:
            self._open_unnumbered(tail)
            self._append_post(start if split is None else split)
        self._close_thread()
        if split is None:
            self._open_marker_post(line, start, lead)
            return True
        self._open_unnumbered(split)
        if trailing:
            self._close_by_trailer(line, line.number)
            return True
        self._number_as_first(line.number)
        self._append_post(start)
        self._open_marker_post(line, start, lead)
        return True

    def _close_by_line_end_number(self, line: Event, start: int) -> bool:
        """When `line`, the first of a run of numbers on lines of their own under their text,
        numbers k and the text above it holds a line that ends in k-1 (`Short thread 1/6`), that
        line ends post k-1 and the text under it is post k: the author numbered at the end of
        each post, the first number at its line's end and the others alone. Post k-1 keeps all
        the text above (the start of a post is not marked in this style, so splitting the first
        post where the `1/` line's paragraph begins could lose its opening to a thread of its
        own). True when laid out so."""
        found = last_trailer(self.buf, self.start, start)
        if found is None or found.number != line.number - 1:
            return False
        below = self._first_text_line(found.line_end, start)
        if below is None:
            return False
        self.number = self.last_number = found.number
        self._append_post(found.line_end, text_limit=found.text_end)
        self._open_unnumbered(below)
        self._close_by_trailer(line, line.number)
        return True

    def _on_marker(self, line: Event, lead: Event | None, opens: bool) -> None:
        raise NotImplementedError  # `LayoutBuilder` lays out a marker

    def _on_end(self, line: Event, index: int) -> None:
        """`end/` under the text of a post that follows trailing numbers numbers it as the next
        post; anywhere else it is a line of text. `end/ Text` inside a post numbered before its
        text (`2/ …`) is the next post's number, laid out as that marker."""
        if line.text_start < len(self.buf) and self.buf[line.text_start] != 0x0A:
            if self.start >= 0 and self.thread_open and self.number == self.last_number > 0:
                marker = Event(line.start, MARKER, self.last_number + 1, line.text_start)
                self._on_marker(marker, None, False)
            return
        if self.start >= 0 or not self.thread_open or not self.last_number:
            return
        tail = self._first_text_line(self.free_from, line.start)
        if tail is not None and self._numbers_text_above(index):
            self._open_unnumbered(tail)
            self._close_by_trailer(line, self.last_number + 1)

    def _text_below(self, start: int, stop: int) -> bool:
        """Whether `buf[start:stop]`, below the line being laid out, holds any text. A decision
        taken on the answer depends on the text up to where it was found (or `stop`): a source
        cut before that would not see the same, so no fresh start is recorded before it."""
        text = skip_whitespace(self.buf, start, stop)
        self._peeked = max(self._peeked, min(text + 1, stop))
        return text < stop
