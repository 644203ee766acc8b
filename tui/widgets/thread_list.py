"""The thread list: one line per thread, drawn line by line (no widget per row).

A `ScrollView` with the line API, as Textualize's toolong draws its log lines: `render_line` is
asked only for the rows on screen, and each row's strip is cached. A million-post corpus has a
hundred thousand threads; building a widget (or an `OptionList` option) for each would take
seconds, drawing the visible twenty takes a millisecond.
"""

from __future__ import annotations

import textwrap
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from parsing.entities.flags import flag_emoji
from parsing.safe_text import visible

from ..highlight import hit_spans
from ..output import plural
from .drawn_scrollbar import DrawnScrollbar
from .scrolling import OwnVirtualSize

_MAX_FLAGS = 4
_MIN_TITLE = 12
"""The cells a title keeps when a byline shares its column."""


def _flag_room(width: int) -> int:
    """How many flags a row of `width` cells shows: none when narrow, up to four when wide;
    the title keeps the larger part of the row."""
    return max(0, min(_MAX_FLAGS, (width - 24) // 6))


@dataclass(frozen=True, slots=True)
class Row:
    """What a row shows."""

    title: str
    posts: int
    flags: tuple[str, ...]
    unread: bool = False
    bookmarked: bool = False
    byline: str = ""
    """When the thread was written (else who wrote it), where its page or archive says."""


UNREAD_MARK, BOOKMARK_MARK, READ_BOOKMARK_MARK = "•", "★", "☆"
"""A row's mark: unread, bookmarked and unread, bookmarked and read (a bookmark must not hide
that a thread is unread)."""
"""The cell before a row's title: a bookmark, else a thread not read yet (as mail readers
mark new mail)."""


RowSource = Callable[[int], Row]
HitSource = Callable[[int, str], int]
"""How many posts of a thread hold a search text."""


class ThreadList(DrawnScrollbar, OwnVirtualSize, can_focus=True):
    """The threads that pass the filters.

    | Key | Action |
    | --- | --- |
    | j / k, up / down | move the cursor (the post pane previews its thread) |
    | page up / page down, g / G, home / end | move by a screen, to the ends |
    | enter | open the thread under the cursor |
    """

    BINDINGS = [
        Binding("k,up", "cursor(-1)", "Up", show=False),
        Binding("j,down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("g,home", "jump(0)", "First", show=False),
        Binding("G,end", "jump(-1)", "Last", show=False),
        Binding("enter", "screen.open_thread", "Open", show=False),  # at once: see that action
    ]

    COMPONENT_CLASSES = {
        "thread-list--cursor",
        "thread-list--open",
        "thread-list--meta",
    }

    DEFAULT_CSS = """
    ThreadList {
        overflow-x: hidden;
    }
    """

    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)
    """Index into `rows` of the highlighted thread."""

    class Opened(Message):
        """The user asked to open a thread."""

        def __init__(self, thread: int) -> None:
            super().__init__()
            self.thread = thread

    class Highlighted(Message):
        """The user moved the cursor onto `thread` (to be previewed)."""

        def __init__(self, thread: int) -> None:
            super().__init__()
            self.thread = thread

    def __init__(
        self, row_source: RowSource, hit_source: HitSource | None = None, *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self._row_source = row_source
        self._hit_source = hit_source
        self.search = ""
        """The search text that chose the rows: each row shows its hits (set with the rows)."""
        self.rows: list[int] = []
        self._row_of: dict[int, int] | None = None
        """Thread number to its row, so finding a thread never scans the list; None while the
        rows are in corpus order (a bisection finds a thread's row: a map of a million posts'
        threads would cost about 8 MB, and tens of milliseconds to make)."""
        self.opened: int | None = None
        self.empty_text = ""
        """What the list says when no row is shown (set with the rows)."""
        self._cache: LRUCache[tuple[int, int, bool, bool, bool], Strip] = LRUCache(1024)

    # -- data -----------------------------------------------------------------------------------

    def set_rows(
        self,
        rows: Sequence[int],
        keep: int | None = None,
        empty_text: str = "",
        search: str = "",
        *,
        ascending: bool = False,
    ) -> None:
        """Show `rows` (thread numbers), keeping the cursor on thread `keep` if it is there;
        `empty_text` is what an empty list says; `search`, the text whose hits rows show;
        `ascending`, the rows are in corpus order (a thread's row is then found by bisection,
        with no map of every row to make: a search at a million posts lists 100,000)."""
        self.empty_text = empty_text
        self.search = search
        self.rows = list(rows)
        self._row_of = None
        if not ascending and not _every_thread_from_0(rows):
            self._row_of = {thread: row for row, thread in enumerate(self.rows)}
        self._cache.clear()
        self.take_virtual_size(Size(self.size.width, len(self.rows)))
        target = (self.row_of(keep) or 0) if keep is not None else 0
        self.cursor = min(target, max(len(self.rows) - 1, 0))
        self.refresh()

    def extend_rows(self, rows: Sequence[int]) -> None:
        """Append threads that finished loading, keeping the cursor where it is."""
        in_order = not self.rows or not rows or rows[0] > self.rows[-1]
        if self._row_of is None and not (in_order and _ascending(rows)):
            self._row_of = {thread: row for row, thread in enumerate(self.rows)}
        for thread in rows:
            if self._row_of is not None:
                self._row_of[thread] = len(self.rows)
            self.rows.append(thread)
        self.take_virtual_size(Size(self.size.width, len(self.rows)))
        self.refresh()

    def forget_rendering(self) -> None:
        """Draw every row again (flags arrived, the theme changed)."""
        self._cache.clear()
        self.refresh()

    @property
    def current(self) -> int | None:
        """The thread under the cursor."""
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def row_of(self, thread: int | None) -> int | None:
        """The row showing `thread`, if it is listed."""
        if thread is None:
            return None
        if self._row_of is None:  # the rows are in corpus order
            row = bisect_left(self.rows, thread)
            return row if row < len(self.rows) and self.rows[row] == thread else None
        return self._row_of.get(thread)

    def neighbours(self, thread: int) -> list[int]:
        """The threads listed just after and just before `thread`: where `n` and `p` go."""
        row = self.row_of(thread)
        if row is None:
            return []
        return [self.rows[near] for near in (row + 1, row - 1) if 0 <= near < len(self.rows)]

    def set_title(self, title: str) -> None:
        """Show `title` on the top border, repainting that line alone. Setting `border_title`
        repaints every row, and the title changes with each thread opened (its unread count)."""
        current = getattr(self, "_border_title", None)
        if current is not None and current.plain == title:
            return
        self._border_title = Content(title)  # what the `border_title` descriptor stores
        offset = self.content_offset
        self.refresh(Region(-offset.x, -offset.y, self.outer_size.width, 1))

    def forget_thread(self, thread: int) -> None:
        """`thread`'s marks (read, bookmarked) changed: draw its row again, and only it."""
        width = self.scrollable_content_region.width
        for at_cursor in (False, True):
            for is_open in (False, True):
                for focused in (False, True):
                    self._cache.discard((thread, width, at_cursor, is_open, focused))
        self._refresh_rows(self.row_of(thread))

    def mark_open(self, thread: int | None) -> None:
        was_open = self.row_of(self.opened)
        self.opened = thread
        row = self.row_of(thread)
        self._refresh_rows(was_open, row)
        if row is not None:
            self.cursor = row

    # -- cursor ---------------------------------------------------------------------------------

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, len(self.rows) - 1)) if self.rows else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self._refresh_rows(old, new)
        self.scroll_to_region_if_needed(new)

    def _refresh_rows(self, *rows: int | None) -> None:
        """Repaint only `rows` (an `n`/`p` changes two or four rows; repainting every row on
        screen cost more than drawing the new thread's posts). A scroll repaints them all."""
        top = self.scroll_offset.y
        for row in set(rows):
            if row is not None and top <= row < top + self.scrollable_content_region.height:
                self.refresh_line(row)

    def scroll_to_region_if_needed(self, row: int) -> None:
        top = self.scroll_offset.y
        height = self.scrollable_content_region.height or 1
        if row < top:
            self.scroll_to(y=row, animate=False)
        elif row >= top + height:
            self.scroll_to(y=row - height + 1, animate=False)

    def action_cursor(self, step: int) -> None:
        self.cursor += step
        self._highlighted()

    def action_page(self, direction: int) -> None:
        self.cursor += direction * max(self.scrollable_content_region.height - 1, 1)
        self._highlighted()

    def action_jump(self, where: int) -> None:
        self.cursor = where if where >= 0 else len(self.rows) - 1
        self._highlighted()

    def _highlighted(self) -> None:
        thread = self.current
        if thread is not None:
            self.post_message(self.Highlighted(thread))

    def action_open(self) -> None:
        thread = self.current
        if thread is not None:
            self.post_message(self.Opened(thread))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return  # on the border
        row = offset.y + self.scroll_offset.y
        if 0 <= row < len(self.rows):
            self.cursor = row
            self.action_open()

    def notify_style_update(self) -> None:
        # Focus (the cursor row is brighter while the list has it) and theme changes restyle
        # the rows: cached strips would keep the old colours.
        super().notify_style_update()
        self._cache.clear()
        self.refresh()

    def on_resize(self) -> None:
        self.take_virtual_size(Size(self.size.width, len(self.rows)))
        self._cache.clear()

    # -- drawing --------------------------------------------------------------------------------

    def render_view_line(self, y: int) -> Strip:
        row = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if row >= len(self.rows):
            lines = textwrap.wrap(self.empty_text, max(width - 2, 8)) if not self.rows else []
            if row < len(lines):
                text = Content.styled(f" {lines[row]}", "$text-muted")
                drawn = text.render(self.visual_style, end="")  # no newline inside a strip
                segments = [Segment(part, style.rich_style) for part, style in drawn]
                return Strip(segments).adjust_cell_length(width, self.rich_style)
            return Strip.blank(width, self.rich_style)
        thread = self.rows[row]
        key = (thread, width, row == self.cursor, thread == self.opened, self.has_focus)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render_row(thread, width, row == self.cursor, thread == self.opened)
            self._cache[key] = strip
        return strip

    def _render_row(self, thread: int, width: int, at_cursor: bool, is_open: bool) -> Strip:
        row = self._row_source(thread)
        room = _flag_room(width)
        # With more flags than room, the last place goes to "+N"; a single place still shows
        # the first flag, in a cell wide enough for both.
        shown = row.flags[:room] if len(row.flags) <= room else row.flags[: max(room - 1, 1)]
        flags = " ".join(flag_emoji(code) for code in shown)
        if len(shown) < len(row.flags) and room:
            flags += f" +{len(row.flags) - len(shown)}"
        cells = room * 3 + (3 if room == 1 else 0)
        flags_cell = Content(flags).truncate(cells, pad=True) if room else Content("")
        count = Content.styled(f"{row.posts:>4} ", "$text-muted")
        marker = Content.styled("▌" if is_open else " ", "$text-accent")
        if row.bookmarked:
            mark = BOOKMARK_MARK if row.unread else READ_BOOKMARK_MARK
        else:
            mark = UNREAD_MARK if row.unread else " "
        state = Content.styled(mark, "$text-warning" if row.bookmarked else "$text-accent")
        title_width = max(width - 2 - count.cell_length - flags_cell.cell_length - 1, 4)
        hits = self._hits_cell(thread, title_width)
        byline = Content("")
        room = title_width - _MIN_TITLE - hits.cell_length
        if row.byline and room >= 8:
            # The byline after the title, muted, in what the title's least width leaves.
            text = " " + visible(row.byline, keep_newlines=False)
            byline = Content.styled(text, "$text-muted", strip_control_codes=False)
            byline = byline.truncate(min(byline.cell_length, room), ellipsis=True)
        plain_title = visible(row.title, keep_newlines=False)
        spans = hit_spans(plain_title, self.search, keep_newlines=False)
        title = Content(plain_title, spans, strip_control_codes=False)
        title = title.truncate(
            title_width - hits.cell_length - byline.cell_length, ellipsis=True, pad=True
        )
        line = Content.assemble(marker, state, title, hits, byline, count, flags_cell)
        components = ["thread-list--cursor"] if at_cursor else []
        base = self.get_visual_style(*components)
        segments = [Segment(text, style.rich_style) for text, style in line.render(base, end="")]
        return Strip(segments).adjust_cell_length(width, base.rich_style)

    def _hits_cell(self, thread: int, title_width: int) -> Content:
        """` 3 hits` after the title while a search is active, where the title keeps room."""
        if not self.search or self._hit_source is None:
            return Content("")
        hits = Content.styled(
            " " + plural(self._hit_source(thread, self.search), "hit"), "$text-accent"
        )
        return hits if title_width - hits.cell_length >= _MIN_TITLE else Content("")


def _ascending(rows: Sequence[int]) -> bool:
    """Are `rows` a run of threads in corpus order (what loading appends)?"""
    return isinstance(rows, range) and rows.step == 1


def _every_thread_from_0(rows: Sequence[int]) -> bool:
    """Are `rows` the threads 0, 1 … in order (the unfiltered list in source order)?"""
    return isinstance(rows, range) and rows.start == 0 and rows.step == 1
