"""Corpus text made safe to show: control characters become visible symbols.

A shared corpus can carry escape sequences meant to act on the terminal that shows it (set the
window title, clear the screen). Everything that prints corpus text passes it through `visible`
first, so ESC shows as ␛ and does nothing.
"""

from __future__ import annotations

import re

_C0 = {code: chr(0x2400 + code) for code in range(0x20)}  # ␀ … ␟
_DEL = {0x7F: "\u2421"}  # ␡
_C1 = {code: f"\u27e8{code:02X}\u27e9" for code in range(0x80, 0xA0)}  # ⟨9B⟩
_TABLE = {**_C0, **_DEL, **_C1}
_KEEP_LINES = {k: v for k, v in _TABLE.items() if k not in (0x0A,)}
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f]")


def visible(text: str, *, keep_newlines: bool = True, tab: str = "    ") -> str:
    """`text` with every C0/C1 control character and DEL shown as a visible symbol.

    Newlines stay (unless `keep_newlines` is False); a tab becomes `tab`.
    """
    if not _UNSAFE.search(text):
        return text
    table = dict(_KEEP_LINES if keep_newlines else _TABLE)
    table[0x09] = tab
    return text.translate(table)


def has_controls(text: str) -> bool:
    return _UNSAFE.search(text) is not None
