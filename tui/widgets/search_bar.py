"""The search line: `/` opens it, the list narrows as you type, enter keeps it, escape undoes it.

It knows the filters it was opened over (`before`) and the search still running in the
background (`wanted`); the main screen applies what it reports.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from textual import work
from textual.message import Message
from textual.widgets import Input

from ..state import Filters

Finder = Callable[[Filters], list[int]]
"""The threads that pass some filters (run in a worker thread on big corpora)."""


class SearchBar(Input):
    """Closed until `open`; typing posts `Input.Changed` as any input does."""

    class Found(Message):
        """A background search finished: `rows` pass `filters` (see `is_wanted`)."""

        def __init__(self, filters: Filters, rows: list[int]) -> None:
            super().__init__()
            self.filters = filters
            self.rows = rows

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
        self.before = self.wanted = None
        self.remove_class("-open")

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
        rows = finder(wanted)
        self.app.call_from_thread(self._found, wanted, rows)

    def _found(self, wanted: Filters, rows: list[int]) -> None:
        if wanted == self.wanted:
            self.post_message(self.Found(wanted, rows))

    def is_wanted(self, found: Found) -> bool:
        """Is `found` still what the search asks for? Keys may have come after it was posted:
        more typing, or enter or escape (which close the line), overtake it."""
        if found.filters != self.wanted:
            return False
        self.wanted = None
        return True
