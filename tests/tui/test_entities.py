"""Clicking flags, hashtags, mentions and cashtags in a post filters the list; backspace undoes
it."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from tui.app import ThreadlineApp
from tui.state import Filters
from tui.widgets.post_pane import PostPane

from .helpers import (
    LIGHTHOUSE,
    ORCHARD,
    RAIL,
    SHARED_FLAGS,
    click_text,
    count_title,
    header_text,
    post_pane,
    thread_list,
    thread_open,
    wait_until,
)


async def click_entity(pilot: Pilot[Any], app: ThreadlineApp, kind: str, value: str) -> None:
    """Post the message a click on an entity of the post pane sends."""
    post_pane(app).post_message(PostPane.EntityClicked(kind, value))
    await pilot.pause()


async def test_clicking_a_flag_filters_by_it() -> None:
    """A click on 🇨🇳 in a post lists only the four threads with that flag."""
    async with thread_open(RAIL) as (pilot, app):
        await click_entity(pilot, app, "flag", "CN")
        await wait_until(pilot, lambda: count_title(app) == "4 of 7 threads")
        assert thread_list(app).rows == SHARED_FLAGS
        assert "China" in header_text(app)


async def test_clicking_a_hashtag_filters_by_it() -> None:
    """A click on #cidernight lists only the thread that uses it."""
    async with thread_open(ORCHARD) as (pilot, app):
        await click_entity(pilot, app, "hashtag", "cidernight")
        await wait_until(pilot, lambda: count_title(app) == "1 of 7 threads")
        assert thread_list(app).rows == [ORCHARD]
        assert "#cidernight" in header_text(app)


async def test_clicking_a_mention_filters_by_it() -> None:
    """A click on @marit_lamp lists only the thread that mentions her."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        await click_entity(pilot, app, "mention", "marit_lamp")
        await wait_until(pilot, lambda: count_title(app) == "1 of 7 threads")
        assert thread_list(app).rows == [LIGHTHOUSE]
        assert "@marit_lamp" in header_text(app)


async def test_backspace_undoes_an_entity_filter() -> None:
    """backspace after clicking a flag shows all threads again, the same thread still open."""
    async with thread_open(RAIL) as (pilot, app):
        await click_entity(pilot, app, "flag", "CN")
        await wait_until(pilot, lambda: count_title(app) == "4 of 7 threads")
        await pilot.press("backspace")
        await wait_until(pilot, lambda: count_title(app) == "7 of 7 threads")
        assert not app.main_screen.filters.active
        assert post_pane(app).thread == RAIL


async def test_backspace_undoes_stacked_filters_one_at_a_time() -> None:
    """Flag then hashtag: the first backspace drops the hashtag, the second the flag."""
    async with thread_open(RAIL) as (pilot, app):
        await click_entity(pilot, app, "flag", "CN")
        await click_entity(pilot, app, "hashtag", "railfreight")
        await wait_until(pilot, lambda: count_title(app) == "1 of 7 threads")
        await pilot.press("backspace")
        await wait_until(pilot, lambda: count_title(app) == "4 of 7 threads")
        await pilot.press("backspace")
        await wait_until(pilot, lambda: count_title(app) == "7 of 7 threads")


async def test_mouse_click_on_a_mention_filters() -> None:
    """A real mouse click on `@marit_lamp` in post 2 filters the list to its thread."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        assert await click_text(pilot, app, "@marit_lamp", 3)
        await wait_until(pilot, lambda: count_title(app) == "1 of 7 threads")
        assert app.main_screen.filters.features == (("mention", "marit_lamp"),)


async def test_mouse_click_on_plain_text_does_nothing() -> None:
    """Clicking a post's ordinary words leaves the filters alone."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        assert await click_text(pilot, app, "logbooks", 2)
        await pilot.pause()
        assert not app.main_screen.filters.active
        assert count_title(app) == "7 of 7 threads"


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        ("flag", "UA", Filters(("RU", "UA"), (("mention", "ana"),), "grid")),
        ("flag", "RU", Filters(("RU",), (("mention", "ana"),), "grid")),
        ("mention", "Bob_K", Filters(("RU",), (("mention", "ana"), ("mention", "bob_k")), "grid")),
        ("mention", "ANA", Filters(("RU",), (("mention", "ana"),), "grid")),
        (
            "hashtag",
            "Energy",
            Filters(("RU",), (("mention", "ana"), ("hashtag", "energy")), "grid"),
        ),
        ("cashtag", "TSLA", Filters(("RU",), (("mention", "ana"),), "$TSLA")),
        ("link", "https://example.com", Filters(("RU",), (("mention", "ana"),), "grid")),
    ],
    ids=[
        "new-flag",
        "same-flag",
        "mention",
        "same-mention-other-case",
        "hashtag",
        "cashtag",
        "link",
    ],
)
def test_an_entity_narrows_the_filters(kind: str, value: str, expected: Filters) -> None:
    """A clicked flag, mention or hashtag is added once (names in any case); a cashtag becomes
    the search text; a link changes nothing."""
    filters = Filters(("RU",), (("mention", "ana"),), "grid")
    assert filters.narrowed_to(kind, value) == expected
