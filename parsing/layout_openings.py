"""The layout rules for how a page's text opens, where the page, not a number, says where its
thread's first post begins:

- A page that opens with one paragraph of unnumbered text, then, a blank line apart, a bare
  `Thread 🧵` line or a label that says as much (`A thread 👇`, `A short thread:`), shows one
  thread: the paragraph announces the thread the label heads
  (`Here is a short guide to tides.`, then `Thread 🧵`), as its author wrote them in one first
  tweet. The label separates two threads only where a thread stands above it (numbered posts,
  several paragraphs). So the paragraph stays open past the label: it is the first post's start
  when the author numbers at line ends (`/1` under the text ends it), the thread's unnumbered
  lead when the label stands right above `1/` (`_labels_intro`).
- A listing's teaser shows its thread from the start: a `1/` under the teaser's opening text is
  the first post's number, written at its end (`_closes_teasers_first_post`).
- Above the first tweet a blog embeds, unnumbered, the blog's own words are a thread of their
  own, as above a numbered one (`layout_blocks`): the tweet is the last paragraph above the line
  under it (`_part_intro_from_first_embed`).
"""

from __future__ import annotations

import re

from .byte_source import ByteSource
from .events import (
    BARE_HEAD,
    CHROME,
    EMBED_OTHER,
    EMBEDS,
    EMOJI,
    HEAD,
    MARKER,
    PICTURE_END,
    Event,
)
from .layout_blocks import TEASER_BOUNDS, PageBlocks
from .neighbours import BLANK, line_end
from .pictures import picture_after
from .teaser_glued import glued_next_number, opens_a_fraction

_BLANK_LINE = re.compile(rb"\n[ \t\r]*\n\s*")
"""A blank line between two paragraphs, with the blanks up to the next one's text."""
# A label that announces the thread under an opening paragraph, in so many words: `A thread 👇`,
# `A short thread:`, `Thread 👇` (the bare `Thread 🧵` is `BARE_HEAD`).
_ANNOUNCING_LABEL = re.compile(
    rb"[ \t]*(?:[Aa](?: (?:short|quick|long|little|brief|mini))? )?(?:[Tt]hread|THREAD)"
    rb"(?:[ \t:.]|\xe2\x80\xa6|\xf0\x9f\xa7\xb5|\xf0\x9f\x91\x87(?:\xf0\x9f\x8f[\xbb-\xbf])?)*"
)


