"""Splitting glued mention+link tokens in counts (`Tally`) rather than in spans.

Where a glued token splits depends only on its run-together name and the rest of its host, which
many tokens share (the same mention glued to different pages of one site). So a `GluedSummary`
keeps what the split needs, per name and host and per tail, instead of every distinct token: it
is what a forked part of `threadline stats` sends back, much smaller than its tokens, and parts'
summaries add up exactly.
"""

from __future__ import annotations

import re
from collections import Counter

from .glued import GluedEvidence, GluedToken, RememberedSplits, Tails, add_tail
from .mentions import NAME
from .tally import SIGIL_IN_LINK, Tally, forget_inside
from .urls import domain_of

_COUNTED_NAME = re.compile(NAME)


class GluedSummary:
    __slots__ = ("names", "tails", "with_sigils")

    def __init__(self) -> None:
        self.names: Counter[tuple[str, str]] = Counter()
        """How many glued tokens have each run-together name and rest of host."""
        self.tails: Tails = {}
        """The evidence the tokens themselves give (`GluedEvidence.from_tails`)."""
        self.with_sigils: list[tuple[bytes, int, GluedToken]] = []
        """The few tokens with a sigil or an emoji in their path, counted, for a look of their
        own."""

    @classmethod
    def of(cls, counts: Tally, *, with_tails: bool = True) -> GluedSummary:
        """The summary of the glued tokens `counts` holds (without `tails` when only the split
        is wanted, `apply_glued`'s own use)."""
        summary = cls()
        for token_bytes, count, token in counts.parsed_glued():
            summary.names[token.merged, token.rest] += count
            if with_tails:
                add_tail(summary.tails, token)
            path_start = token.name_start + len(token.merged) + len(token.rest)  # both ASCII
            if SIGIL_IN_LINK.search(token_bytes, path_start, token.end):
                summary.with_sigils.append((token_bytes, count, token))
        return summary

    @classmethod
    def taken_from(cls, counts: Tally) -> GluedSummary:
        """The summary of `counts`' glued tokens, taken out of `counts`: from then on the
        summary stands for them (and `apply_glued` must be given it)."""
        summary = cls.of(counts)
        counts.glued.clear()
        return summary

    def add(self, other: GluedSummary) -> None:
        self.names.update(other.names)
        for tail, names in other.tails.items():
            self.tails.setdefault(tail, set()).update(names)
        self.with_sigils += other.with_sigils

    def evidence(self, link_domains: Counter[str]) -> GluedEvidence:
        return GluedEvidence.from_tails(link_domains, self.tails)


def apply_glued(
    result: Tally,
    evidence: GluedEvidence | RememberedSplits,
    summary: GluedSummary | None = None,
) -> None:
    """Split the glued tokens the evidence allows, as `extract_spans` does: those of `result`, or
    those `summary` describes (then `result.glued` is not read).

    Each name and host is split once with the counts of all its tokens; only a token with a
    sigil in its path needs a look of its own.
    """
    summary = GluedSummary.of(result, with_tails=False) if summary is None else summary
    handles: dict[tuple[str, str], str] = {}
    for (merged, rest), count in summary.names.items():
        split = evidence.split_name(merged, rest)
        if split is None:
            continue
        handle = handles[merged, rest] = split[0]
        counted = _COUNTED_NAME.match(merged.encode())
        if counted is not None:
            result.mentions[counted.group().decode()] -= count
        result.mentions[handle] += count
        result.domains[domain_of(merged[len(handle) :] + rest)] += count
    for token_bytes, count, token in summary.with_sigils:
        found = handles.get((token.merged, token.rest))
        if found is None:
            continue
        inner = Tally()
        link_start = token.name_start + len(found)
        forget_inside(inner, token_bytes, link_start, token.end, len(token_bytes))
        for counter, extra in (
            (result.mentions, inner.mentions),
            (result.hashtags, inner.hashtags),
            (result.flags, inner.flags),
        ):
            for name, delta in extra.items():
                counter[name] += delta * count
