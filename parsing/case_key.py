"""A byte-for-byte "case key" of a buffer, so a case-insensitive search is one `find`.

`bytes.translate` maps each byte on its own, keeping offsets, at memory speed. Mapping A-Z to
a-z makes ASCII case disappear. Non-ASCII letters are UTF-8 sequences; a capital and its small
letter differ in one or two of their bytes (`Э` D0 AD, `э` D1 8D). Mapping D0 and D1 to one
byte, and AD and 8D to one byte, makes `Э` and `э` the same key, at the price of other letters
sharing that key too: a hit in the key is a candidate that the exact pattern then confirms.

Merging bytes is transitive, and merging every case pair Unicode has would leave all
continuation bytes as one: every Cyrillic word would be a candidate everywhere. So the pairs are
taken script by script (Cyrillic, Latin-1, Greek, then the rest) only while the 64 continuation
bytes still fall into at least `_MIN_CONTINUATION_CLASSES` classes. A letter whose pair was left
out has two keys; where a buffer holds such a variant, the search uses the exact pattern.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import cache

# Beyond this, no code point changes when lower-cased.
_CASED_LIMIT = 0x1E944
_MIN_CONTINUATION_CLASSES = 16
_CONTINUATION = range(0x80, 0xC0)
# Scripts in the order their case pairs are taken: the most used in the corpora first.
_PRIORITY = ((0x0400, 0x0530), (0x00C0, 0x0100), (0x0370, 0x0400))


def fold_char(char: str) -> str:
    """`char` lower-cased, unless lower-casing would change its length (`İ`)."""
    lower = char.lower()
    return lower if len(lower) == 1 else char


def fold(text: str) -> str:
    """`text` with each character folded (`fold_char`): what the search compares."""
    return "".join(map(fold_char, text))


@cache
def case_variants() -> dict[str, frozenset[str]]:
    """Each folded character to every character that folds to it."""
    table: dict[str, set[str]] = defaultdict(set)
    for point in range(_CASED_LIMIT + 1):
        char = chr(point)
        folded = fold_char(char)
        if folded != char:
            table[folded].update((folded, char))
    return {folded: frozenset(chars) for folded, chars in table.items()}


@cache
def key_table() -> bytes:
    """The `bytes.translate` table. Characters whose group cannot key alike (`K`, the Kelvin
    sign, is 3 bytes, its `k` 1) keep their own keys: `exotic_variants` names them."""
    parent = list(range(256))
    groups = [tuple(sorted(chars)) for chars in case_variants().values()]
    for group in _by_priority(groups):
        by_length: dict[int, list[bytes]] = {}
        for char in group:
            form = char.encode("utf-8", "surrogatepass")
            by_length.setdefault(len(form), []).append(form)
        for forms in by_length.values():
            trial = parent[:]
            for form in forms[1:]:
                for a, b in zip(forms[0], form, strict=True):
                    _union(trial, a, b)
            if len({_root(trial, byte) for byte in _CONTINUATION}) >= _MIN_CONTINUATION_CLASSES:
                parent = trial
    table = bytearray(256)
    for byte in range(256):
        root = _root(parent, byte)
        # ASCII letters key to their small letter, so an ASCII key is plain lower case.
        table[byte] = root | 0x20 if 0x41 <= root <= 0x5A else root
    return bytes(table)


def key_of(text: str) -> bytes:
    """The key of `text`: the same for every case form of it (the variants aside)."""
    return text.encode("utf-8", "surrogatepass").translate(key_table())


def exotic_variants(text: str) -> tuple[bytes, ...]:
    """The case variants of `text`'s characters whose key differs from the character's own:
    where a buffer holds none of them, a hit of `key_of(text)` in its key is a match."""
    variants, table = case_variants(), key_table()
    exotic = set()
    for char in set(text):
        own = char.encode("utf-8", "surrogatepass").translate(table)
        for variant in variants.get(fold_char(char), ()):
            form = variant.encode("utf-8", "surrogatepass")
            if form.translate(table) != own:
                exotic.add(form)
    return tuple(sorted(exotic))


def _by_priority(variants: Iterable[tuple[str, ...]]) -> list[tuple[str, ...]]:
    def rank(group: tuple[str, ...]) -> tuple[int, str]:
        point = ord(min(group))
        if point < 0x80:
            return (-1, min(group))
        for order, (low, high) in enumerate(_PRIORITY):
            if low <= point < high:
                return (order, min(group))
        return (len(_PRIORITY), min(group))

    return sorted(variants, key=rank)


def _root(parent: list[int], byte: int) -> int:
    while parent[byte] != byte:
        byte = parent[byte]
    return byte


def _union(parent: list[int], a: int, b: int) -> None:
    ra, rb = _root(parent, a), _root(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)
