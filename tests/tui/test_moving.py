"""One way to move (issue 17): the list's cursor previews its thread, enter reads it, space
pages, g/G go to the ends, a tall post is read a page at a time, the current post follows the
scroll, j and k act in the focused pane, and tab is in the footer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from tui.app import ThreadlineApp
from tui.store import StateStore, corpus_key

from .helpers import (
    LIGHTHOUSE,
    ORCHARD,
    QUASAR,
    RAIL,
    SEEDLIKE,
    SMALL,
    WIDE,
    make_app,
    notifications,
    open_thread,
    post_pane,
    related_pane,
    thread_list,
    thread_open,
    wait_loaded,
    wait_until,
)

TALL_LINES = 60
"""Lines of the tall post: three times the post pane's height at 80x24."""


pytestmark = pytest.mark.usefixtures("own_folders")


@pytest.fixture
def tall(tmp_path: Path) -> str:
    """One thread: a short post 1, post 2 of `TALL_LINES` lines, short posts 3 and 4."""
    body = "\n".join(f"line {n} of the long second post" for n in range(1, TALL_LINES + 1))
    path = tmp_path / "tall.txt"
    path.write_text(
        f"1/ A short opening.\n2/ {body}\n3/ A short third post.\n4/ A short fourth post.\n",
        encoding="utf-8",
    )
    return str(path)


async def tall_open(pilot: Pilot[Any], app: ThreadlineApp) -> None:
    await wait_loaded(pilot, app)
    await open_thread(pilot, app, 0)


def view(app: ThreadlineApp) -> tuple[int, int]:
    """The post pane's first and last line on screen (in its scrollable lines)."""
    pane = post_pane(app)
    top = round(pane.scroll_y)
    return top, top + pane.scrollable_content_region.height - 1


async def test_moving_the_list_cursor_previews_the_thread_under_it() -> None:
    """`j` in the list shows the thread now under the cursor in the post pane; the focus stays
    in the list."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("j")
        await wait_until(pilot, lambda: post_pane(app).thread == ORCHARD)
        assert app.focused is thread_list(app)


async def test_a_previewed_thread_stays_unread_until_read() -> None:
    """A thread only previewed keeps its unread mark; tab into its posts marks it read."""
    app = ThreadlineApp(paths=[SEEDLIKE], store=StateStore.in_memory("x"))
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("j")
        await wait_until(pilot, lambda: post_pane(app).thread == ORCHARD)
        assert app.remembered.is_unread(ORCHARD)
        await pilot.press("tab")
        await wait_until(pilot, lambda: not app.remembered.is_unread(ORCHARD))


async def test_enter_focuses_the_posts() -> None:
    """enter on a previewed thread moves the focus to its posts."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("j", "enter")
        await wait_until(pilot, lambda: app.focused is post_pane(app))
        assert post_pane(app).thread == ORCHARD


async def test_g_and_shift_g_go_to_the_first_and_last_post() -> None:
    """In the posts, `G` makes the last post current and `g` the first again."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        pane = post_pane(app)
        await pilot.press("G")
        assert pane.current == len(pane.posts) - 1
        assert pane.post_in_view(pane.current)
        await pilot.press("g")
        assert pane.current == 0
        assert pane.scroll_y == 0


async def test_g_and_shift_g_in_the_list_go_to_the_first_and_last_thread() -> None:
    """In the list, `G` puts the cursor on the last thread and `g` on the first."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("G")
        assert thread_list(app).cursor == len(thread_list(app).rows) - 1
        await pilot.press("g")
        assert thread_list(app).cursor == 0


async def test_a_tall_post_is_read_page_by_page_before_j_leaves_it(tall: str) -> None:
    """On a post three panes tall, each `j` shows its next page (it stays current) until its
    last line is on screen; the `j` after that makes post 3 current."""
    app = make_app(tall)
    async with app.run_test(size=SMALL) as pilot:
        await tall_open(pilot, app)
        pane = post_pane(app)
        await pilot.press("j")
        assert pane.current == 1
        post_end = pane.post_region(1).bottom - 1
        pages = 0
        while view(app)[1] < post_end:
            top = view(app)[0]
            await pilot.press("j")
            pages += 1
            assert pane.current == 1
            assert view(app)[0] > top
        assert pages >= 2
        await pilot.press("j")
        assert pane.current == 2


async def test_k_pages_back_up_a_tall_post_before_leaving_it(tall: str) -> None:
    """At the end of the tall post, `k` shows its previous page before post 1 is current."""
    app = make_app(tall)
    async with app.run_test(size=SMALL) as pilot:
        await tall_open(pilot, app)
        pane = post_pane(app)
        await pilot.press("j", "j", "j", "j")
        assert pane.current == 1
        top = view(app)[0]
        await pilot.press("k")
        assert pane.current == 1
        assert view(app)[0] < top


