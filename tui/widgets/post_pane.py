"""The post pane: the posts of one thread, each headed `n/total`, missing posts shown in place.

Drawn line by line (a `ScrollView` with the line API, like the thread list): opening a thread
wraps its posts into lines once, and a frame draws only the lines on screen. A widget per post
cost a mount, a stylesheet pass and a layout pass for every post on every `n`/`p`, so a long
thread opened slower than a short one. The threads before and after the open one are laid out
(and their first screen drawn) ahead, once the reader is idle, so `n`/`p` only swap one in. The
current post is marked and kept in view; `j`/`k` move between posts, skipping the placeholders
of missing ones, and read a post taller than the pane a page at a time before leaving it. When
the reader scrolls (space, the wheel, page keys, the scrollbar), the current post follows: it
becomes the first post that starts on screen, unless it still starts there or fills the pane.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style as VisualStyle

from ..post_layout import HINT, Block, Layout, PostData, lay_out
from .drawn_scrollbar import DrawnScrollbar
from .scrolling import OwnVirtualSize

_MARK = "▌"
_GUTTER = 3
"""Cells left of and right of a post's text: the mark of the current post, a space each side."""
_KEPT_LAYOUTS = 3
"""Threads kept laid out: the one left, and the two `n` and `p` lead to."""


def _segments(content: Content, base: VisualStyle) -> list[Segment]:
    return [Segment(text, style.rich_style) for text, style in content.render(base, end="")]


