"""$cashtags, by twitter-text's rules.

A cashtag is `$` and 1–6 ASCII letters, optionally `.` or `_` and 1–2 more (`$TSLA`, `$BRK.B`).
It must start the text or follow a space, and end the text or meet a space or ASCII punctuation.
So `$68.63b` is money, `text$NO` nothing, `$TEST.` the cashtag `TEST`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .spans import EntityKind, Span, SpanTuple
from .utf8 import SPACE_BYTES, SPACES, utf8_pieces

_AFTER_SPACE = b"|".join(rb"(?<=" + piece + rb"\$)" for piece in utf8_pieces(SPACES))
DOLLAR_CONTEXT = rb"(?:(?<![\x00-\xff]\$)|" + _AFTER_SPACE + rb")"
SYMBOL = rb"[A-Za-z]{1,6}(?:[._][A-Za-z]{1,2})?"
SYMBOL_END = rb"(?=\Z|[!-/:-@\[-`{-~]|" + SPACE_BYTES + rb")"
_CASHTAG = EntityKind.CASHTAG
CASHTAG = re.compile(rb"\$" + DOLLAR_CONTEXT + rb"(" + SYMBOL + rb")" + SYMBOL_END)


def find_cashtags(buf: bytes | bytearray, start: int = 0, end: int | None = None) -> Iterator[Span]:
    for match in CASHTAG.finditer(buf, start, len(buf) if end is None else end):
        yield Span(EntityKind.CASHTAG, match.start(), match.end(), match.group(1).decode())


def cashtag_spans(buf: bytes | bytearray) -> list[SpanTuple]:
    """`find_cashtags` of the whole of `buf`, as plain tuples."""
    return [
        (_CASHTAG, match.start(), match.end(), match[1].decode(), False)
        for match in CASHTAG.finditer(buf)
    ]
