"""The lines a twitter.com page puts under a tweet: its counts (`12`, perhaps `Retweets` under
it), the link to its replies on the X page (`Read 12 replies`), and what is left of one of
them where a copy stops in the middle of it."""

from __future__ import annotations

import re
from functools import cache

from .byte_source import ByteSource
from .neighbours import Line, previous_nonblank_line
from .rule_text import spelled_out

COUNTED = r"(?:Retweets?|Likes?|Quote Tweets?|Replies|Reposts?|Quotes?|Bookmarks?|Views)"
"""What a tweet's counts count (`12 Retweets`, and on the later page `3 Reposts`)."""
READ_REPLIES = r"Read \d[\d,.]*[KkM]? repl(?:y|ies)"
"""The link under a tweet to its replies, as the X page shows it to a reader not logged in."""
_COUNT = re.compile(rb"[ \t]*\d[\d,.]*[KkM]?[ \t]*")
_COUNT_LABEL = re.compile(rb"[ \t]*" + COUNTED.encode() + rb"[ \t]*")
"""What a count counts, on the line under it (the main tweet's counts, one per line)."""
_COUNTS = 5
"""Counts under a tweet: replies, retweets, likes, and on the later page bookmarks and views
(under the main post: views, reposts, quotes, likes, bookmarks)."""
_NUMBER = re.compile(rb"\d[\d,.]*")


def counts_above(buf: ByteSource, line: Line) -> list[Line]:
    """The lone numbers right above `line` (a header or chrome): a tweet's counts of replies,
    retweets and likes, as twitter.com shows them under it, each perhaps with what it counts on
    the line under it (`12` / `Retweets`, under the main tweet)."""
    counts: list[Line] = []
    numbers = 0
    above = previous_nonblank_line(buf, line[0])
    while above is not None and numbers < _COUNTS:
        if _COUNT_LABEL.fullmatch(buf, *above):
            label, above = above, previous_nonblank_line(buf, above[0])
            if above is None or not _COUNT.fullmatch(buf, *above):
                break  # a label counts only under its number
            counts.append(label)
        elif not _COUNT.fullmatch(buf, *above):
            break
        counts.append(above)
        numbers += 1
        above = previous_nonblank_line(buf, above[0])
    return counts


@cache
def _written_out(rule: str) -> tuple[bytes, ...]:
    """The lines `rule` matches, written out by the rule itself, numbers as `0`."""
    return tuple(sorted({_NUMBER.sub(b"0", text) for text, _ in spelled_out(rule)}))


def _starts(rule: str, text: bytes) -> bool:
    shape = _NUMBER.sub(b"0", text)
    return any(line.startswith(shape) for line in _written_out(rule))


def starts_line_under_tweet(text: bytes) -> bool:
    """Is `text` (a line, stripped) the start of a count's label or of `Read N replies`? A
    number stands for any number. Lines only a tweet page shows, among its tweets: what is
    left of one ending a copy is a cut page line there (`cut_end_lines`)."""
    return _starts(COUNTED, text) or _starts(READ_REPLIES, text)


def cut_end_lines(
    buf: ByteSource, cut: Line, *, known: bool, tweet_text: Line | None
) -> list[Line]:
    """The copy's `cut` last line (the text stops inside it) and the counts above it, when it
    is what is left of a line the page puts under the last tweet, where that line stands: a
    label right under a count, or the start of a page line (`known`: of a chrome rule's line
    known by its words, or `starts_line_under_tweet`) under the tweet's counts, or under its
    text when the cut line holds more than one word (one word may be the tweet's next line,
    cut: the text is kept whole). Never the tweet's first line, `tweet_text`: a tweet has text.
    Empty when `cut` is none of these."""
    above = previous_nonblank_line(buf, cut[0])
    if cut == tweet_text or above is None:
        return []
    text = bytes(buf[cut[0] : cut[1]]).strip()
    under_count = _COUNT.fullmatch(buf, *above) is not None
    under_counts = under_count or _COUNT_LABEL.fullmatch(buf, *above) is not None
    if under_count and _starts(COUNTED, text):
        return [cut, *counts_above(buf, cut)]
    page_line = known or _starts(READ_REPLIES, text)
    if page_line and (under_counts or b" " in text or b"\t" in text):
        return [cut, *counts_above(buf, cut)]
    return []
