"""Entity counts over a stretch of a buffer, without building an object per entity.

`extract_spans` reads one post; this reads thousands at once and gives the same answer. One
`findall` per sigil finds mentions, ASCII hashtags, cashtags and flags; the matches are counted
with `Counter` and only distinct keys are looked at in Python. A mention's key carries what runs
on after it, so glued mention+link tokens are recognised from keys too. Hashtags that need Unicode
rules and links are read one by one, with the same functions `extract_spans` uses; where
`extract_spans` drops an entity inside a link (`example.com/#frag`), the tally subtracts it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Hashable, Iterator
from typing import Any, TypeVar

from .cashtags import DOLLAR_CONTEXT, SYMBOL, SYMBOL_END
from .flags import AFTER_PREFIX, FLAG, flag_code
from .glued import GluedToken, glued_in_token
from .hashtags import (
    ASCII_NAME,
    ASCII_NAME_END,
    FULLWIDTH_HASH_CONTEXT,
    HASH_CONTEXT,
    NEEDS_UNICODE,
    WIDE_NEEDS_UNICODE,
    ascii_name_is_valid,
    find_hashtags,
    hashtag_at,
)
from .mentions import AT_CONTEXT, FULLWIDTH_AT_CONTEXT, NAME, NAME_END, find_mentions
from .spans import EntityKind, Span
from .urls import Link, count_links, domain_of

_GLUE_BODY = rb"[A-Za-z0-9_\-]*+\.[A-Za-z0-9\-][^ \t\n\r\f\v]*+"
"""What a glued token runs on with after the mention's name (to the token's end)."""
_GLUE = rb"(?=(" + _GLUE_BODY + rb")|)"
# One pattern per sigil, each starting with its literal bytes: the engine finds a lone literal
# with memchr, several times faster than testing every byte against a set of possible starts.
MENTIONS = re.compile(rb"@" + AT_CONTEXT + rb"(" + NAME + rb")" + NAME_END + _GLUE)
WIDE_MENTIONS = re.compile(FULLWIDTH_AT_CONTEXT + rb"(" + NAME + rb")" + NAME_END + _GLUE)
HASHTAGS = re.compile(rb"#" + HASH_CONTEXT + rb"(" + ASCII_NAME + rb")" + ASCII_NAME_END)
WIDE_HASHTAGS = re.compile(FULLWIDTH_HASH_CONTEXT + rb"(" + ASCII_NAME + rb")" + ASCII_NAME_END)
CASHTAGS = re.compile(rb"\$" + DOLLAR_CONTEXT + rb"(" + SYMBOL + rb")" + SYMBOL_END)
FLAGS = re.compile(rb"\xf0\x9f(?:" + AFTER_PREFIX + rb")")
_GLUED = rb"(?=(" + _GLUE_BODY + rb"))"  # `_GLUE`, not optional
_GLUED_MENTIONS = re.compile(rb"@" + AT_CONTEXT + rb"(" + NAME + rb")" + NAME_END + _GLUED)
_GLUED_WIDE_MENTIONS = re.compile(FULLWIDTH_AT_CONTEXT + rb"(" + NAME + rb")" + NAME_END + _GLUED)
WIDE_SIGN = "\uff20".encode()
# A fullwidth @ or # (EF BC A0, EF BC 83): rare, so their three scans run only where one is.
# The pattern starts with a single literal byte, which the engine looks for fastest.
_WIDE_SIGNS = re.compile(rb"\xbc[\xa0\x83](?<=\xef\xbc[\xa0\x83])")
_NOT_GLUED = GluedToken(0, 0, "", "", 0, "", False)
_GLUED_CACHE: dict[bytes, GluedToken] = {}
"""Glued tokens read so far: the same token is read for the evidence and for the split."""
# What could start an entity inside a link: @, #, a fullwidth sign (EF BC ..), an emoji (F0 9F).
SIGIL_IN_LINK = re.compile(rb"[@#]|\xef\xbc|\xf0\x9f")


def _empty() -> Counter[Any]:
    return Counter.__new__(Counter)


class Tally:
    __slots__ = ("cashtags", "domains", "flags", "glued", "hashtags", "mentions")

    def __init__(self) -> None:
        # The index makes one per thread: an empty Counter made without its Python-level
        # `__init__` (which only handles arguments) costs a fifth as much.
        self.mentions: Counter[str] = _empty()
        self.hashtags: Counter[str] = _empty()
        self.cashtags: Counter[str] = _empty()
        self.flags: Counter[str] = _empty()
        self.domains: Counter[str] = _empty()
        """Links by domain; their sum is the number of links."""
        self.glued: Counter[bytes] = _empty()
        """Glued mention+link tokens (from the at sign to the token end), not yet split."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Tally) and all(
            getattr(self, name) == getattr(other, name) for name in self.__slots__
        )

    __hash__ = None  # type: ignore[assignment]  # mutable: never a key

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"Tally({counts})"

    @property
    def links(self) -> int:
        return self.domains.total()

    def counts(self) -> dict[str, int]:
        """Entities per kind."""
        return {
            EntityKind.MENTION.value: self.mentions.total(),
            EntityKind.LINK.value: self.links,
            EntityKind.HASHTAG.value: self.hashtags.total(),
            EntityKind.CASHTAG.value: self.cashtags.total(),
            EntityKind.FLAG.value: self.flags.total(),
        }

    def add(self, other: Tally) -> None:
        self.mentions.update(other.mentions)
        self.hashtags.update(other.hashtags)
        self.cashtags.update(other.cashtags)
        self.flags.update(other.flags)
        self.domains.update(other.domains)
        self.glued.update(other.glued)

    def glued_tokens(self) -> Iterator[GluedToken]:
        for _, _, token in self.parsed_glued():
            yield token

    def parsed_glued(self) -> list[tuple[bytes, int, GluedToken]]:
        """Each glued token, its count and its reading, read once per distinct token."""
        found = []
        for token_bytes, count in self.glued.items():
            parsed = _GLUED_CACHE.get(token_bytes)
            if parsed is None:
                parsed = _GLUED_CACHE[token_bytes] = glued_in_token(token_bytes) or _NOT_GLUED
            if parsed is not _NOT_GLUED:
                found.append((token_bytes, count, parsed))
        return found


