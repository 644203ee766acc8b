"""Corpus text is data: markup-looking text shows literally, escape sequences are defused."""

from __future__ import annotations

from .conftest import (
    HOSTILE,
    WIDE,
    card_of,
    header_text,
    list_lines,
    make_app,
    open_thread,
    plain_text,
    post_pane,
    rendered_text,
    screen_text,
    wait_loaded,
)

MARKUP = "[bold red]not bold[/]"
CLICK = "[@click=app.quit]click me[/]"


async def test_markup_in_a_post_is_shown_literally() -> None:
    """The post's Content holds the brackets exactly as typed."""
    app = make_app(HOSTILE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, 0)
        text = plain_text(card_of(app, 2))
        assert MARKUP in text
        assert CLICK in text


async def test_markup_in_a_post_is_drawn_literally() -> None:
    """What the card draws on screen still contains the brackets and tags."""
    app = make_app(HOSTILE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, 0)
        drawn = "".join(line.strip() for line in rendered_text(card_of(app, 2)).splitlines())
        assert "[boldred]notbold[/]" in drawn.replace(" ", "")
        assert "[@click=app.quit]clickme[/]" in drawn.replace(" ", "")


async def test_markup_in_a_post_is_not_styled() -> None:
    """No part of the post's text is styled bold or red by the fake markup."""
    app = make_app(HOSTILE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, 0)
        card = card_of(app, 2)
        height = card.outer_size.height
        for y in range(height):
            for segment in card.render_line(y):
                if "not bold" in segment.text and segment.style is not None:
                    assert not segment.style.bold


async def test_clicking_fake_click_markup_does_not_quit() -> None:
    """Clicking on `click me` leaves the app running: no action hides in post text."""
    app = make_app(HOSTILE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, 0)
        card = card_of(app, 2)
        lines = rendered_text(card).splitlines()
        y = next(i for i, line in enumerate(lines) if "click me" in line)
        await pilot.click(card, offset=(lines[y].index("click me") + 2, y))
        await pilot.pause()
        assert app.is_running
        assert app.return_code is None


async def test_escape_and_bell_are_shown_as_symbols() -> None:
    """ESC and BEL in a post appear as ␛ and ␇; no raw control character reaches the card."""
    app = make_app(HOSTILE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, 0)
        text = plain_text(card_of(app, 3))
        assert "␛]0;pwned␇" in text
        assert "␛[2J" in text
        assert "\x1b" not in text and "\x07" not in text


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
        assert len(post_pane(app).cards) == 4
