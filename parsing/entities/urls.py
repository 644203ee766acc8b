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
from collections import Counter
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from .spans import EntityKind, Span, SpanTuple
from .tlds import tld_prefix, top_level_domains
from .utf8 import LATIN_ACCENT_BYTES

ELLIPSIS = "\u2026".encode()
_EN_DASH = "\u2013".encode()
# Non-ASCII characters a host may hold: all but the no-break and ideographic spaces, general
# punctuation (dashes, quotes, `…`, bidirectional marks) and noncharacters.
_HOST_EXTRA = (
    rb"(?!\xe2[\x80\x81]|\xe3\x80\x80|\xc2[\x80-\xa0]|\xe1\x9a\x80|\xef\xbb\xbf|\xef\xbf[\xbe\xbf])"
    rb"(?:[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3})"
)
_HOST_LABEL = rb"(?:[A-Za-z0-9\-_]|" + _HOST_EXTRA + rb")++"
_ASCII_LABEL = rb"(?:[A-Za-z0-9\-]|" + LATIN_ACCENT_BYTES + rb")++"
_IDN_LABEL = _HOST_EXTRA + rb"++"  # a scheme-less host may still end in `.みんな`
# Not after a letter or digit, `@ $ #`, their full-width forms or a noncharacter.
_NOT_BEFORE = (
    rb"(?<![A-Za-z0-9@$#])(?<!\xef\xbc\xa0)(?<!\xef\xbc\x83)"
    rb"(?<!\xef\xbb\xbf)(?<!\xef\xbf[\xbe\xbf])"
)
# A host is read greedily, label by label; `_host_end` then finds where its TLD ends.
_URL_START = re.compile(
    _NOT_BEFORE
    + rb"(?:(?P<scheme>[Hh][Tt][Tt][Pp][Ss]?://)(?P<host>"
    + _HOST_LABEL
    + rb"(?:\."
    + _HOST_LABEL
    + rb")++)|(?P<bare>"
    + _ASCII_LABEL
    + rb"(?:(?:\."
    + _ASCII_LABEL
    + rb")++(?:\."
    + _IDN_LABEL
    + rb")?|\."
    + _IDN_LABEL
    + rb")))"
)
_PORT = re.compile(rb":[0-9]++")
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
# A t.co link whose path is its slug alone (the usual one): the shortcut reads it as it is.
_PLAIN_TCO = re.compile(
    rb"[Hh][Tt][Tt][Pp][Ss]?://[Tt]\.[Cc][Oo](?:/[A-Za-z0-9]{0,%d})?(?:\xe2\x80\xa6)?"
    % _TCO_SLUG_MAX
)
_MAX_LENGTH = 4096
_MAX_LABEL = 63

# Characters no top-level domain starts with, in any case, though prose often puts them after a
# full stop: Latin-1 punctuation (`.»`), general punctuation (`.”`, `.…`) and emoji (`.🧵`).
NEVER_STARTS_A_TLD = rb"\xc2|\xe2\x80|\xf0\x9f"
CANDIDATE = re.compile(
    rb"\.(?:[A-Za-z]{2}|xn--|(?!" + NEVER_STARTS_A_TLD + rb")[\xc2-\xf4])[^ \t\n\r\f\v]*+"
)
"""A dot and what could start a top-level domain, to the end of the token: every link has one."""

