"""The command palette: go to a thread by title, filter by a flag."""

from __future__ import annotations

from typing import Any

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from tui.app import ThreadlineApp

from .helpers import (
    ORCHARD,
    SEEDLIKE,
    SHARED_FLAGS,
    WIDE,
    count_title,
    make_app,
    post_pane,
    thread_list,
    wait_loaded,
    wait_until,
)


def hits(app: ThreadlineApp) -> list[str]:
    """The palette's current hits as text."""
    results = app.screen.query_one(CommandList)
    return [str(getattr(option.prompt, "plain", option.prompt)) for option in results.options]


async def open_palette(pilot: Pilot[Any], app: ThreadlineApp, text: str) -> None:
    await pilot.press("ctrl+p")
    await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
    for char in text:
        await pilot.press("space" if char == " " else char)


async def test_ctrl_p_opens_the_command_palette() -> None:
    """ctrl+p opens Textual's command palette."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))


async def test_palette_lists_go_to_hits_for_a_title() -> None:
    """Typing part of a title lists a `Go to:` hit for that thread."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_palette(pilot, app, "orchard co")
        await wait_until(pilot, lambda: any("Go to:" in hit for hit in hits(app)))
        assert any("Go to: The orchard co-op" in hit for hit in hits(app))


async def test_palette_go_to_opens_the_thread() -> None:
    """Selecting the `Go to:` hit with enter opens that thread in the post pane."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_palette(pilot, app, "orchard co")
        await wait_until(pilot, lambda: bool(hits(app)) and "orchard" in hits(app)[0])
        await pilot.press("enter")
        await wait_until(pilot, lambda: post_pane(app).thread == ORCHARD)
        assert not isinstance(app.screen, CommandPalette)
        assert thread_list(app).opened == ORCHARD


async def test_palette_filter_by_flag() -> None:
    """`Filter by flag: … China` in the palette lists the four threads with 🇨🇳."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_palette(pilot, app, "filter by flag china")
        await wait_until(pilot, lambda: bool(hits(app)) and "China" in hits(app)[0])
        await pilot.press("enter")
        await wait_until(pilot, lambda: count_title(app) == "4 of 7 threads")
        assert thread_list(app).rows == SHARED_FLAGS


async def test_two_flag_filters_combine_with_and() -> None:
    """Filtering by China then Norway (no thread has both) lists `0 of 7 threads`."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        app.main_screen.filter_by_flag("CN")
        await wait_until(pilot, lambda: count_title(app) == "4 of 7 threads")
        app.main_screen.filter_by_flag("NO")
        await wait_until(pilot, lambda: count_title(app) == "0 of 7 threads")
