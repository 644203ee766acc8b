"""Opening threads and moving between posts: enter, j/k, arrows, n/p, missing posts."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.geometry import Offset
from textual.message import Message
from textual.selection import Selection

from tui.widgets.post_pane import PostPane

from .helpers import (
    LIGHTHOUSE,
    ORCHARD,
    SEEDLIKE,
    WIDE,
    make_app,
    marked_lines,
    open_thread,
    placeholder_texts,
    post_numbers,
    post_pane,
    post_text,
    shown_blocks,
    thread_list,
    thread_open,
    wait_loaded,
    wait_until,
)


async def test_enter_opens_the_selected_thread() -> None:
    """enter on the list shows the thread's posts in the post pane, marks the thread open and
    moves focus to the posts."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("enter")
        await wait_until(pilot, lambda: post_pane(app).thread == LIGHTHOUSE)
        pane = post_pane(app)
        assert post_numbers(app) == [*range(1, 13), *range(14, 18)]
        assert thread_list(app).opened == LIGHTHOUSE
        assert app.focused is pane
        assert "Seventeen notes" in str(pane.border_title)


async def test_enter_on_another_row_opens_that_thread() -> None:
    """Moving the list's cursor down then pressing enter opens the second thread."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: post_pane(app).thread == ORCHARD)
        assert thread_list(app).opened == ORCHARD


async def test_clicking_a_row_opens_its_thread() -> None:
    """A mouse click on the third row of the list opens the third thread."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        threads = thread_list(app)
        content = threads.scrollable_content_region
        await pilot.click(offset=(content.x + 5, content.y + 2))
        await wait_until(pilot, lambda: post_pane(app).thread == 2)
        assert threads.opened == 2


async def test_keys_typed_right_after_enter_move_in_the_opened_thread() -> None:
    """enter, j, j arriving at once (pasted, or over a slow link) open the thread and make its
    third post current: the j's are not lost on the list."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        for key, character in (("enter", "\r"), ("j", "j"), ("j", "j")):
            app.post_message(events.Key(key, character))  # queued together, not one at a time
        await wait_until(pilot, lambda: post_pane(app).thread == LIGHTHOUSE)
        await pilot.pause()
        assert post_pane(app).current == 2


async def test_first_post_is_current_after_opening() -> None:
    """A freshly opened thread has its first post current and marked."""
    async with thread_open(LIGHTHOUSE) as (_pilot, app):
        pane = post_pane(app)
        assert pane.current == 0
        assert marked_lines(app)[0] == "1/17"
        assert pane.current_post is not None and pane.current_post.number == 1


async def test_ten_j_make_post_11_current_and_visible() -> None:
    """After ten `j`, post 11 is current, marked, and scrolled into the pane's viewport."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        await pilot.press(*"j" * 10)
        await pilot.pause()
        pane = post_pane(app)
        assert pane.current == 10
        assert pane.current_post is not None and pane.current_post.number == 11
        marked = marked_lines(app)
        assert marked[0] == "11/17"
        assert not any(line.endswith("/17") for line in marked[1:])
        assert pane.scroll_offset.y > 0
        assert pane.post_in_view(10)
        assert not pane.post_in_view(0)


async def test_showing_the_related_pane_keeps_the_current_post_in_view() -> None:
    """At 80x24, `r` narrows the post pane and re-wraps the posts; post 11, current after ten
    `j`, is still in view afterwards (and again when `r` hides the pane)."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        await pilot.press(*"j" * 10)
        await pilot.pause()
        pane = post_pane(app)
        assert pane.post_in_view(10)
        for _ in range(2):
            width = pane.scrollable_content_region.width
            await pilot.press("r")
            await pilot.pause()
            await pilot.pause()
            assert pane.scrollable_content_region.width != width
            assert pane.current == 10
            assert pane.post_in_view(10)
            assert "11/17" in marked_lines(app)


async def test_k_goes_back_a_post() -> None:
    """`k` after ten `j` makes post 10 current."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        await pilot.press(*"j" * 10)
        await pilot.press("k")
        await pilot.pause()
        pane = post_pane(app)
        assert pane.current == 9
        assert "10/17" in marked_lines(app)
        assert pane.post_in_view(9)


async def test_k_scrolls_back_to_the_first_post() -> None:
    """Going down to the end and back up with `k` brings post 1 back into view."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        await pilot.press(*"j" * 20)
        pane = post_pane(app)
        assert pane.current == len(pane.posts) - 1
        await pilot.press(*"k" * 20)
        await pilot.pause()
        assert pane.current == 0
        assert pane.post_in_view(0)


async def test_arrows_move_between_posts_in_the_focused_pane() -> None:
    """With the post pane focused, down and up move the current post like j and k."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        pane = post_pane(app)
        assert app.focused is pane
        await pilot.press("down", "down", "down")
        assert pane.current == 3
        await pilot.press("up")
        assert pane.current == 2
        assert "3/17" in marked_lines(app)


