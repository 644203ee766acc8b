"""The list's rows while a search is active: each row's hit count, the search text marked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tui.app import ThreadlineApp

from .helpers import (
    GRAIN,
    LIGHTHOUSE,
    RAIL,
    SEEDLIKE,
    WIDE,
    list_lines,
    make_app,
    thread_list,
    wait_loaded,
    wait_until,
)


async def search_for(pilot: Pilot[Any], app: ThreadlineApp, text: str) -> None:
    await pilot.press("slash", *text, "enter")
    await wait_until(pilot, lambda: app.main_screen.filters.search == text)
    await pilot.pause()


def row_line(app: ThreadlineApp, thread: int) -> str:
    row = thread_list(app).rows.index(thread)
    return list_lines(app)[row]


async def test_each_row_shows_its_hit_count_while_searching() -> None:
    """Searching `rail`: the lighthouse thread has it in 1 post, the rail thread in 3."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await search_for(pilot, app, "rail")
        assert thread_list(app).rows == [LIGHTHOUSE, RAIL]
        assert " 1 hit " in row_line(app, LIGHTHOUSE)
        assert " 3 hits " in row_line(app, RAIL)


async def test_rows_show_no_hit_count_without_a_search() -> None:
    """With no search, no row speaks of hits."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        assert not any("hit" in line for line in list_lines(app))


async def test_hit_counts_go_when_the_search_is_cleared() -> None:
    """escape after a kept search clears it, and the rows drop their hit counts."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await search_for(pilot, app, "rail")
        await pilot.press("escape")
        await wait_until(pilot, lambda: not app.main_screen.filters.search)
        await pilot.pause()
        assert not any("hit" in line for line in list_lines(app))


async def test_the_search_text_is_marked_in_a_rows_title() -> None:
    """The grain thread's title opens with `Grain`: searching `GRAIN`, those letters are drawn
    in the hit style (reversed, as in the post pane) and the letters around them are not."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await search_for(pilot, app, "GRAIN")
        assert thread_list(app).rows == [GRAIN]
        strip = thread_list(app).render_line(0)
        reversed_text = "".join(
            segment.text for segment in strip if segment.style and segment.style.reverse
        )
        assert reversed_text == "Grain"


async def test_a_title_mark_shows_markup_looking_text_literally(tmp_path: Path) -> None:
    """A search for `[bold]` in a title that holds it marks those letters as they are: no
    markup is read from the title or the search text."""
    corpus = tmp_path / "loud.txt"
    corpus.write_text("1/ The [bold]loud[/bold] title\n2/ And more.\n", encoding="utf-8")
    app = make_app(str(corpus))
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await search_for(pilot, app, "[bold]")
        strip = thread_list(app).render_line(0)
        reversed_text = "".join(
            segment.text for segment in strip if segment.style and segment.style.reverse
        )
        assert reversed_text == "[bold]"
        assert "The [bold]loud[/" in strip.text  # as typed, up to where the row cuts it
