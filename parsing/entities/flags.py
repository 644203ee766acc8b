"""Country flags: pairs of regional indicator symbols, and tag sequences for subdivisions.

A run of regional indicators pairs from the left, so 🇷🇺🇦🇲 is RU then AM and the 🇺🇦 that a
reader might see in the middle of it is not there. A pair counts only if it names a region with a
flag (`RU`, `EU`, `UN`); a black flag with tag letters and a cancel tag is a subdivision
(`GB-SCT`, Scotland). Names are CLDR's English names, shipped in `data/regions.tsv`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache

from ..data_files import read_data
from .spans import EntityKind, Span, SpanTuple

_REGIONAL_INDICATOR = rb"\xf0\x9f\x87[\xa6-\xbf]"
_TAG = rb"(?:\xf3\xa0\x80[\xb0-\xb9]|\xf3\xa0\x81[\xa1-\xba])"  # tag digits and small letters
# Both shapes start with the same two bytes: a literal prefix the engine skips to.
AFTER_PREFIX = (
    rb"\x87[\xa6-\xbf]" + _REGIONAL_INDICATOR + rb"|\x8f\xb4" + _TAG + rb"{2,6}\xf3\xa0\x81\xbf"
)
"""What follows the two bytes (F0 9F) every flag starts with."""
FLAG = re.compile(rb"\xf0\x9f(?:" + AFTER_PREFIX + rb")")
_REGIONAL_A = 0x1F1E6
_TAG_BASE = 0xE0000
_FLAG = EntityKind.FLAG


@lru_cache(maxsize=1 << 12)  # a few hundred flags in use: each read once, not once per use
def flag_code(flag: bytes) -> str | None:
    """`RU` for the bytes of 🇷🇺, `GB-SCT` for Scotland's; None when it names no region."""
    code = _decode_code(flag)
    return code if code in region_names() else None


@cache
def _decode_code(flag: bytes) -> str:
    points = [ord(ch) for ch in flag.decode()]
    if len(points) == 2:
        return "".join(chr(p - _REGIONAL_A + ord("A")) for p in points)
    tags = "".join(chr(p - _TAG_BASE) for p in points[1:-1]).upper()
    return f"{tags[:2]}-{tags[2:]}"


def flag_emoji(code: str) -> str:
    """The emoji of a code: `RU` → 🇷🇺, `GB-SCT` → 🏴 with its tags."""
    if "-" not in code:
        return "".join(chr(_REGIONAL_A + ord(ch) - ord("A")) for ch in code.upper())
    tags = "".join(chr(_TAG_BASE + ord(ch)) for ch in code.replace("-", "").lower())
    return "\U0001f3f4" + tags + chr(_TAG_BASE + 0x7F)


@cache
def region_names() -> dict[str, str]:
    """Every flag code to its English name."""
    table = read_data("regions.tsv")
    names: dict[str, str] = {}
    for line in table.splitlines():
        if line and not line.startswith("#"):
            code, name = line.split("\t")
            names[code] = name
    return names


def fold(text: str) -> str:
    """Lower case without accents, for matching names as people type them (`turkiye`)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def flag_spans(buf: bytes | bytearray) -> list[SpanTuple]:
    """`find_flags` of the whole of `buf`, as plain tuples."""
    found: list[SpanTuple] = []
    add = found.append
    for match in FLAG.finditer(buf):
        code = flag_code(match[0])
        if code is not None:
            add((_FLAG, match.start(), match.end(), code, False))
    return found


def find_flags(buf: bytes | bytearray, start: int = 0, end: int | None = None) -> Iterator[Span]:
    for match in FLAG.finditer(buf, start, len(buf) if end is None else end):
        code = flag_code(match.group())
        if code is not None:
            yield Span(EntityKind.FLAG, match.start(), match.end(), code)
