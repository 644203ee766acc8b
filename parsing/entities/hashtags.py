"""#hashtags, by twitter-text's rules.

A hashtag is `#` or `＃` and a run of letters, marks, decimal digits, `_` and a few joiners used
inside words (ZWNJ, ZWJ, ・, ～, ׳ …), holding at least one letter or mark. Before the sign there
may be no letter, mark, digit, `_` or `&` (a variation selector is fine: `✌️#tag`); right after
the run there may be no other sign and no `://`.

`hashtag_at` is the rule itself and works on any text. Most hashtags in a corpus are ASCII, and
for those the rule fits in one `bytes` pattern (`ASCII_HASHTAG`), which lets a corpus be counted
with `findall`; `NEEDS_UNICODE` finds every other candidate, for `hashtag_at` to decide.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from operator import itemgetter

from .spans import EntityKind, Span, SpanTuple

_SIGN = rb"(?:#|\xef\xbc\x83)"  # '#', '＃'
_WORD_JOINERS = frozenset(
    "_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c\u30a0\u30fb\u3003\u0f0b\u0f0c\u00b7"
)
_VARIATION_SELECTORS = frozenset("\ufe0e\ufe0f")
_SIGNS = frozenset("#\uff03")
_NOT_BEFORE_ASCII = rb"[&A-Za-z0-9_\x80-\xff]"

HASH_CONTEXT = rb"(?<!" + _NOT_BEFORE_ASCII + rb"#)"
FULLWIDTH_HASH_CONTEXT = rb"\xef\xbc\x83(?<!" + _NOT_BEFORE_ASCII + rb"\xef\xbc\x83)"
ASCII_NAME = rb"[A-Za-z0-9_]++"
ASCII_NAME_END = rb"(?![\x80-\xff]|#|://)"
ASCII_HASHTAG = re.compile(
    rb"(?:#"
    + HASH_CONTEXT
    + rb"|"
    + FULLWIDTH_HASH_CONTEXT
    + rb")("
    + ASCII_NAME
    + rb")"
    + ASCII_NAME_END
)
"""Hashtags whose sign follows ASCII (or nothing) and whose name is ASCII and ends in ASCII."""

HASH_NEEDS_UNICODE = rb"(?:(?<=[\x80-\xff]#)|(?=[A-Za-z0-9_]*+[\x80-\xff]))"
FULLWIDTH_HASH_NEEDS_UNICODE = (
    rb"\xef\xbc\x83(?:(?<=[\x80-\xff]\xef\xbc\x83)|(?=[A-Za-z0-9_]*+[\x80-\xff]))"
)
# Split in two so that each pattern starts with one literal, which the engine finds fast.
NEEDS_UNICODE = re.compile(rb"#" + HASH_NEEDS_UNICODE)
"""Every sign `ASCII_HASHTAG` does not settle: after a non-ASCII character, or before one."""
WIDE_NEEDS_UNICODE = re.compile(FULLWIDTH_HASH_NEEDS_UNICODE)
_ASCII_SIGN_HASHTAG = re.compile(rb"#" + HASH_CONTEXT + rb"(" + ASCII_NAME + rb")" + ASCII_NAME_END)
"""`ASCII_HASHTAG` for an ASCII sign: a literal first byte, which the engine finds fastest."""
_FULLWIDTH_SIGN = "\uff03".encode()
_START = itemgetter(1)  # a `Span`'s start, or a plain tuple's
_HASHTAG = EntityKind.HASHTAG

_ANY_SIGN = re.compile(_SIGN)
# Where a name could end: ASCII word characters and any non-ASCII character. `_name_in` then finds
# where it really ends.
_NAME_RUN = re.compile(
    rb"(?:[A-Za-z0-9_]|[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3})++"
)
_LONGEST_RUN = 4096


def ascii_name_is_valid(name: bytes) -> bool:
    """An ASCII name needs a letter: `#16` and `#_` are not hashtags."""
    return name.lower() != name.upper()


def hashtag_at(buf: bytes | bytearray, sign_start: int, limit: int) -> Span | None:
    """The hashtag whose sign starts at `sign_start`, if the rules allow one there."""
    sign_end = sign_start + (1 if buf[sign_start] == 0x23 else 3)
    if not _may_follow(_char_before(buf, sign_start)):
        return None
    run = _NAME_RUN.match(buf, sign_end, limit)
    if run is None:
        return None
    name, name_end = _name_in(bytes(buf[sign_end : min(run.end(), sign_end + _LONGEST_RUN)]))
    if not name:
        return None
    rest = bytes(buf[sign_end + name_end : min(limit, sign_end + name_end + 3)])
    if rest[:1] == b"#" or rest.startswith(("\uff03".encode(), b"://")):
        return None
    return Span(EntityKind.HASHTAG, sign_start, sign_end + name_end, name)


def find_hashtags(buf: bytes | bytearray, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """The hashtags of `buf[start:end]` in order: `hashtag_at` of every sign, as
    `find_hashtags_slowly` reads them. Without a full-width sign, the ASCII hashtags are read
    with one pattern (`_ASCII_SIGN_HASHTAG`) and only the other signs (`NEEDS_UNICODE`) one by
    one (a property test holds the two equal)."""
    limit = len(buf) if end is None else end
    if buf.find(_FULLWIDTH_SIGN, start, limit) >= 0:
        return find_hashtags_slowly(buf, start, limit)
    return iter([span if type(span) is Span else Span(*span) for span in _found(buf, start, limit)])


def hashtag_spans(buf: bytes | bytearray) -> list[SpanTuple]:
    """`find_hashtags` of the whole of `buf`, as plain tuples (`Span`s for the few read by
    `hashtag_at`, which equal them)."""
    if buf.find(_FULLWIDTH_SIGN) >= 0:
        return list(find_hashtags_slowly(buf))
    return _found(buf, 0, len(buf))


def _found(buf: bytes | bytearray, start: int, limit: int) -> list[SpanTuple]:
    """`find_hashtags` of text without a full-width sign."""
    found: list[SpanTuple] = []
    add = found.append
    for match in _ASCII_SIGN_HASHTAG.finditer(buf, start, limit):
        name = match[1]
        if len(name) >= _LONGEST_RUN:  # `hashtag_at` reads a name this long only in part
            span = hashtag_at(buf, match.start(), limit)
            if span is not None:
                add(span)
        elif ascii_name_is_valid(name):
            add((_HASHTAG, match.start(), match.end(), name.decode(), False))
    unicode = [
        span
        for match in NEEDS_UNICODE.finditer(buf, start, limit)
        if (span := hashtag_at(buf, match.start(), limit)) is not None
    ]
    if unicode:
        found += unicode
        found.sort(key=_START)
    return found


def find_hashtags_slowly(
    buf: bytes | bytearray, start: int = 0, end: int | None = None
) -> Iterator[Span]:
    """The reference reading: `hashtag_at` of every sign."""
    limit = len(buf) if end is None else end
    for match in _ANY_SIGN.finditer(buf, start, limit):
        span = hashtag_at(buf, match.start(), limit)
        if span is not None:
            yield span


def _char_before(buf: bytes | bytearray, pos: int) -> str:
    start = pos - 1
    while start > 0 and pos - start < 4 and 0x80 <= buf[start] < 0xC0:
        start -= 1
    return bytes(buf[max(start, 0) : pos]).decode("utf-8", "replace") if pos else ""


def _may_follow(previous: str) -> bool:
    if not previous or previous in _VARIATION_SELECTORS:
        return True
    return previous != "&" and not _is_name_char(previous)


@lru_cache(maxsize=4096)
def _name_in(run: bytes) -> tuple[str, int]:
    """The hashtag name at the start of `run` and its length in bytes; "" if there is none."""
    text = run.decode("utf-8", "ignore")
    length = 0
    has_letter = False
    for char in text:
        if not _is_name_char(char):
            break
        has_letter = has_letter or _is_letter_or_mark(char)
        length += 1
    if not has_letter:
        return "", 0
    name = text[:length]
    return name, len(name.encode())


@lru_cache(maxsize=8192)
def _is_name_char(char: str) -> bool:
    return char in _WORD_JOINERS or unicodedata.category(char) == "Nd" or _is_letter_or_mark(char)


def _is_letter_or_mark(char: str) -> bool:
    return unicodedata.category(char)[0] in "LM"
