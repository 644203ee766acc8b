"""A fix for line-drawn scroll views: no extra repaint after every layout pass."""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView


class OwnVirtualSize(ScrollView):
    """A scroll view that sets its own virtual size (one line per row or option).

    On every layout pass anywhere on the screen, Textual compares the virtual size the layout
    gives such a view (that of its children: it has none) with the one the view set itself.
    They never match, so each pass repainted its scrollbar in a frame of its own: a second
    frame for every `n`/`p` once the thread list scrolls. The view's own size is the one to
    compare with; a real change of size or container still updates the scrollbars.
    """

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return super()._size_updated(size, self.virtual_size, container_size, layout)
