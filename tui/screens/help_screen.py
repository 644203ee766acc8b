"""The help screen: every key, and what the mouse does."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..keys import MOUSE, help_rows


class HelpScreen(ModalScreen[None]):
    """Keys and mouse actions. Escape, ? or q closes it."""

    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("question_mark", "dismiss", "Close", show=False),
        Binding("q", "dismiss", "Close", show=False),
        # The keys that move in the panes move here too, so the help reads like the posts.
        Binding("j", "scroll('scroll_down')", "Down", show=False),
        Binding("k", "scroll('scroll_up')", "Up", show=False),
        Binding("space", "scroll('scroll_page_down')", "Page down", show=False),
        Binding("g", "scroll('scroll_home')", "Top", show=False),
        Binding("G", "scroll('scroll_end')", "Bottom", show=False),
    ]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > VerticalScroll {
        width: 80;
        max-width: 100%;
        height: auto;
        max-height: 90%;
        border: round $accent;
        border-title-color: $text-accent;
        background: $surface;
        padding: 0 1;
    }
    HelpScreen Grid {
        grid-size: 2;
        grid-columns: 26 1fr;
        grid-gutter: 0 1;
        height: auto;
    }
    HelpScreen .key {
        color: $text-primary;
        text-style: bold;
    }
    HelpScreen .section {
        color: $text-accent;
        text-style: bold;
        margin-top: 1;
    }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll() as body:
            body.border_title = "threadline help"
            body.border_subtitle = "j k ↑ ↓ space pgup pgdn scroll · esc closes"
            yield Static("keys", classes="section")
            yield from _table(help_rows())
            yield Static("mouse", classes="section")
            yield from _table(MOUSE)

    def action_scroll(self, how: str) -> None:
        """Scroll the help body by `how`, the name of one of its scrolling methods."""
        body = self.query_one(VerticalScroll)
        getattr(body, how)(animate=False)


def _table(rows: Iterable[tuple[str, str]]) -> ComposeResult:
    with Grid():
        for key, action in rows:
            yield Static(key, classes="key", markup=False)
            yield Static(action, markup=False)