# A token that is just a plain link: ASCII host, safe path ending on a path-ending character, an
# optional `…`. `scan_links` reads such a token directly; it gives what the general rules give.
# Labels of letters and digits with inner hyphens, read without backtracking (the only thing
# after the top-level domain is `/`, `…` or the end, never a dot); the 63-byte limit on a label
# is checked after the match, only for the rare host long enough to break it.
_LABEL = rb"[A-Za-z0-9]++(?:-++[A-Za-z0-9]++)*+"
# Prose puts links in brackets and quotes, and ends clauses right after them: `(site.com/a),`.
# A link may start after these and ends before them by the general rules too, so the shortcut
# reads past them.
_LEAD = rb"(?:[(\[\"']|\xe2\x80\x9c)?"  # ( [ " ' “
_TAIL = rb"(?:[.,;:!?)\]\"']|\xe2\x80\x9d)*+"  # . , ; : ! ? ) ] " ' ”
_SIMPLE_TOKEN = re.compile(
    _LEAD
    + rb"(?P<link>(?P<scheme>[Hh][Tt][Tt][Pp][Ss]?://)?(?P<host>(?:"
    + _LABEL
    + rb"\.)++(?P<tld>[A-Za-z]{2,63}+))(?:/[A-Za-z0-9/_.\-~%]{0,4000}[A-Za-z0-9/_\-])?"
    rb"(?P<more>\xe2\x80\xa6)?)" + _TAIL
)
_SCHEME, _HOST, _TLD, _MORE, _LINK_GROUP = (
    _SIMPLE_TOKEN.groupindex[name] for name in ("scheme", "host", "tld", "more", "link")
)
# A token of `@` and these characters (a glued mention+link: `@name` run into `site.com/path…`,
# or the like) holds no link by
# the general rules: a link may not start at `@`, nor right after a letter, digit or `@`; after
# `_ - . /` only a link with a scheme may, and without `:` there is none. Such tokens are most of
# the ones that are not plain links, and they skip the search character by character.
AT_TOKEN_WITHOUT_LINKS = re.compile(rb"@[A-Za-z0-9_\-./@]*+(?:\xe2\x80\xa6)?")
_RARE_WHITESPACE = (b"\t", b"\r", b"\f", b"\v")
_LOOKBACK = 8192
_LINK = EntityKind.LINK


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
    for token_start, token_end, plain in candidate_tokens(buf, start, end):
        if plain is None:
            yield from links_in_token(buf, token_start, token_end)
            continue
        link_start, link_end, url, truncated = _plain_link(buf, plain)
        yield Link(link_start, link_end, url, plain[_HOST].decode().lower(), truncated)


def link_spans(buf: bytes | bytearray, start: int, end: int) -> list[SpanTuple]:
    """The spans of `scan_links`, as plain tuples (made several times faster than `Span`s)."""
    found: list[SpanTuple] = []
    for token_start, token_end, plain in candidate_tokens(buf, start, end):
        if plain is None:
            found += [
                (_LINK, link.start, link.end, link.url, link.truncated)
                for link in links_in_token(buf, token_start, token_end)
            ]
        else:
            found.append((_LINK, *_plain_link(buf, plain)))
    return found


def _plain_link(buf: bytes | bytearray, plain: re.Match[bytes]) -> tuple[int, int, str, bool]:
    """Where a plain link (`candidate_tokens`) starts and ends, its URL, whether truncated."""
    truncated = plain[_MORE] is not None
    link_start, link_end = plain.span(_LINK_GROUP)
    text = bytes(buf[link_start : link_end - 3 if truncated else link_end]).decode()
    return link_start, link_end, text if plain[_SCHEME] else "https://" + text, truncated


def count_links(buf: bytes | bytearray, start: int, end: int, domains: Counter[str]) -> list[Link]:
    """Count the links of `buf[start:end]` by domain into `domains`, as `scan_links` finds them.

    Plain links are only counted (their hosts gathered as bytes, counted in one go and decoded
    once per host); the others are returned too, for the caller to look inside.
    """
    others: list[Link] = []
    plain_hosts: list[bytes] = []
    for token_start, token_end, plain in candidate_tokens(buf, start, end):
        if plain is None:
            for link in links_in_token(buf, token_start, token_end):
                domains[domain_of(link.host)] += 1
                others.append(link)
        else:
            plain_hosts.append(plain[_HOST])
    for host, count in Counter(plain_hosts).items():
        domains[domain_of(host.decode())] += count
    return others


def counted_link_spans(
    buf: bytes | bytearray, start: int, end: int, domains: Counter[str]
) -> list[SpanTuple]:
    """`link_spans(buf, start, end)`, counting their domains into `domains` as `count_links`
    does: one reading for a caller that needs both (an export part's evidence and writing)."""
    found: list[SpanTuple] = []
    plain_hosts: list[bytes] = []
    for token_start, token_end, plain in candidate_tokens(buf, start, end):
        if plain is None:
            for link in links_in_token(buf, token_start, token_end):
                domains[domain_of(link.host)] += 1
                found.append((_LINK, link.start, link.end, link.url, link.truncated))
        else:
            plain_hosts.append(plain[_HOST])
            found.append((_LINK, *_plain_link(buf, plain)))
    for host, count in Counter(plain_hosts).items():
        domains[domain_of(host.decode())] += count
    return found


