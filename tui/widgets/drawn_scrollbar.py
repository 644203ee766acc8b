"""A vertical scrollbar drawn in a scroll view's own lines, not by a widget of its own.

Textual lays a scrollbar widget over the view's gutter. Each frame that repaints the view then
cuts every line at the bar's edges and renders the bar again through Rich: at 120×40 that was
about a fifth of what an `n`/`p` costs, and all of the difference between a thread taller than
the post pane (or a list longer than its pane) and one that fits. Here the bar widget is hidden
(`scrollbar-visibility: hidden` keeps the gutter, the wheel and the scrolling) and the same bar,
drawn by Textual's `ScrollBarRender` in the same colours, is joined to the view's own lines.
Pressing or dragging in it brings the thumb under the pointer.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBarRender
from textual.strip import Strip

if TYPE_CHECKING:
    from textual.selection import Selection
    from textual.widget import Widget


class DrawnScrollbar(ScrollView):
    """A scroll view that draws its vertical scrollbar itself."""

    DEFAULT_CSS = """
    DrawnScrollbar {
        scrollbar-visibility: hidden;
    }
    """

    _dragging = False
    _hovering = False
    _pressed_on_bar = False
    _kept_selections: dict[Widget, Selection] | None = None
    """The screen's text selection when the bar was pressed."""
    _drawn_bar: tuple[tuple[object, ...], tuple[Strip, ...]] | None = None
    """The bar's cells for the state (size, scroll position, pointer) they were drawn for."""

    def scrollbar_region(self) -> Region:
        """Where the vertical bar is drawn, relative to the widget; empty when there is none."""
        width = self.scrollbar_size_vertical
        if not (self.show_vertical_scrollbar and width):
            return Region()
        gutter = self.styles.gutter  # border and padding: the bar is inside them
        outer = self.outer_size
        bottom = gutter.bottom + self.scrollbar_size_horizontal
        height = outer.height - gutter.top - bottom
        if self.virtual_size.height <= height:
            return Region()  # nothing to scroll (`overflow-y: scroll` keeps the gutter only)
        return Region(outer.width - gutter.right - width, gutter.top, width, height)

    def render_view_line(self, y: int) -> Strip:
        """Row `y` of the view, as wide as its scrollable region (the bar is added after it)."""
        raise NotImplementedError

    def render_line(self, y: int) -> Strip:
        line = self.render_view_line(y)
        bar = self.scrollbar_region()
        if not bar:
            return line
        key = (bar, self.scroll_y, self.virtual_size.height, self._dragging, self._hovering)
        if self._drawn_bar is None or self._drawn_bar[0] != key:
            self._drawn_bar = (key, self._bar_cells(bar))
        cells = self._drawn_bar[1]
        if not 0 <= y < len(cells):
            return line
        width = self.scrollable_content_region.width
        if line.cell_length != width:  # the bar goes right after the scrollable region
            line = line.adjust_cell_length(width, self.rich_style)
        # One strip, its width known: `Strip.join` would measure every segment again.
        return Strip([*line, *cells[y]], width + bar.width)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._drawn_bar = None  # a theme change recolours the bar

    def _bar_cells(self, bar: Region) -> tuple[Strip, ...]:
        """One strip per row of the bar, coloured as Textual colours its scrollbars."""
        styles = self.styles
        if self._dragging:
            background, color = styles.scrollbar_background_active, styles.scrollbar_color_active
        elif self._hovering:
            background, color = styles.scrollbar_background_hover, styles.scrollbar_color_hover
        else:
            background, color = styles.scrollbar_background, styles.scrollbar_color
        if background.a < 1:
            base, _ = self.background_colors
            background = base + background
        color = background + color
        virtual = self.virtual_size.height
        window = bar.height if bar.height < virtual else 0
        position = int(self.scroll_y * 8) / 8  # as a scrollbar widget keeps it: eighths of a cell
        return _bar_cells(
            bar.size,
            virtual=virtual,
            window=window,
            position=position,
            color=color.rich_color,
            back=background.rich_color,
        )

    # -- the mouse ------------------------------------------------------------------------------

    def on_scrollbar(self, x: int, y: int) -> bool:
        """Is the point (relative to the widget) on the drawn bar?"""
        return self.scrollbar_region().contains(x, y)

    @property
    def allow_select(self) -> bool:
        # A press on the bar scrolls; it does not start selecting text. (While a selection is
        # being dragged, the pointer's place does not take this view out of it.)
        if getattr(self.screen, "_selecting", False):
            return super().allow_select
        pointer = self.app.mouse_position - self.region.offset
        return super().allow_select and not self.on_scrollbar(pointer.x, pointer.y)

    def _forward_event(self, event: events.Event) -> None:
        # Decided as the press arrives: a release after a press on the bar, wherever a drag
        # took the pointer, is no click on the rows, options or links under it.
        if isinstance(event, events.MouseDown):
            self._pressed_on_bar = self.on_scrollbar(event.x, event.y)
            self._kept_selections = dict(self.screen.selections) if self._pressed_on_bar else None
        elif isinstance(event, events.MouseUp) and self._kept_selections:
            # The screen clears the selection on a click anywhere but on its scrollbar widgets,
            # before this view hears of it: a click on the drawn bar puts it back.
            if not self.screen.selections:
                self.screen.selections = self._kept_selections
            self._kept_selections = None
        elif isinstance(event, events.Click) and self._pressed_on_bar:
            self._pressed_on_bar = False
            return
        super()._forward_event(event)

    async def _on_mouse_down(self, event: events.MouseDown) -> None:
        if self.on_scrollbar(event.x, event.y):
            event.stop()
            self._dragging = True
            self.capture_mouse()
            self._follow_pointer(event.y)
            self._refresh_bar()  # in its pressed colours

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        if self._dragging:
            self._follow_pointer(event.y)
        elif self._hovering != self.on_scrollbar(event.x, event.y):
            self._hovering = not self._hovering
            self._refresh_bar()

    async def _on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging:
            event.stop()
            self.release_mouse()

    def _on_mouse_release(self, event: events.MouseRelease) -> None:
        self._dragging = False
        self._refresh_bar()

    def _on_leave(self, event: events.Leave) -> None:
        if self._hovering:
            self._hovering = False
            self._refresh_bar()

    def _refresh_bar(self) -> None:
        bar = self.scrollbar_region()
        if bar:  # `refresh` counts from the content's corner, inside the border
            self.refresh(bar.translate(-self.content_offset))

    def _follow_pointer(self, y: int) -> None:
        """Scroll so that the thumb's middle is at the middle of row `y` of the widget."""
        bar = self.scrollbar_region()
        virtual = self.virtual_size.height
        if not bar or virtual <= bar.height:
            return
        thumb = max(1.0, bar.height * bar.height / virtual)
        travel = bar.height - thumb
        fraction = (y + 0.5 - bar.y - thumb / 2) / travel if travel > 0 else 0.0
        target = max(0.0, min(1.0, fraction)) * self.max_scroll_y
        self.scroll_to(y=round(target), animate=False, immediate=True)


def forget_drawn_bars() -> None:
    """Let go of the bars drawn so far (once loading ends): those drawn while the list grew
    are of lengths never shown again, dozens of strips each, kept as long as the reader ran."""
    _bar_cells.cache_clear()


@lru_cache(maxsize=64)
def _bar_cells(
    size: Size, *, virtual: int, window: int, position: float, color: Color, back: Color
) -> tuple[Strip, ...]:
    width, height = size
    bar = ScrollBarRender.render_bar(
        size=height,
        virtual_size=virtual,
        window_size=window,
        position=position,
        thickness=width,
        vertical=True,
        back_color=back,
        bar_color=color,
    )
    # The widget's mouse actions (`@mouse.down` meta) are not ours: the view handles the mouse.
    return tuple(Strip([Segment(cell.text, _plain(cell.style))], width) for cell in bar.segments)


def _plain(style: Style | None) -> Style | None:
    if style is None:
        return None
    return Style(color=style.color, bgcolor=style.bgcolor, reverse=style.reverse)
