"""A search typed into the reader on a big corpus: each key cancels the search before it, the
list narrows as the search goes, and the last key's answer is the list that stays.

Every test here sends searches to the background worker, as on a big corpus (`SMALL` 0).
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import pytest

from parsing import search as search_module
from parsing.search import ThreadSearch, threads_matching
from parsing.search_memory import SearchMemory
from tui.screens import main_screen, panes_screen

from .helpers import (
    LIGHTHOUSE,
    QUASAR,
    RAIL,
    SEEDLIKE,
    WIDE,
    count_title,
    make_app,
    thread_list,
    wait_loaded,
    wait_until,
)


@pytest.fixture(autouse=True)
def in_the_background(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(main_screen, "SMALL", 0)


@pytest.fixture
def slow_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """One thread a chunk, each taking 50 ms: a search of the 7 threads takes a third of a
    second, long enough for keys to overtake it."""
    monkeypatch.setattr(search_module, "CHUNK_THREADS", 1)
    search_chunk = ThreadSearch._search_chunk

    def slowly(self: ThreadSearch, *args: object) -> list[int]:
        time.sleep(0.05)
        return search_chunk(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(ThreadSearch, "_search_chunk", slowly)


async def test_typing_fast_ends_with_the_right_list() -> None:
    """`rail` typed in one go: the list ends with the two threads that hold it."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("slash", *"rail")
        await wait_until(pilot, lambda: app.main_screen.search_bar.wanted is None)
        await pilot.pause()
        assert thread_list(app).rows == [LIGHTHOUSE, RAIL]
        assert count_title(app) == "2 of 7 threads"


@pytest.mark.usefixtures("slow_chunks")
async def test_typing_over_slow_searches_ends_with_the_right_list() -> None:
    """With every search slower than the keys, `quasar` then two backspaces (`quas`) ends with
    the threads that hold `quas`."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("slash", *"quasar", "backspace", "backspace")
        await wait_until(pilot, lambda: app.main_screen.search_bar.wanted is None)
        await pilot.pause()
        assert thread_list(app).rows == threads_matching(app.loader.corpus, "quas") == [QUASAR]


@pytest.mark.usefixtures("slow_chunks")
async def test_a_new_key_cancels_the_search_in_flight(monkeypatch: pytest.MonkeyPatch) -> None:
    """`r`, then `a` while `r`'s search runs: `r`'s stops short (it is remembered as not
    complete) and `ra`'s runs to its end."""
    kept: list[tuple[str, bool]] = []
    keep = SearchMemory.keep

    def recorded(self: SearchMemory, search: ThreadSearch) -> None:
        kept.append((search.query, search.complete))
        keep(self, search)

    monkeypatch.setattr(SearchMemory, "keep", recorded)
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("slash", "r")
        await pilot.pause(0.12)
        await pilot.press("a")
        await wait_until(pilot, lambda: app.main_screen.search_bar.wanted is None)
        assert ("r", False) in kept
        assert ("r", True) not in kept
        assert kept[-1] == ("ra", True)


@pytest.mark.usefixtures("slow_chunks")
async def test_the_list_narrows_while_a_long_search_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """While `quasarcorp`'s search goes through the threads, the list shows those it has not
    ruled out yet, fewer each time, and ends with the one thread that holds it."""
    monkeypatch.setattr(panes_screen, "SHOW_AFTER", 0)
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        shown: list[list[int]] = []
        set_rows = thread_list(app).set_rows

        def recorded(rows: Sequence[int], *args: object, **keywords: object) -> None:
            shown.append(list(rows))
            set_rows(rows, *args, **keywords)  # type: ignore[arg-type]

        monkeypatch.setattr(thread_list(app), "set_rows", recorded)
        await pilot.press("slash")
        bar = app.main_screen.search_bar
        bar.value = "quasarcorp"  # pasted: one search
        await wait_until(pilot, lambda: bar.wanted is None and len(shown) > 0)
        assert shown[-1] == [QUASAR]
        sizes = [len(rows) for rows in shown]
        assert sizes == sorted(sizes, reverse=True)
        assert any(1 < size < 7 for size in sizes)
        assert all(QUASAR in rows for rows in shown)
