"""Clicking flags, hashtags and mentions in a post filters the list; backspace undoes it."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from tui.app import ThreadlineApp
from tui.widgets.post_pane import PostCard

from .conftest import (
    LIGHTHOUSE,
    ORCHARD,
    RAIL,
    SEEDLIKE,
    SHARED_FLAGS,
    WIDE,
    card_of,
    count_title,
    header_text,
    make_app,
    open_thread,
    post_pane,
    rendered_text,
    thread_list,
    wait_loaded,
    wait_until,
)


async def click_entity(
    pilot: Pilot[Any], app: ThreadlineApp, number: int, kind: str, value: str
) -> None:
    """Post the message a click on an entity of post `number` sends."""
    card_of(app, number).post_message(PostCard.EntityClicked(kind, value))
    await pilot.pause()


async def test_clicking_a_flag_filters_by_it() -> None:
    """A click on 🇨🇳 in a post lists only the four threads with that flag."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, RAIL)
        await click_entity(pilot, app, 1, "flag", "CN")
        await wait_until(pilot, lambda: count_title(app) == "4 of 7 threads")
        assert thread_list(app).rows == SHARED_FLAGS
        assert "China" in header_text(app)


async def test_clicking_a_hashtag_filters_by_it() -> None:
    """A click on #cidernight lists only the thread that uses it."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, ORCHARD)
        await click_entity(pilot, app, 5, "hashtag", "cidernight")
        await wait_until(pilot, lambda: count_title(app) == "1 of 7 threads")
        assert thread_list(app).rows == [ORCHARD]
        assert "#cidernight" in header_text(app)


async def test_clicking_a_mention_filters_by_it() -> None:
    """A click on @marit_lamp lists only the thread that mentions her."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        await click_entity(pilot, app, 2, "mention", "marit_lamp")
        await wait_until(pilot, lambda: count_title(app) == "1 of 7 threads")
        assert thread_list(app).rows == [LIGHTHOUSE]
        assert "@marit_lamp" in header_text(app)


async def test_backspace_undoes_an_entity_filter() -> None:
    """backspace after clicking a flag shows all threads again, the same thread still open."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, RAIL)
        await click_entity(pilot, app, 1, "flag", "CN")
        await wait_until(pilot, lambda: count_title(app) == "4 of 7 threads")
        await pilot.press("backspace")
        await wait_until(pilot, lambda: count_title(app) == "7 of 7 threads")
        assert not app.filters.active
        assert post_pane(app).thread == RAIL


async def test_backspace_undoes_stacked_filters_one_at_a_time() -> None:
    """Flag then hashtag: the first backspace drops the hashtag, the second the flag."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, RAIL)
        await click_entity(pilot, app, 1, "flag", "CN")
        await click_entity(pilot, app, 3, "hashtag", "railfreight")
        await wait_until(pilot, lambda: count_title(app) == "1 of 7 threads")
        await pilot.press("backspace")
        await wait_until(pilot, lambda: count_title(app) == "4 of 7 threads")
        await pilot.press("backspace")
        await wait_until(pilot, lambda: count_title(app) == "7 of 7 threads")


async def test_mouse_click_on_a_mention_filters() -> None:
    """A real mouse click on `@marit_lamp` in post 2 filters the list to its thread."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        card = card_of(app, 2)
        lines = rendered_text(card).splitlines()
        y = next(i for i, line in enumerate(lines) if "@marit_lamp" in line)
        x = lines[y].index("@marit_lamp") + 3
        await pilot.click(card, offset=(x, y))
        await wait_until(pilot, lambda: count_title(app) == "1 of 7 threads")
        assert app.filters.features == (("mention", "marit_lamp"),)


async def test_mouse_click_on_plain_text_does_nothing() -> None:
    """Clicking a post's ordinary words leaves the filters alone."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        card = card_of(app, 3)
        lines = rendered_text(card).splitlines()
        y = next(i for i, line in enumerate(lines) if "logbooks" in line)
        await pilot.click(card, offset=(lines[y].index("logbooks") + 2, y))
        await pilot.pause()
        assert not app.filters.active
        assert count_title(app) == "7 of 7 threads"
