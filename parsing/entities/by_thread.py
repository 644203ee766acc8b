"""Entity counts for many threads at once: each thread's counts are `tally`'s of its text alone.

The index needs the counts of every thread; calling `tally` per thread would pay its fixed cost
(a dozen scans, a dozen counters) a hundred thousand times. Here the common patterns run once
per thread with `findall`, and the rare ones (Unicode hashtags, links) scan a whole batch of
threads once, each match given to its thread by position. The patterns and the per-match rules
are `tally`'s own; a property test holds the counts equal to `tally`'s thread by thread.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence

from .hashtags import NEEDS_UNICODE, hashtag_at
from .link_tokens import LinkTokens
from .tally import (
    CASHTAGS,
    FLAGS,
    HASHTAGS,
    MENTIONS,
    Tally,
    count_cashtags,
    count_flags,
    count_hashtags,
    count_mentions,
    has_wide_signs,
    settle_link,
    tally,
)
from .urls import candidate_tokens, domain_of, links_in_token, plain_host


def tally_by_thread(
    buf: bytes | bytearray, spans: Sequence[tuple[int, int]], tokens: LinkTokens | None = None
) -> list[Tally]:
    """One `Tally` per (start, end) span; spans are sorted and do not overlap. `tokens`, if
    given, are the link tokens of a stretch of `buf` holding the spans, read before (see
    `_kept_tokens` for when they can stand for the spans' own).

    Mentions, ASCII hashtags, cashtags and flags are counted with one `findall` per thread, in
    C. Hashtags that need Unicode rules and links are few enough to be read one by one, over the
    whole batch. A thread with a fullwidth sign, or with a token run across its edge, is counted
    by `tally` alone (see `_read_alone`)."""
    if not spans:
        return []
    low, high = spans[0][0], spans[-1][1]
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
    for at in _read_alone(buf, spans, has_wide_signs(buf, low, high)):
        tallies[at] = tally(buf, *spans[at])
    return tallies


def _read_alone(
    buf: bytes | bytearray, spans: Sequence[tuple[int, int]], wide: bool
) -> Iterator[int]:
    """The threads whose counts only `tally` of their own text gives: those with a fullwidth
    sign (the scans above skip the fullwidth patterns), and those that start or end inside a
    token (the batch's link tokens run across their edges)."""
    size = len(buf)
    for at, (start, end) in enumerate(spans):
        if (
            (start and buf[start - 1] not in _ASCII_WHITESPACE)
            or (end < size and buf[end] not in _ASCII_WHITESPACE)
            or (wide and has_wide_signs(buf, start, end))
        ):
            yield at


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
