"""Threads laid out ahead: once a thread is open and on screen, the threads `n` and `p` open
next are wrapped and their first screen drawn, so that the key only swaps them in."""

from __future__ import annotations

from typing import Any

import pytest
from rich.segment import Segment
from textual.pilot import Pilot

import tui.widgets.post_pane as post_pane_module
from tui.app import ThreadlineApp
from tui.post_layout import HINT, Layout, PostData

from .helpers import (
    GRAIN,
    NARROW,
    ORCHARD,
    RAIL,
    SEEDLIKE,
    TIMBER,
    WIDE,
    make_app,
    open_thread,
    post_pane,
    wait_loaded,
    wait_until,
)


def drawn(app: ThreadlineApp) -> list[list[Segment]]:
    """The post pane's lines on screen, with their styles."""
    pane = post_pane(app)
    return [list(pane.render_line(y)) for y in range(pane.scrollable_content_region.height)]


async def open_and_settle(pilot: Pilot[Any], app: ThreadlineApp, thread: int) -> None:
    """Open `thread` and wait until the threads on either side of it are laid out."""
    await open_thread(pilot, app, thread)
    await wait_until(pilot, lambda: {thread - 1, thread + 1} <= set(post_pane(app)._prepared))


@pytest.fixture
def laid_out(monkeypatch: pytest.MonkeyPatch) -> list[int | None]:
    """The threads the post pane lays out, in order."""
    threads: list[int | None] = []
    original = post_pane_module.lay_out

    def lay_out(
        thread: int | None, posts: list[PostData], width: int, search: str = "", hint: str = HINT
    ) -> Layout:
        threads.append(thread)
        return original(thread, posts, width, search, hint)

    monkeypatch.setattr(post_pane_module, "lay_out", lay_out)
    return threads


@pytest.mark.parametrize(("key", "target"), [("n", GRAIN), ("p", ORCHARD)])
async def test_n_and_p_open_a_thread_laid_out_ahead(
    laid_out: list[int | None], key: str, target: int
) -> None:
    """`n` and `p` show a thread that was wrapped before the key was pressed: the key does not
    wrap its posts again."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_and_settle(pilot, app, RAIL)
        laid_out.clear()
        await pilot.press(key)
        await wait_until(pilot, lambda: post_pane(app).thread == target)
        assert target not in laid_out


async def test_the_thread_left_is_kept_for_going_back(laid_out: list[int | None]) -> None:
    """The thread `n` leaves is kept as laid out: `p` goes back to it without wrapping it
    again, before or after the threads around the new one are laid out."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_and_settle(pilot, app, RAIL)
        laid_out.clear()
        await pilot.press("n")
        await wait_until(pilot, lambda: {RAIL, TIMBER} <= set(post_pane(app)._prepared))
        await pilot.press("p")
        await wait_until(pilot, lambda: post_pane(app).thread == RAIL)
        assert RAIL not in laid_out


@pytest.mark.parametrize("theme", [None, "textual-light"], ids=["same-theme", "theme-changed"])
async def test_a_thread_laid_out_ahead_looks_as_one_laid_out_on_opening(theme: str | None) -> None:
    """The thread `n` opens is drawn exactly as the same thread laid out when it is shown, in
    the current theme's colours even when the theme changed after it was laid out ahead."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_and_settle(pilot, app, RAIL)
        if theme is not None:
            app.theme = theme
            await pilot.pause()
        await pilot.press("n")
        await wait_until(pilot, lambda: post_pane(app).thread == GRAIN)
        ahead = drawn(app)
        post_pane(app)._prepared.clear()
        post_pane(app).show(GRAIN, list(app.view.posts(GRAIN)))
        assert drawn(app) == ahead


async def test_threads_left_are_kept_only_a_few() -> None:
    """Showing thread after thread keeps only the last few left for going back: before the
    corpus is indexed nothing else trims them, and a layout holds a thread's wrapped text."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        pane = post_pane(app)
        for thread in range(app.loader.corpus.thread_count):
            pane.show(thread, list(app.view.posts(thread)))
        assert app.loader.corpus.thread_count > 4
        assert 0 < len(pane._prepared) <= 3


async def test_clearing_a_filter_lays_out_the_new_neighbours(laid_out: list[int | None]) -> None:
    """When a filter change gives the open thread other neighbours in the list, those are laid
    out ahead at once: `p` then opens the new one before it without wrapping it on the key."""
    app = make_app(SEEDLIKE, flags=("CN",))  # threads 2-5: the rail thread comes first
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, RAIL)
        await wait_until(pilot, lambda: GRAIN in post_pane(app)._prepared)
        assert ORCHARD not in post_pane(app)._prepared
        await pilot.press("escape")  # every thread again: the orchard thread is before it
        await wait_until(pilot, lambda: ORCHARD in post_pane(app)._prepared)
        laid_out.clear()
        await pilot.press("p")
        await wait_until(pilot, lambda: post_pane(app).thread == ORCHARD)
        assert ORCHARD not in laid_out


async def test_a_resize_lays_out_the_neighbours_again_at_the_new_width(
    laid_out: list[int | None],
) -> None:
    """A new pane width drops what was laid out ahead for the old one and lays the neighbours
    out again at the new width: `n` after a resize still opens a thread laid out ahead."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_and_settle(pilot, app, RAIL)
        pane = post_pane(app)
        old_width = pane._width_now
        await pilot.resize_terminal(*NARROW)
        await wait_until(
            pilot,
            lambda: (
                {ORCHARD, GRAIN} <= set(pane._prepared)
                and all(layout.width == pane._width_now for layout in pane._prepared.values())
            ),
        )
        assert pane._width_now != old_width
        laid_out.clear()
        await pilot.press("n")
        await wait_until(pilot, lambda: pane.thread == GRAIN)
        assert GRAIN not in laid_out
