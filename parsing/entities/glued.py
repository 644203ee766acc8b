"""A mention and a link glued together by copying a page: `@baunovcarnegie.ru/commentary/829…`.

Thread Reader App puts a link right after the mention before it, and copying the page loses the
space between them. By twitter-text's rules such a token is one long mention and no link. It is
split (mention `@baunov`, link `carnegie.ru/commentary/829…`) only on evidence from the corpus:

1. the domain appears as a link elsewhere (`bloomberg.com/news/…` makes `@businessbloomberg.com/…`
   `@business` + `bloomberg.com/…`);
2. several glued tokens share a domain and a path, and the names before the domain differ: their
   common ending is the domain's first label.

Without evidence the mention stays as twitter-text reads it (`@test.com` is `@test`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from .mentions import AT_CONTEXT, AT_SIGN, FULLWIDTH_AT_BYTES
from .spans import EntityKind, Span
from .tlds import is_tld
from .urls import extent_after_host

_GLUED_NAME = rb"(?P<merged>[A-Za-z0-9_]++[A-Za-z0-9\-]*+)(?P<rest>(?:\.[A-Za-z0-9\-]++)+)"
GLUED = re.compile(AT_SIGN + _GLUED_NAME)
"""A mention run into a dotted name; `find_glued` keeps those ending in a TLD."""
_ASCII_AT_GLUED = re.compile(rb"@" + AT_CONTEXT + _GLUED_NAME)
"""`GLUED` for text without a full-width at sign (a literal first byte is found fastest)."""
_MAX_HANDLE = 20  # twitter-text's longest mention name
_HANDLE = re.compile(rf"[A-Za-z0-9_]{{1,{_MAX_HANDLE}}}")
_LABEL_START = re.compile(r"[A-Za-z0-9]")


class GluedToken(NamedTuple):
    """A tuple, not a frozen dataclass: `stats` reads thousands of them in a forked process and
    sends them back pickled, which costs about half as much for a tuple."""

    start: int
    """Where the at sign starts."""
    name_start: int
    merged: str
    """The handle and the domain's first label, run together: `baunovcarnegie`."""
    rest: str
    """The rest of the host: `.ru`."""
    end: int
    """Where the glued link ends."""
    path: str
    truncated: bool


def find_glued(
    buf: bytes | bytearray, start: int = 0, end: int | None = None
) -> Iterator[GluedToken]:
    limit = len(buf) if end is None else end
    pattern = GLUED if buf.find(FULLWIDTH_AT_BYTES, start, limit) >= 0 else _ASCII_AT_GLUED
    for match in pattern.finditer(buf, start, limit):
        token = _glued_from(buf, match, limit)
        if token is not None:
            yield token


def glued_in_token(token: bytes) -> GluedToken | None:
    """The glued mention+link a whitespace-free `token` starting at its at sign holds, if any.

    Offsets are relative to the token. The mention's context was checked where the token stands.
    """
    match = GLUED.match(token)
    return None if match is None else _glued_from(token, match, len(token))


def _glued_from(buf: bytes | bytearray, match: re.Match[bytes], limit: int) -> GluedToken | None:
    # `stats` reads every distinct glued token of a corpus here: the match is read once.
    start, host_end = match.span()
    merged, rest = match.group(1, 2)
    if not is_tld(rest[rest.rfind(b".") + 1 :].decode()) or _continues_name(
        buf[host_end : host_end + 1]
    ):
        return None
    link_end, truncated = extent_after_host(buf, host_end, limit)
    path = bytes(buf[host_end:link_end]).decode("utf-8", "replace")
    name_start = host_end - len(rest) - len(merged)
    return GluedToken(start, name_start, merged.decode(), rest.decode(), link_end, path, truncated)


