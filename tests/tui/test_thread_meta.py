"""What a page says of a thread, shown: its date on the list's row, its author and date under
the posts, and `2 of 5 posts` over them when the page declared more posts than it holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.app import ThreadlineApp

from .helpers import WIDE, list_lines, open_thread, pane_lines, post_pane, wait_loaded

FERRY, PLAIN = range(2)


pytestmark = pytest.mark.usefixtures("own_folders")


@pytest.fixture
def page(tmp_path: Path) -> str:
    """A page whose header names Ann Brook (@annbrook), 3 Mar 2025 and 5 posts, of which it
    holds 2; then a page that says nothing of its thread."""
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Ann Brook\n@annbrook\nMar 3, 2025 • 5 tweets • 2 min read\n"
        "1/ The ferry ran twice a day.\n2/ Then once.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text("1/ Nobody says who wrote this.\n", encoding="utf-8")
    return str(folder)


async def test_row_shows_the_threads_date(page: str) -> None:
    """The row of a thread whose page gives a date shows it; the other row shows none."""
    app = ThreadlineApp(paths=[page])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        lines = list_lines(app)
        assert "2025-03-03" in lines[FERRY]
        assert "2025" not in lines[PLAIN]


async def test_post_pane_names_the_author_and_date(page: str) -> None:
    """Under the posts of an open thread: who wrote it and when, then where it comes from."""
    app = ThreadlineApp(paths=[page])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, FERRY)
        assert str(post_pane(app).border_subtitle).startswith("Ann Brook · 2025-03-03 · ")


async def test_post_pane_title_counts_the_posts_the_page_declared(page: str) -> None:
    """A thread holding 2 of the 5 posts its page declared says `2 of 5 posts`."""
    app = ThreadlineApp(paths=[page])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, FERRY)
        assert str(post_pane(app).border_title).startswith("2 of 5 posts · The ferry")


async def test_post_pane_title_is_the_title_alone_without_a_declared_length(page: str) -> None:
    """A thread whose page declares no length is titled by its first words alone."""
    app = ThreadlineApp(paths=[page])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, PLAIN)
        assert str(post_pane(app).border_title) == "Nobody says who wrote this."


async def test_posts_of_a_thread_cut_short_are_numbered_of_the_declared_length(page: str) -> None:
    """Each post of a thread holding 2 of the 5 posts its page declared is headed `1/5`,
    `2/5`: a thread cut short does not look complete (`2/2`)."""
    app = ThreadlineApp(paths=[page])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, FERRY)
        labels = [line.strip("\u258c ") for line in pane_lines(app) if "/" in line]
        assert labels == ["1/5", "2/5"]
