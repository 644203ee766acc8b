"""The scrollbars of the thread list and the post pane, drawn in the panes' own lines."""

from __future__ import annotations

from pathlib import Path

from rich.style import Style
from textual.geometry import Region
from textual.scrollbar import ScrollBar
from textual.strip import Strip

from tests.tui.helpers import (
    LIGHTHOUSE,
    ORCHARD,
    RAIL,
    WIDE,
    layout_passes,
    make_app,
    many_threads,
    post_pane,
    related_pane,
    thread_list,
    thread_open,
    wait_loaded,
    wait_until,
)
from tui.widgets import drawn_scrollbar
from tui.widgets.drawn_scrollbar import DrawnScrollbar


def bar_styles(view: DrawnScrollbar, y: int) -> list[Style]:
    """The styles of the cells the bar occupies on content row `y` of `view`."""
    bar = view.scrollbar_region()
    line: Strip = view.render_line(y)
    cells = line.crop(line.cell_length - bar.width, line.cell_length)
    return [segment.style for segment in cells if segment.style is not None]


def bar_as_drawn(view: DrawnScrollbar) -> list[Style | None]:
    """The styles of the bar's cells as the screen gets them: through the view's cache of
    drawn lines, which only a repaint of the right lines brings up to date."""
    bar = view.scrollbar_region()
    lines = view.render_lines(Region(0, 0, *view.outer_size))
    return [
        segment.style
        for row in range(bar.y, bar.bottom)
        for segment in lines[row].crop(bar.x, bar.right)
    ]


def is_thumb(styles: list[Style]) -> bool:
    """The thumb is drawn in reverse video (or as a partial block), the track as background."""
    return any(style.reverse or style.color is not None for style in styles)


async def test_tall_thread_has_a_drawn_scrollbar_and_no_scrollbar_widget() -> None:
    """A thread taller than the pane shows a scrollbar, drawn in the pane's lines: no
    scrollbar widget is placed on the screen, so frames are not cut at its edges."""
    async with thread_open(LIGHTHOUSE) as (_pilot, app):
        pane = post_pane(app)
        bar = pane.scrollbar_region()
        assert bar.height == pane.scrollable_content_region.height
        assert bar.width == pane.styles.scrollbar_size_vertical
        placed = app.screen._compositor.visible_widgets
        assert not [widget for widget in placed if isinstance(widget, ScrollBar)]
        assert pane.render_line(0).cell_length == pane.content_region.width


async def test_thumb_follows_the_scroll_position() -> None:
    """The thumb is at the top of the bar when the thread opens and at the bottom once the
    pane is scrolled to its end."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        pane = post_pane(app)
        last = pane.scrollbar_region().height - 1
        assert is_thumb(bar_styles(pane, 0))
        assert not is_thumb(bar_styles(pane, last))
        pane.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert not is_thumb(bar_styles(pane, 0))
        assert is_thumb(bar_styles(pane, last))


async def test_pressing_the_bottom_of_the_bar_scrolls_the_posts_to_the_end() -> None:
    """A click at the foot of the post pane's scrollbar brings the thumb there: the pane
    scrolls to its last line."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        pane = post_pane(app)
        bar = pane.scrollbar_region()
        assert pane.scroll_y == 0
        await pilot.click(pane, offset=(bar.x, bar.bottom - 1))
        await pilot.pause()
        assert pane.scroll_y == pane.max_scroll_y > 0


async def test_dragging_on_the_bar_scrolls_and_selects_no_text() -> None:
    """Pressing in the bar and dragging moves the posts with the pointer, and selects no text
    on the way."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        pane = post_pane(app)
        bar = pane.scrollbar_region()
        await pilot.mouse_down(pane, offset=(bar.x, bar.y))
        await pilot.hover(pane, offset=(bar.x, bar.y + bar.height // 2))
        await pilot.pause()
        halfway = pane.scroll_y
        await pilot.hover(pane, offset=(bar.x, bar.bottom - 1))
        await pilot.mouse_up(pane, offset=(bar.x, bar.bottom - 1))
        await pilot.pause()
        assert 0 < halfway < pane.max_scroll_y
        assert pane.scroll_y == pane.max_scroll_y
        assert not app.screen.selections


async def test_pressing_the_list_bar_scrolls_the_list_and_opens_nothing(tmp_path: Path) -> None:
    """A click on the thread list's scrollbar scrolls the list; it does not open the thread
    drawn on that row."""
    app = make_app(many_threads(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        threads = thread_list(app)
        bar = threads.scrollbar_region()
        assert bar, "the list should be taller than its pane"
        await pilot.click(threads, offset=(bar.x, bar.bottom - 1))
        await pilot.pause()
        assert threads.scroll_y == threads.max_scroll_y > 0
        assert app.main_screen.opened is None


async def test_short_thread_after_a_tall_one_draws_no_bar_and_needs_no_layout_pass() -> None:
    """`n` from a thread taller than the pane to one that fits hides the bar without a layout
    pass of the whole screen (the pane keeps its width: the gutter stays). The related pane is
    hidden: it collapses for the second thread, which has none (a layout pass of its own)."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        await pilot.press("r")
        await wait_until(pilot, lambda: not related_pane(app).display)
        await pilot.pause()
        pane = post_pane(app)
        width = pane.scrollable_content_region.width
        assert pane.scrollbar_region()
        layouts = layout_passes(app)
        await pilot.press("n")
        await pilot.pause()
        assert pane.thread == ORCHARD
        assert not pane.scrollbar_region()
        assert pane.scrollable_content_region.width == width
        assert not layouts