def candidate_tokens(
    buf: bytes | bytearray, start: int, end: int
) -> Iterator[tuple[int, int, re.Match[bytes] | None]]:
    """Each whitespace-free token with a dot-TLD candidate, and its `_SIMPLE_TOKEN` match when
    it is a plain link (the usual case: an ASCII host and a safe path, read without the general
    rules), else None (`plain_host` reads the host of a match)."""
    covered = start
    tlds = _ascii_tlds()
    rare = [blank for blank in _RARE_WHITESPACE if buf.find(blank, start, end) >= 0]
    rfind = buf.rfind
    simple_token = _SIMPLE_TOKEN.fullmatch
    for candidate in CANDIDATE.finditer(buf, start, end):
        dot, token_end = candidate.span()
        if dot < covered:
            continue
        floor = covered if covered > dot - _LOOKBACK else dot - _LOOKBACK
        space, newline = rfind(b" ", floor, dot), rfind(b"\n", floor, dot)
        last = space if space > newline else newline
        for blank in rare:
            last = max(last, rfind(blank, last + 1, dot))
        token_start = last + 1 if last >= floor else floor
        covered = token_end
        simple = simple_token(buf, token_start, token_end)
        if simple is not None and (last >= floor or token_start == start):
            scheme, host, tld = simple.group(_SCHEME, _HOST, _TLD)
            if (
                tld.lower() not in tlds
                or (
                    scheme
                    and host.lower() == b"t.co"
                    and not _PLAIN_TCO.fullmatch(buf, *simple.span(_LINK_GROUP))
                )
                or (len(host) > _MAX_LABEL and _has_long_label(host))
            ):
                simple = None
        else:
            simple = None
        yield token_start, token_end, simple


def plain_host(plain: re.Match[bytes]) -> bytes:
    """The host of a plain link's match (`candidate_tokens`)."""
    return plain[_HOST]


def _has_long_label(host: bytes) -> bool:
    return any(len(label) > _MAX_LABEL for label in host.split(b"."))


def links_in_token(buf: bytes | bytearray, start: int, end: int) -> Iterator[Link]:
    """The links of one whitespace-free stretch, scanning from left to right."""
    if not AT_TOKEN_WITHOUT_LINKS.fullmatch(buf, start, end):
        yield from search_links(buf, start, end)


def search_links(buf: bytes | bytearray, start: int, end: int) -> Iterator[Link]:
    """`links_in_token` by the general rules alone, every position tried."""
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
    host_start = match.start("host") if scheme else start
    host_end = _host_end(buf, host_start, match.end(), bool(scheme))
    if host_end is None or (not scheme and start > 0 and buf[start - 1] in b"-_./"):
        return None, match.end()
    port = _PORT.match(buf, host_end, limit) if host_end == match.end() else None
    end, truncated = extent_after_host(buf, port.end() if port else host_end, limit)
    if scheme:
        tco = _TCO.match(buf, start, end)
        if tco is not None:
            if len(tco.group(1)) > _TCO_SLUG_MAX:
                return None, end
            end, truncated = _extent_tco(buf, tco.end(), limit)
    text = bytes(buf[start:end]).decode("utf-8", "replace")
    if len(text) > _MAX_LENGTH:
        return None, end
    url = text[:-1] if truncated else text
    host = bytes(buf[host_start:host_end]).decode("utf-8", "replace")
    return Link(start, end, url if scheme else "https://" + url, host.lower(), truncated), end


def _host_end(buf: bytes | bytearray, start: int, stop: int, scheme: bool) -> int | None:
    """Where the host read greedily in `buf[start:stop]` really ends: after the last label that
    starts with a TLD, with valid labels before it. None when there is no such label."""
    host = bytes(buf[start:stop]).decode("utf-8", "replace")
    labels = host.split(".")
    following = bytes(buf[stop : stop + 4]).decode("utf-8", "ignore")[:1]
    for last in range(len(labels) - 1, 0, -1):
        after = following if last == len(labels) - 1 else "."
        length = tld_prefix(labels[last], after)
        if length and _valid_labels(labels[:last], scheme):
            kept = ".".join(labels[:last]) + "." + labels[last][:length]
            return start + len(kept.encode())
    return None


def _valid_labels(labels: list[str], scheme: bool) -> bool:
    """Labels before the TLD: DNS-sized, no `_` in the last, no `-`/`_` at either end (links
    with a scheme); `xn--` labels ASCII."""
    for position, label in enumerate(labels):
        size = len(label) if label.isascii() else len(label.encode("punycode")) + len("xn--")
        if not label or size > _MAX_LABEL:
            return False
        if not label.isascii() and label[:4].lower() == "xn--":
            return False
        if scheme and (label[0] in "-_" or label[-1] in "-_"):
            return False
        if scheme and position == len(labels) - 1 and "_" in label:
            return False
    return True


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


@cache
def _ascii_tlds() -> frozenset[bytes]:
    return frozenset(tld.encode() for tld in top_level_domains() if tld.isascii())


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
