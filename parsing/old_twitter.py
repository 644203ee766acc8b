"""Text copied from old twitter.com pages: the lines around each tweet, and replies by others.

A twitter.com page shows a thread as a conversation: each tweet under its author's header
(display name, `@handle`, a `·` or `-` separator, a date), with `Show this thread`, `Replying to
@x`, `This Tweet is unavailable.`, `End of conversation` and `New conversation` between tweets.
These lines stand *inside* a thread: they are skipped, but the thread goes on past them
(`PASSING` chrome, unlike the chrome around an unroller's page, which ends the thread).

Replies by other people are no posts of the thread: a tweet whose header gives a handle other
than the thread's author's (the handle of the first header on the page) is skipped, its header
and its text, up to the next header or chrome line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .byte_source import ByteSource
from .chrome_context import DATE, Structure, is_date
from .neighbours import BLANK, Line, lines_with, next_nonblank_line, previous_nonblank_line
from .pictures import is_marker_at

PASSING = [
    # A copy may join the link to the lone `-` separator that follows it on the page.
    r"Show this thread(?:[ \t]+-)?",
    r"End of conversation",
    r"New conversation",
    r"This Tweet is unavailable",
    r"This Tweet was deleted by the Tweet author",
    r"Replying to(?:[ \t]+@\w{1,15}(?:(?:,|[ \t]+and)?[ \t]+@\w{1,15})*"
    r"(?:[ \t]+and \d{1,6} others?)?)?",
    r"\d[\d,.]*[KkM]? repl(?:y|ies) \d[\d,.]*[KkM]? retweets? \d[\d,.]*[KkM]? likes?",
    r"\d[\d,.]*[KkM]? (?:Retweets?|Likes?|Quote Tweets?|Replies)",
    r"\d{1,2}:\d{2} [AP]M \xc2\xb7 .{1,80}",  # the main tweet's time: "3:45 PM · Mar 3, 2019"
    r"Show replies|Show more replies|Translate Tweet|Quote Tweet|Pinned Tweet",
    r"See new Tweets",  # the bar above a timeline that has more tweets
    # The line under a tweet a page embeds (a blog reposting a thread): "— Name (@handle) March
    # 3, 2020", what an embed shows where the script that draws it did not run.
    r"\xe2\x80\x94[ \t]?[^\n]{1,60}[ \t]\(@\w{1,15}\)(?:[ \t]+[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})?",
    # The separator between a tweet's handle and its date, as a copy gives it.
    r"-",
    r"\xc2\xb7",  # ·
]
"""Lines skipped wherever they stand, the thread in progress going on past them."""


_SEPARATOR = re.compile(rb"[ \t]*(?:-|\xc2\xb7)[ \t]*")
_SEPARATOR_LINE = re.compile(rb"\n([ \t]*(?:-|\xc2\xb7)[ \t]*)(?=\n|\Z)")
"""A lone separator line, with the newline before it: a header's separator has a line above."""
_HANDLE = re.compile(rb"[ \t]*@(\w{1,15})[ \t]*")
_REPLYING = re.compile(
    rb"[ \t]*(?:Replying to(?:[ \t]+(?:@\w{1,15}|and|\d{1,6} others?|,))*|@\w{1,15})[ \t]*"
)
"""`Replying to @x`, or `Replying to` with the handles on the lines under it."""
_COUNT = re.compile(rb"[ \t]*\d[\d,.]*[KkM]?[ \t]*")
_COUNTS = 4
"""Lines: replies, retweets, likes (and views) under a tweet."""
_NAME = 60
"""Bytes: a display name is short."""


_ONE_LINE = re.compile(
    rb"[ \t]*(?![(\[]?\d{1,4}/)(?P<name>[^\n@]{1,60}?)"
    rb"[ \t]+@(?P<handle>\w{1,15})[ \t]+\xc2\xb7[ \t]+"
    rb"(?P<date>(?:" + "|".join(DATE).encode() + rb")|\d{1,2}[smhd])[ \t]*"
)
"""A tweet's header on one line, as some copies give it: `Name @handle · Mar 3` (or `· 3h`,
`· Mar 3, 2019`, `· 12 Jan 2020`). A line that opens with a number marker is a post."""
_ONE_LINE_CUE = re.compile(rb"\xc2\xb7[ \t]")
"""What every one-line header holds: its `·`. Looked for by the engine, which finds the rare
byte it starts with several times faster than `bytes.find` finds the same text."""