async def test_stepping_through_threads_refills_related_without_a_layout_pass() -> None:
    """`n` over several threads shows each one's related threads, and no step needs a layout
    pass of the whole screen: the panes keep their sizes whatever they hold (these threads'
    related entries all need the pane's full width)."""
    async with thread_open(RAIL) as (pilot, app):
        layouts = layout_passes(app)
        related = related_pane(app)
        for _ in range(4):
            before = app.main_screen.opened
            await pilot.press("n")
            await wait_until(pilot, lambda before=before: app.main_screen.opened != before)
            await wait_until(
                pilot, lambda: related.option_count > 0 and related.thread == app.main_screen.opened
            )
            await pilot.pause(0.1)
        assert not layouts


async def test_pressing_the_bar_shows_it_pressed_until_released() -> None:
    """While the bar is held it is drawn in its pressed colours; released and left, in its
    own again."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        pane = post_pane(app)
        bar = pane.scrollbar_region()
        before = bar_as_drawn(pane)
        await pilot.mouse_down(pane, offset=(bar.x, bar.y))
        await pilot.pause()
        held = bar_as_drawn(pane)
        await pilot.mouse_up(pane, offset=(bar.x, bar.y))
        await pilot.hover(pane, offset=(5, bar.y))  # off the bar: no hover colours either
        await pilot.pause()
        assert held != before
        assert bar_as_drawn(pane) == before


async def test_a_drag_released_over_the_rows_opens_no_thread(tmp_path: Path) -> None:
    """Dragging the list's bar and letting go over the rows scrolls the list; the release is
    not a click on the row under the pointer."""
    app = make_app(many_threads(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        threads = thread_list(app)
        bar = threads.scrollbar_region()
        await pilot.mouse_down(threads, offset=(bar.x, bar.y))
        await pilot.hover(threads, offset=(5, bar.bottom - 1))
        await pilot.mouse_up(threads, offset=(5, bar.bottom - 1))
        await pilot.pause()
        assert threads.scroll_y == threads.max_scroll_y > 0
        assert app.main_screen.opened is None


async def test_the_last_cell_of_a_long_lists_bar_reaches_the_end(tmp_path: Path) -> None:
    """With a thumb smaller than a cell (thousands of threads), a click on the bar's last cell
    still scrolls to the last thread."""
    app = make_app(many_threads(tmp_path, 3000))
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        threads = thread_list(app)
        bar = threads.scrollbar_region()
        await pilot.click(threads, offset=(bar.x, bar.bottom - 1))
        await pilot.pause()
        assert threads.scroll_y == threads.max_scroll_y > 1000


async def test_a_click_on_the_bar_keeps_the_selected_text() -> None:
    """Text selected in the posts stays selected when the scrollbar is clicked to move down,
    as with Textual's own scrollbars: the click scrolls and nothing else."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        pane = post_pane(app)
        await pilot.mouse_down(pane, offset=(3, 1))
        await pilot.hover(pane, offset=(12, 1))
        await pilot.mouse_up(pane, offset=(12, 1))
        await pilot.pause()
        selected = app.screen.get_selected_text()
        assert selected
        bar = pane.scrollbar_region()
        await pilot.click(pane, offset=(bar.x, bar.bottom - 1))
        await pilot.pause()
        assert pane.scroll_y == pane.max_scroll_y > 0
        assert app.screen.get_selected_text() == selected


async def test_the_bars_drawn_while_loading_are_let_go_once_it_ends() -> None:
    """A bar drawn before the corpus is loaded (the list still growing) is not kept once
    loading ends: drawn again after, it is made anew."""
    drawn = {
        "virtual": 1234, "window": 30, "position": 7.0,
        "color": Style(color="red").color, "back": Style(color="blue").color,
    }  # fmt: skip
    drawn_scrollbar._bar_cells(Region(0, 0, 1, 30).size, **drawn)
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        misses = drawn_scrollbar._bar_cells.cache_info().misses
        drawn_scrollbar._bar_cells(Region(0, 0, 1, 30).size, **drawn)
        assert drawn_scrollbar._bar_cells.cache_info().misses == misses + 1
