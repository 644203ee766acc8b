"""The layout rules run for counting only: how many threads and posts, and their numbers.

`threadline stats` needs no post's text bounds or line numbers, only the structure: where each
thread begins and what each post is numbered. `CountingLayout` takes every decision exactly as
`LayoutBuilder` does (it is the same code: where a run of plain posts ends is `end_of_run`'s to
say for both), and skips the per-post work that only positions and line numbers need: trimming
whitespace at each end and counting newlines. That work is most of the cost of a plain post, so
counting lays out a corpus in about two thirds of the time.
"""

from __future__ import annotations

from .events import Event
from .layout import LayoutBuilder
from .tables import SkippedLine


class CountingLayout(LayoutBuilder):
    """A `LayoutBuilder` that fills only `posts.number` (and the thread columns, skipped lines).

    Skipped lines are all one placeholder: counting reads how many there are, not what or where.
    """

    def _run_of_posts(self, events: list[Event], index: int, stop: int) -> int:
        if index == stop:
            return stop
        run = events[index:stop]
        self.posts.number.append(self.number)
        self.posts.number.extend([event[2] for event in run[:-1]])  # [2]: the number, read fast
        # The state `LayoutBuilder._run_of_posts` leaves, less the line count.
        start, _, number, text_start, _ = run[-1]
        self.marker_line = self.start = self.free_from = start
        self.text_start = self.min_end = text_start
        self.hole = (text_start, text_start)
        self.number = self.last_number = number
        return stop

    def _append_post(self, limit: int, text_limit: int | None = None) -> None:
        self.posts.number.append(self.number)
        self.start = -1
        self.free_from = limit

    def _record_skipped(self, line: Event) -> None:
        self.skipped.append(_UNREAD)  # counted, not read: neither its text nor its line number

    def _line_at(self, pos: int) -> int:
        return 0


_UNREAD = SkippedLine(0, 0, "")
