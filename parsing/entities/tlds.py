"""The top-level domains that make a link, as one fast `bytes` pattern.

An alternation of 1,400 names is tried name by name; folded into a trie (`c(?:o(?:m|op)?|…)`),
the engine decides in a few steps per character.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_END = ""
_Trie = dict[str, "_Trie"]


@cache
def top_level_domains() -> tuple[str, ...]:
    text = resources.files("parsing").joinpath("data/tlds.txt").read_text(encoding="utf-8")
    return tuple(line for line in text.split() if not line.startswith("#"))


@cache
def tld_pattern() -> bytes:
    """A non-capturing pattern for any TLD (ASCII letters in either case), longest first."""
    trie: _Trie = {}
    for name in top_level_domains():
        node = trie
        for byte in name.encode():
            node = node.setdefault(f"{byte:02x}", {})
        node[_END] = {}
    return b"(?:" + _emit(trie) + b"|xn--[0-9A-Za-z\\-]+)"


def _emit(node: _Trie) -> bytes:
    branches: list[bytes] = []
    for key in sorted(k for k in node if k != _END):
        byte = int(key, 16)
        char = chr(byte)
        is_ascii_letter = char.isascii() and char.isalpha()
        atom = (
            f"[{char.lower()}{char.upper()}]".encode()
            if is_ascii_letter
            else re.escape(bytes([byte]))
        )
        child = node[key]
        if len(child) == 1 and _END in child:
            branches.append(atom)
        else:
            branches.append(atom + b"(?:" + _emit(child) + b")")
    if _END in node:
        branches.append(b"")  # the shorter name, tried after every longer one
    return b"|".join(branches)
