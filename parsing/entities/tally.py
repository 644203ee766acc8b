"""Entity counts over a stretch of a buffer, without building an object per entity.

`extract_spans` reads one post; this reads thousands at once and gives the same answer. Mentions,
ASCII hashtags, cashtags and flags are counted with one `findall` each. Hashtags that need Unicode
rules, and links, are read one by one with the same functions `extract_spans` uses. Where
`extract_spans` drops an entity that overlaps a link (`example.com/#frag`), the tally subtracts
it; where it splits a glued mention+link, `apply_glued` does the same.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from .cashtags import CASHTAG
from .flags import FLAG, flag_code
from .glued import GluedEvidence, GluedToken, find_glued, glued_domain
from .hashtags import ASCII_HASHTAG, NEEDS_UNICODE, ascii_name_is_valid, find_hashtags, hashtag_at
from .mentions import MENTION, find_mentions
from .spans import EntityKind, Span
from .urls import domain_of, scan_links

_SIGILS_IN_LINK = (b"@", b"#", b"\xef\xbc", b"\xf0\x9f")


@dataclass(slots=True)
class Tally:
    mentions: Counter[str] = field(default_factory=Counter)
    hashtags: Counter[str] = field(default_factory=Counter)
    cashtags: Counter[str] = field(default_factory=Counter)
    flags: Counter[str] = field(default_factory=Counter)
    domains: Counter[str] = field(default_factory=Counter)
    """Links by domain; their sum is the number of links."""
    glued: list[GluedToken] = field(default_factory=list)

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
        self.glued += other.glued


def tally(buf: bytes | bytearray, start: int = 0, end: int | None = None) -> Tally:
    """Count the entities of `buf[start:end]` as `extract_spans` would find them, glued
    tokens still unsplit (see `apply_glued`)."""
    end = len(buf) if end is None else end
    result = Tally()
    for name, count in Counter(MENTION.findall(buf, start, end)).items():
        result.mentions[name.decode()] += count
    for name, count in Counter(ASCII_HASHTAG.findall(buf, start, end)).items():
        if ascii_name_is_valid(name):
            result.hashtags[name.decode()] += count
    for match in NEEDS_UNICODE.finditer(buf, start, end):
        span = hashtag_at(buf, match.start(), end)
        if span is not None:
            result.hashtags[span.value] += 1
    for name, count in Counter(CASHTAG.findall(buf, start, end)).items():
        result.cashtags[name.decode()] += count
    for flag, count in Counter(FLAG.findall(buf, start, end)).items():
        code = flag_code(flag)
        if code is not None:
            result.flags[code] += count
    for link in scan_links(buf, start, end):
        result.domains[domain_of(link.host)] += 1
        if any(sigil in buf[link.start : link.end] for sigil in _SIGILS_IN_LINK):
            _forget_inside(result, buf, link.start, link.end, end)
    result.glued = list(find_glued(buf, start, end))
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


def apply_glued(result: Tally, buf: bytes | bytearray, evidence: GluedEvidence, end: int) -> None:
    """Split the glued tokens the evidence allows, as `extract_spans` does."""
    for token in result.glued:
        split = evidence.split(token)
        if split is None:
            continue
        handle = split[0]
        counted = MENTION.match(buf, token.start, end)
        if counted is not None:
            result.mentions[counted.group(1).decode()] -= 1
        result.mentions[handle] += 1
        result.domains[glued_domain(token, handle)] += 1
        link_start = token.name_start + len(handle)
        if any(sigil in buf[link_start : token.end] for sigil in _SIGILS_IN_LINK):
            _forget_inside(result, buf, link_start, token.end, end)
