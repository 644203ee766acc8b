"""Character classes as UTF-8 byte patterns, and the classes the entity rules share.

The scanners run `bytes` regular expressions over UTF-8. A class of code points ("latin accented
letters", "Unicode spaces") becomes an alternation of byte sequences; writing those by hand is
error-prone, so they are derived here from the code-point ranges that define them.
"""

from __future__ import annotations

import re

Ranges = list[tuple[int, int]]

_UTF8_BOUNDS = ((0x0, 0x7F), (0x80, 0x7FF), (0x800, 0xFFFF), (0x10000, 0x10FFFF))


def utf8_alternation(ranges: Ranges) -> bytes:
    """A non-capturing `bytes` pattern matching exactly the UTF-8 encodings of `ranges`."""
    return b"(?:" + b"|".join(utf8_pieces(ranges)) + b")"


def utf8_pieces(ranges: Ranges) -> list[bytes]:
    """`ranges` as byte patterns that each match sequences of one fixed length.

    Fixed lengths matter for lookbehind assertions, which Python only allows at a fixed width.
    """
    pieces: list[bytes] = []
    for low, high in ranges:
        for lo_bound, hi_bound in _UTF8_BOUNDS:
            lo, hi = max(low, lo_bound), min(high, hi_bound)
            if lo <= hi:
                pieces += _same_length(_encode(lo), _encode(hi))
    return pieces


def _encode(code_point: int) -> bytes:
    # Surrogates never occur in valid UTF-8; encoding them keeps ranges that span them whole.
    return chr(code_point).encode("utf-8", "surrogatepass")


def _same_length(lo: bytes, hi: bytes) -> list[bytes]:
    """Byte patterns for every sequence between `lo` and `hi`, both of one length."""
    if len(lo) == 1:
        return [_byte_range(lo[0], hi[0])]
    if lo[0] == hi[0]:
        return [re.escape(lo[:1]) + tail for tail in _same_length(lo[1:], hi[1:])]
    rest = len(lo) - 1
    low_tail, high_tail = b"\x80" * rest, b"\xbf" * rest
    pieces: list[bytes] = []
    first, last = lo[0], hi[0]
    if lo[1:] != low_tail:
        pieces += [re.escape(lo[:1]) + t for t in _same_length(lo[1:], b"\xbf" * rest)]
        first += 1
    if hi[1:] != high_tail:
        tail_pieces = [re.escape(hi[:1]) + t for t in _same_length(b"\x80" * rest, hi[1:])]
        last -= 1
    else:
        tail_pieces = []
    if first <= last:
        pieces.append(_byte_range(first, last) + b"[\x80-\xbf]" * rest)
    return pieces + tail_pieces


def _byte_range(low: int, high: int) -> bytes:
    if low == high:
        return re.escape(bytes([low]))
    return b"[" + re.escape(bytes([low])) + b"-" + re.escape(bytes([high])) + b"]"


def str_class(ranges: Ranges) -> str:
    """The same ranges as the inside of a `str` character class."""
    return "".join(
        re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}"
        for lo, hi in ranges
    )


# twitter-text's "latin accented letters": a mention may not run into one, links may hold them.
LATIN_ACCENTS: Ranges = [
    (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0xFF), (0x100, 0x24F), (0x253, 0x254), (0x256, 0x257),
    (0x259, 0x259), (0x25B, 0x25B), (0x263, 0x263), (0x268, 0x268), (0x26F, 0x26F),
    (0x272, 0x272), (0x289, 0x289), (0x28B, 0x28B), (0x2BB, 0x2BB), (0x300, 0x36F),
    (0x1E00, 0x1EFF),
]  # fmt: skip
# What separates words: ASCII blanks and the Unicode spaces (no-break, ideographic, …).
SPACES: Ranges = [
    (0x09, 0x0D), (0x20, 0x20), (0x85, 0x85), (0xA0, 0xA0), (0x1680, 0x1680),
    (0x2000, 0x200A), (0x2028, 0x2029), (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000),
]  # fmt: skip
# Bidirectional marks that may stand right before a link in right-to-left text.
DIRECTIONAL_MARKS: Ranges = [(0x061C, 0x061C), (0x200E, 0x200F), (0x202A, 0x202E), (0x2066, 0x2069)]
# Code points that are never text: a link cannot follow them.
NONCHARACTERS: Ranges = [(0xFEFF, 0xFEFF), (0xFFFE, 0xFFFF)]
FULLWIDTH_AT = "\uff20"
FULLWIDTH_HASH = "\uff03"

LATIN_ACCENT_BYTES = utf8_alternation(LATIN_ACCENTS)
SPACE_BYTES = utf8_alternation(SPACES)
