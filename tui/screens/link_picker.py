"""Choose which link of a post to open."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..highlight import plain


class LinkPicker(ModalScreen[str | None]):
    """The links of the current post; enter opens one, escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    DEFAULT_CSS = """
    LinkPicker {
        align: center middle;
    }
    LinkPicker > OptionList {
        width: 80;
        max-width: 100%;
        height: auto;
        max-height: 80%;
        border: round $accent;
    }
    """

    def __init__(self, links: Sequence[str]) -> None:
        super().__init__()
        self.links = list(links)

    def compose(self) -> ComposeResult:
        yield OptionList(*(Option(plain(url), id=str(i)) for i, url in enumerate(self.links)))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.links[int(event.option.id or 0)])

    def action_cancel(self) -> None:
        self.dismiss(None)
