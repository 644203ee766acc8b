"""The shapes of the lines a listing of threads (an author page, a hashtag listing, the teasers
under `More from @x`) prints around its teasers: a thread's date, its length, the listing's
headings and `Read N tweets`. Plain shapes, read by the chrome rules (`chrome_context`,
`chrome_listings`) and by the rule for a teaser's first line (`teaser_openings`).
"""

from __future__ import annotations

import re

from .byte_source import ByteSource
from .neighbours import Line, previous_nonblank_line

DATE = [
    # A bare date heading: "10 Oct", "Jun 22", "Jun 22, 2024 •"; day first, a thread of an
    # earlier year shows the year in two digits: "23 Dec 20".
    r"\d{1,2} [A-Z][a-z]{2}(?:,? \d{4}| \d{2})?(?: \xe2\x80\xa2)?",
    r"[A-Z][a-z]{2} \d{1,2}(?:,? \d{4})?(?: \xe2\x80\xa2)?",
]
LENGTH = [
    r"\d{1,4} tweets?(?: \xe2\x80\xa2)? \d{1,4} min read(?: \xe2\x80\xa2)?",
    # The date and the length on one line, as a copy without bullets gives them, perhaps with
    # the "Read on X" link after them: "Jul 12, 2024 31 tweets 10 min read Read on X".
    # The link may follow its logo's name ("… 2 min read Twitter logo Read on Twitter").
    r"[A-Z][a-z]{2} \d{1,2},? (?:\d{4} )?(?:\xe2\x80\xa2 )?\d{1,4} tweets?"
    r"(?: \xe2\x80\xa2)? \d{1,4} min read(?: \xe2\x80\xa2)?(?: (?:X|Twitter) logo)?"
    r"(?: Read on (?:X|Twitter))?",
    # A page less than a day old gives the thread's age instead of its date: "21h 12 tweets".
    r"\d{1,2}[smh] (?:\xe2\x80\xa2 )?\d{1,4} tweets?(?: \xe2\x80\xa2)? \d{1,4} min read"
    r"(?: \xe2\x80\xa2)?(?: (?:X|Twitter) logo)?(?: Read on (?:X|Twitter))?",
    # Scrolly's header: the date with its year, then the length, without a reading time.
    r"[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,4} tweets?",
]
LISTING = [
    r"More from @\w{1,20}",
    r"Read \d{1,4} tweets?",
    # The older layout ends the heading in a colon: "Most recents (24):".
    r"Most (?:recents|popular)(?: \(\d{1,6}\))?:?",
    r"Discover and read the best of (?:Twitter|X) Threads about .{1,140}",
    # An author page's count of its subscribers, under the bio: the author's threads follow.
    r"\d[\d,.]*[KkM]? subscribers?",
]


def whole(rules: list[str]) -> re.Pattern[bytes]:
    return re.compile(rb"[ \t]*(?:" + "|".join(rules).encode() + rb")[ \t.]*")


_DATE = whole(DATE)
_TEASER_EDGE = whole(LENGTH + LISTING)
_TWEET_HEADER_ABOVE_DATE = re.compile(rb"[ \t]*(?:@\w{1,15}|-|\xc2\xb7)[ \t]*")
"""What stands right above the date of one tweet's own header (`Name`, `@handle`, `·`, `Mar 3`),
as old twitter.com pages print each tweet: a lone handle or the separator under it."""


def is_date(buf: ByteSource, line: Line) -> bool:
    """Is `line` a bare date (`Jun 22`, `10 Oct`, `Jun 22, 2024 •`)?"""
    return _DATE.fullmatch(buf, *line) is not None


def is_teaser_edge(buf: ByteSource, line: Line) -> bool:
    """Has `line` the shape of a line a listing puts between its teasers or over them (a
    length line, `Read N tweets`, a listing's heading; `chrome_listings.teaser_edges`)?"""
    return _TEASER_EDGE.fullmatch(buf, *line) is not None


def heads_a_teaser(buf: ByteSource, line: Line) -> bool:
    """Has `line` the shape of a line a teaser stands right under: a line between teasers, or a
    bare date that closes no tweet's own header (a date under a lone handle or its separator
    heads one tweet, any post of a thread: `Bo Lind⏎@bo⏎Mar 3⏎2/ Because …`)?"""
    if is_teaser_edge(buf, line):
        return True
    if not is_date(buf, line):
        return False
    above = previous_nonblank_line(buf, line[0])
    return above is None or _TWEET_HEADER_ABOVE_DATE.fullmatch(buf, *above) is None
