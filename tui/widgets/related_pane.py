"""The related pane: up to five threads that share flags, people, tags, sites or words."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual import work
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.strip import Strip
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..highlight import plain
from .drawn_scrollbar import DrawnScrollbar
from .scrolling import OwnVirtualSize

if TYPE_CHECKING:
    from ..views import CorpusView

Related = list[tuple[int, str, tuple[str, ...]]]
"""(thread, title, reasons) for each related thread."""

COLLAPSED = 14
"""The pane's width with no entry to show: room to say so, the rest left to the list."""
NARROWEST, WIDEST = 20, 26
"""The pane's width with entries: as wide as its longest line within these (WIDEST grows to a
fifth of a wider terminal)."""
_STEP = 4
"""Widths go in steps of this many cells, so that threads whose entries differ a little do
not each move the list's edge."""


class RelatedPane(OptionList, DrawnScrollbar, OwnVirtualSize):
    """Threads related to the open one, each with what it shares.

    | Key | Action |
    | --- | --- |
    | j / k, up / down | move |
    | g / G | first / last |
    | enter | open the related thread (backspace comes back) |
    """

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]

    # Textual takes CSS and component classes from the first base only (the option list's),
    # and the option list's own `render_line` comes first: the bar is wired in by hand.
    DEFAULT_CSS = """
    RelatedPane {
        scrollbar-visibility: hidden;
    }
    """

    class Chosen(Message):
        """A related thread was chosen."""

        def __init__(self, thread: int) -> None:
            super().__init__()
            self.thread = thread

    def __init__(self, view: CorpusView, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view = view
        self.thread: int | None = None
        """The thread whose related threads the pane shows, or is about to."""
        self._longest: int | None = None
        """The longest line of the entries shown, in cells; None when there are none."""

    def follow(self, thread: int) -> None:
        """Show the threads related to `thread` once the frame being drawn is on screen: the
        posts come first, and a thread left before then (`n` held down) is never looked up."""
        self.thread = thread
        self.call_after_refresh(self._fill, thread)

    def _fill(self, thread: int) -> None:
        if thread != self.thread:
            return
        if self.view.index is None:
            self.show([], "Indexing… related threads follow.", pending=True)
        elif self.view.related_is_quick(thread):
            self.show(self.view.related(thread))
        else:
            self.show([], "Finding related threads…", pending=True)
            self._find(thread)

    @work(thread=True, exclusive=True, group="related")
    def _find(self, thread: int) -> None:
        related = self.view.related(thread)
        self.app.call_from_thread(self._found, thread, related)

    def _found(self, thread: int, related: Related) -> None:
        if thread == self.thread:
            self.show(related)

    def show(
        self,
        items: Sequence[tuple[int, str, Sequence[str]]],
        waiting: str = "",
        *,
        pending: bool = False,
    ) -> None:
        """`items` are (thread, title, reasons); `waiting` says why there are none (yet: then
        `pending`, and the pane keeps its width until they come)."""
        # All options in one go: emptied and refilled one by one, a list taller than the pane
        # hid its scrollbar and showed it again (a layout pass each time) on every key.
        if not pending:
            self._longest = max(
                (
                    max(cell_len(title), cell_len(" · ".join(reasons)))
                    for _, title, reasons in items
                ),
                default=None,
            )
            self.fit_width()
        if not items:
            self.set_options([Option(plain(waiting or "No related threads."), disabled=True)])
            return
        options: list[Option | None] = []
        for position, (thread, title, reasons) in enumerate(items):
            if position:
                options.append(None)  # a rule between entries: titles wrap over several lines
            label = Content.assemble(plain(title), "\n", (" · ".join(reasons), "$text-muted"))
            options.append(Option(label, id=str(thread)))
        self.set_options(options)
        self.highlighted = 0

    def fit_width(self) -> None:
        """Narrow the pane to its entries (collapse it when it has none): the thread list takes
        the room left. A new width costs a layout pass of the screen, so the widths go in
        steps, and a hidden pane keeps its width until it is shown."""
        if not self.display:
            return
        if self._longest is None:
            width = COLLAPSED
        else:
            widest = max(WIDEST, self.app.size.width // 5)
            frame = 6  # borders, the option list's padding and the scrollbar's gutter
            wanted = -(-(self._longest + frame) // _STEP) * _STEP
            width = max(NARROWEST, min(wanted, widest))
        if self.styles.width is None or self.styles.width.cells != width:
            self.styles.width = width

    def render_line(self, y: int) -> Strip:  # see DEFAULT_CSS: the drawn bar's, not the list's
        return DrawnScrollbar.render_line(self, y)

    def render_view_line(self, y: int) -> Strip:
        return OptionList.render_line(self, y)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(int(event.option.id)))