class TweetHeader:
    """One tweet's header lines and the handle they give."""

    __slots__ = ("handle", "lines")

    def __init__(self, handle: bytes, lines: list[Line]) -> None:
        self.handle = handle.lower()
        self.lines = lines


def is_separator(buf: ByteSource, line: Line) -> bool:
    return _SEPARATOR.fullmatch(buf, *line) is not None


def has_separator(buf: ByteSource) -> bool:
    """Has `buf` a lone separator line? Without one it has no tweet header. (One search of the
    buffer, where a search for each form of the line would take one each.)"""
    return _SEPARATOR_LINE.search(buf) is not None


def has_several_authors(buf: ByteSource) -> bool:
    """Do the tweet headers in `buf` give more than one handle? Which tweets are replies then
    depends on the first header of the whole page: a part of it laid out alone may not see it."""
    one_line = one_line_headers(buf)
    if not one_line and not has_separator(buf):
        return False
    separators = [match.span(1) for match in _SEPARATOR_LINE.finditer(buf)]
    headers = page_headers(buf, separators, set(), one_line)
    return len({header.handle for header in headers}) > 1


def may_hold_one_line_header(buf: ByteSource) -> bool:
    return _ONE_LINE_CUE.search(buf) is not None


def one_line_headers(buf: ByteSource) -> list[Line]:
    """The lines of `buf` that are a tweet's header on one line (`Name @handle · Mar 3`), in
    order: found by the separator they hold, then read whole."""

    def cue_from(position: int) -> int:
        cue = _ONE_LINE_CUE.search(buf, position)
        return -1 if cue is None else cue.start()

    return lines_with(buf, cue_from, _ONE_LINE)


def is_one_line_header(buf: ByteSource, start: int, end: int) -> bool:
    return _ONE_LINE.fullmatch(buf, start, end) is not None


def read_one_line_header(text: str) -> tuple[str, str, str] | None:
    """The display name, handle and date (as shown) of a one-line tweet header, or None."""
    match = _ONE_LINE.fullmatch(text.strip().encode("utf-8", "surrogatepass"))
    if match is None:
        return None
    name, handle, date = (match[group].decode("utf-8", "replace") for group in match.groupdict())
    return name.strip(), handle, date


def page_headers(
    buf: ByteSource,
    separators: Iterable[Line],
    chrome: set[Line],
    one_line: Sequence[Line] = (),
) -> list[TweetHeader]:
    """The tweet headers under the `separators` (see `tweet_headers`) and on the `one_line`
    header lines, in page order, after the header of the page's main tweet when there are any:
    a name and a lone `@handle` opening the page, the tweet's text under them (its date is
    under the text, on the line of its time)."""
    headers = tweet_headers(buf, separators, chrome)
    if one_line:
        headers += [
            TweetHeader(_ONE_LINE.fullmatch(buf, *line)["handle"], [line])  # type: ignore[index]
            for line in one_line
        ]
        headers.sort(key=lambda header: header.lines[0])
    if not headers:
        return headers
    name = next_nonblank_line(buf, -1)
    handle_line = None if name is None else next_nonblank_line(buf, name[1])
    if name is None or handle_line is None or name in chrome or not _is_name(buf, name):
        return headers
    handle = _HANDLE.fullmatch(buf, *handle_line)
    if handle is None or handle_line in headers[0].lines:
        return headers
    return [TweetHeader(handle.group(1), [name, handle_line]), *headers]


