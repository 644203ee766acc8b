"""The top-level domains that make a link (`data/tlds.txt`)."""

from __future__ import annotations

from functools import cache

from ..data_files import read_data


@cache
def top_level_domains() -> frozenset[str]:
    """Every TLD in lower case, ASCII (`com`) and internationalised (`みんな`)."""
    lines = (line.strip() for line in read_data("tlds.txt").splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def is_tld(label: str) -> bool:
    """True for a known TLD, or a punycode one (`xn--p1ai`), in any case."""
    lower = label.lower()
    return lower in top_level_domains() or (lower.startswith("xn--") and len(lower) > 4)


def tld_prefix(label: str, next_char: str) -> int:
    """The length of the longest TLD that starts `label` and may end where it does, or 0.

    A TLD may stop inside a label (`comだよね` holds `com`) but not before an ASCII letter or
    digit, `@`, `+` or `-`: `foo.comm` and `foo.com-bar` have no TLD. `next_char` is what
    follows the whole label.
    """
    for length in range(len(label), 0, -1):
        after = label[length] if length < len(label) else next_char
        if after and (after.isascii() and (after.isalnum() or after in "@+-")):
            continue
        if is_tld(label[:length]):
            return length
    return 0
