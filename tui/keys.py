"""Every key of the reader, once: the help screen and the README table are made from this."""

from __future__ import annotations

KEYS: tuple[tuple[str, str], ...] = (
    ("enter", "open the selected thread (or related thread)"),
    ("j / down", "next post"),
    ("k / up", "previous post"),
    ("n", "next thread"),
    ("p", "previous thread"),
    ("f", "flag filter: pick flags (type to narrow, space toggles, enter applies)"),
    ("/", "search posts (the list narrows as you type, enter keeps it)"),
    ("escape", "close a dialog, or clear the filters"),
    ("r", "show or hide related threads"),
    ("tab / shift+tab", "move between the panes"),
    ("o", "open a link of the current post in the browser"),
    ("backspace", "go back (after following a related thread or a filter click)"),
    ("ctrl+p", "command palette: go to thread, filter by flag, theme"),
    ("?", "this help"),
    ("q", "quit"),
)
"""(key, what it does), in the order the help screen lists them."""

MOUSE: tuple[tuple[str, str], ...] = (
    ("click a flag or #hashtag", "show only the threads that use it"),
    ("click an @mention", "show only the threads that mention it"),
    ("click a link", "open it in the browser (http and https only)"),
)
