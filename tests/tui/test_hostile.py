"""Corpus text is data, shown with its escape sequences defused (the fixture file `hostile.txt`;
the post-by-post checks are in test_hostile_text.py)."""

from __future__ import annotations

from .helpers import (
    HOSTILE,
    WIDE,
    header_text,
    list_lines,
    make_app,
    open_thread,
    post_pane,
    screen_text,
    wait_loaded,
)


async def test_no_control_characters_reach_the_screen() -> None:
    """Nothing the screen draws, anywhere, contains ESC or BEL."""
    app = make_app(HOSTILE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, 0)
        for _ in range(3):
            await pilot.press("j")
        await pilot.pause()
        drawn = screen_text(app)
        assert "\x1b" not in drawn and "\x07" not in drawn
        assert "␛" in drawn


async def test_hostile_thread_lists_and_headers_plainly() -> None:
    """The list row and the header show the hostile corpus without crashing or styling."""
    app = make_app(HOSTILE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        assert "Markup test thread" in list_lines(app)[0]
        assert "hostile.txt" in header_text(app)
        await open_thread(pilot, app, 0)
        assert len(post_pane(app).posts) == 4
