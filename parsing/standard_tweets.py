"""Unnumbered tweets run together in a copy of twtext, twunroll or threader.app.

These unrollers print a thread of standard tweets, one paragraph each, and a copy of the page
often keeps a single line break between two tweets: the same break that splits lines inside
one tweet. Nothing in the copied text marks where a tweet ends, but the medium bounds it: a
standard tweet holds at most 280 characters, weighed as twitter-text weighs them (most
scripts' letters count one, the others and emoji two, a link 23 wherever it points). Text
far over that is several tweets, so it cannot stay one post.

Where it is several, every tweet boundary is a line end, but not every line end is one. Read
one post per line, the thread keeps every boundary and cuts some tweets in two; read as one
post, it keeps none. The first loses nothing, so it is the reading taken, with one weighing: a
line whose next line opens in lower case runs on into it (a sentence broken across lines: a
tweet almost always opens a sentence), and the two stay one post; so does a line that only
shows a picture, which these pages print after the text of its tweet.

A numbered post closing at the footer is read the same way: an author who numbered the first
posts often leaves the last ones bare, and they run on under the last number. Its number is
its first tweet's.

Only pages of those unrollers are read so (`LayoutBuilder` knows them by their chrome): they
unrolled standard tweets, while a Thread Reader App page may hold a long post of a paid
account, one post of thousands of characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .byte_source import ByteSource
from .events import UNROLLER_FOOTER, UNROLLER_HEADER
from .neighbours import Line, skip_whitespace
from .unroller_phrases import FOLLOW

_ONE_TWEET = 280
"""What a standard tweet holds, in twitter-text's weighted characters."""
_LINK_WEIGHT = 23
"""A link counts this much whatever its length (twitter-text's `transformedURLLength`)."""
_LINK = re.compile(
    r"https?://\S+|(?:[\w-]+\.)+[a-z]{2,}/\S*", re.IGNORECASE
)  # a link, or an unroller's shortened one (`example.com/page…`)
_LIGHT = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
"""The code points that weigh one (twitter-text's ranges); every other weighs two."""
_JOINERS = frozenset((0x200D, 0xFE0F, *range(0x1F3FB, 0x1F400)))
"""A joiner, a variation selector and skin tones add nothing of their own to an emoji."""


def weighted_length(text: str, cap: int | None = None) -> int:
    """The weighted characters of `text`, as twitter-text counts a tweet's length (an emoji
    sequence counts each of its emoji; twitter-text counts the sequence once, so this errs
    long only on joined emoji). With a `cap`, counting may stop once past it: a long text
    costs no more than a tweet to find too long."""
    links = _LINK.findall(text)
    weight = _LINK_WEIGHT * len(links)
    rest = _LINK.sub("", text) if links else text
    return weight + _weight(rest, None if cap is None else cap - weight)


def _weight(text: str, cap: int | None) -> int:
    total = 0
    for char in text:
        point = ord(char)
        if point < 4352:
            total += 1
        elif point in _JOINERS:
            continue
        else:
            total += 1 if any(low <= point <= high for low, high in _LIGHT) else 2
        if cap is not None and total > cap:
            break
    return total


def tweet_starts(buf: ByteSource, start: int, stop: int) -> list[int]:
    """The line starts in `buf[start:stop]` (text that starts at a line start) that begin a
    post when the text is too long for one standard tweet, `start` first; [] when it may be
    one tweet or no line break can part it."""
    text = bytes(buf[start:stop]).decode("utf-8", "replace")
    if weighted_length(text.strip(), _ONE_TWEET) <= _ONE_TWEET:
        return []
    starts = [start]
    at = buf.find(b"\n", start, stop)
    while at >= 0:
        line = skip_whitespace(buf, at + 1, stop)
        if line >= stop:
            break
        at = buf.find(b"\n", line, stop)
        if not _opens_lower_case(buf, line, stop) and not _PICTURE_LINE.fullmatch(
            buf, line, stop if at < 0 else at
        ):
            starts.append(buf.rfind(b"\n", start, line) + 1)
    return starts if len(starts) > 1 else []


_PICTURE_LINE = re.compile(rb"[ \t]*(?:Image|\[image\])(?:[ \t]*(?:Image|\[image\]))*[ \t.]*")
"""A line that only shows pictures: they are the tweet's above it, printed after its text."""
_FOOTER = re.compile(rb"[ \t]*" + FOLLOW.encode())
_HEADER = b"+ Your Authors"
_LENGTH_2019 = b" tweets, "
"""Thread Reader App's 2019 one-line header gives the length so; threader.app's never does."""


def unroller_lines(
    buf: ByteSource, headers: Iterable[Line], chrome: Iterable[Line]
) -> dict[Line, int]:
    """The `number` of each chrome line that says the page is one of these unrollers': its
    footer among `chrome`, a one-line header among `headers` that is threader.app's (with its
    button, or as a clipping gives it: a handle and a date before the reading time)."""
    numbers = dict.fromkeys(
        (line for line in headers if buf.find(_LENGTH_2019, *line) < 0), UNROLLER_HEADER
    )
    if buf.find(b"You can follow @") >= 0:
        for line in chrome:
            if _FOOTER.match(buf, *line):
                numbers[line] = UNROLLER_FOOTER
    return numbers


def _opens_lower_case(buf: ByteSource, at: int, stop: int) -> bool:
    head = bytes(buf[at : min(at + 4, stop)]).decode("utf-8", "ignore")
    return head[:1].islower()
