"""Choose which link of a post to open."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..highlight import plain

TRUNCATED_MARK = " (truncated: cut short in the text)"


class LinkPicker(ModalScreen[tuple[str, bool] | None]):
    """The links of the current post, (address, cut short) each; enter opens one, escape
    cancels. A link the text gave only the beginning of says so."""

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

    def __init__(self, links: Sequence[tuple[str, bool]], *, verb: str = "open") -> None:
        super().__init__()
        self.links = list(links)
        self.verb = verb
        """What choosing a link does, for the list's title."""

    def compose(self) -> ComposeResult:
        options = OptionList(
            *(
                Option(plain(url + (TRUNCATED_MARK if truncated else "")), id=str(i))
                for i, (url, truncated) in enumerate(self.links)
            )
        )
        options.border_title = f"Links: enter to {self.verb}, esc to cancel"
        yield options

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.links[int(event.option.id or 0)])

    def action_cancel(self) -> None:
        self.dismiss(None)