class PostPane(DrawnScrollbar, OwnVirtualSize, can_focus=True):
    """The posts of the open thread.

    | Key | Action |
    | --- | --- |
    | j / down | next post (a tall post: its next page first) |
    | k / up | previous post (a tall post: its previous page first) |
    | space | page down, then the next post |
    | g / G | first / last post |
    """

    # Out of the footer, which has no room for them at 120 columns; `?` lists them.
    BINDINGS = [
        Binding("j,down", "read(1)", "Next post", show=False),
        Binding("k,up", "read(-1)", "Previous post", show=False),
        Binding("space", "page_on", "Page down", show=False),
        Binding("g", "first", "First post", show=False),
        Binding("G", "last", "Last post", show=False),
    ]

    COMPONENT_CLASSES = {"post-pane--current"}

    DEFAULT_CSS = """
    PostPane {
        overflow-x: hidden;
        /* Posts are wrapped to the width left by the scrollbar. It counts as always shown, and
           is drawn only for a thread taller than the pane: a thread that fits, opened after
           one that does not, then needs no layout pass of the whole screen. */
        overflow-y: scroll;
    }
    PostPane > .post-pane--current {
        background: $boost;
    }
    """

    current: reactive[int] = reactive(0)
    """Index of the current post among the thread's posts."""

    class EntityClicked(Message):
        """An entity in a post was clicked; `truncated`: a link whose text was cut short."""

        def __init__(self, kind: str, value: str, truncated: bool = False) -> None:
            super().__init__()
            self.kind = kind
            self.value = value
            self.truncated = truncated

    class CurrentPostChanged(Message):
        """Another post is current: `post` (an index among the posts of `thread`) was moved
        to, or a thread was shown."""

        def __init__(self, thread: int | None, post: int) -> None:
            super().__init__()
            self.thread = thread
            self.post = post

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.thread: int | None = None
        self.posts: list[PostData] = []
        self._layout = Layout([], 0)
        self.search = ""
        """The search text to mark in the posts (set before `show`)."""
        self.hint = HINT
        """What the pane says with no thread open (set before `show`); empty says nothing."""
        self._prepared: dict[int, Layout] = {}
        """Threads laid out ahead of being shown (the ones `n` and `p` open next)."""
        self._gutters: dict[tuple[bool, VisualStyle], Strip] = {}
        """The drawn gutter (the current post's mark, or a space), for each base style."""
        self._placing = 0
        """Above 0 while the pane scrolls itself (to the current post, after a layout): only
        the reader's own scrolling moves the current post."""

    @contextmanager
    def _placed(self) -> Iterator[None]:
        """Scroll without the current post following (the pane places it itself)."""
        self._placing += 1
        try:
            yield
        finally:
            self._placing -= 1

    @property
    def blocks(self) -> list[Block]:
        """The open thread's posts and placeholders, wrapped."""
        return self._layout.blocks

    def show(self, thread: int | None, posts: Sequence[PostData], current: int = 0) -> None:
        """Replace the pane's content with `posts` of `thread`, `current` marked."""
        if self.thread is not None and self._layout.blocks:
            self._prepared[self.thread] = self._layout  # `p` or `n` may go back to it
            while len(self._prepared) > _KEPT_LAYOUTS:  # before indexing nothing replaces them
                del self._prepared[next(iter(self._prepared))]
        self.thread = thread
        self.posts = list(posts)
        self.set_reactive(PostPane.current, min(current, max(len(self.posts) - 1, 0)))
        prepared = self._prepared.pop(thread, None) if thread is not None else None
        if (
            prepared is not None
            and prepared.posts is posts
            and prepared.width == self._width_now
            and prepared.search == self.search
        ):
            self._take(prepared)
        else:
            self._lay_out(posts)
        with self._placed():
            self.scroll_home(animate=False, immediate=True)
            if self.current:
                self._scroll_to_current()
        self.post_message(self.CurrentPostChanged(thread, self.current))

    def prepare(self, threads: dict[int, Sequence[PostData]]) -> None:
        """Lay out `threads` (thread: its posts) and draw their first screen now, so that
        showing one of them next costs neither (the threads before and after the open one)."""
        width, prepared = self._width_now, {}
        for thread, posts in threads.items():
            layout = self._prepared.get(thread)
            if (
                layout is None
                or layout.posts is not posts
                or layout.width != width
                or layout.search != self.search
            ):
                layout = self._first_screen(lay_out(thread, posts, width, self.search))
            prepared[thread] = layout
        self._prepared = prepared

    def _first_screen(self, layout: Layout) -> Layout:
        width = self.scrollable_content_region.width
        for row in range(min(layout.height, self.scrollable_content_region.height)):
            at = bisect_right(layout.tops, row) - 1
            block = layout.blocks[at]
            if row - block.top < len(block.lines):
                marked = block.post == 0
                line = block.lines[row - block.top]
                layout.strips[row, marked] = self._draw(line, width, marked, row)
        return layout

    # -- layout ---------------------------------------------------------------------------------

    @property
    def _width_now(self) -> int:
        """The text width posts are wrapped to at the pane's size (0: not laid out yet)."""
        width = self.scrollable_content_region.width
        return max(width - _GUTTER, 1) if width else 0

    def _lay_out(self, posts: Sequence[PostData]) -> None:
        """Wrap every post and placeholder to the pane's width."""
        self._take(lay_out(self.thread, posts, self._width_now, self.search, self.hint))

    def _take(self, layout: Layout) -> None:
        self._layout = layout
        with self._placed():
            self.take_virtual_size(Size(self.scrollable_content_region.width, layout.height))

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        with self._placed():  # a new size may move the scroll position: not the reader's doing
            return super()._size_updated(size, virtual_size, container_size, layout)

    def on_resize(self) -> None:
        if self._width_now != self._layout.width:
            again = {thread: layout.posts for thread, layout in self._prepared.items()}
            self._prepared.clear()
            self._lay_out(self._layout.posts)
            self._scroll_to_current()
            # The threads laid out ahead, again at the new width, once it is drawn: `n` and `p`
            # stay as quick after a resize.
            self.call_after_refresh(self.prepare, again)

    def notify_style_update(self) -> None:
        # A theme change restyles the lines: cached strips would keep the old colours.
        super().notify_style_update()
        for layout in (self._layout, *self._prepared.values()):
            layout.strips.clear()
        self._gutters.clear()
        self.refresh()

    # -- drawing --------------------------------------------------------------------------------

    def render_view_line(self, y: int) -> Strip:
        row = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        at = bisect_right(self._layout.tops, row) - 1
        if at < 0:
            return Strip.blank(width, self.rich_style)
        block = self.blocks[at]
        line = row - block.top
        if line >= len(block.lines):
            return Strip.blank(width, self.rich_style)  # the space between posts
        marked = block.post is not None and block.post == self.current
        selection = self.text_selection
        if selection is not None:  # drawn afresh while text is being selected
            return self._draw(block.lines[line], width, marked, row, selection)
        strips = self._layout.strips
        strip = strips.get((row, marked))
        if strip is None:
            strip = strips[row, marked] = self._draw(block.lines[line], width, marked, row)
        return strip

    def _draw(
        self, line: Content, width: int, marked: bool, row: int, selection: Selection | None = None
    ) -> Strip:
        base = self.get_visual_style(*(["post-pane--current"] if marked else []))
        if selection is not None and (span := selection.get_span(row)) is not None:
            start, end = span
            line = line.stylize(
                self.screen.get_visual_style("screen--selection"),
                start,
                len(line.plain) if end == -1 else end,
            )
        # Text carries its position (row, column) for mouse selection; the gutter does not, so
        # columns count from the text's first character, as in `get_selection`'s text.
        text = Strip(_segments(line, base)).apply_offsets(0, row)
        drawn = Strip.join([self._gutter(marked, base), text])
        return drawn.adjust_cell_length(width, base.rich_style)

    def _gutter(self, marked: bool, base: VisualStyle) -> Strip:
        gutter = self._gutters.get((marked, base))
        if gutter is None:
            mark = Content.styled(_MARK, "$accent") if marked else Content(" ")
            gutter = Strip(_segments(Content.assemble(mark, " "), base))
            self._gutters[marked, base] = gutter
        return gutter

    # -- selecting text with the mouse ----------------------------------------------------------

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The selected text: rows as drawn (wrapped), without the gutter."""
        rows: list[str] = []
        for block in self.blocks:
            rows.extend(line.plain for line in block.lines)
            rows.append("")
        return selection.extract("\n".join(rows)), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()

    # -- the current post -----------------------------------------------------------------------

    def watch_current(self, current: int) -> None:
        self.refresh()
        self._scroll_to_current()
        self.post_message(self.CurrentPostChanged(self.thread, current))

    def post_region(self, index: int) -> Region:
        """Where post `index` is drawn, in the pane's scrollable lines."""
        rows = self._layout.post_rows(index)
        return Region(0, rows[0], self.virtual_size.width, rows[1]) if rows else Region()

    def post_in_view(self, index: int) -> bool:
        """Is some of post `index` on screen?"""
        view = Region(0, self.scroll_offset.y, 1, self.scrollable_content_region.height)
        region = self.post_region(index)
        return bool(region) and region.y < view.bottom and view.y < region.bottom

    def keep_current_in_view(self) -> None:
        """Bring the current post back into view once the pane has its new width (the related
        pane shown or hidden, a resized terminal): every post is wrapped again."""
        self.call_after_refresh(self._scroll_to_current)

    def _scroll_to_current(self) -> None:
        with self._placed():
            self._scroll_to_current_post()

    def _scroll_to_current_post(self) -> None:
        if self.current == 0:
            self.scroll_home(animate=False, immediate=True)
        elif self.current < len(self.posts):
            region = self.post_region(self.current)
            # A post taller than the pane shows its top.
            height = min(region.height, self.scrollable_content_region.height)
            region = Region(region.x, region.y, region.width, height)
            self.scroll_to_region(region, animate=False, immediate=True)

    def action_move(self, step: int) -> None:
        if self.posts:
            self.current = max(0, min(self.current + step, len(self.posts) - 1))

    def action_read(self, step: int) -> None:
        """`j` (1) and `k` (-1): the next or previous page of a post taller than the pane,
        else the next or previous post."""
        region = self.post_region(self.current)
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        page = max(height - 1, 1)  # a line of the last page stays in sight
        if region and step > 0 and region.bottom > top + height:
            target = min(top + page, region.bottom - height)
        elif region and step < 0 and region.y < top:
            target = max(top - page, region.y)
        else:
            self.action_move(step)
            return
        with self._placed():
            self.scroll_to(y=target, animate=False, immediate=True)

    def action_page_on(self) -> None:
        """space: a page down (the current post follows); at the end, the next post."""
        if round(self.scroll_y) < self.max_scroll_y:
            height = self.scrollable_content_region.height
            self.scroll_to(y=self.scroll_y + max(height - 1, 1), animate=False, immediate=True)
        else:
            self.action_move(1)

    def action_first(self) -> None:
        self.action_move(-len(self.posts))

    def action_last(self) -> None:
        self.action_move(len(self.posts))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if not self._placing and round(old_value) != round(new_value):
            self._follow_scroll()

    def _follow_scroll(self) -> None:
        """Make the post the reader scrolled to current (see `Layout.post_scrolled_to`)."""
        top = round(self.scroll_y)
        bottom = top + self.scrollable_content_region.height
        self._make_current(self._layout.post_scrolled_to(top, bottom, self.current))

    def _make_current(self, index: int) -> None:
        """Mark post `index` current where it is, without scrolling to it."""
        if index != self.current:
            self.set_reactive(PostPane.current, index)
            self.refresh()
            self.post_message(self.CurrentPostChanged(self.thread, index))

    @property
    def current_post(self) -> PostData | None:
        return self.posts[self.current] if 0 <= self.current < len(self.posts) else None

    # -- the mouse ------------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        meta = event.style.meta
        if "entity" in meta:
            event.stop()
            truncated = meta.get("truncated") is True
            self.post_message(
                self.EntityClicked(str(meta["entity"]), str(meta["value"]), truncated)
            )
