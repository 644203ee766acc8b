"""All the entities of one text, in order, without overlaps.

This is the reference reading of a post: every scanner runs over the post's UTF-8 bytes, glued
mention+link tokens are split where the evidence allows, and where two entities overlap the one
that starts first wins (a `#fragment` inside a link stays part of the link).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from operator import ge, itemgetter, lt
from typing import TypeVar, cast

from .cashtags import cashtag_spans, find_cashtags
from .flags import find_flags, flag_spans
from .glued import GluedEvidence, GluedToken, find_glued, split_spans
from .hashtags import find_hashtags, hashtag_spans
from .mentions import find_mentions, mention_spans
from .spans import EntityKind, Span, SpanTuple
from .urls import domain_of, link_spans, scan_links

_START, _END = itemgetter(1), itemgetter(2)  # a `Span`'s start and end, or a plain tuple's
_MENTION = EntityKind.MENTION
AnySpan = TypeVar("AnySpan", bound=SpanTuple)


def extract_spans(buf: bytes | bytearray, evidence: GluedEvidence | None = None) -> list[Span]:
    """The entities of `buf` as byte spans, sorted, overlaps removed.

    `evidence` comes from the whole corpus; without it the text is its own evidence.
    """
    links = list(scan_links(buf, 0, len(buf)))
    glued = list(find_glued(buf))
    if evidence is None:
        evidence = GluedEvidence.gather((domain_of(link.host) for link in links), glued)
    spans = [
        Span(EntityKind.LINK, link.start, link.end, link.url, link.truncated) for link in links
    ]
    spans += find_mentions(buf)
    spans += find_hashtags(buf)
    spans += find_cashtags(buf)
    spans += find_flags(buf)
    if glued:
        spans = _apply_splits(spans, glued, evidence)
    return drop_overlaps(spans)


def extract_span_tuples(
    buf: bytes | bytearray, evidence: GluedEvidence, links: list[SpanTuple] | None = None
) -> list[SpanTuple]:
    """`extract_spans` with the corpus's evidence, as plain tuples (equal to its `Span`s): what
    a batch of many posts is read with (`batch`), where making a `Span` per entity cost a
    sixth of the reading. `links`, when given, are `link_spans(buf, 0, len(buf))` read before
    (taken over: the list is extended)."""
    spans = link_spans(buf, 0, len(buf)) if links is None else links
    mentions = mention_spans(buf)
    glued = list(find_glued(buf))
    split: list[SpanTuple] = []
    if glued:
        mentions, split = _split_glued(mentions, glued, evidence)
    spans += mentions
    spans += hashtag_spans(buf)
    spans += cashtag_spans(buf)
    spans += flag_spans(buf)
    spans += split
    return drop_overlaps(spans)


def drop_overlaps(spans: Iterable[AnySpan]) -> list[AnySpan]:
    """`spans` by start, the longer first where two start together, each that overlaps one
    kept before it left out."""
    ordered = sorted(spans, key=_START)
    starts, ends = list(map(_START, ordered)), list(map(_END, ordered))
    # Usually no two touch: each starts at or after the end of the one before, and none is
    # empty (an empty one could tie with another and would need the order below). Told in C.
    if not any(map(lt, starts[1:], ends)) and not any(map(ge, starts, ends)):
        return ordered
    kept: list[AnySpan] = []
    reach = -1
    # By start, the longer first where two start together: two stable sorts with C keys (spans
    # with the same start and end stay in the order given, as sorting `spans` itself leaves them).
    ordered.sort(key=_END, reverse=True)
    ordered.sort(key=_START)
    for span in ordered:
        if span[1] >= reach:
            kept.append(span)
            reach = span[2]
    return kept


def _apply_splits(
    spans: list[AnySpan], glued: list[GluedToken], evidence: GluedEvidence
) -> list[AnySpan]:
    replaced: set[int] = set()
    extra: list[AnySpan] = []
    for token in glued:
        split = evidence.split(token)
        if split is not None:
            replaced.add(token.start)
            # Spans: what either kind of list holds (a `Span` is a `SpanTuple`).
            extra += cast(tuple[AnySpan, AnySpan], split_spans(token, split[0]))
    if not replaced:
        return spans
    # The start first: a set lookup turns away almost every span at once.
    kept = [s for s in spans if not (s[1] in replaced and s[0] is _MENTION)]
    return kept + extra


def _split_glued(
    mentions: list[SpanTuple], glued: list[GluedToken], evidence: GluedEvidence
) -> tuple[list[SpanTuple], list[SpanTuple]]:
    """`_apply_splits` for the mentions alone (the only spans it takes out): the mentions
    without those the glued tokens that split start with, and what they split into. The
    mentions are in order, so each is found by bisection rather than every span looked at."""
    taken: list[int] = []
    split: list[SpanTuple] = []
    starts = list(map(_START, mentions))
    for token in glued:
        handle = evidence.split(token)
        if handle is not None:
            split += split_spans(token, handle[0])
            at = bisect_left(starts, token.start)
            if at < len(starts) and starts[at] == token.start:
                taken.append(at)
    if not taken:
        return mentions, split
    kept: list[SpanTuple] = []
    after = 0
    for at in sorted(taken):
        kept += mentions[after:at]
        after = at + 1
    kept += mentions[after:]
    return kept, split


def code_point_offsets(buf: bytes, spans: list[Span]) -> list[tuple[int, int]]:
    """Each span's (start, end) in code points, walking the text once."""
    counter = CodePoints(buf)
    return [(counter.at(span.start), counter.at(span.end)) for span in spans]


class CodePoints:
    """Byte offsets of a UTF-8 text to code-point offsets, for offsets asked in increasing order."""

    def __init__(self, buf: bytes) -> None:
        self.buf = buf
        self.byte = 0
        self.code_point = 0

    def at(self, byte: int) -> int:
        if byte < self.byte:  # a step back (an end after a later start); rare, so recount
            self.byte = self.code_point = 0
        self.code_point += len(self.buf[self.byte : byte].decode("utf-8", "surrogatepass"))
        self.byte = byte
        return self.code_point
