"""The paragraphs under a teaser's post numbered at its end: `… was found. 3/16`, a blank
line, then `📷: A credit` before `Read 16 tweets`; and a picture's credit right under a post's
number, in any thread numbered at its posts' ends.

A listing's teaser is an excerpt of a thread, its posts run together as the page prints them:
one line break between two posts, whatever blank lines the author put inside a post. Where the
teaser shows that (a post starting on the line right under the number that ends the one
before), a blank line under a post's number cannot be a break between two posts: the line after
it is another paragraph of the same post, the caption or credit of its picture. Read as the
next post, it would give the teaser an unnumbered post the thread never had. A line right under
it starts the next post, as in the rest of the teaser. (A teaser that separates its posts by
blank lines shows nothing of the kind, and the text under its last number stays a post.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from .neighbours import skip_whitespace, trim_end
from .pictures import DETERMINERS, RUNS_ON, is_lone_picture
from .thread_starts import announces
from .trailing_numbers import Trailer, first_numbered_line, last_numbered_line


def joined_by_line_breaks(buf: bytes | bytearray, trailers: Sequence[Trailer]) -> bool:
    """Whether, of the posts the `trailers` end, one starts on the line right under the number
    of the one before (one line break between them, no blank line)."""
    for trailer, following in pairwise(trailers):
        end = trailer.line_end
        text = skip_whitespace(buf, end, following.text_end)
        if text < following.text_end and buf.count(b"\n", end, text) == 1:
            return True
    return False


# A picture's credit: a camera emoji (📷, 📸) opening the line, then what names a source (a
# colon, a mention, `by`, `via`, `credit`). The emoji alone may lead a post's own words (`📸
# The view from the top`).
_CREDIT = re.compile(
    rb"[ \t]*\xf0\x9f\x93[\xb7\xb8](?:\xef\xb8\x8f)?[ \t]*(?::|@|(?i:by|via|credit)\b)"
)


def credits_under(buf: bytes | bytearray, line_end: int, stop: int) -> int:
    """Where the credit lines right under the number line ending at `line_end` end, before
    `stop` (`line_end` when there is none). An author writes a picture's credit after the
    post's text and number (`… in 1902. 1/` then `📷: The town archive`), and a credit names
    the picture of its own post: read as the next post's start, it would give the post after
    a credit that is not its own, or a teaser an unnumbered post the thread never had."""
    end = line_end
    while end < stop and buf[end] == 0x0A and _CREDIT.match(buf, end + 1):
        next_end = buf.find(b"\n", end + 1, stop)
        end = stop if next_end < 0 else next_end
    return end


def paragraphs_under(buf: bytes | bytearray, line_end: int, stop: int) -> int:
    """Where the paragraphs a blank line sets under the number line ending at `line_end` end,
    before `stop` (the next post's number line, or the teaser's end): each is one line, under
    a blank line; a line right under another, or a picture's `Image` alone, is no longer one.
    `line_end` when there is none."""
    end = line_end
    while True:
        text = skip_whitespace(buf, end, stop)
        if text >= stop or buf.count(b"\n", end, text) < 2:
            return end
        line_start = buf.rfind(b"\n", end, text) + 1
        next_end = buf.find(b"\n", text, stop)
        next_end = stop if next_end < 0 else next_end
        if is_lone_picture(buf, line_start, next_end):
            return end
        end = next_end


def first_post_under_intro(buf: bytes | bytearray, start: int, first: Trailer) -> int | None:
    """Where post 1, numbered at its end by `first`, starts in a teaser whose posts run
    together, when the text from `start` above its line, one line break up, announces the
    posts below it (`… A thread 🧵`): that text is the thread's opening post, unnumbered, as
    under a bare `1/` (`layout_trailers`); read into post 1, it would join two posts the
    teaser shows apart. None else."""
    line_start = buf.rfind(b"\n", start, first.text_end) + 1
    if line_start <= start:
        return None
    above = trim_end(buf, start, line_start)
    if above <= start or buf.count(b"\n", above, line_start) != 1:
        return None
    return line_start if announces(buf, start, above) else None


def teaser_opening_number(buf: bytes | bytearray, start: int, stop: int) -> list[Trailer]:
    """Post 1 of a teaser `buf[start:stop]` whose first number at a line end is `1/` (`1/n`,
    `(1)`, `/1`, `1/5` where it is no ratio): the post it ends, as a
    list of one (`trailing_numbers` reads the rest as the next post), or []. A teaser shows its
    thread from the start, so the first number an author who numbers at the end writes there
    is post 1's: no sentence's end before it is needed (`… in the sixties 1/`), nor text
    under it (a teaser cut after its first post); but see `_is_post_one`."""
    found = first_numbered_line(buf, start, stop)
    return [found[0]] if found is not None and _is_post_one(buf, start, *found) else []


def teaser_closing_number(buf: bytes | bytearray, start: int, stop: int) -> Trailer | None:
    """The number that ends the last line of a teaser `buf[start:stop]` when it is post 1's,
    read as `teaser_opening_number` reads the first (`… at the old bridge. 1/5` numbers the
    teaser's only post, `… cut by 1/5` is text), or None."""
    found = last_numbered_line(buf, start, stop)
    return found[0] if found is not None and _is_post_one(buf, start, *found) else None


def _is_post_one(buf: bytes | bytearray, start: int, trailer: Trailer, declared: int) -> bool:
    """Is `trailer`, ending a line of a teaser that starts at `start`, post 1's number? An
    author who numbers at the end writes the number after a finished sentence or a title
    (`… at the old bridge. 1/5`, `Lock keepers, a short history 1/3`). A total of digits
    after a determiner or a word a sentence runs on from (`pictures.RUNS_ON`: `… cut the
    tolls by 1/5`, `… a score of 1/10`, `… was 1/4`) is a ratio or a fraction the sentence
    runs into: text. A total that is none (`1/`, `1/n`) is no fraction."""
    if trailer.number != 1:
        return False
    if not declared:
        return True
    line_start = max(buf.rfind(b"\n", start, trailer.text_end) + 1, start)
    number_at = buf.rfind(b"1/", line_start, trailer.line_end)
    if number_at < 0:
        return False
    word = _WORD_BEFORE.search(buf, max(line_start, number_at - _LONGEST_WORD), number_at)
    return word is None or word[1].lower() not in _RUNS_INTO_A_NUMBER


# The last word before a number and the blanks after it (none: the number follows a sentence's
# end, an emoji or other punctuation).
_WORD_BEFORE = re.compile(rb"([A-Za-z]+)[ \t]*\Z")
_RUNS_INTO_A_NUMBER = DETERMINERS | RUNS_ON
"""Words after which a number is the sentence's own (`by 1/5`, `the 1/5`)."""
_LONGEST_WORD = 24
"""Bytes before a number looked at for a word of `_RUNS_INTO_A_NUMBER` (a longer one is none of
them): a search from the line's start would scan a long line at every position."""
