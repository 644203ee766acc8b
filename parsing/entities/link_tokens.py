"""The tokens that may hold links, read once and kept for a second reader of the same text.

The index reads every link twice: once for the corpus-wide evidence that splits glued tokens,
once for each thread's domains. Finding the tokens (`candidate_tokens`) is most of the cost of
both, so the first reading keeps where each token lies and the host of each plain link, and the
second takes them from there instead of finding them again.
"""

from __future__ import annotations

from array import array
from collections import Counter

from .urls import candidate_tokens, domain_of, links_in_token, plain_host


class LinkTokens:
    """`candidate_tokens` of a stretch, in order: where each token starts and ends, and the host
    of a plain link (None for a token the general rules must read)."""

    __slots__ = ("ends", "hosts", "starts")

    def __init__(self) -> None:
        self.starts: array[int] = array("q")
        self.ends: array[int] = array("q")
        self.hosts: list[bytes | None] = []

    def extend(self, later: LinkTokens) -> None:
        """Add the tokens of a stretch that follows."""
        self.starts += later.starts
        self.ends += later.ends
        self.hosts += later.hosts


def read_link_tokens(
    buf: bytes | bytearray, start: int, end: int, domains: Counter[str]
) -> LinkTokens:
    """`count_links(buf, start, end, domains)`, the tokens kept (each distinct host once)."""
    tokens = LinkTokens()
    hosts: dict[bytes, bytes] = {}
    plain_hosts: list[bytes] = []
    for token_start, token_end, plain in candidate_tokens(buf, start, end):
        tokens.starts.append(token_start)
        tokens.ends.append(token_end)
        if plain is None:
            tokens.hosts.append(None)
            for link in links_in_token(buf, token_start, token_end):
                domains[domain_of(link.host)] += 1
        else:
            host = plain_host(plain)
            host = hosts.setdefault(host, host)
            tokens.hosts.append(host)
            plain_hosts.append(host)
    for host, count in Counter(plain_hosts).items():
        domains[domain_of(host.decode())] += count
    return tokens
