"""A fix for line-drawn scroll views: no extra repaint after every layout pass."""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.scroll_view import ScrollView


class OwnVirtualSize(ScrollView):
    """A scroll view that sets its own virtual size (one line per row or option).

    On every layout pass anywhere on the screen, Textual compares the virtual size the layout
    gives such a view (that of its children: it has none) with the one the view set itself.
    They never match, so each pass updated the view's scrollbars once more (with Textual's
    scrollbar widgets, a repaint in a frame of its own: a second frame for every `n`/`p`). Here
    a layout pass updates the scrollbars only when the view's own virtual size changed since
    they were last updated (or its size, or its container's).
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    """These views are sized by the stylesheet, never by their content: a new virtual size
    needs their scrollbars updated (`take_virtual_size`, or the option list's own update), not
    a layout pass of the whole screen, which took 15-20 ms at 120x40."""

    _sized_for: Size | None = None
    """The virtual size the scrollbars were last updated for."""

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        if self.virtual_size == self._sized_for:
            virtual_size = self.virtual_size  # nothing of ours changed: compare sizes only
        return super()._size_updated(size, virtual_size, container_size, layout)

    def _scroll_update(self, virtual_size: Size) -> None:
        super()._scroll_update(virtual_size)
        self._sized_for = self.virtual_size

    def take_virtual_size(self, size: Size) -> None:
        """Take a new virtual size at once: the scrollbars follow in the frame being drawn,
        with no layout pass unless a scrollbar appears or goes."""
        shown = self.show_vertical_scrollbar
        self.set_reactive(ScrollView.virtual_size, size)
        self._scroll_update(size)
        self.refresh(layout=self.show_vertical_scrollbar != shown)
