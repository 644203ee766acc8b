"""The driver of a reader served to a browser (`threadline serve`): Textual's web driver, with
every country flag drawn as its two letters.

A flag is a pair of regional indicator symbols (🇷🇺 is the indicators R and U). A terminal
with an emoji font draws the pair as one flag; the browser's terminal (xterm.js) draws each
indicator on its own, as a letter tile where the browser has an emoji font and as nothing
where it has none, and the flag disappears from the text. Each indicator takes one cell, as
its letter does, so writing the letters instead keeps every line's layout: `RU` where the
terminal shows 🇷🇺.
"""

from __future__ import annotations

from textual.drivers.web_driver import WebDriver

REGIONAL_INDICATOR_A = 0x1F1E6
FLAG_LETTERS = {REGIONAL_INDICATOR_A + offset: ord("A") + offset for offset in range(26)}
"""Each regional indicator symbol and its letter."""

DRIVER_PATH = f"{__name__}:BrowserDriver"
"""How TEXTUAL_DRIVER names this driver."""


def flags_as_letters(data: str) -> str:
    return data.translate(FLAG_LETTERS)


class BrowserDriver(WebDriver):
    def write(self, data: str) -> None:
        super().write(flags_as_letters(data))