async def test_j_in_the_list_moves_the_list_cursor_not_the_post() -> None:
    """With the list focused again, `j j` moves the list's cursor two rows down and the focus
    stays in the list."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        thread_list(app).focus()
        await pilot.press("j", "j")
        await pilot.pause()
        assert thread_list(app).cursor == LIGHTHOUSE + 2
        assert app.focused is thread_list(app)


async def test_n_opens_next_thread_with_missing_first_post() -> None:
    """`n` opens the next thread; its post 1 is missing, so a placeholder saying
    "post 1 is missing" comes first, before post 2."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        await pilot.press("n")
        await wait_until(pilot, lambda: post_pane(app).thread == ORCHARD)
        await pilot.pause()
        assert shown_blocks(app)[:2] == ["post 1 is missing", 2]
        assert thread_list(app).opened == ORCHARD


async def test_p_goes_back_to_the_previous_thread() -> None:
    """`p` after `n` opens the first thread again."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        await pilot.press("n")
        await wait_until(pilot, lambda: post_pane(app).thread == ORCHARD)
        await pilot.press("p")
        await wait_until(pilot, lambda: post_pane(app).thread == LIGHTHOUSE)
        assert thread_list(app).opened == LIGHTHOUSE
        assert thread_list(app).current == LIGHTHOUSE


async def test_n_and_p_stop_at_the_ends() -> None:
    """`p` on the first thread and `n` on the last one stay where they are."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        await pilot.press("p")
        await pilot.pause()
        assert post_pane(app).thread == LIGHTHOUSE
        for _ in range(8):
            await pilot.press("n")
        await wait_until(pilot, lambda: post_pane(app).thread == 6)
        assert app.is_running


async def test_missing_post_shows_in_place() -> None:
    """In the first thread a placeholder "post 13 is missing" sits between posts 12 and 14."""
    async with thread_open(LIGHTHOUSE) as (_pilot, app):
        shown = shown_blocks(app)
        assert placeholder_texts(app) == ["post 13 is missing"]
        where = shown.index("post 13 is missing")
        assert shown[where - 1 : where + 2] == [12, "post 13 is missing", 14]


async def test_a_run_of_missing_posts_is_one_placeholder(tmp_path: Path) -> None:
    """A thread that starts at 40/ and jumps from 41/ to 45/ shows two placeholders,
    "posts 1–39 are missing" and "posts 42–44 are missing", not one per number."""
    corpus = tmp_path / "late.txt"
    corpus.write_text("40/ Picked up late.\n41/ Still here.\n45/ After a gap.\n", encoding="utf-8")
    app = make_app(str(corpus))
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, 0)
        assert placeholder_texts(app) == [
            "posts 1\u201339 are missing",
            "posts 42\u201344 are missing",
        ]


async def test_j_skips_the_missing_post_placeholder() -> None:
    """Moving from post 12 with `j` lands on post 14: the placeholder is not a stop."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        await pilot.press(*"j" * 12)
        pane = post_pane(app)
        assert pane.current_post is not None and pane.current_post.number == 14


async def test_post_header_shows_number_of_total() -> None:
    """Each post starts with `n/total`, the total being the highest post number (17)."""
    async with thread_open(LIGHTHOUSE) as (_pilot, app):
        assert post_text(app, 11).startswith("11/17")
        assert "lens was cleaned" in post_text(app, 11)


async def test_selected_post_text_is_copied_without_the_gutter() -> None:
    """Text selected over the first post's wrapped lines is its text, without the mark and
    margin drawn left of it."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        pane = post_pane(app)
        app.screen.selections = {pane: Selection(Offset(0, 1), Offset(9, 2))}
        await pilot.pause()
        first, second = (line.plain for line in pane.blocks[0].lines[1:3])
        assert app.screen.get_selected_text() == f"{first}\n{second[:9]}"
        assert first.startswith("Seventeen notes")


async def test_dragging_the_mouse_selects_post_text() -> None:
    """A mouse drag across the first words of post 1 selects them (the pane's lines carry
    their text positions)."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        region = post_pane(app).scrollable_content_region
        await pilot.mouse_down(offset=(region.x + 2, region.y + 1))
        await pilot.hover(offset=(region.x + 2 + 8, region.y + 1))
        await pilot.mouse_up(offset=(region.x + 2 + 8, region.y + 1))
        await pilot.pause()
        assert app.screen.get_selected_text() == "Seventeen"


async def test_j_posts_current_post_changed() -> None:
    """`j` in an open thread posts `PostPane.CurrentPostChanged` for its second post."""
    heard: list[PostPane.CurrentPostChanged] = []

    def hook(message: Message) -> None:
        # Heard at each node it bubbles through: kept once.
        if isinstance(message, PostPane.CurrentPostChanged) and message not in heard:
            heard.append(message)

    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE, message_hook=hook) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        heard.clear()
        await pilot.press("j")
        await wait_until(pilot, lambda: bool(heard))
        assert [(m.thread, m.post) for m in heard] == [(LIGHTHOUSE, 1)]


async def test_opening_a_thread_posts_current_post_changed() -> None:
    """Opening a thread posts `CurrentPostChanged` for its first post."""
    heard: list[PostPane.CurrentPostChanged] = []

    def hook(message: Message) -> None:
        # Heard at each node it bubbles through: kept once.
        if isinstance(message, PostPane.CurrentPostChanged) and message not in heard:
            heard.append(message)

    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE, message_hook=hook) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, ORCHARD)
        assert (heard[-1].thread, heard[-1].post) == (ORCHARD, 0)
