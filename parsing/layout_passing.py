"""Chrome a thread goes on past (`PASS`: old twitter.com's lines around a conversation's
tweets, a blog's lines around its embedded tweets): it ends the post in progress, not the
thread, and the text after it is the thread's next post, unnumbered."""

from __future__ import annotations

from .events import PASS, Event
from .layout_openings import PageOpenings


class PassingChrome(PageOpenings):
    """The layout's steps at `PASS` lines (the rest of the rules: `layout.LayoutBuilder`)."""

    chrome_texts: dict[int, str]
    credits: list[tuple[int, str]]
    """(1-based line, text) of each credit an embedded tweet's last line ends with
    (`embed_credits`): no skipped line, since the line is the post's."""

    def _record_credit(self, event: Event) -> None:
        """Keep the text of the credit whose `PASS` event of no length is `event`."""
        self.credits.append((self._line_at(event[0]), self.chrome_texts.get(event[0], "")))

    def _on_passing(self, events: list[Event], index: int) -> int:
        """Close the post open at the `PASS` line `events[index]` and record it, with the `PASS`
        lines that follow with only blank lines between; the thread stays open, and text after
        them is its next post (see `_adopt_free_text`). Returns the index of the first event
        after them. No fresh start: the thread goes on."""
        start = events[index].start
        self._adopt_free_text(start)
        self._part_other_embed(events[index])
        self._part_intro_from_first_embed(events[index])
        self._close_post(start, bounded=True)
        buf, record, free_from = self.buf, self._record_skipped, start
        while index < len(events):
            event = events[index]
            if event[1] != PASS or buf[free_from : event[0]].strip():  # [1]: kind, [0]: start
                break
            if event[3] > event[0]:  # [3]: the line's end
                record(event)
            else:
                self._record_credit(event)
            free_from = event[3] + 1  # [3]: the line's end
            index += 1
        self.free_from = free_from
        self.goes_on = self.thread_open
        self._passed_embed(events, index)
        return index

    def _adopt_free_text(self, stop: int) -> bool:
        """As `PostWriter._adopt_free_text`; after `PASS` chrome, in the thread still open."""
        if not self.goes_on or self.start >= 0:
            return super()._adopt_free_text(stop)
        first = self._first_text_line(self.free_from, stop)
        if first is None:
            return False
        self._open_unnumbered(first)
        self.goes_on = True  # an unnumbered post of the thread, not a thread's first post
        self.page_bounded = True
        return True
