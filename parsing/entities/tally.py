"""Entity counts over a stretch of a buffer, without building an object per entity.

`extract_spans` reads one post; this reads thousands at once and gives the same answer. One
combined `findall` finds mentions, ASCII hashtags, cashtags and flags; its matches are counted
with `Counter` and only distinct keys are looked at in Python. A mention's key carries what runs
on after it, so glued mention+link tokens are recognised from keys too. Hashtags that need Unicode
rules and links are read one by one, with the same functions `extract_spans` uses; where
`extract_spans` drops an entity inside a link (`example.com/#frag`), the tally subtracts it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from .cashtags import DOLLAR_CONTEXT, SYMBOL, SYMBOL_END
from .flags import AFTER_PREFIX, FLAG, flag_code
from .glued import GluedEvidence, GluedToken, glued_domain, glued_in_token
from .hashtags import (
    ASCII_NAME,
    ASCII_NAME_END,
    FULLWIDTH_HASH_CONTEXT,
    FULLWIDTH_HASH_NEEDS_UNICODE,
    HASH_CONTEXT,
    HASH_NEEDS_UNICODE,
    NEEDS_UNICODE,
    ascii_name_is_valid,
    find_hashtags,
    hashtag_at,
)
from .mentions import AT_CONTEXT, FULLWIDTH_AT_CONTEXT, NAME, NAME_END, find_mentions
from .spans import EntityKind, Span
from .urls import domain_of, scan_links

_GLUE = rb"(?=([A-Za-z0-9_\-]*+\.[A-Za-z0-9\-][^ \t\n\r\f\v]*+)|)"
# Every branch starts with a literal byte, so the engine skips between sigils quickly.
_SIGILS = re.compile(
    rb"@" + AT_CONTEXT + rb"(" + NAME + rb")" + NAME_END + _GLUE
    + rb"|" + FULLWIDTH_AT_CONTEXT + rb"(" + NAME + rb")" + NAME_END + _GLUE
    + rb"|#" + HASH_CONTEXT + rb"(" + ASCII_NAME + rb")" + ASCII_NAME_END
    + rb"|" + FULLWIDTH_HASH_CONTEXT + rb"(" + ASCII_NAME + rb")" + ASCII_NAME_END
    + rb"|#" + HASH_NEEDS_UNICODE + rb"()"
    + rb"|" + FULLWIDTH_HASH_NEEDS_UNICODE + rb"()"
    + rb"|\$" + DOLLAR_CONTEXT + rb"(" + SYMBOL + rb")" + SYMBOL_END
    + rb"|\xf0\x9f(" + AFTER_PREFIX + rb")"
)  # fmt: skip
_SIGILS_IN_LINK = (b"@", b"#", b"\xef\xbc", b"\xf0\x9f")
_FLAG_PREFIX = b"\xf0\x9f"
_COUNTED_NAME = re.compile(NAME)


@dataclass(slots=True)
class Tally:
    mentions: Counter[str] = field(default_factory=Counter)
    hashtags: Counter[str] = field(default_factory=Counter)
    cashtags: Counter[str] = field(default_factory=Counter)
    flags: Counter[str] = field(default_factory=Counter)
    domains: Counter[str] = field(default_factory=Counter)
    """Links by domain; their sum is the number of links."""
    glued: Counter[bytes] = field(default_factory=Counter)
    """Glued mention+link tokens (from the at sign to the token end), not yet split."""

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
        for token in self.glued:
            parsed = glued_in_token(token)
            if parsed is not None:
                yield parsed


def tally(buf: bytes | bytearray, start: int = 0, end: int | None = None) -> Tally:
    """Count the entities of `buf[start:end]` as `extract_spans` would find them, glued
    tokens still unsplit (see `apply_glued`)."""
    end = len(buf) if end is None else end
    result = Tally()
    needs_unicode = False
    for key, count in Counter(_SIGILS.findall(buf, start, end)).items():
        mention, glue, wide_mention, wide_glue, tag, wide_tag = key[:6]
        if mention or wide_mention:
            name = mention or wide_mention
            result.mentions[name.decode()] += count
            if glue or wide_glue:
                sign = b"@" if mention else "\uff20".encode()
                result.glued[sign + name + (glue or wide_glue)] += count
        elif tag or wide_tag:
            if ascii_name_is_valid(tag or wide_tag):
                result.hashtags[(tag or wide_tag).decode()] += count
        elif key[8]:  # key[6] and key[7] are the Unicode hashtag branches' empty groups
            result.cashtags[key[8].decode()] += count
        elif key[9]:
            code = flag_code(_FLAG_PREFIX + key[9])
            if code is not None:
                result.flags[code] += count
        else:
            needs_unicode = True  # only the Unicode hashtag branches leave every group empty
    if needs_unicode:
        for match in NEEDS_UNICODE.finditer(buf, start, end):
            span = hashtag_at(buf, match.start(), end)
            if span is not None:
                result.hashtags[span.value] += 1
    for link in scan_links(buf, start, end):
        result.domains[domain_of(link.host)] += 1
        if any(sigil in buf[link.start : link.end] for sigil in _SIGILS_IN_LINK):
            _forget_inside(result, buf, link.start, link.end, end)
    return result


def _forget_inside(result: Tally, buf: bytes | bytearray, start: int, stop: int, end: int) -> None:
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


def apply_glued(result: Tally, evidence: GluedEvidence) -> None:
    """Split the glued tokens the evidence allows, as `extract_spans` does."""
    for token_bytes, count in result.glued.items():
        token = glued_in_token(token_bytes)
        split = None if token is None else evidence.split(token)
        if token is None or split is None:
            continue
        handle = split[0]
        counted = _COUNTED_NAME.match(token_bytes, token.name_start)
        if counted is not None:
            result.mentions[counted.group().decode()] -= count
        result.mentions[handle] += count
        result.domains[glued_domain(token, handle)] += count
        link_start = token.name_start + len(handle)
        if any(sigil in token_bytes[link_start : token.end] for sigil in _SIGILS_IN_LINK):
            inner = Tally()
            _forget_inside(inner, token_bytes, link_start, token.end, len(token_bytes))
            for counter, extra in (
                (result.mentions, inner.mentions),
                (result.hashtags, inner.hashtags),
                (result.flags, inner.flags),
            ):
                for name, delta in extra.items():
                    counter[name] += delta * count
