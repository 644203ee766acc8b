"""A post's number glued to the end of the post before it inside a teaser: `… an
ideology.2/ The next post`.

A listing's teaser runs a thread's posts together, one line break apart, and a copy sometimes
loses even that break: the next post's number then stands in the middle of a line, glued to the
sentence that ends the post before. Where the author numbers first (`1/ Text`), a number that
continues the post's own, right after a sentence's end and before more text, can only be the
next post's: a date or a fraction has no sentence's end glued before it, nor text after it
that starts one. Only teasers are read this way (the layout asks where it knows it is in one):
elsewhere a page keeps its line breaks.
"""

from __future__ import annotations

import re

# The next post's number after a sentence's end (`.`, `!`, `?`, `…`, a closing quote or
# bracket), and the blanks before its text.
_GLUED_NEXT = re.compile(rb"(?:(?<=[.!?\"')])|(?<=\xe2\x80\xa6))(\d{1,3})/[ \t]+(?=[^ \t\n])")


def glued_next_number(
    buf: bytes | bytearray, start: int, stop: int, number: int
) -> re.Match[bytes] | None:
    """The first number `number + 1` glued after a sentence's end in `buf[start:stop]`, with
    text after it on its line, or None."""
    wanted = str(number + 1).encode()
    for match in _GLUED_NEXT.finditer(buf, start, stop):
        if match[1] == wanted:
            return match
    return None
