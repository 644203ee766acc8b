"""Copies of twitter.com pages in one text: where each copy starts, and the tweet headers of
each, its main tweet's among them.

A user may paste one page after another. Each copy is the conversation around its own main
tweet, by its own author, and the tweets of another copy are no replies in it. A copy of the
page ends where the page around the conversation begins (its footer, the column beside it:
strong chrome, which no conversation holds), and a copy of the conversation's column opens with
the page's title bar (`Thread`, `Tweet` or `Post`, then `Conversation`) over the first header.
A conversation has one main tweet, the one with its time under its text: where a second main
tweet's time stands with neither between them, a second copy begins above it, at the widest run
of blank lines above a tweet header between the two times (the last such run where several are
as wide: the copy above may hold replies, the copy below the tweets its main tweet answers).
Elsewhere tweets by another account are replies: a page shows them under the thread.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial
from itertools import pairwise

from .byte_source import ByteSource
from .neighbours import Line, lines_with, next_nonblank_line, previous_nonblank_line
from .tweet_headers import HANDLE, TweetHeader, is_name, main_tweet_times, with_focal_header

Cut = tuple[int, int]
"""Where a copy ends, and the end of the line before the next copy's first line."""

_TITLE_BAR = re.compile(rb"[ \t]*(?:Thread|Tweet|Post|Conversation|See new (?:Tweets|posts))[ \t]*")
"""The page's title bar (`Thread` over a thread, `Tweet` over one tweet, `Post` on the later
page) and the heading over the conversation, above the first tweet's header."""
_TITLE_LINES = 4
_HEADING = re.compile(rb"[ \t]*Conversation[ \t]*")
"""The heading every layout puts over the conversation, the title bar's last line."""
_HEADING_CUE = b"Conversation"

Span = tuple[int, int]
"""A copy's stretch of the text: the end of the line before its first line (-1 at the top),
and the start of the first line after it."""


def page_headers(
    buf: ByteSource,
    headers: list[TweetHeader],
    chrome: set[Line],
    strong: Sequence[Line] = (),
) -> list[TweetHeader]:
    """The tweet headers of each copy in `buf` (`headers`: those over separators and on one
    line, in page order), each copy's with its number, after the header of its main tweet
    and its title bar when there are any: a name and a lone `@handle` opening the copy, or over
    the main tweet's text, whose time line is under it. `strong`: the strong chrome lines, in
    order (see the module's docstring)."""
    found: list[TweetHeader] = []
    at = 0
    spans, unmarked = _copy_spans(buf, headers, strong)
    for number, span in enumerate(spans):
        own: list[TweetHeader] = []
        while at < len(headers) and headers[at].lines[0][0] < span[1]:
            own.append(headers[at])
            at += 1
        if own:
            own = with_focal_header(buf, _with_opening(buf, own, chrome, span[0]), chrome, span)
        else:
            # A page of one tweet: its header only the main tweet's, found from its time line.
            own = with_focal_header(buf, own, chrome, span)
            own = _with_opening(buf, own, chrome, span[0]) if own else own
        for header in own:
            header.copy = number
        if own and span[0] in unmarked:
            own[0].opens_copy = True
        found += own
    return found


def _copy_spans(
    buf: ByteSource, headers: list[TweetHeader], strong: Sequence[Line]
) -> tuple[list[Span], set[int]]:
    """Each copy's span: the text cut where strong chrome stands between two tweets (two
    headers, or a header and a main tweet's time line: a copy may show only its main tweet),
    the copy before ending at the block's first line and the next starting under its last;
    above each title bar that opens a copy below the first (`_title_bars`); and between two
    main tweets' times in one span (`_second_main_tweets`). With, apart, where the spans that
    last cut made begin: no chrome opens them, so their first header ends the thread above."""
    cuts: list[Cut] = []
    if strong:
        anchors = sorted(
            [(header.lines[0][0], header.lines[-1][1]) for header in headers]
            + list(main_tweet_times(buf))
        )
        edge = 0
        for (_, low), (high, _) in pairwise(anchors):
            while edge < len(strong) and strong[edge][0] < low:
                edge += 1
            first = edge
            while edge < len(strong) and strong[edge][1] < high:
                edge += 1
            if edge > first:
                cuts.append((strong[first][0], strong[edge - 1][1]))
    cuts += [(bar[0][0], bar[0][0] - 1) for bar in _title_bars(buf)]
    spans = _spans(buf, cuts)
    unmarked = _second_main_tweets(buf, headers, spans)
    if not unmarked:
        return spans, set()
    return _spans(buf, cuts + unmarked), {restart for _, restart in unmarked}


