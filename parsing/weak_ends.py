"""Weak lines a page never puts between a thread's text and the footer under it.

`Sign up` is a page's link under its heading (`Enjoy Threader?`, `New to Twitter?`) or in a
site's bar beside `Sign in`; a bare reading time (`5 min read`) closes a header over the thread
it times; X's `Discover more` heads the posts it suggests under a conversation. None stands
between a thread's last line and the footer that closes the thread
(the end marker `• • •`, `Missing some Tweet…`, `You can follow @x.`, `Enjoy Threader?`,
`Keep Current with …`). There, under text and over only that footer, the line is the post's
last line: read as chrome by the footer below it alone, it would be lost from the post.
"""

from __future__ import annotations

import re

from .byte_source import ByteSource
from .neighbours import Line
from .unroller_phrases import FOLLOW

_NEVER_OVER_A_FOOTER = re.compile(rb"[ \t]*(?:Sign up|\d{1,3} min read|Discover more)[ \t.]*")
_FOOTER = re.compile(
    rb"[ \t]*(?:\xe2\x80\xa2[ \t]*\xe2\x80\xa2[ \t]*\xe2\x80\xa2|Missing some Tweets? in this"
    rb" thread\?[^\n]*|" + FOLLOW.encode() + rb"\.?|Enjoy Threader\?[^\n]*|Keep Current with"
    rb"[^\n]*)[ \t]*"
)


def ends_a_post(buf: ByteSource, line: Line, below: Line | None) -> bool:
    """Is the weak `line`, under a line of text, over a thread's footer (`below`) a kind no
    page puts there (see the module's docstring)? The caller knows the line above is text."""
    return (
        below is not None
        and _FOOTER.fullmatch(buf, *below) is not None
        and _NEVER_OVER_A_FOOTER.fullmatch(buf, *line) is not None
    )
