"""Corpus text made safe to show: control characters become visible symbols.

A shared corpus can carry escape sequences meant to act on the terminal that shows it (set the
window title, clear the screen). Everything that shows corpus text passes it through `visible`
first, so ESC shows as ␛ and does nothing. The mapping is one character for one character, so
entity offsets computed on the original text still fit the visible text.
"""

from __future__ import annotations

import re

_TABLE = {code: chr(0x2400 + code) for code in range(0x20)}  # ␀ … ␟
_TABLE[0x09] = " "  # a tab is only blank space
_TABLE[0x7F] = "\u2421"  # ␡
_TABLE.update({code: "\u2327" for code in range(0x80, 0xA0)})  # ⌧ for C1 controls (CSI, OSC …)
# Bidirectional embeddings, overrides and isolates reorder the text around them on screen (the
# "Trojan Source" trick): shown, not obeyed. The marks LRM/RLM/ALM only nudge and stay.
_BIDI_CONTROLS = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_TABLE.update({code: "\u2327" for code in _BIDI_CONTROLS})
_KEEP_NEWLINES = {code: char for code, char in _TABLE.items() if code != 0x0A}
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str, *, keep_newlines: bool = True) -> str:
    """`text` with every C0/C1 control character, DEL and bidi override shown as a symbol.

    Newlines stay unless `keep_newlines` is False (then they show as ␊). Same length as `text`.
    """
    if not _UNSAFE.search(text):
        return text
    return text.translate(_KEEP_NEWLINES if keep_newlines else _TABLE)


def has_controls(text: str) -> bool:
    return _UNSAFE.search(text) is not None
