"""The search line: `/` opens it, the list narrows as you type, enter keeps it, escape undoes it.

It knows the filters it was opened over (`before`) and the search still running in the
background (`wanted`); the main screen applies what it reports. Each key starts a search in a
worker and cancels the one before: the finder stops at its next chunk, and what it reports
after that is no longer wanted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from textual import work
from textual.message import Message
from textual.widgets import Input
from textual.worker import get_current_worker

from ..state import Filters

Show = Callable[[list[int]], None]
Finder = Callable[[Filters, Callable[[], bool], Show], "list[int] | None"]
"""The threads that pass some filters, found in a worker thread: None when the second argument
(asked between chunks) says the search was cancelled; while it runs long, it may `Show` the
threads that may still pass (a superset that narrows as it goes)."""


class SearchBar(Input):
    """Closed until `open`; typing posts `Input.Changed` as any input does."""

    class Found(Message):
        """A background search finished (`final`), or got far enough to narrow the list:
        `rows` pass `filters`, or may (see `is_wanted`)."""

        def __init__(self, filters: Filters, rows: list[int], *, final: bool = True) -> None:
            super().__init__()
            self.filters = filters
            self.rows = rows
            self.final = final

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="Search posts…", id=id)
        self.before: Filters | None = None
        """The filters when the search opened; None while it is closed."""
        self.wanted: Filters | None = None
        """The filters of the search running in the background, whose result is still wanted."""

    @property
    def is_open(self) -> bool:
        return self.before is not None

    def open(self, filters: Filters) -> None:
        """Show the line over `filters`, with their search text, and take the focus now
        (`focus()` would wait for the keys already queued)."""
        self.before = filters
        self.value = filters.search
        self.add_class("-open")
        self.screen.set_focus(self)

    def close(self) -> None:
        self.before = None
        self.drop_search()
        self.remove_class("-open")

    def drop_search(self) -> None:
        """Cancel the search in the background: its result is no longer wanted (the line was
        closed, or its text is searched in place)."""
        self.wanted = None
        self.workers.cancel_group(self, "search")

    def wanted_for(self, text: str, current: Filters) -> Filters:
        """The filters the search line asks for with `text`: those it opened over, searching
        `text` (or the `current` ones, when it is closed)."""
        base = self.before or current
        return replace(base, search=text)

    def find(self, wanted: Filters, finder: Finder) -> None:
        """Look for `wanted` in a worker; `Found` follows unless the search moved on."""
        self.wanted = wanted
        self._find(wanted, finder)

    @work(thread=True, exclusive=True, group="search")
    def _find(self, wanted: Filters, finder: Finder) -> None:
        # `exclusive` cancels the worker of the key before: its finder stops between chunks.
        worker = get_current_worker()

        def show(rows: list[int]) -> None:
            self.post_message(self.Found(wanted, rows, final=False))

        rows = finder(wanted, lambda: worker.is_cancelled, show)
        if rows is not None and not worker.is_cancelled:
            self.post_message(self.Found(wanted, rows))

    def is_wanted(self, found: Found) -> bool:
        """Is `found` still what the search asks for? Keys may have come after it was posted:
        more typing, or enter or escape (which close the line), overtake it."""
        if found.filters != self.wanted:
            return False
        if found.final:
            self.wanted = None
        return True
