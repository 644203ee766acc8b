"""Opening threads and moving between posts: enter, j/k, arrows, n/p, missing posts."""

from __future__ import annotations

from pathlib import Path

from tui.widgets.post_pane import MissingPost, PostCard

from .conftest import (
    LIGHTHOUSE,
    ORCHARD,
    SEEDLIKE,
    WIDE,
    card_of,
    make_app,
    open_thread,
    plain_text,
    post_pane,
    thread_list,
    visible_in,
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
        assert [card.post.number for card in pane.cards] == [*range(1, 13), *range(14, 18)]
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


async def test_first_post_is_current_after_opening() -> None:
    """A freshly opened thread has its first post current and marked."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        pane = post_pane(app)
        assert pane.current == 0
        assert "-current" in pane.cards[0].classes
        assert pane.current_post is not None and pane.current_post.number == 1


async def test_ten_j_make_post_11_current_and_visible() -> None:
    """After ten `j`, post 11 is current, marked, and scrolled into the pane's viewport."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        for _ in range(10):
            await pilot.press("j")
        await pilot.pause()
        pane = post_pane(app)
        card = pane.cards[pane.current]
        assert pane.current == 10
        assert card.post.number == 11
        assert "-current" in card.classes
        assert [c for c in pane.cards if "-current" in c.classes] == [card]
        assert pane.scroll_offset.y > 0
        assert visible_in(card, pane)
        assert not visible_in(pane.cards[0], pane)


async def test_showing_the_related_pane_keeps_the_current_post_in_view() -> None:
    """At 80x24, `r` narrows the post pane and re-wraps the posts; post 11, current after ten
    `j`, is still in view afterwards (and again when `r` hides the pane)."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        for _ in range(10):
            await pilot.press("j")
        await pilot.pause()
        pane = post_pane(app)
        card = pane.cards[10]
        assert visible_in(card, pane)
        for _ in range(2):
            await pilot.press("r")
            await pilot.pause()
            await pilot.pause()
            assert pane.current == 10
            assert visible_in(card, pane)


async def test_k_goes_back_a_post() -> None:
    """`k` after ten `j` makes post 10 current."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        for _ in range(10):
            await pilot.press("j")
        await pilot.press("k")
        await pilot.pause()
        pane = post_pane(app)
        assert pane.current == 9
        assert "-current" in card_of(app, 10).classes
        assert visible_in(card_of(app, 10), pane)


async def test_k_scrolls_back_to_the_first_post() -> None:
    """Going down to the end and back up with `k` brings post 1 back into view."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        for _ in range(20):
            await pilot.press("j")
        pane = post_pane(app)
        assert pane.current == len(pane.cards) - 1
        for _ in range(20):
            await pilot.press("k")
        await pilot.pause()
        assert pane.current == 0
        assert visible_in(pane.cards[0], pane)


async def test_arrows_move_between_posts_in_the_focused_pane() -> None:
    """With the post pane focused, down and up move the current post like j and k."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        pane = post_pane(app)
        assert app.focused is pane
        await pilot.press("down", "down", "down")
        assert pane.current == 3
        await pilot.press("up")
        assert pane.current == 2
        assert "-current" in card_of(app, 3).classes


async def test_j_from_the_list_moves_posts_too() -> None:
    """`j` works when the list has focus again (it is an app key)."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        thread_list(app).focus()
        await pilot.press("j", "j")
        assert post_pane(app).current == 2


async def test_n_opens_next_thread_with_missing_first_post() -> None:
    """`n` opens the next thread; its post 1 is missing, so a placeholder saying
    "post 1 is missing" comes first, before post 2."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        await pilot.press("n")
        await wait_until(pilot, lambda: post_pane(app).thread == ORCHARD)
        await pilot.pause()
        children = list(post_pane(app).children)
        assert isinstance(children[0], MissingPost)
        assert "post 1 is missing" in plain_text(children[0])
        assert isinstance(children[1], PostCard) and children[1].post.number == 2
        assert thread_list(app).opened == ORCHARD


async def test_p_goes_back_to_the_previous_thread() -> None:
    """`p` after `n` opens the first thread again."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        await pilot.press("n")
        await wait_until(pilot, lambda: post_pane(app).thread == ORCHARD)
        await pilot.press("p")
        await wait_until(pilot, lambda: post_pane(app).thread == LIGHTHOUSE)
        assert thread_list(app).opened == LIGHTHOUSE
        assert thread_list(app).current == LIGHTHOUSE


async def test_n_and_p_stop_at_the_ends() -> None:
    """`p` on the first thread and `n` on the last one stay where they are."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        await pilot.press("p")
        await pilot.pause()
        assert post_pane(app).thread == LIGHTHOUSE
        for _ in range(8):
            await pilot.press("n")
        await wait_until(pilot, lambda: post_pane(app).thread == 6)
        assert app.is_running


async def test_missing_post_shows_in_place() -> None:
    """In the first thread a placeholder "post 13 is missing" sits between posts 12 and 14."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        children = list(post_pane(app).children)
        missing = [child for child in children if isinstance(child, MissingPost)]
        assert len(missing) == 1
        assert plain_text(missing[0]) == "post 13 is missing"
        where = children.index(missing[0])
        assert children[where - 1] is card_of(app, 12)
        assert children[where + 1] is card_of(app, 14)


async def test_a_run_of_missing_posts_is_one_placeholder(tmp_path: Path) -> None:
    """A thread that starts at 40/ and jumps from 41/ to 45/ shows two placeholders,
    "posts 1–39 are missing" and "posts 42–44 are missing", not one per number."""
    corpus = tmp_path / "late.txt"
    corpus.write_text("40/ Picked up late.\n41/ Still here.\n45/ After a gap.\n", encoding="utf-8")
    app = make_app(str(corpus))
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, 0)
        missing = [child for child in post_pane(app).children if isinstance(child, MissingPost)]
        assert [plain_text(child) for child in missing] == [
            "posts 1\u201339 are missing",
            "posts 42\u201344 are missing",
        ]


async def test_j_skips_the_missing_post_placeholder() -> None:
    """Moving from post 12 with `j` lands on post 14: the placeholder is not a stop."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        for _ in range(12):
            await pilot.press("j")
        pane = post_pane(app)
        assert pane.current_post is not None and pane.current_post.number == 14


async def test_post_card_header_shows_number_of_total() -> None:
    """Each card starts with `n/total`, the total being the highest post number (17)."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        assert plain_text(card_of(app, 11)).startswith("11/17")
        assert "lens was cleaned" in plain_text(card_of(app, 11))
