"""The author filter in the reader (`--author`, the command palette, a header chip), header
chips clicked away, and the list's order remembered with the filters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandPalette
from textual.geometry import Region
from textual.pilot import Pilot

from tui.app import ThreadlineApp
from tui.store import StateStore, corpus_key
from tui.widgets.header_bar import HeaderBar

from .helpers import (
    WIDE,
    count_title,
    header_text,
    list_title,
    thread_list,
    wait_loaded,
    wait_until,
)

SALT, ICE, KITES, UNDATED = range(4)
"""The threads of `clippings`, in source order."""


pytestmark = pytest.mark.usefixtures("own_folders")


@pytest.fixture
def clippings(tmp_path: Path) -> str:
    """Four threads: three clippings whose front matter names an author (one by handle), and a
    page that names none; 2, 3, 4 and 1 posts."""
    folder = tmp_path / "clips"
    folder.mkdir()
    pages = {
        "a.md": ("Zed Quill", ["Salt moved along the old roads.", "Then rails."]),
        "b.md": ("Ann Brook", ["Ice ships crossed.", "They sank.", "Few recall."]),
        "c.md": ("'@kitefan'", ["Kites rose.", "Red ones.", "Blue ones.", "None now."]),
    }
    for name, (author, posts) in pages.items():
        body = "\n\n".join(f"{n}/ {text}" for n, text in enumerate(posts, 1))
        text = f"---\nauthor: {author}\npublished: 2025-01-0{len(posts)}\n---\n{body}\n"
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "d.txt").write_text("1/ A thread that names no author.\n", encoding="utf-8")
    return str(folder)


def reader(path: str, **options: Any) -> ThreadlineApp:
    """The reader with the user's (temporary) store, as the command line starts it."""
    return ThreadlineApp(paths=[path], store=StateStore.open(corpus_key([path])), **options)


async def ready(pilot: Pilot[Any], app: ThreadlineApp) -> None:
    await wait_loaded(pilot, app)
    await pilot.pause()


def rows(app: ThreadlineApp) -> list[int]:
    return list(thread_list(app).rows)


async def click_chip(pilot: Pilot[Any], app: ThreadlineApp, label: str) -> None:
    """Click the header chip whose text holds `label`, where it is drawn."""
    header = app.main_screen.header_bar
    strip = header.render_lines(Region(0, 0, header.size.width, 1))[0]
    x = 0
    for segment in strip:
        if label in segment.text and segment.style is not None and "chip" in segment.style.meta:
            break
        x += segment.cell_length
    else:
        raise AssertionError(f"no chip {label!r} in {strip.text!r}")
    await pilot.click(HeaderBar, offset=(x + 1, 0))
    await pilot.pause()


async def test_author_given_at_start_keeps_that_authors_threads(clippings: str) -> None:
    """`--author brook` (part of a display name) lists only Ann Brook's thread."""
    app = reader(clippings, author="brook")
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        await wait_until(pilot, lambda: rows(app) == [ICE])
        assert count_title(app) == "1 of 4 threads"


async def test_author_by_handle_with_or_without_at(clippings: str) -> None:
    """`--author KITEFAN` and `--author @kitefan` both name the handle, in any case."""
    for wanted in ("KITEFAN", "@kitefan"):
        app = reader(clippings, author=wanted)
        async with app.run_test(size=WIDE) as pilot:
            await ready(pilot, app)
            await wait_until(pilot, lambda app=app: rows(app) == [KITES])


async def test_the_author_filter_is_a_header_chip(clippings: str) -> None:
    """An author filter shows in the header as `by NAME`."""
    app = reader(clippings, author="brook")
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        assert "by brook" in header_text(app)


async def test_the_palette_filters_by_author(clippings: str) -> None:
    """ctrl+p, `zed`, enter: only Zed Quill's thread is listed."""
    app = reader(clippings)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"author zed")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_until(pilot, lambda: rows(app) == [SALT])
        assert app.main_screen.filters.author == "Zed Quill"


async def test_the_author_filter_is_back_after_a_restart(clippings: str) -> None:
    """An author filter set in one session is active in the next."""
    app = reader(clippings)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        app.main_screen.filter_by_author("@kitefan")
        await wait_until(pilot, lambda: rows(app) == [KITES])
    again = reader(clippings)
    async with again.run_test(size=WIDE) as pilot:
        await ready(pilot, again)
        await wait_until(pilot, lambda: rows(again) == [KITES])
        assert "by @kitefan" in header_text(again)


async def test_clicking_the_author_chip_removes_the_author_filter(clippings: str) -> None:
    """A click on the `by brook` chip lists every thread again, and the chip is gone."""
    app = reader(clippings, author="brook")
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        await wait_until(pilot, lambda: rows(app) == [ICE])
        await click_chip(pilot, app, "by brook")
        await wait_until(pilot, lambda: rows(app) == [SALT, ICE, KITES, UNDATED])
        assert "by brook" not in header_text(app)


async def test_clicking_one_chip_keeps_the_other_filters(clippings: str) -> None:
    """With a search and an author active, clicking the search chip leaves the author."""
    app = reader(clippings, author="brook", search="ice")
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        await wait_until(pilot, lambda: rows(app) == [ICE])
        await click_chip(pilot, app, "/ ice")
        await wait_until(pilot, lambda: app.main_screen.filters.search == "")
        assert app.main_screen.filters.author == "brook"
        assert rows(app) == [ICE]


async def test_the_order_is_back_after_a_restart(clippings: str) -> None:
    """`s s` to author order, quit, start again: the list is by author and says so."""
    app = reader(clippings)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        await pilot.press("s", "s")
        await wait_until(pilot, lambda: "by author" in list_title(app))
    again = reader(clippings)
    async with again.run_test(size=WIDE) as pilot:
        await ready(pilot, again)
        await wait_until(pilot, lambda: "by author" in list_title(again))
        assert rows(again) == [ICE, KITES, SALT, UNDATED]


async def test_an_order_given_at_start_wins_over_the_remembered_one(clippings: str) -> None:
    """Author order remembered, then `--sort length`: the list is longest first."""
    app = reader(clippings)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        await pilot.press("s", "s")
        await wait_until(pilot, lambda: "by author" in list_title(app))
    again = reader(clippings, sort="length")
    async with again.run_test(size=WIDE) as pilot:
        await ready(pilot, again)
        await wait_until(pilot, lambda: again.remembered.known)
        await pilot.pause()
        assert again.main_screen.sort == "length"
        assert rows(again) == [KITES, ICE, SALT, UNDATED]


async def test_a_restart_with_a_filter_that_leaves_the_last_thread_out_opens_none(
    clippings: str,
) -> None:
    """The last session ended in Ice; `--author zed` now leaves Ice out: the list shows Zed
    Quill's thread and the post pane no thread."""
    app = reader(clippings)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot, app)
        app.main_screen.go_to_thread(ICE)
        await wait_until(pilot, lambda: app.main_screen.opened == ICE)
    again = reader(clippings, author="zed")
    async with again.run_test(size=WIDE) as pilot:
        await ready(pilot, again)
        await wait_until(pilot, lambda: rows(again) == [SALT])
        await pilot.pause()
        assert again.main_screen.opened is None
        assert again.main_screen.post_pane.thread is None