async def test_space_pages_down_then_moves_to_the_next_post(tall: str) -> None:
    """space scrolls a page at a time, the current post following what is on screen; once
    the pane can scroll no further, space makes the next post current."""
    app = make_app(tall)
    async with app.run_test(size=SMALL) as pilot:
        await tall_open(pilot, app)
        pane = post_pane(app)
        await pilot.press("space")
        assert view(app)[0] > 0
        assert pane.current == 1  # post 1 scrolled away: the tall post 2 fills the pane
        while pane.scroll_y < pane.max_scroll_y:
            await pilot.press("space")
        assert pane.current in (2, 3)
        current = pane.current
        await pilot.press("space")
        assert pane.current == min(current + 1, 3)


async def test_the_current_post_follows_the_scroll() -> None:
    """After End in the posts (a scroll, not a move), the current post is one on screen, and
    `j` goes on from there instead of jumping back to the top."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        pane = post_pane(app)
        await pilot.press("end")
        await wait_until(pilot, lambda: pane.scroll_y == pane.max_scroll_y)
        assert pane.current > 0
        assert pane.post_in_view(pane.current)
        before = pane.current
        await pilot.press("j")
        assert pane.current == before + 1
        assert pane.scroll_y > 0


async def test_scrolling_by_other_means_moves_the_current_post_along() -> None:
    """A scroll the pane did not make itself (the wheel, the scrollbar) halfway down the thread
    makes the first post starting on screen current."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        pane = post_pane(app)
        pane.scroll_to(y=pane.max_scroll_y // 2, animate=False, immediate=True)
        await pilot.pause()
        top = round(pane.scroll_y)
        assert pane.current > 0
        assert pane.post_region(pane.current).y >= top
        assert pane.post_region(pane.current - 1).y < top


async def test_j_in_the_related_pane_moves_its_entry_not_the_post() -> None:
    """With the related threads focused, `j` moves their highlight; the current post stays."""
    async with thread_open(RAIL) as (pilot, app):
        related = related_pane(app)
        await wait_until(pilot, lambda: related.option_count > 1)
        related.focus()
        await pilot.pause()
        before = related.highlighted
        await pilot.press("j")
        assert related.highlighted is not None and related.highlighted != before
        assert post_pane(app).current == 0
        assert post_pane(app).thread == RAIL


async def test_space_from_the_list_reads_on_in_the_posts() -> None:
    """space with the list focused pages the thread shown in the post pane."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=SMALL) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        thread_list(app).focus()
        await pilot.press("space")
        assert post_pane(app).scroll_y > 0
        assert thread_list(app).cursor == LIGHTHOUSE


@pytest.mark.parametrize("size", [SMALL, WIDE], ids=["80x24", "120x40"])
async def test_tab_between_the_panes_is_shown_in_the_footer(size: tuple[int, int]) -> None:
    """The footer lists tab (moving between the panes), at 80 and 120 columns."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=size) as pilot:
        await wait_loaded(pilot, app)
        keys = app.screen.query_one(Footer).query(FooterKey)
        tab = [key for key in keys if key.key == "tab"]
        assert tab and tab[0].region.right <= size[0]


async def test_page_down_in_the_posts_moves_the_current_post_along() -> None:
    """PageDown in the posts scrolls, and the current post is then one on screen: the next
    `j` goes on below it instead of back at the top."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        pane = post_pane(app)
        await pilot.press("pagedown")
        await wait_until(pilot, lambda: pane.scroll_y > 0)
        await pilot.pause(0.3)
        assert pane.current > 0
        assert pane.post_in_view(pane.current)


async def test_a_restart_resumes_on_the_thread_read_not_the_one_previewed() -> None:
    """Post 4 of the first thread read, then the cursor moved on to preview the second, then
    quit: the next start is back on post 4 of the first, and the second is still unread."""
    store_key = corpus_key([SEEDLIKE])
    app = ThreadlineApp(paths=[SEEDLIKE], store=StateStore.open(store_key))
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        await pilot.press("j", "j", "j")
        thread_list(app).focus()
        await pilot.press("j")
        await wait_until(pilot, lambda: post_pane(app).thread == ORCHARD)
    app.store.close()
    again = ThreadlineApp(paths=[SEEDLIKE], store=StateStore.open(store_key))
    async with again.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, again)
        await wait_until(pilot, lambda: post_pane(again).thread == LIGHTHOUSE)
        assert post_pane(again).current == 3
        assert again.remembered.is_unread(ORCHARD)
    again.store.close()


@pytest.mark.parametrize(
    ("thread", "key", "end"), [(QUASAR, "n", "last"), (LIGHTHOUSE, "p", "first")]
)
async def test_n_past_the_last_thread_keeps_the_place_and_says_so(
    thread: int, key: str, end: str
) -> None:
    """`n` on the last thread (`p` on the first) stays on the post being read, rather than
    opening the same thread again at its first post, and says there is no thread beyond."""
    async with thread_open(thread) as (pilot, app):
        await pilot.press("j", "j")
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert app.main_screen.opened == thread
        assert post_pane(app).current == 2
        assert any(f"the {end} thread" in message for message in notifications(app))