def tweet_headers(
    buf: ByteSource, separators: Iterable[Line], chrome: set[Line]
) -> list[TweetHeader]:
    """The headers among the `separators` (lone `·`/`-` lines, in file order) that stand under
    a lone `@handle` line and above a date line: with the name line above the handle, unless
    that is a line of `chrome`."""
    headers = []
    for separator in separators:
        handle_line = previous_nonblank_line(buf, separator[0])
        date = next_nonblank_line(buf, separator[1])
        if handle_line is None or date is None or not is_date(buf, date):
            continue
        handle = _HANDLE.fullmatch(buf, *handle_line)
        if handle is None:
            continue
        lines = [handle_line, separator, date]
        name = previous_nonblank_line(buf, handle_line[0])
        if name is not None and name not in chrome and _is_name(buf, name):
            lines.insert(0, name)
        headers.append(TweetHeader(handle.group(1), lines))
    return headers


def conversation_lines(
    buf: ByteSource, separators: Iterable[Line], stops: set[Line], one_line: Sequence[Line] = ()
) -> list[Line]:
    """The lines of the tweet headers under the `separators` and on the `one_line` header lines
    (and the main tweet's), the counts of replies, retweets and likes under each tweet, and the
    replies by other people than the page's author (their header and text up to the next header
    or a line of `stops`, the page's chrome)."""
    headers = page_headers(buf, separators, stops, one_line)
    if not headers:
        return []
    author = headers[0].handle
    found: list[Line] = []
    starts = [header.lines[0] for header in headers[1:]] + [None]
    for header, following in zip(headers, starts, strict=True):
        found += header.lines
        end = header.lines[-1][1]
        below = next_nonblank_line(buf, end)
        while below is not None and below != following and _REPLYING.fullmatch(buf, *below):
            found.append(below)  # "Replying to" alone puts the handle on the next line
            end = below[1]
            below = next_nonblank_line(buf, end)
        if header.handle != author:
            found += _reply_text(buf, end, following, stops)
    for line in [*starts[:-1], *sorted(stops)]:
        found += _counts_above(buf, line) if line is not None else []
    return found


def dividers(
    buf: ByteSource,
    separators: Sequence[Line],
    chrome: set[Line],
    events: Sequence[Structure],
    marker: int,
) -> list[Line]:
    """The lone separator lines of `separators` that divide the text of a post: no chrome.

    twitter.com prints `·` (`-` in some copies) between a tweet's handle and its date: those
    are header lines (`conversation_lines`, in `chrome`). A copy also leaves lone separators
    around the tweets, and there they stand next to the other lines the page prints between
    tweets (a header, `Show this thread`, counts), or right above the number of the next tweet.
    People type a lone `-` as a divider in their own text too: read as chrome the thread goes
    on past, it would cut the post in two and make its second half a post of its own. So a lone
    separator is chrome only next to other `chrome` (blank lines aside), right above a number
    marker (the post ends there anyway: the `events` in order, of kind `marker`), or at the end
    of the text; any other is post text."""
    lone = set(separators)
    others = chrome - lone
    found = []
    for line in separators:
        below = next_nonblank_line(buf, line[1])
        if below is None or below in others or is_marker_at(events, marker, below[0]):
            continue
        if previous_nonblank_line(buf, line[0]) not in others:
            found.append(line)
    return found


def _counts_above(buf: ByteSource, line: Line) -> list[Line]:
    """The lone numbers right above `line` (a header or chrome): a tweet's counts of replies,
    retweets and likes, as twitter.com shows them under it."""
    counts: list[Line] = []
    above = previous_nonblank_line(buf, line[0])
    while above is not None and len(counts) < _COUNTS and _COUNT.fullmatch(buf, *above):
        counts.append(above)
        above = previous_nonblank_line(buf, above[0])
    return counts


def _reply_text(buf: ByteSource, end: int, following: Line | None, stops: set[Line]) -> list[Line]:
    """The non-blank lines after the header that ends at `end`, up to the next header's first
    line (`following`) or a chrome line of `stops`."""
    lines = []
    line = next_nonblank_line(buf, end)
    while line is not None and line != following and line not in stops:
        lines.append(line)
        line = next_nonblank_line(buf, line[1])
    return lines


def _is_name(buf: ByteSource, line: Line) -> bool:
    start, end = line
    return end - start <= _NAME and not BLANK.fullmatch(buf, start, end)