def _spans(buf: ByteSource, cuts: list[Cut]) -> list[Span]:
    spans: list[Span] = []
    start = -1
    for stop, restart in sorted(cuts):
        if stop > start:
            spans.append((start, stop))
            start = restart
    return [*spans, (start, len(buf) + 1)]


def _second_main_tweets(
    buf: ByteSource, headers: list[TweetHeader], spans: list[Span]
) -> list[Cut]:
    """The cuts between each two main tweets' times in each of the `spans` (in order): above
    the tweet header between them (the second main tweet's among them) with the most blank
    lines right above it, the last of those. One walk of the headers serves every span."""
    cuts: list[Cut] = []
    at = 0
    for span in spans:
        times = main_tweet_times(buf, max(span[0], 0), min(span[1], len(buf)))
        for upper, lower in pairwise(times):
            while at < len(headers) and headers[at].lines[0][0] < upper[1]:
                at += 1
            between = []
            while at < len(headers) and headers[at].lines[0][0] < lower[0]:
                between.append(headers[at])
                at += 1
            with_main = with_focal_header(buf, between, set(), (upper[1], lower[1]))
            starts = [header.lines[0][0] for header in with_main]
            if starts:
                start = max(starts, key=lambda start: (_blank_lines_above(buf, start), start))
                cuts.append((start, start - 1))
    return cuts


def _blank_lines_above(buf: ByteSource, start: int) -> int:
    above = previous_nonblank_line(buf, start)
    return 0 if above is None else bytes(buf[above[1] : start]).count(b"\n") - 1


def _title_bars(buf: ByteSource) -> list[list[Line]]:
    """The title bars below the text's first line: two title bar lines or more, the last the
    heading `Conversation`, right over a lone `@handle` or a name and one. One word alone is a
    word a post may end with; the heading under a title over a header is the page's."""
    bars = []
    for heading in lines_with(buf, partial(buf.find, _HEADING_CUE), _HEADING):
        bar = [heading]
        above = previous_nonblank_line(buf, heading[0])
        while above is not None and len(bar) < _TITLE_LINES and _TITLE_BAR.fullmatch(buf, *above):
            bar.insert(0, above)
            above = previous_nonblank_line(buf, above[0])
        if len(bar) > 1 and above is not None and _over_header(buf, heading):
            bars.append(bar)
    return bars


def _over_header(buf: ByteSource, line: Line) -> bool:
    """Is a lone `@handle`, or a name over one, right under `line`?"""
    below = next_nonblank_line(buf, line[1])
    if below is not None and not HANDLE.fullmatch(buf, *below) and is_name(buf, below):
        below = next_nonblank_line(buf, below[1])
    return below is not None and HANDLE.fullmatch(buf, *below) is not None


def _with_opening(
    buf: ByteSource, headers: list[TweetHeader], chrome: set[Line], start: int
) -> list[TweetHeader]:
    """`headers`, the title bar and the main tweet's name and handle opening the copy added
    (its first line the one after `start`)."""
    title = _title_bar(buf, start)
    name = next_nonblank_line(buf, title[-1][1] if title else start)
    if name is not None and name == headers[0].lines[0]:
        if title:  # the title bar right above the first tweet's header
            first = headers[0]
            headers[0] = TweetHeader(
                first.handle, [*title, *first.lines], opens_page=True, focal=first.focal
            )
        return headers
    handle_line = None if name is None else next_nonblank_line(buf, name[1])
    if name is None or handle_line is None or name in chrome or not is_name(buf, name):
        return headers
    handle = HANDLE.fullmatch(buf, *handle_line)
    if handle is None or handle_line in headers[0].lines:
        return headers
    return [TweetHeader(handle.group(1), [*title, name, handle_line], opens_page=True), *headers]


def _title_bar(buf: ByteSource, start: int) -> list[Line]:
    """The lines of the page's title bar opening the copy after `start` (see `_TITLE_BAR`).
    Words a post may hold alone: they are the page's only above the first tweet's header."""
    lines: list[Line] = []
    line = next_nonblank_line(buf, start)
    while line is not None and len(lines) < _TITLE_LINES and _TITLE_BAR.fullmatch(buf, *line):
        lines.append(line)
        line = next_nonblank_line(buf, line[1])
    return lines


def title_lines(buf: ByteSource, header: TweetHeader) -> list[Line]:
    """The lines of the title bar opening `header`'s lines."""
    lines: list[Line] = []
    for line in header.lines:
        if not _TITLE_BAR.fullmatch(buf, *line):
            break
        lines.append(line)
    return lines
