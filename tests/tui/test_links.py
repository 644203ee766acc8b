"""Opening links: `o`, the link picker, clicked links, and which URLs are ever opened."""

from __future__ import annotations

import pytest

from tui.app import ThreadlineApp
from tui.links import is_openable
from tui.screens.link_picker import LinkPicker
from tui.widgets.post_pane import PostPane

from .helpers import (
    LIGHTHOUSE,
    WIDE,
    notifications,
    open_thread,
    post_pane,
    thread_open,
    wait_loaded,
    wait_until,
)

ALMANAC = "https://orkla-lights.example.org/almanac"


async def test_o_opens_the_single_link_of_the_current_post(browser: list[str]) -> None:
    """On post 9 (one link), `o` hands exactly that https URL to the browser."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        for _ in range(8):
            await pilot.press("j")
        post = post_pane(app).current_post
        assert post is not None and post.number == 9
        await pilot.press("o")
        await wait_until(pilot, lambda: bool(browser))
        assert browser == [ALMANAC]


async def test_o_on_a_post_without_links_opens_nothing(browser: list[str]) -> None:
    """On post 1 (no link) `o` tells the user and opens nothing."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        await pilot.press("o")
        await pilot.pause()
        assert browser == []
        assert any("no link" in message for message in notifications(app))


async def test_o_with_two_links_offers_a_picker(browser: list[str]) -> None:
    """In the demo corpus a post with two links opens the link picker; enter opens the
    highlighted link."""
    app = ThreadlineApp()
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        thread, index = next(
            (thread, index)
            for thread in range(app.loader.corpus.thread_count)
            for index, post in enumerate(app.view.posts(thread))
            if sum(entity.kind == "link" for entity in post.entities) >= 2
        )
        await open_thread(pilot, app, thread)
        for _ in range(index):
            await pilot.press("j")
        await pilot.press("o")
        await wait_until(pilot, lambda: isinstance(app.screen, LinkPicker))
        await pilot.press("enter")
        await wait_until(pilot, lambda: bool(browser))
        assert browser[0].startswith("https://")


async def test_clicked_link_opens_in_browser(browser: list[str]) -> None:
    """A click on an https link opens it."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        post_pane(app).post_message(PostPane.EntityClicked("link", ALMANAC))
        await wait_until(pilot, lambda: bool(browser))
        assert browser == [ALMANAC]


async def test_clicked_javascript_link_is_refused(browser: list[str]) -> None:
    """A `javascript:` link is never handed to the browser; the user gets a warning."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        post_pane(app).post_message(PostPane.EntityClicked("link", "javascript:alert(1)"))
        await wait_until(pilot, lambda: bool(notifications(app)))
        assert browser == []


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/a",
        "http://example.org/a?b=c#d",
        "HTTPS://EXAMPLE.ORG/",
    ],
)
def test_is_openable_accepts_http_and_https(url: str) -> None:
    """Well-formed http(s) URLs with a host may be opened."""
    assert is_openable(url)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<b>x</b>",
        "ftp://example.org/",
        "https://exa\x1bmple.org/",
        "https://example.org/\x07",
        "https://example.org/a b",
        "https://example.org/\n",
        "https://example.org/\x9b",
        "https:///nohost",
        "example.org/no-scheme",
        "",
    ],
)
def test_is_openable_refuses_unsafe_urls(url: str) -> None:
    """Other schemes, control characters, spaces and missing hosts are refused."""
    assert not is_openable(url)
