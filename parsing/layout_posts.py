"""How an open post closes into the corpus columns, as the layout decides it.

`LayoutBuilder` (layout.py) holds the rules: where a post or thread begins and ends. This base
class closes the open post: as one post, or as several where its text turns out to be numbered
(at its line ends, like a list, by numbers glued mid-line) or to be a standard-tweet unroller's
run of tweets. Writing a post out is `layout_writer.PostColumnWriter`'s; `CountingLayout`
overrides it to keep only the numbers.
"""

from __future__ import annotations

import bisect
import re
from bisect import bisect_left
from collections.abc import Sequence

from .events import CHROME, Event
from .layout_writer import PostColumnWriter
from .list_numbers import NumberedLine, list_numbers
from .neighbours import line_end
from .pictures import is_lone_picture, picture_between_posts, without_trailing_picture
from .standard_tweets import tweet_starts
from .teaser_glued import glued_next_number, mid_line_numbers
from .teaser_tails import (
    credits_under,
    first_post_under_intro,
    joined_by_line_breaks,
    paragraphs_under,
    teaser_opening_number,
)
from .trailing_numbers import (
    Trailer,
    continuing_numbers,
    last_trailer,
    numbered_one_lines,
    restarted_numbers,
    trailing_numbers,
)

_FIRST_AS_ITEM = re.compile(rb"[ \t]*1[.)][ \t]+(?=[^ \t\n])")
"""`1.` or `1)` opening a first post: its number when `2/` follows (`_number_as_first`)."""