def tally(buf: bytes | bytearray, start: int = 0, end: int | None = None) -> Tally:
    """Count the entities of `buf[start:end]` as `extract_spans` would find them, glued
    tokens still unsplit (see `apply_glued`)."""
    end = len(buf) if end is None else end
    result = Tally()
    wide = has_wide_signs(buf, start, end)
    mention_scans = ((b"@", MENTIONS), (WIDE_SIGN, WIDE_MENTIONS)) if wide else ((b"@", MENTIONS),)
    for sign, pattern in mention_scans:
        count_mentions(result, sign, pattern.findall(buf, start, end))
    for pattern in (HASHTAGS, WIDE_HASHTAGS) if wide else (HASHTAGS,):
        count_hashtags(result, pattern.findall(buf, start, end))
    count_cashtags(result, CASHTAGS.findall(buf, start, end))
    count_flags(result, FLAGS.findall(buf, start, end))
    wide_tags: list[tuple[int, int]] = []
    for pattern in (NEEDS_UNICODE, WIDE_NEEDS_UNICODE) if wide else (NEEDS_UNICODE,):
        for match in pattern.finditer(buf, start, end):
            span = hashtag_at(buf, match.start(), end)
            if span is not None:
                result.hashtags[span.value] += 1
                wide_tags.append((span.start, span.end))
    wide_tags.sort()
    for link in count_links(buf, start, end, result.domains):
        settle_link(result, buf, link, wide_tags, end)
    return result


_K = TypeVar("_K", bound=Hashable)


def _counted(found: list[_K]) -> dict[_K, int]:
    """How often each match occurs, in order of first occurrence (a loop for the few matches
    of one thread: `Counter`'s own set-up costs more than counting them)."""
    if len(found) > 32:
        return Counter(found)
    counts: dict[_K, int] = {}
    for item in found:
        counts[item] = counts.get(item, 0) + 1
    return counts


