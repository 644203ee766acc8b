"""Entity counts for many threads at once: one scan per pattern over a stretch of threads.

`tally` counts one stretch of a buffer with `findall`, which is fastest when nothing has to be
told apart. The index needs the counts of every thread; calling `tally` per thread would pay
its fixed cost (a dozen scans, a dozen counters) a hundred thousand times. Here each pattern
scans a whole batch of threads once, and each match is given to its thread by position. The
patterns and the per-match rules are `tally`'s own, so the counts are the same.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence

from .flags import flag_code
from .hashtags import NEEDS_UNICODE, WIDE_NEEDS_UNICODE, ascii_name_is_valid, hashtag_at
from .link_tokens import LinkTokens
from .tally import (
    CASHTAGS,
    FLAGS,
    HASHTAGS,
    MENTIONS,
    WIDE_HASHTAGS,
    WIDE_MENTIONS,
    WIDE_SIGN,
    Tally,
    count_cashtags,
    count_flags,
    count_hashtags,
    count_mentions,
    has_wide_signs,
    settle_link,
)
from .urls import candidate_tokens, domain_of, links_in_token, plain_host


def tally_by_thread(
    buf: bytes | bytearray, spans: Sequence[tuple[int, int]], tokens: LinkTokens | None = None
) -> list[Tally]:
    """One `Tally` per (start, end) span; spans are sorted and do not overlap. `tokens`, if
    given, are the link tokens of a stretch of `buf` holding the spans, read before (see
    `_kept_tokens` for when they can stand for the spans' own).

    Mentions, ASCII hashtags, cashtags and flags are counted with one `findall` per thread, in
    C: per match, the reference (`tally_by_thread_slowly`) would pay for a match object, a
    lookup of its thread and a decode. Hashtags that need Unicode rules and links are few
    enough to be read one by one, as there. A batch with a fullwidth sign is left to the
    reference."""
    if not spans:
        return []
    low, high = spans[0][0], spans[-1][1]
    if has_wide_signs(buf, low, high):
        return tally_by_thread_slowly(buf, spans)
    tallies = []
    mentions, hashtags, cashtags, flags = (
        MENTIONS.findall,
        HASHTAGS.findall,
        CASHTAGS.findall,
        FLAGS.findall,
    )
    for start, end in spans:
        counts = Tally()
        count_mentions(counts, b"@", mentions(buf, start, end))
        count_hashtags(counts, hashtags(buf, start, end))
        count_cashtags(counts, cashtags(buf, start, end))
        count_flags(counts, flags(buf, start, end))
        tallies.append(counts)
    bounds = [at for span in spans for at in span]
    wide_tags: dict[int, list[tuple[int, int]]] = {}
    for match in NEEDS_UNICODE.finditer(buf, low, high):
        slot = bisect_right(bounds, match.start())
        if slot & 1:  # inside a span, not between two
            at = slot >> 1
            span = hashtag_at(buf, match.start(), spans[at][1])
            if span is not None:
                tallies[at].hashtags[span.value] += 1
                wide_tags.setdefault(at, []).append((span.start, span.end))
    no_tags: list[tuple[int, int]] = []
    hosts: list[tuple[int, bytes]] = []
    found = _kept_tokens(buf, low, high, tokens)
    if found is None:
        found = _tokens(buf, low, high)
    for token_start, token_end, host in found:
        slot = bisect_right(bounds, token_start)
        if not slot & 1:
            continue
        at = slot >> 1
        if host is not None:
            hosts.append((at, host))
            continue
        counts = tallies[at]
        for link in links_in_token(buf, token_start, token_end):
            counts.domains[domain_of(link.host)] += 1
            settle_link(counts, buf, link, wide_tags.get(at, no_tags), spans[at][1])
    domains: dict[bytes, str] = {}
    for (at, host), count in Counter(hosts).items():
        domain = domains.get(host)
        if domain is None:
            domain = domains[host] = domain_of(host.decode())
        tallies[at].domains[domain] += count
    return tallies


_ASCII_WHITESPACE = frozenset(b" \t\n\r\f\v")


def _kept_tokens(
    buf: bytes | bytearray, low: int, high: int, tokens: LinkTokens | None
) -> Iterator[tuple[int, int, bytes | None]] | None:
    """The kept tokens that start in `buf[low:high]`, when they are those `candidate_tokens`
    finds there: when whitespace (or the end of the text) stands on either side, no token
    crosses the stretch's edges, and a token's reading depends only on its own bytes."""
    if tokens is None:
        return None
    if low > 0 and buf[low - 1] not in _ASCII_WHITESPACE:
        return None
    if high < len(buf) and buf[high] not in _ASCII_WHITESPACE:
        return None
    first, last = bisect_left(tokens.starts, low), bisect_left(tokens.starts, high)
    return zip(
        tokens.starts[first:last], tokens.ends[first:last], tokens.hosts[first:last], strict=True
    )


def _tokens(buf: bytes | bytearray, low: int, high: int) -> Iterator[tuple[int, int, bytes | None]]:
    for token_start, token_end, plain in candidate_tokens(buf, low, high):
        yield token_start, token_end, None if plain is None else plain_host(plain)


def tally_by_thread_slowly(buf: bytes | bytearray, spans: Sequence[tuple[int, int]]) -> list[Tally]:
    """The reference reading: one scan per pattern over all the spans, each match given to its
    span by position."""
    tallies = [Tally() for _ in spans]
    if not spans:
        return tallies
    starts = [start for start, _ in spans]
    low, high = spans[0][0], spans[-1][1]

    def owner(position: int) -> Tally | None:
        at = bisect_right(starts, position) - 1
        return tallies[at] if at >= 0 and position < spans[at][1] else None

    for sign, pattern in ((b"@", MENTIONS), (WIDE_SIGN, WIDE_MENTIONS)):
        for match in pattern.finditer(buf, low, high):
            counts = owner(match.start())
            if counts is not None:
                name, glue = match.group(1, 2)
                counts.mentions[name.decode()] += 1
                if glue:
                    counts.glued[sign + name + glue] += 1
    for pattern in (HASHTAGS, WIDE_HASHTAGS):
        for match in pattern.finditer(buf, low, high):
            counts = owner(match.start())
            if counts is not None and ascii_name_is_valid(match.group(1)):
                counts.hashtags[match.group(1).decode()] += 1
    for match in CASHTAGS.finditer(buf, low, high):
        counts = owner(match.start())
        if counts is not None:
            counts.cashtags[match.group(1).decode()] += 1
    for match in FLAGS.finditer(buf, low, high):
        counts = owner(match.start())
        code = flag_code(match.group())
        if counts is not None and code is not None:
            counts.flags[code] += 1
    wide_tags: dict[int, list[tuple[int, int]]] = {}
    for pattern in (NEEDS_UNICODE, WIDE_NEEDS_UNICODE):
        for match in pattern.finditer(buf, low, high):
            at = bisect_right(starts, match.start()) - 1
            if at < 0 or match.start() >= spans[at][1]:
                continue
            span = hashtag_at(buf, match.start(), spans[at][1])
            if span is not None:
                tallies[at].hashtags[span.value] += 1
                wide_tags.setdefault(at, []).append((span.start, span.end))
    for tags in wide_tags.values():  # two patterns found them: sort once, not once per link
        tags.sort()
    no_tags: list[tuple[int, int]] = []
    for token_start, token_end, plain in candidate_tokens(buf, low, high):
        at = bisect_right(starts, token_start) - 1
        if at < 0 or token_start >= spans[at][1]:
            continue
        counts = tallies[at]
        if plain is not None:
            counts.domains[domain_of(plain_host(plain).decode())] += 1
            continue
        for link in links_in_token(buf, token_start, token_end):
            counts.domains[domain_of(link.host)] += 1
            settle_link(counts, buf, link, wide_tags.get(at, no_tags), spans[at][1])
    return tallies
