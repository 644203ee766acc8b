"""Typed searches overtaking one another on a big corpus: the search of each key waits for the
one it cancels to be kept (`SearchMemory.turn`), and whatever the keys, the list ends as a fresh
search of the final text would have it.

Every search here goes to the background worker, as on a big corpus (`SMALL` 0).
"""

from __future__ import annotations

import pytest

from .helpers import SEEDLIKE, WIDE, make_app, thread_list, wait_loaded, wait_until
from .test_typed_search import in_the_background, slow_chunks  # noqa: F401  (fixtures)

EVERY_THREAD = list(range(7))


@pytest.mark.usefixtures("slow_chunks")
async def test_clearing_the_query_while_a_search_runs_lists_every_thread() -> None:
    """`quasar` typed then erased key by key, faster than the searches: the line is empty, so
    the list ends with every thread, not with what the search of `q` (still running when the
    last key erased it) found."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("slash", *"quasar", *["backspace"] * 6)
        memory = app.main_screen.view.searches
        await wait_until(pilot, lambda: memory.turn.acquire(blocking=False))
        memory.turn.release()
        await pilot.pause(0.5)  # longer than the search of `q` (0.35 s), had it gone on
        assert app.main_screen.filters.search == ""
        assert thread_list(app).rows == EVERY_THREAD


@pytest.mark.usefixtures("slow_chunks")
async def test_enter_on_a_cleared_query_keeps_no_search() -> None:
    """`quasar` typed, erased and kept with enter while the search of `q` still runs: no search
    is kept, and every thread is listed."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("slash", *"quasar", *["backspace"] * 6, "enter")
        memory = app.main_screen.view.searches
        await wait_until(pilot, lambda: memory.turn.acquire(blocking=False))
        memory.turn.release()
        await pilot.pause(0.5)  # longer than the search of `q` (0.35 s), had it gone on
        assert app.main_screen.filters.search == ""
        assert thread_list(app).rows == EVERY_THREAD
