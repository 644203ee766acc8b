"""The header over each tweet on a twitter.com page, as a copy gives it over several lines: a
display name, a lone `@handle`, a lone `·` (or `-`) and a date, then perhaps `Replying to` and the
handles the tweet answers. Which lines are the header and which the tweet's text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .byte_source import ByteSource
from .chrome_context import is_date
from .neighbours import BLANK, Line, next_nonblank_line, previous_nonblank_line

HANDLE = re.compile(rb"[ \t]*@(\w{1,15})[ \t]*")
"""A lone `@handle` line."""
_REPLYING = re.compile(rb"[ \t]*Replying to(?:[ \t]+(?:@\w{1,15}|and|\d{1,6} others?|,))*[ \t]*")
"""`Replying to @x`, or `Replying to` with the handles on the lines under it."""
_WANTS_HANDLE = re.compile(rb"(?:\bto|\band|,)[ \t]*\Z")
"""How a line of `Replying to` ends when the next handle is on the line under it."""
_JOINER = re.compile(rb"[ \t]*(?:,|,?[ \t]*and)[ \t]*")
"""What a copy leaves between two handles of `Replying to`, each a link on a line of its own
(` and `, `,`): two handles never stand on lines of their own with nothing between them."""
_OTHERS = re.compile(rb"[ \t]*,?[ \t]*and \d{1,6} others?[ \t]*")
"""The end of a long list of handles: `and 2 others`."""
_NAME = 60
"""Bytes: a display name is short."""


class TweetHeader:
    """One tweet's header lines and the handle they give; `opens_page` when some of them are
    the page's first lines, headers only because more tweet headers stand below them (the
    main tweet's name and handle, the title bar, see `page_headers`)."""

    __slots__ = ("handle", "lines", "opens_page")

    def __init__(self, handle: bytes, lines: list[Line], *, opens_page: bool = False) -> None:
        self.handle = handle.lower()
        self.lines = lines
        self.opens_page = opens_page


def tweet_headers(
    buf: ByteSource, separators: Iterable[Line], chrome: set[Line]
) -> list[TweetHeader]:
    """The headers among the `separators` (lone `·`/`-` lines, in file order) that stand under
    a lone `@handle` line and above a date line: with the name line above the handle when it is
    one (`_names`)."""
    found: list[tuple[bytes, list[Line], Line | None]] = []
    for separator in separators:
        handle_line = previous_nonblank_line(buf, separator[0])
        date = next_nonblank_line(buf, separator[1])
        if handle_line is None or date is None or not is_date(buf, date):
            continue
        handle = HANDLE.fullmatch(buf, *handle_line)
        if handle is None:
            continue
        name = previous_nonblank_line(buf, handle_line[0])
        if name is not None and (name in chrome or not is_name(buf, name)):
            name = None
        found.append((handle.group(1).lower(), [handle_line, separator, date], name))
    names = _names(buf, found)
    return [
        TweetHeader(handle, [name, *lines] if name in names else lines)
        for handle, lines, name in found
    ]


def _names(buf: ByteSource, found: Sequence[tuple[bytes, list[Line], Line | None]]) -> set[Line]:
    """Which of the lines above the headers' handles are display names, not the end of the
    tweet above. A name is the same above every tweet of its account: a line whose text stands
    above two of the account's headers is its name, and then a line that differs is none. Where
    an account shows no such repeat, the line is a name unless it is the first line of the text
    under the header before (a tweet has text, so that line is it: a copy that shows no names)."""
    texts: dict[bytes, list[bytes]] = {}
    for handle, _, name in found:
        if name is not None:
            texts.setdefault(handle, []).append(bytes(buf[name[0] : name[1]]).strip())
    names: set[Line] = set()
    previous_text: Line | None = None
    for handle, lines, name in found:
        if name is not None:
            seen = texts[handle]
            text = bytes(buf[name[0] : name[1]]).strip()
            repeated = {each for each in seen if seen.count(each) > 1}
            if text in repeated or (not repeated and name != previous_text):
                names.add(name)
        replying = replying_lines(buf, lines[-1][1])
        previous_text = next_nonblank_line(buf, replying[-1][1] if replying else lines[-1][1])
    return names


def replying_lines(buf: ByteSource, end: int, following: Line | None = None) -> list[Line]:
    """The lines of `Replying to` right under the header that ends at `end` (up to the next
    header's first line, `following`): `Replying to @x`, or, as a copy of the later page gives
    it, each handle on a line of its own with ` and ` or `,` between them. A lone handle with no
    joiner above it is the tweet's text, which may open with a mention."""
    found: list[Line] = []
    line = next_nonblank_line(buf, end)
    if line is None or line == following or not _REPLYING.fullmatch(buf, *line):
        return found
    wants_handle = _WANTS_HANDLE.search(buf, *line) is not None
    while line is not None and line != following:
        found.append(line)
        line = next_nonblank_line(buf, line[1])
        if line is None or line == following:
            break
        if wants_handle and HANDLE.fullmatch(buf, *line):
            wants_handle = False
        elif not wants_handle and _OTHERS.fullmatch(buf, *line):
            found.append(line)
            break
        elif not wants_handle and _JOINER.fullmatch(buf, *line):
            wants_handle = True
        else:
            break
    return found


def is_name(buf: ByteSource, line: Line) -> bool:
    start, end = line
    return end - start <= _NAME and not BLANK.fullmatch(buf, start, end)
