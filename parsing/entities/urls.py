"""Links, by twitter-text's rules, plus the scheme-less, `…`-truncated links Thread Reader App
shows (`mid.ru/en/foreign_pol…`).

A link is an optional `http://`/`https://`, a host ending in a known top-level domain, an optional
port, path and query. With a scheme the host may be any script (`http://ああ.com`); without one its
labels are ASCII letters, digits, hyphens and latin accented letters, and it may not follow
`-_./`. Nothing alphanumeric, no `@ $ #` may stand right before a link. A path and a query end on
a character that can end them, so trailing punctuation is left out; a `…` right after the link is
kept in its text and marks it truncated.

Links contain no ASCII whitespace, so a text splits at whitespace into tokens that can be read on
their own. Only tokens with a dot and a top-level domain can hold a link; `find_links` jumps from
one such dot to the next with a literal-prefixed pattern and reads just those tokens.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from .spans import EntityKind, Span
from .tlds import tld_pattern
from .utf8 import LATIN_ACCENT_BYTES, utf8_alternation

ELLIPSIS = "\u2026".encode()
_EN_DASH = "\u2013".encode()
_TLD_END = rb"(?=[^0-9A-Za-z@+\-]|\Z)"
# Non-ASCII characters a host may hold: everything but spaces, general punctuation (dashes, quotes,
# `…`, bidirectional marks), the ideographic space and noncharacters.
_HOST_EXTRA = utf8_alternation(
    [(0x80, 0x84), (0x86, 0x9F), (0xA1, 0x167F), (0x1681, 0x1FFF), (0x2070, 0x2FFF),
     (0x3001, 0xD7FF), (0xE000, 0xFEFE), (0xFF00, 0xFFFD), (0x10000, 0x10FFFF)]
)  # fmt: skip
_HOST_CHAR = rb"(?:[A-Za-z0-9]|" + _HOST_EXTRA + rb")"
_SUBDOMAIN = _HOST_CHAR + rb"(?:[\-_]*+" + _HOST_CHAR + rb")*+\."
_DOMAIN_NAME = _HOST_CHAR + rb"(?:-*+" + _HOST_CHAR + rb")*+\."
_ASCII_LABEL = rb"(?:[A-Za-z0-9\-]|" + LATIN_ACCENT_BYTES + rb")++\."
# Not after a letter or digit, `@ $ #`, their full-width forms or a noncharacter.
_NOT_BEFORE = (
    rb"(?<![A-Za-z0-9@$#])(?<!\xef\xbc\xa0)(?<!\xef\xbc\x83)"
    rb"(?<!\xef\xbb\xbf)(?<!\xef\xbf[\xbe\xbf])"
)
_URL_START = re.compile(
    _NOT_BEFORE
    + rb"(?:(?P<scheme>[Hh][Tt][Tt][Pp][Ss]?://)(?P<host>(?:"
    + _SUBDOMAIN
    + rb")*"
    + _DOMAIN_NAME
    + tld_pattern()
    + _TLD_END
    + rb")|(?P<bare>(?:"
    + _ASCII_LABEL
    + rb")+"
    + tld_pattern()
    + _TLD_END
    + rb"))(?::[0-9]++)?"
)
_PATH_CHAR = (
    rb"(?:[A-Za-z0-9!*';:=+,.$/%#\[\]\-_~&|@]|\xe2\x80\x93|[\xd0-\xd3][\x80-\xbf]|"
    + LATIN_ACCENT_BYTES
    + rb")"
)
_PARENS = rb"\((?:" + _PATH_CHAR + rb"|\((?:" + _PATH_CHAR + rb")*+\))*+\)"
_PATH = re.compile(rb"/(?:" + _PATH_CHAR + rb"|" + _PARENS + rb")*+")
_QUERY = re.compile(rb"\?[A-Za-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*+")
_PATH_ENDINGS = frozenset(b"+-=_#/)") | frozenset(range(0x30, 0x3A)) | frozenset(range(0x41, 0x5B))
_PATH_ENDINGS |= frozenset(range(0x61, 0x7B)) | frozenset(range(0x80, 0x100))
_QUERY_ENDINGS = frozenset(b"-_&=#/") | frozenset(range(0x30, 0x3A)) | frozenset(range(0x41, 0x5B))
_QUERY_ENDINGS |= frozenset(range(0x61, 0x7B))
_TCO = re.compile(rb"[Hh][Tt][Tt][Pp][Ss]?://[Tt]\.[Cc][Oo]/([A-Za-z0-9]+)")
_TCO_SLUG_MAX = 40
_MAX_LENGTH = 4096
_MAX_LABEL = 63

CANDIDATE = re.compile(rb"\." + tld_pattern() + _TLD_END)
"""A dot and a top-level domain: every link has one."""

_WHITESPACE = re.compile(rb"[ \t\n\r\f\v]")
_RARE_WHITESPACE = (b"\t", b"\r", b"\f", b"\v")
_LOOKBACK = 8192


class Link(NamedTuple):
    start: int
    end: int
    url: str
    """Absolute: `https://` added to a scheme-less link, a trailing `…` dropped."""
    host: str
    truncated: bool


def find_links(buf: bytes | bytearray, start: int = 0, end: int | None = None) -> Iterator[Span]:
    for link in scan_links(buf, start, len(buf) if end is None else end):
        yield Span(EntityKind.LINK, link.start, link.end, link.url, link.truncated)


def scan_links(buf: bytes | bytearray, start: int, end: int) -> Iterator[Link]:
    """Every link in `buf[start:end]`, reading only the tokens a dot-TLD candidate points at."""
    covered = start
    for candidate in CANDIDATE.finditer(buf, start, end):
        dot = candidate.start()
        if dot < covered:
            continue
        token_start = max(_last_whitespace(buf, max(covered, dot - _LOOKBACK), dot) + 1, covered)
        token_end = _next_whitespace(buf, dot, end)
        yield from links_in_token(buf, token_start, token_end)
        covered = token_end


def links_in_token(buf: bytes | bytearray, start: int, end: int) -> Iterator[Link]:
    """The links of one whitespace-free stretch, scanning from left to right."""
    pos = start
    while pos < end:
        match = _URL_START.search(buf, pos, end)
        if match is None:
            return
        link, pos = _link_from(buf, match, end)
        if link is not None:
            yield link


def _link_from(
    buf: bytes | bytearray, match: re.Match[bytes], limit: int
) -> tuple[Link | None, int]:
    """The link `match` begins, if it holds, and where to go on scanning either way."""
    start = match.start()
    scheme = match.group("scheme")
    host = match.group("host") if scheme else match.group("bare")
    if not scheme and start > 0 and buf[start - 1] in b"-_./":
        return None, match.end()
    end, truncated = extent_after_host(buf, match.end(), limit)
    if scheme:
        if not _valid_host(host):
            return None, match.end()
        tco = _TCO.match(buf, start, end)
        if tco is not None:
            if len(tco.group(1)) > _TCO_SLUG_MAX:
                return None, end
            end, truncated = _extent_tco(buf, tco.end(), limit)
    text = bytes(buf[start:end]).decode("utf-8", "replace")
    if len(text) > _MAX_LENGTH:
        return None, end
    url = text[:-1] if truncated else text
    absolute = url if scheme else "https://" + url
    return Link(start, end, absolute, host.decode("utf-8", "replace").lower(), truncated), end


def extent_after_host(buf: bytes | bytearray, pos: int, limit: int) -> tuple[int, bool]:
    """The end of the path and query after a host (and port) ending at `pos`."""
    path = _PATH.match(buf, pos, limit)
    if path is not None:
        if buf.startswith(ELLIPSIS, path.end()):
            return path.end() + len(ELLIPSIS), True
        end = _trim(buf, pos, path.end(), _PATH_ENDINGS)
        if end < path.end():
            return end, False
        pos = end
    query = _QUERY.match(buf, pos, limit)
    if query is not None:
        if buf.startswith(ELLIPSIS, query.end()):
            return query.end() + len(ELLIPSIS), True
        end = _trim(buf, pos + 1, query.end(), _QUERY_ENDINGS)
        return (end, False) if end > pos + 1 else (pos, False)
    if buf.startswith(ELLIPSIS, pos):
        return pos + len(ELLIPSIS), True
    return pos, False


def domain_of(host: str) -> str:
    """The domain a reader groups links by: the host in lower case, without `www.`."""
    host = host.lower()
    return host[4:] if host.startswith("www.") else host


def _extent_tco(buf: bytes | bytearray, pos: int, limit: int) -> tuple[int, bool]:
    """A t.co link takes no more path than its slug; only a query may follow."""
    query = _QUERY.match(buf, pos, limit)
    if query is not None:
        end = _trim(buf, pos + 1, query.end(), _QUERY_ENDINGS)
        if end > pos + 1:
            return end, False
    if buf.startswith(ELLIPSIS, pos):
        return pos + len(ELLIPSIS), True
    return pos, False


def _trim(buf: bytes | bytearray, floor: int, end: int, endings: frozenset[int]) -> int:
    """Give back the characters that cannot end a path or query (`.`, `,`, `!`, `–` …)."""
    while end > floor:
        if buf[end - 3 : end] == _EN_DASH:
            end -= 3
        elif buf[end - 1] in endings:
            break
        else:
            end -= 1
    return end


def _valid_host(host: bytes) -> bool:
    """Labels fit DNS: at most 63 characters once punycoded; `xn--` labels are ASCII."""
    if host.isascii():
        return all(len(label) <= _MAX_LABEL for label in host.split(b"."))
    for label in host.decode("utf-8", "replace").split("."):
        if label.isascii():
            if len(label) > _MAX_LABEL:
                return False
        elif label[:4].lower() == "xn--" or len(label.encode("punycode")) + 4 > _MAX_LABEL:
            return False
    return True


def _last_whitespace(buf: bytes | bytearray, floor: int, pos: int) -> int:
    """The last whitespace byte in `buf[floor:pos]`, or `floor - 1`."""
    found = max(buf.rfind(b" ", floor, pos), buf.rfind(b"\n", floor, pos), floor - 1)
    for rare in _RARE_WHITESPACE:  # searched only within the token, so they cost little
        found = max(found, buf.rfind(rare, found + 1, pos))
    return found


def _next_whitespace(buf: bytes | bytearray, pos: int, limit: int) -> int:
    found = _WHITESPACE.search(buf, pos, limit)
    return limit if found is None else found.start()
