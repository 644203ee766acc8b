"""A post's number glued to the end of the post before it inside a teaser: `… an
ideology.2/ The next post`; and the numbers that end posts in the middle of a teaser's line
(`… century 🧵1/ The first wall … clay. 2/ The second …`).

A listing's teaser runs a thread's posts together, one line break apart, and a copy sometimes
loses even that break: the next post's number then stands in the middle of a line, glued to the
sentence that ends the post before, or a blank after it (`… clay. 2/ The second`). Where the
author numbers first (`1/ Text`), a number that continues the post's own, right after a
sentence's end and before more text, can only be the next post's: a date or a fraction has no
sentence's end right before it, nor text after it that starts one. Only teasers are read this
way (the layout asks where it knows it is in one): elsewhere a page keeps its line breaks.
"""

from __future__ import annotations

import re

from .byte_source import ByteSource
from .pictures import ends_sentence
from .trailing_numbers import Trailer

# The next post's number right after a sentence's end (`.`, `!`, `?`, `…`, a closing quote or
# bracket) or one blank after it, and the blanks before its text.
_GLUED_NEXT = re.compile(
    rb"(?:(?<=[.!?\"')])|(?<=[.!?\"')][ \t])|(?<=\xe2\x80\xa6)|(?<=\xe2\x80\xa6[ \t]))"
    rb"(\d{1,3})/[ \t]+(?=[^ \t\n])"
)


def glued_next_number(
    buf: ByteSource, start: int, stop: int, number: int
) -> re.Match[bytes] | None:
    """The first number `number + 1` glued after a sentence's end in `buf[start:stop]`, with
    text after it on its line, or None."""
    wanted = str(number + 1).encode()
    for match in _GLUED_NEXT.finditer(buf, start, stop):
        if match[1] == wanted:
            return match
    return None


# A number in the middle of a line, with no digit glued before it, its total if any, then
# blanks and more text on the line.
_MID_LINE = re.compile(rb"(?<![\d/])(\d{1,3})/(\d{1,3}|[nNxX?])?[ \t]+(?=[^ \t\n])")


def mid_line_numbers(buf: bytes | bytearray, start: int, stop: int) -> list[Trailer]:
    """The numbers in the middle of the lines of a teaser's text `buf[start:stop]` that may
    end the post before them: right after a sentence's end or an emoji (`… century 🧵1/ The
    first wall …`), with text before them on their line and after them. A teaser runs an
    author's posts together and a copy may lose the line break between them; where the author
    numbers each post at its end, the number then stands where the break was. Whether they end
    posts is read with those at line ends (`trailing_numbers`: a run rising from 1 or 2): a
    lone one is text, and so is a fraction in running text (`a 1/2 cup`), which follows a
    word, or opens a sentence that runs on from it (`… the flour. 1/2 cup of sugar`: see
    `_runs_on`)."""
    found: list[Trailer] = []
    line_start = scanned = start  # the line start is looked for only since the last number
    for match in _MID_LINE.finditer(buf, start, stop):
        at = match.start()
        line_start = max(buf.rfind(b"\n", scanned, at) + 1, line_start)
        scanned = at
        total = match[2]
        if (
            total is not None
            and total.isdigit()
            and (int(total) < int(match[1]) or _runs_on(buf, match.end()))
        ):
            continue  # `24/7`, `1/2 cup`: no post number
        text_end = at
        while text_end > line_start and buf[text_end - 1] in b" \t":
            text_end -= 1
        if text_end > line_start and ends_sentence(buf, line_start, at):
            found.append(Trailer(text_end, match.end(), int(match[1])))
    return found


def _runs_on(buf: ByteSource, text_at: int) -> bool:
    """Does the text after a number with a total of digits, at `text_at`, run on from it in
    lower case (`1/2 cup of sugar`, `3/4 of the town`)? Then the number is a fraction or a
    ratio opening a sentence, the noun it counts after it. A post's number stands between two
    posts, and the next post opens as a sentence does, in capitals, with a digit, a mention or
    an emoji; an author who writes in lower case throughout loses that split here, which
    keeps the text whole rather than cut a sentence in two and drop its number."""
    return 0x61 <= buf[text_at] <= 0x7A  # a to z


_NUMBER_WITH_TOTAL = re.compile(rb"[ \t]*\d{1,3}/\d{1,3}[ \t]")


def opens_a_fraction(buf: ByteSource, start: int, text_at: int) -> bool:
    """Is the number marker from `start`, its text at `text_at`, a fraction opening a sentence
    that runs on from it (`1/2 cup of sugar`, see `_runs_on`)?"""
    return (
        text_at < len(buf)
        and _NUMBER_WITH_TOTAL.match(buf, start, text_at + 1) is not None
        and _runs_on(buf, text_at)
    )
