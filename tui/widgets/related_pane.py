"""The related pane: up to five threads that share flags, people, tags, sites or words."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..highlight import plain
from .scrolling import OwnVirtualSize


class RelatedPane(OptionList, OwnVirtualSize):
    """Threads related to the open one, each with what it shares.

    | Key | Action |
    | --- | --- |
    | up / down | move |
    | enter | open the related thread (backspace comes back) |
    """

    class Chosen(Message):
        """A related thread was chosen."""

        def __init__(self, thread: int) -> None:
            super().__init__()
            self.thread = thread

    def show(self, items: Sequence[tuple[int, str, Sequence[str]]], waiting: str = "") -> None:
        """`items` are (thread, title, reasons); `waiting` says why there are none yet."""
        self.clear_options()
        if not items:
            self.add_option(Option(plain(waiting or "No related threads."), disabled=True))
            return
        for position, (thread, title, reasons) in enumerate(items):
            if position:
                self.add_option(None)  # a rule between entries: titles wrap over several lines
            label = Content.assemble(plain(title), "\n", (" · ".join(reasons), "$text-muted"))
            self.add_option(Option(label, id=str(thread)))
        self.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(int(event.option.id)))
