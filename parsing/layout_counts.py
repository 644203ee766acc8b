"""The layout rules run for counting only: how many threads and posts, and their numbers.

`threadline stats` needs no post's text bounds or line numbers, only the structure: where each
thread begins and what each post is numbered. `CountingLayout` takes every decision exactly as
`LayoutBuilder` does (it is the same code), and skips the per-post work that only positions and
line numbers need: trimming whitespace at each end and counting newlines. That work is most of
the cost of a plain post, so counting lays out a corpus in about two thirds of the time.
"""

from __future__ import annotations

from .layout import LayoutBuilder
from .lines import MARKER, Event
from .tables import SkippedLine


class CountingLayout(LayoutBuilder):
    """A `LayoutBuilder` that fills only `posts.number` (and the thread columns, skipped lines).

    Skipped lines are all one placeholder: counting reads how many there are, not what or where.
    """

    def _run_of_posts(self, events: list[Event], index: int) -> int:
        numbers: list[int] = []
        append = numbers.append
        number, start, text_start = self.number, self.start, self.text_start
        total = len(events)
        while index < total:
            limit, kind, next_number, next_text_start, opens = events[index]
            if kind != MARKER or opens or next_number <= number:
                break
            append(number)
            start, number, text_start = limit, next_number, next_text_start
            index += 1
        self.posts.number.extend(numbers)
        # The state `LayoutBuilder._run_of_posts` leaves, less the line count.
        self.marker_line = self.start = self.free_from = start
        self.text_start = self.min_end = text_start
        self.hole = (text_start, text_start)
        self.number = self.last_number = number
        return index

    def _append_post(self, limit: int, text_limit: int | None = None) -> None:
        self.posts.number.append(self.number)
        self.start = -1
        self.free_from = limit

    def _record_skipped(self, line: Event) -> None:
        self.skipped.append(_UNREAD)  # counted, not read: neither its text nor its line number

    def _line_at(self, pos: int) -> int:
        return 0


_UNREAD = SkippedLine(0, 0, "")
