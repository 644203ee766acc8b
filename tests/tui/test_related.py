"""The related pane: shown or hidden by width and `r`, its entries, following them and going
back."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui import views
from tui.app import ThreadlineApp

from .helpers import (
    GRAIN,
    NARROW,
    PIPELINE,
    RAIL,
    SEEDLIKE,
    SMALL,
    TIMBER,
    WIDE,
    make_app,
    open_thread,
    post_pane,
    related_pane,
    rendered_text,
    thread_list,
    thread_open,
    wait_loaded,
    wait_until,
)


def related_entries(app: ThreadlineApp) -> list[tuple[str | None, str]]:
    """(option id, prompt text) for each entry of the related pane."""
    pane = related_pane(app)
    entries = []
    for index in range(pane.option_count):
        option = pane.get_option_at_index(index)
        entries.append((option.id, str(getattr(option.prompt, "plain", option.prompt))))
    return entries


async def test_related_pane_visible_at_120_columns() -> None:
    """At 120x40 the related pane is shown from the start."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        assert related_pane(app).display
        assert related_pane(app).region.width > 0


async def test_r_hides_the_related_pane_at_120_columns() -> None:
    """At 120x40 `r` hides the related pane and `r` again shows it."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("r")
        await pilot.pause()
        assert not related_pane(app).display
        await pilot.press("r")
        await pilot.pause()
        assert related_pane(app).display


async def test_related_pane_hidden_below_100_columns() -> None:
    """At 90x30 the related pane starts hidden."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=NARROW) as pilot:
        await wait_loaded(pilot, app)
        assert not related_pane(app).display


async def test_r_shows_the_related_pane_below_100_columns() -> None:
    """At 90x30 `r` shows the hidden related pane, with a real width on screen."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=NARROW) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("r")
        await pilot.pause()
        assert related_pane(app).display
        assert related_pane(app).region.width > 0


async def test_related_pane_hides_when_the_terminal_shrinks() -> None:
    """Resizing from 120 to 80 columns hides the related pane."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        assert related_pane(app).display
        await pilot.resize_terminal(*SMALL)
        await pilot.pause(0.1)
        assert not related_pane(app).display


async def test_related_pane_shows_when_the_terminal_grows() -> None:
    """Resizing from 80 to 120 columns shows the related pane again."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=SMALL) as pilot:
        await wait_loaded(pilot, app)
        assert not related_pane(app).display
        await pilot.resize_terminal(*WIDE)
        await pilot.pause(0.1)
        assert related_pane(app).display


async def test_related_pane_lists_threads_sharing_flags_with_reasons() -> None:
    """After opening the rail thread, the related pane lists the three other threads with
    🇨🇳 and 🇷🇺, each with the flags it shares as its reason."""
    async with thread_open(RAIL) as (_pilot, app):
        entries = related_entries(app)
        assert {entry_id for entry_id, _ in entries} == {str(GRAIN), str(TIMBER), str(PIPELINE)}
        for _, text in entries:
            assert "🇨🇳" in text and "🇷🇺" in text
        assert any("Grain shipments" in text for _, text in entries)


async def test_related_pane_before_opening_says_what_it_is_for() -> None:
    """Before any thread is open the related pane has one disabled hint entry."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        pane = related_pane(app)
        assert pane.option_count == 1
        assert pane.get_option_at_index(0).disabled


async def test_enter_on_a_related_thread_opens_it() -> None:
    """tab to the related pane, enter on its highlighted entry: that thread opens."""
    async with thread_open(RAIL) as (pilot, app):
        for _ in range(4):
            if app.focused is related_pane(app):
                break
            await pilot.press("tab")
        assert app.focused is related_pane(app)
        pane = related_pane(app)
        chosen = pane.get_option_at_index(pane.highlighted or 0).id
        await pilot.press("enter")
        await wait_until(pilot, lambda: post_pane(app).thread == int(str(chosen)))
        assert thread_list(app).opened == int(str(chosen))


async def test_backspace_returns_from_a_related_thread() -> None:
    """After following a related thread, backspace opens the rail thread again."""
    async with thread_open(RAIL) as (pilot, app):
        await pilot.press("tab")
        assert app.focused is related_pane(app)
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: post_pane(app).thread not in (None, RAIL))
        await pilot.press("backspace")
        await wait_until(pilot, lambda: post_pane(app).thread == RAIL)
        assert thread_list(app).opened == RAIL


