"""The width the panes leave to the thread list: the related pane as wide as its entries,
collapsed when it has none; the posts keep their width; at 80 columns the related pane hides."""

from __future__ import annotations

from pathlib import Path

from tui.widgets.related_pane import COLLAPSED, NARROWEST, WIDEST

from .helpers import (
    LIGHTHOUSE,
    ORCHARD,
    SEEDLIKE,
    SMALL,
    WIDE,
    list_lines,
    make_app,
    open_thread,
    post_pane,
    related_pane,
    thread_list,
    wait_loaded,
    wait_until,
)


def short_titles(folder: Path) -> str:
    """Three threads with two-word titles that share their flags and words: related to one
    another, with short entries."""
    path = folder / "short.txt"
    path.write_text(
        "".join(
            f"1/ {name} 🇨🇳🇷🇺\n2/ Barley and rye quotas at the border.\n"
            for name in ("Grain deal", "Rye quotas", "Barley news")
        ),
        encoding="utf-8",
    )
    return str(path)


async def test_the_related_pane_collapses_when_a_thread_has_none() -> None:
    """A thread with no related thread: the related pane shrinks to its collapsed width and the
    list is wider by what it gave up."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        await wait_until(pilot, lambda: related_pane(app).outer_size.width == WIDEST)
        list_width = thread_list(app).outer_size.width
        await open_thread(pilot, app, ORCHARD)
        await wait_until(pilot, lambda: related_pane(app).outer_size.width == COLLAPSED)
        assert thread_list(app).outer_size.width == list_width + WIDEST - COLLAPSED


async def test_the_collapsed_pane_says_there_are_none() -> None:
    """The collapsed related pane still says that the thread has no related thread."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, ORCHARD)
        await wait_until(pilot, lambda: related_pane(app).outer_size.width == COLLAPSED)
        prompt = related_pane(app).get_option_at_index(0).prompt
        assert "No related" in str(getattr(prompt, "plain", prompt))


async def test_the_posts_keep_their_width_whatever_the_related_pane_shows() -> None:
    """Opening a thread with related threads, then one without: the post pane's width stays
    (its lines are not wrapped again), only the list's changes."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        await wait_until(pilot, lambda: related_pane(app).outer_size.width == WIDEST)
        width = post_pane(app).outer_size.width
        await open_thread(pilot, app, ORCHARD)
        await wait_until(pilot, lambda: related_pane(app).outer_size.width == COLLAPSED)
        assert post_pane(app).outer_size.width == width


async def test_short_entries_make_the_related_pane_narrower(tmp_path: Path) -> None:
    """Related threads with short titles and reasons: the pane is narrower than its widest,
    never narrower than its least width with entries."""
    app = make_app(short_titles(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, 0)
        await wait_until(pilot, lambda: related_pane(app).option_count > 1)
        await pilot.pause()
        assert NARROWEST <= related_pane(app).outer_size.width < WIDEST


async def test_a_collapsed_related_pane_leaves_the_titles_more_room() -> None:
    """At 120 columns the first row shows more of its title next to a collapsed related pane
    than next to a full one."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        await wait_until(pilot, lambda: related_pane(app).outer_size.width == WIDEST)
        beside_full = list_lines(app)[ORCHARD]
        await open_thread(pilot, app, ORCHARD)
        await wait_until(pilot, lambda: related_pane(app).outer_size.width == COLLAPSED)
        await pilot.pause()
        beside_collapsed = list_lines(app)[ORCHARD]
        shown = [line[2:].split("…")[0] for line in (beside_full, beside_collapsed)]
        assert app.view.title(ORCHARD).startswith(shown[1])
        assert len(shown[1]) > len(shown[0])


async def test_at_80_columns_the_list_and_posts_share_the_width() -> None:
    """At 80x24 the related pane is hidden and the list and the posts fill the width."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=SMALL) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        assert not related_pane(app).display
        widths = thread_list(app).outer_size.width + post_pane(app).outer_size.width
        assert widths == SMALL[0]


async def test_r_at_80_columns_shows_the_related_pane_beside_the_others() -> None:
    """`r` at 80 columns shows the related pane, and the three panes fit the width."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=SMALL) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        await pilot.press("r")
        await wait_until(pilot, lambda: related_pane(app).display)
        await pilot.pause()
        panes = (thread_list(app), post_pane(app), related_pane(app))
        assert sum(pane.outer_size.width for pane in panes) == SMALL[0]
        assert all(pane.outer_size.width >= COLLAPSED for pane in panes)
