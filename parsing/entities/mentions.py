"""@mentions, by twitter-text's rules.

A mention is `@` or `＠` and 1–20 of `[A-Za-z0-9_]`. What stands before the at sign must not be a
letter, digit or one of `_!#$%&*@＠`, except that a retweet prefix (`RT@a`, `rt:@a`) is fine; what
follows the name must not be another at sign, a latin accented letter or `://` (`@http://…` is a
link gone wrong, not a mention). The name never gives back characters to satisfy that last rule:
`@user@host` is no mention at all.

The rules are all expressible as one `bytes` pattern, so counting mentions over a whole corpus is
a single `findall`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .spans import EntityKind, Span, SpanTuple
from .utf8 import LATIN_ACCENT_BYTES

FULLWIDTH_AT_BYTES = "\uff20".encode()
_NOT_BEFORE = rb"[A-Za-z0-9_!#$%&*@]"
_NOT_BEFORE_RETWEET = rb"[A-Za-z0-9_+~.\-]"


def _after_sign(sign: bytes) -> bytes:
    """The context test, placed after the at sign so the pattern starts with a literal."""
    return (
        rb"(?:(?<!" + _NOT_BEFORE + sign + rb")(?<!" + FULLWIDTH_AT_BYTES + sign + rb")"
        rb"|(?<=[Rr][Tt]" + sign + rb")(?<!" + _NOT_BEFORE_RETWEET + rb"[Rr][Tt]" + sign + rb")"
        rb"|(?<=[Rr][Tt]:" + sign + rb")(?<!" + _NOT_BEFORE_RETWEET + rb"[Rr][Tt]:" + sign + rb"))"
    )


AT_CONTEXT = _after_sign(b"@")
FULLWIDTH_AT_CONTEXT = FULLWIDTH_AT_BYTES + _after_sign(FULLWIDTH_AT_BYTES)
AT_SIGN = rb"(?:@" + AT_CONTEXT + rb"|" + FULLWIDTH_AT_CONTEXT + rb")"
NAME = rb"[A-Za-z0-9_]{1,20}+"
NAME_END = rb"(?!@|" + FULLWIDTH_AT_BYTES + rb"|" + LATIN_ACCENT_BYTES + rb"|://)"
MENTION = re.compile(AT_SIGN + rb"(" + NAME + rb")" + NAME_END)
ASCII_AT_MENTION = re.compile(rb"@" + AT_CONTEXT + rb"(" + NAME + rb")" + NAME_END)
"""`MENTION` without its full-width branch, for text without a full-width at sign: a pattern
that starts with one literal byte is searched for several times faster than an alternation."""
_MENTION = EntityKind.MENTION


def find_mentions(buf: bytes | bytearray, start: int = 0, end: int | None = None) -> Iterator[Span]:
    end = len(buf) if end is None else end
    for match in _pattern(buf, start, end).finditer(buf, start, end):
        yield Span(EntityKind.MENTION, match.start(), match.end(), match.group(1).decode())


def mention_spans(buf: bytes | bytearray) -> list[SpanTuple]:
    """`find_mentions` of the whole of `buf`, as plain tuples."""
    return [
        (_MENTION, match.start(), match.end(), match[1].decode(), False)
        for match in _pattern(buf, 0, len(buf)).finditer(buf)
    ]


def _pattern(buf: bytes | bytearray, start: int, end: int) -> re.Pattern[bytes]:
    return MENTION if buf.find(FULLWIDTH_AT_BYTES, start, end) >= 0 else ASCII_AT_MENTION
