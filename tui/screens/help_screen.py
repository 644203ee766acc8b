"""The help screen: every key, and what the mouse does."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ..keys import KEYS, MOUSE


class HelpScreen(ModalScreen[None]):
    """Keys and mouse actions. Any of escape, ? or q closes it."""

    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("question_mark", "dismiss", "Close", show=False),
        Binding("q", "dismiss", "Close", show=False),
    ]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > VerticalScroll {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 90%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self._table())

    def _table(self) -> Content:
        width = max(len(key) for key, _ in KEYS + MOUSE) + 2
        lines: list[Content] = [Content.styled("threadline keys", "bold $text-accent"), Content("")]
        for key, action in KEYS:
            lines.append(Content.assemble((key.ljust(width), "bold $text-primary"), action))
        lines += [Content(""), Content.styled("mouse", "bold $text-accent")]
        for what, action in MOUSE:
            lines.append(Content.assemble((what.ljust(width), "bold $text-primary"), action))
        return Content("\n").join(lines)
