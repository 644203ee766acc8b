"""A scan for an ASCII query that holds a rare part: find that part, then look at each place.

Folding a buffer's case (`FoldingScan`) costs about a nanosecond a byte, whatever the query. A
query such as `farid55` holds a part that is rare in most text and that few byte strings key to:
`55` (digits and signs have no case, so one `find` finds every form), or a rare letter such as
`z` (two forms, `z` and `Z`). `find` reads a buffer several times faster than folding it, and
each place it finds is checked by folding the query's width there. Where the sample of a buffer
says the rarest part is found often, folding is cheaper, and the scan folds.
"""

from __future__ import annotations

from collections import OrderedDict

from .case_key import key_table

SAMPLE_BYTES = 1 << 18
"""How much of a buffer (its start) tells how often a part is found in it."""
FIND_COST = 0.15
CHECK_COST = 1000.0
"""What a `find` of one byte costs per byte read and form, and checking one place, in the cost
of folding a byte and searching the folded key (measured at a million posts: 0.12 ns a byte for
the two forms of a letter found nowhere, 740 ns a place, 0.8 to 1.1 ns a byte folded)."""
WORTH = 0.5
"""An anchored scan is chosen when its expected cost is under this share of folding's: the
sample is the buffer's start, and may be unlike the rest."""
SMALLEST = 1 << 20
"""A smaller buffer is folded: choosing would cost more than it saves."""


def anchor_of(buf: bytes | bytearray, key: bytes) -> tuple[int, tuple[bytes, ...]] | None:
    """Where in `key` (an ASCII query's key: small letters and caseless bytes) the byte to
    find is, and its forms, when finding it is cheaper than folding `buf`."""
    if len(buf) < SMALLEST or not key.isascii():
        return None
    shares = _byte_shares(buf)
    best: tuple[float, int, tuple[bytes, ...]] | None = None
    for at, forms in _parts(key):
        found = sum(shares[form[0]] for form in forms)
        cost = FIND_COST * len(forms) + CHECK_COST * found
        if best is None or cost < best[0]:
            best = (cost, at, forms)
    if best is None or best[0] >= WORTH:
        return None
    return best[1], best[2]


class _Shares:
    """How often byte values are found in the start of a buffer, each counted when first
    asked for (a typed query asks again at each key)."""

    def __init__(self, buf: bytes | bytearray) -> None:
        self.sample = bytes(buf[:SAMPLE_BYTES])
        self.counted: dict[int, float] = {}

    def __getitem__(self, value: int) -> float:
        share = self.counted.get(value)
        if share is None:
            share = self.counted[value] = self.sample.count(value) / len(self.sample)
        return share


_SHARES: OrderedDict[tuple[int, int], _Shares] = OrderedDict()
_SHARES_KEPT = 8


def _byte_shares(buf: bytes | bytearray) -> _Shares:
    """The shares of `buf`'s bytes, known by the buffer's identity and length: a stale answer
    could only make a scan slower, never change what it finds."""
    known = (id(buf), len(buf))
    shares = _SHARES.get(known)
    if shares is None:
        shares = _SHARES[known] = _Shares(buf)
        if len(_SHARES) > _SHARES_KEPT:
            _SHARES.popitem(last=False)
    return shares


def _parts(key: bytes) -> list[tuple[int, tuple[bytes, ...]]]:
    """Each byte of `key` with its forms: a caseless byte alone, a letter small and capital.
    One byte, since `find` looks for one byte at memory speed, and for more at a speed that
    depends on how often their bytes are found."""
    parts: list[tuple[int, tuple[bytes, ...]]] = []
    for at, byte in enumerate(key):
        small = 0x61 <= byte <= 0x7A
        parts.append((at, (bytes([byte]), bytes([byte - 0x20])) if small else (bytes([byte]),)))
    return parts


class AnchorScan:
    """Finds the key of an ASCII query in the case key of `buf` by finding the forms of one of
    its parts (`anchor_of`) and folding only the query's width at each: the same answers as
    `FoldingScan`, which folds every byte it searches."""

    def __init__(self, buf: bytearray, key: bytes, at: int, forms: tuple[bytes, ...]) -> None:
        self.buf, self.key, self.at, self.forms = buf, key, at, forms
        self.table = key_table()
        self._known = [(0, 0, -1)] * len(forms)
        """For each form: a range searched, and its first use there (-1: none)."""

    def __call__(self, position: int, end: int) -> tuple[int, int] | None:
        key, width, at, buf, table = self.key, len(self.key), self.at, self.buf, self.table
        while position + width <= end:
            found = -1
            for index in range(len(self.forms)):
                use = self._first_use(index, position + at, end)
                if use >= 0 and (found < 0 or use < found):
                    found = use
            if found < 0:
                return None
            start = found - at
            if start + width > end:  # every later use starts later still
                return None
            if buf[start : start + width].translate(table) == key:
                return start, start + width
            position = start + 1
        return None

    def _first_use(self, index: int, position: int, end: int) -> int:
        """Where form `index` is first used within `[position, end)`, or -1; a scan asks for
        the same form again and again after a place that was no match, and is answered from
        the last search where it covers the question."""
        searched_from, searched_to, use = self._known[index]
        if searched_from <= position:
            if use >= position:
                return use if use + len(self.forms[index]) <= end else -1
            if use < 0 and end <= searched_to:
                return -1
        use = self.buf.find(self.forms[index], position, end)
        self._known[index] = (position, end, use)
        return use