class GluedEvidence:
    """The domains that justify splitting a glued token."""

    __slots__ = ("_labels", "domains")

    def __init__(self, domains: frozenset[str]) -> None:
        self.domains = domains
        labels: dict[str, set[str]] = defaultdict(set)
        for domain in domains:
            first, dot, after = domain.partition(".")
            if dot and first:
                labels[dot + after].add(first)
        self._labels = {rest: frozenset(firsts) for rest, firsts in labels.items()}
        """The rest of each domain after its first label (`.ru`) to the first labels seen with
        it (`carnegie`): a glued token can only split into one of these, so most are told at
        once."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, GluedEvidence) and other.domains == self.domains

    def __hash__(self) -> int:
        return hash(self.domains)

    def __repr__(self) -> str:
        return f"GluedEvidence({sorted(self.domains)!r})"

    @classmethod
    def gather(cls, link_domains: Iterable[str], tokens: Iterable[GluedToken]) -> GluedEvidence:
        tails: Tails = defaultdict(set)
        for token in tokens:
            add_tail(tails, token)
        return cls.from_tails(link_domains, tails)

    @classmethod
    def from_tails(cls, link_domains: Iterable[str], tails: Tails) -> GluedEvidence:
        """The evidence from link domains and the names seen before each tail (`add_tail`)."""
        domains = set(link_domains)
        for (rest, _path), names in tails.items():
            if len(names) >= 2:
                label = _common_ending(names)
                if len(label) >= 2 and all(len(name) > len(label) for name in names):
                    domains.add(label + rest)
        return cls(frozenset(domains))

    def split(self, token: GluedToken) -> tuple[str, str] | None:
        """(handle, domain) when the evidence says where the handle ends."""
        return self.split_name(token.merged, token.rest)

    def split_name(self, merged: str, rest: str) -> tuple[str, str] | None:
        """`split` for a token's run-together name and the rest of its host."""
        labels = self._labels.get(rest.lower())
        if not labels:
            return None
        lowered = merged.lower()
        # A handle is at most _MAX_HANDLE long, so only the first cuts can split: trying every
        # cut of a long glued word would slice it once per character.
        for cut in range(1, min(len(lowered), _MAX_HANDLE + 1)):
            if lowered[cut:] in labels:
                handle = merged[:cut]
                if _HANDLE.fullmatch(handle) and _LABEL_START.match(merged[cut]):
                    return handle, lowered[cut:] + rest.lower()
        return None


class RememberedSplits:
    """`GluedEvidence.split_name` with its answers remembered, for a pass that splits the same
    name in many threads. Made for one pass and dropped with it: the answers (megabytes at a
    million posts) are not kept with the evidence, which the reader holds and the cache stores."""

    __slots__ = ("_answers", "_evidence")

    def __init__(self, evidence: GluedEvidence) -> None:
        self._evidence = evidence
        self._answers: dict[tuple[str, str], tuple[str, str] | None] = {}

    def split_name(self, merged: str, rest: str) -> tuple[str, str] | None:
        key = (merged, rest)
        answers = self._answers
        if key not in answers:
            answers[key] = self._evidence.split_name(merged, rest)
        return answers[key]


Tails = dict[tuple[str, str], set[str]]
"""Glued tokens by their tail, the rest of the host and the path (`.ru`, `/commentary/829…`), to
the names run together before it (`baunovcarnegie`), all in lower case."""


def add_tail(tails: Tails, token: GluedToken) -> None:
    """Note `token` under its tail, if it has a path: a bare domain is no evidence."""
    if token.path.strip("/\u2026"):
        tails.setdefault((token.rest.lower(), token.path), set()).add(token.merged.lower())


def split_spans(token: GluedToken, handle: str) -> tuple[Span, Span]:
    """The mention and the link a glued token splits into."""
    cut = token.name_start + len(handle)
    url = token.merged[len(handle) :] + token.rest + token.path
    if token.truncated:
        url = url[:-1]
    mention = Span(EntityKind.MENTION, token.start, cut, handle)
    return mention, Span(EntityKind.LINK, cut, token.end, "https://" + url, token.truncated)


def _continues_name(after: bytes | bytearray) -> bool:
    return bool(after) and (after.isalnum() or after in (b"@", b"+", b"-")) and after.isascii()


def _common_ending(names: set[str]) -> str:
    # The common prefix of a set is that of its smallest and largest members.
    reversed_names = [name[::-1] for name in names]
    first, last = min(reversed_names), max(reversed_names)
    length = 0
    for one, other in zip(first, last, strict=False):  # the shorter one bounds it
        if one != other:
            break
        length += 1
    return first[:length][::-1]
