"""The list's orders: `s` cycles source order, date, author, length and unread first; `--sort`
picks the first one; the title names the order; the open thread keeps the cursor."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from parsing.errors import ThreadlineError
from tui.app import ThreadlineApp
from tui.cli import reader_parser
from tui.sorting import SORT_ORDERS, date_key

from .helpers import WIDE, list_title, open_thread, thread_list, wait_loaded

SALT, ICE, KITES, UNDATED = range(4)
"""The threads of `clippings`, in source order."""


pytestmark = pytest.mark.usefixtures("own_folders")


@pytest.fixture
def clippings(tmp_path: Path) -> str:
    """Four threads: three clippings whose front matter names an author and a date (one
    without a year), and a page saying neither; 2, 3, 4 and 1 posts."""
    folder = tmp_path / "clips"
    folder.mkdir()
    pages = {
        "a.md": ("Zed Quill", "2025-03-02", ["Salt moved along the old roads.", "Then rails."]),
        "b.md": ("Ann Brook", "2024-11-20", ["Ice ships crossed.", "They sank.", "Few recall."]),
        "c.md": ("mia moss", "Feb 27", ["Kites rose.", "Red ones.", "Blue ones.", "None now."]),
    }
    for name, (author, date, posts) in pages.items():
        body = "\n\n".join(f"{n}/ {text}" for n, text in enumerate(posts, 1))
        text = f"---\nauthor: {author}\npublished: {date}\n---\n{body}\n"
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "d.txt").write_text("1/ A thread that says no date.\n", encoding="utf-8")
    return str(folder)


async def ready(pilot: Pilot[Any], app: ThreadlineApp) -> None:
    await wait_loaded(pilot, app)


async def rows_sorted_by(path: str, order: str) -> list[int]:
    app = ThreadlineApp(paths=[path], sort=order)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        return list(thread_list(app).rows)


async def test_source_order_is_the_first(clippings: str) -> None:
    """With no --sort, the list is in the order the files were read."""
    assert await rows_sorted_by(clippings, "source") == [SALT, ICE, KITES, UNDATED]


async def test_date_order_puts_the_oldest_first_and_undated_last(clippings: str) -> None:
    """By date: full dates oldest first, then a date without a year, then no date."""
    assert await rows_sorted_by(clippings, "date") == [ICE, SALT, KITES, UNDATED]


async def test_author_order_ignores_case_and_puts_no_author_last(clippings: str) -> None:
    """By author: Ann, mia, Zed (case ignored), then the thread with no author."""
    assert await rows_sorted_by(clippings, "author") == [ICE, KITES, SALT, UNDATED]


async def test_length_order_puts_the_most_posts_first(clippings: str) -> None:
    """By length: 4, 3, 2 then 1 posts."""
    assert await rows_sorted_by(clippings, "length") == [KITES, ICE, SALT, UNDATED]


async def test_unread_first_puts_read_threads_after(clippings: str) -> None:
    """Unread first: the threads opened go to the end when the order is chosen."""
    app = ThreadlineApp(paths=[clippings])
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        await open_thread(pilot, app, SALT)
        await open_thread(pilot, app, KITES)
        await pilot.press("s", "s", "s", "s")  # date, author, length, unread first
        await pilot.pause()
        assert list_title(app).endswith("unread first")
        assert thread_list(app).rows == [ICE, UNDATED, SALT, KITES]


async def test_s_cycles_the_orders_and_the_title_names_each(clippings: str) -> None:
    """Each `s` takes the next order, back to source order after the last; the list's title
    says which order it is in."""
    app = ThreadlineApp(paths=[clippings])
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        titles = []
        for _ in SORT_ORDERS:
            await pilot.press("s")
            await pilot.pause()
            titles.append(list_title(app).split(" · ")[-1])
        assert titles == ["by date", "by author", "longest first", "unread first", "4 unread"]
        assert thread_list(app).rows == [SALT, ICE, KITES, UNDATED]


async def test_sorting_keeps_the_cursor_on_the_open_thread(clippings: str) -> None:
    """The open thread stays under the cursor at its new place in the list."""
    app = ThreadlineApp(paths=[clippings])
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        await open_thread(pilot, app, SALT)
        await pilot.press("s")  # by date: the salt roads thread is second
        await pilot.pause()
        threads = thread_list(app)
        assert threads.cursor == 1
        assert threads.current == SALT


async def test_next_thread_follows_the_sorted_list(clippings: str) -> None:
    """`n` goes to the next thread of the list as sorted, not of the source."""
    app = ThreadlineApp(paths=[clippings], sort="length")
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        await open_thread(pilot, app, KITES)
        await pilot.press("n")
        await pilot.pause()
        assert app.main_screen.opened == ICE


async def test_a_search_keeps_the_order(clippings: str) -> None:
    """The threads a search leaves are shown in the chosen order."""
    app = ThreadlineApp(paths=[clippings], sort="length", search="e")
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        assert thread_list(app).rows == [KITES, ICE, SALT, UNDATED]


def test_the_command_line_takes_an_order() -> None:
    """`--sort date` is read; with no --sort none is given (the reader takes the order it
    remembers, else the source's)."""
    assert reader_parser().parse_args(["--sort", "date"]).sort == "date"
    assert reader_parser().parse_args([]).sort is None


def test_the_command_line_refuses_an_unknown_order() -> None:
    """An order the reader does not have is a usage error (one line, exit status 2)."""
    with pytest.raises(ThreadlineError, match="--sort"):
        reader_parser().parse_args(["--sort", "size"])


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        ("2024-11-20", "2025-03-02"),
        ("2025-03-02", "Feb 27"),
        ("Feb 27", "Mar 3"),
        ("Feb 27", "sometime"),
        ("sometime", None),
        ("2025-03-02", None),
    ],
)
def test_date_key_orders_full_then_partial_then_unknown_dates(
    earlier: str, later: str | None
) -> None:
    """A full date before a date without a year, those by month and day, unreadable dates
    after them, and no date last."""
    assert date_key(earlier) < date_key(later)