class PageOpenings(PageBlocks):
    """The opening rules of `LayoutBuilder`."""

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
            or not _is_label(buf, head, line_end(buf, head))
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
        self.under_label = line_end(buf, head) + 1
        return True

    def _thread_above_cue(self, first: int, split: int, start: int) -> bool:
        """Whether the unnumbered text from `first` up to a cue at `split` that opens a thread
        (`Here is a thread on it:`, a line ending in 🧵) over the marker at `start` holds a
        thread of its own: only text of
        several paragraphs does. One paragraph above the cue is the lead of the thread the cue
        opens, its first tweets as the author wrote them (`The report is out.⏎It has four
        parts.⏎Here is a thread on it:⏎1/ …`), as a paragraph above a label is (see the
        module's docstring). Read as a thread of its own, it would cut the page's one thread in
        two on the weakest evidence, a colon.

        Nor do paragraphs a blank line apart above the cue, the cue the last of them, where the
        posts under it are laid out so (`_posts_in_paragraphs`): such a page writes a tweet's
        paragraphs a blank line apart and the next tweet a line break under, so the text above
        is one tweet, the author's first, ending with the cue. Read as a thread of its own, it
        would lose the thread its opening tweet."""
        buf = self.buf
        if split <= first or _BLANK_LINE.search(buf, first, split) is None:
            return False
        return not (_paragraphs_only(buf, first, start) and _posts_in_paragraphs(buf, start))

    def _closes_teasers_first_post(self, line: Event) -> bool:
        """Close the open teaser as post 1 at the marker `line` numbered 1 with text above it
        in the teaser (`… The Edfu texts⏎1/8 In his book …`): a teaser shows its thread from the
        start, so the text above is the first post's, and a `1/` under it can only be that
        post's number, written at its end on a line of its own; the text the teaser runs on
        after it, on its line or under it, is the next post, unnumbered. A picture's
        `Image` right after the number is the first post's picture, as after any number that
        ends a post (`picture_ends`). A fraction opening the line (`1/2 cup of sugar`, `2/3 of
        the dough`, whatever its numerator) is no number: the line is text of the teaser's open
        post, which goes on, as the listing does (`teaser_dates`). True when closed so, or read
        as text."""
        buf = self.buf
        fraction = self._reads_as_text(line)
        if (
            (line.number != 1 and not fraction)
            or self.start < 0
            or self.number
            or self.marker_line >= 0
            or self.goes_on
            or len(self.posts) > self.threads.first_post[-1]  # the thread shows a post above
            or not self._under_teaser_edge()
            or self._is_trailer(line)  # `1/` alone, read as under any text it numbers
            or self._numbers_lead_in_teaser(line)
        ):
            return False
        if fraction:
            # `1/2 cup of sugar …`: a sentence of the teaser's text, no number (`teaser_glued`).
            self._in_teaser = True
            return True
        end = line_end(buf, line.start)
        after = picture_after(buf, line.text_start, end)
        text = self._first_text_line(after, end)
        self.number = self.last_number = 1
        self.min_end = max(self.min_end, line.text_start)  # the number's line is the post's
        self._append_post(after if text is not None else end, text_limit=line.start)
        if text is not None:
            self._open_unnumbered(after)
        return True

    def _reads_as_text(self, marker: Event) -> bool:
        """Is the number `marker` opens its line with the text of a teaser, no post's number: a
        fraction (`teaser_glued.opens_a_fraction`) unless it opens its thread (`1/3` under `3
        tweets`), or a number opening the teaser under its date line that `teaser_openings`
        reads as text (`_lead_teaser_from`)?"""
        return marker.start == self.opening_text or (
            not marker.opens and opens_a_fraction(self.buf, marker.start, marker.text_start)
        )

    def _numbers_lead_in_teaser(self, line: Event) -> bool:
        """Whether the teaser text after the marker `line` (`_events[_index]`), up to the next
        line of structure, holds the next post's number glued after a sentence's end with text
        after it (`teaser_glued`): the author numbers first, so `line` numbers the text after
        it, not the text above."""
        following = self._index + 1
        stop = self._events[following].start if following < len(self._events) else len(self.buf)
        leads = glued_next_number(self.buf, line.text_start, stop, line.number) is not None
        self.glued_numbers = leads
        return leads

    def _lead_teaser_from(self, events: list[Event], index: int) -> None:
        """At the marker `events[index]` under a listing's chrome: the teaser goes on to it
        where the marker may end its first post (`_teaser_numbered_by`); where the marker opens
        the teaser itself, the author numbers first, and the next numbers the teaser's line
        holds after a sentence's end (`teaser_glued`) start the posts after it."""
        marker = events[index]
        teaser, self._in_teaser = self._in_teaser, False
        if not teaser:
            return
        if self._teaser_numbered_by(marker):
            self._in_teaser = True
            return
        if self._reads_as_text(marker) and not _numbered_on(events, index):
            # `1/2 cup of oats …` opening the teaser right under its line: a fraction opening
            # the teaser's first sentence, as under text of the teaser (`_teaser_numbered_by`).
            # Under it, `2/3 it left …` would say it is post 1's number, in lower case.
            # (A number above 1 right under the date line is no marker: `teaser_openings`.)
            self._open_unnumbered(marker.start)
            self.opening_text = marker.start
            self._in_teaser = True
            return
        stop = events[index + 1].start if index + 1 < len(events) else len(self.buf)
        leads = glued_next_number(self.buf, marker.text_start, stop, marker.number)
        self.glued_numbers = leads is not None

    def _teaser_numbered_by(self, marker: Event) -> bool:
        """Whether the teaser that starts at `free_from` runs into `marker`, the first line of
        structure under it, and `marker` may end its first post (`_closes_teasers_first_post`):
        then the teaser goes on to it, as it goes on through a fraction opening a line of its
        text (`2/3 of the dough`, `_closes_teasers_first_post`). (Any other marker ends it, with
        no head line between.)"""
        return (
            marker.number == 1 or opens_a_fraction(self.buf, marker.start, marker.text_start)
        ) and self._first_text_line(self.free_from, marker.start) is not None

    def _under_teaser_edge(self) -> bool:
        """Whether the open post stands right under a line between a listing's teasers or its
        heading, past head and emoji lines: a teaser (asked at the marker `_events[_index]`,
        which has ended `_in_teaser`, the state of the text above a head line)."""
        events = self._events
        above = self._index - 1
        while above >= 0 and events[above][1] in (HEAD, EMOJI, PICTURE_END):  # [1]: the kind
            above -= 1
        return above >= 0 and events[above][1] == CHROME and events[above][2] in TEASER_BOUNDS

    def _part_other_embed(self, line: Event) -> None:
        """At the line under a tweet a blog embeds by another handle than the tweet above
        (`line`, `EMBED_OTHER`), with the open post the unnumbered text since that tweet's line:
        end the thread there, and lay the text out as at the first embedded tweet (the blog's
        words, then the other's tweet, opening a thread: `_part_intro_from_first_embed`). A
        reply or a quoted tweet by someone else is no post of the thread."""
        if line.number != EMBED_OTHER or not self.goes_on or self.start < 0 or self.number:
            return
        first = self.start
        self.start = -1
        self._close_thread()
        self._open_unnumbered(first)

    def _part_intro_from_first_embed(self, line: Event) -> None:
        """At the line under the first tweet a blog embeds (`line`, in `EMBEDS`), with the open
        post unnumbered text since the page's chrome: close the blog's words above the tweet as
        a thread of their own, as above a numbered first tweet (`_blog_intro_ends`), the tweet
        opening the thread. Unnumbered, the tweet's start is its block's: an embedded tweet is
        one paragraph (its line breaks single) set apart from the blog's, so it is the last
        paragraph above the line; in a copy that kept no blank line, the last line."""
        if (
            line.number not in EMBEDS
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


def _is_label(buf: bytes | bytearray, start: int, end: int) -> bool:
    """Is the line `buf[start:end]` a label announcing the thread, with no text of its own?"""
    return bool(
        BARE_HEAD.fullmatch(buf, start, end) or _ANNOUNCING_LABEL.fullmatch(buf, start, end)
    )


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


def _numbered_on(events: list[Event], index: int) -> bool:
    """Is the line of structure under the marker `events[index]` the marker of the next post
    (`2/3 it left …` under `1/3 so here is …`)?"""
    if index + 1 >= len(events):
        return False
    following = events[index + 1]
    return following.kind == MARKER and following.number == events[index].number + 1


_PARAGRAPHED_LINES = 64
"""Lines under a thread's first marker read for a post laid out in paragraphs, at most."""


def _paragraphs_only(buf: ByteSource, first: int, end: int) -> bool:
    """Whether the text from `first` up to `end` (a line's start) breaks lines only at blank
    lines: no two lines with text stand next to each other."""
    previous_blank = True
    at = first
    while at < end:
        stop = min(line_end(buf, at), end)
        blank = BLANK.fullmatch(buf, at, stop) is not None
        if not blank and not previous_blank:
            return False
        previous_blank = blank
        at = stop + 1
    return True


def _posts_in_paragraphs(buf: ByteSource, start: int) -> bool:
    """Whether the text from the marker at `start` shows posts laid out in paragraphs: a blank
    line inside it, then a line with text right under another (the next post), within
    `_PARAGRAPHED_LINES` lines."""
    seen_blank = previous_blank = False
    at = start
    for _ in range(_PARAGRAPHED_LINES):
        if at >= len(buf):
            return False
        stop = line_end(buf, at)
        blank = BLANK.fullmatch(buf, at, stop) is not None
        if seen_blank and not blank and not previous_blank:
            return True
        seen_blank = seen_blank or blank
        previous_blank = blank
        at = stop + 1
    return False