class PostWriter(PostColumnWriter):
    """How the open post closes: as one post, or as several where numbers at its line ends, a
    list's numbers, numbers glued mid-line or a standard-tweet unroller's layout divide it."""

    def _close_post(
        self,
        limit: int,
        text_limit: int | None = None,
        *,
        preamble: bool = False,
        bounded: bool = False,
    ) -> None:
        """End the open post at the last non-blank byte before `limit` and record it (several
        posts, when an unnumbered run turns out to be numbered at its line ends or starts; a
        `preamble`, the lines above a marker that numbers their thread, is never numbered like
        a list: see `list_numbers`). `bounded`: the page ends a post at `limit` (chrome the
        thread goes on past, a post start its markup gave)."""
        if self.start < 0:
            return
        if self.glued_numbers and self.number:
            self.glued_numbers = False
            if text_limit is None:
                self._close_glued_posts(limit)
        if self.number == 0 and self.marker_line < 0 and text_limit is None:
            trailers = trailing_numbers(self.buf, self.start, limit, self._ends_in(limit))
            if not trailers and self._in_teaser:
                trailers = teaser_opening_number(self.buf, self.start, limit)
            if trailers:
                self._close_numbered_at_ends(trailers, limit)
                return
            if self._in_teaser and self._close_at_picture(limit):
                return
            if (bounded or self.page_bounded) and self._close_by_its_number(limit):
                return
            if not preamble:
                numbered = list_numbers(self.buf, self.start, limit, framed=self._framed(limit))
                if numbered:
                    self._close_numbered_like_a_list(numbered, limit)
                    return
                if self._of_standard_tweets(limit):
                    starts = tweet_starts(self.buf, self.start, limit)
                    if starts:
                        self._close_as_tweets(starts, limit)
                        return
        elif self.number and text_limit is None and self.closing_at_footer:
            starts = tweet_starts(self.buf, self.text_start, limit)
            if starts:
                self._close_as_tweets(starts, limit)  # bare tweets run on under the last number
                return
        elif self.number and text_limit is None and self._numbered_on_at_ends(limit):
            return
        self._append_post(limit, text_limit)

    def _close_at_picture(self, limit: int) -> bool:
        """Close the open unnumbered teaser post, and open the next, at a picture's mark in the
        middle of a line between them (`pictures.picture_between_posts`): True if so. The next
        post stays open, closing at `limit` as its own text says."""
        found = picture_between_posts(self.buf, self.text_start, limit)
        if found is None:
            return False
        text_end, next_start = found
        self._append_post(next_start, text_limit=text_end)
        self._open_unnumbered(next_start)
        self._close_post(limit)
        return True

    def _numbered_on_at_ends(self, limit: int) -> bool:
        """Close the post numbered before its text (`2/ Text`) and the posts under it where the
        author goes on numbering at line ends (`Text /3`, `Text 4/`): True if so. The post
        keeps its first paragraph, or without blank lines its first line; each number below
        ends the next post, as under unnumbered text (`_close_numbered_at_ends`). Read as text,
        the numbers would run eight posts into one."""
        buf = self.buf
        if self._first_text_line(line_end(buf, self.text_start), limit) is None:
            return False  # one line: no number below it (most posts; no scan of their text)
        trailers = continuing_numbers(buf, self.text_start, limit, self.number)
        if not trailers:
            return False
        paragraph = buf.find(b"\n\n", self.text_start, trailers[0].line_end)
        end = line_end(buf, self.text_start) if paragraph < 0 else paragraph
        following = self._first_text_line(end, limit)
        if following is None or following > trailers[0].text_end:
            return False  # the next number ends this post's own first lines
        self._append_post(end)
        self._open_unnumbered(following)
        self._close_numbered_at_ends(trailers, limit)
        return True

    def _framed(self, limit: int) -> bool:
        """Whether the open post, closing at `limit`, is the first text of a thread right under
        page chrome, or from the source's start down to page chrome (see `list_numbers`)."""
        if len(self.posts) != self.threads.first_post[-1]:
            return False  # not the thread's first post
        if self.under_chrome >= 0 and self._first_text_line(self.under_chrome, limit) == self.start:
            return True
        return self.closing_at_chrome and self._first_text_line(0, limit) == self.start

    def _of_standard_tweets(self, limit: int) -> bool:
        """Whether the open post, closing at `limit`, is a whole thread so far that closes at a
        standard-tweet unroller's footer or opens right under its header (`standard_tweets`)."""
        if len(self.posts) != self.threads.first_post[-1]:
            return False
        if self.closing_at_footer:
            return True
        return (
            self.under_header
            and self.under_chrome >= 0
            and self._first_text_line(self.under_chrome, limit) == self.start
        )

    def _close_as_tweets(self, starts: list[int], limit: int) -> None:
        """Close the open post as one post from each of `starts`, the first keeping its number."""
        for index, start in enumerate(starts):
            if index:
                self._open_unnumbered(start)
            self._append_post(starts[index + 1] if index + 1 < len(starts) else limit)

    def _close_glued_posts(self, limit: int) -> None:
        """Close the open numbered teaser post where the next number is glued to its last
        sentence (`teaser_glued`), and each post after it the same way, up to `limit`; the
        last one stays open."""
        found = glued_next_number(self.buf, self.text_start, limit, self.number)
        while found is not None:
            self._append_post(found.start(), text_limit=found.start())
            self.start = found.start()
            self.first_line = self._line_at(found.start())
            self.number = self.last_number = int(found[1])
            self.text_start = self.min_end = found.end()
            self.hole = (found.end(), found.end())
            self.marker_line = found.start()
            found = glued_next_number(self.buf, found.end(), limit, self.number)

    def _ends_in(self, limit: int) -> Sequence[Trailer]:
        """The numbers that may end a post in the middle of a line inside the open post, which
        runs to `limit`: before a picture's mark (`picture_ends`), or, in a teaser that has
        none, right after a sentence's end (`teaser_glued.mid_line_numbers`)."""
        ends = self._picture_ends_in(limit) if self.picture_ends else ()
        if not ends and self._in_teaser:
            return mid_line_numbers(self.buf, self.start, limit)
        return ends

    def _picture_ends_in(self, limit: int) -> list[Trailer]:
        """The numbers of `picture_ends` inside the open post, which runs to `limit`."""
        ends = self.picture_ends
        first = bisect_left(ends, self.start, key=_line_end)
        return ends[first : bisect_left(ends, limit, lo=first, key=_line_end)]

    def _number_as_first(self, next_number: int) -> None:
        """Number the open unnumbered post 1 when the post after it is numbered 2 (0 else); a
        `1.` or `1)` opening it is then its number, not text: the author numbered the first
        post as a list item and the rest with slashes (`1. Some thoughts`, then `2/ …`)."""
        self.number = 1 if next_number == 2 else 0
        if self.number and self.start >= 0 and self.text_start == self.start:
            first = _FIRST_AS_ITEM.match(self.buf, self.start)
            if first is not None:
                self.text_start = self.min_end = first.end()
                self.hole = (first.end(), first.end())

    def _close_by_its_number(self, limit: int) -> bool:
        """Close the open post at `limit` numbered by the marker its last line ends with, when
        the page itself bounds the post: one number at a line end is no evidence in running
        text (a date, a fraction), but at the end of a post the page delimits, where the
        thread's numbering goes on (`1/` or `2/` first, then one or two higher: a post may be
        missing), it is the author's. True when closed so."""
        found = last_trailer(self.buf, self.start, limit)
        if found is None or self._first_text_line(found.line_end, limit) is not None:
            return False
        last = self.last_number
        if not (found.number in (1, 2) if not last else last < found.number <= last + 2):
            return False
        self.number = self.last_number = found.number
        self._append_post(limit, text_limit=found.text_end)
        return True

    def _close_numbered_like_a_list(self, lines: list[NumberedLine], limit: int) -> None:
        first = lines[0]
        if first.start > self.start:
            # The lines above the first number: post 1 when `2.` follows, as above `2/`.
            self._number_as_first(first.number)
            self._append_post(first.start)
        for index, line in enumerate(lines):
            self.start = self.marker_line = line.start
            self.first_line = self._line_at(line.start)
            self.text_start = self.min_end = line.text_start
            self.hole = (line.text_start, line.text_start)
            self.number = self.last_number = line.number
            end = lines[index + 1].start if index + 1 < len(lines) else limit
            if end == limit and self.closing_at_footer:
                starts = tweet_starts(self.buf, line.text_start, limit)
                if starts:
                    self._close_as_tweets(starts, limit)  # bare tweets under the last number
                    return
            self._append_post(end, without_trailing_picture(self.buf, line.text_start, end))

    def _close_numbered_at_ends(self, trailers: list[Trailer], limit: int) -> None:
        ones: list[int] | None = None
        while self._close_trailers(trailers, limit):
            if ones is None:  # found once: numbering may restart thousands of times
                ones = numbered_one_lines(self.buf, self.start, limit)
            # Each thread is read up to the line where the next one starts at 1 again.
            after = bisect.bisect_left(ones, self.start) + 1  # past the thread's own 1
            stop = ones[after] if after < len(ones) else limit
            trailers = restarted_numbers(self.buf, trailers[-1], self.start, stop)
            if not trailers:
                self._append_post(limit)
                return
            # Numbering starts again under the last number: another thread, from the open text.
            opening, self.start = self.start, -1
            self._close_thread()
            self._open_unnumbered(opening)

    def _close_trailers(self, trailers: list[Trailer], limit: int) -> bool:
        """Close a post at each of `trailers`, opening the text under each: False when no text
        follows the last (nothing left open)."""
        buf = self.buf
        self._close_opening_over(trailers[0].number, trailers[0].text_end)
        # A teaser's posts run together: the paragraphs under a number are its post's own.
        joined = self._in_teaser and joined_by_line_breaks(buf, trailers)
        if joined and trailers[0].number == 1:
            opening_end = first_post_under_intro(buf, self.start, trailers[0])
            if opening_end is not None:
                self._append_post(opening_end)
                self._open_unnumbered(opening_end)
        for index, trailer in enumerate(trailers):
            self.number = self.last_number = trailer.number
            below = trailers[index + 1] if index + 1 < len(trailers) else None
            stop = limit if below is None else buf.rfind(b"\n", 0, below.text_end)
            stop = max(stop, trailer.line_end)
            end = credits_under(buf, trailer.line_end, stop)
            if joined:
                end = paragraphs_under(buf, end, stop)
            if end > trailer.line_end:
                # The number stays out of the text, as a leading marker does: the post's hole.
                self.hole = (trailer.text_end, trailer.line_end)
                self._append_post(end, text_limit=end)
            else:
                self._append_post(end, text_limit=trailer.text_end)
            following = self._past_pictures(end, limit)
            if following is None:
                self.free_from = limit
                return False
            self._open_unnumbered(following)
        return True

    def _close_opening_over(self, number: int, number_at: int) -> None:
        """Close the open post's opening paragraph and its label as post 1 where the text under
        the label ends with the number `number` 2 (at `number_at`): the author numbered the
        posts from 2 on, at their ends, and left the first tweet, the one the label ends,
        unnumbered. Read as one post, the opening would take post 2's text."""
        if self.under_label <= self.start or number != 2:
            return
        following = self._first_text_line(self.under_label, number_at)
        if following is not None:
            self.number = self.last_number = 1
            self._append_post(following)
            self._open_unnumbered(following)

    def _past_pictures(self, start: int, limit: int) -> int | None:
        """The first text line from `start` on, past lone `Image` lines, each recorded as
        skipped: under a post numbered at its end they are its pictures, not the next post's
        first line (a lone `Image` above a marker is chrome the same way, see `pictures`)."""
        line = self._first_text_line(start, limit)
        while line is not None:
            end = self.buf.find(b"\n", line, limit)
            end = limit if end < 0 else end
            if not is_lone_picture(self.buf, line, end):
                return line
            self._record_skipped(Event(line, CHROME, 0, end))
            line = self._first_text_line(end, limit)
        return None


def _line_end(trailer: Trailer) -> int:
    return trailer.line_end