def has_wide_signs(buf: bytes | bytearray, start: int, end: int) -> bool:
    """Is there a fullwidth @ or # in `buf[start:end]` (without one, their scans find nothing)?"""
    return _WIDE_SIGNS.search(buf, start, end) is not None


def count_mentions(result: Tally, sign: bytes, found: list[tuple[bytes, bytes]]) -> None:
    """Count what a mention pattern (`MENTIONS`, `WIDE_MENTIONS` after `sign`) found."""
    mentions, glued = result.mentions, result.glued
    for (name, glue), count in _counted(found).items():
        key = name.decode()
        mentions[key] = mentions.get(key, 0) + count
        if glue:
            token = sign + name + glue
            glued[token] = glued.get(token, 0) + count


def count_hashtags(result: Tally, found: list[bytes]) -> None:
    """Count what an ASCII hashtag pattern (`HASHTAGS`, `WIDE_HASHTAGS`) found."""
    hashtags = result.hashtags
    for name, count in _counted(found).items():
        if ascii_name_is_valid(name):
            key = name.decode()
            hashtags[key] = hashtags.get(key, 0) + count


def count_cashtags(result: Tally, found: list[bytes]) -> None:
    cashtags = result.cashtags
    for name, count in _counted(found).items():
        key = name.decode()
        cashtags[key] = cashtags.get(key, 0) + count


def count_flags(result: Tally, found: list[bytes]) -> None:
    """Count the flags `FLAGS` found that name a region."""
    flags = result.flags
    for flag, count in _counted(found).items():
        code = flag_code(flag)
        if code is not None:
            flags[code] = flags.get(code, 0) + count


def glued_tokens(buf: bytes | bytearray, start: int = 0, end: int | None = None) -> Counter[bytes]:
    """The glued mention+link tokens of `buf[start:end]` as `tally` records them, from the
    mention scans alone: the mentions with something glued on, which no other mention can
    start inside (a name holds no at sign), so the rest need not be matched whole."""
    end = len(buf) if end is None else end
    found: Counter[bytes] = Counter()
    for sign, pattern in ((b"@", _GLUED_MENTIONS), (WIDE_SIGN, _GLUED_WIDE_MENTIONS)):
        for (name, glue), count in Counter(pattern.findall(buf, start, end)).items():
            found[sign + name + glue] += count
    return found


def settle_link(
    result: Tally, buf: bytes | bytearray, link: Link, wide_tags: list[tuple[int, int]], end: int
) -> None:
    """A link read by the general rules, already counted: undo what `extract_spans` would drop.

    `#tagÀexample.com`: a link may start after a non-ASCII letter inside a hashtag (`wide_tags`,
    sorted) that starts first; the hashtag wins. `example.com/#frag`: what starts inside the link
    is not an entity of its own.
    """
    if _inside_any(link.start, wide_tags):
        result.domains[domain_of(link.host)] -= 1
    elif SIGIL_IN_LINK.search(buf, link.start, link.end):
        forget_inside(result, buf, link.start, link.end, end)


def _inside_any(position: int, spans: list[tuple[int, int]]) -> bool:
    """Is `position` inside one of the sorted, non-overlapping `spans`?"""
    at = bisect_right(spans, (position, position)) - 1
    return at >= 0 and spans[at][0] < position < spans[at][1]


def forget_inside(result: Tally, buf: bytes | bytearray, start: int, stop: int, end: int) -> None:
    """Un-count the mentions, hashtags and flags that start inside the link at start..stop."""
    for span in _starting_inside(find_mentions(buf, start, end), stop):
        result.mentions[span.value] -= 1
    for span in _starting_inside(find_hashtags(buf, start, end), stop):
        result.hashtags[span.value] -= 1
    for flag in FLAG.finditer(buf, start, stop):
        code = flag_code(flag.group())
        if code is not None:
            result.flags[code] -= 1


def _starting_inside(spans: Iterator[Span], stop: int) -> list[Span]:
    found = []
    for span in spans:
        if span.start >= stop:
            break
        found.append(span)
    return found