async def test_backspace_restores_the_post_that_was_current() -> None:
    """Going back to a thread puts you on the post you left it at."""
    async with thread_open(RAIL) as (pilot, app):
        await pilot.press("j", "j")
        assert post_pane(app).current == 2
        related_pane(app).focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: post_pane(app).thread not in (None, RAIL))
        await pilot.press("backspace")
        await wait_until(pilot, lambda: post_pane(app).thread == RAIL)
        await pilot.pause()
        assert post_pane(app).current == 2


async def test_every_related_entry_is_drawn_whole() -> None:
    """On the demo corpus at 120x40, every related entry's last reason is drawn, and entries
    are separated by a rule: no entry loses its last wrapped line when the pane's scrollbar
    appears (the Ukrainian gas storage thread has five related threads)."""
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, 14)
        pane = related_pane(app)
        await wait_until(pilot, lambda: pane.option_count == 5)
        await pilot.pause()
        lines: list[str] = []
        page = pane.scrollable_content_region.height
        for top in range(0, pane.max_scroll_y + page, page):  # page by page, as drawn
            pane.scroll_to(y=top, animate=False)
            await pilot.pause()
            inside = rendered_text(pane).splitlines()[1:-1]  # not the border's top and bottom
            lines += [line.strip("│ ▁▂▃▄▅▆▇█") for line in inside]
        drawn = " ".join(" ".join(lines).split())
        for index in range(pane.option_count):
            prompt = str(getattr(pane.get_option_at_index(index).prompt, "plain", ""))
            last_reason = prompt.rsplit(" · ", maxsplit=1)[-1]
            assert last_reason in drawn, (last_reason, drawn)
        rules = [line for line in lines if line and set(line) == {"─"}]
        assert len(rules) >= pane.option_count - 1


async def test_a_thread_left_at_once_gets_no_related_lookup() -> None:
    """Related threads are looked up once the posts are drawn: of two threads opened one after
    the other before a frame (`n` held down), only the second is looked up and shown."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        looked_up: list[int] = []
        related = app.view.related

        def spy(thread: int) -> list[tuple[int, str, tuple[str, ...]]]:
            looked_up.append(thread)
            return related(thread)

        app.view.related = spy  # type: ignore[method-assign]
        app.main_screen.go_to_thread(TIMBER)
        app.main_screen.go_to_thread(RAIL)
        await wait_until(pilot, lambda: bool(looked_up))
        await pilot.pause()
        assert looked_up == [RAIL]
        assert {entry_id for entry_id, _ in related_entries(app)} == {
            str(GRAIN),
            str(TIMBER),
            str(PIPELINE),
        }


async def test_costly_related_threads_arrive_from_the_background(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """When finding related threads would keep a frame waiting, a worker finds them: the pane
    gets the same entries a moment later."""
    monkeypatch.setattr(views, "SMALL", 0)
    monkeypatch.setattr(views, "CHEAP_RELATED", 0)
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        assert not app.view.related_is_quick(RAIL)
        await open_thread(pilot, app, RAIL)
        await wait_until(pilot, lambda: len(related_entries(app)) > 1)
        assert {entry_id for entry_id, _ in related_entries(app)} == {
            str(GRAIN),
            str(TIMBER),
            str(PIPELINE),
        }


def long_related_threads(folder: Path, count: int = 8) -> str:
    """`count` threads with long titles that all share flags and a hashtag: each has five
    related threads, more than a short related pane shows without scrolling."""
    path = folder / "related.txt"
    words = "a long title about grain shipments through the northern ports this winter"
    path.write_text(
        "".join(f"1/ Thread {n}: {words} 🇨🇳🇷🇺 #grain\n2/ More on #grain.\n" for n in range(count)),
        encoding="utf-8",
    )
    return str(path)


async def test_refilling_the_related_pane_keeps_its_scrollbar(tmp_path: Path) -> None:
    """`n` replaces the related entries in one go: a pane that scrolls before and after keeps
    its scrollbar throughout (emptied and refilled entry by entry, it hid and showed it again,
    a layout pass each time)."""
    app = make_app(long_related_threads(tmp_path))
    async with app.run_test(size=(110, 24)) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, 0)
        pane = related_pane(app)
        await wait_until(pilot, lambda: pane.option_count > 1 and pane.show_vertical_scrollbar)
        shown: list[bool] = []
        original = pane._refresh_scrollbars

        def record() -> None:
            original()
            shown.append(pane.show_vertical_scrollbar)

        pane._refresh_scrollbars = record  # type: ignore[method-assign]
        first = related_entries(app)
        await pilot.press("n")
        await wait_until(pilot, lambda: related_entries(app) != first)
        await pilot.pause()
        # Refilled in one go the scrollbar needs no refresh at all (`shown` stays empty); entry
        # by entry it was hidden, then shown again.
        assert pane.show_vertical_scrollbar and False not in shown
